/**
 * Node/V8 flags the language server runs with, used by the client that starts it and by the tests
 * and bench that start it the same way. A language server mostly idles next to the editor, so memory
 * matters, but opening a workspace (2,000 templates at once in `npm run bench`) must not crawl:
 * - `--max-semi-space-size=1`: a young generation of 1 MB, as `--optimize-for-size` had;
 * - `--no-allocation-site-pretenuring`: V8 otherwise learns that a template's parse and HTML model
 *   outlive a young collection (they are cached) and allocates them straight into the old generation,
 *   where they die: most of the full collections;
 * - `--initial-old-space-size=24 --heap-growing-percent=40`: the old generation starts small and grows by
 *   40% per collection (V8's default lets it reach ~200 MB of garbage before the first one).
 * On that burst (section 3 of the bench, 6 December 2026, load 7 on 2 cores) the server's CPU time
 * fell from 3.8–4.4 s with `--optimize-for-size` to 2.9 s, peak RSS 107 → 112 MB, and back to 95 MB
 * when idle; with V8's defaults it is ~2.5 s and ~200 MB.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--no-allocation-site-pretenuring', '--initial-old-space-size=24', '--heap-growing-percent=40'];
