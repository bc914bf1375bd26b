// `ses-template-check --spam-score`: each template's email scored by the local SpamAssassin (local
// tests only), the rules it hits with their descriptions and, where the template has the place, a
// path:line:column to act on. The work is common/spam's, shared with "SES: Spam Score"; this is glue.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { spamScore, type ScoredRule, type SpamScoreResult, type SourceText } from '#common/spam/spamScore';
import type { CliOptions, SpamScoreOptions } from './args';
import { localTemplates, type LocalTemplate } from './account/localTemplates';
import { readError, readRegularFile } from './files';
import { displayPath } from './runChecks';
import type { RunInput } from './runChecks';
import type { SettingsLayer } from './settingsFile';

interface Io {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const MAX_DATA_BYTES = 1024 * 1024;

interface Location { path: string; line: number; column: number; endLine: number; endColumn: number }

interface TemplateScore {
  readonly name: string;
  readonly paths: string[];
  readonly dataSet?: string;
  readonly result: SpamScoreResult;
  /** Locations by rule name, as path:line:column. */
  readonly locations: Map<string, Location>;
}

export function installHint(): string {
  return l10n.t('SpamAssassin is not installed: install it with `sudo apt-get install spamassassin` (Debian, Ubuntu), `brew install spamassassin` (macOS) or your system\'s package, or give its path with --spamassassin.');
}

export function networkNote(): string {
  return l10n.t('Local tests only: network tests (DNS blocklists, URI blocklists, Razor, Pyzor, DCC) were left out, and nothing was sent anywhere.');
}

export async function runSpamScore(options: CliOptions, spam: SpamScoreOptions, configLayer: SettingsLayer | undefined, io: Io, version: string): Promise<number> {
  const input: RunInput = { paths: options.paths, cwd: io.cwd, configLayer, globs: options.globs, workspaceSettings: options.workspaceSettings };
  const { templates, report } = localTemplates(input);
  for (const error of report.fileErrors) io.stderr(`ses-template-check: ${error.path}: ${error.message}\n`);
  if (templates.length === 0) {
    io.stderr(`ses-template-check: ${l10n.t('no template found to score')}\n`);
    return 2;
  }
  const scores: TemplateScore[] = [];
  for (const template of templates) {
    const score = await scoreTemplate(template, spam, io.cwd);
    scores.push(score);
    const result = score.result;
    // SpamAssassin missing, dying or hanging is the same for every template: say it once.
    if (!result.ok && (result.kind === 'notInstalled' || result.kind === 'timeout' || result.kind === 'noReport' || result.kind === 'failed')) break;
  }
  const exit = scores.some((s) => !s.result.ok) ? 2 : scores.some((s) => s.result.ok && s.result.score >= s.result.required) ? 1 : 0;
  if (options.format === 'json') io.stdout(JSON.stringify(toJson(scores, exit, version, io.cwd), null, 2) + '\n');
  else {
    for (const score of scores) {
      if (score.result.ok) io.stdout(textOf(score));
      else io.stderr(`ses-template-check: ${score.name}: ${failureText(score.result, io.cwd)}\n`);
    }
    if (scores.some((s) => s.result.ok)) io.stdout(networkNote() + '\n');
  }
  return exit;
}

async function scoreTemplate(template: LocalTemplate, spam: SpamScoreOptions, cwd: string): Promise<TemplateScore> {
  const display = (file: string) => displayPath(file, cwd);
  const paths = (['html', 'text'] as const).map((k) => template.partPaths[k]).filter((p): p is string => p !== undefined).map(display);
  const base = { name: template.name, paths, locations: new Map<string, Location>() };
  const setName = spam.data ?? 'default';
  const dataFile = template.dataSets.get(setName) ?? (spam.data !== undefined && /[/\\.]/.test(spam.data) ? path.resolve(cwd, spam.data) : undefined);
  if (spam.data !== undefined && !dataFile) {
    return { ...base, result: { ok: false, kind: 'failed', command: '', message: l10n.t('{0} has no data set "{1}" (it has: {2}).', template.name, spam.data, [...template.dataSets.keys()].join(', ') || '-') } };
  }
  let data: SourceText | undefined;
  if (dataFile) {
    try {
      const read = readRegularFile(dataFile, MAX_DATA_BYTES);
      if (!('text' in read)) throw Object.assign(new Error(l10n.t('not a regular file of at most 1 MB')), { code: 'EINVAL' });
      data = { file: dataFile, text: read.text };
    } catch (error) {
      return { ...base, result: { ok: false, kind: 'failed', command: '', message: `${display(dataFile)}: ${(error as NodeJS.ErrnoException).code === 'EINVAL' ? (error as Error).message : readError(error)}` } };
    }
  }
  const part = (kind: 'html' | 'text'): SourceText | undefined => {
    const text = template.parts[kind];
    const file = template.partPaths[kind];
    return text !== undefined && file !== undefined ? { file, text } : undefined;
  };
  const result = await spamScore({
    html: part('html'),
    text: part('text'),
    data,
    config: template.config ? { file: template.config.file, text: template.config.text, key: template.config.key } : undefined,
    from: spam.from,
    run: { command: spam.command, timeoutMs: spam.timeoutSeconds * 1000 },
  });
  const locations = new Map<string, Location>();
  if (result.ok) {
    const texts = new Map<string, string>([...(template.config ? [[template.config.file, template.config.text] as const] : []), ...(data ? [[data.file, data.text] as const] : [])]);
    for (const kind of ['html', 'text'] as const) {
      const p = part(kind);
      if (p) texts.set(p.file, p.text);
    }
    for (const rule of result.rules) {
      if (!rule.target) continue;
      const text = texts.get(rule.target.file) ?? '';
      const start = lineColumn(text, rule.target.start);
      const end = lineColumn(text, rule.target.end);
      locations.set(rule.name, { path: display(rule.target.file), line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
  }
  return { ...base, dataSet: dataFile ? (template.dataSets.get(setName) === dataFile ? setName : display(dataFile)) : undefined, result, locations };
}

/** 1-based line and column of an offset (columns in UTF-16 units, as editors count them). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function where(location: Location | undefined): string {
  return location ? `${location.path}:${location.line}:${location.column}` : '';
}

function textOf(score: TemplateScore): string {
  const result = score.result;
  if (!result.ok) return '';
  const verdict = result.score >= result.required ? l10n.t('at or above the threshold: likely to be filed as spam') : l10n.t('below the threshold');
  const lines = [
    `${score.name} (${score.paths.join(', ')}${score.dataSet ? ', ' + l10n.t('data set {0}', score.dataSet) : ''})`,
    '  ' + l10n.t('Spam score {0} of {1} ({2}, {3})', result.score.toFixed(1), result.required.toFixed(1), result.version ?? 'SpamAssassin', verdict),
  ];
  if (result.fromPlaceholder) lines.push('  ' + l10n.t('No sender in ses.config.json: scored with {0}.', 'noreply@example.com'));
  const width = Math.max(4, ...result.rules.map((r) => r.name.length));
  for (const rule of result.rules) lines.push(ruleLine(rule, width, score.locations.get(rule.name)));
  return lines.join('\n') + '\n\n';
}

function ruleLine(rule: ScoredRule, width: number, location: Location | undefined): string {
  const points = rule.score.toFixed(1).padStart(5);
  const seen = rule.matches.length ? ` «${rule.matches.join('», «').slice(0, 120)}»` : '';
  const tail = rule.informational ? ` (${l10n.t('informational')})` : location ? `  ${where(location)}` : '';
  return `  ${points} ${rule.name.padEnd(width)} ${rule.description}${seen}${tail}`;
}

function failureText(result: Extract<SpamScoreResult, { ok: false }>, cwd: string): string {
  switch (result.kind) {
    case 'notInstalled':
      return result.command === 'spamassassin' ? installHint() : l10n.t('{0} could not be run (no such program, or not executable). {1}', result.command, installHint());
    case 'timeout':
      return l10n.t('SpamAssassin ({0}) did not finish within {1} s and was stopped; give more time with --spam-timeout.', result.command, String(result.seconds));
    case 'noReport':
      return l10n.t('{0} ended ({1}) without a SpamAssassin report.', result.command, result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`) + (result.stderr ? ` ${result.stderr.split('\n').slice(-3).join(' ').slice(0, 500)}` : '');
    case 'failed':
      return result.message;
    case 'noSubject':
      return l10n.t('No subject: set "subject" for this template in ses.config.json.');
    case 'noPart':
      return l10n.t('no HTML or text part');
    case 'badData':
      return `${displayPath(result.file, cwd)}: ${result.error === 'json' ? l10n.t('is not valid JSON') : l10n.t('is not a JSON object')}`;
  }
}

function toJson(scores: TemplateScore[], exitCode: number, version: string, cwd: string): unknown {
  return {
    version: 1,
    tool: { name: 'ses-template-check', version },
    networkTests: false,
    note: networkNote(),
    exitCode,
    templates: scores.map((s) => s.result.ok
      ? {
        name: s.name, paths: s.paths, dataSet: s.dataSet ?? null, score: s.result.score, required: s.result.required, spam: s.result.score >= s.result.required,
        spamassassin: s.result.version ?? null, fromPlaceholder: s.result.fromPlaceholder,
        rules: s.result.rules.map((r) => ({ name: r.name, score: r.score, description: r.description, matches: r.matches, informational: r.informational, location: s.locations.get(r.name) ?? null, target: r.target?.kind ?? null })),
      }
      : { name: s.name, paths: s.paths, error: s.result.kind, message: failureText(s.result, cwd) }),
  };
}
