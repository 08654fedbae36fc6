import { Diplomacy } from '@parley/games';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { POWER_NAMES } from '../../lib/format';
import type { RoomSnapshot } from '../../lib/use-room';
import { LiveDiplomacy } from './LiveDiplomacy';

afterEach(cleanup);

const game = Diplomacy.diplomacy;
type State = ReturnType<typeof game.newInitialState>;

/** The position after Spring 1901 in which England's fleets reached the North and Norwegian Seas and its army Yorkshire. */
function fall1901(): State {
  let s = game.newInitialState({ lastYear: null });
  const england = ['F LON - NTH', 'F EDI - NWG', 'A LVP - YOR'];
  for (let seat = 0; seat < 7; seat++) {
    const orders = seat === 1 ? england : game.legalActions(s, seat).filter((a) => / H$/.test(a));
    for (const o of orders) s = game.applyAction(s, seat, o);
  }
  return s;
}

/** The room as a seat's page sees it: its own observation and legal orders, deciding. */
function snapshot(state: State, seat: number): RoomSnapshot {
  return {
    status: 'running',
    game: 'diplomacy',
    actions: 0,
    spectator: null,
    press: [],
    returns: null,
    spectators: 0,
    broadcast: null,
    seats: POWER_NAMES.map((name, i) => ({
      seat: i,
      name,
      kind: 'human',
      connected: true,
      deciding: true,
      deadlineAt: 0,
      bankMs: 0,
    })),
    view: {
      seat,
      observation: game.observation(state, seat),
      legal: [...game.legalActions(state, seat)],
      decision: 1,
      prefs: null,
      inbox: [],
    },
  };
}

function renderSeat(state: State, seat: number) {
  const sent: { type: string; payload: unknown }[] = [];
  const utils = render(
    <LiveDiplomacy
      snap={snapshot(state, seat)}
      names={[...POWER_NAMES]}
      me={seat}
      send={(type, payload) => {
        sent.push({ type, payload });
        return true;
      }}
    />,
  );
  const c = utils.container;
  const unit = (loc: string) => fireEvent.click(c.querySelector(`[data-unit="${loc}"]`)!);
  const target = (p: string) => fireEvent.click(c.querySelector(`[data-target="${p}"]`)!);
  const key = (k: string) => act(() => void fireEvent.keyDown(window, { key: k }));
  const drafts = () => [...c.querySelectorAll('[data-testid=draft-orders] li')].map((li) => li.textContent ?? '');
  return { c, unit, target, key, drafts, sent };
}

describe('the click-to-order entry', () => {
  it('turns a unit then a province into the engine’s move text, and a support with s', () => {
    const s = game.newInitialState({ lastYear: null });
    const ui = renderSeat(s, 0);
    ui.unit('vie');
    ui.target('gal');
    ui.unit('tri');
    ui.key('h');
    ui.unit('bud');
    ui.key('s');
    ui.unit('vie');
    ui.target('gal');
    expect(ui.drafts().join('\n')).toContain('A VIE - GAL');
    expect(ui.drafts().join('\n')).toContain('F TRI H');
    expect(ui.drafts().join('\n')).toContain('A BUD S A VIE - GAL');
    expect(ui.drafts()).toHaveLength(3);
  }, 60_000);

  it('enters a convoy: the fleet, c, the army, then where it lands; and the army’s convoyed move', () => {
    const s = fall1901();
    expect(game.turnKey!(s)).toBe('F1901M');
    const ui = renderSeat(s, 1);
    ui.unit('nth');
    ui.key('c');
    ui.unit('yor');
    ui.target('nwy');
    ui.unit('yor');
    ui.target('nwy');
    const text = ui.drafts().join('\n');
    expect(text).toContain('F NTH C A YOR - NWY');
    expect(text).toContain('A YOR - NWY');
  }, 60_000);

  it('offers only legal orders: the targets of a unit are its legal moves, and each click drafts a legal order', () => {
    const s = game.newInitialState({ lastYear: null });
    const legal = game.legalActions(s, 0);
    // Longest first: a draft line starts with its order's whole text (`A BUD S A VIE - GAL`, not `A BUD S A VIE`).
    const longestFirst = [...legal].sort((a, b) => b.length - a.length);
    const ui = renderSeat(s, 0);
    const targets = () => [...ui.c.querySelectorAll('[data-target]')].map((t) => t.getAttribute('data-target')!).sort();
    for (const loc of ['vie', 'bud', 'tri']) {
      ui.unit(loc);
      const moves = legal.filter((o) => o.startsWith(`${loc === 'tri' ? 'F' : 'A'} ${loc.toUpperCase()} - `));
      expect(targets()).toEqual(moves.map((m) => m.slice(-3).toLowerCase()).sort());
      for (const p of targets()) {
        if (!ui.c.querySelector(`[data-target]`)) ui.unit(loc);
        ui.target(p);
        for (const d of ui.drafts())
          expect(
            longestFirst.find((o) => d.startsWith(o)),
            d,
          ).toBeDefined();
        expect(ui.drafts().join('\n')).toContain(`${loc.toUpperCase()} - ${p.toUpperCase()}`);
      }
      ui.key('Escape');
    }
    // Nothing is offered without a unit, and a foreign unit cannot be selected.
    expect(targets()).toEqual([]);
    ui.unit('war');
    expect(targets()).toEqual([]);
  }, 60_000);
});
