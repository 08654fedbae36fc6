/**
 * `parley solve --game leduc --algo cfr+ --iterations 1000 [--every N] [--out FILE.json] [--seed N]`
 * Solves a two-player zero-sum game with a CFR-family algorithm over its compiled tree and prints
 * one JSON line per checkpoint (powers of two, or every N iterations, and always the last):
 * `iteration`, `nashConv`, `exploitability` (= NashConv / 2) and `value` (seat 0's expected payoff
 * under the average strategy). `--out` saves the average strategy as a `parley.policy` file.
 */
import { parseArgs } from 'node:util';
import { getGame } from '@parley/games';
import { CfrSolver, type CfrVariant } from '../analyzer/cfr';
import { ExternalSamplingSolver } from '../analyzer/external-sampling';
import { type CompiledTree, compileTree } from '../analyzer/game-tree';
import { OutcomeSamplingSolver } from '../analyzer/outcome-sampling';
import { policyFile, savePolicy } from '../analyzer/policy';
import { solveCheckpoints } from '../analyzer/solve-run';

const ALGORITHMS = ['cfr', 'cfr+', 'lcfr', 'dcfr', 'es-mccfr', 'os-mccfr'] as const;
type Algorithm = (typeof ALGORITHMS)[number];

const HELP = `usage: parley solve --game ID [options]

  --game ID          a two-player zero-sum game with enumerable chance (kuhn, leduc)
  --algo NAME        ${ALGORITHMS.join(', ')} (default cfr+)
  --iterations N     iterations to run (default 1000)
  --every N          report every N iterations (default: at powers of two), and always the last
  --out FILE.json    save the average strategy as a parley.policy file
  --seed N           seed for the sampling algorithms (default 1)
  --params JSON      game parameters
  --alpha/--beta/--gamma X   DCFR discount exponents (default 1.5, 0, 2)
  --epsilon X        outcome-sampling exploration (default 0.6)`;

export interface Solver {
  iteration: number;
  iterate(n?: number): void;
  averageStrategy(): Float64Array;
}

export function createSolver(
  tree: CompiledTree,
  algo: string,
  o: { seed?: number; alpha?: number; beta?: number; gamma?: number; epsilon?: number } = {},
): Solver {
  if (algo === 'es-mccfr') return new ExternalSamplingSolver(tree, { seed: o.seed });
  if (algo === 'os-mccfr') return new OutcomeSamplingSolver(tree, { seed: o.seed, epsilon: o.epsilon });
  if (!(ALGORITHMS as readonly string[]).includes(algo)) throw new Error(`unknown --algo '${algo}' (${ALGORITHMS.join(', ')})`);
  return new CfrSolver(tree, algo as CfrVariant, o);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      game: { type: 'string' },
      algo: { type: 'string', default: 'cfr+' },
      iterations: { type: 'string', default: '1000' },
      every: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      params: { type: 'string' },
      alpha: { type: 'string' },
      beta: { type: 'string' },
      gamma: { type: 'string' },
      epsilon: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.game) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const game = getGame(values.game);
  const parsed = game.descriptor.parseParams(values.params ? JSON.parse(values.params) : {});
  if (!parsed.ok) throw new Error(`invalid --params: ${parsed.error.message}`);
  const iterations = integer('--iterations', values.iterations, 1);
  const every = values.every === undefined ? undefined : integer('--every', values.every, 1);
  const num = (flag: string, text: string | undefined) => (text === undefined ? undefined : finite(flag, text));
  const algo = values.algo as Algorithm;
  const tree = compileTree(game, parsed.params);
  const solver = createSolver(tree, algo, {
    seed: integer('--seed', values.seed, Number.MIN_SAFE_INTEGER),
    alpha: num('--alpha', values.alpha),
    beta: num('--beta', values.beta),
    gamma: num('--gamma', values.gamma),
    epsilon: num('--epsilon', values.epsilon),
  });

  let last = { nashConv: Number.NaN };
  for (const line of solveCheckpoints(tree, solver, algo, iterations, every)) {
    last = line;
    console.log(JSON.stringify(line));
  }
  if (values.out) {
    savePolicy(
      values.out,
      policyFile(tree, solver.averageStrategy(), { algorithm: algo, iterations: solver.iteration, nashConv: last.nashConv }),
    );
  }
  return 0;
}

function finite(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got '${text}'`);
  return n;
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be an integer${min > 0 ? ` ≥ ${min}` : ''}, got '${text}'`);
  return n;
}
