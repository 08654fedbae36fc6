/**
 * Local Best Response in heads-up NLHE: hands per second against three agents, with LBR's
 * default settings (128 tracked holdings, one agent answer per holding and decision point,
 * 2,048 board rollouts per decision, all-in scoring by equity). Each timed round plays a fresh
 * run of seat-swapped pairs with its own seed; the cost is mostly the agent's own answers to
 * LBR's queries (a call station answers in microseconds, `tag` runs a Monte Carlo per answer).
 * Run: `cd server && npx tsx bench/lbr.bench.ts`.
 */
import { createAgent } from '@parley/agents';
import { measureAsync } from '@parley/games/bench';
import { localBestResponse } from '../src/analyzer/lbr';

const cases = [
  { spec: 'call', hands: 100 },
  { spec: 'random', hands: 100 },
  { spec: 'tag', hands: 20 },
] as const;

for (const { spec, hands } of cases) {
  let seed = 0;
  let calls = 0;
  let played = 0;
  await measureAsync(
    `nlhe lbr vs ${spec} (${hands}-hand runs)`,
    'hands',
    async () => {
      const r = await localBestResponse(createAgent(spec, 'nlhe'), { hands, seed: ++seed });
      calls += r.agentCalls;
      played += r.hands;
      return r.hands;
    },
    { rounds: 5, warmup: 1 },
  );
  console.log(`  agent queries per hand vs ${spec}: ${Math.round(calls / played).toLocaleString('en-US')}`);
}
