import { Diplomacy } from '@parley/games';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BoardModel, modelFromState } from '../../lib/diplomacy/model';
import { DiplomacyBoard } from './DiplomacyBoard';

afterEach(cleanup);

const opening = (): BoardModel => modelFromState(Diplomacy.diplomacy.newInitialState({ lastYear: null }));

/** The opening after France's army in Paris went to Burgundy and Germany's army in Munich bounced off it. */
function afterSpring(): BoardModel {
  const m = opening();
  return {
    ...m,
    phase: { season: 'fall', year: 1901, type: 'movement' },
    units: m.units.map((u) => (u.province === 'par' ? { ...u, province: 'bur' } : u)),
    orders: [
      { power: 'france', text: 'A PAR - BUR', status: 'resolved', result: 'succeeds' },
      { power: 'germany', text: 'A MUN - TYR', status: 'resolved', result: 'fails' },
    ],
    ordersPhase: m.phase,
  };
}

const board = (c: HTMLElement) => c.querySelector('svg.board-svg') as SVGSVGElement;

describe('DiplomacyBoard', () => {
  it('draws the 75 provinces, the 34 supply centres and the 22 units of the opening', () => {
    const { container } = render(<DiplomacyBoard model={opening()} />);
    const provinces = [...container.querySelectorAll('path[data-province]')].map((p) => p.getAttribute('data-province'));
    expect(provinces.filter((id) => !id!.startsWith('_'))).toHaveLength(75);
    expect(container.querySelectorAll('circle[data-centre]')).toHaveLength(34);
    expect(container.querySelectorAll('[data-unit]')).toHaveLength(22);
    const stp = container.querySelector('[data-unit="stp/sc"]');
    expect(stp?.getAttribute('data-power')).toBe('russia');
    // Owned home centres take their power's colour: Paris is French blue, Warsaw Russian purple.
    expect(container.querySelector('circle[data-centre="par"]')?.getAttribute('fill')).toBe('#1d7fc4');
    expect(container.querySelector('circle[data-centre="bel"]')?.getAttribute('fill')).toBe('#fafaf9');
  });

  it('lets a person pick a unit and then a highlighted province', () => {
    const onUnit = vi.fn();
    const onProvince = vi.fn();
    render(
      <DiplomacyBoard
        model={opening()}
        interaction={{
          selectableUnits: new Set(['par', 'mar', 'bre']),
          selectedUnit: 'par',
          targets: new Set(['bur', 'pic', 'gas']),
          targetVerb: 'Move to',
          onUnit,
          onProvince,
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'France army in Marseilles' }));
    expect(onUnit).toHaveBeenCalledWith('mar');
    expect(screen.getByRole('button', { name: 'France army in Paris' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Move to Burgundy' }));
    expect(onProvince).toHaveBeenCalledWith('bur');
    expect(screen.queryByRole('button', { name: /Move to Munich/ })).toBeNull();
  });

  it('zooms in and out with its buttons and fits the whole board again', () => {
    const { container } = render(<DiplomacyBoard model={opening()} />);
    const whole = board(container).getAttribute('viewBox');
    expect(screen.getByTestId('board-zoom').textContent).toBe('100%');
    expect(screen.getByRole('button', { name: 'Zoom out' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByTestId('board-zoom').textContent).toBe('150%');
    const [, , w] = board(container).getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBeCloseTo(Number(whole!.split(' ')[2]) / 1.5, 1);
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole board' }));
    expect(board(container).getAttribute('viewBox')).toBe(whole);
  });

  it('pans by dragging once zoomed in, and a drag never turns into a click on a unit', () => {
    const onUnit = vi.fn();
    const { container } = render(
      <DiplomacyBoard model={opening()} interaction={{ selectableUnits: new Set(['par']), onUnit }} />,
    );
    const svg = board(container);
    const army = screen.getByRole('button', { name: 'France army in Paris' });
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const before = svg.getAttribute('viewBox')!.split(' ').map(Number);
    fireEvent.pointerDown(army, { pointerId: 1, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(army, { pointerId: 1, clientX: 140, clientY: 110 });
    fireEvent.pointerUp(army, { pointerId: 1, clientX: 140, clientY: 110 });
    fireEvent.click(army);
    expect(onUnit).not.toHaveBeenCalled();
    const after = svg.getAttribute('viewBox')!.split(' ').map(Number);
    // Dragged right and down: the view moves left and up over the board.
    expect(after[0]).toBeLessThan(before[0]!);
    expect(after[1]).toBeLessThan(before[1]!);
    // A press and release in place is a click.
    fireEvent.pointerDown(army, { pointerId: 2, clientX: 50, clientY: 50 });
    fireEvent.pointerUp(army, { pointerId: 2, clientX: 50, clientY: 50 });
    fireEvent.click(army);
    expect(onUnit).toHaveBeenCalledWith('par');
  });

  it('glides a unit that moved from where it stood, and bounces one whose move failed', () => {
    const { container } = render(<DiplomacyBoard model={afterSpring()} />);
    const glide = container.querySelector('[data-unit="bur"] .unit-glide') as SVGGElement | null;
    expect(glide).not.toBeNull();
    // Paris lies west of Burgundy: the army starts to its left.
    expect(Number.parseFloat(glide!.style.getPropertyValue('--from-x'))).toBeLessThan(0);
    const bounce = container.querySelector('[data-unit="mun"] .unit-bounce') as SVGGElement | null;
    expect(bounce).not.toBeNull();
    expect(container.querySelector('[data-unit="ber"] .unit-glide, [data-unit="ber"] .unit-bounce')).toBeNull();
  });

  it('pushes a dislodged unit off its spot and brings a built unit in', () => {
    const m = opening();
    const { container } = render(
      <DiplomacyBoard
        model={{
          ...m,
          units: [...m.units.filter((u) => u.province !== 'ber'), { power: 'russia', type: 'A', province: 'ber' }],
          dislodged: [{ power: 'germany', type: 'A', province: 'ber', retreats: ['kie'] }],
          orders: [
            { power: 'russia', text: 'A WAR - BER', status: 'resolved', result: 'succeeds' },
            { power: 'germany', text: 'F KIE B', status: 'resolved', result: 'succeeds' },
          ],
          ordersPhase: m.phase,
        }}
      />,
    );
    const pushed = container.querySelector('[data-dislodged="ber"] .unit-glide') as SVGGElement | null;
    // It starts where the unit stood (the province's spot) and ends beside the newcomer.
    expect(Number.parseFloat(pushed!.style.getPropertyValue('--from-x'))).toBeLessThan(0);
    expect(container.querySelector('[data-unit="ber"] .unit-glide')).not.toBeNull();
    expect(container.querySelector('[data-unit="kie"] .unit-arrive')).not.toBeNull();
  });

  it('plays no motion while orders are only drafted or pending', () => {
    const m = opening();
    const { container } = render(
      <DiplomacyBoard model={{ ...m, orders: [{ power: 'france', text: 'A PAR - BUR', status: 'draft' }] }} />,
    );
    expect(container.querySelector('.unit-glide, .unit-bounce, .unit-arrive')).toBeNull();
  });
});
