import { allowOnly } from '../params';
import type { ActionHandler } from './context';

/** ListEmailAddress: no parameters; the domain's verification state is not part of the answer. */
export const listEmailAddress: ActionHandler = (params, { state }) => {
  allowOnly(params, []);
  return {
    EmailSenders: state.senders.map((sender) => ({
      EmailAddress: sender.EmailAddress,
      EmailSenderName: sender.EmailSenderName,
      CreatedTimestamp: sender.CreatedTimestamp,
      SmtpPwdType: sender.SmtpPwdType,
    })),
  };
};
