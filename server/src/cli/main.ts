/**
 * `parley <command> …`: one entry point, one module per command, loaded only when named so
 * that `parley poker replay` does not pay for Diplomacy's start-up and the other way round.
 * Each command module exports `run(argv)` and resolves to the process exit code.
 */
type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  run: { summary: 'play matches between agents and print mean payoffs with 95% intervals', load: () => import('./run') },
  start: { summary: 'start the arena with a demo of bots playing', load: () => import('./start') },
  replay: { summary: 'replay match records (JSONL) and check their final-state hashes', load: () => import('./replay') },
  acpc: {
    summary: 'ACPC poker dealer: ACPC clients on TCP ports against Parley agents (MATCHSTATE 2.0.0)',
    load: () => import('./acpc'),
  },
  export: {
    summary: 'export one match (stored id or record file): --format json|phh|diplomacy',
    load: () => import('./export'),
  },
  import: {
    summary: 'import a Python diplomacy saved game (or LLM harness game) as a match, replayed through the engine',
    load: () => import('./import'),
  },
  verify: {
    summary: "verify a finished match's revealed seed against its commitment and recompute every deal",
    load: () => import('./verify'),
  },
  branch: {
    summary: 'fork a recorded match at a turn and play N continuations (same or other seats)',
    load: () => import('./branch'),
  },
  games: { summary: 'list the registered games and their parameters', load: () => import('./games') },
  diplomacy: { summary: 'Diplomacy tools: adjudicate (DATC-format cases on stdin)', load: () => import('./diplomacy') },
  poker: { summary: 'poker tools: replay FILE.phh[s]', load: () => import('./poker') },
  analyze: { summary: 'analyze recorded matches: parley analyze diplomacy FILE.jsonl', load: () => import('./analyze') },
  solve: {
    summary: 'solve a two-player zero-sum game with the CFR family (JSON lines per checkpoint)',
    load: () => import('./solve'),
  },
  exploitability: {
    summary: "exploitability of an agent: exact in Kuhn and Leduc, an LBR lower bound in No-Limit Hold'em",
    load: () => import('./exploitability'),
  },
  tournament: { summary: 'run tournaments from a file; ratings, leaderboards and reports', load: () => import('./tournament') },
  worker: { summary: 'play queued tournament matches from Redis (BullMQ)', load: () => import('./worker') },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`parley: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    console.error(`parley ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  const lines = Object.entries(commands).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`);
  return `usage: parley <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'parley <command> --help' for a command's options.`;
}
