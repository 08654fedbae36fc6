/**
 * A Diplomacy seat played by a DAIDE client: an `Agent` the match runtime asks like any other.
 *
 * - `watch` (each new turn, and the end) sends the client what the protocol says: HLO the first
 *   time, then the ORDs of the phase just played, SCO, NOW and, at the end, SLO or DRW, SMR and
 *   OFF. At the start of the match it waits (up to the lobby's join timeout) for a client to take
 *   the seat; a seat nobody takes plays in civil disorder.
 * - SUB orders are checked one by one by the engine (THX notes), kept per unit (a new order
 *   replaces the old one) and handed to the runtime once the seat's orders are complete (unless
 *   the client said NOT ( GOF )), on GOF, or just before the deadline with whatever came in: the
 *   runtime then gives unordered units the rules' defaults (hold, disband, waive, civil-disorder
 *   removal). A seat that misses a deadline, or whose client is gone, is announced as CCD until it
 *   orders again. Once handed in, a turn's orders are final.
 * - DRW votes for a draw in this movement phase (Parley's `VOTE DRAW`).
 */
import { randomInt } from 'node:crypto';
import type { Agent, DecisionInput, PressInput, PressMessage, TurnView } from '@parley/agents';
import { Diplomacy } from '@parley/games';
import type { Item } from './codec';
import type { ClientLink, DaideLobby, LobbySeat, Table } from './lobby';
import { POWERS, phaseOf, powerOf, powerToken } from './map';
import { type DiplomacyView, hlo, mis, now, ords, type SummaryEntry, sco, smr } from './messages';
import { noteFor, routeNote, translateOrder } from './orders';
import { type PressState, pressFromClient, pressToClient } from './press';
import { integerToken, integerValue, isInteger, tk, tokenName } from './tokens';

const word = (item: Item | undefined) => (typeof item === 'number' ? tokenName(item) : null);

interface Decision {
  resolve(actions: string[]): void;
  deadlineAt: number;
  cancelTimer: () => void;
}

export class DaideSeat implements Agent, LobbySeat {
  readonly name = 'daide';
  readonly passcode = randomInt(1, 8192);
  power: Diplomacy.Power | null = null;
  private link: ClientLink | null = null;
  private table: Table | null = null;
  private started = false;
  private helloSent = false;
  private view: DiplomacyView | null = null;
  private previous: DiplomacyView | null = null;
  private turn: string | null = null;
  private orders = new Map<string, string>();
  private go: 'auto' | 'go' | 'wait' = 'auto';
  private drawVote = false;
  private decision: Decision | null = null;
  private civilDisorder = false;
  private joinWaiters: Array<() => void> = [];
  private history = new Map<string, Item[][]>();
  private eliminated = new Map<string, number>();
  private lastOrds: Item[][] = [];
  private ordersBegun = false;
  private pressWaiter: (() => void) | null = null;
  readonly press: PressState = { outbox: [], forwarded: 0 };

  constructor(private readonly lobby: DaideLobby) {}

  get joined(): boolean {
    return this.link !== null;
  }

  get clientName(): string {
    return this.link?.name ?? '';
  }

  get clientVersion(): string {
    return this.link?.version ?? '';
  }

  private get level(): number {
    return this.lobby.options.level;
  }

  private variant(): Item[] {
    const v: Item[] = [[tk('LVL'), integerToken(this.level)]];
    if (this.level >= 10) v.push([tk('PDA')]);
    return v;
  }

  private send(message: Item[]): void {
    this.link?.send(message);
  }

  private peers(): ClientLink[] {
    return (this.table?.seats ?? []).flatMap((s) => {
      const link = (s as DaideSeat).link;
      return link ? [link] : [];
    });
  }

  attach(link: ClientLink, reconnect: boolean): void {
    this.link = link;
    for (const wake of this.joinWaiters.splice(0)) wake();
    if (!this.started || !this.view) return;
    // Joining a game under way: HLO (unless a reconnect, which gets none), then the position.
    if (!reconnect) this.send(hlo(this.power!, this.passcode, this.variant()));
    this.helloSent = true;
    this.send(sco(this.view));
    this.send(now(this.view));
    this.leaveCivilDisorder();
  }

