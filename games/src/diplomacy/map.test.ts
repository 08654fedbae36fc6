/** The standard map's published facts: 75 provinces, 34 centres, 22 home centres, the 1901 start. */
import { describe, expect, it } from 'vitest';
import {
  armyAdj,
  fleetAdj,
  LOC_IDS,
  locationName,
  locIndex,
  locOf,
  locProvince,
  POWERS,
  PROVINCE_IDS,
  powerIndexOf,
  provinceIndex,
  provinceKind,
  provinceOf,
  STANDARD_MAP,
} from './map';

describe('the standard map', () => {
  const { provinces } = STANDARD_MAP;

  it('has 75 provinces: 14 inland, 42 coastal, 19 seas', () => {
    expect(provinces).toHaveLength(75);
    const count = (kind: string) => provinces.filter((p) => p.kind === kind).length;
    expect([count('inland'), count('coastal'), count('sea')]).toEqual([14, 42, 19]);
  });

  it('has 34 supply centres, 22 of them home centres (Russia 4, the others 3), 12 neutral', () => {
    const centres = provinces.filter((p) => p.supplyCentre);
    expect(centres).toHaveLength(34);
    const homes = Object.fromEntries(
      STANDARD_MAP.powers.map((power) => [power, centres.filter((p) => p.home === power).map((p) => p.id)]),
    );
    expect(homes).toEqual({
      austria: ['bud', 'tri', 'vie'],
      england: ['edi', 'lon', 'lvp'],
      france: ['bre', 'mar', 'par'],
      germany: ['ber', 'kie', 'mun'],
      italy: ['nap', 'rom', 'ven'],
      russia: ['mos', 'sev', 'stp', 'war'],
      turkey: ['ank', 'con', 'smy'],
    });
    expect(centres.filter((p) => !p.home).map((p) => p.id)).toEqual([
      'bel',
      'bul',
      'den',
      'gre',
      'hol',
      'nwy',
      'por',
      'rum',
      'ser',
      'spa',
      'swe',
      'tun',
    ]);
  });

  it('splits Bulgaria, Spain and St Petersburg into coasts', () => {
    expect(provinces.filter((p) => p.coasts.length).map((p) => p.coasts)).toEqual([
      ['bul/ec', 'bul/sc'],
      ['spa/nc', 'spa/sc'],
      ['stp/nc', 'stp/sc'],
    ]);
    expect(STANDARD_MAP.fleetAdjacency['stp/nc']).toEqual(['bar', 'nwy']);
    expect(STANDARD_MAP.fleetAdjacency['stp/sc']).toEqual(['bot', 'fin', 'lvn']);
    expect(STANDARD_MAP.fleetAdjacency['spa/nc']).toEqual(['gas', 'mao', 'por']);
    expect(STANDARD_MAP.fleetAdjacency['bul/ec']).toEqual(['bla', 'con', 'rum']);
    expect(STANDARD_MAP.fleetAdjacency.spa).toBeUndefined();
  });

  it('has symmetric adjacency that respects terrain', () => {
    armyAdj.forEach((list, p) => {
      for (const q of list) {
        expect(armyAdj[q]).toContain(p);
        expect(provinceKind[q]).not.toBe(2);
      }
    });
    fleetAdj.forEach((list, l) => {
      for (const k of list) {
        expect(fleetAdj[k]).toContain(l);
        expect(provinceKind[locProvince[k]!]).not.toBe(0);
      }
    });
    expect(STANDARD_MAP.armyAdjacency.par).toEqual(['bre', 'bur', 'gas', 'pic']);
    expect(STANDARD_MAP.fleetAdjacency.nth).toEqual([
      'bel',
      'den',
      'edi',
      'eng',
      'hel',
      'hol',
      'lon',
      'nwg',
      'nwy',
      'ska',
      'yor',
    ]);
    expect(STANDARD_MAP.armyAdjacency.swe).toEqual(['den', 'fin', 'nwy']);
  });

  it('names provinces and coasts for display', () => {
    expect(locationName('par')).toBe('Paris');
    expect(locationName('mao')).toBe('Mid-Atlantic Ocean');
    expect(locationName('stp/nc')).toBe('St Petersburg (north coast)');
    expect(LOC_IDS).toHaveLength(81);
    expect(PROVINCE_IDS).toContain('nwg');
  });

  it('starts with 22 units on their home centres', () => {
    expect(STANDARD_MAP.startingUnits).toHaveLength(22);
    for (const unit of STANDARD_MAP.startingUnits) {
      expect(provinces.find((p) => p.id === unit.province.slice(0, 3))?.home).toBe(unit.power);
    }
  });

  it('reads location ids by their letters exactly as the id tables do', () => {
    const junk = ['', 'pa', 'PAR', 'Par', 'par/nc', 'spa/xc', 'spa/nc ', 'spa/n', 'spa/ncx', 'spa-nc', 'zzz', 'p4r'];
    for (const id of [...LOC_IDS, ...junk]) {
      expect(locOf(id), id).toBe(locIndex(id));
      expect(provinceOf(id), id).toBe(provinceIndex(id.slice(0, 3)));
    }
  });

  it('finds a power by its name, and nothing else', () => {
    expect(POWERS.map((p) => powerIndexOf(p))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(powerIndexOf(['fr', 'ance'].join(''))).toBe(2);
    for (const other of ['', 'a', 'Austria', 'austria ', 'englandx', 'constructor', 'toString', 'é'])
      expect(powerIndexOf(other), other).toBe(-1);
    for (const other of [null, undefined, 2, {}]) expect(powerIndexOf(other)).toBe(-1);
  });
});
