import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent, DecisionInput } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { loadOperatorAgents } from './operator-config';
import { AgentRegistry, RegistryError } from './registry';
import { capSpend, SpendCapReached, SpendLedger } from './spend';
import { checkWebhookTarget, isPublicAddress } from './webhook-target';

const input = (recordModelCall?: DecisionInput['recordModelCall']): DecisionInput =>
  ({
    gameId: 'kuhn',
    seat: 0,
    observation: {},
    legalActions: ['b', 'p'],
    deadlineMs: 1000,
    rng: { int: () => 0, float: () => 0, pick: (xs: readonly unknown[]) => xs[0] },
    recordModelCall,
  }) as DecisionInput;

/** An agent that "calls a model" costing `usd` on every decision. */
const spender = (usd: number): Agent => ({
  name: 'spender',
  act: (i) => {
    i.recordModelCall?.({
      provider: 'fake',
      model: 'm',
      purpose: 'decide',
      prompt: '',
      reply: 'p',
      tokensIn: 1,
      tokensOut: 1,
      latencyMs: 0,
      costUsd: usd,
      attempt: 0,
    });
    return 'p';
  },
});

describe('agent registry', () => {
  it('offers the built-ins by id and creates them for the games they play', () => {
    const registry = new AgentRegistry();
    expect(registry.list().map((e) => e.id)).toEqual(['call', 'equilibrium', 'heuristic', 'random', 'tag']);
    expect(registry.create('random', 'kuhn').name).toBe('random');
    expect(() => registry.create('heuristic', 'kuhn')).toThrow(/plays diplomacy, not kuhn/);
  });

  it('never reads a file, a URL or an environment variable named by an id', () => {
    const registry = new AgentRegistry();
    for (const spec of [
      'policy:/etc/passwd',
      'llm:/etc/shadow',
      'http://127.0.0.1:9/',
      'llm:x.yaml?apiKeyEnv=PATH',
      '../../etc/passwd',
    ])
      expect(() => registry.create(spec, 'kuhn')).toThrow(RegistryError);
    try {
      registry.create('policy:/etc/passwd', 'kuhn');
    } catch (error) {
      expect((error as Error).message).not.toContain('root:');
      expect((error as RegistryError).code).toBe('agent/unknown');
    }
  });

  it('refuses ids that are not plain and ids already taken', () => {
    const registry = new AgentRegistry();
    const create = () => spender(0);
    expect(() => registry.add({ id: '../x', kind: 'bot', description: '', seatKind: 'bot', create })).toThrow(/agent id/);
    expect(() => registry.add({ id: 'random', kind: 'bot', description: '', seatKind: 'bot', create })).toThrow(/taken/);
    expect(registry.unregister('random')).toBe(false);
  });
});

describe('daily spend caps', () => {
  it('counts every model call and refuses past the cap until the next UTC day', async () => {
    let now = Date.UTC(2026, 0, 1, 12);
    const ledger = new SpendLedger({ now: () => now });
    const agent = capSpend(spender(0.4), 'gpt', 1, ledger);
    const recorded: number[] = [];
    await agent.act(input((c) => recorded.push(c.costUsd)));
    await agent.act(input());
    await agent.act(input());
    expect(ledger.spentToday('gpt')).toBeCloseTo(1.2);
    expect(recorded).toEqual([0.4]); // the record still gets each call
    expect(() => agent.act(input())).toThrow(SpendCapReached);
    now += 24 * 3600_000;
    expect(await agent.act(input())).toBe('p');
  });

  it('passes on fields the runtime computes on demand (getters over private state)', async () => {
    class LazyInput {
      readonly #observation = { cards: ['Ks'] };
      readonly gameId = 'leduc';
      readonly seat = 0;
      readonly legalActions = ['call'];
      readonly deadlineMs = 1000;
      readonly rng = input().rng;
      get observation(): unknown {
        return this.#observation;
      }
    }
    let seen: unknown;
    const reader: Agent = {
      name: 'reader',
      act: (i) => {
        seen = i.observation;
        return 'call';
      },
    };
    await capSpend(reader, 'gpt', 1, new SpendLedger({ now: () => 0 })).act(new LazyInput() as unknown as DecisionInput);
    expect(seen).toEqual({ cards: ['Ks'] });
  });

  it('keeps the day in a file across restarts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-spend-')), 'spend.json');
    const now = () => Date.UTC(2026, 0, 2, 8);
    await capSpend(spender(2), 'gpt', 3, new SpendLedger({ file, now })).act(input());
    expect(new SpendLedger({ file, now }).spentToday('gpt')).toBe(2);
    writeFileSync(file, '{not json');
    expect(new SpendLedger({ file, now }).spentToday('gpt')).toBe(0);
  });
});

