import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLlmConfig } from './llm/config';
import { applyOverrides, isSafeOverrideKey } from './overrides';

describe('overrides', () => {
  it('build objects without a prototype and reach nested fields', () => {
    const out = applyOverrides({ budget: { tokens: 1 } }, [
      ['budget.tokens', '8000'],
      ['stream', 'true'],
    ]);
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.getPrototypeOf(out.budget)).toBeNull();
    expect({ ...out, budget: { ...(out.budget as object) } }).toEqual({ budget: { tokens: 8000 }, stream: true });
  });

  it('refuse __proto__, constructor and prototype anywhere in a key, and pollute nothing', () => {
    for (const key of ['__proto__.polluted', 'constructor.prototype.polluted', 'a.prototype', '__proto__', 'a..b', ''])
      expect(() => applyOverrides({}, [[key, '1']]), key).toThrow(/not allowed/);
    expect(() => applyOverrides(JSON.parse('{"__proto__": {"polluted": 1}}'), [])).toThrow(/not allowed/);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(isSafeOverrideKey('budget.tokens')).toBe(true);
  });

  it('refuse a polluting llm:PATH?__proto__ spec without touching Object.prototype', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-ovr-')), 'c.yaml');
    writeFileSync(path, 'provider: openai\nmodel: m\n');
    expect(() => loadLlmConfig(`${path}?__proto__.polluted=1`, {})).toThrow(/not allowed/);
    expect(() => loadLlmConfig(`${path}?constructor.prototype.polluted=1`, {})).toThrow(/not allowed/);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(loadLlmConfig(`${path}?maxTokens=99`, {}).maxTokens).toBe(99);
  });
});
