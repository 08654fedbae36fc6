/**
 * Diplomacy: a rules brief, the board as text with what the engine sees around each unit (board
 * sense), the trust ledger, the agent's memory (yearly summaries, this year's diary, goals and
 * relationships), legal orders per unit, and one order per unit as the answer, checked with the
 * engine. Before orders, press rounds: the agent reads its inbox and writes private or public
 * messages, optionally with commitments. Every answer may update the memory (memory/memory.ts).
 */
import type { DecisionInput, PressInput } from '../../agent';
import { ledgerText } from '../memory/ledger';
import { memoryText, updateFrom } from '../memory/memory';
import type { ParseError } from '../parse/action';
import { lastObjectWith } from '../parse/json';
import { parseOrders, slotsFromLegal } from '../parse/orders';
import { parsePress } from '../parse/press';
import { boardSenseText, boardText, inboxText, legalOrdersText, powerName } from './diplomacy-board';
import { canonicalOrder, type DiplomacyObservation, orderChecker, POWERS } from './diplomacy-engine';
import type { GamePrompt, PressPrompt } from './types';

const RULES = `Diplomacy, standard map: seven powers (AUSTRIA, ENGLAND, FRANCE, GERMANY, ITALY, RUSSIA, TURKEY) compete for
34 supply centres; whoever owns 18 after a fall turn wins alone, otherwise the game ends in a draw shared by the survivors.
Each year has spring and fall movement phases, retreats when needed, and winter adjustments (build in your own vacant
home centres when you own more centres than you have units; disband when you own fewer). Centres change hands at the end
of fall, to whoever occupies them. All orders are revealed and resolved at once. Orders, with provinces as their
three-letter ids: hold "A PAR H"; move "A PAR - BUR"; support a hold "A MAR S A PAR"; support a move "A MAR S A PAR - BUR";
convoy "F ENG C A LON - BRE" (the army orders "A LON - BRE VIA"); retreat "A BUR R PAR"; disband "A BUR D"; build
"A PAR B" or "F STP/NC B"; "WAIVE" gives up a build; "VOTE DRAW" (movement phases) votes to end the game in a draw and
does not replace a unit's order. A move succeeds with more strength (1 + valid supports) than any unit opposing it;
equal strengths bounce. A support is cut when its unit is attacked from anywhere but the province it supports into.
Press is talk: nothing said binds anyone, and only the orders count.`;

const obs = (input: { observation: unknown }) => input.observation as DiplomacyObservation;
const MEMORY_KEYS = ['diary', 'goals', 'relationships'];
const ANSWER_KEYS = { orders: ['orders', ...MEMORY_KEYS], press: ['messages', ...MEMORY_KEYS] };

const MEMORY_FIELDS = `"diary": "<a short note worth remembering, optional>", "goals": ["<your current goals, optional>"],
"relationships": {"POWER": "enemy" | "unfriendly" | "neutral" | "friendly" | "ally", ... (optional)}`;

const ORDERS_FORMAT = `Answer format: think briefly if you want to, then end your reply with one JSON object:
{"orders": ["<one order per unit>", ...], ${MEMORY_FIELDS}}`;

const PRESS_FORMAT = `Answer format: one JSON object, nothing after it:
{"messages": [{"to": "all" or ["POWER", ...], "text": "...", "commitments": [...]}], ${MEMORY_FIELDS}}
Send at most 3 messages (an empty list is fine). Commitments are optional promises in these shapes:
{"kind": "move", "order": "A PAR - BUR"}, {"kind": "support", "order": "A MAR S A PAR - BUR"},
{"kind": "demilitarise", "province": "BUR"}, {"kind": "no-attack", "target": "GERMANY"}.`;

const press: PressPrompt = {
  system: (input: PressInput) =>
    `${RULES}\n\nYou are ${powerName(input.seat)}. This is a press round before orders: write to other powers.\n\n${PRESS_FORMAT}`,
  user: (input, memory) =>
    [
      boardText(obs(input)),
      ledgerText(memory.ledger),
      inboxText(input.inbox, input.seat),
      memoryText(memory),
      `Press round ${input.round + 1}. You may write to: ${input.recipients.map(powerName).join(', ')}, or "all".`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  parse: (raw, input) => {
    const parsed = parsePress(raw, {
      seat: input.seat,
      names: POWERS.map((_, i) => powerName(i)),
      recipients: input.recipients,
      order: canonicalOrder,
      maxMessages: 3,
      maxChars: 1000,
    });
    if (!parsed.ok) return parsed;
    const memory = updateFrom(lastObjectWith(raw, ANSWER_KEYS.press));
    return { ok: true, value: memory ? { value: parsed.value.messages, memory } : { value: parsed.value.messages } };
  },
  correction: (error: ParseError) =>
    `Your previous reply could not be used: ${error.message}.\nReply again with one JSON object: {"messages": [...]} (memory fields optional).`,
};

export const diplomacyPrompt: GamePrompt = {
  system: (input: DecisionInput) => `${RULES}\n\nYou are ${powerName(input.seat)}.\n\n${ORDERS_FORMAT}`,
  user: (input, memory) => {
    const o = obs(input);
    return [
      boardText(o),
      boardSenseText(o),
      ledgerText(memory.ledger),
      inboxText(input.inbox, input.seat),
      memoryText(memory),
      `You have ${o.ordersToGive} order(s) to give${o.pendingOrders.length ? ` (already given: ${o.pendingOrders.join('; ')})` : ''}.`,
      legalOrdersText(input.legalActions),
    ]
      .filter(Boolean)
      .join('\n\n');
  },
  parse: (raw, input) => {
    const o = obs(input);
    const parsed = parseOrders(raw, slotsFromLegal(input.legalActions, o.ordersToGive), orderChecker(o));
    if (!parsed.ok) return parsed;
    const memory = updateFrom(lastObjectWith(raw, ANSWER_KEYS.orders));
    return { ok: true, value: memory ? { value: parsed.value, memory } : { value: parsed.value } };
  },
  correction: (error, input, truncated) =>
    [
      `Your previous orders could not all be used: ${error.message}.`,
      ...(truncated ? ['Your reply was cut off at the token limit: keep the reasoning shorter.'] : []),
      legalOrdersText(input.legalActions),
      'Reply again with the complete list, one order per unit: {"orders": [...]}.',
    ].join('\n'),
  press,
};
