/** The framing rules at the edge: every broken opening ends the connection with its EM code. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DM, encodeFrame, encodeMessage, FrameReader, initialMessage, parseMessage, parseText, tokensToBytes } from './codec';
import { type DaideServer, startDaideServer } from './server';

let server: DaideServer;
beforeAll(async () => {
  server = await startDaideServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

/** Sends `bytes` and collects every frame until the server closes the connection. */
function exchange(bytes: Buffer): Promise<{ type: number; payload: string }[]> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(bytes));
    const reader = new FrameReader();
    const frames: { type: number; payload: string }[] = [];
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.push(chunk)) frames.push({ type: f.type, payload: f.payload.toString('hex') });
      if (frames.some((f) => f.type === 1) && frames.length >= 2) socket.end();
    });
    socket.on('close', () => resolve(frames));
  });
}

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('DAIDE framing errors', () => {
  it('answers a good IM with an empty RM', async () => {
    const frames = await exchange(Buffer.concat([initialMessage(), encodeMessage(parseMessage('MAP'))]));
    expect(frames[0]).toEqual({ type: 1, payload: '' });
    expect(frames[1]?.type).toBe(DM);
  });
  it.each([
    ['a DM before the IM', encodeMessage(parseMessage('OBS')), '0002'],
    ['the magic in the wrong byte order', hex('00 00 00 04 00 01 10 DA'), '0003'],
    ['a bad magic number', hex('00 00 00 04 00 01 12 34'), '0004'],
    ['an unknown version', hex('00 00 00 04 00 02 DA 10'), '0005'],
    ['a second IM', Buffer.concat([initialMessage(), initialMessage()]), '0006'],
    ['an unknown message type', Buffer.concat([initialMessage(), encodeFrame(9)]), '0008'],
    ['an RM from the client', Buffer.concat([initialMessage(), encodeFrame(1)]), '000d'],
    ['an invalid token', Buffer.concat([initialMessage(), encodeFrame(DM, tokensToBytes([0x5800]))]), '000e'],
  ])('ends the connection on %s', async (_what, bytes, code) => {
    const frames = await exchange(bytes);
    expect(frames.at(-1)).toEqual({ type: 4, payload: code });
  });
  it('answers unbalanced brackets with PRN and carries on', async () => {
    const frames = await exchange(
      Buffer.concat([initialMessage(), encodeFrame(DM, tokensToBytes(parseText('NME ( ('))), encodeMessage(parseMessage('MAP'))]),
    );
    expect(frames[1]?.payload.startsWith('4813')).toBe(true);
    expect(frames[2]?.type).toBe(DM);
  });
});
