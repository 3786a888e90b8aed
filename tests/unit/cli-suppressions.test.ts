/** report-lint honours suppression comments and front matter severities, and lists unused ones on request. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/run';

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-suppress-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function lint(files: Record<string, string>, argv: string[]) {
  const dir = fs.mkdtempSync(path.join(tmp, 'ws-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: { LANG: 'en_US.UTF-8' } });
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

const REPORT = [
  '一、总体情况',
  '<!-- report-author-disable-next-line unfilled-placeholder -->',
  '全年组织培训**次。', // line 3: silenced
  '覆盖**人。', // line 4: reported
  '<!-- report-author-disable numbering-gap -->',
  '三、存在问题', // line 6: gap silenced in the region
  '<!-- report-author-enable numbering-gap -->',
  '五、下一步打算', // line 8: gap reported
  '<!-- report-author-disable-file level-skip -->',
  '1．加强领导，投入**万元。', // line 10: level-skip (1． under 五、) silenced everywhere, the placeholder still reported
].join('\n');

test('each form of suppression comment is honoured by report-lint', () => {
  const out = lint({ 'r.md': REPORT }, ['r.md']);
  assert.equal(out.code, 1);
  assert.deepEqual(out.lines, [
    'r.md:4:3   warning unfilled-placeholder Placeholder ** is still to be filled (a count).',
    'r.md:8:1   error   numbering-gap        Numbering skips from 三、 to 五、: expected 四、.',
    'r.md:10:10 warning unfilled-placeholder Placeholder ** is still to be filled (an amount of money).',
    '1 file: 1 error, 2 warnings, 2 placeholders',
  ]);
  // Without the comments, the silenced findings are there (the test can fail).
  const bare = lint({ 'r.md': REPORT.replace(/^<!--.*-->$/gm, '') }, ['r.md']);
  assert.equal(bare.lines.filter((l) => / (numbering-gap|level-skip) /.test(l)).length, 3);
  assert.match(bare.lines.at(-1)!, /3 placeholders$/);
});

test('--report-unused-disable lists the comments that silence nothing, and they count for --fail-on', () => {
  const text = [
    '一、甲',
    '<!-- report-author-disable-next-line unfilled-placeholder numbering-gap -->',
    '培训**次。',
    '<!-- report-author-disable-file level-skip -->',
    '二、乙',
  ].join('\n');
  const quiet = lint({ 'r.md': text }, ['r.md']);
  assert.deepEqual(quiet.lines, ['1 file: 0 errors, 0 warnings, 0 placeholders']);
  const out = lint({ 'r.md': text }, ['--report-unused-disable', '--fail-on', 'warning', 'r.md']);
  assert.equal(out.code, 1);
  assert.deepEqual(out.lines, [
    'r.md:2:1 warning unused-suppression The comment silences no finding of numbering-gap.',
    'r.md:4:1 warning unused-suppression The comment <!-- report-author-disable-file level-skip --> silences no finding.',
    '1 file: 0 errors, 2 warnings, 0 placeholders',
  ]);
  // A configured severity is kept; JSON carries the codes that silenced nothing.
  const json = lint({ 'r.md': text, '.report-author.json': '{ "severity": { "unused-suppression": "error" } }' }, ['--format', 'json', 'r.md']);
  const diags = JSON.parse(json.stdout).files[0].diagnostics;
  assert.deepEqual(
    diags.map((d: { code: string; severity: string; data?: unknown }) => [d.code, d.severity]),
    [
      ['unused-suppression', 'error'],
      ['unused-suppression', 'error'],
    ],
  );
});

test("a report's reportAuthor front matter sets its own severities for report-lint", () => {
  const text = ['---', 'reportAuthor:', '  severity:', '    numbering-gap: warning', '    unfilled-placeholder: "off"', '---', '一、甲', '培训**次。', '三、丙'].join('\n');
  const out = lint({ 'r.md': text, '.report-author.json': '{ "severity": { "numbering-gap": "error" } }' }, ['r.md']);
  assert.equal(out.code, 0);
  assert.deepEqual(out.lines, ['r.md:9:1 warning numbering-gap Numbering skips from 一、 to 三、: expected 二、.', '1 file: 0 errors, 1 warning, 1 placeholder']);
});
