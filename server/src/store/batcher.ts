/**
 * Group commit for the database store. Callers enqueue writes and get a promise; one writer
 * drains the queue in batches (a batch starts `maxDelayMs` after the first queued write, or at
 * once when `maxItems` are waiting) and resolves each caller once the transaction holding its
 * items has committed. While a batch is being written the next one gathers, so a fast bot match
 * pays for a transaction per batch, not per event, and nothing is acknowledged before it is
 * durable.
 *
 * One batch is in flight at a time, so writes commit in the order they were queued. If a batch
 * fails, its writes are retried one key (match) at a time, so one bad match cannot fail the
 * writes of the others; the writes of a key that still fails are rejected together, with that
 * key's writes still queued behind them (they would leave a gap).
 */

export interface BatchOptions {
  /** How long the first queued write may wait for company (ms). */
  maxDelayMs?: number;
  /** Start a batch at once when this many items are waiting; also the size a batch aims for. */
  maxItems?: number;
}

interface Pending<T> {
  key: string;
  items: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface BatchStats {
  batches: number;
  items: number;
  retries: number;
}

export class WriteBatcher<T> {
  private queue: Pending<T>[] = [];
  private queued = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  readonly stats: BatchStats = { batches: 0, items: 0, retries: 0 };
  private readonly maxDelayMs: number;
  private readonly maxItems: number;

  constructor(
    /** Writes the items of several keys in one transaction; throws if nothing was written. */
    private readonly write: (batch: ReadonlyMap<string, T[]>) => Promise<void>,
    /** Told which keys' writes were rejected, so the owner can forget what it assumed of them. */
    private readonly onFailure: (key: string, error: unknown) => void = () => {},
    options: BatchOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 25;
    this.maxItems = options.maxItems ?? 500;
  }

  enqueue(key: string, items: T[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store/closed: the store is closed'));
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ key, items, resolve, reject });
      this.queued += items.length;
      this.schedule();
    });
  }

  /** Writes everything queued so far, now, and waits for it. */
  async flush(): Promise<void> {
    while (this.running || this.queue.length > 0) {
      this.clearTimer();
      await (this.running ?? this.start());
    }
  }

  /** Flushes, then refuses further writes. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private schedule(): void {
    if (this.running) return; // the running batch starts the next one when it ends
    if (this.queued >= this.maxItems) {
      this.clearTimer();
      void this.start();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.running) void this.start();
      }, this.maxDelayMs);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Takes whole writes from the head of the queue until about `maxItems` items, and writes them. */
  private start(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    const taken: Pending<T>[] = [];
    let count = 0;
    while (this.queue.length > 0 && (taken.length === 0 || count + this.queue[0]!.items.length <= this.maxItems)) {
      const next = this.queue.shift()!;
      taken.push(next);
      count += next.items.length;
    }
    this.queued -= count;
    this.running = this.writeBatch(taken).finally(() => {
      this.running = undefined;
      // Whatever gathered meanwhile goes next: at once if the batch is full, else after the delay.
      if (this.queue.length > 0) this.schedule();
    });
    return this.running;
  }

  private async writeBatch(taken: Pending<T>[]): Promise<void> {
    const groups = groupByKey(taken);
    try {
      await this.write(itemsOf(groups));
      this.stats.batches++;
      this.stats.items += taken.reduce((n, p) => n + p.items.length, 0);
      for (const p of taken) p.resolve();
      return;
    } catch (error) {
      if (groups.size === 1) return this.fail(taken, error);
    }
    // Retry key by key: one match's bad write must not fail the others'.
    for (const [key, writes] of groups) {
      this.stats.retries++;
      try {
        await this.write(itemsOf(new Map([[key, writes]])));
        this.stats.batches++;
        this.stats.items += writes.reduce((n, p) => n + p.items.length, 0);
        for (const p of writes) p.resolve();
      } catch (error) {
        this.fail(writes, error);
      }
    }
  }

  /** Rejects the writes, and the key's later writes still queued: they would leave a gap. */
  private fail(writes: Pending<T>[], error: unknown): void {
    const keys = new Set(writes.map((p) => p.key));
    const later = this.queue.filter((p) => keys.has(p.key));
    this.queue = this.queue.filter((p) => !keys.has(p.key));
    this.queued -= later.reduce((n, p) => n + p.items.length, 0);
    for (const key of keys) this.onFailure(key, error);
    for (const p of [...writes, ...later]) p.reject(error);
  }
}

function groupByKey<T>(taken: Pending<T>[]): Map<string, Pending<T>[]> {
  const groups = new Map<string, Pending<T>[]>();
  for (const p of taken) {
    const list = groups.get(p.key);
    if (list) list.push(p);
    else groups.set(p.key, [p]);
  }
  return groups;
}

function itemsOf<T>(groups: Map<string, Pending<T>[]>): Map<string, T[]> {
  return new Map([...groups].map(([key, writes]) => [key, writes.flatMap((p) => p.items)]));
}
