import type { LocationLink, Position } from 'vscode-languageserver-types';
import type { TemplateProject } from '../project/templateProject';
import { rangeOf, targetAt } from './featureTarget';

/**
 * Go to definition from a variable use: the key in each data set that has it. Links, so that the
 * editor underlines the whole name; `toLocations` converts them for clients without link support.
 */
export function definition(project: TemplateProject, uri: string, position: Position): LocationLink[] | null {
  const target = targetAt(project, uri, position);
  if (target?.kind !== 'use') return null;
  const origin = rangeOf(target.at.document, target.use.start, target.use.end);
  const links = project.dataSets.flatMap((dataSet): LocationLink[] => {
    const entry = dataSet.data.entries.get(target.name);
    if (!entry) return [];
    return [{
      originSelectionRange: origin,
      targetUri: dataSet.uri,
      targetRange: rangeOf(dataSet.document, entry.keyStart, entry.valueEnd),
      targetSelectionRange: rangeOf(dataSet.document, entry.keyStart, entry.keyEnd),
    }];
  });
  return links.length > 0 ? links : null;
}

export function toLocations(links: readonly LocationLink[]) {
  return links.map((link) => ({ uri: link.targetUri, range: link.targetSelectionRange }));
}
