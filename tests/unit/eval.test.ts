/**
 * The scorer of `npm run eval` (scripts/eval-score.ts) on small inline data, and the ground
 * truth files (tests/corpus/truth/*.json) against the corpus they describe.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonFile, JsonOutline } from '../../server/src/cli/format-json';
import { CORPUS, sharedAvailable } from '../support/fixtures';
import {
  failedTargets,
  foundHeadings,
  foundPlaceholders,
  matchHeadings,
  matchPlaceholders,
  overlaps,
  pool,
  precision,
  recall,
  scoreFile,
  type FileScore,
  type TruthFile,
} from '../../scripts/eval-score';

const range = (line: number, start = 0, end = 4, endLine = line) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

const node = (level: number, line: number, marker: string, children: JsonOutline[] = []): JsonOutline => ({
  level,
  marker,
  ordinal: null,
  title: `t${line}`,
  range: range(line),
  sectionRange: range(line),
  form: 'plain',
  placeholderCount: 0,
  children,
});

const ph = (line: number, start: number, end: number, text = 'xx', endLine = line) => ({
  text,
  kind: 'mask',
  form: 'x',
  range: range(line, start, end, endLine),
});

const diag = (code: string, severity: 'error' | 'warning' | 'information', line = 0) => ({
  code,
  severity,
  message: `${code} here`,
  range: range(line),
});

test('foundHeadings: 1-based lines of level-1/2 nodes in document order; annex nodes and level 3 are not headings', () => {
  const outline = [
    node(1, 9, '一、', [node(2, 11, '（一）', [node(3, 12, '1.')])]),
    node(0, 30, '附件1', [node(1, 32, '一、', [node(2, 33, '（一）')])]),
  ];
  assert.deepEqual(
    foundHeadings({ outline }).map((h) => [h.line, h.level, h.marker, h.title]),
    [
      [10, 1, '一、', 't9'],
      [12, 2, '（一）', 't11'],
      [33, 1, '一、', 't32'],
      [34, 2, '（一）', 't33'],
    ],
  );
});

test('matchHeadings: same line and same level, one-to-one; a wrong level is a miss and an extra', () => {
  const truth = [
    { line: 10, level: 1 as const, marker: '一、' },
    { line: 12, level: 2 as const, marker: '（一）' },
    { line: 20, level: 1 as const, marker: '二、' },
  ];
  const found = [
    { line: 10, level: 1, marker: '一、', title: 'a' },
    { line: 12, level: 1, marker: '（一）', title: 'b' },
    { line: 15, level: 1, marker: '', title: 'c' },
  ];
  const l1 = matchHeadings(truth, found, 1);
  assert.deepEqual(l1.tally, { matched: 1, found: 3, expected: 2 });
  assert.deepEqual(l1.missed.map((h) => h.line), [20]);
  assert.deepEqual(l1.extra.map((h) => h.line), [12, 15]);
  const l2 = matchHeadings(truth, found, 2);
  assert.deepEqual(l2.tally, { matched: 0, found: 0, expected: 1 });
  assert.deepEqual(l2.missed.map((h) => h.line), [12]);
});

test('overlaps: half-open spans; touching spans do not overlap; an empty found span inside or at an edge does', () => {
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 6, end: 9 }), true);
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 7, end: 9 }), false);
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 0, end: 3 }), false);
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 0, end: 20 }), true);
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 7, end: 7 }), true);
  assert.equal(overlaps({ start: 3, end: 7 }, { start: 8, end: 8 }), false);
});

test('matchPlaceholders: same line and overlapping span, one-to-one; a second overlapping finding is an extra', () => {
  const truth = [
    { line: 5, start: 3, end: 7, text: 'xxxx' },
    { line: 5, start: 10, end: 12, text: 'xx' },
    { line: 6, start: 0, end: 3, text: '***' },
  ];
  const found = [
    { line: 5, start: 2, end: 5, text: 'Pxx' }, // overlaps truth 1
    { line: 5, start: 5, end: 8, text: 'xx年' }, // also overlaps truth 1 only: extra
    { line: 5, start: 12, end: 14, text: '%%' }, // touches truth 2 without overlap: extra
    { line: 7, start: 0, end: 3, text: '***' }, // right span, wrong line: extra
  ];
  const m = matchPlaceholders(truth, found);
  assert.deepEqual(m.tally, { matched: 1, found: 4, expected: 3 });
  assert.deepEqual(m.missed.map((p) => p.text), ['xx', '***']);
  assert.deepEqual(m.extra.map((p) => p.text), ['xx年', '%%', '***']);
});

test('matchPlaceholders: the finding with the larger overlap is taken, so a neighbour can still match', () => {
  const truth = [
    { line: 1, start: 0, end: 4, text: 'XXXX' },
    { line: 1, start: 4, end: 6, text: 'XX' },
  ];
  const found = [
    { line: 1, start: 3, end: 6, text: 'XXX' }, // 1 char of the first, 2 of the second
    { line: 1, start: 0, end: 3, text: 'XXX' }, // 3 chars of the first
  ];
  const m = matchPlaceholders(truth, found);
  assert.deepEqual(m.tally, { matched: 2, found: 2, expected: 2 });
});

test('matchPlaceholders: a blank field matches any finding on its line, but never one a spanned value needs', () => {
  const truth = [
    { line: 3, start: 0, end: 4, text: '项目名称', blank: true },
    { line: 3, start: 10, end: 12, text: 'XX' },
    { line: 4, start: 0, end: 3, text: '负责人', blank: true },
  ];
  const found = [
    { line: 3, start: 10, end: 12, text: 'XX' },
    { line: 4, start: 20, end: 20, text: '' },
  ];
  const m = matchPlaceholders(truth, found);
  assert.deepEqual(m.tally, { matched: 2, found: 2, expected: 3 });
  assert.deepEqual(m.missed.map((p) => [p.line, p.text]), [[3, '项目名称']]);
  assert.deepEqual(m.extra, []);
});

test('foundPlaceholders: 1-based line; a span running onto the next line is cut at its first line end', () => {
  const got = foundPlaceholders({ placeholders: [ph(4, 2, 1, '[a\nb]', 5), ph(0, 1, 3)] });
  assert.deepEqual(got, [
    { line: 1, start: 1, end: 3, text: 'xx' },
    { line: 5, start: 2, end: Number.MAX_SAFE_INTEGER, text: '[a\nb]' },
  ]);
});

const truthFile = (published: boolean): TruthFile => ({
  file: '99-x.md',
  published,
  notes: '',
  headings: [
    { line: 3, level: 1, marker: '一、' },
    { line: 5, level: 2, marker: '（一）' },
  ],
  placeholders: [{ line: 6, start: 2, end: 4, text: 'xx' }],
});

const engineFile = (): Pick<JsonFile, 'outline' | 'placeholders' | 'diagnostics'> => ({
  outline: [node(1, 2, '一、', [node(2, 4, '（一）')]), node(1, 8, '二、')],
  placeholders: [ph(5, 2, 4), ph(5, 9, 10)],
  diagnostics: [
    diag('numbering-gap', 'error', 7),
    diag('level-skip', 'warning', 4),
    diag('empty-section', 'error', 8),
    diag('marker-width', 'warning', 2),
    diag('unfilled-placeholder', 'information', 5),
  ],
});

test('scoreFile: tallies, errors, level-skip/empty-section findings of warning or error severity', () => {
  const s = scoreFile(truthFile(true), engineFile());
  assert.deepEqual(s.level1, { matched: 1, found: 2, expected: 1 });
  assert.deepEqual(s.level2, { matched: 1, found: 1, expected: 1 });
  assert.deepEqual(s.placeholders, { matched: 1, found: 2, expected: 1 });
  assert.equal(s.errors, 2);
  assert.equal(s.structureWarnings, 2);
  assert.deepEqual(s.findings.map((f) => [f.line, f.code]), [[8, 'numbering-gap'], [5, 'level-skip'], [9, 'empty-section']]);
  assert.deepEqual(s.extraHeadings.map((h) => h.line), [9]);
  assert.deepEqual(s.extraPlaceholders.map((p) => p.start), [9]);
  assert.deepEqual(s.missedHeadings, []);
  assert.deepEqual(s.missedPlaceholders, []);
});

test('precision and recall: null when nothing was found or nothing expected', () => {
  assert.equal(precision({ matched: 3, found: 4, expected: 6 }), 0.75);
  assert.equal(recall({ matched: 3, found: 4, expected: 6 }), 0.5);
  assert.equal(precision({ matched: 0, found: 0, expected: 2 }), null);
  assert.equal(recall({ matched: 0, found: 2, expected: 0 }), null);
});

test('pool: counts are pooled over all files; errors and structure findings over published files only', () => {
  const scores: FileScore[] = [scoreFile(truthFile(true), engineFile()), scoreFile(truthFile(false), engineFile())];
  const t = pool(scores);
  assert.deepEqual(t.level1, { matched: 2, found: 4, expected: 2 });
  assert.deepEqual(t.placeholders, { matched: 2, found: 4, expected: 2 });
  assert.equal(t.errors, 2);
  assert.equal(t.structureWarnings, 2);
});

test('failedTargets: names each missed target; 98% passes, just below fails; nothing found is no precision failure', () => {
  const ok = { matched: 49, found: 50, expected: 50 };
  assert.deepEqual(
    failedTargets({ level1: ok, level2: ok, placeholders: { matched: 0, found: 0, expected: 0 }, errors: 0, structureWarnings: 0 }),
    [],
  );
  const low = { matched: 97, found: 98, expected: 100 };
  assert.deepEqual(
    failedTargets({ level1: ok, level2: low, placeholders: { matched: 0, found: 0, expected: 5 }, errors: 1, structureWarnings: 3 }),
    [
      'level-2 headings recall 97.0% < 98.0%',
      'placeholders recall 0.0% < 98.0%',
      '1 error finding(s) on published reports, expected 0',
      '3 level-skip/empty-section finding(s) on published reports, expected 0',
    ],
  );
});

// The truth files themselves: each entry points at what it names in the corpus file.
const TRUTH = join(__dirname, '../corpus/truth');

if (sharedAvailable('corpus', 'the truth files against the corpus')) {
  test('truth files: well formed, sorted, and every placeholder span holds its text in the corpus file', () => {
    const files = readdirSync(TRUTH).filter((f) => f.endsWith('.json'));
    assert.equal(files.length, 19);
    for (const f of files) {
      const t = JSON.parse(readFileSync(join(TRUTH, f), 'utf8')) as TruthFile;
      assert.ok(t.file.startsWith(`${f.slice(0, 2)}-`), f);
      assert.equal(typeof t.published, 'boolean', f);
      const lines = readFileSync(join(CORPUS, t.file), 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
      let prev = 0;
      for (const h of t.headings) {
        assert.ok(h.level === 1 || h.level === 2, `${f}:${h.line}`);
        assert.ok(h.line > prev, `${f}:${h.line} sorted`);
        prev = h.line;
        const text = lines[h.line - 1] ?? '';
        assert.ok(text.trim() !== '', `${f}:${h.line} is not blank`);
        assert.ok(text.includes(h.marker), `${f}:${h.line} holds ${h.marker}`);
      }
      for (const p of t.placeholders) {
        const text = lines[p.line - 1] ?? '';
        assert.equal(text.slice(p.start, p.end), p.text, `${f}:${p.line}:${p.start}`);
      }
    }
  });

  test('truth files: the counts the corpus README gives', () => {
    const load = (nn: string) => JSON.parse(readFileSync(join(TRUTH, `${nn}.json`), 'utf8')) as TruthFile;
    const count = (nn: string) => {
      const t = load(nn);
      return [t.headings.filter((h) => h.level === 1).length, t.headings.filter((h) => h.level === 2).length, t.placeholders.length];
    };
    assert.deepEqual(count('01'), [13, 14, 0]); // 一、…三、 + 附件1 一、…十、; （一）…（十四）
    assert.deepEqual(count('06')[2], 18); // XXX / XXXXXX masked names
    assert.deepEqual(count('34')[2], 23); // masked values
    assert.deepEqual(count('35')[2], 2);
    assert.deepEqual(count('36'), [0, 3, 8]); // outline starts at (一); *** ×6 and 200*年 ×2
    assert.deepEqual(count('40'), [9, 0, 0]); // 5 reports with 一、, 4 with 二、
    assert.deepEqual(count('41'), [6, 15, 0]); // ## ×6, ### ×15
    const t33 = load('33');
    assert.equal(t33.placeholders.filter((p) => p.text === '……').length, 19);
    assert.deepEqual(
      ['31', '30', '37', '01', '02', '03', '04', '38', '39', '40', '41'].map((nn) => load(nn).placeholders.length),
      Array(11).fill(0),
    );
  });
}
