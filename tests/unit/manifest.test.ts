/**
 * The extension manifest (package.json) against what it points to: the nls translation
 * files, the commands registered by the client, the settings the server reads
 * (shared/protocol.ts) and the diagnostic codes (server/src/core/codes.ts), and the
 * client's runtime strings against the Chinese bundle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { ALL_CODES } from '../../server/src/core/codes';
import { DEFAULT_SETTINGS, type ReportAuthorSettings } from '../../shared/protocol';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nlsEn: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsZh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));
const bundleZh: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
const settings: Record<string, any> = manifest.contributes.configuration.properties;

const clientSources = readdirSync(join(ROOT, 'client/src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: read(join('client/src', f)) }));

/** Every `%key%` string anywhere in the manifest. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

test('every %key% in package.json has an English and a Chinese entry, and no entry is unused', () => {
  const used = [...nlsKeys(manifest)].sort();
  assert.ok(used.length > 30, `only ${used.length} keys`);
  assert.deepEqual(used.filter((k) => !nlsEn[k]), [], 'missing in package.nls.json');
  assert.deepEqual(used.filter((k) => !nlsZh[k]), [], 'missing in package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.includes(k)), [], 'unused in package.nls.json');
  assert.deepEqual(Object.keys(nlsZh).filter((k) => !used.includes(k)), [], 'unused in package.nls.zh-cn.json');
});

test('the Chinese manifest strings are Chinese', () => {
  const untranslated = Object.entries(nlsZh).filter(([k, v]) => !/[\u4e00-\u9fff]/.test(v) || v === nlsEn[k]);
  assert.deepEqual(untranslated, []);
});

test('every contributed command has a localised title and a category, and the client registers it', () => {
  const commands = manifest.contributes.commands as Array<{ command: string; title: string; category?: string }>;
  assert.deepEqual(
    commands.map((c) => c.command).sort(),
    [
      'reportAuthor.checkWorkspace',
      'reportAuthor.deriveTemplate',
      'reportAuthor.exportDocx',
      'reportAuthor.exportHtml',
      'reportAuthor.fillPlaceholder',
      'reportAuthor.listWorkspaceReports',
      'reportAuthor.newReport',
      'reportAuthor.nextPlaceholder',
      'reportAuthor.openPreviewToSide',
      'reportAuthor.previousPlaceholder',
      'reportAuthor.refreshWorkspaceReports',
      'reportAuthor.restartServer',
      'reportAuthor.showActiveReport',
      'reportAuthor.showReportView',
    ],
  );
  const registered = clientSources.flatMap(({ text }) => [...text.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]!));
  for (const c of commands) {
    assert.match(c.title, /^%command\.[\w.]+%$/, c.command);
    assert.equal(c.category, '%category%', c.command);
    assert.ok(registered.includes(c.command), `${c.command} is not registered in client/src`);
  }
});

test('menus, keybindings and the status bar only name contributed commands', () => {
  const contributed = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
  const referenced = [
    ...Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flat().map((m) => m.command),
    ...(manifest.contributes.keybindings as Array<{ command: string }>).map((k) => k.command),
    ...clientSources.flatMap(({ text }) => [...text.matchAll(/\.command = '([^']+)'/g)].map((m) => m[1]!)),
  ];
  assert.ok(referenced.length > 5);
  assert.deepEqual(referenced.filter((c) => !contributed.has(c)), []);
});

test('next/previous placeholder are bound in Markdown editors, away from an inline suggestion; the preview beside VS Code\'s own', () => {
  const all = manifest.contributes.keybindings as Array<{ command: string; key: string; when: string }>;
  assert.deepEqual(
    all.map((b) => [b.command, b.key]),
    [
      ['reportAuthor.nextPlaceholder', 'alt+]'],
      ['reportAuthor.previousPlaceholder', 'alt+['],
      ['reportAuthor.openPreviewToSide', 'ctrl+k alt+v'],
    ],
  );
  assert.match(all[2]!.when, /editorLangId == markdown/);
  const bindings = all.filter((b) => b.command.endsWith('Placeholder'));
  for (const b of bindings) {
    assert.match(b.when, /editorLangId == markdown/);
    // VS Code binds alt+] / alt+[ to the next/previous inline suggestion while one is shown.
    assert.match(b.when, /!inlineSuggestionVisible/);
  }
});

test('the Report view sits in the Explorer and shows while a report is active, or in its all-reports mode', () => {
  assert.deepEqual(
    manifest.contributes.views.explorer.map((v: { id: string; when: string }) => [v.id, v.when]),
    [['reportAuthor.outline', 'reportAuthor.isReport || reportAuthor.allReports']],
  );
  assert.match(read('client/src/reportView.ts'), /ALL_REPORTS_CONTEXT = 'reportAuthor\.allReports'/);
  const activeReport = read('client/src/activeReport.ts');
  assert.match(activeReport, /IS_REPORT_CONTEXT = 'reportAuthor\.isReport'/);
  assert.match(read('client/src/reportView.ts'), /VIEW_ID = 'reportAuthor\.outline'/);
});

test('reportAuthor.severity lists every diagnostic code with the five severities', () => {
  const severity = settings['reportAuthor.severity'];
  assert.equal(severity.type, 'object');
  assert.equal(severity.additionalProperties, false);
  assert.deepEqual(Object.keys(severity.properties).sort(), [...ALL_CODES].sort());
  for (const [code, p] of Object.entries(severity.properties as Record<string, { enum: string[] }>)) {
    assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
  }
});

/** The settings as the server receives them: `reportAuthor.a.b` → `{ a: { b } }`. */
function nestedDefaults(): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, p] of Object.entries(settings)) {
    const path = key.split('.').slice(1);
    let o = out;
    for (const part of path.slice(0, -1)) o = o[part] ??= {};
    o[path[path.length - 1]!] = p.default;
  }
  return out;
}

