/**
 * The server as the only place that analyses: the preview and VS Code's preview plugin are
 * served from its analysis, missing sections live in the model (ghosts stay when the finding
 * is off), workspace folders added after start apply, disk reads are cached until a watched
 * file changes, and the binary tunes its own V8 flags however it is launched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type LspSession } from '../support/lspClient';
import { applyEdits } from '../support/edits';
import type { DocumentPlaceholders, OutlineStatus, PreviewResult } from '../../shared/protocol';
import { SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code: string; range: { start: { line: number } } }>;
}

async function initialize(s: LspSession, capabilities: object = {}, extra: object = {}): Promise<void> {
  await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
  s.connection.sendNotification('initialized', {});
}

function open(s: LspSession, uri: string, text: string, version = 1): void {
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

function change(s: LspSession, uri: string, version: number, text: string): void {
  s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

const published = (s: LspSession, uri: string, version?: number) =>
  s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
const statusOf = (s: LspSession, uri: string, version?: number) =>
  s.waitFor<OutlineStatus>('reportAuthor/outlineStatus', (p) => p.uri === uri && (version === undefined || p.version === version));

const REPORT = '---\ntemplate: annual-summary\n---\n一、抓学习\n学习**次，投入***万元。\n';

test('missing-section off: no finding, but the status, the preview and its insertion keep the missing section', async () => {
  const s = startServer({ requests: { 'workspace/configuration': (p) => (p as { items: unknown[] }).items.map(() => ({ severity: { 'missing-section': 'off' } })) } });
  try {
    await initialize(s, { workspace: { configuration: true } });
    const uri = 'file:///reports/ghost.md';
    open(s, uri, REPORT, 3);
    const p = await published(s, uri, 3);
    // The template wants more sections (too-few-children): that finding stays; missing-section is off.
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['too-few-children', 'unfilled-placeholder', 'unfilled-placeholder']);
    const status = await statusOf(s, uri, 3);
    assert.equal(status.missingCount, 1);
    assert.deepEqual(status.sections.map((x) => [x.title, x.missing]), [['抓学习', false], ['存在的问题和不足', true]]);

    const preview = await s.connection.sendRequest<PreviewResult | null>('reportAuthor/preview', { uri, style: 'editor' });
    assert.ok(preview);
    assert.equal(preview.version, 3);
    assert.equal(preview.isReport, true);
    assert.equal((preview.html.match(/data-missing-section="problems"/g) ?? []).length, 1);
    assert.equal((preview.html.match(/data-placeholder="/g) ?? []).length, 2);
    assert.match(preview.html, /data-missing-index="0"/);
    assert.equal(preview.inserts.length, 1);
    assert.equal(preview.inserts[0]!.title, '存在的问题和不足');
    assert.match(applyEdits(REPORT, preview.inserts[0]!.edits), /\n二、存在的问题和不足\n/);

    const page = await s.connection.sendRequest<PreviewResult | null>('reportAuthor/preview', { uri, style: 'gbt9704', standalone: true });
    assert.match(page!.html, /^<!DOCTYPE html>/);
    assert.match(page!.html, /<style[^>]*>[^<]*\.ra-placeholder/);
    assert.equal((page!.html.match(/<button/g) ?? []).length, 0);
  } finally {
    await s.close();
  }
});

test('the preview and the placeholders follow the version; a README gets a plain rendering and no placeholders', async () => {
  const s = startServer();
  try {
    await initialize(s);
    const uri = 'file:///reports/follow.md';
    open(s, uri, REPORT, 1);
    await published(s, uri, 1);
    const first = await s.connection.sendRequest<DocumentPlaceholders | null>('reportAuthor/documentPlaceholders', { uri });
    assert.deepEqual(first, {
      uri,
      version: 1,
      placeholders: [
        { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } }, text: '**', kind: 'count' },
        { range: { start: { line: 4, character: 8 }, end: { line: 4, character: 11 } }, text: '***', kind: 'amount' },
      ],
    });
    change(s, uri, 2, REPORT.replace('学习**次', '学习12次'));
    // Asked right after the change: answered for version 2, never for the one before.
    const [placeholders, preview] = await Promise.all([
      s.connection.sendRequest<DocumentPlaceholders | null>('reportAuthor/documentPlaceholders', { uri }),
      s.connection.sendRequest<PreviewResult | null>('reportAuthor/preview', { uri, style: 'editor' }),
    ]);
    assert.equal(placeholders!.version, 2);
    assert.deepEqual(placeholders!.placeholders.map((p) => p.text), ['***']);
    assert.equal(preview!.version, 2);
    assert.equal((preview!.html.match(/data-placeholder="/g) ?? []).length, 1);

    const readme = 'file:///reports/README.md';
    open(s, readme, '# 说明\n\n培训**次\n');
    const plain = await s.connection.sendRequest<PreviewResult | null>('reportAuthor/preview', { uri: readme, style: 'editor' });
    assert.equal(plain!.isReport, false);
    assert.deepEqual(plain!.inserts, []);
    assert.equal((await s.connection.sendRequest<DocumentPlaceholders | null>('reportAuthor/documentPlaceholders', { uri: readme }))!.placeholders.length, 0);
    assert.equal(await s.connection.sendRequest('reportAuthor/preview', { uri: 'file:///reports/not-open.md', style: 'editor' }), null);
  } finally {
    await s.close();
  }
});

test('a workspace folder added after start: its templates folder setting, its .report-author.json and its files apply', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-folders-'));
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', 'club.md'), '---\nid: club-summary\nname: 社团总结\nsections:\n  - {id: a, title: 活动情况}\n  - {id: b, title: 下学期计划}\n---\n一、活动情况\n二、下学期计划\n');
  writeFileSync(join(dir, '.report-author.json'), JSON.stringify({ severity: { 'unfilled-placeholder': 'hint' } }));
  writeFileSync(join(dir, 'closed.md'), '---\ntemplate: 社团总结\n---\n一、活动情况\n举办**次。\n');
  const s = startServer({
    requests: { 'workspace/configuration': (p) => (p as { items: unknown[] }).items.map(() => ({ templatesFolder: 'tpl', templates: { 'club/*.md': '社团总结' } })) },
  });
  try {
    await initialize(s, { workspace: { configuration: true, workspaceFolders: true } }, { workspaceFolders: [] });
    mkdirSync(join(dir, 'club'));
    const uri = pathToFileURL(join(dir, 'club', 'r.md')).toString();
    open(s, uri, '一、活动情况\n内容。\n');
    // No folder yet: the setting's relative templates folder and glob have nothing to apply to.
    const before = await statusOf(s, uri, 1);
    assert.equal(before.template, null);

    const root = pathToFileURL(dir).toString();
    s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: root, name: 'w' }], removed: [] } });
    const after = await s.waitFor<OutlineStatus>('reportAuthor/outlineStatus', (p) => p.uri === uri && p.template !== null);
    assert.deepEqual([after.template?.id, after.missingCount], ['club-summary', 1]);
    const listed = await s.connection.sendRequest<Array<{ id: string }>>('reportAuthor/listTemplates', { uri });
    assert.equal(listed[0]!.id, 'club-summary');
    // Reports on disk in the new folder are in the workspace-wide list.
    const all = await s.connection.sendRequest<Array<{ uri: string; text: string }>>('reportAuthor/placeholders', {});
    assert.ok(all.some((p) => p.uri.endsWith('/closed.md') && p.text === '**'), JSON.stringify(all));
    // Its .report-author.json applies to a report inside it.
    const inside = pathToFileURL(join(dir, 'closed.md')).toString();
    open(s, inside, readFileSync(join(dir, 'closed.md'), 'utf8'));
    const found = await s.waitFor<{ uri: string; diagnostics: Array<{ code: string; severity: number }> }>('textDocument/publishDiagnostics', (p) => p.uri === inside);
    assert.deepEqual(found.diagnostics.filter((d) => d.code === 'unfilled-placeholder').map((d) => d.severity), [4]);

    s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: root, name: 'w' }] } });
    const removed = await s.waitFor<OutlineStatus>('reportAuthor/outlineStatus', (p) => p.uri === uri && p.template === null);
    assert.equal(removed.template, null);
  } finally {
    await s.close();
  }
});

test('keystrokes do not read the disk: .report-author.json is re-read on a watched-file event, not before', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-watch-'));
  const config = join(dir, '.report-author.json');
  writeFileSync(config, JSON.stringify({ severity: { 'unfilled-placeholder': 'hint' } }));
  const s = startServer();
  try {
    await initialize(s, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, { workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] });
    const uri = pathToFileURL(join(dir, 'r.md')).toString();
    const text = '一、甲\n内容**次。\n二、乙\n内容。\n';
    open(s, uri, text, 1);
    const severities = (p: Published) => (p.diagnostics as Array<{ code: string; severity?: number }>).filter((d) => d.code === 'unfilled-placeholder').map((d) => d.severity);
    assert.deepEqual(severities(await published(s, uri, 1)), [4]);
    // Changed on disk, no event yet: typing keeps the configuration the server read.
    writeFileSync(config, JSON.stringify({ severity: { 'unfilled-placeholder': 'error' } }));
    change(s, uri, 2, text + '\n');
    assert.deepEqual(severities(await published(s, uri, 2)), [4]);
    s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 2 }] });
    assert.deepEqual(severities(await published(s, uri, 2)), [1]);
  } finally {
    await s.close();
  }
});

/** The flags of a process, from /proc (Linux). */
const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

test('launched plainly, the binary runs with its V8 flags: by its shebang, or by starting itself again', { skip: process.platform !== 'linux' }, async () => {
  for (const launch of ['bin', 'node'] as const) {
    const s = startServer({ launch });
    try {
      await initialize(s);
      const uri = 'file:///reports/plain.md';
      open(s, uri, REPORT);
      await published(s, uri, 1);
      const pid = s.process.pid!;
      const server = launch === 'bin' ? pid : childrenOf(pid)[0]!;
      assert.ok(server, `${launch}: the relaunched server process`);
      for (const flag of SERVER_NODE_OPTIONS) assert.ok(cmdline(server).includes(flag), `${launch}: ${flag} in ${cmdline(server).join(' ')}`);
    } finally {
      await s.close();
    }
  }
});
