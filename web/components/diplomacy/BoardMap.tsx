import { memo, useMemo } from 'react';
import { FILLER_LAND, FILLER_WATER, LAND, POWER_COLOUR, POWER_TINT, SEA } from '../../lib/diplomacy/colours';
import { boardGeometry, type Region } from '../../lib/diplomacy/geometry';
import type { Power } from '../../lib/diplomacy/model';

function regionFill(r: Region, owner: Power | undefined): string {
  if (r.kind === 'sea') return SEA;
  if (r.kind === 'filler-land') return FILLER_LAND;
  if (r.kind === 'filler-water') return FILLER_WATER;
  return owner ? POWER_TINT[owner] : LAND;
}

const labelText = (id: string) => id[0]!.toUpperCase() + id.slice(1);

/** Where a province's supply centre dot sits, beside its unit. */
export const centreSpot = (anchor: readonly [number, number]): [number, number] => [anchor[0] - 11, anchor[1] + 9];

/**
 * The map itself: the real land (islets that belong to no province included), provinces tinted by
 * centre owner, sea borders dashed, the coastline over them, supply centres and labels.
 * `ownersKey` is `province=power;…` so that the memo holds while the owners do not change.
 */
export const BoardMap = memo(function BoardMap({ ownersKey }: { ownersKey: string }) {
  const geo = boardGeometry();
  const owners = useMemo(
    () => new Map(ownersKey ? ownersKey.split(';').map((p) => p.split('=') as [string, Power]) : []),
    [ownersKey],
  );
  return (
    <g>
      <rect x={0} y={0} width={geo.width} height={geo.height} fill={SEA} />
      <path d={geo.land} fill={FILLER_LAND} />
      {geo.regions.map((r) => {
        const water = r.kind === 'sea' || r.kind === 'filler-water';
        return (
          <path
            key={r.id}
            d={r.path}
            data-province={r.id}
            fill={regionFill(r, owners.get(r.id))}
            stroke={water ? '#7fa6c8' : '#7c6f55'}
            strokeWidth={water ? 0.7 : 0.8}
            strokeDasharray={water ? '3 2.5' : undefined}
            strokeLinejoin="round"
          >
            <title>{`${r.name}${r.supplyCentre ? ` — supply centre, ${owners.get(r.id) ?? 'neutral'}` : ''}`}</title>
          </path>
        );
      })}
      <path d={geo.land} fill="none" stroke="#35506b" strokeWidth={1.1} strokeLinejoin="round" />
      {geo.regions
        .filter((r) => r.supplyCentre)
        .map((r) => {
          const owner = owners.get(r.id);
          const [x, y] = centreSpot(r.anchor);
          return (
            <circle
              key={`sc-${r.id}`}
              data-centre={r.id}
              cx={x}
              cy={y}
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
