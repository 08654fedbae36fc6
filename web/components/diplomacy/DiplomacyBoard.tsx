'use client';

import { type KeyboardEvent, memo, useMemo, useState } from 'react';
import { FILLER_LAND, FILLER_WATER, LAND, POWER_COLOUR, POWER_INK, POWER_TINT, SEA } from '../../lib/diplomacy/colours';
import { boardGeometry, type Region } from '../../lib/diplomacy/geometry';
import {
  type BoardModel,
  type BoardOrder,
  locName,
  POWERS,
  type Power,
  parseOrderText,
  phaseName,
  provinceOf,
  unitName,
} from '../../lib/diplomacy/model';

export interface BoardInteraction {
  /** Unit locations the person may pick (their own units, or any unit when choosing whom to support). */
  selectableUnits?: ReadonlySet<string>;
  selectedUnit?: string | null;
  /** A second unit in the order being built (the one supported or convoyed). */
  secondaryUnit?: string | null;
  /** Provinces that complete the order being built. */
  targets?: ReadonlySet<string>;
  /** Describes what clicking a target does, for screen readers (`Move to`). */
  targetVerb?: string;
  onUnit?(loc: string): void;
  onProvince?(province: string): void;
}

interface Props {
  model: BoardModel;
  interaction?: BoardInteraction;
  /** Accessible name of the board. */
  label?: string;
}

const g = () => boardGeometry();

function regionFill(r: Region, owner: Power | undefined): string {
  if (r.kind === 'sea') return SEA;
  if (r.kind === 'filler-land') return FILLER_LAND;
  if (r.kind === 'filler-water') return FILLER_WATER;
  return owner ? POWER_TINT[owner] : LAND;
}

const labelText = (id: string) => id[0]!.toUpperCase() + id.slice(1);

/** The map itself: provinces tinted by centre owner, borders, labels, supply centres. Memoised on the owners. */
const BaseMap = memo(function BaseMap({ ownersKey }: { ownersKey: string }) {
  const geo = g();
  const owners = useMemo(
    () => new Map(ownersKey ? ownersKey.split(';').map((p) => p.split('=') as [string, Power]) : []),
    [ownersKey],
  );
  return (
    <g>
      <rect x={0} y={0} width={geo.width} height={geo.height} fill={SEA} />
      {geo.regions.map((r) => (
        <path
          key={r.id}
          d={r.path}
          fill={regionFill(r, owners.get(r.id))}
          stroke={regionFill(r, owners.get(r.id))}
          strokeWidth={0.6}
        >
          <title>{`${r.name}${r.supplyCentre ? ` — supply centre, ${owners.get(r.id) ?? 'neutral'}` : ''}`}</title>
        </path>
      ))}
      <path d={geo.borders.sea} fill="none" stroke="#7fa6c8" strokeWidth={0.7} strokeDasharray="3 2.5" />
      <path d={geo.borders.land} fill="none" stroke="#7c6f55" strokeWidth={0.9} />
      <path d={geo.borders.coast} fill="none" stroke="#35506b" strokeWidth={1.5} strokeLinejoin="round" />
      {geo.regions
        .filter((r) => r.supplyCentre)
        .map((r) => {
          const owner = owners.get(r.id);
          return (
            <circle
              key={`sc-${r.id}`}
              cx={r.anchor[0] - 11}
              cy={r.anchor[1] + 9}
              r={3.6}
              fill={owner ? POWER_COLOUR[owner] : '#fafaf9'}
              stroke="#1c1917"
              strokeWidth={1}
            />
          );
        })}
      {geo.regions
        .filter((r) => !r.id.startsWith('_'))
        .map((r) => (
          <text
            key={`l-${r.id}`}
            x={r.anchor[0]}
            y={r.anchor[1] - 11}
            textAnchor="middle"
            fontSize={8.5}
            fontWeight={600}
            fontStyle={r.kind === 'sea' ? 'italic' : 'normal'}
            fill={r.kind === 'sea' ? '#1e3a5f' : '#2b2620'}
            stroke="rgba(255,255,255,0.85)"
            strokeWidth={2.2}
            paintOrder="stroke"
          >
            {labelText(r.id)}
          </text>
        ))}
    </g>
  );
});

function ArrowDefs() {
  const colours: [string, string][] = [...POWERS.map((p) => [p, POWER_COLOUR[p]] as [string, string]), ['void', '#6b7280']];
  return (
    <defs>
      {colours.map(([id, colour]) => (
        <marker
          key={id}
          id={`arrow-${id}`}
          viewBox="0 0 10 10"
          refX={8}
          refY={5}
          markerWidth={5}
          markerHeight={5}
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" fill={colour} />
        </marker>
      ))}
    </defs>
  );
}

type Pt = [number, number];

