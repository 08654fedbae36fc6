/** The Game interface: conformance, the phase sequence, the end of the game and scoring, views, defaults and errors. */
import { describe, expect, it } from 'vitest';
import { checkConformance } from '../testkit/conformance';
import { type DiplomacyState, diplomacy, stateFromPosition } from './game';
import { POWERS } from './map';
import type { CentreOwner, Phase, Power, Unit } from './types';

const u = (power: Power, type: 'A' | 'F', province: string): Unit => ({ power, type, province });
const owned = (power: Power, ...provinces: string[]): CentreOwner[] => provinces.map((province) => ({ power, province }));
const seat = (p: Power) => POWERS.indexOf(p);
const phase = (season: Phase['season'], year: number, type: Phase['type']): Phase => ({ season, year, type });

/** Plays `orders` (by power), then the default action for every slot left, until the phase closes. */
function playPhase(s: DiplomacyState, orders: Partial<Record<Power, string[]>> = {}): DiplomacyState {
  const start = s.phase;
  for (const [power, list] of Object.entries(orders)) {
    for (const o of list!) {
      const err = diplomacy.validateAction(s, seat(power as Power), o);
      if (err) throw new Error(`${power} ${o}: ${err.code} ${err.message}`);
      s = diplomacy.applyAction(s, seat(power as Power), o);
    }
  }
  while (!diplomacy.isTerminal(s) && s.phase === start) {
    const who = diplomacy.actingSeats(s)[0]!;
    s = diplomacy.applyAction(s, who, diplomacy.defaultAction(s, who));
  }
  return s;
}

describe('diplomacy on the Game interface', () => {
  it('passes the conformance kit', () => {
    const short = checkConformance(diplomacy, { params: { lastYear: 1901 }, playouts: 4, deepEvery: 1, seed: 3 });
    expect(short.playouts).toBe(4);
    const long = checkConformance(diplomacy, { params: { lastYear: 1905 }, playouts: 4, deepEvery: 15, seed: 5 });
    expect(long.maxLength).toBeGreaterThan(200);
  });

  it('describes itself', () => {
    const d = diplomacy.descriptor;
    expect(d.id).toBe('diplomacy');
    expect(d.traits).toEqual({ dynamics: 'simultaneous', chance: 'none', information: 'imperfect', utility: 'general-sum' });
    expect([d.minPlayers, d.maxPlayers]).toEqual([7, 7]);
    expect(d.parseParams({})).toEqual({ ok: true, params: { lastYear: null } });
    expect(d.parseParams({ lastYear: 1910 })).toEqual({ ok: true, params: { lastYear: 1910 } });
    expect(d.parseParams({ lastYear: 1800 }).ok).toBe(false);
    expect(d.parseParams({ lastYear: 1910, extra: 1 }).ok).toBe(false);
  });

  it('starts in spring 1901 with 22 units, 22 centres and every power to order', () => {
    const s = diplomacy.newInitialState({ lastYear: null });
    expect(s.phase).toEqual(phase('spring', 1901, 'movement'));
    expect(s.units).toHaveLength(22);
    expect(s.centres).toHaveLength(22);
    expect(diplomacy.actingSeats(s)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(diplomacy.currentPlayer(s)).toBe('simultaneous');
    expect(s.ordersDue).toEqual([3, 3, 3, 3, 3, 4, 3]);
  });
});

describe('the phase sequence', () => {
  it('skips retreats when nothing is dislodged and winter when nobody adjusts', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    s = playPhase(s);
    expect(s.phase).toEqual(phase('fall', 1901, 'movement'));
    expect(s.lastPhase!.orders).toHaveLength(22);
    expect(s.lastPhase!.orders.every((o) => o.result === 'succeeds' && o.reason === 'held')).toBe(true);
    s = playPhase(s);
    expect(s.phase).toEqual(phase('spring', 1902, 'movement'));
  });

  it('plays a retreat phase, changes centres at the end of the fall turn, then winter builds', () => {
    let s = stateFromPosition({
      phase: phase('fall', 1901, 'movement'),
      units: [u('austria', 'A', 'vie'), u('austria', 'A', 'bud'), u('russia', 'A', 'gal'), u('russia', 'A', 'war')],
      dislodged: [],
      centres: [...owned('austria', 'vie', 'bud', 'tri'), ...owned('russia', 'war', 'mos')],
    });
    s = playPhase(s, { austria: ['A VIE - GAL', 'A BUD S A VIE - GAL'] });
    expect(s.phase).toEqual(phase('fall', 1901, 'retreat'));
    expect(s.dislodged).toEqual([{ power: 'russia', type: 'A', province: 'gal', retreats: ['boh', 'rum', 'sil', 'ukr'] }]);
    expect(diplomacy.actingSeats(s)).toEqual([seat('russia')]);
    expect(diplomacy.legalActions(s, seat('russia'))).toEqual([
      'A GAL D',
      'A GAL R BOH',
      'A GAL R RUM',
      'A GAL R SIL',
      'A GAL R UKR',
    ]);
    expect(diplomacy.legalActions(s, seat('austria'))).toEqual([]);
    s = playPhase(s, { russia: ['A GAL R RUM'] });
    // Russia took Rumania in the fall: 3 centres, 2 units, and a vacant home centre (Moscow) to build in.
    expect(s.centres.filter((c) => c.power === 'russia').map((c) => c.province)).toEqual(['mos', 'rum', 'war']);
    expect(s.phase).toEqual(phase('winter', 1901, 'adjustment'));
    expect(s.adjust[seat('russia')]).toBe(1);
    expect(s.adjust[seat('austria')]).toBe(1);
    expect(diplomacy.legalActions(s, seat('russia'))).toEqual(['A MOS B', 'WAIVE']);
    expect(diplomacy.defaultAction(s, seat('austria'))).toBe('WAIVE');
    s = playPhase(s, { russia: ['A MOS B'] });
    expect(s.phase).toEqual(phase('spring', 1902, 'movement'));
    expect(s.units.map((x) => `${x.power} ${x.province}`)).toEqual([
      'austria bud',
      'austria gal',
      'russia mos',
      'russia rum',
      'russia war',
    ]);
  });

  it('disbands by the civil disorder rule when a power gives no disbands', () => {
    const s = stateFromPosition({
      phase: phase('winter', 1901, 'adjustment'),
      units: [u('russia', 'A', 'lvn'), u('russia', 'A', 'mos'), u('russia', 'A', 'stp'), u('russia', 'A', 'swe')],
      dislodged: [],
      centres: owned('russia', 'mos', 'stp', 'war'),
    });
    expect(diplomacy.defaultAction(s, seat('russia'))).toBe('A SWE D');
    const next = playPhase(s);
    expect(next.units.map((x) => x.province)).toEqual(['lvn', 'mos', 'stp']);
  });
});

