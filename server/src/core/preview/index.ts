/** The report preview: rendering for the editor's panel, the HTML export and the CLI. */
export { renderReport, type PreviewStyle, type RenderOptions, type RenderResult } from './render';
export { kindLabel, labels } from './labels';
export { missingSections, type MissingSection } from './missing';
export { completion, panelEntries, type Completion, type PanelEntry } from './panel';
export { SANITIZE_SCHEMA } from './sanitize';
export { EXPORT_CSP } from './page';
