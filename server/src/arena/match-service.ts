/**
 * The matches of this server process: creating them (persisted first, with a seat token for each
 * open seat), opening them in rooms (resuming from the store when they were interrupted), and
 * checking seat tokens. Tokens are random 256-bit values returned once at creation; the store
 * keeps only their SHA-256, so a leaked database does not leak seats.
 */

import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type MatchSettings, matchSettingsSchema } from '@parley/protocol';
import { AgentRegistry } from '../agents-registry/registry';
import { BOT_PREFIX, BotDirectory } from '../auth/bot-directory';
import { mayFillSeat } from '../auth/policy';
import { OPERATOR, type Principal } from '../auth/principal';
import { type Clock, systemClock } from '../runtime/clock';
import { COMMITMENT_SCHEME, type Fairness, newSalt, seedCommitment } from '../runtime/fairness';
import type { MatchStore } from '../store/types';
import { boundedSettings, checkMatchSettings, GLOBAL_LIMITS, RateWindow, ROLE_LIMITS } from './limits';
import { LiveMatch } from './live-match';
import { HUMAN, seatAgentSpec } from './settings';

export interface StoredSettings {
  settings: MatchSettings;
  tokenHashes: (string | null)[];
  /** The seed's commitment, published at creation; the salt and seed are shown once it ends. */
  fairness?: Fairness;
  /** Whose quota the match counts against. */
  owner?: string;
}

export type CreateResult =
  | { ok: true; matchId: string; tokens: (string | null)[] }
  | { ok: false; status: 400 | 401 | 403 | 429; code: string; message: string };

export type StopResult = { ok: true } | { ok: false; status: 403 | 404 | 409; code: string; message: string };

export interface CreateOptions {
  id?: string;
  tournamentId?: string;
  /** Who asks; the server's own callers (the demo, tournaments) act as the operator. */
  principal?: Principal;
  /** Whose quota this counts against (an account, or a guest's address). */
  quotaKey?: string;
  /** The demo table this match is played on: demo matches are marked, and pruned by the demo. */
  demo?: string;
}

