// Arguments of the account commands (`ses-template push|pull|status|send|blocklist`): the options
// every one of them takes (output, where the API is) and each command's own. Pure: argv in, values out.
import * as l10n from '@vscode/l10n';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { OutputFormat } from './output';

export const ACCOUNT_COMMANDS = ['push', 'pull', 'status', 'send', 'blocklist'] as const;
export type AccountCommand = (typeof ACCOUNT_COMMANDS)[number];

const COMMON: NonNullable<ParseArgsConfig['options']> = {
  format: { type: 'string', short: 'f' },
  region: { type: 'string' },
  site: { type: 'string' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const OWN: Record<AccountCommand, NonNullable<ParseArgsConfig['options']>> = {
  push: {
    'dry-run': { type: 'boolean' }, wait: { type: 'boolean' }, timeout: { type: 'string' }, interval: { type: 'string' },
    glob: { type: 'string', multiple: true }, 'no-workspace-settings': { type: 'boolean' },
  },
  pull: { name: { type: 'string', multiple: true }, id: { type: 'string', multiple: true }, out: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  status: { name: { type: 'string', multiple: true } },
  send: { to: { type: 'string', multiple: true }, from: { type: 'string' }, data: { type: 'string' }, subject: { type: 'string' } },
  blocklist: {},
};

export interface AccountArgs {
  readonly command: AccountCommand;
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly format: OutputFormat;
}

export function parseAccountArgs(command: AccountCommand, argv: readonly string[]): { ok: true; args: AccountArgs } | { ok: false; message: string } {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { ...COMMON, ...OWN[command] } });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    return { ok: false, message: l10n.t('--format must be one of {0}, not "{1}"', 'text, json, github', format) };
  }
  for (const key of ['region', 'site', 'endpoint', 'profile', 'timeout', 'interval', 'out', 'from', 'data', 'subject']) {
    if (values[key] === '') return { ok: false, message: l10n.t('--{0} needs a value', key) };
  }
  return { ok: true, args: { command, positionals, values, format } };
}

/** A number of seconds given as an option, or the default; undefined when it is not a positive number. */
export function seconds(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function accountHelp(command: AccountCommand): string {
  const common = [
    '',
    l10n.t('Options of every account command:'),
    '  --format, -f text|json|github   ' + l10n.t('output format (default: text)'),
    '  --region ap-guangzhou|ap-hongkong|ap-singapore   ' + l10n.t('the SES region (default: $SES_TEMPLATE_REGION, else defaults.region of ses.config.json, else the site\'s)'),
    '  --site china|international   ' + l10n.t('the Tencent Cloud site (china: ap-guangzhou, international: ap-singapore)'),
    '  --endpoint <url>   ' + l10n.t('another API endpoint, e.g. a local emulator (default: $SES_TEMPLATE_ENDPOINT)'),
    '  --profile <name>   ' + l10n.t('the tccli profile to read when the environment has no key (default: $TCCLI_PROFILE, else default)'),
    '',
    l10n.t('Credentials: TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_SESSION_TOKEN, else the tccli file ~/.tccli/<profile>.credential. They are never printed.'),
    l10n.t('Exit codes: 0 done, 1 refused or differing (see the command), 2 usage or file error, 3 credentials or API error, 4 a template rejected in review, 5 review not finished in time.'),
  ];
  const usage: Record<AccountCommand, string[]> = {
    push: [
      l10n.t('Usage: ses-template push [options] [paths…]'),
      l10n.t('Creates or updates in Tencent Cloud the templates whose content differs from what is stored there; refuses templates with error findings; writes new TemplateIDs to ses.config.json.'),
      '  --dry-run   ' + l10n.t('print the plan, change nothing'),
      '  --wait   ' + l10n.t('wait until every pushed template is approved or rejected in review'),
      '  --timeout <seconds>   ' + l10n.t('how long --wait waits (default: 1800)'),
      '  --interval <seconds>   ' + l10n.t('how often --wait asks (default: 30)'),
      '  --glob, --no-workspace-settings   ' + l10n.t('as for check'),
    ],
    pull: [
      l10n.t('Usage: ses-template pull [options]'),
      l10n.t('Writes templates stored in Tencent Cloud to files (a linked template to its own files, others to --out); never overwrites a file that differs without --force.'),
      '  --name <pattern>   ' + l10n.t('only templates whose name matches (* and ?; repeatable)'),
      '  --id <TemplateID>   ' + l10n.t('only this template (repeatable)'),
      '  --out <folder>   ' + l10n.t('where templates not linked in ses.config.json go (default: the current folder)'),
      '  --force   ' + l10n.t('overwrite local files that differ'),
      '  --dry-run   ' + l10n.t('print what would be written, write nothing'),
    ],
    status: [
      l10n.t('Usage: ses-template status [--name <pattern>]'),
      l10n.t('The templates of the account with their review status and reason.'),
    ],
    send: [
      l10n.t('Usage: ses-template send <template part file> --to <address> [--to …] [--from <sender>] [--data <set>] [--subject <text>]'),
      l10n.t('A test send of a pushed template with one of its data sets. Never retried: a lost answer may still mean the email was sent.'),
      '  --data <set>   ' + l10n.t('the data set: default (X.data.json), a set name (X.data.<set>.json) or a file'),
    ],
    blocklist: [
      l10n.t('Usage: ses-template blocklist check|remove <address…>'),
      l10n.t('check: whether addresses are on the bounce blocklist (exit 1 when one is); remove: take them off it.'),
    ],
  };
  return [...usage[command], ...common].join('\n');
}
