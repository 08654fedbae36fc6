/**
 * `parley start` (what `npm start` runs): the arena on the embedded database, with a demo of bots
 * playing so there is something to watch at once. PORT (default 2567) serves the HTTP API and the
 * WebSocket rooms; DATABASE_URL switches to PostgreSQL and REDIS_URL shares rooms across processes.
 * With --daide-port (or DAIDE_PORT) a DAIDE server listens there too, and matches may seat `daide`:
 * a power played by a DAIDE bot (DumbBot, Albert…) that connects to that port.
 * --acpc-ports (PARLEY_ACPC_PORTS, e.g. 3200-3209) registers seats `acpc/PORT` for ACPC poker clients.
 * `--processes N` (default: one per core when REDIS_URL and a PostgreSQL DATABASE_URL are set)
 * runs N arena processes on consecutive ports (see arena/processes.ts).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHILD_ENV, planProcesses, publicAddress, serveAsChild, startChildren } from '../arena/processes';
import type { createArena } from '../arena/server';
import { startWebApp } from '../arena/web-app';
import type { DaideServer } from '../daide/server';
import { openStore } from '../store';

/**
 * The rest of the arena's code, loaded while the database opens: PGlite compiles its WebAssembly
 * off the main thread and copies a new data directory on the I/O threads, time in which the main
 * thread sat idle before it compiled these modules (a profile of a fresh start showed about a
 * second of idle main thread, at a load of 9).
 */
const arenaModules = () =>
  Promise.all([
    import('../acpc/seat-kind'),
    import('../agents-registry/operator-config'),
    import('../analyzer/first-start'),
    import('../arena/demo'),
    import('../arena/server'),
    import('../daide/server'),
  ]);

/**
 * The operator's credentials, on this console only: the operator token the first time it is
 * made (it is stored hashed and never shown again), and at every start a one-time link that
 * signs this browser in as the operator, so a local user needs no password.
 */
