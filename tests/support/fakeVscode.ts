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

export class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  get size(): number {
    return this.listeners.size;
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** An open document as the workspace holds it; `edit` changes it and fires onDidChangeTextDocument. */
export class TextDocument {
  version = 1;
  constructor(
    readonly uri: URI,
    readonly languageId: string,
    private text: string,
  ) {}
  getText(): string {
    return this.text;
  }
  /** Replaces a range of one line (enough for the tests) and tells the listeners, as VS Code does. */
  edit(line: number, from: number, to: number, text: string): void {
    const lines = this.text.split('\n');
    const before = lines[line]!;
    lines[line] = before.slice(0, from) + text + before.slice(to);
    this.text = lines.join('\n');
    this.version++;
    const range = new Range(new Position(line, from), new Position(line, to));
    workspace.changed.fire({ document: this, contentChanges: [{ range, rangeLength: to - from, text }] });
  }
}

export const workspace = {
  getConfiguration(section?: string, scope?: URI) {
    configuration.calls.push({ section, scope: scope?.toString() });
    const base = section ? lookup(section) : configuration.settings;
    return { ...(base as object), get: (key: string) => lookup(section ? `${section}.${key}` : key) };
  },
  textDocuments: [] as TextDocument[],
  workspaceFolders: undefined as undefined | Array<{ uri: URI; name: string; index: number }>,
  opened: new EventEmitter<TextDocument>(),
  changed: new EventEmitter<{ document: TextDocument; contentChanges: unknown[] }>(),
  saved: new EventEmitter<TextDocument>(),
  closed: new EventEmitter<TextDocument>(),
  configurationChanged: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  foldersChanged: new EventEmitter<{ added: unknown[]; removed: unknown[] }>(),
  /** The patterns of the watchers created, in order. */
  watched: [] as unknown[],
  get onDidOpenTextDocument() {
    return this.opened.event;
  },
  get onDidChangeTextDocument() {
    return this.changed.event;
  },
  get onDidSaveTextDocument() {
    return this.saved.event;
  },
  get onDidCloseTextDocument() {
    return this.closed.event;
  },
  get onDidChangeConfiguration() {
    return this.configurationChanged.event;
  },
  get onDidChangeWorkspaceFolders() {
    return this.foldersChanged.event;
  },
  createFileSystemWatcher(pattern: unknown) {
    workspace.watched.push(pattern);
    const never = () => ({ dispose: () => undefined });
    return { onDidCreate: never, onDidChange: never, onDidDelete: never, dispose: () => undefined };
  },
};

/** Diagnostics as the client sets them; `changed` fires with the URI on every set. */
export class DiagnosticCollection {
  readonly entries = new Map<string, Diagnostic[]>();
  readonly changed = new EventEmitter<string>();
  constructor(readonly name: string) {}
  set(uri: URI, diagnostics: Diagnostic[]): void {
    this.entries.set(uri.toString(), diagnostics);
    this.changed.fire(uri.toString());
  }
  get(uri: URI): Diagnostic[] | undefined {
    return this.entries.get(uri.toString());
  }
  delete(uri: URI): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  dispose(): void {
    this.entries.clear();
  }
}

type Filter = { scheme?: string; language?: string };
export const languages = {
  collections: [] as DiagnosticCollection[],
  /** Providers registered and not disposed, by kind. */
  providers: new Map<string, Set<{ selector: unknown; provider: unknown; extra: unknown }>>(),
  createDiagnosticCollection(name: string) {
    const c = new DiagnosticCollection(name);
    languages.collections.push(c);
    return c;
  },
  match(selector: Filter | Filter[], doc: TextDocument): number {
    const filters = Array.isArray(selector) ? selector : [selector];
    return filters.some((f) => (!f.scheme || f.scheme === doc.uri.scheme) && (!f.language || f.language === doc.languageId)) ? 10 : 0;
  },
};
for (const kind of ['DocumentSymbol', 'FoldingRange', 'Hover', 'CompletionItem', 'CodeActions']) {
  (languages as Record<string, unknown>)[`register${kind}Provider`] = (selector: unknown, provider: unknown, ...extra: unknown[]) => {
    const set = languages.providers.get(kind) ?? new Set();
    languages.providers.set(kind, set);
    const entry = { selector, provider, extra };
    set.add(entry);
    return { dispose: () => void set.delete(entry) };
  };
}

/** Messages shown; `answer` picks the item a user would click (none by default). */
export const messages = {
  shown: [] as Array<{ level: string; message: string; items: string[] }>,
  answer: (_message: string, _items: string[]): string | undefined => undefined,
  onShown: new EventEmitter<string>(),
};
const show = (level: string) => (message: string, ...items: Array<string | { title: string }>) => {
  const titles = items.map((i) => (typeof i === 'string' ? i : i.title));
  messages.shown.push({ level, message, items: titles });
  messages.onShown.fire(message);
  const picked = messages.answer(message, titles);
  return Promise.resolve(items.find((i) => (typeof i === 'string' ? i : i.title) === picked));
};

export const window = {
  createOutputChannel(name: string) {
    const channel = { name, text: '', append: (t: string) => void (channel.text += t), appendLine: (t: string) => void (channel.text += t + '\n'), dispose: () => undefined };
    return channel;
  },
  showErrorMessage: show('error'),
  showWarningMessage: show('warning'),
  showInformationMessage: show('information'),
};

export const env = { appName: 'fake', language: 'en' };
export const version = '1.95.0';
export const l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

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
  EventEmitter,
  languages,
  window,
  env,
  version,
  l10n,
};

const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'vscode' ? fake : load.call(this, request, parent, isMain);
};
