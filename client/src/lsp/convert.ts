/**
 * Conversions between LSP data (what the server sends and reads) and the `vscode` API's
 * classes. Positions are UTF-16 on both sides, LSP enums are 1-based where VS Code's are
 * 0-based. A diagnostic converted from the server keeps its LSP original (with `data`,
 * where quick fixes carry their edits), and a code action keeps its own for
 * `codeAction/resolve`: both go back to the server exactly as they came.
 */
import * as vscode from 'vscode';
import type * as lsp from 'vscode-languageserver-protocol';

const originalDiagnostics = new WeakMap<vscode.Diagnostic, lsp.Diagnostic>();
const originalActions = new WeakMap<vscode.CodeAction, lsp.CodeAction>();

// ---------------------------------------------------------------------------------------
// Positions and ranges.

export const asPosition = (p: lsp.Position): vscode.Position => new vscode.Position(p.line, p.character);
export const asRange = (r: lsp.Range): vscode.Range => new vscode.Range(asPosition(r.start), asPosition(r.end));
export const toPosition = (p: vscode.Position): lsp.Position => ({ line: p.line, character: p.character });
export const toRange = (r: vscode.Range): lsp.Range => ({ start: toPosition(r.start), end: toPosition(r.end) });

// ---------------------------------------------------------------------------------------
// Diagnostics.

export function asDiagnostic(d: lsp.Diagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(asRange(d.range), d.message, d.severity ? d.severity - 1 : vscode.DiagnosticSeverity.Error);
  if (d.code !== undefined) result.code = d.codeDescription ? { value: d.code, target: vscode.Uri.parse(d.codeDescription.href) } : d.code;
  if (d.source !== undefined) result.source = d.source;
  if (d.tags) result.tags = d.tags.filter((t) => t === 1 || t === 2) as number[] as vscode.DiagnosticTag[];
  if (d.relatedInformation) {
    result.relatedInformation = d.relatedInformation.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.location.uri), asRange(r.location.range)), r.message),
    );
  }
  originalDiagnostics.set(result, d);
  return result;
}

/** The server's own diagnostic when it came from the server (its `data` intact), else a conversion. */
export function toDiagnostic(d: vscode.Diagnostic): lsp.Diagnostic {
  const original = originalDiagnostics.get(d);
  if (original) return original;
  const result: lsp.Diagnostic = { range: toRange(d.range), message: d.message, severity: (d.severity + 1) as lsp.DiagnosticSeverity };
  if (d.code !== undefined) {
    if (typeof d.code === 'object') {
      result.code = d.code.value;
      result.codeDescription = { href: d.code.target.toString() };
    } else result.code = d.code;
  }
  if (d.source !== undefined) result.source = d.source;
  if (d.tags?.length) result.tags = d.tags as number[] as lsp.DiagnosticTag[];
  return result;
}

// ---------------------------------------------------------------------------------------
// Text, edits, commands.

/** Markup or a marked string as VS Code's Markdown (plain text escaped, code as a code block). */
export function asMarkdown(content: lsp.MarkupContent | lsp.MarkedString): vscode.MarkdownString {
  if (typeof content === 'string') return new vscode.MarkdownString(content);
  if ('kind' in content) return content.kind === 'markdown' ? new vscode.MarkdownString(content.value) : new vscode.MarkdownString().appendText(content.value);
  return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
}

export const asTextEdit = (e: lsp.TextEdit): vscode.TextEdit => new vscode.TextEdit(asRange(e.range), e.newText);

export function asCommand(c: lsp.Command): vscode.Command {
  const result: vscode.Command = { title: c.title, command: c.command };
  if (c.arguments) result.arguments = c.arguments;
  return result;
}

