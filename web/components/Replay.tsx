'use client';

import type { Diplomacy, Game } from '@parley/games';
import type { ActionRecord, MatchDetail, MessageRecord } from '@parley/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { POWER_COLOUR } from '../lib/diplomacy/colours';
import { modelFromState, POWERS, phaseCode, phaseName } from '../lib/diplomacy/model';
import { gameView, POWER_NAMES, seatLabel, seatNames } from '../lib/format';
import { tableModel } from '../lib/poker';
import { nextStop, prevStop, ReplayEngine, stopAtOrBefore } from '../lib/replay';
import { AgentPanel } from './AgentPanel';
import { BranchButton } from './BranchButton';
import { LineChart } from './charts/charts';
import { DiplomacyBoard } from './diplomacy/DiplomacyBoard';
import { OrderList, outcomeText, PowerTable } from './diplomacy/DiplomacyPanels';
import { GenericTable } from './GenericTable';
import { PressPanel } from './PressPanel';
import { PokerTable } from './poker/PokerTable';
import { SPEEDS, Timeline } from './Timeline';

/** A chance action as the viewer may read it: the engine's own redaction, or just `chance`. */
const chanceLine = (rules: Game<unknown, unknown>, action: string, viewer: number | null): string =>
  rules.chanceText?.(action, viewer) ?? 'chance';

