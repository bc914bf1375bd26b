// The online check without VS Code: probe every target (4 at a time, cancellable) and classify each
// by the roles it plays in the template. checkUrlsOnline.ts is the VS Code glue. No vscode import.
import { classify, isBroken, type Finding } from './findings';
import { mapLimited } from './limiter';
import { probeUrl, type ProbeOptions, type ProbeResult } from './probe';
import type { UrlTarget } from './urlExtraction';

export const CONCURRENCY = 4;

export interface CheckedUrl {
  readonly target: UrlTarget;
  readonly result: ProbeResult;
  readonly findings: readonly Finding[];
}

export interface OnlineCheckResult {
  readonly checked: readonly CheckedUrl[];
  /** Targets not probed because the run was cancelled. */
  readonly notChecked: number;
  readonly brokenImages: number;
  readonly brokenLinks: number;
}

export interface RunOptions extends Omit<ProbeOptions, 'accept'> {
  readonly concurrency?: number;
  /** Called after each URL, with the number done so far. */
  readonly onProgress?: (done: number, total: number, url: string) => void;
}

export async function runOnlineCheck(targets: readonly UrlTarget[], options: RunOptions): Promise<OnlineCheckResult> {
  let done = 0;
  const results = await mapLimited(targets, options.concurrency ?? CONCURRENCY, async (target): Promise<CheckedUrl> => {
    // An image and a link at one URL: one fetch, judged in both roles.
    const result = await probeUrl(target.url, { ...options, accept: target.image ? 'image/avif,image/webp,image/*,*/*;q=0.8' : '*/*' });
    const findings = [...(target.image ? classify(result, 'image') : []), ...(target.link ? classify(result, 'link') : [])];
    options.onProgress?.(++done, targets.length, target.url);
    return { target, result, findings };
  }, options.signal);
  const checked = results.filter((r): r is CheckedUrl => r !== undefined && r.result.error?.kind !== 'aborted');
  return {
    checked,
    notChecked: targets.length - checked.length,
    brokenImages: checked.filter((c) => c.findings.some((f) => f.kind === 'image' && isBroken(f))).length,
    brokenLinks: checked.filter((c) => c.findings.some((f) => f.kind === 'link' && isBroken(f))).length,
  };
}
