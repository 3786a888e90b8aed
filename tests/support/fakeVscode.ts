/**
 * A small stand-in for the `vscode` module, enough for the language client's conversions
 * (client/src/lsp/convert.ts) and its workspace helpers to run under Node's test runner.
 * Importing this file makes `require('vscode')` return it; import it before the client's
 * modules. The classes keep what their constructors and setters were given, like VS Code's.
 */
import Module from 'node:module';
import { URI } from 'vscode-uri';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export class Location {
  constructor(
    readonly uri: URI,
    readonly range: Range,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class Diagnostic {
  code?: string | number | { value: string | number; target: URI };
  source?: string;
  tags?: number[];
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    public range: Range,
    public message: string,
    public severity: number = DiagnosticSeverity.Error,
  ) {}
}

export class MarkdownString {
  constructor(public value = '') {}
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
}

type FileOperation = { op: 'create' | 'delete'; uri: URI; options?: object } | { op: 'rename'; from: URI; to: URI; options?: object };

export class WorkspaceEdit {
  private readonly edits: Array<[URI, TextEdit]> = [];
  readonly fileOperations: FileOperation[] = [];
  replace(uri: URI, range: Range, newText: string): void {
    this.edits.push([uri, new TextEdit(range, newText)]);
  }
  createFile(uri: URI, options?: object): void {
    this.fileOperations.push({ op: 'create', uri, options });
  }
  renameFile(from: URI, to: URI, options?: object): void {
    this.fileOperations.push({ op: 'rename', from, to, options });
  }
  deleteFile(uri: URI, options?: object): void {
    this.fileOperations.push({ op: 'delete', uri, options });
  }
  /** The text edits by document, in the order given (VS Code's `entries()`). */
  entries(): Array<[URI, TextEdit[]]> {
    const by = new Map<string, [URI, TextEdit[]]>();
    for (const [uri, edit] of this.edits) {
      const key = uri.toString();
      if (!by.has(key)) by.set(key, [uri, []]);
      by.get(key)![1].push(edit);
    }
    return [...by.values()];
  }
}

export class Hover {
  constructor(
    readonly contents: MarkdownString[],
    readonly range?: Range,
  ) {}
}

export class DocumentSymbol {
  tags?: number[];
  children: DocumentSymbol[] = [];
  constructor(
    readonly name: string,
    readonly detail: string,
    readonly kind: number,
    readonly range: Range,
    readonly selectionRange: Range,
  ) {}
}

export class SymbolInformation {
  constructor(
    readonly name: string,
    readonly kind: number,
    readonly containerName: string,
    readonly location: Location,
  ) {}
}

export class FoldingRange {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly kind?: number,
  ) {}
}

export class CompletionItem {
  kind?: number;
  detail?: string;
  documentation?: string | MarkdownString;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  tags?: number[];
  commitCharacters?: string[];
  insertText?: string | SnippetString;
  range?: Range | { inserting: Range; replacing: Range };
  additionalTextEdits?: TextEdit[];
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(readonly label: string | { label: string; detail?: string; description?: string }) {}
}

export class CompletionList {
  constructor(
    readonly items: CompletionItem[],
    readonly isIncomplete: boolean,
  ) {}
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  private constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
}

export class CodeAction {
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  disabled?: { reason: string };
  edit?: WorkspaceEdit;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class RelativePattern {
  constructor(
    readonly baseUri: URI,
    readonly pattern: string,
  ) {}
}

export const Disposable = {
  from: (...items: Array<{ dispose(): unknown }>) => ({ dispose: () => items.forEach((i) => i.dispose()) }),
};

export const Uri = URI;

/**
 * Settings as VS Code would return them: `settings` by dotted key; `getConfiguration` calls
 * are recorded with their scope.
 */
export const configuration = {
  settings: {} as Record<string, unknown>,
  calls: [] as Array<{ section: string | undefined; scope: string | undefined }>,
};

function lookup(path: string): unknown {
  let value: unknown = configuration.settings;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

export const workspace = {
  getConfiguration(section?: string, scope?: URI) {
    configuration.calls.push({ section, scope: scope?.toString() });
    const base = section ? lookup(section) : configuration.settings;
    return { ...(base as object), get: (key: string) => lookup(section ? `${section}.${key}` : key) };
  },
};

const fake = {
  Position,
  Range,
  DiagnosticSeverity,
  Location,
  DiagnosticRelatedInformation,
  Diagnostic,
  MarkdownString,
  SnippetString,
  TextEdit,
  WorkspaceEdit,
  Hover,
  DocumentSymbol,
  SymbolInformation,
  FoldingRange,
  CompletionItem,
  CompletionList,
  CodeActionKind,
  CodeAction,
  RelativePattern,
  Disposable,
  Uri,
  workspace,
};

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'vscode' ? fake : load.call(this, request, parent, isMain);
};
