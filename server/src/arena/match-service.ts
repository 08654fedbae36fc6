/**
 * The matches of this server process: creating them (persisted first, with a seat token for each
 * open seat), opening them in rooms (resuming from the store when they were interrupted), and
 * checking seat tokens. Tokens are random 256-bit values returned once at creation; the store
 * keeps only their SHA-256, so a leaked database does not leak seats.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { MatchStore } from '../store/types';
import { LiveMatch } from './live-match';
import { HUMAN, type MatchSettings, matchSettingsSchema, seatAgentSpec } from './settings';

export interface StoredSettings {
  settings: MatchSettings;
  tokenHashes: (string | null)[];
}

export type CreateResult =
  | { ok: true; matchId: string; tokens: (string | null)[] }
  | { ok: false; code: string; message: string };

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class MatchService {
  readonly live = new Map<string, LiveMatch>();
  private readonly tokenHashes = new Map<string, (string | null)[]>();

  constructor(readonly store: MatchStore) {}

  /** Validates and stores a new match; a room then opens it. */
  async create(raw: unknown, options: { id?: string; tournamentId?: string } = {}): Promise<CreateResult> {
    const parsed = matchSettingsSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        code: 'match/invalid',
        message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      };
    }
    const settings = { ...parsed.data, seed: parsed.data.seed ?? randomBytes(4).readInt32LE(0) };
    let probe: LiveMatch;
    const id = options.id ?? randomUUID();
    try {
      // Building the match checks the game, its parameters, the seat count and every agent spec.
      probe = new LiveMatch({ id, settings, store: this.store });
    } catch (error) {
      return { ok: false, code: 'match/invalid', message: error instanceof Error ? error.message : String(error) };
    }
    const tokens = settings.seats.map((s) => (seatAgentSpec(s).spec === HUMAN ? randomBytes(32).toString('base64url') : null));
    const stored: StoredSettings = { settings, tokenHashes: tokens.map((t) => (t ? hash(t) : null)) };
    await this.store.createMatch({
      id,
      game: settings.game,
      params: probe.params,
      seed: settings.seed,
      seats: probe.seats.map((s, seat) => ({ seat, agent: { name: s.name, kind: s.kind } })),
      settings: stored,
      tournamentId: options.tournamentId,
    });
    return { ok: true, matchId: id, tokens };
  }

  /** Opens a stored match in this process, resuming it if it had started. */
  async open(matchId: string): Promise<LiveMatch> {
    const existing = this.live.get(matchId);
    if (existing) return existing;
    const stored = await this.store.getMatch(matchId);
    if (!stored) throw new Error(`no match ${matchId}`);
    const { settings, tokenHashes } = stored.settings as StoredSettings;
    this.tokenHashes.set(matchId, tokenHashes);
    const live = new LiveMatch({
      id: matchId,
      settings,
      store: this.store,
      resumeFrom: stored.events.length > 0 ? stored : undefined,
    });
    this.live.set(matchId, live);
    if (stored.status === 'running') live.start();
    else live.status = stored.status;
    return live;
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

  close(matchId: string): void {
    this.live.delete(matchId);
  }

  /** Stops every live match without finishing it, so a restart resumes them. */
  async suspendAll(): Promise<void> {
    for (const live of this.live.values()) if (live.status === 'running') live.suspend();
    await Promise.all([...this.live.values()].map((l) => l.done.catch(() => undefined)));
    await this.store.flush();
  }
}
