/** HTML inside a report is sanitized: every snippet of the hostile corpus renders inert. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core';
import { renderReport } from '../../server/src/core/preview';

const DIR = join(__dirname, '../fixtures/hostile');
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));

const FORBIDDEN_ELEMENTS = [
  'script', 'iframe', 'frame', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button', 'select', 'option', 'textarea',
  'base', 'meta', 'link', 'style', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'canvas', 'portal', 'dialog',
  'html', 'head', 'body', 'title', 'img', 'source', 'picture', 'marquee', 'x-custom', 'xmp', 'noembed',
];
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'srcset', 'longdesc', 'xlink:href', 'poster', 'background']);

/** Every tag of the serialized HTML, with its attributes decoded. */
function tags(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  const out: Array<{ name: string; attributes: Array<[string, string]> }> = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=/>]+(?:="[^"]*"|='[^']*'|=[^\s>]+)?)*)\s*\/?>/g)) {
    const attributes: Array<[string, string]> = [];
    for (const a of m[2]!.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)"|='([^']*)'|=([^\s>]+))?/g)) {
      const raw = a[2] ?? a[3] ?? a[4] ?? '';
      const value = raw
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      attributes.push([a[1]!.toLowerCase(), value]);
    }
    out.push({ name: m[1]!.toLowerCase(), attributes });
  }
  return out;
}

/** What the preview shows of the report: the document, the side panel, the ghosts; not our own page shell. */
function inertProblems(html: string, expectedChips: number): string[] {
  const problems: string[] = [];
  for (const tag of tags(html)) {
    if (FORBIDDEN_ELEMENTS.includes(tag.name)) problems.push(`<${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`${tag.name}[${name}]`);
      if (['style', 'srcdoc', 'formaction', 'xlink:href', 'srcset', 'autofocus', 'http-equiv'].includes(name)) problems.push(`${tag.name}[${name}]`);
      const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/javascript:|vbscript:|data:text\/html|data:image\/svg/.test(compact)) problems.push(`${tag.name}[${name}=${value}]`);
      if (URL_ATTRIBUTES.has(name) && /^(?!https?:|mailto:|#)[a-z][a-z0-9+.-]*:/.test(compact)) problems.push(`${tag.name}[${name}=${value}] scheme`);
      if (name === 'id' && !/^(?:user-content-|ra-(?:line|ghost)-)/.test(value)) problems.push(`unprefixed id ${value}`);
    }
  }
  for (const bad of ['expression(', '@import', 'alert(1)</script', '<!--']) if (html.includes(bad)) problems.push(bad);
  // No forged chip or ghost: only the engine's placeholders are chips, and no section is missing.
  const chips = (html.match(/data-placeholder="/g) ?? []).length;
  if (chips !== expectedChips) problems.push(`${chips} chips for ${expectedChips} placeholders`);
  if (/data-missing-section|data-action|ra-ghost|\uE000|\uE001|\uE002/.test(html)) problems.push('forged ghost or leaked sentinel');
  return problems;
}

test('the hostile corpus has at least 20 snippets, and the check flags them as written', () => {
  assert.ok(corpus.length >= 20, `${corpus.length} snippets`);
  // The check is not vacuous: read as HTML, unsanitized, at least 20 snippets fail it.
  const flagged = corpus.filter(({ text }) => inertProblems(text, 0).length > 0);
  assert.ok(flagged.length >= 20, `${flagged.length} flagged`);
});

for (const { name, text } of corpus) {
  test(`hostile snippet ${name} renders inert`, () => {
    const model = analyze(text);
    const fragment = renderReport(text, model, { style: 'editor', standalone: false, interactive: true }).html;
    assert.deepEqual(inertProblems(fragment, model.placeholders.length), [], fragment);
    const page = renderReport(text, model, { style: 'gbt9704', standalone: true, css: '' }).html;
    const body = page.slice(page.indexOf('<body'));
    assert.deepEqual(inertProblems(body.slice(body.indexOf('>') + 1, body.lastIndexOf('</body>')), model.placeholders.length), []);
    // The page itself: our one stylesheet and CSP, no script, nothing remote.
    assert.equal((page.match(/<style>/g) ?? []).length, 1);
    assert.equal((page.match(/<script|<link|<base|<iframe/gi) ?? []).length, 0);
  });
}

test('text of a report that looks like HTML stays visible text', () => {
  const text = '`<script>alert(1)</script>` 与 <b>粗体</b>';
  const html = renderReport(text, analyze(text), { style: 'editor', standalone: false }).html;
  assert.match(html, /<code>&#x3C;script>alert\(1\)&#x3C;\/script><\/code> 与 <b>粗体<\/b>/);
});

test('links keep safe destinations and lose unsafe ones', () => {
  const text = '[甲](https://example.org) [乙](mailto:a@example.org) [丙](javascript:alert(1)) [丁](#节)';
  const html = renderReport(text, analyze(text), { style: 'editor', standalone: false }).html;
  assert.match(html, /<a href="https:\/\/example\.org">甲<\/a> <a href="mailto:a@example\.org">乙<\/a> <a>丙<\/a> <a href="#%E8%8A%82">丁<\/a>/);
});
