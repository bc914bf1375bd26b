// What a test send needs from ses.config.json. The language server parses the same file for its
// checks (server/src/service/project/sesConfig.ts, offsets for diagnostics); the client only needs
// values, so it reads them here with the same parser rather than asking the server. Pure (no vscode).
import { parse } from 'jsonc-parser';
import { safeToParse } from '../jsonNesting';
import type { SesRegion } from './types';
import type { TriggerKind } from './sendPlan';

export const REGIONS: readonly SesRegion[] = ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'];

export interface TemplateSendConfig {
  /** Template key: path relative to the config's folder, without extension. */
  readonly key: string;
  /** Whether `templates` has an entry for the key. */
  readonly listed: boolean;
  readonly templateId?: number;
  readonly subject?: string;
  /** The template's `from`, else `defaults.from`. */
  readonly from?: string;
  readonly trigger?: TriggerKind;
  readonly unsubscribe?: string;
  /** The template's `region`, else `defaults.region`. */
  readonly region?: SesRegion;
}

type Json = Record<string, unknown>;
const objectOr = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const stringOr = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const triggerOr = (value: unknown): TriggerKind | undefined => (value === 'transactional' || value === 'marketing' ? value : undefined);
/** The parsed config, or undefined for a file nested too deep to parse without overflowing the stack. */
const parseConfig = (text: string): unknown => (safeToParse(text) ? parse(text, [], { allowTrailingComma: true }) : undefined);
const regionOr = (value: unknown): SesRegion | undefined => (REGIONS as readonly unknown[]).includes(value) ? (value as SesRegion) : undefined;

/** Reads the entry of `key` (e.g. `order-confirmation`, `legacy/win-back`) with the defaults applied. Never throws. */
export function templateSendConfig(text: string, key: string): TemplateSendConfig {
  const root = objectOr(parseConfig(text));
  const defaults = objectOr(root.defaults);
  const templates = objectOr(root.templates);
  // Keys may be written with the part's extension (`welcome.ses.html`), as the server accepts.
  const entryKey = Object.keys(templates).find((k) => k.replace(/\.ses\.(html|txt)$/i, '') === key);
  const entry = objectOr(entryKey === undefined ? undefined : templates[entryKey]);
  const id = entry.templateId;
  return {
    key,
    listed: entryKey !== undefined,
    templateId: typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined,
    subject: stringOr(entry.subject),
    from: stringOr(entry.from) ?? stringOr(defaults.from),
    trigger: triggerOr(entry.triggerType) ?? triggerOr(defaults.triggerType),
    unsubscribe: stringOr(entry.unsubscribe) ?? stringOr(defaults.unsubscribe),
    region: regionOr(entry.region) ?? regionOr(defaults.region),
  };
}

/** `defaults.region` of a config, for calls that concern no template (the blocklist). */
export function defaultRegion(text: string): SesRegion | undefined {
  return regionOr(objectOr(objectOr(parseConfig(text)).defaults).region);
}

/**
 * The region to call: `sesStudio.api.region` when the user set it (any scope), else the config's
 * (the template's `region`, then `defaults.region`), else ap-guangzhou.
 */
export function resolveRegion(setting: unknown, fromConfig: SesRegion | undefined): SesRegion {
  return regionOr(setting) ?? fromConfig ?? 'ap-guangzhou';
}
