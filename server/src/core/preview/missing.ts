/**
 * Sections the template requires that the report lacks, as the preview shows them: the
 * model's `missing` list (held whatever the severity of `missing-section`), each with its
 * index in that list, which names it in an "insert" action.
 */
import type { MissingSection as ModelMissingSection, ReportModel } from '../types';

export interface MissingSection extends ModelMissingSection {
  /** Index in `model.missing`: what an "insert" action names. */
  index: number;
}

export function missingSections(model: Pick<ReportModel, 'missing'>): MissingSection[] {
  return (model.missing ?? []).map((m, index) => ({ ...m, index }));
}
