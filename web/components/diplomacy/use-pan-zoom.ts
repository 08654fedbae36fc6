import { type PointerEvent, type MouseEvent as ReactMouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { clampView, type Extent, fullView, panBy, type ViewBox, zoomAt, zoomOf } from '../../lib/diplomacy/view-box';

/** Pixels a pointer may travel and still make a click (on a unit or a province), not a drag. */
const CLICK_SLOP = 5;
/** Space kept below the board when it is sized to the window, in pixels. */
const BOTTOM_MARGIN = 12;
/** The board never shrinks below this height to fit a short window. */
const MIN_HEIGHT = 260;
/** Below this window width (a phone) the board always fills the width, however tall the page above. */
const PHONE_WIDTH = 600;

type Pt = [number, number];

/**
 * Zoom and pan for the board's SVG, and its fit to the window: the frame gets `--board-max-h`,
 * the height left below its top on first layout, so that the whole board shows without scrolling
 * (on a phone the width binds first: the board fills it).
 * With `fillWindow` (a match page, where the board is the point) it gets the whole window's
 * height instead, and the page scrolls just enough, once, to bring the whole board into view.
 * Wheel zooms at the pointer (zooming out at full size scrolls the page instead), one pointer drags
 * once zoomed in, two pointers pinch; a drag never turns into a click.
 */
export function usePanZoom(extent: Extent, fillWindow = false) {
  const [view, setView] = useState<ViewBox>(() => fullView(extent));
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const pointers = useRef(new Map<number, Pt>());
  const gesture = useRef<{ start: ViewBox; moved: boolean; pinch: { dist: number; mid: Pt } | null } | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  /** Client pixels → board units, through the SVG's own transform (letterboxing included). */
  const toBoard = useCallback((x: number, y: number): Pt | null => {
    const svg = svgRef.current;
    const m = svg?.getScreenCTM?.();
    if (!svg || !m) return null;
    const p = new DOMPoint(x, y).matrixTransform(m.inverse());
    return [p.x, p.y];
  }, []);

  const unitsPerPixel = useCallback(() => {
    const w = svgRef.current?.getBoundingClientRect().width ?? 0;
    return w > 0 ? viewRef.current.w / w : 1;
  }, []);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const fit = () => {
      const top = fillWindow ? BOTTOM_MARGIN : frame.getBoundingClientRect().top + window.scrollY;
      const height = window.innerWidth < PHONE_WIDTH ? window.innerHeight : window.innerHeight - top - BOTTOM_MARGIN;
      frame.style.setProperty('--board-max-h', `${Math.max(MIN_HEIGHT, height)}px`);
    };
    fit();
    // Only when the person has not scrolled yet: never pull the page from under them.
    if (fillWindow && window.scrollY === 0) frame.scrollIntoView?.({ block: 'nearest' });
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fillWindow]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002));
      if (factor < 1 && zoomOf(viewRef.current, extent) <= 1) return; // let the page scroll
      const at = toBoard(e.clientX, e.clientY);
      if (!at) return;
      e.preventDefault();
      setView((v) => zoomAt(v, factor, at, extent));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [extent, toBoard]);

  const zoomBy = useCallback(
    (factor: number) =>
      setView((v) => zoomAt(v, factor, [v.x + v.w / 2, v.y + (v.w * extent.height) / extent.width / 2], extent)),
    [extent],
  );
  const reset = useCallback(() => setView(fullView(extent)), [extent]);

  const pinchOf = (): { dist: number; mid: Pt } | null => {
    const [a, b] = [...pointers.current.values()];
    if (!a || !b) return null;
    return { dist: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
  };

  const svgHandlers = {
    onPointerDown(e: PointerEvent<SVGSVGElement>) {
      pointers.current.set(e.pointerId, [e.clientX, e.clientY]);
      gesture.current = { start: viewRef.current, moved: false, pinch: pinchOf() };
    },
    onPointerMove(e: PointerEvent<SVGSVGElement>) {
      const last = pointers.current.get(e.pointerId);
      const g = gesture.current;
      if (!last || !g) return;
      const first = pointers.current.size === 1 ? last : null;
      pointers.current.set(e.pointerId, [e.clientX, e.clientY]);
      if (g.pinch) {
        const now = pinchOf();
        const at = now && toBoard(g.pinch.mid[0], g.pinch.mid[1]);
        if (!now || !at || g.pinch.dist === 0) return;
        g.moved = true;
        setView(zoomAt(g.start, now.dist / g.pinch.dist, at, extent));
        return;
      }
      if (!first || zoomOf(viewRef.current, extent) <= 1) return;
      const dx = e.clientX - last[0];
      const dy = e.clientY - last[1];
      if (!g.moved && Math.hypot(dx, dy) < CLICK_SLOP) {
        pointers.current.set(e.pointerId, last); // not a drag yet: measure from where it began
        return;
      }
      g.moved = true;
      const k = unitsPerPixel();
      setView((v) => panBy(v, dx * k, dy * k, extent));
    },
    onPointerUp(e: PointerEvent<SVGSVGElement>) {
      pointers.current.delete(e.pointerId);
      if (gesture.current) gesture.current.pinch = pointers.current.size >= 2 ? pinchOf() : null;
    },
    onPointerCancel(e: PointerEvent<SVGSVGElement>) {
      pointers.current.delete(e.pointerId);
      gesture.current = null;
    },
    onClickCapture(e: ReactMouseEvent<SVGSVGElement>) {
      if (gesture.current?.moved) {
        e.stopPropagation();
        e.preventDefault();
      }
      gesture.current = null;
    },
  };

  return { view: clampView(view, extent), frameRef, svgRef, zoomBy, reset, svgHandlers };
}
