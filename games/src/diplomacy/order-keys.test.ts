/**
 * Typed movement orders: every text the engine lists reads back to the order the parser makes of
 * it, and texts read without parsing are checked exactly as parsed ones, on the board they were
 * listed for and on another one.
 */
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../core/rng';
import { type DiplomacyState, diplomacy, legalOrders } from './game';
import { POWERS, type Power, provinceIndex } from './map';
import { decodeOrderText, idKey, idLabel, KEY_SPAN, keyOfOrder, orderIdOf, orderOfKey, orderText } from './order-keys';
import { type CheckResult, checkOrder, checkOrderText, type PhaseContext, readMovementOrder } from './orders-check';
import { formatOrder, parseOrder } from './orders-parse';
import { phaseContext } from './turn';

/** Movement phases of two seeded random games, each with the phase before it. */
function movementPhases(): DiplomacyState[] {
  const found: DiplomacyState[] = [];
  for (let g = 0; g < 2; g++) {
    const rng = createRng(deriveSeed(19, 'order-keys', g));
    let s = diplomacy.newInitialState({ lastYear: 1906 });
    while (!diplomacy.isTerminal(s)) {
      if (s.phase.type === 'movement') found.push(s);
      for (const seat of diplomacy.actingSeats(s)) {
        for (const group of legalOrders(s, POWERS[seat]!)) {
          const pool = [...group.orders];
          for (let k = 0; k < group.choose; k++) {
            const o = rng.pick(pool);
            pool.splice(pool.indexOf(o), 1);
            s = diplomacy.applyAction(s, seat, o);
          }
        }
      }
    }
  }
  return found;
}

const turnOf = (s: DiplomacyState) => ({ phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres });

describe('typed movement orders', () => {
  const phases = movementPhases();

  it('read every listed text back to the parser’s order, and print it back', () => {
    let seen = 0;
    for (const s of phases) {
      for (const power of POWERS) {
        for (const text of legalOrders(s, power).flatMap((g) => g.orders)) {
          const id = orderIdOf(text);
          expect(id, text).toBeGreaterThanOrEqual(0);
          const order = orderOfKey(idLabel(id), idKey(id));
          const parsed = parseOrder(text);
          expect(parsed.ok && parsed.order, text).toStrictEqual(order);
          expect(keyOfOrder(order), text).toBe(idKey(id));
          expect(orderText(idLabel(id), idKey(id))).toBe(text);
          expect(formatOrder(order)).toBe(text);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(5_000);
  });

  /**
   * Texts in the printer's form that it may never print: the other unit type, a coast added to a
   * split province or dropped, VIA added. They are read as typed orders too, so the typed checks
   * must agree with the long way on them as well.
   */
  const unprinted = (t: string): string[] =>
    [
      t.startsWith('A ') ? `F ${t.slice(2)}` : `A ${t.slice(2)}`,
      t.replace(' S A ', ' S F '),
      t.replace(' S F ', ' S A '),
      t.replace(/\/(NC|SC|EC)/, ''),
      t.replace(/\b(SPA|STP|BUL)\b(?!\/)/, '$1/NC'),
      t.replace(/\b(SPA|STP|BUL)\b(?!\/)/, '$1/SC'),
      t.replace(/\b(BUL)\b(?!\/)/, '$1/EC'),
      / - [A-Z/]+$/.test(t) ? `${t} VIA` : t,
    ].filter((v) => v !== t && decodeOrderText(v) >= 0);

  /**
   * Every order listed in a phase, with the long way's verdict on it (parsed, then checked), read
   * on a fresh context (no listed orders, so printed texts take the unparsed paths) of that phase
   * and of the next one.
   */
  function eachPrinted(visit: (ctx: PhaseContext, power: Power, text: string, slow: CheckResult) => void): number {
    let n = 0;
    for (let i = 0; i + 1 < phases.length; i++) {
      for (const s of [phases[i]!, phases[i + 1]!]) {
        const ctx = phaseContext(turnOf(s), false);
        for (const power of POWERS) {
          const printed = legalOrders(phases[i]!, power).flatMap((g) => g.orders);
          for (const text of new Set([...printed, ...printed.flatMap(unprinted)])) {
            const parsed = parseOrder(text);
            visit(ctx, power, text, parsed.ok ? checkOrder(ctx, power, parsed.order) : parsed);
            n++;
          }
        }
      }
    }
    return n;
  }

  it('check a printed text without parsing exactly as a parsed one, on its own board and the next', () => {
    const n = eachPrinted((ctx, power, text, slow) => expect(checkOrderText(ctx, power, text), text).toStrictEqual(slow));
    expect(n).toBeGreaterThan(5_000);
  });

  it('read a printed text to the same unit and key as the checker, on its own board and the next', () => {
    let typed = 0;
    eachPrinted((ctx, power, text, slow) => {
      const read = readMovementOrder(ctx, power, text);
      if (!slow.ok) return expect(read, text).toStrictEqual(slow);
      const u = ctx.board.at[provinceIndex(slow.checked.slot)]!;
      expect(read, text).toBe(u * KEY_SPAN + keyOfOrder(slow.checked.order));
      typed++;
    });
    expect(typed).toBeGreaterThan(5_000);
  });

  it('decode exactly the printed form: every listed text, and no near miss of one', () => {
    const misses = (t: string) => [
      t.toLowerCase(),
      ` ${t}`,
      `${t} `,
      `${t}X`,
      t.slice(0, -1),
      t.replace(' ', '  '),
      t.replace(/ - /, ' -> '),
      t.replace(/([A-Z]{3})(?![A-Z/])/, '$1/XC'),
      `${t.slice(0, 5)}X${t.slice(6)}`,
      `${t.slice(0, 5)}X${t.slice(5)}`,
      `${t.slice(0, -2)}X${t.slice(-1)}`,
    ];
    let n = 0;
    for (const s of phases.slice(0, 6)) {
      for (const power of POWERS) {
        for (const text of legalOrders(s, power).flatMap((g) => g.orders)) {
          const id = decodeOrderText(text);
          expect(orderText(idLabel(id), idKey(id)), text).toBe(text);
          for (const miss of misses(text)) if (miss !== text) expect(decodeOrderText(miss), miss).toBe(-1);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(1_000);
    // Well formed but never printed: decoded, yet not a printed text.
    const odd = 'A SPA/SC - MAO VIA';
    expect(decodeOrderText(odd)).toBeGreaterThanOrEqual(0);
    expect(orderIdOf(odd)).toBe(-1);
  });

  it('gives no key to orders that are not movement orders', () => {
    for (const text of ['A PAR B', 'WAIVE', 'A PAR D', 'F BRE R MAO']) {
      const parsed = parseOrder(text);
      expect(parsed.ok && keyOfOrder(parsed.order)).toBe(-1);
    }
    expect(orderIdOf('A PAR - NOWHERE')).toBe(-1);
  });
});
