/**
 * One client's TCP connection: the framing rules of the client-server protocol (IM first, within
 * 30 seconds, answered by an empty RM; then DMs both ways; FM or EM end it), turned into
 * messages for the lobby (NME, OBS, IAM, MAP, MDF, ADM) or the seat the client took. Every frame
 * is checked at the edge: a broken frame ends the connection with the EM code the protocol names,
 * unbalanced brackets get PRN, and nothing from the network ever reaches the engine unchecked.
 */
import type { Socket } from 'node:net';
import {
  DAIDE_MAGIC,
  DAIDE_VERSION,
  DM,
  decodePayload,
  EM,
  encodeFrame,
  encodeMessage,
  errorMessage,
  FM,
  FrameReader,
  IM,
  type Item,
  RM,
  textOf,
} from './codec';
import type { ClientLink, DaideLobby } from './lobby';
import { mapDefinition, powerOf } from './map';
import type { DaideSeat } from './seat';
import { integerValue, isInteger, textTokens, tk, tokenName } from './tokens';

export const EM_CODES = {
  imTimer: 0x01,
  imNotFirst: 0x02,
  wrongEndian: 0x03,
  badMagic: 0x04,
  version: 0x05,
  secondIm: 0x06,
  unknownType: 0x08,
  short: 0x09,
  rmFromClient: 0x0d,
  invalidToken: 0x0e,
} as const;

const IM_TIMEOUT_MS = 30_000;
const word = (item: Item | undefined) => (typeof item === 'number' ? tokenName(item) : null);
const MAP_MESSAGE: Item[] = [tk('MAP'), textTokens('standard')];

export class DaideConnection implements ClientLink {
  name = '';
  version = '';
  private readonly reader = new FrameReader();
  private greeted = false;
  private closed = false;
  private seat: DaideSeat | null = null;
  private observer = false;
  /** NME sent, waiting for a seat. */
  private pendingName = false;
  private readonly cancelImTimer: () => void;

  constructor(
    private readonly socket: Socket,
    private readonly lobby: DaideLobby,
    private readonly allLinks: Set<DaideConnection>,
  ) {
    socket.setKeepAlive(true);
    socket.setNoDelay(true);
    this.cancelImTimer = lobby.clock.setTimeout(() => {
      if (!this.greeted) this.fail(EM_CODES.imTimer);
    }, IM_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.cleanUp());
    socket.on('error', () => this.cleanUp());
    allLinks.add(this);
  }

  send(message: Item[]): void {
    if (!this.closed && this.greeted) this.socket.write(encodeMessage(message));
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.end();
    this.cleanUp();
  }

  private fail(code: number): void {
    if (this.closed) return;
    this.socket.end(errorMessage(code));
    this.closed = true;
    this.cleanUp();
  }

  private cleanUp(): void {
    this.closed = true;
    this.cancelImTimer();
    this.allLinks.delete(this);
    this.lobby.leave(this);
    this.seat?.detach(this);
    this.seat = null;
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.reader.push(chunk)) {
      if (this.closed) return;
      if (!this.greeted) {
        if (frame.type !== IM) {
          this.fail(EM_CODES.imNotFirst);
          return;
        }
        if (frame.payload.length < 4) {
          this.fail(EM_CODES.short);
          return;
        }
        const version = frame.payload.readUInt16BE(0);
        const magic = frame.payload.readUInt16BE(2);
        if (magic === 0x10da) {
          this.fail(EM_CODES.wrongEndian);
          return;
        }
        if (magic !== DAIDE_MAGIC) {
          this.fail(EM_CODES.badMagic);
          return;
        }
        if (version !== DAIDE_VERSION) {
          this.fail(EM_CODES.version);
          return;
        }
        this.greeted = true;
        this.cancelImTimer();
        this.socket.write(encodeFrame(RM));
        continue;
      }
      switch (frame.type) {
        case IM:
          this.fail(EM_CODES.secondIm);
          return;
        case RM:
          this.fail(EM_CODES.rmFromClient);
          return;
        case FM:
        case EM:
          this.closed = true;
          this.socket.end();
          this.cleanUp();
          return;
        case DM: {
          const decoded = decodePayload(frame.payload);
          if (!decoded.ok) {
            if (decoded.kind === 'brackets') {
              this.socket.write(encodeFrame(DM, Buffer.concat([Buffer.from([0x48, 0x13]), frame.payload])));
              continue;
            }
            this.fail(decoded.kind === 'invalid-token' ? EM_CODES.invalidToken : EM_CODES.short);
            return;
          }
          this.handle(decoded.message);
          continue;
        }
        default:
          this.fail(EM_CODES.unknownType);
          return;
      }
    }
  }

  private handle(message: Item[]): void {
    const [head, ...rest] = message;
    const reject = () => this.send([tk('REJ'), message]);
    switch (word(head)) {
      case 'NME': {
        if (this.seat || this.observer || this.pendingName) {
          reject();
          return;
        }
        const name = textOf(rest[0]);
        const version = textOf(rest[1]);
        if (name === null || version === null || rest.length !== 2) {
          this.send([tk('HUH'), [tk('ERR'), ...message]]);
          return;
        }
        this.name = name.slice(0, 64);
        this.version = version.slice(0, 64);
        this.pendingName = true;
        // Taking a seat in a game under way sends HLO and the position right after YES and MAP.
        this.lobby.join(this, (seat) => {
          this.pendingName = false;
          this.seat = seat as DaideSeat;
          this.send([tk('YES'), message]);
          this.send(MAP_MESSAGE);
        });
        return;
      }
      case 'OBS':
        if (this.seat || this.observer || rest.length > 0) {
          reject();
          return;
        }
        this.observer = true;
        this.send([tk('YES'), message]);
        this.send(MAP_MESSAGE);
        this.lobby.observe(this);
        return;
      case 'IAM': {
        const power = Array.isArray(rest[0]) ? powerOf(rest[0][0]) : null;
        const code =
          Array.isArray(rest[1]) && typeof rest[1][0] === 'number' && isInteger(rest[1][0]) ? integerValue(rest[1][0]) : -1;
        if (this.seat || this.observer || !power) {
          reject();
          return;
        }
        this.send([tk('YES'), message]);
        const seat = this.lobby.rejoin(this, power, code) as DaideSeat | null;
        if (!seat) {
          reject();
          return;
        }
        this.seat = seat;
        return;
      }
      case 'MAP':
        if (rest.length === 0) this.send(MAP_MESSAGE);
        return;
      case 'MDF':
        this.send(mapDefinition());
        return;
      case 'YES':
        return; // YES ( MAP ( 'standard' ) ): nothing to do
      case 'REJ':
        if (Array.isArray(rest[0]) && word(rest[0][0]) === 'MAP') {
          this.send([tk('OFF')]);
          this.end();
          return;
        }
        return;
      case 'ADM': {
        if (textOf(rest[0]) === null || textOf(rest[1]) === null) {
          this.send([tk('HUH'), [tk('ERR'), ...message]]);
          return;
        }
        for (const link of this.allLinks) if (link !== this) link.send(message);
        return;
      }
      default:
        if (this.seat) {
          this.seat.handle(message);
          return;
        }
        reject();
        return;
    }
  }
}
