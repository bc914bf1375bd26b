import { ERROR_CODE_ROWS } from './errorCodeData';
import type { FaqTopicId, SendFailureStep } from './faq';
import type { Bilingual } from './locale';
import type { CodeKind } from '#common/knowledgeTypes';

/**
 * What to do about a kind of failure, and the FAQ topic behind it. Every error code and delivery
 * status code belongs to one group; `step` is the item of the `send-failures` checklist it concerns.
 */
interface Advice {
  readonly topic: FaqTopicId;
  readonly step?: SendFailureStep;
  readonly next: Bilingual;
}

const ADVICE = {
  permission: {
    topic: 'send-failures', step: 1,
    next: {
      en: 'Give the account or sub-user that calls the API the CAM policy `QcloudFullAccess` (or `QcloudSESFullAccess` for SES only) in the CAM console, and check that the request uses that user\'s `SecretId` and `SecretKey`.',
      zh: '在访问管理（CAM）控制台为调用 API 的账号或子用户授予 `QcloudFullAccess` 策略（仅 SES 可用 `QcloudSESFullAccess`），并确认请求使用的是该用户的 `SecretId` 和 `SecretKey`。',
    },
  },
  keys: {
    topic: 'send-failures', step: 1,
    next: {
      en: 'Check the `SecretId` and `SecretKey` on the CAM API keys page: the key must exist and be enabled, be copied without spaces, and the request must be signed with TC3-HMAC-SHA256 as Tencent documents.',
      zh: '在访问管理的 API 密钥页面检查 `SecretId` 和 `SecretKey`：密钥须存在且已启用，复制时前后不能带空格，请求须按腾讯云文档使用 TC3-HMAC-SHA256 签名。',
    },
  },
  clock: {
    topic: 'send-failures', step: 1,
    next: {
      en: 'Synchronise the clock of the machine that signs the request (NTP): its `X-TC-Timestamp` may differ from Tencent\'s time by at most five minutes.',
      zh: '同步签名所在机器的系统时间（NTP）：请求的 `X-TC-Timestamp` 与腾讯云服务器时间相差不能超过五分钟。',
    },
  },
  ip: {
    topic: 'send-failures', step: 1,
    next: {
      en: 'Call the API from an address the account allows, or change the IP restrictions of the account or key; submit a ticket if the IP itself is blocked.',
      zh: '从账号允许的 IP 地址调用 API，或修改账号、密钥的 IP 限制；如果是该 IP 本身被封禁，请提交工单。',
    },
  },
  endpoint: {
    topic: 'send-failures',
    next: {
      en: 'Check the request line: endpoint `ses.tencentcloudapi.com`, `X-TC-Version: 2020-10-02`, the action name, a region where SES is offered, and a POST (or GET) request with a well-formed body. An SDK avoids most of these mistakes.',
      zh: '检查请求本身：接入点 `ses.tencentcloudapi.com`、`X-TC-Version: 2020-10-02`、接口名称、提供 SES 服务的地域，以及格式正确的 POST（或 GET）请求。使用官方 SDK 可避免大部分此类错误。',
    },
  },
  blocklist: {
    topic: 'blocklist',
    next: {
      en: 'The recipient is in Tencent Cloud\'s shared blocklist (for 14 days). If the address is valid, remove it in the SES console or with `DeleteBlackList` (`{"EmailAddressList": ["…"]}`); if it is not in your own blocklist, another account added it: submit a ticket.',
      zh: '收件地址在腾讯云共享黑名单中（拦截 14 天）。如果地址有效，请在 SES 控制台或通过 `DeleteBlackList`（`{"EmailAddressList": ["…"]}`）将其删除；如果它不在你自己的黑名单中，说明是其他账号拉黑的，请提交工单。',
    },
  },
  unsubscribed: {
    topic: 'unsubscription',
    next: {
      en: 'The recipient unsubscribed from this sender domain: do not send to the address again unless the recipient subscribes again.',
      zh: '收件人已退订该发信域名的邮件：除非收件人重新订阅，否则不要再向该地址发信。',
    },
  },
  rejected: {
    topic: 'blocklist',
    next: {
      en: 'The receiving side refused the email. Remove addresses that bounce from your list, keep advertising wording out of the content, and send less to that provider for a while; repeated rejections put addresses on the shared blocklist.',
      zh: '收件方拒收了邮件。请从发送列表中移除会退信的地址，内容中避免广告用语，并暂时减少向该服务商的发送量；反复被拒收的地址会进入共享黑名单。',
    },
  },
  throttled: {
    topic: 'warm-up',
    next: {
      en: 'Sending is paused or limited because of rejections or a provider\'s limit. Wait (a provider pause lifts by itself after 10 minutes), clean bounced addresses from the list, and raise the volume gradually, as in a warm-up.',
      zh: '由于拒信或收件服务商的限制，发送被暂停或限制。请稍候（服务商限制 10 分钟后自动解除），清理列表中退信的地址，并像预热一样逐步提高发送量。',
    },
  },
  recipient: {
    topic: 'send-failures', step: 3,
    next: {
      en: 'Check the recipient address: present, one address per entry, spelled correctly (`name@domain`), and a mailbox that exists.',
      zh: '检查收件地址：不能为空，每项一个地址，拼写正确（`name@domain`），且邮箱真实存在。',
    },
  },
  sender: {
    topic: 'send-failures', step: 2,
    next: {
      en: 'Check the sender: its domain must be created and verified in the SES console (and its DNS records left unchanged since), the sender address created there, and `FromEmailAddress` written as `address@domain` or `Alias <address@domain>`.',
      zh: '检查发件人：发信域名须已在 SES 控制台创建并通过验证（且之后未修改 DNS 记录），发信地址已在控制台创建，`FromEmailAddress` 写作 `address@domain` 或 `别名 <address@domain>`。',
    },
  },
  templateStatus: {
    topic: 'send-failures', step: 4,
    next: {
      en: 'Use the id of a template that exists and has been approved (status 0 in `ListEmailTemplates`); a template that is pending, rejected or just updated cannot send until review passes.',
      zh: '使用已存在且已审核通过的模板 ID（`ListEmailTemplates` 中状态为 0）；待审核、被拒绝或刚更新的模板在审核通过前不能发送。',
    },
  },
  templateData: {
    topic: 'send-failures', step: 4,
    next: {
      en: 'Send `TemplateData` as a JSON string (`JSON.stringify` of a flat object) with one plain string value per template variable: no objects, arrays or HTML, and at most 800 bytes per recipient in batch sends. This editor checks the data sets beside each template for all of this.',
      zh: '`TemplateData` 须为 JSON 字符串（扁平对象经 `JSON.stringify` 序列化），模板的每个变量对应一个普通字符串值：不能是对象、数组或 HTML，批量发送时每个收件人不超过 800 字节。本编辑器会对模板旁的数据集检查以上各项。',
    },
  },
  customContent: {
    topic: 'send-failures', step: 5,
    next: {
      en: 'This account may only send with templates: send with an approved template and `TemplateData`, or ask your Tencent Cloud sales representative to enable sending custom content.',
      zh: '该账号只能使用模板发送：请使用已审核通过的模板和 `TemplateData` 发送，或联系腾讯云商务经理开通自定义内容发送权限。',
    },
  },
  content: {
    topic: 'exmail-advertising',
    next: {
      en: 'Review the links and content of the email: use full `https://` links to reachable pages of your own domain, avoid URL shorteners and advertising wording, and send again.',
      zh: '检查邮件中的链接和内容：使用指向自有域名、可正常访问的完整 `https://` 链接，避免短链接和广告用语，然后重新发送。',
    },
  },
  templateContent: {
    topic: 'send-failures', step: 4,
    next: {
      en: 'Check the template itself: a valid name, HTML and/or text content encoded as Base64 of UTF-8, within the size and count limits of your account.',
      zh: '检查模板本身：名称合法，HTML 和/或文本内容为 UTF-8 的 Base64 编码，且不超过账号的大小和数量限制。',
    },
  },
  size: {
    topic: 'images-not-displayed',
    next: {
      en: 'Make the email smaller: link images from a public `https://` URL instead of embedding them, and keep the whole email, attachments included, under 4 MB (at most 10 attachments, 50 recipients per request).',
      zh: '减小邮件体积：图片使用公网 `https://` 地址引用而不是嵌入，整封邮件（含附件）不超过 4 MB（每封最多 10 个附件，每次最多 50 个收件人）。',
    },
  },
  attachments: {
    topic: 'send-failures', step: 5,
    next: {
      en: 'Check the attachments: the account needs the attachment permission (ask your sales representative), names without special characters, and content that is valid Base64.',
      zh: '检查附件：账号需要附件发送权限（联系商务经理开通），附件名不能含特殊字符，内容须为有效的 Base64。',
    },
  },
  quota: {
    topic: 'warm-up',
    next: {
      en: 'A daily or per-address limit is reached: spread the sends over time, do not send the same address repeatedly in a short period, and raise volumes gradually (warm-up); ask Tencent Cloud if you need a higher limit.',
      zh: '已达到每日或单地址的发送限制：请分散发送时间，避免短时间内反复向同一地址发信，并逐步提高发送量（预热）；如需更高额度请联系腾讯云。',
    },
  },
  rateLimit: {
    topic: 'send-failures',
    next: {
      en: 'Too many API requests: slow down (the SES API allows about 20 requests per second) and retry with a back-off.',
      zh: 'API 请求过于频繁：请降低请求速率（SES API 约每秒 20 次），并采用退避策略重试。',
    },
  },
  billing: {
    topic: 'send-failures',
    next: {
      en: 'Top up the account or buy an SES package in the console, then send again.',
      zh: '请在控制台为账号充值或购买 SES 套餐包，然后重新发送。',
    },
  },
  transient: {
    topic: 'send-failures',
    next: {
      en: 'A temporary error on Tencent\'s side: retry after a short wait. If it keeps happening, submit a ticket with the RequestId.',
      zh: '腾讯云侧的临时错误：请稍后重试。如果持续出现，请附上 RequestId 提交工单。',
    },
  },
  ticket: {
    topic: 'send-failures',
    next: {
      en: 'Tencent asks for a ticket for this error: submit one with the error code, the RequestId and the time of the send.',
      zh: '腾讯云要求通过工单处理此错误：请提交工单，附上错误码、RequestId 和发送时间。',
    },
  },
  query: {
    topic: 'send-failures',
    next: {
      en: 'Correct the query parameters: dates as `YYYY-MM-DD` within the last 90 days, `Limit` at most 100, and the required fields present.',
      zh: '修正查询参数：日期格式为 `YYYY-MM-DD` 且在最近 90 天内，`Limit` 不超过 100，必填字段齐全。',
    },
  },
  batch: {
    topic: 'send-failures', step: 4,
    next: {
      en: 'Check the batch task and its recipient group: the group exists, has finished uploading and is within its limits, its variables match the template one to one, and scheduled or recurring tasks have a start time in the future.',
      zh: '检查批量任务及其收件人列表：列表存在、已上传完成且未超出限制，其变量与模板一一对应，定时或周期任务设置了晚于当前时间的开始时间。',
    },
  },
  resource: {
    topic: 'send-failures', step: 2,
    next: {
      en: 'The domain, address or setting you are creating or changing conflicts with what exists (already created, created by another account, still in use, or over the account\'s limit): look it up in the SES console and change the request.',
      zh: '要创建或修改的域名、地址或设置与现有资源冲突（已创建、被其他账号创建、仍在使用或超出账号上限）：请在 SES 控制台查看后修改请求。',
    },
  },
  parameters: {
    topic: 'send-failures',
    next: {
      en: 'A parameter of the request is missing, unknown or has a wrong value: compare the request with the API reference of the action (names are case-sensitive) and send it again.',
      zh: '请求中有参数缺失、未定义或取值错误：请对照该接口的 API 文档检查请求（参数名区分大小写）后重新发送。',
    },
  },
  generic: {
    topic: 'send-failures',
    next: {
      en: 'Read the message that came with the code, then go through the send-failure checklist in order; submit a ticket with the RequestId if the cause stays unclear.',
      zh: '先阅读错误码附带的消息，再按顺序检查发送失败排查清单；如果原因仍不清楚，请附上 RequestId 提交工单。',
    },
  },
  success: {
    topic: 'delivery-delay',
    next: {
      en: 'Nothing to fix. If the recipient has not received the email yet, wait: most emails arrive within 5 minutes, some take up to 72 hours.',
      zh: '无需处理。如果收件人尚未收到，请稍候：大多数邮件在 5 分钟内送达，少数可能需要 72 小时。',
    },
  },
  delayed: {
    topic: 'delivery-delay',
    next: {
      en: 'The receiving provider is holding the email; `DeliverMessage` says why. Wait rather than sending again, and keep advertising wording and suspicious links out of the content.',
      zh: '收件服务商暂缓了该邮件，原因见 `DeliverMessage`。请耐心等待而不是重发，并避免在内容中使用广告用语和可疑链接。',
    },
  },
  noRecord: {
    topic: 'delivery-time',
    next: {
      en: 'Check the `MessageId`, the date and the recipient of the query; a very recent send may not be recorded yet.',
      zh: '检查查询的 `MessageId`、日期和收件人；刚发送的邮件可能还没有记录。',
    },
  },
} as const satisfies Record<string, Advice>;