function shorten(a: Pt, b: Pt, startBy: number, endBy: number): [Pt, Pt] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  return [
    [a[0] + ux * startBy, a[1] + uy * startBy],
    [b[0] - ux * endBy, b[1] - uy * endBy],
  ];
}

const mid = (a: Pt, b: Pt): Pt => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

function Cross({ at, size = 5 }: { at: Pt; size?: number }) {
  return (
    <path
      d={`M${at[0] - size} ${at[1] - size}L${at[0] + size} ${at[1] + size}M${at[0] - size} ${at[1] + size}L${at[0] + size} ${at[1] - size}`}
      stroke="#b91c1c"
      strokeWidth={2.4}
      strokeLinecap="round"
    />
  );
}

/** Where a unit's order starts: a dislodged unit retreats from its offset position. */
function OrderShape({ order, dislodgedAt }: { order: BoardOrder; dislodgedAt: ReadonlySet<string> }) {
  const geo = g();
  const o = parseOrderText(order.text);
  if (!o || o.kind === 'waive' || o.kind === 'vote-draw') return null;
  const failed = order.result === 'fails' || order.result === 'void';
  const colour = order.result === 'void' ? '#6b7280' : POWER_COLOUR[order.power];
  const marker = `url(#arrow-${order.result === 'void' ? 'void' : order.power})`;
  const dash = order.status === 'draft' ? '2 3' : failed ? '6 4' : undefined;
  const opacity = order.status === 'resolved' ? 0.9 : 1;
  const from = geo.unitPoint(o.unit.loc);
  switch (o.kind) {
    case 'hold':
      return (
        <circle
          cx={from[0]}
          cy={from[1]}
          r={11.5}
          fill="none"
          stroke={colour}
          strokeWidth={2.2}
          strokeDasharray={dash}
          opacity={opacity}
        />
      );
    case 'move':
    case 'retreat': {
      const start: Pt = o.kind === 'retreat' || dislodgedAt.has(o.unit.loc) ? [from[0] + 11, from[1] + 9] : from;
      const to = geo.unitPoint(o.to);
      const [a, b] = shorten(start, to, 8, 10);
      return (
        <g opacity={opacity}>
          <path
            d={`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`}
            stroke="#fff"
            strokeWidth={5.2}
            strokeLinecap="round"
            opacity={0.7}
            fill="none"
          />
          <path
            d={`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`}
            stroke={colour}
            strokeWidth={2.8}
            strokeDasharray={dash}
            markerEnd={marker}
            fill="none"
          />
          {failed && <Cross at={mid(a, b)} />}
        </g>
      );
    }
    case 'support':
    case 'convoy': {
      const target = geo.unitPoint(o.target.loc);
      const end: Pt = o.to === null ? target : mid(target, geo.unitPoint(o.to));
      const [a, b] = shorten(from, end, 8, o.to === null ? 11 : 3);
      return (
        <g opacity={opacity}>
          <path
            d={`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`}
            stroke={colour}
            strokeWidth={1.8}
            strokeDasharray={o.kind === 'convoy' ? '1.5 3' : '5 3'}
            strokeLinecap="round"
            fill="none"
            markerEnd={o.to === null ? undefined : marker}
          />
          {o.to === null && (
            <circle cx={target[0]} cy={target[1]} r={12} fill="none" stroke={colour} strokeWidth={1.6} strokeDasharray="5 3" />
          )}
          {failed && <Cross at={mid(a, b)} size={4} />}
        </g>
      );
    }
    case 'build': {
      const at = geo.unitPoint(o.unit.loc);
      return (
        <g>
          <circle
            cx={at[0]}
            cy={at[1]}
            r={12}
            fill="none"
            stroke={POWER_COLOUR[order.power]}
            strokeWidth={2}
            strokeDasharray="4 2"
          />
          <text x={at[0] + 12} y={at[1] - 7} fontSize={12} fontWeight={800} fill={POWER_COLOUR[order.power]}>
            +
          </text>
        </g>
      );
    }
    case 'disband': {
      const at = geo.unitPoint(o.unit.loc);
      const p: Pt = dislodgedAt.has(o.unit.loc) ? [at[0] + 11, at[1] + 9] : at;
      return <Cross at={p} size={8} />;
    }
  }
}

