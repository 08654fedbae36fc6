import { describe, expect, it } from 'vitest';
import { attacks, movementPhases, orderFor, powerNamed } from './phases';
import { scenarioRecord } from './scenario';

describe('movement phases of a record', () => {
  it('replays the record into its movement phases, each with its opening board and results', async () => {
    const record = await scenarioRecord();
    const [spring, fall] = movementPhases(record);
    expect([spring!.code, fall!.code]).toEqual(['S1901M', 'F1901M']);
    expect(spring!.startSeq).toBe(0);
    expect(fall!.startSeq).toBe(spring!.endSeq);
    expect(fall!.units).toContainEqual({ power: 'france', type: 'A', province: 'bur' });
    expect(orderFor(fall!, 'austria', 'tri')).toMatchObject({ text: 'F TRI - VEN', result: 'fails', reason: 'bounced' });
  });

  it('defines an attack as a move into, or a support of a move into, the other power’s units or centres', async () => {
    const [spring, fall] = movementPhases(await scenarioRecord());
    const texts = (from: string, against: string) => attacks(fall!, from as never, against as never).map((o) => o.text);
    expect(texts('austria', 'italy')).toEqual(['F TRI - VEN']);
    expect(texts('france', 'germany')).toEqual(['A BUR - MUN']);
    // Supporting Austria's own move is no attack on Austria; Tyrolia belongs to nobody.
    expect(texts('italy', 'austria')).toEqual([]);
    expect(texts('germany', 'austria')).toEqual([]);
    expect(texts('austria', 'austria')).toEqual([]);
    expect(attacks(spring!, 'france', 'germany')).toEqual([]);
  });

  it('refuses a record whose actions the engine rejects, or of another game', async () => {
    const record = await scenarioRecord();
    const forged = structuredClone(record);
    forged.actions[0]!.action = 'A VIE - LON';
    expect(() => movementPhases(forged)).toThrow(/action 0 'A VIE - LON'/);
    expect(() => movementPhases({ ...record, game: 'kuhn' })).toThrow(/not a Diplomacy record/);
  });

  it('reads a no-attack target as a seat, a seat in text, or a power name', () => {
    expect([powerNamed(4), powerNamed('4'), powerNamed(' Italy '), powerNamed(7), powerNamed('rome'), powerNamed(null)]).toEqual([
      'italy',
      'italy',
      'italy',
      null,
      null,
      null,
    ]);
  });
});
