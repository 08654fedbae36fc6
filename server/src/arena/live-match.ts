/**
 * A match being played on this server: the match runtime with the arena's clocks, seats and
 * persistence around it. Every action, press message, clock reading and model call is appended
 * to the store as it happens (batched); a match found unfinished in the store after a crash is
 * resumed from its stored actions, and because the runtime derives every random draw from the
 * seed and the action count, it continues exactly where it stood.
 */

import type { Agent, PressMessage } from '@parley/agents';
import { DEFAULT_SEAT_PREFERENCES, type Game, getGame, type Seat, type SeatPreferences } from '@parley/games';
import type { MatchSettings } from '@parley/protocol';
import type { AgentRegistry } from '../agents-registry/registry';
import { BOT_PREFIX, type BotDirectory, type BotEntry } from '../auth/bot-directory';
import type { Principal } from '../auth/principal';
import { rateArenaMatch } from '../ratings/ladder';
import { type Clock, delay, systemClock } from '../runtime/clock';
import { type MatchEvent as RunnerEvent, runMatch } from '../runtime/match-runner';
import { checkPress } from '../runtime/press-rules';
import type { MatchRecord, MessageRecord } from '../runtime/record';
import { actionEvent, clockEvent, messageEvent, type Resumption, resumeOf, seatEvent, storedModelCall } from '../store/events';
import type { MatchEvent, MatchStore, MatchWithEvents, SeatKind } from '../store/types';
import { HumanSeat } from './human-seat';
import { SeatHolders } from './seat-holders';
import { HUMAN, phaseDeadline, seatAgentSpec } from './settings';

export interface LiveMatchInit {
  id: string;
  settings: MatchSettings;
  store: MatchStore;
  /** Where seats' agents come from: network input names registered ids only. */
  agents: AgentRegistry;
  /** Stored events to resume from (after a restart). */
  resumeFrom?: MatchWithEvents;
  /** The arena's clock: deadlines, pacing, negotiation windows and event times (a fake one in tests). */
  clock?: Clock;
  /** Bot accounts, for seats `bot/NAME`. */
  bots?: BotDirectory;
}

type Listener = () => void;

export class LiveMatch {
  readonly id: string;
  readonly settings: MatchSettings;
  readonly game: Game<any, any>;
  readonly params: unknown;
  readonly seed: number;
  readonly seats: { agent: Agent; kind: SeatKind; spec: string; name: string; human?: HumanSeat; botAccountId?: string }[];
  /** Who took each person's seat (the ladder rates that account). */
  readonly holders = new SeatHolders();
  private readonly bots?: BotDirectory;
  state: unknown;
  status: 'running' | 'finished' | 'aborted' = 'running';
  returns: number[] | null = null;
  record: MatchRecord | null = null;
  /** Press delivered so far, in order, and when each was delivered (ms since epoch). */
  readonly messages: MessageRecord[] = [];
  readonly messageTimes: number[] = [];
  /** Remaining time bank per seat (sequential games). */
  readonly banks: number[];
  /** Each person's table settings (absent: the defaults), as their connections last sent them; kept in memory, out of the record. */
  private readonly preferences = new Map<Seat, SeatPreferences>();
  /** Seats that said they are done negotiating in the current window. */
  private ready = new Set<Seat>();
  private closeWindow: (() => void) | null = null;
  private seq = 0;
  private actionCount = 0;
  private lastWrite: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly store: MatchStore;
  private readonly registry: AgentRegistry;
  private readonly abort = new AbortController();
  private resume?: MatchWithEvents;
  readonly clock: Clock;
  done: Promise<void> = Promise.resolve();

  constructor(init: LiveMatchInit) {
    this.id = init.id;
    this.settings = init.settings;
    this.store = init.store;
    this.resume = init.resumeFrom;
    this.registry = init.agents;
    this.clock = init.clock ?? systemClock;
    this.bots = init.bots;
    this.game = getGame(init.settings.game);
    const parsed = this.game.descriptor.parseParams(init.settings.params ?? {});
    if (!parsed.ok) throw new Error(`invalid params for ${init.settings.game}: ${parsed.error.message}`);
    this.params = parsed.params;
    this.seed = init.settings.seed ?? 1;
    const n = this.game.descriptor.numPlayers(this.params);
    if (init.settings.seats.length !== n)
      throw new Error(`${init.settings.game} seats ${n} players, but ${init.settings.seats.length} seats were given`);
    this.seats = init.settings.seats.map((raw, seat) => this.makeSeat(raw, seat));
    this.banks = this.seats.map(() => init.settings.clock.bankMs);
    this.state = this.game.newInitialState(this.params);
  }

