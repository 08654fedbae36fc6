/**
 * Diplomacy: a rules brief, the board as text, legal orders per unit, and one order per unit as
 * the answer, checked with the engine. Before orders, press rounds: the agent reads its inbox
 * and writes private or public messages, optionally with commitments. In both it may write a
 * line or two for its diary, which it reads back in later phases instead of the whole history.
 */
import type { DecisionInput, PressInput } from '../../agent';
import type { ParseError } from '../parse/action';
import { lastObjectWith } from '../parse/json';
import { parseOrders, slotsFromLegal } from '../parse/orders';
import { parsePress } from '../parse/press';
import { boardText, diaryText, inboxText, legalOrdersText, powerName } from './diplomacy-board';
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

const ORDERS_FORMAT = `Answer format: think briefly if you want to, then end your reply with one JSON object:
{"orders": ["<one order per unit>", ...], "diary": "<one or two short lines worth remembering, optional>"}`;

const PRESS_FORMAT = `Answer format: one JSON object, nothing after it:
{"messages": [{"to": "all" or ["POWER", ...], "text": "...", "commitments": [...]}], "diary": "<optional short note>"}
Send at most 3 messages (an empty list is fine). Commitments are optional promises in these shapes:
{"kind": "move", "order": "A PAR - BUR"}, {"kind": "support", "order": "A MAR S A PAR - BUR"},
{"kind": "demilitarise", "province": "BUR"}, {"kind": "no-attack", "target": "GERMANY"}.`;

const press: PressPrompt = {
  system: (input: PressInput) =>
    `${RULES}\n\nYou are ${powerName(input.seat)}. This is a press round before orders: write to other powers.\n\n${PRESS_FORMAT}`,
  user: (input, memory) =>
    [
      boardText(obs(input)),
      inboxText(input.inbox, input.seat),
      diaryText(memory),
      `Press round ${input.round + 1}. You may write to: ${input.recipients.map(powerName).join(', ')}, or "all".`,
    ].join('\n\n'),
  parse: (raw, input) => {
    const parsed = parsePress(raw, {
      seat: input.seat,
      names: POWERS.map((_, i) => powerName(i)),
      recipients: input.recipients,
      order: canonicalOrder,
      maxMessages: 3,
      maxChars: 1000,
    });
    return parsed.ok ? { ok: true, value: { value: parsed.value.messages, diary: parsed.value.diary } } : parsed;
  },
  correction: (error: ParseError) =>
    `Your previous reply could not be used: ${error.message}.\nReply again with one JSON object: {"messages": [...], "diary": "..."}.`,
};

export const diplomacyPrompt: GamePrompt = {
  system: (input: DecisionInput) => `${RULES}\n\nYou are ${powerName(input.seat)}.\n\n${ORDERS_FORMAT}`,
  user: (input, memory) => {
    const o = obs(input);
    return [
      boardText(o),
      inboxText(input.inbox, input.seat),
      diaryText(memory),
      `You have ${o.ordersToGive} order(s) to give${o.pendingOrders.length ? ` (already given: ${o.pendingOrders.join('; ')})` : ''}.`,
      legalOrdersText(input.legalActions),
    ].join('\n\n');
  },
  parse: (raw, input) => {
    const o = obs(input);
    const parsed = parseOrders(raw, slotsFromLegal(input.legalActions, o.ordersToGive), orderChecker(o));
    if (!parsed.ok) return parsed;
    const note = lastObjectWith(raw, ['orders', 'diary'])?.diary;
    const diary = Array.isArray(note) ? note.join('\n') : typeof note === 'string' ? note : '';
    return { ok: true, value: diary ? { value: parsed.value, diary } : { value: parsed.value } };
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
