import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './service/documentCache';
import { assembleProject, sourcesInFolder, type ParseCaches, type SourceDocument } from './service/project/assemble';
import { parseDataFile, type DataFile } from './service/project/dataFile';
import { parseSesConfig, type SesConfig } from './service/project/sesConfig';
import { dataSetFile, isConfigFile, partFile, templateKey, type TemplateFileName } from '#common/templateFiles';
import type { TemplateProject } from './service/project/templateProject';
import type { Dialect } from './service/project/templateVariables';
import { parseTemplate, type ParsedTemplate } from './service/templateParser';

/** Larger files on disk are not read: no template or data set comes near, and reading would stall. */
const MAX_DISK_BYTES = 10 * 1024 * 1024;
const TEMPLATE_LANGUAGES = new Set(['ses-html', 'ses-text']);
/** Parses kept per kind of file: enough for every template a person works on at once. */
const PARSES_KEPT = 256;

/**
 * Finds the documents of a template (open buffers first, then files on disk, which are read once
 * and forgotten when the watcher reports a change) and parses each document version once.
 */
export class ProjectIndex {
  private readonly onDisk = new Map<string, TextDocument | null>();
  /**
   * File names per folder URI, read once, and grouped by their start up to the first `.` (a template's
   * files are all under its name's group); a watched-file event in the folder drops its entry.
   */
  private readonly listings = new Map<string, { files: string[]; byStem: Map<string, string[]> }>();
  private diskVersion = 0;
  private readonly templates: DocumentCache<ParsedTemplate>;
  private readonly data: DocumentCache<DataFile>;
  private readonly configs: DocumentCache<SesConfig>;
  readonly caches: ParseCaches = {
    template: (document) => this.templates.get(document),
    data: (document) => this.data.get(document),
    config: (document) => this.configs.get(document),
  };

  /** `mayRead`: whether a file on disk may be read (the CLI refuses links out of the folders it checks). */
  /**
   * Open documents by the start of their URI up to the first `.` of the file name (`…/welcome.`): the
   * only ones that can belong to a template of that name. Built on first use, then kept in step by the
   * documents' open and close events; without it each validation scanned every open document, which
   * with 2,000 templates open at once was quadratic (a tenth of the burst's time).
   */
  private openByStem: Map<string, Set<string>> | undefined;

  /**
   * `parsesKept`: parses kept per kind of file. The CLI, which validates each template once, keeps a
   * few: kept parses outlive V8's young generation and become old-generation garbage (checking 2,000
   * templates peaked at 160 MB RSS keeping 256, 151 MB keeping 8).
   */
  constructor(private readonly documents: OpenDocuments, private readonly workspaceRoots: () => string[], private readonly mayRead: (path: string) => boolean = () => true, parsesKept = PARSES_KEPT) {
    this.templates = new DocumentCache(parseTemplate, parsesKept);
    this.data = new DocumentCache((document) => parseDataFile(document.getText()), parsesKept);
    this.configs = new DocumentCache((document) => parseSesConfig(document.getText()), parsesKept);
    documents.onDidOpen?.(({ document }) => this.openByStem && addToStem(this.openByStem, document.uri));
    documents.onDidClose?.(({ document }) => {
      const stem = stemOf(document.uri);
      const set = stem === undefined ? undefined : this.openByStem?.get(stem);
      if (!set) return;
      set.delete(document.uri);
      if (set.size === 0) this.openByStem!.delete(stem!);
    });
  }

  /** The template a part or data file belongs to; undefined for other files. */
  templateOf(uri: string): TemplateFileName | undefined {
    const data = dataSetFile(uri);
    if (data) return { folder: data.folder, name: data.name };
    if (isConfigFile(uri)) return undefined;
    const open = this.documents.get(uri);
    if (/\.ses\.(html|txt)$/i.test(uri) || (open && TEMPLATE_LANGUAGES.has(open.languageId))) {
      const part = partFile(uri, open?.languageId);
      return part && { folder: part.folder, name: part.name };
    }
    return undefined;
  }

