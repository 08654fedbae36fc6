import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent, shippedStrategyPath } from '@parley/agents';
import { kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import { CfrSolver } from './cfr';
import { exploitability } from './exploitability';
import { compileTree } from './game-tree';
import { fromTabular, loadPolicy, policyFile, savePolicy, toTabular, uniformStrategy } from './policy';

const kuhnTree = compileTree(kuhn, { players: 2 });
const leducTree = compileTree(leduc, { players: 2 });

describe('tabular policies', () => {
  it('round-trips a solved average strategy through a parley.policy file', () => {
    const solver = new CfrSolver(kuhnTree, 'cfr+');
    solver.iterate(200);
    const avg = solver.averageStrategy();
    const nashConv = exploitability(kuhnTree, avg).nashConv;
    const path = join(mkdtempSync(join(tmpdir(), 'parley-policy-')), 'kuhn.json');
    savePolicy(path, policyFile(kuhnTree, avg, { algorithm: 'cfr+', iterations: 200, nashConv }));
    const loaded = loadPolicy(path);
    expect(loaded).toMatchObject({
      format: 'parley.policy',
      version: 1,
      game: 'kuhn',
      algorithm: 'cfr+',
      iterations: 200,
      nashConv,
    });
    // JSON keeps every double exactly; renormalizing on load may move the last bit.
    expect(loaded.policy).toEqual(toTabular(kuhnTree, avg));
    const back = fromTabular(kuhnTree, loaded.policy);
    for (let s = 0; s < avg.length; s++) expect(Math.abs((back[s] as number) - (avg[s] as number))).toBeLessThan(1e-15);
  });

  it('maps per-slot strategies to { infoKey: { action: prob } } and back', () => {
    const u = uniformStrategy(kuhnTree);
    const table = toTabular(kuhnTree, u);
    expect(table['K|pb']).toEqual({ bet: 0.5, pass: 0.5 });
    expect([...fromTabular(kuhnTree, table)]).toEqual([...u]);
  });

  it('rejects tables that miss information sets or play illegal actions', () => {
    const table = toTabular(kuhnTree, uniformStrategy(kuhnTree));
    const { 'J|': _, ...missing } = table;
    expect(() => fromTabular(kuhnTree, missing)).toThrow(/no entry for information state 'J\|'/);
    expect([...fromTabular(kuhnTree, missing, { missing: 'uniform' })]).toEqual([...uniformStrategy(kuhnTree)]);
    expect(() => fromTabular(kuhnTree, { ...table, 'J|': { raise: 1 } })).toThrow(/plays 'raise'/);
  });

  it('rejects files in another format', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-policy-')), 'bad.json');
    writeFileSync(path, JSON.stringify({ format: 'something', version: 1 }));
    expect(() => loadPolicy(path)).toThrow(/not a parley.policy v1 file/);
  });

  it('the shipped equilibrium strategies have NashConv < 0.001 when recomputed', () => {
    for (const tree of [kuhnTree, leducTree]) {
      const file = loadPolicy(shippedStrategyPath(tree.gameId));
      const e = exploitability(tree, fromTabular(tree, file.policy));
      expect(e.nashConv).toBeLessThan(1e-3);
      expect(file.nashConv).toBeCloseTo(e.nashConv, 9);
    }
    expect(JSON.parse(readFileSync(shippedStrategyPath('kuhn'), 'utf8')).algorithm).toBe('cfr+');
  });

  it('the equilibrium agent plays through the match runtime (which fills infoStateKey)', async () => {
    for (const game of [kuhn, leduc] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const agents = [createAgent('equilibrium', game.descriptor.id), createAgent('random', game.descriptor.id)];
        const { record } = await runMatch({ game: game as any, params: { players: 2 }, seed, agents });
        expect(record.actions.filter((a) => a.fallback)).toEqual([]);
      }
    }
  });
});
