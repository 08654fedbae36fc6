/**
 * The heuristic Diplomacy bot's press: what it offers, how it answers, and what it has pledged.
 *
 * Offers. Each spring it offers a `no-attack` for the year to up to two neighbours whose nearest
 * centre is two moves from its nearest unit, and repeats every peace it pledged in the spring in
 * the fall, unless that power attacked it in the spring.
 *
 * Answers. Every proposal written to it in the current phase that carries commitments gets one
 * reply, in sentences, accepting what it can keep and declining the rest with the reason:
 * - a peace offer (`no-attack` naming the bot or the proposer): accepted with its own `no-attack`,
 *   unless the proposer attacked it last turn or a unit of the proposer stands in one of its centres;
 * - a `move` or `support` order for one of its units: accepted when the order is legal now, gives
 *   no unit two orders, moves no unit off a threatened centre of its own, and helps nobody into its
 *   own units or centres, a pledged partner's, or a demilitarised province;
 * - `demilitarise Z`: accepted when none of its units stands in or is pledged to move into Z.
 * The proposer's promises about its own units are acknowledged, with nothing to keep. A peace
 * it accepts is also announced to everyone (without its terms), so spectators see the diplomacy.
 *
 * Pledges. Its own messages of a phase are the only source of what it must keep (`pledgesIn`), so
 * the orders honour exactly what the record shows it promised, on a resumed match as well.
 * A reply is recognised by its opening words, which only replies use.
 */
import { Diplomacy } from '@parley/games';
import type { Commitment, PressInput, PressMessage } from '../agent';

type Power = Diplomacy.Power;
type Unit = Diplomacy.Unit;
interface View {
  power: Power;
  phase: Diplomacy.Phase;
  units: Unit[];
  centres: Record<Power, string[]>;
  lastPhase: { phase: Diplomacy.Phase; orders: Diplomacy.OrderResult[] } | null;
}

const MAP = Diplomacy.STANDARD_MAP;
const POWERS = MAP.powers;
const FAR = 50;
const MAX_PARTNERS = 2;
const REPLY_OPENER = 'On your proposal, ';
const prov = (loc: string) => loc.slice(0, 3).toLowerCase();
const cap = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);
const place = (p: string) => Diplomacy.locationName(p);
export const phaseCode = (p: Diplomacy.Phase): string => Diplomacy.formatPhaseCode(p);

/** What the bot promised in one phase, by its own messages: peace, empty provinces and given orders. */
export interface Pledges {
  peace: Set<Power>;
  demilitarised: Set<string>;
  /** Order texts in the engine's form (`A VIE - GAL`), at most one per unit. */
  orders: string[];
}

export function pledgesIn(inbox: readonly PressMessage[] | undefined, seat: number, phase: string): Pledges {
  const out: Pledges = { peace: new Set(), demilitarised: new Set(), orders: [] };
  for (const m of inbox ?? []) {
    if (m.from !== seat || m.phase !== phase) continue;
    for (const c of m.commitments ?? []) {
      if (c.kind === 'no-attack') {
        const p = Diplomacy.powerNamed(c.target);
        if (p) out.peace.add(p);
      } else if (c.kind === 'demilitarise') out.demilitarised.add(prov(c.province));
      else out.orders.push(c.order);
    }
  }
  return out;
}

/** Did `power` move into, or support a move into, our units or centres in the last movement phase? */
export function attackedUs(view: View, power: Power): boolean {
  const last = view.lastPhase;
  if (last?.phase.type !== 'movement') return false;
  const at = (text: string, k: number) => prov(text.split(' ')[k] ?? '');
  const ourUnits = new Set(last.orders.filter((o) => o.power === view.power).map((o) => at(o.text, 1)));
  const ours = new Set([...(view.centres[view.power] ?? []), ...ourUnits]);
  return last.orders.some((o) => {
    const m = / - (\S+)(?: VIA)?$/.exec(o.text);
    if (o.power !== power || !m || !ours.has(prov(m[1]!))) return false;
    // A support of one of our own units' moves is no attack.
    return !(o.text.split(' ')[2] === 'S' && ourUnits.has(at(o.text, 4)));
  });
}

// ---------------------------------------------------------------------------------------------
// Offers.

