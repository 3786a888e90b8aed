/**
 * The exported page: self-contained (the stylesheet inline, no script, no remote
 * resource), with a CSP that forbids anything else should the file be opened in a browser.
 */
import { labels } from './labels';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The printed page of GB/T 9704: A4 and its margins (not in the stylesheet, which VS Code's own preview also loads). */
const PRINTED_PAGE = '@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n';

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function standalonePage(body: string, options: { title: string; css: string; style: string }): string {
  // `</style` inside the stylesheet would end it early: our CSS never has it; make sure.
  const css = options.css.replace(/<\/(style)/gi, '<\\/$1');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title || labels.documentTitle())}</title>`,
    `<style>\n${css}\n${options.style === 'gbt9704' ? PRINTED_PAGE : ''}</style>`,
    '</head>',
    `<body class="ra-standalone ra-body-${escapeHtml(options.style)}">`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