export function asWorkspaceEdit(edit: lsp.WorkspaceEdit): vscode.WorkspaceEdit {
  const result = new vscode.WorkspaceEdit();
  const uri = (u: string) => vscode.Uri.parse(u);
  const replaceAll = (target: vscode.Uri, edits: readonly lsp.TextEdit[]) => {
    for (const e of edits) result.replace(target, asRange(e.range), e.newText);
  };
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if (!('kind' in change)) replaceAll(uri(change.textDocument.uri), change.edits);
      else if (change.kind === 'create') result.createFile(uri(change.uri), change.options);
      else if (change.kind === 'rename') result.renameFile(uri(change.oldUri), uri(change.newUri), change.options);
      else if (change.kind === 'delete') result.deleteFile(uri(change.uri), change.options);
    }
  } else if (edit.changes) {
    for (const [target, edits] of Object.entries(edit.changes)) replaceAll(uri(target), edits);
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Features.

export function asHover(h: lsp.Hover | null | undefined): vscode.Hover | undefined {
  if (!h) return undefined;
  const contents = Array.isArray(h.contents) ? h.contents : [h.contents];
  return new vscode.Hover(contents.map(asMarkdown), h.range ? asRange(h.range) : undefined);
}

export function asDocumentSymbols(
  result: lsp.DocumentSymbol[] | lsp.SymbolInformation[] | null | undefined,
): vscode.DocumentSymbol[] | vscode.SymbolInformation[] | undefined {
  if (!result) return undefined;
  if (result.length && 'location' in result[0]!) {
    return (result as lsp.SymbolInformation[]).map(
      (s) => new vscode.SymbolInformation(s.name, s.kind - 1, s.containerName ?? '', new vscode.Location(vscode.Uri.parse(s.location.uri), asRange(s.location.range))),
    );
  }
  const symbol = (s: lsp.DocumentSymbol): vscode.DocumentSymbol => {
    const out = new vscode.DocumentSymbol(s.name, s.detail ?? '', s.kind - 1, asRange(s.range), asRange(s.selectionRange));
    if (s.tags) out.tags = s.tags as number[] as vscode.SymbolTag[];
    out.children = (s.children ?? []).map(symbol);
    return out;
  };
  return (result as lsp.DocumentSymbol[]).map(symbol);
}

const FOLDING_KINDS: Record<string, number> = { comment: 1, imports: 2, region: 3 };

export function asFoldingRanges(result: lsp.FoldingRange[] | null | undefined): vscode.FoldingRange[] | undefined {
  return result?.map((r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind ? (FOLDING_KINDS[r.kind] as vscode.FoldingRangeKind | undefined) : undefined));
}

export function asCompletionItem(item: lsp.CompletionItem, defaults?: lsp.CompletionList['itemDefaults']): vscode.CompletionItem {
  const label: string | vscode.CompletionItemLabel = item.labelDetails ? { label: item.label, ...item.labelDetails } : item.label;
  const result = new vscode.CompletionItem(label);
  if (item.kind) result.kind = item.kind - 1;
  if (item.detail !== undefined) result.detail = item.detail;
  if (item.documentation !== undefined) {
    result.documentation = typeof item.documentation === 'string' ? item.documentation : asMarkdown(item.documentation);
  }
  if (item.sortText !== undefined) result.sortText = item.sortText;
  if (item.filterText !== undefined) result.filterText = item.filterText;
  if (item.preselect) result.preselect = true;
  if (item.tags) result.tags = item.tags as number[] as vscode.CompletionItemTag[];
  const commitCharacters = item.commitCharacters ?? defaults?.commitCharacters;
  if (commitCharacters) result.commitCharacters = commitCharacters;
  const snippet = (item.insertTextFormat ?? defaults?.insertTextFormat) === 2;
  const text = (s: string) => (snippet ? new vscode.SnippetString(s) : s);
  const edit = item.textEdit;
  const editRange = defaults?.editRange;
  if (edit) {
    result.insertText = text(edit.newText);
    result.range = 'range' in edit ? asRange(edit.range) : { inserting: asRange(edit.insert), replacing: asRange(edit.replace) };
  } else {
    if (item.insertText !== undefined || item.textEditText !== undefined || snippet) result.insertText = text(item.textEditText ?? item.insertText ?? item.label);
    if (editRange) result.range = 'start' in editRange ? asRange(editRange) : { inserting: asRange(editRange.insert), replacing: asRange(editRange.replace) };
  }
  if (item.additionalTextEdits) result.additionalTextEdits = item.additionalTextEdits.map(asTextEdit);
  if (item.command) result.command = asCommand(item.command);
  return result;
}

export function asCompletionResult(result: lsp.CompletionItem[] | lsp.CompletionList | null | undefined): vscode.CompletionList | undefined {
  if (!result) return undefined;
  if (Array.isArray(result)) return new vscode.CompletionList(result.map((i) => asCompletionItem(i)), false);
  return new vscode.CompletionList(
    result.items.map((i) => asCompletionItem(i, result.itemDefaults)),
    result.isIncomplete,
  );
}

export function asCodeAction(a: lsp.CodeAction | lsp.Command): vscode.CodeAction | vscode.Command {
  if (typeof a.command === 'string') return asCommand(a as lsp.Command);
  const action = a as lsp.CodeAction;
  const result = new vscode.CodeAction(action.title, action.kind !== undefined ? vscode.CodeActionKind.Empty.append(action.kind) : undefined);
  if (action.diagnostics) result.diagnostics = action.diagnostics.map(asDiagnostic);
  if (action.isPreferred) result.isPreferred = true;
  if (action.disabled) result.disabled = { reason: action.disabled.reason };
  if (action.edit) result.edit = asWorkspaceEdit(action.edit);
  if (action.command) result.command = asCommand(action.command);
  originalActions.set(result, action);
  return result;
}

/** The server's action behind a converted one, to resolve (`codeAction/resolve`). */
export const lspCodeAction = (a: vscode.CodeAction): lsp.CodeAction | undefined => originalActions.get(a);

export function toCodeActionContext(context: vscode.CodeActionContext): lsp.CodeActionContext {
  const result: lsp.CodeActionContext = { diagnostics: context.diagnostics.map(toDiagnostic), triggerKind: context.triggerKind as number as lsp.CodeActionTriggerKind };
  if (context.only) result.only = [context.only.value];
  return result;
}
