/**
 * The `openskill` package, loaded on its first use rather than at start-up: with ramda, which it
 * depends on, it is some 370 files and about 0.45 s of CPU that every `parley start` would pay
 * before answering /api/health, while an arena rates nothing until its first match ends. Its
 * CommonJS build loads synchronously, so the rating functions stay synchronous. Every use in
 * the server goes through here, so the package is loaded once, in one form.
 */
import { createRequire } from 'node:module';

type OpenSkill = typeof import('openskill');

let library: OpenSkill | undefined;

export function openskill(): OpenSkill {
  library ??= createRequire(import.meta.url)('openskill') as OpenSkill;
  return library;
}
