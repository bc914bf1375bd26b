// What a test send consists of, computed from ses.config.json and a data set. Pure (no vscode).
import type { SendEmailRequest } from './types';

/** GetSendEmailStatus and BounceTime use Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `now` in Beijing time: the RequestDate of GetSendEmailStatus for a send at `now`. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The subject with `{{name}}` (and `{{ name }}`) replaced by the data set's values, as Tencent fills
 * it when sending with a template. Variables the data set lacks stay as written, so they are seen.
 */
export function fillSubject(subject: string, data: Readonly<Record<string, unknown>>): string {
  return subject.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) return whole;
    const value = data[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

export type TriggerKind = 'transactional' | 'marketing';

/** SendEmail TriggerType: 1 = triggered (transactional), 0 = not triggered (marketing). */
export function triggerTypeOf(kind: TriggerKind | undefined): 0 | 1 | undefined {
  return kind === 'transactional' ? 1 : kind === 'marketing' ? 0 : undefined;
}

/** SendEmail `Unsubscribe` is a string "0".."12" (0 = no link; the others are link languages). */
export function isUnsubscribeOption(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[0-9]|1[0-2])$/.test(value);
}

/**
 * The unsubscribe option of a send: the configured one; for marketing mail without one, a link in
 * the editor's language (1 = Simplified Chinese, 2 = English in Tencent's Chinese reference), since
 * promotional mail needs one; none for other mail.
 */
export function unsubscribeFor(kind: TriggerKind | undefined, configured: string | undefined, uiLanguage: string): string | undefined {
  if (isUnsubscribeOption(configured)) return configured;
  if (kind === 'marketing') return /^zh/i.test(uiLanguage) ? '1' : '2';
  return undefined;
}

/** The data set as a TemplateData object, or why it cannot be one. */
export function templateDataOf(text: string): { data: Record<string, unknown> } | { error: 'json' | 'notObject' } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { error: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'notObject' };
  return { data: value as Record<string, unknown> };
}

export interface SendPlan {
  readonly templateId: number;
  readonly from: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly trigger?: TriggerKind;
  readonly unsubscribe?: string;
}

export function sendEmailRequest(plan: SendPlan): SendEmailRequest {
  const triggerType = triggerTypeOf(plan.trigger);
  return {
    FromEmailAddress: plan.from,
    Destination: [...plan.recipients],
    Subject: plan.subject,
    Template: { TemplateID: plan.templateId, TemplateData: JSON.stringify(plan.data) },
    ...(triggerType !== undefined ? { TriggerType: triggerType } : {}),
    ...(plan.unsubscribe !== undefined ? { Unsubscribe: plan.unsubscribe } : {}),
  };
}
