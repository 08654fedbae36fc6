/**
 * Small SVG charts written for Parley: lines (with optional interval bands and log axes),
 * horizontal intervals (leaderboards) and horizontal bars (rates). No chart library: each is a
 * viewBox-scaled SVG with a text alternative.
 */

export interface Point {
  x: number;
  y: number;
  lo?: number | null;
  hi?: number | null;
}

export interface Series {
  label: string;
  colour: string;
  points: Point[];
  dashed?: boolean;
}

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const span = max - min;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? mag * 10;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    const v = 10 ** e;
    if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
  }
  return out;
}

const fmtTick = (v: number) => {
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.001 || a >= 1e6)) return v.toExponential(0);
  const n = Number(v.toPrecision(4));
  return a >= 10_000 ? n.toLocaleString('en-US') : String(n);
};

export function LineChart({
  series,
  xLabel,
  yLabel,
  logX = false,
  logY = false,
  marker,
  height = 260,
  title,
  yMin,
  yMax,
  formatX = fmtTick,
}: {
  series: Series[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  marker?: number;
  height?: number;
  title: string;
  yMin?: number;
  yMax?: number;
  formatX?: (v: number) => string;
}) {
  const W = 640;
  const H = height;
  const m = { l: 56, r: 14, t: 12, b: 38 };
  const pts = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const usable = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);
  const xs = pts.map((p) => p.x).filter((v) => usable(v, logX));
  const ys = pts.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]).filter((v) => usable(v, logY));
  if (xs.length === 0 || ys.length === 0) return <p className="muted small">No data to chart for {title.toLowerCase()}.</p>;
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [yMin ?? Math.min(...ys), yMax ?? Math.max(...ys)];
  if (x0 === x1) [x0, x1] = logX ? [x0 / 2, x1 * 2] : [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = logY ? [y0 / 2, y1 * 2] : [y0 - 1, y1 + 1];
  const tx = (v: number) =>
    m.l +
    ((logX ? Math.log10(v) - Math.log10(x0) : v - x0) / (logX ? Math.log10(x1) - Math.log10(x0) : x1 - x0)) * (W - m.l - m.r);
  const ty = (v: number) =>
    H -
    m.b -
    ((logY ? Math.log10(v) - Math.log10(y0) : v - y0) / (logY ? Math.log10(y1) - Math.log10(y0) : y1 - y0)) * (H - m.t - m.b);
  const xt = logX ? logTicks(x0, x1) : niceTicks(x0, x1);
  const yt = logY ? logTicks(y0, y1) : niceTicks(y0, y1);
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <title>{title}</title>
        <rect x={m.l} y={m.t} width={W - m.l - m.r} height={H - m.t - m.b} fill="#fafaf9" stroke="#d4d4d8" />
        {yt.map((v) => (
          <g key={`y${v}`}>
            <line x1={m.l} x2={W - m.r} y1={ty(v)} y2={ty(v)} stroke="#e4e4e7" />
            <text x={m.l - 6} y={ty(v) + 4} textAnchor="end">
              {fmtTick(v)}
            </text>
          </g>
        ))}
        {xt.map((v) => (
          <g key={`x${v}`}>
            <line x1={tx(v)} x2={tx(v)} y1={m.t} y2={H - m.b} stroke="#f0f0f2" />
            <text x={tx(v)} y={H - m.b + 15} textAnchor="middle">
              {formatX(v)}
            </text>
          </g>
        ))}
        <text x={(m.l + W - m.r) / 2} y={H - 4} textAnchor="middle">
          {xLabel}
        </text>
        <text x={12} y={(m.t + H - m.b) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(m.t + H - m.b) / 2})`}>
          {yLabel}
        </text>
        {series.map((s) => {
          const ok = s.points.filter((p) => usable(p.x, logX) && usable(p.y, logY));
          const band = ok.filter((p) => p.lo != null && p.hi != null && usable(p.lo, logY) && usable(p.hi, logY));
          return (
            <g key={s.label}>
              {band.length > 1 && (
                <path
                  d={`${band.map((p, i) => `${i ? 'L' : 'M'}${tx(p.x)} ${ty(p.hi as number)}`).join('')}${band
                    .slice()
                    .reverse()
                    .map((p) => `L${tx(p.x)} ${ty(p.lo as number)}`)
                    .join('')}Z`}
                  fill={s.colour}
                  opacity={0.15}
                />
              )}
              <path
                d={ok.map((p, i) => `${i ? 'L' : 'M'}${tx(p.x)} ${ty(p.y)}`).join('')}
                fill="none"
                stroke={s.colour}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '5 3' : undefined}
              />
              {ok.length <= 40 &&
                // biome-ignore lint/suspicious/noArrayIndexKey: points are positions in the series
                ok.map((p, k) => <circle key={k} cx={tx(p.x)} cy={ty(p.y)} r={2.5} fill={s.colour} />)}
            </g>
          );
        })}
        {marker !== undefined && Number.isFinite(marker) && marker >= x0 && marker <= x1 && (
          <line x1={tx(marker)} x2={tx(marker)} y1={m.t} y2={H - m.b} stroke="#b45309" strokeWidth={1.5} strokeDasharray="4 3" />
        )}
      </svg>
      <figcaption>
        <ul className="legend">
          {series.map((s) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface IntervalRow {
  label: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  note?: string;
}

/** One row per participant: the estimate as a dot, its 95% interval as a bar. */
export function IntervalChart({ rows, title, unit }: { rows: IntervalRow[]; title: string; unit: string }) {
  const vals = rows.flatMap((r) => [r.value, r.lo, r.hi]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (vals.length === 0) return null;
  let [a, b] = [Math.min(...vals), Math.max(...vals)];
  if (a === b) [a, b] = [a - 1, b + 1];
  const pad = (b - a) * 0.05;
  a -= pad;
  b += pad;
  const W = 640;
  const rowH = 24;
  const m = { l: 170, r: 16, t: 8, b: 30 };
  const H = m.t + m.b + rows.length * rowH;
  const tx = (v: number) => m.l + ((v - a) / (b - a)) * (W - m.l - m.r);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      <title>{title}</title>
      {niceTicks(a, b).map((v) => (
        <g key={v}>
          <line x1={tx(v)} x2={tx(v)} y1={m.t} y2={H - m.b} stroke="#e4e4e7" />
          <text x={tx(v)} y={H - m.b + 14} textAnchor="middle">
            {fmtTick(v)}
          </text>
        </g>
      ))}
      <text x={(m.l + W - m.r) / 2} y={H - 3} textAnchor="middle">
        {unit}
      </text>
      {rows.map((r, i) => {
        const y = m.t + i * rowH + rowH / 2;
        return (
          <g key={r.label}>
            <text x={m.l - 8} y={y + 4} textAnchor="end">
              {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
            </text>
            {r.lo !== null && r.hi !== null && (
              <line
                x1={tx(r.lo)}
                x2={tx(r.hi)}
                y1={y}
                y2={y}
                stroke="#1d4ed8"
                strokeWidth={4}
                strokeLinecap="round"
                opacity={0.45}
              />
            )}
            {r.value !== null && <circle cx={tx(r.value)} cy={y} r={4.5} fill="#1d4ed8" />}
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars for rates in [0, 1]; null rates are drawn as "no data". */
export function RateBars({ rows, title }: { rows: { label: string; rate: number | null; detail: string }[]; title: string }) {
  const W = 640;
  const rowH = 24;
  const m = { l: 130, r: 250, t: 6, b: 6 };
  const H = m.t + m.b + rows.length * rowH;
  const span = W - m.l - m.r;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = m.t + i * rowH;
        return (
          <g key={r.label}>
            <text x={m.l - 8} y={y + rowH / 2 + 4} textAnchor="end">
              {r.label}
            </text>
            <rect x={m.l} y={y + 4} width={span} height={rowH - 8} fill="#f4f4f5" />
            {r.rate !== null && <rect x={m.l} y={y + 4} width={span * r.rate} height={rowH - 8} fill="#15803d" />}
            <text x={W - m.r + 6} y={y + rowH / 2 + 4}>
              {r.rate === null ? 'no data' : `${(100 * r.rate).toFixed(0)}%`} · {r.detail}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
