/**
 * A tiny scripted Diplomacy match (1901 only) for the measures' tests, played through `runMatch`
 * with agents that give fixed orders and press per phase; units left without orders hold.
 *
 * S1901M  Austria F TRI S A VEN and Italy A VEN S F TRI: mutual support (allied); France A PAR - BUR.
 *         Press: Austria promises Italy that support and no attack; Russia promises A WAR S A VIE - GAL
 *         (then holds); England promises an unparseable support and a move of a unit it lacks.
 * F1901M  Austria F TRI - VEN (bounces: an attack on its partner) and A VIE - TYR, supported by Italy
 *         A VEN (cut by F TRI) and Germany A MUN (cut by France A BUR - MUN, which bounces).
 *         Press: Austria promises Italy no attack and to keep Tyrolia empty (both broken); Italy
 *         promises Tyrolia empty and its support (kept); Germany promises France A MUN - BUR
 *         (broken) and no attack (kept); France promises A BUR - MUN (kept) and no attack on
 *         Germany (broken); Turkey promises no attack on "atlantis" and on itself (not checkable).
 */
import type { Agent, Commitment } from '@parley/agents';
import { diplomacy } from '@parley/games';
import { runMatch } from '../../runtime/match-runner';
import { phaseCode } from './phases';

type Press = { to: number[] | 'all'; text: string; commitments: Commitment[] };

export function scriptedAgent(name: string, orders: Record<string, string[]>, press: Record<string, Press[]> = {}): Agent {
  const code = (observation: unknown) => phaseCode((observation as { phase: Parameters<typeof phaseCode>[0] }).phase);
  return {
    name,
    act: ({ observation }) => orders[code(observation)] ?? [],
    negotiate: ({ observation, seat }) => (press[code(observation)] ?? []).map((m) => ({ from: seat, ...m })),
  };
}

const say = (to: number[] | 'all', ...commitments: Commitment[]): Press => ({ to, text: 'scripted', commitments });

export const SCENARIO_AGENTS: Agent[] = [
  scriptedAgent(
    'alpha',
    { S1901M: ['F TRI S A VEN'], F1901M: ['F TRI - VEN', 'A VIE - TYR'] },
    {
      S1901M: [say([4], { kind: 'support', order: 'F TRI S A VEN' }, { kind: 'no-attack', target: 4 })],
      F1901M: [say([4], { kind: 'no-attack', target: 'italy' }, { kind: 'demilitarise', province: 'Tyrolia' })],
    },
  ),
  scriptedAgent(
    'gamma',
    {},
    { S1901M: [say('all', { kind: 'support', order: 'F LON S F XYZ' }, { kind: 'move', order: 'A PAR - BUR' })] },
  ),
  scriptedAgent(
    'gamma',
    { S1901M: ['A PAR - BUR'], F1901M: ['A BUR - MUN'] },
    { F1901M: [say([3], { kind: 'move', order: 'A BUR - MUN' }, { kind: 'no-attack', target: 'germany' })] },
  ),
  scriptedAgent(
    'alpha',
    { F1901M: ['A MUN S A VIE - TYR'] },
    { F1901M: [say([2], { kind: 'move', order: 'A MUN - BUR' }, { kind: 'no-attack', target: 2 })] },
  ),
  scriptedAgent(
    'beta',
    { S1901M: ['A VEN S F TRI'], F1901M: ['A VEN S A VIE - TYR'] },
    { F1901M: [say([0], { kind: 'demilitarise', province: 'tyr' }, { kind: 'support', order: 'A VEN S A VIE - TYR' })] },
  ),
  scriptedAgent('gamma', {}, { S1901M: [say([0], { kind: 'support', order: 'A WAR S A VIE - GAL' })] }),
  scriptedAgent('gamma', {}, { F1901M: [say([0], { kind: 'no-attack', target: 'atlantis' }, { kind: 'no-attack', target: 6 })] }),
];

export async function scenarioRecord() {
  const { record } = await runMatch({
    game: diplomacy,
    params: { lastYear: 1901 },
    seed: 1,
    agents: SCENARIO_AGENTS,
    pressRounds: 1,
  });
  return record;
}
