// The gallery of "SES: New Template": which starters exist, in which languages, with their subject
// and trigger type. Pure (no `vscode`), so the unit tests check every starter with the real checks.
// The starters' files live in media/starters/<language>/<id>.{ses.html,ses.txt,data.json}: read at
// run time from the extension folder, so ~60 KB of email HTML stays out of dist/client.js.

export type StarterId = 'verification-code' | 'order-receipt' | 'password-reset' | 'welcome' | 'newsletter' | 'event-invitation';
export type StarterLanguage = 'en' | 'zh-cn';
export type TriggerType = 'transactional' | 'marketing';

export interface Starter {
  readonly id: StarterId;
  readonly triggerType: TriggerType;
  /** The subject written to ses.config.json, per language; it may use the starter's variables. */
  readonly subject: Readonly<Record<StarterLanguage, string>>;
}

export const STARTER_LANGUAGES: readonly StarterLanguage[] = ['en', 'zh-cn'];

export const STARTERS: readonly Starter[] = [
  { id: 'verification-code', triggerType: 'transactional', subject: { en: 'Your Example Shop verification code', 'zh-cn': '示例商城邮箱验证码' } },
  { id: 'order-receipt', triggerType: 'transactional', subject: { en: 'Your Example Shop receipt for order {{order_id}}', 'zh-cn': '您的示例商城订单 {{order_id}} 收据' } },
  { id: 'password-reset', triggerType: 'transactional', subject: { en: 'Reset your Example Shop password', 'zh-cn': '重置您的示例商城密码' } },
  { id: 'welcome', triggerType: 'transactional', subject: { en: 'Welcome to Example Shop, {{first_name}}', 'zh-cn': '{{nickname}}，欢迎加入示例商城' } },
  { id: 'newsletter', triggerType: 'marketing', subject: { en: 'The Example Shop Journal: {{issue_month}}', 'zh-cn': '示例商城月刊 · {{issue_month}}' } },
  { id: 'event-invitation', triggerType: 'marketing', subject: { en: 'You are invited: {{event_name}}', 'zh-cn': '诚邀您参加：{{event_name}}' } },
];

/** The three files of a starter, relative to media/starters, and the file suffix each becomes. */
export function starterFiles(id: StarterId, language: StarterLanguage): Array<{ source: string; suffix: '.ses.html' | '.ses.txt' | '.data.json' }> {
  return (['.ses.html', '.ses.txt', '.data.json'] as const).map((suffix) => ({ source: `${language}/${id}${suffix}`, suffix }));
}

/** The starter language for VS Code's display language (`vscode.env.language`): Chinese for any zh-*, else English. */
export function defaultStarterLanguage(uiLanguage: string): StarterLanguage {
  return /^zh\b/i.test(uiLanguage) ? 'zh-cn' : 'en';
}
