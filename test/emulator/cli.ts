import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, loadSeedFile, startEmulator } from './index';

/**
 * `npm run emulator -- --port <port> [--host 127.0.0.1] [--seed file] [--secret-id ID --secret-key KEY]`
 *
 * stdout carries exactly two lines: `listening on http://<host>:<port>` once ready (scripts wait for
 * it), then the SecretId to use — and the key only when it is the documented demo key. Request logs
 * go to stderr. SIGINT/SIGTERM close the server and exit 0.
 */

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        'secret-id': { type: 'string' },
        'secret-key': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  // Digits only: Number() reads `--port=` as 0 (a random port) and `1e3` as 1000.
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${JSON.stringify(values.port)}`);
  if ((values['secret-id'] === undefined) !== (values['secret-key'] === undefined)) fail('--secret-id and --secret-key go together');
  if (values['secret-id'] === '' || values['secret-key'] === '') fail('--secret-id and --secret-key must not be empty');

  let seed;
  if (values.seed) {
    try {
      seed = loadSeedFile(path.resolve(values.seed));
    } catch (error) {
      fail(`cannot read seed ${values.seed}: ${(error as Error).message}`);
    }
  }
  const secretId = values['secret-id'] ?? DEFAULT_SECRET_ID;
  const secretKey = values['secret-key'] ?? DEFAULT_SECRET_KEY;
  const emulator = await startEmulator({
    port, host: values.host, seed, secretId, secretKey, log: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: Error) => fail(error.message));

  process.stdout.write(`listening on ${emulator.url}\n`);
  process.stdout.write(secretKey === DEFAULT_SECRET_KEY
    ? `credentials: SecretId ${secretId} SecretKey ${secretKey} (documented demo credentials)\n`
    : `credentials: SecretId ${secretId} (secret key as given, not shown)\n`);

  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
