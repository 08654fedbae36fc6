'use client';

/**
 * The generic table: draws any game from what its engine already gives every client, for games
 * whose descriptor names the `generic` view (Liar's Dice). The view (a seat's observation or the
 * spectator's view) is shown field by field and the legal actions are buttons (the replay's log
 * writes chance actions through the engine's `chanceText`), so nothing here knows a game's rules
 * or text. A game that wants a richer picture declares another view and brings one file for it.
 */
import { seatLabel } from '../lib/format';
import type { RoomSnapshot } from '../lib/use-room';

export interface GenericTableProps {
  game: string;
  /** A seat's observation, or the spectator view. */
  view: unknown;
  names: string[];
  me: number | null;
  toAct: number | null;
  legal?: readonly string[];
  onAct?(action: string): void;
}

export function GenericTable({ game, view, names, me, toAct, legal = [], onAct }: GenericTableProps) {
  return (
    <div className="stack" data-testid="generic-table">
      <section className="panel" aria-label="Seats">
        <ul className="small" style={{ margin: 0 }}>
          {names.map((name, seat) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: seats are positions
            <li key={seat} data-testid={`seat-${seat}`}>
              <strong>{seatLabel(game, seat)}</strong>: {name}
              {seat === me && <span className="badge">you</span>}
              {seat === toAct && <span className="badge">to act</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-label={me === null ? 'What everyone sees' : 'What your seat sees'}>
        <ViewFields view={view} />
      </section>
      {onAct && legal.length > 0 && (
        <section className="panel action-bar" aria-label="Your move" data-testid="generic-controls">
          {legal.map((action) => (
            <button key={action} type="button" onClick={() => onAct(action)}>
              {action}
            </button>
          ))}
        </section>
      )}
    </div>
  );
}

/** The view's fields as a definition list; lists joined, nested values as compact JSON. */
function ViewFields({ view }: { view: unknown }) {
  if (!view || typeof view !== 'object') return <p className="muted">Waiting for the table…</p>;
  return (
    <dl className="small" data-testid="generic-view">
      {Object.entries(view as Record<string, unknown>).map(([key, value]) => (
        <div key={key} className="row">
          <dt className="muted">{key}</dt>
          <dd className="mono" style={{ margin: 0 }}>
            {fieldText(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value))
    return value.length === 0 ? '–' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A live room drawn by the generic table: the seat's own view and moves, or the spectator's. */
export function LiveGeneric({
  game,
  snap,
  names,
  me,
  send,
}: {
  game: string;
  snap: RoomSnapshot;
  names: string[];
  me: number | null;
  send(type: 'act', payload: unknown): boolean;
}) {
  const own = snap.view;
  const seen = { game, names, me, view: me !== null && own?.observation ? own.observation : snap.spectator };
  const toAct = snap.seats.find((s) => s.deciding)?.seat ?? null;
  const decision = own?.decision ?? -1;
  if (me === null || !own || decision < 0 || own.legal.length === 0) return <GenericTable {...seen} toAct={toAct} />;
  const act = (action: string) => send('act', { decision, actions: [action] });
  return <GenericTable {...seen} toAct={toAct} legal={own.legal} onAct={act} />;
}
