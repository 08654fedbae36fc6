'use client';

import { useState } from 'react';
import { Icon } from './Icon';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

interface Props {
  t: number;
  max: number;
  playing: boolean;
  speed: number;
  /** What one step is: `phase` or `action`. */
  unit: string;
  label: string;
  onSeek(t: number): void;
  onStep(direction: 1 | -1, fine: boolean): void;
  onPlay(playing: boolean): void;
  onSpeed(speed: number): void;
  /** Optional jump list (phases). */
  marks?: { t: number; label: string }[];
  progress?: string | null;
  /** Set once the page is interactive (hydrated). */
  ready?: boolean;
}

/** Replay controls: buttons, a scrubber, speed, and the list of keyboard shortcuts. */
export function Timeline({
  t,
  max,
  playing,
  speed,
  unit,
  label,
  onSeek,
  onStep,
  onPlay,
  onSpeed,
  marks,
  progress,
  ready,
}: Props) {
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    const url = new URL(window.location.href);
    url.searchParams.set('t', String(t));
    url.hash = '';
    try {
      await navigator.clipboard.writeText(url.toString());
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt('Link to this moment', url.toString());
    }
  };
  const currentMark = marks ? [...marks].reverse().find((m) => m.t <= t) : undefined;
  return (
    <section
      className="panel timeline"
      aria-label="Replay timeline"
      data-ready={ready ? 'true' : undefined}
      data-testid="timeline"
    >
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => onSeek(0)} aria-label="Go to start" title="Start (Home)">
          <Icon name="start" />
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => onStep(-1, false)}
          aria-label={`Previous ${unit}`}
          title={`Previous ${unit} (←)`}
        >
          <Icon name="prev" />
        </button>
        <button
          type="button"
          onClick={() => onPlay(!playing)}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
          data-testid="play"
          style={{ minWidth: '4.5rem' }}
        >
          <Icon name={playing ? 'pause' : 'play'} /> {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => onStep(1, false)}
          aria-label={`Next ${unit}`}
          title={`Next ${unit} (→)`}
        >
          <Icon name="next" />
        </button>
        <button type="button" className="secondary" onClick={() => onSeek(max)} aria-label="Go to end" title="End (End)">
          <Icon name="end" />
        </button>
        <label className="row small" style={{ gap: '0.3rem' }}>
          Speed
          <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} aria-label="Playback speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        {marks && marks.length > 1 && (
          <label className="row small" style={{ gap: '0.3rem' }}>
            Phase
            <select
              value={currentMark?.t ?? 0}
              onChange={(e) => onSeek(Number(e.target.value))}
              aria-label="Jump to phase"
              data-testid="phase-select"
            >
              {marks.map((m) => (
                <option key={m.t} value={m.t}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button type="button" className="secondary" onClick={copyLink} title="Copy a link to this moment">
          {copied ? 'Copied' : 'Link to this moment'}
        </button>
      </div>
      <label className="visually-hidden" htmlFor="replay-scrubber">
        Position in the match
      </label>
      <input
        id="replay-scrubber"
        type="range"
        min={0}
        max={max}
        step={1}
        value={t}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-valuetext={`${label}, action ${t} of ${max}`}
      />
      <div className="row small">
        <strong data-testid="replay-position" data-t={t}>
          {label}
        </strong>
        <span className="muted">
          action {t} / {max}
        </span>
        {progress && <span className="muted">· {progress}</span>}
        <span className="spacer" />
        <span className="muted kbd-hint">
          <kbd>←</kbd>/<kbd>→</kbd> {unit} · <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> single action · <kbd>Space</kbd> play ·{' '}
          <kbd>Home</kbd>/<kbd>End</kbd> · <kbd>+</kbd>/<kbd>−</kbd> speed
        </span>
      </div>
    </section>
  );
}