export type AdviceGroup = keyof typeof ADVICE;

/** Codes by group; codes not listed fall back on the rules of `groupOf`. */
const GROUP_CODES: Partial<Record<AdviceGroup, string>> = {
  permission: 'AuthFailure.UnauthorizedOperation UnauthorizedOperation',
  keys: 'AuthFailure.InvalidAuthorization AuthFailure.InvalidSecretId AuthFailure.MFAFailure AuthFailure.SecretIdNotFound AuthFailure.SignatureFailure AuthFailure.TokenFailure',
  clock: 'AuthFailure.SignatureExpire',
  ip: 'IpInBlacklist IpNotInWhitelist',
  endpoint: 'ActionOffline InvalidAction NoSuchProduct NoSuchVersion UnsupportedRegion UnsupportedProtocol InvalidRequest',
  blocklist: 'FailedOperation.EmailAddrInBlacklist',
  unsubscribed: 'FailedOperation.ReceiverHasUnsubscribed',
  rejected: 'FailedOperation.RejectedByRecipients',
  throttled: 'FailedOperation.HighRejectionRate FailedOperation.TemporaryBlocked',
  recipient: 'FailedOperation.IncorrectEmail FailedOperation.UnsupportMailType InvalidParameterValue.EmailAddressIsNULL InvalidParameterValue.IllegalEmailAddress InvalidParameterValue.ReceiverEmailInvalid MissingParameter.EmailsNecessary',
  sender: 'FailedOperation.NotAuthenticatedSender FailedOperation.IncorrectSender FailedOperation.DKIMNotApplied InvalidParameterValue.NoSuchSender InvalidParameterValue.IllegalSenderName InvalidParameterValue.InvalidEmailIdentity InvalidParameterValue.NotExistDomain OperationDenied.DomainNotVerified OperationDenied.SendAddressStatusError',
  templateStatus: 'FailedOperation.InvalidTemplateID OperationDenied.TemplateStatusError InvalidParameterValue.TemplateNotExist',
  templateData: 'FailedOperation.WrongContentJson FailedOperation.MissingEmailContent InvalidParameterValue.TemplateDataError InvalidParameterValue.InValidTemplateData InvalidParameterValue.TemplateDataLenLimit',
  customContent: 'FailedOperation.WithOutPermission',
  content: 'FailedOperation.IllegalURL FailedOperation.URLForbidden FailedOperation.FileURLNotExist',
  templateContent: 'FailedOperation.ExceedTemplateLimit FailedOperation.TemplateContentToolarge InvalidParameterValue.TemplateContentIsNULL InvalidParameterValue.TemplateContentIsWrong InvalidParameterValue.EmailContentIsWrong InvalidParameterValue.TemplateNameIllegal InvalidParameterValue.TemplateNameIsNULL InvalidParameterValue.SubjectLengthError',
  size: 'FailedOperation.EmailContentToolarge FailedOperation.AttachContentToolarge FailedOperation.TooManyAttachments FailedOperation.TooManyRecipients RequestSizeLimitExceeded ResponseSizeLimitExceeded',
  attachments: 'FailedOperation.NoAttachPermission FailedOperation.InvalidAttachName InvalidParameterValue.AttachContentIsWrong',
  quota: 'FailedOperation.ExceedSendLimit FailedOperation.FrequencyLimit LimitExceeded',
  billing: 'FailedOperation.InsufficientBalance FailedOperation.InsufficientQuota ResourceInsufficient',
  transient: 'FailedOperation.ServiceNotAvailable FailedOperation.ProtocolCheckErr ServiceUnavailable ResourceUnavailable',
  ticket: 'FailedOperation.SendEmailErr',
  query: 'FailedOperation.InvalidLimit FailedOperation.NotSupportDate InvalidParameterValue.WrongDate InvalidParameter.InvalidEndTimeFormat InvalidParameter.InvalidStartTimeFormat InvalidParameter.AppIdIsRequired',
  batch: 'InvalidParameterValue.TemplateNotMatchData InvalidParameterValue.TemplateDataInconsistent InvalidParameterValue.BeginTimeBeforeNow InvalidParameterValue.ReceiverDescIllegal InvalidParameterValue.ReceiverNameIllegal InvalidParameterValue.RepeatReceiverName MissingParameter.CycleParamNecessary MissingParameter.ReceiverIdNecessary MissingParameter.SendParamNecessary MissingParameter.TimedParamNecessary LimitExceeded.ExceedReceiverLimit LimitExceeded.ReceiverDetailCountLimit LimitExceeded.ReceiverDetailRequestLimit OperationDenied.ReceiverIsOperating OperationDenied.ReceiverNotExist OperationDenied.ReceiverStatusError',
  resource: 'InvalidParameterValue.CreatedByOther InvalidParameterValue.RepeatCreation InvalidParameterValue.RepeatEmailAddress InvalidParameterValue.InvalidSmtpPassWord OperationDenied.ExceedDomainLimit OperationDenied.ExceedSenderLimit OperationDenied.NotAllowDelete OperationDenied.SenderWithDomainIsNotEmpty OperationDenied.RepeatPassWord ResourceInUse ResourceNotFound',
  success: 'DryRunOperation',
};

