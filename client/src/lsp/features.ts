/**
 * The language features the server offers (its initialize result says which), registered
 * as VS Code providers for the document selector: document symbols, folding ranges, hover,
 * completion, code actions (resolved lazily when the server resolves them). Each provider
 * passes VS Code's cancellation token on to the request.
 */
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';
import {
  asCodeAction,
  asCompletionResult,
  asDocumentSymbols,
  asFoldingRanges,
  asHover,
  asWorkspaceEdit,
  lspCodeAction,
  toCodeActionContext,
  toPosition,
  toRange,
} from './convert';
import { CodeActionResolve, CodeActions, Completion, DocumentSymbols, FoldingRanges, Hover } from './messages';

/** A request on behalf of a provider: null when it fails or is cancelled (the failure is logged). */
export type Ask = <P, R>(type: RequestType<P, R, void>, params: P, token: vscode.CancellationToken) => Promise<R | null>;

export function registerFeatures(ask: Ask, capabilities: lsp.ServerCapabilities, selector: vscode.DocumentSelector): vscode.Disposable {
  const out: vscode.Disposable[] = [];
  const textDocument = (doc: vscode.TextDocument) => ({ uri: doc.uri.toString() });
  const at = (doc: vscode.TextDocument, position: vscode.Position) => ({ textDocument: textDocument(doc), position: toPosition(position) });

  const symbols = capabilities.documentSymbolProvider;
  if (symbols) {
    const label = typeof symbols === 'object' ? symbols.label : undefined;
    out.push(
      vscode.languages.registerDocumentSymbolProvider(
        selector,
        { provideDocumentSymbols: async (doc, token) => asDocumentSymbols(await ask(DocumentSymbols, { textDocument: textDocument(doc) }, token)) },
        label ? { label } : undefined,
      ),
    );
  }
  if (capabilities.foldingRangeProvider) {
    out.push(
      vscode.languages.registerFoldingRangeProvider(selector, {
        provideFoldingRanges: async (doc, _context, token) => asFoldingRanges(await ask(FoldingRanges, { textDocument: textDocument(doc) }, token)),
      }),
    );
  }
  if (capabilities.hoverProvider) {
    out.push(
      vscode.languages.registerHoverProvider(selector, {
        provideHover: async (doc, position, token) => asHover(await ask(Hover, at(doc, position), token)),
      }),
    );
  }
  const completion = capabilities.completionProvider;
  if (completion) {
    out.push(
      vscode.languages.registerCompletionItemProvider(
        selector,
        {
          provideCompletionItems: async (doc, position, token, context) => {
            const lspContext: lsp.CompletionContext = { triggerKind: (context.triggerKind + 1) as lsp.CompletionTriggerKind };
            if (context.triggerCharacter !== undefined) lspContext.triggerCharacter = context.triggerCharacter;
            return asCompletionResult(await ask(Completion, { ...at(doc, position), context: lspContext }, token));
          },
        },
        ...(completion.triggerCharacters ?? []),
      ),
    );
  }
  const actions = capabilities.codeActionProvider;
  if (actions) {
    const options = typeof actions === 'object' ? actions : {};
    const provider: vscode.CodeActionProvider = {
      provideCodeActions: async (doc, range, context, token) => {
        const result = await ask(CodeActions, { textDocument: textDocument(doc), range: toRange(range), context: toCodeActionContext(context) }, token);
        return result?.map(asCodeAction);
      },
    };
    if (options.resolveProvider) {
      provider.resolveCodeAction = async (item, token) => {
        const original = lspCodeAction(item);
        if (!original || item.edit) return item;
        const resolved = await ask(CodeActionResolve, original, token);
        if (resolved?.edit) item.edit = asWorkspaceEdit(resolved.edit);
        return item;
      };
    }
    const kinds = options.codeActionKinds?.map((k) => vscode.CodeActionKind.Empty.append(k));
    out.push(vscode.languages.registerCodeActionsProvider(selector, provider, kinds ? { providedCodeActionKinds: kinds } : undefined));
  }
  return vscode.Disposable.from(...out);
}
