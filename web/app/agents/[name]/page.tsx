import type { AgentRow, LadderAnswer, MatchPage } from '@parley/protocol';
import Link from 'next/link';
import { LineChart, type Series } from '../../../components/charts/charts';
import { LadderTable } from '../../../components/LadderTable';
import { MatchTable } from '../../../components/MatchTable';
import { JudgedPromises, ModelMeasuresTable } from '../../../components/ModelMeasures';
import type { MeasuresAnswer } from '../../../lib/analysis';
import { arenaGet } from '../../../lib/arena';
import { formatFixed, formatTime, formatUsd, gameName } from '../../../lib/format';
import { ladderQuery } from '../../../lib/ladder';
import { listTournaments, METHOD_LABEL } from '../../../lib/tournaments';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#7c3aed', '#be123c', '#0e7490'];

/** One agent: its rating over successive tournaments, what it cost, and its arena matches. */
export default async function AgentPage({ params }: { params: Params }) {
  const name = decodeURIComponent((await params).name);
  const [agents, matches, ladderAll, ladderPeople, measures] = await Promise.all([
    arenaGet<{ agents: AgentRow[] }>('/api/agents'),
    arenaGet<MatchPage>(`/api/matches?agent=${encodeURIComponent(name)}&demo=exclude&pageSize=20`),
    arenaGet<LadderAnswer>(`/api/ladder${ladderQuery({ name })}`),
    arenaGet<LadderAnswer>(`/api/ladder${ladderQuery({ name, pool: 'vs-people' })}`),
    arenaGet<MeasuresAnswer>(`/api/measures/diplomacy?agent=${encodeURIComponent(name)}`),
  ]);
  const measured = measures.ok && measures.data.perModel.length > 0 ? measures.data : null;
  const ladder = (a: typeof ladderAll) => (a.ok ? a.data.ratings.filter((r) => r.kind !== 'person') : []);
  const arenaRow = agents.ok ? agents.data.agents.find((a) => a.name === name) : undefined;
  const listed = await listTournaments();
  const history = (listed.ok ? listed.data : [])
    .flatMap((t) => {
      const row = t.leaderboard?.rows.find((r) => r.name === name);
      if (!row || !t.leaderboard) return [];
      const usage = t.report?.usage.find((u) => u.name === name);
      return [{ t, row, usage, method: t.leaderboard.primary, of: t.leaderboard.rows.length }];
    })
    .sort((a, b) => (a.t.generatedAt < b.t.generatedAt ? -1 : 1));

  // One chart per rating method and game: figures are only comparable within one.
  const groups = new Map<string, typeof history>();
  for (const h of history) {
    const key = `${h.method}|${h.t.game}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const series: { key: string; label: string; unit: string; series: Series[] }[] = [...groups.entries()].map(([key, list], i) => {
    const [method, game] = key.split('|') as [string, string];
    return {
      key,
      label: `${gameName(game)} · ${METHOD_LABEL[method] ?? method}`,
      unit: METHOD_LABEL[method] ?? method,
      series: [
        {
          label: `${name} (${gameName(game)})`,
          colour: COLOURS[i % COLOURS.length] as string,
          points: list
            .filter((h) => h.row.rating)
            .map((h) => ({
              x: Date.parse(h.t.generatedAt) / 86_400_000,
              y: h.row.rating!.value,
              lo: h.row.rating!.lo,
              hi: h.row.rating!.hi,
            })),
        },
      ],
    };
  });
  const totals = history.reduce(
    (s, h) => ({
      calls: s.calls + (h.usage?.modelCalls ?? 0),
      tokens: s.tokens + (h.usage?.tokensIn ?? 0) + (h.usage?.tokensOut ?? 0),
      cost: s.cost + (h.usage?.costUsd ?? 0),
      matches: s.matches + (h.usage?.matches ?? h.row.matches),
    }),
    { calls: 0, tokens: 0, cost: 0, matches: 0 },
  );

  return (
    <div className="stack">
      <p className="small" style={{ margin: 0 }}>
        <Link href="/agents">← All agents</Link>
      </p>
      <h1>{name}</h1>
      <p className="muted">
        {arenaRow ? `${arenaRow.kind} · ${arenaRow.matches} arena matches` : 'Not seen by the arena'} · {history.length}{' '}
        tournament
        {history.length === 1 ? '' : 's'}
      </p>
      {measured && (
        <section className="panel" aria-labelledby="diplomacy-measures">
          <h2 id="diplomacy-measures" style={{ marginTop: 0 }}>
            Diplomacy measures
          </h2>
          <p className="small muted">Over its {measured.matches} most recent finished Diplomacy matches in the arena.</p>
          <ModelMeasuresTable rows={measured.perModel} />
          <h3>Promises in free text</h3>
          <JudgedPromises promises={measured.promises} />
        </section>
      )}
      <section className="panel" aria-labelledby="ladder">
        <h2 id="ladder" style={{ marginTop: 0 }}>
          Ladder
        </h2>
        {ladder(ladderAll).length === 0 ? (
          <p className="muted">No rated arena matches yet.</p>
        ) : (
          <>
            <h3>All rated matches</h3>
            <LadderTable ratings={ladder(ladderAll)} caption={`${name} on the ladder`} />
            <h3>Against people only</h3>
            {ladder(ladderPeople).length === 0 ? (
              <p className="muted">No rated matches against people yet.</p>
            ) : (
              <LadderTable ratings={ladder(ladderPeople)} caption={`${name} against people`} />
            )}
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="ratings">
        <h2 id="ratings" style={{ marginTop: 0 }}>
          Rating history
        </h2>
        {history.length === 0 ? (
          <p className="muted">No tournament results for this agent.</p>
        ) : (
          <>
            {series.map((s) =>
              s.series[0]!.points.length > 1 ? (
                <div key={s.key}>
                  <h3>{s.label}</h3>
                  <LineChart
                    title={`${name}: ${s.label} over time`}
                    xLabel="report date"
                    yLabel={s.unit}
                    series={s.series}
                    height={220}
                    formatX={(d) => new Date(d * 86_400_000).toISOString().slice(0, 10)}
                  />
                </div>
              ) : null,
            )}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tournament</th>
                    <th scope="col">Game</th>
                    <th scope="col">Date (UTC)</th>
                    <th scope="col" className="num">
                      Rank
                    </th>
                    <th scope="col" className="num">
                      Rating
                    </th>
                    <th scope="col">95% interval</th>
                    <th scope="col" className="num">
                      Matches
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.t.id}>
                      <td>
                        <Link href={`/tournaments/${encodeURIComponent(h.t.id)}`}>{h.t.name}</Link>
                      </td>
                      <td>{gameName(h.t.game)}</td>
                      <td className="small">{formatTime(Date.parse(h.t.generatedAt))}</td>
                      <td className="num">
                        {h.row.rank} / {h.of}
                      </td>
                      <td className="num">
                        {formatFixed(h.row.rating?.value, 1)}{' '}
                        <span className="muted small">{METHOD_LABEL[h.method] ?? h.method}</span>
                      </td>
                      <td className="small mono">
                        {h.row.rating?.lo != null && h.row.rating?.hi != null
                          ? `[${formatFixed(h.row.rating.lo, 1)}, ${formatFixed(h.row.rating.hi, 1)}]`
                          : '–'}
                      </td>
                      <td className="num">{h.row.matches.toLocaleString('en-US')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="cost">
        <h2 id="cost" style={{ marginTop: 0 }}>
          Cost
        </h2>
        {history.length === 0 ? (
          <p className="muted">No usage recorded in tournaments.</p>
        ) : (
          <>
            <p>
              {totals.calls.toLocaleString('en-US')} model calls, {totals.tokens.toLocaleString('en-US')} tokens,{' '}
              {formatUsd(totals.cost)} over {totals.matches.toLocaleString('en-US')} tournament matches
              {totals.matches > 0 ? ` (${formatUsd(totals.cost / totals.matches)} per match)` : ''}.
            </p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tournament</th>
                    <th scope="col" className="num">
                      Model calls
                    </th>
                    <th scope="col" className="num">
                      Tokens in
                    </th>
                    <th scope="col" className="num">
                      Tokens out
                    </th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col" className="num">
                      Per match
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.t.id}>
                      <td>{h.t.name}</td>
                      <td className="num">{(h.usage?.modelCalls ?? 0).toLocaleString('en-US')}</td>
                      <td className="num">{(h.usage?.tokensIn ?? 0).toLocaleString('en-US')}</td>
                      <td className="num">{(h.usage?.tokensOut ?? 0).toLocaleString('en-US')}</td>
                      <td className="num">{formatUsd(h.usage?.costUsd ?? 0)}</td>
                      <td className="num">{formatUsd(h.usage?.costPerMatch ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="am">
        <h2 id="am" style={{ marginTop: 0 }}>
          Arena matches
        </h2>
        {matches.ok ? (
          <MatchTable matches={matches.data.matches} caption={`Matches of ${name}`} />
        ) : (
          <p className="error-box">{matches.error.message}</p>
        )}
        {matches.ok && matches.data.total > matches.data.matches.length && (
          <p className="small">
            <Link href={`/?agent=${encodeURIComponent(name)}`}>All {matches.data.total} matches</Link>
          </p>
        )}
      </section>
    </div>
  );
}