/** Milliseconds per step at 1×. */
const BASE_INTERVAL = { phase: 1600, action: 700 } as const;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** `canBranch`: the viewer is the operator, who may fork the match at the turn shown. */
export function Replay({
  match,
  initialT,
  canBranch = false,
}: {
  match: MatchDetail;
  initialT: number | null;
  canBranch?: boolean;
}) {
  const actions = useMemo(
    () => match.events.filter((e) => e.kind === 'action').map((e) => e.payload as ActionRecord),
    [match.events],
  );
  const messages = useMemo(
    () => match.events.filter((e) => e.kind === 'message').map((e) => e.payload as MessageRecord),
    [match.events],
  );
  const engine = useMemo(() => {
    try {
      return new ReplayEngine(match.game, match.params, actions);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [match.game, match.params, actions]);
  if (engine instanceof Error) {
    return (
      <p className="error-box" role="alert">
        This match cannot be replayed here: {engine.message}
      </p>
    );
  }
  return <ReplayView match={match} engine={engine} messages={messages} initialT={initialT} canBranch={canBranch} />;
}

function ReplayView({
  match,
  engine,
  messages,
  initialT,
  canBranch,
}: {
  match: MatchDetail;
  engine: ReplayEngine;
  messages: MessageRecord[];
  initialT: number | null;
  canBranch: boolean;
}) {
  const drawn = gameView(match.game);
  // Simultaneous games step a phase at a time (their turn key changes), the others an action.
  const phased = engine.game.turnKey !== undefined;
  const names = useMemo(() => seatNames(match), [match]);
  const max = engine.length;
  const [t, setT] = useState(() => Math.max(0, Math.min(initialT ?? 0, max)));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [viewer, setViewer] = useState<number | null>(null);
  const [progress, setProgress] = useState(engine.computed);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const tRef = useRef(t);
  tRef.current = t;

  // Fill the cache in the background, a few milliseconds at a time.
  useEffect(() => {
    let cancelled = false;
    let lastReport = 0;
    const tick = () => {
      if (cancelled) return;
      const done = engine.advance(10);
      const now = performance.now();
      if (done || now - lastReport > 150) {
        lastReport = now;
        setProgress(engine.computed);
      }
      if (!done) setTimeout(tick, 0);
    };
    const id = setTimeout(tick, 0);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }, [engine]);

  const stops = useMemo(() => {
    void progress;
    return engine.stops(false);
  }, [engine, progress]);

  const step = useCallback(
    (direction: 1 | -1, fine: boolean) => {
      const now = tRef.current;
      let next: number;
      if (fine) next = Math.max(0, Math.min(engine.last, now + direction));
      else if (direction > 0) {
        if (phased) engine.ensurePhaseAfter(now);
        next = nextStop(phased ? engine.stops(false) : stops, now);
      } else next = prevStop(phased ? engine.stops(false) : stops, now);
      setT(next);
      return next;
    },
    [engine, stops, phased],
  );

  // Playback.
  useEffect(() => {
    if (!playing) return;
    if (t >= engine.last) {
      setPlaying(false);
      return;
    }
    const id = setTimeout(() => step(1, false), BASE_INTERVAL[phased ? 'phase' : 'action'] / speed);
    return () => clearTimeout(id);
  }, [playing, t, speed, step, engine, phased]);

  // Keyboard shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const speedIndex = SPEEDS.indexOf(speed as (typeof SPEEDS)[number]);
      switch (e.key) {
        case 'ArrowRight':
          e.preventDefault();
          step(1, e.shiftKey);
          break;
        case 'ArrowLeft':
          e.preventDefault();
          step(-1, e.shiftKey);
          break;
        case ' ':
        case 'k':
          if ((e.target as HTMLElement | null)?.tagName === 'BUTTON' && e.key === ' ') return;
          e.preventDefault();
          setPlaying((p) => !p);
          break;
        case 'Home':
          e.preventDefault();
          setT(0);
          break;
        case 'End':
          e.preventDefault();
          setT(engine.last);
          break;
        case '+':
        case '=':
          setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)] ?? speed);
          break;
        case '-':
        case '_':
          setSpeed(SPEEDS[Math.max(0, speedIndex - 1)] ?? speed);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, speed, engine]);

  // Keep ?t= in the address bar (replaced, not pushed: the back button leaves the replay).
  useEffect(() => {
    const id = setTimeout(() => {
      const url = new URL(window.location.href);
      if (url.searchParams.get('t') === String(t)) return;
      url.searchParams.set('t', String(t));
      window.history.replaceState(window.history.state, '', url.toString());
    }, 150);
    return () => clearTimeout(id);
  }, [t]);

  const state = engine.stateAt(t);
  const prev = stopAtOrBefore(stops, Math.max(0, t - 1));
  const range: [number, number] = [t > 0 ? prev : 0, t];
  const actionAt = useCallback((seq: number) => engine.actions[seq]?.action, [engine]);

  const seek = useCallback(
    (to: number) => {
      setT(Math.max(0, Math.min(engine.last, to)));
    },
    [engine],
  );

  const complete = engine.complete;
  // Games with turns can be forked at the start of the turn shown (any but the final state).
  const { game: rules } = engine;
  const branchTurn = canBranch && rules.turnKey && !rules.isTerminal(state) ? rules.turnKey(state) : null;
  const branch = branchTurn && <BranchButton matchId={match.id} turn={branchTurn} />;
  const progressText = complete ? null : `preparing ${Math.round((100 * progress) / (max + 1))}%`;

  if (drawn === 'diplomacy-map') {
    const s = state as Diplomacy.DiplomacyState;
    const model = modelFromState(s);
    const label = `${phaseName(s.phase)}${t === engine.last && s.outcome ? ' (final)' : ''}`;
    const marks = complete
      ? engine.phaseStarts.map((ps) => ({ t: ps, label: phaseName((engine.stateAt(ps) as Diplomacy.DiplomacyState).phase) }))
      : undefined;
    return (
      <div className="stack">
        <Timeline
          t={t}
          max={engine.last}
          playing={playing}
          speed={speed}
          unit="phase"
          label={label}
          onSeek={seek}
          onStep={step}
          onPlay={setPlaying}
          onSpeed={setSpeed}
          marks={marks}
          progress={progressText}
          ready={ready}
        />
        {engine.error && <p className="error-box">{engine.error.message}</p>}
        <div className="match-layout">
          <div className="stack">
            <div className="phase-title">
              <strong data-testid="phase-name">{phaseName(s.phase)}</strong>
              {model.ordersPhase && <span className="muted small">showing the orders of {phaseName(model.ordersPhase)}</span>}
              {outcomeText(model) && <span className="badge">{outcomeText(model)}</span>}
            </div>
            <DiplomacyBoard model={model} />
            {complete && <CentreChart engine={engine} current={t} />}
          </div>
          <div className="match-side">
            <section className="panel">
              <PowerTable model={model} names={names} />
            </section>
            <section className="panel">
              <OrderList model={model} />
            </section>
            {branch}
            <PressPanel messages={messages.filter((m) => m.seq <= t)} currentPhase={phaseCode(s.phase)} names={names} />
            {match.modelCalls.length > 0 && (
              <AgentPanel
                calls={match.modelCalls}
                game={match.game}
                names={names}
                range={range}
                onJump={seek}
                actionAt={actionAt}
              />
            )}
          </div>
        </div>
      </div>
    );
  }

  const game = engine.game as Game<unknown, unknown>;
  const current = game.isTerminal(state) ? 'terminal' : game.currentPlayer(state);
  const toAct = typeof current === 'number' ? current : null;
  const view = viewer === null ? game.spectatorView(state) : game.observation(state, viewer);
  const table = tableModel(match.game, view, names, viewer, toAct);
  const last = engine.actions[t - 1];
  const label =
    t === 0
      ? 'Start'
      : `${last?.actor === 'chance' ? 'Deal' : `${names[last?.actor as number] ?? ''}`}: ${
          last?.actor === 'chance' ? chanceLine(game, last.action, viewer) : last?.action
        }`;
  return (
    <div className="stack">
      <Timeline
        t={t}
        max={engine.last}
        playing={playing}
        speed={speed}
        unit="action"
        label={label}
        onSeek={seek}
        onStep={step}
        onPlay={setPlaying}
        onSpeed={setSpeed}
        progress={progressText}
        ready={ready}
      />
      {engine.error && <p className="error-box">{engine.error.message}</p>}
      <div className="match-layout">
        <div className="stack">
          <div className="row">
            <label className="row small">
              {drawn === 'poker-table' ? 'Cards shown' : 'Shown'} as seen by
              <select
                value={viewer ?? ''}
                onChange={(e) => setViewer(e.target.value === '' ? null : Number(e.target.value))}
                data-testid="viewer-select"
              >
                <option value="">a spectator (public information only)</option>
                {names.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: seats are positions
                  <option key={i} value={i}>
                    {seatLabel(match.game, i)}: {n}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {drawn === 'poker-table' ? (
            table && <PokerTable table={table} me={viewer} />
          ) : (
            <GenericTable game={match.game} view={view} names={names} me={viewer} toAct={toAct} />
          )}
        </div>
        <div className="match-side">
          {branch}
          <ReplayActionLog engine={engine} names={names} t={t} viewer={viewer} onSeek={seek} calls={match.modelCalls} />
          {match.modelCalls.length > 0 && (
            <AgentPanel
              calls={match.modelCalls}
              game={match.game}
              names={names}
              range={range}
              onJump={seek}
              actionAt={actionAt}
            />
          )}
        </div>
      </div>
    </div>
  );
}

