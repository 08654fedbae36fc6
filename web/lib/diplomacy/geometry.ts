/**
 * The board's shapes, computed once from the seeds in layout.ts: the Voronoi cells of every seed
 * (d3-delaunay, clipped to the board), merged per province into one outline by cancelling the
 * edges two cells of the same province share, and the borders between provinces classified as
 * coast (land against water), land or sea borders. Pure and deterministic: the server and the
 * browser compute the same paths.
 */
import { Diplomacy } from '@parley/games';
import { Delaunay } from 'd3-delaunay';
import { BOARD_HEIGHT, BOARD_WIDTH, COAST_ANCHORS, FILLERS, type LonLat, PROVINCE_SEEDS, project } from './layout';

export type RegionKind = 'land' | 'sea' | 'filler-land' | 'filler-water';

export interface Region {
  id: string;
  name: string;
  kind: RegionKind;
  supplyCentre: boolean;
  home: string | null;
  /** SVG path of the merged outline. */
  path: string;
  /** Anchor in board units: unit, label and centre positions derive from it. */
  anchor: [number, number];
}

export interface BorderSet {
  coast: string;
  land: string;
  sea: string;
}

export interface BoardGeometry {
  width: number;
  height: number;
  regions: Region[];
  byId: Map<string, Region>;
  borders: BorderSet;
  /** Location id (`par`, `spa/nc`) → where a unit there is drawn. */
  unitPoint(loc: string): [number, number];
}

const key = (x: number, y: number) => `${x.toFixed(3)},${y.toFixed(3)}`;

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

interface Edge {
  a: string;
  b: string;
  pa: [number, number];
  pb: [number, number];
  owner: number;
}

function buildGeometry(): BoardGeometry {
  const provinces = Diplomacy.STANDARD_MAP.provinces;
  const regionsIn: {
    id: string;
    name: string;
    kind: RegionKind;
    supplyCentre: boolean;
    home: string | null;
    seeds: readonly LonLat[];
  }[] = [];
  for (const p of provinces) {
    const seeds = PROVINCE_SEEDS[p.id];
    if (!seeds || seeds.length === 0) throw new Error(`board layout: no seeds for province ${p.id}`);
    regionsIn.push({
      id: p.id,
      name: p.name,
      kind: p.kind === 'sea' ? 'sea' : 'land',
      supplyCentre: p.supplyCentre,
      home: p.home,
      seeds,
    });
  }
  for (const f of FILLERS) {
    regionsIn.push({
      id: f.id,
      name: f.name,
      kind: f.kind === 'land' ? 'filler-land' : 'filler-water',
      supplyCentre: false,
      home: null,
      seeds: f.seeds,
    });
  }

  const points: [number, number][] = [];
  const ownerOf: number[] = [];
  regionsIn.forEach((r, i) => {
    for (const s of r.seeds) {
      points.push(project(s));
      ownerOf.push(i);
    }
  });
  const voronoi = Delaunay.from(points).voronoi([0, 0, BOARD_WIDTH, BOARD_HEIGHT]);

  // Every cell edge, keyed by direction; a shared edge appears once in each direction.
  const edges = new Map<string, Edge>();
  points.forEach((_, i) => {
    const ring = voronoi.cellPolygon(i);
    if (!ring) return;
    for (let k = 0; k + 1 < ring.length; k++) {
      const pa = ring[k] as [number, number];
      const pb = ring[k + 1] as [number, number];
      const a = key(pa[0], pa[1]);
      const b = key(pb[0], pb[1]);
      if (a === b) continue;
      edges.set(`${a}|${b}`, { a, b, pa, pb, owner: ownerOf[i] as number });
    }
  });

  const outline: Edge[][] = regionsIn.map(() => []);
  const coast: string[] = [];
  const land: string[] = [];
  const sea: string[] = [];
  const isWater = (k: RegionKind) => k === 'sea' || k === 'filler-water';
  for (const [id, e] of edges) {
    const twin = edges.get(`${e.b}|${e.a}`);
    if (twin && twin.owner === e.owner) continue; // inside one region
    outline[e.owner]?.push(e);
    if (!twin || id > `${e.b}|${e.a}`) continue; // board edge, or the twin draws it
    const ka = regionsIn[e.owner]!.kind;
    const kb = regionsIn[twin.owner]!.kind;
    const seg = `M${fmt(e.pa[0])} ${fmt(e.pa[1])}L${fmt(e.pb[0])} ${fmt(e.pb[1])}`;
    if (isWater(ka) !== isWater(kb)) coast.push(seg);
    else if (isWater(ka)) sea.push(seg);
    else land.push(seg);
  }

  const regions: Region[] = regionsIn.map((r, i) => {
    const list = outline[i] as Edge[];
    const next = new Map<string, Edge[]>();
    for (const e of list) next.set(e.a, [...(next.get(e.a) ?? []), e]);
    const used = new Set<Edge>();
    let path = '';
    for (const start of list) {
      if (used.has(start)) continue;
      let e: Edge | undefined = start;
      path += `M${fmt(e.pa[0])} ${fmt(e.pa[1])}`;
      while (e && !used.has(e)) {
        used.add(e);
        path += `L${fmt(e.pb[0])} ${fmt(e.pb[1])}`;
        e = next.get(e.b)?.find((x) => !used.has(x));
      }
      path += 'Z';
    }
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      supplyCentre: r.supplyCentre,
      home: r.home,
      path,
      anchor: project(r.seeds[0] as LonLat),
    };
  });
  const byId = new Map(regions.map((r) => [r.id, r]));
  const coastPoints = new Map(Object.entries(COAST_ANCHORS).map(([loc, ll]) => [loc, project(ll)]));
  return {
    width: BOARD_WIDTH,
    height: BOARD_HEIGHT,
    regions,
    byId,
    borders: { coast: coast.join(''), land: land.join(''), sea: sea.join('') },
    unitPoint(loc: string) {
      const c = coastPoints.get(loc);
      if (c) return c;
      const r = byId.get(loc.slice(0, 3));
      return r ? r.anchor : [0, 0];
    },
  };
}

let cached: BoardGeometry | null = null;

/** The board geometry, computed on first use. */
export function boardGeometry(): BoardGeometry {
  cached ??= buildGeometry();
  return cached;
}
