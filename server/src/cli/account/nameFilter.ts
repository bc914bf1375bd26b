// `--name` patterns of pull and status: `*` any characters, `?` one, everything else literal,
// matched against the whole template name. A two-pointer wildcard match: no regular expression, so a
// name or pattern can never make it backtrack (O(name × pattern) at worst, both short).

export function wildcardMatch(pattern: string, text: string): boolean {
  const p = [...pattern];
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Whether a template passes the `--name` / `--id` filters (no filter: every template). */
export function selected(name: string, id: number, names: readonly string[], ids: readonly number[]): boolean {
  if (names.length === 0 && ids.length === 0) return true;
  return ids.includes(id) || names.some((pattern) => wildcardMatch(pattern, name));
}