/** Every action, the current one highlighted; a window around it for long matches. */
function ReplayActionLog({
  engine,
  names,
  t,
  viewer,
  onSeek,
  calls,
}: {
  engine: ReplayEngine;
  names: string[];
  t: number;
  viewer: number | null;
  onSeek(t: number): void;
  calls: MatchDetail['modelCalls'];
}) {
  const withCalls = useMemo(() => new Set(calls.map((c) => c.actionSeq)), [calls]);
  const from = Math.max(0, t - 60);
  const to = Math.min(engine.actions.length, t + 60);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = listRef.current?.querySelector(`li[data-i="${t - 1}"]`);
    if (el && 'scrollIntoView' in el) (el as HTMLElement).scrollIntoView({ block: 'nearest' });
  }, [t]);
  return (
    <section className="panel" aria-label="Actions">
      <h3 style={{ marginTop: 0 }}>Actions</h3>
      <ol className="log-list scroll-list" ref={listRef} start={from + 1}>
        {engine.actions.slice(from, to).map((a, k) => {
          const i = from + k;
          const text = a.actor === 'chance' ? chanceLine(engine.game, a.action, viewer) : a.action;
          const cls = i === t - 1 ? 'current' : i >= t ? 'future' : undefined;
          return (
            <li key={a.seq} className={cls} data-i={i}>
              <button type="button" className="link" onClick={() => onSeek(i + 1)} aria-label={`Go to action ${i + 1}`}>
                {i + 1}
              </button>
              <span>
                {a.actor === 'chance' ? 'dealer' : (names[a.actor] ?? `seat ${a.actor}`)}: {text}
                {a.fallback && (
                  <span className="badge" title={a.error}>
                    {a.fallback}
                  </span>
                )}
                {withCalls.has(a.seq) && (
                  <span className="badge" title="model calls led to this action">
                    model
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Supply centres per power over the game, with the phase on screen marked. */
function CentreChart({ engine, current }: { engine: ReplayEngine; current: number }) {
  const data = useMemo(() => {
    const seasonOffset = { spring: 0, fall: 0.5, winter: 0.75 } as const;
    const points = engine.phaseStarts.map((ps) => {
      const s = engine.stateAt(ps) as Diplomacy.DiplomacyState;
      const counts = POWERS.map((p) => s.centres.filter((c) => c.power === p).length);
      return { ps, x: s.phase.year + seasonOffset[s.phase.season], counts };
    });
    return points;
  }, [engine]);
  const at = stopAtOrBefore(engine.phaseStarts, current);
  const marker = data.find((d) => d.ps === at)?.x;
  return (
    <section className="panel" aria-label="Supply centres over time">
      <LineChart
        title="Supply centres per power over time"
        xLabel="year"
        yLabel="centres"
        yMin={0}
        marker={marker}
        height={220}
        series={POWERS.map((p, i) => ({
          label: POWER_NAMES[i] ?? p,
          colour: POWER_COLOUR[p],
          points: data.map((d) => ({ x: d.x, y: d.counts[i] ?? 0 })),
        }))}
      />
    </section>
  );
}
