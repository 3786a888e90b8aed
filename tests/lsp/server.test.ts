import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lspClient';
import { EXAMPLE, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code: string; range: unknown }>;
}

test('the bundled server answers initialize over stdio and pushes versioned diagnostics', async () => {
  const s = startServer();
  try {
    const init = await s.connection.sendRequest<{ capabilities: { textDocumentSync: number }; serverInfo: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.equal(init.serverInfo.name, 'report-language-server');
    assert.equal(init.capabilities.textDocumentSync, 2);
    s.connection.sendNotification('initialized', {});
    s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///r/example.md', languageId: 'markdown', version: 7, text: EXAMPLE },
    });
    const pub = await s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === 'file:///r/example.md');
    assert.equal(pub.version, 7);
    assert.equal(pub.diagnostics.filter((d) => d.code === 'unfilled-placeholder').length, EXAMPLE_PLACEHOLDERS);
  } finally {
    await s.close();
  }
});
