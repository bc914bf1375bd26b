import { deleteBlackList, listBlackEmailAddress } from './blocklist';
import type { ActionHandler } from './context';
import { getEmailIdentity, listEmailIdentities } from './identities';
import { listEmailAddress } from './senders';
import { getSendEmailStatus } from './sendStatus';
import { sendEmail } from './sendEmail';
import { getStatisticsReport } from './statistics';
import { createEmailTemplate, deleteEmailTemplate, getEmailTemplate, listEmailTemplates, updateEmailTemplate } from './templates';

/** The emulated actions of ses 2020-10-02; any other X-TC-Action is `InvalidAction`. */
export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map<string, ActionHandler>([
  ['SendEmail', sendEmail],
  ['ListEmailAddress', listEmailAddress],
  ['ListBlackEmailAddress', listBlackEmailAddress],
  ['DeleteBlackList', deleteBlackList],
  ['GetSendEmailStatus', getSendEmailStatus],
  ['ListEmailTemplates', listEmailTemplates],
  ['GetEmailTemplate', getEmailTemplate],
  ['CreateEmailTemplate', createEmailTemplate],
  ['UpdateEmailTemplate', updateEmailTemplate],
  ['DeleteEmailTemplate', deleteEmailTemplate],
  ['ListEmailIdentities', listEmailIdentities],
  ['GetEmailIdentity', getEmailIdentity],
  ['GetStatisticsReport', getStatisticsReport],
]);

export type { ActionContext, ActionHandler } from './context';
