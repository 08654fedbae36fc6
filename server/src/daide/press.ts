/**
 * Press level 10 (peace and alliances) as Parley press. A client's `SND ( powers ) ( press )`
 * becomes a press message whose text is the press in DAIDE's text form (`PRP ( PCE ( FRA ENG ) )`),
 * so it reads the same in Parley's record and to another DAIDE client, who gets it as
 * `FRM ( sender ) ( recipients ) ( press )`. Where a reply means what a Parley commitment means it
 * carries one: accepting peace (`YES ( PRP ( PCE ( … ) ) )`) or an alliance (`YES ( PRP ( ALY
 * ( … ) VSS ( … ) ) )`) commits the sender not to attack the other powers at peace or allied
 * with it, which the analyzer can check against the orders. Free-text press from LLM agents has
 * no level-10 form and is not forwarded to DAIDE clients.
 */
import type { Commitment, PressMessage } from '@parley/agents';
import type { Diplomacy } from '@parley/games';
import { formatMessage, type Item, parseMessage } from './codec';
import { POWERS, phaseOf, powerOf, powerToken } from './map';
import { tk, tokenName } from './tokens';

export interface PressState {
  /** What the client sent, waiting for the runtime's next press round. */
  outbox: PressMessage[];
  /** How much of the seat's inbox has been forwarded. */
  forwarded: number;
}

const REPLIES = new Set(['YES', 'REJ', 'BWX', 'HUH']);
const word = (item: Item | undefined) => (typeof item === 'number' ? tokenName(item) : null);

/** Powers in a bracket `( FRA ENG )`, or null if anything else is in it. */
function powers(item: Item | undefined): Diplomacy.Power[] | null {
  if (!Array.isArray(item) || item.length === 0) return null;
  const out = item.map(powerOf);
  return out.every((p): p is Diplomacy.Power => p !== null) ? out : null;
}

/** A level-10 arrangement: PCE, ALY … VSS, DRW, SLO, NOT/NAR of one. */
function arrangement(items: Item[]): boolean {
  switch (word(items[0])) {
    case 'PCE':
      return items.length === 2 && powers(items[1]) !== null;
    case 'ALY':
      return items.length === 4 && powers(items[1]) !== null && word(items[2]) === 'VSS' && powers(items[3]) !== null;
    case 'DRW':
      return items.length === 1 || (items.length === 2 && powers(items[1]) !== null);
    case 'SLO':
      return items.length === 2 && powers(items[1])?.length === 1;
    case 'NOT':
    case 'NAR':
      return items.length === 2 && Array.isArray(items[1]) && arrangement(items[1]);
    default:
      return false;
  }
}

/** Level-10 press: PRP ( arr ), a reply to one, CCL ( press ), or HUH/TRY. */
export function validPress(press: Item[]): boolean {
  const head = word(press[0]);
  const inner = Array.isArray(press[1]) ? press[1] : null;
  if (press.length !== 2 || !inner) return head === 'TRY' && press.length === 2;
  if (head === 'PRP') return arrangement(inner);
  if (head && REPLIES.has(head)) return word(inner[0]) === 'PRP' ? validPress(inner) : head === 'HUH';
  if (head === 'CCL') return validPress(inner);
  if (head === 'TRY') return true;
  return false;
}

function commitmentsOf(press: Item[], from: Diplomacy.Power): Commitment[] {
  if (word(press[0]) !== 'YES' || !Array.isArray(press[1]) || word(press[1][0]) !== 'PRP') return [];
  const arr = press[1][1];
  if (!Array.isArray(arr)) return [];
  const head = word(arr[0]);
  const side = head === 'PCE' ? powers(arr[1]) : head === 'ALY' ? powers(arr[1]) : null;
  if (!side?.includes(from)) return [];
  return side.filter((p) => p !== from).map((p) => ({ kind: 'no-attack', target: POWERS.indexOf(p) }));
}

export type FromClient = { ok: true; message: PressMessage } | { ok: false };

/** `SND [ ( turn ) ] ( powers ) ( press )` from the client of `from` → Parley press. */
export function pressFromClient(message: Item[], from: Diplomacy.Power): FromClient {
  let rest = message.slice(1);
  if (phaseOf(rest[0])) rest = rest.slice(1);
  const to = powers(rest[0]);
  const press = rest[1];
  if (!to || to.includes(from) || !Array.isArray(press) || rest.length !== 2 || !validPress(press)) return { ok: false };
  const commitments = commitmentsOf(press, from);
  return {
    ok: true,
    message: {
      from: POWERS.indexOf(from),
      to: to.map((p) => POWERS.indexOf(p)).sort((a, b) => a - b),
      text: formatMessage(press),
      ...(commitments.length > 0 ? { commitments } : {}),
    },
  };
}

/** Parley press → `FRM ( sender ) ( recipients ) ( press )` when its text is level-10 press; otherwise null. */
export function pressToClient(m: PressMessage): Item[] | null {
  let press: Item[];
  try {
    press = parseMessage(m.text);
  } catch {
    return null;
  }
  if (!validPress(press)) return null;
  const sender = POWERS[m.from];
  if (!sender) return null;
  const recipients =
    m.to === 'all' ? POWERS.filter((p) => p !== sender) : m.to.map((s) => POWERS[s]).filter((p) => p !== undefined);
  return [tk('FRM'), [powerToken(sender)], recipients.map(powerToken), press];
}
