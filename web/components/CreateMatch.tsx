'use client';

import { findGame, listGames, supportsOf } from '@parley/games';
import type { ApiError, CreatedMatch, MatchRequest } from '@parley/protocol';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { seatLabel } from '../lib/format';
import { saveSeats } from '../lib/seat-tokens';
import { initialParamsText, ParamFields } from './ParamFields';

/**
 * A new match's parameters: from the game's form fields when it declares them; else the
 * parameter that bounds its length (Diplomacy's last year) at its default, for a person to set.
 */
function startParams(gameId: string): string {
  const game = findGame(gameId);
  if (!game) return '{}';
  const { paramFields, lengthParam } = supportsOf(game);
  if (paramFields.length > 0) return initialParamsText(paramFields);
  if (!lengthParam) return '{}';
  const defaults = game.descriptor.defaultParams as Record<string, unknown>;
  return JSON.stringify({ [lengthParam]: defaults[lengthParam] ?? null }, null, 2);
}

/** The seats the game proposes for a person's match (`human` first, then built-in agents). */
function startSeats(gameId: string): string[] {
  const game = findGame(gameId);
  return game ? [...supportsOf(game).defaultSeats] : [];
}

/** A registered agent as `GET /api/registry` lists it: seats name agents by these ids only. */
interface RegisteredAgent {
  id: string;
  kind: string;
  description: string;
  games: string[] | null;
}

/** The operator's registry: the built-in bots, its LLM configurations and bot accounts. */
/** Games with press run on phase clocks (press, orders) and unpaced; the others on a per-action clock. */
function hasPress(gameId: string): boolean {
  const game = findGame(gameId);
  return game !== undefined && supportsOf(game).press;
}

