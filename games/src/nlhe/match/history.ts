/**
 * The lines of a hand's history as the views write them (`observation(s).history`): deals in the
 * card games' grammar (`deal 3 As`, `deal 3 ??` for a card the reader may not see, `deal board
 * Kd`), and each player's action after its seat (`3: raise 300`). Readers of a view (agents, the
 * web) parse the lines here rather than matching the text themselves.
 */
import { type DealTarget, dealAction, parseDeal } from '../../core/card-deal';
import { parseAction } from './actions';

export type HistoryLine =
  | { readonly kind: 'deal'; readonly to: DealTarget; readonly card: string | null }
  | { readonly kind: 'act'; readonly seat: number; readonly action: string };

const ACT = /^(\d{1,3}): (.+)$/;

/** The line for table seat `seat` playing `action`. */
export const actLine = (seat: number, action: string): string => `${seat}: ${action}`;

/** The line for a deal to `to` of `card` (null: hidden from the reader). */
export const dealLine = (to: DealTarget, card: string | null): string => dealAction(to, card);

/** Reads one history line, or null when it is not one. */
export function parseHistoryLine(line: string): HistoryLine | null {
  const deal = parseDeal(line);
  if (deal) return { kind: 'deal', ...deal };
  const act = ACT.exec(line);
  return act ? { kind: 'act', seat: Number(act[1]), action: act[2]! } : null;
}

/** The total a `raise N` action makes the bet (N), or null for any other action. */
export function raiseTotal(action: string): number | null {
  const parsed = parseAction(action);
  return 'kind' in parsed && parsed.kind === 'player' && parsed.action.type === 'raise' ? parsed.action.to : null;
}
