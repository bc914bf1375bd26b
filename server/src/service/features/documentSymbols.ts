import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TemplateProject } from '../project/templateProject';
import { documentOf, preview, rangeOf, sampleValues } from './featureTarget';

/**
 * The outline: for a part, one symbol per variable it reads (at its first use, with its sample
 * values); for a data set, its keys. Nothing for ses.config.json, which VS Code's JSON support outlines.
 */
export function documentSymbols(project: TemplateProject, uri: string): DocumentSymbol[] | null {
  const at = documentOf(project, uri);
  if (!at || at.kind === 'subject') return null;
  if (at.kind === 'data') {
    return [...at.dataSet.data.entries.values()].map((entry) => ({
      name: entry.key,
      detail: preview(entry),
      kind: SymbolKind.Key,
      range: rangeOf(at.document, entry.keyStart, entry.valueEnd),
      selectionRange: rangeOf(at.document, entry.keyStart, entry.keyEnd),
    }));
  }
  const symbols = new Map<string, DocumentSymbol>();
  for (const use of at.uses) {
    if (symbols.has(use.name)) continue;
    symbols.set(use.name, {
      name: use.name,
      detail: sampleValues(project, use.name) || undefined,
      kind: SymbolKind.Variable,
      range: rangeOf(at.document, use.tagStart, use.tagEnd),
      selectionRange: rangeOf(at.document, use.start, use.end),
    });
  }
  return [...symbols.values()];
}