const EXPLICIT_GROUP = new Map<string, AdviceGroup>();
for (const [group, codes] of Object.entries(GROUP_CODES) as [AdviceGroup, string][]) {
  for (const code of codes.split(' ')) EXPLICIT_GROUP.set(code, group);
}

/** Prefix rules for the codes without an explicit group (and for codes Tencent adds later). */
const PREFIX_GROUPS: ReadonlyArray<readonly [string, AdviceGroup]> = [
  ['AuthFailure', 'keys'],
  ['UnauthorizedOperation', 'permission'],
  ['RequestLimitExceeded', 'rateLimit'],
  ['InternalError', 'transient'],
  ['LimitExceeded', 'quota'],
  ['InvalidParameterValue', 'parameters'],
  ['InvalidParameter', 'parameters'],
  ['MissingParameter', 'parameters'],
  ['UnknownParameter', 'parameters'],
];

export function groupOf(code: string): AdviceGroup {
  const explicit = EXPLICIT_GROUP.get(code);
  if (explicit) return explicit;
  for (const [prefix, group] of PREFIX_GROUPS) if (code === prefix || code.startsWith(prefix + '.')) return group;
  return 'generic';
}

export function adviceOf(group: AdviceGroup): Advice {
  return ADVICE[group];
}

export type { CodeKind } from '#common/knowledgeTypes';

