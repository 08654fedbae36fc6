import { describe, expect, it } from 'vitest';
import { clampView, fullView, MAX_ZOOM, panBy, viewBoxAttr, zoomAt, zoomOf } from './view-box';

const board = { width: 1000, height: 887 };

describe('the board view box', () => {
  it('zooms about a point: the point stays under the same spot of the frame', () => {
    const v = zoomAt(fullView(board), 2, [600, 300], board);
    expect(zoomOf(v, board)).toBe(2);
    // 600 was 60% across the full view; it is 60% across the zoomed one.
    expect((600 - v.x) / v.w).toBeCloseTo(0.6, 6);
    expect((300 - v.y) / ((v.w * board.height) / board.width)).toBeCloseTo(300 / 887, 6);
  });

  it('never shows beyond the board nor zooms out past it or in past the limit', () => {
    expect(zoomAt(fullView(board), 0.5, [500, 400], board)).toEqual(fullView(board));
    expect(zoomOf(zoomAt(fullView(board), 100, [500, 400], board), board)).toBe(MAX_ZOOM);
    const v = zoomAt(fullView(board), 2, [500, 400], board);
    const dragged = panBy(v, 5000, 5000, board);
    expect(dragged).toEqual({ x: 0, y: 0, w: 500 });
    expect(clampView({ x: 900, y: 900, w: 500 }, board)).toEqual({ x: 500, y: 443.5, w: 500 });
    expect(viewBoxAttr(dragged, board)).toBe('0 0 500 443.5');
  });
});
