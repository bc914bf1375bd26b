// One run of the checks over files on disk: the language server's own project model (ProjectIndex,
// given the files as if they were open in the editor), settings and checks; no LSP connection.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ProjectIndex, type OpenDocuments } from '../projectIndex';
import { docUrlOf, checkMeta } from '../service/checks';
import { byCount } from '../service/checks/common';
import { tooLargeToCheck } from '../service/checks/tooLargeToCheck';
import { createLanguageService } from '../service/languageService';
import { dataSetFile, partFile, templateKey, type TemplateFileName } from '#common/templateFiles';
import type { TemplateProject } from '../service/project/templateProject';
import { normaliseSettings, type ServiceSettings } from '../service/settings';
import { findFiles, kindOf, notRegularMessage, readError, readRegularFile, type FoundFile } from './files';
import { compileGlob, matchesAny } from './glob';
import { compareFindings, type CliFinding, type FileError, type RunReport, type Severity } from './report';
import { mergeLayers, readSettingsText, sectionOf, templateGlobsOf, type SettingsLayer } from './settingsFile';

/** As the server: larger files are not read (no template or data set comes near). */
const MAX_DISK_BYTES = 10 * 1024 * 1024;
/** Parses kept: each template is validated once, so a few (a template's parts and data sets) suffice. */
const PARSES_KEPT = 8;
export const DEFAULT_TEMPLATE_GLOBS = ['**/*.ses.html', '**/*.ses.txt'];

