/**
 * The ACPC dealer: a No-Limit Hold'em match of a game definition where some seats are ACPC
 * clients on TCP ports and the others Parley agents, played by the one runner (`runMatch`)
 * through the NLHE engine. Like the ACPC's own dealer it opens one port per ACPC seat, waits
 * for every client before the first hand, gives each answer `t_response` milliseconds (10 s by
 * default), and rotates the button every hand with the stacks reset.
 */
import type { Agent } from '@parley/agents';
import { getGame, type Nlhe } from '@parley/games';
import { type Clock, type MatchResult, runMatch } from '../runtime/match-runner';
import { type Gamedef, paramsOf } from './gamedef';
import { finishedHand, stateLine } from './matchstate';
import { AcpcSeat } from './seat';

export const DEFAULT_RESPONSE_MS = 10_000;

export interface AcpcMatchOptions {
  readonly gamedef: Gamedef;
  readonly hands: number;
  readonly seed: number;
  /** One per seat: an agent, or `{ acpc: port }` for a seat an ACPC client connects to (port 0: any free port). */
  readonly seats: readonly (Agent | { readonly acpc: number })[];
  readonly host?: string;
  /** Milliseconds per answer before the default (check or fold) is played. */
  readonly responseMs?: number;
  readonly clock?: Clock;
  /** Told each ACPC seat's port once it listens, before the dealer waits for clients. */
  readonly onListening?: (seat: number, port: number) => void;
  readonly log?: (line: string) => void;
  /** Resolves (or rejects) to give up waiting for clients; by default the dealer waits for ever. */
  readonly giveUp?: Promise<void>;
}

export async function runAcpcMatch(options: AcpcMatchOptions): Promise<MatchResult<Nlhe.NlheState, Nlhe.NlheParams>> {
  const game = getGame('nlhe') as import('@parley/games').Game<Nlhe.NlheState, Nlhe.NlheParams>;
  const parsed = game.descriptor.parseParams(paramsOf(options.gamedef, options.hands));
  if (!parsed.ok) throw new Error(`the game definition does not make a Parley game: ${parsed.error.message}`);
  if (options.seats.length !== options.gamedef.numPlayers)
    throw new Error(`the game seats ${options.gamedef.numPlayers} players, but ${options.seats.length} seats were given`);
  const agents: Agent[] = options.seats.map((seat) =>
    'acpc' in seat ? new AcpcSeat({ port: seat.acpc, host: options.host, log: options.log }) : seat,
  );
  const acpcSeats = agents.flatMap((agent, seat) => (agent instanceof AcpcSeat ? [{ agent, seat }] : []));
  try {
    for (const { agent, seat } of acpcSeats) options.onListening?.(seat, await agent.listen());
    const everyone = Promise.all(acpcSeats.map(({ agent }) => agent.connected)).then(() => true);
    const ready = await Promise.race([everyone, options.giveUp?.then(() => false) ?? everyone]);
    if (!ready) throw new Error('not every ACPC client connected in time');
  } catch (error) {
    await Promise.all(acpcSeats.map(({ agent }) => agent.close()));
    throw error;
  }
  return runMatch({
    game,
    params: parsed.params,
    seed: options.seed,
    agents,
    deadlineMs: options.responseMs ?? DEFAULT_RESPONSE_MS,
    clock: options.clock,
  });
}

/**
 * The dealer's log of a match: one STATE line per hand (matchstate.ts), with each position's
 * winnings in chips and the name of the player at that position, `names` being by table seat.
 * Names are the operator's; `:` and `|` would break the line, so they become `_`.
 */
export function dealerLog(state: Nlhe.NlheState, names: readonly string[]): string[] {
  const clean = names.map((n) => n.replace(/[:|\s]/g, '_'));
  return state.past.map((hand) =>
    stateLine(
      finishedHand(hand),
      hand.finishing.map((chips, position) => chips - hand.config.startingStacks[position]!),
      hand.seats.map((seat) => clean[seat] ?? `P${seat + 1}`),
    ),
  );
}
