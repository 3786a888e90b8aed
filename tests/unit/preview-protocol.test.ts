/** The typed messages between the extension and the webview, the webview's page shell and its scroll arithmetic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isExternalLink, parseFromWebview, parseToWebview } from '../../shared/previewProtocol';
import { contentSecurityPolicy, makeNonce, previewShell } from '../../client/src/preview/html';
import { lineAtScroll, normalizeBlocks, scrollForLine } from '../../webview/src/scrollSync';

test('messages from the webview are checked before the extension acts on them', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'reveal', line: 12 }), { type: 'reveal', line: 12 });
  assert.deepEqual(parseFromWebview({ type: 'reveal', line: 3, character: 4, endCharacter: 6 }), { type: 'reveal', line: 3, character: 4, endCharacter: 6 });
  assert.deepEqual(parseFromWebview({ type: 'reveal', line: 3, character: 6, endCharacter: 4 }), { type: 'reveal', line: 3 });
  assert.deepEqual(parseFromWebview({ type: 'scrolled', line: 4.5 }), { type: 'scrolled', line: 4.5 });
  assert.deepEqual(parseFromWebview({ type: 'insertSection', uri: 'file:///a.md', version: 3, missing: 7, extra: 'x' }), {
    type: 'insertSection',
    uri: 'file:///a.md',
    version: 3,
    missing: 7,
  });
  for (const bad of [null, 'ready', {}, { type: 'eval', code: 'x' }, { type: 'reveal', line: -1 }, { type: 'reveal', line: '3' }, { type: 'scrolled', line: NaN },
    { type: 'insertSection', uri: 'file:///a.md', version: 3, missing: 1.5 }, { type: 'insertSection', version: 3, missing: 1 }, { type: 'openLink', href: 5 }]) {
    assert.equal(parseFromWebview(bad), null, JSON.stringify(bad));
  }
});

test('messages to the webview are checked by the webview too', () => {
  assert.deepEqual(parseToWebview({ type: 'render', uri: 'u', version: 2, html: '<p>x</p>', style: 'gbt9704', line: 3 }), {
    type: 'render', uri: 'u', version: 2, html: '<p>x</p>', style: 'gbt9704', line: 3,
  });
  assert.equal(parseToWebview({ type: 'render', uri: 'u', version: 2, style: 'editor' })!, null);
  assert.deepEqual(parseToWebview({ type: 'scrollTo', line: 1 }), { type: 'scrollTo', line: 1 });
  assert.equal(parseToWebview({ type: 'exec' }), null);
});

test('only web and mail links are opened outside the editor', () => {
  assert.equal(isExternalLink('https://example.org'), true);
  assert.equal(isExternalLink('mailto:a@example.org'), true);
  for (const href of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://x', 'data:text/html,x']) {
    assert.equal(isExternalLink(href), false, href);
  }
});

test('the preview page: strict CSP with a nonce, no inline code, no remote resource, no forms', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9+/=]{24}$/);
  assert.notEqual(nonce, makeNonce());
  const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce);
  assert.equal(
    csp,
    `default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'; ` +
      `img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; ` +
      `form-action 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'`,
  );
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https: |\*/);
  const html = previewShell({ cspSource: 'vscode-resource:', nonce: 'abc', styleUri: 'vscode-resource:/media/preview.css', scriptUri: 'vscode-resource:/dist/webview.js', title: '报告预览', loading: '…' });
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
  assert.match(html, /<link rel="stylesheet" href="vscode-resource:\/media\/preview.css" nonce="abc">/);
  assert.match(html, /<script nonce="abc" src="vscode-resource:\/dist\/webview.js"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.doesNotMatch(html, /<script[^>]*>[^<]/, 'no inline script');
});

test('the webview script never evaluates what it receives', () => {
  const source = readFileSync(join(__dirname, '../../webview/src/main.ts'), 'utf8');
  assert.doesNotMatch(source, /\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setTimeout\(\s*['"`]/);
  assert.match(source, /new DOMParser\(\)\.parseFromString\(message\.html, 'text\/html'\)/);
});

const blocks = normalizeBlocks([
  { line: 0, top: 0, height: 40 },
  { line: 2, top: 40, height: 20 },
  { line: 2, top: 40, height: 10 }, // a nested block on the same line
  { line: 6, top: 100, height: 60 },
]);

test('scroll sync: a preview position maps to a source line between its neighbouring blocks', () => {
  assert.equal(blocks.length, 3);
  assert.equal(lineAtScroll(blocks, 0), 0);
  assert.equal(lineAtScroll(blocks, 20), 1);
  assert.equal(lineAtScroll(blocks, 70), 4);
  assert.equal(lineAtScroll(blocks, 130), 6.5);
  assert.equal(lineAtScroll([], 10), null);
});

test('scroll sync: a source line maps to a preview position, the inverse of the above', () => {
  for (const y of [0, 20, 70, 130]) assert.equal(scrollForLine(blocks, lineAtScroll(blocks, y)!), y);
  assert.equal(scrollForLine(blocks, 100), 160);
  assert.equal(scrollForLine([], 3), null);
});
