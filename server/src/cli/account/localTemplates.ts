// The templates on disk as `push` and `send` see them: found and checked exactly as `check` does
// (runChecks), with their parts' text, their ses.config.json entry and their error findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configKey, configTemplateName, templateSendConfig, type PartKind, type TemplateParts, type TemplateSendConfig } from '#common/cloud/index';
import type { CliFinding, RunReport } from '../report';
import { runChecks, type RunInput } from '../runChecks';

export interface LocalTemplate {
  /** The folder (absolute) and file base name: `welcome` for `welcome.ses.html`. */
  readonly folder: string;
  readonly name: string;
  readonly parts: TemplateParts;
  readonly partPaths: Partial<Record<PartKind, string>>;
  /** Data sets by set name, absolute paths. */
  readonly dataSets: ReadonlyMap<string, string>;
  readonly errors: readonly CliFinding[];
  /** The nearest ses.config.json at or above the folder (not above the current folder). */
  readonly config?: { readonly file: string; readonly key: string; readonly text: string; readonly entry: TemplateSendConfig };
  /** `templateName` of the config entry, else the file name: the name in Tencent Cloud. */
  readonly remoteName: string;
}

export function localTemplates(input: RunInput): { templates: LocalTemplate[]; report: RunReport } {
  const templates: LocalTemplate[] = [];
  const report = runChecks({
    ...input,
    onTemplate: (project, findings) => {
      if (project.parts.length === 0) return; // named in ses.config.json only: nothing to push
      const folder = fileURLToPath(project.folder);
      const parts: { html?: string; text?: string } = {};
      const partPaths: Partial<Record<PartKind, string>> = {};
      for (const part of project.parts) {
        if (parts[part.kind] !== undefined) continue;
        parts[part.kind] = part.document.getText();
        partPaths[part.kind] = fileURLToPath(part.uri);
      }
      const config = findConfig(folder, project.name, input.cwd);
      templates.push({
        folder,
        name: project.name,
        parts,
        partPaths,
        dataSets: new Map(project.dataSets.map((d) => [d.set, fileURLToPath(d.uri)])),
        errors: findings.filter((f) => f.severity === 'error'),
        config,
        remoteName: (config && configTemplateName(config.text, config.key)) ?? project.name,
      });
    },
  });
  templates.sort((a, b) => (a.folder + '/' + a.name < b.folder + '/' + b.name ? -1 : 1));
  return { templates, report };
}

/** The nearest ses.config.json from `folder` up to the current folder (or only `folder` outside it). */
export function findConfig(folder: string, name: string, cwd: string): LocalTemplate['config'] {
  const inside = !path.relative(cwd, folder).startsWith('..') && !path.isAbsolute(path.relative(cwd, folder));
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'ses.config.json');
    const text = readConfig(file);
    if (text !== undefined) {
      const key = configKey(dir.split(path.sep).join('/'), folder.split(path.sep).join('/'), name);
      if (key !== undefined) return { file, key, text, entry: templateSendConfig(text, key) };
    }
    if (!inside || dir === cwd || path.dirname(dir) === dir) return undefined;
  }
}

/** A config file's text; undefined when there is none (or it is not a regular file of a sane size). */
export function readConfig(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 10 * 1024 * 1024) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
