import { ApiError } from '../apiError';
import { allowOnly, optionalString, requireDate } from '../params';
import { COUNT_FIELDS, type CountField } from '../statistics';
import type { ActionHandler } from './context';

type Volume = { SendDate: string } & Record<CountField, number>;

function emptyVolume(sendDate: string): Volume {
  const volume = { SendDate: sendDate } as Volume;
  for (const field of COUNT_FIELDS) volume[field] = 0;
  return volume;
}

/**
 * GetStatisticsReport (reference §2.2, §2.4): StartDate..EndDate are Beijing days, inclusive; an
 * unreadable date or a StartDate after EndDate is `InvalidParameterValue.WrongDate`. `Domain` and
 * `ReceivingMailboxType` filter (case-insensitive; an unknown one gives no rows, not an error).
 * DailyVolumes has one entry per day that has data, oldest first; OverallVolume sums them with
 * SendDate '' (Tencent documents no value for it).
 */
export const getStatisticsReport: ActionHandler = (params, { state }) => {
  allowOnly(params, ['StartDate', 'EndDate', 'Domain', 'ReceivingMailboxType']);
  const startDate = requireDate(params, 'StartDate');
  const endDate = requireDate(params, 'EndDate');
  if (startDate > endDate) throw new ApiError('InvalidParameterValue.WrongDate', 'StartDate is after EndDate.');
  const domain = optionalString(params, 'Domain')?.trim().toLowerCase() || undefined;
  const mailboxType = optionalString(params, 'ReceivingMailboxType')?.trim().toLowerCase() || undefined;

  const byDay = new Map<string, Volume>();
  const overall = emptyVolume('');
  for (const row of state.statistics) {
    if (row.SendDate < startDate || row.SendDate > endDate) continue;
    if (domain !== undefined && row.Domain !== domain) continue;
    if (mailboxType !== undefined && row.ReceivingMailboxType.toLowerCase() !== mailboxType) continue;
    let day = byDay.get(row.SendDate);
    if (!day) byDay.set(row.SendDate, (day = emptyVolume(row.SendDate)));
    for (const field of COUNT_FIELDS) {
      day[field] += row[field];
      overall[field] += row[field];
    }
  }
  return { DailyVolumes: [...byDay.values()].sort((a, b) => (a.SendDate < b.SendDate ? -1 : 1)), OverallVolume: overall };
};
