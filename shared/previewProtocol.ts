/**
 * Messages between the report preview's panel manager (extension host) and the script in
 * its webview, typed once and imported by both sides. The webview is treated as untrusted:
 * whatever it sends is checked by `parseFromWebview` before the extension acts on it.
 */

export type PreviewStyle = 'editor' | 'gbt9704';

// ---------------------------------------------------------------------------------------
// Extension → webview.

/** A rendering of one version of a document. */
export interface RenderMessage {
  type: 'render';
  uri: string;
  version: number;
  /** Sanitized HTML: the page's body content. Inserted as markup, never evaluated. */
  html: string;
  style: PreviewStyle;
  /** For a newly followed document: the editor's top visible line, to scroll to. */
  line?: number;
}

/** The editor scrolled: show this (fractional, 0-based) source line at the top. */
export interface ScrollToMessage {
  type: 'scrollTo';
  line: number;
}

export type ToWebview = RenderMessage | ScrollToMessage;

// ---------------------------------------------------------------------------------------
// Webview → extension.

/** The script is listening: send the latest rendering. */
export interface ReadyMessage {
  type: 'ready';
}

/** A click in the preview: show this line (and select these characters) in the editor. */
export interface RevealMessage {
  type: 'reveal';
  line: number;
  character?: number;
  endCharacter?: number;
}

/** The ghost of a missing section asked for its insertion: `missing` indexes the missing sections of that version. */
export interface InsertSectionMessage {
  type: 'insertSection';
  uri: string;
  version: number;
  missing: number;
}

/** The preview scrolled: this (fractional) source line is at its top. */
export interface ScrolledMessage {
  type: 'scrolled';
  line: number;
}

/** A link in the report was clicked. */
export interface OpenLinkMessage {
  type: 'openLink';
  href: string;
}

export type FromWebview = ReadyMessage | RevealMessage | InsertSectionMessage | ScrolledMessage | OpenLinkMessage;

// ---------------------------------------------------------------------------------------
// Checks.

const LINE_LIMIT = 10_000_000;
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < LINE_LIMIT;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < LINE_LIMIT;

/** The message if it is a well-formed FromWebview, else null. */
export function parseFromWebview(value: unknown): FromWebview | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      if (!isLine(m.line)) return null;
      const out: RevealMessage = { type: 'reveal', line: Math.floor(m.line) };
      if (isIndex(m.character) && isIndex(m.endCharacter) && m.endCharacter >= m.character) {
        out.character = m.character;
        out.endCharacter = m.endCharacter;
      }
      return out;
    }
    case 'insertSection':
      return typeof m.uri === 'string' && isIndex(m.version) && isIndex(m.missing)
        ? { type: 'insertSection', uri: m.uri, version: m.version, missing: m.missing }
        : null;
    case 'scrolled':
      return isLine(m.line) ? { type: 'scrolled', line: m.line } : null;
    case 'openLink':
      return typeof m.href === 'string' && m.href.length < 4096 ? { type: 'openLink', href: m.href } : null;
    default:
      return null;
  }
}

/** The message if it is a well-formed ToWebview, else null (the webview's own check). */
export function parseToWebview(value: unknown): ToWebview | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'render') {
    if (typeof m.uri !== 'string' || !isIndex(m.version) || typeof m.html !== 'string') return null;
    const style: PreviewStyle = m.style === 'gbt9704' ? 'gbt9704' : 'editor';
    const out: RenderMessage = { type: 'render', uri: m.uri, version: m.version, html: m.html, style };
    if (isLine(m.line)) out.line = m.line;
    return out;
  }
  if (m.type === 'scrollTo') return isLine(m.line) ? { type: 'scrollTo', line: m.line } : null;
  return null;
}

/** What the webview shows now. */
export interface Shown {
  uri: string;
  version: number;
}

/**
 * Whether a rendering may replace what is shown: another document always may (the preview
 * follows the active editor); the same document only with a version at least as new. A
 * stale rendering never wins.
 */
export function supersedes(shown: Shown | null, incoming: Shown): boolean {
  return !shown || shown.uri !== incoming.uri || incoming.version >= shown.version;
}

/** Links the extension opens outside the editor when the preview asks. */
export function isExternalLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
