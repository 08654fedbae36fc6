import { describe, expect, it } from 'vitest';
import examples from './__fixtures__/worked-examples.json';
import {
  DM,
  decodePayload,
  EM,
  encodeFrame,
  encodeMessage,
  errorMessage,
  FM,
  FrameReader,
  formatMessage,
  formatTokens,
  initialMessage,
  parseMessage,
  parseText,
  RM,
  tokensToBytes,
} from './codec';
import { integerToken, integerValue, tk, tokenName } from './tokens';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('DAIDE codec against the protocol documents worked examples', () => {
  for (const { text, frame } of examples.messages) {
    it(`encodes ${text}`, () => {
      expect(encodeMessage(parseMessage(text)).toString('hex')).toBe(hex(frame).toString('hex'));
    });
    it(`decodes ${text}`, () => {
      const [decoded] = new FrameReader().push(hex(frame));
      expect(decoded?.type).toBe(DM);
      const result = decodePayload(decoded!.payload);
      expect(result.ok && formatMessage(result.message)).toBe(text);
    });
  }
  for (const { text, bytes } of examples.tokens) {
    it(`token string ${text}`, () => {
      expect(tokensToBytes(parseText(text)).toString('hex')).toBe(hex(bytes).toString('hex'));
      expect(formatTokens(parseText(text))).toBe(text);
    });
  }
  it('writes the fixed frames', () => {
    expect(initialMessage()).toEqual(hex(examples.frames.im));
    expect(encodeFrame(RM)).toEqual(hex(examples.frames.emptyRm));
    expect(encodeFrame(FM)).toEqual(hex(examples.frames.fm));
    expect(errorMessage(0x0e)).toEqual(hex(examples.frames.em0E));
    expect(errorMessage(0x0e)[0]).toBe(EM);
  });
  it('sign-extends integers and keeps them in range', () => {
    expect(integerValue(integerToken(-8192))).toBe(-8192);
    expect(integerValue(integerToken(8191))).toBe(8191);
    expect(() => integerToken(8192)).toThrow();
  });
  it('names tokens in every category', () => {
    expect(tokenName(tk('FCT'))).toBe('FCT');
    expect(tk('FWD')).toBe(0x4a08);
    expect(tk('SMR')).toBe(0x481e);
    expect(tk('DSD')).toBe(0x490d);
    expect(tk('NWC')).toBe(0x460e);
    expect(tk('WVE')).toBe(0x4382);
  });
});

describe('frames from a stream', () => {
  it('reassembles frames split anywhere and keeps the tail', () => {
    const bytes = Buffer.concat([initialMessage(), encodeMessage(parseMessage('OBS')), encodeFrame(FM)]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = new FrameReader();
      const frames = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(frames.map((f) => f.type)).toEqual([0, DM, FM]);
    }
  });
  it('reports odd payloads, invalid tokens and unbalanced brackets', () => {
    expect(decodePayload(Buffer.from([0x48]))).toEqual({ ok: false, kind: 'odd-length' });
    expect(decodePayload(Buffer.from([0x58, 0x00]))).toEqual({ ok: false, kind: 'invalid-token', at: 0 });
    expect(decodePayload(tokensToBytes(parseText('NME ( (')))).toMatchObject({ ok: false, kind: 'brackets' });
  });
});
