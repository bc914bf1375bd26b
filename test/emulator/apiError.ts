/**
 * An API-level failure: answered with HTTP 200 and `Response.Error` (reference §1.3). Codes come from
 * /work/shared/reference/ses-error-codes.json; the default messages are the documented English texts.
 */

const DEFAULT_MESSAGES: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'Authorization in the request header is invalid.',
  'AuthFailure.SecretIdNotFound': 'Key does not exist. Check if the key has been deleted or disabled in the console, and if not, check if the key is correctly entered.',
  'AuthFailure.SignatureExpire': 'Signature expired. Timestamp and server time cannot differ by more than five minutes.',
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  InvalidAction: 'API does not exist.',
  NoSuchVersion: 'The API version does not exist.',
  MissingParameter: 'A parameter is missing.',
  InvalidParameter: 'Incorrect parameter (including parameter format, type, etc.).',
  InvalidParameterValue: 'Invalid parameter value.',
  UnknownParameter: 'Unknown parameter error; passing an undefined (extra) parameter causes this error.',
  UnsupportedRegion: 'The API does not support the given region.',
  UnsupportedProtocol: 'HTTP(S) request protocol error; only GET and POST requests are supported.',
  UnsupportedOperation: 'Unsupported operation.',
  RequestSizeLimitExceeded: 'The request packet exceeds the size limit.',
  RequestLimitExceeded: 'The number of requests exceeds the frequency limit.',
  InternalError: 'Internal error.',
  'FailedOperation.EmailAddrInBlacklist': 'The email address is in the blocklist.',
  'FailedOperation.ExceedSendLimit': 'The number of emails exceeds the daily sending limit.',
  'FailedOperation.IncorrectSender': 'Incorrect sender format. Follow the sample in this document.',
  'FailedOperation.InvalidLimit': 'Reached the query limit (100).',
  'FailedOperation.InvalidTemplateID': 'Invalid template ID or unavailable template.',
  'FailedOperation.MissingEmailContent': 'Missing email content (TemplateData and Simple cannot be both empty).',
  'FailedOperation.NotAuthenticatedSender': 'Unable to send because the sender is not verified.',
  'FailedOperation.NotSupportDate': 'You cannot query email records for this date.',
  'FailedOperation.ReceiverHasUnsubscribed': 'The recipient has unsubscribed.',
  'FailedOperation.TooManyRecipients': 'Too many recipients. Set a maximum of 50 recipients at a time.',
  'FailedOperation.WithOutPermission': 'You can only send emails by using a template.',
  'FailedOperation.WrongContentJson': 'The format of the TemplateData field is incorrect. Make sure it is in JSON format.',
  'InvalidParameterValue.EmailAddressIsNULL': 'The recipient or sender address is empty. Please check.',
  'InvalidParameterValue.EmailContentIsWrong': 'Incorrect email content. Make sure TEXT/HTML base64 is correct.',
  'InvalidParameterValue.NoSuchSender': 'You don’t have the sender address. Check if it exists.',
  'InvalidParameterValue.ReceiverEmailInvalid': 'The recipient address is incorrect.',
  'InvalidParameterValue.SubjectLengthError': 'The email subject must contain 1 to 100 characters.',
  'InvalidParameterValue.TemplateNotExist': 'The template does not exist. Please create a template.',
  'InvalidParameterValue.TemplateNotMatchData': 'Template variables do not match the template data.',
  'InvalidParameterValue.WrongDate': 'Incorrect search date. Make sure the date and its format are valid.',
  'OperationDenied.TemplateStatusError': 'The email template does not exist or hasn’t been approved.',
};

export class ApiError extends Error {
  constructor(readonly code: string, detail?: string) {
    super(detail ?? DEFAULT_MESSAGES[code] ?? code);
  }
}

export function defaultMessage(code: string): string {
  return DEFAULT_MESSAGES[code] ?? code;
}
