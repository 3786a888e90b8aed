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

/**
 * Which of a run of HTML snippets (in order) open a swallowing element or a comment that
 * no later snippet of the run closes. One pass over their text.
 */
export function unclosedOpeners(snippets: readonly string[]): Set<number> {
  const open: Array<{ name: string; at: number }> = [];
  let raw: { name: string; at: number } | null = null;
  let comment: number | null = null;
  const out = new Set<number>();
  snippets.forEach((html, at) => {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
      if (comment !== null) {
        if (m[0] === '-->') comment = null;
        continue;
      }
      if (m[0] === '<!--') {
        if (!raw) comment = at;
        continue;
      }
      if (m[0] === '-->') continue;
      const name = m[2]!.toLowerCase();
      const closing = m[1] === '/';
      if (raw) {
        if (closing && name === raw.name) raw = null;
        continue;
      }
      if (name === 'plaintext' && !closing) {
        out.add(at); // never closed
        continue;
      }
      if (!SWALLOWING.has(name)) continue;
      if (!closing) {
        if (RAW_TEXT.has(name)) raw = { name, at };
        else open.push({ name, at });
        continue;
      }
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k]!.name === name) {
          open.splice(k, 1);
          break;
        }
      }
    }
  });
  // (Assigned in the callback: TypeScript cannot see it.)
  const left = { comment: comment as number | null, raw: raw as { at: number } | null };
  if (left.comment !== null) out.add(left.comment);
  if (left.raw) out.add(left.raw.at);
  for (const o of open) out.add(o.at);
  return out;
}

/** Whether `html` leaves a swallowing element (or a comment) open at its end. */
export function leavesOpen(html: string): boolean {
  return unclosedOpeners([html]).size > 0;
}

/** Containers of blocks: each HTML block in them stands alone (what lies between two is the report's text). */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Raw HTML that would swallow the rest of the report becomes text: an HTML block that
 * leaves such an element open, or the inline tag that opens one its paragraph never closes.
 * Iterative: no recursion on deep trees.
 */
function escapeSwallowingHtml() {
  return (tree: MdastRoot) => {
    const stack: MdastNodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (!('children' in node)) continue;
      const children = node.children as MdastNodes[];
      const html: number[] = [];
      children.forEach((c, i) => (c.type === 'html' ? html.push(i) : 'children' in c && stack.push(c)));
      if (!html.length) continue;
      const values = html.map((i) => (children[i] as { value: string }).value);
      const escape = FLOW.has(node.type)
        ? new Set(values.flatMap((v, k) => (leavesOpen(v) ? [k] : [])))
        : unclosedOpeners(values);
      for (const k of escape) {
        const child = children[html[k]!] as { value: string; position?: unknown };
        children[html[k]!] = { type: 'text', value: child.value, position: child.position } as MdastNodes;
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
