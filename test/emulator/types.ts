/**
 * Public shapes of the local SES emulator: options, handle, faults, seed (the JSON a seed file holds)
 * and the live state the handlers mutate.
 */

export interface EmulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  secretId?: string;
  secretKey?: string;
  seed?: EmulatorSeed;
  /** Clock in milliseconds; drives the ±5 minute signature window, MessageIds and relative seed times. */
  now?: () => number;
  /** One line per request: action, masked SecretId, result code. Never the secret key. */
  log?: (line: string) => void;
  /**
   * Limits of `requests`, the oldest dropped first (defaults: 500 requests, 16 MB of headers and kept
   * bodies): the emulator runs for hours under `npm start`.
   */
  history?: { requests?: number; bytes?: number };
}

export interface EmulatorHandle {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  state: EmulatorState;
  /** The latest requests, oldest first, within the `history` limits. */
  requests: ReceivedRequest[];
  /** What `requests` holds: how many, and the bytes of their headers and kept bodies. */
  history(): { requests: number; bytes: number };
  /** Queues a fault for the next matching request(s). */
  inject(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

interface FaultScope {
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  /** Only requests with this X-TC-Action; default any. */
  action?: string;
}

export type Fault =
  | ({ kind: 'latency'; ms: number } & FaultScope)
  | ({ kind: 'status'; status: number } & FaultScope)
  | ({ kind: 'apiError'; code: string; message?: string } & FaultScope)
  | ({ kind: 'malformedJson' } & FaultScope)
  | ({ kind: 'reset' } & FaultScope);

export interface ReceivedRequest {
  /** X-TC-Action as sent ('' when missing). */
  action: string;
  region?: string;
  /** Lower-case header names; `authorization` removed. */
  headers: Record<string, string>;
  /** Parsed JSON body; undefined when it was not JSON, too large, or not correctly signed (never kept). */
  body: unknown;
  /** `OK`, the API error code, or `fault:<kind>` / `http:<status>` for injected faults. */
  resultCode: string;
  requestId?: string;
  /** Arrival time, ms. */
  receivedAt: number;
}

/**
 * A point in time in a seed: unix seconds, `"now"`, an offset from start-up such as `"-2d"`,
 * `"-3h"`, `"-30m"`, `"-45s"` (also `"+1h"`), or `"YYYY-MM-DD hh:mm:ss"` in Beijing time (UTC+8),
 * the zone in which the real service prints BounceTime.
 */
export type SeedTime = number | string;

export interface SeedSender {
  EmailAddress: string;
  EmailSenderName?: string;
  /** Whether the sender's domain passed verification; default true. */
  DomainVerified?: boolean;
  CreatedTimestamp?: SeedTime;
  SmtpPwdType?: number;
}

export interface SeedTemplate {
  TemplateID: number;
  TemplateName: string;
  /** 0 approved, 1 pending review, 2 rejected. */
  TemplateStatus: number;
  /** Plain (not base64) content; `{{variables}}` are read from it. */
  Html?: string;
  Text?: string;
  ReviewReason?: string;
  CreatedTimestamp?: SeedTime;
}

export interface SeedBlockedAddress {
  EmailAddress: string;
  BounceTime: SeedTime;
  IspDesc?: string;
}

export interface SeedMessage {
  /** Default: a fresh id in the documented format, dated RequestTime. */
  MessageId?: string;
  FromEmailAddress: string;
  ToEmailAddress: string;
  RequestTime: SeedTime;
  SendStatus?: number;
  DeliverStatus?: number;
  DeliverMessage?: string;
  DeliverTime?: SeedTime;
  UserOpened?: boolean;
  UserClicked?: boolean;
  UserUnsubscribed?: boolean;
  UserComplained?: boolean;
}

export interface SeedDnsRecord {
  /** TXT, MX, CNAME or A. */
  Type: string;
  /** The record's host, e.g. `qcloud._domainkey.mail.example.com`. */
  SendDomain: string;
  ExpectedValue?: string;
  /** What Tencent currently sees; default ExpectedValue when the domain is verified, else ''. */
  CurrentValue?: string;
  /** Default: CurrentValue equals ExpectedValue. */
  Status?: boolean;
}

/** A sender domain; fields left out are derived from the senders of that domain (see test/emulator/README.md). */
export interface SeedIdentity {
  IdentityName: string;
  VerifiedForSendingStatus?: boolean;
  SendingEnabled?: boolean;
  CurrentReputationLevel?: number;
  DailyQuota?: number;
  DKIMOption?: number;
  /** Default: SPF, DKIM, DMARC and MX records, found when verified. */
  Attributes?: SeedDnsRecord[];
}

/** One explicit GetStatisticsReport row: one day, one sender domain, one receiving mailbox type. */
export interface SeedStatisticsRow {
  /** `YYYY-MM-DD` (Beijing) or a relative day such as `"-3d"` / `"now"` (the Beijing day of that time). */
  SendDate: string;
  Domain: string;
  /** The receiving mailbox type, e.g. `qq.com`; default `other`. */
  ReceivingMailboxType?: string;
  RequestCount: number;
  AcceptedCount?: number;
  DeliveredCount?: number;
  OpenedCount?: number;
  ClickedCount?: number;
  BounceCount?: number;
  UnsubscribeCount?: number;
}

/**
 * Generated statistics of one sender domain over its last `days` days (today included): the volume
 * grows from `startVolume` by `dailyGrowth` a day up to `capVolume` (a warm-up), with a small fixed
 * day-to-day wobble; rates apply per day; `spikes` override the bounce rate of some days. Split over
 * `mailboxTypes` by share. Deterministic: the same seed gives the same numbers.
 */
export interface SeedStatisticsSeries {
  Domain: string;
  /** Default 30. */
  days?: number;
  startVolume: number;
  /** 0.15 = +15 % a day. Default 0. */
  dailyGrowth?: number;
  capVolume?: number;
  /** Share of today's volume already sent (the day is not over); default 0.5. */
  todayShare?: number;
  /** Of requests, refused by Tencent before sending (not accepted); default 0.002. */
  rejectRate?: number;
  /** Of accepted; default 0.012. */
  bounceRate?: number;
  /** Of delivered (unique opens); default 0.22. */
  openRate?: number;
  /** Of opened; default 0.15. */
  clickRate?: number;
  /** Of delivered; default 0.002. */
  unsubscribeRate?: number;
  spikes?: Array<{ daysAgo: number; bounceRate: number }>;
  /** Mailbox type → share; default `{ "qq.com": 0.5, "163.com": 0.25, "gmail.com": 0.15, "outlook.com": 0.1 }`. */
  mailboxTypes?: Record<string, number>;
}

export interface EmulatorSeed {
  /** Free text for the reader of a seed file; ignored. */
  _comment?: string;
  senders?: SeedSender[];
  /** Sender domains (ListEmailIdentities, GetEmailIdentity); every sender's domain is one even when not listed. */
  identities?: SeedIdentity[];
  templates?: SeedTemplate[];
  blocklist?: SeedBlockedAddress[];
  /** Recipient addresses that unsubscribed (from every sender, for simplicity). */
  unsubscribed?: string[];
  messages?: SeedMessage[];
  /** Whether the account may send `Simple` (custom) content; default false, as for new accounts. */
  allowSimpleContent?: boolean;
  /** GetStatisticsReport data: explicit rows. */
  statistics?: SeedStatisticsRow[];
  /** GetStatisticsReport data: generated per domain (a warm-up, a bounce spike). */
  statisticsSeries?: SeedStatisticsSeries[];
  /**
   * Demo only: a template created or updated during the run is approved this many seconds later
   * (Tencent's reviewers take about a business day). Unset: it stays pending until `reviewTemplate`.
   */
  autoApproveAfterSeconds?: number;
}

// ---- Live state (times resolved to unix seconds) ----

export interface EmulatorSender {
  EmailAddress: string;
  EmailSenderName: string;
  DomainVerified: boolean;
  CreatedTimestamp: number;
  SmtpPwdType: number;
}

export interface EmulatorTemplate {
  TemplateID: number;
  TemplateName: string;
  TemplateStatus: number;
  Html?: string;
  Text?: string;
  ReviewReason: string;
  CreatedTimestamp: number;
  /** Unix seconds of the last CreateEmailTemplate / UpdateEmailTemplate (unset for seeded templates). */
  SubmittedTimestamp?: number;
}

export interface EmulatorBlockedAddress {
  EmailAddress: string;
  /** Unix seconds. */
  BounceTime: number;
  IspDesc: string;
}

export interface EmulatorMessage {
  MessageId: string;
  FromEmailAddress: string;
  ToEmailAddress: string;
  RequestTime: number;
  SendStatus: number;
  DeliverStatus: number;
  DeliverMessage: string;
  DeliverTime: number;
  UserOpened: boolean;
  UserClicked: boolean;
  UserUnsubscribed: boolean;
  UserComplained: boolean;
}

export interface EmulatorDnsRecord {
  Type: string;
  SendDomain: string;
  ExpectedValue: string;
  CurrentValue: string;
  Status: boolean;
}

export interface EmulatorIdentity {
  /** Lower case. */
  IdentityName: string;
  VerifiedForSendingStatus: boolean;
  SendingEnabled: boolean;
  CurrentReputationLevel: number;
  DailyQuota: number;
  DKIMOption: number;
  Attributes: EmulatorDnsRecord[];
}

/** One day × sender domain × receiving mailbox type of sending statistics. */
export interface EmulatorStatisticsRow {
  /** `YYYY-MM-DD`, Beijing. */
  SendDate: string;
  /** Lower case. */
  Domain: string;
  ReceivingMailboxType: string;
  RequestCount: number;
  AcceptedCount: number;
  DeliveredCount: number;
  OpenedCount: number;
  ClickedCount: number;
  BounceCount: number;
  UnsubscribeCount: number;
}

export interface EmulatorState {
  senders: EmulatorSender[];
  identities: EmulatorIdentity[];
  templates: EmulatorTemplate[];
  blocklist: EmulatorBlockedAddress[];
  unsubscribed: string[];
  messages: EmulatorMessage[];
  statistics: EmulatorStatisticsRow[];
  allowSimpleContent: boolean;
  autoApproveAfterSeconds?: number;
}
