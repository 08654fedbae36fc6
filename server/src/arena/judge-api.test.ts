/**
 * The judge and per-model measures through the API: the operator has a registered model judge a
 * finished match's press (a scripted model here), and everyone reads the judged promises and the
 * pooled per-model measures.
 */
import { type ChatClient, llmConfigSchema, randomBot } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { AgentRegistry } from '../agents-registry/registry';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { fetchJson, playedDiplomacy, postAs, roleFromHeader } from './testing/http';

const config = {
  ...llmConfigSchema.parse({ provider: 'openai', model: 'judge-1', pricing: { inputPerMTok: 1, outputPerMTok: 2 } }),
  name: 'house-judge',
  baseUrl: 'http://127.0.0.1:1',
  apiKey: undefined,
};
/** Every message promises to keep out of Burgundy; every broken promise is a change of plan. */
const judgeClient: ChatClient = {
  provider: 'openai',
  model: 'judge-1',
  async send(request) {
    const asks = request.turns[0]!.content.includes('List the promises');
    const text = asks
      ? '{"promises": [{"kind": "demilitarise", "province": "BUR"}]}'
      : '{"intent": "change-of-plan", "reason": "the board changed"}';
    return { ok: true, reply: { text, tokensIn: 100, tokensOut: 20, truncated: false } };
  },
};
const registry = new AgentRegistry();
registry.addLlm({
  id: 'house-judge',
  description: 'a model the operator pays for',
  dailyCapUsd: 5,
  create: () => randomBot(),
  judge: () => ({ config, client: judgeClient }),
});
const test = useArena({
  clock: new FakeClock(),
  agents: registry,
  principalOf: roleFromHeader,
});

const post = (role: 'guest' | 'person' | 'operator', path: string, body: unknown) => postAs(test.base, role, path, body);

describe('judged promises and per-model measures through the API', () => {
  it('lets the operator judge a match with a registered model, and shows everyone the result', async () => {
    const seats = ['heuristic', 'heuristic', 'heuristic', 'random', 'heuristic', 'random', 'heuristic'];
    const matchId = await playedDiplomacy(test.arena, test.base, 8, seats);

    const path = `/api/matches/${matchId}/judge`;
    expect((await post('guest', path, { judge: 'house-judge' })).code).toBe('auth/sign-in');
    expect((await post('person', path, { judge: 'house-judge' })).code).toBe('auth/forbidden');
    expect((await post('operator', path, { judge: 'heuristic' })).code).toBe('judge/unknown');
    expect((await post('operator', path, { judge: 'llm:/etc/passwd' })).code).toBe('judge/unknown');
    expect((await post('operator', path, { judge: 'house-judge', url: 'http://x' })).code).toBe('judge/invalid');

    // Before judging: the plain analysis, with per-model measures and no free text.
    const plain = await fetchJson(`${test.base}/api/matches/${matchId}/analysis`);
    expect(plain.freeText).toBeUndefined();
    expect(Object.keys(plain.perModel).sort()).toEqual(['heuristic', 'random']);

    expect(await post('operator', path, { judge: 'house-judge' })).toMatchObject({ matchId, status: 'running' });
    await test.arena.analyses.settled(matchId);
    const judged = await fetchJson(`${test.base}/api/matches/${matchId}/analysis`);
    const texts = judged.freeText.promises.length;
    expect(judged.freeText.judge).toEqual({ provider: 'openai', model: 'judge-1' });
    expect(texts).toBeGreaterThan(0);
    expect(judged.freeText.costUsd).toBeGreaterThan(0);
    expect(registry.ledger.spentToday('house-judge')).toBeCloseTo(judged.freeText.costUsd, 12);

    const all = await fetchJson(`${test.base}/api/measures/diplomacy`);
    expect(all.matches).toBe(1);
    expect(all.perModel.map((m: { agent: string }) => m.agent)).toEqual(['heuristic', 'random']);
    expect(all.promises).toHaveLength(texts);
    const mine = await fetchJson(`${test.base}/api/measures/diplomacy?agent=heuristic`);
    expect(mine.perModel).toHaveLength(1);
    const heuristic = mine.perModel[0];
    expect(heuristic).toMatchObject({ agent: 'heuristic', matches: 1, judgedMatches: 1 });
    expect(heuristic.pressSent).toBe(judged.perModel.heuristic.pressSent);
    const broken = mine.promises.filter((p: { verdict: string }) => p.verdict === 'broken').length;
    expect(heuristic.changesOfPlan).toBe(broken);
    expect(mine.promises.every((p: { agent: string; matchId: string }) => p.agent === 'heuristic' && p.matchId === matchId)).toBe(
      true,
    );
  });
});
