import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { dataSetUri } from '../project/templateFiles';
import type { TemplateProject } from '../project/templateProject';
import { codeSpan, escapeMarkdown, fileName, preview, rangeOf, setsMissing, targetAt } from './featureTarget';

/** Hover on a variable use or a data key: its value in each data set, and where it is used. */
export function hover(project: TemplateProject, uri: string, position: Position): Hover | null {
  const target = targetAt(project, uri, position);
  if (!target) return null;
  const range = target.kind === 'use'
    ? rangeOf(target.at.document, target.use.start, target.use.end)
    : rangeOf(target.at.document, target.entry.keyStart, target.entry.keyEnd);
  return { contents: { kind: MarkupKind.Markdown, value: variableMarkdown(project, target.name) }, range };
}

/**
 * The Markdown describing one variable of the template (also the documentation of completions,
 * which pass `places` from one `usePlaces` call for all their items).
 */
export function variableMarkdown(project: TemplateProject, name: string, places: UsePlaces = usePlaces(project, name)): string {
  const blocks = [l10n.t('Template variable {0}', codeSpan(`{{${name}}}`))];
  if (project.dataSets.length === 0) {
    blocks.push(l10n.t('This template has no data set: create {0} beside it.', codeSpan(fileName(dataSetUri(project, 'default')))));
  } else {
    const values = project.dataSets.flatMap((d) => {
      const entry = d.data.entries.get(name);
      return entry ? [`- **${escapeMarkdown(d.set)}**: ${entry.kind === 'string' ? escapeMarkdown(preview(entry, 200)) || codeSpan('""') : codeSpan(preview(entry, 200))}`] : [];
    });
    if (values.length > 0) blocks.push(values.join('\n'));
    const missing = setsMissing(project, name);
    if (missing.length > 0) blocks.push(l10n.t('Missing in: {0}', missing.map((d) => escapeMarkdown(d.set)).join(', ')));
  }
  const where = places.get(name) ?? [];
  blocks.push(where.length > 0
    ? l10n.t('Used in: {0}', where.map(([place, n]) => escapeMarkdown(n > 1 ? `${place} (${n})` : place)).join(', '))
    : l10n.t('Not used in any part or the subject.'));
  return blocks.join('\n\n');
}

/** For each variable: the parts (by file name) and the subject that read it, with how often. */
export type UsePlaces = ReadonlyMap<string, ReadonlyArray<readonly [place: string, count: number]>>;

/** Where the template reads `only` (or every variable): one pass over all uses. */
export function usePlaces(project: TemplateProject, only?: string): UsePlaces {
  const places = new Map<string, Array<[string, number]>>();
  const count = (place: string, uses: readonly { name: string }[]) => {
    for (const { name } of uses) {
      if (only !== undefined && name !== only) continue;
      let list = places.get(name);
      if (!list) places.set(name, (list = []));
      const last = list[list.length - 1];
      if (last?.[0] === place) last[1]++;
      else list.push([place, 1]);
    }
  };
  for (const part of project.parts) count(fileName(part.uri), part.variables.uses);
  if (project.subject) count(l10n.t('subject'), project.subject.variables.uses);
  return places;
}
