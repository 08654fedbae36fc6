import { type AnalysisFile, type DiplomacyAnalysis, promiseRates } from '../lib/analysis';
import { POWER_COLOUR } from '../lib/diplomacy/colours';
import { POWERS, type Power } from '../lib/diplomacy/model';
import { POWER_NAMES } from '../lib/format';
import { LineChart, RateBars, type Series } from './charts/charts';

const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f'];
const cap = (p: string) => p[0]!.toUpperCase() + p.slice(1);

/** Exploitability over iterations (log-log), one line per solver run. */
export function SolveCharts({ files }: { files: AnalysisFile[] }) {
  const runs = files.flatMap((f) =>
    [...new Set(f.solve.map((p) => p.algorithm))].map((algo) => ({
      label: `${algo} (${f.file})`,
      points: f.solve.filter((p) => p.algorithm === algo).sort((a, b) => a.iteration - b.iteration),
    })),
  );
  if (runs.length === 0) return null;
  const series: Series[] = runs.map((r, i) => ({
    label: r.label,
    colour: COLOURS[i % COLOURS.length] as string,
    points: r.points.map((p) => ({ x: p.iteration, y: p.exploitability })),
  }));
  return (
    <section className="panel" aria-labelledby="expl">
      <h2 id="expl" style={{ marginTop: 0 }}>
        Exploitability over iterations
      </h2>
      <LineChart
        title="Exploitability of the average strategy over iterations"
        xLabel="iterations"
        yLabel="exploitability"
        logX
        logY
        series={series}
      />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col" className="num">
                Iterations
              </th>
              <th scope="col" className="num">
                Exploitability
              </th>
              <th scope="col" className="num">
                Value (seat 0)
              </th>
              <th scope="col" className="num">
                Seconds
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const last = r.points[r.points.length - 1];
              return (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td className="num">{last?.iteration.toLocaleString('en-US')}</td>
                  <td className="num">{last?.exploitability.toExponential(3)}</td>
                  <td className="num">{last && Number.isFinite(last.value) ? last.value.toFixed(5) : '–'}</td>
                  <td className="num">{last?.seconds ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Allied pairs per movement phase: one row per pair that was ever allied. */
function AllianceStrip({ a }: { a: DiplomacyAnalysis }) {
  const phases = a.alliances.phases;
  const pairs = Object.keys(a.alliances.pairs).sort();
  if (pairs.length === 0) return <p className="small muted">No alliances in this match (seed {a.seed}).</p>;
  const cell = 24;
  const left = 150;
  const W = left + phases.length * cell + 10;
  const H = 28 + pairs.length * cell;
  const allied = phases.map((p) => new Set(p.pairs.map(([x, y]) => `${x}-${y}`)));
  return (
    <figure style={{ margin: '0.5rem 0', overflowX: 'auto' }}>
      <svg
        className="chart"
        viewBox={`0 0 ${W} ${H}`}
        style={{ width: W, maxWidth: 'none' }}
        role="img"
        aria-label={`Alliances over time, match seed ${a.seed}`}
      >
        <title>{`Alliances over time, match seed ${a.seed}`}</title>
        {phases.map((p, i) =>
          i % 3 === 0 ? (
            <text key={p.phase} x={left + i * cell + cell / 2} y={14} textAnchor="middle">
              {p.phase}
            </text>
          ) : null,
        )}
        {pairs.map((pair, r) => {
          const [x, y] = pair.split('-') as [Power, Power];
          return (
            <g key={pair}>
              <text x={left - 6} y={22 + r * cell + cell / 2 + 3} textAnchor="end">
                {cap(x)} – {cap(y)}
              </text>
              {phases.map((p, i) => (
                <rect
                  key={p.phase}
                  x={left + i * cell + 1}
                  y={20 + r * cell + 1}
                  width={cell - 2}
                  height={cell - 2}
                  fill={allied[i]?.has(pair) ? (POWER_COLOUR[x] ?? '#1d4ed8') : '#f1f5f9'}
                  stroke={allied[i]?.has(pair) ? (POWER_COLOUR[y] ?? '#1d4ed8') : 'none'}
                  strokeWidth={2}
                >
                  <title>{`${p.phase}: ${cap(x)} and ${cap(y)} ${allied[i]?.has(pair) ? 'allied' : 'not allied'}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        Seed {a.seed}: {a.seats.map((s) => `${cap(s.power)} ${s.agent}`).join(', ')}. A filled cell: the pair supported each other
        and did not attack each other over the last {a.alliances.window} movement phases.
      </figcaption>
    </figure>
  );
}

export function DiplomacyCharts({ files }: { files: AnalysisFile[] }) {
  const all = files.flatMap((f) => f.diplomacy);
  if (all.length === 0) return null;
  const byAgent = promiseRates(all, 'perAgent');
  const byPower = promiseRates(all, 'perPower');
  const supports = POWERS.map((_, i) => POWERS.map((_, j) => all.reduce((s, a) => s + (a.supports.matrix[i]?.[j] ?? 0), 0)));
  const maxSupport = Math.max(1, ...supports.flat());
  const betrayals = new Map<string, { betrayals: number; betrayed: number }>();
  for (const a of all)
    for (const [name, b] of Object.entries(a.betrayals.perAgent ?? {})) {
      const s = betrayals.get(name) ?? { betrayals: 0, betrayed: 0 };
      s.betrayals += b.betrayals;
      s.betrayed += b.betrayed;
      betrayals.set(name, s);
    }
  const detail = (r: { kept: number; broken: number; notCheckable: number }) =>
    `${r.kept} kept, ${r.broken} broken, ${r.notCheckable} unchecked`;
  return (
    <>
      <section className="panel" aria-labelledby="honesty">
        <h2 id="honesty" style={{ marginTop: 0 }}>
          Honesty: promises kept
        </h2>
        <p className="small muted">
          Structured commitments in press (support, move, keep a province empty, no attack) checked against the orders that
          followed, over {all.length} {all.length === 1 ? 'match' : 'matches'}.
        </p>
        <h3>By agent</h3>
        <RateBars
          title="Promises kept by agent"
          rows={[...byAgent.entries()].map(([name, r]) => ({ label: name, rate: r.keptRate, detail: detail(r) }))}
        />
        <h3>By power</h3>
        <RateBars
          title="Promises kept by power"
          rows={POWERS.map((p) => {
            const r = byPower.get(p) ?? { kept: 0, broken: 0, notCheckable: 0, keptRate: null };
            return { label: cap(p), rate: r.keptRate, detail: detail(r) };
          })}
        />
      </section>
      <section className="panel" aria-labelledby="alliances">
        <h2 id="alliances" style={{ marginTop: 0 }}>
          Alliances over time
        </h2>
        {all.slice(0, 4).map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: analyses are in file order
          <AllianceStrip key={i} a={a} />
        ))}
        {all.length > 4 && <p className="small muted">…and {all.length - 4} more matches in these files.</p>}
      </section>
      <section className="panel" aria-labelledby="supports">
        <h2 id="supports" style={{ marginTop: 0 }}>
          Supports across powers
        </h2>
        <p className="small muted">Row supported a unit of the column, summed over the matches.</p>
        <div className="table-wrap">
          <table className="heat">
            <thead>
              <tr>
                <th scope="col" />
                {POWER_NAMES.map((n) => (
                  <th key={n} scope="col">
                    {n.slice(0, 3)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {POWERS.map((p, i) => (
                <tr key={p}>
                  <th scope="row" style={{ textAlign: 'left' }}>
                    {POWER_NAMES[i]}
                  </th>
                  {POWERS.map((q, j) => {
                    const v = supports[i]?.[j] ?? 0;
                    return (
                      <td
                        key={q}
                        style={v > 0 ? { background: `rgba(21, 128, 61, ${0.12 + (0.6 * v) / maxSupport})` } : undefined}
                      >
                        {i === j ? '–' : v}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Betrayals of recent partners</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col" className="num">
                Betrayed others
              </th>
              <th scope="col" className="num">
                Was betrayed
              </th>
            </tr>
          </thead>
          <tbody>
            {[...betrayals.entries()].map(([name, b]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{b.betrayals}</td>
                <td className="num">{b.betrayed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function AnalysisFiles({ files }: { files: AnalysisFile[] }) {
  return (
    <>
      <SolveCharts files={files.filter((f) => f.kind === 'solve')} />
      <DiplomacyCharts files={files.filter((f) => f.kind === 'diplomacy')} />
    </>
  );
}
