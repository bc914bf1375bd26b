import type { Bilingual } from './locale';

import type { FaqTopicId } from '#common/knowledgeTypes';

export type { FaqTopicId } from '#common/knowledgeTypes';

export interface ConsoleLink {
  readonly title: Bilingual;
  readonly url: string;
}

export interface FaqTopicData {
  readonly id: FaqTopicId;
  readonly title: Bilingual;
  /** Markdown, without a heading (the title is shown as one). */
  readonly body: Bilingual;
  readonly links: readonly ConsoleLink[];
  /** The Tencent page the topic is written from (the delivery FAQ unless said otherwise). */
  readonly doc?: TencentDocPage;
}

/** Console pages named by Tencent's SES FAQ. */
export const CONSOLE = {
  ses: { url: 'https://console.cloud.tencent.com/ses/stats', title: { en: 'SES console', zh: '邮件推送控制台' } },
  ticket: { url: 'https://console.cloud.tencent.com/workorder/category', title: { en: 'Submit a ticket to Tencent Cloud', zh: '向腾讯云提交工单' } },
  apiKeys: { url: 'https://console.cloud.tencent.com/cam/capi', title: { en: 'CAM API keys (SecretId / SecretKey)', zh: '访问管理 API 密钥（SecretId / SecretKey）' } },
} as const satisfies Record<string, ConsoleLink>;

/**
 * Tencent Cloud's SES documentation pages (international site, English), by what they answer. Each
 * FAQ topic links to the page it is written from, and a check may link to a closer page
 * (`docPageOf` in service/checks/index.ts), e.g. the review checks to the template FAQ.
 */
export const TENCENT_DOCS = {
  /** Delivery FAQ: delivery time, delays, images, Exmail blocking, failures, unsubscription, blocklist. */
  deliveryFaq: 'https://www.tencentcloud.com/document/product/1084/39648',
  /** Sending-limits FAQ: the 4 MB email size, daily and hourly limits, recipients per call. */
  sendingLimitsFaq: 'https://www.tencentcloud.com/document/product/1084/39649',
  /** Template FAQ: how templates are reviewed (recognisable business, word counts, refused content). */
  templateFaq: 'https://www.tencentcloud.com/document/product/1084/39651',
  /** Reputation levels: the daily limit of a new sender domain and how it grows (warm-up). */
  reputationLevels: 'https://www.tencentcloud.com/document/product/1084/48864',
  /** The SendEmail API: the Template and TemplateData fields. */
  sendEmailApi: 'https://www.tencentcloud.com/document/api/1084/39408',
  /** The API's error codes. */
  errorCodes: 'https://www.tencentcloud.com/document/api/1084/39419',
} as const;

export type TencentDocPage = keyof typeof TENCENT_DOCS;

/** Tencent's FAQ page that most topics are written from. */
export const FAQ_DOC_URL = TENCENT_DOCS.deliveryFaq;

/** The steps of `send-failures`, in the order to check them; error codes point at one. */
export type SendFailureStep = 1 | 2 | 3 | 4 | 5;

