// The SES knowledge base: FAQ topics and every error and delivery status code, in English and
// Simplified Chinese, with lookups. Pure data: no connection, no file system, no vscode.
import type { ErrorCodeHelp, ErrorCodeSummary, FaqTopic, FaqTopicSummary } from '#common/knowledgeTypes';
import { adviceOf, CODE_ENTRIES, type CodeEntry } from './errorCodes';
import { FAQ_TOPICS, TENCENT_DOCS, type FaqTopicData } from './faq';
import { knowledgeLocale, type Bilingual, type KnowledgeLocale } from './locale';

export { FAQ_DOC_URL, TENCENT_DOCS, type TencentDocPage } from './faq';
export { knowledgeLocale, type Bilingual, type KnowledgeLocale } from './locale';

export type { CodeKind, ErrorCodeHelp, ErrorCodeSummary, FaqTopic, FaqTopicId, FaqTopicSummary } from '#common/knowledgeTypes';

const LABELS = {
  tencent: { en: 'Tencent\'s description', zh: '腾讯云说明' },
  next: { en: 'Next step', zh: '下一步' },
  kind: { en: 'Kind', zh: '类型' },
  api: { en: 'API error code (`Response.Error.Code`)', zh: 'API 错误码（`Response.Error.Code`）' },
  sendStatus: { en: '`SendStatus` of GetSendEmailStatus (Tencent Cloud\'s processing)', zh: 'GetSendEmailStatus 的 `SendStatus`（腾讯云处理状态）' },
  deliverStatus: { en: '`DeliverStatus` of GetSendEmailStatus (the recipient side)', zh: 'GetSendEmailStatus 的 `DeliverStatus`（收件方处理状态）' },
  faq: { en: 'FAQ', zh: '常见问题' },
  step: { en: 'see step {0} of the checklist', zh: '见清单第 {0} 步' },
  console: { en: 'Console', zh: '控制台' },
  parent: {
    en: 'Tencent does not document `{0}`; this is the help for its category `{1}`.',
    zh: '腾讯云未记载 `{0}`；以下是其所属类别 `{1}` 的说明。',
  },
} as const satisfies Record<string, Bilingual>;

/**
 * "Label: " in English, "标签：" in Chinese. A bold label keeps the colon outside the `**`: CommonMark
 * does not close `**` between a full-width colon and a Chinese character.
 */
function labelled(label: string, lang: KnowledgeLocale, bold = false): string {
  const text = bold ? `**${label}**` : label;
  return lang === 'zh' ? `${text}：` : `${text}: `;
}

