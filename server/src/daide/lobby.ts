/**
 * Where DAIDE clients meet seats. A seat of kind `daide` is offered here when its match starts;
 * a client's NME takes the oldest open seat (or waits for the next one), IAM with the power and the
 * passcode from HLO takes a seat back after a disconnect, and OBS watches the oldest game still
 * running (or the next one to start). Seats of one match share a table, which relays ADM and
 * civil-disorder notices and sends observers the public messages of each turn once.
 */

import type { DaideClock } from './clock';
import type { Item } from './codec';

/** The side of a client connection the game talks to. */
export interface ClientLink {
  readonly name: string;
  readonly version: string;
  send(message: Item[]): void;
  /** Ends the connection after what was sent (after OFF). */
  end(): void;
}

export interface LobbySeat {
  readonly power: string | null;
  readonly passcode: number;
  readonly joined: boolean;
  attach(link: ClientLink, reconnect: boolean): void;
  detach(link: ClientLink): void;
}

export class Table {
  readonly seats: LobbySeat[] = [];
  readonly observers = new Set<ClientLink>();
  private published = new Set<string>();
  /** The public messages of the current turn (SCO, NOW…), for observers who arrive mid-game. */
  private current: Item[][] = [];
  finished = false;

  /** Sends a turn's public messages to the observers, once per turn. */
  publish(turn: string, messages: Item[][]): void {
    if (this.published.has(turn)) return;
    this.published.add(turn);
    this.current = messages;
    for (const o of this.observers) for (const m of messages) o.send(m);
  }

  watch(link: ClientLink): void {
    this.observers.add(link);
    for (const m of this.current) link.send(m);
  }

  /** To every client at this table: players and observers. */
  broadcast(message: Item[], links: Iterable<ClientLink>): void {
    for (const l of links) l.send(message);
    for (const o of this.observers) o.send(message);
  }
}

export interface DaideLevel {
  /** Press level: 0 (no press) or 10 (peace and alliances). */
  level: 0 | 10;
}

export class DaideLobby {
  private open: LobbySeat[] = [];
  private tables = new WeakMap<object, Table>();
  private running: Table[] = [];
  private waitingObservers: ClientLink[] = [];
  private waitingPlayers: Array<{ link: ClientLink; onSeat: (seat: LobbySeat) => void }> = [];

  constructor(
    readonly clock: DaideClock,
    readonly options: DaideLevel & { joinTimeoutMs: number },
  ) {}

  tableFor(match: object): Table {
    let t = this.tables.get(match);
    if (!t) {
      t = new Table();
      this.tables.set(match, t);
      this.running.push(t);
      for (const o of this.waitingObservers.splice(0)) t.watch(o);
    }
    return t;
  }

  /** A seat is free (its match started, or its client left): the longest-waiting client takes it. */
  offer(seat: LobbySeat): void {
    if (seat.joined || this.open.includes(seat)) return;
    const waiting = this.waitingPlayers.shift();
    if (waiting) this.seatClient(seat, waiting);
    else this.open.push(seat);
  }

  private seatClient(seat: LobbySeat, waiting: { link: ClientLink; onSeat: (seat: LobbySeat) => void }): void {
    waiting.onSeat(seat);
    seat.attach(waiting.link, false);
  }

  withdraw(seat: LobbySeat): void {
    this.open = this.open.filter((s) => s !== seat);
  }

  finished(table: Table): void {
    table.finished = true;
    this.running = this.running.filter((t) => t !== table);
    for (const s of table.seats) this.withdraw(s);
  }

  /**
   * NME: the oldest open seat goes to `link` (`onSeat` runs first, to answer YES and MAP); with
   * none open, the client waits for the next seat offered, as bots started before a game expect.
   */
  join(link: ClientLink, onSeat: (seat: LobbySeat) => void): void {
    const seat = this.open.shift();
    if (seat) this.seatClient(seat, { link, onSeat });
    else this.waitingPlayers.push({ link, onSeat });
  }

  /** IAM: the seat of `power` whose passcode matches, in a game still running. */
  rejoin(link: ClientLink, power: string, passcode: number): LobbySeat | null {
    for (const t of this.running) {
      const seat = t.seats.find((s) => s.power === power && s.passcode === passcode);
      if (seat) {
        this.withdraw(seat);
        seat.attach(link, true);
        return seat;
      }
    }
    return null;
  }

  observe(link: ClientLink): void {
    const t = this.running[0];
    if (t) t.watch(link);
    else this.waitingObservers.push(link);
  }

  leave(link: ClientLink): void {
    this.waitingObservers = this.waitingObservers.filter((o) => o !== link);
    this.waitingPlayers = this.waitingPlayers.filter((w) => w.link !== link);
    for (const t of this.running) t.observers.delete(link);
  }
}
