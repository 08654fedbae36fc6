/**
 * The operator's agents file (YAML or JSON), read once at start: the LLM configurations the arena
 * offers, each with its daily USD cap, and the webhook allow-list for bot accounts.
 *
 * ```yaml
 * llm:
 *   - id: gpt-mini                       # the id API callers and the web use
 *     config: agents/openai.yaml          # an LLM config file, relative to this file
 *     dailyCapUsd: 5
 * webhooks:
 *   allow: [bots.example.com, "*.example.org", 203.0.113.0/24]
 *   allowPrivate: false                   # loopback, link-local and private ranges
 * ```
 *
 * Only the operator writes this file; errors name the file and the field, never a key's value.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createChatClient, llmAgent, loadLlmConfig } from '@parley/agents';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AGENT_ID, AgentRegistry } from './registry';
import { SpendLedger } from './spend';
import type { WebhookPolicy } from './webhook-target';

const fileSchema = z
  .object({
    llm: z
      .array(
        z
          .object({
            id: z.string().regex(AGENT_ID, 'letters, digits, . _ - (and one /)'),
            config: z.string().min(1),
            dailyCapUsd: z.number().min(0).max(1_000_000),
            description: z.string().max(200).optional(),
          })
          .strict(),
      )
      .default([]),
    webhooks: z
      .object({ allow: z.array(z.string().min(1).max(200)).default([]), allowPrivate: z.boolean().default(false) })
      .strict()
      .default({ allow: [], allowPrivate: false }),
  })
  .strict();

export interface OperatorAgents {
  registry: AgentRegistry;
  /** One line per LLM entry that could not be loaded (a missing key, say); the rest still load. */
  warnings: string[];
}

export interface LoadOptions {
  /** The operator's agents file; none gives the built-ins only. */
  file?: string;
  /** Where the spend ledger keeps its sums (a JSON file). */
  ledgerFile?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Overrides the file's webhook policy (tests; `npm start` on a laptop). */
  webhooks?: WebhookPolicy;
}

export function loadOperatorAgents(options: LoadOptions = {}): OperatorAgents {
  const ledger = new SpendLedger({ file: options.ledgerFile, now: options.now });
  const warnings: string[] = [];
  if (!options.file) return { registry: new AgentRegistry({ ledger, webhooks: options.webhooks }), warnings };
  const source = options.file;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(source, 'utf8'));
  } catch {
    throw new Error(`${source}: cannot read or parse the agents file`);
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  const registry = new AgentRegistry({ ledger, webhooks: options.webhooks ?? parsed.data.webhooks });
  for (const entry of parsed.data.llm) {
    const path = resolve(dirname(source), entry.config);
    try {
      const config = loadLlmConfig(path, options.env);
      registry.addLlm({
        id: entry.id,
        description: entry.description ?? `${config.provider} ${config.model}`,
        dailyCapUsd: entry.dailyCapUsd,
        create: (gameId) => llmAgent({ ...config, name: entry.id }, gameId),
        judge: () => ({ config, client: createChatClient(config) }),
      });
    } catch (error) {
      warnings.push(`agents file: ${entry.id} not offered: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { registry, warnings };
}
