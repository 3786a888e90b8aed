/**
 * Machine-readable output, version 1. Ranges are LSP ranges: 0-based lines, UTF-16 characters.
 */
import type { OutlineNode, Range } from '../core';
import { diagnosticCode, severityName, summarize, type CheckedFile, type SeverityName } from './report';

export interface JsonOutline {
  level: number;
  marker: string;
  ordinal: number | null;
  title: string;
  range: Range;
  sectionRange: Range;
  form: string;
  placeholderCount: number;
  children: JsonOutline[];
}

export interface JsonFile {
  path: string;
  documentTitle: string | null;
  template: string | null;
  outline: JsonOutline[];
  placeholders: { text: string; kind: string; form: string; range: Range }[];
  diagnostics: { code: string; severity: SeverityName; message: string; range: Range }[];
}

export interface JsonOutput {
  version: 1;
  files: JsonFile[];
  summary: { files: number; errors: number; warnings: number; information: number; placeholders: number };
}

export function toJson(files: readonly CheckedFile[]): JsonOutput {
  const { errors, warnings, information, placeholders } = summarize(files);
  return {
    version: 1,
    files: files.map(jsonFile),
    summary: { files: files.length, errors, warnings, information, placeholders },
  };
}

export function formatJson(files: readonly CheckedFile[]): string {
  return JSON.stringify(toJson(files), null, 2) + '\n';
}

function jsonFile({ path, model, diagnostics }: CheckedFile): JsonFile {
  return {
    path,
    documentTitle: model.title?.text ?? null,
    template: model.template ?? null,
    outline: model.outline.map(jsonOutline),
    placeholders: model.placeholders.map(({ text, kind, form, range }) => ({ text, kind, form, range })),
    diagnostics: diagnostics.map((d) => ({
      code: diagnosticCode(d),
      severity: severityName(d),
      message: d.message,
      range: d.range,
    })),
  };
}

function jsonOutline(node: OutlineNode): JsonOutline {
  return {
    level: node.level,
    marker: node.marker,
    ordinal: node.ordinal,
    title: node.title,
    range: node.range,
    sectionRange: node.sectionRange,
    form: node.form,
    placeholderCount: node.placeholderCount,
    children: node.children.map(jsonOutline),
  };
}