test('the settings are the ones in shared/protocol.ts, with the same defaults, plus trace and preview', () => {
  assert.ok(Object.keys(settings).every((k) => k.startsWith('reportAuthor.')));
  const { trace, preview, ...rest } = nestedDefaults();
  assert.deepEqual(rest, DEFAULT_SETTINGS);
  assert.deepEqual(trace, { server: 'off' });
  assert.deepEqual(preview, { style: 'editor' });
});

test('enumerated settings offer exactly the values of their types', () => {
  const level3 = { any: 0, halfwidth: 0, fullwidth: 0 } satisfies Record<ReportAuthorSettings['level3Punctuation'], 0>;
  const detect = { auto: 0, always: 0, never: 0 } satisfies Record<ReportAuthorSettings['detect'], 0>;
  assert.deepEqual(settings['reportAuthor.level3Punctuation'].enum, Object.keys(level3));
  assert.deepEqual(settings['reportAuthor.detect'].enum, Object.keys(detect));
  assert.deepEqual(settings['reportAuthor.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.deepEqual(settings['reportAuthor.preview.style'].enum, ['editor', 'gbt9704']);
  for (const [key, p] of Object.entries(settings)) {
    if (p.enum) assert.equal((p.enumDescriptions ?? p.markdownEnumDescriptions)?.length, p.enum.length, key);
  }
});

test('settings are resource-scoped except the trace, and each has a description', () => {
  for (const [key, p] of Object.entries(settings)) {
    assert.equal(p.scope, key === 'reportAuthor.trace.server' ? 'window' : 'resource', key);
    assert.ok(p.description ?? p.markdownDescription, key);
  }
  assert.equal(manifest.contributes.configuration.title, '%config.title%');
});

test('the language client id is reportAuthor, so that reportAuthor.trace.server applies', () => {
  const client = read('client/src/client.ts');
  assert.match(client, /CLIENT_ID = 'reportAuthor'/);
  assert.match(client, /new LanguageClient\(\{\s*id: CLIENT_ID,/);
  // The client reads `<id>.trace.server` and runs the server over Node IPC.
  assert.match(read('client/src/lsp/client.ts'), /getConfiguration\(this\.options\.id\)\.get<string>\('trace\.server'\)/);
  assert.match(read('client/src/lsp/process.ts'), /fork\(options\.module, \['--node-ipc'/);
  assert.ok(settings[`reportAuthor.trace.server`]);
});

test('activation, capabilities, l10n and JSON validation', () => {
  // A preview left open is restored after a reload.
  // The workspace check's task type is provided before any Markdown file is opened.
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onWebviewPanel:reportAuthor.preview', 'onTaskType:reportAuthor']);
  assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.l10n, './l10n');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  assert.match(manifest.capabilities.virtualWorkspaces.description, /^%.+%$/);
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: '.report-author.json', url: './schemas/report-author-config.schema.json' },
    { fileMatch: '*.template.json', url: './schemas/report-template.schema.json' },
  ]);
  // The YAML extension (redhat.vscode-yaml) validates the YAML form against the same schema;
  // VS Code reads the JSON form as JSON with comments, as report-lint does.
  assert.deepEqual(manifest.contributes.yamlValidation, [
    { fileMatch: ['.report-author.yaml', '.report-author.yml'], url: './schemas/report-author-config.schema.json' },
  ]);
  assert.deepEqual(manifest.contributes.languages, [{ id: 'jsonc', filenames: ['.report-author.json'] }]);
  for (const path of [
    ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    'l10n/bundle.l10n.zh-cn.json',
  ]) {
    assert.ok(existsSync(join(ROOT, path)), path);
  }
});

test('every client runtime string has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
  const missing: string[] = [];
  let count = 0;
  for (const { file, text } of clientSources) {
    assert.doesNotMatch(text, /l10n\.t\(\s*["`]/, `${file}: use single-quoted literals so that this test sees them`);
    for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      count++;
      if (!bundleZh[m[1]!]) missing.push(`${file}: ${m[1]}`);
    }
  }
  assert.ok(count > 20, `found only ${count} strings`);
  assert.deepEqual(missing, []);
});

test('the status bar reads 待填 12 · 缺 1 个章节 in Chinese and 12 to fill · 1 missing in English', () => {
  const source = read('client/src/statusBar.ts');
  assert.match(source, /l10n\.t\('\{0\} to fill · \{1\} missing', status\.placeholderCount, status\.missingCount\)/);
  try {
    l10n.config({ contents: bundleZh });
    assert.equal(l10n.t('{0} to fill · {1} missing', 12, 1), '待填 12 · 缺 1 个章节');
    assert.equal(l10n.t('{0} to fill', 12), '待填 12');
  } finally {
    l10n.config({ contents: {} });
  }
  assert.equal(l10n.t('{0} to fill · {1} missing', 12, 1), '12 to fill · 1 missing');
});

test('the Marketplace page: a 128×128 PNG icon, categories, Chinese keywords, a Chinese name and description', () => {
  const png = readFileSync(join(ROOT, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.ok(manifest.categories.includes('Linters'));
  for (const k of ['公文', 'GB/T 9704', '工作总结', '述职报告', '占位符']) assert.ok(manifest.keywords.includes(k), k);
  assert.ok(manifest.keywords.length <= 30);
  assert.equal(manifest.displayName, '%displayName%');
  assert.equal(manifest.description, '%description%');
  assert.equal(nlsZh.displayName, '报告助手');
  assert.match(nlsZh.description, /^检查用 Markdown 撰写的中文工作报告/);
});

test('the walkthrough goes 新建报告 → 填写占位符 → 预览 → 导出, each step with its media and a command', () => {
  const [walk] = manifest.contributes.walkthroughs as Array<{ steps: Array<{ id: string; title: string; description: string; media: { markdown: string } }> }>;
  assert.deepEqual(walk!.steps.map((s) => nlsZh[s.title.slice(1, -1)]), ['新建报告', '填写占位符', '预览', '导出']);
  const commands = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
  for (const step of walk!.steps) {
    assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
    for (const nls of [nlsEn, nlsZh]) {
      const links = [...nls[step.description.slice(1, -1)]!.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.ok(links.length > 0 && links.every((c) => commands.has(c)), `${step.id}: ${links}`);
    }
  }
});

test('the workspace check: a reportAuthor task type and a $report-lint matcher that reads report-lint text output', () => {
  assert.deepEqual(manifest.contributes.taskDefinitions.map((t: { type: string }) => t.type), ['reportAuthor']);
  const [matcher] = manifest.contributes.problemMatchers;
  assert.equal(matcher.name, 'report-lint');
  assert.match(read('client/src/workspaceCheck.ts'), /PROBLEM_MATCHER = '\$report-lint'/);
  const re = new RegExp(matcher.pattern.regexp);
  const line = '述职/2025年述职报告.md:12:5 information template-recognized Checked as 述职报告: recognised.';
  const m = re.exec(line)!;
  // VS Code reads "info", not "information", as a severity.
  assert.deepEqual([m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.column], m[matcher.pattern.severity], m[matcher.pattern.code]], ['述职/2025年述职报告.md', '12', '5', 'info', 'template-recognized']);
  assert.equal(re.exec('a.md:1:1 error numbering-gap 编号从“一、”跳到“三、”，此处应为“二、”。')![matcher.pattern.message], '编号从“一、”跳到“三、”，此处应为“二、”。');
  assert.equal(re.exec('1 file: 0 errors, 3 warnings, 3 placeholders'), null);
});

test('the README names every command as the manifest does, in English and in Chinese', () => {
  const readme = read('README.md');
  const rows = [...readme.matchAll(/^\| Report Author: (.+?) \| 报告助手：(.+?) \|/gm)].map((m) => [m[1], m[2]]);
  const commands = manifest.contributes.commands as Array<{ title: string }>;
  assert.deepEqual(
    rows,
    commands.map((c) => [nlsEn[c.title.slice(1, -1)], nlsZh[c.title.slice(1, -1)]]),
  );
  assert.equal(nlsEn.category, 'Report Author');
  assert.equal(nlsZh.category, '报告助手');
});
