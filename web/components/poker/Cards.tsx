const SUIT: Record<string, { symbol: string; name: string; red: boolean }> = {
  s: { symbol: '♠', name: 'spades', red: false },
  h: { symbol: '♥', name: 'hearts', red: true },
  d: { symbol: '♦', name: 'diamonds', red: true },
  c: { symbol: '♣', name: 'clubs', red: false },
};

const RANK: Record<string, string> = {
  A: 'ace',
  K: 'king',
  Q: 'queen',
  J: 'jack',
  T: 'ten',
  '9': 'nine',
  '8': 'eight',
  '7': 'seven',
  '6': 'six',
  '5': 'five',
  '4': 'four',
  '3': 'three',
  '2': 'two',
};

export function cardLabel(card: string): string {
  const rank = RANK[card[0] ?? ''] ?? card[0];
  const suit = SUIT[card[1] ?? ''];
  return suit ? `${rank} of ${suit.name}` : `${rank}`;
}

/** One card: `As`, `Td`, a Kuhn `K`; null is a card face down. */
export function Card({ card, small = false }: { card: string | null; small?: boolean }) {
  if (card === null)
    return <span className={`card back${small ? ' small' : ''}`} role="img" aria-label="hidden card" title="hidden card" />;
  const suit = SUIT[card[1] ?? ''];
  const rank = card[0] === 'T' ? '10' : card[0];
  return (
    <span
      className={`card${suit?.red ? ' red' : ''}${small ? ' small' : ''}`}
      role="img"
      aria-label={cardLabel(card)}
      title={cardLabel(card)}
      data-card={card}
    >
      <span aria-hidden="true">{rank}</span>
      {suit && <span aria-hidden="true">{suit.symbol}</span>}
    </span>
  );
}

export function EmptyCard() {
  return <span className="card empty" aria-hidden="true" />;
}

/** Splits `AsKd` (how hand summaries write cards) into `['As', 'Kd']`. */
export function splitCards(text: string): string[] {
  return text.match(/../g) ?? [];
}
