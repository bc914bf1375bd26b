import type { Location, Position } from 'vscode-languageserver-types';
import { usesOf, type TemplateProject } from '../project/templateProject';
import { rangeOf, targetAt } from './featureTarget';

/**
 * Find all references from a variable use or a data key: every use in the parts and the subject,
 * and, with `includeDeclaration`, the key in each data set that has it.
 */
export function references(project: TemplateProject, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const target = targetAt(project, uri, position);
  if (!target) return null;
  const locations: Location[] = usesOf(project, target.name).map((use) => ({ uri: use.uri, range: rangeOf(use.document, use.start, use.end) }));
  if (includeDeclaration) {
    for (const dataSet of project.dataSets) {
      const entry = dataSet.data.entries.get(target.name);
      if (entry) locations.push({ uri: dataSet.uri, range: rangeOf(dataSet.document, entry.keyStart, entry.keyEnd) });
    }
  }
  return locations;
}
