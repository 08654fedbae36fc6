/**
 * Once for all end-to-end tests: build the Next.js app (when its sources are newer than the last
 * build), produce real analyzer and tournament output with the CLI, start an LLM stand-in, the
 * arena (`parley start --no-demo`, in-memory store) and the app (`next start`) on free ports,
 * and stop them all at the end.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startBrowserServer } from './browser';
import { startLlmStub } from './llm-stub';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    arenaUrl: string;
    artifacts: string;
    llmConfig: string;
    /** The arena's operator token (bearer), and the one-time sign-in code it printed at start. */
    operatorToken: string;
    operatorLinkCode: string;
    repo: string;
    /** The run's Chromium (a playwright browser server), for `chromium.connect`. */
    browserEndpoint: string;
  }
}

const webDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repo = resolve(webDir, '..');
const parley = join(repo, 'bin', 'parley.mjs');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === '.next' || name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function needsBuild(): boolean {
  if (process.env.PARLEY_WEB_BUILD === 'always') return true;
  if (process.env.PARLEY_WEB_BUILD === 'never') return false;
  const built = join(webDir, '.next', 'BUILD_ID');
  if (!existsSync(built)) return true;
  const sources = ['app', 'components', 'lib', 'next.config.ts', 'package.json'].map((p) => join(webDir, p));
  sources.push(join(repo, 'games', 'src'));
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; out?: string } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? repo,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      if (opts.out) writeFileSync(opts.out, out);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${args.join(' ')} exited ${code}:\n${err.slice(-2000)}`));
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolvePort(port));
    });
  });
}

async function startProcess(
  name: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; ready: (out: string) => boolean },
) {
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const started = Date.now();
  while (!opts.ready(out)) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${out.slice(-3000)}`);
    if (Date.now() - started > 90_000) throw new Error(`${name} did not start:\n${out.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'parley-web-e2e-'));
  const arenaData = join(tmp, 'arena-data');
  const tournaments = join(arenaData, 'tournaments');
  const analyses = join(tmp, 'analyses');
  mkdirSync(analyses, { recursive: true });
  const artifacts = join(webDir, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });

  // Real analyzer and tournament output, produced while the app builds. The short Diplomacy
  // tournament gives the tournament page its per-model measures.
  const diplomacyTournament = join(tmp, 'diplomacy-measured.yaml');
  writeFileSync(
    diplomacyTournament,
    'name: diplomacy-measured\ngame: diplomacy\nparams: { lastYear: 1902 }\nseed: 2\n' +
      'participants: [heuristic, random]\nformat: { type: round-robin, rounds: 1 }\npressRounds: 1\n',
  );
  // CLI tournaments: their results directories land in the arena's data dir, which the arena
  // (an in-memory store here) imports at start; the web reads them through its API.
  const tournament = (file: string, id: string) =>
    run(process.execPath, [parley, 'tournament', 'run', file, '--out', join(tournaments, id), '--workers', '0', '--quiet'], {
      env: { PARLEY_STORE: 'memory' },
    });
  const tournamentsWritten = Promise.all([
    tournament(diplomacyTournament, 'diplomacy-measured'),
    tournament('examples/tournaments/kuhn-bots.yaml', 'kuhn-bots'),
    tournament('examples/tournaments/leduc-bots.yaml', 'leduc-bots'),
  ]);
  // The analyses are files the app reads when a page asks: only the tests need them written.
  const analysesWritten = Promise.all([
    run(process.execPath, [parley, 'solve', '--game', 'kuhn', '--algo', 'cfr+', '--iterations', '1024'], {
      out: join(analyses, 'kuhn-cfr+.jsonl'),
    }),
    run(process.execPath, [parley, 'solve', '--game', 'kuhn', '--algo', 'cfr', '--iterations', '1024'], {
      out: join(analyses, 'kuhn-cfr.jsonl'),
    }),
    run(process.execPath, [
      parley,
      'run',
      '--game',
      'diplomacy',
      '--seats',
      'heuristic,heuristic,heuristic,random,heuristic,random,heuristic',
      '--params',
      '{"lastYear":1906}',
      '--matches',
      '2',
      '--seed',
      '3',
      '--out',
      join(tmp, 'diplomacy-records.jsonl'),
    ]).then(() =>
      run(process.execPath, [parley, 'analyze', 'diplomacy', join(tmp, 'diplomacy-records.jsonl')], {
        out: join(analyses, 'diplomacy-analysis.jsonl'),
      }),
    ),
  ]);

  if (needsBuild()) {
    const b0 = Date.now();
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
    console.log(`[e2e] next build: ${((Date.now() - b0) / 1000).toFixed(1)} s`);
  }
  // Only the arena waits for the fixtures (it imports the tournaments at start); the app, whose
  // start is seconds of work of its own, and the browser start while they are made.
  const arenaPort = await freePort();
  const webPort = await freePort();
  const arenaUrl = `http://127.0.0.1:${arenaPort}`;
  const webStarted = startProcess('next', [nextBin, 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
    cwd: webDir,
    env: {
      PARLEY_ARENA_URL: arenaUrl,
      PARLEY_ANALYSES_DIR: analyses,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    ready: (out) => /Ready in|ready started|Local:/i.test(out),
  });
  const browserStarted = startBrowserServer();
  // A rejection is awaited below; until then it must not count as unhandled.
  for (const started of [webStarted, browserStarted, analysesWritten]) started.catch(() => undefined);
  try {
    return await startArena();
  } catch (error) {
    // Nothing started here outlives a setup that failed.
    await Promise.allSettled([webStarted.then((w) => stop(w.child)), browserStarted.then((b) => b.close())]);
    throw error;
  }

  async function startArena() {
    await tournamentsWritten;

    const stub = await startLlmStub();
    const llmConfig = join(tmp, 'stub-llm.yaml');
    writeFileSync(
      llmConfig,
      [
        'name: stub-llm',
        'provider: openai',
        `baseUrl: ${stub.url}`,
        'apiKey: stub-key-not-secret',
        'model: stub-model',
        'maxTokens: 200',
        'budget:',
        '  decisionMs: 20000',
        '  retries: 1',
        'pricing:',
        '  inputPerMTok: 1',
        '  outputPerMTok: 4',
        '',
      ].join('\n'),
    );

    // The operator's LLM configurations are registered by id in its agents file; API callers name the id.
    const agentsFile = join(tmp, 'agents.yaml');
    // `spent-llm` has no budget left today: the judge panel offers it disabled.
    writeFileSync(
      agentsFile,
      `llm:\n  - { id: stub-llm, config: ${JSON.stringify(llmConfig)}, dailyCapUsd: 100 }\n` +
        `  - { id: spent-llm, config: ${JSON.stringify(llmConfig)}, dailyCapUsd: 0 }\n`,
    );
    // Tests act as the operator (seeds, LLM seats) with this token; the browser stays a guest.
    const operatorToken = randomBytes(24).toString('hex');

    const arena = await startProcess(
      'arena',
      [parley, 'start', '--no-demo', '--no-web', '--port', String(arenaPort), '--agents', agentsFile],
      {
        cwd: repo,
        env: {
          PARLEY_STORE: 'memory',
          PARLEY_DATA_DIR: arenaData,
          PORT: String(arenaPort),
          PARLEY_OPERATOR_TOKEN: operatorToken,
        },
        ready: (out) => /operator sign-in code[^\n]*: (\S+)/.test(out),
      },
    );
    const operatorLinkCode = /operator sign-in code[^\n]*: (\S+)/.exec(arena.output())?.[1] ?? '';
    const [web, browserServer] = await Promise.all([webStarted, browserStarted, analysesWritten]);
    const webUrl = `http://127.0.0.1:${webPort}`;
    console.log(`[e2e] arena ${arenaUrl}, web ${webUrl}; setup took ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    project.provide('webUrl', webUrl);
    project.provide('arenaUrl', arenaUrl);
    project.provide('artifacts', artifacts);
    project.provide('llmConfig', llmConfig);
    project.provide('operatorToken', operatorToken);
    project.provide('repo', repo);
    project.provide('operatorLinkCode', operatorLinkCode);
    project.provide('browserEndpoint', browserServer.wsEndpoint());

    return async () => {
      await browserServer.close();
      await stop(web.child);
      await stop(arena.child);
      await stub.close();
      rmSync(tmp, { recursive: true, force: true });
    };
  }
}
