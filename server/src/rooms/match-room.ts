/**
 * A match room: the thin adapter between WebSocket clients and a live match. It checks seat
 * tokens on join, parses every message at the edge, hands actions and press to the match, and
 * pushes views: each seat's observation goes only into that seat's StateView; spectators see the
 * spectator view (delayed if configured) and press only once it may be shown.
 *
 * A change is sent as soon as the match makes it (one patch per turn of the event loop, however
 * many changes it made), not at Colyseus's default 20 patches a second: an action's new state
 * reaches the players without waiting up to 50 ms for a tick, and a thousand rooms waiting on
 * people do not wake twenty thousand times a second to find nothing changed. A slow tick remains
 * for what comes due with time: the delayed spectator view, delayed press and the room's clock.
 */
import { type AuthContext, type Client, Room } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { errorMessage, parseClientMessage, type ServerMessage } from '@parley/protocol';
import { authService, matchService, trustedOrigins } from '../arena/context';
import type { LiveMatch } from '../arena/live-match';
import { RateLimiter } from '../arena/rate-limit';
import { ROOM_MESSAGES } from '../auth/policy';
import { joiningPrincipal } from '../auth/room-identity';
import { recordActLatency } from './act-latency';
import { BroadcastView, MatchState, SeatInfo, SeatView } from './match-state';
import { spectatorPress, syncSeats } from './views';

/** The slow tick for what comes due with time (see above); changes themselves go out at once. */
const HOUSEKEEPING_MS = 250;

interface ClientData {
  seat: number | null;
  limiter: RateLimiter;
}

export class MatchRoom extends Room<{ state: MatchState; client: Client<{ userData: ClientData }> }> {
  private live!: LiveMatch;
  private dirty = true;
  private delayed: { at: number; spectator: string; broadcast: string; actions: number }[] = [];
  private unsubscribe: () => void = () => {};
  private patchQueued = false;
  /** When each accepted action's message was read, until the match has applied it… */
  private actsArrived: number[] = [];
  /** …and then until the patch carrying its state has gone out (see act-latency.ts). */
  private actsApplied: number[] = [];
  /** Spectators connected: without any (and with no delay) the spectator view is not computed. */
  private spectators = 0;
  private spectatorStale = false;

  override async onCreate(options: { matchId: string }) {
    this.autoDispose = false;
    this.roomId = options.matchId;
    // A person may open the match page well after it was created; a busy server needs time too.
    this.seatReservationTimeout = 60;
    this.live = await matchService().open(options.matchId);
    const { live } = this;
    this.state = new MatchState({ matchId: live.id, game: live.game.descriptor.id });
    live.seats.forEach((s, seat) => {
      const name = live.holders.seatName(seat, s.name);
      this.state.seats.push(new SeatInfo({ seat, name, kind: s.kind, bankMs: live.banks[seat] ?? 0 }));
      this.state.views.push(new SeatView({ seat }));
    });
    this.state.broadcast.push(new BroadcastView({}));
    await this.setMetadata({ game: live.game.descriptor.id, matchId: live.id, seats: live.seats.map((s) => s.name) });
    this.unsubscribe = live.subscribe(() => {
      this.dirty = true;
      if (this.actsArrived.length > 0) {
        this.actsApplied.push(...this.actsArrived);
        this.actsArrived = [];
      }
      this.patchSoon();
    });
    this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
    // Set once the match and the state exist: setting it starts the tick.
    this.patchRate = HOUSEKEEPING_MS;
    void live.done.then(() => this.onFinished());
  }

  /**
   * Joining is open to anyone (as a spectator). A seat is taken with its seat token, or, for a
   * seat `bot/NAME`, with an API token of that bot account (and `seat` to pick one when the bot
   * holds several). A person's seat is bound to whoever takes it first, signed in or a guest
   * (arena/seat-holders.ts): the ladder rates the account, never a guest.
   */
  override async onAuth(
    _client: Client,
    options: { token?: unknown; botToken?: unknown; seat?: unknown },
    context?: AuthContext,
  ) {
    if (options?.botToken !== undefined) return { seat: await this.botSeat(options.botToken, options.seat) };
    if (options?.token === undefined) return { seat: null };
    if (typeof options.token !== 'string' || options.token.length > 200) throw new Error('seat token must be a string');
    const seat = await matchService().seatForToken(this.live.id, options.token);
    if (seat === null) throw new Error('this token does not hold a seat in this match');
    const who = await joiningPrincipal(authService(), context?.headers ?? new Headers(), trustedOrigins());
    const refused = await this.live.takeSeat(seat, who);
    if (refused) throw new Error(refused);
    return { seat };
  }

  private async botSeat(token: unknown, wanted: unknown): Promise<number> {
    if (typeof token !== 'string') throw new Error('botToken must be a string');
    const bot = await authService().fromBearer(token);
    if (bot?.role !== 'bot' || !bot.accountId) throw new Error('this bot token is unknown or revoked');
    const seats = await matchService().seatsForBot(this.live.id, bot.accountId);
    const seat = wanted === undefined ? seats[0] : seats.find((s) => s === wanted);
    if (seat === undefined) throw new Error('this bot holds no such seat in this match');
    return seat;
  }

