/**
 * The ACPC dealer end to end over TCP (loopback, ports picked by the system): the bundled
 * reference client (`examples/acpc-bot`, written from the specification alone) plays heads-up
 * against Parley's tag bot and against itself, and a three-player ring game with a random bot.
 * Every hand reaches the client's final state, no answer of the client is ever replaced by a
 * default, nothing hidden reaches it before the showdown, and the match record replays.
 */
import { createConnection } from 'node:net';
import { createAgent, randomBot } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { type GameDef, type PlayResult, play, readLines } from '../../../examples/acpc-bot/bot';
import { replayRecord } from '../runtime/replay';
import { runAcpcMatch } from './dealer';
import type { Gamedef } from './gamedef';

const HUNL: Gamedef = { numPlayers: 2, stack: [20000, 20000], blind: [100, 50] };
const clientGame = (g: Gamedef): GameDef => ({
  numPlayers: g.numPlayers,
  stack: [...g.stack],
  blind: [...g.blind],
  firstPlayer: [g.numPlayers === 2 ? 2 : 3, 1, 1, 1],
  numRounds: 4,
});

/** Runs a dealer whose `acpc` seats each get a reference client; resolves to the record and the clients' results. */
async function match(gamedef: Gamedef, seats: ('acpc' | ReturnType<typeof randomBot>)[], hands: number) {
  const clients: Promise<PlayResult>[] = [];
  const log: string[] = [];
  const result = await runAcpcMatch({
    log: (line) => log.push(line),
    gamedef,
    hands,
    seed: 5,
    seats: seats.map((s) => (s === 'acpc' ? { acpc: 0 } : s)),
    onListening: (seat, port) => clients.push(play({ host: '127.0.0.1', port, game: clientGame(gamedef), seed: seat + 1 })),
  });
  const played = { ...result, clients: await Promise.all(clients) };
  // The reference client only sends legal actions: the dealer never had to fix one.
  expect(log.filter((l) => l.includes('fixed'))).toEqual([]);
  return played;
}

/** Checks what one client saw: one final state per hand, no opponent cards before a final state. */
function checkClient(client: PlayResult, hands: number, position: (line: string) => number): void {
  const states = client.received.filter((l) => l.startsWith('MATCHSTATE:'));
  expect(client.received.filter((l) => l.startsWith('#'))).toEqual([]);
  expect(client.hands).toBe(hands);
  const byHand = new Map<string, string[]>();
  for (const line of states) byHand.set(line.split(':')[2]!, [...(byHand.get(line.split(':')[2]!) ?? []), line]);
  expect(byHand.size).toBe(hands);
  for (const lines of byHand.values()) {
    for (const line of lines.slice(0, -1)) {
      const holes = line.split(':')[4]!.split('/')[0]!.split('|');
      expect(
        holes.every((h, p) => h === '' || p === position(line)),
        line,
      ).toBe(true);
    }
  }
}

describe('the ACPC dealer over TCP', () => {
  it('plays heads-up no-limit between the reference client and the tag bot, every client answer taken', async () => {
    const { record, clients } = await match(HUNL, ['acpc', createAgent('tag', 'nlhe')], 40);
    checkClient(clients[0]!, 40, (l) => Number(l.split(':')[1]));
    expect(clients[0]!.actions).toBeGreaterThan(40);
    const seat0 = record.actions.filter((a) => a.actor === 0);
    expect(seat0.length).toBeGreaterThan(40);
    expect(seat0.filter((a) => a.fallback)).toEqual([]);
    expect(record.returns[0]! + record.returns[1]!).toBe(0);
    expect(replayRecord(record)).toMatchObject({ ok: true });
  });

  it('plays two reference clients against each other, positions swapping every hand', async () => {
    const { record, clients } = await match(HUNL, ['acpc', 'acpc'], 30);
    for (const c of clients) checkClient(c, 30, (l) => Number(l.split(':')[1]));
    const firstStates = clients[0]!.received.filter((l) => l.startsWith('MATCHSTATE:') && l.split(':')[3] === '');
    expect(new Set(firstStates.map((l) => l.split(':')[1]))).toEqual(new Set(['0', '1']));
    expect(record.actions.filter((a) => a.fallback)).toEqual([]);
    expect(replayRecord(record)).toMatchObject({ ok: true });
  });

  it('plays a three-player ring game with two reference clients and a random bot', async () => {
    const ring: Gamedef = { numPlayers: 3, stack: [400, 400, 400], blind: [5, 10, 0] };
    const { record, clients } = await match(ring, ['acpc', randomBot(), 'acpc'], 30);
    for (const c of clients) checkClient(c, 30, (l) => Number(l.split(':')[1]));
    expect(record.actions.filter((a) => a.actor !== 1 && a.fallback)).toEqual([]);
    expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);
    expect(replayRecord(record)).toMatchObject({ ok: true });
  });

  it('answers a bad handshake and a reply to the wrong state with comments, and takes the right reply', async () => {
    let port = 0;
    const got: string[] = [];
    const client = new Promise<void>((resolve) => {
      const opened = new Promise<number>((r) => {
        const wait = () => (port ? r(port) : setImmediate(wait));
        wait();
      });
      void opened.then((p) => {
        const socket = createConnection(p, '127.0.0.1', () => socket.write('hello\r\n# a comment\r\nVERSION:2:0:0\r\n'));
        readLines(socket, (line) => {
          got.push(line);
          // Folds to every bet, but first answers a made-up state once.
          if (line.startsWith('MATCHSTATE:') && got.filter((l) => l.startsWith('MATCHSTATE')).length === 1) {
            socket.write('MATCHSTATE:9:9::|:c\r\n');
            socket.write(`${line}:f\r\n`);
          }
        });
        socket.on('close', () => resolve());
      });
    });
    // Heads-up, one hand: seat 1 (the button) acts first pre-flop.
    const { record } = await runAcpcMatch({
      gamedef: HUNL,
      hands: 1,
      seed: 1,
      seats: [createAgent('call', 'nlhe'), { acpc: 0 }],
      onListening: (_seat, p) => {
        port = p;
      },
    });
    await client;
    expect(got[0]).toMatch(/^# expected VERSION:2:0:0 first/);
    expect(got).toContainEqual(expect.stringMatching(/^# not the state awaiting your action/));
    expect(record.actions.find((a) => a.actor === 1)).toMatchObject({ action: 'fold' });
    expect(record.actions.filter((a) => a.fallback)).toEqual([]);
  });
});
