/**
 * Seat tokens in the browser. A token holds a seat; it arrives once, when a match is created, and
 * travels only in a URL fragment (never sent to any server by the browser) and in this tab's
 * sessionStorage. The match page moves a fragment token into storage and strips the fragment.
 */

export interface HeldSeat {
  seat: number;
  token: string;
}

const key = (matchId: string) => `parley:seats:${matchId}`;

export function readSeats(matchId: string): HeldSeat[] {
  try {
    const raw = sessionStorage.getItem(key(matchId));
    const list = raw ? (JSON.parse(raw) as HeldSeat[]) : [];
    return Array.isArray(list) ? list.filter((s) => typeof s.token === 'string' && typeof s.seat === 'number') : [];
  } catch {
    return [];
  }
}

export function saveSeats(matchId: string, seats: HeldSeat[]): void {
  try {
    const byToken = new Map(readSeats(matchId).map((s) => [s.token, s]));
    for (const s of seats) byToken.set(s.token, s);
    sessionStorage.setItem(key(matchId), JSON.stringify([...byToken.values()]));
  } catch {
    // Storage may be disabled; the fragment still works for this page load.
  }
}

/** Reads `#seat=N&token=T` (or `#token=T`), stores it, and removes it from the address bar. */
export function takeFragmentSeat(matchId: string): HeldSeat | null {
  if (typeof window === 'undefined' || !window.location.hash) return null;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token');
  if (!token) return null;
  const seat = Number(params.get('seat') ?? -1);
  const held = { seat: Number.isInteger(seat) ? seat : -1, token };
  saveSeats(matchId, [held]);
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.toString());
  return held;
}

export function inviteLink(matchId: string, seat: HeldSeat): string {
  return `${window.location.origin}/matches/${encodeURIComponent(matchId)}#seat=${seat.seat}&token=${encodeURIComponent(seat.token)}`;
}
