/**
 * The demo `npm start` runs so a new user has something to watch: bots playing a Diplomacy game
 * and a poker table, each replaced by a fresh one when it ends. Uses the games that are
 * registered, falling back to Leduc where an engine is missing.
 */
import { matchMaker } from '@colyseus/core';
import { agentKinds } from '@parley/agents';
import { findGame } from '@parley/games';
import type { MatchService } from './match-service';

interface DemoTable {
  label: string;
  settings: () => Record<string, unknown>;
}

export function demoTables(): DemoTable[] {
  const tables: DemoTable[] = [];
  if (findGame('diplomacy')) {
    tables.push({
      label: 'Diplomacy, seven bots',
      settings: () => ({
        game: 'diplomacy',
        seats: ['heuristic', 'random', 'random', 'random', 'random', 'random', 'random'].map(knownOr('random')),
        paceMs: 20,
        pressRounds: 1,
      }),
    });
  }
  if (findGame('nlhe')) {
    tables.push({
      label: "No-Limit Hold'em, six bots",
      settings: () => ({
        game: 'nlhe',
        params: { players: 6, format: 'cash', hands: 200 },
        seats: ['tag', 'call', 'random', 'tag', 'call', 'random'].map(knownOr('call')),
        paceMs: 400,
      }),
    });
  }
  tables.push({
    label: "Leduc Hold'em, equilibrium vs call",
    settings: () => ({ game: 'leduc', seats: ['equilibrium', 'call'], paceMs: 600 }),
  });
  return tables;
}

/** Keeps one match of each demo table running; returns a function that stops the loop. */
export function runDemo(service: MatchService, log: (line: string) => void): () => void {
  let stopped = false;
  const loop = async (table: DemoTable) => {
    let n = 0;
    while (!stopped) {
      const created = await service.create({ ...table.settings(), seed: Date.now() % 2_147_483_647 });
      if (!created.ok) {
        log(`demo: cannot start ${table.label}: ${created.message}`);
        return;
      }
      await matchMaker.createRoom('match', { matchId: created.matchId });
      const live = service.live.get(created.matchId);
      log(`demo: ${table.label} — match ${created.matchId} (#${++n})`);
      await live?.done;
      if (live?.returns) log(`demo: ${table.label} finished: ${live.returns.join(' / ')}`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  };
  for (const table of demoTables())
    void loop(table).catch((e) => log(`demo: ${table.label} stopped: ${e instanceof Error ? e.message : e}`));
  return () => {
    stopped = true;
  };
}

/** Uses a bot where it is registered, else the fallback (bots land with their engines). */
function knownOr(fallback: string) {
  return (spec: string) => (agentKinds().includes(spec) ? spec : fallback);
}
