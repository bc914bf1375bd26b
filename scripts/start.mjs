// `npm start`: the product for a person trying it. Builds the extension, installs code-server on
// first use (test/e2e/setup.sh), and serves VS Code with the extension and the sample workspace
// examples/ on http://127.0.0.1:$PORT (default 8080) until Ctrl+C.
// SES_LOCALE=zh-cn runs the extension in Simplified Chinese.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, startCodeServer } from '../test/e2e/harness.mjs';

const run = (command) => execSync(command, { cwd: repoRoot, stdio: 'inherit' });
run('npm run build');
run('bash test/e2e/setup.sh');

const port = Number(process.env.PORT ?? 8080);
const locale = process.env.SES_LOCALE;
const server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: path.join(repoRoot, 'examples'), port, locale });

console.log(`
SES Template Studio is running in VS Code at ${server.url}
  workspace: examples/ (your edits are saved there)
  open password-reset.ses.html first: it has a Handlebars syntax error to fix.
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
  });
}
