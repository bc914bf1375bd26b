// The exit codes of `ses-template`, documented in docs/cli.md. One table, so every command says the
// same thing with the same number.
export const EXIT = {
  /** Done: no finding at or above the threshold, everything pushed / pulled / sent, every review approved. */
  ok: 0,
  /** Findings at or above the threshold (check); a template refused for its errors (push); a local file that differs (pull, without --force); a blocked address (blocklist check). */
  findings: 1,
  /** Usage error, a path or file that cannot be read or written. */
  usage: 2,
  /** No usable credentials, or the API answered with an error, or could not be reached. */
  api: 3,
  /** `push --wait`: Tencent rejected a template in review. */
  rejected: 4,
  /** `push --wait`: a template was still in review when the time ran out. */
  timeout: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
