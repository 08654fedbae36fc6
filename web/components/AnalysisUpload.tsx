'use client';

import { useState } from 'react';
import { type AnalysisFile, parseAnalysis } from '../lib/analysis';
import { AnalysisFiles } from './AnalysisView';

/** Charts for JSON-lines files opened in the browser; nothing is uploaded anywhere. */
export function AnalysisUpload() {
  const [files, setFiles] = useState<AnalysisFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const open = async (list: FileList | null) => {
    setError(null);
    if (!list) return;
    const parsed: AnalysisFile[] = [];
    for (const f of Array.from(list)) parsed.push(parseAnalysis(f.name, await f.text()));
    const unknown = parsed.filter((p) => p.kind === 'unknown');
    if (unknown.length > 0)
      setError(
        `Not recognised (expected parley solve or parley analyze diplomacy output): ${unknown.map((u) => u.file).join(', ')}`,
      );
    setFiles(parsed.filter((p) => p.kind !== 'unknown'));
  };
  return (
    <section className="panel stack" aria-labelledby="open-file">
      <h2 id="open-file" style={{ marginTop: 0 }}>
        Open a file
      </h2>
      <label className="small">
        JSON-lines output of <code>parley solve</code> or <code>parley analyze diplomacy</code> (read in this browser only):{' '}
        <input type="file" accept=".jsonl,.json,.ndjson,.txt" multiple onChange={(e) => void open(e.target.files)} />
      </label>
      {error && <p className="error-box small">{error}</p>}
      {files.length > 0 && <AnalysisFiles files={files} />}
    </section>
  );
}
