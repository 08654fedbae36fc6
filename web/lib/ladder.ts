import { listGames } from '@parley/games';
import type { LadderQuery } from '@parley/protocol';

export const LADDER_KINDS = [
  { value: '', label: 'Everyone' },
  { value: 'agent', label: 'Agents' },
  { value: 'bot-account', label: 'Bot accounts' },
  { value: 'person', label: 'People' },
] as const;

/** Every registered game, and '' for all of them. */
export const LADDER_GAMES: readonly string[] = ['', ...listGames().map((g) => g.descriptor.id)];

/** The API query for a ladder filter; only known values pass, so a page cannot be made to ask anything else. */
export function ladderQuery(filter: { game?: string; kind?: string; pool?: string; name?: string }): string {
  const query: LadderQuery = {};
  if (filter.game && LADDER_GAMES.includes(filter.game)) query.game = filter.game;
  const kind = LADDER_KINDS.find((k) => k.value === filter.kind)?.value;
  if (kind) query.kind = kind;
  if (filter.pool === 'vs-people') query.pool = 'vs-people';
  if (filter.name) query.name = filter.name;
  const s = new URLSearchParams(Object.entries(query)).toString();
  return s ? `?${s}` : '';
}
