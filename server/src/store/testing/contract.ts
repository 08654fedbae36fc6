/**
 * The `MatchStore` contract, written once and run against every store (memory, PGlite,
 * PostgreSQL): what a caller may rely on whichever store it was given. Each test gets a fresh,
 * empty store from `open` and disposes of it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateArenaMatch } from '../../ratings/ladder';
import type { LadderRating, MatchEvent, MatchStore, StoredModelCall } from '../types';
import type { OpenedStore } from './support';
import { newMatch } from './support';

const T0 = Date.UTC(2025, 0, 1);

export const events = (from: number, count: number, kind: MatchEvent['kind'] = 'action'): MatchEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    kind,
    payload: { n: from + i, text: `event ${from + i}` },
    at: T0 + from + i,
  }));

export const modelCall = (actionSeq: number, extra: Partial<StoredModelCall> = {}): StoredModelCall => ({
  provider: 'openai',
  model: 'gpt-4o',
  purpose: 'decide',
  prompt: [{ role: 'user', content: `act ${actionSeq}` }],
  reply: 'call',
  tokensIn: 120,
  tokensOut: 3,
  latencyMs: 812.5,
  costUsd: 0.00042,
  attempt: 0,
  actionSeq,
  seat: 1,
  at: T0 + actionSeq,
  ...extra,
});

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toThrow(new RegExp(`^${code}:`));
}

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`MatchStore contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: MatchStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('creates a match with its seats and gives it back as created', async () => {
      await store.createMatch(
        newMatch('m1', { seed: 4_000_000_000, settings: { clock: { actionMs: 500 } }, tournamentId: 't1' }),
      );
      const m = await store.getMatch('m1');
      expect(m).toMatchObject({
        id: 'm1',
        game: 'kuhn',
        params: { players: 2 },
        seed: 4_000_000_000,
        status: 'running',
        returns: null,
        settings: { clock: { actionMs: 500 } },
        tournamentId: 't1',
        finishedAt: null,
        finalStateHash: null,
        eventCount: 0,
        events: [],
        modelCalls: [],
      });
      expect(m!.seats).toEqual([
        { seat: 0, agent: { name: 'random', kind: 'bot' } },
        { seat: 1, agent: { name: 'always-call', kind: 'bot', config: { style: 'call' } } },
      ]);
      expect(Math.abs(m!.createdAt - Date.now())).toBeLessThan(60_000);
      expect(await store.getMatch('nope')).toBeNull();
    });

    it('refuses a second match with the same id, and malformed matches', async () => {
      await store.createMatch(newMatch('m1'));
      await rejects(store.createMatch(newMatch('m1')), 'store/duplicate-match');
      await rejects(store.createMatch(newMatch('m2', { seed: 1.5 })), 'store/invalid');
      const seat = { seat: 0, agent: { name: 'random', kind: 'bot' as const } };
      await rejects(store.createMatch(newMatch('m3', { seats: [seat, seat] })), 'store/invalid');
      expect((await store.listMatches({})).total).toBe(1);
    });

    it('appends events in order and refuses gaps, repeats, unknown kinds and unknown matches', async () => {
      await store.createMatch(newMatch('m1'));
      await store.appendEvents('m1', events(0, 3));
      await store.appendEvents('m1', []);
      await rejects(store.appendEvents('m1', events(4, 1)), 'store/out-of-order');
      await rejects(store.appendEvents('m1', events(2, 1)), 'store/out-of-order');
      await rejects(store.appendEvents('m1', [{ seq: 3, kind: 'bogus' as never, payload: null, at: T0 }]), 'store/invalid');
      await store.appendEvents('m1', events(3, 2, 'message'));
      await rejects(store.appendEvents('ghost', events(0, 1)), 'store/unknown-match');
      const m = await store.getMatch('m1');
      expect(m!.eventCount).toBe(5);
      expect(m!.events).toEqual([...events(0, 3), ...events(3, 2, 'message')]);
    });

    it('keeps several matches written at once apart and in order', async () => {
      const ids = Array.from({ length: 6 }, (_, i) => `c${i}`);
      await Promise.all(ids.map((id) => store.createMatch(newMatch(id))));
      const perMatch = 400;
      // Like a live match: one event at a time, without waiting for each to be durable.
      const writes: Promise<void>[] = [];
      for (let n = 0; n < perMatch; n++) for (const id of ids) writes.push(store.appendEvents(id, events(n, 1)));
      await Promise.all(writes);
      for (const id of ids) {
        const m = await store.getMatch(id);
        expect(m!.eventCount).toBe(perMatch);
        expect(m!.events.map((e) => e.seq)).toEqual(Array.from({ length: perMatch }, (_, i) => i));
        expect(m!.events[123]).toEqual(events(123, 1)[0]);
      }
    });

    it('stores model calls in order, with their optional fields', async () => {
      await store.createMatch(newMatch('m1'));
      const calls = [
        modelCall(0),
        modelCall(0, { attempt: 1, purpose: 'retry', error: 'bad json', reply: null }),
        modelCall(2, { parsed: { action: 'bet' } }),
        modelCall(3, { purpose: 'summarize', memory: { diary: [], summaries: [{ from: 1901, to: 1901, text: 'calm' }] } }),
      ];
      await store.appendModelCalls('m1', calls.slice(0, 2));
      await store.appendModelCalls('m1', calls.slice(2));
      expect((await store.getMatch('m1'))!.modelCalls).toEqual(calls);
      await rejects(store.appendModelCalls('m1', [modelCall(4, { tokensIn: 1.5 })]), 'store/invalid');
      await rejects(store.appendModelCalls('ghost', [modelCall(0)]), 'store/unknown-match');
    });

    it('gives JSON back as PostgreSQL keeps it', async () => {
      await store.createMatch(newMatch('m1', { params: { a: undefined, b: Number.NaN, c: 'x\u0000y', d: '\\u0000' } }));
      await store.appendEvents('m1', [{ seq: 0, kind: 'note', payload: { when: new Date(T0), nul: 'a\u0000' }, at: T0 + 0.7 }]);
      await store.appendEvents('m1', [{ seq: 1, kind: 'note', payload: null, at: T0 }]);
      await store.appendModelCalls('m1', [modelCall(0, { reply: 'ok\u0000', prompt: 'p\u0000' })]);
      const m = await store.getMatch('m1');
      expect(m!.params).toEqual({ b: null, c: 'x\ufffdy', d: '\\u0000' });
      expect(m!.events).toEqual([
        { seq: 0, kind: 'note', payload: { when: new Date(T0).toISOString(), nul: 'a\ufffd' }, at: T0 },
        { seq: 1, kind: 'note', payload: null, at: T0 },
      ]);
      expect(m!.modelCalls[0]).toMatchObject({ reply: 'ok\ufffd', prompt: 'p\ufffd' });
    });

    it('finishes a match once, and refuses appends after', async () => {
      await store.createMatch(newMatch('m1'));
      await store.appendEvents('m1', events(0, 2));
      await store.finishMatch('m1', { status: 'finished', returns: [1, -1], finalStateHash: 'abc' });
      const m = await store.getMatch('m1');
      expect(m).toMatchObject({ status: 'finished', returns: [1, -1], finalStateHash: 'abc', eventCount: 2 });
      expect(m!.finishedAt).toBeGreaterThanOrEqual(m!.createdAt);
      await rejects(store.appendEvents('m1', events(2, 1)), 'store/match-finished');
      await rejects(store.appendModelCalls('m1', [modelCall(2)]), 'store/match-finished');
      await rejects(store.finishMatch('m1', { status: 'aborted', returns: null, finalStateHash: null }), 'store/match-finished');
      await rejects(
        store.finishMatch('ghost', { status: 'aborted', returns: null, finalStateHash: null }),
        'store/unknown-match',
      );
    });

    it('lists matches newest first, filtered and paged', async () => {
      const specs = [
        { id: 'a1', game: 'kuhn', agent: 'random' },
        { id: 'a2', game: 'leduc', agent: 'random' },
        { id: 'a3', game: 'kuhn', agent: 'cfr' },
        { id: 'a4', game: 'kuhn', agent: 'random' },
        { id: 'a5', game: 'leduc', agent: 'cfr' },
      ];
      for (const s of specs)
        await store.createMatch(
          newMatch(s.id, {
            game: s.game,
            tournamentId: s.id === 'a4' ? 't9' : undefined,
            seats: [
              { seat: 0, agent: { name: s.agent, kind: 'bot' } },
              { seat: 1, agent: { name: 'tight', kind: 'bot' } },
            ],
          }),
        );
      await store.finishMatch('a3', { status: 'finished', returns: [0, 0], finalStateHash: 'h' });
      const ids = async (filter: Parameters<MatchStore['listMatches']>[0]) =>
        (await store.listMatches(filter)).matches.map((m) => m.id).sort();
      expect(await ids({ game: 'kuhn' })).toEqual(['a1', 'a3', 'a4']);
      expect(await ids({ agent: 'cfr' })).toEqual(['a3', 'a5']);
      expect(await ids({ agent: 'tight', game: 'leduc' })).toEqual(['a2', 'a5']);
      expect(await ids({ status: 'finished' })).toEqual(['a3']);
      expect(await ids({ status: 'running', game: 'kuhn' })).toEqual(['a1', 'a4']);
      expect(await ids({ tournamentId: 't9' })).toEqual(['a4']);
      expect(await ids({ agent: 'nobody' })).toEqual([]);

      const all = await store.listMatches({});
      expect(all).toMatchObject({ total: 5, page: 1, pageSize: 50 });
      const order = all.matches.map((m) => [m.createdAt, m.id] as const);
      const sorted = [...order].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : -1));
      expect(order).toEqual(sorted);
      const pages = [];
      for (let page = 1; page <= 3; page++) {
        const p = await store.listMatches({ page, pageSize: 2 });
        expect(p).toMatchObject({ total: 5, page, pageSize: 2 });
        pages.push(...p.matches.map((m) => m.id));
      }
      expect(pages).toEqual(all.matches.map((m) => m.id));
      expect((await store.listMatches({ page: 9, pageSize: 2 })).matches).toEqual([]);
      expect(await store.listMatches({ page: 0, pageSize: 1000 })).toMatchObject({ page: 1, pageSize: 200 });
      expect(all.matches.find((m) => m.id === 'a3')).toMatchObject({ status: 'finished', returns: [0, 0], eventCount: 0 });
    });

    it('finds the unfinished matches with everything needed to resume them', async () => {
      await store.createMatch(newMatch('done'));
      await store.createMatch(newMatch('live'));
      await store.createMatch(newMatch('gone'));
      await store.appendEvents('live', events(0, 4));
      await store.appendModelCalls('live', [modelCall(3)]);
      await store.finishMatch('done', { status: 'finished', returns: [1, -1], finalStateHash: 'h' });
      await store.finishMatch('gone', { status: 'aborted', returns: null, finalStateHash: null });
      const unfinished = await store.unfinishedMatches();
      expect(unfinished.map((m) => m.id)).toEqual(['live']);
      expect(unfinished[0]!.events).toEqual(events(0, 4));
      expect(unfinished[0]!.modelCalls).toEqual([modelCall(3)]);
    });

    it('lists agents with the number of matches they sat in', async () => {
      await store.createMatch(newMatch('m1'));
      await store.createMatch(
        newMatch('m2', {
          seats: [
            { seat: 0, agent: { name: 'random', kind: 'bot', config: { v: 2 } } },
            { seat: 1, agent: { name: 'random', kind: 'bot', config: { v: 2 } } },
          ],
        }),
      );
      expect(await store.listAgents()).toEqual([
        { name: 'always-call', kind: 'bot', config: { style: 'call' }, matches: 1 },
        { name: 'random', kind: 'bot', config: { v: 2 }, matches: 2 },
      ]);
    });

    it('hands out copies, not its own state', async () => {
      await store.createMatch(newMatch('m1'));
      await store.appendEvents('m1', events(0, 1));
      const m = await store.getMatch('m1');
      (m!.events[0]!.payload as { n: number }).n = 99;
      m!.seats[0]!.agent.name = 'changed';
      expect((await store.getMatch('m1'))!.events[0]!.payload).toEqual({ n: 0, text: 'event 0' });
      expect((await store.getMatch('m1'))!.seats[0]!.agent.name).toBe('random');
    });

    it('marks demo matches so lists and agent counts can leave them out', async () => {
      const seats = [
        { seat: 0, agent: { name: 'call', kind: 'bot' as const } },
        { seat: 1, agent: { name: 'random', kind: 'bot' as const } },
      ];
      await store.createMatch(newMatch('mine', { seats }));
      await store.createMatch({ ...newMatch('demo1', { seats }), demo: 'leduc' });
      const ids = async (demo?: 'include' | 'exclude' | 'only') =>
        (await store.listMatches({ demo })).matches.map((m) => `${m.id}:${m.demo}`).sort();
      expect(await ids()).toEqual(['demo1:leduc', 'mine:null']);
      expect(await ids('exclude')).toEqual(['mine:null']);
      expect(await ids('only')).toEqual(['demo1:leduc']);
      expect((await store.getMatch('demo1'))?.demo).toBe('leduc');
      const calls = async (demo?: 'include' | 'exclude') =>
        (await store.listAgents({ demo })).find((a) => a.name === 'call')?.matches;
      expect(await calls()).toBe(2);
      expect(await calls('exclude')).toBe(1);
    });

    it("prunes old finished demo matches per demo table, never anyone else's or a running one", async () => {
      const finish = (id: string) => store.finishMatch(id, { status: 'finished', returns: [1, -1], finalStateHash: 'h' });
      // Created in order, so later ids are newer.
      for (let i = 0; i < 5; i++) {
        await store.createMatch({ ...newMatch(`leduc${i}`), demo: 'leduc' });
        await store.appendEvents(`leduc${i}`, events(0, 3));
        if (i < 4) await finish(`leduc${i}`);
      }
      await store.createMatch({ ...newMatch('nlhe0'), demo: 'nlhe' });
      await finish('nlhe0');
      await store.createMatch(newMatch('person'));
      await finish('person');
      await store.createMatch(newMatch('cup', { tournamentId: 't1' }));
      await finish('cup');
      await store.flush();

      const pruned = await store.pruneDemoMatches(2);
      expect(pruned.sort()).toEqual(['leduc0', 'leduc1']);
      const left = (await store.listMatches({})).matches.map((m) => m.id).sort();
      expect(left).toEqual(['cup', 'leduc2', 'leduc3', 'leduc4', 'nlhe0', 'person']);
      expect(await store.getMatch('leduc0')).toBeNull();
      expect(await store.pruneDemoMatches(2)).toEqual([]);
      // The running demo (leduc4) stays whatever `keep` says.
      expect((await store.pruneDemoMatches(0)).sort()).toEqual(['leduc2', 'leduc3', 'nlhe0']);
      expect((await store.listMatches({})).matches.map((m) => m.id).sort()).toEqual(['cup', 'leduc4', 'person']);
    });

    it('keeps the ladder: rated matches move ratings once, filtered by game, pool and kind', async () => {
      const match = {
        matchId: 'r1',
        game: 'kuhn',
        seats: [
          { kind: 'person' as const, id: 'alice', name: 'alice' },
          { kind: 'agent' as const, id: 'heuristic', name: 'heuristic' },
        ],
        returns: [1, -1],
      };
      expect(await rateArenaMatch(store, match, T0)).toBe(true);
      expect(await rateArenaMatch(store, match, T0)).toBe(false); // applied once only
      expect(await store.ladderMatch('r1')).toEqual({ matchId: 'r1', game: 'kuhn', scoring: null, scores: [1, -1] });
      const all = await store.ladderRatings({ game: 'kuhn', pool: 'all' });
      expect(all.map((r) => [r.player, r.kind, r.matches, r.provisional])).toEqual([
        ['person:alice', 'person', 1, true],
        ['agent:heuristic', 'agent', 1, true],
      ]);
      expect(all[0]!.mu).toBeGreaterThan(25);
      expect(all[0]!.sigma).toBeLessThan(25 / 3);
      expect(all[0]!.updatedAt).toBe(T0);
      expect(await store.ladderRatings({ game: 'kuhn', pool: 'vs-people', kind: 'agent' })).toHaveLength(1);
      expect(await store.ladderRatings({ game: 'leduc' })).toEqual([]);
      expect((await store.ladderRatings({ name: 'heuristic' })).map((r) => r.pool).sort()).toEqual(['all', 'vs-people']);
    });

    it('applies a ladder update only over the versions it read (no lost update between processes)', async () => {
      const rating = (player: string, version: number, mu: number): LadderRating => ({
        game: 'nlhe',
        pool: 'all',
        player: `agent:${player}`,
        kind: 'agent',
        name: player,
        mu,
        sigma: 8,
        ordinal: mu - 24,
        matches: version,
        provisional: true,
        updatedAt: T0,
        version,
      });
      const update = (matchId: string, ratings: LadderRating[]) => ({
        matchId,
        game: 'nlhe',
        scoring: null,
        scores: [1, -1],
        ratings,
      });
      expect(await store.applyLadderUpdate(update('v-a', [rating('x', 1, 26), rating('y', 1, 24)]))).toBe('applied');
      // Two processes read x and y at version 1 and each compute version 2: the second is refused whole.
      expect(await store.applyLadderUpdate(update('v-b', [rating('x', 2, 27), rating('y', 2, 23)]))).toBe('applied');
      expect(await store.applyLadderUpdate(update('v-c', [rating('y', 2, 25), rating('x', 2, 25)]))).toBe('conflict');
      // Creating an entry another process created meanwhile is a conflict too.
      expect(await store.applyLadderUpdate(update('v-d', [rating('z', 1, 20), rating('x', 1, 30)]))).toBe('conflict');
      expect(await store.applyLadderUpdate(update('v-b', [rating('x', 3, 1)]))).toBe('already-rated');
      expect((await store.ladderRatings({ game: 'nlhe' })).map((r) => [r.name, r.mu, r.version])).toEqual([
        ['x', 27, 2],
        ['y', 23, 2],
      ]);
      expect(await store.ladderMatch('v-c')).toBeNull(); // a refused update leaves no trace
      expect(await store.ladderMatch('v-d')).toBeNull();
    });

    it('flushes, and refuses work once closed', async () => {
      await store.createMatch(newMatch('m1'));
      const pending = store.appendEvents('m1', events(0, 10));
      await store.flush();
      await pending;
      expect((await store.getMatch('m1'))!.eventCount).toBe(10);
      await store.close();
      await expect(store.appendEvents('m1', events(10, 1))).rejects.toThrow(/store\/closed/);
    });
  });
}
