/** The server's guard: a handler that throws answers null and is logged once; an analysis that throws is a diagnostic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { failedModel, guardConnection } from '../../server/src/server/guard';

type Handler = (...args: unknown[]) => unknown;

function fakeConnection() {
  const handlers: Record<string, Handler> = {};
  const logs: string[] = [];
  const connection = {
    console: { error: (t: string) => logs.push(t) },
    onHover(h: Handler) {
      handlers.hover = h;
    },
    onRequest(method: string, h: Handler) {
      handlers[method] = h;
    },
    languages: { diagnostics: { on: (h: Handler) => void (handlers.diagnostics = h) } },
    listen: () => 'listening',
  };
  return { guarded: guardConnection(connection as unknown as Connection, { processHandlers: false }), handlers, logs };
}

test('a handler that throws answers null, and the error is logged once however often it recurs', async () => {
  const { guarded, handlers, logs } = fakeConnection();
  guarded.onHover(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  guarded.onRequest('reportAuthor/placeholders', async () => {
    throw new Error('boom');
  });
  assert.equal(handlers.hover!({}), null);
  assert.equal(handlers.hover!({}), null);
  assert.equal(await handlers['reportAuthor/placeholders']!({}), null);
  assert.equal(logs.length, 2);
  assert.match(logs[0]!, /^report-author: connection\.onHover failed: RangeError: Maximum call stack size exceeded/);
  assert.match(logs[1]!, /connection\.onRequest\(reportAuthor\/placeholders\) failed: Error: boom/);
  assert.equal(guarded.listen(), 'listening', 'other methods pass through');
});

test('pull diagnostics fall back to an empty full report; deliberate response errors keep their meaning', async () => {
  const { guarded, handlers } = fakeConnection();
  guarded.languages.diagnostics.on(async () => {
    throw new Error('nope');
  });
  assert.deepEqual(await handlers.diagnostics!({}), { kind: 'full', items: [] });
  guarded.onHover(() => {
    throw new ResponseError(-32800, 'cancelled');
  });
  assert.throws(() => handlers.hover!({}), /cancelled/);
  const answer = { contents: '说明' };
  guarded.onHover(() => answer);
  assert.equal(handlers.hover!({}), answer, 'answers pass through');
});

test('an analysis that throws becomes one error at the start of its document', () => {
  const model = failedModel(new RangeError('Maximum call stack size exceeded'), 7, 'file:///r.md');
  assert.equal(model.version, 7);
  assert.deepEqual(model.outline, []);
  assert.deepEqual(model.diagnostics, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      source: 'report-author',
      message: 'Report Author could not check this document (Maximum call stack size exceeded); other documents are still checked.',
    },
  ]);
});
