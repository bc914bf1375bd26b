// Smoke test of the README's start command, as a person would use it:
//   node scripts/smoke-start.mjs ["npm install && npm start"]
// Runs the command (default: the one in the README's first code block) in a shell on free ports,
// waits for the printed VS Code URL, checks that code-server answers there (HTTP 200/302) and that
// the SES API emulator answers a request signed by the official Tencent Cloud SDK (and refuses a
// badly signed one), then presses Ctrl+C (SIGINT to the command's process group) and fails if the
// command does not exit cleanly or leaves any process it started. .ci/run calls it after the tests.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, repoRoot } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.SMOKE_TIMEOUT_MS ?? 15 * 60_000); // a cold start builds code-server
const STOP_TIMEOUT_MS = 30_000;

/** The README's first ```sh block holds the two commands; the start command is the one with `npm start`. */
export function readmeCommand(readme, needle) {
  const block = readme.split('```sh\n')[1]?.split('```')[0] ?? '';
  const line = block.split('\n').find((l) => l.includes(needle));
  return line?.split('#')[0].trim();
}

const fail = (message) => {
  console.error(`smoke-start: FAILED: ${message}`);
  process.exitCode = 1;
};

/** pid → parent pid of every process, from /proc. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      table.set(Number(name), ppid);
    } catch { /* it exited while we looked */ }
  }
  return table;
}

function descendants(root) {
  const table = processTable();
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of table) if (!found.has(pid) && found.has(ppid)) { found.add(pid); grew = true; }
  }
  return found;
}

const alive = (pid) => {
  try { return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z'); } catch { return false; }
};
const commandLine = (pid) => {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(); } catch { return '?'; }
};

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
  });
}

async function signedRequests(emulatorUrl) {
  const { ses } = await import('tencentcloud-sdk-nodejs-ses');
  const { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } = await import(pathToFileURL(path.join(repoRoot, 'out/demo/emulator.mjs')).href);
  const { host } = new URL(emulatorUrl);
  const client = (secretKey) => new ses.v20201002.Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: host, protocol: 'http://', agent: new http.Agent(), reqTimeout: 10 } },
  });
  const identities = await client(DEFAULT_SECRET_KEY).ListEmailIdentities({});
  if (!Array.isArray(identities.EmailIdentities) || identities.EmailIdentities.length === 0) {
    throw new Error(`ListEmailIdentities answered without the sample senders: ${JSON.stringify(identities)}`);
  }
  let refused;
  try { await client(`${DEFAULT_SECRET_KEY}x`).ListEmailIdentities({}); } catch (error) { refused = error.code; }
  if (!String(refused).startsWith('AuthFailure')) throw new Error(`a badly signed request was not refused (got ${refused ?? 'an answer'})`);
  return identities.EmailIdentities.map((i) => i.IdentityName).join(', ');
}

async function main() {
  const command = process.argv[2] ?? readmeCommand(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), 'npm start');
  if (!command) return fail('no start command in the README\'s first ```sh block');
  const port = await freePort();
  const apiPort = await freePort();
  console.log(`smoke-start: running \`${command}\` with PORT=${port} SES_EMULATOR_PORT=${apiPort}`);
  const started = Date.now();
  // detached: the command's own process group, which Ctrl+C in a terminal would signal as a whole.
  const child = spawn('bash', ['-c', command], {
    cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), SES_EMULATOR_PORT: String(apiPort) },
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let exit;
  exited.then((e) => { exit = e; });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8').on('data', (d) => { output += d; process.stdout.write(d); });
  }

  const deadline = Date.now() + TIMEOUT_MS;
  let url, emulatorUrl;
  while (!exit && Date.now() < deadline) {
    url = /running in VS Code at (http:\/\/\S+)/.exec(output)?.[1];
    emulatorUrl = /SES API emulator at (http:\/\/\S+)/.exec(output)?.[1];
    if (url && emulatorUrl) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const killAll = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  if (!url || !emulatorUrl) {
    killAll();
    return fail(exit ? `the command exited (${exit.code ?? exit.signal}) before printing its URL` : `no URL after ${TIMEOUT_MS} ms`);
  }
  console.log(`smoke-start: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  try {
    const status = await get(url);
    if (status !== 200 && status !== 302) throw new Error(`code-server answered HTTP ${status} at ${url}`);
    console.log(`smoke-start: code-server answered HTTP ${status} at ${url}`);
    const senders = await signedRequests(emulatorUrl);
    console.log(`smoke-start: the emulator answered a signed ListEmailIdentities (${senders}) and refused a bad signature`);
  } catch (error) {
    fail(error.message);
  }

  const running = descendants(child.pid);
  console.log(`smoke-start: Ctrl+C (SIGINT to the process group; ${running.size} processes running)`);
  process.kill(-child.pid, 'SIGINT');
  let timer;
  const stopped = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r(undefined), STOP_TIMEOUT_MS); })]);
  clearTimeout(timer);
  if (!stopped) {
    killAll();
    return fail(`the command did not exit within ${STOP_TIMEOUT_MS} ms of SIGINT`);
  }
  if (stopped.code !== 0 && stopped.signal !== 'SIGINT' && stopped.code !== 130) {
    fail(`the command exited with ${stopped.code ?? stopped.signal} after SIGINT`);
  }
  // Give children that were told to stop a moment, then list what is left.
  let left = [];
  for (let i = 0; i < 50; i++) {
    left = [...running].filter(alive);
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (left.length > 0) {
    fail(`processes left after Ctrl+C:\n${left.map((pid) => `  ${pid} ${commandLine(pid)}`).join('\n')}`);
    for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    return;
  }
  if (!process.exitCode) console.log(`smoke-start: passed (stopped cleanly; ${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
