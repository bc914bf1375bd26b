import { ApiError } from '../apiError';
import { beijingDate } from '../beijingTime';
import { newMessageId } from '../messageId';
import { recordSend } from '../statistics';
import { domainOf } from './identities';
import {
  allowOnly, isEmailAddress, optionalObject, optionalString, optionalStringArray, requireString, sameAddress, type Params,
} from '../params';
import type { EmulatorState } from '../types';
import type { ActionHandler } from './context';
import { templateVariables } from './templateVariables';

/**
 * SendEmail (reference §2.2, §2.4). Checks run in the order a caller fixes them: request shape,
 * sender, recipients, content, then the recipients' blocklist/unsubscribe state. Every recipient gets
 * one delivered status row under the same MessageId, for GetSendEmailStatus.
 */

const FIELDS = [
  'FromEmailAddress', 'Destination', 'Cc', 'Bcc', 'Subject', 'ReplyToAddresses', 'Template', 'Simple', 'Attachments',
  'Unsubscribe', 'TriggerType', 'SmtpMessageId', 'SmtpHeaders', 'HeaderFrom',
];
const MAX_DESTINATION = 50;
const MAX_CC_OR_BCC = 20;
/** The FAQ: an address blocked after a recent rejection stays blocked for 14 days. */
const BLOCK_SECONDS = 14 * 86400;

/** `addr` or `Alias <addr>` (one space, no colon in the alias); undefined when malformed. */
function senderAddress(from: string): string | undefined {
  const aliased = /^([^:<>]+) <([^<>\s]+)>$/.exec(from);
  const address = aliased ? aliased[2] : from;
  return isEmailAddress(address) ? address : undefined;
}

function checkSender(from: string, state: EmulatorState): void {
  if (from.trim() === '') throw new ApiError('InvalidParameterValue.EmailAddressIsNULL');
  const address = senderAddress(from);
  if (!address) throw new ApiError('FailedOperation.IncorrectSender', 'FromEmailAddress must be `addr` or `Alias <addr>`.');
  const sender = state.senders.find((candidate) => sameAddress(candidate.EmailAddress, address));
  if (!sender) throw new ApiError('InvalidParameterValue.NoSuchSender', `No sender address ${address} exists.`);
  if (!sender.DomainVerified) throw new ApiError('FailedOperation.NotAuthenticatedSender', `The domain of ${address} is not verified.`);
}

function checkRecipients(destination: string[], cc: string[], bcc: string[]): string[] {
  const all = [...destination, ...cc, ...bcc];
  if (all.length === 0) throw new ApiError('InvalidParameterValue.EmailAddressIsNULL', 'At least one of Destination, Cc and Bcc is needed.');
  if (destination.length > MAX_DESTINATION) throw new ApiError('FailedOperation.TooManyRecipients');
  if (cc.length > MAX_CC_OR_BCC || bcc.length > MAX_CC_OR_BCC) {
    throw new ApiError('FailedOperation.TooManyRecipients', 'Cc and Bcc take at most 20 addresses each.');
  }
  const bad = all.find((address) => !isEmailAddress(address));
  if (bad !== undefined) throw new ApiError('InvalidParameterValue.ReceiverEmailInvalid', `Invalid recipient address ${JSON.stringify(bad)}.`);
  if (bcc.some((address) => destination.some((other) => sameAddress(address, other)))) {
    throw new ApiError('InvalidParameterValue', 'Bcc must not repeat an address of Destination.');
  }
  return all;
}

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;
}

function parseTemplateData(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError('FailedOperation.WrongContentJson');
  }
  // Flat key → value: "参数值不能是html等复杂类型的数据" (no complex values).
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.values(data).some((value) => value !== null && typeof value === 'object')) {
    throw new ApiError('FailedOperation.WrongContentJson', 'TemplateData must be a JSON object of flat key-value pairs.');
  }
  return data as Record<string, unknown>;
}

