/**
 * The standard Diplomacy map as plain data: provinces, supply centres, home centres, the 1901
 * start and the two adjacency graphs. Everything else (integer indices, lookups, the JSON a web
 * board draws from) is derived from this file in `map.ts`, so a fact lives in exactly one place.
 *
 * Province ids are the lowercase three-letter ids of the DATC data (`lyo`, `mao`, `nao`, `nwg`);
 * a coast is written `spa/nc`. Army edges join provinces an army may cross between (land or
 * coastal, never sea). Fleet edges join fleet locations: seas, coastal provinces and, for the
 * three split provinces, their named coasts, so `gas-spa/nc` lets a fleet in Gascony reach only
 * Spain's north coast.
 */

export const POWERS = ['austria', 'england', 'france', 'germany', 'italy', 'russia', 'turkey'] as const;
export type Power = (typeof POWERS)[number];

export type ProvinceKind = 'inland' | 'coastal' | 'sea';

/** [id, display name, kind, supply centre, home power, named coasts]. */
export type ProvinceRow = readonly [string, string, ProvinceKind, boolean, Power | null, (readonly string[])?];

export const PROVINCE_ROWS: readonly ProvinceRow[] = [
  ['adr', 'Adriatic Sea', 'sea', false, null],
  ['aeg', 'Aegean Sea', 'sea', false, null],
  ['alb', 'Albania', 'coastal', false, null],
  ['ank', 'Ankara', 'coastal', true, 'turkey'],
  ['apu', 'Apulia', 'coastal', false, null],
  ['arm', 'Armenia', 'coastal', false, null],
  ['bal', 'Baltic Sea', 'sea', false, null],
  ['bar', 'Barents Sea', 'sea', false, null],
  ['bel', 'Belgium', 'coastal', true, null],
  ['ber', 'Berlin', 'coastal', true, 'germany'],
  ['bla', 'Black Sea', 'sea', false, null],
  ['boh', 'Bohemia', 'inland', false, null],
  ['bot', 'Gulf of Bothnia', 'sea', false, null],
  ['bre', 'Brest', 'coastal', true, 'france'],
  ['bud', 'Budapest', 'inland', true, 'austria'],
  ['bul', 'Bulgaria', 'coastal', true, null, ['ec', 'sc']],
  ['bur', 'Burgundy', 'inland', false, null],
  ['cly', 'Clyde', 'coastal', false, null],
  ['con', 'Constantinople', 'coastal', true, 'turkey'],
  ['den', 'Denmark', 'coastal', true, null],
  ['eas', 'Eastern Mediterranean', 'sea', false, null],
  ['edi', 'Edinburgh', 'coastal', true, 'england'],
  ['eng', 'English Channel', 'sea', false, null],
  ['fin', 'Finland', 'coastal', false, null],
  ['gal', 'Galicia', 'inland', false, null],
  ['gas', 'Gascony', 'coastal', false, null],
  ['gre', 'Greece', 'coastal', true, null],
  ['hel', 'Helgoland Bight', 'sea', false, null],
  ['hol', 'Holland', 'coastal', true, null],
  ['ion', 'Ionian Sea', 'sea', false, null],
  ['iri', 'Irish Sea', 'sea', false, null],
  ['kie', 'Kiel', 'coastal', true, 'germany'],
  ['lon', 'London', 'coastal', true, 'england'],
  ['lvn', 'Livonia', 'coastal', false, null],
  ['lvp', 'Liverpool', 'coastal', true, 'england'],
  ['lyo', 'Gulf of Lyon', 'sea', false, null],
  ['mao', 'Mid-Atlantic Ocean', 'sea', false, null],
  ['mar', 'Marseilles', 'coastal', true, 'france'],
  ['mos', 'Moscow', 'inland', true, 'russia'],
  ['mun', 'Munich', 'inland', true, 'germany'],
  ['naf', 'North Africa', 'coastal', false, null],
  ['nao', 'North Atlantic Ocean', 'sea', false, null],
  ['nap', 'Naples', 'coastal', true, 'italy'],
  ['nth', 'North Sea', 'sea', false, null],
  ['nwg', 'Norwegian Sea', 'sea', false, null],
  ['nwy', 'Norway', 'coastal', true, null],
  ['par', 'Paris', 'inland', true, 'france'],
  ['pic', 'Picardy', 'coastal', false, null],
  ['pie', 'Piedmont', 'coastal', false, null],
  ['por', 'Portugal', 'coastal', true, null],
  ['pru', 'Prussia', 'coastal', false, null],
  ['rom', 'Rome', 'coastal', true, 'italy'],
  ['ruh', 'Ruhr', 'inland', false, null],
  ['rum', 'Rumania', 'coastal', true, null],
  ['ser', 'Serbia', 'inland', true, null],
  ['sev', 'Sevastopol', 'coastal', true, 'russia'],
  ['sil', 'Silesia', 'inland', false, null],
  ['ska', 'Skagerrak', 'sea', false, null],
  ['smy', 'Smyrna', 'coastal', true, 'turkey'],
  ['spa', 'Spain', 'coastal', true, null, ['nc', 'sc']],
  ['stp', 'St Petersburg', 'coastal', true, 'russia', ['nc', 'sc']],
  ['swe', 'Sweden', 'coastal', true, null],
  ['syr', 'Syria', 'coastal', false, null],
  ['tri', 'Trieste', 'coastal', true, 'austria'],
  ['tun', 'Tunis', 'coastal', true, null],
  ['tus', 'Tuscany', 'coastal', false, null],
  ['tyr', 'Tyrolia', 'inland', false, null],
  ['tys', 'Tyrrhenian Sea', 'sea', false, null],
  ['ukr', 'Ukraine', 'inland', false, null],
  ['ven', 'Venice', 'coastal', true, 'italy'],
  ['vie', 'Vienna', 'inland', true, 'austria'],
  ['wal', 'Wales', 'coastal', false, null],
  ['war', 'Warsaw', 'inland', true, 'russia'],
  ['wes', 'Western Mediterranean', 'sea', false, null],
  ['yor', 'Yorkshire', 'coastal', false, null],
];