describe("the operator's agents file", () => {
  it('registers LLM configurations by id with their caps, and shows no path or key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-agents-'));
    writeFileSync(join(dir, 'model.yaml'), 'provider: openai\nmodel: m1\napiKeyEnv: TEST_PARLEY_KEY\n');
    writeFileSync(join(dir, 'missing.yaml'), 'provider: openai\nmodel: m2\napiKeyEnv: TEST_PARLEY_ABSENT\n');
    const file = join(dir, 'agents.yaml');
    writeFileSync(
      file,
      'llm:\n  - { id: mini, config: model.yaml, dailyCapUsd: 2 }\n  - { id: gone, config: missing.yaml, dailyCapUsd: 1 }\nwebhooks: { allow: [bots.example.com] }\n',
    );
    const { registry, warnings } = loadOperatorAgents({ file, env: { TEST_PARLEY_KEY: 'sk-secret-value-123' } });
    const mini = registry.list().find((e) => e.id === 'mini');
    expect(mini).toMatchObject({ kind: 'llm', dailyCapUsd: 2, spentTodayUsd: 0 });
    expect(JSON.stringify(registry.list())).not.toMatch(/model\.yaml|sk-secret|TEST_PARLEY/);
    expect(registry.create('mini', 'kuhn').name).toBe('mini');
    expect(warnings.join()).toMatch(/gone not offered/);
    expect(registry.webhooks.allow).toEqual(['bots.example.com']);
  });

  it('names the field of a bad file, not its contents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-agents-'));
    const file = join(dir, 'agents.yaml');
    writeFileSync(file, 'llm:\n  - { id: "bad id!", config: x.yaml, dailyCapUsd: 1, secretThing: hunter2 }\n');
    expect(() => loadOperatorAgents({ file })).toThrow(/llm\.0/);
    expect(readFileSync(file, 'utf8')).toContain('hunter2');
  });
});

describe('webhook targets', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses;
  const open = { allow: ['*'], allowPrivate: false };

  it('refuses loopback, link-local, private and unspecified addresses unless the operator allows them', async () => {
    for (const url of [
      'http://127.0.0.1:9911/v1',
      'http://10.1.2.3/',
      'http://192.168.0.1/',
      'http://172.16.0.5/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
      'http://[fe80::1]/',
    ]) {
      const check = await checkWebhookTarget(url, open, resolveTo());
      expect(check.ok, url).toBe(false);
    }
    expect((await checkWebhookTarget('http://127.0.0.1:9911/', { allow: ['*'], allowPrivate: true })).ok).toBe(true);
  });

  it('resolves names and refuses one that points inward', async () => {
    expect((await checkWebhookTarget('http://evil.example/', open, resolveTo('127.0.0.1'))).ok).toBe(false);
    expect((await checkWebhookTarget('http://bot.example/', open, resolveTo('8.8.8.8'))).ok).toBe(true);
    expect((await checkWebhookTarget('http://bot.example/', open, resolveTo('8.8.8.8', '10.0.0.1'))).ok).toBe(false);
  });

  it('admits only hosts on the allow-list, and only http(s) without credentials', async () => {
    const policy = { allow: ['bots.example.com', '*.example.org', '8.8.4.0/24'], allowPrivate: false };
    const pub = resolveTo('8.8.8.8');
    expect((await checkWebhookTarget('https://bots.example.com/act', policy, pub)).ok).toBe(true);
    expect((await checkWebhookTarget('https://a.example.org/act', policy, pub)).ok).toBe(true);
    expect((await checkWebhookTarget('https://example.org/act', policy, pub)).ok).toBe(false);
    expect((await checkWebhookTarget('http://8.8.4.4/', policy, pub)).ok).toBe(true);
    expect((await checkWebhookTarget('https://other.example.com/', policy, pub)).ok).toBe(false);
    expect((await checkWebhookTarget('file:///etc/passwd', { allow: ['*'], allowPrivate: true })).ok).toBe(false);
    expect((await checkWebhookTarget('https://u:p@bots.example.com/', policy, pub)).ok).toBe(false);
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('not an ip')).toBe(false);
  });

  it('registers bot accounts through the extension point, and refuses an inward webhook', async () => {
    const registry = new AgentRegistry({ webhooks: { allow: ['*'], allowPrivate: false }, resolve: resolveTo('127.0.0.1') });
    await expect(
      registry.registerBotAccount({ id: 'bot/alice', ownerId: 'u1', transport: { kind: 'webhook', url: 'http://x.example/' } }),
    ).rejects.toThrow(/loopback, link-local or private/);
    await registry.registerBotAccount({
      id: 'bot/bob',
      ownerId: 'u2',
      transport: { kind: 'websocket', create: () => spender(0) },
    });
    expect(registry.get('bot/bob')).toMatchObject({ kind: 'bot', ownerId: 'u2', seatKind: 'external' });
    expect(registry.unregister('bot/bob')).toBe(true);
    expect(registry.has('bot/bob')).toBe(false);
  });
});
