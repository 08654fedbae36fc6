/**
 * The DATC (Diplomacy Adjudicator Test Cases, v2.4, section 6, plus a few extras), one test per
 * case, from the fixture that scripts/convert-datc.ts writes. Each test checks the exact units
 * and dislodged units after the phase, the per-order results where the data gives them, and that
 * centre ownership does not change (no case is a fall phase). Dislodged units with no legal
 * retreat are disbanded at once by this engine, which is what the expectations of 6.D.8, 6.D.18,
 * 6.D.34, 6.F.21, 6.G.10, 6.G.10.mod and 6.G.14 (`dislodgedWithoutRetreatOmitted`) assume.
 *
 * 6.F.15 is kept as the data has it, with a fleet in North Africa where the DATC has an army: the
 * fleet's move to Wales is illegal, the Italian convoys have no army to carry, and the case
 * reduces to the simple paradox of 6.F.14. A test below plays the DATC's own version too.
 */
import { describe, expect, it } from 'vitest';
import cases from './__fixtures__/datc-cases.json';
import { adjudicateCase, type CaseInput } from './case';
import type { OrderOutcome, Unit } from './types';

interface Fixture extends CaseInput {
  id: string;
  title: string;
  expected: {
    exact: boolean;
    units?: Unit[];
    dislodged?: Unit[];
    dislodgedWithoutRetreatOmitted?: boolean;
    unitAssertions?: { unit: string; owner: string | null }[];
    orderResults: { index: number; result: OrderOutcome }[];
  };
}

const fixtures = cases as unknown as Fixture[];
const key = (u: { power: string; type: string; province: string }) => `${u.power} ${u.type} ${u.province}`;
const keys = (list: readonly { power: string; type: string; province: string }[]) => list.map(key).sort();

describe('DATC', () => {
  it('has all 169 cases', () => {
    expect(fixtures).toHaveLength(169);
  });

  it.each(fixtures.map((c) => [`${c.id} ${c.title}`, c] as const))('%s', (_name, c) => {
    const out = adjudicateCase(c);
    expect(out.orders).toHaveLength(c.orders.length);
    if (c.expected.exact) {
      expect(keys(out.units)).toEqual(keys(c.expected.units!));
      expect(keys(out.dislodged)).toEqual(keys(c.expected.dislodged!));
    } else {
      for (const a of c.expected.unitAssertions!) {
        const [type, loc] = a.unit.split(' ');
        const found = out.units.find((u) => u.type === type && u.province === loc!.toLowerCase());
        expect(found?.power ?? null, a.unit).toBe(a.owner);
      }
    }
    for (const d of out.dislodged) expect(d.retreats.length, `${key(d)} kept with no retreat`).toBeGreaterThan(0);
    const got = c.expected.orderResults.map(
      (r) => `${c.orders[r.index]!.power} ${c.orders[r.index]!.text}: ${out.orders[r.index]!.result}`,
    );
    const want = c.expected.orderResults.map((r) => `${c.orders[r.index]!.power} ${c.orders[r.index]!.text}: ${r.result}`);
    expect(got).toEqual(want);
    expect(keys(out.supplyCenters.map((s) => ({ ...s, type: '' })))).toEqual(
      keys((c.supplyCenters ?? []).map((s) => ({ ...s, type: '' }))),
    );
  });

  it('6.F.7: the dislodged convoying fleet may retreat to Holland, which the failed convoy did not make contested', () => {
    const out = adjudicateCase(fixtures.find((x) => x.id === '6.F.7')!);
    expect(out.dislodged.map((d) => d.province)).toEqual(['nth']);
    expect(out.dislodged[0]!.retreats).toContain('hol');
  });

  it('6.F.15 as the DATC states it (an army in North Africa) lets both the fleet in Wales and the army in North Africa move', () => {
    const c = fixtures.find((x) => x.id === '6.F.15')!;
    const units = c.units.map((u) => (u.province === 'naf' ? { ...u, type: 'A' as const } : u));
    const orders = c.orders.map((o) => (o.text === 'F NAF - WAL' ? { ...o, text: 'A NAF - WAL' } : o));
    const out = adjudicateCase({ ...c, units, orders });
    expect(keys(out.units)).toEqual(
      keys([
        { power: 'france', type: 'A', province: 'bre' },
        { power: 'england', type: 'F', province: 'eng' },
        { power: 'italy', type: 'F', province: 'iri' },
        { power: 'england', type: 'F', province: 'lon' },
        { power: 'italy', type: 'F', province: 'mao' },
        { power: 'italy', type: 'A', province: 'wal' },
      ]),
    );
    expect(keys(out.dislodged)).toEqual(['france F eng']);
    expect(out.orders.find((o) => o.text === 'A BRE - LON')).toMatchObject({ result: 'fails', reason: 'convoy paradox' });
    expect(out.orders.find((o) => o.text === 'A NAF - WAL')).toMatchObject({ result: 'succeeds' });
  });
});
