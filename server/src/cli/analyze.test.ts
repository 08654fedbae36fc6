import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioRecord } from '../analyzer/diplomacy/scenario';
import { run } from './analyze';

describe('parley analyze diplomacy', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON line per record, and an error line for anything else', async () => {
    const record = await scenarioRecord();
    const file = join(mkdtempSync(join(tmpdir(), 'parley-analyze-')), 'records.jsonl');
    writeFileSync(file, [JSON.stringify(record), '', JSON.stringify({ ...record, game: 'kuhn' }), '{oops'].join('\n'));
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    expect(await run(['diplomacy', file])).toBe(1);
    const out = lines
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.length).toBe(3);
    expect(out[0]).toMatchObject({ game: 'diplomacy', movementPhases: 2, betrayals: { events: [{ betrayer: 'austria' }] } });
    expect(out[1]).toMatchObject({ line: 3, error: expect.stringContaining('not a Diplomacy match record') });
    expect(out[2]).toMatchObject({ line: 4, error: expect.any(String) });
  });

  it('prints usage for anything but `diplomacy FILE`', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await run([])).toBe(2);
    expect(await run(['poker', 'x.jsonl'])).toBe(2);
    expect(await run(['--help'])).toBe(0);
  });
});
