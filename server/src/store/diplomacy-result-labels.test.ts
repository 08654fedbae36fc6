/**
 * The Python package's result labels on hand-built phases whose outcome the rules fix: standoffs,
 * cut supports, dislodgements, void supports, convoys carried, broken and misdirected, supports
 * that could only dislodge their own side, retreats that bounce or disband, builds, disbands and
 * waives, and the unit dislodged with nowhere to go that the package labels one phase later.
 */
import { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { type LabelledPhase, packageResults } from './diplomacy-result-labels';

type Power = Diplomacy.Power;
type Units = Partial<Record<Power, string[]>>;

const unitsOf = (units: Units): Diplomacy.Unit[] =>
  Object.entries(units).flatMap(([power, list]) =>
    list!.map((spec) => {
      const [type, loc] = spec.split(' ');
      return { power: power as Power, type: type as 'A' | 'F', province: loc!.toLowerCase() };
    }),
  );

const turnOf = (units: Units, season: 'spring' | 'fall' = 'spring', centres: Diplomacy.CentreOwner[] = []): Diplomacy.Turn => ({
  phase: { season, year: 1901, type: 'movement' },
  units: unitsOf(units),
  dislodged: [],
  centres,
});

/** Plays one phase through the engine and keeps what the labels are computed from. */
function play(position: Diplomacy.Turn, orders: Partial<Record<Power, string[]>>) {
  const submitted = Object.entries(orders).flatMap(([power, list]) => list!.map((text) => ({ power, text })));
  const report = Diplomacy.processPhase(position, submitted);
  // Every order is legal: the only void ones are supports and convoys that match nothing.
  for (const r of report.results) if (r.result === 'void') expect(r.reason, r.text).toMatch(/^unmatched/);
  const phase: LabelledPhase = { position, orders: submitted, results: [...report.results, ...report.automatic] };
  return { phase, next: report.next };
}

const labels = (units: Units, orders: Partial<Record<Power, string[]>>) => packageResults([play(turnOf(units), orders).phase], 0);

describe('movement labels', () => {
  it('a standoff bounces both moves; a unit that holds has an empty list', () => {
    expect(
      labels(
        { france: ['A PAR'], germany: ['A MUN'], england: ['F LON'] },
        { france: ['A PAR - BUR'], germany: ['A MUN - BUR'] },
      ),
    ).toEqual({
      'A PAR': ['bounce'],
      'A MUN': ['bounce'],
      'F LON': [],
    });
  });

  it('an attacked support is cut, and the move it was for bounces', () => {
    const got = labels(
      { germany: ['A MUN', 'A RUH'], france: ['A BUR', 'A BEL'] },
      { germany: ['A MUN - BUR', 'A RUH S A MUN - BUR'], france: ['A BUR H', 'A BEL - RUH'] },
    );
    expect(got).toEqual({ 'A MUN': ['bounce'], 'A RUH': ['cut'], 'A BUR': [], 'A BEL': ['bounce'] });
  });

  it('a dislodged support is cut and dislodged; a dislodged holder is dislodged', () => {
    const got = labels(
      { germany: ['A MUN', 'A RUH', 'A HOL', 'F NTH'], france: ['A BUR', 'A MAR', 'A BEL'] },
      {
        germany: ['A MUN - BUR', 'A RUH S A MUN - BUR', 'A HOL - BEL', 'F NTH S A HOL - BEL'],
        france: ['A BUR S A MAR', 'A MAR H', 'A BEL H'],
      },
    );
    expect(got).toMatchObject({ 'A BUR': ['cut', 'dislodged'], 'A BEL': ['dislodged'], 'A MAR': [], 'A MUN': [], 'A RUH': [] });
  });

  it('a move that loses a head-to-head battle bounces and is dislodged', () => {
    const got = labels(
      { france: ['A BUR'], germany: ['A MUN', 'A RUH'] },
      { france: ['A BUR - MUN'], germany: ['A MUN - BUR', 'A RUH S A MUN - BUR'] },
    );
    expect(got).toEqual({ 'A BUR': ['bounce', 'dislodged'], 'A MUN': [], 'A RUH': [] });
  });

  it('a support for a move not ordered, or for a hold of a unit that moves, is void', () => {
    const got = labels(
      { france: ['A PAR', 'A MAR', 'A PIC', 'A BRE'] },
      { france: ['A PAR H', 'A MAR S A PAR - BUR', 'A PIC - BEL', 'A BRE S A PIC'] },
    );
    expect(got).toEqual({ 'A PAR': [], 'A MAR': ['void'], 'A PIC': [], 'A BRE': ['void'] });
  });

  it('a support that could only dislodge a unit of its own power is void', () => {
    expect(
      labels({ france: ['A PAR', 'A MAR', 'A BUR'] }, { france: ['A PAR - BUR', 'A MAR S A PAR - BUR', 'A BUR H'] }),
    ).toEqual({ 'A PAR': ['bounce'], 'A MAR': ['void'], 'A BUR': [] });
    expect(
      labels(
        { germany: ['A MUN'], france: ['A MAR', 'A BUR'] },
        { germany: ['A MUN - BUR'], france: ['A MAR S A MUN - BUR', 'A BUR H'] },
      ),
    ).toEqual({ 'A MUN': ['bounce'], 'A MAR': ['void'], 'A BUR': [] });
  });
});

describe('convoy labels', () => {
  it('a convoy that carries its army leaves both without a label', () => {
    expect(labels({ england: ['A LON', 'F NTH'] }, { england: ['A LON - NWY', 'F NTH C A LON - NWY'] })).toEqual({
      'A LON': [],
      'F NTH': [],
    });
  });

  it('a convoy broken by its fleet’s dislodgement: no convoy for the army and its support, dislodged for the fleet', () => {
    const got = labels(
      { england: ['A LON', 'F NTH', 'F NWG'], germany: ['F HEL', 'F DEN'] },
      {
        england: ['A LON - NWY', 'F NTH C A LON - NWY', 'F NWG S A LON - NWY'],
        germany: ['F HEL - NTH', 'F DEN S F HEL - NTH'],
      },
    );
    expect(got).toEqual({ 'A LON': ['no convoy'], 'F NTH': ['dislodged'], 'F NWG': ['no convoy'], 'F HEL': [], 'F DEN': [] });
  });

  it('an army with no convoy ordered has no convoy, and a support of its move is void', () => {
    const got = labels({ england: ['A LON', 'F NTH', 'F NWG'] }, { england: ['A LON - NWY', 'F NTH H', 'F NWG S A LON - NWY'] });
    expect(got).toEqual({ 'A LON': ['no convoy'], 'F NTH': [], 'F NWG': ['void'] });
  });

  it('a foreign fleet convoying an army that walks: no convoy, then void', () => {
    const got = labels(
      { england: ['A YOR'], germany: ['F NTH'] },
      { england: ['A YOR - LON'], germany: ['F NTH C A YOR - LON'] },
    );
    expect(got).toEqual({ 'A YOR': [], 'F NTH': ['no convoy', 'void'] });
  });

  it('a convoy for an army that stays home is void', () => {
    const got = labels({ england: ['A LON', 'F NTH'] }, { england: ['A LON H', 'F NTH C A LON - NWY'] });
    expect(got).toEqual({ 'A LON': [], 'F NTH': ['void'] });
  });
});

/** France's Burgundy, boxed in and dislodged from Munich: it has nowhere to retreat. */
const boxedIn: Units = { france: ['A BUR', 'A PAR', 'A PIC', 'A MAR', 'A GAS', 'A BEL'], germany: ['A MUN', 'A RUH'] };
const takeBurgundy = { germany: ['A MUN - BUR', 'A RUH S A MUN - BUR'] };

describe('retreat labels', () => {
  it('bounced retreats bounce and disband; ordered and unordered disbands disband; a retreat that arrives has none', () => {
    const retreat: Diplomacy.Turn = {
      phase: { season: 'spring', year: 1901, type: 'retreat' },
      units: unitsOf({ austria: ['A VIE'] }),
      dislodged: [
        { power: 'france', type: 'A', province: 'pic', retreats: ['bel', 'par'] },
        { power: 'germany', type: 'A', province: 'hol', retreats: ['bel', 'kie'] },
        { power: 'england', type: 'A', province: 'wal', retreats: ['lon'] },
        { power: 'italy', type: 'A', province: 'tyr', retreats: ['ven'] },
        { power: 'russia', type: 'A', province: 'ukr', retreats: ['war'] },
      ],
      centres: [],
    };
    const { phase } = play(retreat, {
      france: ['A PIC R BEL'],
      germany: ['A HOL R BEL'],
      england: ['A WAL D'],
      russia: ['A UKR R WAR'],
    });
    expect(packageResults([phase], 0)).toEqual({
      'A PIC': ['bounce', 'disband'],
      'A HOL': ['bounce', 'disband'],
      'A WAL': ['disband'],
      'A TYR': ['disband'],
      'A UKR': [],
    });
  });

  it('a unit dislodged with nowhere to go is only dislodged in its movement phase, and disbands in the retreat phase', () => {
    const spring = play(turnOf({ ...boxedIn, austria: ['A VIE', 'A BOH'], italy: ['A TYR'] }), {
      ...takeBurgundy,
      austria: ['A VIE - TYR', 'A BOH S A VIE - TYR'],
    });
    expect(spring.next.phase.type).toBe('retreat');
    const retreats = play(spring.next, { italy: ['A TYR R VEN'] });
    const phases = [spring.phase, retreats.phase];
    expect(packageResults(phases, 0)).toMatchObject({ 'A BUR': ['dislodged'], 'A TYR': ['dislodged'], 'A MUN': [] });
    expect(packageResults(phases, 1)).toEqual({ 'A TYR': [], 'A BUR': ['disband'] });
  });
});

describe('adjustment labels', () => {
  it('builds and disbands carried out are OK (empty string), waives void under WAIVE, and the fall’s lost unit disbands', () => {
    const centres = (power: Power, ...ps: string[]) => ps.map((province) => ({ power, province }));
    const fall = play(
      turnOf({ ...boxedIn, russia: ['A UKR', 'A LVN'], turkey: ['A ARM', 'A SYR'] }, 'fall', [
        ...centres('germany', 'ber', 'kie', 'mun', 'hol'),
        ...centres('france', 'par', 'mar', 'bre', 'bel', 'por'),
        ...centres('russia', 'mos'),
        ...centres('turkey', 'con'),
      ]),
      takeBurgundy,
    );
    expect(fall.next.phase.type).toBe('adjustment'); // no retreat phase: Burgundy had nowhere to go
    const winter = play(fall.next, { germany: ['A BER B', 'WAIVE'], russia: ['A LVN D'] });
    const phases = [fall.phase, winter.phase];
    expect(packageResults(phases, 0)['A BUR']).toEqual(['dislodged']);
    const w = packageResults(phases, 1);
    expect(w).toMatchObject({ 'A BER': [''], WAIVE: ['void'], 'A LVN': [''], 'A BUR': ['disband'] });
    // Turkey gave no order: civil disorder removes one of its two armies, and that is OK too.
    const turkish = ['A ARM', 'A SYR'].filter((k) => k in w);
    expect(turkish).toHaveLength(1);
    expect(w[turkish[0]!]).toEqual(['']);
    expect(Object.keys(w)).toHaveLength(5);
  });
});
