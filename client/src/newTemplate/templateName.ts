// Validation of the name typed in "SES: New Template". Pure (no `vscode`).
//
// The name becomes three file names (<name>.ses.html, <name>.ses.txt, <name>.data.json) and a key of
// ses.config.json, so it must be one safe file name on every system: letters (Chinese too), digits,
// `-` and `_`. No dot: `a.data` would make `a.data.data.json`, which reads as data set "data" of
// template `a`; no `/`: the folder is chosen, not typed.

export type NewNameProblem = 'empty' | 'tooLong' | 'characters' | 'reserved' | 'exists';

/** Longest name accepted: file names stay well under the 255 bytes of common file systems. */
export const MAX_NEW_NAME = 80;
const SAFE = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
/** Device names Windows refuses as a file's base name, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Why `name` cannot be a new template here, or undefined when it can. `taken` holds what is already
 * used in the folder: existing files' names and the config's template keys (compared case-insensitively,
 * since macOS and Windows file systems are).
 */
export function newTemplateNameProblem(name: string, taken: { files: readonly string[]; configKeys: readonly string[] }): NewNameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if ([...name].length > MAX_NEW_NAME) return 'tooLong';
  if (!SAFE.test(name)) return 'characters';
  if (WINDOWS_RESERVED.test(name)) return 'reserved';
  const lower = name.toLowerCase();
  const ownFiles = new Set(NEW_TEMPLATE_SUFFIXES.map((suffix) => `${lower}${suffix}`));
  if (taken.files.some((file) => ownFiles.has(file.toLowerCase()) || file.toLowerCase().startsWith(`${lower}.data.`) || file.toLowerCase().startsWith(`${lower}.ses.`))) return 'exists';
  if (taken.configKeys.some((key) => key.replace(/\.ses\.(html|txt)$/i, '').toLowerCase() === lower)) return 'exists';
  return undefined;
}

export const NEW_TEMPLATE_SUFFIXES = ['.ses.html', '.ses.txt', '.data.json'] as const;

/** The first of `base`, `base-2`, `base-3`… that is free: the name offered in the input box. */
export function suggestName(base: string, taken: { files: readonly string[]; configKeys: readonly string[] }): string {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!newTemplateNameProblem(candidate, taken)) return candidate;
  }
  return base;
}
