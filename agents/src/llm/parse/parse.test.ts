import { describe, expect, it } from 'vitest';
import { normalizeAction, parseAction } from './action';
import { findJsonValues } from './json';
import { parseOrders, slotsFromLegal } from './orders';
import { parsePress } from './press';

const LEDUC = ['call', 'fold', 'raise'];

describe('parseAction', () => {
  it('reads JSON answers, fenced or bare, after reasoning', () => {
    expect(parseAction('{"action": "call"}', LEDUC)).toEqual({ ok: true, value: 'call' });
    expect(parseAction('I have a king.\n```json\n{ "action": "Raise" }\n```\nGood luck!', LEDUC)).toEqual({
      ok: true,
      value: 'raise',
    });
    expect(parseAction('Thinking... {"action": "fold",}', LEDUC)).toEqual({ ok: true, value: 'fold' });
    expect(parseAction('first {"action": "call"} then on reflection {"action": "fold"}', LEDUC)).toEqual({
      ok: true,
      value: 'fold',
    });
  });

  it('reads marker lines and bare answers, case and space tolerant', () => {
    expect(parseAction('My card is weak.\nACTION: Fold', LEDUC)).toEqual({ ok: true, value: 'fold' });
    expect(parseAction('**Final action:** `call`', LEDUC)).toEqual({ ok: true, value: 'call' });
    expect(parseAction('  CALL. ', LEDUC)).toEqual({ ok: true, value: 'call' });
    expect(parseAction('The pot odds are good, so I will call.', LEDUC)).toEqual({ ok: true, value: 'call' });
  });

  it('refuses illegal explicit answers, ambiguity and prose without an action', () => {
    expect(parseAction('{"action": "shove"}', LEDUC)).toMatchObject({
      ok: false,
      error: { code: 'agent/illegal', proposed: 'shove', message: expect.stringContaining("'shove' is not a legal action") },
    });
    expect(parseAction('I could call or I could fold.', LEDUC)).toMatchObject({ ok: false, error: { code: 'agent/ambiguous' } });
    expect(parseAction('Let me think about the ranges here...', LEDUC)).toMatchObject({
      ok: false,
      error: { code: 'agent/unparseable' },
    });
    expect(parseAction('', LEDUC)).toMatchObject({ ok: false, error: { code: 'agent/unparseable', raw: '' } });
    expect(parseAction('{"action": "ca', LEDUC)).toMatchObject({ ok: false });
  });

  it('normalizes raise wording and lets a game resolve its own forms', () => {
    expect(normalizeAction('Raise to $300 chips.')).toBe('raise 300');
    const resolve = (c: string) => (c === 'check' ? { action: 'pass' } : null);
    expect(parseAction('ACTION: check', ['bet', 'pass'], resolve)).toEqual({ ok: true, value: 'pass' });
  });

  it('finds JSON with light repairs and skips brackets in strings', () => {
    expect(findJsonValues("x {'a': 1} y [1, 2,] z")).toEqual([{ a: 1 }, [1, 2]]);
    expect(findJsonValues('{"t": "a } b", "n": 2}')).toEqual([{ t: 'a } b', n: 2 }]);
    expect(findJsonValues('no json here')).toEqual([]);
  });
});

