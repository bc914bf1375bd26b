// Finding the files to check on disk: the paths given, folders walked, the workspace folder of each
// path (where `.vscode/settings.json` is), and what kind of template file each file is.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataSetFile } from '#common/templateFiles';
import type { FileError } from './report';

/** Folders never walked: dependencies, VCS data and hidden folders (`.vscode`, `.github`) hold no templates. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface FoundFile {
  readonly file: string;
  /** Named on the command line: checked as a template part even when no glob matches it. */
  readonly explicit: boolean;
}

/** The files under each path, grouped by workspace folder; paths that do not exist become errors. */
export function findFiles(paths: readonly string[], cwd: string, errors: FileError[], display: (file: string) => string): Map<string, FoundFile[]> {
  const byRoot = new Map<string, FoundFile[]>();
  const seen = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      errors.push({ path: display(absolute), message: readError(error) });
      continue;
    }
    const root = workspaceFolderOf(stat.isDirectory() ? absolute : path.dirname(absolute), cwd);
    const list = byRoot.get(root) ?? [];
    byRoot.set(root, list);
    const add = (file: string, explicit: boolean) => {
      if (seen.has(file)) return;
      seen.add(file);
      list.push({ file, explicit });
    };
    if (stat.isDirectory()) for (const file of walk(absolute, errors, display)) add(file, false);
    else add(absolute, true);
  }
  return byRoot;
}

/**
 * The folder that plays VS Code's workspace folder: the nearest one at or above `folder` with a
 * `.vscode/settings.json`; else the current folder when `folder` is inside it; else `folder`.
 */
export function workspaceFolderOf(folder: string, cwd: string): string {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.vscode', 'settings.json'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const relative = path.relative(cwd, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : cwd;
}

/** Every file under `folder`, iteratively (deep trees do not overflow), symbolic links to folders not followed. */
function walk(folder: string, errors: FileError[], display: (file: string) => string): string[] {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: display(dir), message: readError(error) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() || entry.isSymbolicLink()) files.push(full);
    }
  }
  return files;
}

export type FileKind =
  | { kind: 'part'; languageId: 'ses-html' | 'ses-text' }
  | { kind: 'data' }
  | { kind: 'config' };

/**
 * What a file is to the checks, as the editor decides it: `*.ses.html` / `*.ses.txt` always parts,
 * files matched by the template globs parts when they are HTML or plain text (the editor switches
 * only `html` and `plaintext` documents to the template languages), data sets, ses.config.json.
 */
export function kindOf(file: string, matchesGlob: boolean, explicit: boolean): FileKind | undefined {
  const name = path.basename(file);
  if (name === 'ses.config.json') return { kind: 'config' };
  if (dataSetFile('file:///' + encodeURIComponent(name))) return { kind: 'data' };
  const ses = /\.ses\.(html|txt)$/i.exec(name);
  if (ses) return { kind: 'part', languageId: ses[1].toLowerCase() === 'html' ? 'ses-html' : 'ses-text' };
  if (!matchesGlob && !explicit) return undefined;
  if (/\.html?$/i.test(name)) return { kind: 'part', languageId: 'ses-html' };
  if (/\.txt$/i.test(name) || !/\.[^.]+$/.test(name)) return { kind: 'part', languageId: 'ses-text' };
  return undefined;
}

/** A read error in words, without the stack: "no such file or folder", "permission denied", … */
export function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return l10n.t('no such file or folder');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('is a folder, not a file');
  return l10n.t('cannot be read ({0})', code ?? (error instanceof Error ? error.message : String(error)));
}
