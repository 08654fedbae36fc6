import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createArena } from '../arena/server';
import { fetchJson } from '../arena/testing/http';
import { OPERATOR } from '../auth/principal';
import { MemoryStore, openStore } from '../store';
import { STORED_FILES } from '../tournament/stored';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/parley.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'parley-cli-tournament-store-'));
const env = { ...process.env, REDIS_URL: '', PARLEY_STORE: '', DATABASE_URL: '', PARLEY_DATA_DIR: dataDir };
const parley = (...args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env, maxBuffer: 1 << 26 });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const spec = join(dataDir, 'small-kuhn.yaml');
writeFileSync(
  spec,
  'name: small-kuhn\ngame: kuhn\nseed: 5\nparticipants: [random, call, equilibrium]\n' +
    'format: { type: round-robin, rounds: 20 }\nduplicate: true\nratings: { bootstrap: 100 }\n',
);
const played = join(dataDir, 'tournaments', 'small-kuhn');

describe('parley tournament and the database', () => {
  it('records a CLI tournament in the database and exports the same files back', async () => {
    const run = await parley('tournament', 'run', spec, '--out', played, '--workers', '0', '--quiet');
    expect(run.stderr).toContain('recorded as tournament small-kuhn in the database');
    const copy = join(dataDir, 'exported');
    const exported = await parley('tournament', 'export', 'small-kuhn', '--out', copy);
    expect(exported.stderr).toContain(`wrote ${STORED_FILES.join(', ')}`);
    expect(readdirSync(copy).sort()).toEqual([...STORED_FILES].sort());
    for (const name of STORED_FILES)
      expect(readFileSync(join(copy, name), 'utf8')).toBe(readFileSync(join(played, name), 'utf8'));
    const missing = await parley('tournament', 'export', 'no-such', '--out', join(dataDir, 'none')).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no tournament 'no-such'");
  });

  it('serves the recorded tournament through the API of an arena on the same database', async () => {
    const store = await openStore({ env });
    const arena = await createArena({ port: 0, host: '127.0.0.1', store, dataDir, principalOf: () => OPERATOR });
    try {
      const base = `http://127.0.0.1:${arena.port}`;
      const list = await fetchJson(`${base}/api/tournaments`);
      expect(list.tournaments.map((t: { id: string }) => t.id)).toContain('small-kuhn');
      const t = await fetchJson(`${base}/api/tournaments/small-kuhn`);
      const report = JSON.parse(readFileSync(join(played, 'report.json'), 'utf8'));
      // (JSON columns may print a double's last digit otherwise: compare what the pages show.)
      expect(t).toMatchObject({ id: 'small-kuhn', name: 'small-kuhn', status: 'finished' });
      expect(t.report).toMatchObject({ name: 'small-kuhn', game: 'kuhn', matches: report.matches });
      const names = (board: { rows: { name: string }[] }) => board.rows.map((r) => r.name);
      const board = await fetchJson(`${base}/api/tournaments/small-kuhn/leaderboard`);
      expect(names(board)).toEqual(names(report.leaderboard));
      expect(names(t.report.leaderboard)).toEqual(names(report.leaderboard));
    } finally {
      await arena.close();
      await store.close();
    }
  });

  it('imports, once, the results directories an arena finds in its data dir', async () => {
    const arena = await createArena({
      port: 0,
      host: '127.0.0.1',
      store: new MemoryStore(),
      dataDir,
      principalOf: () => OPERATOR,
    });
    try {
      expect(await arena.importTournaments()).toEqual(['small-kuhn']);
      expect(await arena.importTournaments()).toEqual([]);
      const t = await fetchJson(`http://127.0.0.1:${arena.port}/api/tournaments/small-kuhn`);
      expect(t.report.matches.finished).toBe(JSON.parse(readFileSync(join(played, 'report.json'), 'utf8')).matches.finished);
    } finally {
      await arena.close();
    }
  });
});
