// `npm start`: the product for a person trying it. Installs code-server on first use
// (test/e2e/setup.sh --no-browser: no browser is needed, you open the URL in your own), builds the
// extension, starts the local SES API emulator (test/emulator) with the sample workspace's senders,
// templates and blocklist, and serves VS Code with the extension and the sample workspace examples/
// on http://127.0.0.1:$PORT (default 8080) until Ctrl+C. The extension talks to the emulator
// (sesStudio.api.endpoint) with the emulator's demo key in its environment, so test sends and
// blocklist look-ups work without a Tencent Cloud account.
// SES_LOCALE=zh-cn runs the extension in Simplified Chinese.
//
// Only Node's own modules and the project's devDependencies (esbuild) are imported here: the e2e
// tests' packages (playwright-core) are not needed, and code-server is started by scripts/codeServer.mjs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot, startCodeServer } from './codeServer.mjs';

const started = Date.now();
function run(command, args) {
  try {
    execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    console.error(`\nnpm start: \`${[command, ...args].join(' ')}\` failed (its output is above).`);
    process.exit(1);
  }
}
run('bash', ['test/e2e/setup.sh', '--no-browser']);
run(process.execPath, ['esbuild.mjs']);
// The emulator is TypeScript under test/: one esbuild bundle (well under a second) instead of
// compiling every test with tsc.
const emulatorBundle = path.join(repoRoot, 'out/demo/emulator.mjs');
await esbuild.build({
  entryPoints: [path.join(repoRoot, 'test/emulator/index.ts')],
  outfile: emulatorBundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  conditions: ['source'], // #common/… imports take common/*.ts, as in esbuild.mjs
});

const port = Number(process.env.PORT ?? 8080);
const apiPort = Number(process.env.SES_EMULATOR_PORT ?? port + 1);
const locale = process.env.SES_LOCALE;
const { startEmulator, loadSeedFile, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } =
  await import(pathToFileURL(emulatorBundle).href);
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
  console.error(`\nnpm start: code-server did not start: ${error.message}`);
  process.exit(1);
}

console.log(`
SES Template Studio is running in VS Code at ${server.url}   (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
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
