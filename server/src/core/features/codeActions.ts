/**
 * Code actions, rebuilt from each diagnostic's code and `data` plus the current model
 * (stateless, like unified-language-server): insert a missing section, renumber a level,
 * fix a marker, and one `source.fixAll` for the whole document.
 */
import type { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { Heading, ReportModel } from '../types';
import { DIAGNOSTIC_SOURCE } from '../codes';
import { featureMessages as msg } from './messages';
import { headingAtLine } from './outline';
import { withOrdinal } from './markers';
import { IgnoreContext } from './ignore';
import { numberEdit, renumberEdits, renumbering, siblingGroup, siblingKey, type SiblingGroup } from './renumber';
import { asHtmlEmphasis } from '../emphasisMode';

export const QUICK_FIX_KIND: CodeActionKind = 'quickfix';
/** Under `source.fixAll`, so `"editor.codeActionsOnSave": { "source.fixAll": "explicit" }` runs it. */
export const FIX_ALL_KIND: CodeActionKind = 'source.fixAll.reportAuthor';

const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order']);
const MARKER = new Set(['marker-punctuation', 'marker-width']);

/**
 * @param uri the document, the key of each WorkspaceEdit
 * @param diagnostics the context's diagnostics; when none are given, the model's own
 *   findings that touch `range` are used (for clients that do not send them)
 * @param only CodeActionContext.only: kinds to return, matched by prefix (`source` matches `source.fixAll.reportAuthor`)
 * @param text the document's text: with it, each finding also gets "ignore here" and
 *   "ignore in this file" (suppression comments), after the fixes proper
 */
export function codeActions(
  model: ReportModel,
  uri: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  only?: readonly string[],
  text?: string,
  options: CodeActionOptions = {},
): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (wants(QUICK_FIX_KIND)) {
    const given = diagnostics.length ? diagnostics : model.diagnostics.filter((d) => touches(d.range, range));
    const ours = given.filter((d) => d.source === undefined || d.source === DIAGNOSTIC_SOURCE);
    for (const a of quickFixes(model, uri, ours)) out.push(a);
    if (text !== undefined) for (const a of ignoreFixes(new IgnoreContext(text), uri, ours)) out.push(a);
  }
  if (wants(FIX_ALL_KIND)) {
    if (!only && options.lazyFixAll) {
      // Asked on every cursor move: offer fix-all without its edits (codeAction/resolve adds them).
      if (model.diagnostics.some((d) => NUMBERING.has(String(d.code)) || MARKER.has(String(d.code)))) {
        out.push({ title: msg.fixAll(), kind: FIX_ALL_KIND, data: { reportAuthorFixAll: uri } });
      }
    } else {
      const all = fixAll(model, uri);
      if (all) out.push(all);
    }
  }
  return out;
}

export interface CodeActionOptions {
  /**
   * The client resolves code actions (`codeAction.resolveSupport` with `edit`): when it
   * does not ask for a kind, fix-all comes without its edits, see resolveCodeAction.
   */
  lazyFixAll?: boolean;
}

/** The document a lazily offered fix-all belongs to, or null for any other action. */
export function fixAllUri(action: CodeAction): string | null {
  const uri = (action.data as { reportAuthorFixAll?: unknown } | undefined)?.reportAuthorFixAll;
  return typeof uri === 'string' ? uri : null;
}

/** A lazily offered fix-all with its edits (none when the findings are gone meanwhile). */
export function resolveCodeAction(action: CodeAction, model: ReportModel): CodeAction {
  const uri = fixAllUri(action);
  if (uri === null) return action;
  const all = fixAll(model, uri);
  return { ...action, edit: all?.edit ?? { changes: { [uri]: [] } } };
}

function quickFixes(model: ReportModel, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const byKey = new Map<string, CodeAction>();
  const once = (key: string, d: Diagnostic, make: () => CodeAction | null) => {
    const known = byKey.get(key);
    if (known) return void known.diagnostics!.push(d);
    const action = make();
    if (!action) return;
    action.diagnostics = [d];
    byKey.set(key, action);
    out.push(action);
  };
  for (const d of diagnostics) {
    const code = String(d.code);
    const data = (d.data ?? {}) as { title?: unknown; edits?: unknown; replacement?: unknown };
    if (code === 'missing-section' && typeof data.title === 'string' && Array.isArray(data.edits)) {
      const edits = data.edits as TextEdit[];
      once(`missing:${data.title}:${JSON.stringify(d.range)}`, d, () => action(msg.insertMissing(data.title as string), QUICK_FIX_KIND, uri, edits, true));
    } else if (NUMBERING.has(code)) {
      const key = siblingKey(model, d.range.start.line);
      if (key === null) continue;
      once(`renumber:${key}`, d, () => {
        const group = siblingGroup(model, d.range.start.line)!;
        const edits = renumberEdits(group);
        const example = group.headings.slice(0, 3).map((h, i) => withOrdinal(h.marker, i + 1)).join('') + (group.headings.length > 3 ? '…' : '');
        // Not preferred: when a number is skipped, the author may mean to write the missing section.
        return edits.length ? action(msg.renumberLevel(example), QUICK_FIX_KIND, uri, edits, false) : null;
      });
    } else if (code === 'ambiguous-emphasis' && typeof data.replacement === 'string') {
      // Neither is preferred: only the author knows whether the pair is bold or two values.
      const placeholders = data.replacement;
      const bold = asHtmlEmphasis(placeholders);
      once(`ambiguous-bold:${JSON.stringify(d.range)}`, d, () => (bold ? action(msg.writeAsBold(bold), QUICK_FIX_KIND, uri, [{ range: d.range, newText: bold }], false) : null));
      once(`ambiguous-placeholders:${JSON.stringify(d.range)}`, d, () => action(msg.writeAsPlaceholders(placeholders), QUICK_FIX_KIND, uri, [{ range: d.range, newText: placeholders }], false));
    } else if (MARKER.has(code) && typeof data.replacement === 'string') {
      const h = markerAt(model, d.range);
      const replacement = data.replacement;
      if (!h || h.marker === replacement) continue;
      once(`marker:${h.line}:${replacement}`, d, () =>
        action(msg.changeMarker(h.marker, replacement), QUICK_FIX_KIND, uri, [{ range: h.markerRange, newText: replacement }], true),
      );
    }
  }
  return out;
}

