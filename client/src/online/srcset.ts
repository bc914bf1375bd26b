// `srcset` candidates with their offsets, after the HTML standard's parsing algorithm ("parse a
// srcset attribute"): a URL is a run of non-whitespace; trailing commas end it without descriptors;
// otherwise descriptors run up to the next comma outside parentheses. Pure: no vscode import.

export interface SrcsetCandidate {
  /** The URL as written (entities not decoded). */
  readonly url: string;
  /** Offsets of the URL inside the attribute value. */
  readonly start: number;
  readonly end: number;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** The candidates of a srcset value. Never throws; `{{variables}}` stay inside the URL they are part of. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    // `{{ a }}` may hold spaces: keep a placeholder whole, so that `{{ cdn }}/a.png 2x` is one URL.
    while (i < n && !isSpace(value[i])) {
      if (value.startsWith('{{', i)) {
        const close = value.indexOf('}}', i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        i++;
      }
    }
    let end = i;
    let trailingCommas = false;
    while (end > start && value[end - 1] === ',') {
      end--;
      trailingCommas = true;
    }
    if (end > start) out.push({ url: value.slice(start, end), start, end });
    if (trailingCommas) continue;
    // Descriptors (`2x`, `640w`) up to the next comma outside parentheses.
    let depth = 0;
    while (i < n) {
      const c = value[i];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
      i++;
    }
  }
  return out;
}
