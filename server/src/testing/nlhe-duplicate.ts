/**
 * Duplicate single hands of NLHE: for each deal seed, `tag` takes every seat in turn among copies
 * of `opponent` (the runtime deals the same cards to the same seats whatever the agents do). One
 * sample per deal is tag's mean result over the rotations, in mbb per hand (big blind 100); the
 * 95% interval is mean ± 1.96 standard errors over deals. Shared by the tag bot's test and its
 * benchmark.
 */

import { createAgent } from '@parley/agents';
import { nlhe } from '@parley/games';
import { runMatch } from '../runtime/match-runner';

export async function duplicateMbb(opponent: string, players: number, deals: number, firstSeed: number) {
  const parsed = nlhe.descriptor.parseParams({ players, format: 'hand' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const samples: number[] = [];
  for (let d = 0; d < deals; d++) {
    let chips = 0;
    for (let at = 0; at < players; at++) {
      const agents = Array.from({ length: players }, (_, s) => createAgent(s === at ? 'tag' : opponent, 'nlhe'));
      const { record } = await runMatch({ game: nlhe, params: parsed.params, seed: firstSeed + d, agents });
      const fallbacks = record.actions.filter((a) => a.fallback).length;
      if (fallbacks > 0) throw new Error(`deal ${firstSeed + d}: ${fallbacks} fallback(s)`);
      chips += record.returns[at] as number;
    }
    samples.push((1000 * chips) / players / 100);
  }
  const mean = samples.reduce((a, b) => a + b, 0) / deals;
  const sd = Math.sqrt(samples.reduce((a, x) => a + (x - mean) ** 2, 0) / (deals - 1));
  const half = (1.96 * sd) / Math.sqrt(deals);
  return { mean, lo: mean - half, hi: mean + half, hands: players * deals };
}
