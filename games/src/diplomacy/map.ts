/**
 * The standard map compiled for speed, plus the plain-JSON map a web board or a prompt can use.
 *
 * The rules code works on small integers: a province index (0..74, in id order) and a location
 * index, which is the province index for the 75 provinces followed by the six named coasts
 * (`bul/ec` … `stp/sc`). Armies always stand on a province location; a fleet in a split province
 * stands on one of its coasts. Adjacency is kept twice, as lists (to enumerate) and as flat bit
 * tables (to test in O(1)), so the adjudicator never touches a string or a Map.
 */
import {
  ARMY_EDGES,
  FLEET_EDGES,
  POWERS,
  type Power,
  PROVINCE_ALIASES,
  PROVINCE_ROWS,
  type ProvinceKind,
  STARTING_UNITS,
} from './map-data';

export { POWERS, type Power, type ProvinceKind } from './map-data';

export const KIND_INLAND = 0;
export const KIND_COASTAL = 1;
export const KIND_SEA = 2;
const KIND_CODE: Record<ProvinceKind, number> = { inland: KIND_INLAND, coastal: KIND_COASTAL, sea: KIND_SEA };

/** Solo victory: this many supply centres. */
export const VICTORY_CENTRES = 18;

const rows = [...PROVINCE_ROWS].sort((a, b) => (a[0] < b[0] ? -1 : 1));

export const NUM_PROVINCES = rows.length;
export const PROVINCE_IDS: readonly string[] = rows.map((r) => r[0]);
export const PROVINCE_NAMES: readonly string[] = rows.map((r) => r[1]);
export const provinceKind = Uint8Array.from(rows, (r) => KIND_CODE[r[2]]);
export const isCentre = Uint8Array.from(rows, (r) => (r[3] ? 1 : 0));
/** Power index whose home centre this is, or -1. */
export const homeOf = Int8Array.from(rows, (r) => (r[4] ? POWERS.indexOf(r[4]) : -1));

const provinceIndexById = new Map(PROVINCE_IDS.map((id, i) => [id, i]));

/** Location ids: every province, then each named coast. */
// Coast ids are built as template literals (ropes); each is flattened once, as units carry them
// and the rules code reads them by character (locOf).
export const LOC_IDS: readonly string[] = [
  ...PROVINCE_IDS,
  ...rows.flatMap((r) => (r[5] ?? []).map((c) => Object.keys({ [`${r[0]}/${c}`]: 0 })[0]!)),
];
export const NUM_LOCS = LOC_IDS.length;
const locIndexById = new Map(LOC_IDS.map((id, i) => [id, i]));
export const locProvince = Uint8Array.from(LOC_IDS, (id) => provinceIndexById.get(id.slice(0, 3)) as number);

/** The coast locations of a split province; empty for every other province. */
export const coastsOf: readonly (readonly number[])[] = PROVINCE_IDS.map((_, p) =>
  LOC_IDS.map((_, l) => l).filter((l) => l >= NUM_PROVINCES && locProvince[l] === p),
);

/** Where a fleet may stand in a province: its coasts if split, itself if coastal or sea, nowhere if inland. */
export const fleetLocsOf: readonly (readonly number[])[] = PROVINCE_IDS.map((_, p) =>
  coastsOf[p]!.length > 0 ? coastsOf[p]! : provinceKind[p] === KIND_INLAND ? [] : [p],
);

export function provinceIndex(id: string): number {
  return provinceIndexById.get(id) ?? -1;
}

export function locIndex(id: string): number {
  return locIndexById.get(id) ?? -1;
}

// Ids read by their character codes (the rules code asks for a unit's province every phase, and
// a slice and a Map lookup cost several times a table read). A province's three letters make a
// base-26 code that indexes a table of all 17,576 codes directly: a byte each, of which reading
// touches only the provinces' few cache lines, with no division (a perfect hash's modulus cost an
// integer division per location read). A coast location is then found by province and coast
// letter (n, s, e).
const PROVINCE_BY_CODE = new Int8Array(26 * 26 * 26).fill(-1);
PROVINCE_IDS.forEach((id, p) => {
  PROVINCE_BY_CODE[((id.charCodeAt(0) - 97) * 26 + (id.charCodeAt(1) - 97)) * 26 + (id.charCodeAt(2) - 97)] = p;
});
const COAST_LETTERS = 'nse';
const COAST_LOC = new Int16Array(NUM_PROVINCES * COAST_LETTERS.length).fill(-1);
LOC_IDS.forEach((id, l) => {
  if (l >= NUM_PROVINCES) COAST_LOC[locProvince[l]! * COAST_LETTERS.length + COAST_LETTERS.indexOf(id[4]!)] = l;
});

