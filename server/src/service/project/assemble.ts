import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedTemplate } from '../templateParser';
import type { DataFile } from './dataFile';
import type { SesConfig } from './sesConfig';
import { dataSetFile, partFile, type PartKind, type TemplateFileName } from '#common/templateFiles';
import { buildDataSet, buildPart, buildSubject, type TemplateProject } from './templateProject';
import type { Dialect } from './templateVariables';

/** A document the adapter has: an open editor buffer, or the file read from disk. */
export interface SourceDocument {
  readonly document: TextDocument;
  /** For open documents: `ses-html`, `html`, … (decides HTML or text for custom-named parts). */
  readonly languageId?: string;
}

export interface ProjectSources {
  readonly template: TemplateFileName;
  readonly parts: ReadonlyArray<SourceDocument & { readonly kind: PartKind }>;
  readonly dataSets: ReadonlyArray<SourceDocument & { readonly set: string }>;
  /** The nearest ses.config.json, and the template's key in it (`legacy/win-back`). */
  readonly config?: { readonly document: TextDocument; readonly key: string };
}

/** Parses shared by all requests: the adapter passes caches keyed by document version. */
export interface ParseCaches {
  template(document: TextDocument): ParsedTemplate;
  data(document: TextDocument): DataFile;
  config(document: TextDocument): SesConfig;
}

export function assembleProject(sources: ProjectSources, dialect: Dialect, caches: ParseCaches): TemplateProject {
  const parts = sources.parts.map(({ document, kind }) => buildPart(document.uri, kind, document, caches.template(document), dialect));
  const dataSets = [...sources.dataSets]
    .sort((a, b) => (a.set === 'default' ? -1 : b.set === 'default' ? 1 : a.set.localeCompare(b.set)))
    .map(({ document, set }) => buildDataSet(set, document.uri, document, caches.data(document)));
  const config = sources.config ? caches.config(sources.config.document) : undefined;
  const entry = sources.config ? config?.templates.get(sources.config.key) : undefined;
  const subject = sources.config && entry?.subject
    ? buildSubject(sources.config.document.uri, sources.config.document, entry.subject.start, entry.subject.end, dialect)
    : undefined;
  const broken = sources.config && config && config.problems.length > 0 ? { uri: sources.config.document.uri, document: sources.config.document, problems: config.problems } : undefined;
  return { folder: sources.template.folder, name: sources.template.name, parts, dataSets, subject, triggerType: entry?.triggerType, dialect, ...(broken ? { config: broken } : {}) };
}

/**
 * Groups documents of one folder by template: which parts and data sets belong to `template`.
 * `isPart` decides for files not named `*.ses.html` / `*.ses.txt` (the adapter asks the globs).
 */
export function sourcesInFolder(
  template: TemplateFileName,
  documents: readonly SourceDocument[],
  isPart: (source: SourceDocument) => boolean,
): Pick<ProjectSources, 'parts' | 'dataSets'> {
  const parts: Array<SourceDocument & { kind: PartKind }> = [];
  const dataSets: Array<SourceDocument & { set: string }> = [];
  for (const source of documents) {
    const uri = source.document.uri;
    const data = dataSetFile(uri);
    if (data) {
      if (data.folder === template.folder && data.name === template.name) dataSets.push({ ...source, set: data.set });
      continue;
    }
    const part = partFile(uri, source.languageId);
    if (part && part.folder === template.folder && part.name === template.name && (/\.ses\.(html|txt)$/i.test(uri) || isPart(source))) {
      parts.push({ ...source, kind: part.part });
    }
  }
  return { parts, dataSets };
}
