/**
 * Agents by spec string, as CLI flags and tournament files name them: `random`, `call`, and
 * whatever later modules register (`heuristic`, `llm:PATH.yaml`, `http:URL`, …). A spec is
 * `kind` or `kind:argument`; the factory gets the argument and the game id.
 */
import type { Agent } from './agent';
import { callBot } from './bots/call';
import { diplomacyHeuristicBot } from './bots/diplomacy-heuristic';
import { tagBot } from './bots/nlhe-tag';
import { equilibriumBot, policyBot, readPolicyFile } from './bots/policy';
import { randomBot } from './bots/random';
import { httpAgent } from './http';
import { llmAgentFromFile } from './llm';

export type AgentFactory = (arg: string | undefined, gameId: string) => Agent;

const factories = new Map<string, AgentFactory>([
  ['random', () => randomBot()],
  ['call', () => callBot()],
  ['policy', (arg, gameId) => policyBot(readPolicyFile(requireArg(arg, 'policy:FILE.json')), gameId, `policy:${arg}`)],
  ['equilibrium', (_, gameId) => equilibriumBot(gameId)],
  ['heuristic', (_, gameId) => diplomacyHeuristicBot(gameId)],
  ['tag', (_, gameId) => tagBot(gameId)],
  ['llm', (arg, gameId) => llmAgentFromFile(requireArg(arg, 'llm:CONFIG.yaml'), gameId)],
  ['http', (arg, gameId) => httpAgent(requireArg(arg, 'http:URL'), gameId)],
]);

export function registerAgent(kind: string, factory: AgentFactory): void {
  factories.set(kind, factory);
}

export function agentKinds(): string[] {
  return [...factories.keys()].sort();
}

export function createAgent(spec: string, gameId: string): Agent {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? undefined : spec.slice(colon + 1);
  const factory = factories.get(kind);
  if (!factory) throw new Error(`unknown agent '${spec}' (known kinds: ${agentKinds().join(', ')})`);
  return factory(arg, gameId);
}

function requireArg(arg: string | undefined, form: string): string {
  if (!arg) throw new Error(`agent spec needs an argument: ${form}`);
  return arg;
}