  private makeSeat(raw: MatchSettings['seats'][number], seat: Seat) {
    const { spec, name } = seatAgentSpec(raw);
    if (spec === HUMAN) {
      const forced = this.game.descriptor.traits.dynamics === 'sequential';
      const human = new HumanSeat(name ?? `seat ${seat}`, () => this.actionCount, this.clock, forced);
      human.onChange = () => this.notify();
      const { game } = this;
      if (game.settledAction)
        human.settle = () => game.settledAction!(this.state, seat, this.preferences.get(seat) ?? DEFAULT_SEAT_PREFERENCES);
      return { agent: human, kind: 'human' as const, spec, name: human.name, human };
    }
    if (spec.startsWith(BOT_PREFIX)) {
      const bot = this.bots?.forSpec(spec);
      // A WebSocket bot takes its seat over a connection; a bot deleted since the match began
      // leaves its seat empty (the clock plays for it).
      if ((bot && !bot.webhookUrl) || !this.registry.has(spec)) return this.connectedBotSeat(spec, bot);
    }
    const entry = this.registry.entryFor(spec, this.game.descriptor.id);
    const agent = this.paced(entry.create(this.game.descriptor.id));
    const kind: SeatKind = entry.seatKind;
    // A webhook bot account is a registry agent, rated as its account.
    const botAccountId = spec.startsWith(BOT_PREFIX) ? this.bots?.forSpec(spec)?.accountId : undefined;
    return { agent, kind, spec, name: name ?? agent.name, ...(botAccountId && { botAccountId }) };
  }

  /**
   * A WebSocket bot account's seat: the bot takes it by joining the room with one of its API
   * tokens, and it is played like a person's seat (the clock plays the default when it is absent).
   * Webhook bots are ordinary registry agents (called at the URL their owner registered).
   */
  private connectedBotSeat(spec: string, bot: BotEntry | null | undefined) {
    const name = `${BOT_PREFIX}${bot?.name ?? spec.slice(BOT_PREFIX.length).toLowerCase()}`;
    const human = new HumanSeat(name, () => this.actionCount);
    human.onChange = () => this.notify();
    return { agent: human, kind: 'external' as const, spec, name, human, botAccountId: bot?.accountId };
  }

