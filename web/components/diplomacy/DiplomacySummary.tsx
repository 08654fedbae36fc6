'use client';

import type { MessageRecord } from '@parley/protocol';
import { POWER_COLOUR } from '../../lib/diplomacy/colours';
import { POWERS, type PublicDiplomacyView, phaseCode, phaseName } from '../../lib/diplomacy/model';
import { POWER_NAMES } from '../../lib/format';
import { CentreChart, useCentreHistory } from './CentreChart';

const LATEST_PRESS = 3;

/**
 * A Diplomacy game at a glance, for the lobby: the phase, supply centres per power (most first,
 * with who plays it), the centre chart of the phases watched, and the latest public press.
 */
export function DiplomacySummary({
  view,
  names,
  press,
}: {
  view: PublicDiplomacyView;
  names: readonly string[];
  press: readonly MessageRecord[];
}) {
  const counts = POWERS.map((p) => view.centres[p]?.length ?? 0);
  const history = useCentreHistory(phaseCode(view.phase), counts);
  const ranked = POWERS.map((p, seat) => ({ p, seat, n: counts[seat]! })).sort((a, b) => b.n - a.n || a.seat - b.seat);
  const latest = press.slice(-LATEST_PRESS).reverse();
  return (
    <div className="featured-summary" data-testid="diplomacy-summary">
      <div>
        <p className="small" style={{ marginTop: 0 }}>
          <strong>{phaseName(view.phase)}</strong>
          {view.outcome && ' · game over'}
        </p>
        <ol className="centre-bars" aria-label="Supply centres">
          {ranked.map(({ p, seat, n }) => (
            <li key={p} className="row small" style={{ gap: '0.4rem' }}>
              <span style={{ minWidth: '4.5rem', color: POWER_COLOUR[p], fontWeight: 700 }}>{POWER_NAMES[seat]}</span>
              <span className="muted" style={{ minWidth: '5rem' }}>
                {names[seat] ?? ''}
              </span>
              <span
                aria-hidden="true"
                style={{ display: 'inline-block', height: '0.6rem', width: `${(n / 18) * 8}rem`, background: POWER_COLOUR[p] }}
              />
              <span>
                {n} {n === 1 ? 'centre' : 'centres'}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <CentreChart points={history} caption="Supply centres, phases watched here" />
      <div>
        <h3 className="small" style={{ margin: '0 0 0.25rem' }}>
          Latest press
        </h3>
        {latest.length === 0 ? (
          <p className="small muted" style={{ margin: 0 }}>
            No public press yet (spectators read public messages; private ones stay private).
          </p>
        ) : (
          <ul className="small" style={{ margin: 0, paddingLeft: '1rem' }} data-testid="latest-press">
            {latest.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id
              <li key={i}>
                <strong style={{ color: POWER_COLOUR[POWERS[m.from] ?? 'austria'] }}>{POWER_NAMES[m.from]}</strong> ({m.phase}):{' '}
                {m.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
