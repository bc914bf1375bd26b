import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

// `npm run emulator` with bad arguments and hostile seed files: each must exit 2 with one line
// `emulator: <what is wrong>` naming the problem, never start on a surprising port or with empty
// credentials, never print a stack trace. Found: `--port=` and `--port 1e3` started (on a random
// port, on 1000); `--secret-id= --secret-key=` started with an empty key; a seed with `[null]` in a
// list failed with "Cannot read properties of null", naming no entry.

const CLI = path.join(__dirname, '..', 'emulator', 'cli.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A CLI that started despite bad arguments is stopped and reported by its exit code.
    const timer = setTimeout(() => child.kill(), 5_000);
    child.once('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

describe('emulator CLI with hostile arguments', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-cli-fuzz-'));
    const files: Record<string, string | Buffer> = {
      'broken.json': '{', 'array.json': '[]', 'binary.json': Buffer.from([0xff, 0xfe, 0x7b, 0x00]), 'senders-null.json': '{"senders":[null]}',
      'templates-null.json': '{"templates":[null]}', 'messages-null.json': '{"messages":[null]}', 'blocklist-array.json': '{"blocklist":[[1]]}',
      'senders-string.json': '{"senders":"x"}', 'template-id.json': '{"templates":[{"TemplateID":"x"}]}', 'deep.json': '['.repeat(100_000),
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.mkdirSync(path.join(dir, 'folder.json'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string[], RegExp]> = [
    [['--port='], /--port must be 0-65535/],
    [['--port', '1e3'], /--port must be 0-65535/],
    [['--port', '65536'], /--port must be 0-65535/],
    [['--port=-1'], /--port must be 0-65535/],
    [['--port', ' 80'], /--port must be 0-65535/],
    [['--secret-id=', '--secret-key='], /must not be empty/],
    [['--secret-id', 'AKIDx', '--secret-key='], /must not be empty/],
    [['--host', '256.0.0.1'], /ENOTFOUND|EADDRNOTAVAIL|EINVAL/],
    [['--seed', 'missing.json'], /cannot read seed missing\.json/],
    [['--seed', 'folder.json'], /cannot read seed folder\.json: EISDIR/],
    [['--seed', 'broken.json'], /cannot read seed broken\.json/],
    [['--seed', 'binary.json'], /cannot read seed binary\.json/],
    [['--seed', 'deep.json'], /cannot read seed deep\.json/],
    [['--seed', 'array.json'], /top level must be an object/],
    [['--seed', 'senders-null.json'], /seed senders\[0\]: expected an object/],
    [['--seed', 'templates-null.json'], /seed templates\[0\]: expected an object/],
    [['--seed', 'messages-null.json'], /seed messages\[0\]: expected an object/],
    [['--seed', 'blocklist-array.json'], /seed blocklist\[0\]: expected an object/],
    [['--seed', 'senders-string.json'], /senders must be an array/],
    [['--seed', 'template-id.json'], /TemplateID must be a positive integer/],
    [['positional'], /Unexpected argument/],
  ];
  for (const [args, message] of cases) {
    it(`refuses ${args.join(' ')}`, async () => {
      const { code, stdout, stderr } = await run(args, dir);
      assert.equal(code, 2, `exit ${code}; stdout ${stdout}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^emulator: /);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace');
    });
  }
});
