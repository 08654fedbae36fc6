/**
 * ACPC game definitions (`.game` files, the GAMEDEF … END GAMEDEF block) and the No-Limit
 * Hold'em parameters they map to. Parley's NLHE is the ACPC's no-limit Texas hold'em: 4 rounds,
 * 4 suits of 13 ranks, 2 hole cards, board cards 0 3 1 1, blinds relative to the button (small
 * then big in ring games; heads-up "reverse blinds", big blind first, as position 0 is the big
 * blind), the first player of each round as the standard game has it, and stacks that reset
 * every hand (as the ACPC competition and Slumbot play). A definition asking for anything else
 * (limit betting, antes, other first players, other decks) is refused with the field named.
 */
import type { Nlhe } from '@parley/games';

export interface Gamedef {
  readonly numPlayers: number;
  /** Per player. */
  readonly stack: readonly number[];
  /** Per position relative to the button. */
  readonly blind: readonly number[];
}

export type GamedefResult = { ok: true; gamedef: Gamedef } | { ok: false; error: string };

const FIXED: Record<string, (n: number) => number[]> = {
  numRounds: () => [4],
  numSuits: () => [4],
  numRanks: () => [13],
  numHoleCards: () => [2],
  numBoardCards: () => [0, 3, 1, 1],
  firstPlayer: (n) => [n === 2 ? 2 : 3, 1, 1, 1],
};

/** The standard blinds of `n` players for a small and a big blind, by position. */
export function standardBlinds(n: number, small: number, big: number): number[] {
  return n === 2 ? [big, small] : [small, big, ...new Array<number>(n - 2).fill(0)];
}

/** Reads a game definition (comments `#` allowed); refuses what Parley's NLHE does not play. */
export function parseGamedef(text: string): GamedefResult {
  const fail = (error: string): GamedefResult => ({ ok: false, error });
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
  const begin = lines.findIndex((l) => l.toUpperCase() === 'GAMEDEF');
  const end = lines.findIndex((l) => l.toUpperCase() === 'END GAMEDEF');
  if (begin < 0 || end < begin) return fail('no GAMEDEF … END GAMEDEF block');
  const fields = new Map<string, number[]>();
  let betting: string | undefined;
  for (const line of lines.slice(begin + 1, end)) {
    const lower = line.toLowerCase();
    if (lower === 'nolimit' || lower === 'limit') {
      betting = lower;
      continue;
    }
    const m = /^([A-Za-z]+)\s*=\s*([\d\s]+)$/.exec(line);
    if (!m) return fail(`cannot read the line '${line.slice(0, 60)}'`);
    fields.set(m[1]!.toLowerCase(), m[2]!.trim().split(/\s+/).map(Number));
  }
  if (betting !== 'nolimit') return fail(`betting must be 'nolimit' (got ${betting ?? 'none'})`);
  const numPlayers = fields.get('numplayers')?.[0];
  if (!numPlayers || numPlayers < 2 || numPlayers > 9) return fail('numPlayers must be 2 to 9');
  for (const [name, expected] of Object.entries(FIXED)) {
    const got = fields.get(name.toLowerCase());
    const want = expected(numPlayers);
    if (got && (got.length < want.length || want.some((v, i) => got[i] !== v)))
      return fail(`${name} = ${got.join(' ')} is not supported (Parley plays ${want.join(' ')})`);
  }
  for (const name of ['raisesize', 'maxraises']) if (fields.has(name)) return fail(`${name} belongs to limit games`);
  const stack = fields.get('stack') ?? [];
  const blind = fields.get('blind') ?? [];
  if (stack.length !== numPlayers || stack.some((s) => !Number.isSafeInteger(s) || s <= 0))
    return fail(`stack needs one positive amount per player (${numPlayers})`);
  if (blind.length !== numPlayers) return fail(`blind needs one amount per position (${numPlayers})`);
  const big = Math.max(...blind);
  const small = numPlayers === 2 ? blind[1]! : blind[0]!;
  const want = standardBlinds(numPlayers, small, big);
  if (big <= 0 || small > big || want.some((b, i) => blind[i] !== b))
    return fail(`blind = ${blind.join(' ')} is not a small and a big blind (expected ${want.join(' ')})`);
  return { ok: true, gamedef: { numPlayers, stack, blind } };
}

/** The game definition text of a gamedef, as the ACPC dealer's `.game` files write it. */
export function writeGamedef(g: Gamedef): string {
  const line = (name: string, values: readonly number[]) => `${name} = ${values.join(' ')}`;
  return [
    'GAMEDEF',
    'nolimit',
    line('numPlayers', [g.numPlayers]),
    line('numRounds', [4]),
    line('stack', g.stack),
    line('blind', g.blind),
    line('firstPlayer', FIXED.firstPlayer!(g.numPlayers)),
    line('numSuits', [4]),
    line('numRanks', [13]),
    line('numHoleCards', [2]),
    line('numBoardCards', [0, 3, 1, 1]),
    'END GAMEDEF',
    '',
  ].join('\n');
}

/** Parley NLHE parameters (before defaults) for `hands` hands of a gamedef: a cash game whose stacks reset every hand. */
export function paramsOf(g: Gamedef, hands: number): Record<string, unknown> {
  const big = Math.max(...g.blind);
  const small = g.numPlayers === 2 ? g.blind[1]! : g.blind[0]!;
  return { players: g.numPlayers, stacks: [...g.stack], blinds: [small, big], format: 'cash', hands, resetStacks: true };
}

/** The gamedef of NLHE parameters, or why the ACPC cannot describe them. */
export function gamedefOf(p: Nlhe.NlheParams): GamedefResult {
  if (p.ante > 0 || p.bigBlindAnte > 0) return { ok: false, error: 'ACPC games have no antes' };
  if (p.straddles.length > 0) return { ok: false, error: 'ACPC games have no straddles' };
  if (p.minBet !== undefined && p.minBet !== p.blinds[1]) return { ok: false, error: 'the minimum bet must be the big blind' };
  if (p.format === 'sng') return { ok: false, error: 'sit-and-go blinds rise: the ACPC has fixed blinds' };
  if (p.format === 'cash' && !p.resetStacks) return { ok: false, error: 'ACPC stacks reset every hand: set resetStacks' };
  const stack = p.stacks ?? new Array<number>(p.players).fill(p.startingStack);
  return { ok: true, gamedef: { numPlayers: p.players, stack, blind: standardBlinds(p.players, p.blinds[0], p.blinds[1]) } };
}
