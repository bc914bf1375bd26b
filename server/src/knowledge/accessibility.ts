// The help of the accessibility checks, in English and Simplified Chinese: what the reader meets, and
// how to fix it, with the WCAG criterion behind each. Shown by the hover of their diagnostics, as the
// FAQ topics are for the deliverability checks; Tencent's FAQ says nothing about accessibility.
import { knowledgeLocale, type Bilingual } from './locale';

export interface AccessibilityGuide {
  readonly title: string;
  /** Markdown, without a heading. */
  readonly body: string;
  /** The W3C "Understanding" page of the WCAG criterion. */
  readonly url: string;
  readonly criterion: string;
}

interface GuideData {
  readonly title: Bilingual;
  readonly body: Bilingual;
  readonly criterion: string;
  readonly url: string;
}

const UNDERSTANDING = 'https://www.w3.org/WAI/WCAG21/Understanding/';

const GUIDES: Readonly<Record<string, GuideData>> = {
  'a11y-missing-lang': {
    title: { en: 'The language of the email', zh: '邮件的语言' },
    criterion: '3.1.1',
    url: UNDERSTANDING + 'language-of-page.html',
    body: {
      en: 'Screen readers pick their voice and pronunciation from `lang`. Without it they use the reader\'s default: a Chinese email read by an English voice is spelled out character by character.\n\n' +
        '**Fix:** `<html lang="zh-CN">` (or `en`, …). A passage in another language can carry its own `lang`, e.g. `<span lang="en">`.',
      zh: '屏幕阅读器根据 `lang` 选择语音和发音。没有它时会使用读者的默认语言：用英文语音朗读中文邮件时，只能逐字拼读。\n\n' +
        '**修正：** `<html lang="zh-CN">`（或 `en` 等）。其他语言的段落可以单独标注，例如 `<span lang="en">`。',
    },
  },
  'a11y-layout-table': {
    title: { en: 'Layout tables', zh: '布局表格' },
    criterion: '1.3.1',
    url: UNDERSTANDING + 'info-and-relationships.html',
    body: {
      en: 'Email layouts are built from tables. Screen readers announce every table ("table, 3 rows, 2 columns") and move through it cell by cell, unless the table says it is only for layout.\n\n' +
        '**Fix:** `<table role="presentation">` on every table that places content. A table of data (an order\'s items) keeps its semantics: give it header cells `<th>`.',
      zh: '邮件布局由表格搭建。屏幕阅读器会播报每个表格（“表格，3 行 2 列”）并逐个单元格朗读，除非表格声明自己只用于布局。\n\n' +
        '**修正：** 所有用于排版的表格加上 `<table role="presentation">`。承载数据的表格（如订单商品）保留表格语义：为它写表头单元格 `<th>`。',
    },
  },
  'a11y-missing-title': {
    title: { en: 'The title of the email', zh: '邮件的标题' },
    criterion: '2.4.2',
    url: UNDERSTANDING + 'page-titled.html',
    body: {
      en: 'When an email opens in a browser ("view online") or in a web view, screen readers announce its `<title>` first; without one they read "untitled" or the file name.\n\n' +
        '**Fix:** `<title>` in `<head>`, usually the subject: `<title>{{subject}}</title>` or the literal subject.',
      zh: '邮件在浏览器（“在线查看”）或网页视图中打开时，屏幕阅读器会先播报 `<title>`；没有标题时会读出“无标题”或文件名。\n\n' +
        '**修正：** 在 `<head>` 中写 `<title>`，通常就是邮件主题：`<title>{{subject}}</title>` 或主题原文。',
    },
  },
  'a11y-heading-order': {
    title: { en: 'Heading levels', zh: '标题层级' },
    criterion: '1.3.1',
    url: UNDERSTANDING + 'info-and-relationships.html',
    body: {
      en: 'Screen-reader users jump through an email by its headings, and the levels tell them its outline. A heading two levels below the previous one (`<h1>` then `<h3>`) reads as if a section were missing.\n\n' +
        '**Fix:** go down one level at a time; pick the level by structure and set the size with CSS (`font-size`).',
      zh: '屏幕阅读器用户通过标题在邮件中跳转，标题层级就是邮件的大纲。比上一个标题低两级的标题（`<h1>` 之后直接 `<h3>`）会让人以为漏掉了一节。\n\n' +
        '**修正：** 每次只下降一级；按结构选择层级，用 CSS（`font-size`）设置字号。',
    },
  },
  'a11y-link-text': {
    title: { en: 'Link text that says where it goes', zh: '说明去向的链接文字' },
    criterion: '2.4.4',
    url: UNDERSTANDING + 'link-purpose-in-context.html',
    body: {
      en: 'Screen-reader users often bring up the list of an email\'s links and hear only their text: five links called "click here" or "更多" are five guesses.\n\n' +
        '**Fix:** say where the link goes: "View your order", "查看订单详情", "Read the full story". If the visible text must stay short, add `aria-label` with the full text.',
      zh: '屏幕阅读器用户常常调出邮件的链接列表，只听到链接文字：五个“点击这里”或“更多”就是五次猜测。\n\n' +
        '**修正：** 写明链接去向：“查看订单详情”“阅读全文”“View your order”。如果可见文字必须简短，用 `aria-label` 写出完整说明。',
    },
  },
  'a11y-alt-text': {
    title: { en: 'Alt text that describes the image', zh: '描述图片的替代文本' },
    criterion: '1.1.1',
    url: UNDERSTANDING + 'non-text-content.html',
    body: {
      en: 'Alt text stands in for the image, for screen readers and in every client that blocks images. A file name (`banner_final.png`) is read out letter by letter; the same words as the text beside the image are read twice.\n\n' +
        '**Fix:** describe what the image shows or does ("Example Shop", "Sale: 30% off tea sets"); write `alt=""` for a decorative image or one that only repeats the text next to it.',
      zh: '替代文本代替图片：供屏幕阅读器朗读，也在屏蔽图片的客户端中显示。文件名（`banner_final.png`）会被逐个字母读出；与图片旁文字相同的替代文本会被读两遍。\n\n' +
        '**修正：** 描述图片显示的内容或作用（“Example Shop 标志”“茶具七折”）；装饰性图片或只重复旁边文字的图片写 `alt=""`。',
    },
  },
  'a11y-contrast': {
    title: { en: 'Colour contrast', zh: '颜色对比度' },
    criterion: '1.4.3',
    url: UNDERSTANDING + 'contrast-minimum.html',
    body: {
      en: 'WCAG AA asks for a contrast ratio of at least **4.5:1** between text and its background, and **3:1** for large text (24 px, or 18.66 px bold). Light grey footers and white text on pastel buttons usually fall short: readers with low vision, and anyone on a phone in daylight, cannot read them.\n\n' +
        'The check computes the ratio from inline `color`, `background(-color)`, `bgcolor` and `<font color>`. It says nothing where a `<style>` rule, a background image or a `{{variable}}` may change the colours.\n\n' +
        '**Fix:** darken the text or the background until the ratio is met (e.g. `#767676` is the lightest grey that passes on white).',
      zh: 'WCAG AA 要求文字与背景的对比度至少为 **4.5:1**，大号文字（24 px，或 18.66 px 粗体）至少为 **3:1**。浅灰色页脚、浅色按钮上的白字通常达不到：弱视读者，以及在阳光下看手机的人都难以看清。\n\n' +
        '此检查根据行内 `color`、`background(-color)`、`bgcolor` 和 `<font color>` 计算对比度；若 `<style>` 规则、背景图片或 `{{变量}}` 可能改变颜色，则不做判断。\n\n' +
        '**修正：** 加深文字或背景颜色，直到满足对比度（例如 `#767676` 是白底上最浅的合格灰色）。',
    },
  },
  'a11y-small-text': {
    title: { en: 'Text size', zh: '文字大小' },
    criterion: '1.4.4',
    url: UNDERSTANDING + 'resize-text.html',
    body: {
      en: 'Most email is read on phones. Text below **14 px** is hard to read there and for readers with low vision, and iOS Mail enlarges small text on its own, which can break a fixed layout. ' +
        'WCAG itself sets no minimum size (criterion 1.4.4 asks that text can be enlarged); 14 px is the minimum that email accessibility guides give.\n\n' +
        '**Fix:** at least `font-size:14px` for text people need to read (16 px for the main text); keep smaller sizes for hidden preheaders only.',
      zh: '大多数邮件是在手机上阅读的。小于 **14 px** 的文字在手机上、对弱视读者都难以阅读，而且 iOS 邮件会自行放大小字号，可能打乱固定布局。' +
        'WCAG 本身没有规定最小字号（准则 1.4.4 要求文字可以放大）；14 px 是邮件无障碍指南给出的下限。\n\n' +
        '**修正：** 需要阅读的文字至少 `font-size:14px`（正文建议 16 px）；更小的字号只用于隐藏的预览文字。',
    },
  },
};

/** The help of accessibility check `id` in the editor's language, or undefined for another check. */
export function accessibilityGuide(id: string, locale: string): AccessibilityGuide | undefined {
  const guide = GUIDES[id];
  if (!guide) return undefined;
  const lang = knowledgeLocale(locale);
  return { title: guide.title[lang], body: guide.body[lang], url: guide.url, criterion: guide.criterion };
}

/** The W3C page that explains the rule of accessibility check `id`. */
export function accessibilityGuideUrl(id: string): string | undefined {
  return GUIDES[id]?.url;
}
