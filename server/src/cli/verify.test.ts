import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callBot, randomBot } from '@parley/agents';
import { getGame } from '@parley/games';
import { describe, expect, it, vi } from 'vitest';
import { COMMITMENT_SCHEME, seedCommitment } from '../runtime/fairness';
import { runMatch } from '../runtime/match-runner';
import { run } from './verify';

async function revealedRecord(gameId: string, seed: number) {
  const game = getGame(gameId);
  const { record } = await runMatch({ game, params: game.descriptor.defaultParams, seed, agents: [randomBot(), callBot()] });
  const salt = '00112233445566778899aabbccddeeff';
  return { ...record, fairness: { scheme: COMMITMENT_SCHEME, commitment: seedCommitment(seed, salt), salt } };
}

describe('parley verify', () => {
  it('accepts an honest record (pretty JSON or JSONL) and names the first stacked card of a dishonest one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-verify-'));
    const honest = await revealedRecord('leduc', 99);
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      out.push(line);
    });
    try {
      writeFileSync(join(dir, 'one.json'), JSON.stringify(honest, null, 2));
      expect(await run([join(dir, 'one.json')])).toBe(0);
      expect(JSON.parse(out[0] as string)).toMatchObject({ ok: true, commitment: honest.fairness.commitment });
      expect(JSON.parse(out[0] as string).chanceOutcomes).toBeGreaterThan(1);

      const stacked = structuredClone(honest);
      const deal = stacked.actions.findIndex((a) => a.actor === 'chance');
      const game = getGame('leduc');
      let state = game.newInitialState(game.descriptor.defaultParams);
      for (const a of stacked.actions.slice(0, deal)) state = game.applyAction(state, a.actor, a.action);
      const other = game.chanceOutcomes(state).find((o) => o.action !== stacked.actions[deal]?.action);
      (stacked.actions[deal] as { action: string }).action = other?.action as string;
      writeFileSync(join(dir, 'two.jsonl'), `${JSON.stringify(honest)}\n${JSON.stringify(stacked)}\n`);
      out.length = 0;
      expect(await run([join(dir, 'two.jsonl')])).toBe(1);
      expect(JSON.parse(out[0] as string).ok).toBe(true);
      expect(JSON.parse(out[1] as string)).toMatchObject({ ok: false, seq: stacked.actions[deal]?.seq });
    } finally {
      log.mockRestore();
    }
  });

  it('refuses a record without a commitment, or whose commitment the seed does not meet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-verify-'));
    const honest = await revealedRecord('kuhn', 5);
    const { fairness: _f, ...bare } = honest;
    writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify(bare)}\n${JSON.stringify({ ...honest, seed: 6 })}\n`);
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      out.push(line);
    });
    try {
      expect(await run([join(dir, 'a.jsonl')])).toBe(1);
      expect(out.map((l) => JSON.parse(l).error)).toEqual([
        expect.stringMatching(/no seed commitment/),
        expect.stringMatching(/not the published commitment/),
      ]);
    } finally {
      log.mockRestore();
    }
  });
});
