// The client-support data the `client-support` check and its hover read: the caniemail data,
// precompiled by scripts/caniemail.mjs into caniemail.json (one string of results per feature, the
// newest tested version of each client), and the curated data of the Chinese mailboxes
// (chineseClients.json, docs/client-support.md). Each feature's results are split on first use only.
import * as l10n from '@vscode/l10n';
import caniemail from './caniemail.json';
import chinese from './chineseClients.json';

/** y: supported, n: not supported, a: partly (see the notes), u: unknown or not tested. */
export type Support = 'y' | 'n' | 'a' | 'u';

export interface ClientInfo {
  /** `family-platform`, e.g. `gmail-ios`, `outlook-windows`, `qq-mail-desktop-webmail`. */
  readonly id: string;
  readonly family: string;
  readonly platform: string;
}

export interface SupportCell {
  readonly support: Support;
  /** The notes of the result (caniemail's numbered notes, or the curated entry's note). */
  readonly notes: readonly string[];
  /** Curated entries only: the public source of the result, or `unknown`. */
  readonly source?: string;
  /**
   * Curated entries only: when the source was published or the observation made (a year or a date),
   * shown in the finding and the hover so that an author can judge a result that may have changed since.
   */
  readonly observed?: string;
}

export interface FeatureInfo {
  readonly slug: string;
  readonly title: string;
  readonly url: string;
  readonly lastTest: string | null;
}

interface RawFeature {
  readonly title: string;
  readonly url: string;
  readonly lastTest: string | null;
  readonly stats: string;
  readonly notes?: Readonly<Record<string, string>>;
}

interface CuratedCell {
  readonly support: string;
  readonly source: string;
  readonly observed?: string;
  readonly note?: string;
}

export const DATA_VERSION: string = caniemail.version;
/** The date of the caniemail data (its `last_update_date`). */
export const DATA_DATE: string = caniemail.date;

const CANIEMAIL_CLIENTS: readonly ClientInfo[] = caniemail.clients;
const CHINESE_CLIENTS: readonly ClientInfo[] = chinese.clients;
export const CLIENTS: readonly ClientInfo[] = [...CANIEMAIL_CLIENTS, ...CHINESE_CLIENTS];
const CLIENT_BY_ID = new Map(CLIENTS.map((client) => [client.id, client]));
const CANIEMAIL_INDEX = new Map(CANIEMAIL_CLIENTS.map((client, index) => [client.id, index]));
export const FAMILIES: ReadonlySet<string> = new Set(CLIENTS.map((client) => client.family));

/** The Chinese mailboxes (curated data), by family. */
export const CHINESE_FAMILIES: ReadonlySet<string> = new Set(CHINESE_CLIENTS.map((client) => client.family));

/**
 * The default of `sesStudio.clients`: the large global clients (not Gmail's mobile webmail nor the
 * retired Windows Mail app) and the mailboxes most Tencent Cloud SES recipients use (their data is
 * curated: mostly unknown, and unknown is never reported).
 */
export const DEFAULT_CLIENTS: readonly string[] = [
  'gmail-desktop-webmail', 'gmail-ios', 'gmail-android',
  'outlook-windows', 'outlook-macos', 'outlook-outlook-com', 'outlook-ios', 'outlook-android',
  'apple-mail-macos', 'apple-mail-ios',
  'yahoo-desktop-webmail', 'yahoo-ios', 'yahoo-android',
  'qq-mail', 'netease', 'foxmail', 'tencent-exmail', 'alibaba-mail',
];

const FEATURES = caniemail.features as Readonly<Record<string, RawFeature>>;
const CURATED = new Map<string, Readonly<Record<string, Readonly<Record<string, CuratedCell>>>>>(
  (chinese.data as ReadonlyArray<{ slug: string; stats: Record<string, Record<string, CuratedCell>> }>).map((entry) => [entry.slug, entry.stats]),
);
const split = new Map<string, readonly string[]>();

export function featureInfo(slug: string): FeatureInfo | undefined {
  const feature = Object.hasOwn(FEATURES, slug) ? FEATURES[slug] : undefined;
  return feature && { slug, title: feature.title, url: feature.url, lastTest: feature.lastTest };
}

const UNKNOWN: SupportCell = { support: 'u', notes: [] };

/** What `client` does with the feature `slug`. */
export function supportOf(slug: string, client: string): SupportCell {
  const info = CLIENT_BY_ID.get(client);
  if (!info) return UNKNOWN;
  const index = CANIEMAIL_INDEX.get(client);
  if (index === undefined) {
    const cell = CURATED.get(slug)?.[info.family]?.[info.platform];
    if (!cell) return { support: 'u', notes: [], source: 'unknown' };
    return { support: asSupport(cell.support), notes: cell.note ? [cell.note] : [], source: cell.source, ...(cell.observed ? { observed: cell.observed } : {}) };
  }
  const feature = Object.hasOwn(FEATURES, slug) ? FEATURES[slug] : undefined;
  if (!feature) return UNKNOWN;
  let results = split.get(slug);
  if (!results) {
    results = feature.stats.split('|');
    split.set(slug, results);
  }
  const value = results[index] ?? '';
  if (value === '') return UNKNOWN;
  const words = value.split(' ');
  const notes: string[] = [];
  for (const word of words.slice(1)) {
    const note = word.startsWith('#') ? feature.notes?.[word.slice(1)] : undefined;
    if (note) notes.push(note);
  }
  return { support: asSupport(words[0]), notes };
}

const asSupport = (value: string): Support => (value === 'y' || value === 'n' || value === 'a' ? value : 'u');

/**
 * The client ids of a `sesStudio.clients` list: ids as they are, families expanded to their clients,
 * in the order of the data; unknown names are left out (see `unknownClients`).
 */
export function resolveClients(names: readonly string[]): string[] {
  const wanted = new Set(names.map((name) => name.trim().toLowerCase()));
  return CLIENTS.filter((client) => wanted.has(client.id) || wanted.has(client.family)).map((client) => client.id);
}

/** The names of a `sesStudio.clients` list that are neither a client id nor a family. */
export function unknownClients(names: readonly string[]): string[] {
  return names.filter((name) => {
    const key = name.trim().toLowerCase();
    return !CLIENT_BY_ID.has(key) && !FAMILIES.has(key);
  });
}

export function clientInfo(id: string): ClientInfo | undefined {
  return CLIENT_BY_ID.get(id);
}

/** The display name of a family (Chinese mailboxes in the user's language). */
export function familyName(family: string): string {
  switch (family) {
    case 'qq-mail': return l10n.t('QQ Mail');
    case 'netease': return l10n.t('NetEase Mail (163/126)');
    case 'foxmail': return l10n.t('Foxmail');
    case 'tencent-exmail': return l10n.t('Tencent Exmail');
    case 'alibaba-mail': return l10n.t('Alibaba Mail');
    default: return (caniemail.families as Readonly<Record<string, string>>)[family] ?? family;
  }
}

/** The display name of a platform. */
export function platformName(platform: string): string {
  switch (platform) {
    case 'desktop-webmail': return l10n.t('Webmail');
    case 'mobile-webmail': return l10n.t('Mobile webmail');
    case 'desktop-app': return l10n.t('Desktop app');
    default: return (caniemail.platforms as Readonly<Record<string, string>>)[platform] ?? platform;
  }
}

export function clientName(id: string): string {
  const info = CLIENT_BY_ID.get(id);
  return info ? `${familyName(info.family)} ${platformName(info.platform)}` : id;
}
