/**
 * The bot accounts this arena knows, by name, for code that must answer synchronously: building a
 * match's seats. The auth service loads it at start and keeps it current as bots are created and
 * deleted. A seat `bot/NAME` names a bot account; a WebSocket bot takes its seat by joining the
 * room with one of its API tokens, and a webhook bot is called at the URL its owner registered.
 */
import type { AccountRow } from '../store/accounts';

export interface BotEntry {
  accountId: string;
  name: string;
  displayName: string;
  ownerId: string | null;
  webhookUrl: string | null;
}

/** Bot accounts' ids in the agent registry: `bot/NAME`. */
export const BOT_PREFIX = 'bot/';

export class BotDirectory {
  private readonly byName = new Map<string, BotEntry>();

  put(row: AccountRow): void {
    this.byName.set(row.name, {
      accountId: row.id,
      name: row.name,
      displayName: row.displayName,
      ownerId: row.ownerId,
      webhookUrl: row.webhookUrl,
    });
  }

  remove(name: string): void {
    this.byName.delete(name);
  }

  /** The bot a seat spec `bot/NAME` names, or null (not a bot spec, or no such bot). */
  forSpec(spec: string): BotEntry | null {
    if (!spec.startsWith(BOT_PREFIX)) return null;
    return this.byName.get(spec.slice(BOT_PREFIX.length).toLowerCase()) ?? null;
  }

  list(): BotEntry[] {
    return [...this.byName.values()];
  }
}
