// How files relate: `welcome.ses.html` and `welcome.ses.txt` are the parts of template "welcome";
// `welcome.data.json` is its data set "default" and `welcome.data.zh.json` its data set "zh", in
// the same folder. Files matched by `sesStudio.templateGlobs` under other names (`win-back.html`)
// are parts too; their template name is the file name without its extension.

export type PartKind = 'html' | 'text';

export interface TemplateFileName {
  /** URI of the folder, ending in `/`. */
  readonly folder: string;
  readonly name: string;
}

export interface PartFile extends TemplateFileName {
  readonly part: PartKind;
}

export interface DataSetFile extends TemplateFileName {
  readonly set: string;
}

export const DEFAULT_SET = 'default';

function split(uri: string): { folder: string; file: string } {
  const slash = uri.lastIndexOf('/');
  return { folder: uri.slice(0, slash + 1), file: decodeName(uri.slice(slash + 1)) };
}

/** A URI's file name, percent-decoded; as written when the encoding is malformed (`%ZZ`), which threw in every handler. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The part a template file is, given its language (`ses-html`, `html`, `ses-text`, …) or its name. */
export function partFile(uri: string, languageId?: string): PartFile | undefined {
  const { folder, file } = split(uri);
  const ses = /^(.+)\.ses\.(html|txt)$/is.exec(file);
  if (ses) return { folder, name: ses[1], part: ses[2].toLowerCase() === 'html' ? 'html' : 'text' };
  const other = /^(.+)\.([^.]+)$/s.exec(file);
  if (!other || /\.data(\.[^.]+)?$/.test(other[1])) return undefined;
  const isHtml = languageId ? /html/.test(languageId) : /^html?$/i.test(other[2]);
  return { folder, name: other[1], part: isHtml ? 'html' : 'text' };
}

/** `welcome.data.json` → set "default"; `welcome.data.zh.json` → set "zh". */
export function dataSetFile(uri: string): DataSetFile | undefined {
  const { folder, file } = split(uri);
  const match = /^(.+?)\.data(?:\.([^.]+))?\.json$/is.exec(file);
  if (!match) return undefined;
  return { folder, name: match[1], set: match[2] ?? DEFAULT_SET };
}

export function isConfigFile(uri: string): boolean {
  return split(uri).file === 'ses.config.json';
}

/** The key that groups parts and data sets of one template. */
export function templateKey(file: TemplateFileName): string {
  return file.folder + file.name;
}

export function dataSetUri(template: TemplateFileName, set: string): string {
  const file = set === DEFAULT_SET ? `${template.name}.data.json` : `${template.name}.data.${set}.json`;
  return template.folder + encodeURIComponent(file);
}
