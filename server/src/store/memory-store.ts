/**
 * The `MatchStore` in memory: for tests, headless runs and tournaments that need no history.
 * It applies the same checks and normalisation as the database store (`checks.ts`), and hands
 * out copies, so code tested against it behaves the same on PGlite or PostgreSQL. Nothing
 * survives the process.
 */
import { checkNewMatch, demoKept, normaliseEvents, normaliseModelCalls, pageOf, StoreError, toJson } from './checks';
import { ladderOrder, matchesLadderFilter } from './ladder';
import type {
  AgentInfo,
  DemoFilter,
  LadderApplied,
  LadderFilter,
  LadderRating,
  LadderUpdate,
  MatchEvent,
  MatchFilter,
  MatchStatus,
  MatchStore,
  MatchSummary,
  MatchWithEvents,
  NewMatch,
  StoredModelCall,
} from './types';

interface StoredMatch {
  summary: Omit<MatchSummary, 'seats' | 'eventCount'>;
  seats: { seat: number; agent: string }[];
  events: MatchEvent[];
  modelCalls: StoredModelCall[];
}

export class MemoryStore implements MatchStore {
  private readonly matches = new Map<string, StoredMatch>();
  private readonly agents = new Map<string, AgentInfo>();
  private readonly ladder = new Map<string, LadderRating>();
  private readonly ladderMatches = new Map<string, Omit<LadderUpdate, 'ratings'>>();
  private closed = false;

  async createMatch(match: NewMatch): Promise<void> {
    this.open();
    checkNewMatch(match);
    if (this.matches.has(match.id)) throw new StoreError('store/duplicate-match', `match ${match.id} exists`);
    for (const { agent } of match.seats) {
      const config = toJson(agent.config);
      this.agents.set(
        agent.name,
        config === undefined || config === null ? { name: agent.name, kind: agent.kind } : { ...agent, config },
      );
    }
    this.matches.set(match.id, {
      summary: {
        id: match.id,
        game: match.game,
        params: toJson(match.params) ?? null,
        seed: match.seed,
        status: 'running',
        returns: null,
        settings: toJson(match.settings) ?? null,
        tournamentId: match.tournamentId ?? null,
        demo: match.demo ?? null,
        createdAt: Date.now(),
        finishedAt: null,
        finalStateHash: null,
      },
      seats: [...match.seats].sort((a, b) => a.seat - b.seat).map((s) => ({ seat: s.seat, agent: s.agent.name })),
      events: [],
      modelCalls: [],
    });
  }

  async appendEvents(matchId: string, events: MatchEvent[]): Promise<void> {
    const m = this.running(matchId);
    m.events.push(...normaliseEvents(matchId, m.events.length, events));
  }

  async appendModelCalls(matchId: string, calls: StoredModelCall[]): Promise<void> {
    const m = this.running(matchId);
    m.modelCalls.push(...normaliseModelCalls(matchId, calls));
  }

  async finishMatch(
    matchId: string,
    result: { status: Exclude<MatchStatus, 'running'>; returns: number[] | null; finalStateHash: string | null },
  ): Promise<void> {
    const m = this.running(matchId);
    m.summary = {
      ...m.summary,
      status: result.status,
      returns: (toJson(result.returns) as number[] | null | undefined) ?? null,
      finalStateHash: result.finalStateHash,
      finishedAt: Date.now(),
    };
  }

  async getMatch(matchId: string): Promise<MatchWithEvents | null> {
    this.open();
    const m = this.matches.get(matchId);
    return m ? this.full(m) : null;
  }

  async listMatches(filter: MatchFilter): Promise<{ matches: MatchSummary[]; total: number; page: number; pageSize: number }> {
    this.open();
    const { page, pageSize } = pageOf(filter);
    const all = [...this.matches.values()]
      .filter(
        (m) =>
          (filter.game === undefined || m.summary.game === filter.game) &&
          (filter.status === undefined || m.summary.status === filter.status) &&
          (filter.tournamentId === undefined || m.summary.tournamentId === filter.tournamentId) &&
          demoKept(filter.demo, m.summary.demo) &&
          (filter.agent === undefined || m.seats.some((s) => s.agent === filter.agent)),
      )
      .sort(newestFirst);
    const matches = all.slice((page - 1) * pageSize, page * pageSize).map((m) => this.summary(m));
    return { matches, total: all.length, page, pageSize };
  }