  override onJoin(client: Client<{ userData: ClientData }>, _options: unknown, auth: { seat: number | null }) {
    const seat = auth?.seat ?? null;
    // A seat has one connection: a newer one (another tab, a reconnect) replaces the older.
    if (seat !== null)
      for (const other of this.clients)
        if (other !== client && other.userData?.seat === seat) other.leave(4000, 'seat taken by a newer connection');
    client.userData = { seat, limiter: new RateLimiter(10, 30, () => this.live.clock.now()) };
    client.view = new StateView();
    if (seat !== null) {
      client.view.add(this.state.views[seat] as SeatView);
      const info = this.state.seats[seat] as SeatInfo;
      info.connected = true;
      info.name = this.live.holders.seatName(seat, info.name);
      this.patchSoon();
    } else {
      this.spectators++;
      this.state.spectators = this.spectators;
      client.view.add(this.state.broadcast[0] as BroadcastView);
      if (this.spectatorStale) this.patchSoon();
    }
    this.reply(client, { type: 'seat', seat, role: seat === null ? 'spectator' : 'player' });
  }

  override async onDrop(client: Client<{ userData: ClientData }>) {
    const seat = client.userData?.seat;
    if (seat !== null && seat !== undefined) (this.state.seats[seat] as SeatInfo).connected = false;
    this.patchSoon();
    await this.allowReconnection(client, this.live.settings.reconnectSeconds);
  }

  override onReconnect(client: Client<{ userData: ClientData }>) {
    const seat = client.userData?.seat;
    if (seat !== null && seat !== undefined) (this.state.seats[seat] as SeatInfo).connected = true;
  }

  override onLeave(client: Client<{ userData: ClientData }>) {
    const seat = client.userData?.seat;
    if (seat === null) {
      this.spectators = Math.max(0, this.spectators - 1);
      this.state.spectators = this.spectators;
    }
    if (seat !== null && seat !== undefined && !this.clients.some((c) => c !== client && c.userData?.seat === seat)) {
      (this.state.seats[seat] as SeatInfo).connected = false;
    }
  }

  /** Sends what changed once the current turn of the event loop is done. */
  private patchSoon() {
    if (this.patchQueued) return;
    this.patchQueued = true;
    setImmediate(() => {
      this.patchQueued = false;
      this.broadcastPatch();
      if (this.actsApplied.length > 0) {
        const now = this.live.clock.now();
        for (const at of this.actsApplied) recordActLatency(now - at);
        this.actsApplied = [];
      }
    });
  }

  override onBeforePatch() {
    if (!this.live) return; // still opening
    const now = this.live.clock.now();
    const delay = this.live.status === 'running' ? this.live.settings.spectatorDelayMs : 0;
    if (this.dirty) {
      this.dirty = false;
      syncSeats(this.state, this.live);
      // Most tables of a busy arena have no spectator: their view is made when one arrives. A
      // delayed view needs its history kept whoever watches.
      this.spectatorStale = this.spectators === 0 && delay === 0;
      if (!this.spectatorStale) this.pushSpectatorView(now);
    } else if (this.spectatorStale && this.spectators > 0) {
      this.spectatorStale = false;
      this.pushSpectatorView(now);
    }
    while (this.delayed.length > 0 && (this.delayed[0]?.at ?? 0) <= now - delay) {
      const next = this.delayed.shift();
      if (next) {
        this.state.spectator = next.spectator;
        (this.state.broadcast[0] as BroadcastView).view = next.broadcast;
      }
    }
    if (this.live.messages.length > 0) this.state.press = spectatorPress(this.live, delay, now);
  }

  /**
   * Queues the spectator view of now; a match with a spectator delay also queues the game's
   * broadcast view (hands face up), which spectators see once the delay has passed.
   */
  private pushSpectatorView(now: number) {
    const { game, state, settings, status } = this.live;
    const broadcasting = settings.spectatorDelayMs > 0 && status === 'running' && game.broadcastView;
    this.delayed.push({
      at: now,
      spectator: JSON.stringify(game.spectatorView(state)),
      broadcast: broadcasting ? JSON.stringify(game.broadcastView!(state)) : 'null',
      actions: this.state.actions,
    });
  }

  private async receive(client: Client<{ userData: ClientData }>, type: unknown, payload: unknown) {
    const arrived = this.live.clock.now();
    const data = client.userData;
    if (!data?.limiter.take()) return this.reply(client, errorMessage('rate/limited', 'too many messages; slow down'));
    const message = parseClientMessage(type, payload);
    if (message.type === 'unexpected') return this.reply(client, errorMessage('message/invalid', message.reason));
    // Every message a client sends acts for a seat (ROOM_MESSAGES); only joining is open to all.
    if (ROOM_MESSAGES[message.type] !== 'seat' || data.seat === null)
      return this.reply(client, errorMessage('seat/spectator', 'spectators cannot act or send press'));
    const seat = data.seat;
    if (message.type === 'ready') return this.live.markReady(seat);
    if (message.type === 'prefs') return this.live.setPreferences(seat, message.payload);
    if (message.type === 'press') {
      const result = this.live.sendPress(seat, message.payload);
      if (!result.ok) this.reply(client, errorMessage(result.code, result.message));
      return;
    }
    const verdict = this.live.submit(seat, message.payload.decision, message.payload.actions);
    if (!verdict.ok) return this.reply(client, errorMessage(verdict.code, verdict.message));
    this.actsArrived.push(arrived);
    await this.live.durable();
    this.reply(client, { type: 'ack', decision: message.payload.decision, applied: message.payload.actions.length });
  }

  private onFinished() {
    this.dirty = true;
    this.patchSoon();
    this.state.status = this.live.status;
    this.state.returns = JSON.stringify(this.live.returns);
    this.broadcast('finished', { type: 'finished', returns: this.live.returns ?? [] });
    // Spectators may stay a while to see the end; then the room closes (the record stays).
    this.clock.setTimeout(() => void this.disconnect(), matchService().lingerMs);
  }

  override onDispose() {
    this.unsubscribe();
    matchService().close(this.live?.id);
  }

  private reply(client: Client, message: ServerMessage) {
    client.send(message.type, message);
  }
}
