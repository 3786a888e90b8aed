/** Snippet text: escaping, and template text whose placeholders become tab stops. */
import { analyze } from '../analyze';
import { splitLines } from '../text';

/** `$`, `}` and `\` are snippet syntax; everything else is inserted as written. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Numbers tab stops across the parts of one snippet. */
export class TabStops {
  private next = 1;
  /** Prompts naming the same thing (`[单位名称]` twice) share one tab stop, so one edit fills both. */
  private shared = new Map<string, number>();

  stop(defaultText: string, shareKey?: string): string {
    let n: number;
    if (shareKey !== undefined && this.shared.has(shareKey)) n = this.shared.get(shareKey)!;
    else {
      n = this.next++;
      if (shareKey !== undefined) this.shared.set(shareKey, n);
    }
    return `\${${n}:${escapeSnippet(defaultText)}}`;
  }
}

/**
 * Template text (a skeleton) as a snippet: every placeholder the analysis finds in it
 * (`**`, `××`, `[填写…]`) becomes a tab stop whose default is the placeholder as written,
 * so skipping it leaves a placeholder the checks still report. Lines are joined with `eol`.
 */
export function skeletonSnippet(text: string, stops: TabStops, eol = '\n'): string {
  const { lines } = splitLines(text);
  const found = analyze(text).placeholders;
  return lines
    .map((line, n) => {
      let out = '';
      let at = 0;
      for (const p of found) {
        if (p.range.start.line !== n) continue;
        const { character: s } = p.range.start;
        const e = p.range.end.character;
        out += escapeSnippet(line.slice(at, s));
        out += stops.stop(p.text, p.form === 'prompt' && p.kind === 'name' ? p.text : undefined);
        at = e;
      }
      return out + escapeSnippet(line.slice(at));
    })
    .join(eol);
}
