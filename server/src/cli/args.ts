// Command-line arguments of `ses-template-check`. Pure: argv in, options or a usage error out.
import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import { FAMILIES, unknownClients } from '../service/clientSupport/data';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const THRESHOLDS = ['error', 'warning', 'info', 'hint'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export interface CliOptions {
  readonly paths: string[];
  readonly format: Format;
  readonly threshold: Threshold;
  /** `--config <file>`: settings over the workspace's. */
  readonly config?: string;
  /** `--glob`: replaces `sesStudio.templateGlobs`. */
  readonly globs?: string[];
  readonly workspaceSettings: boolean;
  readonly locale: string;
  readonly help: boolean;
  readonly version: boolean;
  /** `--fix` (implied by `--fix-unused`): apply the quick fixes that need no human choice. */
  readonly fix: boolean;
  /** `--fix-unused`: also remove unused data keys. */
  readonly fixUnused: boolean;
  /** `--dry-run` with `--fix`: print the changes as a unified diff, write nothing. */
  readonly dryRun: boolean;
  /** `--show-values`: data values (shortened) in github and sarif output too. */
  readonly showValues: boolean;
  /** `--clients a,b` (repeatable): replaces `sesStudio.clients`, the client-support check's targets. */
  readonly clients?: string[];
  /** `--spam-score`: run the local SpamAssassin on each template's message instead of the checks. */
  readonly spamScore?: SpamScoreOptions;
}

export interface SpamScoreOptions {
  /** `--data <set>`: a set name or a data file; default: the default data set. */
  readonly data?: string;
  /** `--from <sender>`: over ses.config.json's. */
  readonly from?: string;
  /** `--spamassassin <path>`: the program; default: spamassassin on PATH. */
  readonly command?: string;
  /** `--spam-timeout <seconds>`. */
  readonly timeoutSeconds: number;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

/** The locale asked for, read before everything else so that even usage errors are translated. */
export function localeOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') return argv[i + 1] ?? 'en';
    if (argv[i].startsWith('--locale=')) return argv[i].slice('--locale='.length);
  }
  return 'en';
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'severity-threshold': { type: 'string' },
        config: { type: 'string', short: 'c' },
        glob: { type: 'string', multiple: true },
        'no-workspace-settings': { type: 'boolean' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-unused': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'show-values': { type: 'boolean' },
        clients: { type: 'string', multiple: true },
        'spam-score': { type: 'boolean' },
        data: { type: 'string' },
        from: { type: 'string' },
        spamassassin: { type: 'string' },
        'spam-timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { ok: false, message: l10n.t('--format must be one of {0}, not "{1}"', FORMATS.join(', '), format) };
  }
  const threshold = (values['severity-threshold'] as string | undefined) ?? 'error';
  if (!(THRESHOLDS as readonly string[]).includes(threshold)) {
    return { ok: false, message: l10n.t('--severity-threshold must be one of {0}, not "{1}"', THRESHOLDS.join(', '), threshold) };
  }
  const globs = values.glob as string[] | undefined;
  if (globs?.some((glob) => glob.trim() === '')) return { ok: false, message: l10n.t('--glob needs a pattern') };
  const config = values.config as string | undefined;
  if (config === '') return { ok: false, message: l10n.t('--config needs a file') };
  const rawClients = values.clients as string[] | undefined;
  const clients = rawClients?.flatMap((list) => list.split(',')).map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  if (rawClients && clients?.length === 0) return { ok: false, message: l10n.t('--clients needs client ids or families, e.g. {0}', 'gmail,outlook-windows,qq-mail') };
  const unknown = clients ? unknownClients(clients) : [];
  if (unknown.length > 0) return { ok: false, message: l10n.t('--clients: unknown client or family {0}; known families: {1}', unknown.join(', '), [...FAMILIES].join(', ')) };
  const fix = values.fix === true || values['fix-unused'] === true;
  if (values['dry-run'] === true && !fix) return { ok: false, message: l10n.t('--dry-run goes with --fix') };
  const spam = spamOptions(values, format);
  if (typeof spam === 'string') return { ok: false, message: spam };
  return {
    ok: true,
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format: format as Format,
      threshold: threshold as Threshold,
      config,
      globs,
      workspaceSettings: values['no-workspace-settings'] !== true,
      locale: (values.locale as string | undefined) ?? 'en',
      help: values.help === true,
      version: values.version === true,
      fix,
      fixUnused: values['fix-unused'] === true,
      dryRun: values['dry-run'] === true,
      showValues: values['show-values'] === true,
      ...(clients ? { clients } : {}),
      ...(spam ? { spamScore: spam } : {}),
    },
  };
}

