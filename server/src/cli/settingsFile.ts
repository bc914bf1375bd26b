// The CLI's settings: a JSON object shaped like VS Code's settings.json (`"sesStudio.checks.<id>"`,
// `"sesStudio.dialect"`, `"sesStudio.advertisingWords"`, `"sesStudio.templateGlobs"`), so a
// workspace's `.vscode/settings.json` gives CI the editor's settings. Pure: text in, values out.
import * as l10n from '@vscode/l10n';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CHECKS } from '../service/checks';
import { SEVERITY_SETTINGS } from '../service/checks/types';
import { unknownClients } from '../service/clientSupport/data';
import { safeToParse } from '#common/jsonNesting';

/** `sesStudio.*` values by key without the prefix (`checks.missing-variable`, `dialect`, …). */
export type SettingsLayer = Readonly<Record<string, unknown>>;

export type SettingsRead = { ok: true; layer: SettingsLayer; warnings: string[] } | { ok: false; message: string };

const PREFIX = 'sesStudio.';

/** Reads a settings file's text (comments and trailing commas allowed, as in VS Code). */
export function readSettingsText(text: string): SettingsRead {
  if (!safeToParse(text)) return { ok: false, message: l10n.t('the JSON is nested too deeply to be read') };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const offset = errors[0].offset;
    const line = text.slice(0, offset).split('\n').length;
    return { ok: false, message: l10n.t('not valid JSON ({0} on line {1})', printParseErrorCode(errors[0].error), line) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: l10n.t('not a JSON object of settings') };
  }
  const layer: Record<string, unknown> = {};
  const warnings: string[] = [];
  const add = (key: string, v: unknown) => {
    const problem = problemOf(key, v);
    if (problem) warnings.push(problem);
    else layer[key] = v;
    // Client names the data does not know are left out by the check; say which.
    const unknown = !problem && key === 'clients' && Array.isArray(v) ? unknownClients(v as string[]) : [];
    if (unknown.length > 0) warnings.push(l10n.t('{0}: unknown client or family {1}; left out', PREFIX + key, unknown.join(', ')));
  };
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith(PREFIX)) {
      const rest = key.slice(PREFIX.length);
      // `"sesStudio.checks": { "id": "off" }` is accepted too: VS Code writes dotted keys, people write both.
      if (rest === 'checks' && isObject(v)) for (const [id, s] of Object.entries(v)) add(`checks.${id}`, s);
      else add(rest, v);
    } else if (key === 'sesStudio' && isObject(v)) {
      for (const [rest, inner] of Object.entries(v)) {
        if (rest === 'checks' && isObject(inner)) for (const [id, s] of Object.entries(inner)) add(`checks.${id}`, s);
        else add(rest, inner);
      }
    }
  }
  return { ok: true, layer, warnings };
}

/** Why a setting is ignored, or undefined when it is used (or is a setting the CLI has no use for). */
function problemOf(key: string, value: unknown): string | undefined {
  if (key.startsWith('checks.')) {
    const id = key.slice('checks.'.length);
    if (!CHECKS.some((check) => check.meta.id === id)) return l10n.t('{0}: there is no check with this id; ignored', PREFIX + key);
    if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
      return l10n.t('{0}: expected one of {1}; ignored', PREFIX + key, SEVERITY_SETTINGS.join(', '));
    }
  }
  if (key === 'dialect' && value !== 'tencent' && value !== 'handlebars') return l10n.t('{0}: expected one of {1}; ignored', PREFIX + key, 'tencent, handlebars');
  if ((key === 'advertisingWords' || key === 'templateGlobs' || key === 'clients') && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
    return l10n.t('{0}: expected an array of strings; ignored', PREFIX + key);
  }
  return undefined;
}

/** Later layers win, key by key (as a folder's settings override the user's in VS Code). */
export function mergeLayers(layers: readonly SettingsLayer[]): SettingsLayer {
  return Object.assign({}, ...layers) as SettingsLayer;
}

/** The raw `sesStudio` section as the language server receives it from VS Code, for `normaliseSettings`. */
export function sectionOf(layer: SettingsLayer): Record<string, unknown> {
  const checks: Record<string, unknown> = {};
  const section: Record<string, unknown> = { checks };
  for (const [key, value] of Object.entries(layer)) {
    if (key.startsWith('checks.')) checks[key.slice('checks.'.length)] = value;
    else section[key] = value;
  }
  return section;
}

/** `sesStudio.templateGlobs` of the merged settings, non-empty strings only; undefined when unset. */
export function templateGlobsOf(layer: SettingsLayer): string[] | undefined {
  const value = layer.templateGlobs;
  if (!Array.isArray(value)) return undefined;
  return value.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
