// Node entry of the language server: `node dist/server.js --stdio` (or --node-ipc / --socket=N).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';
import { loadServerL10n } from './serverL10n';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { loadL10n: loadServerL10n });
connection.listen();
