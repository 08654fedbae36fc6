/**
 * Who holds each person's seat of a match, for the ladder. A seat token says which seat a client
 * may take, not who the client is: the first connection to take a person's seat binds it to the
 * principal that connection signed in as (its session), or to "a guest" when it came without
 * one. A seat bound to an account is taken again only by that account, so nobody else can finish
 * a rated match in a person's name; a guest's seat stays a guest's (and unrated) to the end.
 *
 * Bindings are match events (`seat`), so a match resumed after a restart, or in another process,
 * keeps them.
 */

import { BOT_PREFIX } from '../auth/bot-directory';
import type { Principal } from '../auth/principal';
import type { LadderSeat } from '../ratings/ladder';
import type { SeatBinding } from '../store/events';
import type { SeatKind } from '../store/types';

/** The `seat` event's payload (its codec is the store's, `store/events.ts`). */
export type SeatHolder = SeatBinding;

/** The operator has no account row; the ladder rates them under this id. */
export const OPERATOR_PLAYER_ID = 'operator';

export class SeatHolders {
  private readonly bySeat = new Map<number, SeatHolder>();

  /** Restores a binding read back from a stored `seat` event; the first binding of a seat stands. */
  restore(binding: SeatHolder): void {
    if (!this.bySeat.has(binding.seat)) this.bySeat.set(binding.seat, binding);
  }

  /**
   * Binds a seat to `who` if it is free. Returns the new binding (to store), null when the seat
   * was already `who`'s (or a guest's, which anyone holding the token may take), or a refusal.
   */
  take(seat: number, who: Principal): { bound: SeatHolder } | { refused: string } | null {
    const held = this.bySeat.get(seat);
    if (!held) {
      const bound: SeatHolder = { seat, role: who.role, accountId: who.accountId, name: who.name };
      this.bySeat.set(seat, bound);
      return { bound };
    }
    if (held.role === 'guest' || (held.role === who.role && held.accountId === who.accountId)) return null;
    return { refused: 'this seat was taken by another account; sign in as the person who took it' };
  }

  holder(seat: number): SeatHolder | undefined {
    return this.bySeat.get(seat);
  }

  /** What a seat is called in the room: the account's name once a signed-in person took it, so no creator's label can pass for someone. */
  seatName(seat: number, label: string): string {
    const h = this.bySeat.get(seat);
    return h && h.role !== 'guest' ? h.name : label;
  }

  /** A match summary with each person's seat named for whoever took it (lists show the person, not `seat 0`). */
  named<M extends { seats: { seat: number; agent: { name: string; kind: SeatKind } }[] }>(match: M): M {
    return {
      ...match,
      seats: match.seats.map((s) =>
        s.agent.kind === 'human' ? { ...s, agent: { ...s.agent, name: this.seatName(s.seat, s.agent.name) } } : s,
      ),
    };
  }

  /**
   * Who the ladder rates for each seat: the account holding a person's seat (nobody for a guest's
   * or an untaken one), a bot account by its account, an agent by its registry id.
   */
  ladderSeats(seats: readonly { kind: SeatKind; spec: string; name: string; botAccountId?: string }[]): LadderSeat[] {
    return seats.map((s, i) => {
      if (s.kind === 'human') {
        const h = this.bySeat.get(i);
        if (h?.role === 'person' && h.accountId) return { kind: 'person', id: h.accountId, name: h.name };
        if (h?.role === 'operator') return { kind: 'person', id: OPERATOR_PLAYER_ID, name: h.name };
        return null;
      }
      if (s.botAccountId) return { kind: 'bot-account', id: s.botAccountId, name: s.name };
      // A bot account deleted since the match was made: nobody to rate.
      if (s.spec.startsWith(BOT_PREFIX)) return null;
      return { kind: 'agent', id: s.spec, name: s.spec };
    });
  }
}
