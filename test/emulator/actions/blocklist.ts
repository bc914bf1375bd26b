import { ApiError } from '../apiError';
import { beijingDate, beijingDateTime } from '../beijingTime';
import { allowOnly, isEmailAddress, optionalString, requireDate, requireLimit, requireStringArray, requireUint, sameAddress } from '../params';
import type { ActionHandler } from './context';

/** ListBlackEmailAddress: StartDate..EndDate select BounceTime days (Beijing), newest first. */
export const listBlackEmailAddress: ActionHandler = (params, { state }) => {
  allowOnly(params, ['StartDate', 'EndDate', 'Limit', 'Offset', 'EmailAddress', 'TaskID']);
  const startDate = requireDate(params, 'StartDate');
  const endDate = requireDate(params, 'EndDate');
  const limit = requireLimit(params);
  const offset = requireUint(params, 'Offset');
  const address = optionalString(params, 'EmailAddress');
  if (startDate > endDate) throw new ApiError('InvalidParameterValue.WrongDate', 'StartDate is after EndDate.');

  const matches = state.blocklist
    .filter((entry) => {
      const day = beijingDate(entry.BounceTime);
      return day >= startDate && day <= endDate && (!address || sameAddress(entry.EmailAddress, address));
    })
    .sort((a, b) => b.BounceTime - a.BounceTime);
  return {
    BlackList: matches.slice(offset, offset + limit).map((entry) => ({
      BounceTime: beijingDateTime(entry.BounceTime), EmailAddress: entry.EmailAddress, IspDesc: entry.IspDesc,
    })),
    TotalCount: matches.length,
  };
};

/**
 * DeleteBlackList. The docs give no per-address result and no error for an address that is not
 * blocked, so removing one is idempotent: unknown (well-formed) addresses succeed silently.
 */
export const deleteBlackList: ActionHandler = (params, { state }) => {
  allowOnly(params, ['EmailAddressList']);
  const addresses = requireStringArray(params, 'EmailAddressList');
  if (addresses.length === 0) throw new ApiError('InvalidParameterValue', 'EmailAddressList needs at least one address.');
  const bad = addresses.find((address) => !isEmailAddress(address));
  if (bad !== undefined) throw new ApiError('InvalidParameterValue', `Invalid email address ${JSON.stringify(bad)}.`);
  state.blocklist = state.blocklist.filter((entry) => !addresses.some((address) => sameAddress(address, entry.EmailAddress)));
  return {};
};