  /**
   * Bots answer instantly: left alone, a bot-only match would run to its end without letting the
   * event loop serve anyone else. Each answer therefore yields to the loop first, and a demo
   * paces its bots so a person can follow (per action, or per turn in simultaneous games).
   */
  private paced(agent: Agent): Agent {
    const pace = this.settings.paceMs;
    // In a simultaneous game (a Diplomacy phase) the pace is per turn, not per order: bots that
    // order unit by unit are asked in turn, so a per-order pause would stretch a phase by its units.
    const perTurn = this.game.descriptor.traits.dynamics !== 'sequential';
    let pacedTurn: string | undefined;
    // Methods are bound one by one: an agent may be a class instance (a DAIDE or ACPC seat), whose methods a spread would drop.
    return {
      name: agent.name,
      incremental: agent.incremental,
      negotiate: agent.negotiate?.bind(agent),
      observe: agent.observe?.bind(agent),
      watch: agent.watch?.bind(agent),
      close: agent.close?.bind(agent),
      act: async (input) => {
        const answer = await agent.act(input);
        const turn = perTurn ? this.game.turnKey?.(this.state) : undefined;
        const wait = pace > 0 && (turn === undefined || turn !== pacedTurn);
        pacedTurn = turn;
        await (wait ? delay(this.clock, pace) : new Promise((r) => setImmediate(r)));
        return answer;
      },
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Resolves once everything appended so far is durable. */
  durable(): Promise<void> {
    return this.lastWrite;
  }

  /** Appends one event made by the store's codec, numbered in order. */
  private append(make: (seq: number, at: number) => MatchEvent): void {
    this.lastWrite = this.store.appendEvents(this.id, [make(this.seq++, this.clock.now())]);
  }

  /**
   * A client with this seat's token joins as `who`: binds a person's seat to the first principal
   * that takes it (seat-holders.ts). Returns why `who` may not take it, or null.
   */
  async takeSeat(seat: Seat, who: Principal): Promise<string | null> {
    if (this.seats[seat]?.kind !== 'human' || this.status !== 'running') return null;
    const taken = this.holders.take(seat, who);
    if (taken && 'refused' in taken) return taken.refused;
    if (taken) {
      this.append((seq, at) => seatEvent(seq, taken.bound, at));
      await this.lastWrite;
    }
    return null;
  }

  /** Starts (or resumes) the match; `done` settles when it ends. A match whose stored events do not read back is aborted. */
  start(): void {
    let resume: Resumption | undefined;
    try {
      resume = this.resume ? this.restore(this.resume) : undefined;
    } catch (error) {
      this.done = this.fail(error);
      return;
    } finally {
      this.resume = undefined;
    }
    this.done = this.play(resume).catch((error) => this.fail(error));
  }

  /**
   * Reads the stored events back through the store's codec (which checks every payload). The
   * actions are not applied here: the runtime validates and applies them once, as it resumes.
   */
  private restore(stored: MatchWithEvents): Resumption {
    const resumption = resumeOf(stored);
    for (const { at, ...message } of resumption.messages) {
      this.messages.push(message);
      this.messageTimes.push(at);
    }
    for (const { seat, bank } of resumption.clocks) if (seat < this.banks.length) this.banks[seat] = bank;
    for (const binding of resumption.seats) this.holders.restore(binding);
    this.seq = resumption.nextSeq;
    this.actionCount = resumption.actions.length;
    return resumption;
  }

  private async play(resume?: Resumption): Promise<void> {
    const { clock } = this.settings;
    const sequential = this.game.descriptor.traits.dynamics === 'sequential';
    const { record, finalState } = await runMatch({
      game: this.game,
      params: this.params,
      seed: this.seed,
      agents: this.seats.map((s) => s.agent),
      resume: resume && { actions: resume.actions, messages: [...this.messages], modelCalls: resume.modelCalls },
      onResume: (state) => {
        this.state = state;
      },
      clock: this.clock,
      signal: this.abort.signal,
      pressRounds: this.settings.pressRounds,
      deadlineFor: (seat, state) =>
        sequential ? clock.actionMs + (this.banks[seat] ?? 0) : phaseDeadline(clock, this.game.roundClock?.(state)),
      onAnswer: (seat, ms) => {
        if (!sequential || ms <= clock.actionMs) return;
        this.banks[seat] = Math.max(0, (this.banks[seat] ?? 0) - (ms - clock.actionMs));
        const reading = { seat, bank: this.banks[seat] ?? 0, spentMs: ms };
        this.append((seq, at) => clockEvent(seq, reading, at));
      },
      onEvent: (e: RunnerEvent<unknown>) => {
        this.actionCount = e.record.seq + 1;
        this.state = e.state;
        this.append((seq, at) => actionEvent(seq, e.record, at));
        this.notify();
      },
      onMessage: (m) => {
        this.messages.push(m);
        this.messageTimes.push(this.clock.now());
        this.append((seq, at) => messageEvent(seq, m, at));
        this.notify();
      },
      onModelCall: (call) => {
        this.lastWrite = this.store.appendModelCalls(this.id, [storedModelCall(call, this.clock.now())]);
      },
      press: (context) => this.negotiationWindow(context),
    });
    this.state = finalState;
    this.record = record;
    this.returns = record.returns;
    this.status = 'finished';
    await this.lastWrite;
    await this.store.finishMatch(this.id, { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
    if (this.settings.rated) await this.rate(record.returns, finalState);
    this.notify();
  }

  /** Moves the ladder; a failure is reported and leaves the finished match as stored. */
  private async rate(returns: readonly number[], finalState: unknown): Promise<void> {
    const seats = this.holders.ladderSeats(this.seats);
    const match = { matchId: this.id, game: this.settings.game, seats, returns, finalState };
    await rateArenaMatch(this.store, match, this.clock.now()).catch((error) =>
      console.error(`match ${this.id} was not rated: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * Diplomacy's negotiation period: bots and LLMs write their rounds of press, people write
   * whenever they like; the window closes when its time is up or every person is ready, and
   * if people wrote, the agents get one more round to answer before orders.
   */
  private async negotiationWindow(context: Parameters<NonNullable<Parameters<typeof runMatch>[0]['press']>>[0]): Promise<void> {
    this.ready.clear();
    this.pressSent = this.seats.map(() => 0);
    this.pressPhase = context.phase;
    this.deliverHuman = (m) => context.deliver(m);
    try {
      await context.runAgentRounds(this.settings.pressRounds);
      const humans = this.seats.filter((s) => s.human).length;
      if (humans === 0 || this.settings.clock.pressMs === 0) return;
      this.pressOpenUntil = this.clock.now() + this.settings.clock.pressMs;
      this.notify();
      await new Promise<void>((resolve) => {
        const close = () => {
          this.clock.clearTimeout(timer);
          this.abort.signal.removeEventListener('abort', close);
          resolve();
        };
        const timer = this.clock.setTimeout(close, this.settings.clock.pressMs);
        this.closeWindow = close;
        // Removed when the window closes: the match's signal outlives every window.
        this.abort.signal.addEventListener('abort', close, { once: true });
      });
      // Agents answer what people wrote in the window (the heuristic bot replies to proposals).
      if (this.pressSent.some((n, seat) => n > 0 && this.seats[seat]?.human) && !this.abort.signal.aborted)
        await context.runAgentRounds(1, this.settings.pressRounds);
    } finally {
      this.closeWindow = null;
      this.deliverHuman = null;
      this.pressOpenUntil = 0;
      this.notify();
    }
  }

  private deliverHuman: ((m: PressMessage) => void) | null = null;
  /** People's messages in the open window, per seat, and the window's phase. */
  private pressSent: number[] = [];
  private pressPhase = '';
  /** When the open negotiation period closes (ms since epoch), 0 when none is open. */
  pressOpenUntil = 0;

  /**
   * Press from a person's connection (`seat` is the connection's, whatever the message claims):
   * delivered now if a negotiation window is open and it passes the press check every sender
   * meets (press-rules.ts); the window is one round, so its count per round applies to it.
   */
  sendPress(seat: Seat, raw: unknown): { ok: true } | { ok: false; code: string; message: string } {
    if (!this.deliverHuman)
      return { ok: false, code: 'press/closed', message: 'press is open only during the negotiation period' };
    const verdict = checkPress(raw, {
      game: this.game,
      seat,
      seats: this.seats.length,
      sentThisRound: this.pressSent[seat] ?? 0,
      phase: this.pressPhase,
    });
    if (!verdict.ok) return { ok: false, ...verdict.error };
    this.pressSent[seat] = (this.pressSent[seat] ?? 0) + 1;
    this.deliverHuman(verdict.message);
    return { ok: true };
  }

  get actionsPlayed(): number {
    return this.actionCount;
  }

  /**
   * An answer from a person's connection. It must answer the open decision, and every action must
   * be legal where it stands, or nothing is submitted and the reason comes back.
   */
  submit(seat: Seat, decision: number, actions: string[]): { ok: true } | { ok: false; code: string; message: string } {
    const human = this.seats[seat]?.human;
    if (!human) return { ok: false, code: 'seat/not-yours', message: 'this seat is not played through a connection' };
    const pending = human.current();
    if (!pending) return { ok: false, code: 'action/not-your-turn', message: 'no decision of yours is open' };
    if (pending.id !== decision)
      return { ok: false, code: 'action/stale', message: `decision ${decision} is over; the open one is ${pending.id}` };
    let scratch = this.state;
    for (const action of actions) {
      const error = this.game.validateAction(scratch, seat, action);
      if (error) return { ok: false, code: error.code, message: `'${action}': ${error.message}` };
      scratch = this.game.applyAction(scratch, seat, action);
    }
    human.submit(decision, actions);
    return { ok: true };
  }

  /**
   * A person's table settings, for the decisions the game settles for them from now on. They stay
   * with the seat for the rest of the match (a reconnect, another tab), not with the connection.
   */
  setPreferences(seat: Seat, prefs: SeatPreferences): void {
    if (!this.seats[seat]?.human || this.preferences.get(seat)?.muckLosing === prefs.muckLosing) return;
    this.preferences.set(seat, { muckLosing: prefs.muckLosing });
    this.notify();
  }

  /** The settings the seat's person chose, or null while they have chosen none (the game's defaults apply). */
  preferencesOf(seat: Seat): SeatPreferences | null {
    return this.preferences.get(seat) ?? null;
  }

  markReady(seat: Seat): void {
    this.ready.add(seat);
    const humans = this.seats.map((s, i) => (s.human ? i : -1)).filter((i) => i >= 0);
    if (humans.every((i) => this.ready.has(i))) this.closeWindow?.();
  }

  private async fail(error: unknown): Promise<void> {
    // A suspended match stays `running` in the store: the next server start resumes it.
    if (this.status !== 'running' || this.suspended) return;
    this.status = 'aborted';
    console.error(`match ${this.id} stopped: ${error instanceof Error ? error.message : String(error)}`);
    await this.lastWrite.catch(() => undefined);
    await this.store.finishMatch(this.id, { status: 'aborted', returns: null, finalStateHash: null }).catch(() => undefined);
    this.notify();
  }

  /** Ends the match for good: it is marked aborted in the store (a replaced demo match). */
  stop(reason: string): void {
    this.abort.abort(new Error(reason));
  }

  /** Stops the match without finishing it in the store (server shutdown: it resumes later). */
  suspend(): void {
    this.suspended = true;
    this.abort.abort(new Error('server shutting down'));
  }

  suspended = false;
}
