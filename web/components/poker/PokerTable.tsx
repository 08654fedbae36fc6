'use client';

import { useEffect, useRef } from 'react';
import type { TableModel } from '../../lib/poker';
import { type SeatClock, SeatClockView } from '../SeatClock';
import { Card, EmptyCard } from './Cards';

interface Props {
  table: TableModel;
  /** The viewer's seat: drawn at the bottom. */
  me: number | null;
  clocks?: SeatClock[];
}

function position(k: number, n: number, rx: number, ry: number): { left: string; top: string } {
  const angle = Math.PI / 2 + (2 * Math.PI * k) / n;
  return { left: `${50 + rx * Math.cos(angle)}%`, top: `${50 + ry * Math.sin(angle)}%` };
}

/** A poker table: seats around the felt with stacks, bets and cards, the board and the pot. */
export function PokerTable({ table, me, clocks }: Props) {
  const n = table.seats.length;
  const bottom = me ?? 0;
  const order = (seat: number) => (seat - bottom + n) % n;
  return (
    <section className="panel" aria-label="Poker table">
      <div className="row small muted" style={{ marginBottom: '0.25rem' }}>
        <span data-testid="table-caption">{table.caption}</span>
        <span className="spacer" />
        {table.result && !table.showdown && <span>{table.result}</span>}
      </div>
      {table.showdown && <ShowdownBanner showdown={table.showdown} seats={table.seats} />}
      <div className="poker-table">
        <div className="poker-felt" />
        <div className="poker-center">
          {table.boardSlots > 0 && (
            <div className="cards" data-testid="board">
              <span className="visually-hidden">Board:</span>
              {Array.from({ length: table.boardSlots }, (_, i) => {
                const c = table.board[i];
                // biome-ignore lint/suspicious/noArrayIndexKey: board slots are positions
                return c ? <Card key={i} card={c} /> : <EmptyCard key={i} />;
              })}
            </div>
          )}
          <div className="pot" data-testid="pot">
            Pot {table.pot.toLocaleString('en-US')}
          </div>
        </div>
        {table.seats.map((s) => {
          const k = order(s.seat);
          const pos = position(k, n, 41, 40);
          const betPos = position(k, n, 25, 21);
          const clock = clocks?.[s.seat];
          const acting = table.toAct === s.seat || Boolean(clock?.deciding);
          const classes = [
            'poker-seat',
            acting && 'to-act',
            s.folded && 'folded',
            me === s.seat && 'me',
            s.busted && 'busted',
            s.winner && 'winner',
          ];
          return (
            <div key={s.seat}>
              <div className={classes.filter(Boolean).join(' ')} style={pos} data-seat={s.seat}>
                <span className="visually-hidden">
                  Seat {s.seat}
                  {acting ? ', to act' : ''}:{' '}
                </span>
                <div className="name" title={s.name}>
                  <span className="muted-inverse">{s.seat}</span> {s.name}
                  {s.button && (
                    <span className="dealer-button" title="Dealer button">
                      D
                    </span>
                  )}
                  {s.blind && (
                    <span className="blind-marker" title={s.blind === 'SB' ? 'Small blind' : 'Big blind'} data-blind={s.blind}>
                      {s.blind}
                    </span>
                  )}
                </div>
                <div className="cards" style={{ margin: '0.2rem 0' }}>
                  {s.cards.length > 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: hole cards are positions
                    s.cards.map((c, i) => <Card key={i} card={c} small />)
                  ) : (
                    <span className="small muted">&nbsp;</span>
                  )}
                </div>
                <div className="stack">
                  {s.stack !== null ? s.stack.toLocaleString('en-US') : `in pot ${s.bet}`}
                  {s.allIn && !s.busted && <strong> · all in</strong>}
                </div>
                {s.handName && (
                  <div className="hand-name small" data-testid="hand-name">
                    {s.handName}
                  </div>
                )}
                {s.equity !== null && (
                  <div className="small" data-testid="equity" title="Win equity: the hand's average share of the pot">
                    {Math.round(s.equity * 100)}% equity
                  </div>
                )}
                {s.note && <div className="small">{s.note}</div>}
                {clock && <SeatClockView clock={clock} />}
              </div>
              {s.winner && table.showdown && (
                // Keyed by hand so the chips slide from the pot again for every pot won.
                <div
                  key={table.showdown.hand}
                  className="chip-push"
                  style={{ '--to-left': pos.left, '--to-top': pos.top } as React.CSSProperties}
                  aria-hidden="true"
                />
              )}
              {s.stack !== null && s.bet > 0 && (
                <div className="poker-bet" style={betPos} data-bet-seat={s.seat}>
                  {s.bet.toLocaleString('en-US')}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Who took the pot of the hand just finished, and with what. */
function ShowdownBanner({ showdown, seats }: { showdown: NonNullable<TableModel['showdown']>; seats: TableModel['seats'] }) {
  const name = (seat: number) => seats.find((s) => s.seat === seat)?.name ?? `Seat ${seat}`;
  const lines = showdown.winners.map((w) => {
    const verb = name(w.seat) === 'You' ? 'win' : 'wins';
    return `${name(w.seat)} ${verb} ${w.won.toLocaleString('en-US')}${w.handName ? ` with ${w.handName}` : ''}`;
  });
  return (
    <div className="showdown-banner" role="status" data-testid="showdown">
      Hand {showdown.hand}: {lines.length > 0 ? lines.join('; ') : 'the pot is split'}
    </div>
  );
}

/** The hand's actions, newest last. */
export function ActionLog({ lines, title = 'Action log' }: { lines: string[]; title?: string }) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <section className="panel" aria-label={title}>
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      {lines.length === 0 ? (
        <p className="muted small">Nothing yet.</p>
      ) : (
        <ol className="log-list scroll-list" aria-live="polite" ref={ref} data-testid="action-log">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines are positions
            <li key={i}>{l}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
