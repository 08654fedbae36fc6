/**
 * A running Diplomacy match's past phases, for the live page's phase history: every role reads
 * the same turns, each as spectators saw it begin; a turn's pending orders never show (only the
 * resolved orders of a turn that is over); turns that began within the spectator delay are left
 * out; a game not played in rounds has no turns.
 */
import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../auth/principal';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { join, type TestSeat, until } from './testing/clients';
import { postJson } from './testing/http';

const clock = new FakeClock();
const ROLES: Role[] = ['guest', 'person', 'bot', 'operator'];
// The caller's role comes from a test header, so one arena serves every role.
const principalOf = (request: Request | undefined): Principal => {
  const role = (request?.headers.get('x-test-role') ?? 'operator') as Role;
  return { role, accountId: role === 'person' || role === 'bot' ? `${role}-1` : null, name: role };
};
const test = useArena({ clock, principalOf });

interface Turns {
  turns: { turn: string; at: number; view: { lastPhase?: { orders: { text: string }[] } | null } }[];
}

async function turnsAs(role: Role, matchId: string): Promise<{ status: number; body: Turns & { code?: string } }> {
  const res = await fetch(`${test.base}/api/matches/${matchId}/turns`, { headers: { 'x-test-role': role } });
  return { status: res.status, body: (await res.json()) as Turns & { code?: string } };
}

/** Two people (Austria, England) and five random bots; clocks that never run out in a test. */
async function twoPeople(spectatorDelayMs: number) {
  const created = await postJson(`${test.base}/api/matches`, {
    game: 'diplomacy',
    params: { lastYear: 1902 },
    seed: 8,
    seats: ['human', 'human', 'random', 'random', 'random', 'random', 'random'],
    clock: { pressMs: 0, ordersMs: 3_600_000, retreatMs: 3_600_000, adjustMs: 3_600_000 },
    pressRounds: 0,
    spectatorDelayMs,
  });
  const austria = await join(test.port, created.matchId, created.seats[0].token);
  const england = await join(test.port, created.matchId, created.seats[1].token);
  return { matchId: created.matchId as string, austria, england };
}

/** Sends a seat's orders for its current decision (every unit holds, unless `orders`). */
async function order(seat: TestSeat, orders?: string[]) {
  await until(() => [...(seat.room.state.views ?? [])][0]?.decision >= 0, 10_000, 'a decision');
  const view = [...seat.room.state.views][0];
  const legal = JSON.parse(view.legal) as string[];
  seat.room.send('act', { decision: view.decision, actions: orders ?? legal.filter((o) => / H$/.test(o)) });
}

const opening = () => diplomacy.spectatorView(diplomacy.newInitialState({ lastYear: 1902 }));

describe('the turns of a running match', () => {
  it('shows every role the turns begun so far, never a pending order, and a past turn with its resolved orders', async () => {
    const { matchId, austria, england } = await twoPeople(0);
    // Austria orders; England has not: the turn stays open and Austria's orders are pending.
    await order(austria, ['A VIE - GAL', 'A BUD - SER', 'F TRI - ALB']);
    // The room took Austria's orders (the runtime holds them until every power has ordered).
    await until(() => austria.acks === 1, 10_000, 'Austria’s orders to be taken');
    expect(austria.room.state.turn).toBe('S1901M');
    for (const role of ROLES) {
      const { status, body } = await turnsAs(role, matchId);
      expect(status, role).toBe(200);
      expect(body.turns.map((t) => t.turn)).toEqual(['S1901M']);
      expect(body.turns[0]?.view).toEqual(opening());
      expect(JSON.stringify(body), role).not.toContain('VIE - GAL');
    }

    await order(england);
    await until(() => austria.room.state.turn === 'F1901M', 10_000, 'the spring to resolve');
    const seen = await turnsAs('guest', matchId);
    expect(seen.body.turns.map((t) => t.turn)).toEqual(['S1901M', 'F1901M']);
    // The spring's orders, resolved, in the view the fall began with.
    const spring = seen.body.turns[1]?.view.lastPhase?.orders.map((o) => o.text) ?? [];
    expect(spring).toEqual(expect.arrayContaining(['A VIE - GAL', 'A BUD - SER', 'F TRI - ALB']));
    for (const role of ROLES) expect((await turnsAs(role, matchId)).body, role).toEqual(seen.body);
    await austria.room.leave();
    await england.room.leave();
  });

  it('leaves out turns begun within the spectator delay, until the delay has passed', async () => {
    const { matchId, austria, england } = await twoPeople(60_000);
    await order(austria);
    await order(england);
    await until(() => austria.room.state.turn === 'F1901M', 10_000, 'the spring to resolve');
    expect((await turnsAs('guest', matchId)).body.turns.map((t) => t.turn)).toEqual(['S1901M']);
    await clock.advance(60_000);
    expect((await turnsAs('guest', matchId)).body.turns.map((t) => t.turn)).toEqual(['S1901M', 'F1901M']);
    await austria.room.leave();
    await england.room.leave();
  });

  it('answers 404 for no match, and 400 for a game not played in rounds', async () => {
    expect((await turnsAs('guest', 'no-such-match')).status).toBe(404);
    const kuhn = await postJson(`${test.base}/api/matches`, { game: 'kuhn', seed: 1, seats: ['random', 'call'] });
    const res = await turnsAs('guest', kuhn.matchId);
    expect([res.status, res.body.code]).toEqual([400, 'turns/unsupported']);
  });
});
