'use client';
/**
 * The buttons of a person's turn at a poker table, with keyboard shortcuts; a no-limit game (as
 * its descriptor declares) adds the raise slider and quick sizes.
 */
import { Nlhe } from '@parley/games';
import { useCallback, useEffect, useState } from 'react';
import { bettingOf } from '../../lib/format';
import type { NlheView } from '../../lib/poker';
import { betVerb, clamp, quickSizes } from '../../lib/poker-sizing';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'range') return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

const LABEL: Record<string, string> = {
  fold: 'Fold',
  check: 'Check',
  call: 'Call',
  bet: 'Bet',
  raise: 'Raise',
  pass: 'Pass',
  show: 'Show',
  muck: 'Muck',
};

const KEY: Record<string, string> = { fold: 'f', check: 'c', call: 'c', bet: 'b', raise: 'r', pass: 'p', show: 's', muck: 'm' };

/**
 * Buttons for the legal actions. In No-Limit Hold'em the raise has a slider over the legal
 * raise-to range and quick sizes from the engine's list; keys: f fold, c check/call, r raise
 * (the slider's amount), a all in, ↑/↓ adjust the amount; Kuhn and Leduc use p, b, c, f, r.
 */
export function PokerControls({
  game,
  legal,
  observation,
  onAct,
}: {
  game: string;
  legal: string[];
  observation: unknown;
  onAct(action: string): void;
}) {
  // No-limit tables size each raise (slider, quick sizes); fixed-limit ones have one raise button.
  const nl = bettingOf(game) === 'no-limit' ? (observation as NlheView) : null;
  const raises = legal.filter((a) => a.startsWith('raise ')).map((a) => Number(a.slice(6)));
  const bounds = nl?.raise ?? (raises.length > 0 ? { min: Math.min(...raises), max: Math.max(...raises) } : null);
  const [amount, setAmount] = useState(() => bounds?.min ?? 0);
  const [sent, setSent] = useState(false);
  const simple = legal.filter((a) => !a.startsWith('raise '));
  const step = nl ? Math.max(1, Math.min(nl.blinds[1], 50)) : 1;

  const act = useCallback(
    (action: string) => {
      if (sent) return;
      setSent(true);
      onAct(action);
    },
    [sent, onAct],
  );

  const raiseTo = useCallback(
    (to: number) => {
      if (bounds) act(Nlhe.raiseAction(clamp(to, bounds)));
    },
    [bounds, act],
  );
  const verb = nl ? betVerb(nl) : 'Raise to';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (nl && bounds && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        setAmount((a) => Math.min(bounds.max, Math.max(bounds.min, a + (e.key === 'ArrowUp' ? step : -step))));
        return;
      }
      if (nl && bounds && k === 'r') {
        e.preventDefault();
        raiseTo(amount);
        return;
      }
      if (nl && bounds && k === 'a') {
        e.preventDefault();
        raiseTo(bounds.max);
        return;
      }
      const hit = simple.find((a) => KEY[a] === k);
      if (hit) {
        e.preventDefault();
        act(hit);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nl, bounds, amount, step, simple, act, raiseTo]);

  return (
    <div className="stack">
      <div className="controls">
        {simple.map((a) => (
          <button
            key={a}
            type="button"
            onClick={() => act(a)}
            disabled={sent}
            data-action={a}
            className={a === 'fold' ? 'danger' : undefined}
          >
            {LABEL[a] ?? a}
            {a === 'call' && nl?.toCall ? ` ${nl.toCall.toLocaleString('en-US')}` : ''} <kbd>{KEY[a] ?? ''}</kbd>
          </button>
        ))}
        {!nl && raises.length > 0 && (
          <button
            type="button"
            onClick={() => act(legal.find((a) => a.startsWith('raise')) ?? 'raise')}
            disabled={sent}
            data-action="raise"
          >
            Raise <kbd>r</kbd>
          </button>
        )}
      </div>
      {nl && bounds && (
        <div className="stack">
          <div className="controls">
            <label htmlFor="bet-amount" className="small">
              {verb}
            </label>
            <input
              id="bet-amount"
              type="range"
              min={bounds.min}
              max={bounds.max}
              step={step}
              value={amount}
              onChange={(e) => setAmount(Number(e.target.value))}
              aria-valuetext={`${amount} chips`}
            />
            <input
              type="number"
              min={bounds.min}
              max={bounds.max}
              value={amount}
              onChange={(e) => setAmount(Number(e.target.value))}
              style={{ width: '7rem' }}
              aria-label={`${verb} amount`}
            />
            <button type="button" onClick={() => raiseTo(amount)} disabled={sent} data-action="raise">
              {verb} {amount.toLocaleString('en-US')} <kbd>r</kbd>
            </button>
          </div>
          <div className="controls small" data-testid="quick-sizes">
            {quickSizes(nl, bounds).map((q) => (
              <button
                key={q.label}
                type="button"
                className="secondary"
                onClick={() => setAmount(q.to)}
                data-size={q.to}
                title={`${verb} ${q.to.toLocaleString('en-US')}`}
              >
                {q.label}
              </button>
            ))}
            <span className="muted key-hints">
              <kbd>↑</kbd>/<kbd>↓</kbd> adjust · <kbd>a</kbd> all in
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