function offers(input: PressInput, view: View, me: Power): PressMessage[] {
  const { seat } = input;
  if (view.phase.season === 'fall') {
    const spring = pledgesIn(input.inbox, seat, phaseCode({ season: 'spring', year: view.phase.year, type: 'movement' })).peace;
    return [...spring].map((p) => {
      const to = [POWERS.indexOf(p)];
      return attackedUs(view, p)
        ? { from: seat, to, text: `You attacked ${cap(me)} this spring, so our peace is off.` }
        : {
            from: seat,
            to,
            text: `${cap(me)} keeps its word: no attack on ${cap(p)} this fall.`,
            commitments: [{ kind: 'no-attack', target: to[0]! }],
          };
    });
  }
  const owner = ownerMap(view);
  const interest = new Map<Power, number>();
  for (const u of view.units.filter((x) => x.power === me)) {
    for (const [c, o] of owner) {
      if (o === me) continue;
      const d = Diplomacy.distancesFrom(u.type, u.province)?.get(c) ?? FAR;
      if (d <= 2) interest.set(o, Math.min(interest.get(o) ?? FAR, d));
    }
  }
  const partners = [...interest.entries()]
    .filter(([p, d]) => d === 2 && input.recipients.includes(POWERS.indexOf(p)))
    .map(([p]) => ({ p, key: input.rng.float() }))
    .sort((x, y) => x.key - y.key)
    .slice(0, MAX_PARTNERS);
  return partners.map(({ p }) => ({
    from: seat,
    to: [POWERS.indexOf(p)],
    text: `${cap(me)} proposes peace with ${cap(p)} for ${view.phase.year}: no moves into your units or centres, no support against you.`,
    commitments: [{ kind: 'no-attack', target: POWERS.indexOf(p) }],
  }));
}

const ownerMap = (view: View) => new Map(POWERS.flatMap((p) => (view.centres[p] ?? []).map((c) => [c, p] as const)));

// ---------------------------------------------------------------------------------------------
// Answers.

/** The board and what the bot has pledged so far, for judging one more commitment. */
interface Desk {
  view: View;
  me: Power;
  owner: Map<string, Power>;
  unitAt: Map<string, Unit>;
  legal: Set<string>;
  pledged: Pledges;
}

type Verdict = { accept: Commitment; say: string } | { decline: string } | { noted: string };

function deskOf(view: View, seat: number, pledged: Pledges): Desk {
  const centres = POWERS.flatMap((power) => (view.centres[power] ?? []).map((province) => ({ power, province })));
  const state = Diplomacy.stateFromPosition({ phase: view.phase, units: view.units, dislodged: [], centres });
  const legal = new Set(Diplomacy.diplomacy.legalActions(state, seat));
  return {
    view,
    me: view.power,
    owner: ownerMap(view),
    unitAt: new Map(view.units.map((u) => [prov(u.province), u])),
    legal,
    pledged,
  };
}

/** Whether a unit entering `p` would hit us, a pledged partner or a demilitarised province; and why. */
function offLimits(d: Desk, p: string): string | null {
  const unit = d.unitAt.get(p);
  const owner = d.owner.get(p);
  if (unit?.power === d.me || owner === d.me) return `${place(p)} is ours`;
  if (d.pledged.demilitarised.has(p)) return `we agreed to keep ${place(p)} empty`;
  for (const p2 of [unit?.power, owner]) if (p2 && d.pledged.peace.has(p2)) return `we promised ${cap(p2)} peace`;
  return null;
}

function judgeOrder(d: Desk, c: { kind: 'move' | 'support'; order: string }, from: Power): Verdict {
  const parsed = Diplomacy.parseOrder(c.order);
  if (!parsed.ok || parsed.order.kind !== c.kind) return { decline: `I cannot read "${c.order}" as a ${c.kind} order.` };
  const order = parsed.order;
  const at = prov(order.unit.loc);
  const unit = d.unitAt.get(at);
  if (unit?.power === from) return { noted: `Thank you for ${Diplomacy.formatOrder(order)}.` };
  if (unit?.power !== d.me) return { decline: `${cap(d.me)} has no unit in ${place(at)}.` };
  const text = [...d.legal].find((l) => l.toUpperCase() === Diplomacy.formatOrder(order).toUpperCase());
  if (!text) return { decline: `${Diplomacy.formatOrder(order)} is not an order we can give this turn.` };
  if (d.pledged.orders.some((o) => prov(o.split(' ')[1] ?? '') === at))
    return { decline: `our unit in ${place(at)} already has its orders.` };
  const into = order.kind === 'move' ? order.to : order.kind === 'support' ? order.to : undefined;
  const why = into ? offLimits(d, prov(into)) : null;
  if (why) return { decline: `we will not ${c.kind === 'move' ? 'move' : 'help'} into ${place(prov(into!))}: ${why}.` };
  if (order.kind === 'move' && d.owner.get(at) === d.me && threatened(d, at))
    return { decline: `our unit in ${place(at)} guards a centre of ours.` };
  return { accept: { kind: c.kind, order: text }, say: `we will order ${text}.` };
}

function threatened(d: Desk, p: string): boolean {
  return d.view.units.some((u) => u.power !== d.me && (Diplomacy.distancesFrom(u.type, u.province)?.get(p) ?? FAR) <= 1);
}