/**
 * The province whose id is written at `i` of `text` in lowercase (`base` 97) or capitals (`base`
 * 65), or -1.
 */
export function provinceAt(text: string, i: number, base: number): number {
  const a = text.charCodeAt(i) - base;
  const b = text.charCodeAt(i + 1) - base;
  const c = text.charCodeAt(i + 2) - base;
  if (!(a >= 0 && a < 26 && b >= 0 && b < 26 && c >= 0 && c < 26)) return -1;
  return PROVINCE_BY_CODE[(a * 26 + b) * 26 + c]!;
}

/** The location of province `p`'s coast `coast` (0 north, 1 south, 2 east), or -1. */
export const coastLoc = (p: number, coast: number): number => COAST_LOC[p * COAST_LETTERS.length + coast]!;

/** The province of a location id (`par`, `spa/nc`): `provinceIndex(id.slice(0, 3))`, read without slicing. */
export function provinceOf(id: string): number {
  return provinceAt(id, 0, 97);
}

/** `locIndex(id)`, read by character codes. */
export function locOf(id: string): number {
  const p = provinceOf(id);
  if (p < 0 || id.length === 3) return id.length === 3 ? p : -1;
  if (id.length !== 6 || id.charCodeAt(3) !== 47 || id.charCodeAt(5) !== 99) return -1;
  const coast = COAST_LETTERS.indexOf(id[4]!);
  return coast < 0 ? -1 : coastLoc(p, coast);
}

function parseEdges(text: string): Array<[number, number]> {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((edge) => {
      const [a, b] = edge.split('-') as [string, string];
      const la = locIndex(a);
      const lb = locIndex(b);
      if (la < 0 || lb < 0) throw new Error(`map-data: unknown location in edge ${edge}`);
      return [la, lb];
    });
}

/** Army adjacency between provinces. */
export const armyAdj: number[][] = PROVINCE_IDS.map(() => []);
export const armyAdjBits = new Uint8Array(NUM_PROVINCES * NUM_PROVINCES);
for (const [a, b] of parseEdges(ARMY_EDGES)) {
  armyAdj[a]!.push(b);
  armyAdj[b]!.push(a);
  armyAdjBits[a * NUM_PROVINCES + b] = 1;
  armyAdjBits[b * NUM_PROVINCES + a] = 1;
}

/** Fleet adjacency between locations. */
export const fleetAdj: number[][] = LOC_IDS.map(() => []);
export const fleetAdjBits = new Uint8Array(NUM_LOCS * NUM_LOCS);
/** fleetReach[loc * NUM_PROVINCES + p]: a fleet at `loc` can move to some coast of province `p` (so it may support there). */
export const fleetReach = new Uint8Array(NUM_LOCS * NUM_PROVINCES);
for (const [a, b] of parseEdges(FLEET_EDGES)) {
  fleetAdj[a]!.push(b);
  fleetAdj[b]!.push(a);
  fleetAdjBits[a * NUM_LOCS + b] = 1;
  fleetAdjBits[b * NUM_LOCS + a] = 1;
  fleetReach[a * NUM_PROVINCES + locProvince[b]!] = 1;
  fleetReach[b * NUM_PROVINCES + locProvince[a]!] = 1;
}
for (const list of [...armyAdj, ...fleetAdj]) list.sort((x, y) => x - y);

/** Provinces a fleet at `loc` can reach, each once. */
export const fleetReachList: readonly (readonly number[])[] = LOC_IDS.map((_, l) =>
  PROVINCE_IDS.map((_, p) => p).filter((p) => fleetReach[l * NUM_PROVINCES + p] === 1),
);

