// `sesStudio.templateGlobs` patterns as VS Code reads them (`**`, `*`, `?`, `{a,b}`, `[abc]`), matched
// against a path relative to the workspace folder with `/` separators. Pure: no file system.
//
// Matched by simulating all positions of the pattern at once (a Thompson automaton), in time
// proportional to path length × pattern length. The regular expression this replaces backtracked
// exponentially: `*a*a*a*a*a*a*a*a*a*a*a*a*b` against a 60-character name gave no answer in 60 s,
// and the pattern comes from a repository's settings, so a pull request could stall CI.

export interface GlobMatcher {
  /** Whether the whole of `relativePath` (with `/`) matches. */
  test(relativePath: string): boolean;
}

/** One state of the automaton: consume a character that `accepts`, or (no `accepts`) move on for free to every `next`. */
interface State {
  accepts?: (c: string) => boolean;
  next: number[];
}

const ANY = () => true;
/** Deeper brace nesting is taken literally: each level rescans what it holds, so depth must stay bounded. */
const MAX_BRACE_DEPTH = 8;
const NOT_SLASH = (c: string) => c !== '/';

class Builder {
  readonly states: State[] = [{ next: [] }]; // state 0: accept

  add(state: State): number {
    this.states.push(state);
    return this.states.length - 1;
  }
}

/** A compiled glob; never throws (a bad class or braces nested too deeply: the glob is taken literally). */
export function compileGlob(glob: string): GlobMatcher {
  const builder = new Builder();
  let start: number;
  try {
    start = compileSequence(glob, { at: 0 }, 0, builder, 0);
  } catch {
    return { test: (path) => path === glob };
  }
  const states = builder.states;
  return {
    test(path) {
      // The set of states reached, as a list plus a stamp per state (no allocation per character).
      const count = states.length;
      const stamp = new Int32Array(count).fill(-1);
      const stack = new Int32Array(count);
      let current = new Int32Array(count);
      let next = new Int32Array(count);
      let nextSize = 0;
      let step = 0;
      // Adds `from` and every state its free moves reach; keeps those that consume or accept.
      const reach = (from: number) => {
        if (stamp[from] === step) return;
        stamp[from] = step;
        let top = 0;
        stack[top++] = from;
        while (top > 0) {
          const s = stack[--top];
          if (states[s].accepts || s === 0) next[nextSize++] = s;
          else {
            for (const t of states[s].next) {
              if (stamp[t] !== step) {
                stamp[t] = step;
                stack[top++] = t;
              }
            }
          }
        }
      };
      reach(start);
      for (const c of path) {
        [current, next] = [next, current];
        const size = nextSize;
        nextSize = 0;
        step++;
        for (let k = 0; k < size; k++) {
          const state = states[current[k]];
          if (state.accepts && state.accepts(c)) for (const t of state.next) reach(t);
        }
        if (nextSize === 0) return false;
      }
      for (let k = 0; k < nextSize; k++) if (next[k] === 0) return true;
      return false;
    },
  };
}

/**
 * Compiles `glob` from `cursor.at` up to the `,` or `}` that ends the current brace alternative
 * (depth > 0) or the end, right to left so each piece knows the state after it. Returns the start state.
 */
function compileSequence(glob: string, cursor: { at: number }, depth: number, builder: Builder, after: number): number {
  if (depth > MAX_BRACE_DEPTH) throw new RangeError('braces nested too deeply');
  // Collect the pieces first, then link them from the last to the first.
  const pieces: Array<(next: number) => number> = [];
  while (cursor.at < glob.length) {
    const i = cursor.at;
    const c = glob[i];
    if (depth > 0 && (c === ',' || c === '}')) break;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        if (atStart && glob[i + 2] === '/') {
          // `**/`: any number of folders, none included.
          pieces.push((next) => {
            const loop = builder.add({ next: [] });
            const anyChar = builder.add({ accepts: ANY, next: [loop] });
            const slash = builder.add({ accepts: (ch) => ch === '/', next: [next] });
            builder.states[loop].next.push(anyChar, slash);
            return builder.add({ next: [loop, next] });
          });
          cursor.at += 3;
        } else {
          pieces.push((next) => star(builder, ANY, next));
          cursor.at += 2;
        }
      } else {
        pieces.push((next) => star(builder, NOT_SLASH, next));
        cursor.at += 1;
      }
    } else if (c === '?') {
      pieces.push((next) => builder.add({ accepts: NOT_SLASH, next: [next] }));
      cursor.at += 1;
    } else if (c === '{') {
      cursor.at += 1;
      const options: Array<(next: number) => number> = [];
      const bodies: Array<{ from: number }> = [];
      // Each alternative compiled later against the state after the braces: remember where it starts.
      for (;;) {
        bodies.push({ from: cursor.at });
        skipAlternative(glob, cursor);
        if (glob[cursor.at] === ',') {
          cursor.at += 1;
          continue;
        }
        if (glob[cursor.at] === '}') cursor.at += 1; // an unclosed brace ends at the end of the glob
        break;
      }
      for (const body of bodies) options.push((next) => compileSequence(glob, { at: body.from }, depth + 1, builder, next));
      pieces.push((next) => builder.add({ next: options.map((option) => option(next)) }));
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        pieces.push(literal(builder, '['));
        cursor.at += 1;
      } else {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\').replace(/^!/, '^');
        const cls = new RegExp(`^[${body}]$`); // one character tested: no backtracking; throws on a bad range
        pieces.push((next) => builder.add({ accepts: (ch) => cls.test(ch), next: [next] }));
        cursor.at = close + 1;
      }
    } else {
      pieces.push(literal(builder, c));
      cursor.at += 1;
    }
  }
  let next = after;
  for (let k = pieces.length - 1; k >= 0; k--) next = pieces[k](next);
  return next;
}

/** Moves `cursor` to the `,` or `}` that ends the brace alternative starting there (nested braces skipped), or the end. */
function skipAlternative(glob: string, cursor: { at: number }): void {
  let nested = 0;
  for (; cursor.at < glob.length; cursor.at++) {
    const c = glob[cursor.at];
    if (c === '[') {
      const close = glob.indexOf(']', cursor.at + 2);
      if (close >= 0) cursor.at = close;
    } else if (c === '{') nested++;
    else if (c === '}' && nested > 0) nested--;
    else if (nested === 0 && (c === ',' || c === '}')) return;
  }
}

function star(builder: Builder, accepts: (c: string) => boolean, next: number): number {
  const loop = builder.add({ next: [] });
  const one = builder.add({ accepts, next: [loop] });
  builder.states[loop].next.push(one, next);
  return loop;
}

function literal(builder: Builder, c: string): (next: number) => number {
  return (next) => builder.add({ accepts: (ch) => ch === c, next: [next] });
}

/** Whether `relativePath` (with `/`) matches any of `globs`. */
export function matchesAny(relativePath: string, globs: readonly GlobMatcher[]): boolean {
  return globs.some((glob) => glob.test(relativePath));
}
