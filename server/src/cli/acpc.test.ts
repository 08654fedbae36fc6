/**
 * `parley acpc`: the dealer prints its ports, plays the reference client against the call bot,
 * reports the result and writes a record that replays and PHH that replays hand by hand;
 * `gamedef` prints the definition the dealer reads back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Nlhe } from '@parley/games';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PlayResult, play, readGameDef } from '../../../examples/acpc-bot/bot';
import { replayRecord } from '../runtime/replay';
import { run } from './acpc';

afterEach(() => vi.restoreAllMocks());

describe('parley acpc', () => {
  it('deals a heads-up match to an ACPC client on the port it prints, and writes the record and PHH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-acpc-'));
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    expect(await run(['gamedef'])).toBe(0);
    const gameFile = join(dir, 'hunl.game');
    writeFileSync(gameFile, out.join(''));
    expect(out.join('')).toContain('blind = 100 50');
    const lines: string[] = [];
    let client: Promise<PlayResult> | undefined;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
      const m = /^seat 0: ACPC port (\d+)$/.exec(line);
      if (m) client = play({ host: '127.0.0.1', port: Number(m[1]), game: readGameDef(readFileSync(gameFile, 'utf8')) });
    });
    const record = join(dir, 'match.json');
    const phh = join(dir, 'match.phhs');
    const code = await run([
      'dealer',
      '--game',
      gameFile,
      '--seats',
      'acpc,call',
      '--hands',
      '20',
      '--out',
      record,
      '--phh',
      phh,
    ]);
    expect(code).toBe(0);
    expect((await client!).hands).toBe(20);
    expect(lines).toContainEqual(expect.stringMatching(/^seat 0 acpc:0: [+-]\d+ chips, 0 default actions$/));
    expect(replayRecord(JSON.parse(readFileSync(record, 'utf8')))).toMatchObject({ ok: true });
    const hands = Nlhe.parsePhhText(readFileSync(phh, 'utf8'));
    expect(hands).toHaveLength(20);
    for (const h of hands) expect('hand' in h && Nlhe.replayPhh(h.hand).ok).toBe(true);
  });

  it('refuses a game definition Parley does not play', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-acpc-'));
    writeFileSync(join(dir, 'limit.game'), 'GAMEDEF\nlimit\nnumPlayers = 2\nEND GAMEDEF\n');
    await expect(run(['dealer', '--game', join(dir, 'limit.game'), '--seats', 'acpc,call'])).rejects.toThrow(/nolimit/);
  });
});
