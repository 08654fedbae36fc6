/**
 * Legal orders: hand-checked counts at the 1901 start, convoy positions, the other phases, and a
 * brute-force check that the lists hold exactly the orders the checker accepts.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { type DiplomacyState, diplomacy, legalOrders } from './game';
import { LOC_IDS, POWER_INDEX, POWERS, PROVINCE_IDS } from './map';
import { checkOrder, checkOrderText } from './orders-check';
import { legalOrderGroups, listedMovementOrder } from './orders-legal';
import { parseOrder } from './orders-parse';
import { ENGINE, playPhase } from './testing/random-play';
import { phaseContext, type Turn } from './turn';
import type { Power, Unit } from './types';

const u = (power: Power, type: 'A' | 'F', province: string): Unit => ({ power, type, province });
const movementTurn = (units: Unit[]): Turn => ({
  phase: { season: 'spring', year: 1901, type: 'movement' },
  units,
  dislodged: [],
  centres: [],
});
const ordersOf = (turn: Turn, power: Power) => legalOrderGroups(phaseContext(turn), power);
const allOrders = (turn: Turn, power: Power) => ordersOf(turn, power).flatMap((g) => g.orders);

describe('legal orders at the 1901 start', () => {
  const s = diplomacy.newInitialState({ lastYear: null });

  it('lists every unit with its orders (counts checked by hand for A VIE, F LON and F TRI)', () => {
    const counts = Object.fromEntries(
      POWERS.map((p) => [
        p,
        legalOrders(s, p)
          .map((g) => `${g.unit}:${g.orders.length}`)
          .join(' '),
      ]),
    );
    expect(counts).toEqual({
      austria: 'A BUD:13 F TRI:6 A VIE:15',
      england: 'F EDI:9 F LON:10 A LVP:10',
      france: 'F BRE:9 A MAR:10 A PAR:11',
      germany: 'A BER:11 F KIE:8 A MUN:19',
      italy: 'F NAP:9 A ROM:11 A VEN:18',
      russia: 'A MOS:12 F SEV:8 F STP/SC:6 A WAR:16',
      turkey: 'F ANK:9 A CON:7 A SMY:11',
    });
    expect(legalOrders(s, 'austria').find((g) => g.unit === 'F TRI')!.orders).toEqual([
      'F TRI - ADR',
      'F TRI - ALB',
      'F TRI - VEN',
      'F TRI H',
      'F TRI S A ROM - VEN',
      'F TRI S A VEN',
    ]);
    expect(legalOrders(s, 'england').find((g) => g.unit === 'F LON')!.orders).toEqual([
      'F LON - ENG',
      'F LON - NTH',
      'F LON - WAL',
      'F LON - YOR',
      'F LON H',
      'F LON S A LVP - WAL',
      'F LON S A LVP - YOR',
      'F LON S F BRE - ENG',
      'F LON S F EDI - NTH',
      'F LON S F EDI - YOR',
    ]);
  });

  it('offers a seat the union of its units’ orders and VOTE DRAW, sorted, dropping a unit once it has an order', () => {
    const austria = diplomacy.legalActions(s, 0);
    expect(austria).toHaveLength(13 + 6 + 15 + 1);
    expect(austria).toContain('VOTE DRAW');
    expect([...austria].sort()).toEqual(austria);
    const next = diplomacy.applyAction(s, 0, 'A VIE - GAL');
    const left = diplomacy.legalActions(next, 0);
    expect(left).toHaveLength(13 + 6 + 1);
    expect(left.some((o) => o.startsWith('A VIE'))).toBe(false);
  });
});

describe('convoys', () => {
  const turn = movementTurn([
    u('england', 'F', 'nth'),
    u('england', 'F', 'eng'),
    u('england', 'A', 'lon'),
    u('england', 'A', 'wal'),
    u('france', 'A', 'bel'),
    u('france', 'F', 'mar'),
  ]);
  const england = allOrders(turn, 'england');

  it('lists convoyed moves along chains of fleets at sea', () => {
    for (const o of [
      'A LON - NWY',
      'A LON - BEL',
      'A LON - BRE',
      'A LON - WAL VIA',
      'A LON - YOR VIA',
      'A WAL - BEL',
      'A WAL - LON VIA',
    ]) {
      expect(england).toContain(o);
    }
    expect(england).not.toContain('A LON - BEL VIA');
    expect(england).not.toContain('A LON - MAR');
    expect(allOrders(turn, 'france')).toContain('A BEL - LON');
    expect(allOrders(turn, 'france')).toContain('A BEL - PIC VIA');
  });

  it('lists convoy orders for every army and destination a fleet’s chain touches, whoever owns them', () => {
    for (const o of [
      'F NTH C A LON - NWY',
      'F NTH C A LON - BRE',
      'F ENG C A WAL - DEN',
      'F NTH C A BEL - LON',
      'F ENG C A BEL - WAL',
    ]) {
      expect(england).toContain(o);
    }
    expect(england.filter((o) => o.includes(' C ') && o.includes('MAR'))).toEqual([]);
  });

  it('does not let a fleet support a convoyed move it would have to carry itself (DATC 6.D.31)', () => {
    expect(england).toContain('F ENG S A LON - BEL');
    expect(england).toContain('F NTH S A WAL - BEL');
    expect(england).not.toContain('F ENG S A WAL - BEL');
  });
});

describe('retreats and adjustments', () => {
  it('lists each dislodged unit’s retreats and its disband', () => {
    const turn: Turn = {
      phase: { season: 'fall', year: 1901, type: 'retreat' },
      units: [u('italy', 'A', 'tri')],
      dislodged: [{ power: 'austria', type: 'F', province: 'tri', retreats: ['adr', 'alb'] }],
      centres: [],
    };
    expect(ordersOf(turn, 'austria')).toEqual([
      { unit: 'F TRI', slot: 'tri', choose: 1, orders: ['F TRI D', 'F TRI R ADR', 'F TRI R ALB'] },
    ]);
    expect(ordersOf(turn, 'italy')).toEqual([]);
  });

  it('lists builds on both coasts, armies, and WAIVE; disbands of every unit', () => {
    const turn: Turn = {
      phase: { season: 'winter', year: 1901, type: 'adjustment' },
      units: [u('russia', 'A', 'war'), u('turkey', 'A', 'con'), u('turkey', 'A', 'bul')],
      centres: [
        ...['stp', 'mos', 'war', 'sev'].map((province) => ({ power: 'russia' as const, province })),
        { power: 'turkey', province: 'con' },
      ],
      dislodged: [],
    };
    expect(ordersOf(turn, 'russia')).toEqual([
      {
        unit: null,
        slot: 'builds',
        choose: 3,
        orders: ['A MOS B', 'A SEV B', 'A STP B', 'F SEV B', 'F STP/NC B', 'F STP/SC B', 'WAIVE'],
      },
    ]);
    expect(ordersOf(turn, 'turkey')).toEqual([{ unit: null, slot: 'disbands', choose: 1, orders: ['A BUL D', 'A CON D'] }]);
  });
});

describe('completeness', () => {
  /** Every order text of the shapes a unit could be given, legal or not. */
  function candidates(units: readonly Unit[], unit: Unit): string[] {
    const me = `${unit.type} ${unit.province.toUpperCase()}`;
    const out = [`${me} H`];
    const others = units.filter((x) => x !== unit).map((x) => `${x.type} ${x.province.toUpperCase()}`);
    for (const loc of LOC_IDS) {
      const l = loc.toUpperCase();
      out.push(`${me} - ${l}`, `${me} - ${l} VIA`);
      for (const t of others) out.push(`${me} S ${t} - ${l}`);
    }
    for (const t of others) {
      out.push(`${me} S ${t}`);
      if (t.startsWith('A ')) for (const p of PROVINCE_IDS) out.push(`${me} C ${t} - ${p.toUpperCase()}`);
    }
    return out;
  }

  function positions(): DiplomacyState[] {
    const found: DiplomacyState[] = [diplomacy.newInitialState({ lastYear: null })];
    const rng = createRng(99);
    let s = found[0]!;
    while (found.length < 4) {
      s = playPhase(ENGINE, s, rng);
      if (s.phase.type === 'movement' && s.phase.year >= 1903 && s.phase.year % 2 === 1 && s.phase.season === 'fall')
        found.push(s);
    }
    return found;
  }

  // Every candidate text of a unit is some 3,000 checks, so the opening board is checked for every
  // power and each later board for a third of them, in turn: every power is checked exhaustively on
  // the opening and on one mid-game board, at a third of the cost of all powers on every board.
  const checkedOn = (board: number, power: number) => board === 0 || (power + board) % 3 === 0;

  it('lists exactly the orders the checker accepts (coastless supports of fleets to split coasts aside)', () => {
    for (const [board, s] of positions().entries()) {
      const ctx = phaseContext(s);
      for (const power of POWERS.filter((_, p) => checkedOn(board, p))) {
        const listed = new Set(legalOrders(s, power).flatMap((g) => g.orders));
        for (const o of listed) {
          const r = checkOrderText(ctx, power, o);
          expect(r.ok && r.checked.text, o).toBe(o);
        }
        const accepted = new Set<string>();
        for (const unit of s.units.filter((x) => x.power === power)) {
          for (const text of candidates(s.units, unit)) {
            const r = checkOrderText(ctx, power, text);
            if (!r.ok) continue;
            const o = r.checked.order;
            const coastless =
              o.kind === 'support' && o.target.type === 'F' && o.to !== null && ['spa', 'stp', 'bul'].includes(o.to);
            if (!coastless) accepted.add(r.checked.text);
          }
        }
        expect([...accepted].sort()).toEqual([...listed].sort());
      }
    }
  });

  it('reads a listed order back from its key exactly as the checker completes its text', () => {
    for (const s of positions()) {
      const ctx = phaseContext(s);
      for (const power of POWERS) {
        for (const o of legalOrderGroups(ctx, power).flatMap((g) => g.orders)) {
          const parsed = parseOrder(o);
          const slow = parsed.ok ? checkOrder(ctx, power, parsed.order) : parsed;
          expect({ ok: true, checked: listedMovementOrder(ctx, POWER_INDEX[power], o) }, o).toStrictEqual(slow);
        }
        // Another power's orders, and texts never listed, are not read back.
        const other = POWERS[(POWER_INDEX[power] + 1) % POWERS.length]!;
        for (const o of legalOrderGroups(ctx, other).flatMap((g) => g.orders))
          expect(listedMovementOrder(ctx, POWER_INDEX[power], o)).toBeNull();
        expect(listedMovementOrder(ctx, POWER_INDEX[power], 'A PAR - MAR VIA')).toBeNull();
      }
    }
  });
});
