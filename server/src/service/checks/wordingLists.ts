// The curated wording lists of the advertising-wording and review-refused-wording checks.
//
// Sources: the SES FAQ ("Tencent Exmail blocks advertising emails. Do not contain advertising content in
// your email subject and content unless necessary") and Tencent's template review, which refuses
// lottery, gambling, top-up rebate and phishing content. The lists hold wording that is advertising
// or refused in itself, not wording any legitimate email uses: loyalty-programme wording such as
// 积分 (points), 兑换 (redeem), 会员 (member) or 权益 (benefits) describes the recipient's account and is
// not listed, nor are "discount", "sale" or "% off" (receipts and welcome codes use them).
//
// English entries are matched case-insensitively as whole words, with any whitespace between words;
// Chinese entries as substrings. Users add their own advertising words with `sesStudio.advertisingWords`.

export interface WordList {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

/** Advertising wording: a warning, since Tencent Exmail blocks advertising emails. */
export const ADVERTISING_WORDS: WordList = {
  en: [
    'free', 'for free', 'free gift', 'free trial', 'limited time', 'limited-time', 'act now', 'winner', 'you have won',
    '100% off', 'buy now', 'order now', 'shop now', 'best price', 'lowest price', 'cash bonus',
    'special promotion', 'once in a lifetime', "don't miss out", 'last chance', 'clearance', 'flash sale',
  ],
  zh: [
    '广告', '促销', '限时', '免费', '优惠券', '中奖', '点击领取', '秒杀', '抢购', '特价', '清仓', '甩卖', '跳楼价',
    '最低价', '折起', '包邮', '领红包', '立即购买', '马上抢', '不容错过', '错过再等',
    // Variants of the calls to buy above, as shop newsletters write them.
    '立刻购买', '马上购买', '赶快购买', '赶紧购买', '立即抢', '买一送一', '疯抢', '爆款', '大促',
  ],
};

/** Wording Tencent's template review refuses: lottery, gambling, top-up rebates, fake orders, phishing. */
export const REFUSED_WORDS: WordList = {
  en: [
    'lottery', 'casino', 'betting', 'gambling', 'sports betting', 'baccarat', 'recharge bonus', 'top-up bonus', 'top up bonus',
    'verify your account', 'confirm your account details', 'your account will be suspended', 'your account has been suspended',
    'your account will be closed', 'update your payment details',
  ],
  zh: [
    '彩票', '博彩', '赌博', '赌场', '赌球', '百家乐', '六合彩', '时时彩', '下注', '充值返利', '充值返现', '充值送', '刷单',
    '验证您的账户', '验证你的账户', '验证您的帐户', '账户将被冻结', '账户将被停用', '帐户将被冻结',
  ],
};

/** What an account notice counts as free: "your free plan", "free storage", "free reports". */
const FREE_QUOTA = ['plan', 'plans', 'tier', 'account', 'version', 'edition', 'storage', 'seat', 'seats', 'credit', 'credits', 'report', 'reports', 'quota', 'minutes', 'days', 'remaining', 'left'].join('|');

/** What a notice warns the recipient not to miss: "don't miss out on any reports" is a usage alert, not an offer. */
const NOTICES = ['report', 'reports', 'email', 'emails', 'update', 'updates', 'notification', 'notifications', 'alert', 'alerts', 'message', 'messages', 'invoice', 'invoices', 'statement', 'statements'].join('|');

/**
 * Listed terms that are no offer in some contexts (by lower-case term): what may not come right before
 * the term (`notPrecededBy`: look-behinds, placed after the word so that they run only where it matched)
 * and what may not follow it (`notFollowedBy`).
 */
const NOT_AN_OFFER: ReadonlyMap<string, { readonly notPrecededBy?: string; readonly notFollowedBy: string }> = new Map([
  // "feel free", "toll-free" and "hands-free" (the word boundary), and a quota or a plan in an account
  // notice: "1 free report remaining", "3 free seats", "your free plan".
  ['free', { notPrecededBy: '(?<!feel\\s+free)(?<!\\d\\s{0,3}free)', notFollowedBy: `(?!\\s+(?:${FREE_QUOTA})(?![\\w-]))` }],
  // A usage alert's "don't miss out on any reports".
  ["don't miss out", { notFollowedBy: `(?!\\s+on\\s+(?:any\\s+|your\\s+)?(?:${NOTICES})(?![\\w-]))` }],
]);

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One term as a regular expression source: a CJK term as is, other terms as whole words, any whitespace between words. */
function termSource(term: string): string {
  const trimmed = term.trim();
  const body = trimmed.split(/\s+/).map(escape).join('\\s+');
  if (CJK.test(term)) return body;
  const start = /^\w/.test(trimmed) ? '(?<![\\w-])' : '';
  const end = /\w$/.test(trimmed) ? '(?![\\w-])' : '';
  const context = NOT_AN_OFFER.get(trimmed.toLowerCase());
  return start + body + (context?.notPrecededBy ?? '') + end + (context?.notFollowedBy ?? '');
}

/** One expression for all `terms` (and `extra`), longest first so that "free trial" wins over "free". */
const patterns = new WeakMap<WordList, Map<string, RegExp | undefined>>();

/**
 * One regular expression for a list and the user's extra words, built once per combination
 * (compiling the alternation costs more than running it over a template).
 */
export function wordPattern(list: WordList, extra: readonly string[] = []): RegExp | undefined {
  let byExtra = patterns.get(list);
  if (!byExtra) patterns.set(list, (byExtra = new Map()));
  const key = extra.join('\u0000');
  if (!byExtra.has(key)) {
    if (byExtra.size > 16) byExtra.clear(); // settings changed many times: start over
    byExtra.set(key, buildPattern(list, extra));
  }
  return byExtra.get(key);
}

function buildPattern(list: WordList, extra: readonly string[]): RegExp | undefined {
  const terms = [...new Set([...list.en, ...list.zh, ...extra].map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return undefined;
  try {
    return new RegExp(terms.map(termSource).join('|'), 'giu');
  } catch {
    // Whatever the user's words do to the expression, the curated list still runs.
    return extra.length > 0 ? buildPattern(list, []) : undefined;
  }
}
