/**
 * What a match room sends to clients besides state patches. Views themselves travel in the
 * room state (through StateView, per seat), so nothing here carries hidden information except to
 * the seat it belongs to.
 */
export type ServerMessage =
  | { type: 'error'; code: string; message: string }
  | { type: 'ack'; decision: number; applied: number }
  | { type: 'seat'; seat: number | null; role: 'player' | 'spectator' }
  | { type: 'finished'; returns: number[] };

export const errorMessage = (code: string, message: string): ServerMessage => ({ type: 'error', code, message });
