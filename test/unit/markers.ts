import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Fixture text with expected ranges marked by « and »: `'Hello «{{name»'`. Returns the clean
 * document and the marked ranges as LSP positions, so tables of cases read like the template.
 */
export function fixture(marked: string, uri = 'file:///w/welcome.ses.html') {
  const offsets: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === '«') open = text.length;
    else if (char === '»') {
      offsets.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  const document = TextDocument.create(uri, 'ses-html', 1, text);
  const ranges = offsets.map(([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) }));
  return { document, ranges };
}

/** The cursor marker of feature fixtures (`|` cannot be used: Handlebars and JSON text contain it). */
export const CURSOR = '‸';

/**
 * Text with an optional cursor `‸` and ranges marked by « and », as offsets in the clean text:
 * `'Hello {{na‸me}}'` → cursor 10.
 */
export function stripMarkers(marked: string): { text: string; cursor?: number; ranges: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  let text = '';
  let cursor: number | undefined;
  let open = -1;
  for (const char of marked) {
    if (char === CURSOR) cursor = text.length;
    else if (char === '«') open = text.length;
    else if (char === '»') {
      ranges.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  return { text, cursor, ranges };
}
