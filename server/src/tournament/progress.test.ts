import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clock, Progress } from './progress';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 100 },
  );
  return { stream, text: () => chunks.join('') };
}

describe('progress', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(clock(5)).toBe('0:05');
    expect(clock(125)).toBe('2:05');
    expect(clock(3 * 3600 + 61)).toBe('3:01:01');
  });

  it('redraws one bar in place on a terminal', () => {
    const out = sink(true);
    const p = new Progress(100, 20, { stream: out.stream });
    p.tick(30);
    p.finish();
    const text = out.text();
    expect(text.startsWith('\r[')).toBe(true);
    expect(text).toContain('matches 50/100 50%');
    expect(text).toMatch(/ETA \d+:\d\d/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('writes plain lines, at most one per interval, elsewhere', () => {
    const out = sink(false);
    const p = new Progress(10, 0, { stream: out.stream, intervalS: 3600 });
    for (let i = 0; i < 10; i++) p.tick();
    p.finish();
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(2); // the first tick, then the final line
    expect(lines[0]).toMatch(/^matches 1\/10 10%/);
    expect(lines[1]).toMatch(/^matches 10\/10 100% {2}[\d,.]+\/s {2}ETA 0:00 {2}elapsed 0:00$/);
  });
});
