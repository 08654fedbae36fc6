/**
 * A recorded MATCHSTATE transcript, byte for byte over TCP: the specification's heads-up
 * no-limit example (`__fixtures__/hunl-example.txt`) is played through an ACPC seat and the NLHE
 * engine with the example's cards; a raw client sends the transcript's client lines, and the
 * bytes the seat sends must be exactly the transcript's dealer lines, each ending in \r\n.
 */
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import type { DecisionInput } from '@parley/agents';
import { createRng, type Nlhe, nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { AcpcSeat } from './seat';

const transcript = readFileSync(new URL('./__fixtures__/hunl-example.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => /^[SC]-> /.test(line))
  .map((line) => ({ from: line[0] as 'S' | 'C', text: line.slice(4) }));

/** Connects, sends the client lines as their turn comes, and resolves to every byte received. */
function scriptedClient(port: number): Promise<string> {
  return new Promise((resolve) => {
    let next = 0;
    let received = '';
    const socket = createConnection(port, '127.0.0.1', () => sendClientLines());
    const sendClientLines = () => {
      for (; transcript[next]?.from === 'C'; next++) socket.write(`${transcript[next]!.text}\r\n`);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const lines = received.split('\r\n').length - 1;
      const expectedSoFar = transcript.slice(0, next).filter((e) => e.from === 'S').length;
      // Each dealer line received moves past its transcript entry, then sends the client lines after it.
      for (let seen = expectedSoFar; seen < lines && transcript[next]?.from === 'S'; seen++) {
        next++;
        sendClientLines();
      }
    });
    socket.on('close', () => resolve(received));
  });
}

describe('the specification transcript over TCP', () => {
  it('sends exactly the dealer lines of the heads-up no-limit example and takes the client lines', async () => {
    const seat = new AcpcSeat({ port: 0, firstHand: 30 });
    const client = scriptedClient(await seat.listen());
    await seat.connected;
    const parsed = nlhe.descriptor.parseParams({ players: 2, startingStack: 20000, blinds: [50, 100] });
    if (!parsed.ok) throw new Error(parsed.error.message);
    let s: Nlhe.NlheState = nlhe.newInitialState(parsed.params);
    const deals = ['0 9s', '0 8h', '1 9c', '1 6h', 'board 8c', 'board 8d', 'board 5c', 'board 6s', 'board 2d'];
    const opponent = ['call', 'call', 'call', 'call', 'show'];
    seat.observe(s, 0);
    while (!s.over) {
      const actor = nlhe.currentPlayer(s) as number | 'chance';
      let action: string;
      if (actor === 'chance') action = `deal ${deals.shift()}`;
      else if (actor === 1) action = opponent.shift()!;
      else {
        const input = { legalActions: nlhe.legalActions(s, 0), signal: AbortSignal.timeout(10_000), rng: createRng(1) };
        action = await seat.act(input as unknown as DecisionInput);
      }
      expect(nlhe.validateAction(s, actor, action), `${actor}: ${action}`).toBeNull();
      s = nlhe.applyAction(s, actor, action);
      seat.observe(s, 0);
    }
    await seat.close();
    const expected = transcript.filter((e) => e.from === 'S').map((e) => `${e.text}\r\n`);
    expect(await client).toBe(expected.join(''));
    // Trip eights beat a pair: the client wins the 2,500-chip pot (1,250 each, the r1250 of the river).
    expect(s.past[0]!.finishing).toEqual([21250, 18750]);
    expect(s.past[0]!.log.filter((e) => e.startsWith('p1 raise'))).toEqual(['p1 raise 150', 'p1 raise 250', 'p1 raise 750']);
  });
});
