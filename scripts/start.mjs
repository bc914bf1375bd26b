// `npm start`: the product for a person trying it. Builds the extension, installs code-server on
// first use (test/e2e/setup.sh), starts the local SES API emulator (test/emulator) with the sample
// workspace's senders, templates and blocklist, and serves VS Code with the extension and the sample
// workspace examples/ on http://127.0.0.1:$PORT (default 8080) until Ctrl+C. The extension talks to
// the emulator (sesStudio.api.endpoint) with the emulator's demo key in its environment, so test
// sends and blocklist look-ups work without a Tencent Cloud account.
// SES_LOCALE=zh-cn runs the extension in Simplified Chinese.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, startCodeServer } from '../test/e2e/harness.mjs';

const run = (command) => execSync(command, { cwd: repoRoot, stdio: 'inherit' });
run('npm run build');
run('npm run compile-tests'); // the emulator is TypeScript under test/, compiled to out/
run('bash test/e2e/setup.sh');

const port = Number(process.env.PORT ?? 8080);
const apiPort = Number(process.env.SES_EMULATOR_PORT ?? port + 1);
const locale = process.env.SES_LOCALE;
const { startEmulator, loadSeedFile, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } =
  await import(pathToFileURL(path.join(repoRoot, 'out/test/emulator/index.js')).href);
const emulator = await startEmulator({
  port: apiPort,
  // A template pushed in the demo is "reviewed" a minute later, so its status can be seen to change.
  seed: { ...loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json')), autoApproveAfterSeconds: 60 },
  log: (line) => console.log(`[emulator] ${line}`),
});
let server;
try {
  server = await startCodeServer({
    extensionDir: repoRoot,
    workspaceDir: path.join(repoRoot, 'examples'),
    port,
    locale,
    machineSettings: { 'sesStudio.api.endpoint': emulator.url },
    // The emulator's published demo key, not a secret: it signs requests to 127.0.0.1 only.
    env: { TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined },
  });
} catch (error) {
  await emulator.close();
  throw error;
}

console.log(`
SES Template Studio is running in VS Code at ${server.url}
  workspace: examples/ (your edits are saved there)
  open password-reset.ses.html first: it has a Handlebars syntax error to fix.
  Tencent Cloud SES API emulator at ${emulator.url} (sesStudio.api.endpoint), demo key in the environment:
    open order-confirmation.ses.html, F1 "SES: Send Test Email" (try bounced@example.com for a blocklisted
    recipient), F1 "SES: Check Blocklist". No Tencent Cloud account needed.
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server and the emulator…');
    await server.stop();
    await emulator.close();
    process.exit(0);
  });
}