  async unfinishedMatches(): Promise<MatchWithEvents[]> {
    this.open();
    return [...this.matches.values()]
      .filter((m) => m.summary.status === 'running')
      .sort((a, b) => -newestFirst(a, b))
      .map((m) => this.full(m));
  }

  async listAgents(options: { demo?: DemoFilter } = {}): Promise<(AgentInfo & { matches: number })[]> {
    this.open();
    const counts = new Map<string, number>();
    for (const m of this.matches.values())
      if (demoKept(options.demo, m.summary.demo))
        for (const name of new Set(m.seats.map((s) => s.agent))) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...this.agents.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((a) => ({ ...structuredClone(a), matches: counts.get(a.name) ?? 0 }));
  }

  async pruneDemoMatches(keep: number): Promise<string[]> {
    this.open();
    const seen = new Map<string, number>();
    const pruned: string[] = [];
    for (const m of [...this.matches.values()].sort(newestFirst)) {
      const { demo, status, id } = m.summary;
      if (demo === null || status === 'running') continue;
      const n = (seen.get(demo) ?? 0) + 1;
      seen.set(demo, n);
      if (n > keep) pruned.push(id);
    }
    for (const id of pruned) this.matches.delete(id);
    return pruned;
  }

  async ladderRatings(filter: LadderFilter): Promise<LadderRating[]> {
    this.open();
    return [...this.ladder.values()]
      .filter((r) => matchesLadderFilter(r, filter))
      .sort(ladderOrder)
      .map((r) => ({ ...r }));
  }

  async applyLadderUpdate(update: LadderUpdate): Promise<LadderApplied> {
    this.open();
    if (this.ladderMatches.has(update.matchId)) return 'already-rated';
    const { ratings, ...match } = structuredClone(update);
    const key = (r: LadderRating) => JSON.stringify([r.game, r.pool, r.player]);
    if (ratings.some((r) => (this.ladder.get(key(r))?.version ?? 0) !== r.version - 1)) return 'conflict';
    this.ladderMatches.set(update.matchId, match);
    for (const r of ratings) this.ladder.set(key(r), r);
    return 'applied';
  }

  async ladderMatch(matchId: string): Promise<Omit<LadderUpdate, 'ratings'> | null> {
    this.open();
    const m = this.ladderMatches.get(matchId);
    return m ? structuredClone(m) : null;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw new StoreError('store/closed', 'the store is closed');
  }

  private running(matchId: string): StoredMatch {
    this.open();
    const m = this.matches.get(matchId);
    if (!m) throw new StoreError('store/unknown-match', `no match ${matchId}`);
    if (m.summary.status !== 'running') throw new StoreError('store/match-finished', `match ${matchId} is ${m.summary.status}`);
    return m;
  }

  private summary(m: StoredMatch): MatchSummary {
    return structuredClone({
      ...m.summary,
      seats: m.seats.map((s) => ({ seat: s.seat, agent: this.agents.get(s.agent) as AgentInfo })),
      eventCount: m.events.length,
    });
  }

  private full(m: StoredMatch): MatchWithEvents {
    return { ...this.summary(m), events: structuredClone(m.events), modelCalls: structuredClone(m.modelCalls) };
  }
}

/** Newest first; ties (same millisecond) by id, descending, as the database store orders them. */
function newestFirst(a: StoredMatch, b: StoredMatch): number {
  if (a.summary.createdAt !== b.summary.createdAt) return b.summary.createdAt - a.summary.createdAt;
  return a.summary.id < b.summary.id ? 1 : a.summary.id > b.summary.id ? -1 : 0;
}
