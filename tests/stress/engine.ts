/**
 * The shapes of tests/stress/shapes.ts that are not a CLI run: editor requests on a huge
 * document. `node --import tsx tests/stress/engine.ts <shape> <ci|full>` prints one JSON
 * line `{ "problem": null | "…", … }`.
 */
import { analyze } from '../../server/src/core';
import { codeActions, completions, resolveCodeAction } from '../../server/src/core/features';
import { startServer } from '../support/lspClient';
import { GROUP, gappedEdits, gappedHeadings, placeholdersUnderLongHeading, unnumberedHeadings, type Scale } from './shapes';

const [shape, scale = 'ci'] = process.argv.slice(2) as [string, Scale];
const pick = (ci: number, full: number) => (scale === 'ci' ? ci : full);
const URI = 'file:///stress/report.md';

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, Math.round(performance.now() - t)];
}

async function main(): Promise<Record<string, unknown>> {
  switch (shape) {
    case 'code-actions': {
      const n = pick(2_000, 20_000);
      const [model, analyzeMs] = timed(() => analyze(gappedHeadings(n)));
      const gap = model.diagnostics.filter((d) => d.code === 'numbering-gap');
      const at = gap[Math.floor(gap.length / 2)]!;
      // What VS Code sends on a cursor move: the range and the diagnostics there, no `only`.
      const [actions, quickMs] = timed(() => codeActions(model, URI, at.range, [at], undefined, undefined, { lazyFixAll: true }));
      const lazy = actions.find((a) => a.kind === 'source.fixAll.reportAuthor');
      const [all, fixAllMs] = timed(() => resolveCodeAction(lazy!, model));
      const quick = actions.find((a) => a.kind === 'quickfix');
      const quickEdits = quick?.edit?.changes?.[URI]?.length ?? 0;
      const allEdits = all.edit?.changes?.[URI]?.length ?? 0;
      const problem =
        quickEdits !== GROUP - 1
          ? `quick fix has ${quickEdits} edits, expected ${GROUP - 1}`
          : allEdits !== gappedEdits(n)
            ? `fix-all has ${allEdits} edits, expected ${gappedEdits(n)}`
            : lazy?.edit
              ? 'fix-all computed on a cursor move'
              : null;
      return { problem, headings: n, analyzeMs, quickMs, fixAllMs };
    }
    case 'completion': {
      const n = pick(5_000, 200_000);
      const text = gappedHeadings(n);
      const [model, analyzeMs] = timed(() => analyze(text));
      // A blank line after a heading in the middle of a group in the middle of the report.
      const lines = text.split('\n');
      let line = Math.floor(lines.length / 2);
      while (!/^\d+．/.test(lines[line - 1] ?? '') || lines[line] !== '') line++;
      const [items, firstMs] = timed(() => completions(model, text, { line, character: 0 }, null));
      const [, againMs] = timed(() => completions(model, text, { line, character: 0 }, null));
      const next = items.find((i) => /^\d+．$/.test(i.label));
      const problem = !next ? `no next-number item among ${items.map((i) => i.label).join(' ')}` : null;
      return { problem, headings: n, analyzeMs, firstMs, againMs, renumbered: next?.additionalTextEdits?.length ?? 0 };
    }
    case 'placeholders-request': {
      const n = pick(2_000, 50_000);
      const text = placeholdersUnderLongHeading(n);
      const s = startServer();
      try {
        await s.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
        s.connection.sendNotification('initialized', {});
        s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
        const t = performance.now();
        const items = await s.connection.sendRequest<Array<{ section: string }>>('reportAuthor/placeholders', { uri: URI });
        const ms = Math.round(performance.now() - t);
        const bytes = Buffer.byteLength(JSON.stringify(items));
        const longest = Math.max(0, ...items.slice(0, 1000).map((i) => i.section.length));
        const problem = items.length < n ? `${items.length} items, expected ${n}` : longest > 40 ? `a section label of ${longest} characters` : bytes > n * 400 ? `${bytes} bytes for ${n} items` : null;
        return { problem, placeholders: n, ms, responseBytes: bytes };
      } finally {
        await s.close();
      }
    }
    case 'busy-server': {
      // A document too large for the main thread, then a small report: the small one's
      // diagnostics within a second of its didOpen, the large one's after, and correct.
      const n = pick(30_000, 150_000);
      const text = unnumberedHeadings(n) + '\n四、结尾\n';
      const gapLine = text.split('\n').length - 2;
      const small = 'file:///stress/small.md';
      const s = startServer();
      try {
        await s.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
        s.connection.sendNotification('initialized', {});
        type Published = { uri: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> };
        const order: string[] = [];
        const t = performance.now();
        const huge = s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === URI, 60_000).then((p) => (order.push('huge'), [p, performance.now() - t] as const));
        const status = s.waitFor<unknown>('reportAuthor/outlineStatus', (p) => (p as { uri: string }).uri === URI, 60_000);
        s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
        const t2 = performance.now();
        s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: '# 报告\n\n一、甲\n\n三、丙\n' } });
        const smallDiagnostics = await s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === small, 60_000);
        const smallMs = Math.round(performance.now() - t2);
        order.push('small');
        const [hugeDiagnostics, hugeMs] = await huge;
        const statusBytes = Buffer.byteLength(JSON.stringify(await status));
        // What an editor asks of the large document next (outline, hover, code actions at the
        // cursor), and another small report opened meanwhile.
        const at = { line: gapLine, character: 0 };
        const t3 = performance.now();
        const features = Promise.all([
          s.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } }),
          s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: at }),
          s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: hugeDiagnostics.diagnostics } }),
        ]);
        const small2 = 'file:///stress/small2.md';
        s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small2, languageId: 'markdown', version: 1, text: '# 报告\n\n一、甲\n\n三、丙\n' } });
        await s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === small2, 60_000);
        const smallDuringFeaturesMs = Math.round(performance.now() - t3);
        const [symbols] = await features;
        const featuresMs = Math.round(performance.now() - t3);
        const found = hugeDiagnostics.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).join(' ');
        const problem =
          smallDiagnostics.diagnostics.map((d) => d.code).join() !== 'numbering-gap'
            ? 'wrong diagnostics for the small report'
            : smallMs > 1000
              ? `the small report waited ${smallMs} ms`
              : found !== `numbering-gap@${gapLine}`
                ? `the large document's diagnostics: ${found.slice(0, 200)}`
                : statusBytes > 100_000
                  ? `an outline status of ${statusBytes} bytes`
                  : smallDuringFeaturesMs > 1000
                    ? `a small report waited ${smallDuringFeaturesMs} ms behind the large one's features`
                    : symbols.length !== n + 3
                      ? `${symbols.length} symbols`
                      : null;
        return { problem, headings: n, smallMs, hugeMs: Math.round(hugeMs), order: order.join(','), statusBytes, smallDuringFeaturesMs, featuresMs };
      } finally {
        await s.close();
      }
    }
    default:
      return { problem: `unknown shape ${shape}` };
  }
}

main().then(
  (r) => console.log(JSON.stringify(r)),
  (e) => {
    console.log(JSON.stringify({ problem: String((e as Error)?.stack ?? e) }));
  },
);
