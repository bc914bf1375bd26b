// Runs async work with at most `limit` jobs at a time: the online check fetches up to 300 URLs, and
// hammering one image host with all of them at once looks like an attack and gets throttled.
// Pure: no vscode import.

/**
 * `work(item, index)` for every item, at most `limit` running at once; results in input order.
 * Once `signal` aborts, no further item starts and those not started get `undefined`. A job that
 * throws rejects the whole map (callers return failures as values instead).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array<R | undefined>(items.length).fill(undefined);
  const width = Math.max(1, Math.min(Number.isFinite(limit) ? Math.floor(limit) : 1, items.length));
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: items.length === 0 ? 0 : width }, runner));
  return results;
}