export interface CodeEntry {
  /** `FailedOperation.EmailAddrInBlacklist`, `SendStatus.1007`, `DeliverStatus.8` */
  readonly code: string;
  readonly kind: CodeKind;
  /** Tencent's own description. */
  readonly description: Bilingual;
  readonly group: AdviceGroup;
}

/** `SendStatus` of GetSendEmailStatus: codes sharing a description are listed together. */
const SEND_STATUS: ReadonlyArray<readonly [codes: string, en: string, zh: string, group: AdviceGroup]> = [
  ['0', 'Processed successfully: Tencent Cloud accepted the email.', '处理成功：腾讯云已接受该邮件。', 'success'],
  ['1001 1002 1003 1005 1009', 'Internal system error.', '内部系统异常。', 'transient'],
  ['1004', 'Sending timed out.', '发信超时。', 'transient'],
  ['1006', 'Frequency control: too many emails to the same address in a short period.', '触发频率控制，短时间内对同一地址发送过多邮件。', 'quota'],
  ['1007', 'The email address is in the blocklist.', '邮件地址在黑名单中。', 'blocklist'],
  ['1008', 'The recipient refuses mail from the sender domain.', '域名被收件人拒收。', 'rejected'],
  ['1010', 'The daily sending limit is exceeded.', '超出了每日发送限制。', 'quota'],
  ['1011', 'No permission to send custom content; a template must be used.', '无发送自定义内容权限，必须使用模板。', 'customContent'],
  ['1013', 'The recipient unsubscribed from the sender domain.', '域名被收件人取消订阅。', 'unsubscribed'],
  ['2001', 'No matching record was found.', '找不到相关记录。', 'noRecord'],
  ['3007', 'The template ID is invalid or the template is unavailable.', '模板ID无效或者不可用。', 'templateStatus'],
  ['3008', 'The recipient domain temporarily blocks the sender domain.', '被收信域名临时封禁。', 'throttled'],
  ['3009', 'No permission to use this template.', '无权限使用该模板。', 'templateStatus'],
  ['3010', 'The format of the TemplateData field is incorrect.', 'TemplateData字段格式不正确。', 'templateData'],
  ['3014', 'The sender domain is not verified, so the email cannot be sent.', '发件域名没有经过认证，无法发送。', 'sender'],
  ['3020', 'The recipient\'s mailbox type is in the blocklist.', '收件方邮箱类型在黑名单。', 'blocklist'],
  ['3024', 'The pre-check of the email address format failed.', '邮箱地址格式预检查失败。', 'recipient'],
  ['3030', 'Sending is temporarily restricted because of a high bounce rate.', '退信率过高，临时限制发送。', 'throttled'],
  ['3033', 'Insufficient balance or overdue account.', '余额不足，账号欠费等。', 'billing'],
];