/** "Ignore CODE here" for each finding, then "ignore CODE in this file" once per code; an unused comment is removed. */
function ignoreFixes(context: IgnoreContext, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const here: CodeAction[] = [];
  const file = new Map<string, CodeAction>();
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const code = String(d.code);
    if (code === 'unused-suppression') {
      const edit = context.removeUnused(d);
      if (edit) {
        const a = action(msg.removeUnused(), QUICK_FIX_KIND, uri, [edit], true);
        a.diagnostics = [d];
        here.push(a);
      }
      continue;
    }
    // The "and N more" line stands for placeholders elsewhere.
    if ((d.data as { more?: unknown } | undefined)?.more !== undefined) continue;
    const key = `${code}:${d.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = context.editsFor(d);
    if (!edits) continue;
    const a = action(msg.ignoreHere(code), QUICK_FIX_KIND, uri, edits.here, false);
    a.diagnostics = [d];
    here.push(a);
    const known = file.get(code);
    if (known) known.diagnostics!.push(d);
    else {
      const f = action(msg.ignoreInFile(code), QUICK_FIX_KIND, uri, edits.file, false);
      f.diagnostics = [d];
      file.set(code, f);
    }
  }
  return [...here, ...file.values()];
}

/**
 * Every marker fix and every renumbering the document's findings call for, one edit per
 * heading so no two edits overlap. Missing sections are NOT inserted: what a report says is
 * the author's call, and a fix-all on save must never add text.
 */
function fixAll(model: ReportModel, uri: string): CodeAction | null {
  const markers = new Map<number, string>();
  const numbers = new Map<number, number>();
  const groups = new Set<string>();
  for (const d of model.diagnostics) {
    const code = String(d.code);
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    if (MARKER.has(code) && typeof replacement === 'string') {
      const h = markerAt(model, d.range);
      if (h) markers.set(h.line, replacement);
    } else if (NUMBERING.has(code)) {
      // The key first: building the group once per finding made fix-all quadratic.
      const key = siblingKey(model, d.range.start.line);
      if (key === null || groups.has(key)) continue;
      groups.add(key);
      const group = siblingGroup(model, d.range.start.line);
      if (!group) continue;
      // Unattended (on save, report-lint --fix), only a plain slip is renumbered: a level that
      // starts at one and never starts over. A second 一、 or a first number above one is more
      // often a new part or an excerpt than a mistake; the quick fix renumbers it on request.
      if (!startsAtOneOnce(group)) continue;
      for (const [line, n] of renumbering(group)) numbers.set(line, n);
    }
  }
  const unique = new Set(markers.keys());
  for (const line of numbers.keys()) unique.add(line);
  const lines = Array.from(unique).sort((a, b) => a - b);
  const edits: TextEdit[] = [];
  for (const line of lines) {
    const h = headingAtLine(model, line)!;
    const n = numbers.get(line);
    const marker = markers.get(line);
    if (marker !== undefined) {
      const newText = n === undefined ? marker : withOrdinal(marker, n);
      if (newText !== h.marker) edits.push({ range: h.markerRange, newText });
    } else if (n !== undefined) {
      const e = numberEdit(h, n);
      if (e) edits.push(e);
    }
  }
  return edits.length ? action(msg.fixAll(), FIX_ALL_KIND, uri, edits, false) : null;
}

function startsAtOneOnce(group: SiblingGroup): boolean {
  return group.headings[0]?.ordinal === 1 && !group.headings.slice(1).some((h) => h.ordinal === 1);
}

/** The heading whose marker is exactly `range` (a stale diagnostic finds none). */
function markerAt(model: ReportModel, range: Range): Heading | null {
  const h = headingAtLine(model, range.start.line);
  if (!h) return null;
  const r = h.markerRange;
  return r.start.character === range.start.character && r.end.line === range.end.line && r.end.character === range.end.character ? h : null;
}

function action(title: string, kind: CodeActionKind, uri: string, edits: TextEdit[], preferred: boolean): CodeAction {
  const a: CodeAction = { title, kind, edit: { changes: { [uri]: edits } } };
  if (preferred) a.isPreferred = true;
  return a;
}

function touches(a: Range, b: Range): boolean {
  const le = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return le(a.start, b.end) && le(b.start, a.end);
}
