/**
 * The block structure after an edit is re-parsed over a window around it, not over the
 * document: a 1 MB-like report in both shapes (blank lines between paragraphs; one paragraph
 * a line, one CommonMark paragraph) re-parses a few lines per edit, and an edit that changes
 * everything after it (a fence left open) re-parses everything after it — with the result a
 * whole parse gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockParseStats, scanBlocks, updateBlocks, type BlockScan } from '../../server/src/core/blocks';
import { generateLargeReport } from '../support/generate';

function edited(lines: readonly string[], at: number, remove: number, insert: string[]): string[] {
  const out = lines.slice();
  out.splice(at, remove, ...insert);
  return out;
}

function parsedBy(prevLines: readonly string[], prev: BlockScan, lines: string[]): { scan: BlockScan; parsed: number } {
  const before = blockParseStats.lines;
  const scan = updateBlocks(prevLines, prev, { lines, text: lines.join('\n') });
  return { scan, parsed: blockParseStats.lines - before };
}

for (const blankLines of [true, false]) {
  test(`an edit re-parses a few lines of a large report (${blankLines ? 'blank lines' : 'one paragraph a line'})`, () => {
    const lines = generateLargeReport({ blankLines, targetBytes: 300_000 }).split('\n');
    const scan = scanBlocks({ lines, text: lines.join('\n') });
    const mid = lines.length >> 1;
    const cases: Array<[string, string[]]> = [
      ['type', edited(lines, mid, 1, [lines[mid]! + '字'])],
      ['Enter', edited(lines, mid, 1, [lines[mid]!.slice(0, 5), lines[mid]!.slice(5)])],
      ['join', edited(lines, mid, 2, [lines[mid]! + lines[mid + 1]!])],
      ['paste', edited(lines, mid, 0, ['（三）新增**项工作', '1．开展培训**次。', '', '二、补充情况'])],
      ['delete 5', edited(lines, mid, 5, [])],
    ];
    for (const [name, next] of cases) {
      const { scan: updated, parsed } = parsedBy(lines, scan, next);
      assert.deepStrictEqual(updated, scanBlocks({ lines: next, text: next.join('\n') }), name);
      assert.ok(parsed <= 40, `${name}: ${parsed} lines parsed of ${next.length}`);
    }
  });
}

test('a fence left open re-parses everything after it, as a whole parse reads it', () => {
  const lines = generateLargeReport({ targetBytes: 100_000 }).split('\n');
  const scan = scanBlocks({ lines, text: lines.join('\n') });
  const next = edited(lines, 10, 0, ['```']);
  const { scan: updated, parsed } = parsedBy(lines, scan, next);
  assert.deepStrictEqual(updated, scanBlocks({ lines: next, text: next.join('\n') }));
  assert.ok(parsed >= next.length - 10, `${parsed} lines parsed`);
  assert.ok(updated.lines.slice(11, -1).every((l) => l.kind === 'code'));
});
