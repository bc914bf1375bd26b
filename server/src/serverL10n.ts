import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The translated strings for a client locale (`initialize.params.locale`, e.g. "zh-cn"), read from
 * the l10n bundles shipped beside dist/. Undefined means English (the strings in the code).
 */
export function loadServerL10n(locale: string, dir = path.join(__dirname, '..', 'l10n')): Record<string, string> | undefined {
  const lower = locale.toLowerCase();
  for (const candidate of [lower, lower.split('-')[0]]) {
    const file = path.join(dir, `bundle.l10n.${candidate}.json`);
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      // no bundle for this locale: try the next candidate, then fall back to English
    }
  }
  return undefined;
}