  /**
   * Templates named in a ses.config.json; when the file has problems, also the templates beside it,
   * which carry its findings (a broken file may name no template at all).
   */
  templatesOfConfig(configUri: string): TemplateFileName[] {
    const document = this.get(configUri);
    if (!document) return [];
    const folder = configUri.slice(0, configUri.lastIndexOf('/') + 1);
    const config = this.configs.get(document);
    const named = [...config.templates.keys()].map((key) => {
      const slash = key.lastIndexOf('/');
      // Keys are plain paths (`子/welcome`); template folders are URIs, encoded like the file names.
      const subfolder = slash >= 0 ? key.slice(0, slash).split('/').map(encodeURIComponent).join('/') + '/' : '';
      return { folder: folder + subfolder, name: key.slice(slash + 1) };
    });
    if (config.problems.length === 0) return named;
    const beside = new Map(named.map((template) => [templateKey(template), template]));
    const uris = [...this.listing(folder).files.map((file) => folder + encodeURIComponent(file)), ...this.documents.all().map((d) => d.uri)];
    for (const uri of uris) {
      if (uri.slice(folder.length).includes('/') || !uri.startsWith(folder)) continue;
      const part = /\.ses\.(html|txt)$/i.test(uri) ? partFile(uri) : undefined;
      if (part && part.folder === folder) beside.set(templateKey(part), { folder: part.folder, name: part.name });
    }
    return [...beside.values()];
  }

  project(template: TemplateFileName, dialect: Dialect): TemplateProject {
    const folderDocs = this.folderDocuments(template);
    const sources = sourcesInFolder(template, folderDocs, (source) => TEMPLATE_LANGUAGES.has(source.languageId ?? ''));
    return assembleProject({ template, ...sources, config: this.configFor(template) }, dialect, this.caches);
  }

  /** Every URI of the project: what its diagnostics are published for. */
  static urisOf(project: TemplateProject): string[] {
    const config = project.subject?.uri ?? project.config?.uri;
    return [...project.parts, ...project.dataSets].map((d) => d.uri).concat(config ? [config] : []);
  }

  static keyOf(template: TemplateFileName): string {
    return templateKey(template);
  }

  /** Called for watched-file events: the next read of the file, and of its folder, goes to disk again. */
  forget(uri: string): void {
    this.onDisk.delete(uri);
    this.listings.delete(uri.slice(0, uri.lastIndexOf('/') + 1));
  }

  closed(uri: string): void {
    this.templates.delete(uri);
    this.data.delete(uri);
    this.configs.delete(uri);
  }

  /**
   * Forgets what was read from disk for folders that no open document is in or under any more (file
   * contents, their parses, folder listings, the ses.config.json looked for): they were kept for the
   * templates being edited, and a session that opens and closes thousands of template folders must
   * not keep an entry for each. Returns whether a folder (URI ending in `/`) is still live, for the
   * server's own per-folder state.
   */
  release(): (folder: string) => boolean {
    const live = new Set<string>();
    for (const document of this.documents.all()) {
      // The document's folder and every folder above it (where its ses.config.json is looked for);
      // stops at the first one already seen, so the walk costs each folder once.
      for (let folder = folderOf(document.uri); folder && !live.has(folder); folder = parentFolder(folder)) live.add(folder);
    }
    for (const uri of this.onDisk.keys()) {
      if (live.has(folderOf(uri))) continue;
      this.onDisk.delete(uri);
      this.closed(uri);
    }
    for (const folder of this.listings.keys()) if (!live.has(folder)) this.listings.delete(folder);
    return (folder) => live.has(folder);
  }

  /** Entries kept per folder or file read (for the test that they are released). */
  retained(): { filesRead: number; listings: number } {
    return { filesRead: this.onDisk.size, listings: this.listings.size };
  }

  private get(uri: string): TextDocument | undefined {
    return this.documents.get(uri) ?? this.readDisk(uri);
  }

  private readDisk(uri: string): TextDocument | undefined {
    if (this.onDisk.has(uri)) return this.onDisk.get(uri) ?? undefined;
    let document: TextDocument | null = null;
    try {
      const path = fileURLToPath(uri);
      const info = fs.statSync(path);
      // Regular files only: a FIFO, or a symlink to /dev/zero committed to a repository, has size 0
      // and would be read forever, freezing the server.
      if (info.isFile() && info.size <= MAX_DISK_BYTES && this.mayRead(path)) {
        // Negative versions: never equal to an open buffer's version, so caches never mix the two.
        document = TextDocument.create(uri, '', -(++this.diskVersion), fs.readFileSync(path, 'utf8'));
      }
    } catch {
      // not a file: URI, missing, unreadable: the file is simply not part of the template
    }
    this.onDisk.set(uri, document);
    return document ?? undefined;
  }

