import { POWER_COLOUR } from '../../lib/diplomacy/colours';
import { type BoardModel, centreCounts, POWERS, type Power, phaseName } from '../../lib/diplomacy/model';
import { POWER_NAMES } from '../../lib/format';

const cap = (p: string) => p[0]!.toUpperCase() + p.slice(1);

export function PowerSwatch({ power }: { power: Power }) {
  return <span className="swatch" style={{ background: POWER_COLOUR[power] }} aria-hidden="true" />;
}

export function outcomeText(model: BoardModel): string | null {
  const o = model.outcome;
  if (!o) return null;
  if (o.kind === 'solo') return `${cap(o.winner)} wins alone.`;
  return `Draw (${o.reason === 'vote' ? 'agreed' : 'last year reached'}) between ${o.powers.map(cap).join(', ')}.`;
}

/** Supply centres and units per power, with each power's agent and adjustments in winter. */
export function PowerTable({ model, names, me }: { model: BoardModel; names: string[]; me?: Power | null }) {
  const counts = centreCounts(model.owners);
  const units = Object.fromEntries(POWERS.map((p) => [p, model.units.filter((u) => u.power === p).length]));
  return (
    <table className="small" aria-label="Powers">
      <thead>
        <tr>
          <th scope="col">Power</th>
          <th scope="col">Agent</th>
          <th scope="col" className="num">
            Centres
          </th>
          <th scope="col" className="num">
            Units
          </th>
          {model.adjustments && (
            <th scope="col" className="num">
              Adjust
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {POWERS.map((p, i) => (
          <tr key={p} style={me === p ? { background: '#eff6ff' } : undefined}>
            <td>
              <span className="row" style={{ gap: '0.35rem' }}>
                <PowerSwatch power={p} />
                {POWER_NAMES[i]}
                {me === p && <span className="badge">you</span>}
              </span>
            </td>
            <td className="small">{names[i] ?? '–'}</td>
            <td className="num">{counts[p]}</td>
            <td className="num">{units[p]}</td>
            {model.adjustments && (
              <td className="num">
                {(model.adjustments[p] ?? 0) > 0 ? `+${model.adjustments[p]}` : (model.adjustments[p] ?? 0)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The orders on the board, by power, with the adjudicator's verdicts when resolved. */
export function OrderList({ model }: { model: BoardModel }) {
  if (model.orders.length === 0) return <p className="muted small">No orders to show yet.</p>;
  const title = model.ordersPhase ? `Orders of ${phaseName(model.ordersPhase)}` : 'Orders given this phase';
  return (
    <div>
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <div className="scroll-list">
        {POWERS.map((p, i) => {
          const mine = model.orders.filter((o) => o.power === p);
          if (mine.length === 0) return null;
          return (
            <div key={p} style={{ marginBottom: '0.4rem' }}>
              <div className="row small" style={{ gap: '0.35rem', fontWeight: 600 }}>
                <PowerSwatch power={p} /> {POWER_NAMES[i]}
              </div>
              <ul className="order-results" data-power={p}>
                {mine.map((o, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same text may repeat
                  <li key={k} className={o.result ?? o.status}>
                    {o.text}
                    {o.result && (
                      <span className="muted">
                        {' '}
                        — {o.result}
                        {o.reason ? ` (${o.reason})` : ''}
                      </span>
                    )}
                    {o.status === 'draft' && <span className="muted"> — not sent</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}
