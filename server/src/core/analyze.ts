/** The pipeline: lines → blocks → headings and placeholders → outline → checks. */
import type { Diagnostic, MissingSection, Placeholder, Range, ReportModel, ReportTitle, TextEdit } from './types';
import { DIAGNOSTIC_SOURCE, docsLink, type DiagnosticCode } from './codes';
import { fileOptionProblems, resolveOptions, severityOf, withFileOptions, type AnalysisOptions, type DeepPartial } from './options';
import { splitLines, lineRange, type LineTable } from './text';
import { scanBlocks } from './blocks';
import { parseFrontMatter } from './frontMatter';
import { scanLines } from './scan';
import { LineCache, placeholdersOf, type LineEntry } from './lineCache';
import { assignMarkdownLevels, buildOutline } from './outline';
import { joinSplitTitle, readStructure, titleAfterCover } from './reading';
import { checkNumbering } from './numbering';
import { headingLineFlags } from './headingLines';
import { messages } from './messages';
import { checkTemplate, templateFit, findTemplate, recognizeTemplate, sectionNames, sectionNamesOfAll, type ReportTemplate } from './templates';
import { templateMessages } from './templates/messages';
import { frontMatterOfLines } from './frontMatterOf';
import { directiveText, findDirectives, Suppressions, type UnusedSuppression } from './suppressions';

/** Which template applies, as the edge (CLI, server) resolved it. */
export type TemplateChoice =
  | { kind: 'template'; template: ReportTemplate; ref: string }
  | { kind: 'unknown'; ref: string }
  | { kind: 'invalid'; ref: string; reason: string };

export interface AnalysisContext {
  /** An explicit choice: --template, front matter, a workspace mapping or a setting. */
  choice?: TemplateChoice | null;
  /** Templates the report may be recognised as when there is no explicit choice. */
  templates?: readonly ReportTemplate[];
  /** The document's file name, for recognition. */
  fileName?: string | null;
  /** Line results of the previous version of the same document, for incremental work. */
  cache?: LineCache;
  /**
   * At most this many unfilled-placeholder diagnostics, then one that says how many more
   * there are (an editor cannot use 25,000 of them; `placeholders` still lists every one).
   */
  placeholderDiagnosticLimit?: number;
}

/** A cache for `context.cache`; one per document, reused while the options stay the same. */
export function lineCacheFor(previous: LineCache | undefined, options?: DeepPartial<AnalysisOptions> | null): LineCache {
  const key = cacheKey(resolveOptions(options));
  return previous && previous.key === key ? previous : new LineCache(key);
}

