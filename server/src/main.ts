/**
 * report-language-server: LSP over --stdio, --node-ipc or --socket (vscode-languageserver
 * reads the transport from the command line). Console output goes to the client's log.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server/server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection);