/** Sea provinces that border a coastal province (the first and last legs of a convoy). */
export const seasTouching: readonly (readonly number[])[] = PROVINCE_IDS.map((_, p) =>
  provinceKind[p] === KIND_SEA
    ? []
    : PROVINCE_IDS.map((_, s) => s).filter((s) => provinceKind[s] === KIND_SEA && fleetReach[s * NUM_PROVINCES + p] === 1),
);

/** Seas next to each sea (the middle legs of a convoy). */
export const seaNeighbours: readonly (readonly number[])[] = PROVINCE_IDS.map((_, p) =>
  provinceKind[p] === KIND_SEA ? fleetAdj[p]!.filter((q) => q < NUM_PROVINCES && provinceKind[q] === KIND_SEA) : [],
);

export const POWER_INDEX: Readonly<Record<Power, number>> = Object.fromEntries(POWERS.map((p, i) => [p, i])) as Record<
  Power,
  number
>;

// The seven powers' names start with seven different letters, so a name is found by its first
// letter and one comparison: no keyed lookup of a name, which is a slow generic load in hot loops.
const POWER_BY_INITIAL = new Int8Array(128).fill(-1);
POWERS.forEach((p, i) => {
  POWER_BY_INITIAL[p.charCodeAt(0)] = i;
});
if (new Set(POWERS.map((p) => p[0])).size !== POWERS.length) throw new Error('map: two powers share an initial');

/** The index of the power named `name`, or -1 for any other value. */
export function powerIndexOf(name: unknown): number {
  if (typeof name !== 'string') return -1;
  const i = POWER_BY_INITIAL[name.charCodeAt(0) & 127]!;
  return i >= 0 && POWERS[i] === name ? i : -1;
}

/** Home centres of each power, by power index. */
export const homeCentres: readonly (readonly number[])[] = POWERS.map((_, i) =>
  PROVINCE_IDS.map((_, p) => p).filter((p) => homeOf[p] === i),
);

/** A location's display name: `Spain (north coast)`. */
export function locationName(loc: string): string {
  const p = provinceIndex(loc.slice(0, 3));
  if (p < 0) return loc;
  const coast = loc.slice(4);
  const words: Record<string, string> = { nc: 'north coast', sc: 'south coast', ec: 'east coast' };
  return coast ? `${PROVINCE_NAMES[p]} (${words[coast] ?? coast})` : (PROVINCE_NAMES[p] as string);
}

/** Normalised spelling (lowercase letters only) → province index, for the tolerant order parser. */
export const provinceBySpelling: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  PROVINCE_IDS.forEach((id, p) => {
    m.set(id, p);
    m.set(squash(PROVINCE_NAMES[p] as string), p);
  });
  for (const [alias, id] of Object.entries(PROVINCE_ALIASES)) m.set(alias, provinceIndex(id));
  return m;
})();

// ---------------------------------------------------------------------------------------------
// The map as plain JSON, for boards, prompts and tools.

export interface MapProvince {
  id: string;
  name: string;
  kind: ProvinceKind;
  supplyCentre: boolean;
  home: Power | null;
  coasts: string[];
}

export interface StandardMap {
  powers: readonly Power[];
  victoryCentres: number;
  provinces: MapProvince[];
  /** Province id → provinces an army there may move to. */
  armyAdjacency: Record<string, string[]>;
  /** Fleet location (`spa/nc`, `nth`) → locations a fleet there may move to. */
  fleetAdjacency: Record<string, string[]>;
  startingUnits: { power: Power; type: 'A' | 'F'; province: string }[];
}

export const STANDARD_MAP: StandardMap = {
  powers: POWERS,
  victoryCentres: VICTORY_CENTRES,
  provinces: rows.map((r) => ({
    id: r[0],
    name: r[1],
    kind: r[2],
    supplyCentre: r[3],
    home: r[4],
    coasts: (r[5] ?? []).map((c) => `${r[0]}/${c}`),
  })),
  armyAdjacency: Object.fromEntries(PROVINCE_IDS.map((id, p) => [id, armyAdj[p]!.map((q) => LOC_IDS[q] as string)])),
  fleetAdjacency: Object.fromEntries(
    LOC_IDS.map((id, l) => [id, fleetAdj[l]!.map((q) => LOC_IDS[q] as string)]).filter(([, list]) => list!.length > 0),
  ),
  startingUnits: STARTING_UNITS.map(([power, type, province]) => ({ power, type, province })),
};
