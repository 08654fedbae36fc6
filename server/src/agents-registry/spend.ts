/**
 * Each operator-registered LLM configuration has a spend cap per UTC day in USD. The ledger adds
 * up the cost of every model call (as the record states it) per agent id and day, and keeps the
 * sums in a small JSON file so a restart does not reset the day. A capped agent refuses to ask
 * its model once the day's spend reaches the cap: the runtime then plays the safe default and
 * records why, as for any failed decision.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Agent, DecisionInput, PressInput } from '@parley/agents';

export interface SpendLedgerOptions {
  /** The JSON file the sums live in; none keeps them in memory only. */
  file?: string;
  now?: () => number;
}

export class SpendLedger {
  /** day (YYYY-MM-DD) → agent id → USD */
  private days: Record<string, Record<string, number>> = Object.create(null);
  private readonly now: () => number;

  constructor(private readonly options: SpendLedgerOptions = {}) {
    this.now = options.now ?? Date.now;
    if (options.file) this.days = readLedger(options.file);
  }

  day(at = this.now()): string {
    return new Date(at).toISOString().slice(0, 10);
  }

  spentToday(id: string): number {
    return this.days[this.day()]?.[id] ?? 0;
  }

  add(id: string, usd: number): void {
    if (!(usd > 0) || !Number.isFinite(usd)) return;
    const day = this.day();
    const sums = this.days[day] ?? Object.create(null);
    this.days = { [day]: sums }; // only today matters for caps; older days are dropped
    sums[id] = (sums[id] ?? 0) + usd;
    if (this.options.file) {
      mkdirSync(dirname(this.options.file), { recursive: true });
      writeFileSync(this.options.file, JSON.stringify(this.days));
    }
  }
}

function readLedger(file: string): Record<string, Record<string, number>> {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const out: Record<string, Record<string, number>> = Object.create(null);
    if (!raw || typeof raw !== 'object') return out;
    for (const [day, sums] of Object.entries(raw)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !sums || typeof sums !== 'object') continue;
      out[day] = Object.create(null);
      for (const [id, usd] of Object.entries(sums))
        if (typeof usd === 'number' && usd >= 0) (out[day] as Record<string, number>)[id] = usd;
    }
    return out;
  } catch {
    return Object.create(null); // a missing or damaged ledger starts the day at zero
  }
}

export class SpendCapReached extends Error {
  constructor(id: string, capUsd: number) {
    super(`agent/spend-cap: ${id} has spent its ${capUsd} USD for today`);
    this.name = 'SpendCapReached';
  }
}

/** Wraps an LLM agent so its model calls count against `id`'s daily cap, and refuses past it. */
export function capSpend(agent: Agent, id: string, capUsd: number, ledger: SpendLedger): Agent {
  const guard = <T extends DecisionInput | PressInput>(input: T): T => {
    if (ledger.spentToday(id) >= capUsd) throw new SpendCapReached(id, capUsd);
    const record = input.recordModelCall;
    const recordModelCall: DecisionInput['recordModelCall'] = (call) => {
      ledger.add(id, call.costUsd);
      record?.(call);
    };
    // The runtime builds some fields on demand (getters on its own class), which a spread would
    // drop: read everything through the input itself, and only the recorder through the cap.
    return new Proxy(input, {
      get: (target, key) => (key === 'recordModelCall' ? recordModelCall : Reflect.get(target, key, target)),
    });
  };
  const negotiate = agent.negotiate?.bind(agent);
  return {
    ...agent,
    name: agent.name,
    act: (input) => agent.act(guard(input)),
    ...(negotiate ? { negotiate: (input: PressInput) => negotiate(guard(input)) } : {}),
  };
}
