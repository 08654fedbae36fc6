import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { fixedSchedule } from './schedule';
import { fingerprint, loadTournamentFile, resolveSpec, withOverrides } from './spec';

const examples = fileURLToPath(new URL('../../../examples/tournaments/', import.meta.url));
const base = { name: 't', game: 'kuhn', participants: ['random', 'call'], format: { type: 'round-robin' } };

describe('tournament files', () => {
  it('fills defaults and reads the seats from the game', () => {
    const spec = resolveSpec(base);
    expect(spec).toMatchObject({ seats: 2, seed: 1, rotateSeats: true, duplicate: false, deadlineMs: 30_000, concurrency: 1 });
    expect(spec.format).toEqual({ type: 'round-robin', rounds: 1 });
    expect(spec.participants).toEqual([
      { name: 'random', agent: 'random', base: 'random' },
      { name: 'call', agent: 'call', base: 'call' },
    ]);
    expect(spec.ratings).toMatchObject({ provisionalBelow: 30, bootstrap: 1000, poker: { bigBlind: 1, handsPerMatch: 1 } });
  });

  it('expands budget sweeps into distinct participants carrying their overrides', () => {
    const spec = resolveSpec({
      ...base,
      participants: [
        {
          name: 'm',
          agent: 'llm:cfg.yaml',
          overrides: { temperature: 0 },
          sweep: { reasoningEffort: ['low', 'high'], maxTokens: [512, 4096] },
        },
        { agent: 'llm:cfg.yaml', name: 'n', sweep: [{ 'budget.tokens': 1000 }, { 'budget.tokens': 8000 }] },
        'call',
      ],
      format: { type: 'gauntlet', challengers: ['m', 'n'] },
    });
    const names = spec.participants.map((p) => p.name);
    expect(names).toEqual([
      'm@reasoningEffort=low,maxTokens=512',
      'm@reasoningEffort=low,maxTokens=4096',
      'm@reasoningEffort=high,maxTokens=512',
      'm@reasoningEffort=high,maxTokens=4096',
      'n@budget.tokens=1000',
      'n@budget.tokens=8000',
      'call',
    ]);
    expect(spec.participants[1]).toEqual({
      name: 'm@reasoningEffort=low,maxTokens=4096',
      agent: 'llm:cfg.yaml?temperature=0&reasoningEffort=low&maxTokens=4096',
      base: 'llm:cfg.yaml',
      overrides: { temperature: 0, reasoningEffort: 'low', maxTokens: 4096 },
      sweep: { group: 'm', index: 1, label: 'reasoningEffort=low,maxTokens=4096' },
    });
    // A sweep's name in a gauntlet stands for all of its settings.
    expect(spec.format).toMatchObject({ challengers: names.slice(0, 6), field: ['call'] });
    expect(withOverrides('random', { x: 1 })).toBe('random:?x=1');
    expect(withOverrides('llm:a.yaml?x=1', { y: true })).toBe('llm:a.yaml?x=1&y=true');
  });

  it('explains what is wrong, naming the field', () => {
    const bad = (raw: unknown) => () => resolveSpec(raw, 'bad.yaml');
    expect(bad({ ...base, format: { type: 'round-robin', rounds: 0 } })).toThrow(/^bad\.yaml: format\.rounds: /);
    expect(bad({ ...base, format: { type: 'knockout' } })).toThrow(/bad\.yaml: format\.type/);
    expect(bad({ ...base, game: 'chess' })).toThrow("bad.yaml: game: unknown game 'chess'");
    expect(bad({ ...base, params: { players: 3 } })).toThrow(/bad\.yaml: params: players/);
    expect(bad({ ...base, participants: ['random', 'random'] })).toThrow("two participants are named 'random'");
    expect(bad({ ...base, participants: ['random', 'nobody'] })).toThrow("participants.1.agent: unknown agent kind 'nobody'");
    expect(bad({ ...base, participants: ['random'] })).toThrow('at least two participants');
    expect(bad({ ...base, surprise: 1 })).toThrow(/surprise/);
    expect(bad({ ...base, format: { type: 'gauntlet', challengers: ['ghost'] } })).toThrow(
      "format.challengers.0: no participant or sweep is named 'ghost'",
    );
    expect(bad({ ...base, format: { type: 'gauntlet', challengers: ['random', 'call'] } })).toThrow('no field');
    expect(bad({ ...base, duplicate: true, rotateSeats: false })).toThrow('duplicate play needs rotateSeats');
    expect(bad({ ...base, duplicate: true, format: { type: 'swiss', rounds: 2, gamesPerPairing: 3 } })).toThrow('even number');
    expect(bad({ ...base, participants: [{ name: 'a|b', agent: 'random' }, 'call'] })).toThrow(/must not contain \|/);
  });

  it('reads the big blind and hands per match from nlhe parameters, and allows duplicate in every format', () => {
    const nlhe = (params: object, extra: object = {}) => resolveSpec({ ...base, game: 'nlhe', params, ...extra });
    expect(nlhe({ players: 2, blinds: [1, 2] }).ratings.poker).toEqual({ bigBlind: 2, handsPerMatch: 1 });
    expect(nlhe({ players: 6, format: 'cash', hands: 20 }).ratings.poker).toEqual({ bigBlind: 100, handsPerMatch: 20 });
    expect(nlhe({ players: 6, format: 'sng' }).ratings.poker).toBeNull();
    expect(nlhe({ players: 2 }, { duplicate: true }).duplicate).toBe(true);
    expect(nlhe({ players: 2, format: 'cash', hands: 10 }, { duplicate: true }).duplicate).toBe(true);
  });

  it('fingerprints what decides the matches, not names or rating options', () => {
    const a = resolveSpec(base);
    expect(fingerprint(resolveSpec({ ...base, name: 'other', ratings: { bootstrap: 10 } }))).toBe(fingerprint(a));
    expect(fingerprint(resolveSpec({ ...base, seed: 2 }))).not.toBe(fingerprint(a));
    expect(fingerprint(resolveSpec({ ...base, participants: ['call', 'random'] }))).not.toBe(fingerprint(a));
  });

  it('loads YAML and JSON files, naming the tournament after the file when unnamed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-spec-'));
    writeFileSync(join(dir, 'cup.json'), JSON.stringify({ ...base, name: undefined }));
    expect(loadTournamentFile(join(dir, 'cup.json')).name).toBe('cup');
    writeFileSync(join(dir, 'broken.yaml'), 'game: [kuhn');
    expect(() => loadTournamentFile(join(dir, 'broken.yaml'))).toThrow(/broken\.yaml: cannot parse/);
    expect(() => loadTournamentFile(join(dir, 'missing.yaml'))).toThrow(/cannot read/);
  });

  it('accepts the example files', () => {
    const kuhn = loadTournamentFile(join(examples, 'kuhn-bots.yaml'));
    expect(kuhn.participants.map((p) => p.name)).toEqual(['random', 'call', 'equilibrium', 'cfr-policy']);
    expect(fixedSchedule(kuhn)).toHaveLength(6 * 2 * 500);
    expect(loadTournamentFile(join(examples, 'leduc-bots.yaml')).duplicate).toBe(true);
    expect(loadTournamentFile(join(examples, 'diplomacy-bots.yaml')).seats).toBe(7);
    if (findGame('nlhe')) {
      expect(loadTournamentFile(join(examples, 'nlhe-bots.yaml')).ratings.poker).toEqual({ bigBlind: 100, handsPerMatch: 1 });
      expect(loadTournamentFile(join(examples, 'nlhe-6max.yaml')).seats).toBe(6);
    }
    const sweep = loadTournamentFile(join(examples, 'budget-sweep.yaml'));
    expect(sweep.participants.filter((p) => p.sweep).map((p) => p.agent)).toEqual([
      'llm:examples/agents/openai.yaml?reasoningEffort=low',
      'llm:examples/agents/openai.yaml?reasoningEffort=medium',
      'llm:examples/agents/openai.yaml?reasoningEffort=high',
      'llm:examples/agents/openai.yaml?maxTokens=512&budget.tokens=4000',
      'llm:examples/agents/openai.yaml?maxTokens=4096&budget.tokens=32000',
    ]);
    expect(fixedSchedule(sweep)).toHaveLength(5 * 2 * 2 * 50);
  });
});
