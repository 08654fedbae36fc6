/**
 * The Diplomacy saved-game export, on a short game played through the engine and stored like
 * any match: a bounce, a supported move, a dislodgement and its retreat, centres changing hands
 * in the fall and builds in the winter, checked against the rules of the game.
 */
import { type Diplomacy, diplomacy } from '@parley/games';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateHash } from '../runtime/canonical';
import type { ActionRecord, MatchRecord } from '../runtime/record';
import { eventsOf } from './events';
import { exportMatch, exportRecord, type SavedGame } from './export';
import { MemoryStore } from './memory-store';

const POWERS = ['austria', 'england', 'france', 'germany', 'italy', 'russia', 'turkey'];

/** Plays one phase: the orders given, then the engine's default (hold, disband, waive) for every other slot. */
function playPhase(s: Diplomacy.DiplomacyState, actions: ActionRecord[], orders: Record<string, string[]>) {
  const before = s.lastPhase;
  const play = (seat: number, action: string) => {
    const error = diplomacy.validateAction(s, seat, action);
    if (error) throw new Error(`${POWERS[seat]} ${action}: ${error.message}`);
    s = diplomacy.applyAction(s, seat, action);
    actions.push({ seq: actions.length, actor: seat, action, ms: 0 });
  };
  for (const [power, list] of Object.entries(orders)) for (const o of list) play(POWERS.indexOf(power), o);
  while (s.lastPhase === before) {
    const seat = diplomacy.actingSeats(s)[0]!;
    play(seat, diplomacy.defaultAction(s, seat));
  }
  return s;
}

function playedRecord(): MatchRecord {
  const actions: ActionRecord[] = [];
  let s = diplomacy.newInitialState({ lastYear: 1901 });
  s = playPhase(s, actions, {
    france: ['A PAR - BUR', 'A MAR S A PAR - BUR', 'F BRE - MAO'],
    germany: ['A MUN - BUR', 'F KIE - HOL', 'A BER - KIE'],
    italy: ['A VEN - TYR'],
  });
  const fall = actions.length;
  s = playPhase(s, actions, {
    france: ['A BUR - BEL', 'F MAO - POR', 'A MAR - SPA'],
    germany: ['A MUN - TYR'],
    austria: ['A VIE S A MUN - TYR'],
  });
  s = playPhase(s, actions, { italy: ['A TYR R VEN'] });
  s = playPhase(s, actions, { france: ['A PAR B', 'A MAR B', 'F BRE B'], germany: ['A BER B'] });
  expect(diplomacy.isTerminal(s)).toBe(true); // the last year was 1901
  return {
    format: 'parley.match',
    version: 1,
    game: 'diplomacy',
    params: { lastYear: 1901 },
    seed: 1,
    seats: POWERS.map((_, seat) => ({ seat, agent: 'scripted' })),
    actions,
    messages: [
      { seq: 0, phase: 'S1901M', from: 2, to: [3], text: 'Burgundy is mine' },
      { seq: 0, phase: 'S1901M', from: 3, to: 'all', text: 'We shall see' },
      { seq: fall, phase: 'F1901M', from: 4, to: [0, 3], text: 'Leave Tyrolia alone' },
    ],
    modelCalls: [],
    returns: [...diplomacy.returns(s)],
    finalStateHash: stateHash(s),
  };
}

