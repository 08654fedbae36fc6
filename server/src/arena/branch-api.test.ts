/**
 * POST /api/matches/:id/branches: the operator forks a finished match at a turn and plays
 * continuations in the background; anyone reads the branch and its continuations once stored.
 */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { fetchJson, playedDiplomacy, postAs, roleFromHeader } from './testing/http';

const test = useArena({
  // Bots answer at once; no deadline ever falls due on a clock that stands still.
  clock: new FakeClock(),
  principalOf: roleFromHeader,
});

const post = (role: 'guest' | 'person' | 'operator', path: string, body: unknown) => postAs(test.base, role, path, body);

const SEATS = ['heuristic', 'random', 'heuristic', 'random', 'random', 'heuristic', 'random'];
/** A finished Diplomacy match played in the arena, as anyone would make one. */
const finishedMatch = () => playedDiplomacy(test.arena, test.base, 23, SEATS);

describe('forking a match through the API', () => {
  it('is for the operator only, and checks the turn and the seats', async () => {
    const matchId = await finishedMatch();
    const path = `/api/matches/${matchId}/branches`;
    expect((await post('guest', path, { at: 'S1902M' })).code).toBe('auth/sign-in');
    expect((await post('person', path, { at: 'S1902M' })).code).toBe('auth/forbidden');
    expect(await post('operator', path, { at: 'W1902M' })).toMatchObject({ code: 'branch/at' });
    expect(await post('operator', path, { at: 'S1907M' })).toMatchObject({ code: 'branch/at', message: /S1901M F1901M/ });
    expect(await post('operator', path, { at: 'S1902M', file: '/etc/passwd' })).toMatchObject({ code: 'branch/invalid' });
    expect(await post('operator', path, { at: 'S1902M', times: 1000 })).toMatchObject({ code: 'branch/invalid' });
    const people = Array.from({ length: 7 }, () => 'human');
    expect(await post('operator', path, { at: 'S1902M', seats: people })).toMatchObject({ code: 'branch/seats' });
    expect(await post('operator', path, { at: 'S1902M', seats: ['random'] })).toMatchObject({ code: 'branch/seats' });
    expect(await post('operator', '/api/matches/no-such-match/branches', { at: 'S1902M' })).toMatchObject({
      code: 'match/not-found',
    });
  });

  it('plays continuations whose unchanged one reproduces the parent, and reports them against it', async () => {
    const matchId = await finishedMatch();
    const heuristicMeasures = async () => (await fetchJson(`${test.base}/api/measures/diplomacy?agent=heuristic`)).perModel[0];
    const before = await heuristicMeasures();
    const started = await post('operator', `/api/matches/${matchId}/branches`, { at: 's1902m', times: 3 });
    expect(started).toMatchObject({ matchId, at: 'S1902M', times: 3, status: 'running' });
    expect(started.seats).toEqual(SEATS);
    await test.arena.branches.settled(started.id);

    // Anyone reads the branch, as they read the match.
    const branch = await fetchJson(`${test.base}/api/matches/${matchId}/branches/${started.id}`);
    expect(branch).toMatchObject({ status: 'finished', played: 3, seq: started.seq });
    expect(branch.continuations).toEqual([0, 1, 2].map((k) => `${started.id}.${k}`));
    expect(branch.report).toMatchObject({ at: 'S1902M', continuations: 3 });
    expect(branch.report.sameAsParent).toBeGreaterThanOrEqual(1);
    const parent = await fetchJson(`${test.base}/api/matches/${matchId}`);
    expect(branch.report.perSeat.map((s: { parent: number }) => s.parent)).toEqual(parent.returns);

    // Continuation 0 keeps the parent's seed and seats: the same record, action for action. Only
    // the parent carries a seed commitment: a continuation's seed follows from the revealed one.
    const exported = (id: string) => fetchJson(`${test.base}/api/matches/${id}/export`);
    const { fairness, ...parentRecord } = await exported(matchId);
    expect(fairness.salt).toBeDefined();
    const { branch: origin, ...same } = await exported(branch.continuations[0]);
    expect(same).toEqual(parentRecord);
    expect(origin).toEqual({
      parentSeed: parent.seed,
      parentHash: parentRecord.finalStateHash,
      at: 'S1902M',
      seq: started.seq,
      index: 0,
    });

    // Measures pool the parent with its continuations, each continuation counted from its fork:
    // the press it carried over is the parent's, counted once.
    const heuristicSeats = SEATS.flatMap((a, seat) => (a === 'heuristic' ? [seat] : []));
    const sentBy = (r: { messages: { from: number; seq: number }[] }, before = Number.POSITIVE_INFINITY) =>
      r.messages.filter((m) => heuristicSeats.includes(m.from) && m.seq < before).length;
    const carried = sentBy(parentRecord, started.seq);
    let expected = before.pressSent;
    for (const id of branch.continuations) expected += sentBy(await exported(id)) - carried;
    expect(carried).toBeGreaterThan(0);
    expect(await heuristicMeasures()).toMatchObject({ matches: before.matches + 3, pressSent: expected });
    const other = await fetchJson(`${test.base}/api/matches/${branch.continuations[1]}`);
    expect(other).toMatchObject({ status: 'finished', settings: { pressRounds: 1 } });
    expect(other.seed).not.toBe(parent.seed);

    const listed = await fetchJson(`${test.base}/api/matches/${matchId}/branches`);
    expect(listed.branches.map((b: { id: string }) => b.id)).toEqual([started.id]);
    expect((await fetchJson(`${test.base}/api/matches/${matchId}/branches/nope`)).code).toBe('branch/not-found');
  });
});
