import { TextDocument } from 'vscode-languageserver-textdocument';
import { assembleProject, sourcesInFolder, type ParseCaches } from '../../server/src/service/project/assemble';
import { parseDataFile } from '../../server/src/service/project/dataFile';
import { parseSesConfig } from '../../server/src/service/project/sesConfig';
import { dataSetFile, partFile } from '../../common/templateFiles';
import type { TemplateProject } from '../../server/src/service/project/templateProject';
import type { Dialect } from '../../server/src/service/project/templateVariables';
import { parseTemplate } from '../../server/src/service/templateParser';

export const ROOT = 'file:///w/';

export const caches: ParseCaches = {
  template: parseTemplate,
  data: (document) => parseDataFile(document.getText()),
  config: (document) => parseSesConfig(document.getText()),
};

/**
 * A template from a `{ path: content }` map of files in one folder, e.g.
 * `{ 'welcome.ses.html': '…', 'welcome.data.json': '{…}', 'ses.config.json': '{…}' }`.
 * The template is the one of the first part (or data set) listed.
 */
export function projectFromFiles(files: Record<string, string>, dialect: Dialect = 'tencent'): { project: TemplateProject; documents: Map<string, TextDocument> } {
  const documents = new Map<string, TextDocument>();
  for (const [path, text] of Object.entries(files)) {
    const uri = ROOT + path;
    const languageId = path.endsWith('.json') ? 'json' : path.endsWith('html') ? 'ses-html' : 'ses-text';
    documents.set(path, TextDocument.create(uri, languageId, 1, text));
  }
  const first = Object.keys(files).map((path) => partFile(ROOT + path) ?? dataSetFile(ROOT + path)).find((f) => f && !(ROOT + 'ses.config.json').endsWith(f.name))!;
  const template = { folder: first.folder, name: first.name };
  const sources = sourcesInFolder(template, [...documents.values()].filter((d) => !d.uri.endsWith('ses.config.json')).map((document) => ({ document, languageId: document.languageId })), () => true);
  const config = documents.get('ses.config.json');
  const project = assembleProject({ template, ...sources, config: config ? { document: config, key: template.name } : undefined }, dialect, caches);
  return { project, documents };
}
