import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { POWER_COLOUR, POWER_INK } from '../../lib/diplomacy/colours';
import { boardGeometry } from '../../lib/diplomacy/geometry';
import { type BoardModel, locName, type Power, provinceOf, unitName } from '../../lib/diplomacy/model';
import type { Motion } from '../../lib/diplomacy/motion';
import { dislodgedSpot } from './BoardOrders';

type Pt = readonly [number, number];

/** What a person may pick on the board, and what picking does. */
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

function UnitGlyph({
  type,
  power,
  scale = 1,
  dislodged = false,
}: {
  type: 'A' | 'F';
  power: Power;
  scale?: number;
  dislodged?: boolean;
}) {
  const fill = POWER_COLOUR[power];
  const ink = POWER_INK[power];
  return (
    <g transform={scale === 1 ? undefined : `scale(${scale})`}>
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

/**
 * The CSS animation of a motion (globals.css `unit-glide`, `unit-bounce`, `unit-arrive`): the
 * offsets are relative to where the unit now stands, so the animation ends at its place.
 */
function motionStyle(motion: Motion | undefined, at: Pt): { className: string; style?: CSSProperties } {
  if (!motion) return { className: '' };
  const offset = (p: Pt) => ({ '--from-x': `${p[0] - at[0]}px`, '--from-y': `${p[1] - at[1]}px` }) as CSSProperties;
  switch (motion.kind) {
    case 'glide':
    case 'dislodged':
      return { className: 'unit-glide', style: offset(motion.from) };
    case 'bounce':
      return { className: 'unit-bounce', style: offset(motion.toward) };
    case 'built':
      return { className: 'unit-arrive' };
  }
}

export function onActivate(handler: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      handler();
    }
  };
}

/** One unit: placed at `at`, animated by its motion, a button when it may be picked. */
function UnitSpot(props: {
  at: Pt;
  motion: Motion | undefined;
  data: Record<string, string>;
  label: string;
  selected: boolean;
  act: (() => void) | null;
  children: ReactNode;
}) {
  const { at, motion, data, label, selected, act, children } = props;
  const m = motionStyle(motion, at);
  const body = (
    <g className={m.className} style={m.style}>
      {selected && <circle r={13} fill="rgba(250,204,21,0.55)" stroke="#a16207" strokeWidth={2} />}
      {children}
    </g>
  );
  const transform = `translate(${at[0]} ${at[1]})`;
  if (!act)
    return (
      <g className="unit" transform={transform} {...data}>
        <title>{label}</title>
        {body}
      </g>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no button element
    <g
      className="unit selectable"
      transform={transform}
      {...data}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      onClick={act}
      onKeyDown={onActivate(act)}
    >
      {body}
    </g>
  );
}

/**
 * Units and dislodged units. `phaseKey` remounts every unit when the phase changes, so that the
 * motions of the phase just resolved play once.
 */
export function BoardUnits({
  model,
  motions,
  phaseKey,
  interaction: i,
}: {
  model: BoardModel;
  motions: ReadonlyMap<string, Motion>;
  phaseKey: string;
  interaction?: BoardInteraction;
}) {
  const geo = boardGeometry();
  const targets = i?.targets;
  return (
    <g>
      {model.units.map((u) => {
        const selectable = i?.selectableUnits?.has(u.province) ?? false;
        const isTarget = targets?.has(provinceOf(u.province)) ?? false;
        const act =
          selectable || isTarget
            ? () => (selectable || !isTarget ? i?.onUnit?.(u.province) : i?.onProvince?.(provinceOf(u.province)))
            : null;
        return (
          <UnitSpot
            key={`u-${u.province}-${phaseKey}`}
            at={geo.unitPoint(u.province)}
            motion={motions.get(`unit:${u.province}`)}
            data={{ 'data-unit': u.province, 'data-power': u.power }}
            label={unitName(u)}
            selected={i?.selectedUnit === u.province || i?.secondaryUnit === u.province}
            act={act}
          >
            <UnitGlyph type={u.type} power={u.power} />
          </UnitSpot>
        );
      })}
      {model.dislodged.map((u) => {
        const selectable = i?.selectableUnits?.has(u.province) ?? false;
        const retreats = u.retreats.length ? `; may retreat to ${u.retreats.map(locName).join(', ')}` : '; no retreat';
        return (
          <UnitSpot
            key={`d-${u.province}-${phaseKey}`}
            at={dislodgedSpot(geo.unitPoint(u.province))}
            motion={motions.get(`dislodged:${u.province}`)}
            data={{ 'data-dislodged': u.province, 'data-power': u.power }}
            label={`Dislodged ${unitName(u)}${retreats}`}
            selected={i?.selectedUnit === u.province}
            act={selectable ? () => i?.onUnit?.(u.province) : null}
          >
            <UnitGlyph type={u.type} power={u.power} scale={0.8} dislodged />
          </UnitSpot>
        );
      })}
    </g>
  );
}
