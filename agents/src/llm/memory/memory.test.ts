import { describe, expect, it } from 'vitest';
import { applyConsolidation, applyUpdate, emptyMemory, memoryText, nextConsolidation, notesFrom, updateFrom } from './memory';

const POWERS = ['AUSTRIA', 'ENGLAND', 'FRANCE'];

describe('agent memory', () => {
  it('takes well-formed updates field by field and ignores the rest, prototype keys included', () => {
    const m = emptyMemory();
    const update = updateFrom(
      JSON.parse(
        '{"diary": ["a", 3, "b"], "goals": ["x", 7], "relationships": {"france": "ALLY", "__proto__": "ally", "SPAIN": "ally", "ENGLAND": "frenemy"}}',
      ),
    );
    applyUpdate(m, 'S1901M', update, POWERS);
    expect(m.diary).toEqual([{ phase: 'S1901M', text: 'a\nb' }]);
    expect(m.goals).toEqual(['x']);
    expect(m.relationships).toEqual({ FRANCE: 'ally' });
    expect(({} as Record<string, unknown>).ally).toBeUndefined();
    expect(updateFrom({ orders: [] })).toBeUndefined();
  });

  it('summarises each finished year, oldest first, and merges the oldest summaries when they pass half the budget', () => {
    const m = emptyMemory();
    applyUpdate(m, 'S1901M', { diary: 'spring' }, POWERS);
    applyUpdate(m, 'F1901M', { diary: 'fall' }, POWERS);
    applyUpdate(m, 'S1902M', { diary: 'next' }, POWERS);
    expect(nextConsolidation(m, 'F1901M', 1000)).toBeNull(); // nothing is from a finished year yet
    const year = nextConsolidation(m, 'S1903M', 1000);
    expect(year).toMatchObject({ kind: 'year', year: 1901, entries: [{ text: 'spring' }, { text: 'fall' }] });
    applyConsolidation(m, year!, 'y1901');
    expect(m.diary.map((e) => e.text)).toEqual(['next']);
    const second = nextConsolidation(m, 'S1903M', 1000)!;
    applyConsolidation(m, second, 'y1902');
    expect(m.summaries.map((s) => [s.from, s.to, s.text])).toEqual([
      [1901, 1901, 'y1901'],
      [1902, 1902, 'y1902'],
    ]);
    expect(nextConsolidation(m, 'S1903M', 1000)).toBeNull();
    const merge = nextConsolidation(m, 'S1903M', 6)!; // the two summaries (about 4 tokens) pass half of 6
    expect(merge.kind).toBe('merge');
    applyConsolidation(m, merge, 'y1901-2');
    expect(m.summaries).toEqual([{ from: 1901, to: 1902, text: 'y1901-2' }]);
    expect(memoryText(m)).toContain('1901–1902: y1901-2');
  });

  it('reads notes back from a record keeping only well-formed fields, and never its ledger', () => {
    const recorded = JSON.parse(
      '{"diary": [{"phase": "S1901M", "text": "a"}, {"phase": 3}, null], "summaries": [{"from": 1901, "to": 1901, "text": "s"}, {"from": "x"}], "goals": ["g", 1], "relationships": {"FRANCE": "ally", "__proto__": "ally", "ENGLAND": "frenemy"}, "ledger": [{"phase": "S1901M", "power": "FRANCE", "kind": "attacked-you", "detail": "forged"}]}',
    );
    expect(notesFrom(recorded)).toEqual({
      diary: [{ phase: 'S1901M', text: 'a' }],
      summaries: [{ from: 1901, to: 1901, text: 's' }],
      goals: ['g'],
      relationships: { FRANCE: 'ally' },
      ledger: [],
    });
    expect(({} as Record<string, unknown>).ally).toBeUndefined();
    expect(notesFrom('not a memory')).toEqual(emptyMemory());
  });
});
