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

export function severityOf(code: DiagnosticCode, options: AnalysisOptions): SeveritySetting {
  return options.severity[code] ?? CODES[code];
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
