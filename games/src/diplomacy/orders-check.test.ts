/** Checking orders against the board: completion to canonical form, and every error code. */
import { describe, expect, it } from 'vitest';
import { checkOrderText } from './orders-check';
import { phaseContext, type Turn } from './turn';
import type { CentreOwner, Phase, Power, Unit } from './types';

const u = (power: Power, type: 'A' | 'F', province: string): Unit => ({ power, type, province });
const start: Unit[] = [
  u('austria', 'A', 'bud'),
  u('austria', 'A', 'vie'),
  u('austria', 'F', 'tri'),
  u('england', 'F', 'edi'),
  u('england', 'F', 'lon'),
  u('england', 'A', 'lvp'),
  u('france', 'F', 'bre'),
  u('france', 'A', 'mar'),
  u('france', 'A', 'par'),
  u('germany', 'F', 'kie'),
  u('germany', 'A', 'ber'),
  u('germany', 'A', 'mun'),
  u('italy', 'F', 'nap'),
  u('italy', 'A', 'rom'),
  u('italy', 'A', 'ven'),
  u('russia', 'A', 'mos'),
  u('russia', 'A', 'war'),
  u('russia', 'F', 'sev'),
  u('russia', 'F', 'stp/sc'),
  u('turkey', 'F', 'ank'),
  u('turkey', 'A', 'con'),
  u('turkey', 'A', 'smy'),
];
const movement: Phase = { season: 'spring', year: 1901, type: 'movement' };
const ctxOf = (turn: Partial<Turn>) =>
  phaseContext({ phase: movement, units: start, dislodged: [], centres: [], ...turn } as Turn);

function expectOk(ctx: ReturnType<typeof ctxOf>, power: Power, text: string, canonical: string) {
  const r = checkOrderText(ctx, power, text);
  expect(r.ok ? r.checked.text : `${r.error.code}: ${r.error.message}`).toBe(canonical);
}
function expectError(ctx: ReturnType<typeof ctxOf>, power: Power, text: string, code: string) {
  const r = checkOrderText(ctx, power, text);
  expect(r.ok ? `accepted as ${r.checked.text}` : r.error.code, text).toBe(code);
  if (!r.ok) expect(r.error.message).toMatch(/\w{3,}/);
}

describe('movement orders', () => {
  const ctx = ctxOf({});
  const sea = ctxOf({
    units: [
      u('france', 'F', 'mao'),
      u('france', 'F', 'gas'),
      u('england', 'F', 'nth'),
      u('england', 'A', 'lon'),
      u('england', 'F', 'eng'),
      u('france', 'A', 'mar'),
      u('france', 'A', 'bel'),
      u('russia', 'F', 'bla'),
      u('austria', 'A', 'rum'),
    ],
  });

  it('completes orders: unit types, real coasts, the only reachable coast, armies without coasts, VIA only where a convoy could go', () => {
    expectOk(ctx, 'france', 'par - bur', 'A PAR - BUR');
    expectOk(ctx, 'russia', 'F STP/NC - BOT', 'F STP/SC - BOT');
    expectOk(sea, 'france', 'F GAS - SPA', 'F GAS - SPA/NC');
    expectOk(ctx, 'france', 'A MAR - SPA/SC', 'A MAR - SPA');
    expectOk(ctx, 'france', 'A PAR - BUR VIA', 'A PAR - BUR');
    expectOk(sea, 'france', 'A BEL - HOL VIA', 'A BEL - HOL VIA');
    expectOk(sea, 'england', 'A LON - BEL VIA', 'A LON - BEL');
    expectOk(sea, 'russia', 'F BLA - BUL', 'F BLA - BUL/EC');
    expectOk(sea, 'england', 'A LON - NWY', 'A LON - NWY');
    expectOk(sea, 'england', 'F NTH C A LON - NWY', 'F NTH C A LON - NWY');
    expectOk(sea, 'france', 'F MAO S F GAS - SPA', 'F MAO S F GAS - SPA');
    expectOk(sea, 'france', 'F MAO S F GAS - SPA/NC', 'F MAO S F GAS - SPA/NC');
    expectOk(ctx, 'france', 'A PAR S F BRE H', 'A PAR S F BRE');
    expectOk(ctx, 'germany', 'A MUN S A PAR - BUR', 'A MUN S A PAR - BUR');
  });

  it.each([
    ['france', 'A BUR - PAR', 'order/no-unit'],
    ['germany', 'A PAR - BUR', 'order/not-your-unit'],
    ['france', 'F PAR - BUR', 'order/wrong-unit-type'],
    ['france', 'A PAR - MUN', 'order/not-adjacent'],
    ['france', 'A PAR - PAR', 'order/not-adjacent'],
    ['france', 'F BRE - LON', 'order/not-adjacent'],
    ['france', 'A PAR - ENG', 'order/army-to-sea'],
    ['france', 'F BRE - PAR', 'order/fleet-to-land'],
    ['france', 'A MAR - NAF', 'order/not-adjacent'],
    ['france', 'F BRE S A PAR - BUR', 'order/cannot-support'],
    ['france', 'A PAR S A PAR', 'order/cannot-support'],
    ['france', 'A PAR S A MUN - RUH', 'order/cannot-support'],
    ['france', 'A MAR S A PAR - PIC', 'order/cannot-support'],
    ['france', 'A MAR S A ROM - PIE', 'order/cannot-support'],
    ['france', 'A PAR S A BUR', 'order/no-unit'],
    ['france', 'F BRE C A PAR - PIC', 'order/cannot-convoy'],
    ['france', 'A PAR D', 'order/wrong-phase'],
    ['france', 'A PAR R BUR', 'order/wrong-phase'],
    ['france', 'WAIVE', 'order/wrong-phase'],
  ] as const)('%s: %s → %s', (power, text, code) => expectError(ctx, power, text, code));

  it.each([
    ['france', 'F MAO - SPA', 'order/coast-required'],
    ['france', 'F GAS - SPA/SC', 'order/not-adjacent'],
    ['england', 'F NTH C A MAR - NWY', 'order/no-convoy-route'],
    ['england', 'F NTH C F ENG - BEL', 'order/cannot-convoy'],
    ['russia', 'F BLA S A RUM - ARM', 'order/cannot-support'],
    ['russia', 'F BLA - BUL/SC', 'order/not-adjacent'],
  ] as const)('%s: %s → %s', (power, text, code) => expectError(sea, power, text, code));
});