describe('the end of the game', () => {
  it('ends with a solo win at 18 centres after the fall turn', () => {
    const centres = [
      ...owned(
        'france',
        'bre',
        'mar',
        'par',
        'spa',
        'por',
        'bel',
        'hol',
        'lon',
        'lvp',
        'edi',
        'kie',
        'ber',
        'mun',
        'den',
        'nwy',
        'swe',
        'tun',
      ),
      ...owned('italy', 'rom', 'nap', 'ven'),
    ];
    let s = stateFromPosition({
      phase: phase('fall', 1905, 'movement'),
      units: [u('france', 'A', 'pie'), u('france', 'A', 'tyr'), u('italy', 'A', 'ven')],
      dislodged: [],
      centres,
    });
    s = playPhase(s, { france: ['A PIE - VEN', 'A TYR S A PIE - VEN'] });
    expect(s.phase).toEqual(phase('fall', 1905, 'retreat'));
    expect(s.centres.filter((c) => c.power === 'france')).toHaveLength(17);
    s = playPhase(s, { italy: ['A VEN R APU'] });
    expect(diplomacy.isTerminal(s)).toBe(true);
    expect(s.outcome).toEqual({ kind: 'solo', winner: 'france' });
    expect(diplomacy.returns(s)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(diplomacy.actingSeats(s)).toEqual([]);
    expect(diplomacy.currentPlayer(s)).toBe('terminal');
    expect(diplomacy.validateAction(s, 2, 'A VEN H')?.code).toBe('action/game-over');
  });

  it('ends in a draw shared by the survivors when every power with units votes for it', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    for (let i = 0; i < 7; i++) s = diplomacy.applyAction(s, i, 'VOTE DRAW');
    expect(diplomacy.validateAction(s, 0, 'VOTE DRAW')?.code).toBe('order/already-voted');
    expect(diplomacy.isTerminal(s)).toBe(false);
    s = playPhase(s, { france: ['A PAR - BUR'] });
    expect(s.outcome).toEqual({ kind: 'draw', powers: [...POWERS], reason: 'vote' });
    expect(diplomacy.returns(s)).toEqual(POWERS.map(() => 1 / 7));
    expect(s.units.some((x) => x.province === 'par')).toBe(true);
    expect(s.lastPhase!.orders.find((o) => o.text === 'A PAR - BUR')).toMatchObject({ result: 'void', reason: 'draw agreed' });
    expect(s.lastPhase!.drawVotes).toEqual([...POWERS]);
  });

  it('goes on when a vote is not unanimous, and the votes become public', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    for (let i = 0; i < 6; i++) s = diplomacy.applyAction(s, i, 'VOTE DRAW');
    s = playPhase(s);
    expect(diplomacy.isTerminal(s)).toBe(false);
    expect(s.lastPhase!.drawVotes).toEqual(POWERS.slice(0, 6));
  });

  it('ends after the last year, scored by draw size among the powers still owning centres or units', () => {
    let s = stateFromPosition(
      {
        phase: phase('fall', 1903, 'movement'),
        units: [u('france', 'A', 'par'), u('germany', 'A', 'mun'), u('italy', 'A', 'ven')],
        dislodged: [],
        centres: [...owned('france', 'par'), ...owned('germany', 'mun'), ...owned('italy', 'ven')],
      },
      { lastYear: 1903 },
    );
    s = playPhase(s);
    expect(s.outcome).toEqual({ kind: 'draw', powers: ['france', 'germany', 'italy'], reason: 'last-year' });
    expect(diplomacy.returns(s)).toEqual([0, 0, 1 / 3, 1 / 3, 1 / 3, 0, 0]);
  });

  it('plays the last year’s winter before ending', () => {
    let s = diplomacy.newInitialState({ lastYear: 1901 });
    s = playPhase(s, { france: ['A PAR - BUR', 'F BRE - MAO', 'A MAR - SPA'] });
    s = playPhase(s, { france: ['F MAO - POR'] });
    expect(s.phase).toEqual(phase('winter', 1901, 'adjustment'));
    expect(diplomacy.isTerminal(s)).toBe(false);
    s = playPhase(s, { france: ['F BRE B', 'A PAR B'] });
    expect(s.outcome).toMatchObject({ kind: 'draw', reason: 'last-year' });
    expect(s.units.filter((x) => x.power === 'france')).toHaveLength(5);
  });
});

