// A generic growth test: does `fn` take linear time on inputs built from its worst-case prefixes?
// Times an input of size n and one of size 4n and fails when the time grows faster than `maxRatio`
// (2.5×) per doubling (the square root of the growth over two doublings, so that one step in V8's
// heap sizing between two sizes does not count as super-linear): linear work doubles per doubling,
// quadratic work quadruples, cubic work grows 8×.
// No absolute time is asserted, so the test means the same on a fast laptop and on a loaded
// 2-core CI machine:
// - time is this process's CPU time, not the wall clock: other processes' load does not count;
// - n is calibrated per input (doubled until one call takes a measurable time), so both fast and
//   slow functions are measured where their dominant term shows;
// - an input that stays below the measurable time at `maxSize` characters passes (a quadratic
//   function cannot do 10^10 steps in a few milliseconds);
// - a cheap screen (the faster of two calls per size) runs first; only a suspicious screen is
//   re-measured with
//   interleaved repeats, each after a full garbage collection (no call pays for the garbage of the
//   one before); it fails when both the medians and the fastest calls grow too fast, on every one
//   of up to four attempts, at three different pairs of sizes (load spikes make some calls slow,
//   never consistently those at 4n only; a heap-sizing step sits between one pair of sizes only).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each timed call, so no call pays for the garbage of the one before.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** One input family: `build(n)` is an input of about `n` characters. */
export interface Family {
  readonly label: string;
  readonly build: (n: number) => string;
}

export interface GrowthOptions {
  /** Fail above this growth per doubling (default 2.5), measured from n to 4n. */
  readonly maxRatio?: number;
  /** Largest input tried, in characters (default 2^18). */
  readonly maxSize?: number;
  /** Smallest input tried (default 256). */
  readonly minSize?: number;
}

export interface Growth {
  readonly label: string;
  /** The n measured, against 4n (0 when the function stayed too fast to measure up to maxSize). */
  readonly size: number;
  readonly ratio: number;
  readonly ms: number;
}

const SCREEN_MS = 4;
const MEASURE_MS = 15;
const REPEATS = 5;
const ATTEMPTS = 4;

/** This process's CPU time in ms: unlike the wall clock, it does not count time other processes run. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function time(fn: (input: string) => unknown, input: string, collect = false): number {
  if (collect) collectGarbage();
  const start = cpuMs();
  try {
    fn(input);
  } catch {
    // Timing only: whether the function accepts this input is another test's business.
  }
  return cpuMs() - start;
}

/** The faster of two calls: load spikes only ever add time. */
function fastest(fn: (input: string) => unknown, input: string): number {
  const first = time(fn, input);
  return Math.min(first, time(fn, input));
}

