import { ApiError } from '../apiError';
import { beijingDate } from '../beijingTime';
import { allowOnly, optionalString, requireDate, requireLimit, requireUint, sameAddress } from '../params';
import type { ActionHandler } from './context';

/** The action doc: "仅支持查询30天之内的数据" (the error text's 90 days conflicts; the action doc wins). */
const RETENTION_DAYS = 30;

/** GetSendEmailStatus: one Beijing day, optional MessageId / ToEmailAddress filters, oldest first. */
export const getSendEmailStatus: ActionHandler = (params, { state, nowSeconds }) => {
  allowOnly(params, ['RequestDate', 'Offset', 'Limit', 'MessageId', 'ToEmailAddress']);
  const requestDate = requireDate(params, 'RequestDate');
  const offset = requireUint(params, 'Offset');
  const limit = requireLimit(params);
  const messageId = optionalString(params, 'MessageId');
  const to = optionalString(params, 'ToEmailAddress');
  if (requestDate < beijingDate(nowSeconds - RETENTION_DAYS * 86400)) throw new ApiError('FailedOperation.NotSupportDate');

  const rows = state.messages
    .filter((message) => beijingDate(message.RequestTime) === requestDate
      && (!messageId || message.MessageId === messageId)
      && (!to || sameAddress(message.ToEmailAddress, to)))
    .sort((a, b) => a.RequestTime - b.RequestTime);
  return { EmailStatusList: rows.slice(offset, offset + limit).map((row) => ({ ...row })) };
};
