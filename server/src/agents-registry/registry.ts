/**
 * The agent registry: the one list of agents that network input may name. API callers and the web
 * name a seat by a registered id, never by a file, a URL, an environment variable or a config
 * field; the operator decides what is registered:
 *
 * - built-ins (`random`, `call`, `equilibrium`, `heuristic`, `tag`);
 * - LLM configurations from the operator's agents file, each with a daily USD cap (operator-config.ts);
 * - bot accounts (WebSocket or webhook), which the accounts module registers through
 *   `registerBotAccount` and removes with `unregister` when a token or bot is revoked.
 *
 * `llm:PATH?overrides`, `policy:FILE` and `http:URL` remain the CLI's and the operator's
 * tournament files' business (`createAgent` in @parley/agents), never reachable from here.
 */
import { type Agent, type ChatClient, createAgent, httpAgent, type LlmConfig } from '@parley/agents';
import type { SeatKind } from '../store/types';
import { capSpend, SpendLedger } from './spend';
import { checkWebhookTarget, NO_WEBHOOKS, type Resolver, type WebhookPolicy } from './webhook-target';

export type EntryKind = 'builtin' | 'llm' | 'bot';

export interface RegistryEntry {
  readonly id: string;
  readonly kind: EntryKind;
  readonly description: string;
  /** The games it plays; absent means every game. */
  readonly games?: readonly string[];
  /** How the store files its seats. */
  readonly seatKind: SeatKind;
  /** LLM configurations: the day's spend cap in USD. */
  readonly dailyCapUsd?: number;
  /** Bot accounts: the person who owns it. */
  readonly ownerId?: string;
  create(gameId: string): Agent;
  /** LLM configurations: the model as a judge of press (analyzer/diplomacy/judge.ts). */
  judge?(): { config: LlmConfig; client: ChatClient };
}

/** What the API shows of an entry: never a path, a URL or a key. */
export interface PublicEntry {
  id: string;
  kind: EntryKind;
  description: string;
  games: readonly string[] | null;
  dailyCapUsd: number | null;
  spentTodayUsd: number | null;
  /** Whether it may judge press (POST /api/matches/:id/judge). */
  judge: boolean;
}

