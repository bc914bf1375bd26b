import * as l10n from '@vscode/l10n';
import { firstNonAscii, partSizes } from './textCommon';
import type { Check } from './types';

/** Gmail clips messages over 102 KB, hiding the rest behind "View entire message". */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** The offset where the UTF-8 size of `text` passes `limit` bytes; undefined when it does not. */
export function offsetPast(text: string, limit: number): number | undefined {
  const ascii = firstNonAscii(text); // one byte per character before it
  if (ascii > limit) return limit;
  let bytes = ascii;
  for (let i = ascii; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes > limit) return i;
  }
  return undefined;
}

/** An HTML part over 102 KB: Gmail clips it. Reported from where the clip falls to the end of that line. */
export const htmlTooLarge: Check = {
  meta: { id: 'html-too-large', defaultSeverity: 'warning' },
  run({ project, report }) {
    project.parts.forEach(({ kind, document }, index) => {
      if (kind !== 'html') return;
      const text = document.getText();
      if (text.length <= GMAIL_CLIP_BYTES / 4) return; // under the limit even if every character took 4 bytes
      const at = offsetPast(text, GMAIL_CLIP_BYTES);
      if (at === undefined) return;
      const newline = text.slice(at).search(/[\r\n]/);
      const end = newline < 0 ? text.length : at + newline;
      report(document, { start: at, end: Math.max(end, Math.min(at + 1, text.length)), message: l10n.t('This HTML is {0} KB, over the {1} KB at which Gmail clips an email: from about here, recipients must click "View entire message". Shorten it or move inline CSS into fewer rules.', Math.round(partSizes(project)[index] / 1024), GMAIL_CLIP_BYTES / 1024) });
    });
  },
};
