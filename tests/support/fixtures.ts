/**
 * The example report every test uses, and the optional real reports beside the repository.
 *
 * tests/fixtures/reports/annual-work-summary.md is our own 年度工作总结 in the style of the
 * seed report: a lead paragraph, five 一、 sections holding 4, 3, 4, 3 and 0 （一） subsections
 * as plain lines, 212 asterisk placeholders (counts, amounts, percents, a date, names).
 *
 * ../shared/ (the corpus of real reports) is not part of a clone. Tests over it are registered
 * only when it is there; otherwise one line says so. `.ci/run` requires it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLE_PATH = join(ROOT, 'tests/fixtures/reports/annual-work-summary.md');
export const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');
/** Placeholders in the example report. */
export const EXAMPLE_PLACEHOLDERS = 212;

/** ../shared/ beside the repository, where the corpus of real reports lives. */
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');

/**
 * True when ../shared/<sub> exists. When it does not, prints one line naming what is left out
 * (so a clone with nothing beside it tests green, and says why it tested less).
 */
export function sharedAvailable(sub: string, what: string): boolean {
  if (existsSync(join(SHARED, sub))) return true;
  console.log(`${what}: not run, ../shared/${sub} is not beside this clone`);
  return false;
}
