/**
 * Converts the shared DATC data (../shared/datc/datc.json, when present) into the engine's own
 * fixture, games/src/diplomacy/__fixtures__/datc-cases.json, so the tests run without ../shared.
 *
 * Only facts are kept: the position, the orders, the expected position, and per-order results
 * where the cross-check data gives them (the Python package's result code per unit, read as
 * succeeds / fails / void). Per-order results are taken only where that package played the same
 * position and the same order for the unit, and not in 6.B.9, where it takes another DATC option.
 * Two of its codes describe something else than the order's result, and are left out:
 *   - for an order naming another power's unit (6.A.6) it reports that unit's default hold;
 *   - it calls `void` a support that may not count against a unit of the supporter's own power
 *     (6.D.10–6.D.14, 6.E.2–6.E.10); this engine reports such a support as given, because it
 *     still counts for defend and prevent strength (DATC 6.E.6), and the DATC positions check
 *     that it does not dislodge.
 *
 *   npx tsx scripts/convert-datc.ts [path/to/datc.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? join(here, '../../../shared/datc/datc.json');
const target = join(here, '../src/diplomacy/__fixtures__/datc-cases.json');

type Json = any;

const norm = (text: string) =>
  text
    .toUpperCase()
    .replace(/\s+VIA$/, '')
    .replace(/\s+/g, ' ')
    .trim();
const unitKey = (text: string) => norm(text).split(' ').slice(0, 2).join(' ');
const OPTION_DEVIATIONS = new Set(['6.B.9']);

/** succeeds / fails / void from the cross-check's codes for one unit (codes like ok, bounce, cut, void). */
function outcome(codes: string[]): string | null {
  const relevant = codes.filter((c) => c !== 'disband');
  if (relevant.length === 0) return null;
  if (relevant.includes('void')) return 'void';
  if (relevant.includes('ok')) return 'succeeds';
  return 'fails';
}

function orderResults(c: Json): Json[] {
  const py = c.diplomacyPy;
  if (!py || py.sameInitialUnits === false || OPTION_DEVIATIONS.has(c.id)) return [];
  const step = c.phase.type === 'retreat' ? py.steps.find((s: Json) => s.condition?.includes("'R'")) : py.steps[0];
  if (!step?.results) return [];
  const pyOrders = new Map<string, string[]>();
  for (const list of Object.values(step.orders ?? {}) as string[][]) {
    for (const o of list) pyOrders.set(unitKey(o), [...(pyOrders.get(unitKey(o)) ?? []), norm(o)]);
  }
  const codes = new Map<string, string[][]>();
  for (const r of step.results) {
    const list = Array.isArray(r.expect) ? r.expect : [r.expect];
    codes.set(r.unit, [...(codes.get(r.unit) ?? []), list]);
  }
  const out: Json[] = [];
  const ownerAt = new Map<string, string>(c.units.map((u: Json) => [u.province.slice(0, 3).toUpperCase(), u.power]));
  for (const d of c.dislodged ?? []) ownerAt.set(d.province.slice(0, 3).toUpperCase(), d.power);
  c.orders.forEach((o: Json, index: number) => {
    const key = unitKey(o.text);
    const words = norm(o.text).split(' ');
    if (words[2] !== 'B' && ownerAt.get((words[1] ?? '').slice(0, 3)) !== o.power) return;
    const supportInto = words[2] === 'S' && words[5] === '-' ? (words[6] ?? '').slice(0, 3) : null;
    const same = pyOrders.get(key);
    const mine = c.orders.filter((x: Json) => unitKey(x.text) === key);
    // Only one order for the unit on both sides, and the same order.
    if (same?.length !== 1 || mine.length !== 1 || same[0] !== norm(o.text)) return;
    const unitCodes = codes.get(key);
    if (!unitCodes) return;
    const result = outcome(unitCodes.flat());
    if (result === 'void' && supportInto && ownerAt.get(supportInto) === o.power) return;
    if (result) out.push({ index, result });
  });
  return out;
}

const units = (list: Json[] | undefined) => (list ?? []).map((u) => ({ power: u.power, type: u.type, province: u.province }));

function convert(c: Json): Json {
  const out: Json = { id: c.id, title: c.title, phase: c.phase, units: units(c.units) };
  if (c.dislodged) {
    out.dislodged = c.dislodged.map((d: Json) => ({
      power: d.power,
      type: d.type,
      province: d.province,
      ...(d.attackerFrom ? { attackerFrom: d.attackerFrom } : {}),
      ...(d.attackerViaConvoy ? { attackerViaConvoy: true } : {}),
    }));
  }
  if (c.bouncedDestinations) out.bouncedDestinations = c.bouncedDestinations;
  if (c.supplyCenters) out.supplyCenters = c.supplyCenters.map((s: Json) => ({ power: s.power, province: s.province }));
  out.orders = c.orders.map((o: Json) => ({ power: o.power, text: o.text }));
  const e = c.expected;
  const expected: Json = { exact: e.exact };
  if (e.exact) {
    expected.units = units(e.units);
    expected.dislodged = units(e.dislodged);
    if (e.dislodgedWithoutRetreatOmitted) expected.dislodgedWithoutRetreatOmitted = true;
  } else {
    // Cases checked only by assertions on single units: `owner` null means no such unit afterwards.
    expected.unitAssertions = e.unitAssertions;
  }
  expected.orderResults = orderResults(c);
  out.expected = expected;
  return out;
}

if (!existsSync(source)) {
  console.error(`convert-datc: ${source} not found; the committed fixture stays as it is.`);
  process.exit(1);
}
const cases = JSON.parse(readFileSync(source, 'utf8')) as Json[];
const converted = cases.map(convert);
writeFileSync(target, `${JSON.stringify(converted, null, 1)}\n`);
const withResults = converted.filter((c) => c.expected.orderResults.length > 0).length;
console.log(`wrote ${converted.length} cases (${withResults} with per-order results) to ${target}`);
