// The renderer's output as edits of the template text: every pass (image outlines, image boxes, filled
// values) adds edits by offset, and one walk applies them all, so the cost is one copy of the text
// whatever the number of edits (a chain of string rewrites copies it once per edit). Pure: no vscode import.

export interface Edit {
  /** Replaces [start, end) of the template text (an insertion when start === end) with `text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Among edits at the same offset, lower first: 0 closes a wrapper, 1 opens one, 2 is anything else. */
  readonly rank?: number;
}

/**
 * `text` with `edits` applied. An edit that overlaps one applied before it (in offset order) is
 * dropped: passes must not edit inside what another pass replaces (the renderer arranges that).
 */
export function applyEdits(text: string, edits: Edit[]): string {
  if (!edits.length) return text;
  edits.sort((a, b) => a.start - b.start || (a.rank ?? 2) - (b.rank ?? 2) || a.end - b.end);
  const parts: string[] = [];
  let last = 0;
  for (const edit of edits) {
    if (edit.start < last || edit.end < edit.start || edit.end > text.length) continue;
    parts.push(text.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
