/**
 * Protocol tests of the workspace features: every report of the workspace with what is left
 * in it (reportAuthor/workspaceReports), and the "ignore here" quick fix over LSP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type LspSession } from '../support/lspClient';
import { applyEdits } from '../support/edits';

interface WorkspaceReport {
  uri: string;
  path: string;
  template: { id: string } | null;
  placeholderCount: number;
  placeholders: { text: string; range: { start: { line: number } } }[];
  missing: { title: string }[];
  errors: number;
  warnings: number;
}

async function initialize(s: LspSession, root: string) {
  await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: root, name: 'w' }] });
  s.connection.sendNotification('initialized', {});
}

test('reportAuthor/workspaceReports lists every report on disk and open, with what is left; other Markdown is left out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-ws-'));
  mkdirSync(join(dir, '述职'));
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# 说明\n\n本仓库存放报告。\n');
  writeFileSync(join(dir, '2025年度工作总结.md'), '2025年度工作总结\n\n一、主要工作\n全年培训**次，投入***万元。\n二、经验体会\n内容。\n');
  writeFileSync(join(dir, '述职', '述职报告.md'), '一、履职情况\n内容。\n二、存在的问题和不足\n内容。\n三、今后努力方向\n内容。\n');
  writeFileSync(join(dir, 'node_modules', 'x', '报告.md'), '一、甲\n二、乙\n');
  const s = startServer();
  try {
    await initialize(s, pathToFileURL(dir).toString());
    // An open document is read from the editor, not from disk.
    const open = pathToFileURL(join(dir, '述职', '述职报告.md')).toString();
    s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: open, languageId: 'markdown', version: 1, text: '一、履职情况\n共走访**户。\n二、今后努力方向\n内容。\n' },
    });
    const reports = await s.connection.sendRequest<WorkspaceReport[]>('reportAuthor/workspaceReports', {});
    assert.deepEqual(
      reports.map((r) => [r.path, r.template?.id ?? null, r.placeholderCount, r.placeholders.map((p) => p.text), r.missing.map((m) => m.title)]),
      [
        ['2025年度工作总结.md', 'annual-summary', 2, ['**', '***'], ['存在的问题和不足']],
        ['述职/述职报告.md', 'duty-report', 1, ['**'], ['存在的问题和不足']],
      ],
    );
    // The summary is recognised from its title: its missing section is a warning, not an error.
    assert.deepEqual([reports[0]!.errors, reports[0]!.warnings], [0, 3]);
    // Named files only (after a save): the reports among them.
    const named = await s.connection.sendRequest<WorkspaceReport[]>('reportAuthor/workspaceReports', {
      uris: [pathToFileURL(join(dir, 'README.md')).toString(), pathToFileURL(join(dir, '2025年度工作总结.md')).toString(), pathToFileURL(join(dir, 'gone.md')).toString()],
    });
    assert.deepEqual(named.map((r) => [r.path, r.placeholderCount]), [['2025年度工作总结.md', 2]]);
  } finally {
    await s.close();
  }
});

test('the "ignore here" quick fix over LSP inserts the comment, and the finding goes', async () => {
  const s = startServer();
  try {
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    s.connection.sendNotification('initialized', {});
    const uri = 'file:///tmp/ignore.md';
    const text = '一、甲\n张××同志参加。\n二、乙\n';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await s.waitFor<{ uri: string; diagnostics: { code: string; range: unknown }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const d = first.diagnostics.find((x) => x.code === 'unfilled-placeholder')!;
    const actions = await s.connection.sendRequest<{ title: string; edit: { changes: Record<string, { range: never; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const ignore = actions.find((a) => a.title === 'Ignore unfilled-placeholder here')!;
    const after = applyEdits(text, ignore.edit.changes[uri]!);
    assert.equal(after, '一、甲\n<!-- report-author-disable-next-line unfilled-placeholder -->\n张××同志参加。\n二、乙\n');
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
    const second = await s.waitFor<{ uri: string; version?: number; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    assert.deepEqual(second.diagnostics, []);
  } finally {
    await s.close();
  }
});
