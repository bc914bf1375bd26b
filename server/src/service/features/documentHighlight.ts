import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { TemplateProject } from '../project/templateProject';
import { rangeOf, targetAt } from './featureTarget';

/** The uses of the variable at `position` in the same document, or its key in a data set. */
export function documentHighlight(project: TemplateProject, uri: string, position: Position): DocumentHighlight[] | null {
  const target = targetAt(project, uri, position);
  if (!target) return null;
  if (target.kind === 'key') {
    return [{ range: rangeOf(target.at.document, target.entry.keyStart, target.entry.keyEnd), kind: DocumentHighlightKind.Write }];
  }
  const { at } = target;
  return at.uses
    .filter((use) => use.name === target.name)
    .map((use) => ({ range: rangeOf(at.document, use.start, use.end), kind: DocumentHighlightKind.Read }));
}
