import { POWER_COLOUR } from '../../lib/diplomacy/colours';
import { boardGeometry } from '../../lib/diplomacy/geometry';
import { type BoardOrder, POWERS, parseOrderText } from '../../lib/diplomacy/model';

type Pt = [number, number];

/** Where a dislodged unit is drawn: beside the unit that took its place. */
export const dislodgedSpot = (base: readonly [number, number]): Pt => [base[0] + 11, base[1] + 9];

export function ArrowDefs() {
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
export function OrderShape({ order, dislodgedAt }: { order: BoardOrder; dislodgedAt: ReadonlySet<string> }) {
  const geo = boardGeometry();
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
      const start: Pt = o.kind === 'retreat' || dislodgedAt.has(o.unit.loc) ? dislodgedSpot(from) : from;
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
      const p: Pt = dislodgedAt.has(o.unit.loc) ? dislodgedSpot(at) : at;
      return <Cross at={p} size={8} />;
    }
  }
}
