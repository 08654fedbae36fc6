/**
 * Test helpers: a scripted "model" that reads the legal actions from the prompt the way a model
 * would, and a config pointing at the fake provider. Used by the LLM agent's tests only.
 */
import { type LlmConfig, parseLlmConfig } from '../config';
import type { Scripted, SeenRequest } from './fake-provider';

/** The legal actions in the last user message (`Legal actions: a, b, c`). */
export function legalIn(request: SeenRequest): string[] {
  const lines = [...request.lastUser.matchAll(/^Legal actions: (.*)$/gm)];
  return (lines[lines.length - 1]?.[1] ?? '').split(', ').filter(Boolean);
}

/** A passive but sound player: check, else call (show at showdown), else the first legal action, after a little reasoning. */
export function passiveAnswer(request: SeenRequest): Scripted {
  const legal = legalIn(request);
  const action = ['check', 'call', 'pass', 'show'].find((a) => legal.includes(a)) ?? legal[0] ?? 'none';
  return { text: `I will keep it simple.\n{"action": "${action}"}` };
}

export const TEST_KEY = 'sk-parley-test-DO-NOT-LEAK-0123456789';

export function testConfig(url: string, over: Record<string, unknown> = {}): LlmConfig {
  const r = parseLlmConfig({
    provider: 'openai',
    model: 'scripted-model',
    baseUrl: url,
    apiKey: TEST_KEY,
    pricing: { inputPerMTok: 3, outputPerMTok: 15 },
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

/** Legal orders per unit from a Diplomacy prompt (`  A PAR: A PAR - BUR | A PAR H`). */
export function legalOrdersIn(request: SeenRequest): Map<string, string[]> {
  const text = request.lastUser;
  const start = text.lastIndexOf('Legal orders, per unit:');
  const groups = new Map<string, string[]>();
  if (start < 0) return groups;
  for (const line of text.slice(start).split('\n').slice(1)) {
    const m = /^ {2}([^:]+): (.*)$/.exec(line);
    if (m?.[1] && m[2]) groups.set(m[1], m[2].split(' | '));
  }
  return groups;
}

/**
 * A scripted Diplomacy player: in press rounds it writes one public message with a commitment;
 * for orders it moves each unit by its first move order (holding where it has none), waives
 * builds and disbands what it must, and writes a diary line naming the phase.
 */
export function diplomacyAnswer(request: SeenRequest): Scripted {
  const system = request.dialect === 'anthropic' ? String(request.body.system) : String(request.body.messages[0]?.content);
  const me = /You are ([A-Z]+)\./.exec(system)?.[1] ?? '?';
  const phases = [...request.prompt.matchAll(/Phase: [^(]*\((\w+)\)/g)];
  const phase = phases[phases.length - 1]?.[1] ?? '?';
  if (request.lastUser.includes('Consolidate your notes')) {
    const years = [...request.lastUser.matchAll(/\[([A-Z]\d{4}[A-Z])\]/g)].map((m) => m[1]);
    return { text: JSON.stringify({ summary: `${me} summary of ${years.length} notes: peace offered, units advanced.` }) };
  }
  if (request.lastUser.includes('Reflect on them before you act')) {
    return {
      text: JSON.stringify({
        diary: `${phase}: reflected.`,
        goals: ['keep home centres'],
        relationships: { TURKEY: 'unfriendly' },
      }),
    };
  }
  if (system.includes('press round')) {
    return {
      text: JSON.stringify({
        messages: [{ to: 'all', text: `${me} wants peace in ${phase}.`, commitments: [{ kind: 'no-attack', target: 'TURKEY' }] }],
        diary: `${phase}: offered peace to all.`,
      }),
    };
  }
  const counts = [...request.prompt.matchAll(/You have (\d+) order\(s\) to give/g)];
  const count = Number(counts[counts.length - 1]?.[1] ?? 0);
  const orders: string[] = [];
  for (const [unit, list] of legalOrdersIn(request)) {
    if (unit === 'Draw') continue;
    if (unit === 'Builds') orders.push(...Array.from({ length: count }, () => 'WAIVE'));
    else orders.push(list.find((o) => / - [A-Z/]+$/.test(o)) ?? list.find((o) => / [HD]$/.test(o)) ?? (list[0] as string));
  }
  return {
    text: `Plan: advance.\n${JSON.stringify({
      orders: orders.slice(0, count),
      diary: `${phase}: ordered ${orders.length}.`,
      goals: ['take a neutral centre'],
      relationships: { ENGLAND: 'friendly', NOWHERE: 'ally' },
    })}`,
  };
}
