/**
 * Winter adjustments: how many units each power may build or must disband, and the civil
 * disorder rule for disbands nobody ordered.
 *
 * A power builds up to (centres − units), limited by its vacant home centres that it still
 * owns; it disbands (units − centres). Orders are handled one by one in the order given, so
 * surplus builds or disbands are void (DATC 6.I.1, 6.J.1). Builds not ordered are waived.
 * Disbands not ordered follow the DATC's civil disorder rule (6.J.3–6.J.11): remove the unit
 * farthest from any of its power's home centres (owned or not), counting moves; an army counts
 * a sea province as one move, as if convoyed, with or without fleets there (6.J.10, 6.J.11); a
 * fleet counts only fleet moves, reaching a split home centre on either coast (6.J.9). Ties go
 * to fleets before armies, then to the province whose English name comes first.
 */
import * as mapTables from './map';
import type { CentreOwner, Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const {
  armyAdj,
  fleetAdj,
  fleetLocsOf,
  homeCentres,
  isCentre,
  locOf,
  locProvince,
  NUM_LOCS,
  NUM_PROVINCES,
  POWER_INDEX,
  POWERS,
  PROVINCE_IDS,
  PROVINCE_NAMES,
  provinceIndex,
  provinceOf,
} = mapTables;

/** Owner of each province's centre, as a power index (-1 if none). */
export function ownerTable(centres: readonly CentreOwner[], into = new Int8Array(NUM_PROVINCES)): Int8Array {
  const owner = into.fill(-1);
  for (const c of centres) owner[provinceOf(c.province)] = POWER_INDEX[c.power];
  return owner;
}

// Scratch for the two questions asked at the end of every fall turn (typed arrays of this size
// are slow allocations outside V8's heap, and these are read only within one call).
const scratchOwner = new Int8Array(NUM_PROVINCES);
const scratchOccupied = new Uint8Array(NUM_PROVINCES);

/** Builds allowed (> 0) or disbands required (< 0) per power index. */
export function adjustmentDeltas(units: readonly Unit[], centres: readonly CentreOwner[]): number[] {
  const owner = ownerTable(centres, scratchOwner);
  const occupied = scratchOccupied.fill(0);
  const unitCount = POWERS.map(() => 0);
  const centreCount = POWERS.map(() => 0);
  for (const u of units) {
    occupied[provinceOf(u.province)] = 1;
    unitCount[POWER_INDEX[u.power]]!++;
  }
  for (const c of centres) centreCount[POWER_INDEX[c.power]]!++;
  return POWERS.map((_, i) => {
    const diff = centreCount[i]! - unitCount[i]!;
    if (diff <= 0) return diff;
    const vacantHomes = homeCentres[i]!.filter((p) => owner[p] === i && !occupied[p]).length;
    return Math.min(diff, vacantHomes);
  });
}

/** Centre ownership after units have stood on centres at the end of a fall turn. */
export function updateOwnership(units: readonly Unit[], centres: readonly CentreOwner[]): CentreOwner[] {
  const owner = ownerTable(centres, scratchOwner);
  for (const u of units) {
    const p = provinceOf(u.province);
    if (isCentre[p]) owner[p] = POWER_INDEX[u.power];
  }
  return ownedCentres(owner);
}

/** Centre list, sorted by province, from an owner table. */
export function ownedCentres(owner: Int8Array): CentreOwner[] {
  const out: CentreOwner[] = [];
  for (let p = 0; p < NUM_PROVINCES; p++) {
    const o = owner[p]!;
    if (o >= 0 && isCentre[p]) out.push({ power: POWERS[o]!, province: PROVINCE_IDS[p]! });
  }
  return out;
}

/** Distance in moves from every province (armies) and location (fleets) to the nearest home centre, per power. */
const armyDistance: Int16Array[] = [];
const fleetDistance: Int16Array[] = [];
{
  // Armies may cross any border, land or sea; fleets only fleet borders.
  const anyAdj: number[][] = Array.from({ length: NUM_PROVINCES }, () => []);
  for (let p = 0; p < NUM_PROVINCES; p++) for (const q of armyAdj[p]!) anyAdj[p]!.push(q);
  for (let l = 0; l < NUM_LOCS; l++) {
    for (const k of fleetAdj[l]!) {
      const a = locProvince[l]!;
      const b = locProvince[k]!;
      if (!anyAdj[a]!.includes(b)) anyAdj[a]!.push(b);
    }
  }
  for (let i = 0; i < POWERS.length; i++) {
    armyDistance.push(bfs(NUM_PROVINCES, homeCentres[i]!, anyAdj));
    fleetDistance.push(
      bfs(
        NUM_LOCS,
        homeCentres[i]!.flatMap((p) => fleetLocsOf[p]!),
        fleetAdj,
      ),
    );
  }
}

function bfs(size: number, sources: readonly number[], adj: readonly (readonly number[])[]): Int16Array {
  const dist = new Int16Array(size).fill(-1);
  const queue = [...sources];
  for (const s of sources) dist[s] = 0;
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i]!;
    for (const y of adj[x]!) {
      if (dist[y] === -1) {
        dist[y] = dist[x]! + 1;
        queue.push(y);
      }
    }
  }
  return dist;
}

const UNREACHABLE = 1000;

/** Distance of a unit from its power's nearest home centre, by the civil disorder rule. */
export function homeDistance(unit: Unit): number {
  const i = POWER_INDEX[unit.power];
  const d = unit.type === 'A' ? armyDistance[i]![provinceOf(unit.province)]! : fleetDistance[i]![locOf(unit.province)]!;
  return d < 0 ? UNREACHABLE : d;
}

/** Which of `units` civil disorder removes first: `count` of them, in removal order. */
export function civilDisorderDisbands(units: readonly Unit[], count: number): Unit[] {
  const ranked = units
    .map((u) => ({ u, d: homeDistance(u), name: PROVINCE_NAMES[provinceIndex(u.province.slice(0, 3))]! }))
    .sort(
      (a, b) =>
        b.d - a.d || (a.u.type === b.u.type ? 0 : a.u.type === 'F' ? -1 : 1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  return ranked.slice(0, Math.max(0, count)).map((r) => r.u);
}