function fill(text: string, ...args: Array<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

const TOPICS = new Map<string, FaqTopicData>(FAQ_TOPICS.map((topic) => [topic.id, topic]));

export function faqTopics(locale: string): FaqTopicSummary[] {
  const lang = knowledgeLocale(locale);
  return FAQ_TOPICS.map((topic) => ({ id: topic.id, title: topic.title[lang] }));
}

export function faqTopic(id: string, locale: string): FaqTopic | null {
  const topic = TOPICS.get(id);
  if (!topic) return null;
  const lang = knowledgeLocale(locale);
  const links = topic.links.map((link) => ({ title: link.title[lang], url: link.url }));
  const linkLine = links.length > 0 ? `\n\n${labelled(LABELS.console[lang], lang)}${links.map((l) => `[${l.title}](${l.url})`).join(' · ')}` : '';
  return {
    id: topic.id,
    title: topic.title[lang],
    body: topic.body[lang],
    links,
    markdown: `# ${topic.title[lang]}\n\n${topic.body[lang]}${linkLine}\n`,
    docUrl: TENCENT_DOCS[topic.doc ?? 'deliveryFaq'],
  };
}

const BY_CODE = new Map<string, CodeEntry>(CODE_ENTRIES.map((entry) => [entry.code.toLowerCase(), entry]));
const ORDER = new Map<CodeEntry, number>(CODE_ENTRIES.map((entry, i) => [entry, i]));

function summary(entry: CodeEntry, lang: KnowledgeLocale): ErrorCodeSummary {
  return { code: entry.code, kind: entry.kind, description: entry.description[lang] };
}

/**
 * Codes whose code or description (English or Chinese) contains every word of the query, best
 * matches first: the code itself, then codes starting with the query, then text matches in the
 * requested language. An empty query lists every code.
 */
export function searchErrorCodes(query: string, locale: string): ErrorCodeSummary[] {
  const lang = knowledgeLocale(locale);
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const q = words.join(' ');
  const scored: Array<[CodeEntry, number]> = [];
  for (const entry of CODE_ENTRIES) {
    const code = entry.code.toLowerCase();
    const own = entry.description[lang].toLowerCase();
    const other = entry.description[lang === 'en' ? 'zh' : 'en'].toLowerCase();
    if (!words.every((w) => code.includes(w) || own.includes(w) || other.includes(w))) continue;
    const score = code === q ? 0 : code.startsWith(q) || code.split('.').some((part) => part.startsWith(q)) ? 1 : code.includes(q) ? 2 : own.includes(q) ? 3 : 4;
    scored.push([entry, score]);
  }
  scored.sort(([a, sa], [b, sb]) => sa - sb || ORDER.get(a)! - ORDER.get(b)!);
  return scored.map(([entry]) => summary(entry, lang));
}

/** A word that looks like an API error code: `Name` or `Name.Sub`. */
const CODE_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*/g;
// Bounded runs: two unbounded runs around an optional separator backtrack quadratically over a long
// run of spaces or quotes, which froze the server for minutes on a pasted 1 MB text.
const STATUS = /\b(send|deliver)status\b["'\s]{0,8}[.:=]?["'\s]{0,8}(\d+)/i;
/** Segments of the longest documented code: a longer prefix of a token can be no documented parent. */
const MAX_CODE_SEGMENTS = Math.max(...CODE_ENTRIES.map((entry) => entry.code.split('.').length));
const MAX_CODE_LENGTH = 200;

/** The entry a text names: a bare code, or a code inside an error message, log line or JSON. */
function findEntry(text: string): { entry: CodeEntry; requested?: string } | undefined {
  const trimmed = text.trim();
  const exact = BY_CODE.get(trimmed.toLowerCase());
  if (exact) return { entry: exact };
  const status = STATUS.exec(trimmed);
  if (status) {
    const entry = BY_CODE.get(`${status[1]}status.${status[2]}`.toLowerCase());
    if (entry) return { entry };
  }
  if (/^\d{4}$/.test(trimmed)) {
    const entry = BY_CODE.get(`sendstatus.${trimmed}`);
    if (entry) return { entry };
  }
  let best: CodeEntry | undefined;
  let parent: { entry: CodeEntry; requested: string } | undefined;
  for (const [token] of trimmed.matchAll(CODE_TOKEN)) {
    const entry = BY_CODE.get(token.toLowerCase());
    if (entry && entry.kind === 'api') {
      // The most specific code wins: `FailedOperation.X` over a `FailedOperation` elsewhere in the text.
      if (!best || entry.code.split('.').length > best.code.split('.').length) best = entry;
      continue;
    }
    // An undocumented sub-code of a documented category, e.g. a code Tencent added later. Only
    // code-sized tokens: trying every prefix of a 1 MB token is quadratic.
    if (parent || token.length > MAX_CODE_LENGTH) continue;
    const segments = token.split('.');
    for (let n = Math.min(segments.length - 1, MAX_CODE_SEGMENTS); n >= 1 && !parent && segments.length > 1; n--) {
      const candidate = BY_CODE.get(segments.slice(0, n).join('.').toLowerCase());
      if (candidate?.kind === 'api') parent = { entry: candidate, requested: token };
    }
  }
  if (best && (!parent || best.code.includes('.'))) return { entry: best };
  return parent ?? (best ? { entry: best } : undefined);
}

/**
 * The help for an error or status code, found case-insensitively in `text` (a bare code or a whole
 * error message), or null when the text names no known code.
 */
export function explainErrorCode(text: string, locale: string): ErrorCodeHelp | null {
  const found = findEntry(text);
  if (!found) return null;
  const lang = knowledgeLocale(locale);
  const { entry, requested } = found;
  const advice = adviceOf(entry.group);
  const topic = faqTopic(advice.topic, lang)!;
  const step = 'step' in advice ? advice.step : undefined;
  const lines = [`# \`${requested ?? entry.code}\``, ''];
  if (requested) lines.push(`*${fill(LABELS.parent[lang], requested, entry.code)}*`, '');
  lines.push(
    `${labelled(LABELS.tencent[lang], lang, true)}${entry.description[lang]}`,
    '',
    `${labelled(LABELS.next[lang], lang, true)}${advice.next[lang]}`,
    '',
    `${labelled(LABELS.kind[lang], lang, true)}${LABELS[entry.kind][lang]}`,
    '',
    '---',
    '',
    `## ${labelled(LABELS.faq[lang], lang)}${topic.title}${step ? ` (${fill(LABELS.step[lang], step)})` : ''}`,
    '',
    topic.body,
  );
  if (topic.links.length > 0) lines.push('', `${labelled(LABELS.console[lang], lang)}${topic.links.map((l) => `[${l.title}](${l.url})`).join(' · ')}`);
  return {
    ...summary(entry, lang),
    nextStep: advice.next[lang],
    topic: { id: topic.id, title: topic.title },
    ...(step ? { step } : {}),
    ...(requested ? { requested } : {}),
    markdown: lines.join('\n') + '\n',
  };
}