async function announceOperator(arena: Awaited<ReturnType<typeof createArena>>, web: string | null): Promise<void> {
  if (arena.generatedOperatorToken) {
    console.log(`  operator token (shown once, stored hashed; set PARLEY_OPERATOR_TOKEN to choose your own):`);
    console.log(`    ${arena.generatedOperatorToken}`);
  }
  const code = await arena.auth.signInLink();
  if (web) console.log(`  sign in as the operator (one-time link, valid 24 h): ${web}/auth/link?code=${code}`);
  else console.log(`  operator sign-in code (one-time, 24 h; POST /api/auth/link {"code"}): ${code}`);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '2567' },
      'web-port': { type: 'string', default: process.env.WEB_PORT ?? '3000' },
      'no-demo': { type: 'boolean', default: false },
      'no-web': { type: 'boolean', default: false },
      /** The operator's agents file: LLM configurations with daily caps, the webhook allow-list. */
      agents: { type: 'string', default: process.env.PARLEY_AGENTS_FILE },
      'daide-port': { type: 'string', default: process.env.DAIDE_PORT },
      /** DAIDE press level: 0 (no press) or 10 (peace and alliances). */
      'daide-level': { type: 'string', default: process.env.DAIDE_LEVEL ?? '0' },
      /** Ports on which registered `acpc/PORT` seats wait for ACPC poker clients. */
      'acpc-ports': { type: 'string', default: process.env.PARLEY_ACPC_PORTS },
      processes: { type: 'string' },
    },
  });
  const plan = planProcesses(values.processes, process.env);
  if (!plan.ok) {
    console.error(`parley start: ${plan.message}`);
    return 2;
  }
  const isChild = process.env[CHILD_ENV] !== undefined;
  if (plan.count > 1 && Number(values.port) === 0) {
    console.error('parley start: --processes needs a fixed --port (the processes listen on the ports after it)');
    return 2;
  }
  // The front end starts at once, beside the database opening: both take seconds, and the web
  // server only needs the arena's address, not the arena being up yet.
  const webPort = Number(values['web-port']);
  const arenaPort = Number(values.port);
  const startWeb = (port: number) =>
    startWebApp({ port: webPort, arenaUrl: `http://127.0.0.1:${port}`, log: (line) => console.log(line) });
  const early = values['no-web'] || arenaPort === 0 ? undefined : startWeb(arenaPort);
  // The embedded database runs on a thread of its own, off the rooms' event loop (store/thread-store.ts).
  const opening = openStore({ thread: true });
  opening.catch(() => {}); // awaited below, after the modules: its failure is handled there
  const dataDir = process.env.PARLEY_DATA_DIR ?? '.parley-data';
  let daide: DaideServer | null = null;
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  let arena: Awaited<ReturnType<typeof createArena>>;
  let runDemo: typeof import('../arena/demo').runDemo;
  let writeFirstStartSolve: typeof import('../analyzer/first-start').writeFirstStartSolve;
  try {
    const [acpc, operatorConfig, firstStart, demo, server, daideServer] = await arenaModules();
    ({ runDemo } = demo);
    ({ writeFirstStartSolve } = firstStart);
    const { registry, warnings } = operatorConfig.loadOperatorAgents({
      file: values.agents,
      ledgerFile: join(dataDir, 'spend.json'),
    });
    for (const warning of warnings) console.log(warning);
    // The DAIDE server first: matches resumed below may seat DAIDE bots.
    if (values['daide-port'] !== undefined && values['daide-port'] !== '') {
      const level = values['daide-level'] === '10' ? 10 : 0;
      daide = await daideServer.startDaideServer({ port: Number(values['daide-port']), level, registry });
      console.log(`DAIDE server on port ${daide.port} (press level ${level}): seat 'daide' in a Diplomacy match for a DAIDE bot`);
    }
    // ACPC seats exist only on the ports the operator opened: one registered agent `acpc/PORT` each.
    if (values['acpc-ports']) {
      const ports = acpc.parsePortList(values['acpc-ports']);
      acpc.registerAcpcSeats(registry, ports, (line) => console.log(line));
      console.log(`ACPC seats: agents acpc/${[...ports][0]}… wait for ACPC clients on ports ${values['acpc-ports']}`);
    }
    store = await opening;
    arena = await server.createArena({
      port: arenaPort,
      store,
      redisUrl: process.env.REDIS_URL,
      // With several processes a seat reservation names the process hosting the room.
      publicAddress: plan.count > 1 ? publicAddress(process.env, arenaPort) : process.env.PARLEY_PUBLIC_ADDRESS,
      agents: registry,
      dataDir,
      operatorToken: process.env.PARLEY_OPERATOR_TOKEN || undefined,
      trustedOrigins: process.env.PARLEY_TRUSTED_ORIGINS?.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    });
  } catch (error) {
    // Whatever started must stop, or it would keep this process alive (and the database locked).
    (await early)?.();
    await daide?.close();
    await (store ?? (await opening.catch(() => undefined)))?.close();
    throw error;
  }
  let stopChildren = async () => {};
  if (plan.count > 1) stopChildren = await startChildren(plan.count, arena.port, (line) => console.log(line));
  // The first process alone resumes interrupted matches, so each resumes once.
  const resumed = isChild ? [] : await arena.resumeUnfinished();
  // Results directories written while the arena was stopped (or before the database was the store).
  const imported = isChild ? [] : await arena.importTournaments();
  const base = `http://localhost:${arena.port}`;
  console.log(`Parley arena on ${base} (WebSocket rooms on ws://localhost:${arena.port})`);
  console.log(`  matches: ${base}/api/matches   health: ${base}/api/health   agents: ${base}/api/agents`);
  if (resumed.length > 0) console.log(`  resumed ${resumed.length} unfinished match(es): ${resumed.join(', ')}`);
  if (imported.length > 0) console.log(`  imported ${imported.length} tournament(s) from ${join(dataDir, 'tournaments')}`);
  if (!isChild) {
    // The analysis page's directory (the web app reads the same one): a small real run for a fresh arena.
    const written = writeFirstStartSolve(process.env.PARLEY_ANALYSES_DIR ?? join(dataDir, 'analyses'));
    if (written) console.log(`  analysis: a first solver run (Kuhn poker, CFR+) in ${written}`);
  }
  const stopDemo = values['no-demo'] ? () => {} : runDemo(arena.service, (line) => console.log(line));
  const stopWeb = values['no-web'] ? () => {} : await (early ?? startWeb(arena.port));
  if (!values['no-web']) console.log(`  watch, replay and play: http://localhost:${webPort}/`);
  await announceOperator(arena, values['no-web'] ? null : `http://localhost:${webPort}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (isChild) serveAsChild(resolve);
  });
  console.log('stopping: unfinished matches will resume at the next start');
  // Whatever hangs in shutdown must not keep the process: everything acknowledged is stored.
  setTimeout(() => process.exit(0), 15_000).unref();
  stopDemo();
  stopWeb();
  await daide?.close();
  await stopChildren();
  await arena.close();
  await store?.close();
  return 0;
}
