/** The order parser: tolerant forms, the canonical printer, and its error codes. */
import { describe, expect, it } from 'vitest';
import cases from './__fixtures__/datc-cases.json';
import { PROVINCE_IDS, PROVINCE_NAMES } from './map';
import { formatOrder, parseOrder } from './orders-parse';

const canon = (text: string): string => {
  const r = parseOrder(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.code} ${r.error.message}`);
  return formatOrder(r.order);
};
const errorCode = (text: string): string | undefined => {
  const r = parseOrder(text);
  return r.ok ? undefined : r.error.code;
};

describe('parseOrder', () => {
  it.each([
    ['A PAR - BUR', 'A PAR - BUR'],
    ['a par -> bur', 'A PAR - BUR'],
    ['  A   PAR-BUR  ', 'A PAR - BUR'],
    ['Army Paris moves to Burgundy', 'A PAR - BUR'],
    ['A Paris → Burgundy', 'A PAR - BUR'],
    ['F north sea - nwy', 'F NTH - NWY'],
    ['F Mid-Atlantic Ocean - Spain (north coast)', 'F MAO - SPA/NC'],
    ['f mao - spa(sc)', 'F MAO - SPA/SC'],
    ['F MAO - SPA SC', 'F MAO - SPA/SC'],
    ['F MAO - spa/south coast', 'F MAO - SPA/SC'],
    ['F gulf of lyon - tys', 'F LYO - TYS'],
    ['F GOL - WES', 'F LYO - WES'],
    ['fleet st. petersburg south coast - bot', 'F STP/SC - BOT'],
    ['A lon - bel via convoy', 'A LON - BEL VIA'],
    ['A LON - BEL VIA', 'A LON - BEL VIA'],
    ['A lon - bel by convoy', 'A LON - BEL VIA'],
    ['A PAR H', 'A PAR H'],
    ['A Paris holds', 'A PAR H'],
    ['A MAR S A PAR - BUR', 'A MAR S A PAR - BUR'],
    ['A mar supports a par -> bur', 'A MAR S A PAR - BUR'],
    ['A MAR S A PAR H', 'A MAR S A PAR'],
    ['A MAR S A PAR', 'A MAR S A PAR'],
    ['F NTH C A LON - NWY', 'F NTH C A LON - NWY'],
    ['Fleet North Sea convoys Army London to Norway', 'F NTH C A LON - NWY'],
    ['F TRI R ALB', 'F TRI R ALB'],
    ['F tri retreats to alb', 'F TRI R ALB'],
    ['retreat F TRI - ALB', 'F TRI R ALB'],
    ['A PIC D', 'A PIC D'],
    ['A pic disband', 'A PIC D'],
    ['remove gol', 'LYO D'],
    ['D F LYO', 'F LYO D'],
    ['A KIE B', 'A KIE B'],
    ['build A kie', 'A KIE B'],
    ['B F STP/NC', 'F STP/NC B'],
    ['build fleet St Petersburg north coast', 'F STP/NC B'],
    ['waive', 'WAIVE'],
    ['WAIVE', 'WAIVE'],
    ['vote draw', 'VOTE DRAW'],
    ['A RUH R BEL', 'A RUH R BEL'],
    ['PAR - BUR', 'PAR - BUR'],
  ])('%s → %s', (text, expected) => {
    expect(canon(text)).toBe(expected);
  });

  it('reads every province by id and by full name', () => {
    PROVINCE_IDS.forEach((id, p) => {
      expect(canon(`A ${id} H`)).toBe(`A ${id.toUpperCase()} H`);
      expect(canon(`A ${PROVINCE_NAMES[p]} H`)).toBe(`A ${id.toUpperCase()} H`);
    });
  });

  it.each([
    ['', 'order/empty'],
    ['   ', 'order/empty'],
    ['A XYZ - BUR', 'order/unknown-province'],
    ['A PAR - Atlantis', 'order/unknown-province'],
    ['F SPA/EC - MAO', 'order/no-such-coast'],
    ['F PAR/NC H', 'order/no-such-coast'],
    ['A PAR', 'order/syntax'],
    ['A PAR X BUR', 'order/syntax'],
    ['A PAR - BUR H', 'order/syntax'],
    ['F NTH C A LON', 'order/syntax'],
    ['A PAR -', 'order/syntax'],
  ])('rejects %j with %s', (text, code) => {
    const r = parseOrder(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });

  it('never throws on junk', () => {
    for (const junk of ['\u0000not an action', '---', '((()))', 'S S S', 'A A A', 'F /nc', '→→', 'vote', 'build', 'A 123 H']) {
      expect(() => parseOrder(junk)).not.toThrow();
      expect(errorCode(junk)).toMatch(/^order\//);
    }
  });
});

describe('the DATC order texts', () => {
  const texts = [...new Set((cases as { orders: { text: string }[] }[]).flatMap((c) => c.orders.map((o) => o.text)))];
  const names = new Map(PROVINCE_IDS.map((id, p) => [id.toUpperCase(), PROVINCE_NAMES[p] as string]));

  /** The same order written loosely: lower case, arrows, full names, words for keywords, coasts in brackets. */
  function loosen(text: string): string {
    return text
      .replace(/\b([A-Z]{3})\/([NSE]C)\b/g, (_, p: string, c: string) => `${names.get(p)} (${c.toLowerCase()})`)
      .replace(/\b([A-Z]{3})\b/g, (m) => names.get(m) ?? m)
      .replace(/ - /g, ' -> ')
      .replace(/ S /g, ' supports ')
      .replace(/ C /g, ' convoys ')
      .replace(/ H$/, ' holds')
      .replace(/ VIA$/, ' via convoy')
      .replace(/^A /, 'army ')
      .replace(/^F /, 'fleet ')
      .toLowerCase();
  }

  it(`parses all ${texts.length} texts and prints them back unchanged`, () => {
    for (const text of texts) expect(canon(text), text).toBe(text);
  });

  it('parses each text written loosely to the same order', () => {
    for (const text of texts) {
      const loose = loosen(text);
      expect(canon(loose), `${text} written as ${loose}`).toBe(text);
      expect(canon(text.toLowerCase()), text).toBe(text);
    }
  });
});
