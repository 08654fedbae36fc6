/**
 * LLM agent configuration: one YAML or JSON file per model setup, validated here so a typo or a
 * missing key fails at load time with the file name and the field, never mid-match.
 *
 * The API key is resolved once, from `apiKey` or from the environment variable `apiKeyEnv` names,
 * and lives only in the resolved config handed to the provider client; nothing here prints it.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { applyOverrides } from '../overrides';

const budgetSchema = z
  .object({
    /** Wall clock for one decision, all attempts included; the runtime deadline caps it too. */
    decisionMs: z.number().int().positive().default(60_000),
    /** Optional cap on one request, so a hung attempt leaves time to retry. */
    attemptMs: z.number().int().positive().optional(),
    /** Tokens (prompt plus completion, all attempts) one decision may spend. */
    tokens: z.number().int().positive().default(32_000),
    /** Further requests after the first, for provider errors and unusable answers alike. */
    retries: z.number().int().min(0).max(10).default(2),
  })
  .strict();

const memorySchema = z
  .object({
    /** Tokens the memory (summaries, diary, goals, relationships) may take in a prompt, about. */
    tokens: z.number().int().min(200).max(32_000).default(1500),
    /** After each movement phase, one extra call to reflect on its results (counted in the decision's budget). */
    reflection: z.boolean().default(false),
  })
  .strict();

const pricingSchema = z
  .object({
    inputPerMTok: z.number().min(0).default(0),
    outputPerMTok: z.number().min(0).default(0),
  })
  .strict();

export const llmConfigSchema = z
  .object({
    name: z.string().min(1).optional(),
    provider: z.enum(['openai', 'anthropic']),
    /** The API root: `https://api.openai.com/v1`, `http://localhost:11434/v1`, `https://api.anthropic.com`. */
    baseUrl: z.url().optional(),
    apiKey: z.string().min(1).optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as OPENAI_API_KEY')
      .optional(),
    model: z.string().min(1),
    temperature: z.number().min(0).max(2).optional(),
    reasoningEffort: z.enum(['low', 'medium', 'high']).optional(),
    /** Completion tokens per request (the answer; Anthropic thinking budget comes on top). */
    maxTokens: z.number().int().positive().default(1024),
    /** OpenAI-compatible servers differ; the default is `max_completion_tokens` on api.openai.com, else `max_tokens`. */
    maxTokensParam: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
    stream: z.boolean().default(false),
    systemPrompt: z.string().optional(),
    /** `append` adds systemPrompt after Parley's game prompt; `replace` uses it instead. */
    systemPromptMode: z.enum(['append', 'replace']).default('append'),
    /** Extra HTTP headers (OpenRouter's `HTTP-Referer`, `X-Title`). */
    headers: z.record(z.string(), z.string()).optional(),
    budget: budgetSchema.default(() => budgetSchema.parse({})),
    pricing: pricingSchema.default(() => pricingSchema.parse({})),
    /** What a Diplomacy agent remembers between phases (memory/memory.ts). */
    memory: memorySchema.default(() => memorySchema.parse({})),
  })
  .strict()
  .refine((c) => !(c.apiKey && c.apiKeyEnv), { message: 'give apiKey or apiKeyEnv, not both', path: ['apiKey'] })
  .refine((c) => c.provider !== 'anthropic' || c.apiKey || c.apiKeyEnv, {
    message: 'anthropic needs apiKey or apiKeyEnv',
    path: ['apiKeyEnv'],
  });

export type LlmConfigFile = z.infer<typeof llmConfigSchema>;

/** A validated config with its key resolved and its defaults filled in. */
export interface LlmConfig extends Omit<LlmConfigFile, 'apiKey' | 'apiKeyEnv' | 'baseUrl'> {
  readonly name: string;
  readonly baseUrl: string;
  /** Undefined for keyless local servers. Never log or record it. */
  readonly apiKey: string | undefined;
}

export const DEFAULT_BASE_URL = { openai: 'https://api.openai.com/v1', anthropic: 'https://api.anthropic.com' } as const;

export type ConfigResult = { ok: true; config: LlmConfig } | { ok: false; error: { code: 'config/invalid'; message: string } };

/** Validates a parsed config object; `source` names it in errors (a file path). */
export function parseLlmConfig(raw: unknown, source = 'llm config', env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const fail = (message: string): ConfigResult => ({
    ok: false,
    error: { code: 'config/invalid', message: `${source}: ${message}` },
  });
  const parsed = llmConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  }
  const { apiKey, apiKeyEnv, baseUrl, ...rest } = parsed.data;
  let key = apiKey;
  if (apiKeyEnv) {
    key = env[apiKeyEnv];
    if (!key) return fail(`apiKeyEnv: environment variable ${apiKeyEnv} is not set`);
  }
  return {
    ok: true,
    config: {
      ...rest,
      name: rest.name ?? `llm:${rest.model}`,
      baseUrl: (baseUrl ?? DEFAULT_BASE_URL[rest.provider]).replace(/\/+$/, ''),
      apiKey: key,
    },
  };
}

/** Parses config text: JSON when the file ends in `.json` (or looks like JSON), YAML otherwise. */
export function parseLlmConfigText(text: string, source: string, env: NodeJS.ProcessEnv = process.env): ConfigResult {
  let raw: unknown;
  try {
    raw = source.endsWith('.json') || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, error: { code: 'config/invalid', message: `${source}: cannot parse: ${message}` } };
  }
  return parseLlmConfig(raw, source, env);
}

/**
 * Reads and validates a config file; throws an Error with a readable message (used by `llm:PATH`).
 * `PATH?key=value&…` overrides fields of the file, as budget sweeps write them: dotted keys reach
 * nested fields (`budget.tokens=8000`), and numbers and booleans are read as such.
 */
export function loadLlmConfig(spec: string, env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const q = spec.indexOf('?');
  const path = q < 0 ? spec : spec.slice(0, q);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path}: cannot read the LLM agent config`);
  }
  let result = parseLlmConfigText(text, path, env);
  if (result.ok && q >= 0) {
    const raw = path.endsWith('.json') || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
    let overridden: unknown;
    try {
      overridden = applyOverrides(raw, new URLSearchParams(spec.slice(q + 1)));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    result = parseLlmConfig(overridden, spec, env);
  }
  if (!result.ok) throw new Error(result.error.message);
  return result.config;
}

/** USD for a request, from the config's per-million-token prices. */
export function costUsd(config: Pick<LlmConfig, 'pricing'>, tokensIn: number, tokensOut: number): number {
  return (tokensIn * config.pricing.inputPerMTok + tokensOut * config.pricing.outputPerMTok) / 1_000_000;
}