describe('parseOrders', () => {
  const legal = ['A PAR - BUR', 'A PAR H', 'F BRE - MAO', 'F BRE H', 'VOTE DRAW'];
  const slots = slotsFromLegal(legal, 2);
  // A stand-in checker: canonical when the text is a legal order up to case, else an engine-like error.
  const check = (text: string) => {
    const hit = legal.find((l) => l.toLowerCase() === text.trim().toLowerCase());
    return hit
      ? { ok: true as const, text: hit }
      : { ok: false as const, code: 'order/not-adjacent', message: `cannot do ${text}` };
  };

  it('accepts one order per unit from JSON or from order lines', () => {
    expect(parseOrders('{"orders": ["a par - bur", "F BRE H"]}', slots, check)).toEqual({
      ok: true,
      value: ['A PAR - BUR', 'F BRE H'],
    });
    expect(parseOrders('My orders:\n- A PAR - BUR\n- F BRE - MAO\n', slots, check)).toEqual({
      ok: true,
      value: ['A PAR - BUR', 'F BRE - MAO'],
    });
  });

  it('names each bad order with the checker’s reason, a doubled unit and a missing one, and keeps the good ones', () => {
    const r = parseOrders('{"orders": ["A PAR - MUN", "A PAR H", "A PAR - BUR"]}', slots, check);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('"A PAR - MUN": cannot do A PAR - MUN (order/not-adjacent)');
    expect(r.error.message).toContain('A PAR already has an order');
    expect(r.error.message).toContain('no order for F BRE');
    expect(r.error.partial).toEqual(['A PAR H']);
  });

  it('counts builds and disbands, and treats a draw vote as extra', () => {
    const builds = slotsFromLegal(['A PAR B', 'F BRE B', 'WAIVE'], 2);
    const ok = (t: string) => ({ ok: true as const, text: t.toUpperCase() });
    expect(parseOrders('{"orders": ["A PAR B", "WAIVE"]}', builds, ok)).toEqual({ ok: true, value: ['A PAR B', 'WAIVE'] });
    expect(parseOrders('{"orders": ["A PAR B"]}', builds, ok)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('1 build(s) not given') },
    });
    const disbands = slotsFromLegal(['A PAR D', 'F BRE D', 'A MAR D'], 1);
    expect(parseOrders('{"orders": ["F BRE D"]}', disbands, ok)).toEqual({ ok: true, value: ['F BRE D'] });
    expect(parseOrders('{"orders": ["F BRE D", "A PAR D"]}', disbands, ok)).toMatchObject({ ok: false });
    expect(parseOrders('{"orders": ["A PAR H", "F BRE H", "VOTE DRAW"]}', slots, check)).toEqual({
      ok: true,
      value: ['A PAR H', 'F BRE H', 'VOTE DRAW'],
    });
    expect(parseOrders('I will hold everything.', slots, check)).toMatchObject({
      ok: false,
      error: { code: 'agent/unparseable' },
    });
  });
});

describe('parsePress', () => {
  const ctx = {
    seat: 2,
    names: ['AUSTRIA', 'ENGLAND', 'FRANCE', 'GERMANY'],
    recipients: [0, 1, 3],
    order: (t: string) =>
      /^a /i.test(t) ? { ok: true as const, text: t.toUpperCase() } : { ok: false as const, message: 'bad order' },
    maxMessages: 3,
    maxChars: 50,
  };

  it('maps names to seats, keeps commitments, and reads the diary', () => {
    const raw = `{"messages": [
      {"to": ["england", "GERMANY"], "text": "Peace in the west?", "commitments": [{"kind": "no-attack", "target": "England"}, {"kind": "move", "order": "a par - bur"}]},
      {"to": "all", "text": "${'x'.repeat(80)}"}
    ], "diary": "Asked E and G for peace."}`;
    expect(parsePress(raw, ctx)).toEqual({
      ok: true,
      value: {
        messages: [
          {
            from: 2,
            to: [1, 3],
            text: 'Peace in the west?',
            commitments: [
              { kind: 'no-attack', target: 1 },
              { kind: 'move', order: 'A PAR - BUR' },
            ],
          },
          { from: 2, to: 'all', text: 'x'.repeat(50) },
        ],
        diary: 'Asked E and G for peace.',
      },
    });
    expect(parsePress('{"messages": []}', ctx)).toEqual({ ok: true, value: { messages: [] } });
  });

  it('lists unknown recipients, bad commitments and missing text', () => {
    const r = parsePress(
      '{"messages": [{"to": "PRUSSIA", "text": "hi"}, {"to": "all", "text": ""}, {"to": "all", "text": "ok", "commitments": [{"kind": "bribe"}, {"kind": "support", "order": "F X"}]}]}',
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('unknown recipient "PRUSSIA"; write "all" or name some of AUSTRIA, ENGLAND, GERMANY');
    expect(r.error.message).toContain('message 2: "text" must be non-empty');
    expect(r.error.message).toContain('is not one of the allowed shapes');
    expect(r.error.message).toContain('commitment order "F X": bad order');
    expect(parsePress('no json', ctx)).toMatchObject({ ok: false, error: { code: 'agent/unparseable' } });
  });
});
