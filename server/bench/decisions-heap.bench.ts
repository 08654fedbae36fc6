/**
 * What a decision leaves behind: one long heads-up NLHE cash match on a match signal that stays
 * alive (as a table's does for weeks), a person's seat (answered at once) against a bot that
 * hooks its decision's signal (as HTTP and LLM agents do). Heap snapshots after a warm-up and
 * after N more decisions are diffed by constructor; with nothing retained per decision, the only
 * growth is the match's own record (about one object per action).
 * `npm run bench -w server -- decisions-heap`; PARLEY_HEAP_DECISIONS=N (default 5000).
 */
import { type Agent, createAgent } from '@parley/agents';
import { nlhe } from '@parley/games';
import { HumanSeat } from '../src/arena/human-seat';
import { runMatch } from '../src/runtime/match-runner';
import { growth, heapAfterGc, objectCounts } from './support/heap';

const DECISIONS = Number(process.env.PARLEY_HEAP_DECISIONS ?? 5000);
const WARMUP = 1000;
const parsed = nlhe.descriptor.parseParams({ players: 2, format: 'cash', hands: 100_000, rebuy: true });
if (!parsed.ok) throw new Error(parsed.error.message);

let decisions = 0;
const marks = new Map<number, () => Promise<void>>();
let before = new Map<string, number>();
let heapBefore = 0;
marks.set(WARMUP, async () => {
  before = await objectCounts();
  heapBefore = heapAfterGc();
});
marks.set(WARMUP + DECISIONS, async () => {
  const after = await objectCounts();
  const heapAfter = heapAfterGc();
  console.log(
    `heap after GC: ${(heapBefore / 2 ** 20).toFixed(1)} MiB -> ${(heapAfter / 2 ** 20).toFixed(1)} MiB over ${DECISIONS} decisions`,
  );
  console.log(
    `  = ${((heapAfter - heapBefore) / DECISIONS).toFixed(0)} bytes per decision (the record keeps one action per decision)`,
  );
  console.log('  objects that grew most (constructor: before -> after):');
  for (const [name, a, b] of growth(before, after))
    console.log(`    ${name.padEnd(28)} ${String(a).padStart(8)} -> ${String(b).padStart(8)}  (+${b - a})`);
  match.abort(new Error('measured'));
});

const gate = async () => {
  decisions++;
  await marks.get(decisions)?.();
};
const person = new HumanSeat('person', () => decisions);
person.onChange = () => {
  const open = person.current();
  if (open) setImmediate(() => person.submit(open.id, [open.input.legalActions.includes('call') ? 'call' : 'check']));
};
const tag = createAgent('tag', 'nlhe');
const hooked: Agent = {
  name: 'tag',
  act: async (input) => {
    await gate();
    input.signal?.addEventListener('abort', () => undefined);
    await new Promise((r) => setImmediate(r));
    return tag.act(input);
  },
};
const seat: Agent = {
  name: 'person',
  act: async (input) => {
    await gate();
    return person.act(input);
  },
};

const match = new AbortController();
console.log(`heads-up NLHE cash, person seat vs hooked bot, ${DECISIONS} decisions after ${WARMUP} of warm-up`);
await runMatch({ game: nlhe, params: parsed.params, seed: 1, agents: [seat, hooked], signal: match.signal }).catch((e) => {
  if (!match.signal.aborted) throw e;
});
if (decisions < WARMUP + DECISIONS) console.log(`the match ended after ${decisions} decisions: too short to measure`);
