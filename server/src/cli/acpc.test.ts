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

/** Heads-up no-limit as `parley acpc gamedef` prints it (the dealer's default game). */
const HUNL_GAME = [
  'GAMEDEF',
  'nolimit',
  'numPlayers = 2',
  'numRounds = 4',
  'stack = 20000 20000',
  'blind = 100 50',
  'firstPlayer = 2 1 1 1',
  'numSuits = 4',
  'numRanks = 13',
  'numHoleCards = 2',
  'numBoardCards = 0 3 1 1',
  'END GAMEDEF',
  '',
].join('\n');

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

  it('plays a duplicate match, the players swapped on the same deals, and logs STATE lines as the ACPC dealer does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-acpc-'));
    const clients: Promise<PlayResult>[] = [];
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
      const m = /^seat \d: ACPC port (\d+)$/.exec(line);
      if (m) clients.push(play({ host: '127.0.0.1', port: Number(m[1]), game: readGameDef(HUNL_GAME) }));
    });
    const log = join(dir, 'match.log');
    const args = ['dealer', '--seats', 'acpc,call', '--hands', '6', '--duplicate', '--names', 'bot,caller', '--log', log];
    expect(await run(args)).toBe(0);
    expect((await Promise.all(clients)).map((c) => c.hands)).toEqual([6, 6]); // one connection per match
    expect(lines).toContain('match 2 of 2: seats caller, bot');
    const states = readFileSync(log, 'utf8').trim().split('\n');
    expect(states).toHaveLength(12);
    const fields = states.map((l) => l.split(':'));
    for (const [tag, hand, , cards, net, names] of fields) {
      expect(tag).toBe('STATE');
      expect(Number(hand)).toBeGreaterThanOrEqual(0);
      expect(cards).toMatch(/^\w{4}\|\w{4}(\/\w+)*$/); // every hole card, in the log
      expect(net!.split('|').reduce((a, b) => a + Number(b), 0)).toBe(0);
      expect(names!.split('|').sort()).toEqual(['bot', 'caller']);
    }
    // The same deal, hand by hand, with the names the other way round.
    for (let k = 0; k < 6; k++) {
      expect(fields[k + 6]![1]).toBe(fields[k]![1]);
      expect(fields[k + 6]![3]).toBe(fields[k]![3]);
      expect(fields[k + 6]![5]).toBe(fields[k]![5]!.split('|').reverse().join('|'));
    }
    const [bot, caller] = ['bot', 'caller'].map((n) => Number(lines.find((l) => l.startsWith(`${n}: `))!.split(' ')[1]));
    expect(bot! + caller!).toBe(0);
  });

  it('refuses a game definition Parley does not play', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-acpc-'));
    writeFileSync(join(dir, 'limit.game'), 'GAMEDEF\nlimit\nnumPlayers = 2\nEND GAMEDEF\n');
    await expect(run(['dealer', '--game', join(dir, 'limit.game'), '--seats', 'acpc,call'])).rejects.toThrow(/nolimit/);
  });
});
