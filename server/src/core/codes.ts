/**
 * Stable diagnostic codes and their default severities. Codes never change meaning;
 * the README documents each one under a heading with the same name.
 */
export const DIAGNOSTIC_SOURCE = 'report-author';

export const CODES = {
  'numbering-gap': 'error',
  'numbering-duplicate': 'error',
  'numbering-order': 'error',
  'marker-punctuation': 'warning',
  'marker-width': 'warning',
  'level-skip': 'information',
  'unfilled-placeholder': 'warning',
  'ambiguous-emphasis': 'warning',
  'front-matter-invalid': 'warning',
  'missing-section': 'error',
  'section-order': 'warning',
  'unexpected-section': 'warning',
  'duplicate-section': 'warning',
  'empty-section': 'warning',
  'section-length': 'warning',
  'too-few-children': 'warning',
  'too-many-children': 'warning',
  'title-mismatch': 'hint',
  'template-recognized': 'information',
  'unknown-template': 'error',
  'template-invalid': 'error',
  // Off unless asked for (`report-lint --report-unused-disable`, or a severity setting).
  'unused-suppression': 'off',
} as const satisfies Record<string, SeveritySetting>;

export type DiagnosticCode = keyof typeof CODES;
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const ALL_CODES = Object.keys(CODES) as DiagnosticCode[];

/** Where the README documents a code (used for `codeDescription`). */
export const DOCS_URL = 'https://github.com/report-author/report-author#';

export function docsLink(code: string): string {
  return DOCS_URL + code;
}
