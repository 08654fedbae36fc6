/**
 * Engines own their text (issue #14): an action, chance line, history line or phase code is
 * written and read by its game's functions in `games/` (`Nlhe.raiseAction`, `parseDeal`,
 * `Nlhe.parseHistoryLine`, `Diplomacy.formatPhaseCode`, a game's `chanceText`), never by a
 * template or a regex of its own elsewhere: a second copy of a grammar drifts from the engine.
 * This scans the other workspaces' production sources for the known shapes of those grammars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['server/src', 'agents/src', 'web/lib', 'web/components', 'web/app'];
const SKIP_DIRS = new Set(['node_modules', '.next', 'generated', 'testing', 'dist']);
const isTest = (name: string) => /\.test\.tsx?$/.test(name) || name.startsWith('test-') || name === 'testing.ts';

/** Each grammar's hand-made shapes, with a line that has the shape (so no pattern is vacuous). */
const GRAMMARS: readonly { name: string; pattern: RegExp; example: string }[] = [
  { name: 'a deal built by hand', pattern: /`deal \$\{/, example: 'const a = `deal ${seat} ${card}`;' },
  { name: 'a deal parsed by hand', pattern: /\/\^?deal[ (\\]/, example: 'const m = /^deal (\\d+) (\\S+)$/.exec(line);' },
  {
    name: 'a deal matched by prefix',
    pattern: /(?:startsWith|===)\s*\(?\s*'deal /,
    example: "if (line.startsWith('deal board')) n++;",
  },
  { name: 'a raise built by hand', pattern: /`raise \$\{[^}]+\}`/, example: 'return `raise ${to}`;' },
  { name: 'a raise parsed by hand', pattern: /\/\^?raise[ (\\]/, example: 'const to = /^raise (\\d+)$/.exec(action);' },
  { name: 'a history line parsed by hand', pattern: /\/\^\(\\d\+\): /, example: 'const m = /^(\\d+): (.*)$/.exec(entry);' },
  {
    name: 'a phase code built by hand',
    pattern: /`\$\{[^`]*\}\$\{[^`}]*year[^`}]*\}\$\{[^`]*\}`|`[SFW]\$\{[^}]*year[^}]*\}[MRA]`/,
    example: 'const code = `${p.season[0]}${p.year}${p.type[0]}`;',
  },
  {
    name: 'a phase code parsed by hand',
    pattern: /\/\^?\[(?:SFW|A-Z)\]\(\\d\{4\}\)\[(?:MRA|A-Z)\]/,
    example: 'const m = /^[A-Z](\\d{4})[A-Z]$/.exec(phase);',
  },
  {
    name: 'a phase read by its last letter',
    pattern: /(?:turnKey|phase)\??\.at\(-1\)/,
    example: 'const kind = turnKey?.at(-1);',
  },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.') && !entry.name.startsWith('__'))
        out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !isTest(entry.name)) out.push(path);
  }
  return out;
}

describe('game grammars outside games/', () => {
  it('every pattern finds the shape it names', () => {
    for (const g of GRAMMARS) expect(g.pattern.test(g.example), g.name).toBe(true);
  });

  it('no production source outside games/ builds or parses a phase code, action or chance line by hand', () => {
    const files = SOURCES.flatMap((s) => sourceFiles(join(ROOT, s)));
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, k) => {
          for (const g of GRAMMARS) if (g.pattern.test(line)) offenders.push(`${relative(ROOT, file)}:${k + 1}: ${g.name}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