function checkTemplate(template: Params, subject: string, state: EmulatorState): void {
  allowOnly(template, ['TemplateID', 'TemplateData']);
  if (template.TemplateID === undefined || template.TemplateID === null) throw new ApiError('MissingParameter', 'The request is missing a required parameter `Template.TemplateID`.');
  if (typeof template.TemplateID !== 'number' || !Number.isInteger(template.TemplateID)) throw new ApiError('InvalidParameter', 'Template.TemplateID must be an integer.');
  const dataText = requireString(template, 'TemplateData');
  const found = state.templates.find((candidate) => candidate.TemplateID === template.TemplateID);
  if (!found) throw new ApiError('FailedOperation.InvalidTemplateID', `No template ${template.TemplateID}.`);
  // The documented text of OperationDenied.TemplateStatusError is exactly "not approved"; a caller can
  // then tell "wait for review" from "wrong ID".
  if (found.TemplateStatus !== 0) {
    throw new ApiError('OperationDenied.TemplateStatusError', `Template ${found.TemplateID} is not approved (TemplateStatus ${found.TemplateStatus}).`);
  }
  const data = parseTemplateData(dataText);
  // What SendEmail does with a variable missing from TemplateData is undocumented (reference §9.3).
  // The emulator refuses it with the code documented for the same mismatch in batch sending, so a
  // client bug that would mail a literal "{{name}}" fails loudly here.
  // Own keys only: `in` found `constructor` and `toString` on Object.prototype in any TemplateData.
  const missing = templateVariables(found.Html, found.Text, subject).filter((name) => !Object.hasOwn(data, name));
  if (missing.length > 0) {
    throw new ApiError('InvalidParameterValue.TemplateNotMatchData', `TemplateData lacks ${missing.map((name) => `"${name}"`).join(', ')}.`);
  }
}

function checkSimple(simple: Params, state: EmulatorState): void {
  if (!state.allowSimpleContent) throw new ApiError('FailedOperation.WithOutPermission');
  allowOnly(simple, ['Html', 'Text']);
  const html = optionalString(simple, 'Html');
  const text = optionalString(simple, 'Text');
  if (!html && !text) throw new ApiError('FailedOperation.MissingEmailContent');
  if ((html && !isBase64(html)) || (text && !isBase64(text))) throw new ApiError('InvalidParameterValue.EmailContentIsWrong');
}

export const sendEmail: ActionHandler = (params, { state, nowSeconds }) => {
  allowOnly(params, FIELDS);
  const from = requireString(params, 'FromEmailAddress');
  const subject = requireString(params, 'Subject');
  const destination = optionalStringArray(params, 'Destination') ?? [];
  const cc = optionalStringArray(params, 'Cc') ?? [];
  const bcc = optionalStringArray(params, 'Bcc') ?? [];
  const template = optionalObject(params, 'Template');
  const simple = optionalObject(params, 'Simple');

  const subjectLength = [...subject].length;
  if (subjectLength < 1 || subjectLength > 100) throw new ApiError('InvalidParameterValue.SubjectLengthError');
  checkSender(from, state);
  const recipients = checkRecipients(destination, cc, bcc);
  if (template) checkTemplate(template, subject, state);
  else if (simple) checkSimple(simple, state);
  else throw new ApiError('FailedOperation.MissingEmailContent');

  for (const recipient of recipients) {
    if (state.blocklist.some((entry) => sameAddress(entry.EmailAddress, recipient) && nowSeconds - entry.BounceTime < BLOCK_SECONDS)) {
      throw new ApiError('FailedOperation.EmailAddrInBlacklist', `${recipient} is in the blocklist.`);
    }
    if (state.unsubscribed.some((address) => sameAddress(address, recipient))) {
      throw new ApiError('FailedOperation.ReceiverHasUnsubscribed', `${recipient} has unsubscribed.`);
    }
  }

  const fromAddress = senderAddress(from) as string;
  // The daily quota of the sender domain's reputation level (reference §8.4), counted in Beijing days.
  const domain = domainOf(fromAddress);
  const today = beijingDate(nowSeconds);
  const identity = state.identities.find((candidate) => candidate.IdentityName === domain);
  const sentToday = state.statistics.filter((row) => row.Domain === domain && row.SendDate === today).reduce((sum, row) => sum + row.RequestCount, 0);
  if (identity && sentToday + recipients.length > identity.DailyQuota) {
    throw new ApiError('FailedOperation.ExceedSendLimit', `${domain} has sent ${sentToday} of its ${identity.DailyQuota} emails today; ${recipients.length} more exceed the daily limit.`);
  }

  const messageId = newMessageId(nowSeconds);
  for (const recipient of recipients) {
    state.messages.push({
      MessageId: messageId, FromEmailAddress: fromAddress, ToEmailAddress: recipient, RequestTime: nowSeconds,
      SendStatus: 0, DeliverStatus: 1, DeliverMessage: '', DeliverTime: nowSeconds,
      UserOpened: false, UserClicked: false, UserUnsubscribed: false, UserComplained: false,
    });
  }
  for (const recipient of recipients) recordSend(state.statistics, domain, domainOf(recipient), today, 1, 1);
  return { MessageId: messageId };
};
