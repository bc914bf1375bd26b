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
  /**
   * The file's name as bytes, when they are not UTF-8 (`caf\xe9.ses.html` written on a Latin-1
   * system): `file` then holds U+FFFD for them, which names no file, and reads go through this.
   */
  readonly raw?: Buffer;
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
    let raw: Buffer | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      // A name given on the command line in bytes that are not UTF-8 arrives with U+FFFD: find its bytes.
      raw = (error as NodeJS.ErrnoException).code === 'ENOENT' ? rawNameOf(absolute) : undefined;
      const found = raw && statOrUndefined(raw);
      if (!found) {
        errors.push({ path: display(absolute), message: readError(error) });
        continue;
      }
      stat = found;
    }
    const root = workspaceFolderOf(stat.isDirectory() ? absolute : path.dirname(absolute), cwd);
    const list = byRoot.get(root) ?? [];
    byRoot.set(root, list);
    const add = (file: string, explicit: boolean, rawName?: Buffer) => {
      if (seen.has(file)) return;
      seen.add(file);
      list.push({ file, explicit, ...(rawName ? { raw: rawName } : {}) });
    };
    if (stat.isDirectory()) for (const file of walk(absolute, errors, display)) add(file.file, false, file.raw);
    else add(absolute, true, raw);
  }
  return byRoot;
}

function statOrUndefined(file: Buffer): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The bytes of the one entry of `file`'s folder whose name decodes (lossily) to `file`'s name. */
function rawNameOf(file: string): Buffer | undefined {
  const name = path.basename(file);
  if (!name.includes('\ufffd')) return undefined;
  try {
    const matches = fs.readdirSync(path.dirname(file), { encoding: 'buffer' }).filter((entry) => entry.toString('utf8') === name);
    return matches.length === 1 ? Buffer.concat([Buffer.from(path.dirname(file) + path.sep), matches[0]]) : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of `name` in `folder` when they are not UTF-8 (so the decoded name cannot open the file). */
function rawIfNotUtf8(folder: string, name: Buffer): Buffer | undefined {
  return Buffer.from(name.toString('utf8'), 'utf8').equals(name) ? undefined : Buffer.concat([Buffer.from(folder + path.sep), name]);
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
function walk(folder: string, errors: FileError[], display: (file: string) => string): Array<{ file: string; raw?: Buffer }> {
  const files: Array<{ file: string; raw?: Buffer }> = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Array<fs.Dirent<Buffer>>;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      errors.push({ path: display(dir), message: readError(error) });
      continue;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of named) {
      const full = path.join(dir, name);
      if (entry.isDirectory()) {
        if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) pending.push(full);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const raw = rawIfNotUtf8(dir, entry.name);
        files.push(raw ? { file: full, raw } : { file: full });
      }
    }
  }
  return files;
}

export type FileKind =
  | { kind: 'part'; languageId: 'ses-html' | 'ses-text' }
  | { kind: 'data' }
  | { kind: 'config' };

/**
 * What a file is to the checks: `*.ses.html` / `*.ses.txt` always parts, data sets, ses.config.json;
 * a file named on the command line or matched by the template globs is a part whatever its extension
 * (text for `.txt` and no extension, else HTML).
 */
export function kindOf(file: string, matchesGlob: boolean, explicit: boolean): FileKind | undefined {
  const name = path.basename(file);
  if (name === 'ses.config.json') return { kind: 'config' };
  if (dataSetFile('file:///' + encodeURIComponent(name))) return { kind: 'data' };
  const ses = /\.ses\.(html|txt)$/i.exec(name);
  if (ses) return { kind: 'part', languageId: ses[1].toLowerCase() === 'html' ? 'ses-html' : 'ses-text' };
  if (!matchesGlob && !explicit) return undefined;
  if (/\.txt$/i.test(name) || !/\.[^.]+$/.test(name)) return { kind: 'part', languageId: 'ses-text' };
  // `.html`, and template languages' own extensions (`.tpl`, `.ftl`, `.blade.php`, `.hbs`), are HTML
  // parts. A file named on the command line with another extension is too (skipping it would report
  // "no problems"), except JSON, which is no template: the caller reports it.
  if (TEMPLATE_EXTENSION.test(name) || (explicit && !/\.json$/i.test(name))) return { kind: 'part', languageId: 'ses-html' };
  return undefined;
}

export type RegularFileRead = { text: string } | { notRegular: true; folder: boolean } | { tooLarge: true };

/**
 * A regular file's text (UTF-8, no byte order mark) if it is at most `maxBytes`; a FIFO, a device
 * (`/dev/zero`), a socket or a folder is not read at all (reading them would block forever or grow
 * memory without end). Opened without blocking, then checked on the open file: no race with a swap.
 * Throws what fs throws (missing, permission).
 */
export function readRegularFile(file: string | Buffer, maxBytes: number): RegularFileRead {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { notRegular: true, folder: stat.isDirectory() };
    if (stat.size > maxBytes) return { tooLarge: true };
    const text = fs.readFileSync(fd, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a file that is not a regular file was not read: a folder is named as such, not as a device. */
export function notRegularMessage(read: { folder: boolean }): string {
  return read.folder ? l10n.t('a folder, not a file; not read') : l10n.t('not a regular file (a pipe, device or socket); not read');
}

/** Extensions of HTML and of template languages whose output is HTML. */
const TEMPLATE_EXTENSION = /\.(?:x?html?|shtml|tpl|ftlh?|php|hbs|handlebars|mustache|liquid|njk|jinja2?|j2|twig|ejs|erb|vm|jsp|cshtml|razor)$/i;

/** A read error in words, without the stack: "no such file or folder", "permission denied", … */
export function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return l10n.t('no such file or folder');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('is a folder, not a file');
  return l10n.t('cannot be read ({0})', code ?? (error instanceof Error ? error.message : String(error)));
}
