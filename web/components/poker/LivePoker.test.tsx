import { getGame } from '@parley/games';
import { SEAT_TOKEN_HEADER } from '@parley/protocol';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoomSnapshot } from '../../lib/use-room';
import { LivePoker } from './LivePoker';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const nlhe = getGame('nlhe');
const names = ['You', 'tag'];

/** A heads-up cash game through the engine: chance deals the first card it lists. */
function table(steps: string[]) {
  const parsed = nlhe.descriptor.parseParams({ players: 2, format: 'cash', hands: 3 });
  if (!parsed.ok) throw new Error(parsed.error.message);
  let s = nlhe.newInitialState(parsed.params);
  const deal = () => {
    while (nlhe.currentPlayer(s) === 'chance') s = nlhe.applyAction(s, 'chance', nlhe.chanceOutcomes(s)[0]!.action);
  };
  deal();
  for (const step of steps) {
    const [seat, action] = step.split(': ') as [string, string];
    s = nlhe.applyAction(s, Number(seat), action);
    deal();
  }
  return s;
}

function snapOf(
  s: unknown,
  me: number | null,
  decision: number,
  broadcast: unknown = null,
  prefs: { muckLosing: boolean } | null = null,
): RoomSnapshot {
  const acting = nlhe.actingSeats(s);
  return {
    status: 'running',
    game: 'nlhe',
    actions: decision,
    spectator: nlhe.spectatorView(s),
    press: [],
    returns: null,
    spectators: 0,
    broadcast,
    seats: [0, 1].map((seat) => ({
      seat,
      name: names[seat]!,
      kind: seat === 0 ? 'human' : 'agent',
      connected: true,
      deciding: acting.includes(seat),
      deadlineAt: 0,
      bankMs: 0,
    })),
    view:
      me === null
        ? null
        : {
            seat: me,
            observation: nlhe.observation(s, me),
            legal: acting.includes(me) ? [...nlhe.legalActions(s, me)] : [],
            decision: acting.includes(me) ? decision : -1,
            inbox: [],
            prefs,
          },
  };
}