export interface RunInput {
  readonly paths: readonly string[];
  readonly cwd: string;
  /** `--config`, read by the caller: over the workspace settings. */
  readonly configLayer?: SettingsLayer;
  /** `--glob`: replaces `sesStudio.templateGlobs`. */
  readonly globs?: readonly string[];
  /** Read `.vscode/settings.json` of each path's workspace folder. */
  readonly workspaceSettings: boolean;
  /** Texts by absolute path read instead of the files (`--fix` checks its result before writing it). */
  readonly overlay?: ReadonlyMap<string, string>;
  /** Every template's diagnostics with its project, as validated (`--fix` asks the quick fixes). */
  readonly onDiagnostics?: (project: TemplateProject, uri: string, diagnostics: readonly Diagnostic[]) => void;
  /** Every template once, with its findings (`push` refuses templates with errors). */
  readonly onTemplate?: (project: TemplateProject, findings: readonly CliFinding[]) => void;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function runChecks(input: RunInput): RunReport {
  const started = performance.now();
  const fileErrors: FileError[] = [];
  const warnings: string[] = [];
  const findings = new Map<string, CliFinding>();
  const display = (file: string) => displayPath(file, input.cwd);
  // The display path of each URI findings are reported in, worked out once (it was 3% of checking 2,000 templates).
  const displayed = new Map<string, string>();
  const displayUri = (uri: string) => {
    let shown = displayed.get(uri);
    if (shown === undefined) displayed.set(uri, (shown = display(fileURLToPath(uri))));
    return shown;
  };
  // A check that throws makes the run incomplete: reported like an unreadable file (exit code 2).
  const service = createLanguageService(undefined, {
    onCheckError: (id, error) => fileErrors.push({ path: `check ${id}`, message: error instanceof Error ? error.message : String(error) }),
  });
  let templates = 0;
  // The files checked: those read here, and the companions (a named template's data sets, its
  // ses.config.json) the project model read from disk, counted when findings are reported on them, so
  // that "N of M files" never says more files have findings than were checked.
  const checked = new Set<string>();
  const byRoot = findFiles(input.paths, input.cwd, fileErrors, display);
  // Files are read only where their real path stays inside the folders checked: a data set linked to
  // a file elsewhere (`~/.aws/credentials`) would otherwise be read and its values quoted in messages.
  const roots = new FolderGuard([...byRoot.keys(), ...input.paths.map((p) => path.resolve(input.cwd, p))]);

  for (const [root, found] of byRoot) {
    const layers: SettingsLayer[] = [];
    if (input.workspaceSettings) {
      const workspace = readWorkspaceSettings(root, display, warnings);
      if (workspace) layers.push(workspace);
    }
    if (input.configLayer) layers.push(input.configLayer);
    const merged = mergeLayers(layers);
    const settings = normaliseSettings(sectionOf(merged));
    const globs = (input.globs ?? templateGlobsOf(merged) ?? DEFAULT_TEMPLATE_GLOBS).map(compileGlob);

    const store = new FileStore();
    const seeds = new Map<string, TemplateFileName>();
    const configs: string[] = [];
    for (const entry of found) {
      const { file, explicit } = entry;
      const relative = path.relative(root, file).split(path.sep).join('/');
      const kind = kindOf(file, matchesAny(relative, globs), explicit);
      if (!kind) {
        // A path the user named is checked or is an error, never skipped without a word.
        if (explicit) fileErrors.push({ path: display(file), message: l10n.t('not a template part, data set (name.data.json) or ses.config.json') });
        continue;
      }
      if (!roots.allows(entry.raw ?? file)) {
        roots.refused.push(display(file));
        continue;
      }
      const uri = fileUri(file);
      const text = input.overlay?.get(file) ?? readText(entry, fileErrors, display);
      if (text === undefined) continue;
      checked.add(display(file));
      if (text === TOO_LARGE) {
        reportTooLarge(file, settings, findings, display);
        continue;
      }
      store.add(TextDocument.create(uri, kind.kind === 'part' ? kind.languageId : 'json', 1, text));
      const template = kind.kind === 'part' ? partFile(uri, kind.languageId) : kind.kind === 'data' ? dataSetFile(uri) : undefined;
      if (template) seeds.set(templateKey(template), { folder: template.folder, name: template.name });
      if (kind.kind === 'config') configs.push(uri);
    }

    const rootUri = folderUri(root);
    const index = new ProjectIndex(store.asDocuments(), () => [rootUri], (file) => {
      if (roots.allows(file)) return true;
      roots.refused.push(display(file));
      return false;
    }, PARSES_KEPT);
    // Templates named in a ses.config.json: their subject is checked even when they have no part here.
    // Their folder URIs are built from the config's keys unencoded (`子/`): encode them as the files' URIs are.
    for (const config of configs) {
      for (const { folder, name } of index.templatesOfConfig(config)) {
        const template = { folder: folderUri(fileURLToPath(folder)), name };
        seeds.set(templateKey(template), template);
      }
    }

    for (const template of seeds.values()) {
      templates++;
      const project = index.project(template, settings.dialect);
      const own: CliFinding[] = [];
      for (const [uri, diagnostics] of service.validate(project, settings)) {
        input.onDiagnostics?.(project, uri, diagnostics);
        for (const diagnostic of diagnostics) {
          const finding = toFinding(uri, diagnostic, displayUri);
          addFinding(findings, finding);
          own.push(finding);
        }
      }
      input.onTemplate?.(project, own);
    }
  }
  if (roots.refused.length > 0) {
    const names = [...new Set(roots.refused)];
    const listed = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
    warnings.push(byCount(names.length,
      () => l10n.t('1 file links outside the folders checked and was not read: {0}', listed),
      () => l10n.t('{0} files link outside the folders checked and were not read: {1}', names.length, listed)));
  }
  for (const finding of findings.values()) checked.add(finding.path);
  return {
    findings: [...findings.values()].sort(compareFindings),
    fileErrors,
    warnings,
    templates,
    files: checked.size,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * The files read for one workspace folder, handed to ProjectIndex as the editor's open documents (so
 * files matched by a glob keep their template language).
 */
class FileStore {
  private readonly byUri = new Map<string, TextDocument>();

  add(document: TextDocument): void {
    this.byUri.set(document.uri, document);
  }

  asDocuments(): OpenDocuments {
    return { get: (uri: string) => this.byUri.get(uri), all: () => [...this.byUri.values()] };
  }
}

/** Whether a file's real path (symbolic links resolved) is inside one of the folders checked. */
class FolderGuard {
  private readonly realRoots: string[];
  readonly refused: string[] = [];

  constructor(roots: readonly string[]) {
    this.realRoots = [...new Set(roots.map((root) => {
      // A file given on the command line: its folder is the root (its data sets are beside it), not
      // where the file links to.
      let folder = root;
      try {
        if (!fs.statSync(root).isDirectory()) folder = path.dirname(root);
      } catch {
        folder = path.dirname(root);
      }
      return realPath(folder) ?? folder;
    }))];
  }

  allows(file: string | Buffer): boolean {
    const real = realPath(file);
    if (real === undefined) return true; // missing: the read reports it
    return this.realRoots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }
}

function realPath(file: string | Buffer): string | undefined {
  try {
    return fs.realpathSync.native(file, 'utf8');
  } catch {
    return undefined;
  }
}

const TOO_LARGE = Symbol('too large');

/**
 * The text of a file as the editor would hold it (UTF-8, no byte order mark); errors are recorded. A
 * FIFO, device or socket is not read: an error when named on the command line, else skipped (a
 * symbolic link to a folder among the files of a tree is no template either).
 */
function readText(found: FoundFile, errors: FileError[], display: (file: string) => string): string | typeof TOO_LARGE | undefined {
  try {
    const read = readRegularFile(found.raw ?? found.file, MAX_DISK_BYTES);
    if ('text' in read) return read.text;
    if ('tooLarge' in read) return TOO_LARGE;
    if (found.explicit) errors.push({ path: display(found.file), message: notRegularMessage(read) });
    return undefined;
  } catch (error) {
    errors.push({ path: display(found.file), message: readError(error) });
    return undefined;
  }
}

function reportTooLarge(file: string, settings: ServiceSettings, findings: Map<string, CliFinding>, display: (file: string) => string): void {
  const meta = tooLargeToCheck.meta;
  const severity = settings.checks[meta.id] ?? meta.defaultSeverity;
  if (severity === 'off') return;
  addFinding(findings, {
    path: display(file),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity,
    code: meta.id,
    message: l10n.t('This file is larger than {0} MB, so it is not read or checked. Email templates and data sets are far smaller.', MAX_DISK_BYTES / 1024 / 1024),
    ...docUrl(meta.id),
  });
}

function readWorkspaceSettings(root: string, display: (file: string) => string, warnings: string[]): SettingsLayer | undefined {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    // A FIFO or a link to /dev/zero under that name would be read forever: regular, sane-sized files only.
    const read = readRegularFile(file, MAX_DISK_BYTES);
    if (!('text' in read)) {
      warnings.push(l10n.t('{0}: {1}; its settings are not used', display(file), l10n.t('not a regular file of a sensible size')));
      return undefined;
    }
    text = read.text;
  } catch {
    return undefined; // none: the defaults apply, as in VS Code
  }
  const read = readSettingsText(text);
  if (!read.ok) {
    warnings.push(l10n.t('{0}: {1}; its settings are not used', display(file), read.message));
    return undefined;
  }
  for (const warning of read.warnings) warnings.push(`${display(file)}: ${warning}`);
  return read.layer;
}

function toFinding(uri: string, diagnostic: Diagnostic, displayUri: (uri: string) => string): CliFinding {
  const { start, end } = diagnostic.range;
  const code = String(diagnostic.code ?? '');
  return {
    path: displayUri(uri),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
    code,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    ...(diagnostic.codeDescription ? { docUrl: diagnostic.codeDescription.href } : {}),
  };
}

/** A subject in a shared ses.config.json is validated with each template: keep one copy of each finding. */
function addFinding(findings: Map<string, CliFinding>, finding: CliFinding): void {
  const key = [finding.path, finding.line, finding.column, finding.endLine, finding.endColumn, finding.code, finding.message].join('\0');
  if (!findings.has(key)) findings.set(key, finding);
}

function docUrl(id: string): { docUrl?: string } {
  const meta = checkMeta(id);
  const url = meta && docUrlOf(meta);
  return url ? { docUrl: url } : {};
}

/**
 * File URIs encoded as VS Code encodes them (and as ProjectIndex builds them from folder listings):
 * every file name by encodeURIComponent, so the same file never gets two URIs.
 */
export function fileUri(file: string): string {
  const absolute = path.resolve(file);
  return folderUri(path.dirname(absolute)) + encodeURIComponent(path.basename(absolute));
}

/** `file:///…/` of a folder, ending in `/`. */
function folderUri(folder: string): string {
  return pathToFileURL(folder.endsWith(path.sep) ? folder : folder + path.sep).href;
}

/** Relative to the current folder with `/` separators; absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = underFolder(file, cwd) ?? path.relative(cwd, file);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/**
 * `file` relative to `cwd` when that needs no path.relative: on POSIX, `cwd` normalised and absolute,
 * and `file` inside it by a plain remainder (no empty, `.` or `..` segment): every file the walk finds.
 * path.relative resolves both paths each time, about 15 µs: 5% of checking 2,000 templates. Else undefined.
 */
function underFolder(file: string, cwd: string): string | undefined {
  if (path.sep !== '/' || !file.startsWith(cwd) || file.charCodeAt(cwd.length) !== 47 /* / */ || !normalisedFolder(cwd)) return undefined;
  const rest = file.slice(cwd.length + 1);
  let segmentStart = 0;
  for (let i = 0; i <= rest.length; i++) {
    if (i < rest.length && rest.charCodeAt(i) !== 47) continue;
    const length = i - segmentStart;
    if (length === 0 || (length <= 2 && rest.startsWith(length === 1 ? '.' : '..', segmentStart))) return undefined;
    segmentStart = i + 1;
  }
  return rest;
}

let checkedFolder: { folder: string; normalised: boolean } | undefined;
/** Whether `folder` is absolute and as path.resolve gives it (remembered for the last folder asked). */
function normalisedFolder(folder: string): boolean {
  if (checkedFolder?.folder !== folder) checkedFolder = { folder, normalised: path.isAbsolute(folder) && path.resolve(folder) === folder && folder !== '/' };
  return checkedFolder.normalised;
}