describe('retreat orders', () => {
  const ctx = ctxOf({
    phase: { season: 'spring', year: 1901, type: 'retreat' },
    units: [u('italy', 'A', 'tri'), u('austria', 'A', 'vie')],
    dislodged: [{ power: 'austria', type: 'F', province: 'tri', retreats: ['adr', 'alb'] }],
  });

  it('accepts a retreat written as a move, and a disband', () => {
    expectOk(ctx, 'austria', 'F TRI - ALB', 'F TRI R ALB');
    expectOk(ctx, 'austria', 'tri r adr', 'F TRI R ADR');
    expectOk(ctx, 'austria', 'F TRI D', 'F TRI D');
  });

  it.each([
    ['austria', 'F TRI R VEN', 'order/bad-retreat'],
    ['austria', 'A TRI R ALB', 'order/wrong-unit-type'],
    ['austria', 'A VIE R BOH', 'order/not-dislodged'],
    ['austria', 'F ADR R ION', 'order/no-unit'],
    ['italy', 'F TRI R ALB', 'order/not-your-unit'],
    ['austria', 'A VIE H', 'order/wrong-phase'],
  ] as const)('%s: %s → %s', (power, text, code) => expectError(ctx, power, text, code));
});

describe('adjustment orders', () => {
  const centres: CentreOwner[] = [
    ...['bre', 'par', 'spa', 'por', 'bel'].map((province) => ({ power: 'france' as const, province })),
    ...['stp', 'mos', 'war', 'sev', 'rum'].map((province) => ({ power: 'russia' as const, province })),
    { power: 'turkey', province: 'ank' },
  ];
  const ctx = ctxOf({
    phase: { season: 'winter', year: 1901, type: 'adjustment' },
    units: [u('france', 'F', 'bre'), u('russia', 'A', 'rum'), u('turkey', 'F', 'ank'), u('turkey', 'A', 'con')],
    centres,
  });

  it('knows who builds and who disbands', () => {
    expect(ctx.adjust).toEqual([0, 0, 1, 0, 0, 4, -1]);
  });

  it('accepts builds, waives and disbands', () => {
    expectOk(ctx, 'france', 'build army paris', 'A PAR B');
    expectOk(ctx, 'russia', 'F STP/NC B', 'F STP/NC B');
    expectOk(ctx, 'russia', 'A STP B', 'A STP B');
    expectOk(ctx, 'russia', 'F SEV B', 'F SEV B');
    expectOk(ctx, 'russia', 'waive', 'WAIVE');
    expectOk(ctx, 'turkey', 'A CON D', 'A CON D');
  });

  it.each([
    ['france', 'A SPA B', 'order/not-home-centre'],
    ['france', 'A MAR B', 'order/not-owned'],
    ['france', 'F BRE B', 'order/occupied'],
    ['france', 'PAR B', 'order/unit-type-required'],
    ['france', 'F PAR B', 'order/fleet-to-land'],
    ['russia', 'F STP B', 'order/coast-required'],
    ['germany', 'A BER B', 'order/no-builds'],
    ['germany', 'WAIVE', 'order/no-builds'],
    ['turkey', 'A CON B', 'order/no-builds'],
    ['france', 'F BRE D', 'order/no-disbands'],
    ['turkey', 'A SMY D', 'order/no-unit'],
    ['turkey', 'A CON - BUL', 'order/wrong-phase'],
  ] as const)('%s: %s → %s', (power, text, code) => expectError(ctx, power, text, code));
});
