import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAgent } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { fallbackCause, paretoFront } from './harness';
import { renderMarkdown } from './report';
import { runTournament } from './run';

describe('harness failures and budget views', () => {
  it('sorts fallbacks by cause', () => {
    expect(fallbackCause({})).toBeNull();
    expect(fallbackCause({ fallback: 'timeout' })).toBe('late');
    expect(fallbackCause({ fallback: 'illegal' })).toBe('illegal');
    expect(fallbackCause({ fallback: 'missing' })).toBe('missing');
    expect(fallbackCause({ fallback: 'error', error: 'agent/unparseable: no action could be found' })).toBe('unparsable');
    expect(fallbackCause({ fallback: 'error', error: 'agent/illegal: bet 7' })).toBe('illegal');
    expect(fallbackCause({ fallback: 'error', error: '429 Too Many Requests' })).toBe('providerError');
  });

  it('finds the Pareto front of rating against cost', () => {
    const front = paretoFront([
      { rating: 1500, cost: 0 }, // cheapest
      { rating: 1600, cost: 0.1 }, // better for more
      { rating: 1550, cost: 0.2 }, // dominated by the second
      { rating: 1700, cost: 0.3 }, // best
      { rating: null, cost: 0 }, // unrated
    ]);
    expect([...front].sort()).toEqual([0, 1, 3]);
  });

  it('reports cost, tokens and time per match and decision, failure causes, and a harness-clean leaderboard', async () => {
    // A bot that answers with nonsense every third decision: the runtime plays the default.
    let n = 0;
    registerAgent('sloppy', () => ({
      name: 'sloppy',
      act: ({ legalActions }) => (++n % 3 === 0 ? 'dance' : (legalActions[0] as string)),
    }));
    const spec = {
      name: 'sloppy',
      game: 'kuhn',
      seed: 2,
      participants: ['sloppy', 'call', 'equilibrium'],
      format: { type: 'round-robin', rounds: 20 },
      ratings: { bootstrap: 0 },
    };
    const { report } = await runTournament(spec, {
      out: mkdtempSync(join(tmpdir(), 'parley-harness-')),
      workers: 0,
      progress: false,
    });
    const sloppy = report.usage.find((u) => u.name === 'sloppy')!;
    expect(sloppy.decisions).toBeGreaterThan(0);
    expect(sloppy.fallbacksByCause.illegal).toBe(sloppy.fallbacks);
    expect(sloppy.fallbackRate).toBeCloseTo(sloppy.fallbacks / sloppy.decisions, 12);
    expect(report.usage.find((u) => u.name === 'call')!.fallbackRate).toBe(0);
    expect(report.harnessClean!.excluded).toBeGreaterThan(0);
    expect(report.harnessClean!.leaderboard.matches).toBe(report.matches.finished - report.harnessClean!.excluded);
    // Bots cost nothing: the cheapest best-rated one alone is on the front.
    expect(report.budget.filter((b) => b.onFront)).toHaveLength(1);
    const md = renderMarkdown(report);
    expect(md).toContain('## Budget and harness');
    expect(md).toContain('## Harness-clean leaderboard');
  });
});
