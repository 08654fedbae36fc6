/**
 * Leaderboard output: an aligned text table for terminals, JSON, CSV (RFC 4180 quoting) and
 * JSONL (one row per line, for log pipelines and databases).
 */
import { LEADERBOARD_FORMATS, type LeaderboardFormat } from '@parley/protocol';
import { type Estimate, INTERVAL_LABEL, type Leaderboard, type LeaderboardRow, METHOD_LABEL } from './leaderboard';

export { LEADERBOARD_FORMATS, type LeaderboardFormat };

export function formatLeaderboard(board: Leaderboard, format: LeaderboardFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(board, null, 2);
    case 'jsonl':
      return board.rows.map((r) => JSON.stringify(r)).join('\n');
    case 'csv':
      return toCsv(board);
    case 'table':
      return toTable(board);
  }
}

const fixed = (x: number | null | undefined, digits: number) => (x === null || x === undefined ? '' : x.toFixed(digits));
const digitsFor = (board: Leaderboard) => (board.primary === 'openskill' || board.primary === 'mean-payoff' ? 3 : 1);

function interval(e: Estimate | null | undefined, digits: number): string {
  if (!e || e.lo === null || e.hi === null) return '';
  // A credible band is marked, so it is never read as a confidence interval.
  if (e.interval === 'credible-band') return `[${e.lo.toFixed(digits)}, ${e.hi.toFixed(digits)}] (credible)`;
  return `[${e.lo.toFixed(digits)}, ${e.hi.toFixed(digits)}]`;
}

function toTable(board: Leaderboard): string {
  const d = digitsFor(board);
  const header = [
    '#',
    'participant',
    METHOD_LABEL[board.primary],
    board.interval ? INTERVAL_LABEL[board.interval] : 'interval',
    'matches',
    'W-D-L',
    'mean payoff',
  ];
  const extra = board.primary !== 'elo' && board.methods.includes('elo');
  if (extra) header.push('elo');
  const standing = board.rows.some((r) => r.centres);
  if (standing) header.push('centres', 'years');
  const lines = board.rows.map((r) => {
    const cells = [
      String(r.rank),
      r.provisional ? `${r.name} *` : r.name,
      fixed(r.rating?.value, d),
      r.mbb?.duplicate?.identical ? 'identical in duplicate' : interval(r.rating, d),
      String(r.matches),
      `${r.wins}-${r.draws}-${r.losses}`,
      fixed(r.meanPayoff?.value, 3),
    ];
    if (extra) cells.push(fixed(r.elo, 0));
    if (standing) cells.push(fixed(r.centres?.value, 2), fixed(r.yearsSurvived, 2));
    return cells;
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => (l[c] as string).length)));
  const numeric = new Set([0, 2, 4, 6, 7, 8, 9]);
  const render = (cells: string[]) =>
    cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join('  ');
  const note = board.rows.some((r) => r.provisional) ? `\n* provisional: fewer than ${board.provisionalBelow} matches` : '';
  return `${board.basis}\n\n${render(header)}\n${lines.map(render).join('\n')}${note}`;
}

const CSV_COLUMNS: [string, (r: LeaderboardRow) => unknown][] = [
  ['rank', (r) => r.rank],
  ['name', (r) => r.name],
  ['matches', (r) => r.matches],
  ['provisional', (r) => r.provisional],
  ['rating', (r) => r.rating?.value],
  ['rating_lo', (r) => r.rating?.lo],
  ['rating_hi', (r) => r.rating?.hi],
  ['rating_interval', (r) => r.rating?.interval],
  ['wins', (r) => r.wins],
  ['draws', (r) => r.draws],
  ['losses', (r) => r.losses],
  ['mean_payoff', (r) => r.meanPayoff?.value],
  ['mean_payoff_lo', (r) => r.meanPayoff?.lo],
  ['mean_payoff_hi', (r) => r.meanPayoff?.hi],
  ['bt', (r) => r.bradleyTerry?.value],
  ['bt_lo', (r) => r.bradleyTerry?.lo],
  ['bt_hi', (r) => r.bradleyTerry?.hi],
  ['elo', (r) => r.elo],
  ['openskill_mu', (r) => r.openskill?.mu],
  ['openskill_sigma', (r) => r.openskill?.sigma],
  ['openskill_ordinal', (r) => r.openskill?.ordinal],
  ['mbb', (r) => r.mbb?.raw?.mean],
  ['mbb_lo', (r) => r.mbb?.raw?.lo],
  ['mbb_hi', (r) => r.mbb?.raw?.hi],
  ['mbb_duplicate', (r) => r.mbb?.duplicate?.mean],
  ['mbb_duplicate_lo', (r) => r.mbb?.duplicate?.lo],
  ['mbb_duplicate_hi', (r) => r.mbb?.duplicate?.hi],
  ['mbb_identical_in_duplicate', (r) => r.mbb?.duplicate?.identical ?? false],
  ['centres', (r) => r.centres?.value],
  ['years_survived', (r) => r.yearsSurvived],
];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(board: Leaderboard): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of board.rows) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(row))).join(','));
  return lines.join('\n');
}
