/**
 * Progress on stderr: a redrawn bar with rate and ETA when stderr is a terminal, otherwise a
 * plain line every few seconds (CI logs, files). Never writes to stdout, which `--json` owns.
 */
export interface ProgressOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Seconds between plain lines when not on a terminal (default 10). */
  intervalS?: number;
  label?: string;
}

export class Progress {
  private readonly stream: NonNullable<ProgressOptions['stream']>;
  private readonly tty: boolean;
  private readonly started = performance.now();
  private readonly startDone: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private total: number,
    private done: number,
    private readonly options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.startDone = done;
  }

  setTotal(total: number): void {
    this.total = total;
  }

  tick(n = 1): void {
    this.done += n;
    const now = performance.now();
    if (now - this.last >= (this.tty ? 100 : (this.options.intervalS ?? 10) * 1000)) {
      this.last = now;
      this.draw();
    }
  }

  finish(): void {
    this.draw();
    if (this.tty) this.stream.write('\n');
  }

  /** The status text: counts, rate and ETA. */
  line(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = (this.done - this.startDone) / Math.max(seconds, 1e-9);
    const left = Math.max(0, this.total - this.done);
    const eta = rate > 0 ? clock(left / rate) : '?';
    const pct = this.total > 0 ? Math.floor((100 * this.done) / this.total) : 100;
    const rateText = rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(2);
    return `${this.options.label ?? 'matches'} ${this.done}/${this.total} ${pct}%  ${rateText}/s  ETA ${eta}  elapsed ${clock(seconds)}`;
  }

  private draw(): void {
    const text = this.line();
    if (!this.tty) {
      this.stream.write(`${text}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - 4));
    const filled = this.total > 0 ? Math.round((width * Math.min(this.done, this.total)) / this.total) : width;
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}\x1b[K`);
  }
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
