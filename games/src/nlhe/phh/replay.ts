/**
 * Replaying a PHH hand through the hand engine: every action must be legal for the player the
 * engine expects, and the result is the finishing stacks or an error naming the action.
 *
 * PHH lists hole cards per player (`d dh p1 AcKd`, or a card at a time in any order); they are
 * buffered and dealt in the engine's order, which is only a bookkeeping order (every deal is
 * equally likely either way). `cc` is a check or a call, whichever the situation makes it;
 * `sm` with cards shows them (they must be the dealt cards), `sm` alone mucks.
 */
import { cardsText, parseCards } from '../cards';
import {
  applyHandAction,
  createHand,
  dealTarget,
  type HandAction,
  type HandConfig,
  type HandState,
  handActor,
  maxBet,
  verifyConfig,
  verifyHandAction,
} from '../engine';
import type { PhhHand } from './parse';

export type ReplayResult =
  | { readonly ok: true; readonly finishingStacks: number[]; readonly state: HandState }
  | { readonly ok: false; readonly error: string; readonly actionIndex?: number };

export function phhConfig(hand: PhhHand): HandConfig {
  return {
    antes: hand.antes,
    blindsOrStraddles: hand.blinds_or_straddles,
    minBet: hand.min_bet,
    startingStacks: hand.starting_stacks,
    anteTrimming: hand.ante_trimming_status ?? false,
  };
}

type Parsed =
  | { kind: 'hole'; position: number; cards: number[] }
  | { kind: 'board'; cards: number[] }
  | { kind: 'player'; position: number; verb: 'f' | 'cc' | 'cbr' | 'sm'; amount?: number; cards?: number[] };

