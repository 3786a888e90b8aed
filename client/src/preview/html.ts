/**
 * The preview's page shell: a strict Content Security Policy with a nonce, the stylesheet
 * from media/ and the script from dist/, and an empty root the script fills with what the
 * extension renders. No vscode import, so the policy can be tested.
 */
import { randomBytes } from 'node:crypto';

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Nothing by default; our stylesheet and our script only (by origin and nonce); images
 * only from the extension or inline data (no remote resource); no forms, frames, plugins
 * or base URL.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ShellOptions {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
  title: string;
  /** Shown until the first rendering arrives. */
  loading: string;
}

export function previewShell(o: ShellOptions): string {
  const nonce = escapeAttribute(o.nonce);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(o.cspSource, o.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${escapeAttribute(o.styleUri)}" nonce="${nonce}">`,
    `<title>${escapeAttribute(o.title)}</title>`,
    '</head>',
    '<body class="ra-webview">',
    `<div id="ra-root"><p class="ra-loading">${escapeAttribute(o.loading)}</p></div>`,
    `<script nonce="${nonce}" src="${escapeAttribute(o.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
