/**
 * The Diplomacy engine, seen from an agent: the observation's shape, the powers in seat order,
 * and an order checker that rebuilds the phase from the observation (Diplomacy's board is
 * public) and asks the engine's own checker, so the model hears the engine's exact reasons.
 */
import { Diplomacy } from '@parley/games';

type Phase = Diplomacy.Phase;
type Power = Diplomacy.Power;
type Unit = Diplomacy.Unit;
const { checkOrderText, formatOrder, parseOrder, phaseContext, STANDARD_MAP } = Diplomacy;

export interface DiplomacyObservation {
  power: Power;
  phase: Phase;
  units: Unit[];
  dislodged: (Unit & { retreats: string[] })[];
  centres: Record<string, string[]>;
  adjustments: Record<string, number> | null;
  lastPhase: {
    phase: Phase;
    orders: Diplomacy.OrderResult[];
    drawVotes: string[];
  } | null;
  outcome: unknown;
  lastYear: number | null;
  ordersToGive: number;
  pendingOrders: string[];
}

/** Powers by seat: 0 austria … 6 turkey. */
export const POWERS: readonly string[] = STANDARD_MAP.powers;

export type OrderCheck = { ok: true; text: string } | { ok: false; code: string; message: string };

export function orderChecker(o: DiplomacyObservation): (text: string) => OrderCheck {
  const centres = Object.entries(o.centres).flatMap(([power, list]) =>
    list.map((province) => ({ power: power as Power, province })),
  );
  const ctx = phaseContext({ phase: o.phase, units: o.units, dislodged: o.dislodged, centres });
  return (text) => {
    const r = checkOrderText(ctx, o.power, text);
    return r.ok ? { ok: true, text: r.checked.text } : { ok: false, code: r.error.code, message: r.error.message };
  };
}

export const phaseName = (p: Phase): string => `${p.season} ${p.year} ${p.type}`;
export const phaseKey = (p: Phase): string => Diplomacy.formatPhaseCode(p);

/** An order in canonical text, read by the engine's parser without checking it against the board. */
export function canonicalOrder(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const r = parseOrder(text);
  return r.ok ? { ok: true, text: formatOrder(r.order) } : { ok: false, message: r.error.message };
}
