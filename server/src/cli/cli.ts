// Entry of dist/cli.js: `ses-template <command>` and its alias `ses-template-check` (checks when the
// first argument is no command, as it always did). `check` is main.ts; the account commands are account/.
import './heapFlags';
import * as path from 'node:path';
import { ACCOUNT_COMMANDS, type AccountCommand } from './account/accountArgs';
import { runAccount } from './account/runAccount';
import { main, VERSION } from './main';
import { terminalSafe } from './terminalText';

/** The current folder; a deleted one (a CI step that removed its own checkout) is said in one line, no stack trace. */
function currentFolder(): string {
  try {
    return process.cwd();
  } catch {
    process.stderr.write('ses-template: the current folder no longer exists; run from an existing folder\n');
    process.exit(2);
  }
}

const io = {
  cwd: currentFolder(),
  // Never a raw control or bidi character to the terminal or CI log (file names, quoted text, API answers).
  stdout: (text: string) => process.stdout.write(terminalSafe(text)),
  stderr: (text: string) => process.stderr.write(terminalSafe(text)),
  resourceDir: path.join(__dirname, '..'),
};

function internalError(error: unknown): void {
  // The service guards every input; this is the last resort, so CI sees a failure and not a stack trace only.
  process.stderr.write(`ses-template: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
}

const argv = process.argv.slice(2);
const command = argv[0];
if ((ACCOUNT_COMMANDS as readonly string[]).includes(command)) {
  runAccount(command as AccountCommand, argv.slice(1), { ...io, env: process.env }, VERSION).then((code) => {
    process.exitCode = code;
  }, internalError);
} else {
  try {
    const code = main(command === 'check' ? argv.slice(1) : argv, io);
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => { process.exitCode = c; }, internalError);
  } catch (error) {
    internalError(error);
  }
}
