/**
 * The heuristic Diplomacy bot against random bots, played through the engine by a small loop that
 * answers the way the match runtime does (each seat's list checked order by order, gaps filled
 * with the engine's default), with press before each movement phase.
 *
 * Win: at the end the heuristic power owns strictly more supply centres than every other power,
 * or it has won outright (18 centres). A tie for first is not a win.
 */
import { createRng, Diplomacy, deriveSeed, diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { Agent, Decision, PressMessage } from '../agent';
import { createAgent } from '../registry';
import { diplomacyHeuristicBot } from './diplomacy-heuristic';

type DiplomacyState = Diplomacy.DiplomacyState;
const POWERS = Diplomacy.STANDARD_MAP.powers;
const LAST_YEAR = 1910;
const SEEDS = 70; // 10 per power

/** A stronger random opponent than `random` (one random order, the rest hold): a random legal order per unit. */
const unitRandom = (): Agent => ({
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

interface Played {
  state: DiplomacyState;
  /** Orders the heuristic seat gave, per phase code, and fallbacks it caused. */
  orders: Map<string, string[]>;
  fallbacks: number;
  messages: PressMessage[];
  phases: Map<string, DiplomacyState>;
}

function play(seed: number, seat: number, opponent: () => Agent): Played {
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

function won(s: DiplomacyState, seat: number): boolean {
  const counts = POWERS.map((p) => s.centres.filter((c) => c.power === p).length);
  if (s.outcome?.kind === 'solo') return s.outcome.winner === POWERS[seat];
  return counts.every((c, k) => k === seat || c < counts[seat]!);
}

function winRate(opponent: () => Agent, label: string): { rate: number; all: Played[] } {
  const started = performance.now();
  const all: Played[] = [];
  let wins = 0;
  for (let g = 0; g < SEEDS; g++) {
    const p = play(deriveSeed(2025, 'heuristic-vs', label, g), g % POWERS.length, opponent);
    all.push(p);
    if (won(p.state, g % POWERS.length)) wins++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `heuristic vs 6 × ${label}: first on centres in ${wins}/${SEEDS} = ${(wins / SEEDS).toFixed(3)} (${seconds.toFixed(1)} s)`,
  );
  return { rate: wins / SEEDS, all };
}

const sourceOf = (order: string) => order.split(' ')[1]!.slice(0, 3);
const destOf = (order: string) => / - (\S+)$/.exec(order)?.[1]?.slice(0, 3);

describe('heuristic Diplomacy bot', () => {
  it('finishes first on centres in ≥ 95% of games against six random bots, every seat', () => {
    for (const [label, opponent] of [
      ['random', () => createAgent('random', 'diplomacy')],
      ['unit-random', unitRandom],
    ] as const) {
      const { rate, all } = winRate(opponent, label);
      expect(rate).toBeGreaterThanOrEqual(0.95);
      expect(all.reduce((n, p) => n + p.fallbacks, 0)).toBe(0);
      // Press is written, and its own promises are kept phase by phase.
      const promises = all.flatMap((p) => p.messages.filter((m) => m.commitments?.length));
      expect(promises.length).toBeGreaterThan(SEEDS);
      for (const p of all) {
        for (const m of p.messages) {
          for (const c of m.commitments ?? []) {
            const before = p.phases.get(m.phase!)!;
            const partner = POWERS[c.kind === 'no-attack' ? (c.target as number) : -1]!;
            const theirs = new Set([
              ...before.units.filter((u) => u.power === partner).map((u) => u.province.slice(0, 3)),
              ...before.centres.filter((x) => x.power === partner).map((x) => x.province),
            ]);
            for (const o of p.orders.get(m.phase!) ?? []) expect(theirs.has(destOf(o)?.toLowerCase() ?? '')).toBe(false);
          }
        }
      }
    }
  }, 60_000);

  it('never bounces its own units, and coordinates supports and builds', () => {
    let supportsOfMoves = 0;
    let builds = 0;
    for (let g = 0; g < 7; g++) {
      const p = play(deriveSeed(99, g), g, unitRandom);
      for (const [key, orders] of p.orders) {
        if (!key.endsWith('M')) {
          if (key.endsWith('A')) builds += orders.filter((o) => o.endsWith(' B')).length;
          continue;
        }
        const moves = orders.filter((o) => destOf(o) && !o.includes(' S ') && !o.includes(' C '));
        const staying = new Set(orders.filter((o) => !moves.includes(o)).map(sourceOf));
        const dests = moves.map((o) => destOf(o)!);
        expect(new Set(dests).size).toBe(dests.length);
        for (const d of dests) expect(staying.has(d)).toBe(false);
        for (const o of moves) expect(moves.some((x) => sourceOf(x) === destOf(o) && destOf(x) === sourceOf(o))).toBe(false);
        supportsOfMoves += orders.filter((o) => o.includes(' S ') && destOf(o) && moves.some((m) => o.endsWith(m))).length;
      }
    }
    expect(supportsOfMoves).toBeGreaterThan(0);
    expect(builds).toBeGreaterThan(0);
  });

  it('is deterministic given its rng', () => {
    const a = play(7, 3, unitRandom);
    const b = play(7, 3, unitRandom);
    expect([...a.orders]).toEqual([...b.orders]);
    expect(a.messages).toEqual(b.messages);
    expect(a.state.centres).toEqual(b.state.centres);
  });

  it('plays Diplomacy only', () => {
    expect(() => createAgent('heuristic', 'kuhn')).toThrow(/Diplomacy only/);
    expect(diplomacyHeuristicBot().name).toBe('heuristic');
  });
});
