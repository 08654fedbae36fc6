/**
 * Bots talk back in a live match: a person's proposal, written in the negotiation window through
 * the one press path, is answered by the heuristic bot before orders, and the bot's orders of the
 * phase keep what it accepted (by the analyzer's verdict). Random bots stay silent.
 */
import { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { openPressWindow } from './testing/press-window';

const ITALY = 4;

describe('bots answer people', () => {
  it('the heuristic bot replies to a person’s proposal before orders and keeps what it accepts', async () => {
    const clock = new FakeClock();
    const live = await openPressWindow(['heuristic', 'random', 'random', 'random', 'human', 'random', 'random'], {
      pressRounds: 1,
      seed: 5,
      clock,
    });
    try {
      const before = live.state as Diplomacy.DiplomacyState;
      const proposal = {
        to: [0],
        text: 'Peace, and your army to Tyrolia?',
        commitments: [
          { kind: 'no-attack', target: 0 },
          { kind: 'move', order: 'A VIE - TYR' },
        ],
      };
      expect(live.sendPress(ITALY, proposal)).toEqual({ ok: true });
      live.markReady(ITALY);
      while (!(live.state as Diplomacy.DiplomacyState).lastPhase) await clock.advance(10_000);

      const toItaly = live.messages.filter((m) => m.from === 0 && m.to !== 'all' && m.to.includes(ITALY));
      const replies = toItaly.filter((m) => m.phase === 'S1901M');
      expect(replies.map((m) => m.text)).toEqual([
        'On your proposal, Italy: Agreed: Austria will not attack Italy this turn: no moves into your units or centres, no support against you. Agreed: we will order A VIE - TYR.',
      ]);
      // Random bots say nothing.
      expect(live.messages.filter((m) => m.from !== 0 && m.from !== ITALY)).toEqual([]);

      const last = (live.state as Diplomacy.DiplomacyState).lastPhase!;
      const phase = Diplomacy.phaseOrders('S1901M', before.units, before.centres, last.orders);
      expect(last.orders.filter((o) => o.power === 'austria').map((o) => o.text)).toContain('A VIE - TYR');
      for (const c of replies[0]!.commitments ?? []) expect(Diplomacy.checkCommitment(c, 'austria', phase).verdict).toBe('kept');
      expect(replies[0]!.commitments).toHaveLength(2);
      expect(last.phase).toMatchObject({ season: 'spring', year: 1901 });
    } finally {
      live.stop('test over');
      await live.done;
    }
  });
});
