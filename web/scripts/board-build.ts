/**
 * The projection and the province shapes of the standard board (see build-board.ts for the why).
 * Pure and deterministic: the same packages and seeds always give the same board.json.
 */
import { Diplomacy } from '@parley/games';
import { Delaunay } from 'd3-delaunay';
import { geoConicConformal, geoPath } from 'd3-geo';
import polygonClipping, { type MultiPolygon, type Polygon, type Ring } from 'polygon-clipping';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land50m from 'world-atlas/land-50m.json' with { type: 'json' };
import type { BoardData, RegionData, RegionKind } from '../lib/diplomacy/board-data';
import { COAST_ANCHORS, FILLERS, FRAME_POINTS, type LonLat, PROVINCE_SEEDS } from '../lib/diplomacy/layout';

/** Board width in SVG units; the height follows from the projection. */
const WIDTH = 1000;
/** An island part without a seed is kept in its province only from this area (units², about 3,000 km²). */
const MIN_ISLAND = 90;
/** Path coordinates are rounded to this many decimals. */
const DECIMALS = 1;

type Pt = [number, number];

function projection() {
  const p = geoConicConformal().rotate([-15, 0]).parallels([40, 64]);
  const outline = FRAME_POINTS as Pt[];
  p.fitWidth(WIDTH, { type: 'MultiPoint', coordinates: outline });
  const ys = outline.map((ll) => p(ll)![1]);
  const xs = outline.map((ll) => p(ll)![0]);
  const top = Math.min(...ys);
  const left = Math.min(...xs);
  const [tx, ty] = p.translate();
  p.translate([tx - left, ty - top]);
  const height = Math.ceil(Math.max(...ys) - top);
  p.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);
  return { p, height };
}

/** The rings a d3 path draws, collected instead of drawn. */
function ringsOf(draw: (ctx: CanvasPathLike) => void): Ring[] {
  const rings: Ring[] = [];
  let ring: Pt[] = [];
  const ctx = {
    moveTo(x: number, y: number) {
      if (ring.length > 2) rings.push(ring);
      ring = [[x, y]];
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {
      if (ring.length > 2) rings.push(ring);
      ring = [];
    },
    arc() {},
    rect() {},
    arcTo() {},
    bezierCurveTo() {},
    quadraticCurveTo() {},
    ellipse() {},
    roundRect() {},
  } as unknown as CanvasPathLike;
  draw(ctx);
  if (ring.length > 2) rings.push(ring);
  return rings;
}

type CanvasPathLike = { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; closePath(): void };

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] + r[i]![0]) * (r[j]![1] - r[i]![1]);
  return Math.abs(a / 2);
}

const polygonArea = (poly: Polygon) => ringArea(poly[0]!) - poly.slice(1).reduce((s, h) => s + ringArea(h), 0);

function inRing(pt: Pt, r: Ring): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!;
    const [xj, yj] = r[j]!;
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (pt: Pt, poly: Polygon) => inRing(pt, poly[0]!) && !poly.slice(1).some((h) => inRing(pt, h));

const round = (n: number) => {
  const f = 10 ** DECIMALS;
  return Math.round(n * f) / f;
};

/** SVG path of a multipolygon, rounded, with repeated points dropped. */
function pathOf(mp: MultiPolygon): string {
  let d = '';
  for (const poly of mp)
    for (const ring of poly) {
      let last = '';
      let n = 0;
      let part = '';
      for (const [x, y] of ring) {
        const p = `${round(x)} ${round(y)}`;
        if (p === last) continue;
        part += `${n === 0 ? 'M' : 'L'}${p}`;
        last = p;
        n++;
      }
      if (n >= 3) d += `${part}Z`;
    }
  return d;
}

interface SeedGroup {
  id: string;
  name: string;
  kind: RegionKind;
  supplyCentre: boolean;
  home: string | null;
  seeds: readonly LonLat[];
}

