import { CODES, type DiagnosticCode, type SeveritySetting } from './codes';

/** Which placeholder families are looked for. All on by default. */
export interface PlaceholderOptions {
  /** Runs of `*` / `＊`. */
  asterisks: boolean;
  /** `××`, `XX`, `xx` in value positions. */
  masks: boolean;
  /** `[填写…]`, `【待填…】`, `{{…}}`, `${…}`. */
  prompts: boolean;
  /** Fill-in blanks `____`. */
  blanks: boolean;
}

export interface AnalysisOptions {
  /** Severity per code; `off` drops the code. Unknown codes and values are ignored. */
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  placeholders: PlaceholderOptions;
  /**
   * House style for the level-3 marker: `any` accepts `1.` and `1．`; `halfwidth`
   * wants `1.`; `fullwidth` wants `1．`. `1、` is always reported.
   */
  level3Punctuation: 'any' | 'halfwidth' | 'fullwidth';
  /**
   * Recognise a report's kind from its title or file name when no template is named.
   * Off: only a named template (front matter, configuration, setting, `--template`) applies.
   */
  recognizeTemplates: boolean;
}

export const DEFAULT_OPTIONS: AnalysisOptions = Object.freeze({
  severity: {},
  placeholders: Object.freeze({ asterisks: true, masks: true, prompts: true, blanks: true }),
  level3Punctuation: 'any',
  recognizeTemplates: true,
}) as AnalysisOptions;

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Merges partial, possibly untrusted options over the defaults, dropping invalid values. */
export function resolveOptions(input?: DeepPartial<AnalysisOptions> | null): AnalysisOptions {
  const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  const given = (input?.severity ?? {}) as Record<string, unknown>;
  for (const [code, value] of Object.entries(given)) {
    if (code in CODES && typeof value === 'string' && SEVERITIES.has(value as SeveritySetting)) {
      severity[code as DiagnosticCode] = value as SeveritySetting;
    }
  }
  const p = input?.placeholders ?? {};
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const l3 = input?.level3Punctuation;
  return {
    severity,
    placeholders: {
      asterisks: bool(p.asterisks, true),
      masks: bool(p.masks, true),
      prompts: bool(p.prompts, true),
      blanks: bool(p.blanks, true),
    },
    level3Punctuation: l3 === 'halfwidth' || l3 === 'fullwidth' ? l3 : 'any',
    recognizeTemplates: bool(input?.recognizeTemplates, true),
  };
}

/**
 * A report's own `reportAuthor:` block of front matter (`severity`, `placeholders`,
 * `level3Punctuation`) over the options the edge resolved: the file has the last word.
 * Invalid values are dropped, as everywhere else.
 */
export function withFileOptions(base: AnalysisOptions, frontMatter: Record<string, unknown> | null): AnalysisOptions {
  const own = frontMatter?.reportAuthor;
  if (!own || typeof own !== 'object' || Array.isArray(own)) return base;
  const o = own as { severity?: unknown; placeholders?: unknown; level3Punctuation?: unknown };
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const file = resolveOptions({
    severity: obj(o.severity) as DeepPartial<AnalysisOptions>['severity'],
    placeholders: obj(o.placeholders) as DeepPartial<PlaceholderOptions>,
  });
  const given = obj(o.placeholders);
  const placeholders = { ...base.placeholders };
  for (const k of Object.keys(placeholders) as (keyof PlaceholderOptions)[]) if (typeof given[k] === 'boolean') placeholders[k] = given[k] as boolean;
  const l3 = o.level3Punctuation;
  return {
    ...base,
    severity: { ...base.severity, ...file.severity },
    placeholders,
    level3Punctuation: l3 === 'any' || l3 === 'halfwidth' || l3 === 'fullwidth' ? l3 : base.level3Punctuation,
  };
}

/** What is wrong with a report's `reportAuthor:` front matter block, one problem each ({ key path, value }). */
export function fileOptionProblems(frontMatter: Record<string, unknown> | null): { key: string; allowed: string }[] {
  if (!frontMatter || !('reportAuthor' in frontMatter)) return [];
  const own = frontMatter.reportAuthor;
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(own)) return [{ key: 'reportAuthor', allowed: 'severity, placeholders, level3Punctuation' }];
  const out: { key: string; allowed: string }[] = [];
  const severities = [...SEVERITIES].join(', ');
  for (const [key, value] of Object.entries(own)) {
    if (key === 'severity') {
      if (!isObject(value)) out.push({ key: 'reportAuthor.severity', allowed: Object.keys(CODES).join(', ') });
      else
        for (const [code, v] of Object.entries(value)) {
          if (!(code in CODES)) out.push({ key: `reportAuthor.severity.${code}`, allowed: Object.keys(CODES).join(', ') });
          else if (typeof v !== 'string' || !SEVERITIES.has(v as SeveritySetting)) out.push({ key: `reportAuthor.severity.${code}`, allowed: severities });
        }
    } else if (key === 'placeholders') {
      const names = ['asterisks', 'masks', 'prompts', 'blanks'];
      if (!isObject(value)) out.push({ key: 'reportAuthor.placeholders', allowed: names.join(', ') });
      else
        for (const [name, v] of Object.entries(value)) {
          if (!names.includes(name)) out.push({ key: `reportAuthor.placeholders.${name}`, allowed: names.join(', ') });
          else if (typeof v !== 'boolean') out.push({ key: `reportAuthor.placeholders.${name}`, allowed: 'true, false' });
        }
    } else if (key === 'level3Punctuation') {
      if (value !== 'any' && value !== 'halfwidth' && value !== 'fullwidth') out.push({ key: 'reportAuthor.level3Punctuation', allowed: 'any, halfwidth, fullwidth' });
    } else out.push({ key: `reportAuthor.${key}`, allowed: 'severity, placeholders, level3Punctuation' });
  }
  return out;
}

export function severityOf(code: DiagnosticCode, options: AnalysisOptions): SeveritySetting {
  return options.severity[code] ?? CODES[code];
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
