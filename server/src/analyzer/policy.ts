/**
 * Tabular policies: the bridge between solvers' per-slot arrays and `parley.policy` JSON files.
 *
 * A tabular policy maps each information-state key to a distribution over its legal actions,
 * σ(I,·). On a compiled tree it is a Float64Array with one entry per slot (information set ×
 * action, see `game-tree.ts`); on disk it is the `parley.policy` format defined with the policy
 * agent in `@parley/agents`, so a saved average strategy can be played by `policy:FILE.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { POLICY_FORMAT, POLICY_VERSION, type PolicyFile, parsePolicyFile, type TabularPolicy } from '@parley/agents';
import { normalizePerInfoset } from './cfr';
import type { CompiledTree } from './game-tree';

export type { PolicyFile, TabularPolicy };

/** The uniform random policy, per slot. */
export function uniformStrategy(tree: CompiledTree): Float64Array {
  return normalizePerInfoset(tree, new Float64Array(tree.infosets.numSlots));
}

/** Per-slot strategy → `{ infoKey: { action: prob } }`. */
export function toTabular(tree: CompiledTree, strategy: Float64Array): TabularPolicy {
  const { keys, actions, actionStart } = tree.infosets;
  const out: TabularPolicy = {};
  keys.forEach((key, i) => {
    const row: Record<string, number> = {};
    (actions[i] as readonly string[]).forEach((a, k) => {
      row[a] = strategy[(actionStart[i] as number) + k] as number;
    });
    out[key] = row;
  });
  return out;
}

/**
 * Tabular policy → per-slot strategy, normalized per information set. Every information set of
 * the tree must be present (or `missing: 'uniform'` fills absent ones) and name only legal actions.
 */
export function fromTabular(
  tree: CompiledTree,
  policy: TabularPolicy,
  options: { missing?: 'error' | 'uniform' } = {},
): Float64Array {
  const { keys, actions, actionStart } = tree.infosets;
  const weights = new Float64Array(tree.infosets.numSlots);
  keys.forEach((key, i) => {
    const row = policy[key];
    const legal = actions[i] as readonly string[];
    if (!row) {
      if (options.missing === 'uniform') return;
      throw new Error(`the policy has no entry for information state '${key}'`);
    }
    for (const action of Object.keys(row)) {
      if (!legal.includes(action))
        throw new Error(`the policy plays '${action}' at '${key}', where the legal actions are ${legal.join(', ')}`);
    }
    legal.forEach((a, k) => {
      weights[(actionStart[i] as number) + k] = row[a] ?? 0;
    });
  });
  return normalizePerInfoset(tree, weights);
}

export interface PolicyMeta {
  algorithm: string;
  iterations: number;
  nashConv: number | null;
}

export function policyFile(tree: CompiledTree, strategy: Float64Array, meta: PolicyMeta): PolicyFile {
  return {
    format: POLICY_FORMAT,
    version: POLICY_VERSION,
    game: tree.gameId,
    params: tree.params,
    ...meta,
    policy: toTabular(tree, strategy),
  };
}

export function savePolicy(path: string, file: PolicyFile): void {
  writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`);
}

export function loadPolicy(path: string): PolicyFile {
  return parsePolicyFile(JSON.parse(readFileSync(path, 'utf8')), path);
}
