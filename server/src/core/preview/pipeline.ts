/**
 * Markdown → sanitized HTML tree: remark (CommonMark + GFM) → rehype, the report's own
 * HTML parsed (rehype-raw) and sanitized. The tree keeps source positions, which the
 * decoration step maps back to report lines.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { SANITIZE_SCHEMA } from './sanitize';

/** A GFM task list's checkbox as a character: form controls do not survive sanitizing. */
function taskBoxes() {
  const visit = (node: HastRoot | Element) => {
    node.children = node.children.map((child): ElementContent => {
      if (child.type !== 'element') return child as ElementContent;
      if (child.tagName === 'input' && child.properties.type === 'checkbox') {
        return { type: 'text', value: child.properties.checked ? '☑' : '☐', position: child.position };
      }
      visit(child);
      return child;
    }) as typeof node.children;
  };
  return (tree: HastRoot) => visit(tree);
}

/**
 * Elements whose content the page would lose: raw text that runs to its end tag
 * (`<plaintext>` has none), form controls that swallow what follows, and elements the
 * sanitizer removes with their content. Opened in a snippet of the report's HTML and not
 * closed in the same snippet, they would take the rest of the report with them: such a
 * snippet is shown as text instead, so every character of the report stays visible.
 */
const SWALLOWING = new Set([
  'plaintext', 'xmp', 'script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'template',
  'select', 'option', 'optgroup', 'datalist', 'button', 'output', 'form', 'dialog', 'head', 'frameset',
  'object', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'portal', 'fencedframe',
]);
/** Whose content is text up to the end tag: other tags inside do not count. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);
const TAG = /<!--|-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/g;

/** Whether `html` leaves a swallowing element (or a comment) open at its end. One pass. */
export function leavesOpen(html: string): boolean {
  const open = new Map<string, number>();
  let raw: string | null = null;
  let comment = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (comment) {
      if (m[0] === '-->') comment = false;
      continue;
    }
    if (m[0] === '<!--') {
      if (!raw) comment = true;
      continue;
    }
    if (m[0] === '-->') continue;
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    if (raw) {
      if (closing && name === raw) raw = null;
      continue;
    }
    if (name === 'plaintext' && !closing) return true;
    if (!SWALLOWING.has(name)) continue;
    if (closing) {
      const n = open.get(name) ?? 0;
      if (n > 0) open.set(name, n - 1);
    } else {
      if (RAW_TEXT.has(name)) raw = name;
      else open.set(name, (open.get(name) ?? 0) + 1);
    }
  }
  if (comment || raw) return true;
  for (const n of open.values()) if (n > 0) return true;
  return false;
}

/** Raw HTML that would swallow the rest of the report becomes text (iteratively: no recursion on deep trees). */
function escapeSwallowingHtml() {
  return (tree: MdastRoot) => {
    const stack: MdastNodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (!('children' in node)) continue;
      const children = node.children as MdastNodes[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'html' && leavesOpen(child.value)) {
          children[i] = { type: 'text', value: child.value, position: child.position } as MdastNodes;
        } else if ('children' in child) stack.push(child);
      }
    }
  };
}

type AnyProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;
let plain: AnyProcessor | undefined;
let withHtml: AnyProcessor | undefined;

function processor(html: boolean): AnyProcessor {
  const make = () => {
    const p = unified()
      .use(remarkParse)
      // `1~2月` is a range, not strikethrough.
      .use(remarkGfm, { singleTilde: false })
      .use(escapeSwallowingHtml)
      .use(remarkRehype, { allowDangerousHtml: html });
    // Parsing the report's HTML re-reads the whole tree through parse5: only when there is some.
    // Raw nodes are serialized as is: the sanitizer leaves none, so the only ones are the chips
    // that the decoration step builds and escapes itself (chip.ts).
    return (html ? p.use(rehypeRaw) : p)
      .use(taskBoxes)
      .use(rehypeSanitize, SANITIZE_SCHEMA)
      .use(rehypeStringify, { allowDangerousHtml: true }) as unknown as AnyProcessor;
  };
  return html ? (withHtml ??= make()) : (plain ??= make());
}

function hasHtml(root: MdastNodes): boolean {
  const stack: MdastNodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'html') return true;
    if ('children' in node) for (const c of node.children) stack.push(c as MdastNodes);
  }
  return false;
}

/** The sanitized HTML tree of `markdown`, positions kept. */
export function markdownToHast(markdown: string): HastRoot {
  const mdast = processor(false).parse(markdown);
  return processor(hasHtml(mdast)).runSync(mdast);
}

export function hastToHtml(tree: HastRoot): string {
  return processor(false).stringify(tree);
}
