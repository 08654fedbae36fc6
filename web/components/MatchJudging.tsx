import { type DiplomacyAnalysis, judgedRows } from '../lib/analysis';
import { arenaGet } from '../lib/arena';
import { type JudgeChoice, JudgePanel } from './JudgePanel';
import { JudgedPromises } from './ModelMeasures';

/**
 * A finished match's promises made in free text, as a judge read them, and the operator's judge
 * panel. Shown for matches the arena analyses (it answers the analysis route); for any other game
 * the arena refuses and nothing is shown.
 */
export async function MatchJudging({ matchId }: { matchId: string }) {
  const [analysis, registry] = await Promise.all([
    arenaGet<DiplomacyAnalysis>(`/api/matches/${encodeURIComponent(matchId)}/analysis`),
    arenaGet<{ agents: (JudgeChoice & { judge?: boolean })[] }>('/api/registry'),
  ]);
  if (!analysis.ok) return null;
  const judges = registry.ok ? registry.data.agents.filter((a) => a.judge) : [];
  return (
    <section className="panel" aria-labelledby="free-text">
      <h2 id="free-text" style={{ marginTop: 0 }}>
        Promises in free text
      </h2>
      <JudgedPromises promises={judgedRows(analysis.data)} />
      <JudgePanel
        matchId={matchId}
        judges={judges.map(({ id, dailyCapUsd, spentTodayUsd }) => ({ id, dailyCapUsd, spentTodayUsd }))}
      />
    </section>
  );
}
