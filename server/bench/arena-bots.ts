/**
 * A bot process for `arena.bench.ts`: real WebSocket clients (@colyseus/sdk) that create heads-up
 * tables through the HTTP API, take both seats and play them, thinking `thinkMs` on average before
 * each action (1 s as a fast person or model does; 0 answers at once, for the closed-loop maximum).
 * A think time is drawn uniformly from half to one and a half times the mean: people and models do
 * not answer in lockstep, and equal think times would keep every table opened in the same second
 * acting in the same millisecond for the rest of the run.
 * Both seats of a table live in this process, so one clock times an action from its `act` leaving
 * until the state it produces has reached both seats (the latency the bench reports).
 * Driven by the parent over IPC: `open` tables, `report` (and reset) counters, `stop`.
 */
import { Client, type Room } from '@colyseus/sdk';

export type BotCommand =
  | { type: 'open'; count: number; base: string; token: string; thinkMs: number; table: Record<string, unknown> }
  | { type: 'think'; thinkMs: number }
  | { type: 'report' }
  | { type: 'stop' };

export type BotReply =
  | { type: 'opened'; opened: number; failed: number; firstError?: string }
  | { type: 'report'; actions: number; latencies: number[]; errors: number; tables: number };

interface Table {
  rooms: Room<any>[];
  /** The act in flight: when it left, and which seats have seen a new state since. */
  pending: { at: number; seen: Set<number> } | null;
}

let thinkMs = 1000;
const tables: Table[] = [];
let actions = 0;
let errors = 0;
let latencies: number[] = [];
const timers = new Set<NodeJS.Timeout>();

function send(reply: BotReply): void {
  process.send?.(reply);
}

async function openTable(base: string, token: string, table: Record<string, unknown>): Promise<void> {
  // As the operator: a guest may run only a couple of matches (see arena/limits.ts).
  const res = await fetch(`${base}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...table, seats: ['human', 'human'], clock: { actionMs: 60_000, bankMs: 0 } }),
  });
  if (!res.ok) throw new Error(`create: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { matchId: string; seats: { token: string }[] };
  const t: Table = { rooms: [], pending: null };
  // Each seat listens as soon as it has joined, so it cannot miss the first state.
  await Promise.all(
    created.seats.map(async ({ token }, seat) => {
      const room = await new Client(base).joinById(created.matchId, { token });
      t.rooms[seat] = room;
      play(t, room, seat);
    }),
  );
  tables.push(t);
}

function play(t: Table, room: Room<any>, seat: number): void {
  let answered = -1;
  for (const type of ['ack', 'seat', 'finished']) room.onMessage(type, () => {});
  room.onMessage('error', () => {
    errors++;
  });
  room.onStateChange((state: any) => {
    const now = performance.now();
    if (t.pending && now > t.pending.at) {
      t.pending.seen.add(seat);
      if (t.pending.seen.size === 2) {
        latencies.push(now - t.pending.at);
        t.pending = null;
      }
    }
    const view = [...(state.views ?? [])][0];
    if (!view || view.decision < 0 || view.decision === answered) return;
    const legal = JSON.parse(view.legal) as string[];
    if (legal.length === 0) return;
    answered = view.decision;
    const decision = view.decision as number;
    const act = () => {
      t.pending = { at: performance.now(), seen: new Set() };
      room.send('act', { decision, actions: [legal.find((a) => a === 'check' || a === 'call') ?? (legal[0] as string)] });
      actions++;
    };
    if (thinkMs === 0) act();
    else {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          act();
        },
        thinkMs * (0.5 + Math.random()),
      );
      timers.add(timer);
    }
  });
}

process.on('message', async (command: BotCommand) => {
  if (command.type === 'open') {
    thinkMs = command.thinkMs;
    let opened = 0;
    let failed = 0;
    let firstError: string | undefined;
    // A few tables at a time per process, as many clients arriving together would.
    const queue = Array.from({ length: command.count }, (_, i) => i);
    await Promise.all(
      Array.from({ length: Math.min(8, command.count) }, async () => {
        while (queue.pop() !== undefined) {
          try {
            await openTable(command.base, command.token, command.table);
            opened++;
          } catch (error) {
            failed++;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    send({ type: 'opened', opened, failed, firstError });
  } else if (command.type === 'think') {
    thinkMs = command.thinkMs;
  } else if (command.type === 'report') {
    send({ type: 'report', actions, latencies, errors, tables: tables.length });
    actions = 0;
    errors = 0;
    latencies = [];
  } else {
    for (const timer of timers) clearTimeout(timer);
    await Promise.all(tables.flatMap((t) => t.rooms.map((r) => r.leave().catch(() => undefined))));
    process.exit(0);
  }
});
