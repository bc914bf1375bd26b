import type { SesAction } from './types';

/**
 * The fields each action's answer must have before the commands may use it. A 200 answer without
 * them (a gateway's error page, an API change) becomes a `badResponse` failure instead of an
 * undefined that crashes a command later.
 */
const REQUIRED: Readonly<Record<SesAction, ReadonlyArray<readonly [string, 'string' | 'number' | 'boolean' | 'array']>>> = {
  SendEmail: [['MessageId', 'string']],
  ListEmailAddress: [['EmailSenders', 'array']],
  ListBlackEmailAddress: [['BlackList', 'array'], ['TotalCount', 'number']],
  DeleteBlackList: [],
  GetSendEmailStatus: [['EmailStatusList', 'array']],
  GetEmailTemplate: [['TemplateStatus', 'number'], ['TemplateName', 'string']],
  ListEmailTemplates: [['TemplatesMetadata', 'array'], ['TotalCount', 'number']],
  CreateEmailTemplate: [['TemplateID', 'number']],
  UpdateEmailTemplate: [],
  ListEmailIdentities: [['EmailIdentities', 'array']],
  GetEmailIdentity: [['VerifiedForSendingStatus', 'boolean'], ['Attributes', 'array']],
  GetStatisticsReport: [['DailyVolumes', 'array']],
};

type FieldType = 'string' | 'number' | 'time';
/**
 * The entries of each action's list that the commands read without further checks: each must be an
 * object, its `required` fields of their type, its `optional` ones of their type when present. An
 * entry like `null` or a CreatedTimestamp of 1e20 (toISOString throws) crashed a command before.
 */
const ITEMS: Partial<Record<SesAction, { list: string; required?: ReadonlyArray<readonly [string, FieldType]>; optional?: ReadonlyArray<readonly [string, FieldType]> }>> = {
  GetSendEmailStatus: { list: 'EmailStatusList', optional: [['ToEmailAddress', 'string'], ['RequestTime', 'time'], ['DeliverTime', 'time'], ['SendStatus', 'number'], ['DeliverStatus', 'number']] },
  ListEmailTemplates: {
    list: 'TemplatesMetadata',
    required: [['TemplateID', 'number'], ['TemplateName', 'string']],
    optional: [['TemplateStatus', 'number'], ['CreatedTimestamp', 'time'], ['ReviewReason', 'string']],
  },
  ListEmailIdentities: { list: 'EmailIdentities', required: [['IdentityName', 'string']], optional: [['DailyQuota', 'number'], ['CurrentReputationLevel', 'number']] },
  GetEmailIdentity: { list: 'Attributes' },
  // Charts and rates do arithmetic on every count: a string or NaN there would draw nonsense.
  GetStatisticsReport: {
    list: 'DailyVolumes',
    required: [['SendDate', 'string']],
    optional: [['RequestCount', 'number'], ['AcceptedCount', 'number'], ['DeliveredCount', 'number'], ['OpenedCount', 'number'],
      ['ClickedCount', 'number'], ['BounceCount', 'number'], ['UnsubscribeCount', 'number']],
  },
};
/** Unix seconds a Date can hold (±8.64e15 ms). */
const MAX_SECONDS = 8.64e12;

function ofType(value: unknown, type: FieldType): boolean {
  if (type === 'time') return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_SECONDS;
  return type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
}

function itemProblem(action: SesAction, response: Record<string, unknown>): string | undefined {
  const rule = ITEMS[action];
  if (!rule) return undefined;
  for (const item of response[rule.list] as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return `has a ${rule.list} entry that is not an object`;
    const entry = item as Record<string, unknown>;
    for (const [field, type] of rule.required ?? []) if (!ofType(entry[field], type)) return `has a ${rule.list} entry without a valid ${field}`;
    for (const [field, type] of rule.optional ?? []) {
      if (entry[field] !== undefined && entry[field] !== null && !ofType(entry[field], type)) return `has a ${rule.list} entry with an invalid ${field}`;
    }
  }
  return undefined;
}

/** A description of what is missing or wrong, or undefined when the answer has the documented shape. */
export function responseShapeProblem(action: SesAction, response: Record<string, unknown>): string | undefined {
  for (const [field, type] of REQUIRED[action]) {
    const value = response[field];
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok) return value === undefined ? `has no ${field}` : `has a ${field} that is not ${type === 'array' ? 'a list' : `a ${type}`}`;
  }
  if (action === 'ListEmailAddress' && (response.EmailSenders as unknown[]).some((sender) => typeof (sender as { EmailAddress?: unknown })?.EmailAddress !== 'string')) {
    return 'has a sender without EmailAddress';
  }
  if (action === 'ListBlackEmailAddress' && (response.BlackList as unknown[]).some((entry) => typeof (entry as { EmailAddress?: unknown })?.EmailAddress !== 'string')) {
    return 'has a blocklist entry without EmailAddress';
  }
  if (action === 'GetEmailTemplate' && response.TemplateContent !== undefined && response.TemplateContent !== null
    && (typeof response.TemplateContent !== 'object' || Array.isArray(response.TemplateContent))) {
    return 'has a TemplateContent that is not an object';
  }
  return itemProblem(action, response);
}
