/**
 * Self-play of the heuristic Diplomacy bot against random bots, played through the engine by a
 * small loop that answers the way the match runtime does (each seat's list checked order by
 * order, gaps filled with the engine's default), with press before each movement phase. Shared by
 * the bot's fixed-seed test and its benchmark.
 *
 * Win: at the end the heuristic power owns strictly more supply centres than every other power,
 * or it has won outright (18 centres). A tie for first is not a win.
 */
import { createRng, Diplomacy, deriveSeed, diplomacy } from '@parley/games';
import type { Agent, Decision, PressMessage } from '../../agent';
import { createAgent } from '../../registry';

type DiplomacyState = Diplomacy.DiplomacyState;
export const POWERS = Diplomacy.STANDARD_MAP.powers;
const LAST_YEAR = 1910;

/** A stronger random opponent than `random` (one random order, the rest hold): a random legal order per unit. */
export const unitRandom = (): Agent => ({
  name: 'unit-random',
  act: ({ legalActions, rng, observation }) => {
    const view = observation as { power: string; phase: { type: string }; adjustments: Record<string, number> | null };
    if (view.phase.type === 'adjustment') {
      const pool = [...legalActions];
      return Array.from({ length: Math.abs(view.adjustments?.[view.power] ?? 0) }, () => {
        const a = rng.pick(pool);
        if (a !== 'WAIVE') pool.splice(pool.indexOf(a), 1);
        return a;
      });
    }
    const groups = new Map<string, string[]>();
    for (const a of legalActions) if (a !== 'VOTE DRAW') groups.set(a.slice(0, 5), [...(groups.get(a.slice(0, 5)) ?? []), a]);
    return [...groups.values()].map((g) => rng.pick(g));
  },
});

export interface Played {
  state: DiplomacyState;
  /** Orders the heuristic seat gave, per phase code, and fallbacks it caused. */
  orders: Map<string, string[]>;
  fallbacks: number;
  messages: PressMessage[];
  phases: Map<string, DiplomacyState>;
}

export function play(seed: number, seat: number, opponent: () => Agent): Played {
  let s = diplomacy.newInitialState({ lastYear: LAST_YEAR });
  const agents = POWERS.map((_, i) => (i === seat ? createAgent('heuristic', 'diplomacy') : opponent()));
  const played: Played = { state: s, orders: new Map(), fallbacks: 0, messages: [], phases: new Map() };
  const rng = (i: number, n: number) => createRng(deriveSeed(seed, 'seat', i, n));
  for (let n = 0; !diplomacy.isTerminal(s); n++) {
    const key = diplomacy.turnKey!(s);
    played.phases.set(key, s);
    const inbox = (i: number) => played.messages.filter((m) => m.from === i || m.to === 'all' || m.to.includes(i));
    if (s.phase.type === 'movement') {
      for (const [i, agent] of agents.entries()) {
        if (!agent.negotiate) continue;
        const recipients = POWERS.map((_, k) => k).filter((k) => k !== i);
        const input = {
          gameId: 'diplomacy',
          seat: i,
          observation: diplomacy.observation(s, i),
          deadlineMs: 1000,
          rng: rng(i, n),
        };
        const out = agent.negotiate({ ...input, inbox: inbox(i), recipients, round: 0 }) as PressMessage[] | undefined;
        played.messages.push(...(out ?? []).map((m) => ({ ...m, phase: key })));
      }
    }
    const answers: [number, Decision][] = diplomacy.actingSeats(s).map((i) => {
      const observation = diplomacy.observation(s, i);
      const legalActions = diplomacy.legalActions(s, i);
      return [
        i,
        agents[i]!.act({
          gameId: 'diplomacy',
          seat: i,
          observation,
          legalActions,
          deadlineMs: 1000,
          rng: rng(i, n),
          inbox: inbox(i),
        }) as Decision,
      ];
    });
    for (const [i, answer] of answers) {
      const acting = () => !diplomacy.isTerminal(s) && diplomacy.turnKey!(s) === key && diplomacy.actingSeats(s).includes(i);
      for (const a of typeof answer === 'string' ? [answer] : answer) {
        if (!acting()) break;
        const ok = diplomacy.validateAction(s, i, a) === null;
        if (i === seat) {
          if (!ok) played.fallbacks++;
          played.orders.set(key, [...(played.orders.get(key) ?? []), a]);
        }
        s = diplomacy.applyAction(s, i, ok ? a : diplomacy.defaultAction(s, i));
      }
      while (acting()) {
        if (i === seat) played.fallbacks++;
        s = diplomacy.applyAction(s, i, diplomacy.defaultAction(s, i));
      }
    }
  }
  played.state = s;
  return played;
}

export function won(s: DiplomacyState, seat: number): boolean {
  const counts = POWERS.map((p) => s.centres.filter((c) => c.power === p).length);
  if (s.outcome?.kind === 'solo') return s.outcome.winner === POWERS[seat];
  return counts.every((c, k) => k === seat || c < counts[seat]!);
}

export function winRate(opponent: () => Agent, label: string, seeds: number): { wins: number; all: Played[] } {
  const all: Played[] = [];
  let wins = 0;
  for (let g = 0; g < seeds; g++) {
    const p = play(deriveSeed(2025, 'heuristic-vs', label, g), g % POWERS.length, opponent);
    all.push(p);
    if (won(p.state, g % POWERS.length)) wins++;
  }
  return { wins, all };
}
