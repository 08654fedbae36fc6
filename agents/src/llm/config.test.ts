import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgent } from '../registry';
import { costUsd, loadLlmConfig, parseLlmConfig, parseLlmConfigText } from './config';

const dir = mkdtempSync(join(tmpdir(), 'parley-llm-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('LLM agent config', () => {
  it('reads YAML with defaults filled in and the key from the environment', () => {
    const path = file(
      'a.yaml',
      `provider: openai
baseUrl: http://localhost:11434/v1/
model: llama3.1:8b
apiKeyEnv: PARLEY_TEST_KEY
budget: { decisionMs: 5000 }
pricing: { inputPerMTok: 2.5, outputPerMTok: 10 }
`,
    );
    const config = loadLlmConfig(path, { PARLEY_TEST_KEY: 'sk-from-env' });
    expect(config).toMatchObject({
      provider: 'openai',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1:8b',
      name: 'llm:llama3.1:8b',
      apiKey: 'sk-from-env',
      stream: false,
      maxTokens: 1024,
      systemPromptMode: 'append',
      budget: { decisionMs: 5000, tokens: 32_000, retries: 2 },
    });
    expect(costUsd(config, 1_000_000, 100_000)).toBeCloseTo(3.5, 10);
  });

  it('reads JSON, and fills the provider’s default base URL', () => {
    const result = parseLlmConfigText(
      JSON.stringify({
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        apiKey: 'sk-ant-x',
        reasoningEffort: 'low',
        stream: true,
      }),
      'b.json',
    );
    expect(result).toMatchObject({
      ok: true,
      config: { baseUrl: 'https://api.anthropic.com', reasoningEffort: 'low', stream: true, apiKey: 'sk-ant-x' },
    });
  });

  it('names the file and every bad field', () => {
    const bad = parseLlmConfig(
      { provider: 'gemini', model: '', temperature: 3, budget: { retries: -1 }, max_tokens: 5 },
      'bad.yaml',
    );
    expect(bad.ok).toBe(false);
    const message = bad.ok ? '' : bad.error.message;
    expect(message).toMatch(/^bad\.yaml: /);
    for (const field of ['provider', 'model', 'temperature', 'budget.retries', 'max_tokens']) expect(message).toContain(field);
    expect(bad.ok ? '' : bad.error.code).toBe('config/invalid');
  });

  it('refuses a missing environment variable, both key kinds at once, and a keyless Anthropic config', () => {
    const missing = parseLlmConfig({ provider: 'openai', model: 'm', apiKeyEnv: 'NOPE_NOT_SET' }, 'c.yaml', {});
    expect(missing).toMatchObject({
      ok: false,
      error: { message: 'c.yaml: apiKeyEnv: environment variable NOPE_NOT_SET is not set' },
    });
    const both = parseLlmConfig({ provider: 'openai', model: 'm', apiKey: 'k', apiKeyEnv: 'K' }, 'd.yaml', { K: 'x' });
    expect(both.ok ? '' : both.error.message).toMatch(/apiKey or apiKeyEnv, not both/);
    const keyless = parseLlmConfig({ provider: 'anthropic', model: 'm' }, 'e.yaml');
    expect(keyless.ok ? '' : keyless.error.message).toMatch(/anthropic needs apiKey or apiKeyEnv/);
    expect(parseLlmConfig({ provider: 'openai', model: 'm', apiKeyEnv: 'lower-case!' }).ok).toBe(false);
  });

  it('reports unreadable and unparseable files without echoing a key', () => {
    expect(() => loadLlmConfig(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read/);
    const messageOf = (text: string, name: string) => {
      try {
        loadLlmConfig(file(name, text));
      } catch (error) {
        return String(error);
      }
      return 'no error';
    };
    const broken = messageOf('provider: openai\nmodel: m\napiKey: "sk-secret-123\n', 'broken.yaml');
    expect(broken).toMatch(/broken\.yaml: cannot parse/);
    expect(broken).not.toContain('sk-secret-123');
    const typo = messageOf('provider: openai\napiKey: sk-secret-123\nmodle: gpt\n', 'typo.yaml');
    expect(typo).toMatch(/typo\.yaml: .*model/);
    expect(typo).not.toContain('sk-secret-123');
  });

  it('is registered as llm:PATH, and the example configs are valid', () => {
    const path = file('f.yaml', 'provider: openai\nmodel: test-model\nname: my-llm\n');
    expect(createAgent(`llm:${path}`, 'kuhn').name).toBe('my-llm');
    expect(() => createAgent('llm', 'kuhn')).toThrow(/llm:CONFIG\.yaml/);
    const examples = fileURLToPath(new URL('../../../examples/agents/', import.meta.url));
    const names = readdirSync(examples).filter((n) => n.endsWith('.yaml'));
    expect(names.sort()).toEqual(['anthropic.yaml', 'ollama.yaml', 'openai.yaml', 'openrouter.yaml', 'vllm.yaml']);
    const env = { OPENAI_API_KEY: 'x', ANTHROPIC_API_KEY: 'x', OPENROUTER_API_KEY: 'x', VLLM_API_KEY: 'x' };
    for (const name of names) {
      const result = parseLlmConfigText(readFileSync(join(examples, name), 'utf8'), name, env);
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    }
  });
});

describe('overrides in the agent spec', () => {
  it('applies PATH?key=value overrides, nested and typed, as budget sweeps write them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-llm-'));
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'provider: openai\nbaseUrl: http://127.0.0.1:1/v1\nmodel: m\n');
    const config = loadLlmConfig(`${file}?reasoningEffort=high&budget.tokens=8000&stream=true`, {});
    expect(config).toMatchObject({ reasoningEffort: 'high', stream: true, budget: { tokens: 8000 } });
    expect(() => loadLlmConfig(`${file}?temperature=hot`, {})).toThrow(/temperature/);
  });
});
