/**
 * The `zobrist_hash` of the Python `diplomacy` package's saved games, computed the way the package
 * defines it so that its validator (`is_valid_saved_game`) accepts Parley's exports.
 *
 * The package draws its tables from Python's `random` module (the Mersenne Twister, MT19937),
 * seeded with a number derived from the map: 12345 + the number of locations + Σ ord(c)·7^i over
 * the characters of the sorted supply-centre names joined by '-', modulo 2^32. With that seed it
 * draws six tables of `randint(1, 2^63 − 1)`, in this order: unit type × location, power ×
 * location, dislodged unit type × location, power × dislodged location, power × centre, power ×
 * home. Powers and locations (provinces and coasts, upper case) are sorted by name. A position's
 * hash is the XOR of: for each unit, its type's and its power's entries at its location (coast
 * included); the same from the dislodged tables for dislodged units; each owned centre; each
 * home centre of each power. The result is written as a decimal string.
 *
 * Python's generator is reimplemented here (seeding by `init_by_array`, `getrandbits`, and
 * `randint` by rejection sampling), checked against numbers Python prints.
 */
import { Diplomacy } from '@parley/games';

const N = 624;

/** Python's `random.Random` for integer seeds: the draws used here, bit for bit. */
export class PythonRandom {
  private mt = new Uint32Array(N);
  private index = N;

  constructor(seed: bigint) {
    const key: number[] = [];
    let n = seed < 0n ? -seed : seed;
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.initByArray(key);
  }

  private initGenrand(s: number) {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: number[]) {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32-bit output of MT19937. */
  uint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + 397) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `getrandbits(k)`: 32-bit words, least significant first, the last one cut to the bits left. */
  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.uint32() >>> (32 - k));
    let out = 0n;
    for (let shift = 0n, left = k; left > 0; shift += 32n, left -= 32) {
      let word = this.uint32();
      if (left < 32) word >>>= 32 - left;
      out |= BigInt(word) << shift;
    }
    return out;
  }

  /** `randint(a, b)`, both ends included: a + a uniform draw below the width, by rejection. */
  randint(a: bigint, b: bigint): bigint {
    const width = b - a + 1n;
    const bits = width.toString(2).length;
    let r = this.getrandbits(bits);
    while (r >= width) r = this.getrandbits(bits);
    return a + r;
  }
}

const MAX_SIZE = (1n << 63n) - 1n; // Python's sys.maxsize on 64-bit builds

interface Tables {
  powers: string[];
  locs: Map<string, number>;
  unitType: bigint[][];
  units: bigint[][];
  disUnitType: bigint[][];
  disUnits: bigint[][];
  centres: bigint[][];
  homes: bigint[][];
}

let standard: Tables | null = null;

function standardTables(): Tables {
  if (standard) return standard;
  const map = Diplomacy.STANDARD_MAP;
  const powers = map.powers.map((p) => p.toUpperCase()).sort();
  const locs = [...map.provinces.map((p) => p.id), ...map.provinces.flatMap((p) => p.coasts)].map((l) => l.toUpperCase()).sort();
  const centres = map.provinces
    .filter((p) => p.supplyCentre)
    .map((p) => p.id.toUpperCase())
    .sort()
    .join('-');
  let sum = 0n;
  [...centres].forEach((c, i) => {
    sum += BigInt(c.charCodeAt(0)) * 7n ** BigInt(i);
  });
  const rng = new PythonRandom((12345n + BigInt(locs.length) + sum) % 2n ** 32n);
  const table = (rows: number) => Array.from({ length: rows }, () => locs.map(() => rng.randint(1n, MAX_SIZE)));
  standard = {
    powers,
    locs: new Map(locs.map((l, i) => [l, i])),
    unitType: table(2),
    units: table(powers.length),
    disUnitType: table(2),
    disUnits: table(powers.length),
    centres: table(powers.length),
    homes: table(powers.length),
  };
  return standard;
}

/** The package's hash of a position on the standard map, as the decimal string its saved games carry. */
export function zobristHash(position: Pick<Diplomacy.Turn, 'units' | 'dislodged' | 'centres'>): string {
  const t = standardTables();
  const power = (p: string) => t.powers.indexOf(p.toUpperCase());
  const loc = (l: string) => {
    const i = t.locs.get(l.toUpperCase());
    if (i === undefined) throw new Error(`zobrist: no location '${l}'`);
    return i;
  };
  const type = (u: Diplomacy.UnitType) => (u === 'A' ? 0 : 1);
  let hash = 0n;
  for (const u of position.units)
    hash ^= t.unitType[type(u.type)]![loc(u.province)]! ^ t.units[power(u.power)]![loc(u.province)]!;
  for (const u of position.dislodged)
    hash ^= t.disUnitType[type(u.type)]![loc(u.province)]! ^ t.disUnits[power(u.power)]![loc(u.province)]!;
  for (const c of position.centres) hash ^= t.centres[power(c.power)]![loc(c.province.slice(0, 3))]!;
  for (const p of Diplomacy.STANDARD_MAP.provinces) if (p.home && p.supplyCentre) hash ^= t.homes[power(p.home)]![loc(p.id)]!;
  return hash.toString();
}
