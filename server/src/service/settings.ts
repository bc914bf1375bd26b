import { SEVERITY_SETTINGS, type SeveritySetting } from './checks/types';
import type { Dialect } from './project/templateVariables';

/** What the language service needs to know of the user's `sesStudio.*` settings. */
export interface ServiceSettings {
  readonly checks: Readonly<Record<string, SeveritySetting>>;
  /** `tencent`: only plain `{{name}}` (what Tencent substitutes); `handlebars`: full Handlebars. */
  readonly dialect: Dialect;
  /** `sesStudio.advertisingWords`: words the advertising-wording check finds besides its own list. */
  readonly advertisingWords?: readonly string[];
  /** `sesStudio.clients`: the client ids or families the client-support check targets; absent: the default list. */
  readonly clients?: readonly string[];
}

export const DEFAULT_SETTINGS: ServiceSettings = { checks: {}, dialect: 'tencent' };

/** Longest `sesStudio.advertisingWords` entry used, and how many are used at most. */
export const MAX_WORD_LENGTH = 200;
export const MAX_WORDS = 1000;
/** Longest `sesStudio.clients` entry used, and how many are used at most (there are about 60 clients). */
const MAX_CLIENT_LENGTH = 100;
const MAX_CLIENTS = 500;

/** Settings arrive as untyped JSON from the client: keep what is valid, drop the rest. */
export function normaliseSettings(raw: unknown): ServiceSettings {
  const checks: Record<string, SeveritySetting> = {};
  const rawChecks = isObject(raw) ? raw.checks : undefined;
  if (isObject(rawChecks)) {
    for (const [id, value] of Object.entries(rawChecks)) {
      if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        checks[id] = value as SeveritySetting;
      }
    }
  }
  const dialect = isObject(raw) && raw.dialect === 'handlebars' ? 'handlebars' : 'tencent';
  const rawWords = isObject(raw) ? raw.advertisingWords : undefined;
  // Words and short phrases only: a pasted paragraph of 100,000 characters made the combined
  // expression overflow V8's regexp parser, and every template lost all its diagnostics.
  const advertisingWords = Array.isArray(rawWords)
    ? rawWords.filter((w): w is string => typeof w === 'string' && w.trim().length > 0 && w.trim().length <= MAX_WORD_LENGTH).map((w) => w.trim()).slice(0, MAX_WORDS)
    : [];
  const rawClients = isObject(raw) ? raw.clients : undefined;
  const clients = Array.isArray(rawClients)
    ? rawClients.filter((c): c is string => typeof c === 'string' && c.trim().length > 0 && c.trim().length <= MAX_CLIENT_LENGTH).map((c) => c.trim().toLowerCase()).slice(0, MAX_CLIENTS)
    : undefined;
  return { checks, dialect, ...(advertisingWords.length > 0 ? { advertisingWords } : {}), ...(clients ? { clients } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
