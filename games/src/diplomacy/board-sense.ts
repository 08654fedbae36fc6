/**
 * Board sense: what a player sees at a glance, computed from the position rather than guessed by
 * a model. For each unit of a power: the enemy units next to it, the power's own units that could
 * support it where it stands, the enemy units that could move or support into its province (the
 * most strength an attack on it can gather this phase), and the nearest supply centres the power
 * does not own, by moves on the map for that unit's type. For the power as a whole: its home
 * centres that an enemy unit could enter this phase.
 *
 * "Could move or support into" means the unit's type can move there from where it stands: an
 * army along land edges, a fleet along its coast's sea edges (any coast of the province counts,
 * as for supports). Convoys are not followed. Distances count moves, so 1 is adjacent.
 */
import { STANDARD_MAP } from './map';
import type { Power } from './map-data';
import type { CentreOwner, Unit, UnitType } from './types';

export interface UnitSense {
  /** `A PAR`, `F STP/SC`. */
  unit: string;
  province: string;
  /** Enemy units that could enter this unit's province: `GERMANY A MUN`. */
  threats: string[];
  /** Own units that could support this one holding where it stands. */
  supporters: string[];
  /** Nearest centres the power does not own, nearest first (ties by id), at most three. */
  nearestCentres: { province: string; owner: Power | null; distance: number }[];
}

export interface BoardSense {
  power: Power;
  units: UnitSense[];
  /** Own home centres (owned or not) that an enemy unit could enter this phase. */
  threatenedHomes: { province: string; by: string[] }[];
}

const MAP = STANDARD_MAP;
const FAR = 99;
const prov = (loc: string) => loc.slice(0, 3);
const CENTRES = MAP.provinces.filter((p) => p.supplyCentre).map((p) => p.id);

function bfs(start: string, adj: Record<string, string[]>): Map<string, number> {
  const d = new Map([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const next of adj[at] ?? []) {
      if (d.has(next)) continue;
      d.set(next, d.get(at)! + 1);
      queue.push(next);
    }
  }
  return d;
}

/** Moves from each location to each province, per unit type, computed once. */
const DIST: Record<UnitType, Map<string, Map<string, number>>> = { A: new Map(), F: new Map() };
for (const p of Object.keys(MAP.armyAdjacency)) DIST.A.set(p, bfs(p, MAP.armyAdjacency));
for (const loc of Object.keys(MAP.fleetAdjacency)) {
  const byProvince = new Map<string, number>();
  for (const [l, n] of bfs(loc, MAP.fleetAdjacency)) if (n < (byProvince.get(prov(l)) ?? FAR)) byProvince.set(prov(l), n);
  DIST.F.set(loc, byProvince);
}

/** Moves a unit of `type` at `loc` needs to reach each province it can reach at all. */
export const distancesFrom = (type: UnitType, loc: string): ReadonlyMap<string, number> | undefined =>
  DIST[type].get(type === 'A' ? prov(loc) : loc);

/** Moves a unit of `type` at `loc` needs to reach province `to` (a large number when it cannot). */
export const moveDistance = (type: UnitType, loc: string, to: string): number => distancesFrom(type, loc)?.get(prov(to)) ?? FAR;

/** Provinces a unit of `type` at `loc` can move to in one phase. */
export const reachable = (type: UnitType, loc: string): string[] =>
  type === 'A' ? (MAP.armyAdjacency[prov(loc)] ?? []) : [...new Set((MAP.fleetAdjacency[loc] ?? []).map(prov))];

const label = (u: Unit) => `${u.type} ${u.province.toUpperCase()}`;
const canEnter = (u: Unit, province: string) => reachable(u.type, u.province).includes(province);

export function boardSense(units: readonly Unit[], centres: readonly CentreOwner[], power: Power): BoardSense {
  const owner = new Map(centres.map((c) => [c.province, c.power]));
  const enemies = units.filter((u) => u.power !== power);
  const own = units.filter((u) => u.power === power);
  const threatsTo = (province: string) =>
    enemies.filter((e) => canEnter(e, province)).map((e) => `${e.power.toUpperCase()} ${label(e)}`);
  const sense = own.map((u): UnitSense => {
    const province = prov(u.province);
    const nearestCentres = CENTRES.filter((c) => owner.get(c) !== power)
      .map((c) => ({ province: c, owner: owner.get(c) ?? null, distance: moveDistance(u.type, u.province, c) }))
      .filter((c) => c.distance < FAR)
      .sort((a, b) => a.distance - b.distance || a.province.localeCompare(b.province))
      .slice(0, 3);
    return {
      unit: label(u),
      province,
      threats: threatsTo(province),
      supporters: own.filter((o) => o !== u && canEnter(o, province)).map(label),
      nearestCentres,
    };
  });
  const threatenedHomes = MAP.provinces
    .filter((p) => p.home === power)
    .map((p) => ({ province: p.id, by: threatsTo(p.id) }))
    .filter((h) => h.by.length > 0);
  return { power, units: sense, threatenedHomes };
}
