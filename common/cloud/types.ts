/**
 * The contract between the SES API client (common/cloud), the VS Code commands and the local
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

// ---- Templates (content is base64 of UTF-8 on the wire) ----

export interface TemplateContent { Html?: string; Text?: string }
/** 0 approved, 1 pending review, 2 rejected; anything else: unavailable (reference §6). */
export type TemplateStatus = number;

export interface GetEmailTemplateRequest { TemplateID: number }
export interface GetEmailTemplateResponse { TemplateContent: TemplateContent; TemplateStatus: TemplateStatus; TemplateName: string }

export interface ListEmailTemplatesRequest { Limit: number; Offset: number }
export interface TemplatesMetadata {
  TemplateID: number;
  TemplateName: string;
  TemplateStatus: TemplateStatus;
  CreatedTimestamp: number;
  ReviewReason?: string;
}
export interface ListEmailTemplatesResponse { TemplatesMetadata: TemplatesMetadata[]; TotalCount: number }

export interface CreateEmailTemplateRequest { TemplateName: string; TemplateContent: TemplateContent }
export interface CreateEmailTemplateResponse { TemplateID: number }

/** An update sends the template back to review (reference §2.2). */
export interface UpdateEmailTemplateRequest { TemplateID: number; TemplateName: string; TemplateContent: TemplateContent }
export type UpdateEmailTemplateResponse = Record<string, never>;

// ---- Sender domains ----

export interface EmailIdentity {
  IdentityName: string;
  IdentityType: string;
  SendingEnabled: boolean;
  CurrentReputationLevel?: number;
  DailyQuota?: number;
  SendIp?: string[];
  DKIMOption?: number;
}
export interface ListEmailIdentitiesRequest { Limit?: number; Offset?: number }
export interface ListEmailIdentitiesResponse { EmailIdentities: EmailIdentity[]; MaxReputationLevel?: number; MaxDailyQuota?: number; Total?: number }

export interface DnsAttributes {
  Type: string;
  SendDomain: string;
  ExpectedValue: string;
  CurrentValue: string;
  Status: boolean;
}
export interface GetEmailIdentityRequest { EmailIdentity: string }
export interface GetEmailIdentityResponse { IdentityType: string; VerifiedForSendingStatus: boolean; Attributes: DnsAttributes[]; DKIMOption?: number }

// ---- Sending statistics ----

export interface GetStatisticsReportRequest {
  /** `YYYY-MM-DD`, Beijing time, inclusive. */
  StartDate: string;
  EndDate: string;
  Domain?: string;
  /** The receiving mailbox type, e.g. `gmail.com`. */
  ReceivingMailboxType?: string;
}
export interface Volume {
  SendDate: string;
  RequestCount: number;
  AcceptedCount: number;
  DeliveredCount: number;
  /** Unique recipients who opened. */
  OpenedCount: number;
  ClickedCount: number;
  BounceCount: number;
  UnsubscribeCount: number;
}
export interface GetStatisticsReportResponse { DailyVolumes: Volume[]; OverallVolume?: Volume }

/** Action name → request and response shapes. */
export interface SesActions {
  SendEmail: { request: SendEmailRequest; response: SendEmailResponse };
  ListEmailAddress: { request: Record<string, never>; response: ListEmailAddressResponse };
  ListBlackEmailAddress: { request: ListBlackEmailAddressRequest; response: ListBlackEmailAddressResponse };
  DeleteBlackList: { request: DeleteBlackListRequest; response: DeleteBlackListResponse };
  GetSendEmailStatus: { request: GetSendEmailStatusRequest; response: GetSendEmailStatusResponse };
  GetEmailTemplate: { request: GetEmailTemplateRequest; response: GetEmailTemplateResponse };
  ListEmailTemplates: { request: ListEmailTemplatesRequest; response: ListEmailTemplatesResponse };
  CreateEmailTemplate: { request: CreateEmailTemplateRequest; response: CreateEmailTemplateResponse };
  UpdateEmailTemplate: { request: UpdateEmailTemplateRequest; response: UpdateEmailTemplateResponse };
  ListEmailIdentities: { request: ListEmailIdentitiesRequest; response: ListEmailIdentitiesResponse };
  GetEmailIdentity: { request: GetEmailIdentityRequest; response: GetEmailIdentityResponse };
  GetStatisticsReport: { request: GetStatisticsReportRequest; response: GetStatisticsReportResponse };
}
export type SesAction = keyof SesActions;

/**
 * Actions that may be retried automatically: the read-only ones, and DeleteBlackList and
 * UpdateEmailTemplate, whose repetition leaves the same state. SendEmail never is (a retry could send
 * twice), nor CreateEmailTemplate (it could create the template twice).
 */
export const RETRYABLE_ACTIONS: ReadonlySet<SesAction> = new Set<SesAction>([
  'ListEmailAddress', 'ListBlackEmailAddress', 'GetSendEmailStatus', 'DeleteBlackList',
  'GetEmailTemplate', 'ListEmailTemplates', 'UpdateEmailTemplate', 'ListEmailIdentities', 'GetEmailIdentity',
  'GetStatisticsReport',
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
