import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../emulator';
import { signedCall } from '../emulator/signedRequest';
import { REPO_ROOT } from '../emulator/testClock';

/** The CLI as `npm run emulator` runs it (compiled): ready line, requests, clean stop on a signal. */

const CLI = path.join(__dirname, '..', 'emulator', 'cli.js');

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT });
}

/** Resolves with the first `count` stdout lines; rejects if the process exits first or after 10 s. */
function firstLines(child: ChildProcessWithoutNullStreams, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ready line within 10 s; stdout: ${text}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const lines = text.split('\n');
      if (lines.length > count) {
        clearTimeout(timer);
        resolve(lines.slice(0, count));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before being ready; stdout: ${text}`));
    });
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

describe('emulator CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the ready line, serves the seed, stops with exit 0 on ${signal}`, async () => {
      const child = startCli(['--port', '0', '--seed', 'test/emulator/seeds/examples.json']);
      const exit = exitOf(child);
      try {
        const [ready, credentials] = await firstLines(child, 2);
        const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(ready);
        assert.ok(match, ready);
        assert.ok(Number(match[2]) > 0);
        assert.ok(credentials.includes(DEFAULT_SECRET_ID), credentials);
        assert.ok(credentials.includes(DEFAULT_SECRET_KEY), 'the documented demo key may be shown');
        const result = await signedCall(match[1], 'ListEmailAddress', {});
        assert.deepEqual((result.json?.Response?.EmailSenders as { EmailAddress: string }[]).map((s) => s.EmailAddress)[0], 'noreply@mail.example.com');
      } finally {
        child.kill(signal);
      }
      const { code, stderr } = await exit;
      assert.equal(code, 0);
      assert.match(stderr, /ListEmailAddress AKID…0000 OK/);
    });
  }

  it('with custom credentials names the SecretId but never prints the key', async () => {
    const child = startCli(['--port', '0', '--secret-id', 'AKIDcustomCli', '--secret-key', 'never-print-me']);
    const exit = exitOf(child);
    const printed: string[] = [];
    try {
      printed.push(...await firstLines(child, 2));
      const url = printed[0].replace('listening on ', '');
      const result = await signedCall(url, 'ListEmailAddress', {}, { secretId: 'AKIDcustomCli', secretKey: 'never-print-me' });
      assert.deepEqual(result.json?.Response?.EmailSenders, []);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stderr } = await exit;
    assert.equal(code, 0);
    assert.match(printed[1], /AKIDcustomCli/);
    assert.ok(!printed.join('\n').includes('never-print-me') && !stderr.includes('never-print-me'));
  });

  // As its own process (as under `npm start`), the emulator used to answer an oversized body at once and
  // close the connection under a client still sending: fetch failed with EPIPE most of the time.
  it('answers a body of 8 MB + 1 with RequestSizeLimitExceeded, every time, and keeps serving', async () => {
    const child = startCli(['--port', '0']);
    const exit = exitOf(child);
    try {
      const url = (await firstLines(child, 1))[0].replace('listening on ', '');
      const body = `{"Pad":"${'x'.repeat(8 * 1024 * 1024 + 1 - 10)}"}`;
      assert.equal(Buffer.byteLength(body), 8 * 1024 * 1024 + 1);
      const answers: string[] = [];
      for (let attempt = 0; attempt < 8; attempt++) {
        answers.push(await signedCall(url, 'ListEmailAddress', {}, { rawBody: body }).then(
          (result) => String(result.json?.Response?.Error?.Code),
          (error: Error & { cause?: { code?: string } }) => `failed: ${error.cause?.code ?? error.message}`,
        ));
      }
      assert.deepEqual(answers, Array(8).fill('RequestSizeLimitExceeded'));
      const result = await signedCall(url, 'ListEmailAddress', {});
      assert.equal(result.json?.Response?.Error, undefined, 'still serving');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal((await exit).code, 0);
  });

  it('refuses bad arguments with exit 2 and a message', async () => {
    for (const args of [['--port', 'http'], ['--secret-id', 'only-id'], ['--seed', 'no/such/seed.json'], ['--bogus']]) {
      const { code, stderr } = await exitOf(startCli(args));
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^emulator: /, args.join(' '));
    }
  });
});
