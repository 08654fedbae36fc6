/**
 * The template a new embedded database is copied from: used only when it fits the checkout's
 * migrations, and copied whole or not at all. The stamps here are made by hand; that a copy of
 * the build's template opens migrated is what every PGlite store test relies on.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Migration } from './migrate';
import { copyTemplateDatabase, pgliteVersion, templateFit } from './template-database';

const m = (name: string, checksum = `sum-${name}`): Migration => ({ name, sql: '', checksum });
let root: string;
let template: string;

/** A stand-in template directory (a PG_VERSION file and one data file) with its stamp. */
function makeTemplate(held: readonly Migration[], pglite = pgliteVersion()): void {
  mkdirSync(join(template, 'base'), { recursive: true });
  writeFileSync(join(template, 'PG_VERSION'), '17\n');
  writeFileSync(join(template, 'base', 'data'), 'rows');
  const migrations = Object.fromEntries(held.map((x) => [x.name, x.checksum]));
  writeFileSync(`${template}.json`, JSON.stringify({ pglite, migrations }));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parley-template-test-'));
  template = join(root, 'template');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('fits exactly, partly (newer migrations in the checkout), or not at all', () => {
  expect(templateFit([m('a')], template)).toBe(false); // no template
  makeTemplate([m('a'), m('b')]);
  expect(templateFit([m('a'), m('b')], template)).toBe('exact');
  expect(templateFit([m('a'), m('b'), m('c')], template)).toBe('partial');
  expect(templateFit([m('a'), m('b', 'edited')], template)).toBe(false); // a changed migration
  expect(templateFit([m('a')], template)).toBe(false); // a migration the checkout no longer has
});

it('is not used when another PGlite version made it, or its stamp is unreadable', () => {
  makeTemplate([m('a')], '0.0.0-other');
  expect(templateFit([m('a')], template)).toBe(false);
  writeFileSync(`${template}.json`, '{not json');
  expect(templateFit([m('a')], template)).toBe(false);
});

it('copies the whole directory when it fits, and nothing when it does not', async () => {
  makeTemplate([m('a')]);
  const fresh = join(root, 'db');
  expect(await copyTemplateDatabase(fresh, [m('a'), m('b')], template)).toBe(true);
  expect(readFileSync(join(fresh, 'base', 'data'), 'utf8')).toBe('rows');
  const refused = join(root, 'db2');
  expect(await copyTemplateDatabase(refused, [m('a', 'edited')], template)).toBe(false);
  expect(existsSync(refused)).toBe(false);
});

it('never copies over an existing directory', async () => {
  makeTemplate([m('a')]);
  const taken = join(root, 'db');
  mkdirSync(join(taken, 'base'), { recursive: true });
  writeFileSync(join(taken, 'base', 'data'), 'mine');
  expect(await copyTemplateDatabase(taken, [m('a')], template)).toBe(false);
  expect(readFileSync(join(taken, 'base', 'data'), 'utf8')).toBe('mine');
  const empty = join(root, 'empty');
  mkdirSync(empty);
  expect(await copyTemplateDatabase(empty, [m('a')], template)).toBe(true); // an empty folder is a new one
});
