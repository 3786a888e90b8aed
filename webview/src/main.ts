/**
 * The script inside the report preview's webview. It shows the HTML the extension renders
 * (inserted as markup, never evaluated), keeps the preview and the editor scrolled
 * together, and turns clicks into typed messages: reveal a line, insert a missing
 * section, open a link. Everything it receives is checked first.
 */
import { parseToWebview, supersedes, type FromWebview, type RenderMessage, type Shown } from '../../shared/previewProtocol';
import { lineAtScroll, normalizeBlocks, scrollForLine, type BlockPosition } from './scrollSync';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('ra-root') ?? document.body;
let shown: Shown | null = null;
/** Scrolling we caused ourselves (following the editor) is not reported back. */
let ignoreScrollUntil = 0;
let scrollQueued = false;

const post = (message: FromWebview) => vscode.postMessage(message);

function blocks(): BlockPosition[] {
  const out: BlockPosition[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('.ra-doc [data-line]:not(.ra-placeholder):not([data-ghost])')) {
    const line = Number(el.dataset.line);
    if (!Number.isFinite(line)) continue;
    const rect = el.getBoundingClientRect();
    out.push({ line, top: rect.top + window.scrollY, height: rect.height });
  }
  return normalizeBlocks(out);
}

function currentLine(): number | null {
  return lineAtScroll(blocks(), window.scrollY);
}

function scrollToLine(line: number): void {
  const y = scrollForLine(blocks(), line);
  if (y === null) return;
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo(0, y);
}

function render(message: RenderMessage): void {
  if (!supersedes(shown, message)) return;
  const sameDocument = shown?.uri === message.uri;
  const keep = sameDocument ? currentLine() : null;
  const parsed = new DOMParser().parseFromString(message.html, 'text/html');
  root.replaceChildren(...Array.from(parsed.body.childNodes));
  shown = { uri: message.uri, version: message.version };
  const line = sameDocument ? keep : (message.line ?? 0);
  if (line !== null) scrollToLine(line);
  vscode.setState({ uri: message.uri, line: line ?? 0 });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  if (message.type === 'render') render(message);
  else scrollToLine(message.line);
});

window.addEventListener('scroll', () => {
  if (scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    if (Date.now() < ignoreScrollUntil) return;
    const line = currentLine();
    if (line === null) return;
    post({ type: 'scrolled', line });
    if (shown) vscode.setState({ uri: shown.uri, line });
  });
});

function numberData(el: Element | null, name: string): number | undefined {
  const value = el?.getAttribute(name);
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const insert = target.closest('[data-action="insert-section"]');
  if (insert) {
    event.preventDefault();
    const missing = numberData(insert, 'data-missing-index');
    if (shown && missing !== undefined) post({ type: 'insertSection', uri: shown.uri, version: shown.version, missing });
    return;
  }
  const link = target.closest('a');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const destination = document.getElementById(decodeURIComponent(href.slice(1)));
      destination?.scrollIntoView({ block: 'start' });
      const line = numberData(link, 'data-line') ?? numberData(destination, 'data-line');
      if (line !== undefined) post({ type: 'reveal', line });
    } else if (href) post({ type: 'openLink', href });
    return;
  }
  if (window.getSelection()?.toString()) return; // the user is selecting text
  const chip = target.closest('.ra-placeholder');
  if (chip) {
    const line = numberData(chip, 'data-line');
    const character = numberData(chip, 'data-character');
    // The chip's text is the placeholder as written (its kind is drawn by the stylesheet).
    const endCharacter = character === undefined ? undefined : character + (chip.textContent ?? '').length;
    if (line !== undefined) post({ type: 'reveal', line, character, endCharacter });
    return;
  }
  const line = numberData(target.closest('.ra-doc [data-line]'), 'data-line');
  if (line !== undefined) post({ type: 'reveal', line });
});

post({ type: 'ready' });
