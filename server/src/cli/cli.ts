// Entry of dist/cli.js (`ses-template-check`): see main.ts.
import * as path from 'node:path';
import { main } from './main';

try {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    resourceDir: path.join(__dirname, '..'),
  });
} catch (error) {
  // The service guards every input; this is the last resort, so CI sees a failure and not a stack trace only.
  process.stderr.write(`ses-template-check: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
}