/** Borders an army may cross (both ends inland or coastal). */
export const ARMY_EDGES = `
  alb-gre alb-ser alb-tri ank-arm ank-con ank-smy apu-nap apu-rom apu-ven arm-sev arm-smy arm-syr bel-bur bel-hol
  bel-pic bel-ruh ber-kie ber-mun ber-pru ber-sil boh-gal boh-mun boh-sil boh-tyr boh-vie bre-gas bre-par bre-pic
  bud-gal bud-rum bud-ser bud-tri bud-vie bul-con bul-gre bul-rum bul-ser bur-gas bur-mar bur-mun bur-par bur-pic
  bur-ruh cly-edi cly-lvp con-smy den-kie den-swe edi-lvp edi-yor fin-nwy fin-stp fin-swe gal-rum gal-sil gal-ukr
  gal-vie gal-war gas-mar gas-par gas-spa gre-ser hol-kie hol-ruh kie-mun kie-ruh lon-wal lon-yor lvn-mos lvn-pru
  lvn-stp lvn-war lvp-wal lvp-yor mar-pie mar-spa mos-sev mos-stp mos-ukr mos-war mun-ruh mun-sil mun-tyr naf-tun
  nap-rom nwy-stp nwy-swe par-pic pie-tus pie-tyr pie-ven por-spa pru-sil pru-war rom-tus rom-ven rum-ser rum-sev
  rum-ukr ser-tri sev-ukr sil-war smy-syr tri-tyr tri-ven tri-vie tus-ven tyr-ven tyr-vie ukr-war wal-yor`;