/** The `--spam-score` options, undefined without it, or what is wrong with them. */
function spamOptions(values: Record<string, string | boolean | string[] | undefined>, format: string): SpamScoreOptions | string | undefined {
  const own = ['data', 'from', 'spamassassin', 'spam-timeout'];
  if (values['spam-score'] !== true) {
    const stray = own.find((key) => values[key] !== undefined);
    return stray === undefined ? undefined : l10n.t('--{0} goes with --spam-score', stray);
  }
  for (const key of own) if (values[key] === '') return l10n.t('--{0} needs a value', key);
  if (format !== 'text' && format !== 'json') return l10n.t('--spam-score writes text or json, not {0}', format);
  if (values.fix === true || values['fix-unused'] === true) return l10n.t('--spam-score does not go with --fix');
  const timeout = values['spam-timeout'] as string | undefined;
  const seconds = timeout === undefined ? 60 : Number(timeout);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) return l10n.t('--spam-timeout must be a number of seconds from 1 to 3600, not "{0}"', timeout ?? '');
  return {
    data: values.data as string | undefined,
    from: values.from as string | undefined,
    command: values.spamassassin as string | undefined,
    timeoutSeconds: seconds,
  };
}

export function helpText(): string {
  return [
    l10n.t('Usage: ses-template-check [options] [paths…]'),
    l10n.t('   or: ses-template check|push|pull|status|send|blocklist [options] (see ses-template <command> --help)'),
    '',
    l10n.t('Checks Tencent Cloud SES email templates (*.ses.html, *.ses.txt, their data sets and ses.config.json) with the checks of SES Template Studio. Paths are files or folders; the default is the current folder.'),
    '',
    l10n.t('Options:'),
    '  --format, -f text|json|github|sarif   ' + l10n.t('output format (default: text)'),
    '  --severity-threshold error|warning|info|hint   ' + l10n.t('exit with 1 when a finding is at or above this severity (default: error)'),
    '  --config, -c <file>   ' + l10n.t('settings as in VS Code\'s settings.json, over the workspace\'s .vscode/settings.json'),
    '  --no-workspace-settings   ' + l10n.t('do not read .vscode/settings.json'),
    '  --glob <pattern>   ' + l10n.t('a file pattern of templates, like sesStudio.templateGlobs (repeatable; replaces the setting)'),
    '  --fix   ' + l10n.t('apply the quick fixes that need no human choice (quote a non-string value, remove spaces inside braces, remove a ses-disable comment that hides nothing, inline the CSS of a <style> that the target clients strip), then check'),
    '  --fix-unused   ' + l10n.t('with --fix, also remove data keys no template uses'),
    '  --dry-run   ' + l10n.t('with --fix, print the changes as a unified diff and write nothing'),
    '  --clients <ids>   ' + l10n.t('the email clients client-support targets, comma-separated ids or families (e.g. gmail,outlook-windows,qq-mail; replaces sesStudio.clients)'),
    '  --show-values   ' + l10n.t('show the start of data values in github and sarif output too (they are left out there: annotations are widely readable)'),
    '  --spam-score   ' + l10n.t('instead of the checks: build each template\'s email (subject and sender from ses.config.json, parts filled from a data set) and score it with the local SpamAssassin, local tests only (nothing is sent anywhere; network tests are left out). Exit 1 when a score reaches SpamAssassin\'s threshold'),
    '  --data <set>   ' + l10n.t('with --spam-score: the data set (a set name or a data file; default: the default data set)'),
    '  --from <sender>   ' + l10n.t('with --spam-score: the sender, over ses.config.json\'s'),
    '  --spamassassin <path>   ' + l10n.t('with --spam-score: the spamassassin program (default: spamassassin on PATH; install: apt-get install spamassassin)'),
    '  --spam-timeout <seconds>   ' + l10n.t('with --spam-score: how long SpamAssassin may take per template (default: 60)'),
    '  --locale en|zh-cn   ' + l10n.t('language of the messages'),
    '  --help, -h   ' + l10n.t('show this help'),
    '  --version   ' + l10n.t('show the version'),
    '',
    l10n.t('Exit codes: 0 no finding at or above the threshold, 1 findings at or above it, 2 usage error or a path that cannot be read.'),
  ].join('\n');
}
