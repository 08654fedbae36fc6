/**
 * The heuristic bot answers proposals and keeps what it accepts. "Kept" is the analyzer's own
 * verdict (`checkCommitment` on the bot's orders of the phase), not a re-statement of the bot's rules.
 */
import { createRng, Diplomacy, deriveSeed, diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { Commitment, PressMessage } from '../agent';
import { diplomacyHeuristicBot } from './diplomacy-heuristic';
import { play, unitRandom } from './testing/diplomacy-selfplay';

type State = Diplomacy.DiplomacyState;
const POWERS = Diplomacy.STANDARD_MAP.powers;
const AUSTRIA = 0;
const ITALY = 4;
const RUSSIA = 5;
const TURKEY = 6;

const ask = (from: number, to: number, phase: string, commitments: Commitment[]): PressMessage => ({
  from,
  to: [to],
  text: 'A proposal.',
  commitments,
  phase,
});

function turn(s: State, seat: number, inbox: PressMessage[], round = 1) {
  const bot = diplomacyHeuristicBot();
  const base = { gameId: 'diplomacy', seat, observation: diplomacy.observation(s, seat), deadlineMs: 1000 };
  const replies = bot.negotiate!({
    ...base,
    rng: createRng(deriveSeed(1, 'press', seat)),
    inbox,
    recipients: POWERS.map((_, i) => i).filter((i) => i !== seat),
    round,
  }) as PressMessage[];
  const stamped = replies.map((m) => ({ ...m, phase: diplomacy.turnKey!(s) }));
  const orders = bot.act({
    ...base,
    legalActions: diplomacy.legalActions(s, seat),
    rng: createRng(deriveSeed(1, 'act', seat)),
    inbox: [...inbox, ...stamped],
  }) as string[];
  return { replies: stamped, orders };
}

/** The analyzer's verdict on each commitment the bot made, against the orders it then gave. */
function verdicts(s: State, seat: number, replies: PressMessage[], orders: string[]) {
  const results = orders.map((text) => ({ power: POWERS[seat]!, text, result: 'succeeds' as const, reason: '' }));
  const phase = Diplomacy.phaseOrders(diplomacy.turnKey!(s), s.units, s.centres, results as Diplomacy.OrderResult[]);
  return replies.flatMap((m) => (m.commitments ?? []).map((c) => Diplomacy.checkCommitment(c, POWERS[seat]!, phase)));
}

describe('heuristic bot: answers to proposals', () => {
  it('accepts what it can keep, declines the rest in sentences, and orders what it accepted (Spring 1901, Austria)', () => {
    const s = diplomacy.newInitialState({ lastYear: 1910 });
    const inbox = [
      ask(RUSSIA, AUSTRIA, 'S1901M', [{ kind: 'no-attack', target: AUSTRIA }]),
      ask(ITALY, AUSTRIA, 'S1901M', [
        { kind: 'move', order: 'A VIE - TYR' },
        { kind: 'demilitarise', province: 'gal' },
        { kind: 'support', order: 'A BUD S A VIE - TRI' },
      ]),
      ask(TURKEY, AUSTRIA, 'S1901M', [{ kind: 'move', order: 'F TRI - ADR' }]),
    ];
    const { replies, orders } = turn(s, AUSTRIA, inbox);
    const to = (seat: number) => replies.find((m) => m.to !== 'all' && m.to.includes(seat))!;

    expect(to(RUSSIA).text).toBe(
      'On your proposal, Russia: Agreed: Austria will not attack Russia this turn: no moves into your units or centres, no support against you.',
    );
    expect(to(RUSSIA).commitments).toEqual([{ kind: 'no-attack', target: RUSSIA }]);
    expect(to(ITALY).text).toContain('Agreed: we will order A VIE - TYR.');
    expect(to(ITALY).text).toContain('Agreed: Austria keeps Galicia empty this turn.');
    expect(to(ITALY).text).toContain('Declined: we will not help into Trieste: Trieste is ours.');
    expect(to(ITALY).commitments).toEqual([
      { kind: 'move', order: 'A VIE - TYR' },
      { kind: 'demilitarise', province: 'gal' },
    ]);
    expect(to(TURKEY).text).toBe('On your proposal, Turkey: Declined: our unit in Trieste guards a centre of ours.');
    expect(to(TURKEY).commitments).toBeUndefined();
    // The new peace is announced to everyone, without its terms.
    expect(replies.filter((m) => m.to === 'all')).toEqual([
      { from: AUSTRIA, to: 'all', text: 'Austria is at peace with Russia this turn.', phase: 'S1901M' },
    ]);

    expect(orders).toContain('A VIE - TYR');
    expect(orders.some((o) => / - GAL$/.test(o))).toBe(false);
    // Its three acceptances and its own offer of peace, all kept.
    expect(verdicts(s, AUSTRIA, replies, orders).map((v) => v.verdict)).toEqual(['kept', 'kept', 'kept', 'kept']);
  });

  it('answers each proposal once, and says why it refuses a power that attacked it', () => {
    const s = diplomacy.newInitialState({ lastYear: 1910 });
    const inbox = [ask(RUSSIA, AUSTRIA, 'S1901M', [{ kind: 'no-attack', target: 'austria' }])];
    const replies = (inbox: PressMessage[]) =>
      turn(s, AUSTRIA, inbox).replies.filter((m) => m.text.startsWith('On your proposal'));
    const first = turn(s, AUSTRIA, inbox).replies;
    expect(replies(inbox)).toHaveLength(1);
    expect(turn(s, AUSTRIA, [...inbox, ...first]).replies).toEqual([]);
    // Another bot's reply is not a new proposal: no reply to a reply.
    const reply = {
      ...ask(RUSSIA, AUSTRIA, 'S1901M', [{ kind: 'no-attack', target: 0 }]),
      text: 'On your proposal, Austria: Agreed.',
    };
    expect(replies([reply])).toEqual([]);
    // Proposals of an earlier phase are not answered in this one.
    expect(replies([ask(RUSSIA, AUSTRIA, 'F1900M', [{ kind: 'no-attack', target: 0 }])])).toEqual([]);

    const hit = {
      ...s,
      lastPhase: {
        phase: { season: 'spring', year: 1901, type: 'movement' },
        orders: [
          { power: 'russia', text: 'A GAL - BUD', result: 'bounced', reason: '' },
          { power: 'austria', text: 'A VIE - GAL', result: 'bounced', reason: '' },
        ],
      },
    } as unknown as State;
    expect(turn(hit, AUSTRIA, inbox).replies[0]!.text).toBe(
      'On your proposal, Russia: Declined: you attacked Austria last turn.',
    );
  });

  it('keeps every commitment it accepts, by the analyzer’s verdict, over the movement phases of real games', () => {
    let accepted = 0;
    let declined = 0;
    for (let g = 0; g < 3; g++) {
      const seat = (g * 3) % POWERS.length;
      const game = play(deriveSeed(31, g), seat, unitRandom);
      const rng = createRng(deriveSeed(32, g));
      for (const [code, s] of game.phases) {
        if (!code.endsWith('M')) continue;
        const legal = diplomacy.legalActions(s, seat).filter((a) => / - | S /.test(a));
        const from = (seat + 1 + rng.int(POWERS.length - 1)) % POWERS.length;
        const province = rng.pick(Diplomacy.STANDARD_MAP.provinces).id;
        const asks: Commitment[] = [
          { kind: 'no-attack', target: seat },
          { kind: 'demilitarise', province },
          ...[0, 1, 2].map(() => {
            const order = rng.pick(legal);
            return { kind: order.includes(' S ') ? 'support' : 'move', order } as Commitment;
          }),
        ];
        const { replies, orders } = turn(s, seat, [ask(from, seat, code, asks)]);
        const made = replies.flatMap((m) => m.commitments ?? []);
        const reply = replies.find((m) => m.text.startsWith('On your proposal'))!;
        accepted += made.length;
        declined += (reply.text.match(/Declined:/g) ?? []).length;
        for (const v of verdicts(s, seat, replies, orders)) expect(v.verdict, `${code}: ${v.reason}`).toBe('kept');
      }
    }
    expect(accepted).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(5);
  });
});
