/**
 * SARIF 2.1.0 output: one run, one rule per diagnostic code, 1-based regions in UTF-16 columns.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ALL_CODES, CODES, DOCS_URL, docsLink, type Diagnostic, type DiagnosticCode, type SeveritySetting } from '../core';
import { ruleText } from './rules';
import { diagnosticCode, severityName, type CheckedFile } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifContext {
  toolVersion: string;
  /** Localised messages for inputs that could not be checked. */
  inputErrors: readonly string[];
  /** Language of the messages, e.g. `en-US` or `zh-CN`. */
  language: string;
}

export function toSarif(files: readonly CheckedFile[], context: SarifContext): Sarif.Log {
  const ruleIndex = new Map<string, number>(ALL_CODES.map((code, index) => [code, index]));
  const results: Sarif.Result[] = [];
  files.forEach((file, artifactIndex) => {
    for (const diagnostic of file.diagnostics) results.push(result(file, artifactIndex, diagnostic, ruleIndex));
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-lint',
            version: context.toolVersion,
            informationUri: DOCS_URL.replace(/#$/, ''),
            rules: ALL_CODES.map((code) => rule(code, context.language)),
          },
        },
        invocations: [
          {
            executionSuccessful: context.inputErrors.length === 0,
            toolExecutionNotifications: context.inputErrors.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        language: context.language,
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({ location: { uri: artifactUri(file.path) } })),
        results,
      },
    ],
  };
}

/**
 * A rule with its descriptions and help in the run's language (GitHub code scanning shows
 * the short description in lists, the full one and the help on each alert).
 */
function rule(code: DiagnosticCode, language: string): Sarif.ReportingDescriptor {
  const text = ruleText(code, language);
  const plain = (markdown: string) => markdown.replace(/`/g, '');
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: plain(text.short), markdown: text.short },
    fullDescription: { text: plain(text.full), markdown: text.full },
    help: { text: `${plain(text.help)} ${docsLink(code)}`, markdown: `${text.help}\n\n[${code}](${docsLink(code)})` },
    helpUri: docsLink(code),
    defaultConfiguration: { level: sarifLevel(CODES[code]) },
    properties: { tags: ['report-author'] },
  };
}

export function formatSarif(files: readonly CheckedFile[], context: SarifContext): string {
  return JSON.stringify(toSarif(files, context), null, 2) + '\n';
}

function result(
  file: CheckedFile,
  artifactIndex: number,
  diagnostic: Diagnostic,
  ruleIndex: ReadonlyMap<string, number>,
): Sarif.Result {
  const { start, end } = diagnostic.range;
  const id = diagnosticCode(diagnostic);
  const index = ruleIndex.get(id);
  return {
    ruleId: id,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevel(severityName(diagnostic)),
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file.path), index: artifactIndex },
          region: {
            startLine: start.line + 1,
            startColumn: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          },
        },
      },
    ],
  };
}

function sarifLevel(severity: SeveritySetting): Sarif.Result.level {
  if (severity === 'error' || severity === 'warning') return severity;
  return severity === 'off' ? 'none' : 'note';
}

/**
 * A relative path becomes a relative URI reference with forward slashes, each segment
 * percent-encoded (Chinese file names included); an absolute path becomes a file: URI.
 */
export function artifactUri(filePath: string): string {
  if (path.isAbsolute(filePath)) return pathToFileURL(filePath).href;
  const segments = filePath.split(/[\\/]+/).map(encodeURIComponent);
  return segments.join('/');
}
