/**
 * The ACPC MATCHSTATE strings (protocol version 2.0.0), both ways:
 *
 *   MATCHSTATE:<position>:<hand>:<betting>:<cards>
 *
 * `position` is the viewer's place relative to the button, 0 the first player after it, which
 * is exactly the NLHE engine's position (heads-up 0 is the big blind: "reverse blinds");
 * `betting` lists each round's actions (`f`, `c` for check or call, `r<N>` raising to N chips
 * in over the whole hand, blinds not listed) with `/` between rounds; `cards` is each
 * position's hole cards separated by `|`, then `/` and each round's board cards.
 *
 * This is the ACPC seat's view function: the viewer's own hole cards, and other players' only
 * once they showed them at showdown; folded and mucked hands stay empty strings.
 */
import { type ActionError, actionError, Nlhe } from '@parley/games';

/** A hand as the engine keeps it: positions' table seats, blinds and stacks by position, and its log. */
export interface AcpcHand {
  /** The ACPC hand number (Parley counts hands from 1, the ACPC dealer from 0). */
  readonly number: number;
  readonly seats: readonly number[];
  readonly blinds: readonly number[];
  readonly startingStacks: readonly number[];
  /** The engine's log: `d dh p1 As`, `d db Kd`, `p2 raise 300`, `p1 call`, `p3 show AsKd`, … */
  readonly log: readonly string[];
}

/** The hand being played. */
export function currentHand(s: Nlhe.NlheState): AcpcHand {
  const h = s.hand;
  return { number: s.handNumber - 1, seats: s.seats, blinds: h.blinds, startingStacks: h.startingStacks, log: h.log };
}

/** A finished hand (its PHH-order blinds are re-read by position: heads-up they swap). */
export function finishedHand(r: Nlhe.HandRecord): AcpcHand {
  const phh = r.config.blindsOrStraddles;
  const n = r.seats.length;
  const blinds = r.seats.map((_, i) => (n === 2 ? phh[1 - i] : phh[i]) ?? 0);
  return { number: r.number - 1, seats: r.seats, blinds, startingStacks: r.config.startingStacks, log: r.log };
}

/** What table seat `viewer` may see of `hand`, or null when it was not dealt in. */
export function matchState(hand: AcpcHand, viewer: number): string | null {
  const me = hand.seats.indexOf(viewer);
  if (me < 0) return null;
  const { betting, cards } = bettingAndCards(hand, me);
  return `MATCHSTATE:${me}:${hand.number}:${betting}:${cards}`;
}

/**
 * The dealer's log line of a finished hand, as the ACPC reference dealer writes it:
 * `STATE:<hand>:<betting>:<cards>:<net>:<names>`, with every hole card dealt (the log sees all),
 * the board as far as it was dealt, and each position's winnings and name, `|`-separated, in the
 * order of positions in that hand (so the names rotate with the button).
 */
export function stateLine(hand: AcpcHand, net: readonly number[], names: readonly string[]): string {
  const { betting, cards } = bettingAndCards(hand, null);
  return `STATE:${hand.number}:${betting}:${cards}:${net.join('|')}:${names.join('|')}`;
}

/** The betting string and the cards position `me` sees (every hole card when `me` is null, the dealer's view). */
function bettingAndCards(hand: AcpcHand, me: number | null): { betting: string; cards: string } {
  const n = hand.seats.length;
  const blinds = hand.blinds.map((b, i) => Math.min(b, hand.startingStacks[i]!));
  // Chips in before this round, and this round's bets, by position.
  const before = new Array<number>(n).fill(0);
  const bets = blinds.slice();
  const rounds: string[] = [''];
  const board: string[] = [];
  const hole = new Array<string>(n).fill('');
  let boardCards = 0;
  for (const entry of hand.log) {
    const [who, verb, arg] = entry.split(' ') as [string, string, string | undefined];
    if (who === 'd') {
      const to = verb === 'dh' ? Number(arg!.slice(1)) - 1 : -1;
      if (to >= 0 && (me === null || to === me)) hole[to] += entry.split(' ')[3]!;
      if (verb === 'db') {
        boardCards++;
        if (boardCards === 1 || boardCards === 4 || boardCards === 5) {
          for (let i = 0; i < n; i++) before[i]! += bets[i]!;
          bets.fill(0);
          rounds.push('');
          board.push('');
        }
        board[board.length - 1] += entry.split(' ')[2]!;
      }
      continue;
    }
    const p = Number(who.slice(1)) - 1;
    const last = rounds.length - 1;
    if (verb === 'fold') rounds[last] += 'f';
    else if (verb === 'check' || verb === 'call') {
      const top = Math.max(...bets);
      bets[p] = Math.min(top, hand.startingStacks[p]! - before[p]!);
      rounds[last] += 'c';
    } else if (verb === 'raise') {
      bets[p] = Number(arg);
      rounds[last] += `r${before[p]! + bets[p]!}`;
    } else if (verb === 'show') hole[p] = arg!;
  }
  return { betting: rounds.join('/'), cards: [hole.join('|'), ...board].join('/') };
}

/** A client's answer: the state it answers, and `f`, `c` or `r<N>`. */
export interface AcpcReply {
  readonly state: string;
  readonly action: { readonly kind: 'f' } | { readonly kind: 'c' } | { readonly kind: 'r'; readonly to: number };
}

/** Reads `<matchState>:<action>` (the line without its `\r\n`). */
export function parseReply(line: string): AcpcReply | ActionError {
  const colon = line.lastIndexOf(':');
  const m = /^(f|c|r(\d{1,12}))$/.exec(line.slice(colon + 1));
  if (!line.startsWith('MATCHSTATE:') || colon < 0 || !m)
    return actionError('acpc/unparseable', `expected <MATCHSTATE…>:<f|c|rN>, got '${line.slice(0, 80)}'`);
  const state = line.slice(0, colon);
  return { state, action: m[2] ? { kind: 'r', to: Number(m[2]) } : m[1] === 'f' ? { kind: 'f' } : { kind: 'c' } };
}

/**
 * The engine action for a reply to the current decision, fixed as the ACPC reference dealer
 * fixes invalid actions: a raise outside the legal sizes is moved to the nearest legal size, a
 * raise where none is allowed becomes a call, a fold when checking is free becomes a check.
 */
export function engineAction(
  s: Nlhe.NlheState,
  reply: AcpcReply['action'],
  range: Nlhe.RaiseBounds | null,
): { action: string; fixed?: string } {
  const h = s.hand;
  const p = h.actors[0]!;
  const facing = h.bets[p]! < Math.max(...h.bets);
  const pass = facing ? 'call' : 'check';
  if (reply.kind === 'f') return facing ? { action: 'fold' } : { action: 'check', fixed: 'no bet to fold to' };
  if (reply.kind === 'c') return { action: pass };
  if (!range) return { action: pass, fixed: 'raising is not allowed here' };
  // N counts the whole hand; the engine's raise-to counts this round.
  const to = reply.to - h.committed[p]!;
  const legal = Math.min(range.max, Math.max(range.min, to));
  const fixed =
    legal === to ? undefined : `raise to ${reply.to} is outside ${range.min + h.committed[p]!}..${range.max + h.committed[p]!}`;
  return fixed ? { action: Nlhe.raiseAction(legal), fixed } : { action: Nlhe.raiseAction(legal) };
}
