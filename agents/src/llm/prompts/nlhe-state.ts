/**
 * An NLHE observation as text: the table, the seat's cards, the board, the pot and what it
 * costs to call, every player's stack, the hand's actions street by street, and the last hand.
 * The raise bounds are the engine's own (`observation.raise`), with the representative legal
 * list as a fallback for observations that do not state them.
 */
import { Nlhe } from '@parley/games';

export interface RaiseBounds {
  readonly min: number;
  readonly max: number;
}

/** The engine's observation; read defensively (every field may be absent), as prompts also render partial views. */
type NlheObservation = Partial<Nlhe.NlheObservation>;

export function nlheBounds(observation: unknown, legal: readonly string[]): RaiseBounds | undefined {
  const sizes = legal.map(Nlhe.raiseTotal).filter((x): x is number => x !== null);
  if (sizes.length === 0) return undefined;
  const stated = (observation as NlheObservation | null)?.raise;
  if (stated && typeof stated.min === 'number' && typeof stated.max === 'number') return { min: stated.min, max: stated.max };
  return { min: Math.min(...sizes), max: Math.max(...sizes) };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The hand's history by street: the seat's own deals, board cards, and each player's actions. */
function historyText(history: readonly string[], me: number): string[] {
  const lines: string[] = [];
  let street: string[] = [];
  let name = 'Preflop';
  const flush = () => {
    if (street.length > 0) lines.push(`  ${name}: ${street.join(', ')}`);
    street = [];
  };
  const boardCards: string[] = [];
  for (const line of history) {
    const entry = Nlhe.parseHistoryLine(line);
    if (entry?.kind === 'deal' && entry.to === 'board' && entry.card !== null) {
      flush();
      boardCards.push(entry.card);
      name =
        boardCards.length <= 3 ? `Flop ${boardCards.join(' ')}` : `${boardCards.length === 4 ? 'Turn' : 'River'} ${entry.card}`;
      continue;
    }
    if (entry?.kind === 'act') street.push(`${entry.seat === me ? 'you' : `seat ${entry.seat}`} ${entry.action}`);
  }
  flush();
  return lines.length > 0 ? lines : ['  (no actions yet)'];
}

export function nlheStateText(observation: unknown, seat: number): string {
  const o = (observation ?? {}) as NlheObservation;
  if (!Array.isArray(o.players))
    return [`You are seat ${seat}.`, `Your observation (JSON): ${JSON.stringify(observation)}`].join('\n');
  const blinds = o.blinds ? `Blinds ${o.blinds[0]}/${o.blinds[1]}${o.ante ? `, ante ${o.ante}` : ''}.` : '';
  const lines = [
    `Hand ${o.hand ?? 1} (${o.format ?? 'hand'}). ${blinds} You are seat ${seat}; the button is seat ${o.button}.`,
    `Your cards: ${(o.hole ?? []).join(' ') || '?'}. Board: ${(o.board ?? []).join(' ') || '(none yet)'}. Street: ${o.phase}.`,
    `Pot: ${o.pot}. Highest bet this street: ${o.currentBet}. To call: ${o.toCall ?? 0}.`,
    'Players:',
    ...o.players.map((p) => {
      const state = !p.inHand ? 'not in this hand' : p.folded ? 'folded' : p.allIn ? 'all in' : 'in the hand';
      const shown = p.shown ? `, shows ${p.shown.join(' ')}` : '';
      return `  seat ${p.seat}${p.seat === seat ? ' (you)' : ''}: stack ${p.stack}, bet ${p.bet ?? 0} this street, ${state}${shown}`;
    }),
    'This hand so far ("raise N" means the bet became N in total):',
    ...historyText(o.history ?? [], seat),
  ];
  if (o.net && o.net.length > 0 && (o.hand ?? 1) > 1)
    lines.push(`Your result in earlier hands: ${signed(o.net[seat] ?? 0)} chips.`);
  if (o.lastHand) {
    const shown = Object.entries(o.lastHand.shown).map(([s, cards]) => `seat ${s} showed ${cards}`);
    const mine = o.lastHand.result[String(seat)];
    lines.push(
      `Last hand (#${o.lastHand.hand}): board ${o.lastHand.board || '-'}${shown.length ? `; ${shown.join(', ')}` : ''}; you ${signed(mine ?? 0)}.`,
    );
  }
  if (o.phase === 'showdown')
    lines.push('Showdown: "show" reveals your cards to contest the pot; "muck" gives it up without showing.');
  return lines.join('\n');
}
