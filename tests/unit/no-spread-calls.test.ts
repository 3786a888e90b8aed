/**
 * Issue 11: an unbounded array spread into a call (`Math.max(...rows)`, `list.push(...items)`)
 * overflows the stack at about 120,000 elements, so a report with 150,000 findings crashed
 * report-lint's text output. The sources may spread into these calls only where the line says
 * why the array is small (`// bounded: …`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SPREAD_CALL = /(?:\.push|\.unshift|Math\.max|Math\.min|String\.fromCharCode|String\.fromCodePoint|\.splice)\((?:[^(){}\[\]]*,\s*)?\.\.\./;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel)); // bounded: the folders of the project
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

test('the detector finds a spread into a call and accepts a loop', () => {
  assert.ok(SPREAD_CALL.test('const w = Math.max(0, ...rows.map((r) => r.length));'));
  assert.ok(SPREAD_CALL.test('out.push(...items);'));
  assert.ok(!SPREAD_CALL.test('for (const item of items) out.push(item);'));
  assert.ok(!SPREAD_CALL.test("out.push({ code: 'x', ...(extra ? { a: 1 } : {}) });"), 'an object spread is not a call spread');
});

test('no unbounded array is spread into a call in the shipped sources', () => {
  const found: string[] = [];
  for (const file of ['server/src', 'client/src', 'shared', 'webview/src'].flatMap(sources)) {
    readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
      if (SPREAD_CALL.test(code) && !line.includes('// bounded:')) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, [], 'spread into a call (loop instead, or say `// bounded: why`)');
});
