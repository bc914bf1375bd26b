// `ses-template push|pull|status|send|blocklist`: arguments, credentials and output around each
// command. Everything printed goes through Output, so text, JSON and GitHub output say the same.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { loadServerL10n } from '../../serverL10n';
import { localeOf } from '../args';
import type { CliIo } from '../main';
import { accountHelp, parseAccountArgs, type AccountCommand } from './accountArgs';
import { blocklist } from './blocklist';
import { connect } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import { localTemplates } from './localTemplates';
import { Output } from './output';
import { pull } from './pull';
import { push } from './push';
import { send } from './send';
import { status } from './status';

export interface AccountIo extends CliIo {
  readonly env: NodeJS.ProcessEnv;
  /** The home folder of ~/.tccli (tests give a temporary one). */
  readonly home?: string;
  readonly sleep?: (ms: number) => Promise<void>;
}

export async function runAccount(command: AccountCommand, argv: readonly string[], io: AccountIo, version: string): Promise<number> {
  const locale = localeOf(argv);
  const contents = loadServerL10n(locale, path.join(io.resourceDir, 'l10n'));
  if (contents) l10n.config({ contents });
  const parsed = parseAccountArgs(command, argv);
  if (!parsed.ok) {
    io.stderr(`ses-template ${command}: ${parsed.message}\n${l10n.t('Run with --help for the options.')}\n`);
    return EXIT.usage;
  }
  const args = parsed.args;
  if (args.values.help === true) {
    io.stdout(accountHelp(command) + '\n');
    return EXIT.ok;
  }
  const out = new Output(command);
  const code = await runCommand(command, args, io, locale, out);
  io.stdout(out.render(args.format, code, version));
  return code;
}

async function runCommand(command: AccountCommand, args: Parameters<typeof push>[1]['args'], io: AccountIo, locale: string, out: Output): Promise<ExitCode> {
  // Local templates first: a usage or file problem is reported before any credential is looked at.
  let templates: ReturnType<typeof localTemplates>['templates'] = [];
  if (command === 'push' || command === 'send') {
    const paths = args.positionals.length > 0 ? args.positionals : ['.'];
    if (command === 'send' && args.positionals.length !== 1) {
      out.add('error', l10n.t('send takes one template: the path of one of its part files'));
      return EXIT.usage;
    }
    const found = localTemplates({
      paths, cwd: io.cwd, globs: args.values.glob as string[] | undefined, workspaceSettings: args.values['no-workspace-settings'] !== true,
    });
    for (const e of found.report.fileErrors) out.add('error', e.message, e.path);
    if (found.report.fileErrors.length > 0) return EXIT.usage;
    templates = found.templates;
    if (templates.length === 0) {
      out.add('error', l10n.t('No template found in {0}.', paths.join(', ')));
      return EXIT.usage;
    }
  }
  const connected = await connect(args, io.cwd, io.env, locale, io.home);
  if (!connected.ok) {
    out.add('error', connected.message);
    return connected.usage ? EXIT.usage : EXIT.api;
  }
  const connection = connected.connection;
  switch (command) {
    case 'push':
      return push(templates, {
        args, cwd: io.cwd, out, connection,
        progress: (line) => io.stderr(line + '\n'),
        sleep: io.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      });
    case 'pull':
      return pull(args, io.cwd, out, connection);
    case 'status':
      return status(args, out, connection);
    case 'send':
      return send(templates[0], args, io.cwd, locale, out, connection);
    case 'blocklist':
      return blocklist(args, out, connection);
  }
}