/** One PHH action string, or why it cannot be read. Comments (`# …`) are ignored. */
export function parsePhhAction(text: string, players: number): Parsed | string {
  const words = text.replace(/#.*$/, '').trim().split(/\s+/);
  const player = (word: string | undefined): number | string => {
    const m = /^p(\d+)$/.exec(word ?? '');
    const k = m ? Number(m[1]) : 0;
    return k >= 1 && k <= players ? k - 1 : `'${word}' is not a player p1..p${players}`;
  };
  const cards = (word: string | undefined): number[] | string => {
    if (word?.includes('?')) return 'unknown cards (??) cannot be replayed';
    const parsed = word ? parseCards(word) : null;
    return parsed && parsed.length > 0 ? parsed : `'${word}' are not cards`;
  };
  if (words[0] === 'd') {
    if (words[1] === 'dh' && words.length === 4) {
      const position = player(words[2]);
      const dealt = cards(words[3]);
      if (typeof position === 'string') return position;
      return typeof dealt === 'string' ? dealt : { kind: 'hole', position, cards: dealt };
    }
    if (words[1] === 'db' && words.length === 3) {
      const dealt = cards(words[2]);
      return typeof dealt === 'string' ? dealt : { kind: 'board', cards: dealt };
    }
    return `unsupported dealer action (only 'd dh pN CARDS' and 'd db CARDS')`;
  }
  const position = player(words[0]);
  if (typeof position === 'string') return position;
  const verb = words[1];
  if ((verb === 'f' || verb === 'cc') && words.length === 2) return { kind: 'player', position, verb };
  if (verb === 'cbr' && words.length === 3) {
    const amount = Number(words[2]);
    if (!Number.isSafeInteger(amount)) return `'${words[2]}' is not a whole number of chips`;
    return { kind: 'player', position, verb, amount };
  }
  if (verb === 'sm' && (words.length === 2 || (words.length === 3 && words[2] === '-')))
    return { kind: 'player', position, verb };
  if (verb === 'sm' && words.length === 3) {
    const shown = cards(words[2]);
    return typeof shown === 'string' ? shown : { kind: 'player', position, verb, cards: shown };
  }
  return `unsupported player action '${words.slice(1).join(' ')}' (f, cc, cbr AMOUNT, sm [CARDS])`;
}

/** The engine action a parsed PHH player action stands for in state `h` (or why none does). */
function engineAction(h: HandState, p: Extract<Parsed, { kind: 'player' }>): HandAction | string {
  switch (p.verb) {
    case 'f':
      return { type: 'fold' };
    case 'cc':
      return h.bets[p.position]! < maxBet(h) ? { type: 'call' } : { type: 'check' };
    case 'cbr':
      return { type: 'raise', to: p.amount! };
    case 'sm': {
      if (!p.cards) return { type: 'muck' };
      const dealt = h.hole[p.position]!;
      const same = p.cards.length === dealt.length && p.cards.every((c) => dealt.includes(c));
      return same ? { type: 'show' } : `shows ${cardsText(p.cards)} but was dealt ${cardsText(dealt)}`;
    }
  }
}

export function replayPhh(hand: PhhHand): ReplayResult {
  const config = phhConfig(hand);
  const bad = verifyConfig(config);
  if (bad) return { ok: false, error: bad.message };
  const n = config.startingStacks.length;
  let h = createHand(config);
  const pending: number[][] = Array.from({ length: n }, () => []);
  const fail = (index: number, why: string): ReplayResult => ({
    ok: false,
    actionIndex: index,
    error: `action ${index} '${hand.actions[index]}': ${why}`,
  });
  /** Deals buffered hole cards while the engine wants them. */
  const drain = () => {
    for (let target = dealTarget(h); target?.kind === 'hole' && pending[target.position]!.length > 0; target = dealTarget(h)) {
      h = applyHandAction(h, { type: 'deal', card: pending[target.position]!.shift()! });
    }
  };

  for (let index = 0; index < hand.actions.length; index++) {
    const parsed = parsePhhAction(hand.actions[index]!, n);
    if (typeof parsed === 'string') return fail(index, parsed);
    if (parsed.kind === 'hole') {
      const already = h.hole[parsed.position]!.length + pending[parsed.position]!.length;
      if (already + parsed.cards.length > 2) return fail(index, `p${parsed.position + 1} would hold more than two hole cards`);
      pending[parsed.position]!.push(...parsed.cards);
      drain();
      continue;
    }
    drain();
    const target = dealTarget(h);
    if (target?.kind === 'hole') return fail(index, `p${target.position + 1} has not been dealt both hole cards yet`);
    if (parsed.kind === 'board') {
      for (const card of parsed.cards) {
        const action: HandAction = { type: 'deal', card };
        const error = dealTarget(h)?.kind === 'board' ? verifyHandAction(h, 'chance', action) : null;
        if (dealTarget(h)?.kind !== 'board') return fail(index, describeWait(h, 'a board card'));
        if (error) return fail(index, error.message);
        h = applyHandAction(h, action);
      }
      continue;
    }
    const action = engineAction(h, parsed);
    if (typeof action === 'string') return fail(index, action);
    const error = verifyHandAction(h, parsed.position, action);
    if (error)
      return fail(index, error.code === 'action/not-your-turn' ? describeWait(h, `p${parsed.position + 1}`) : error.message);
    h = applyHandAction(h, action);
  }
  drain();
  if (h.phase !== 'over') return { ok: false, error: `the hand is incomplete: ${describeWait(h, 'no more actions')}` };
  return { ok: true, finishingStacks: h.stacks.slice(), state: h };
}

function describeWait(h: HandState, got: string): string {
  const actor = handActor(h);
  if (actor === null) return `the hand is already over (got ${got})`;
  if (actor === 'chance') {
    const target = dealTarget(h);
    return `expected a card for ${target?.kind === 'hole' ? `p${target.position + 1}` : 'the board'}, got ${got}`;
  }
  return `expected p${actor + 1} to ${h.phase === 'showdown' ? 'show or muck' : 'act'}, got ${got}`;
}
