/**
 * Tabular policies as agents: `policy:FILE.json` plays a saved `parley.policy` file, and
 * `equilibrium` plays the solved strategy shipped for Kuhn or Leduc in `agents/strategies/`.
 *
 * A policy maps information-state keys (the engine's `infoStateKey`) to action probabilities.
 * The agent reads the key from `DecisionInput.infoStateKey`, which the runtime fills; it samples
 * an action with the seat's own rng. The file format (written by the analyzer's `parley solve`):
 *   { format: 'parley.policy', version: 1, game, params, algorithm, iterations, nashConv,
 *     policy: { [infoKey]: { [action]: probability } } }
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Agent } from '../agent';

export const POLICY_FORMAT = 'parley.policy';
export const POLICY_VERSION = 1;

export type TabularPolicy = Record<string, Record<string, number>>;

export interface PolicyFile {
  readonly format: typeof POLICY_FORMAT;
  readonly version: typeof POLICY_VERSION;
  readonly game: string;
  readonly params: unknown;
  readonly algorithm: string;
  readonly iterations: number;
  /** NashConv of the policy when it was saved; null when not computed. */
  readonly nashConv: number | null;
  readonly policy: TabularPolicy;
}

/** Validates parsed JSON as a policy file; throws naming the first problem found. */
export function parsePolicyFile(json: unknown, source = 'policy'): PolicyFile {
  const fail = (what: string): never => {
    throw new Error(`${source}: not a ${POLICY_FORMAT} v${POLICY_VERSION} file (${what})`);
  };
  const f = (typeof json === 'object' && json !== null ? json : fail('not an object')) as Record<string, unknown>;
  if (f.format !== POLICY_FORMAT) fail(`format is ${JSON.stringify(f.format)}`);
  if (f.version !== POLICY_VERSION) fail(`version is ${JSON.stringify(f.version)}`);
  if (typeof f.game !== 'string' || typeof f.algorithm !== 'string') fail('game and algorithm must be strings');
  if (!Number.isInteger(f.iterations) || (f.iterations as number) < 0) fail('iterations must be a non-negative integer');
  if (f.nashConv !== null && typeof f.nashConv !== 'number') fail('nashConv must be a number or null');
  const policy = (typeof f.policy === 'object' && f.policy !== null ? f.policy : fail('policy must be an object')) as Record<
    string,
    unknown
  >;
  for (const [key, row] of Object.entries(policy)) {
    if (typeof row !== 'object' || row === null) fail(`policy['${key}'] must be an object`);
    for (const [action, p] of Object.entries(row as Record<string, unknown>)) {
      if (typeof p !== 'number' || !(p >= 0)) fail(`policy['${key}']['${action}'] must be a probability`);
    }
  }
  return f as unknown as PolicyFile;
}

const parsedFiles = new Map<string, { mtimeMs: number; file: PolicyFile }>();

/** Reads a policy file, parsing each version of it once (tournaments create agents per match). */
export function readPolicyFile(path: string): PolicyFile {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = parsedFiles.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.file;
  const file = parsePolicyFile(JSON.parse(readFileSync(path, 'utf8')), path);
  parsedFiles.set(path, { mtimeMs, file });
  return file;
}

/** An agent that also exposes the table it plays, so an analyzer can read it exactly. */
export interface TabularAgent extends Agent {
  readonly table: PolicyFile;
}

export const isTabularAgent = (agent: Agent): agent is TabularAgent =>
  'table' in agent && typeof (agent as TabularAgent).table === 'object';

export function policyBot(file: PolicyFile, gameId: string, name = `policy:${file.algorithm}`): TabularAgent {
  if (file.game !== gameId) throw new Error(`this policy is for ${file.game}, not ${gameId}`);
  return {
    name,
    table: file,
    act: ({ infoStateKey, legalActions, rng }) => {
      if (infoStateKey === undefined) throw new Error('policy agent needs DecisionInput.infoStateKey');
      const row = file.policy[infoStateKey];
      if (!row) throw new Error(`policy has no entry for information state '${infoStateKey}'`);
      const weights = legalActions.map((a) => row[a] ?? 0);
      const total = weights.reduce((s, w) => s + w, 0);
      if (!(total > 0)) throw new Error(`policy gives no weight to the legal actions at '${infoStateKey}'`);
      let u = rng.float() * total;
      for (let k = 0; k < legalActions.length - 1; k++) {
        u -= weights[k] as number;
        if (u < 0) return legalActions[k] as string;
      }
      return legalActions[legalActions.length - 1] as string;
    },
  };
}

/** Solved strategies committed in `agents/strategies/`, by game id. */
const SHIPPED: Record<string, string> = { kuhn: 'kuhn-cfr+.json', leduc: 'leduc-cfr+.json' };

export function shippedStrategyPath(gameId: string): string {
  const file = SHIPPED[gameId];
  if (!file) throw new Error(`no equilibrium strategy is shipped for ${gameId} (have: ${Object.keys(SHIPPED).join(', ')})`);
  // Found through the package, not beside this file: the server's build bundles this code elsewhere.
  return createRequire(import.meta.url).resolve(`@parley/agents/strategies/${file}`);
}

export function equilibriumBot(gameId: string): TabularAgent {
  return policyBot(readPolicyFile(shippedStrategyPath(gameId)), gameId, 'equilibrium');
}