function useRegistry(): RegisteredAgent[] {
  const [agents, setAgents] = useState<RegisteredAgent[]>([]);
  useEffect(() => {
    let live = true;
    fetch('/api/registry')
      .then((res) => (res.ok ? res.json() : { agents: [] }))
      .then((body: { agents?: RegisteredAgent[] }) => live && setAgents(body.agents ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return agents;
}

function seatCount(gameId: string, paramsText: string): number | string {
  const game = listGames().find((g) => g.descriptor.id === gameId);
  if (!game) return 'unknown game';
  let raw: unknown;
  try {
    raw = paramsText.trim() ? JSON.parse(paramsText) : {};
  } catch {
    return 'parameters are not valid JSON';
  }
  const parsed = game.descriptor.parseParams(raw);
  if (!parsed.ok) return parsed.error.message;
  return game.descriptor.numPlayers(parsed.params);
}

export function CreateMatch() {
  const router = useRouter();
  const games = useMemo(() => listGames().map((g) => ({ id: g.descriptor.id, name: g.descriptor.name })), []);
  const [game, setGame] = useState('nlhe');
  const [paramsText, setParamsText] = useState(() => startParams('nlhe'));
  const [seats, setSeats] = useState<string[]>(() => startSeats('nlhe'));
  const [seed, setSeed] = useState('');
  const [actionSec, setActionSec] = useState('30');
  const [bankSec, setBankSec] = useState('60');
  const [pressSec, setPressSec] = useState('60');
  const [ordersSec, setOrdersSec] = useState('120');
  const [delaySec, setDelaySec] = useState('0');
  const [paceMs, setPaceMs] = useState('400');
  const [rated, setRated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const registry = useRegistry();

  const count = seatCount(game, paramsText);
  const descriptor = findGame(game);
  const fields = descriptor ? supportsOf(descriptor).paramFields : [];
  const defaults = (descriptor?.descriptor.defaultParams ?? {}) as Record<string, unknown>;
  const n = typeof count === 'number' ? count : seats.length;
  const shown = Array.from({ length: n }, (_, i) => seats[i] ?? 'random');

  const chooseGame = (id: string) => {
    setGame(id);
    setParamsText(startParams(id));
    setSeats(startSeats(id));
    setPaceMs(hasPress(id) ? '0' : '400');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (typeof count !== 'number') {
      setError(count);
      return;
    }
    const secs = (text: string) => Math.round(Number(text) * 1000);
    const body: MatchRequest = {
      game,
      params: paramsText.trim() ? JSON.parse(paramsText) : {},
      seats: shown.map((s) => s.trim()),
      spectatorDelayMs: secs(delaySec),
      paceMs: Math.round(Number(paceMs)),
      clock: hasPress(game)
        ? { pressMs: secs(pressSec), ordersMs: secs(ordersSec), retreatMs: secs(ordersSec), adjustMs: secs(ordersSec) }
        : { actionMs: secs(actionSec), bankMs: secs(bankSec) },
    };
    if (seed.trim()) body.seed = Number(seed);
    if (rated) body.rated = true;
    setBusy(true);
    try {
      const res = await fetch('/api/matches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as CreatedMatch | ApiError;
      if (!res.ok || !('matchId' in json)) {
        setError('message' in json ? json.message : `the arena answered ${res.status}`);
        return;
      }
      const held = json.seats.filter((s): s is { seat: number; token: string } => typeof s.token === 'string');
      saveSeats(json.matchId, held);
      const first = held[0];
      router.push(
        first
          ? `/matches/${json.matchId}#seat=${first.seat}&token=${encodeURIComponent(first.token)}`
          : `/matches/${json.matchId}`,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const suggestions = ['human', ...registry.filter((a) => !a.games || a.games.includes(game)).map((a) => a.id)];

  return (
    <form onSubmit={submit} className="stack" aria-label="Create a match">
      <div className="form-grid">
        <label>
          Game
          <select value={game} onChange={(e) => chooseGame(e.target.value)} name="game">
            {games.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed (operator only)
          <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" name="seed" placeholder="random" />
        </label>
      </div>
      {fields.length > 0 && <ParamFields fields={fields} defaults={defaults} text={paramsText} onChange={setParamsText} />}
      <details open={fields.length === 0}>
        <summary>Advanced: parameters as JSON</summary>
        <label style={{ display: 'block' }}>
          Parameters (JSON)
          <textarea
            rows={Math.min(8, Math.max(3, paramsText.split('\n').length))}
            value={paramsText}
            onChange={(e) => setParamsText(e.target.value)}
            name="params"
          />
        </label>
      </details>
      {typeof count === 'string' && <p className="error-box small">{count}</p>}
      <fieldset className="panel">
        <legend>Seats</legend>
        <p className="small muted" style={{ marginTop: 0 }}>
          <code>human</code> opens a seat for a person (you get its link); every other seat names an agent the operator
          registered: the built-in bots, its LLM configurations and bot accounts (see the suggestions).
        </p>
        <div className="seat-editor">
          {shown.map((spec, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: seats are positions
            <label key={i} style={{ display: 'contents' }}>
              <span>{seatLabel(game, i)}</span>
              <input
                list={listId}
                value={spec}
                name={`seat-${i}`}
                onChange={(e) => {
                  const next = [...shown];
                  next[i] = e.target.value;
                  setSeats(next);
                }}
              />
            </label>
          ))}
        </div>
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </fieldset>
      <label className="small">
        <input type="checkbox" checked={rated} onChange={(e) => setRated(e.target.checked)} name="rated" /> Rated: the result
        moves everyone&apos;s rating on the <a href="/ladder">ladder</a> (leave it off for a casual match)
      </label>
      <details>
        <summary>Clocks and pacing</summary>
        <div className="form-grid" style={{ marginTop: '0.5rem' }}>
          {hasPress(game) ? (
            <>
              <label>
                Negotiation (s)
                <input value={pressSec} onChange={(e) => setPressSec(e.target.value)} inputMode="numeric" name="pressSec" />
              </label>
              <label>
                Orders (s)
                <input value={ordersSec} onChange={(e) => setOrdersSec(e.target.value)} inputMode="numeric" name="ordersSec" />
              </label>
            </>
          ) : (
            <>
              <label>
                Per action (s)
                <input value={actionSec} onChange={(e) => setActionSec(e.target.value)} inputMode="numeric" name="actionSec" />
              </label>
              <label>
                Time bank (s)
                <input value={bankSec} onChange={(e) => setBankSec(e.target.value)} inputMode="numeric" name="bankSec" />
              </label>
            </>
          )}
          <label>
            Spectator delay (s)
            <input value={delaySec} onChange={(e) => setDelaySec(e.target.value)} inputMode="numeric" name="delaySec" />
          </label>
          <label>
            Bot pace (ms per action)
            <input value={paceMs} onChange={(e) => setPaceMs(e.target.value)} inputMode="numeric" name="paceMs" />
          </label>
        </div>
      </details>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create match'}
      </button>
    </form>
  );
}
