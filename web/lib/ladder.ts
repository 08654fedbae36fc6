import { listGames } from '@parley/games';

/** The living ladder as GET /api/ladder answers (server/src/ratings/ladder.ts). */
export interface LadderRating {
  game: string;
  pool: 'all' | 'vs-people';
  player: string;
  kind: 'agent' | 'bot-account' | 'person';
  name: string;
  mu: number;
  sigma: number;
  ordinal: number;
  matches: number;
  provisional: boolean;
  updatedAt: number;
}

export interface LadderAnswer {
  basis: string;
  ratings: LadderRating[];
}

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
  const q = new URLSearchParams();
  if (filter.game && LADDER_GAMES.includes(filter.game)) q.set('game', filter.game);
  if (filter.kind && LADDER_KINDS.some((k) => k.value === filter.kind)) q.set('kind', filter.kind);
  if (filter.pool === 'vs-people') q.set('pool', 'vs-people');
  if (filter.name) q.set('name', filter.name);
  const s = q.toString();
  return s ? `?${s}` : '';
}
