/**
 * What the board draws, from any of the three sources: a full engine state (replays), the public
 * view (spectators) or a power's observation (players). Orders carry their status: resolved
 * (with the adjudicator's result), pending (given this phase, not yet resolved) or draft (a
 * person's orders not yet sent).
 */
import { Diplomacy } from '@parley/games';

export type Power = Diplomacy.Power;
export const POWERS = Diplomacy.STANDARD_MAP.powers as readonly Power[];

export interface BoardOrder {
  power: Power;
  text: string;
  status: 'resolved' | 'pending' | 'draft';
  result?: 'succeeds' | 'fails' | 'void';
  reason?: string;
}

export interface BoardModel {
  phase: Diplomacy.Phase;
  units: readonly Diplomacy.Unit[];
  dislodged: readonly Diplomacy.DislodgedUnit[];
  /** Supply centre → owner. */
  owners: ReadonlyMap<string, Power>;
  orders: readonly BoardOrder[];
  /** The phase the resolved orders belong to, when they are the previous phase's. */
  ordersPhase: Diplomacy.Phase | null;
  adjustments: Partial<Record<Power, number>> | null;
  outcome: Diplomacy.DiplomacyOutcome | null;
}

/** The public view (`spectatorView`) and observations share these fields. */
export interface PublicDiplomacyView {
  phase: Diplomacy.Phase;
  units: Diplomacy.Unit[];
  dislodged: Diplomacy.DislodgedUnit[];
  centres: Record<string, string[]>;
  adjustments: Record<string, number> | null;
  ordersDue: Record<string, number>;
  lastPhase: { phase: Diplomacy.Phase; orders: Diplomacy.OrderResult[]; drawVotes: Power[] } | null;
  outcome: Diplomacy.DiplomacyOutcome | null;
  lastYear: number | null;
  /** Observations only. */
  power?: Power;
  ordersToGive?: number;
  pendingOrders?: string[];
}

function resolved(lastPhase: PublicDiplomacyView['lastPhase']): BoardOrder[] {
  return (lastPhase?.orders ?? []).map((o) => ({
    power: o.power,
    text: o.text,
    status: 'resolved' as const,
    result: o.result,
    reason: o.reason,
  }));
}

export function modelFromView(view: PublicDiplomacyView, drafts: BoardOrder[] = []): BoardModel {
  const owners = new Map<string, Power>();
  for (const [power, list] of Object.entries(view.centres)) for (const c of list) owners.set(c, power as Power);
  const pending: BoardOrder[] = (view.pendingOrders ?? []).flatMap((entry) => {
    const i = entry.indexOf(': ');
    const text = i < 0 ? entry : entry.slice(i + 2);
    return text === 'VOTE DRAW' ? [] : [{ power: (view.power ?? 'austria') as Power, text, status: 'pending' as const }];
  });
  const current = [...pending, ...drafts];
  return {
    phase: view.phase,
    units: view.units,
    dislodged: view.dislodged,
    owners,
    orders: current.length > 0 ? current : resolved(view.lastPhase),
    ordersPhase: current.length > 0 ? null : (view.lastPhase?.phase ?? null),
    adjustments: view.adjustments as BoardModel['adjustments'],
    outcome: view.outcome,
  };
}

/** A full state (replays): orders given so far this phase, or the last phase's results. */
export function modelFromState(s: Diplomacy.DiplomacyState): BoardModel {
  const owners = new Map<string, Power>();
  for (const c of s.centres) owners.set(c.province, c.power);
  const pending: BoardOrder[] = s.pending.flatMap((list, seat) =>
    list.map((text) => ({ power: POWERS[seat] as Power, text, status: 'pending' as const })),
  );
  return {
    phase: s.phase,
    units: s.units,
    dislodged: s.dislodged,
    owners,
    orders: pending.length > 0 ? pending : resolved(s.lastPhase),
    ordersPhase: pending.length > 0 ? null : (s.lastPhase?.phase ?? null),
    adjustments:
      s.phase.type === 'adjustment'
        ? (Object.fromEntries(POWERS.map((p, i) => [p, s.adjust[i] ?? 0])) as BoardModel['adjustments'])
        : null,
    outcome: s.outcome,
  };
}

const SEASON = { spring: 'Spring', fall: 'Fall', winter: 'Winter' } as const;
const TYPE = { movement: 'movement', retreat: 'retreats', adjustment: 'adjustments' } as const;

export function phaseName(p: Diplomacy.Phase): string {
  return `${SEASON[p.season]} ${p.year} ${TYPE[p.type]}`;
}

/** `S1901M`, as the engine's turn key and press records write phases (the engine's grammar). */
export function phaseCode(p: Diplomacy.Phase): string {
  return Diplomacy.formatPhaseCode(p);
}

export function centreCounts(owners: ReadonlyMap<string, Power>): Record<Power, number> {
  const counts = Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<Power, number>;
  for (const p of owners.values()) counts[p]++;
  return counts;
}

const parsedCache = new Map<string, Diplomacy.Order | null>();

/** An order's structure (cached: the same texts recur across phases). */
export function parseOrderText(text: string): Diplomacy.Order | null {
  let hit = parsedCache.get(text);
  if (hit === undefined) {
    const r = Diplomacy.parseOrder(text);
    hit = r.ok ? r.order : null;
    if (parsedCache.size > 20_000) parsedCache.clear();
    parsedCache.set(text, hit);
  }
  return hit;
}

export const provinceOf = (loc: string) => loc.slice(0, 3);

export function locName(loc: string): string {
  return Diplomacy.locationName(loc);
}

export function unitName(u: Pick<Diplomacy.Unit, 'power' | 'type' | 'province'>): string {
  const power = u.power[0]!.toUpperCase() + u.power.slice(1);
  return `${power} ${u.type === 'A' ? 'army' : 'fleet'} in ${locName(u.province)}`;
}