  detach(link: ClientLink): void {
    if (this.link !== link) return;
    this.link = null;
    if (this.table && !this.table.finished) {
      this.enterCivilDisorder();
      this.lobby.offer(this);
    }
    this.finish(false);
  }

  private enterCivilDisorder(): void {
    if (this.civilDisorder || !this.power || !this.table) return;
    this.civilDisorder = true;
    this.table.broadcast([tk('CCD'), [powerToken(this.power)]], this.peers());
  }

  private leaveCivilDisorder(): void {
    if (!this.civilDisorder || !this.power || !this.table) return;
    this.civilDisorder = false;
    this.table.broadcast([tk('NOT'), [tk('CCD'), [powerToken(this.power)]]], this.peers());
  }

  // --- the runtime's side -------------------------------------------------------------------

  async watch(input: TurnView): Promise<void> {
    const view = input.observation as DiplomacyView;
    if (!this.started) {
      this.started = true;
      this.power = POWERS[input.seat] ?? null;
      this.table = this.lobby.tableFor(input.match);
      this.table.seats.push(this);
      this.lobby.offer(this);
    }
    this.previous = this.view;
    this.view = view;
    this.turn = input.turn;
    this.orders.clear();
    this.go = 'auto';
    this.drawVote = false;
    this.ordersBegun = false;
    for (const p of POWERS)
      if (!this.eliminated.has(p) && !view.units.some((u) => u.power === p) && (view.centres[p] ?? []).length === 0)
        this.eliminated.set(p, view.lastPhase?.phase.year ?? view.phase.year);

    const results = view.lastPhase ? ords(view.lastPhase, this.previous) : [];
    if (view.lastPhase) this.history.set(historyKey(view.lastPhase.phase), results);
    if (results.length > 0) this.lastOrds = results;
    const frames: Item[][] = [...results, sco(view)];
    const outcome = view.outcome;
    if (outcome?.kind === 'solo') frames.push([tk('SLO'), [powerToken(outcome.winner)]]);
    frames.push(now(view));
    this.history.set(`${historyKey(view.phase)}:position`, [sco(view), now(view)]);
    if (outcome?.kind === 'draw') frames.push([tk('DRW')]);
    if (outcome) frames.push(smr(view, this.summary(input.seatNames)), [tk('OFF')]);
    this.table?.publish(input.turn ?? 'end', frames);
    if (outcome) this.lobby.finished(this.table!);

    const greeted = this.helloSent;
    if (!greeted && !this.link) await this.waitForClient();
    if (!this.link) {
      this.enterCivilDisorder();
      return;
    }
    if (!greeted) {
      // The first turn this client sees: HLO and where everyone stands (attach() has sent them if
      // the client arrived while we waited).
      if (!this.helloSent) {
        this.helloSent = true;
        this.send(hlo(this.power!, this.passcode, this.variant()));
        this.send(sco(view));
        this.send(now(view));
      }
    } else for (const f of frames.filter((f) => f[0] !== tk('DRW') && f[0] !== tk('SMR') && f[0] !== tk('OFF'))) this.send(f);
    if (outcome) {
      if (outcome.kind === 'draw') this.send([tk('DRW')]);
      this.send(smr(view, this.summary(input.seatNames)));
      this.send([tk('OFF')]);
      this.link.end();
    }
  }

  private summary(names: readonly string[]): SummaryEntry[] {
    return POWERS.map((p, i) => {
      const daide = this.table?.seats.find((s) => s.power === p) as DaideSeat | undefined;
      return {
        name: daide?.clientName || names[i] || p,
        version: daide?.clientVersion || 'parley',
        eliminatedIn: this.eliminated.get(p) ?? null,
      };
    });
  }

