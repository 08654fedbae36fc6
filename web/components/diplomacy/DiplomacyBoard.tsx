'use client';

import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { boardGeometry } from '../../lib/diplomacy/geometry';
import { type BoardModel, phaseCode, phaseName } from '../../lib/diplomacy/model';
import { phaseMotions } from '../../lib/diplomacy/motion';
import { viewBoxAttr, zoomOf } from '../../lib/diplomacy/view-box';
import { BoardMap } from './BoardMap';
import { ArrowDefs, OrderShape } from './BoardOrders';
import { type BoardInteraction, BoardUnits, onActivate } from './BoardUnits';
import { usePanZoom } from './use-pan-zoom';

export type { BoardInteraction } from './BoardUnits';

interface Props {
  model: BoardModel;
  interaction?: BoardInteraction;
  /** Accessible name of the board. */
  label?: string;
  /** Shown over the board's top-left corner (the phase, on a live page). */
  caption?: ReactNode;
  /** The board is the page's subject: size it to the window and scroll it into view on load. */
  fillWindow?: boolean;
}

/**
 * The standard board: the whole map fits its frame on load (the frame fits the window), and a
 * person zooms and pans it by wheel, pinch, drag or the buttons. When a phase resolves its units
 * glide, bounce or are pushed off, as the resolved orders say.
 */
export function DiplomacyBoard({ model, interaction, label, caption, fillWindow = false }: Props) {
  const geo = boardGeometry();
  const { view, frameRef, svgRef, zoomBy, reset, svgHandlers } = usePanZoom(geo, fillWindow);
  const ownersKey = useMemo(
    () =>
      [...model.owners.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([p, o]) => `${p}=${o}`)
        .join(';'),
    [model.owners],
  );
  const dislodgedAt = useMemo(() => new Set(model.dislodged.map((u) => u.province)), [model.dislodged]);
  const motions = useMemo(() => phaseMotions(model, geo.unitPoint), [model, geo]);
  const i = interaction;
  const targets = i?.targets;
  const name = label ?? `Diplomacy board, ${phaseName(model.phase)}`;
  const zoom = zoomOf(view, geo);

  return (
    <div className="board-wrap" ref={frameRef} style={{ '--board-aspect': geo.width / geo.height } as CSSProperties}>
      {caption && <div className="board-caption">{caption}</div>}
      <div className="board-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" className="secondary" aria-label="Zoom in" onClick={() => zoomBy(1.5)}>
          +
        </button>
        <button type="button" className="secondary" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.5)} disabled={zoom <= 1}>
          −
        </button>
        <button type="button" className="secondary" aria-label="Show the whole board" onClick={reset} disabled={zoom <= 1}>
          Fit
        </button>
        <span className="small muted" data-testid="board-zoom">
          {Math.round(zoom * 100)}%
        </span>
      </div>
      <svg
        ref={svgRef}
        className={`board-svg${zoom > 1 ? ' zoomed' : ''}`}
        viewBox={viewBoxAttr(view, geo)}
        aria-label={name}
        data-phase={`${model.phase.season}-${model.phase.year}-${model.phase.type}`}
        {...svgHandlers}
      >
        <ArrowDefs />
        <BoardMap ownersKey={ownersKey} />
        {targets && targets.size > 0 && (
          <g>
            {[...targets].map((id) => {
              const r = geo.byId.get(id);
              if (!r) return null;
              const act = () => i?.onProvince?.(id);
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no button element
                <path
                  key={`t-${id}`}
                  d={r.path}
                  className="region target"
                  data-target={id}
                  role="button"
                  tabIndex={0}
                  aria-label={`${i?.targetVerb ?? 'Choose'} ${r.name}`}
                  fill="rgba(250, 204, 21, 0.38)"
                  stroke="#a16207"
                  strokeWidth={1.6}
                  onClick={act}
                  onKeyDown={onActivate(act)}
                />
              );
            })}
          </g>
        )}
        <g>
          {model.orders.map((o, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: orders may repeat text across powers
            <OrderShape key={`${o.power}-${o.text}-${k}`} order={o} dislodgedAt={dislodgedAt} />
          ))}
        </g>
        <BoardUnits model={model} motions={motions} phaseKey={phaseCode(model.phase)} interaction={i} />
      </svg>
    </div>
  );
}