const CREATED_KEPT = 1000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class MatchService {
  readonly live = new Map<string, LiveMatch>();
  private readonly tokenHashes = new Map<string, (string | null)[]>();
  private readonly owners = new Map<string, string>();
  private readonly created: RateWindow;
  /**
   * Matches created here and not yet opened, with the match built to check them: their room
   * (usually in this process) opens them without reading them back. Bounded, since with several
   * processes the room may open elsewhere; a match missing here is read from the store.
   */
  private readonly unopened = new Map<string, { stored: StoredSettings; live: LiveMatch }>();

  readonly clock: Clock;
  /** How long a finished match's room stays open for its spectators before it closes. */
  readonly lingerMs: number;
  /** Bot accounts, for seats `bot/NAME` (the auth service keeps it current). */
  readonly bots = new BotDirectory();

  constructor(
    readonly store: MatchStore,
    /** The operator's agent registry: seats name its ids (or `human`), nothing else. */
    readonly agents: AgentRegistry = new AgentRegistry(),
    options: { clock?: Clock; lingerMs?: number } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.lingerMs = options.lingerMs ?? 5 * 60_000;
    this.created = new RateWindow(() => this.clock.now());
  }

  /** Running matches in this process, all of them or one quota key's. */
  running(quotaKey?: string): number {
    let n = 0;
    for (const [id, live] of this.live)
      if (live.status === 'running' && (quotaKey === undefined || this.owners.get(id) === quotaKey)) n++;
    return n;
  }

  /** Validates and stores a new match within the caller's quotas; a room then opens it. */
  async create(raw: unknown, options: CreateOptions = {}): Promise<CreateResult> {
    const principal = options.principal ?? OPERATOR;
    const key = options.quotaKey ?? `${principal.role}:${principal.accountId ?? 'local'}`;
    const limits = ROLE_LIMITS[principal.role];
    const parsed = matchSettingsSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        status: 400,
        code: 'match/invalid',
        message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      };
    }
    // Whoever picks the seed knows every card: only the operator may (replays, tests, demos).
    if (parsed.data.seed !== undefined && principal.role !== 'operator')
      return { ok: false, status: 400, code: 'match/seed', message: 'only the operator may choose a seed' };
    const badSeat = this.checkSeats(parsed.data, principal);
    if (badSeat) return badSeat;
    const checked = checkMatchSettings(parsed.data, principal.role);
    if (!checked.ok) return checked;
    for (const seat of parsed.data.seats) {
      const { spec } = seatAgentSpec(seat);
      if (spec !== HUMAN && this.agents.get(spec)?.kind === 'llm' && !limits.llmSeats)
        return {
          ok: false,
          status: 400,
          code: 'match/llm-seat',
          message: `${spec} spends the operator's model budget; only the operator seats it`,
        };
    }
    if (this.running() >= GLOBAL_LIMITS.liveMatches)
      return {
        ok: false,
        status: 429,
        code: 'limits/busy',
        message: `the arena is running its maximum of ${GLOBAL_LIMITS.liveMatches} matches; try again later`,
      };
    if (this.running(key) >= limits.liveMatches)
      return {
        ok: false,
        status: 429,
        code: 'limits/live-matches',
        message: `you have ${limits.liveMatches} matches running, the most a ${principal.role} may; wait for one to end`,
      };
    if (!this.created.take(key, limits.matchesPerMinute))
      return {
        ok: false,
        status: 429,
        code: 'limits/rate',
        message: `a ${principal.role} may create ${limits.matchesPerMinute} matches per minute`,
      };
    const bounded = boundedSettings(parsed.data, principal.role);
    const settings = { ...bounded, seed: bounded.seed ?? randomBytes(4).readInt32LE(0) };
    let probe: LiveMatch;
    const id = options.id ?? randomUUID();
    try {
      // Building the match checks the game, its parameters, the seat count and every agent spec.
      probe = new LiveMatch({ id, settings, store: this.store, agents: this.agents, clock: this.clock, bots: this.bots });
    } catch (error) {
      return { ok: false, status: 400, code: 'match/invalid', message: error instanceof Error ? error.message : String(error) };
    }
    const tokens = settings.seats.map((s) => (seatAgentSpec(s).spec === HUMAN ? randomBytes(32).toString('base64url') : null));
    const salt = newSalt();
    const stored: StoredSettings = {
      settings,
      tokenHashes: tokens.map((t) => (t ? hash(t) : null)),
      fairness: { scheme: COMMITMENT_SCHEME, commitment: seedCommitment(settings.seed, salt), salt },
      owner: key,
    };
    this.owners.set(id, key);
    await this.store.createMatch({
      id,
      game: settings.game,
      params: probe.params,
      seed: settings.seed,
      seats: probe.seats.map((s, seat) => ({ seat, agent: { name: s.name, kind: s.kind } })),
      settings: stored,
      tournamentId: options.tournamentId,
      demo: options.demo,
    });
    this.unopened.set(id, { stored, live: probe });
    for (const oldest of this.unopened.keys()) {
      if (this.unopened.size <= CREATED_KEPT) break;
      this.unopened.delete(oldest);
    }
    return { ok: true, matchId: id, tokens };
  }

  /** Opens a stored match in this process, resuming it if it had started. */
  async open(matchId: string): Promise<LiveMatch> {
    const existing = this.live.get(matchId);
    if (existing) return existing;
    const fresh = this.unopened.get(matchId);
    if (fresh) {
      // Just created by this process: nothing played yet, nothing to read back.
      this.unopened.delete(matchId);
      this.tokenHashes.set(matchId, fresh.stored.tokenHashes);
      const { live } = fresh;
      this.live.set(matchId, live);
      live.start();
      return live;
    }
    const stored = await this.store.getMatch(matchId);
    if (!stored) throw new Error(`no match ${matchId}`);
    const { settings, tokenHashes, owner } = stored.settings as StoredSettings;
    this.tokenHashes.set(matchId, tokenHashes);
    if (owner) this.owners.set(matchId, owner);
    const live = new LiveMatch({
      id: matchId,
      settings,
      store: this.store,
      agents: this.agents,
      clock: this.clock,
      bots: this.bots,
      resumeFrom: stored.events.length > 0 ? stored : undefined,
    });
    this.live.set(matchId, live);
    if (stored.status === 'running') live.start();
    else live.status = stored.status;
    return live;
  }

  /**
   * Ends a running match for good (it is stored as aborted): its owner or the operator may. The
   * match must be running in this process; with several processes the caller asks the one that
   * holds its room.
   */
  async stop(matchId: string, principal: Principal, quotaKey: string): Promise<StopResult> {
    const live = this.live.get(matchId);
    if (!live) {
      const stored = await this.store.getMatch(matchId);
      if (!stored) return { ok: false, status: 404, code: 'match/not-found', message: 'no such match' };
      if (stored.status !== 'running')
        return { ok: false, status: 409, code: 'match/not-running', message: 'the match has ended' };
      return { ok: false, status: 409, code: 'match/elsewhere', message: 'the match is not open in this process' };
    }
    if (live.status !== 'running') return { ok: false, status: 409, code: 'match/not-running', message: 'the match has ended' };
    if (principal.role !== 'operator' && this.owners.get(matchId) !== quotaKey)
      return { ok: false, status: 403, code: 'match/not-yours', message: "only the match's owner or the operator may stop it" };
    live.stop(`stopped by ${principal.role === 'operator' ? 'the operator' : 'its owner'}`);
    await live.done;
    return { ok: true };
  }

  async seatForToken(matchId: string, token: string): Promise<number | null> {
    const hashes =
      this.tokenHashes.get(matchId) ??
      ((await this.store.getMatch(matchId))?.settings as StoredSettings | undefined)?.tokenHashes ??
      [];
    const given = Buffer.from(hash(token), 'hex');
    const seat = hashes.findIndex((h) => h !== null && timingSafeEqual(Buffer.from(h, 'hex'), given));
    return seat >= 0 ? seat : null;
  }

  /**
   * The seats of a running match that a bot account may take over WebSocket (its `bot/NAME`
   * seats, unless it is a webhook bot).
   */
  async seatsForBot(matchId: string, accountId: string): Promise<number[]> {
    const live = this.live.get(matchId) ?? (await this.open(matchId));
    return live.seats.flatMap((s, seat) => (s.botAccountId === accountId && s.human ? [seat] : []));
  }

  /**
   * Who may seat what (auth/policy.ts: guests play built-in bots only, bot accounts need someone
   * signed in); bot seats must name a known bot account, and no other seat may pose as one.
   */
  private checkSeats(settings: MatchSettings, who: Principal): Extract<CreateResult, { ok: false }> | null {
    const invalid = (message: string) => ({ ok: false as const, status: 400 as const, code: 'match/invalid', message });
    for (const raw of settings.seats) {
      const { spec, name } = seatAgentSpec(raw);
      if (!mayFillSeat(who.role, spec === HUMAN ? 'human' : this.agents.get(spec)?.kind))
        return {
          ok: false,
          status: who.role === 'guest' ? 401 : 403,
          code: 'match/seat-forbidden',
          message: `a ${who.role} may not seat ${spec.slice(0, 64)}${who.role === 'guest' ? ': guests play against built-in bots' : ''}`,
        };
      if (name?.toLowerCase().startsWith(BOT_PREFIX)) return invalid(`a seat name may not start with "${BOT_PREFIX}"`);
      if (spec.startsWith(BOT_PREFIX) && !this.bots.forSpec(spec))
        return invalid(`no bot account named ${spec.slice(BOT_PREFIX.length, BOT_PREFIX.length + 30)}`);
    }
    return null;
  }

  close(matchId: string): void {
    this.live.delete(matchId);
    this.owners.delete(matchId);
  }

  /** Stops every live match without finishing it, so a restart resumes them. */
  async suspendAll(): Promise<void> {
    for (const live of this.live.values()) if (live.status === 'running') live.suspend();
    await Promise.all([...this.live.values()].map((l) => l.done.catch(() => undefined)));
    await this.store.flush();
  }
}
