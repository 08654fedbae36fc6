/**
 * The board's zoom and pan as a view box over the board (x, y, width; the height keeps the
 * board's aspect). Pure: the board component feeds it wheel, pinch, drag and button gestures.
 */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
}

export interface Extent {
  width: number;
  height: number;
}

/** The closest a person may zoom in: a sixth of the board's width fills the frame. */
export const MAX_ZOOM = 6;

export const fullView = (e: Extent): ViewBox => ({ x: 0, y: 0, w: e.width });

export const zoomOf = (v: ViewBox, e: Extent) => e.width / v.w;

/** Keeps the view inside the board, and no wider than it nor narrower than MAX_ZOOM allows. */
export function clampView(v: ViewBox, e: Extent): ViewBox {
  const w = Math.min(e.width, Math.max(e.width / MAX_ZOOM, v.w));
  const h = (w * e.height) / e.width;
  return {
    x: Math.min(e.width - w, Math.max(0, v.x)),
    y: Math.min(e.height - h, Math.max(0, v.y)),
    w,
  };
}

/** Zooms by `factor` (>1 closer) keeping the board point `at` under the same spot of the frame. */
export function zoomAt(v: ViewBox, factor: number, at: readonly [number, number], e: Extent): ViewBox {
  const w = v.w / factor;
  const k = w / v.w;
  return clampView({ x: at[0] - (at[0] - v.x) * k, y: at[1] - (at[1] - v.y) * k, w }, e);
}

/** Moves the view by a distance in board units (a drag to the right moves the board right). */
export const panBy = (v: ViewBox, dx: number, dy: number, e: Extent): ViewBox =>
  clampView({ x: v.x - dx, y: v.y - dy, w: v.w }, e);

export function viewBoxAttr(v: ViewBox, e: Extent): string {
  const h = (v.w * e.height) / e.width;
  return `${round(v.x)} ${round(v.y)} ${round(v.w)} ${round(h)}`;
}

const round = (n: number) => Math.round(n * 100) / 100;
