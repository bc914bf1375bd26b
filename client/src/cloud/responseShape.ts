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
};

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
  return undefined;
}
