/**
 * The LSP messages this client sends or answers, typed once with vscode-jsonrpc's message
 * types (vscode-languageserver-protocol defines the same ones, but would bundle its 100 KB;
 * only its types are used here).
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';

type Request<P, R> = RequestType<P, R, void>;
const request = <P, R>(method: string): Request<P, R> => new RequestType<P, R, void>(method);
const notification = <P>(method: string): NotificationType<P> => new NotificationType<P>(method);

// Lifecycle.
export const Initialize = request<lsp.InitializeParams, lsp.InitializeResult>('initialize');
export const Initialized = notification<lsp.InitializedParams>('initialized');
export const Shutdown = new RequestType0<void, void>('shutdown');
export const Exit = new NotificationType0('exit');

// Documents and workspace, client → server.
export const DidOpen = notification<lsp.DidOpenTextDocumentParams>('textDocument/didOpen');
export const DidChange = notification<lsp.DidChangeTextDocumentParams>('textDocument/didChange');
export const DidClose = notification<lsp.DidCloseTextDocumentParams>('textDocument/didClose');
export const DidSave = notification<lsp.DidSaveTextDocumentParams>('textDocument/didSave');
export const DidChangeConfiguration = notification<lsp.DidChangeConfigurationParams>('workspace/didChangeConfiguration');
export const DidChangeWatchedFiles = notification<lsp.DidChangeWatchedFilesParams>('workspace/didChangeWatchedFiles');
export const DidChangeWorkspaceFolders = notification<lsp.DidChangeWorkspaceFoldersParams>('workspace/didChangeWorkspaceFolders');

// Server → client.
export const PublishDiagnostics = notification<lsp.PublishDiagnosticsParams>('textDocument/publishDiagnostics');
export const ShowMessage = notification<lsp.ShowMessageParams>('window/showMessage');
export const LogMessage = notification<lsp.LogMessageParams>('window/logMessage');
export const ShowMessageRequest = request<lsp.ShowMessageRequestParams, lsp.MessageActionItem | null>('window/showMessageRequest');
export const Configuration = request<lsp.ConfigurationParams, unknown[]>('workspace/configuration');
export const RegisterCapability = request<lsp.RegistrationParams, void>('client/registerCapability');
export const UnregisterCapability = request<lsp.UnregistrationParams, void>('client/unregisterCapability');
export const ApplyWorkspaceEdit = request<lsp.ApplyWorkspaceEditParams, lsp.ApplyWorkspaceEditResult>('workspace/applyEdit');

// Language features.
export const DocumentSymbols = request<lsp.DocumentSymbolParams, lsp.DocumentSymbol[] | lsp.SymbolInformation[] | null>('textDocument/documentSymbol');
export const FoldingRanges = request<lsp.FoldingRangeParams, lsp.FoldingRange[] | null>('textDocument/foldingRange');
export const Hover = request<lsp.HoverParams, lsp.Hover | null>('textDocument/hover');
export const Completion = request<lsp.CompletionParams, lsp.CompletionItem[] | lsp.CompletionList | null>('textDocument/completion');
export const CodeActions = request<lsp.CodeActionParams, (lsp.Command | lsp.CodeAction)[] | null>('textDocument/codeAction');
export const CodeActionResolve = request<lsp.CodeAction, lsp.CodeAction>('codeAction/resolve');
