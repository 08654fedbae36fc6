'use client';

import { useState } from 'react';
import { boardAt, handSteps, type PastHand, wonOf } from '../../lib/hand-history';
import { nlheLines } from '../../lib/poker';
import { Card } from './Cards';

interface Props {
  hands: readonly PastHand[];
  names: string[];
  me: number | null;
}

const seatName = (names: string[], me: number | null, seat: number) => (seat === me ? 'You' : (names[seat] ?? `seat ${seat}`));

/** The finished hands of this match, newest first; each opens in place and steps action by action. */
export function HandHistory({ hands, names, me }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="panel" aria-label="Hand history" data-testid="hand-history">
      <h3 style={{ marginTop: 0 }}>Hand history</h3>
      {hands.length === 0 ? (
        <p className="muted small">Finished hands appear here, each replayable step by step.</p>
      ) : (
        <table className="small" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th scope="col">Hand</th>
              <th scope="col">Winner</th>
              <th scope="col">Won</th>
              {me !== null && <th scope="col">You</th>}
            </tr>
          </thead>
          <tbody>
            {[...hands].reverse().map((h) => {
              const mine = me === null ? 0 : (h.result[String(me)] ?? 0);
              return (
                <HandRow
                  key={h.hand}
                  hand={h}
                  names={names}
                  me={me}
                  mine={mine}
                  open={open === h.hand}
                  onToggle={() => setOpen(open === h.hand ? null : h.hand)}
                />
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HandRow({
  hand,
  names,
  me,
  mine,
  open,
  onToggle,
}: {
  hand: PastHand;
  names: string[];
  me: number | null;
  mine: number;
  open: boolean;
  onToggle(): void;
}) {
  const winners = hand.winners.map((s) => seatName(names, me, s)).join(', ') || 'split';
  return (
    <>
      <tr data-hand={hand.hand}>
        <td>
          <button type="button" className="secondary" onClick={onToggle} aria-expanded={open}>
            #{hand.hand}
          </button>
        </td>
        <td>{winners}</td>
        <td>{wonOf(hand).toLocaleString('en-US')}</td>
        {me !== null && <td>{mine > 0 ? `+${mine.toLocaleString('en-US')}` : mine.toLocaleString('en-US')}</td>}
      </tr>
      {open && (
        <tr>
          <td colSpan={me === null ? 3 : 4}>
            <HandReplay hand={hand} names={names} />
          </td>
        </tr>
      )}
    </>
  );
}

/** One finished hand replayed in place: the board and the log as they stood after each step. */
export function HandReplay({ hand, names }: { hand: PastHand; names: string[] }) {
  const stops = handSteps(hand.log);
  const [k, setK] = useState(stops.length - 1);
  const upTo = stops[k] ?? hand.log.length;
  const board = boardAt(hand.log, upTo);
  const lines = nlheLines(hand.log.slice(0, upTo), names);
  return (
    <div className="stack" data-testid="hand-replay">
      <div className="row">
        <button type="button" className="secondary" onClick={() => setK(Math.max(0, k - 1))} disabled={k <= 0}>
          ◀ Back
        </button>
        <span className="small" data-testid="hand-step">
          Step {k + 1} of {stops.length}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => setK(Math.min(stops.length - 1, k + 1))}
          disabled={k >= stops.length - 1}
        >
          Next ▶
        </button>
      </div>
      <div className="cards" data-testid="replay-board">
        <span className="visually-hidden">Board:</span>
        {board.map((c) => (
          <Card key={c} card={c} small />
        ))}
      </div>
      <ol className="log-list small">
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines are positions
          <li key={i}>{l}</li>
        ))}
      </ol>
    </div>
  );
}
