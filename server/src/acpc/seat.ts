/**
 * One ACPC seat: a TCP port that one ACPC client connects to, speaking MATCHSTATE to it, and an
 * `Agent` to the match runtime. The runtime shows the seat every state (`observe`); the seat
 * sends its client the MATCHSTATE after every action by anyone, and the final state of each
 * hand; when the runtime asks it to act, it waits for the client to echo the current state with
 * its action. Late or absent answers are the runtime's business (its deadline plays the
 * default and records why). At a showdown the seat shows its cards, as the ACPC always does.
 *
 * Framing: lines end in `\r\n` (a bare `\n` is accepted); the client's first line is
 * `VERSION:2:0:0`; lines starting with `#` or `;` are comments. A line that is not a reply to
 * the state awaiting an answer is answered with a `#` comment and otherwise ignored. One client
 * per seat: a second connection is told so and closed.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Agent, DecisionInput } from '@parley/agents';
import { Nlhe } from '@parley/games';
import { type AcpcHand, currentHand, engineAction, finishedHand, matchState, parseReply } from './matchstate';

const MAX_LINE = 4096;
/** States kept for a client that has not connected yet (beyond that, only the latest). */
const MAX_UNSENT = 10_000;

export interface AcpcSeatOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** The ACPC number of the match's first hand (default 0; the dealer counts from 0). */
  readonly firstHand?: number;
  /**
   * Listen only once the match shows the seat its first state (`observe`), not when created: the
   * arena builds a match's agents once to check them before it builds them to play.
   */
  readonly listenOnFirstState?: boolean;
  /** The seat's name in records (default `acpc:PORT`). */
  readonly name?: string;
  /** Where connection events and protocol complaints go (one line each). */
  readonly log?: (line: string) => void;
}

export class AcpcSeat implements Agent {
  readonly name: string;
  private readonly server: Server;
  private socket: Socket | null = null;
  private greeted = false;
  private buffer = '';
  private state: Nlhe.NlheState | null = null;
  private finishedSent = 0;
  /** The last MATCHSTATE sent (or due once the client greets). */
  private latest: string | null = null;
  /** States produced before the first client greeted, sent to it in order then. */
  private unsent: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  /** Lines that came before the runtime asked (a quick client); a few at most are kept. */
  private early: string[] = [];
  private connectedNow!: () => void;
  /** Resolves once a client has connected and sent its version. */
  readonly connected: Promise<void>;

  constructor(private readonly options: AcpcSeatOptions) {
    this.name = options.name ?? `acpc:${options.port}`;
    this.connected = new Promise((resolve) => {
      this.connectedNow = resolve;
    });
    this.server = createServer((socket) => this.accept(socket));
  }

  private listening: Promise<number> | null = null;

  /** Starts listening (once); resolves to the port (useful with port 0). */
  listen(): Promise<number> {
    this.listening ??= new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
    return this.listening;
  }

  observe(state: unknown, seat: number): void {
    if (this.options.listenOnFirstState && !this.listening)
      this.listen().then(
        (port) => this.options.log?.(`${this.name}: waiting for an ACPC client on port ${port}`),
        (error) => this.options.log?.(`${this.name}: cannot listen: ${error instanceof Error ? error.message : String(error)}`),
      );
    const s = state as Nlhe.NlheState;
    this.state = s;
    const first = this.options.firstHand ?? 0;
    const numbered = (hand: AcpcHand): AcpcHand => ({ ...hand, number: hand.number + first });
    for (; this.finishedSent < s.past.length; this.finishedSent++) {
      const line = matchState(numbered(finishedHand(s.past[this.finishedSent]!)), seat);
      if (line) this.send(line);
    }
    // Between hands and while chance deals or players show down there is nothing new to say.
    if (s.over || s.hand.phase !== 'betting') return;
    const line = matchState(numbered(currentHand(s)), seat);
    if (line && line !== this.latest) this.send(line);
  }

  async act(input: DecisionInput): Promise<string> {
    const s = this.state;
    if (s?.hand.phase !== 'betting') return input.legalActions.includes('show') ? 'show' : input.legalActions[0]!;
    const expected = this.latest;
    const range = Nlhe.raiseRange(s);
    while (true) {
      const line = await this.nextLine(input.signal);
      if (line === null) return input.legalActions.includes('check') ? 'check' : 'fold';
      const reply = parseReply(line);
      if ('code' in reply) this.comment(reply.message);
      else if (reply.state !== expected) this.comment(`not the state awaiting your action: ${expected}`);
      else {
        const { action, fixed } = engineAction(s, reply.action, range);
        if (fixed) this.options.log?.(`${this.name}: fixed '${line.slice(line.lastIndexOf(':') + 1)}' to '${action}': ${fixed}`);
        return action;
      }
    }
  }

  close(): Promise<void> {
    this.waiting?.('');
    this.socket?.end();
    return new Promise((resolve) => (this.listening ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    if (this.socket) {
      socket.end('# this seat already has a client\r\n');
      return;
    }
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    this.options.log?.(`${this.name}: client connected from ${socket.remoteAddress}`);
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.options.log?.(`${this.name}: client disconnected`);
      this.socket = null;
      this.greeted = false;
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > MAX_LINE && !this.buffer.includes('\n')) {
      this.comment('line too long');
      this.buffer = '';
      return;
    }
    let end = this.buffer.indexOf('\n');
    while (end >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.line(line);
      end = this.buffer.indexOf('\n');
    }
  }

  private line(line: string): void {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    if (!this.greeted) {
      if (!/^VERSION:2:\d+:\d+$/.test(line)) {
        this.comment(`expected VERSION:2:0:0 first, got '${line.slice(0, 40)}'`);
        return;
      }
      this.greeted = true;
      this.connectedNow();
      // A client that connects late (or again) hears every state it missed, in order.
      if (this.unsent.length > 0) for (const state of this.unsent.splice(0)) this.write(state);
      else if (this.latest) this.write(this.latest);
      return;
    }
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(line);
    } else if (this.early.length < 8) this.early.push(line);
    else this.comment('no action is awaited from you now');
  }

  /** The next line from the client, or null when the decision is aborted (deadline, match over). */
  private nextLine(signal: AbortSignal | undefined): Promise<string | null> {
    if (signal?.aborted) return Promise.resolve(null);
    const early = this.early.shift();
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve) => {
      const abort = () => {
        this.waiting = null;
        resolve(null);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting = (line) => {
        signal?.removeEventListener('abort', abort);
        resolve(line === '' ? null : line);
      };
    });
  }

  private send(state: string): void {
    this.latest = state;
    if (this.greeted) this.write(state);
    else if (this.unsent.length < MAX_UNSENT) this.unsent.push(state);
  }

  private comment(text: string): void {
    this.options.log?.(`${this.name}: ${text}`);
    this.write(`# ${text.replace(/[\r\n]/g, ' ')}`);
  }

  private write(line: string): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(`${line}\r\n`);
  }
}
