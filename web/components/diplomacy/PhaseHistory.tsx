import { phaseName } from '../../lib/diplomacy/model';
import type { PastPhase } from '../../lib/diplomacy/phase-history';

/**
 * Picks a past phase of a live game to show on the board (its opening position and its orders
 * with their results), or the phase in play: every phase of the game (the arena lists those before
 * the page opened).
 */
export function PhaseHistory({
  history,
  viewing,
  onView,
}: {
  history: readonly PastPhase[];
  viewing: string | null;
  onView(code: string | null): void;
}) {
  const past = history.slice(0, -1);
  if (past.length === 0) return null;
  const shown = past.find((p) => p.code === viewing);
  return (
    <div className="row small" data-testid="phase-history">
      <label className="row" style={{ gap: '0.3rem' }}>
        Phase history
        <select value={shown ? shown.code : ''} onChange={(e) => onView(e.target.value || null)}>
          <option value="">Now (live)</option>
          {past.map((p) => (
            <option key={p.code} value={p.code}>
              {phaseName(p.model.phase)}
            </option>
          ))}
        </select>
      </label>
      {shown && (
        <>
          <span className="badge">Viewing {phaseName(shown.model.phase)}</span>
          <button type="button" className="secondary" onClick={() => onView(null)}>
            Back to now
          </button>
        </>
      )}
    </div>
  );
}
