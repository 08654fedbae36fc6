/**
 * A reference ACPC poker client, written from the ACPC protocol specification (version 2.0.0)
 * alone: it shares no code with Parley, so it plays Parley's dealer as any ACPC bot would.
 *
 *   npx tsx examples/acpc-bot/bot.ts GAME_FILE HOST PORT [SEED]
 *
 * It connects, sends `VERSION:2:0:0`, and for every MATCHSTATE line works out from the betting
 * string and the game definition whose turn it is; on its own turn it answers with the state
 * and `f`, `c` or `r<N>` (raise to N chips in over the whole hand). Its play is simple and
 * seeded: mostly call, sometimes raise (about the pot, or all in), sometimes fold to a bet.
 * Every action it sends is legal under the specification's rules.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

export interface GameDef {
  numPlayers: number;
  stack: number[];
  /** By position relative to the button. */
  blind: number[];
  /** 1-based, per round. */
  firstPlayer: number[];
  numRounds: number;
}

/** Reads the fields of a no-limit `.game` definition this client needs. */
export function readGameDef(text: string): GameDef {
  const values = new Map<string, number[]>();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(\w+)\s*=\s*([\d\s]+?)\s*(#.*)?$/.exec(raw);
    if (m) values.set(m[1]!.toLowerCase(), m[2]!.split(/\s+/).map(Number));
  }
  const numPlayers = values.get('numplayers')?.[0] ?? 2;
  return {
    numPlayers,
    stack: values.get('stack') ?? new Array(numPlayers).fill(20000),
    blind: values.get('blind') ?? [100, 50],
    firstPlayer: values.get('firstplayer') ?? [2, 1, 1, 1],
    numRounds: values.get('numrounds')?.[0] ?? 4,
  };
}

export interface Situation {
  position: number;
  hand: string;
  /** Position to act, or null when the hand is over. */
  toAct: number | null;
  /** Chips each position has put in over the hand. */
  spent: number[];
  folded: boolean[];
  /** Least and most legal raise-to totals for the player to act, or null if it may not raise. */
  raise: { min: number; max: number } | null;
  hole: string;
}

/** Replays a MATCHSTATE's betting under the specification's rules. */
export function readState(state: string, game: GameDef): Situation {
  const [, pos, hand, betting, cards] = state.split(':') as [string, string, string, string, string];
  const n = game.numPlayers;
  const position = Number(pos);
  const spent = game.blind.slice(0, n).map((b, i) => Math.min(b, game.stack[i]!));
  const folded = new Array<boolean>(n).fill(false);
  const bigBlind = Math.max(...game.blind);
  const rounds = betting.split('/');
  const canAct = (p: number) => !folded[p] && spent[p]! < game.stack[p]!;
  let toAct: number | null = null;
  let minRaiseBy = bigBlind;
  for (let r = 0; r < rounds.length; r++) {
    const actions = rounds[r]!.match(/f|c|r\d+/g) ?? [];
    const acted = new Array<boolean>(n).fill(false);
    minRaiseBy = bigBlind;
    let p = game.firstPlayer[r]! - 1;
    const nextFrom = (from: number): number | null => {
      for (let k = 0; k < n; k++) {
        const q = (from + k) % n;
        if (canAct(q)) return q;
      }
      return null;
    };
    let current = nextFrom(p);
    for (const a of actions) {
      p = current!;
      const top = Math.max(...spent);
      if (a === 'f') folded[p] = true;
      else if (a === 'c') spent[p] = Math.min(top, game.stack[p]!);
      else {
        const to = Number(a.slice(1));
        minRaiseBy = Math.max(minRaiseBy, to - top);
        spent[p] = to;
      }
      acted[p] = true;
      current = nextFrom(p + 1);
    }
    const top = Math.max(...spent);
    const live = folded.filter((f) => !f).length;
    const done =
      live < 2 ||
      current === null ||
      (acted[current] && spent[current] === top) ||
      // Everyone else is all in and this player has matched the bet: nobody is left to bet against.
      (folded.filter((f, q) => !f && canAct(q)).length === 1 && spent[current] === top);
    toAct = r === rounds.length - 1 && !done && rounds.length <= game.numRounds ? current : null;
  }
  let raise: Situation['raise'] = null;
  if (toAct !== null) {
    const top = Math.max(...spent);
    const max = game.stack[toAct]!;
    const othersCanCall = spent.some((_, q) => q !== toAct && !folded[q] && game.stack[q]! > top);
    if (max > top && othersCanCall) raise = { min: Math.min(top + minRaiseBy, max), max };
  }
  return { position, hand, toAct, spent, folded, raise, hole: cards.split('|')[position]!.split('/')[0]! };
}

/** A small seeded generator (mulberry32), so a seed replays the same choices. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The client's action on its turn: `f`, `c` or `r<N>`. */
export function chooseAction(s: Situation, random: () => number): string {
  const me = s.toAct!;
  const top = Math.max(...s.spent);
  const facing = s.spent[me]! < top;
  const pair = s.hole.length === 4 && s.hole[0] === s.hole[2];
  const roll = random();
  if (s.raise && (roll < 0.2 || (pair && roll < 0.5))) {
    const pot = s.spent.reduce((a, b) => a + b, 0);
    const to = roll < 0.04 ? s.raise.max : Math.min(s.raise.max, Math.max(s.raise.min, top + pot));
    return `r${to}`;
  }
  if (facing && roll > 0.9 && !pair) return 'f';
  return 'c';
}

export interface PlayResult {
  /** Hands seen to their end. */
  hands: number;
  actions: number;
  /** Every line the dealer sent, comments included. */
  received: string[];
}

/** Calls `onLine` with every `\r\n`-terminated line the socket receives. */
export function readLines(socket: Socket, onLine: (line: string) => void): void {
  socket.setEncoding('utf8');
  let buffer = '';
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onLine(line);
    }
  });
}

/** Plays until the dealer closes the connection. */
export function play(options: { host: string; port: number; game: GameDef; seed?: number }): Promise<PlayResult> {
  const random = seeded(options.seed ?? 1);
  const result: PlayResult = { hands: 0, actions: 0, received: [] };
  return new Promise((resolve, reject) => {
    const socket = connect(options.port, options.host, () => socket.write('VERSION:2:0:0\r\n'));
    readLines(socket, (line) => {
      result.received.push(line);
      if (!line.startsWith('MATCHSTATE:')) return; // comments and GUI lines
      const s = readState(line, options.game);
      if (s.toAct === s.position) {
        result.actions++;
        socket.write(`${line}:${chooseAction(s, random)}\r\n`);
      } else if (s.toAct === null) result.hands++;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(result));
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''));
if (isMain) {
  const [gameFile, host, port, seed] = process.argv.slice(2);
  if (!gameFile || !host || !port) {
    console.error('usage: bot.ts GAME_FILE HOST PORT [SEED]');
    process.exit(2);
  }
  const game = readGameDef(readFileSync(gameFile, 'utf8'));
  play({ host, port: Number(port), game, seed: Number(seed ?? 1) }).then(
    (r) => console.log(`played ${r.hands} hands, ${r.actions} actions`),
    (error) => {
      console.error(`acpc-bot: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