describe('LivePoker', () => {
  it('sends the muck setting, on by default, and again when the person changes it', () => {
    const send = vi.fn(() => true);
    render(<LivePoker game="nlhe" snap={snapOf(table([]), 0, 4)} names={names} me={0} send={send} />);
    expect(send).toHaveBeenCalledWith('prefs', { muckLosing: true });
    const box = within(screen.getByTestId('muck-setting')).getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(send).toHaveBeenLastCalledWith('prefs', { muckLosing: false });
    expect(window.localStorage.getItem('parley.poker.muckLosing')).toBe('false');
  });

  it('shows the setting the match holds for the seat after a reconnect, and leaves it as it is', () => {
    window.localStorage.setItem('parley.poker.muckLosing', 'true');
    const send = vi.fn(() => true);
    render(
      <LivePoker game="nlhe" snap={snapOf(table([]), 0, 4, null, { muckLosing: false })} names={names} me={0} send={send} />,
    );
    const box = within(screen.getByTestId('muck-setting')).getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(false);
    // This browser's choice does not overwrite the one the seat made (in another tab, before a reload).
    expect(send).not.toHaveBeenCalledWith('prefs', expect.anything());
    fireEvent.click(box);
    expect(send).toHaveBeenLastCalledWith('prefs', { muckLosing: true });
  });

  it('keeps the person’s choice in the box while the match still reports the setting it held before', () => {
    const send = vi.fn(() => true);
    const held = (muckLosing: boolean) => snapOf(table([]), 0, 4, null, { muckLosing });
    const { rerender } = render(<LivePoker game="nlhe" snap={held(true)} names={names} me={0} send={send} />);
    const box = within(screen.getByTestId('muck-setting')).getByRole('checkbox') as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    // A state sent before the match read the new choice: the box does not flip back.
    rerender(<LivePoker game="nlhe" snap={held(true)} names={names} me={0} send={send} />);
    expect(box.checked).toBe(false);
    rerender(<LivePoker game="nlhe" snap={held(false)} names={names} me={0} send={send} />);
    expect(box.checked).toBe(false);
    // Once the match holds it, the match's value shows again (as another tab may change it).
    rerender(<LivePoker game="nlhe" snap={held(true)} names={names} me={0} send={send} />);
    expect(box.checked).toBe(true);
  });

  it('clears a choice made in advance when a raise changes the price, and plays check/fold as a check when it holds', () => {
    // Heads-up the button (seat 1) acts first preflop: seat 0 waits.
    const waiting = table([]);
    expect(nlhe.actingSeats(waiting)).toEqual([1]);
    const send = vi.fn(() => true);
    const { rerender } = render(<LivePoker game="nlhe" snap={snapOf(waiting, 0, 4)} names={names} me={0} send={send} />);
    fireEvent.click(screen.getByText(/Check\/fold/));
    const raised = table(['1: raise 300']);
    rerender(<LivePoker game="nlhe" snap={snapOf(raised, 0, 5)} names={names} me={0} send={send} />);
    // Seat 0 (the big blind) ticked it with nothing to call; the raise makes the price 200: cleared, nothing sent.
    expect(send).not.toHaveBeenCalledWith('act', expect.anything());

    cleanup();
    const send2 = vi.fn(() => true);
    const view = render(<LivePoker game="nlhe" snap={snapOf(waiting, 0, 4)} names={names} me={0} send={send2} />);
    fireEvent.click(screen.getByText(/Check\/fold/));
    const called = table(['1: call']);
    view.rerender(<LivePoker game="nlhe" snap={snapOf(called, 0, 5)} names={names} me={0} send={send2} />);
    expect(send2).toHaveBeenCalledWith('act', { decision: 5, actions: ['check'] });
  });

  it('lists each finished hand with its winner and the viewer result, and replays it step by step in place', () => {
    const send = vi.fn(() => true);
    const first = table(['1: raise 300']);
    const { rerender } = render(<LivePoker game="nlhe" snap={snapOf(first, 0, 4)} names={names} me={0} send={send} />);
    const next = table(['1: raise 300', '0: fold']);
    rerender(<LivePoker game="nlhe" snap={snapOf(next, 0, 9)} names={names} me={0} send={send} />);
    const panel = screen.getByTestId('hand-history');
    const row = within(panel).getByText('#1').closest('tr')!;
    expect(row.textContent).toContain('tag');
    expect(row.textContent).toContain('-100');
    fireEvent.click(within(panel).getByText('#1'));
    const replay = screen.getByTestId('hand-replay');
    const steps = within(replay).getByTestId('hand-step').textContent!;
    expect(steps).toMatch(/^Step (\d+) of \1$/);
    expect(replay.textContent).toContain('fold');
    fireEvent.click(within(replay).getByText(/Back/));
    expect(replay.textContent).not.toContain('seat 0: fold');
    expect(within(replay).getByTestId('hand-step').textContent).not.toBe(steps);
  });

  it('lists the hands that ended before the page opened, asking for them with the seat token', async () => {
    const served = nlhe.finishedHands!(table(['1: raise 300', '0: fold', '0: raise 300', '1: fold']), 0);
    const fetched = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ hands: served }));
    vi.stubGlobal('fetch', fetched);
    try {
      const now = table(['1: raise 300', '0: fold', '0: raise 300', '1: fold']);
      render(
        <LivePoker game="nlhe" snap={snapOf(now, 0, 9)} names={names} me={0} send={vi.fn(() => true)} matchId="m1" token="tok" />,
      );
      const panel = screen.getByTestId('hand-history');
      await waitFor(() => expect(within(panel).getByText('#1')).toBeTruthy());
      expect(within(panel).getByText('#2')).toBeTruthy();
      const [url, init] = fetched.mock.calls[0]!;
      expect(url).toBe('/api/matches/m1/hands');
      expect(new Headers(init?.headers).get(SEAT_TOKEN_HEADER)).toBe('tok');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows spectators hand names and equity only from the broadcast, and never hole cards without it', () => {
    const s = table(['1: call', '0: check']);
    const broadcast = nlhe.broadcastView?.(s);
    const send = vi.fn(() => true);
    const { rerender, container } = render(
      <LivePoker game="nlhe" snap={snapOf(s, null, 6, broadcast)} names={names} me={null} send={send} />,
    );
    const equities = screen.getAllByTestId('equity').map((e) => e.textContent);
    expect(equities).toHaveLength(2);
    expect(screen.getAllByTestId('hand-name')).toHaveLength(2);
    rerender(<LivePoker game="nlhe" snap={snapOf(s, null, 6, null)} names={names} me={null} send={send} />);
    expect(screen.queryAllByTestId('equity')).toHaveLength(0);
    const hole = nlhe.privateValues(s, 0);
    expect(container.textContent).not.toContain(hole[0]);
  });

  it('never shows a seat the broadcast (a seat gets its own cards and no equity)', () => {
    const s = table(['1: call', '0: check']);
    render(
      <LivePoker game="nlhe" snap={snapOf(s, 0, 6, nlhe.broadcastView?.(s))} names={names} me={0} send={vi.fn(() => true)} />,
    );
    expect(screen.queryAllByTestId('equity')).toHaveLength(0);
  });
});