/** The smallest doubling of `minSize` at which a call takes `ms` (the faster of two), or undefined when none up to maxSize does. */
function calibrate(fn: (input: string) => unknown, build: (n: number) => string, ms: number, minSize: number, maxSize: number): number | undefined {
  for (let n = minSize; n <= maxSize; n *= 2) {
    const input = build(n);
    if (time(fn, input) >= ms && time(fn, input) >= ms) return n;
  }
  return undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The growth per doubling of `fn`'s time from n to 4n on `family` (see the header for how it stays robust). */
export function measureGrowth(fn: (input: string) => unknown, family: Family, options: GrowthOptions = {}): Growth {
  const maxRatio = options.maxRatio ?? 2.5;
  const maxSize = options.maxSize ?? 1 << 18;
  const minSize = options.minSize ?? 256;
  // Screen: one call per size.
  const screenSize = calibrate(fn, family.build, SCREEN_MS, minSize, maxSize / 4);
  if (screenSize === undefined) return { label: family.label, size: 0, ratio: 0, ms: 0 };
  const small = family.build(screenSize);
  const large = family.build(screenSize * 4);
  const screen = Math.sqrt(fastest(fn, large) / Math.max(fastest(fn, small), 0.001));
  if (screen <= 2) return { label: family.label, size: screenSize, ratio: screen, ms: 0 };
  // Re-measure: medians of interleaved repeats at a size where a call takes MEASURE_MS.
  let best: Growth = { label: family.label, size: screenSize, ratio: Infinity, ms: 0 };
  let from = screenSize;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const calibrated = calibrate(fn, family.build, MEASURE_MS, from, maxSize / 4);
    // Never measurably slow up to maxSize: the screen's growth was noise on a few milliseconds.
    if (calibrated === undefined) return { label: family.label, size: screenSize, ratio: 0, ms: 0 };
    // Each retry measures another pair of sizes (n, n/2, 2n): a step in V8's heap sizing between one
    // pair (seen in CI: ×2.6 from 32 K to 128 K on a linear renderer, ×2.0 around it) does not repeat
    // at the others, while quadratic work grows 4× per doubling at every size.
    const n = sizeForAttempt(calibrated, attempt, minSize, maxSize / 4);
    const a = family.build(n);
    const b = family.build(n * 4);
    const ta: number[] = [];
    const tb: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      ta.push(time(fn, a, true));
      tb.push(time(fn, b, true));
    }
    // Both the medians and the fastest calls must grow too fast: load adds time to some calls, never
    // consistently to the larger input only.
    // A calibration fooled by one slow call (a JIT compilation, a collection): measure larger.
    if (median(ta) < MEASURE_MS / 3) {
      from = n * 2;
      continue;
    }
    const ratio = Math.sqrt(Math.min(median(tb) / Math.max(median(ta), 0.001), Math.min(...tb) / Math.max(Math.min(...ta), 0.001)));
    if (ratio < best.ratio) best = { label: family.label, size: n, ratio, ms: median(tb) };
    if (ratio <= maxRatio) break;
  }
  // Every calibration fooled: no measurement says super-linear.
  return best.ratio === Infinity ? { ...best, ratio: 0 } : best;
}

/** The n of a retry: the calibrated n first, then half of it, then twice it, within the limits. */
function sizeForAttempt(n: number, attempt: number, minSize: number, maxSize: number): number {
  const shifted = [n, n / 2, n * 2][attempt % 3];
  return shifted >= minSize && shifted <= maxSize ? shifted : n;
}

/** `head + unit × k + tail`, about n characters long. */
export function repeated(unit: string, head = '', tail = ''): (n: number) => string {
  return (n) => head + unit.repeat(Math.max(1, Math.ceil(n / unit.length))) + tail;
}

/**
 * The worst-case families every scanner of untrusted text is tried on: long runs of what starts a
 * match (`<a `, `{{`, `<!--`, quotes) that never completes, runs of what a pattern skips (spaces)
 * after an opener, and runs of trailing punctuation followed by something else (the `[…]+$` trap).
 */
export const HOSTILE: readonly Family[] = [
  { label: 'spaces then x', build: repeated(' ', '', 'x') },
  { label: '`<a ` repeated', build: repeated('<a ') },
  { label: '`<` repeated', build: repeated('<') },
  { label: '`{{` repeated', build: repeated('{{') },
  { label: '`{{ ` repeated', build: repeated('{{ ') },
  { label: '`{{` then spaces', build: repeated(' ', '{{', 'x') },
  { label: '`{{{` then spaces', build: repeated(' ', '{{{ a', ' x') },
  { label: 'double quotes', build: repeated('"') },
  { label: 'single quotes', build: repeated("'") },
  { label: '`<!--` repeated', build: repeated('<!--') },
  { label: '`<!-- ses-disable ` repeated', build: repeated('<!-- ses-disable ') },
  { label: 'dots then x', build: repeated('.', 'a', 'x') },
  { label: 'slashes then x', build: repeated('/', 'a', 'x') },
  { label: 'an URL of dots then x', build: repeated('.', 'https://a.example/', 'x') },
  { label: 'a placeholder in an attribute with spaces', build: repeated(' ', '<a href="https://a.example/{{', '">x</a>') },
];