/** Borders a fleet may cross, between seas, coastal provinces and named coasts. */
export const FLEET_EDGES = `
  adr-alb adr-apu adr-ion adr-tri adr-ven aeg-bul/sc aeg-con aeg-eas aeg-gre aeg-ion aeg-smy alb-gre alb-ion
  alb-tri ank-arm ank-bla ank-con apu-ion apu-nap apu-ven arm-bla arm-sev bal-ber bal-bot bal-den bal-kie bal-lvn
  bal-pru bal-swe bar-nwg bar-nwy bar-stp/nc bel-eng bel-hol bel-nth bel-pic ber-kie ber-pru bla-bul/ec bla-con
  bla-rum bla-sev bot-fin bot-lvn bot-stp/sc bot-swe bre-eng bre-gas bre-mao bre-pic bul/ec-con bul/ec-rum
  bul/sc-con bul/sc-gre cly-edi cly-lvp cly-nao cly-nwg con-smy den-hel den-kie den-nth den-ska den-swe eas-ion
  eas-smy eas-syr edi-nth edi-nwg edi-yor eng-iri eng-lon eng-mao eng-nth eng-pic eng-wal fin-stp/sc fin-swe
  gas-mao gas-spa/nc gre-ion hel-hol hel-kie hel-nth hol-kie hol-nth ion-nap ion-tun ion-tys iri-lvp iri-mao
  iri-nao iri-wal lon-nth lon-wal lon-yor lvn-pru lvn-stp/sc lvp-nao lvp-wal lyo-mar lyo-pie lyo-spa/sc lyo-tus
  lyo-tys lyo-wes mao-naf mao-nao mao-por mao-spa/nc mao-spa/sc mao-wes mar-pie mar-spa/sc naf-tun naf-wes nao-nwg
  nap-rom nap-tys nth-nwg nth-nwy nth-ska nth-yor nwg-nwy nwy-ska nwy-stp/nc nwy-swe pie-tus por-spa/nc por-spa/sc
  rom-tus rom-tys rum-sev ska-swe smy-syr spa/sc-wes tri-ven tun-tys tun-wes tus-tys tys-wes`;

/** The spring 1901 position: [power, unit type, location]. */
export const STARTING_UNITS: readonly (readonly [Power, 'A' | 'F', string])[] = [
  ['austria', 'A', 'bud'],
  ['austria', 'A', 'vie'],
  ['austria', 'F', 'tri'],
  ['england', 'F', 'edi'],
  ['england', 'F', 'lon'],
  ['england', 'A', 'lvp'],
  ['france', 'F', 'bre'],
  ['france', 'A', 'mar'],
  ['france', 'A', 'par'],
  ['germany', 'F', 'kie'],
  ['germany', 'A', 'ber'],
  ['germany', 'A', 'mun'],
  ['italy', 'F', 'nap'],
  ['italy', 'A', 'rom'],
  ['italy', 'A', 'ven'],
  ['russia', 'A', 'mos'],
  ['russia', 'A', 'war'],
  ['russia', 'F', 'sev'],
  ['russia', 'F', 'stp/sc'],
  ['turkey', 'F', 'ank'],
  ['turkey', 'A', 'con'],
  ['turkey', 'A', 'smy'],
];

/** Extra spellings the order parser accepts, beside ids and display names (normalised: lowercase letters only). */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  gol: 'lyo',
  gulfoflyons: 'lyo',
  lyons: 'lyo',
  lyon: 'lyo',
  mid: 'mao',
  midatlantic: 'mao',
  nat: 'nao',
  northatlantic: 'nao',
  nrg: 'nwg',
  norwegian: 'nwg',
  stpete: 'stp',
  saintpetersburg: 'stp',
  stpetersburgh: 'stp',
  heligoland: 'hel',
  heligolandbight: 'hel',
  helgoland: 'hel',
  bothnia: 'bot',
  gob: 'bot',
  english: 'eng',
  channel: 'eng',
  irish: 'iri',
  ionian: 'ion',
  aegean: 'aeg',
  adriatic: 'adr',
  baltic: 'bal',
  barents: 'bar',
  black: 'bla',
  tyrrhenian: 'tys',
  tyrrhenean: 'tys',
  tyrol: 'tyr',
  easternmed: 'eas',
  eastmed: 'eas',
  emed: 'eas',
  westernmed: 'wes',
  westmed: 'wes',
  wmed: 'wes',
  marseille: 'mar',
  romania: 'rum',
  nafrica: 'naf',
};
