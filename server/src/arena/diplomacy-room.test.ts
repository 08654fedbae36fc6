import { getGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { type Frame, join, type TestSeat, until } from './testing/clients';
import { fetchJson, postJson } from './testing/http';

/** Deadlines never pass on their own: the people answer every phase, however loaded the machine. */
const test = useArena({ clock: new FakeClock() });

/** One legal order per unit (or per build slot), as a person clicking through the board would. */
function ordersFor(legal: string[], observation: { ordersToGive?: number }): string[] {
  const byUnit = new Map<string, string>();
  for (const order of legal) {
    if (order === 'VOTE DRAW') continue;
    const key = order === 'WAIVE' ? order : order.split(' ').slice(0, 2).join(' ');
    if (!byUnit.has(key)) byUnit.set(key, order);
  }
  return [...byUnit.values()].slice(0, observation.ordersToGive ?? byUnit.size);
}

function playDiplomacy(seat: TestSeat, onPress: () => void, submitted = new Map<string, string[]>()): void {
  let answered = -1;
  let pressed = false;
  let readyIn = '';
  const respond = (state: any) => {
    // Press goes out while the first negotiation period is open, then the seat says it is ready;
    // in later periods it is ready at once (the arena's clock only moves when a test moves it).
    if (state.pressOpenUntil > 0 && readyIn !== state.turn) {
      readyIn = state.turn;
      if (pressed) seat.room.send('ready', {});
      else {
        pressed = true;
        onPress();
      }
    }
    const view = [...(state.views ?? [])][0];
    if (!view || view.decision < 0 || view.decision === answered) return;
    answered = view.decision;
    const orders = ordersFor(JSON.parse(view.legal), JSON.parse(view.observation));
    submitted.set(state.turn, orders);
    seat.room.send('act', { decision: view.decision, actions: orders });
  };
  seat.room.onStateChange(respond);
  respond(seat.room.state);
}

const hasBytes = (frames: Frame[], text: string) => frames.filter((f) => f.bytes.includes(Buffer.from(text)));

describe('Diplomacy room', () => {
  it('keeps pending orders and private press from everyone who may not see them', async () => {
    const created = await postJson(`${test.base}/api/matches`, {
      game: 'diplomacy',
      params: { lastYear: 1901 },
      seed: 3,
      seats: ['human', 'human', 'random', 'random', 'random', 'random', 'random'],
      clock: { pressMs: 5000, ordersMs: 4000, retreatMs: 4000, adjustMs: 4000 },
      pressRounds: 1,
    });
    const austria = await join(test.port, created.matchId, created.seats[0].token);
    const england = await join(test.port, created.matchId, created.seats[1].token);
    const spectator = await join(test.port, created.matchId);
    const secretToFrance = `secret-for-france-${Math.random().toString(36).slice(2)}`;
    const noteToEngland = `note-for-england-${Math.random().toString(36).slice(2)}`;
    const austriaOrders = new Map<string, string[]>();
    playDiplomacy(
      austria,
      () => {
        austria.room.send('press', { to: [2], text: secretToFrance, commitments: [{ kind: 'no-attack', target: 2 }] });
        austria.room.send('press', { to: [1], text: noteToEngland });
        austria.room.send('ready', {});
      },
      austriaOrders,
    );
    playDiplomacy(england, () => england.room.send('ready', {}));

    await until(
      async () => (await fetchJson(`${test.base}/api/matches/${created.matchId}`)).status === 'finished',
      60_000,
      'the match to finish',
    );
    const stored = await fetchJson(`${test.base}/api/matches/${created.matchId}`);
    const actions = stored.events
      .filter((e: { kind: string }) => e.kind === 'action')
      .map((e: { payload: unknown }) => e.payload);
    const messages = stored.events
      .filter((e: { kind: string }) => e.kind === 'message')
      .map((e: { payload: { text: string } }) => e.payload.text);
    expect(messages).toEqual(expect.arrayContaining([secretToFrance, noteToEngland]));
    const final = actions.length;

    // Private press: England and the spectator see Austria's note to France only once the game is
    // over (when all press is published), never while it runs.
    expect(hasBytes(england.frames, secretToFrance).every((f) => (f.actions ?? 0) >= final)).toBe(true);
    expect(hasBytes(england.frames, noteToEngland).length).toBeGreaterThan(0);
    expect(hasBytes(spectator.frames, secretToFrance).every((f) => (f.actions ?? 0) >= final)).toBe(true);

    // Pending orders: at every frame, no other power's unrevealed orders are in it.
    const game = getGame('diplomacy');
    const states = [game.newInitialState({ lastYear: 1901 })];
    for (const a of actions) states.push(game.applyAction(states[states.length - 1], a.actor, a.action));
    let checked = 0;
    for (const [viewer, frames] of [
      [0, austria.frames],
      [1, england.frames],
      [null, spectator.frames],
    ] as const) {
      for (const frame of frames) {
        const s = states[Math.min(frame.actions ?? 0, states.length - 1)];
        for (let seat = 0; seat < 7; seat++) {
          if (seat === viewer) continue;
          for (const hidden of game.privateValues(s, seat)) {
            expect(frame.bytes.includes(Buffer.from(JSON.stringify(hidden))), `viewer ${viewer} saw ${hidden}`).toBe(false);
            checked++;
          }
        }
      }
    }
    // The live server applies a phase's orders together, so pending orders never sit in a state a
    // client sees; check too that Austria's orders, once sent, reach nobody before their phase resolves.
    const turns = [...austriaOrders.keys()];
    turns.forEach((turn, i) => {
      const before = new Set(i > 0 ? austriaOrders.get(turns[i - 1] as string) : []);
      for (const order of austriaOrders.get(turn) ?? []) {
        if (before.has(order)) continue;
        for (const frames of [england.frames, spectator.frames]) {
          expect(
            frames.filter((f) => f.turn === turn && f.bytes.includes(Buffer.from(order))),
            `${order} seen during ${turn}`,
          ).toEqual([]);
          checked++;
        }
      }
    });
    expect(turns.length).toBeGreaterThanOrEqual(2);
    expect(checked).toBeGreaterThan(10);
    // Both people played every phase themselves.
    expect(actions.filter((a: { actor: unknown; fallback?: string }) => (a.actor === 0 || a.actor === 1) && a.fallback)).toEqual(
      [],
    );
    for (const c of [austria, england, spectator]) await c.room.leave();

    const exported = await fetchJson(`${test.base}/api/matches/${created.matchId}/export?format=diplomacy`);
    expect(exported.phases.map((p: { name: string }) => p.name)).toContain('S1901M');
    expect((await fetchJson(`${test.base}/api/matches/${created.matchId}/export?format=phh`)).code).toBe('export/unsupported');
  });
});
