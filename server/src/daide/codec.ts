/**
 * DAIDE on the wire: frames (`type:u8 | pad:u8 | length:u16`, big-endian, then the payload),
 * token strings (two bytes each) and the nested message form the rest of the server works with.
 *
 * A message is a list of items, each a token or a bracketed sub-list: `SUB ( ( ENG AMY LVP ) MTO
 * YOR )` is `[SUB, [[ENG, AMY, LVP], MTO, YOR]]`. The text form (`'abc'` for text, `#1901` or
 * plain digits for integers) is for tests, logs and people; bots only ever see bytes.
 */
import {
  BRA,
  integerToken,
  integerValue,
  isInteger,
  isText,
  isValidToken,
  KET,
  TEXT,
  textTokens,
  tokenCode,
  tokenName,
} from './tokens';

export const IM = 0;
export const RM = 1;
export const DM = 2;
export const FM = 3;
export const EM = 4;

export const DAIDE_VERSION = 1;
export const DAIDE_MAGIC = 0xda10;

export type Item = number | Item[];
export type Message = Item[];

export interface Frame {
  type: number;
  payload: Buffer;
}

export function encodeFrame(type: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt8(type, 0);
  header.writeUInt8(0, 1);
  header.writeUInt16BE(payload.length, 2);
  return Buffer.concat([header, payload]);
}

export function initialMessage(): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeUInt16BE(DAIDE_VERSION, 0);
  payload.writeUInt16BE(DAIDE_MAGIC, 2);
  return encodeFrame(IM, payload);
}

export function errorMessage(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code, 0);
  return encodeFrame(EM, payload);
}

/** Cuts a byte stream into frames; keeps the incomplete tail for the next chunk. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUInt16BE(2);
      if (this.buffer.length < 4 + length) break;
      frames.push({ type: this.buffer.readUInt8(0), payload: this.buffer.subarray(4, 4 + length) });
      this.buffer = this.buffer.subarray(4 + length);
    }
    return frames;
  }
}

// --- tokens and trees -------------------------------------------------------------------------

export function flatten(message: readonly Item[]): number[] {
  const out: number[] = [];
  const walk = (items: readonly Item[]) => {
    for (const item of items) {
      if (typeof item === 'number') out.push(item);
      else {
        out.push(BRA);
        walk(item);
        out.push(KET);
      }
    }
  };
  walk(message);
  return out;
}

export function tokensToBytes(tokens: readonly number[]): Buffer {
  const out = Buffer.alloc(tokens.length * 2);
  tokens.forEach((t, i) => {
    out.writeUInt16BE(t, i * 2);
  });
  return out;
}

export function encodeMessage(message: readonly Item[]): Buffer {
  return encodeFrame(DM, tokensToBytes(flatten(message)));
}

export type DecodeResult =
  | { ok: true; message: Message }
  | { ok: false; kind: 'invalid-token'; at: number }
  | { ok: false; kind: 'odd-length' }
  | { ok: false; kind: 'brackets'; tokens: number[] };

/** A DM payload → its message tree; unbalanced brackets come back as `brackets` (answered with PRN). */
export function decodePayload(payload: Buffer): DecodeResult {
  if (payload.length === 0 || payload.length % 2 !== 0) return { ok: false, kind: 'odd-length' };
  const tokens: number[] = [];
  for (let i = 0; i < payload.length; i += 2) {
    const t = payload.readUInt16BE(i);
    if (!isValidToken(t)) return { ok: false, kind: 'invalid-token', at: i / 2 };
    tokens.push(t);
  }
  const tree = toTree(tokens);
  return tree ? { ok: true, message: tree } : { ok: false, kind: 'brackets', tokens };
}

export function toTree(tokens: readonly number[]): Message | null {
  const stack: Item[][] = [[]];
  for (const t of tokens) {
    if (t === BRA) {
      const list: Item[] = [];
      stack[stack.length - 1]!.push(list);
      stack.push(list);
    } else if (t === KET) {
      if (stack.length === 1) return null;
      stack.pop();
    } else stack[stack.length - 1]!.push(t);
  }
  return stack.length === 1 ? stack[0]! : null;
}

// --- text form ---------------------------------------------------------------------------------

/** `NME ( 'Bot' ) ( 'v1' )` → tokens. Throws on unknown words (text form is for tests and tools). */
export function parseText(text: string): number[] {
  const out: number[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|(#?-?\d+)|([()])|([A-Za-z0-9]{3}))/y;
  let rest = text.trim();
  while (rest.length > 0) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) throw new Error(`DAIDE text: cannot read '${rest.slice(0, 20)}'`);
    if (m[1] !== undefined) out.push(...textTokens(m[1].replace(/''/g, "'")));
    else if (m[2] !== undefined) out.push(integerToken(Number(m[2].replace('#', ''))));
    else if (m[3] !== undefined) out.push(m[3] === '(' ? BRA : KET);
    else {
      const code = tokenCode(m[4]!.toUpperCase());
      if (code === undefined) throw new Error(`DAIDE text: unknown token '${m[4]}'`);
      out.push(code);
    }
    rest = rest.slice(m[0].length).trimStart();
  }
  return out;
}

export function parseMessage(text: string): Message {
  const tree = toTree(parseText(text));
  if (!tree) throw new Error(`DAIDE text: unbalanced brackets in '${text}'`);
  return tree;
}

/** Tokens → text form: `NOW ( SPR 1901 ) ( AUS AMY BUD )`. */
export function formatTokens(tokens: readonly number[]): string {
  const words: string[] = [];
  let text = '';
  const flush = () => {
    if (text) words.push(`'${text.replace(/'/g, "''")}'`);
    text = '';
  };
  for (const t of tokens) {
    if (isText(t)) {
      text += String.fromCharCode(t & 0xff);
      continue;
    }
    flush();
    if (t === BRA) words.push('(');
    else if (t === KET) words.push(')');
    else if (isInteger(t)) words.push(String(integerValue(t)));
    else words.push(tokenName(t) ?? `0x${t.toString(16).padStart(4, '0')}`);
  }
  flush();
  return words.join(' ');
}

export function formatMessage(message: readonly Item[]): string {
  return formatTokens(flatten(message));
}

/** The text in a message item (a run of text tokens), or null. */
export function textOf(item: Item | undefined): string | null {
  const list = Array.isArray(item) ? item : item === undefined ? [] : [item];
  if (list.length === 0 || !list.every((t) => typeof t === 'number' && t >> 8 === TEXT)) return null;
  return String.fromCharCode(...(list as number[]).map((t) => t & 0xff));
}