function UnitGlyph({
  type,
  power,
  at,
  scale = 1,
  dislodged = false,
}: {
  type: 'A' | 'F';
  power: Power;
  at: Pt;
  scale?: number;
  dislodged?: boolean;
}) {
  const fill = POWER_COLOUR[power];
  const ink = POWER_INK[power];
  return (
    <g transform={`translate(${at[0]} ${at[1]}) scale(${scale})`}>
      {type === 'A' ? (
        <circle r={8} fill={fill} stroke={dislodged ? '#b91c1c' : '#fff'} strokeWidth={dislodged ? 2.2 : 1.6} />
      ) : (
        <path
          d="M-10 -3.5L10 -3.5L7 6L-7 6Z M-3 -3.5L-3 -8.5L3 -8.5L3 -3.5"
          fill={fill}
          stroke={dislodged ? '#b91c1c' : '#fff'}
          strokeWidth={dislodged ? 2.2 : 1.4}
          strokeLinejoin="round"
        />
      )}
      <text y={type === 'A' ? 3.3 : 4.2} textAnchor="middle" fontSize={9} fontWeight={800} fill={ink}>
        {type}
      </text>
    </g>
  );
}

function onActivate(handler: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      handler();
    }
  };
}

export function DiplomacyBoard({ model, interaction, label }: Props) {
  const geo = g();
  const [zoom, setZoom] = useState(1);
  const ownersKey = useMemo(
    () =>
      [...model.owners.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([p, o]) => `${p}=${o}`)
        .join(';'),
    [model.owners],
  );
  const dislodgedAt = useMemo(() => new Set(model.dislodged.map((u) => u.province)), [model.dislodged]);
  const i = interaction;
  const targets = i?.targets;
  const name = label ?? `Diplomacy board, ${phaseName(model.phase)}`;

  return (
    <div className="board-wrap">
      <div className="row small" style={{ justifyContent: 'flex-end', padding: '0 0.25rem 0.25rem' }}>
        <span className="muted">Zoom</span>
        {[1, 1.5, 2].map((z) => (
          <button key={z} type="button" className="secondary" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
            {z * 100}%
          </button>
        ))}
      </div>
      <div style={{ overflow: 'auto' }}>
        <svg
          className="board-svg"
          viewBox={`0 0 ${geo.width} ${geo.height}`}
          aria-label={name}
          style={{ width: `${zoom * 100}%`, minWidth: 600 * zoom }}
          data-phase={`${model.phase.season}-${model.phase.year}-${model.phase.type}`}
        >
          <ArrowDefs />
          <BaseMap ownersKey={ownersKey} />
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
          <g>
            {model.units.map((u) => {
              const at = geo.unitPoint(u.province);
              const selectable = i?.selectableUnits?.has(u.province) ?? false;
              const isTarget = targets?.has(provinceOf(u.province)) ?? false;
              const selected = i?.selectedUnit === u.province || i?.secondaryUnit === u.province;
              const glyph = (
                <>
                  {selected && (
                    <circle cx={at[0]} cy={at[1]} r={13} fill="rgba(250,204,21,0.55)" stroke="#a16207" strokeWidth={2} />
                  )}
                  <UnitGlyph type={u.type} power={u.power} at={at} />
                </>
              );
              if (!selectable && !isTarget)
                return (
                  <g key={`u-${u.province}`} className="unit" data-unit={u.province} data-power={u.power}>
                    <title>{unitName(u)}</title>
                    {glyph}
                  </g>
                );
              const act = () => (selectable || !isTarget ? i?.onUnit?.(u.province) : i?.onProvince?.(provinceOf(u.province)));
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no button element
                <g
                  key={`u-${u.province}`}
                  className="unit selectable"
                  data-unit={u.province}
                  data-power={u.power}
                  role="button"
                  tabIndex={0}
                  aria-label={unitName(u)}
                  aria-pressed={selected}
                  onClick={act}
                  onKeyDown={onActivate(act)}
                >
                  {glyph}
                </g>
              );
            })}
            {model.dislodged.map((u) => {
              const base = geo.unitPoint(u.province);
              const at: Pt = [base[0] + 11, base[1] + 9];
              const selectable = i?.selectableUnits?.has(u.province) ?? false;
              const selected = i?.selectedUnit === u.province;
              const label = `Dislodged ${unitName(u)}${u.retreats.length ? `; may retreat to ${u.retreats.map(locName).join(', ')}` : '; no retreat'}`;
              const glyph = (
                <>
                  {selected && (
                    <circle cx={at[0]} cy={at[1]} r={11} fill="rgba(250,204,21,0.55)" stroke="#a16207" strokeWidth={2} />
                  )}
                  <UnitGlyph type={u.type} power={u.power} at={at} scale={0.8} dislodged />
                </>
              );
              if (!selectable)
                return (
                  <g key={`d-${u.province}`} className="unit" data-dislodged={u.province} data-power={u.power}>
                    <title>{label}</title>
                    {glyph}
                  </g>
                );
              const act = () => i?.onUnit?.(u.province);
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no button element
                <g
                  key={`d-${u.province}`}
                  className="unit selectable"
                  data-dislodged={u.province}
                  data-power={u.power}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-pressed={selected}
                  onClick={act}
                  onKeyDown={onActivate(act)}
                >
                  {glyph}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
    </div>
  );
}
