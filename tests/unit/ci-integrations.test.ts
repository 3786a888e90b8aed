/**
 * The CI integrations as shipped: each hook of .pre-commit-hooks.yaml run the way pre-commit
 * runs it (its entry, with the staged files of its types appended) in a real git repository,
 * and the GitHub Actions example's check step run by bash, its SARIF validated against the
 * SARIF 2.1.0 schema (tests/fixtures/cli/sarif-schema-2.1.0.json, see cli.test.ts).
 * The report-lint on PATH is a shim for the bundled dist/cli.js.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ALL_CODES } from '../../server/src/core';
import { ruleText } from '../../server/src/cli/rules';
import { useLocale } from '../../server/src/l10n';
import { ROOT } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist/cli.js');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let tmp = '';
let shimDir = '';

before(() => {
  if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT }).status, 0);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-ci-'));
  shimDir = path.join(tmp, 'bin');
  fs.mkdirSync(shimDir);
  // Each command the package installs, as npm would link it.
  for (const [name, file] of Object.entries(manifest.bin as Record<string, string>)) {
    fs.writeFileSync(path.join(shimDir, name), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, file)}" "$@"\n`, { mode: 0o755 });
  }
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const env = () => ({ ...process.env, PATH: `${shimDir}${path.delimiter}${process.env.PATH}`, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1' });

function repository(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'repo-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
  args?: string[];
}

/** What pre-commit's `types: [markdown]` selects (identify's extensions for markdown). */
const MARKDOWN = /\.(md|markdown|mdown|mkdn)$/;

/** Runs a hook as pre-commit does: entry + args + the staged files of its types. */
function runHook(hook: Hook, cwd: string) {
  const staged = execFileSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], { cwd, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && (!hook.types.includes('markdown') || MARKDOWN.test(f)));
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  return { staged, ...spawnSync(command!, [...entryArgs, ...(hook.args ?? []), ...staged], { cwd, env: env(), encoding: 'utf8' }) };
}

const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

test('.pre-commit-hooks.yaml: node hooks on Markdown files whose commands the package installs', () => {
  assert.deepEqual(hooks.map((h) => h.id), ['report-lint', 'report-lint-fix']);
  for (const hook of hooks) {
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    assert.ok(hook.entry.split(/\s+/)[0]! in manifest.bin, hook.entry);
  }
  assert.ok(manifest.scripts.prepack, 'pre-commit installs the repository with npm pack: the bundles are built then');
});

test('the report-lint hook fails a commit staging a report with a numbering error, and passes placeholders', () => {
  const dir = repository({
    'reports/2024年度工作总结.md': '2024年度工作总结\n一、主要工作\n培训**次。\n二、存在的问题和不足\n人手不足。\n',
    'reports/draft.md': '一、甲\n三、丙\n',
    'notes.txt': '一、甲\n三、丙\n',
    'unstaged.md': '一、甲\n三、丙\n',
  });
  execFileSync('git', ['add', 'reports', 'notes.txt'], { cwd: dir });
  const hook = hooks.find((h) => h.id === 'report-lint')!;
  const r = runHook(hook, dir);
  assert.deepEqual(r.staged.sort(), ['reports/2024年度工作总结.md', 'reports/draft.md']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^reports\/draft\.md:2:1 +error +numbering-gap /m);
  assert.doesNotMatch(r.stdout, /unstaged|notes/);
  execFileSync('git', ['rm', '-q', '--cached', 'reports/draft.md'], { cwd: dir });
  const clean = runHook(hook, dir);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /^1 file: 0 errors, 1 warning, 1 placeholder$/m);
});

test('the report-lint-fix hook renumbers the staged report and leaves the change for the author to stage', () => {
  const dir = repository({ 'r.md': '一、甲\n三、丙\n（1)丁\n' });
  execFileSync('git', ['add', 'r.md'], { cwd: dir });
  const r = runHook(hooks.find((h) => h.id === 'report-lint-fix')!, dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), '一、甲\n二、丙\n（1）丁\n');
  // pre-commit fails the commit because the hook changed a file; git shows the change.
  assert.match(execFileSync('git', ['diff', '--name-only'], { cwd: dir, encoding: 'utf8' }), /^r\.md$/m);
});

test('the GitHub Actions example: its check step writes SARIF that validates and names every rule in words', () => {
  const workflow = parseYaml(fs.readFileSync(path.join(ROOT, 'docs/github-actions-report-lint.yml'), 'utf8'));
  assert.equal(workflow.permissions['security-events'], 'write');
  const steps = workflow.jobs['report-lint'].steps as Array<{ name?: string; run?: string; uses?: string; with?: Record<string, string> }>;
  const check = steps.find((s) => s.run?.startsWith('report-lint '))!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.ok(check && upload);
  assert.ok(steps.indexOf(check) < steps.indexOf(upload));

  const dir = repository({
    [`${workflow.env.REPORTS}/2024年度工作总结.md`]: '2024年度工作总结\n一、主要工作\n培训**次。\n三、存在的问题和不足\n人手不足。\n',
    [`${workflow.env.REPORTS}/node_modules/x.md`]: '一、甲\n三、丙\n',
  });
  const r = spawnSync('bash', ['-e', '-c', check.run!], { cwd: dir, env: { ...env(), ...workflow.env }, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const log = JSON.parse(fs.readFileSync(path.join(dir, upload.with!.sarif_file!), 'utf8')) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }>; results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string } & Record<string, { text?: string; markdown?: string }>> } } }> };
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/cli/sarif-schema-2.1.0.json'), 'utf8')));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0];
  assert.deepEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), [
    `${workflow.env.REPORTS}/${encodeURIComponent('2024年度工作总结')}.md`,
  ]);
  assert.deepEqual(run.results.map((x: { ruleId: string }) => x.ruleId).sort(), ['numbering-gap', 'template-recognized', 'unfilled-placeholder']);
  for (const rule of run.tool.driver.rules) {
    for (const field of ['shortDescription', 'fullDescription', 'help']) assert.ok(rule[field]?.text && rule[field]?.markdown, `${rule.id} ${field}`);
  }
});

test('SARIF rule texts: short, full and help for every code, in English and in Chinese', () => {
  const seen = new Set<string>();
  for (const code of ALL_CODES) {
    for (const [locale, language] of [['en-US', 'en-US'], ['zh-CN', 'zh-CN']] as const) {
      useLocale(locale);
      try {
        const t = ruleText(code, language);
        assert.ok(t.short.length > 5 && t.full.startsWith(t.short) && t.full !== t.short, `${code} ${language}: ${t.full}`);
        assert.ok(t.help.length > 10, `${code} ${language}`);
        const chinese = /[\u4e00-\u9fff][^`]*[。，：]/.test(t.short + t.help);
        assert.equal(language === 'zh-CN' ? /默认：/.test(t.full) && /[。）]$/.test(t.help) : /Default: /.test(t.full) && /[.)]$/.test(t.help), true, `${code} ${language}: ${t.full} / ${t.help}`);
        if (language === 'zh-CN') assert.ok(chinese, `${code}: ${t.help}`);
        seen.add(t.help);
      } finally {
        useLocale(undefined);
      }
    }
  }
  assert.equal(seen.size, ALL_CODES.length * 2, 'every help text is its own, and translated');
});
