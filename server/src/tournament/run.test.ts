import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Agent, registerAgent } from '@parley/agents';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchSummary } from './play';
import { renderMarkdown } from './report';
import { runTournament } from './run';
import { resolveSpec } from './spec';
import { ThreadPool } from './threads';

const bin = fileURLToPath(new URL('../../../bin/parley.mjs', import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), 'parley-tournament-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const byId = (results: MatchSummary[]) => new Map(results.map((r) => [r.id, r.returns]));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const leduc = {
  name: 'leduc-small',
  game: 'leduc',
  seed: 4,
  participants: ['random', 'call', 'equilibrium'],
  format: { type: 'round-robin', rounds: 40 },
  duplicate: true,
  ratings: { bootstrap: 200 },
};

describe('runTournament', () => {
  it('plays the same matches on worker threads as in this thread', async () => {
    const inline = await runTournament(leduc, { out: temp(), workers: 0, progress: false });
    const threaded = await runTournament(leduc, { out: temp(), workers: 2, chunk: 7, progress: false });
    expect(inline.results).toHaveLength(3 * 2 * 40);
    expect(byId(threaded.results)).toEqual(byId(inline.results));
    expect(threaded.leaderboard.rows).toEqual(inline.leaderboard.rows);
    expect(inline.complete).toBe(true);
  });

  it('plays short runs in this thread unless told otherwise, and can borrow a long-lived pool', async () => {
    const small = { ...leduc, format: { type: 'round-robin', rounds: 2 } };
    expect((await runTournament(small, { out: temp(), progress: false })).executor).toBe('inline');
    expect((await runTournament(small, { out: temp(), workers: 1, progress: false })).executor).toBe('threads');
    const pool = new ThreadPool(1);
    try {
      const first = await runTournament(small, { out: temp(), executor: pool, progress: false });
      const second = await runTournament({ ...small, seed: 99 }, { out: temp(), executor: pool, progress: false });
      expect([first.executor, second.executor]).toEqual(['threads', 'threads']); // still open after the first
      expect(second.results).toHaveLength(12);
    } finally {
      await pool.close();
    }
  });

  it('resumes after being killed midway and ends where an uninterrupted run ends', async () => {
    const dir = temp();
    const file = join(dir, 'kuhn.json');
    const spec = {
      name: 'kill-me',
      game: 'kuhn',
      participants: ['random', 'call'],
      format: { type: 'round-robin', rounds: 2_000 },
      ratings: { bootstrap: 100 },
    };
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [bin, 'tournament', 'run', file, '--out', out, '--workers', '0', '--quiet'], {
      stdio: 'ignore',
      env: { ...process.env, REDIS_URL: '' },
    });
    children.push(child);
    const results = join(out, 'results.jsonl');
    // Wait for the child's first 400 results: woken by every write to its output directory (or its
    // exit), never by a timer, so a slow machine only makes the wait longer.
    await new Promise<void>((resolve, reject) => {
      mkdirSync(out, { recursive: true });
      const check = () => {
        if (existsSync(results) && lines(results).length >= 400) done();
        else if (child.exitCode !== null) done(new Error('the run ended before it was killed'));
      };
      const watcher = watch(out, check);
      const done = (error?: Error) => {
        watcher.close();
        child.off('exit', check);
        error ? reject(error) : resolve();
      };
      child.on('exit', check);
      check();
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = lines(results).length;
    expect(before).toBeLessThan(4_000); // it really was cut short
    // Simulate a torn write as well: half a line at the end.
    appendFileSync(results, '{"id":"0.0.0|random|ca');

    const resumed = await runTournament(spec, { out, workers: 0, progress: false });
    const fresh = await runTournament(spec, { out: join(dir, 'fresh'), workers: 0, progress: false });
    const stored = lines(results).map((l) => JSON.parse(l) as MatchSummary);
    expect(stored).toHaveLength(4_000); // every match once: nothing replayed but the torn line
    expect(new Set(stored.map((r) => r.id)).size).toBe(4_000);
    expect(byId(resumed.results)).toEqual(byId(fresh.results));
    expect(resumed.leaderboard).toEqual(fresh.leaderboard);
    expect(JSON.parse(readFileSync(join(out, 'ratings.json'), 'utf8')).rows).toEqual(fresh.leaderboard.rows);
  });

  it('refuses to mix results of a changed tournament into its directory', async () => {
    const out = temp();
    await runTournament({ ...leduc, format: { type: 'round-robin', rounds: 1 } }, { out, workers: 0, progress: false });
    await expect(
      runTournament({ ...leduc, seed: 5, format: { type: 'round-robin', rounds: 1 } }, { out, workers: 0, progress: false }),
    ).rejects.toThrow(/holds results of a different tournament/);
    // Rating options are not part of the identity: changing them just re-rates.
    const again = await runTournament(
      { ...leduc, format: { type: 'round-robin', rounds: 1 }, ratings: { bootstrap: 0 } },
      { out, workers: 0, progress: false },
    );
    expect(again.results).toHaveLength(6);
  });

  it('plays a Swiss tournament round by round', async () => {
    const spec = resolveSpec({
      name: 'swiss',
      game: 'kuhn',
      participants: [
        { name: 'eq1', agent: 'equilibrium' },
        { name: 'eq2', agent: 'equilibrium' },
        { name: 'call', agent: 'call' },
        { name: 'rnd1', agent: 'random' },
        { name: 'rnd2', agent: 'random' },
      ],
      format: { type: 'swiss', rounds: 4, gamesPerPairing: 20 },
      duplicate: true,
      ratings: { bootstrap: 100 },
    });
    const { results, report } = await runTournament(spec, { out: temp(), workers: 2, progress: false });
    expect(results).toHaveLength(4 * 2 * 20);
    expect(new Set(results.map((r) => r.batch))).toEqual(new Set([0, 1, 2, 3]));
    expect(report.matches).toMatchObject({ scheduled: 160, finished: 160, failed: 0 });
    // Each round, exactly one participant sits out.
    for (let round = 0; round < 4; round++) {
      const playing = new Set(results.filter((r) => r.batch === round).flatMap((r) => r.seats));
      expect(playing.size).toBe(4);
    }
  });

  it('records failed matches in the report and plays them again on the next run', async () => {
    let failing = true;
    let created = 0;
    registerAgent('flaky', () => {
      if (failing && ++created > 1) throw new Error('could not connect'); // the up-front check passes
      return { name: 'flaky', act: ({ legalActions }) => legalActions[0] as string };
    });
    const spec = {
      name: 'flaky',
      game: 'kuhn',
      participants: ['flaky', 'call'],
      format: { type: 'round-robin', rounds: 5 },
      ratings: { bootstrap: 0 },
    };
    const out = temp();
    const first = await runTournament(spec, { out, workers: 0, progress: false });
    expect(first.report.matches).toMatchObject({ scheduled: 10, finished: 0, failed: 10 });
    expect(first.report.errors[0]?.error).toBe('could not connect');
    expect(first.leaderboard.rows.every((r) => r.matches === 0)).toBe(true);
    failing = false;
    const second = await runTournament(spec, { out, workers: 0, progress: false });
    expect(second.report.matches).toMatchObject({ finished: 10, failed: 0 });
    expect(second.report.errors).toEqual([]);
  });

  it('keeps several matches in flight per worker for agents that wait on the network', async () => {
    let inFlight = 0;
    let most = 0;
    registerAgent('slow', () => ({
      name: 'slow',
      act: async ({ legalActions }) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setImmediate(r)); // waits as a network call would, without a clock
        inFlight--;
        return legalActions[0] as string;
      },
    }));
    const spec = {
      name: 'slow',
      game: 'kuhn',
      participants: ['slow', 'call'],
      format: { type: 'round-robin', rounds: 12 },
      concurrency: 8,
      ratings: { bootstrap: 0 },
    };
    const { results } = await runTournament(spec, { out: temp(), workers: 0, progress: false });
    expect(results.every((r) => r.returns && r.fallbacks.every((f) => f === 0))).toBe(true);
    expect(most).toBe(8);
  });

  it('reports usage and cost per agent, failed matches, and the budget sweep curve', async () => {
    // A stand-in for an LLM agent: its skill and token use grow with its `effort` override.
    registerAgent('fake-llm', (arg) => {
      const effort = Number(new URLSearchParams(arg?.split('?')[1] ?? '').get('effort') ?? 0);
      const agent: Agent = {
        name: 'fake-llm',
        act: ({ legalActions, rng, recordModelCall }) => {
          recordModelCall?.({
            provider: 'fake',
            model: 'm',
            purpose: 'decide',
            prompt: '',
            reply: 'x',
            tokensIn: 100 * effort,
            tokensOut: 10 * effort,
            latencyMs: 0,
            costUsd: 0.001 * effort,
            attempt: 0,
          });
          const aggressive = legalActions.find((a) => a === 'bet' || a === 'raise' || a === 'call');
          return rng.float() < effort / 4 && aggressive ? aggressive : rng.pick(legalActions);
        },
      };
      return agent;
    });
    registerAgent('broken', () => {
      throw new Error('no such model');
    });
    const spec = resolveSpec({
      name: 'sweep',
      game: 'leduc',
      participants: [{ name: 'bot', agent: 'fake-llm', sweep: { effort: [1, 2, 3] } }, 'call', 'random'],
      format: { type: 'gauntlet', challengers: ['bot'], rounds: 30 },
      ratings: { bootstrap: 100 },
    });
    const { report } = await runTournament(spec, { out: temp(), workers: 0, progress: false });
    expect(report.sweeps).toHaveLength(1);
    const [series] = report.sweeps;
    expect(series?.points.map((p) => p.label)).toEqual(['effort=1', 'effort=2', 'effort=3']);
    expect(series?.points.map((p) => p.overrides)).toEqual([{ effort: 1 }, { effort: 2 }, { effort: 3 }]);
    expect(series?.metric).toBe('mbb');
    for (const p of series?.points ?? []) expect(p.rating).not.toBeNull();
    const usage = new Map(report.usage.map((u) => [u.name, u]));
    const e3 = usage.get('bot@effort=3')!;
    expect(e3.matches).toBe(2 * 2 * 30);
    expect(e3.tokensIn).toBe(300 * e3.modelCalls);
    expect(e3.costUsd).toBeCloseTo(0.003 * e3.modelCalls, 9);
    expect(e3.costPerMatch).toBeCloseTo(e3.costUsd / e3.matches, 12);
    expect(usage.get('call')?.modelCalls).toBe(0);
    const h = report.headToHead;
    const [i, j] = [h.names.indexOf('bot@effort=1'), h.names.indexOf('call')];
    expect(h.games[i]?.[j]).toBe(60);
    expect(h.winRate[i]![j]! + h.winRate[j]![i]!).toBeCloseTo(1, 12);
    expect(h.winRate[i]?.[h.names.indexOf('bot@effort=2')]).toBeNull(); // challengers never meet
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('## Budget sweep: bot');
    expect(markdown).toMatch(/\| effort=3 \| -?\d+\.\d \| \[/);

    // A participant whose agent cannot be built stops the run before any match.
    await expect(
      runTournament(
        { name: 'x', game: 'kuhn', participants: ['call', 'broken'], format: { type: 'round-robin' } },
        { out: temp(), workers: 0, progress: false },
      ),
    ).rejects.toThrow("participant 'broken': no such model");
  });
});