/** `DeliverStatus` of GetSendEmailStatus: what the recipient's side did. */
const DELIVER_STATUS: ReadonlyArray<readonly [code: string, en: string, zh: string, group: AdviceGroup]> = [
  ['0', 'Accepted by Tencent Cloud and queued for sending.', '请求成功被腾讯云接受，进入发送队列。', 'success'],
  ['1', 'Delivered; `DeliverTime` is the time of delivery.', '邮件递送成功，DeliverTime 表示递送成功的时间。', 'success'],
  ['2', 'Discarded; `DeliverMessage` gives the reason.', '邮件因某种原因被丢弃，DeliverMessage 表示丢弃原因。', 'rejected'],
  ['3', 'Rejected by the recipient\'s mail provider, usually because the address does not exist.', '收件方 ESP 拒信，一般原因为邮箱地址不存在，或其它原因。', 'rejected'],
  ['8', 'Delayed by the recipient\'s mail provider; `DeliverMessage` gives the reason.', '邮件被 ESP 因某些原因延迟递送，DeliverMessage 表示延迟原因。', 'delayed'],
];

function buildEntries(): CodeEntry[] {
  const entries: CodeEntry[] = ERROR_CODE_ROWS.map(([code, en, zh]) => ({ code, kind: 'api', description: { en, zh }, group: groupOf(code) }));
  const sendStatus = SEND_STATUS.flatMap(([codes, en, zh, group]) => codes.split(' ').map((code) => ({ code, en, zh, group })));
  sendStatus.sort((a, b) => Number(a.code) - Number(b.code));
  for (const { code, en, zh, group } of sendStatus) entries.push({ code: `SendStatus.${code}`, kind: 'sendStatus', description: { en, zh }, group });
  for (const [code, en, zh, group] of DELIVER_STATUS) entries.push({ code: `DeliverStatus.${code}`, kind: 'deliverStatus', description: { en, zh }, group });
  return entries;
}

/** Every API error code (125) and every GetSendEmailStatus status code. */
export const CODE_ENTRIES: readonly CodeEntry[] = buildEntries();
