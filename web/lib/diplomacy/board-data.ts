/**
 * The shape of board.json, the standard board projected at build time by
 * web/scripts/build-board.ts: SVG paths in board units, never projected in the browser.
 */
export type RegionKind = 'land' | 'sea' | 'filler-land' | 'filler-water';

export interface RegionData {
  id: string;
  name: string;
  kind: RegionKind;
  supplyCentre: boolean;
  home: string | null;
  /** SVG path (M, L and Z commands only) of the province, clipped to the real land or water. */
  path: string;
  /** Where its unit, label and supply centre go. */
  anchor: [number, number];
}

export interface BoardData {
  width: number;
  height: number;
  /** All land in the frame (the coastlines), drawn under the provinces. */
  land: string;
  regions: RegionData[];
  /** Named coast (`spa/nc`) → where a fleet on it is drawn. */
  coasts: Record<string, [number, number]>;
}