// Written from the facts of Tencent's SES FAQ (delivery, images, Exmail, failures, warm-up,
// unsubscription, blocklist), in our own words.
export const FAQ_TOPICS: readonly FaqTopicData[] = [
  {
    id: 'delivery-time',
    title: { en: 'How long delivery takes', zh: '邮件多久能送达' },
    body: {
      en: 'Once the SES API has accepted a send, the email normally reaches the recipient\'s mail server within **3 seconds to 5 minutes**. ' +
        'A few emails take longer, depending on their content and on the receiving provider; in the worst case delivery can take up to **72 hours** (see "Delayed after a successful send").',
      zh: 'SES API 接受发送请求后，邮件通常会在 **3 秒到 5 分钟** 内到达收件方的邮件服务器。' +
        '少数邮件因内容或收件服务商的策略会更慢，最长可能需要 **72 小时**（见“发送成功但送达延迟”）。',
    },
    links: [CONSOLE.ses],
  },
  {
    id: 'delivery-delay',
    title: { en: 'Delayed after a successful send', zh: '发送成功但送达延迟' },
    body: {
      en: 'A successful API response means Tencent Cloud accepted and queued the email, not that it has arrived. ' +
        'Most emails arrive within 5 minutes, but the receiving provider may hold some back because of their content or its own policies, and delivery can then take up to **72 hours**.\n\n' +
        '- Check the delivery status of the message (`GetSendEmailStatus`, or the SES console): `DeliverStatus` 8 means the provider is delaying it, and `DeliverMessage` says why.\n' +
        '- Keep the content free of advertising wording and suspicious links, which providers tend to slow down.\n' +
        '- Wait before sending again: a second send does not overtake the first.',
      zh: 'API 返回成功只表示腾讯云已接受请求并放入发送队列，并不表示邮件已送达。' +
        '大多数邮件在 5 分钟内送达，但收件服务商可能因邮件内容或自身策略暂缓部分邮件，此时最长可能需要 **72 小时**。\n\n' +
        '- 查看该邮件的投递状态（`GetSendEmailStatus` 或 SES 控制台）：`DeliverStatus` 为 8 表示收件服务商延迟递送，原因见 `DeliverMessage`。\n' +
        '- 内容中避免广告用语和可疑链接，这类邮件更容易被服务商延迟。\n' +
        '- 不要急于重发：再次发送并不会比第一封更快送达。',
    },
    links: [CONSOLE.ses, CONSOLE.ticket],
  },
  {
    id: 'images-not-displayed',
    title: { en: 'Images are not displayed', zh: '邮件中的图片不显示' },
    body: {
      en: 'Check three things, in this order:\n\n' +
        '1. **The image URL.** It must be a complete, public address (`https://…`) that opens in a browser; a relative path or a file on your computer cannot be loaded by the recipient.\n' +
        '2. **The recipient\'s mail client.** Many clients do not load images until the reader allows it: in that case the reader clicks "Show images" (or similar).\n' +
        '3. **The recipient\'s own settings.** The recipient may block images, or this sender, altogether.\n\n' +
        'Give every image an `alt` text, so that the email still makes sense while images are off.',
      zh: '请按顺序检查以下三项：\n\n' +
        '1. **图片地址。** 必须是完整的公网地址（`https://…`），且能在浏览器中打开；相对路径或本机文件收件人无法加载。\n' +
        '2. **收件人的邮件客户端。** 很多客户端默认不加载图片，需要收件人点击“显示图片”之类的按钮。\n' +
        '3. **收件人自己的设置。** 收件人可能屏蔽了图片，或屏蔽了该发件人。\n\n' +
        '请为每张图片写上 `alt` 文字，这样在不显示图片时邮件内容仍然可以理解。',
    },
    links: [],
  },
  {
    id: 'exmail-advertising',
    title: { en: 'Blocked by Tencent Exmail (advertising)', zh: '被腾讯企业邮箱拦截（广告内容）' },
    body: {
      en: 'Tencent Exmail (腾讯企业邮) blocks emails it considers advertising. Leave promotional wording out of the subject and the body unless the email really needs it; ' +
        'transactional emails (verification codes, receipts, notifications) should read as such.',
      zh: '腾讯企业邮会拦截被判定为广告的邮件。除非确有必要，主题和正文中不要包含推广类内容；' +
        '验证码、账单、通知等事务类邮件应写得像事务邮件。',
    },
    links: [],
  },
  {
    id: 'send-failures',
    title: { en: 'Why a send fails: the checklist', zh: '发送失败的排查清单' },
    body: {
      en: 'First look up the error code the API returned (command **SES: Explain Error Code**) to know which kind of failure it is. Then check, in this order:\n\n' +
        '1. **Permission and keys.** The account or sub-user calling the API has the CAM policy `QcloudFullAccess` (or at least SES access, such as `QcloudSESFullAccess`), and the `SecretId` and `SecretKey` are correct (no spaces, not deleted or disabled).\n' +
        '2. **Sender domain.** The sender domain has passed verification, and its DNS records have not been changed since: changing them afterwards breaks sending.\n' +
        '3. **Recipient.** The recipient address is spelled correctly and exists.\n' +
        '4. **Template.** The template has been approved, and `TemplateData` is a JSON string with a plain value for each of the template\'s variables.\n' +
        '5. **Custom content.** If the error says you have no permission to send custom (non-template) content, send with an approved template, or ask your Tencent Cloud sales representative to enable the permission.\n\n' +
        'If it still fails, submit a ticket to Tencent Cloud with the error code and the request id.',
      zh: '首先查出 API 返回的错误码的含义（命令 **SES: 解释错误码**），确定失败的类型。然后按顺序检查：\n\n' +
        '1. **权限与密钥。** 调用 API 的账号或子用户拥有 CAM 策略 `QcloudFullAccess`（至少要有 SES 权限，例如 `QcloudSESFullAccess`），并且 `SecretId` 和 `SecretKey` 正确（前后无空格，未被删除或禁用）。\n' +
        '2. **发信域名。** 发信域名已通过验证，且验证通过后没有再修改其 DNS 记录：事后修改会导致无法发信。\n' +
        '3. **收件人。** 收件地址拼写正确且真实存在。\n' +
        '4. **模板。** 模板已审核通过，且 `TemplateData` 是 JSON 字符串，为模板的每个变量提供一个普通值。\n' +
        '5. **自定义内容。** 如果错误提示没有发送自定义内容（非模板）的权限，请使用已审核通过的模板发送，或联系腾讯云商务经理开通该权限。\n\n' +
        '如果问题仍未解决，请附上错误码和 RequestId 向腾讯云提交工单。',
    },
    links: [CONSOLE.apiKeys, CONSOLE.ses, CONSOLE.ticket],
  },
  {
    id: 'warm-up',
    title: { en: 'Warm-up of a new IP', zh: '新 IP 预热' },
    body: {
      en: 'Mail providers limit how many emails they accept per day from one IP address, and a new IP has no reputation yet. ' +
        'Warm-up builds that reputation: start with a small daily volume and raise it a little every day, instead of sending everything at once.',
      zh: '各邮件服务商都会限制每天从同一 IP 接收的邮件数量，而新 IP 还没有信誉。' +
        '预热就是建立信誉的过程：从较小的每日发送量开始，每天逐步增加，而不是一次性大量发送。',
    },
    links: [CONSOLE.ses],
    doc: 'reputationLevels',
  },
  {
    id: 'unsubscription',
    title: { en: 'Unsubscription', zh: '退订机制' },
    body: {
      en: 'When a recipient unsubscribes from your emails, Tencent Cloud tells you about the event and remembers the recipient\'s choice. ' +
        'From then on, **your sender domain can no longer send to that address** (the API answers `FailedOperation.ReceiverHasUnsubscribed`). ' +
        'Marketing emails should offer an unsubscribe link, for example with the `Unsubscribe` option of `SendEmail`.',
      zh: '收件人退订你的邮件后，腾讯云会通知你这一事件，并记录该收件人的退订状态。' +
        '此后，**你的发信域名将无法再向该地址发信**（API 返回 `FailedOperation.ReceiverHasUnsubscribed`）。' +
        '营销类邮件应提供退订链接，例如使用 `SendEmail` 的 `Unsubscribe` 参数。',
    },
    links: [CONSOLE.ses],
  },
  {
    id: 'blocklist',
    title: { en: 'Blocked addresses (the shared blocklist)', zh: '被拦截的地址（共享黑名单）' },
    body: {
      en: 'Tencent Cloud keeps a database of blocked addresses and does not send to them. It filters malicious requests, and to protect senders\' reputation it also adds addresses that recently rejected mail (hard bounces). ' +
        'The database is **shared by all Tencent Cloud accounts**: an address blocked because of another account\'s sends is blocked for you too. An address stays blocked for **14 days**.\n\n' +
        'To send to an address that you know is valid and active again:\n\n' +
        '- remove it in the SES console, or\n' +
        '- call `DeleteBlackList` with `{"EmailAddressList": ["user@example.com"]}` (`ListBlackEmailAddress` shows what is blocked and why).\n\n' +
        'If the address is valid but not in your own blocklist, another account has blocked it: submit a ticket to Tencent Cloud to have it removed.',
      zh: '腾讯云维护一个地址黑名单库，不会向其中的地址发信。它用于过滤恶意请求；为保护发信信誉，最近拒收过邮件（硬退信）的收件地址也会被加入。' +
        '该黑名单库**由所有腾讯云账号共享**：因其他账号发信而被拉黑的地址，对你同样生效。地址会被拦截 **14 天**。\n\n' +
        '如果确认地址有效且处于活跃状态，可以这样解除拦截：\n\n' +
        '- 在 SES 控制台中删除该地址，或\n' +
        '- 调用 `DeleteBlackList`，参数为 `{"EmailAddressList": ["user@example.com"]}`（`ListBlackEmailAddress` 可查看被拉黑的地址及原因）。\n\n' +
        '如果地址有效、却不在你自己的黑名单中，说明它是被其他账号拉黑的：请向腾讯云提交工单解除。',
    },
    links: [CONSOLE.ses, CONSOLE.ticket],
  },
];
