import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CHILD_ENV, planProcesses, publicAddress } from './processes';

const shared = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgresql://parley@127.0.0.1/parley' };

describe('parley start --processes', () => {
  it('runs one process per core by default when rooms and records can be shared, else one', () => {
    expect(planProcesses(undefined, shared)).toEqual({ ok: true, count: availableParallelism() });
    expect(planProcesses(undefined, { REDIS_URL: shared.REDIS_URL })).toEqual({ ok: true, count: 1 });
    expect(planProcesses(undefined, { DATABASE_URL: shared.DATABASE_URL })).toEqual({ ok: true, count: 1 });
    expect(planProcesses(undefined, {})).toEqual({ ok: true, count: 1 });
  });

  it('takes the count asked for, and refuses several processes on the embedded database or without Redis', () => {
    expect(planProcesses('3', shared)).toEqual({ ok: true, count: 3 });
    expect(planProcesses('1', {})).toEqual({ ok: true, count: 1 });
    const refused = planProcesses('2', { REDIS_URL: shared.REDIS_URL });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/DATABASE_URL/);
    for (const bad of ['0', '-1', '1.5', 'many', '1000']) expect(planProcesses(bad, shared).ok).toBe(false);
  });

  it('starts no further processes from a child process', () => {
    expect(planProcesses('4', { ...shared, [CHILD_ENV]: '1' })).toEqual({ ok: true, count: 1 });
  });

  it('gives each process the public host with its own port', () => {
    expect(publicAddress({}, 2568)).toBe('127.0.0.1:2568');
    expect(publicAddress({ PARLEY_PUBLIC_ADDRESS: 'arena.example:2567' }, 2569)).toBe('arena.example:2569');
  });
});
