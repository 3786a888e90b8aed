/** reportAuthor/exportDocx over stdio: the bundled server builds the Word file of an open document. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportDocxRequest, type ExportDocxResult } from '../../shared/protocol';
import { startServer } from '../support/lspClient';
import { paragraphStarting, readDocx } from '../support/docx';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples/annual-summary.md'), 'utf8');

test('the server exports the open document, unsaved edits included, with images beside its file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-docx-'));
  fs.copyFileSync(path.join(ROOT, 'tests/fixtures/docx/figures/site.png'), path.join(dir, 'site.png'));
  const uri = pathToFileURL(path.join(dir, '年度总结.md')).toString();
  const s = startServer({ LANG: 'en_US.UTF-8' });
  try {
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    s.connection.sendNotification('initialized', {});
    // Never saved: the server exports what the editor holds.
    const text = SAMPLE + '\n![现场](site.png)\n\n![缺](none.png)\n';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const result = (await s.connection.sendRequest(ExportDocxRequest.method, { uri })) as ExportDocxResult;
    assert.equal(result.placeholders, 38);
    assert.equal(result.warnings.length, 1);
    const line = text.split('\n').findIndex((l) => l.includes('none.png')) + 1;
    assert.ok(result.warnings[0]!.startsWith(`${line}: The image none.png could not be read (no such file)`), result.warnings[0]);
    const doc = await readDocx(Buffer.from(result.base64, 'base64'));
    assert.equal(paragraphStarting(doc, '一、坚持党建引领').outlineLevel, 1);
    assert.equal(doc.paragraphs.flatMap((p) => p.runs).filter((r) => r.image).length, 1);
    assert.equal(doc.paragraphs.flatMap((p) => p.runs).filter((r) => r.highlight).length, 38);

    const unknown = await s.connection.sendRequest(ExportDocxRequest.method, { uri: 'file:///nowhere/x.md' });
    assert.equal(unknown, null);
  } finally {
    await s.close();
  }
});

test('the layout of the template the report names applies in the editor too', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-docx-'));
  const template = [
    '---',
    'id: company-report',
    'name: 公司报告',
    'layout:',
    '  fonts: { body: 宋体 }',
    '  sizes: { body: 小四 }',
    'sections:',
    '  - id: a',
    '    title: 概况',
    '---',
    '一、概况',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'company.template.md'), template);
  const uri = pathToFileURL(path.join(dir, 'q3.md')).toString();
  const s = startServer({ LANG: 'en_US.UTF-8' });
  try {
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    s.connection.sendNotification('initialized', {});
    const text = '---\ntemplate: ./company.template.md\n---\n公司第三季度报告\n一、概况\n本季度营收**万元。\n';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const result = (await s.connection.sendRequest(ExportDocxRequest.method, { uri })) as ExportDocxResult;
    const doc = await readDocx(Buffer.from(result.base64, 'base64'));
    const body = paragraphStarting(doc, '本季度营收').runs[0]!;
    assert.deepEqual([body.eastAsia, body.size], ['宋体', 24]);
    assert.equal(result.placeholders, 1);
  } finally {
    await s.close();
  }
});