let saved: SavedGame;
let record: MatchRecord;
beforeAll(async () => {
  record = playedRecord();
  const store = new MemoryStore();
  await store.createMatch({
    id: 'dip-1',
    game: 'diplomacy',
    params: record.params,
    seed: 1,
    seats: POWERS.map((_, seat) => ({ seat, agent: { name: 'scripted', kind: 'bot' } })),
  });
  await store.appendEvents('dip-1', eventsOf(record, Date.UTC(2025, 0, 1)).events);
  await store.finishMatch('dip-1', { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
  const match = (await store.getMatch('dip-1'))!;
  expect(exportRecord(match)).toEqual(record); // the Parley record of the same match replays too
  saved = JSON.parse(exportMatch(match, 'diplomacy').text);
});

describe('the Diplomacy saved game', () => {
  it('has the package shape: id, map, rules and one entry per phase, COMPLETED last', () => {
    expect(saved).toMatchObject({ id: 'dip-1', map: 'standard', rules: ['POWER_CHOICE'] });
    expect(saved.phases.map((p) => p.name)).toEqual(['S1901M', 'F1901M', 'F1901R', 'W1901A', 'COMPLETED']);
    for (const p of saved.phases) expect(Object.keys(p).sort()).toEqual(['messages', 'name', 'orders', 'results', 'state']);
    expect(saved.phases[0]!.state).toMatchObject({ name: 'S1901M', game_id: 'dip-1', map: 'standard' });
  });

  it('writes the 1901 position with upper-case powers, units and coasts', () => {
    const state = saved.phases[0]!.state as Record<string, any>;
    expect(Object.keys(state.units).sort()).toEqual(['AUSTRIA', 'ENGLAND', 'FRANCE', 'GERMANY', 'ITALY', 'RUSSIA', 'TURKEY']);
    expect(state.units.RUSSIA.sort()).toEqual(['A MOS', 'A WAR', 'F SEV', 'F STP/SC']);
    expect(state.centers.FRANCE.sort()).toEqual(['BRE', 'MAR', 'PAR']);
    expect(state.homes.TURKEY.sort()).toEqual(['ANK', 'CON', 'SMY']);
    expect(state.builds.FRANCE).toEqual({ count: 0, homes: [] });
    expect(state.civil_disorder.ENGLAND).toBe(0);
    // The hash the Python package gives the 1901 start, which its validator checks phase by phase.
    expect(state.zobrist_hash).toBe('1919110489198082658');
  });

  it('keeps every order in canonical text and the results in the package codes', () => {
    const [spring, fall] = saved.phases;
    expect(spring!.orders.FRANCE).toEqual(['A PAR - BUR', 'A MAR S A PAR - BUR', 'F BRE - MAO']);
    expect(spring!.orders.ENGLAND.sort()).toEqual(['A LVP H', 'F EDI H', 'F LON H']); // the defaults played
    expect(spring!.results['A PAR']).toEqual([]);
    expect(spring!.results['A MUN']).toEqual(['bounce']); // 1 against 2
    expect(spring!.results['F LON']).toEqual([]);
    expect(fall!.results['A TYR']).toEqual(['dislodged']); // Munich, supported by Vienna
    expect(fall!.results['A MUN']).toEqual([]);
    expect(fall!.results['A VIE']).toEqual([]); // its support was not cut
    const [, , retreat, winter] = saved.phases;
    expect(retreat!.results).toEqual({ 'A TYR': [] }); // it reached Venice
    // Builds carried out are the package's OK, an empty string, and nothing else was ordered.
    expect(winter!.results).toEqual({ 'A PAR': [''], 'A MAR': [''], 'F BRE': [''], 'A BER': [''] });
  });

  it('stars the dislodged unit in the retreat phase and lists where it may go', () => {
    const state = saved.phases[2]!.state as Record<string, any>;
    expect(state.units.ITALY).toContain('*A TYR');
    expect(state.units.GERMANY).toContain('A TYR');
    expect(state.retreats.ITALY['A TYR']).toContain('VEN');
    expect(state.retreats.ITALY['A TYR']).not.toContain('MUN'); // where the attacker came from
    expect(saved.phases[2]!.orders.ITALY).toEqual(['A TYR R VEN']);
  });

  it('hands centres over in the fall and counts builds in the winter', () => {
    const state = saved.phases[3]!.state as Record<string, any>;
    expect(state.centers.FRANCE.sort()).toEqual(['BEL', 'BRE', 'MAR', 'PAR', 'POR', 'SPA']);
    expect(state.centers.GERMANY.sort()).toEqual(['BER', 'HOL', 'KIE', 'MUN']);
    expect(state.builds.FRANCE).toEqual({ count: 3, homes: ['BRE', 'MAR', 'PAR'] });
    expect(state.builds.GERMANY.count).toBe(1);
    expect(state.builds.GERMANY.homes.sort()).toEqual(['BER', 'MUN']);
    expect(state.builds.ITALY.count).toBe(0);
    expect(state.influence.FRANCE).toEqual(expect.arrayContaining(['BEL', 'POR', 'SPA']));
    const end = saved.phases[4]!.state as Record<string, any>;
    expect(end.units.FRANCE.sort()).toEqual(['A BEL', 'A MAR', 'A PAR', 'A SPA', 'F BRE', 'F POR']);
    expect(end.units.GERMANY.sort()).toEqual(['A BER', 'A KIE', 'A TYR', 'F HOL']);
  });

  it('files press under the phase it was sent in, one entry per recipient, times increasing', () => {
    const t = Date.UTC(2025, 0, 1) * 1000;
    expect(saved.phases[0]!.messages).toEqual([
      { sender: 'FRANCE', recipient: 'GERMANY', time_sent: t, phase: 'S1901M', message: 'Burgundy is mine' },
      { sender: 'GERMANY', recipient: 'GLOBAL', time_sent: t + 1, phase: 'S1901M', message: 'We shall see' },
    ]);
    expect(saved.phases[1]!.messages.map((m) => [m.sender, m.recipient, m.phase])).toEqual([
      ['ITALY', 'AUSTRIA', 'F1901M'],
      ['ITALY', 'GERMANY', 'F1901M'],
    ]);
  });

  it('refuses other games', async () => {
    const store = new MemoryStore();
    await store.createMatch({ id: 'k', game: 'kuhn', params: {}, seed: 1, seats: [] });
    const kuhnMatch = (await store.getMatch('k'))!;
    expect(() => exportMatch(kuhnMatch, 'diplomacy')).toThrow(/^export\/unsupported:/);
  });
});
