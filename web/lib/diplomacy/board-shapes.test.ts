/**
 * The projected board (board.json) against the engine's map: every province has a real shape,
 * and every border the rules allow crossing is drawn as touching shapes.
 */
import { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { boardGeometry } from './geometry';

type Pt = [number, number];

/** The rings of a path made of M, L and Z commands (the only ones board.json uses). */
function ringsOf(d: string): Pt[][] {
  return d
    .split('Z')
    .filter((s) => s.trim().length > 0)
    .map((s) =>
      s
        .replace(/^M/, '')
        .split('L')
        .map((pair) => pair.trim().split(' ').map(Number) as Pt),
    );
}

function ringArea(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] + r[i]![0]) * (r[j]![1] - r[i]![1]);
  return Math.abs(a / 2);
}

function segDist(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * The smallest distance between the outlines of two shapes (vertex to edge, both ways); 0 at once
 * when they share a vertex, as neighbours cut from the same cells or coastline do.
 */
function gap(a: Pt[][], b: Pt[][]): number {
  const vertices = new Set(a.flatMap((r) => r.map(([x, y]) => `${x} ${y}`)));
  if (b.some((r) => r.some(([x, y]) => vertices.has(`${x} ${y}`)))) return 0;
  let best = Number.POSITIVE_INFINITY;
  const edges = (rings: Pt[][]) => rings.flatMap((r) => r.map((p, i) => [p, r[(i + 1) % r.length]!] as [Pt, Pt]));
  const ea = edges(a);
  const eb = edges(b);
  for (const r of a) for (const p of r) for (const [s, t] of eb) best = Math.min(best, segDist(p, s, t));
  for (const r of b) for (const p of r) for (const [s, t] of ea) best = Math.min(best, segDist(p, s, t));
  return best;
}

const geo = boardGeometry();
const shapes = new Map(geo.regions.map((r) => [r.id, ringsOf(r.path)]));
/** Board units within which two shapes count as touching: about 25 km, a strait such as Øresund. */
const NEAR = 4;

describe('board.json, the projected standard board', () => {
  it('draws every province of the map once, with a non-empty, finite shape inside the frame', () => {
    const ids = Diplomacy.STANDARD_MAP.provinces.map((p) => p.id);
    expect(ids).toHaveLength(75);
    const drawn = geo.regions.filter((r) => !r.id.startsWith('_')).map((r) => r.id);
    expect([...drawn].sort()).toEqual([...ids].sort());
    const problems: string[] = [];
    for (const id of ids) {
      const rings = shapes.get(id)!;
      if (rings.length === 0) problems.push(`${id}: no shape`);
      for (const ring of rings) {
        if (ring.length < 3) problems.push(`${id}: a ring of ${ring.length} points`);
        const off = ring.find(
          ([x, y]) => !(Number.isFinite(x) && Number.isFinite(y) && x >= 0 && x <= geo.width && y >= 0 && y <= geo.height),
        );
        if (off) problems.push(`${id}: point ${off} outside the frame`);
      }
      if (Math.max(0, ...rings.map(ringArea)) <= 20) problems.push(`${id}: no part larger than 20 units²`);
    }
    expect(problems).toEqual([]);
  });

  it("places every unit spot (province anchors and named coasts) inside its province's shape", () => {
    const inside = (pt: Pt, rings: Pt[][]) => {
      let n = 0;
      for (const r of rings)
        for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
          const [xi, yi] = r[i]!;
          const [xj, yj] = r[j]!;
          if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) n++;
        }
      return n % 2 === 1;
    };
    const locs = Diplomacy.STANDARD_MAP.provinces.flatMap((p) => [p.id, ...p.coasts]);
    const outside = locs.filter((loc) => !inside(geo.unitPoint(loc), shapes.get(loc.slice(0, 3))!));
    expect(outside).toEqual([]);
  });

  it('draws every border of the map (army and fleet moves) as touching or near-touching shapes', () => {
    const m = Diplomacy.STANDARD_MAP;
    const pairs = new Set<string>();
    for (const [from, list] of [...Object.entries(m.armyAdjacency), ...Object.entries(m.fleetAdjacency)])
      for (const to of list) {
        const [a, b] = [from.slice(0, 3), to.slice(0, 3)].sort();
        pairs.add(`${a}-${b}`);
      }
    expect(pairs.size).toBeGreaterThan(200);
    const apart = [...pairs].filter((pair) => {
      const [a, b] = pair.split('-') as [string, string];
      return gap(shapes.get(a)!, shapes.get(b)!) > NEAR;
    });
    expect(apart).toEqual([]);
  });
});

describe('named coasts', () => {
  const dist = (pt: Pt, rings: Pt[][]) =>
    Math.min(...rings.flatMap((r) => r.map((p, i) => segDist(pt, p, r[(i + 1) % r.length]!))));

  it('puts each coast of Spain, St Petersburg and Bulgaria on the side of the waters it reaches', () => {
    const m = Diplomacy.STANDARD_MAP;
    const wrong: string[] = [];
    for (const p of m.provinces.filter((x) => x.coasts.length === 2)) {
      const [a, b] = p.coasts as [string, string];
      const reach = (c: string) => new Set(m.fleetAdjacency[c]!.map((l) => l.slice(0, 3)));
      for (const [mine, other] of [
        [a, b],
        [b, a],
      ] as const) {
        // A water only this coast reaches lies nearer its fleet spot than the other coast's.
        for (const w of reach(mine)) {
          if (reach(other).has(w)) continue;
          const shape = shapes.get(w)!;
          if (dist(geo.unitPoint(mine), shape) >= dist(geo.unitPoint(other), shape)) wrong.push(`${mine} vs ${other}: ${w}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
