/**
 * Test clients for the arena: real WebSocket connections through @colyseus/sdk that record every
 * raw frame they receive (with the public action count their decoded state had after it), and
 * can play a seat by choosing among the legal actions their own view shows.
 */
import { Client, type Room } from '@colyseus/sdk';
import { Connection } from '@colyseus/sdk/Connection';

export interface Frame {
  bytes: Buffer;
  /** `state.actions` right after the client decoded this frame; undefined before the join completed. */
  actions: number | undefined;
  /** `state.turn` then (Diplomacy's phase code). */
  turn: string | undefined;
}

type Recorder = (bytes: Buffer) => void;
let nextRecorder: Recorder | null = null;

// Every connection opened while `nextRecorder` is set records its raw inbound frames.
const originalConnect = Connection.prototype.connect;
Connection.prototype.connect = function (this: Connection, url: string, options?: unknown) {
  originalConnect.call(this, url, options);
  const recorder = nextRecorder;
  const ws = (
    this.transport as unknown as { ws?: { addEventListener(t: string, f: (e: { data: ArrayBuffer | Buffer }) => void): void } }
  ).ws;
  if (recorder && ws) ws.addEventListener('message', (e) => recorder(Buffer.from(e.data as ArrayBuffer)));
};

export interface TestSeat {
  room: Room<any>;
  frames: Frame[];
  errors: { code: string; message: string }[];
  acks: number;
}

// Joins run one at a time: the recorder is handed to whichever connection opens next.
let joining: Promise<unknown> = Promise.resolve();

type JoinArgs = [
  port: number,
  matchId: string,
  token?: string | Record<string, unknown>,
  /** Sent with the join request as a browser's would: a session cookie, its origin. */
  headers?: Record<string, string>,
];

/** Joins as a spectator, with a seat token, or with other join options (`{ botToken }`). */
export function join(...args: JoinArgs): Promise<TestSeat> {
  const next = joining.then(() => joinNow(...args));
  joining = next.catch(() => undefined);
  return next;
}

async function joinNow(...[port, matchId, token, headers]: JoinArgs): Promise<TestSeat> {
  const frames: Frame[] = [];
  let room: Room<any> | undefined;
  nextRecorder = (bytes) => {
    // The SDK's own handler ran first (it was attached first), so the state is already updated.
    frames.push({ bytes, actions: room?.state?.actions, turn: room?.state?.turn });
  };
  try {
    room = await new Client(`http://127.0.0.1:${port}`, headers && { headers }).joinById(
      matchId,
      token === undefined ? {} : typeof token === 'string' ? { token } : token,
    );
  } finally {
    nextRecorder = null;
  }
  const seat: TestSeat = { room, frames, errors: [], acks: 0 };
  room.onMessage('error', (m: { code: string; message: string }) => seat.errors.push(m));
  room.onMessage('ack', () => {
    seat.acks++;
  });
  room.onMessage('seat', () => {});
  room.onMessage('finished', () => {});
  return seat;
}

/** Plays the client's seat: whenever its view opens a decision, answers with `choose(legal)`. */
export function autoPlay(
  seat: TestSeat,
  choose: (legal: string[], observation: unknown) => string[] = (legal) => [legal[0] as string],
): void {
  let answered = -1;
  const respond = (state: any) => {
    const view = [...(state.views ?? [])][0];
    if (!view || view.decision < 0 || view.decision === answered) return;
    const legal = JSON.parse(view.legal) as string[];
    if (legal.length === 0) return;
    answered = view.decision;
    seat.room.send('act', { decision: view.decision, actions: choose(legal, JSON.parse(view.observation)) });
  };
  seat.room.onStateChange(respond);
  respond(seat.room.state);
}

/**
 * Waits for something a real socket or process will bring. The limit is a safety net against a
 * hang, never a speed requirement: it is at least a minute whatever the caller asks, so a loaded
 * machine cannot fail a test.
 */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  const limit = Math.max(timeoutMs, 60_000);
  while (!(await check())) {
    if (Date.now() - start > limit) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
