/**
 * The standard map in DAIDE's words: province tokens for Parley's location ids (three seas are
 * named differently: `eng` is ECH, `bot` GOB, `lyo` GOL), units as `( AUS FLT ( STP SCS ) )`,
 * turns as `( SPR 1901 )`, and the MDF message that describes the whole map to a client.
 */
import { Diplomacy } from '@parley/games';
import type { Item } from './codec';
import { integerToken, integerValue, isInteger, tk, tokenName } from './tokens';

const RENAMED: Record<string, string> = { eng: 'ECH', bot: 'GOB', lyo: 'GOL' };
const COASTS: Record<string, string> = { nc: 'NCS', sc: 'SCS', ec: 'ECS', wc: 'WCS' };
const POWER_TOKENS = ['AUS', 'ENG', 'FRA', 'GER', 'ITA', 'RUS', 'TUR'];

const provinceTokens = new Map<string, number>();
const provinceIds = new Map<number, string>();
for (const p of Diplomacy.STANDARD_MAP.provinces) {
  const token = tk(RENAMED[p.id] ?? p.id.toUpperCase());
  provinceTokens.set(p.id, token);
  provinceIds.set(token, p.id);
}

export const POWERS = Diplomacy.STANDARD_MAP.powers;

export function powerToken(power: string): number {
  return tk(POWER_TOKENS[POWERS.indexOf(power as Diplomacy.Power)]!);
}
/** The power a token names, or null. */
export function powerOf(item: Item | undefined): Diplomacy.Power | null {
  if (typeof item !== 'number') return null;
  const i = POWER_TOKENS.indexOf(tokenName(item) ?? '');
  return i >= 0 ? POWERS[i]! : null;
}

export function provinceToken(id: string): number {
  const t = provinceTokens.get(id.slice(0, 3));
  if (t === undefined) throw new Error(`no DAIDE province for '${id}'`);
  return t;
}

/** A location as DAIDE writes it: `STP`, or `( STP SCS )` for a coast. */
export function locationItem(loc: string): Item {
  const coast = loc.slice(4);
  return coast ? [provinceToken(loc), tk(COASTS[coast]!)] : provinceToken(loc);
}

/** A DAIDE location (`STP` or `( STP SCS )`) → Parley id (`stp`, `stp/sc`), or null. */
export function locationId(item: Item | undefined): string | null {
  if (typeof item === 'number') return provinceIds.get(item) ?? null;
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'number' || typeof item[1] !== 'number') return null;
  const province = provinceIds.get(item[0]);
  const coast = Object.entries(COASTS).find(([, name]) => tk(name) === item[1])?.[0];
  return province && coast ? `${province}/${coast}` : null;
}

export function unitItem(u: Pick<Diplomacy.Unit, 'power' | 'type' | 'province'>): Item[] {
  return [powerToken(u.power), tk(u.type === 'A' ? 'AMY' : 'FLT'), locationItem(u.province)];
}

const SEASONS: Record<string, string> = {
  'spring movement': 'SPR',
  'spring retreat': 'SUM',
  'fall movement': 'FAL',
  'fall retreat': 'AUT',
  'winter adjustment': 'WIN',
};

export function turnItem(phase: Diplomacy.Phase): Item[] {
  return [tk(SEASONS[`${phase.season} ${phase.type}`] ?? 'WIN'), integerToken(phase.year)];
}

/** `( SPR 1901 )` → the phase, or null. */
export function phaseOf(item: Item | undefined): Diplomacy.Phase | null {
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'number' || typeof item[1] !== 'number') return null;
  if (!isInteger(item[1])) return null;
  const entry = Object.entries(SEASONS).find(([, name]) => tk(name) === item[0]);
  if (!entry) return null;
  const [season, type] = entry[0].split(' ') as [Diplomacy.Season, Diplomacy.PhaseType];
  return { season, type, year: integerValue(item[1]) };
}

/** MDF: the powers, the centres (home centres by power, then the rest) and every adjacency. */
export function mapDefinition(): Item[] {
  const map = Diplomacy.STANDARD_MAP;
  const centres: Item[] = POWERS.map((power) => [
    powerToken(power),
    ...map.provinces.filter((p) => p.supplyCentre && p.home === power).map((p) => provinceToken(p.id)),
  ]);
  centres.push([tk('UNO'), ...map.provinces.filter((p) => p.supplyCentre && !p.home).map((p) => provinceToken(p.id))]);
  const nonCentres = map.provinces.filter((p) => !p.supplyCentre).map((p) => provinceToken(p.id));
  const adjacencies: Item[] = map.provinces.map((p) => {
    const lists: Item[] = [];
    if (p.kind !== 'sea') lists.push([tk('AMY'), ...(map.armyAdjacency[p.id] ?? []).map(provinceToken)]);
    const fleetLocs = p.coasts.length > 0 ? p.coasts : p.kind === 'inland' ? [] : [p.id];
    for (const loc of fleetLocs) {
      const head = loc.includes('/') ? [tk('FLT'), tk(COASTS[loc.slice(4)]!)] : tk('FLT');
      lists.push([head, ...(map.fleetAdjacency[loc] ?? []).map(locationItem)]);
    }
    return [provinceToken(p.id), ...lists];
  });
  return [tk('MDF'), POWERS.map(powerToken), [centres, nonCentres], adjacencies];
}
