/**
 * Protocol tests: the bundled server spawned over stdio, spoken to in real LSP. Every wait
 * is on a message from the server, never on a timer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer, type LspSession } from '../support/lspClient';
import { applyEdits } from '../support/edits';

import { EXAMPLE, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';

const LINES = EXAMPLE.split('\n');
const lineOf = (prefix: string) => LINES.findIndex((l) => l.startsWith(prefix));

interface Diag {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  source: string;
  codeDescription?: { href: string };
  data?: unknown;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diag[];
}

async function initialize(s: LspSession, capabilities: object = {}, extra: object = {}) {
  const r = await s.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
  s.connection.sendNotification('initialized', {});
  return r;
}

function open(s: LspSession, uri: string, text: string, version = 1): void {
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

const published = (s: LspSession, uri: string, version?: number) =>
  s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));

describe('a client without pull diagnostics', () => {
  let s: LspSession;
  const uri = 'file:///reports/example.md';
  before(async () => {
    s = startServer();
    await initialize(s);
    open(s, uri, EXAMPLE, 1);
  });
  after(() => s.close());

  test('capabilities: incremental sync, symbols, folding, hover, completion, code actions (quick fix and fix-all)', async () => {
    const again = startServer();
    try {
      const { capabilities: c } = await initialize(again);
      assert.equal(c.textDocumentSync, 2);
      assert.ok(c.documentSymbolProvider && c.foldingRangeProvider && c.hoverProvider && c.completionProvider);
      assert.deepEqual((c.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.reportAuthor']);
      assert.equal(c.diagnosticProvider, undefined, 'push only for clients that cannot pull');
    } finally {
      await again.close();
    }
  });

  test('the example report: every placeholder an unfilled-placeholder diagnostics pushed with the document version', async () => {
    const p = await published(s, uri, 1);
    assert.equal(p.diagnostics.filter((d) => d.code === 'unfilled-placeholder').length, EXAMPLE_PLACEHOLDERS);
    const d = p.diagnostics[0]!;
    assert.equal(d.source, 'report-author');
    assert.match(d.codeDescription!.href, /#unfilled-placeholder$/);
  });

  test('a plain README gets nothing from us', async () => {
    const readme = 'file:///reports/README.md';
    open(s, readme, '# 项目说明\n\n本项目用于**示例**，共有 3 个模块。\n\n1. 安装\n2. 使用\n');
    assert.deepEqual((await published(s, readme)).diagnostics, []);
    assert.deepEqual(await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: readme } }), []);
  });

  test('document symbols: five sections with 4, 3, 4, 3, 0 subsections, named with their markers', async () => {
    const symbols = await s.connection.sendRequest<Array<{ name: string; children?: unknown[] }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((x) => x.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、']);
    assert.deepEqual(symbols.map((x) => x.children?.length ?? 0), [4, 3, 4, 3, 0]);
  });

  test('folding ranges: one per section with a body', async () => {
    const ranges = await s.connection.sendRequest<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    const one = ranges.find((r) => r.startLine === lineOf('一、'))!;
    assert.equal(one.endLine, lineOf('二、') - 1);
    assert.equal(ranges.length, 19);
  });

  test('hover on a placeholder says its kind', async () => {
    const line = lineOf('（一）坚持理论') + 1;
    const character = LINES[line]!.indexOf('**次');
    const h = await s.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: character + 1 } });
    assert.match(h.contents.value, /count|数量/i);
  });

  test('completion on a new line after （四） of section 一 offers （五）', async () => {
    const u = 'file:///reports/completion.md';
    const at = lineOf('二、');
    const text = [...LINES.slice(0, at), '', ...LINES.slice(at)].join('\n');
    open(s, u, text);
    await published(s, u);
    const items = await s.connection.sendRequest<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: u }, position: { line: at, character: 0 } });
    assert.ok(items.some((i) => i.label.startsWith('（五）')), items.map((i) => i.label).join(' '));
    assert.ok(items.some((i) => i.label.startsWith('二、')));
  });

  test('an incremental edit deleting section 三 gives numbering-gap at 四、, and its quick fix renumbers to 一二三四', async () => {
    const u = 'file:///reports/edit.md';
    open(s, u, EXAMPLE, 1);
    await published(s, u, 1);
    const from = lineOf('三、');
    const to = lineOf('四、');
    s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version: 2 },
      contentChanges: [{ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text: '' }],
    });
    const p = await published(s, u, 2);
    const gap = p.diagnostics.filter((d) => d.code === 'numbering-gap');
    assert.deepEqual(gap.map((d) => d.range), [{ start: { line: from, character: 0 }, end: { line: from, character: 2 } }]);
    const actions = await s.connection.sendRequest<Array<{ title: string; edit: { changes: Record<string, Array<{ range: never; newText: string }>> } }>>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: gap[0]!.range,
      context: { diagnostics: gap, only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1);
    const edited = [...LINES.slice(0, from), ...LINES.slice(to)].join('\n');
    const fixed = applyEdits(edited, actions[0]!.edit.changes[u]!);
    assert.deepEqual(fixed.split('\n').filter((l) => /^[一二三四五]、/.test(l)).map((l) => l.slice(0, 2)), ['一、', '二、', '三、', '四、']);
    assert.equal(fixed.replace(/^[一二三四五]、/gm, ''), edited.replace(/^[一二三四五]、/gm, ''), 'nothing but the numbers changed');
  });

  test('inserting a missing section through its quick fix', async () => {
    const u = 'file:///reports/missing.md';
    const text = '---\ntemplate: annual-summary\n---\n' + LINES.slice(0, lineOf('五、')).join('\n');
    open(s, u, text);
    const p = await published(s, u);
    const missing = p.diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1);
    const actions = await s.connection.sendRequest<Array<{ edit: { changes: Record<string, never[]> } }>>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: missing[0]!.range,
      context: { diagnostics: missing },
    });
    const fixed = applyEdits(text, actions[0]!.edit.changes[u]!);
    assert.match(fixed, /\n五、存在的问题和不足\n/);
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual((await published(s, u, 2)).diagnostics.filter((d) => d.code === 'missing-section'), []);
  });

  test('custom requests: placeholders of a document, templates, a skeleton, a derived template', async () => {
    const items = await s.connection.sendRequest<Array<{ kind: string; section: string }>>('reportAuthor/placeholders', { uri });
    assert.equal(items.length, EXAMPLE_PLACEHOLDERS);
    assert.equal(items[0]!.section, '', 'the intro belongs to no section');
    assert.ok(items.some((i) => i.section === '（一）坚持理论武装，筑牢思想根基'));
    const templates = await s.connection.sendRequest<Array<{ id: string }>>('reportAuthor/listTemplates', {});
    assert.equal(templates.length, 8);
    const skeleton = await s.connection.sendRequest<{ text: string }>('reportAuthor/templateSkeleton', { id: '述职报告' });
    assert.match(skeleton.text, /一、/);
    const derived = await s.connection.sendRequest<{ text: string }>('reportAuthor/deriveTemplate', { uri });
    assert.match(derived.text, /^---\nid: derived-example/);
  });

  test('the outline status notification counts placeholders and missing sections', async () => {
    const u = 'file:///reports/status.md';
    open(s, u, '---\ntemplate: annual-summary\n---\n一、抓学习\n学习**次。\n');
    const status = await s.waitFor<{ uri: string; isReport: boolean; placeholderCount: number; missingCount: number; sections: Array<{ missing: boolean; title: string }> }>(
      'reportAuthor/outlineStatus',
      (p) => p.uri === u,
    );
    assert.equal(status.isReport, true);
    assert.equal(status.placeholderCount, 1);
    assert.equal(status.missingCount, 1);
    assert.deepEqual(status.sections.map((x) => [x.title, x.missing]), [['抓学习', false], ['存在的问题和不足', true]]);
  });
});

describe('a client with pull diagnostics and configuration', () => {
  test('diagnostics are pulled, and a configuration change applies new severities', async () => {
    let severity: Record<string, string> = {};
    const s = startServer({ requests: { 'workspace/configuration': (p) => (p as { items: unknown[] }).items.map(() => ({ severity })) } });
    try {
      const { capabilities } = await initialize(s, { textDocument: { diagnostic: {} }, workspace: { configuration: true } });
      assert.ok(capabilities.diagnosticProvider);
      const uri = 'file:///r/pull.md';
      open(s, uri, '一、甲\n内容。\n三、丙\n内容**次。\n');
      const pull = () => s.connection.sendRequest<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual((await pull()).items.map((d) => [d.code, d.severity]), [['numbering-gap', 1], ['unfilled-placeholder', 2]]);
      severity = { 'numbering-gap': 'hint', 'unfilled-placeholder': 'off' };
      const refreshed = s.waitForRequest('workspace/diagnostic/refresh');
      s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.deepEqual((await pull()).items.map((d) => [d.code, d.severity]), [['numbering-gap', 4]]);
    } finally {
      await s.close();
    }
  });
});

test('reportAuthor.recognizeTemplates: false turns recognition by title off', async () => {
  let recognizeTemplates = true;
  const s = startServer({ requests: { 'workspace/configuration': (p) => (p as { items: unknown[] }).items.map(() => ({ recognizeTemplates })) } });
  try {
    await initialize(s, { textDocument: { diagnostic: {} }, workspace: { configuration: true } });
    const uri = 'file:///r/duty.md';
    open(s, uri, '2024年述职报告\n一、履职情况\n内容。\n二、存在的不足\n内容。\n');
    const pull = () => s.connection.sendRequest<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const codes = (items: Diag[]) => items.map((d) => [d.code, d.severity]);
    assert.deepEqual(codes((await pull()).items), [['template-recognized', 3], ['missing-section', 2]], 'a guessed template: at most warnings');
    recognizeTemplates = false;
    const refreshed = s.waitForRequest('workspace/diagnostic/refresh');
    s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    assert.deepEqual(codes((await pull()).items), []);
  } finally {
    await s.close();
  }
});

test('a malformed template file is answered with a diagnostic, and the server keeps answering', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-lsp-'));
  const bad = join(dir, 'bad.md');
  const text = '---\nid: bad\nname: 坏模板\nsections:\n  - id: a\n    titel: 甲\n---\n一、甲\n';
  writeFileSync(bad, text);
  writeFileSync(join(dir, 'r.md'), '---\ntemplate: ./bad.md\n---\n一、甲\n三、乙\n');
  const s = startServer();
  try {
    await initialize(s);
    const badUri = pathToFileURL(bad).toString();
    open(s, badUri, text);
    const p = await published(s, badUri);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [['template-invalid', 4], ['template-invalid', 4]]);
    const reportUri = pathToFileURL(join(dir, 'r.md')).toString();
    open(s, reportUri, readFileSync(join(dir, 'r.md'), 'utf8'));
    const r = await published(s, reportUri);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['template-invalid', 'numbering-gap']);
    const symbols = await s.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
    assert.equal(symbols.length, 2);
  } finally {
    await s.close();
  }
});

test('reportAuthor.templatesFolder relative to the workspace folder: its templates are used and listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-folder-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', 'club.md'), '---\nid: club-summary\nname: 社团总结\nsections:\n  - {id: a, title: 活动情况}\n  - {id: b, title: 下学期计划}\n---\n一、活动情况\n二、下学期计划\n');
  const s = startServer({ requests: { 'workspace/configuration': (p) => (p as { items: unknown[] }).items.map(() => ({ templatesFolder: 'tpl' })) } });
  try {
    const root = pathToFileURL(dir).toString();
    await initialize(s, { workspace: { configuration: true } }, { workspaceFolders: [{ uri: root, name: 'w' }] });
    const uri = pathToFileURL(join(dir, 'r.md')).toString();
    open(s, uri, '---\ntemplate: 社团总结\n---\n一、活动情况\n内容。\n');
    const status = await s.waitFor<{ uri: string; template: { id: string } | null; missingCount: number }>('reportAuthor/outlineStatus', (p) => p.uri === uri);
    assert.deepEqual([status.template?.id, status.missingCount], ['club-summary', 1]);
    const listed = await s.connection.sendRequest<Array<{ id: string }>>('reportAuthor/listTemplates', { uri });
    assert.equal(listed[0]!.id, 'club-summary');
  } finally {
    await s.close();
  }
});
