/**
 * The contract between the SES API client (client/src/cloud), the VS Code commands and the local
 * emulator (test/emulator). Wire shapes follow ses 2020-10-02 (reference §2.4, §3); only the actions
 * the extension calls are typed.
 */

export const SES_API_VERSION = '2020-10-02';
export const SES_SERVICE = 'ses';

/** China site: ap-guangzhou, ap-hongkong. International site: ap-singapore (reference §1.1). */
export type SesSite = 'china' | 'international';
export type SesRegion = 'ap-guangzhou' | 'ap-hongkong' | 'ap-singapore';

export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** STS session token, sent as X-TC-Token. */
  readonly token?: string;
}

/** Where the credentials in use came from (shown in the status bar; never the secret itself). */
export type CredentialSource = 'secretStorage' | 'environment' | 'tccli';

// ---- Requests and responses (the inner `Response` object, without RequestId) ----

export interface SendEmailRequest {
  FromEmailAddress: string;
  Subject: string;
  Destination?: string[];
  Cc?: string[];
  Bcc?: string[];
  ReplyToAddresses?: string;
  Template?: { TemplateID: number; TemplateData: string };
  Simple?: { Html?: string; Text?: string };
  Unsubscribe?: string;
  TriggerType?: 0 | 1;
}
export interface SendEmailResponse { MessageId: string }

export interface EmailSender {
  EmailAddress: string;
  EmailSenderName?: string;
  CreatedTimestamp?: number;
  SmtpPwdType?: number;
}
export interface ListEmailAddressResponse { EmailSenders: EmailSender[] }

export interface ListBlackEmailAddressRequest {
  StartDate: string;
  EndDate: string;
  Limit: number;
  Offset: number;
  EmailAddress?: string;
}
export interface BlackEmailAddress {
  /** `YYYY-MM-DD hh:mm:ss` (Beijing time on the real service). */
  BounceTime: string;
  EmailAddress: string;
  IspDesc: string;
}
export interface ListBlackEmailAddressResponse { BlackList: BlackEmailAddress[]; TotalCount: number }

export interface DeleteBlackListRequest { EmailAddressList: string[] }
export type DeleteBlackListResponse = Record<string, never>;

export interface GetSendEmailStatusRequest {
  RequestDate: string;
  Offset: number;
  Limit: number;
  MessageId?: string;
  ToEmailAddress?: string;
}
export interface SendEmailStatus {
  MessageId: string;
  ToEmailAddress: string;
  FromEmailAddress: string;
  SendStatus: number;
  DeliverStatus: number;
  DeliverMessage: string;
  RequestTime: number;
  DeliverTime: number;
  UserOpened: boolean;
  UserClicked: boolean;
  UserUnsubscribed: boolean;
  UserComplained: boolean;
}
export interface GetSendEmailStatusResponse { EmailStatusList: SendEmailStatus[] }

/** Action name → request and response shapes. */
export interface SesActions {
  SendEmail: { request: SendEmailRequest; response: SendEmailResponse };
  ListEmailAddress: { request: Record<string, never>; response: ListEmailAddressResponse };
  ListBlackEmailAddress: { request: ListBlackEmailAddressRequest; response: ListBlackEmailAddressResponse };
  DeleteBlackList: { request: DeleteBlackListRequest; response: DeleteBlackListResponse };
  GetSendEmailStatus: { request: GetSendEmailStatusRequest; response: GetSendEmailStatusResponse };
}
export type SesAction = keyof SesActions;

/** Actions that may be retried automatically. SendEmail never is: a retry could send twice. */
export const RETRYABLE_ACTIONS: ReadonlySet<SesAction> = new Set<SesAction>([
  'ListEmailAddress', 'ListBlackEmailAddress', 'GetSendEmailStatus', 'DeleteBlackList',
]);

// ---- Results ----

/**
 * Why a call failed:
 * - `api`: the service answered with `Response.Error` (code is the API error code);
 * - `http`: a non-200 status (the request never reached the API layer);
 * - `network`: connection refused/reset, DNS, TLS, proxy failure;
 * - `timeout`: no answer within the timeout;
 * - `badResponse`: 200 but not the documented JSON envelope;
 * - `credentials`: no credentials, or malformed ones (nothing was sent).
 */
export type ApiFailureKind = 'api' | 'http' | 'network' | 'timeout' | 'badResponse' | 'credentials';

export interface ApiFailure {
  readonly ok: false;
  readonly kind: ApiFailureKind;
  readonly action: SesAction;
  /** The API error code (`FailedOperation.EmailAddrInBlacklist`), or a local one for other kinds. */
  readonly code: string;
  /** Human-readable text, with any credential masked. */
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** How many attempts were made (1 = no retry; 0 = nothing was sent, e.g. no credentials). */
  readonly attempts: number;
  /** The knowledge-base explanation of `code`, when the client was given an `explain` lookup and it knew the code. */
  readonly explanation?: ErrorExplanation;
}

/** What the knowledge base says about an error code (attached to failures by the client). */
export interface ErrorExplanation {
  readonly code: string;
  readonly title: string;
  readonly markdown: string;
  readonly nextStep?: string;
  readonly faqTopic?: string;
}

export interface ApiSuccess<T> {
  readonly ok: true;
  readonly action: SesAction;
  readonly data: T;
  readonly requestId: string;
  readonly attempts: number;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;
