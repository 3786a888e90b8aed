/**
 * Everything that crosses the process boundary between the extension and the language
 * server, typed once and imported by both sides: custom requests and notifications, and
 * the settings the server reads.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { Range, TextEdit } from 'vscode-languageserver-types';

// ---------------------------------------------------------------------------------------
// Settings (`reportAuthor.*`), mirrored by package.json `contributes.configuration`.

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ReportAuthorSettings {
  /** Severity per diagnostic code. */
  severity: Record<string, SeveritySetting>;
  placeholders: { asterisks: boolean; masks: boolean; prompts: boolean; blanks: boolean };
  level3Punctuation: 'any' | 'halfwidth' | 'fullwidth';
  /** A folder of the user's own templates (absolute, or relative to the workspace folder). */
  templatesFolder: string;
  /** Glob (relative to the workspace folder) → template id, Chinese name or path. */
  templates: Record<string, string>;
  /** Which Markdown files are reports: `auto` (front matter, a mapping, or two numbered sections), `always`, `never`. */
  detect: 'auto' | 'always' | 'never';
  /** Recognise a report's kind from its title or file name when no template is named. */
  recognizeTemplates: boolean;
}

export const DEFAULT_SETTINGS: ReportAuthorSettings = {
  severity: {},
  placeholders: { asterisks: true, masks: true, prompts: true, blanks: true },
  level3Punctuation: 'any',
  templatesFolder: '',
  templates: {},
  detect: 'auto',
  recognizeTemplates: true,
};

// ---------------------------------------------------------------------------------------
// Outline status: pushed by the server after each analysis, drives the status bar and the
// "Report" tree view.

export interface SectionStatus {
  marker: string;
  title: string;
  level: number;
  /** The heading; for a missing section, where it would be inserted. */
  range: Range;
  placeholderCount: number;
  /** A section the template requires that the report does not have yet. */
  missing: boolean;
  /** The first subsections (a status lists at most 500 sections, breadth first). */
  children: SectionStatus[];
  /** Subsections left out of `children` (absent when none). */
  more?: number;
}

export interface OutlineStatus {
  uri: string;
  version: number;
  /** False for Markdown files that are not reports: the client shows nothing for them. */
  isReport: boolean;
  template: { id: string; name: string } | null;
  placeholderCount: number;
  missingCount: number;
  /** The first sections, breadth first, at most 500 in all (titles cut to 80 characters); the counts above are exact. */
  sections: SectionStatus[];
  /** Top-level sections left out of `sections` (absent when none). */
  moreSections?: number;
}

export const OutlineStatusNotification = new NotificationType<OutlineStatus>('reportAuthor/outlineStatus');

// ---------------------------------------------------------------------------------------
// Requests.

export interface PlaceholderItem {
  uri: string;
  text: string;
  kind: 'count' | 'amount' | 'percent' | 'date' | 'name' | 'other';
  range: Range;
  /** The enclosing section's marker and title, e.g. `（二）抓好阵地建设` (cut to 40 characters with `…`), or ''. */
  section: string;
}

/** Placeholders of one document (`uri`), or of every report in the workspace (no `uri`). */
export interface PlaceholdersParams {
  uri?: string;
}
export const PlaceholdersRequest = new RequestType<PlaceholdersParams, PlaceholderItem[], void>('reportAuthor/placeholders');

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  /** Absolute path of the template file. */
  path: string;
  builtin: boolean;
}
/** Templates available for the document (or the first workspace folder). */
export const ListTemplatesRequest = new RequestType<{ uri?: string }, TemplateInfo[], void>('reportAuthor/listTemplates');

/** The skeleton text of a template, for "New Report from Template". */
export const TemplateSkeletonRequest = new RequestType<{ id: string; uri?: string }, { text: string } | null, void>(
  'reportAuthor/templateSkeleton',
);

/** A template derived from the document (its sections, numbers with units as placeholders). */
export const DeriveTemplateRequest = new RequestType<{ uri: string }, { text: string } | null, void>('reportAuthor/deriveTemplate');

// ---------------------------------------------------------------------------------------
// The preview: rendered by the server from its analysis of the document's current version.

export interface PreviewParams {
  uri: string;
  /** `editor` follows the editor's theme; `gbt9704` looks like a printed 公文. */
  style: 'editor' | 'gbt9704';
  /** A whole self-contained page (the HTML export) instead of the panel's fragment. */
  standalone?: boolean;
}

export interface PreviewResult {
  uri: string;
  /** The document version rendered (the server's latest; never older than the client's when it asked). */
  version: number;
  /** Sanitized HTML. */
  html: string;
  title: string;
  isReport: boolean;
  /**
   * The insertion of each missing section, in the order the ghosts number them
   * (`data-missing-index`): made from the analysis whatever the severity of `missing-section`.
   */
  inserts: Array<{ title: string; edits: TextEdit[] }>;
}

/** The preview of a document (null: not open, or superseded by a newer request for it). */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('reportAuthor/preview');

export interface PlaceholderSpan {
  range: Range;
  text: string;
  kind: PlaceholderItem['kind'];
  /** Silenced by a `report-author-disable` comment: shown as written, never as a chip or emphasis. */
  silenced?: true;
}

/** The placeholders of one version of a document, as VS Code's own Markdown preview shows them. */
export interface DocumentPlaceholders {
  uri: string;
  version: number;
  /** Empty for a Markdown file that is not a report; silenced ones are flagged. */
  placeholders: PlaceholderSpan[];
}
export const DocumentPlaceholdersRequest = new RequestType<{ uri: string }, DocumentPlaceholders | null, void>('reportAuthor/documentPlaceholders');
/** The report as a Word file laid out as GB/T 9704 (built in the server, written by the client). */
export interface ExportDocxResult {
  /** The .docx file, base64. */
  base64: string;
  /** Placeholders still to be filled (highlighted in the document). */
  placeholders: number;
  /** Problems that did not stop the export, e.g. an image that could not be embedded. */
  warnings: string[];
}
/** Null when the document is not open in the server. */
export const ExportDocxRequest = new RequestType<{ uri: string }, ExportDocxResult | null, void>('reportAuthor/exportDocx');

// ---------------------------------------------------------------------------------------
// Every report of the workspace, for the Report view's "all reports" mode and the workspace
// check. Cancellable: the server stops between files when the client cancels.

export interface WorkspaceReport {
  uri: string;
  /** The file's path relative to its workspace folder (`/`-separated), or its full path. */
  path: string;
  template: { id: string; name: string } | null;
  placeholderCount: number;
  /** The first placeholders (at most `WORKSPACE_PLACEHOLDERS_PER_REPORT`), in order. */
  placeholders: PlaceholderItem[];
  /** Sections the template requires that the report lacks, where each would go. */
  missing: { title: string; range: Range }[];
  errors: number;
  warnings: number;
}
export const WORKSPACE_PLACEHOLDERS_PER_REPORT = 100;
/** No `uris`: every report of the workspace folders. `uris`: those files only (the reports among them). */
export interface WorkspaceReportsParams {
  uris?: string[];
}
export const WorkspaceReportsRequest = new RequestType<WorkspaceReportsParams, WorkspaceReport[], void>('reportAuthor/workspaceReports');
