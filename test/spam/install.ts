// What the spam-score tests need, brought by the tests themselves (as test/e2e/setup.sh brings
// Chromium): test/spam/setup.sh installs Debian's spamassassin when it is missing (as root, as CI runs;
// otherwise it says which command to run). Called once per test process; returns the program's path.
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SETUP = path.join(__dirname, '..', '..', '..', 'test', 'spam', 'setup.sh');
let installed: string | undefined;

export function ensureSpamAssassin(): string {
  if (installed) return installed;
  const setup = spawnSync('bash', [SETUP], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20 * 60 * 1000 });
  if (setup.status !== 0) {
    throw new Error(`test/spam/setup.sh failed (exit ${setup.status ?? setup.signal}): ${setup.stderr || setup.stdout || setup.error?.message}`);
  }
  installed = execFileSync('bash', ['-c', 'command -v spamassassin'], { encoding: 'utf8' }).trim();
  return installed;
}
