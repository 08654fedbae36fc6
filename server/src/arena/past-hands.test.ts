/**
 * The finished hands of a running poker session, for a page opened or reloaded mid-match
 * (GET /api/matches/:id/hands): each role reads them as it may. A seat reads its own hole cards
 * and the hands shown at showdown; the other seat and spectators read no unshown hole card;
 * spectators of a delayed match read a hand only once the delay has passed; nobody reads the
 * hand in play.
 */
import { SEAT_TOKEN_HEADER } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { join, type TestSeat, until } from './testing/clients';
import { postJson } from './testing/http';

const clock = new FakeClock();
const test = useArena({ clock });
const DELAY_MS = 60_000;

interface Hand {
  hand: number;
  board: string;
  shown: Record<string, string>;
  actions: string[];
}

async function handsAs(matchId: string, token?: string): Promise<{ status: number; hands: Hand[]; code?: string }> {
  const res = await fetch(`${test.base}/api/matches/${matchId}/hands`, {
    headers: token === undefined ? {} : { [SEAT_TOKEN_HEADER]: token },
  });
  const body = (await res.json()) as { hands: Hand[]; code?: string };
  return { status: res.status, ...body };
}

interface Seen {
  hand: number;
  hole: string[];
}

/** Checks or calls through hand 1 and stops there; keeps each hand's hole cards as the seat saw them. */
function playHandOne(seat: TestSeat, holes: Map<number, string[]>) {
  let answered = -1;
  seat.room.onStateChange((state: any) => {
    const view = [...(state.views ?? [])][0];
    if (!view) return;
    const obs = JSON.parse(view.observation) as Seen | null;
    if (obs && obs.hole.length > 0) holes.set(obs.hand, obs.hole);
    if (obs?.hand !== 1 || view.decision < 0 || view.decision === answered) return;
    const legal = JSON.parse(view.legal) as string[];
    answered = view.decision;
    seat.room.send('act', { decision: view.decision, actions: [legal.includes('check') ? 'check' : 'call'] });
  });
}

/** Hole cards dealt to `seat` as a reader sees them in a hand's log (`??` when hidden). */
const dealtTo = (hand: Hand, seat: number) =>
  hand.actions.filter((l) => l.startsWith(`deal ${seat} `)).map((l) => l.slice(`deal ${seat} `.length));

describe('the finished hands of a running session', () => {
  it('shows each seat its own cards, no one another’s unshown ones, spectators only past the delay, never the hand in play', async () => {
    const created = await postJson(`${test.base}/api/matches`, {
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 5 },
      seed: 5,
      seats: ['human', 'human'],
      clock: { actionMs: 3_600_000, bankMs: 0 },
      spectatorDelayMs: DELAY_MS,
    });
    const matchId = created.matchId as string;
    const tokens = [created.seats[0].token as string, created.seats[1].token as string];
    const holes = [new Map<number, string[]>(), new Map<number, string[]>()];
    const seats = [await join(test.port, matchId, tokens[0]), await join(test.port, matchId, tokens[1])];
    for (const [i, s] of seats.entries()) playHandOne(s, holes[i]!);
    // Hand 2 is dealt to both, and the store holds hand 1 for a seat to read.
    await until(() => holes.every((h) => h.has(2)), 60_000, 'hand 2 to be dealt');
    await until(async () => (await handsAs(matchId, tokens[0])).hands.length === 1, 60_000, 'hand 1 to be stored');

    // Each hand is dealt from a fresh deck: a card of hand 2 that hand 1 did not hold or deal must not show.
    const {
      hands: [one],
    } = await handsAs(matchId, tokens[0]);
    const handOne = new Set([...holes[0]!.get(1)!, ...holes[1]!.get(1)!, ...(one!.board.match(/.{2}/g) ?? [])]);
    const inPlay = [...holes[0]!.get(2)!, ...holes[1]!.get(2)!].filter((c) => !handOne.has(c));
    expect(inPlay.length).toBeGreaterThan(0);
    for (const seat of [0, 1]) {
      const other = 1 - seat;
      const { status, hands } = await handsAs(matchId, tokens[seat]);
      expect(status).toBe(200);
      expect(hands.map((h) => h.hand)).toEqual([1]);
      const [hand] = hands as [Hand];
      expect(dealtTo(hand, seat)).toEqual(holes[seat]!.get(1));
      // The other seat's cards read only if shown at showdown (then as shown).
      const shownOther = hand.shown[String(other)];
      expect(dealtTo(hand, other)).toEqual(shownOther ? holes[other]!.get(1) : ['??', '??']);
      if (!shownOther) for (const card of holes[other]!.get(1)!) expect(JSON.stringify(hands)).not.toContain(card);
      for (const card of inPlay) expect(JSON.stringify(hands), `hand in play, seat ${seat}`).not.toContain(card);
    }

    // Spectators of the delayed match: nothing until the delay has passed since hand 1 ended.
    const early = await handsAs(matchId);
    expect(early).toMatchObject({ status: 200, hands: [] });
    await clock.advance(DELAY_MS + 1);
    const late = await handsAs(matchId);
    expect(late.hands.map((h) => h.hand)).toEqual([1]);
    const [hand] = late.hands as [Hand];
    for (const seat of [0, 1]) {
      const shown = hand.shown[String(seat)];
      expect(dealtTo(hand, seat)).toEqual(shown ? holes[seat]!.get(1) : ['??', '??']);
      if (!shown) for (const card of holes[seat]!.get(1)!) expect(JSON.stringify(late.hands)).not.toContain(card);
    }
    for (const card of inPlay) expect(JSON.stringify(late.hands)).not.toContain(card);
    // The winner showed and the loser mucked, so the checks above saw both cases.
    expect(Object.keys(hand.shown)).toHaveLength(1);
    for (const s of seats) await s.room.leave();
  });

  it('refuses a token that holds no seat, and a game not played in hands', async () => {
    const poker = await postJson(`${test.base}/api/matches`, {
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 2 },
      seats: ['call', 'call'],
    });
    expect(await handsAs(poker.matchId, 'not-a-seat-token')).toMatchObject({ status: 403, code: 'seat/unknown-token' });
    const kuhn = await postJson(`${test.base}/api/matches`, { game: 'kuhn', seats: ['random', 'random'] });
    expect(await handsAs(kuhn.matchId)).toMatchObject({ status: 400, code: 'hands/unsupported' });
  });
});
