/**
 * YAML (or JSON) data checked against a JSON Schema, with every problem located in the
 * source text. Used for template rules and for the workspace configuration file.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import * as l10n from '@vscode/l10n';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Range } from './types';

export interface DataError {
  message: string;
  range: Range;
}

export interface LocatedData {
  data: unknown;
  errors: DataError[];
  /** The range of the value at a path (for checks a schema cannot express). */
  rangeAt(path: readonly (string | number)[]): Range;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function describePath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || l10n.t('the file');
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return l10n.t('unknown property "{0}"', String(e.params.additionalProperty));
  if (e.keyword === 'required') return l10n.t('missing property "{0}"', String(e.params.missingProperty));
  if (e.keyword === 'enum') return l10n.t('must be one of {0}', (e.params.allowedValues as unknown[]).join(', '));
  return e.message ?? e.keyword;
}

/**
 * @param text YAML or JSON
 * @param schema a draft-07 JSON Schema
 * @param lineOffset line of `text`'s first line within its file
 */
export function readYamlData(text: string, schema: object, lineOffset = 0): LocatedData {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    const r = { start: { line: lineOffset, character: 0 }, end: { line: lineOffset, character: 0 } };
    return { data: null, errors: [{ message: l10n.t('Not valid YAML: {0}', String((e as Error).message)), range: r }], rangeAt: () => r };
  }
  const rangeAt = (path: readonly (string | number)[]): Range => {
    let node: unknown = doc.getIn(path, true);
    for (let p = path.length; !node && p > 0; p--) node = doc.getIn(path.slice(0, p - 1), true);
    const r = (node as { range?: [number, number, number] } | undefined)?.range ?? [0, 0, 0];
    const a = lineCounter.linePos(r[0]);
    const b = lineCounter.linePos(Math.max(r[0], r[1]));
    return { start: { line: a.line - 1 + lineOffset, character: a.col - 1 }, end: { line: b.line - 1 + lineOffset, character: b.col - 1 } };
  };
  const errors: DataError[] = doc.errors.map((e) => {
    const at = e.linePos?.[0] ?? { line: 1, col: 1 };
    const pos = { line: at.line - 1 + lineOffset, character: at.col - 1 };
    return { message: l10n.t('Not valid YAML: {0}', e.message.split('\n')[0]!), range: { start: pos, end: pos } };
  });
  if (errors.length) return { data: null, errors, rangeAt };
  let data: unknown;
  let valid: boolean;
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  try {
    // Throws on an alias bomb (more than 50 alias uses) and on data nested too deep to walk.
    data = doc.toJS({ maxAliasCount: 50 });
    valid = validate(data);
  } catch (e) {
    const r = rangeAt([]);
    const at = { start: r.start, end: r.start };
    return { data: null, errors: [{ message: l10n.t('Not valid YAML: {0}', String((e as Error)?.message ?? e)), range: at }], rangeAt };
  }
  if (!valid) {
    for (const e of validate.errors ?? []) {
      const path = pathOf(e.instancePath);
      errors.push({ message: l10n.t('{0}: {1}', describePath(path), ajvMessage(e)), range: rangeAt(path) });
    }
  }
  return { data, errors, rangeAt };
}
