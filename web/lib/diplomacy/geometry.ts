/**
 * The board's shapes, read from board.json (projected once at build time by
 * web/scripts/build-board.ts from Natural Earth coastlines): nothing here projects or clips.
 */
import board from './board.json';
import type { BoardData, RegionData } from './board-data';

export type { RegionKind } from './board-data';
export type Region = RegionData;

export interface BoardGeometry {
  width: number;
  height: number;
  /** All land in the frame: the coastlines. */
  land: string;
  regions: readonly Region[];
  byId: ReadonlyMap<string, Region>;
  /** Location id (`par`, `spa/nc`) → where a unit there is drawn. */
  unitPoint(loc: string): [number, number];
}

function fromData(data: BoardData): BoardGeometry {
  const byId = new Map(data.regions.map((r) => [r.id, r]));
  const coasts = new Map(Object.entries(data.coasts));
  return {
    width: data.width,
    height: data.height,
    land: data.land,
    regions: data.regions,
    byId,
    unitPoint(loc: string) {
      return coasts.get(loc) ?? byId.get(loc.slice(0, 3))?.anchor ?? [0, 0];
    },
  };
}

const geometry = fromData(board as unknown as BoardData);

/** The standard board. */
export function boardGeometry(): BoardGeometry {
  return geometry;
}