  private waitForClient(): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.lobby.clock.setTimeout(() => resolve(), this.lobby.options.joinTimeoutMs);
      this.joinWaiters.push(() => {
        cancel();
        resolve();
      });
    });
  }

  act(input: DecisionInput): Promise<string[]> | string[] {
    if (!this.link) {
      this.enterCivilDisorder();
      return [];
    }
    this.forwardPress(input.inbox ?? []);
    const margin = Math.min(500, Math.floor(input.deadlineMs / 10));
    this.send([tk('TME'), [integerToken(Math.min(8191, Math.floor(input.deadlineMs / 1000)))]]);
    return new Promise<string[]>((resolve) => {
      const cancelTimer = this.lobby.clock.setTimeout(() => {
        if (!this.complete()) this.enterCivilDisorder();
        this.finish(true);
      }, input.deadlineMs - margin);
      this.decision = { resolve, deadlineAt: this.lobby.clock.now() + input.deadlineMs, cancelTimer };
      input.signal?.addEventListener('abort', () => this.finish(false), { once: true });
      this.maybeFinish();
    });
  }

  /**
   * A press round: the client's SNDs so far go out. If it has sent none, the round waits for its
   * next SND, or until it starts ordering (SUB, GOF: it has nothing more to say) or the round's
   * deadline. At level 0, and without a client, there is no press.
   */
  negotiate(input: PressInput): PressMessage[] | Promise<PressMessage[]> {
    if (this.level < 10 || !this.link) return [];
    this.forwardPress(input.inbox ?? []);
    if (this.press.outbox.length > 0 || this.ordersBegun) return this.press.outbox.splice(0);
    return new Promise((resolve) => {
      const margin = Math.min(500, Math.floor(input.deadlineMs / 10));
      const done = () => {
        cancel();
        this.pressWaiter = null;
        resolve(this.press.outbox.splice(0));
      };
      const cancel = this.lobby.clock.setTimeout(done, input.deadlineMs - margin);
      this.pressWaiter = done;
      input.signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wakePress(): void {
    this.pressWaiter?.();
  }

  private forwardPress(inbox: readonly PressMessage[]): void {
    if (this.power === null) return;
    const seat = POWERS.indexOf(this.power);
    for (const m of inbox.slice(this.press.forwarded)) {
      if (m.from === seat) continue;
      const frm = pressToClient(m);
      if (frm) this.send(frm);
    }
    this.press.forwarded = Math.max(this.press.forwarded, inbox.length);
  }

  close(): void {
    this.finish(false);
  }

  private complete(): boolean {
    return this.orders.size >= (this.view?.ordersToGive ?? 0);
  }

  private maybeFinish(): void {
    if (this.decision && (this.go === 'go' || (this.go === 'auto' && this.complete()))) this.finish(true);
  }

  private finish(withOrders: boolean): void {
    const d = this.decision;
    if (!d) return;
    this.decision = null;
    d.cancelTimer();
    const actions = withOrders ? [...(this.drawVote ? ['VOTE DRAW'] : []), ...this.orders.values()] : [];
    d.resolve(actions);
  }

  // --- the client's side ---------------------------------------------------------------------

  /** A game message from this seat's client (NME/OBS/IAM/MAP/MDF/ADM are the connection's). */
  handle(message: Item[]): void {
    const [head, ...rest] = message;
    const view = this.view;
    const reject = () => this.send([tk('REJ'), message]);
    const yes = () => this.send([tk('YES'), message]);
    switch (word(head)) {
      case 'SUB':
        this.submit(message);
        return;
      case 'NOT':
        this.withdraw(message);
        return;
      case 'GOF':
        if (!view) {
          reject();
          return;
        }
        this.go = 'go';
        this.ordersBegun = true;
        this.wakePress();
        yes();
        if (!this.complete()) this.sendMis();
        this.maybeFinish();
        return;
      case 'MIS':
        if (view) this.sendMis();
        else reject();
        return;
      case 'DRW':
        this.voteDraw(message);
        return;
      case 'SVE':
      case 'LOD':
        // Saving and loading games are the server's to offer, and this one offers neither.
        reject();
        return;
      case 'HLO':
        if (this.helloSent && this.power) this.send(hlo(this.power, this.passcode, this.variant()));
        else reject();
        return;
      case 'NOW':
        if (view) this.send(now(view));
        else reject();
        return;
      case 'SCO':
        if (view) this.send(sco(view));
        else reject();
        return;
      case 'ORD':
        if (this.lastOrds.length === 0) {
          reject();
          return;
        }
        for (const o of this.lastOrds) this.send(o);
        return;
      case 'HST': {
        const phase = phaseOf(rest[0]);
        const key = phase ? historyKey(phase) : '';
        const played = this.history.get(key);
        const position = this.history.get(`${key}:position`);
        if (!played || !position) {
          reject();
          return;
        }
        for (const m of [...played, ...position]) this.send(m);
        return;
      }
      case 'TME': {
        const d = this.decision;
        if (rest.length === 0) {
          if (!d) {
            reject();
            return;
          }
          this.send([tk('TME'), [integerToken(Math.max(0, Math.floor((d.deadlineAt - this.lobby.clock.now()) / 1000)))]]);
          return;
        }
        const s =
          Array.isArray(rest[0]) && typeof rest[0][0] === 'number' && isInteger(rest[0][0]) ? integerValue(rest[0][0]) : -1;
        if (s > 0) yes();
        else reject();
        return;
      }
      case 'SND':
        if (this.level < 10) {
          this.send([tk('HUH'), [tk('ERR'), ...message]]);
          return;
        }
        this.sendPress(message);
        return;
      default:
        this.send([tk('HUH'), [tk('ERR'), ...message]]);
        return;
    }
  }

  /**
   * DRW votes for a draw in this movement phase. With PDA (level 10) a bot may name the powers
   * sharing it, `DRW ( AUS RUS )`; Parley's draws are shared by every survivor, so a list that
   * names exactly the survivors is the same vote and any other list is refused.
   */
  private voteDraw(message: Item[]): void {
    const view = this.view;
    const rest = message.slice(1);
    if (rest.length > 0 && (this.level < 10 || rest.length !== 1 || !Array.isArray(rest[0]))) {
      this.send([tk('HUH'), [tk('ERR'), ...message]]);
      return;
    }
    if (view?.phase.type !== 'movement') {
      this.send([tk('REJ'), message]);
      return;
    }
    if (rest.length === 1) {
      const named = (rest[0] as Item[]).map((item) => (typeof item === 'number' ? powerOf(item) : null));
      const alive = POWERS.filter((p) => view.units.some((u) => u.power === p) || (view.centres[p] ?? []).length > 0);
      const same = named.length === alive.length && alive.every((p) => named.includes(p));
      if (!same) {
        this.send([tk('REJ'), message]);
        return;
      }
    }
    this.drawVote = true;
    this.send([tk('YES'), message]);
  }

  private sendPress(message: Item[]): void {
    if (!this.power || !this.view) {
      this.send([tk('REJ'), message]);
      return;
    }
    const result = pressFromClient(message, this.power);
    if (!result.ok) {
      this.send([tk('HUH'), [...message.slice(0, -1), [tk('ERR'), ...flat(message.at(-1))]]]);
      return;
    }
    this.press.outbox.push(result.message);
    this.send([tk('YES'), message]);
    this.wakePress();
  }

  private sendMis(): void {
    if (!this.view || !this.power) return;
    const slots = new Set(this.orders.keys());
    const builds = [...this.orders.values()].length;
    this.send(mis(this.view, this.power, slots, builds));
  }

  private submit(message: Item[]): void {
    const view = this.view;
    if (!view || !this.power) {
      this.send([tk('REJ'), message]);
      return;
    }
    let orders = message.slice(1);
    const phase = phaseOf(orders[0]);
    if (phase) {
      if (phase.season !== view.phase.season || phase.year !== view.phase.year || phase.type !== view.phase.type) {
        this.send([tk('REJ'), message]);
        return;
      }
      orders = orders.slice(1);
    }
    const ctx = Diplomacy.phaseContext({
      phase: view.phase,
      units: view.units,
      dislodged: view.dislodged,
      centres: centresOf(view),
    });
    const due = Math.abs(view.adjustments?.[this.power] ?? 0);
    for (const order of orders) {
      const items = Array.isArray(order) ? order : [order];
      this.send([tk('THX'), items, [tk(this.note(items, ctx, due))]]);
    }
    this.leaveCivilDisorder();
    this.sendMis();
    this.ordersBegun = true;
    this.wakePress();
    this.maybeFinish();
  }

  /** Checks one order and, if accepted, keeps it; returns the THX note. */
  private note(items: Item[], ctx: Diplomacy.PhaseContext, due: number): string {
    const view = this.view!;
    const t = translateOrder(items);
    if (!t.ok) return t.note;
    if (t.power !== this.power) return 'NYU';
    const kind = word(items[1]);
    const phaseOfKind =
      kind === 'RTO' || kind === 'DSB'
        ? 'retreat'
        : kind === 'BLD' || kind === 'REM' || kind === 'WVE'
          ? 'adjustment'
          : 'movement';
    if (phaseOfKind !== view.phase.type) return 'NRS';
    if (t.route?.length && t.unit) {
      const to = Diplomacy.parseOrder(t.text);
      const dest = to.ok && to.order.kind === 'move' ? to.order.to : '';
      const bad = routeNote(t.route, t.unit.loc, dest, view.units);
      if (bad) return bad;
    }
    const checked = Diplomacy.checkOrderText(ctx, this.power, t.text);
    if (!checked.ok) {
      const onBoard = t.unit !== null && view.units.some((u) => u.province.slice(0, 3) === t.unit!.loc.slice(0, 3));
      return noteFor(checked.error.code, view.phase.type, onBoard);
    }
    const { slot, text } = checked.checked;
    if (view.phase.type === 'adjustment' && !this.orders.has(slot) && this.orders.size >= due)
      return (view.adjustments?.[this.power] ?? 0) > 0 ? 'NMB' : 'NMR';
    this.orders.set(slot === 'WAIVE' ? `WAIVE ${this.orders.size}` : slot, text);
    return 'MBV';
  }

  private withdraw(message: Item[]): void {
    const inner = Array.isArray(message[1]) ? message[1] : [];
    const yes = () => this.send([tk('YES'), message]);
    switch (word(inner[0])) {
      case 'SUB': {
        if (inner.length === 1) {
          this.orders.clear();
          yes();
          return;
        }
        const t = Array.isArray(inner[1]) ? translateOrder(inner[1]) : null;
        const slot = t?.ok ? (t.unit ? t.unit.loc.slice(0, 3) : 'WAIVE') : null;
        const key = [...this.orders.keys()].find((k) => k === slot || (slot === 'WAIVE' && k.startsWith('WAIVE')));
        if (!key) {
          this.send([tk('REJ'), message]);
          return;
        }
        this.orders.delete(key);
        yes();
        return;
      }
      case 'GOF':
        this.go = 'wait';
        yes();
        return;
      case 'DRW':
        this.drawVote = false;
        yes();
        return;
      case 'TME':
        yes();
        return;
      default:
        this.send([tk('REJ'), message]);
        return;
    }
  }
}

function historyKey(phase: Diplomacy.Phase): string {
  return `${phase.season} ${phase.type} ${phase.year}`;
}

function centresOf(view: DiplomacyView): Diplomacy.CentreOwner[] {
  return Object.entries(view.centres).flatMap(([power, list]) =>
    list.map((province) => ({ power: power as Diplomacy.Power, province })),
  );
}

function flat(item: Item | undefined): Item[] {
  return item === undefined ? [] : Array.isArray(item) ? item : [item];
}