  private folderDocuments(template: TemplateFileName): SourceDocument[] {
    const uris = new Set<string>();
    // Only files named `<name>.…` can belong to the template: a cheap prefix test keeps a folder of
    // thousands of templates from costing thousands of file-name parses per validation.
    const uriPrefix = template.folder + encodeURIComponent(template.name) + '.';
    const stem = stemOf(uriPrefix);
    if (!this.openByStem) {
      this.openByStem = new Map();
      for (const open of this.documents.all()) addToStem(this.openByStem, open.uri);
    }
    for (const uri of (stem !== undefined && this.openByStem.get(stem)) || []) {
      if (uri.startsWith(uriPrefix) && this.documents.get(uri)) uris.add(uri);
    }
    const prefix = template.name + '.';
    for (const file of this.listing(template.folder).byStem.get(stemOf(prefix) ?? '') ?? []) {
      if (file.startsWith(prefix)) uris.add(template.folder + encodeURIComponent(file));
    }
    const result: SourceDocument[] = [];
    for (const uri of uris) {
      if (uri.slice(template.folder.length).includes('/')) continue;
      const open = this.documents.get(uri);
      const document = open ?? this.readDisk(uri);
      if (document) result.push({ document, languageId: open?.languageId });
    }
    return result;
  }

  private listing(folder: string): { files: string[]; byStem: Map<string, string[]> } {
    let listing = this.listings.get(folder);
    if (!listing) {
      let files: string[];
      try {
        files = fs.readdirSync(fileURLToPath(folder));
      } catch {
        files = []; // not a folder on disk (untitled, virtual file system): open documents only
      }
      const byStem = new Map<string, string[]>();
      for (const file of files) {
        const stem = stemOf(file);
        if (stem === undefined) continue;
        const group = byStem.get(stem);
        if (group) group.push(file);
        else byStem.set(stem, [file]);
      }
      listing = { files, byStem };
      this.listings.set(folder, listing);
    }
    return listing;
  }

  /** The nearest ses.config.json above the template, within the workspace. */
  private configFor(template: TemplateFileName): { document: TextDocument; key: string } | undefined {
    const roots = this.workspaceRoots().map((r) => (r.endsWith('/') ? r : r + '/'));
    let folder = template.folder;
    for (;;) {
      const document = this.get(folder + 'ses.config.json');
      if (document) return { document, key: decodeUriPath(template.folder.slice(folder.length)) + template.name };
      if (roots.includes(folder) || roots.length === 0) return undefined;
      const parent = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
      if (parent.length < 'file:///'.length || parent === folder) return undefined;
      folder = parent;
    }
  }
}

/**
 * What ProjectIndex needs of the open documents: the server's TextDocuments (whose open and close
 * events keep its lookup by name current), or the CLI's fixed set of files (no events).
 */
export type OpenDocuments = Pick<TextDocuments<TextDocument>, 'get' | 'all'> & Partial<Pick<TextDocuments<TextDocument>, 'onDidOpen' | 'onDidClose'>>;

/**
 * `…/folder/name.` of `…/folder/name.rest`, `name.` of `name.rest`: up to the first `.` of the file
 * name; undefined without one.
 */
function stemOf(uri: string): string | undefined {
  const dot = uri.indexOf('.', uri.lastIndexOf('/') + 1);
  return dot < 0 ? undefined : uri.slice(0, dot + 1);
}

function addToStem(byStem: Map<string, Set<string>>, uri: string): void {
  const stem = stemOf(uri);
  if (stem === undefined) return;
  let set = byStem.get(stem);
  if (!set) byStem.set(stem, (set = new Set()));
  set.add(uri);
}

/** `scheme://authority/a/b/` for `scheme://authority/a/b/c`. */
function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** The folder above `folder` (which ends in `/`): `file:///` above `file:///a/`, '' above that. */
function parentFolder(folder: string): string {
  const parent = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
  return parent.endsWith('://') || parent.length >= folder.length ? '' : parent;
}

/** A URI path decoded to the plain path ses.config.json keys use; left as it is when malformed. */
function decodeUriPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
