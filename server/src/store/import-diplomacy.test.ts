/**
 * Saved games in: Parley's own exports read back (the round trip), a saved game that disagrees
 * with the rules (named at the first difference), and the LLM harness variant (extra per-phase
 * fields, press).
 */
import { createRng, diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../runtime/canonical';
import type { ActionRecord, MatchRecord } from '../runtime/record';
import { StoreError } from './checks';
import { matchOfRecord } from './events';
import { exportMatch, type SavedGame } from './export';
import { importSavedGame, saveImported } from './import-diplomacy';
import { MemoryStore } from './memory-store';

/** A seeded random game of `phases` phases, each seat giving all its orders in turn (no draw votes). */
function randomGame(seed: number, phases: number): MatchRecord {
  const rng = createRng(seed);
  let s = diplomacy.newInitialState({ lastYear: null });
  const actions: ActionRecord[] = [];
  for (let p = 0; p < phases && !s.outcome; p++) {
    const before = s.lastPhase;
    for (let seat = 0; seat < 7 && s.lastPhase === before; seat++)
      while (s.lastPhase === before && diplomacy.actingSeats(s).includes(seat)) {
        const legal = diplomacy.legalActions(s, seat).filter((a) => a !== 'VOTE DRAW');
        const action = rng.pick(legal);
        s = diplomacy.applyAction(s, seat, action);
        actions.push({ seq: actions.length, actor: seat, action, ms: 0 });
      }
  }
  const messages = [
    { seq: 0, phase: 'S1901M', from: 2, to: [3], text: 'Peace on the Rhine?' },
    { seq: 0, phase: 'S1901M', from: 3, to: 'all' as const, text: 'Germany wants peace.' },
  ];
  return {
    format: 'parley.match',
    version: 1,
    game: 'diplomacy',
    params: { lastYear: null },
    seed,
    seats: [0, 1, 2, 3, 4, 5, 6].map((seat) => ({ seat, agent: 'random' })),
    actions,
    messages,
    modelCalls: [],
    returns: [...diplomacy.returns(s)],
    finalStateHash: stateHash(s),
  } as MatchRecord;
}

const saved = (record: MatchRecord): SavedGame => JSON.parse(exportMatch(matchOfRecord(record, 'g1'), 'diplomacy').text);

describe('importing saved games of the Python diplomacy package', () => {
  for (const seed of [1, 2, 3])
    it(`round-trips a random game (seed ${seed}): export, then import, reproduces the match`, () => {
      const original = randomGame(seed, 24);
      const imported = importSavedGame(saved(original));
      expect(imported.refused).toEqual([]);
      expect(imported.record.actions.map((a) => [a.actor, a.action])).toEqual(original.actions.map((a) => [a.actor, a.action]));
      expect(imported.record.finalStateHash).toBe(original.finalStateHash);
      expect(imported.record.messages.map(({ from, to, text, phase }) => ({ from, to, text, phase }))).toEqual([
        { from: 2, to: [3], text: 'Peace on the Rhine?', phase: 'S1901M' },
        { from: 3, to: 'all', text: 'Germany wants peace.', phase: 'S1901M' },
      ]);
    });

  it('stops at the first disagreement and names it', () => {
    const file = saved(randomGame(4, 6));
    const units = file.phases[2]!.state.units as Record<string, string[]>;
    units.FRANCE = units.FRANCE!.map((u) => (u === units.FRANCE![0] ? 'A BUR' : u));
    expect(() => importSavedGame(file)).toThrow(StoreError);
    expect(() => importSavedGame(file)).toThrow(
      new RegExp(`${file.phases[2]!.name}: A BUR: expected FRANCE.s unit, got no unit there`),
    );
    const misnamed = saved(randomGame(4, 6));
    misnamed.phases[1]!.name = 'F1905M';
    expect(() => importSavedGame(misnamed)).toThrow(/phase 2: expected F1905M, Parley is at /);
    expect(() => importSavedGame({ phases: 'none' })).toThrow(/not a diplomacy saved game/);
    expect(() => importSavedGame({ map: 'ancmed', phases: [] })).toThrow(StoreError);
  });

  it('reads the LLM harness variant: extra per-phase fields and its press', async () => {
    const file = saved(randomGame(5, 4)) as SavedGame & { phases: Record<string, unknown>[] };
    file.phases[0]!.summary = 'Spring 1901: everyone moves out.';
    file.phases[1]!.agent_relationships = { FRANCE: { GERMANY: 'Friendly' } };
    (file.phases[1]!.messages as unknown[]).push({
      sender: 'ENGLAND',
      recipient: 'FRANCE',
      phase: file.phases[1]!.name,
      message: 'The Channel stays empty.',
      time_sent: 17,
    });
    const imported = importSavedGame(file);
    expect(imported.extraFields).toEqual(['agent_relationships', 'summary']);
    const press = imported.record.messages.find((m) => m.text === 'The Channel stays empty.')!;
    expect(press).toMatchObject({ from: 1, to: [2], phase: file.phases[1]!.name });
    // Placed at the start of its phase: after the first phase's actions.
    expect(press.seq).toBeGreaterThan(0);
    const store = new MemoryStore();
    await saveImported(store, imported, 'imported-1');
    const stored = await store.getMatch('imported-1');
    expect(stored?.status).toBe('finished');
    expect(stored?.events.filter((e) => e.kind === 'message')).toHaveLength(3);
    // And what was stored exports again to the same phases.
    const again = JSON.parse(exportMatch(stored!, 'diplomacy').text) as SavedGame;
    expect(again.phases.map((p) => [p.name, p.orders])).toEqual(file.phases.map((p) => [p.name, p.orders]));
  });
});