describe('views, defaults and errors', () => {
  it('keeps pending orders private to their power', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    s = diplomacy.applyAction(s, seat('france'), 'a par -> bur');
    s = diplomacy.applyAction(s, seat('france'), 'VOTE DRAW');
    expect(diplomacy.privateValues(s, seat('france'))).toEqual(['france: A PAR - BUR', 'france: VOTE DRAW']);
    const mine = diplomacy.observation(s, seat('france')) as { pendingOrders: string[]; ordersToGive: number };
    expect(mine.pendingOrders).toEqual(['france: A PAR - BUR', 'france: VOTE DRAW']);
    expect(mine.ordersToGive).toBe(2);
    for (const other of [0, 1, 3, 4, 5, 6]) expect(JSON.stringify(diplomacy.observation(s, other))).not.toContain('PAR - BUR');
    expect(JSON.stringify(diplomacy.spectatorView(s))).not.toContain('PAR - BUR');
    expect(diplomacy.infoStateKey(s, seat('france'))).not.toBe(
      diplomacy.infoStateKey(diplomacy.newInitialState({ lastYear: null }), seat('france')),
    );
    expect(diplomacy.infoStateKey(s, seat('germany'))).toBe(
      diplomacy.infoStateKey(diplomacy.newInitialState({ lastYear: null }), seat('germany')),
    );
  });

  it('defaults to holding the first unit without an order, and to disbanding in a retreat', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    expect(diplomacy.defaultAction(s, seat('france'))).toBe('F BRE H');
    s = diplomacy.applyAction(s, seat('france'), 'F BRE - MAO');
    expect(diplomacy.defaultAction(s, seat('france'))).toBe('A MAR H');
  });

  it('rejects orders with typed errors', () => {
    let s = diplomacy.newInitialState({ lastYear: null });
    s = diplomacy.applyAction(s, seat('france'), 'A PAR - BUR');
    expect(diplomacy.validateAction(s, seat('france'), 'A PAR H')?.code).toBe('order/already-ordered');
    expect(diplomacy.validateAction(s, seat('france'), 'A MUN H')?.code).toBe('order/not-your-unit');
    expect(diplomacy.validateAction(s, seat('france'), 'A PAR - XYZ')?.code).toBe('order/unknown-province');
    expect(diplomacy.validateAction(s, 'chance', 'A PAR H')?.code).toBe('action/not-a-seat');
    for (const o of ['F BRE H', 'A MAR H']) s = diplomacy.applyAction(s, seat('france'), o);
    expect(diplomacy.validateAction(s, seat('france'), 'VOTE DRAW')?.code).toBe('action/not-acting');

    let w = stateFromPosition({
      phase: phase('winter', 1901, 'adjustment'),
      units: [],
      dislodged: [],
      centres: owned('france', 'bre', 'par', 'mar'),
    });
    w = diplomacy.applyAction(w, seat('france'), 'A PAR B');
    expect(diplomacy.validateAction(w, seat('france'), 'A PAR B')?.code).toBe('order/already-built');
    expect(diplomacy.validateAction(w, seat('france'), 'WAIVE')).toBeNull();
  });
});