function judge(d: Desk, c: Commitment, from: Power): Verdict {
  switch (c.kind) {
    case 'no-attack': {
      const target = Diplomacy.powerNamed(c.target);
      if (target !== d.me && target !== from)
        return { noted: `Noted that you will not attack ${cap(String(target ?? c.target))}.` };
      if (attackedUs(d.view, from)) return { decline: `you attacked ${cap(d.me)} last turn.` };
      const held = d.view.units.find((u) => u.power === from && d.owner.get(prov(u.province)) === d.me);
      if (held) return { decline: `not while your unit stands in our centre ${place(prov(held.province))}.` };
      return {
        accept: { kind: 'no-attack', target: POWERS.indexOf(from) },
        say: `${cap(d.me)} will not attack ${cap(from)} this turn: no moves into your units or centres, no support against you.`,
      };
    }
    case 'demilitarise': {
      const z = prov(c.province);
      if (!MAP.provinces.some((p) => p.id === z)) return { decline: `"${c.province}" names no province.` };
      if (d.unitAt.get(z)?.power === d.me) return { decline: `our unit stands in ${place(z)}.` };
      if (d.pledged.orders.some((o) => / - (\S+)$/.exec(o)?.[1]?.toLowerCase().startsWith(z)))
        return { decline: `we already promised a move into ${place(z)}.` };
      return { accept: { kind: 'demilitarise', province: z }, say: `${cap(d.me)} keeps ${place(z)} empty this turn.` };
    }
    default:
      return judgeOrder(d, c, from);
  }
}

/** Proposals from others in this phase that this bot has not answered yet, oldest first. */
function unanswered(inbox: readonly PressMessage[], seat: number, phase: string): PressMessage[] {
  const out: PressMessage[] = [];
  const replies = new Map<number, number>();
  for (const m of inbox) {
    if (m.phase !== phase || m.from !== seat || !m.text.startsWith(REPLY_OPENER) || m.to === 'all') continue;
    for (const s of m.to) replies.set(s, (replies.get(s) ?? 0) + 1);
  }
  for (const m of inbox) {
    // A reply (another heuristic bot's, opening the same way) is an answer, not a new proposal.
    if (m.phase !== phase || m.from === seat || !m.commitments?.length || m.text.startsWith(REPLY_OPENER)) continue;
    if (m.to !== 'all' && !m.to.includes(seat)) continue;
    const left = replies.get(m.from) ?? 0;
    if (left > 0) replies.set(m.from, left - 1);
    else out.push(m);
  }
  return out;
}

function answers(input: PressInput, view: View, phase: string): PressMessage[] {
  const inbox = input.inbox ?? [];
  const pending = unanswered(inbox, input.seat, phase);
  if (pending.length === 0) return [];
  const desk = deskOf(view, input.seat, pledgesIn(inbox, input.seat, phase));
  const peaceBefore = new Set(desk.pledged.peace);
  const replies = pending.map((p): PressMessage => {
    const from = POWERS[p.from]!;
    const accepted: Commitment[] = [];
    const said: string[] = [];
    for (const c of p.commitments ?? []) {
      const v = judge(desk, c, from);
      if ('accept' in v) {
        accepted.push(v.accept);
        said.push(`Agreed: ${v.say}`);
        remember(desk.pledged, v.accept);
      } else said.push('decline' in v ? `Declined: ${v.decline}` : v.noted);
    }
    const text = `${REPLY_OPENER}${cap(from)}: ${said.join(' ')}`;
    return accepted.length > 0
      ? { from: input.seat, to: [p.from], text, commitments: accepted }
      : { from: input.seat, to: [p.from], text };
  });
  // New peace is announced to everyone (spectators read public press only); its terms stay private.
  const peace = [...desk.pledged.peace].filter((p) => !peaceBefore.has(p)).map(cap);
  if (peace.length === 0) return replies;
  const me = cap(desk.me);
  return [...replies, { from: input.seat, to: 'all', text: `${me} is at peace with ${peace.join(' and ')} this turn.` }];
}

function remember(pledged: Pledges, c: Commitment): void {
  if (c.kind === 'no-attack') pledged.peace.add(POWERS[c.target as number]!);
  else if (c.kind === 'demilitarise') pledged.demilitarised.add(c.province);
  else pledged.orders.push(c.order);
}

// ---------------------------------------------------------------------------------------------

/** Movement phases only: answers first, then (once per phase) its own offers. */
export function negotiate(input: PressInput): PressMessage[] {
  const view = input.observation as View;
  if (view.phase.type !== 'movement') return [];
  const phase = phaseCode(view.phase);
  const replies = answers(input, view, phase);
  const spoke = (input.inbox ?? []).some((m) => m.from === input.seat && m.phase === phase);
  if (spoke) return replies;
  const me = POWERS[input.seat]!;
  const answered = new Set(replies.flatMap((r) => (r.to === 'all' ? [] : r.to)));
  return [...replies, ...offers(input, view, me).filter((o) => o.to === 'all' || !o.to.some((s) => answered.has(s)))];
}