export class RegistryError extends Error {
  constructor(
    readonly code: 'agent/unknown' | 'agent/wrong-game' | 'agent/invalid-id' | 'agent/taken' | 'agent/webhook-refused',
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Ids are short and plain, so they can sit in URLs, logs and records without escaping. */
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/;

const BUILTINS: readonly Omit<RegistryEntry, 'create' | 'kind' | 'seatKind'>[] = [
  { id: 'random', description: 'plays a uniformly random legal action' },
  { id: 'call', description: 'checks or calls (holds in Diplomacy)' },
  { id: 'equilibrium', description: 'the shipped equilibrium strategy', games: ['kuhn', 'leduc'] },
  { id: 'heuristic', description: 'a rule-based Diplomacy bot', games: ['diplomacy'] },
  { id: 'tag', description: "a tight-aggressive No-Limit Hold'em bot", games: ['nlhe'] },
];

export interface BotAccountEntry {
  /** The registry id, e.g. `bot/alice-bot` (see AGENT_ID). */
  id: string;
  ownerId: string;
  description?: string;
  games?: readonly string[];
  /** `webhook`: Parley POSTs decisions to `url`. `websocket`: the bot connects; `create` gives the seat. */
  transport: { kind: 'webhook'; url: string } | { kind: 'websocket'; create: (gameId: string) => Agent };
}

export interface AgentRegistryOptions {
  webhooks?: WebhookPolicy;
  ledger?: SpendLedger;
  /** Resolves webhook host names (tests inject one). */
  resolve?: Resolver;
}

export class AgentRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  readonly webhooks: WebhookPolicy;
  readonly ledger: SpendLedger;
  private readonly resolve?: Resolver;

  constructor(options: AgentRegistryOptions = {}) {
    this.webhooks = options.webhooks ?? NO_WEBHOOKS;
    this.ledger = options.ledger ?? new SpendLedger();
    this.resolve = options.resolve;
    for (const b of BUILTINS) this.add({ ...b, kind: 'builtin', seatKind: 'bot', create: (gameId) => createAgent(b.id, gameId) });
  }

  /** Adds an entry; ids are unique across kinds. */
  add(entry: RegistryEntry): void {
    if (!AGENT_ID.test(entry.id))
      throw new RegistryError('agent/invalid-id', 'an agent id is letters, digits, . _ - (and one /)');
    if (this.entries.has(entry.id)) throw new RegistryError('agent/taken', `the agent id ${entry.id} is taken`);
    this.entries.set(entry.id, Object.freeze({ ...entry }));
  }

  /** Adds an operator LLM configuration whose model calls count against its daily cap. */
  addLlm(entry: {
    id: string;
    description: string;
    dailyCapUsd: number;
    create: (gameId: string) => Agent;
    judge?: RegistryEntry['judge'];
  }): void {
    const { create, ...rest } = entry;
    this.add({
      ...rest,
      kind: 'llm',
      seatKind: 'llm',
      create: (gameId) => capSpend(create(gameId), entry.id, entry.dailyCapUsd, this.ledger),
    });
  }

  /**
   * The extension point for bot accounts (owned by the accounts module). A webhook's URL is
   * checked against the operator's allow-list now, and again before every request (a name may
   * be re-pointed). Throws a RegistryError with a message fit to show the bot's owner.
   */
  async registerBotAccount(bot: BotAccountEntry): Promise<void> {
    const base = {
      id: bot.id,
      kind: 'bot' as const,
      ownerId: bot.ownerId,
      description: bot.description ?? 'a bot account',
      ...(bot.games ? { games: bot.games } : {}),
    };
    const transport = bot.transport;
    if (transport.kind === 'websocket') {
      this.add({ ...base, seatKind: 'external', create: transport.create });
      return;
    }
    const check = await checkWebhookTarget(transport.url, this.webhooks, this.resolve);
    if (!check.ok) throw new RegistryError('agent/webhook-refused', check.message);
    this.add({ ...base, seatKind: 'external', create: (gameId) => this.checkedWebhook(bot.id, check.url, gameId) });
  }

  private checkedWebhook(id: string, url: string, gameId: string): Agent {
    const inner = httpAgent(url, gameId);
    const recheck = async () => {
      const check = await checkWebhookTarget(url, this.webhooks, this.resolve);
      if (!check.ok) throw new Error(`http/refused: ${check.message}`);
    };
    const negotiate = inner.negotiate?.bind(inner);
    return {
      name: id, // records name the registered id, never the URL
      act: async (input) => {
        await recheck();
        return inner.act(input);
      },
      ...(negotiate
        ? {
            negotiate: async (input: Parameters<NonNullable<Agent['negotiate']>>[0]) => {
              await recheck();
              return negotiate(input);
            },
          }
        : {}),
    };
  }

  unregister(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.kind === 'builtin') return false;
    return this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): RegistryEntry | undefined {
    return this.entries.get(id);
  }

  /** The entry for `id` if it plays `gameId`; throws a RegistryError otherwise. */
  entryFor(id: string, gameId: string): RegistryEntry {
    const entry = typeof id === 'string' ? this.entries.get(id) : undefined;
    if (!entry)
      throw new RegistryError(
        'agent/unknown',
        `'${String(id).slice(0, 64)}' is not a registered agent (GET /api/registry lists them)`,
      );
    if (entry.games && !entry.games.includes(gameId))
      throw new RegistryError('agent/wrong-game', `${entry.id} plays ${entry.games.join(', ')}, not ${gameId}`);
    return entry;
  }

  create(id: string, gameId: string): Agent {
    return this.entryFor(id, gameId).create(gameId);
  }

  list(): PublicEntry[] {
    return [...this.entries.values()]
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        description: e.description,
        games: e.games ?? null,
        dailyCapUsd: e.dailyCapUsd ?? null,
        spentTodayUsd: e.kind === 'llm' ? this.ledger.spentToday(e.id) : null,
        judge: e.judge !== undefined,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