/** Options and the current message language: what cached line results depend on. */
function cacheKey(opts: AnalysisOptions): string {
  return JSON.stringify(opts) + messages.unfilledPlaceholder('*', 'count');
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** One description per code, shared by its diagnostics (a 1 MB report publishes hundreds on every keystroke). */
const CODE_DESCRIPTIONS = new Map<string, { readonly href: string }>();
function codeDescriptionOf(code: DiagnosticCode): { href: string } {
  let d = CODE_DESCRIPTIONS.get(code);
  if (!d) CODE_DESCRIPTIONS.set(code, (d = Object.freeze({ href: docsLink(code) })));
  return d as { href: string };
}

export function makeDiagnostic(
  code: DiagnosticCode,
  range: Range,
  message: string,
  options: AnalysisOptions,
  data?: unknown,
  cap?: 'warning' | 'information',
): Diagnostic | null {
  let severity = severityOf(code, options);
  if (severity === 'off') return null;
  if (cap && SEVERITY[severity] < SEVERITY[cap]) severity = cap;
  const d: Diagnostic = {
    range,
    severity: SEVERITY[severity],
    code,
    codeDescription: codeDescriptionOf(code),
    source: DIAGNOSTIC_SOURCE,
    message,
  };
  if (data !== undefined) d.data = data;
  return d;
}

/**
 * The line cache to use under the options in force: the edge keys its cache by its own
 * options, a report's `reportAuthor:` front matter may change them, so such a report gets a
 * cache of its own, kept with the edge's.
 */
const fileCaches = new WeakMap<LineCache, LineCache>();
function cacheFor(given: LineCache | undefined, opts: AnalysisOptions): LineCache | undefined {
  if (!given) return undefined;
  const key = cacheKey(opts);
  if (given.key === key) return given;
  let own = fileCaches.get(given);
  if (!own || own.key !== key) fileCaches.set(given, (own = new LineCache(key)));
  return own;
}

/** Analyses one version of a report. Never throws on any input text. */
export function analyze(
  text: string,
  options?: DeepPartial<AnalysisOptions> | null,
  version = 0,
  context: AnalysisContext = {},
): ReportModel {
  return analyzeLines(splitLines(text), options, version, context);
}

/**
 * Analyses one version of a report given as its lines (an editor's document keeps them
 * between versions: unchanged lines are the same strings, so the cache finds them at the
 * cost of a pointer comparison). `table.text` is read only by the few checks that need the
 * whole text (a template's insertions look at its line breaks).
 */
export function analyzeLines(
  table: LineTable,
  options?: DeepPartial<AnalysisOptions> | null,
  version = 0,
  context: AnalysisContext = {},
): ReportModel {
  const opts = withFileOptions(resolveOptions(options), frontMatterOfLines(table.lines));
  const cache = cacheFor(context.cache, opts);
  const blocks = cache ? cache.blocksFor(table) : scanBlocks(table);
  const fm = parseFrontMatter(blocks.frontMatter, table.lines);
  const scan = scanLines(table, blocks, opts, cache);
  const directives = findDirectives(table.lines, blocks.lines);
  const suppressions = directives.length ? new Suppressions(directives, (n) => !!blocks.lines[n]?.directive, table.lines.length) : null;
  // A silenced placeholder is text the author means to keep (a masked name, say): not counted, not listed.
  const placeholderLines = suppressions ? unsilencedPlaceholders(scan.placeholderLines, suppressions) : scan.placeholderLines;

  // A line of its own that names a section of the template (or of any the report may be recognised as) is that section.
  const choice = context.choice;
  const names = choice ? (choice.kind === 'template' ? sectionNames(choice.template) : undefined) : opts.recognizeTemplates && context.templates?.length ? sectionNamesOfAll(context.templates) : undefined;
  const headings = readStructure(scan.headings, table, blocks, scan.titleLine, names);
  assignMarkdownLevels(headings);
  const { outline, parents } = buildOutline(headings, table, placeholderLines);

  const diagnostics: Diagnostic[] = [];
  const push = (d: Diagnostic | null) => d && diagnostics.push(d);
  if (fm.error) push(makeDiagnostic('front-matter-invalid', fm.error.range, messages.frontMatterInvalid(fm.error.message), opts));
  const fileProblems = fileOptionProblems(fm.data);
  if (fileProblems.length) {
    const key = frontMatterKeyRange(table.lines, blocks.frontMatter?.startLine, 'reportAuthor');
    // `reportAuthor:` over a block of its own: the key itself.
    const at = key ? (key.start.character === key.end.character ? lineRange(key.start.line, 0, 'reportAuthor'.length) : key) : lineRange(0, 0, 0);
    for (const p of fileProblems) push(makeDiagnostic('front-matter-invalid', at, messages.fileOptionInvalid(p.key, p.allowed), opts));
  }
  for (const f of checkNumbering(headings, parents, opts.level3Punctuation, table.lines)) {
    push(makeDiagnostic(f.code, f.range, f.message, opts, f.data, f.uncertain ? 'warning' : undefined));
  }
  // A marker on a line the reading found to be no heading (a table cell, a contents entry) is no heading's marker.
  const headingLines = scan.findings.length ? headingLineFlags(headings, table.lines.length) : null;
  for (const f of scan.findings) {
    if (f.code !== 'ambiguous-emphasis' && !headingLines!.has(f.range.start.line)) continue;
    const message =
      f.code === 'marker-punctuation'
        ? messages.markerPunctuation(f.text, f.replacement!)
        : f.code === 'marker-width'
          ? messages.markerWidth(f.text, f.replacement!)
          : messages.ambiguousEmphasis(f.text);
    push(makeDiagnostic(f.code, f.range, message, opts, f.replacement ? { replacement: f.replacement } : undefined));
  }
  const model: ReportModel = {
    version,
    lineCount: table.lines.length,
    title: documentTitle(fm.data, blocks.frontMatter?.startLine, table.lines, titleAfterCover(joinSplitTitle(scan.titleLine, headings, table, blocks), headings, table, blocks)),
    frontMatter: fm.data,
    headings,
    outline,
    placeholders: [],
    template: null,
    missing: [],
    diagnostics,
  };
  Object.defineProperty(model, 'source', { value: { table, blocks }, enumerable: false });
  attachPlaceholders(model, placeholderLines);
  if (placeholderLines !== scan.placeholderLines) {
    const kept = new Set(placeholderLines);
    model.silencedPlaceholders = scan.placeholderLines.filter((e) => !kept.has(e)).flatMap(placeholdersOf);
  }
  applyTemplate(model, table, context, opts, blocks.frontMatter?.startLine);
  let found = model.diagnostics;
  if (suppressions) {
    // A section silenced in the document is not missing anywhere (unlike `missing-section: off`,
    // a setting, which keeps the ghost): the directive counts as used either way.
    model.missing = model.missing.filter((m) => !suppressions.silencer('missing-section', m.range.start.line));
    found = found.filter((d) => !suppressions.silences(d));
    for (const u of suppressions.unused()) push2(found, unusedDiagnostic(u, opts));
  }
  found.sort(byPosition);
  model.diagnostics = mergeSorted(found, placeholderDiagnostics(placeholderLines, opts, context.placeholderDiagnosticLimit ?? Infinity));
  return model;
}

function push2(list: Diagnostic[], d: Diagnostic | null): void {
  if (d) list.push(d);
}

function unusedDiagnostic(u: UnusedSuppression, opts: AnalysisOptions): Diagnostic | null {
  const comment = directiveText(u.directive.kind, u.directive.codes);
  const message = u.codes.length && u.codes.length < u.directive.codes.length ? messages.unusedSuppressionCodes(u.codes.join(' ')) : messages.unusedSuppression(comment);
  return makeDiagnostic('unused-suppression', u.directive.range, message, opts, { codes: u.codes });
}

/** The placeholder lines without those a suppression silences (marking it used): a line's placeholders share its line. */
function unsilencedPlaceholders(lines: readonly LineEntry[], suppressions: Suppressions): LineEntry[] {
  return lines.filter((entry) => !suppressions.silencer('unfilled-placeholder', entry.line));
}

/** How many placeholders a model lists, without making the list. */
const PLACEHOLDER_COUNT = new WeakMap<ReportModel, number>();

export function placeholderCount(model: ReportModel): number {
  return PLACEHOLDER_COUNT.get(model) ?? model.placeholders.length;
}

/**
 * `model.placeholders`, made from the lines' placeholders (by column) on first read: a
 * keystroke's version is mostly published and replaced before anything reads its list, and
 * the placeholders of the lines an edit moved need new ranges only then. An enumerable
 * property like any other (JSON, spreads and comparisons read it); assigning replaces it.
 */
function attachPlaceholders(model: ReportModel, lines: readonly LineEntry[]): void {
  let count = 0;
  for (const e of lines) count += e.cols.length;
  PLACEHOLDER_COUNT.set(model, count);
  let list: Placeholder[] | null = null;
  Object.defineProperty(model, 'placeholders', {
    enumerable: true,
    configurable: true,
    get() {
      if (!list) {
        list = new Array<Placeholder>(count);
        let k = 0;
        for (const e of lines) for (const p of placeholdersOf(e)) list[k++] = p;
      }
      return list;
    },
    set(value: Placeholder[]) {
      Object.defineProperty(model, 'placeholders', { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

/** One unfilled-placeholder diagnostic per placeholder (up to `limit`), in document order, kept with their line. */
function placeholderDiagnostics(lines: readonly LineEntry[], opts: AnalysisOptions, limit: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Tens of thousands of placeholders share few texts: format each message once.
  const text = new Map<string, string>();
  let total = 0;
  for (const entry of lines) total += entry.cols.length;
  for (const entry of lines) {
    if (out.length >= limit) break;
    if (!entry.diagnostics) {
      entry.diagnostics = [];
      for (const p of placeholdersOf(entry)) {
        const key = p.kind + '\0' + p.text;
        let message = text.get(key);
        if (message === undefined) text.set(key, (message = messages.unfilledPlaceholder(p.text, p.kind)));
        const d = makeDiagnostic('unfilled-placeholder', p.range, message, opts, { kind: p.kind });
        if (d) entry.diagnostics.push(d);
      }
    }
    for (const d of entry.diagnostics) if (out.length < limit) out.push(d);
  }
  if (total > limit && out.length === limit) {
    const last = out[out.length - 1]!;
    const d = makeDiagnostic('unfilled-placeholder', last.range, messages.morePlaceholders(total - limit), opts, { more: total - limit });
    if (d) out.push({ ...d, severity: 3 });
  }
  return out;
}

function mergeSorted(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0)
  );
}

/** Picks the template (explicit choice, else recognition) and adds its findings to the model. */
/** A recognised template whose rules take fewer than half of the sections by title does not fit. */
const MIN_RECOGNIZED_FIT = 0.5;

function applyTemplate(model: ReportModel, table: LineTable, context: AnalysisContext, opts: AnalysisOptions, fmStart: number | undefined): void {
  const push = (d: Diagnostic | null) => d && model.diagnostics.push(d);
  const choice = context.choice;
  const at = frontMatterKeyRange(table.lines, fmStart, 'template') ?? lineRange(0, 0, 0);
  let template: ReportTemplate | null = null;
  if (choice?.kind === 'unknown') {
    push(makeDiagnostic('unknown-template', at, templateMessages.unknownTemplate(choice.ref), opts));
  } else if (choice?.kind === 'invalid') {
    push(makeDiagnostic('template-invalid', at, templateMessages.templateInvalid(choice.ref, choice.reason), opts));
  } else if (choice?.kind === 'template') {
    template = choice.template;
  } else if (context.templates?.length && opts.recognizeTemplates) {
    template = recognizeTemplate(model.title?.text ?? null, context.fileName ?? null, context.templates);
    const anchor = model.title?.range ?? lineRange(0, 0, 0);
    if (template) push(makeDiagnostic('template-recognized', anchor, templateMessages.recognized(template.name, template.id), opts, { template: template.id }));
  }
  if (!template) return;
  model.template = template.builtin || !template.file ? template.id : template.file;
  // A recognised kind is a guess: what it finds in the outline is at most a warning; and when
  // most of the report's sections are none the template knows (an older layout of the same
  // kind, another kind with a like title), the guess does not fit: at most information.
  const findings = checkTemplate(model, table, template);
  const cap = choice?.kind === 'template' ? undefined : templateFit(model, template, table) < MIN_RECOGNIZED_FIT ? 'information' : 'warning';
  for (const f of findings) {
    const missing = f.code === 'missing-section' ? missingSectionOf(f.range, f.message, f.data) : null;
    if (missing) model.missing.push(missing);
    push(makeDiagnostic(f.code, f.range, f.message, opts, f.data, f.cap ?? cap));
  }
}

/** A missing section that can be inserted (one whose rule wants more of a present section has no insertion). */
function missingSectionOf(range: Range, message: string, data: unknown): MissingSection | null {
  const d = data as { rule?: unknown; title?: unknown; level?: unknown; edits?: TextEdit[] } | undefined;
  const edit = d?.edits?.[0];
  if (typeof d?.title !== 'string' || !edit) return null;
  const at = edit.range.start;
  const first = edit.newText.split(/\r?\n/).find((l) => l.trim() !== '') ?? d.title;
  return {
    rule: typeof d.rule === 'string' ? d.rule : '',
    title: d.title,
    level: typeof d.level === 'number' ? d.level : 1,
    heading: first.replace(/^\s*#{1,6}\s+/, '').trim(),
    at,
    beforeLine: at.character === 0 ? at.line : at.line + 1,
    range,
    message,
    edits: d.edits!,
  };
}

function frontMatterKeyRange(lines: readonly string[], fmStart: number | undefined, key: string): Range | null {
  if (fmStart === undefined) return null;
  const re = new RegExp(`^${key}\\s*:\\s*`);
  for (let n = fmStart + 1; n < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[n]!); n++) {
    const m = re.exec(lines[n]!);
    if (m) return lineRange(n, m[0].length, lines[n]!.trimEnd().length);
  }
  return null;
}

/** The `template:` named in a report's front matter, if any (for the edge to resolve). */
export function frontMatterTemplate(model: ReportModel): string | null {
  const t = model.frontMatter?.template;
  return typeof t === 'string' && t.trim() ? t.trim() : null;
}

export { findTemplate };

function documentTitle(
  data: Record<string, unknown> | null,
  fmStart: number | undefined,
  lines: readonly string[],
  fallback: ReportTitle | null,
): ReportTitle | null {
  const t = data?.title;
  if (typeof t === 'string' && t.trim() && fmStart !== undefined) {
    for (let n = fmStart + 1; n < lines.length; n++) {
      const m = /^title\s*:\s*/.exec(lines[n]!);
      if (m) return { text: t.trim(), range: lineRange(n, m[0].length, lines[n]!.trimEnd().length), source: 'front-matter' };
    }
  }
  return fallback;
}
