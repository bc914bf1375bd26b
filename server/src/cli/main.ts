// `ses-template-check`: the checks of the language server on the command line, for CI. Everything
// here is glue: arguments, settings files, output and the exit code; the checks are the server's.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadServerL10n } from '../serverL10n';
import { CHECKS } from '../service/checks';
import { setDataValueDisplay } from '../service/checks/common';
import { helpText, localeOf, parseCliArgs, type CliOptions } from './args';
import { computeFixes, writeFixes, type AppliedFix } from './fix';
import { notRegularMessage, readError, readRegularFile } from './files';
import { oneLine } from './terminalText';
import { fixAnnotations, fixLines } from './formats/fixes';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { exitCodeOf, type FileError } from './report';
import { displayPath, runChecks, type RunInput } from './runChecks';
import { unifiedDiff } from './unifiedDiff';
import { readSettingsText, type SettingsLayer } from './settingsFile';
import { runSpamScore } from './spamScore';

declare const __SES_CLI_VERSION__: string | undefined;
export const VERSION = typeof __SES_CLI_VERSION__ === 'string' ? __SES_CLI_VERSION__ : 'dev';

export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder holding `l10n/` and `package.nls*.json`: the parent of dist/. */
  readonly resourceDir: string;
}

/** A settings file is a few KB; anything near this is no settings file. */
const MAX_SETTINGS_BYTES = 10 * 1024 * 1024;

/** Runs the CLI; returns its exit code (0 clean, 1 findings at or above the threshold, 2 usage or read errors); a promise of it with --spam-score. */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  const locale = localeOf(argv);
  const contents = loadServerL10n(locale, path.join(io.resourceDir, 'l10n'));
  if (contents) l10n.config({ contents });
  const fail = (message: string) => {
    io.stderr(`ses-template-check: ${message}\n`);
    return 2;
  };

  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return fail(`${parsed.message}\n${l10n.t('Run with --help for the options.')}`);
  const options = parsed.options;
  if (options.help) {
    io.stdout(helpText() + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }

  let configLayer: SettingsLayer | undefined;
  const configWarnings: string[] = [];
  if (options.config) {
    let text: string;
    try {
      // The guard .vscode/settings.json has: a FIFO would be read forever, /dev/zero until memory runs out.
      const file = readRegularFile(path.resolve(io.cwd, options.config), MAX_SETTINGS_BYTES);
      if ('notRegular' in file) return fail(l10n.t('--config {0}: {1}', options.config, notRegularMessage(file)));
      if ('tooLarge' in file) return fail(l10n.t('--config {0}: {1}', options.config, l10n.t('larger than {0} MB; not read', MAX_SETTINGS_BYTES / 1024 / 1024)));
      text = file.text;
    } catch (error) {
      return fail(l10n.t('--config {0}: {1}', options.config, readError(error)));
    }
    const read = readSettingsText(text);
    if (!read.ok) return fail(l10n.t('--config {0}: {1}', options.config, read.message));
    configLayer = read.layer;
    for (const warning of read.warnings) configWarnings.push(`${options.config}: ${warning}`);
  }

  if (options.clients) configLayer = { ...configLayer, clients: options.clients };
  if (options.spamScore) {
    for (const warning of configWarnings) io.stderr(`ses-template-check: ${l10n.t('warning')}: ${oneLine(warning)}\n`);
    return runSpamScore(options, options.spamScore, configLayer, io, VERSION);
  }

  const input = { paths: options.paths, cwd: io.cwd, configLayer, globs: options.globs, workspaceSettings: options.workspaceSettings };
  // github and sarif output become pull-request annotations and code-scanning alerts, readable by
  // more people than the repository's data sets: no data value in them unless asked (--show-values).
  const hideValues = (options.format === 'github' || options.format === 'sarif') && !options.showValues;
  const previousDisplay = setDataValueDisplay(hideValues ? 'hidden' : 'prefix');
  let fixed: ReturnType<typeof applyFixes> | undefined;
  let result: ReturnType<typeof runChecks>;
  try {
    fixed = options.fix ? applyFixes(input, options, io) : undefined;
    result = runChecks({ ...input, overlay: fixed?.texts });
  } finally {
    setDataValueDisplay(previousDisplay);
  }
  const report = { ...result, fileErrors: [...(fixed?.writeErrors ?? []), ...result.fileErrors], warnings: [...configWarnings, ...result.warnings] };
  const exitCode = exitCodeOf(report, options.threshold);
  if (fixed) {
    if (options.format === 'json') {
      const json = JSON.parse(formatJson(report, exitCode, VERSION)) as Record<string, unknown>;
      io.stdout(JSON.stringify({ ...json, fixes: fixed.fixes, ...(options.dryRun ? { diff: fixed.diff } : {}) }, null, 2) + '\n');
      return exitCode;
    }
    if (options.format === 'github') io.stdout(fixAnnotations(fixed.fixes, options.dryRun));
    else if (options.dryRun) {
      // The diff alone on stdout, so it can be piped to `git apply`; what it does on stderr.
      io.stdout(fixed.diff);
      io.stderr(fixLines(fixed.fixes, true));
    } else io.stdout(fixLines(fixed.fixes, false) + '\n');
  }

  switch (options.format) {
    case 'json':
      io.stdout(formatJson(report, exitCode, VERSION));
      break;
    case 'sarif':
      io.stdout(formatSarif(report, {
        checks: CHECKS.map((check) => check.meta),
        descriptions: ruleDescriptions(io.resourceDir, locale),
        srcRoot: pathToFileURL(io.cwd.endsWith(path.sep) ? io.cwd : io.cwd + path.sep).href,
        toolVersion: VERSION,
        exitCode,
      }));
      break;
    case 'github':
      io.stdout(formatGithub(report));
      break;
    default:
      for (const warning of report.warnings) io.stderr(`ses-template-check: ${l10n.t('warning')}: ${oneLine(warning)}\n`);
      for (const error of report.fileErrors) io.stderr(`ses-template-check: ${oneLine(error.path)}: ${oneLine(error.message)}\n`);
      // With `--fix --dry-run` stdout is the diff alone.
      (fixed && options.dryRun ? io.stderr : io.stdout)(formatText(report));
  }
  return exitCode;
}

