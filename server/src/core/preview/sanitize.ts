/**
 * What may survive of the HTML a report contains: GitHub's schema (rehype-sanitize's
 * default), made stricter. No scripts, event handlers, `javascript:` or `data:` URLs,
 * styles, frames, objects, embeds, forms or form controls, SVG or MathML; elements that
 * carry code or hidden content are dropped with their content, other unknown elements are
 * unwrapped to their text. Nothing here allows a `ra-*` class or a `data-*` attribute, so
 * a report cannot forge a chip or a ghost: the renderer adds those after sanitizing.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** Removed with everything inside them. */
const STRIP = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'title', 'head', 'base', 'meta', 'link',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'svg', 'math', 'canvas', 'audio', 'video', 'track',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen', 'dialog',
];

/** Attributes GitHub allows everywhere that a report has no use for. */
const NO_GLOBAL = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset', 'accessKey', 'tabIndex', 'prompt']);

const base = defaultSchema;
const attributes = { ...base.attributes };
attributes['*'] = (base.attributes?.['*'] ?? []).filter((a) => !(typeof a === 'string' ? NO_GLOBAL.has(a) : NO_GLOBAL.has(a[0])));
delete attributes.input;
delete attributes.source;

export const SANITIZE_SCHEMA: Schema = {
  ...base,
  tagNames: (base.tagNames ?? []).filter((t) => !STRIP.includes(t) && t !== 'picture' && t !== 'source'),
  strip: [...new Set([...(base.strip ?? []), ...STRIP])],
  attributes,
  protocols: { ...base.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};
