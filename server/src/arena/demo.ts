/**
 * The demo `npm start` runs so a new user has something to watch: bots playing a Diplomacy game
 * and poker tables, each replaced by a fresh match when it ends. Uses the games that are
 * registered, falling back to Leduc where an engine is missing.
 *
 * The demo keeps the arena tidy:
 * - one match per demo table at a time: a restarted server resumes the demo match it left
 *   running (or, finding several, keeps the newest and aborts the rest) rather than starting
 *   another beside it;
 * - demo matches are marked (`demo` = the table's key) so lists, agent pages and ratings can leave
 *   them out (`?demo=exclude`);
 * - a bounded history: after each demo match the oldest finished ones of that table beyond `keep`
 *   are deleted. Only marked demo matches are ever pruned, never a person's or a tournament's.
 */
import { matchMaker } from '@colyseus/core';
import { agentKinds } from '@parley/agents';
import { findGame } from '@parley/games';
import { delay } from '../runtime/clock';
import type { MatchService } from './match-service';

export interface DemoTable {
  /** Marks the table's matches in the store; one running match per key. */
  key: string;
  label: string;
  settings: () => Record<string, unknown>;
}

export interface DemoOptions {
  /** Finished matches kept per demo table (default 20). */
  keep?: number;
  /** Pause between one demo match and the next (default 3 s). */
  pauseMs?: number;
  tables?: DemoTable[];
  /** Opens a stored match so it plays (default: a Colyseus room, unless one is open already). */
  openRoom?: (matchId: string) => Promise<void>;
}

export const DEMO_KEEP = 20;

/**
 * Demo line-ups, rotated match by match so visitors see different agents and powers: each entry
 * is a line-up, shifted one seat further at each new match of its table.
 */
const DIPLOMACY_LINEUPS = [
  ['heuristic', 'random', 'heuristic', 'random', 'heuristic', 'random', 'random'],
  ['heuristic', 'random', 'random', 'heuristic', 'random', 'random', 'random'],
  ['heuristic', 'heuristic', 'random', 'heuristic', 'random', 'heuristic', 'random'],
];
const NLHE_LINEUPS = [
  ['tag', 'call', 'random', 'tag', 'call', 'random'],
  ['tag', 'tag', 'call', 'random', 'tag'],
  ['tag', 'random', 'call', 'call'],
];
const LEDUC_LINEUPS = [
  ['equilibrium', 'call'],
  ['equilibrium', 'random'],
  ['call', 'random'],
];

/** The `n`th match's line-up (from 0): line-ups in turn, each rotated by how often it came round. */
export function lineup(lineups: readonly (readonly string[])[], n: number): string[] {
  const seats = lineups[n % lineups.length]!;
  const shift = Math.floor(n / lineups.length) % seats.length;
  return [...seats.slice(shift), ...seats.slice(0, shift)];
}

/**
 * The paces are for people watching: each Diplomacy phase takes 12 s (the pace is per turn in a
 * simultaneous game), with two rounds of press so the heuristic bots answer each other's offers;
 * poker bots act at a card room's 1.5 s.
 */
export function demoTables(): DemoTable[] {
  const tables: DemoTable[] = [];
  const counter = () => {
    let n = 0;
    return () => n++;
  };
  if (findGame('diplomacy')) {
    const next = counter();
    tables.push({
      key: 'diplomacy',
      label: 'Diplomacy, seven bots',
      settings: () => ({
        game: 'diplomacy',
        seats: lineup(DIPLOMACY_LINEUPS, next()).map(knownOr('random')),
        paceMs: 12_000,
        pressRounds: 2,
      }),
    });
  }
  if (findGame('nlhe')) {
    const next = counter();
    tables.push({
      key: 'nlhe',
      label: "No-Limit Hold'em, bots",
      settings: () => {
        const seats = lineup(NLHE_LINEUPS, next()).map(knownOr('call'));
        return { game: 'nlhe', params: { players: seats.length, format: 'cash', hands: 200 }, seats, paceMs: 1500 };
      },
    });
  }
  const next = counter();
  tables.push({
    key: 'leduc',
    label: "Leduc Hold'em, two bots",
    settings: () => ({ game: 'leduc', seats: lineup(LEDUC_LINEUPS, next()).map(knownOr('call')), paceMs: 1500 }),
  });
  return tables;
}

async function openRoomOnce(matchId: string): Promise<void> {
  if ((await matchMaker.query({ roomId: matchId })).length === 0) await matchMaker.createRoom('match', { matchId });
}

/** Keeps one match of each demo table running; returns a function that stops the loop. */
export function runDemo(service: MatchService, log: (line: string) => void, options: DemoOptions = {}): () => void {
  const keep = options.keep ?? DEMO_KEEP;
  const pauseMs = options.pauseMs ?? 3000;
  const openRoom = options.openRoom ?? openRoomOnce;
  let stopped = false;

  /** The table's running demo match left by an earlier run, if any; extra ones are aborted. */
  const adopt = async (table: DemoTable): Promise<string | null> => {
    const { matches } = await service.store.listMatches({ demo: 'only', status: 'running', pageSize: 200 });
    const [newest, ...extra] = matches.filter((m) => m.demo === table.key); // newest first
    for (const old of extra) {
      log(`demo: ${table.label} — aborting the extra demo match ${old.id}`);
      const live = service.live.get(old.id);
      if (live) live.stop('a newer demo match of this table is running');
      else await service.store.finishMatch(old.id, { status: 'aborted', returns: null, finalStateHash: null });
    }
    return newest?.id ?? null;
  };

  const loop = async (table: DemoTable) => {
    let n = 0;
    while (!stopped) {
      let matchId = await adopt(table);
      if (matchId) log(`demo: ${table.label} — carrying on with match ${matchId}`);
      else {
        const created = await service.create({ ...table.settings(), rated: false }, { demo: table.key });
        if (!created.ok) {
          log(`demo: cannot start ${table.label}: ${created.message}`);
          return;
        }
        matchId = created.matchId;
        log(`demo: ${table.label} — match ${matchId} (#${++n})`);
      }
      await openRoom(matchId);
      const live = service.live.get(matchId);
      if (!live) {
        log(`demo: ${table.label} — match ${matchId} is played by another process`);
        return;
      }
      await live.done;
      if (live.returns) log(`demo: ${table.label} finished: ${live.returns.join(' / ')}`);
      if (live.status === 'running') return; // suspended: the server is stopping
      const pruned = await service.store.pruneDemoMatches(keep);
      if (pruned.length > 0) log(`demo: pruned ${pruned.length} old demo match(es)`);
      if (pauseMs > 0 && !stopped) await delay(service.clock, pauseMs);
    }
  };
  for (const table of options.tables ?? demoTables())
    void loop(table).catch((e) => log(`demo: ${table.label} stopped: ${e instanceof Error ? e.message : e}`));
  return () => {
    stopped = true;
  };
}

/** Uses a bot where it is registered, else the fallback (bots land with their engines). */
function knownOr(fallback: string) {
  return (spec: string) => (agentKinds().includes(spec) ? spec : fallback);
}
