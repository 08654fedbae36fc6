/**
 * `parley export`: a No-Limit Hold'em cash game played by the runtime exports from a record
 * file and from the database (PGlite) as the same record (json) and as PHH whose every hand the
 * engine's PHH replay takes back to the stacks the game reached; bad arguments get exit code 2,
 * missing matches and broken files exit code 1 with a message.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBot } from '@parley/agents';
import { getGame, Nlhe } from '@parley/games';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { eventsOf, openDatabase, PrismaStore } from '../store';
import { freshPgliteDir } from '../store/testing/support';
import { run } from './export';

async function exportCli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const code = await run(argv, env);
  vi.restoreAllMocks();
  return { code, out: out.join(''), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

const params = { players: 3, format: 'cash', hands: 12, startingStack: 1_000, blinds: [5, 10], rebuy: true };

async function play(seed: number): Promise<MatchRecord> {
  const game = getGame('nlhe');
  const parsed = game.descriptor.parseParams(params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { record } = await runMatch({ game, params: parsed.params, seed, agents: [randomBot(), randomBot(), randomBot()] });
  return record;
}

/** Every hand of a PHHS text replays through the engine to the finishing stacks the match reached. */
function checkPhh(text: string, record: MatchRecord): void {
  const replayed = replayRecord(record);
  if (!replayed.ok) throw new Error(replayed.error);
  const past = (replayed.state as Nlhe.NlheState).past;
  const entries = Nlhe.parsePhhText(text);
  expect(entries).toHaveLength(12);
  expect(entries).toHaveLength(past.length);
  entries.forEach((entry, i) => {
    if ('error' in entry) throw new Error(entry.error);
    const replay = Nlhe.replayPhh(entry.hand);
    if (!replay.ok) throw new Error(replay.error);
    expect(replay.finishingStacks).toEqual(past[i]!.finishing);
    expect(entry.hand.finishing_stacks).toEqual(past[i]!.finishing);
  });
}

describe('parley export', () => {
  it('exports a record file as its record (json) and as PHH that replays', async () => {
    const record = await play(4);
    const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    const file = join(dir, 'game.json');
    writeFileSync(file, JSON.stringify(record));
    const json = await exportCli([file, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(record);
    const phh = await exportCli([file, '--format', 'phh', '--out', join(dir, 'game.phhs')]);
    expect(phh.code).toBe(0);
    checkPhh(readFileSync(join(dir, 'game.phhs'), 'utf8'), record);
  });

  it('picks one record of a JSONL file with --record, and refuses to guess', async () => {
    const [a, b] = [await play(5), await play(6)];
    const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    const file = join(dir, 'games.jsonl');
    writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const second = await exportCli([file, '--record', '2']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toEqual(b);
    const ambiguous = await exportCli([file]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toMatch(/holds 2 records: pick one with --record 1\.\.2/);
    const outside = await exportCli([file, '--record', '3']);
    expect(outside.code).toBe(1);
  });

  it('exports a stored match from the database by id', async () => {
    const record = await play(7);
    const folder = await freshPgliteDir();
    try {
      const store = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }));
      await store.createMatch({
        id: 'table-1',
        game: record.game,
        params: record.params,
        seed: record.seed,
        seats: record.seats.map((s) => ({ seat: s.seat, agent: { name: s.agent, kind: 'bot' } })),
      });
      const { events, modelCalls } = eventsOf(record, Date.UTC(2026, 0, 1));
      await store.appendEvents('table-1', events);
      await store.appendModelCalls('table-1', modelCalls);
      await store.finishMatch('table-1', { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
      await store.close();
      const env = { PARLEY_DATA_DIR: folder.root };
      const json = await exportCli(['table-1', '--format', 'json'], env);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toEqual(record);
      const phh = await exportCli(['table-1', '--format', 'phh'], env);
      expect(phh.code).toBe(0);
      checkPhh(phh.out, record);
      const missing = await exportCli(['table-2'], env);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/no match 'table-2'/);
    } finally {
      folder.remove();
    }
  });

  it('answers bad usage with exit code 2 and a broken file with exit code 1', async () => {
    expect((await exportCli([])).code).toBe(2);
    expect((await exportCli(['x', '--format', 'pgn'])).err).toMatch(/unknown format 'pgn'/);
    expect((await exportCli(['x', '--format', 'pgn'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    writeFileSync(join(dir, 'junk.jsonl'), '{"format":"other"}\nnot json\n');
    const junk = await exportCli([join(dir, 'junk.jsonl')]);
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/line 2 is not JSON/);
    writeFileSync(join(dir, 'other.json'), '{"format":"other"}');
    expect((await exportCli([join(dir, 'other.json')])).err).toMatch(/is not a Parley match record/);
  });
});
