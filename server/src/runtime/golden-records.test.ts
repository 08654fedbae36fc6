/**
 * Golden records: the sha256 of whole match records (every action's text, every fallback, the
 * returns and the final-state hash) for seeded bot matches of every game, fixed when the engines
 * spoke text throughout. Engine speed work (typed actions, shared state, the runner's fast path)
 * must leave every byte of a record as it was, so these hashes never change; a new engine
 * behaviour that is meant to change records needs a new fixture, not an edited hash. (The
 * sit-and-go hash was taken again, on the text engines, after the rule change that a short raise
 * is legal only all in.)
 */
import { type Agent, callBot, createAgent, randomBot } from '@parley/agents';
import { diplomacy, type Game, kuhn, leduc, nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { canonicalJson, stateHash } from './canonical';
import { runMatch } from './match-runner';

interface Case {
  name: string;
  game: Game<any, any>;
  params: unknown;
  seeds: number[];
  agents: () => Agent[];
  hash: string;
}

const random = (n: number) => () => Array.from({ length: n }, () => randomBot());

const CASES: Case[] = [
  {
    name: 'kuhn random',
    game: kuhn,
    params: kuhn.descriptor.defaultParams,
    seeds: [1, 2, 3, 4, 5, 6, 7, 8],
    agents: random(2),
    hash: '8cdc0d6f976be7cfab5b7905dacc244d843d9c73963ce5630ef367098959be3a',
  },
  {
    name: 'leduc random',
    game: leduc,
    params: leduc.descriptor.defaultParams,
    seeds: [1, 2, 3, 4, 5, 6, 7, 8],
    agents: random(2),
    hash: 'c531f386a73808b2891a10a74a9dc7b5a6e4868be90300fdfa0740d8ca574475',
  },
  {
    name: 'nlhe heads-up cash, random',
    game: nlhe,
    params: { players: 2, format: 'cash', hands: 30 },
    seeds: [1, 2, 3],
    agents: random(2),
    hash: '0dcf3c5b148a14dfc2b7f3bdb3e8bd0d6f58839fb9e5fc4d6bbcb86beac1dda1',
  },
  {
    name: 'nlhe nine-seat cash, random and call',
    game: nlhe,
    params: { players: 9, format: 'cash', hands: 12, ante: 10, straddles: [200] },
    seeds: [4, 5],
    agents: () => [...random(5)(), callBot(), callBot(), callBot(), callBot()],
    hash: '10c045e1d703440873dfc6f83354c62adcf1738a688d6b9e32766795fee91261',
  },
  {
    name: 'nlhe six-seat sit-and-go, tag and random',
    game: nlhe,
    params: { players: 6, format: 'sng', startingStack: 1500, maxHands: 60 },
    seeds: [6],
    agents: () => [0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? randomBot() : createAgent('tag', 'nlhe'))),
    hash: 'ceef692c9ed60ed6314f9bdf8f864d2a188a8007b30941237aaf871c302c0b3c',
  },
  {
    name: 'diplomacy random to 1904',
    game: diplomacy,
    params: { lastYear: 1904 },
    seeds: [1, 2],
    agents: random(7),
    hash: '9987af8359db03d92f531e319d5ef7beae27c176e8117e87301b7728b2a4b0b0',
  },
  {
    name: 'diplomacy heuristic and random to 1903',
    game: diplomacy,
    params: { lastYear: 1903 },
    seeds: [3],
    agents: () => [0, 1, 2, 3, 4, 5, 6].map((i) => (i % 2 ? randomBot() : createAgent('heuristic', 'diplomacy'))),
    hash: '773806cd92613a90876078c6f074f373397893de468ac033e963aa3c42547621',
  },
];

async function recordsHash(c: Case): Promise<string> {
  const records: unknown[] = [];
  for (const seed of c.seeds) {
    const params = c.game.descriptor.parseParams(c.params);
    if (!params.ok) throw new Error(params.error.message);
    const { record } = await runMatch({
      game: c.game,
      params: params.params,
      seed,
      agents: c.agents(),
      clock: new FakeClock(0),
      pressRounds: 0,
    });
    records.push(record);
  }
  return stateHash(canonicalJson(records));
}

describe('golden records', () => {
  for (const c of CASES) {
    it(`${c.name}: the records are byte for byte those of the text engines`, async () => {
      expect(await recordsHash(c)).toBe(c.hash);
    });
  }
});
