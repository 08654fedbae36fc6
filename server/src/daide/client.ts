/**
 * A DAIDE client written from the protocol documents alone (it shares only the token codec with
 * the server): the reference bot Parley's tests play whole games with, and an example for bot
 * authors. It connects, sends IM, NME (or OBS), asks for the map (MDF) and reads its adjacencies,
 * and on each NOW orders its units from what MDF said: a seeded mix of holds and moves to
 * neighbouring places, retreats to the first place offered, removals and waives on MIS. At level
 * 10 it accepts every proposal it gets (`YES`), and it can propose peace itself. Every message
 * received is kept, in text form, in `transcript`.
 */
import { connect, type Socket } from 'node:net';
import { createRng, type Rng } from '@parley/games';
import {
  DM,
  decodePayload,
  EM,
  encodeFrame,
  encodeMessage,
  FM,
  FrameReader,
  formatMessage,
  type Item,
  initialMessage,
  parseMessage,
  RM,
} from './codec';
import { textTokens, tk, tokenName } from './tokens';

const word = (item: Item | undefined) => (typeof item === 'number' ? tokenName(item) : null);
const key = (item: Item) => formatMessage([item]);

export interface ClientOptions {
  port: number;
  host?: string;
  name?: string;
  version?: string;
  observe?: boolean;
  seed?: number;
  /** Send GOF after orders instead of relying on completeness. */
  sendGof?: boolean;
  /** Never submit orders (to test deadlines and civil disorder). */
  silent?: boolean;
}

export class DaideTestClient {
  readonly transcript: string[] = [];
  power: string | null = null;
  passcode: number | null = null;
  readonly done: Promise<void>;
  em: number | null = null;
  private socket!: Socket;
  private readonly reader = new FrameReader();
  private readonly rng: Rng;
  /** `AMY LVP` / `FLT ( STP SCS )` → where that unit may move. */
  private readonly moves = new Map<string, Item[]>();
  private waiters: Array<{ test: (m: string) => boolean; resolve: (m: string) => void }> = [];
  private finish!: () => void;

  constructor(private readonly options: ClientOptions) {
    this.rng = createRng(options.seed ?? 1);
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  async connect(): Promise<void> {
    this.socket = connect(this.options.port, this.options.host ?? '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('close', () => this.finish());
    this.socket.on('error', () => this.finish());
    this.socket.write(initialMessage());
  }

  send(message: Item[] | string): void {
    this.socket.write(encodeMessage(typeof message === 'string' ? parseMessage(message) : message));
  }

  /** Resolves with the first message received from now on whose text starts with `prefix`. */
  next(prefix: string): Promise<string> {
    return new Promise((resolve) => this.waiters.push({ test: (m) => m.startsWith(prefix), resolve }));
  }

  close(): void {
    this.socket.end(encodeFrame(FM));
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.reader.push(chunk)) {
      if (frame.type === RM) {
        const hello = this.options.observe
          ? [tk('OBS')]
          : [tk('NME'), textTokens(this.options.name ?? 'parley-client'), textTokens(this.options.version ?? '1')];
        this.send(hello);
      } else if (frame.type === EM) {
        this.em = frame.payload.readUInt16BE(0);
      } else if (frame.type === DM) {
        const decoded = decodePayload(frame.payload);
        if (decoded.ok) this.handle(decoded.message);
      }
    }
  }

  private handle(message: Item[]): void {
    const text = formatMessage(message);
    this.transcript.push(text);
    for (const w of this.waiters.filter((x) => x.test(text))) w.resolve(text);
    this.waiters = this.waiters.filter((x) => !x.test(text));
    const [head, ...rest] = message;
    switch (word(head)) {
      case 'MAP':
        this.send([tk('MDF')]);
        this.send([tk('YES'), message]);
        return;
      case 'MDF':
        this.readMap(rest[2]);
        return;
      case 'HLO':
        this.power = Array.isArray(rest[0]) ? word(rest[0][0]) : null;
        this.passcode = Array.isArray(rest[1]) && typeof rest[1][0] === 'number' ? rest[1][0] : null;
        return;
      case 'NOW':
        if (!this.options.observe && !this.options.silent) this.order(rest);
        return;
      case 'MIS':
        if (Array.isArray(rest[0]) && rest.length === 1 && typeof rest[0][0] === 'number' && !this.options.silent)
          this.adjust(rest[0][0]);
        return;
      case 'FRM': {
        const [from, , press] = rest;
        if (Array.isArray(press) && word(press[0]) === 'PRP' && Array.isArray(from))
          this.send([tk('SND'), from, [tk('YES'), press]]);
        return;
      }
      case 'OFF':
        this.socket.end();
        return;
    }
  }

  private readMap(adjacencies: Item | undefined): void {
    if (!Array.isArray(adjacencies)) return;
    for (const entry of adjacencies) {
      if (!Array.isArray(entry)) continue;
      const [province, ...lists] = entry;
      for (const list of lists) {
        if (!Array.isArray(list)) continue;
        const [head, ...places] = list;
        const where = Array.isArray(head)
          ? `${word(head[0])} ( ${key(province!)} ${word(head[1])} )`
          : `${word(head)} ${key(province!)}`;
        this.moves.set(where, places);
      }
    }
  }

  private order(rest: Item[]): void {
    const [turn, ...units] = rest;
    const season = Array.isArray(turn) ? word(turn[0]) : null;
    if (season === 'WIN') {
      this.send([tk('MIS')]);
      return;
    }
    const mine = units.filter((u): u is Item[] => Array.isArray(u) && word(u[0]) === this.power);
    const orders: Item[] = [];
    for (const u of mine) {
      const unit = u.slice(0, 3);
      if (season === 'SUM' || season === 'AUT') {
        if (word(u[3]) !== 'MRT') continue;
        const options = Array.isArray(u[4]) ? u[4] : [];
        orders.push(options.length > 0 ? [unit, tk('RTO'), options[0]!] : [unit, tk('DSB')]);
        continue;
      }
      const places = this.moves.get(`${word(unit[1])} ${key(unit[2]!)}`) ?? [];
      if (places.length === 0 || this.rng.int(3) === 0) orders.push([unit, tk('HLD')]);
      else orders.push([unit, tk('MTO'), this.rng.pick(places)]);
    }
    if (orders.length > 0) this.send([tk('SUB'), ...orders]);
    if (this.options.sendGof) this.send([tk('GOF')]);
  }

  private adjust(n: number): void {
    const count = n & 0x2000 ? (n & 0x3fff) - 0x4000 : n & 0x3fff;
    if (count < 0) this.send([tk('SUB'), ...Array.from({ length: -count }, () => [tk(this.power!), tk('WVE')])]);
    else if (count > 0) {
      const now = this.transcript.findLast((t) => t.startsWith('NOW'));
      const mine = now
        ? parseMessage(now)
            .slice(2)
            .filter((u): u is Item[] => Array.isArray(u) && word(u[0]) === this.power)
        : [];
      this.send([tk('SUB'), ...mine.slice(0, count).map((u) => [u.slice(0, 3), tk('REM')])]);
    }
  }
}