/** `--fix`: the fixes computed, written unless `--dry-run`; the texts to check afterwards. */
function applyFixes(input: RunInput, options: CliOptions, io: CliIo): { texts: Map<string, string>; fixes: AppliedFix[]; diff: string; writeErrors: FileError[] } {
  const { texts, originals, fixes } = computeFixes(input, { fixUnused: options.fixUnused });
  const display = (file: string) => displayPath(file, io.cwd);
  const writeErrors: FileError[] = [];
  if (options.dryRun) {
    const diff = [...texts.keys()].sort().map((file) => unifiedDiff(display(file), originals.get(file) ?? '', texts.get(file)!)).join('');
    return { texts, fixes, diff, writeErrors };
  }
  for (const { file, error } of writeFixes(texts)) {
    // Not written: the checks afterwards read the file as it is.
    texts.delete(file);
    const code = (error as NodeJS.ErrnoException).code;
    writeErrors.push({ path: display(file), message: code === 'ESYMLINK' ? l10n.t('a symbolic link: not fixed (the fix is not written through links)') : l10n.t('could not be fixed: {0}', readError(error)) });
  }
  const writtenPaths = new Set([...texts.keys()].map(display));
  const written = fixes.filter((f) => writtenPaths.has(f.path));
  return { texts, fixes: written, diff: '', writeErrors };
}

/** The settings' descriptions of the checks (package.nls*.json beside dist/), as SARIF rule descriptions. */
function ruleDescriptions(resourceDir: string, locale: string): Record<string, string> {
  const read = (file: string): Record<string, unknown> => {
    try {
      return JSON.parse(fs.readFileSync(path.join(resourceDir, file), 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const lower = locale.toLowerCase();
  const strings = { ...read('package.nls.json'), ...(lower === 'en' ? {} : read(`package.nls.${lower}.json`)) };
  const descriptions: Record<string, string> = {};
  for (const check of CHECKS) {
    const text = strings[`configuration.checks.${check.meta.id}`];
    if (typeof text === 'string') descriptions[check.meta.id] = text;
  }
  return descriptions;
}
