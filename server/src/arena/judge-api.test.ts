/**
 * The judge and per-model measures through the API: the operator has a registered model judge a
 * finished match's press (a scripted model here), and everyone reads the judged promises and the
 * pooled per-model measures; the operator follows the judge's status (running, done, failed with
 * a reason that shows no internal text, or refused at the daily cap).
 */
import { type ChatClient, llmConfigSchema, randomBot } from '@parley/agents';
import { describe, expect, it, vi } from 'vitest';
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
/** Held while a test looks at a running judge. */
let gate = Promise.resolve();
/** Every message promises to keep out of Burgundy; every broken promise is a change of plan. */
const judgeClient: ChatClient = {
  provider: 'openai',
  model: 'judge-1',
  async send(request) {
    await gate;
    const asks = request.turns[0]!.content.includes('List the promises');
    const text = asks
      ? '{"promises": [{"kind": "demilitarise", "province": "BUR"}]}'
      : '{"intent": "change-of-plan", "reason": "the board changed"}';
    return { ok: true, reply: { text, tokensIn: 100, tokensOut: 20, truncated: false } };
  },
};
const SECRET = 'sk-internal-0123456789';
/** A model whose answers never parse, and one whose client throws with a secret in the message. */
const muteClient: ChatClient = {
  ...judgeClient,
  send: async () => ({ ok: true, reply: { text: 'no idea', tokensIn: 10, tokensOut: 2, truncated: false } }),
};
const brokenClient: ChatClient = {
  ...judgeClient,
  send: async () => {
    throw new Error(`socket closed, key ${SECRET}`);
  },
};
const registry = new AgentRegistry();
for (const [id, client, dailyCapUsd] of [
  ['house-judge', judgeClient, 5],
  ['mute-judge', muteClient, 5],
  ['broken-judge', brokenClient, 5],
  ['spent-judge', judgeClient, 0],
] as const)
  registry.addLlm({
    id,
    description: 'a model the operator pays for',
    dailyCapUsd,
    create: () => randomBot(),
    // The broken judge's key is the secret its client's error repeats (a key read from a file).
    judge: () => ({ config: id === 'broken-judge' ? { ...config, apiKey: SECRET } : config, client }),
  });
const test = useArena({
  clock: new FakeClock(),
  agents: registry,
  principalOf: roleFromHeader,
});

const post = (role: 'guest' | 'person' | 'operator', path: string, body: unknown) => postAs(test.base, role, path, body);
const statusAs = (role: 'guest' | 'person' | 'operator', matchId: string) =>
  fetchJson(`${test.base}/api/matches/${matchId}/judge`, { headers: { 'x-test-role': role } });

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

    expect(await statusAs('operator', matchId)).toEqual({ status: 'none' });
    expect((await statusAs('person', matchId)).code).toBe('auth/forbidden');
    expect((await statusAs('guest', matchId)).code).toBe('auth/sign-in');
    expect((await statusAs('operator', 'no-such-match')).code).toBe('match/not-found');
    const judges = (await fetchJson(`${test.base}/api/registry`)).agents.filter((a: { judge: boolean }) => a.judge);
    expect(judges.map((a: { id: string }) => a.id).sort()).toEqual(['broken-judge', 'house-judge', 'mute-judge', 'spent-judge']);

    let release = () => {};
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    expect(await post('operator', path, { judge: 'house-judge' })).toMatchObject({ matchId, status: 'running' });
    expect(await statusAs('operator', matchId)).toEqual({ status: 'running', judge: 'house-judge' });
    expect((await post('operator', path, { judge: 'house-judge' })).code).toBe('judge/running');
    release();
    await test.arena.analyses.settled(matchId);
    const judged = await fetchJson(`${test.base}/api/matches/${matchId}/analysis`);
    const texts = judged.freeText.promises.length;
    expect(judged.freeText.judge).toEqual({ provider: 'openai', model: 'judge-1' });
    expect(texts).toBeGreaterThan(0);
    expect(judged.freeText.costUsd).toBeGreaterThan(0);
    expect(registry.ledger.spentToday('house-judge')).toBeCloseTo(judged.freeText.costUsd, 12);
    const broken = judged.freeText.promises.filter((p: { verdict: string }) => p.verdict === 'broken').length;
    expect(await statusAs('operator', matchId)).toEqual({
      status: 'done',
      judge: { provider: 'openai', model: 'judge-1' },
      promises: texts,
      broken,
      unread: 0,
      costUsd: judged.freeText.costUsd,
    });

    const all = await fetchJson(`${test.base}/api/measures/diplomacy`);
    expect(all.matches).toBe(1);
    expect(all.perModel.map((m: { agent: string }) => m.agent)).toEqual(['heuristic', 'random']);
    expect(all.promises).toHaveLength(texts);
    const mine = await fetchJson(`${test.base}/api/measures/diplomacy?agent=heuristic`);
    expect(mine.perModel).toHaveLength(1);
    const heuristic = mine.perModel[0];
    expect(heuristic).toMatchObject({ agent: 'heuristic', matches: 1, judgedMatches: 1 });
    expect(heuristic.pressSent).toBe(judged.perModel.heuristic.pressSent);
    expect(heuristic.changesOfPlan).toBe(mine.promises.filter((p: { verdict: string }) => p.verdict === 'broken').length);
    expect(mine.promises.every((p: { agent: string; matchId: string }) => p.agent === 'heuristic' && p.matchId === matchId)).toBe(
      true,
    );
  });

  it('says why a judge failed without its internal text, keeps the judged analysis, and stops at the daily cap', async () => {
    const seats = ['heuristic', 'heuristic', 'random', 'random', 'heuristic', 'random', 'heuristic'];
    const matchId = await playedDiplomacy(test.arena, test.base, 9, seats);
    const path = `/api/matches/${matchId}/judge`;

    expect(await post('operator', path, { judge: 'mute-judge' })).toMatchObject({ status: 'running' });
    await test.arena.analyses.settled(matchId);
    const mute = await statusAs('operator', matchId);
    expect(mute).toMatchObject({ status: 'failed', judge: 'mute-judge' });
    expect(mute.reason).toMatch(/no usable answer for any of the \d+ messages/);
    // Nothing read is nothing judged: the analysis stays the plain one.
    expect((await fetchJson(`${test.base}/api/matches/${matchId}/analysis`)).freeText).toBeUndefined();

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await post('operator', path, { judge: 'broken-judge' })).toMatchObject({ status: 'running' });
    await test.arena.analyses.settled(matchId);
    // The server log says why, in one line, without the key.
    const lines = logged.mock.calls.map((args) => args.map(String).join(' '));
    logged.mockRestore();
    const line = lines.find((l) => l.includes(`the judge of match ${matchId} failed`));
    expect(line).toContain('socket closed');
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain('\n');
    const broken = await statusAs('operator', matchId);
    expect(broken).toMatchObject({ status: 'failed', judge: 'broken-judge' });
    expect(JSON.stringify(broken)).not.toContain(SECRET);
    expect(JSON.stringify(broken)).not.toContain('socket closed');

    const capped = await post('operator', path, { judge: 'spent-judge' });
    expect(capped).toMatchObject({ code: 'limits/spend' });
    expect(capped.message).toContain('daily cap');
    // A refused start leaves the last status as it was.
    expect((await statusAs('operator', matchId)).judge).toBe('broken-judge');

    expect(await post('operator', path, { judge: 'house-judge' })).toMatchObject({ status: 'running' });
    await test.arena.analyses.settled(matchId);
    expect(await statusAs('operator', matchId)).toMatchObject({ status: 'done', unread: 0 });
  });
});
