'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  type BoardOrder,
  locName,
  modelFromView,
  POWERS,
  type PublicDiplomacyView,
  parseOrderText,
  phaseCode,
  phaseName,
  provinceOf,
} from '../../lib/diplomacy/model';
import {
  canDo,
  candidatesFor,
  indexLegal,
  type LegalOrder,
  type Mode,
  type Selection,
  slotOf,
  targetsFor,
  unitIn,
} from '../../lib/diplomacy/order-entry';
import { historyOf, mergeHistory, type PastPhase, recordPhase } from '../../lib/diplomacy/phase-history';
import { formatDuration, POWER_NAMES } from '../../lib/format';
import type { RoomSnapshot } from '../../lib/use-room';
import { PressPanel } from '../PressPanel';
import { useNow } from '../SeatClock';
import { CentreChart, useCentreHistory } from './CentreChart';
import { DiplomacyBoard } from './DiplomacyBoard';
import { OrderList, outcomeText, PowerSwatch, PowerTable } from './DiplomacyPanels';
import { PhaseHistory } from './PhaseHistory';

interface Props {
  snap: RoomSnapshot;
  names: string[];
  me: number | null;
  send(type: 'act' | 'press' | 'ready', payload: unknown): boolean;
  /** The match page's own board: sized to the window and scrolled into view (not in a preview). */
  fillWindow?: boolean;
  /** The match, to fetch the phases played before the page opened (its phase history). */
  matchId?: string;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function LiveDiplomacy({ snap, names, me, send, fillWindow = false, matchId }: Props) {
  const own = snap.view;
  const obs = (me !== null ? own?.observation : null) as PublicDiplomacyView | null;
  const view = obs ?? (snap.spectator as PublicDiplomacyView | null);
  const legal = own?.legal ?? [];
  const decision = own?.decision ?? -1;
  const index = useMemo(() => indexLegal(legal), [legal]);
  const [drafts, setDrafts] = useState<Map<string, string>>(() => new Map());
  const [sel, setSel] = useState<Selection | null>(null);
  const [choice, setChoice] = useState<LegalOrder[] | null>(null);
  const [voteDraw, setVoteDraw] = useState(false);
  const [sentFor, setSentFor] = useState<number | null>(null);
  const phaseKey = view ? phaseCode(view.phase) : '';
  const myPower = me !== null ? POWERS[me] : null;
  const centreHistory = useCentreHistory(view ? phaseKey : null, view ? POWERS.map((p) => view.centres[p]?.length ?? 0) : null);
  const [history, setHistory] = useState<readonly PastPhase[]>([]);
  const [viewing, setViewing] = useState<string | null>(null);

  useEffect(() => {
    if (view) setHistory((h) => recordPhase(h, view));
  }, [view]);

  // The phases before the page opened, as spectators saw them begin (the arena never lists pending orders).
  const [earlier, setEarlier] = useState<readonly PastPhase[]>([]);
  useEffect(() => {
    if (!matchId) return;
    const abort = new AbortController();
    fetch(`/api/matches/${encodeURIComponent(matchId)}/turns`, { signal: abort.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ turns: { view: PublicDiplomacyView }[] }>) : null))
      .then((body) => body && setEarlier(historyOf(body.turns.map((t) => t.view))))
      .catch(() => undefined);
    return () => abort.abort();
  }, [matchId]);
  const fullHistory = useMemo(() => mergeHistory(earlier, history), [earlier, history]);

  // A new phase starts with a clean sheet.
  useEffect(() => {
    void phaseKey;
    setDrafts(new Map());
    setSel(null);
    setChoice(null);
    setVoteDraw(false);
  }, [phaseKey]);

  const pendingSlots = useMemo(
    () =>
      new Set(
        (view?.pendingOrders ?? []).flatMap((entry) => {
          const text = entry.slice(entry.indexOf(': ') + 2);
          const o = parseOrderText(text);
          return o && 'unit' in o ? [provinceOf(o.unit.loc)] : [];
        }),
      ),
    [view?.pendingOrders],
  );

  const draftOrders: BoardOrder[] = useMemo(
    () =>
      myPower
        ? [...drafts.entries()]
            .filter(([slot]) => !pendingSlots.has(slot))
            .map(([, text]) => ({ power: myPower, text, status: 'draft' as const }))
        : [],
    [drafts, myPower, pendingSlots],
  );

  const setDraft = useCallback((o: LegalOrder) => {
    setDrafts((d) => {
      const next = new Map(d);
      if (o.order.kind === 'waive') next.set(`WAIVE#${[...next.keys()].filter((k) => k.startsWith('WAIVE')).length}`, o.text);
      else next.set(slotOf(o), o.text);
      return next;
    });
    setSel(null);
    setChoice(null);
  }, []);

  const onProvince = useCallback(
    (p: string) => {
      if (sel && sel.mode !== 'move' && sel.other === null) {
        const other = unitIn(view?.units.map((u) => u.province) ?? [], p);
        if (other) setSel({ ...sel, other });
        return;
      }
      const c = candidatesFor(index, sel, p);
      if (c.length === 1) setDraft(c[0]!);
      else if (c.length > 1) setChoice(c);
    },
    [sel, index, view, setDraft],
  );

  const onUnit = useCallback(
    (loc: string) => {
      const targets = targetsFor(index, sel);
      if (sel && targets.has(provinceOf(loc)) && loc !== sel.unit) {
        onProvince(provinceOf(loc));
        return;
      }
      if (!index.byUnit.has(loc)) return;
      const disband = canDo(index, loc, 'disband');
      if (view?.phase.type === 'adjustment' && disband) {
        setDrafts((d) => {
          const next = new Map(d);
          const slot = provinceOf(loc);
          if (next.get(slot) === disband.text) next.delete(slot);
          else next.set(slot, disband.text);
          return next;
        });
        return;
      }
      setChoice(null);
      setSel(sel?.unit === loc ? null : { unit: loc, mode: 'move', other: null });
    },
    [index, sel, view?.phase.type, onProvince],
  );

  const chooseMode = useCallback(
    (mode: Mode | 'hold' | 'disband') => {
      if (!sel) return;
      if (mode === 'hold' || mode === 'disband') {
        const o = canDo(index, sel.unit, mode);
        if (o) setDraft(o);
        return;
      }
      setChoice(null);
      setSel({ ...sel, mode, other: null });
    },
    [sel, index, setDraft],
  );

  // Keyboard: m/s/c/h/d pick the kind of order for the selected unit, Escape cancels.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'Escape') {
        setSel(null);
        setChoice(null);
        return;
      }
      const map: Record<string, Mode | 'hold' | 'disband'> = { m: 'move', s: 'support', c: 'convoy', h: 'hold', d: 'disband' };
      const mode = map[e.key];
      if (mode && sel) {
        e.preventDefault();
        chooseMode(mode);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sel, chooseMode]);

  const ownSeat = me !== null ? snap.seats[me] : undefined;
  const now = useNow(Boolean(ownSeat?.deciding && ownSeat.deadlineAt > 0), 500);

  if (!view) return <p className="muted">Waiting for the board…</p>;

  const live = modelFromView(view, draftOrders);
  const past = viewing === null ? null : (fullHistory.find((p) => p.code === viewing && p.code !== phaseKey) ?? null);
  const model = past?.model ?? live;
  const targets = targetsFor(index, sel);
  const canOrder = me !== null && legal.length > 0;
  const due = view.ordersToGive ?? 0;
  const drafted = [...drafts.keys()].filter((k) => !pendingSlots.has(k)).length;
  const submit = () => {
    const list = [...drafts.entries()].filter(([slot]) => !pendingSlots.has(slot)).map(([, t]) => t);
    if (voteDraw && index.voteDraw) list.unshift('VOTE DRAW');
    if (list.length === 0 || decision < 0) return;
    if (send('act', { decision, actions: list })) setSentFor(decision);
  };
  const selUnit = sel
    ? (view.units.find((u) => u.province === sel.unit) ?? view.dislodged.find((u) => u.province === sel.unit))
    : null;
  const verb = !sel
    ? 'Build in'
    : sel.mode === 'move'
      ? view.phase.type === 'retreat'
        ? 'Retreat to'
        : 'Move to'
      : sel.other === null
        ? `Choose the unit to ${sel.mode}`
        : `${sel.mode === 'support' ? 'Support' : 'Convoy'} into`;
  const deciding = snap.seats.filter((s) => s.deciding).map((s) => s.seat);

  return (
    <div className="match-layout">
      <div className="stack">
        <DiplomacyBoard
          model={model}
          fillWindow={fillWindow}
          caption={
            <>
              <div className="phase-title">
                <strong data-testid="phase-name">{phaseName(view.phase)}</strong>
                {model.ordersPhase && <span className="muted small">showing the orders of {phaseName(model.ordersPhase)}</span>}
                {outcomeText(model) && <span className="badge">{outcomeText(model)}</span>}
              </div>
              <PhaseHistory history={fullHistory} viewing={past ? viewing : null} onView={setViewing} />
            </>
          }
          interaction={
            canOrder && !past
              ? {
                  selectableUnits: new Set(index.byUnit.keys()),
                  selectedUnit: sel?.unit ?? null,
                  secondaryUnit: sel?.other ?? null,
                  targets,
                  targetVerb: verb,
                  onUnit,
                  onProvince,
                }
              : undefined
          }
        />
        <p className="small muted">
          {deciding.length > 0 ? (
            <>
              Still to order:{' '}
              {deciding.map((s) => (
                <span key={s} className="row" style={{ display: 'inline-flex', gap: '0.2rem', marginRight: '0.5rem' }}>
                  <PowerSwatch power={POWERS[s]!} />
                  {POWER_NAMES[s]}
                </span>
              ))}
            </>
          ) : (
            'Every power has ordered.'
          )}
        </p>
      </div>
      <div className="match-side">
        {me !== null && (
          <section className="panel" aria-labelledby="orders-heading" data-testid="order-panel">
            <h3 id="orders-heading" style={{ marginTop: 0 }}>
              Your orders as {POWER_NAMES[me]}
            </h3>
            {ownSeat?.deciding && ownSeat.deadlineAt > 0 && (
              <p className="small" data-testid="order-clock">
                Orders due in <strong>{formatDuration(ownSeat.deadlineAt - now)}</strong>
              </p>
            )}
            {!canOrder && <p className="small muted">{due === 0 ? 'Nothing to order this phase.' : 'Your orders are in.'}</p>}
            {canOrder && decision < 0 && (
              <p className="note-box small">
                Negotiation period: talk to the other powers below, draft your orders, and press <em>Done negotiating</em> to open
                the orders.
              </p>
            )}
            {canOrder && (
              <>
                <p className="small" style={{ marginTop: 0 }}>
                  {view.phase.type === 'adjustment'
                    ? 'Click a home centre to build there, or one of your units to disband it.'
                    : 'Click one of your units, then where it goes. To support or convoy, choose the kind first (keys m, s, c, h), then the other unit, then its destination.'}
                </p>
                {sel && selUnit && (
                  <div className="stack" data-testid="selection">
                    <div className="small">
                      Selected: <strong>{`${selUnit.type} ${locName(selUnit.province)}`}</strong>
                      {sel.other && <> · with the unit in {locName(sel.other)}</>}
                    </div>
                    <div className="row" role="toolbar" aria-label="Kind of order">
                      {view.phase.type === 'retreat' ? (
                        <>
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={sel.mode === 'move'}
                            onClick={() => chooseMode('move')}
                          >
                            Retreat
                          </button>
                          <button type="button" className="secondary" onClick={() => chooseMode('disband')}>
                            Disband <kbd>d</kbd>
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={sel.mode === 'move'}
                            onClick={() => chooseMode('move')}
                          >
                            Move <kbd>m</kbd>
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={sel.mode === 'support'}
                            disabled={!canDo(index, sel.unit, 'support')}
                            onClick={() => chooseMode('support')}
                          >
                            Support <kbd>s</kbd>
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={sel.mode === 'convoy'}
                            disabled={!canDo(index, sel.unit, 'convoy')}
                            onClick={() => chooseMode('convoy')}
                          >
                            Convoy <kbd>c</kbd>
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            disabled={!canDo(index, sel.unit, 'hold')}
                            onClick={() => chooseMode('hold')}
                          >
                            Hold <kbd>h</kbd>
                          </button>
                        </>
                      )}
                      <button type="button" className="secondary" onClick={() => setSel(null)}>
                        Cancel <kbd>Esc</kbd>
                      </button>
                    </div>
                    <div className="small muted">{verb}: click a highlighted province.</div>
                  </div>
                )}
                {choice && (
                  <fieldset className="stack" style={{ border: 'none', padding: 0, margin: 0 }}>
                    <legend className="small">Which one?</legend>
                    <div className="row">
                      {choice.map((c) => (
                        <button key={c.text} type="button" className="secondary mono" onClick={() => setDraft(c)}>
                          {c.text}
                        </button>
                      ))}
                    </div>
                  </fieldset>
                )}
                <h4 className="small" style={{ margin: '0.6rem 0 0.2rem' }}>
                  Drafted {drafted} of {due}
                </h4>
                <ul className="order-results" data-testid="draft-orders">
                  {[...drafts.entries()]
                    .filter(([slot]) => !pendingSlots.has(slot))
                    .map(([slot, text]) => (
                      <li key={slot} className="row" style={{ gap: '0.3rem' }}>
                        <span>{text}</span>
                        <button
                          type="button"
                          className="secondary"
                          style={{ minHeight: '1.5rem', padding: '0 0.4rem' }}
                          aria-label={`Remove ${text}`}
                          onClick={() =>
                            setDrafts((d) => {
                              const next = new Map(d);
                              next.delete(slot);
                              return next;
                            })
                          }
                        >
                          ×
                        </button>
                      </li>
                    ))}
                </ul>
                <details>
                  <summary className="small">Choose from lists instead</summary>
                  <div className="stack" style={{ marginTop: '0.4rem' }}>
                    {[...index.byUnit.entries()].map(([loc, orders]) => (
                      <label key={loc} className="small" style={{ display: 'flex', flexDirection: 'column' }}>
                        {locName(loc)}
                        <select
                          value={drafts.get(provinceOf(loc)) ?? ''}
                          onChange={(e) => {
                            const o = orders.find((x) => x.text === e.target.value);
                            if (o) setDraft(o);
                          }}
                        >
                          <option value="">(no order: holds)</option>
                          {orders.map((o) => (
                            <option key={o.text} value={o.text}>
                              {o.text}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                    {[...index.builds.entries()].map(([p, orders]) => (
                      <label key={p} className="small" style={{ display: 'flex', flexDirection: 'column' }}>
                        Build in {locName(p)}
                        <select
                          value={drafts.get(p) ?? ''}
                          onChange={(e) => {
                            const o = orders.find((x) => x.text === e.target.value);
                            if (o) setDraft(o);
                          }}
                        >
                          <option value="">(no build)</option>
                          {orders.map((o) => (
                            <option key={o.text} value={o.text}>
                              {o.text}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                  </div>
                </details>
                <div className="row" style={{ marginTop: '0.5rem' }}>
                  {index.waive && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setDraft({ text: 'WAIVE', order: { kind: 'waive' } })}
                    >
                      Waive a build
                    </button>
                  )}
                  {index.voteDraw && (
                    <label className="row small">
                      <input type="checkbox" checked={voteDraw} onChange={(e) => setVoteDraw(e.target.checked)} /> Vote for a draw
                    </label>
                  )}
                </div>
                <div className="row" style={{ marginTop: '0.5rem' }}>
                  <button
                    type="button"
                    onClick={submit}
                    disabled={decision < 0 || (drafted === 0 && !voteDraw) || sentFor === decision}
                    data-testid="submit-orders"
                  >
                    Submit orders
                  </button>
                  {drafted < due && <span className="small muted">Units without an order hold (or disband).</span>}
                </div>
              </>
            )}
          </section>
        )}
        <section className="panel">
          <PowerTable model={model} names={names} me={myPower} />
          <CentreChart points={centreHistory} caption="Supply centres per power, phases watched on this page" />
        </section>
        <section className="panel">
          <OrderList model={model} />
        </section>
        <PressPanel
          messages={me !== null ? (own?.inbox ?? []) : snap.press}
          currentPhase={phaseKey}
          names={names}
          composer={
            me !== null && view.phase.type === 'movement' && !view.outcome
              ? {
                  me,
                  onSend: (to, text, commitments) => send('press', commitments ? { to, text, commitments } : { to, text }),
                  onReady: () => send('ready', {}),
                  note: decision >= 0 ? 'Orders are open.' : undefined,
                }
              : undefined
          }
        />
      </div>
    </div>
  );
}
