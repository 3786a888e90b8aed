/**
 * The server's line table (server/documents.ts) against vscode-languageserver-textdocument:
 * the same text, lines and positions after any sequence of LSP content changes, line breaks
 * of every kind included (a `\r` and a `\n` that meet across an edit make one break).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/server/documents';
import { splitLines } from '../../server/src/core/text';

const PIECES = ['', 'a', '甲乙', '\n', '\r', '\r\n', '\n\n', 'x\r', '\ny', '**次', ' '];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
const posArb = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 6 }) });
const changeArb = fc.oneof(
  { arbitrary: fc.record({ range: fc.record({ start: posArb, end: posArb }), text: textArb }), weight: 9 },
  { arbitrary: fc.record({ text: textArb }), weight: 1 },
);

test('LineDocument applies content changes as TextDocument does', () => {
  fc.assert(
    fc.property(textArb, fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (initial, batches) => {
      const ours = new LineDocument('file:///a.md', 'markdown', 1, initial);
      let text = initial;
      let version = 1;
      for (const changes of batches) {
        version++;
        const before = ours.table.lines;
        ours.update(changes, version);
        // The oracle: each change applied to a document made afresh from the text (TextDocument's own
        // incremental line offsets go wrong after a range past the end of the document).
        for (const change of changes) text = TextDocument.update(TextDocument.create('file:///a.md', 'markdown', version, text), [change], version).getText();
        assert.equal(ours.getText(), text);
        assert.equal(ours.version, version);
        const fresh = TextDocument.create('file:///a.md', 'markdown', version, text);
        assert.equal(ours.lineCount, fresh.lineCount);
        assert.deepEqual(ours.table.lines, splitLines(text).lines);
        assert.equal(ours.table.text, text);
        for (let line = -1; line <= fresh.lineCount; line++) {
          assert.deepEqual(ours.getLineRange(line), fresh.getLineRange(line), `line range ${line}`);
          assert.equal(ours.getEOLCharacters(line), fresh.getEOLCharacters(line), `EOL ${line}`);
          for (const character of [-1, 0, 1, 3, 100]) assert.equal(ours.offsetAt({ line, character }), fresh.offsetAt({ line, character }));
        }
        for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), fresh.positionAt(offset), `offset ${offset}`);
        // The previous version's lines are never changed in place (the analysis keeps them).
        assert.ok(before !== ours.table.lines);
      }
    }),
    { numRuns: 3000, seed: 20261202 },
  );
});

test('lines an edit does not touch stay the same strings', () => {
  const doc = new LineDocument('file:///a.md', 'markdown', 1, ['一、总体情况', '正文第一段。', '正文第二段。', '二、下一步', '结尾。'].join('\n'));
  const before = doc.table.lines;
  doc.update([{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, text: '\n' }], 2);
  const after = doc.table.lines;
  assert.deepEqual(after, ['一、总体情况', '正文第一段。', '正文', '第二段。', '二、下一步', '结尾。']);
  assert.ok(after[0] === before[0] && after[1] === before[1] && after[4] === before[3] && after[5] === before[4]);
  assert.equal(doc.table.stable, true);
});