function seedGroups(): SeedGroup[] {
  const groups: SeedGroup[] = Diplomacy.STANDARD_MAP.provinces.map((p) => {
    const seeds = PROVINCE_SEEDS[p.id];
    if (!seeds || seeds.length === 0) throw new Error(`board layout: no seeds for province ${p.id}`);
    return {
      id: p.id,
      name: p.name,
      kind: p.kind === 'sea' ? 'sea' : 'land',
      supplyCentre: p.supplyCentre,
      home: p.home,
      seeds,
    };
  });
  for (const f of FILLERS)
    groups.push({
      id: f.id,
      name: f.name,
      kind: f.kind === 'land' ? 'filler-land' : 'filler-water',
      supplyCentre: false,
      home: null,
      seeds: f.seeds,
    });
  return groups;
}

/**
 * Splits `area` among the groups by the Voronoi cells of their seeds: each point of the area goes
 * to the group of its nearest seed. Parts without a seed smaller than MIN_ISLAND are dropped.
 */
function partition(groups: SeedGroup[], area: MultiPolygon, project: (ll: LonLat) => Pt, w: number, h: number) {
  const points: Pt[] = [];
  const owner: number[] = [];
  groups.forEach((g, i) => {
    for (const s of g.seeds) {
      points.push(project(s));
      owner.push(i);
    }
  });
  const voronoi = Delaunay.from(points).voronoi([0, 0, w, h]);
  const cells: Polygon[][] = groups.map(() => []);
  points.forEach((_, k) => {
    const cell = voronoi.cellPolygon(k);
    if (cell) cells[owner[k]!]!.push([cell as Ring]);
  });
  return groups.map((g, i) => {
    const zone = polygonClipping.union(...(cells[i] as [Polygon, ...Polygon[]]));
    const clipped = polygonClipping.intersection(zone, area);
    const seeds = g.seeds.map(project);
    return clipped.filter((poly) => polygonArea(poly) >= MIN_ISLAND || seeds.some((s) => inPolygon(s, poly)));
  });
}

export function buildBoard(): BoardData {
  const { p, height } = projection();
  const project = (ll: LonLat): Pt => p(ll as [number, number]) as Pt;
  const topo = land50m as unknown as Topology<{ land: GeometryCollection }>;
  const landGeo = feature(topo, topo.objects.land);
  const path = geoPath(p);
  const landRings = ringsOf((ctx) => path.context(ctx as never)(landGeo));
  // Even-odd (a ring inside another is a lake), then lakes filled in: only seas are water, and the
  // Caspian, which a water filler's seed marks.
  const waterSeeds = FILLERS.filter((f) => f.kind === 'water').map((f) => project(f.seeds[0]!));
  const land: MultiPolygon = polygonClipping
    .xor(...(landRings.map((r) => [r]) as [Polygon, ...Polygon[]]))
    .map(([outer, ...holes]) => [outer!, ...holes.filter((h) => waterSeeds.some((s) => inRing(s, h)))]);
  const frame: Polygon = [
    [
      [0, 0],
      [WIDTH, 0],
      [WIDTH, height],
      [0, height],
      [0, 0],
    ],
  ];
  const water = polygonClipping.difference(frame, land);

  const groups = seedGroups();
  const landGroups = groups.filter((g) => g.kind === 'land' || g.kind === 'filler-land');
  const seaGroups = groups.filter((g) => g.kind === 'sea' || g.kind === 'filler-water');
  const shapes = new Map<string, MultiPolygon>();
  for (const [list, area] of [
    [landGroups, land],
    [seaGroups, water],
  ] as const) {
    const parts = partition(list, area, project, WIDTH, height);
    list.forEach((g, i) => {
      shapes.set(g.id, parts[i]!);
    });
  }

  // A filler the frame leaves out (no part of it shows) is not drawn.
  const shown = groups.filter((g) => shapes.get(g.id)!.length > 0 || !g.id.startsWith('_'));
  const regions: RegionData[] = shown.map((g) => {
    const [x, y] = project(g.seeds[0]!);
    return {
      id: g.id,
      name: g.name,
      kind: g.kind,
      supplyCentre: g.supplyCentre,
      home: g.home,
      path: pathOf(shapes.get(g.id)!),
      anchor: [round(x), round(y)],
    };
  });
  const coasts = Object.fromEntries(
    Object.entries(COAST_ANCHORS).map(([loc, ll]) => {
      const [x, y] = project(ll);
      return [loc, [round(x), round(y)]];
    }),
  ) as Record<string, [number, number]>;
  return { width: WIDTH, height, land: pathOf(land), regions, coasts };
}
