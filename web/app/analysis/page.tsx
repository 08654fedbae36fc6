import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnalysisUpload } from '../../components/AnalysisUpload';
import { AnalysisFiles } from '../../components/AnalysisView';
import { JudgedPromises, ModelMeasuresTable } from '../../components/ModelMeasures';
import { type AnalysisFile, type MeasuresAnswer, parseAnalysis } from '../../lib/analysis';
import { arenaGet } from '../../lib/arena';
import { dataDir } from '../../lib/tournaments';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Analysis' };

function analysesDir(): string {
  return process.env.PARLEY_ANALYSES_DIR ? resolve(process.env.PARLEY_ANALYSES_DIR) : join(dataDir(), 'analyses');
}

const MAX_BYTES = 20 * 1024 * 1024;
/** The file `parley start` writes into an empty analyses directory (server/src/analyzer/first-start.ts). */
const FIRST_START_PREFIX = 'first-start-';

function readAnalyses(dir: string): AnalysisFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(jsonl|ndjson|json)$/.test(f))
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      try {
        if (statSync(path).size > MAX_BYTES) return [];
        return [parseAnalysis(f, readFileSync(path, 'utf8'))];
      } catch {
        return [];
      }
    })
    .filter((a) => a.kind !== 'unknown');
}

/** The analyzer's charts: solver convergence, and cooperation and honesty in Diplomacy. */
export default async function AnalysisPage() {
  const dir = analysesDir();
  const files = readAnalyses(dir);
  const measures = await arenaGet<MeasuresAnswer>('/api/measures/diplomacy');
  return (
    <div className="stack">
      <h1>Analysis</h1>
      <p className="muted small">
        Charts of the analyzer&apos;s JSON-lines output found in <code>{dir}</code> (set <code>PARLEY_ANALYSES_DIR</code> to
        change it)
        {files.length > 0 ? `: ${files.map((f) => f.file).join(', ')}` : ''}.
      </p>
      {files.some((f) => f.file.startsWith(FIRST_START_PREFIX)) && (
        <p className="note-box small" data-testid="first-start-note">
          <code>{files.find((f) => f.file.startsWith(FIRST_START_PREFIX))?.file}</code> was written by the arena at its first
          start: a real CFR+ run on Kuhn poker (256 iterations, a fraction of a second), so this page has a chart from the start.
          Add your own runs with the commands below, or delete the file.
        </p>
      )}
      {files.length === 0 && (
        <div className="note-box">
          <p style={{ marginTop: 0 }}>No analyses found yet. For example:</p>
          <pre className="small mono">{`mkdir -p .parley-data/analyses
npx parley solve --game leduc --algo cfr+ --iterations 1000 > .parley-data/analyses/leduc-cfr+.jsonl
npx parley run --game diplomacy --seats heuristic,heuristic,random,random,heuristic,random,heuristic \\
  --params '{"lastYear":1910}' --matches 5 --out diplomacy.jsonl
npx parley analyze diplomacy diplomacy.jsonl > .parley-data/analyses/diplomacy-analysis.jsonl`}</pre>
          <p style={{ marginBottom: 0 }}>Or open a file below.</p>
        </div>
      )}
      <section className="panel" aria-labelledby="per-model">
        <h2 id="per-model" style={{ marginTop: 0 }}>
          Diplomacy per model, from the arena
        </h2>
        {measures.ok ? (
          <>
            <p className="small muted">
              Pooled over the {measures.data.matches} most recent finished Diplomacy matches (demo tables left out).
              {measures.data.matches === 0 &&
                ' None yet: create a Diplomacy match in the lobby (any mix of heuristic, random, LLM agents or people) and its measures appear here when it ends.'}
            </p>
            <ModelMeasuresTable rows={measures.data.perModel} />
            <h3>Promises in free text</h3>
            <JudgedPromises promises={measures.data.promises} />
          </>
        ) : (
          <p className="small muted">{measures.error.message}</p>
        )}
      </section>
      <AnalysisFiles files={files} />
      <AnalysisUpload />
    </div>
  );
}
