// A wrong and a right example of every check, for the generated reference (docs/checks.md). The
// unit test docsReference.test.ts runs each through the real language service: the wrong example must
// get a finding of its check, the right one none, so an example cannot drift from the code.

/** Files of one template, by name (`welcome.ses.html`, `welcome.data.json`, `ses.config.json`). */
export type ExampleFiles = Readonly<Record<string, string>>;

export interface CheckExample {
  /** Files the check reports on. */
  readonly wrong?: ExampleFiles;
  /** The same template, fixed. */
  readonly right?: ExampleFiles;
  /** Instead of files, for checks whose trigger does not fit on a page (sizes in megabytes). */
  readonly note?: { readonly en: string; readonly zh: string };
}

const data = (json: Record<string, string>) => ({ 'welcome.data.json': JSON.stringify(json, null, 2) });
const page = (body: string, json: Record<string, string> = { name: 'Ada' }) => ({ 'welcome.ses.html': body, ...data(json) });
const config = (entry: Record<string, string>) => ({ 'ses.config.json': JSON.stringify({ templates: { welcome: entry } }, null, 2) });
const logo = (src: string, rest = 'alt="Example Shop" width="120" height="40"') => `<img src="${src}" ${rest}>`;
const LOGO = 'https://cdn.example.com/logo.png';
/** Enough fixed words for Tencent's review (50 for a transactional template). */
const STORY = '<p>Thank you for creating an account at Example Shop. Your account lets you follow your orders, keep a list of favourite products, save delivery addresses and receive the receipts of every purchase by email. If you did not create this account, write to our support team and we will close it within one working day.</p>';

export const CHECK_EXAMPLES: Readonly<Record<string, CheckExample>> = {
  'handlebars-syntax': { wrong: page('<p>Hello {{name</p>'), right: page('<p>Hello {{name}}</p>') },
  'tencent-dialect': {
    wrong: page('<p>{{#if vip}}Welcome back{{/if}}</p>', { vip: 'yes' }),
    right: page('<p>{{greeting}}</p>', { greeting: 'Welcome back' }),
  },
  'missing-variable': { wrong: page('<p>Hello {{name}}</p>', { nmae: 'Ada' }), right: page('<p>Hello {{name}}</p>', { name: 'Ada' }) },
  'variable-name': {
    wrong: page('<p>Hello {{first-name}}</p>', { 'first-name': 'Ada' }),
    right: page('<p>Hello {{first_name}}</p>', { first_name: 'Ada' }),
  },
  'foreign-placeholder': {
    wrong: page('<p>Hello *|FNAME|*</p>', { FNAME: 'Ada' }),
    right: page('<p>Hello {{FNAME}}</p>', { FNAME: 'Ada' }),
  },
  'variable-in-comment': {
    wrong: page('<!-- {{campaign}} -->\n<p>Hello {{name}}</p>'),
    right: page('<!-- campaign: spring -->\n<p>Hello {{name}}</p>'),
  },
  'spaces-in-braces': { wrong: page('<p>Hello {{ name }}</p>'), right: page('<p>Hello {{name}}</p>') },
  'no-data-set': { wrong: { 'welcome.ses.html': '<p>Hello {{name}}</p>' }, right: page('<p>Hello {{name}}</p>') },
  'image-missing-src': { wrong: page('<img alt="Example Shop" width="120" height="40">'), right: page(logo(LOGO)) },
  'image-relative-url': { wrong: page(logo('images/logo.png')), right: page(logo(LOGO)) },
  'image-data-uri': { wrong: page(logo('data:image/png;base64,iVBORw0KGgo=')), right: page(logo(LOGO)) },
  'image-insecure-url': { wrong: page(logo('http://cdn.example.com/logo.png')), right: page(logo(LOGO)) },
  'image-malformed-url': { wrong: page(logo('htps://cdn.example.com/logo.png')), right: page(logo(LOGO)) },
  'image-svg': { wrong: page(logo('https://cdn.example.com/logo.svg')), right: page(logo(LOGO)) },
  'image-missing-alt': { wrong: page(logo(LOGO, 'width="120" height="40"')), right: page(logo(LOGO)) },
  'image-missing-size': { wrong: page(logo(LOGO, 'alt="Example Shop"')), right: page(logo(LOGO)) },
  'image-css-background': {
    wrong: page('<table><tr><td style="background-image: url(https://cdn.example.com/hero.png)">Spring is here</td></tr></table>'),
    right: page('<table><tr><td style="background-color: #f4efe6">Spring is here</td></tr></table>'),
  },
  'too-many-images': {
    note: {
      en: 'An HTML part with 51 or more `<img>` elements; the finding is at the 51st. Merge images, or move some to a web page the email links to.',
      zh: 'HTML 部分包含 51 个或更多 `<img>` 元素；问题标在第 51 个图片处。请合并图片，或把部分图片移到邮件所链接的网页上。',
    },
  },
  'image-heavy-email': {
    wrong: page(logo('https://cdn.example.com/spring-sale.png', 'alt="Spring sale" width="600" height="800"')),
    right: page(logo('https://cdn.example.com/spring-sale.png', 'alt="Spring sale" width="600" height="300"') + STORY),
  },
  'link-empty': { wrong: page('<a href="#">Read more</a>'), right: page('<a href="https://example.com/news">Read more</a>') },
  'link-javascript': { wrong: page('<a href="javascript:void(0)">Read more</a>'), right: page('<a href="https://example.com/news">Read more</a>') },
  'link-insecure': { wrong: page('<a href="http://example.com/news">Read more</a>'), right: page('<a href="https://example.com/news">Read more</a>') },
  'link-malformed': { wrong: page('<a href="htps://example.com/news">Read more</a>'), right: page('<a href="https://example.com/news">Read more</a>') },
  'link-shortener': { wrong: page('<a href="https://bit.ly/3xYz1">Spring sale</a>'), right: page('<a href="https://example.com/spring-sale">Spring sale</a>') },
  'link-text-mismatch': {
    wrong: page('<a href="https://login.example.net/">https://bank.example.com/</a>'),
    right: page('<a href="https://bank.example.com/">https://bank.example.com/</a>'),
  },
  'link-invalid-mailto': { wrong: page('<a href="mailto:support">Write to us</a>'), right: page('<a href="mailto:support@example.com">Write to us</a>') },
  'advertising-wording': { wrong: page('<p>Click here for a free gift!</p>'), right: page('<p>Your order has shipped.</p>') },
  'review-refused-wording': { wrong: page('<p>Win the lottery today.</p>'), right: page('<p>Your order has shipped.</p>') },
  'shouting-subject': {
    wrong: { ...page('<p>Hello {{name}}</p>'), ...config({ subject: 'YOUR ORDER HAS SHIPPED' }) },
    right: { ...page('<p>Hello {{name}}</p>'), ...config({ subject: 'Your order has shipped' }) },
  },
  'missing-unsubscribe': {
    wrong: { ...page('<p>Our spring collection is here.</p>'), ...config({ subject: 'Spring collection', triggerType: 'marketing' }) },
    right: {
      ...page('<p>Our spring collection is here.</p><p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>'),
      ...config({ subject: 'Spring collection', triggerType: 'marketing' }),
    },
  },
  'too-little-text': { wrong: page('<p>Hello {{name}}</p>'), right: page('<p>Hello {{name}},</p>' + STORY) },
  'html-script': {
    wrong: page('<p>Hello {{name}}</p><script src="https://example.com/track.js"></script>'),
    right: page('<p>Hello {{name}}</p>'),
  },
  'unsupported-html': {
    wrong: page('<iframe src="https://example.com/survey"></iframe>'),
    right: page('<a href="https://example.com/survey">Answer the survey</a>'),
  },
  'client-support': {
    wrong: page('<form action="https://example.com/survey"><input name="score"></form>'),
    right: page('<a href="https://example.com/survey">Answer the survey</a>'),
  },
  'missing-text-part': {
    wrong: page('<p>Hello {{name}}</p>'),
    right: { ...page('<p>Hello {{name}}</p>'), 'welcome.ses.txt': 'Hello {{name}}' },
  },
  'html-too-large': {
    note: {
      en: 'An HTML part over 102 KB (102,400 bytes as UTF-8); the finding is where Gmail clips the message. Move long content to a web page, remove unused CSS, or minify the HTML.',
      zh: 'HTML 部分超过 102 KB（UTF-8 编码 102,400 字节）；问题标在 Gmail 截断邮件的位置。请把长内容移到网页上、删除未使用的 CSS，或压缩 HTML。',
    },
  },
  'email-too-large': {
    note: {
      en: 'HTML and text parts together over 4 MB: Tencent SES refuses to send the email. Link to large images and files instead of embedding them.',
      zh: 'HTML 和文本部分合计超过 4 MB：腾讯云 SES 拒绝发送该邮件。请链接大图片和文件，而不是嵌入它们。',
    },
  },
  'invalid-data-file': {
    wrong: { 'welcome.ses.html': '<p>Hello {{name}}</p>', 'welcome.data.json': '{ "name": "Ada" "city": "Paris" }' },
    right: { 'welcome.ses.html': '<p>Hello {{name}}</p>', 'welcome.data.json': '{ "name": "Ada", "city": "Paris" }' },
  },
  'invalid-config': {
    wrong: { ...page('<p>Hello {{name}}</p>'), 'ses.config.json': JSON.stringify({ welcome: { subject: 'Welcome, {{name}}' } }, null, 2) },
    right: { ...page('<p>Hello {{name}}</p>'), ...config({ subject: 'Welcome, {{name}}' }) },
  },
  'unused-data-key': { wrong: page('<p>Hello {{name}}</p>', { name: 'Ada', coupon: 'SPRING10' }), right: page('<p>Hello {{name}}</p>', { name: 'Ada' }) },
  'complex-value': {
    wrong: { 'welcome.ses.html': '<p>Hello {{name}}</p>', 'welcome.data.json': '{ "name": { "first": "Ada" } }' },
    right: { 'welcome.ses.html': '<p>Hello {{name}}</p>', 'welcome.data.json': '{ "name": "Ada" }' },
  },
  'html-in-value': { wrong: page('<p>Hello {{name}}</p>', { name: '<b>Ada</b>' }), right: page('<p>Hello <b>{{name}}</b></p>', { name: 'Ada' }) },
  'non-string-value': {
    wrong: { 'welcome.ses.html': '<p>You have {{points}} points</p>', 'welcome.data.json': '{ "points": 120 }' },
    right: { 'welcome.ses.html': '<p>You have {{points}} points</p>', 'welcome.data.json': '{ "points": "120" }' },
  },
  'template-data-too-large': {
    note: {
      en: 'A data set over 800 bytes as compact JSON (e.g. a long product description in one value). Keep long fixed text in the template and send only what changes per recipient.',
      zh: '数据集按紧凑 JSON 计算超过 800 字节（例如一个值中放了很长的商品介绍）。请把固定的长文本写在模板中，只发送随收件人变化的内容。',
    },
  },
  'too-large-to-check': {
    note: {
      en: 'A file over 2 million characters, or with over 100 nested blocks, is not analysed; the notice is at its start. Email templates this large are clipped or refused anyway.',
      zh: '超过 200 万个字符或嵌套超过 100 层块的文件不会被分析；提示位于文件开头。这么大的邮件模板反正会被截断或拒绝。',
    },
  },
  'unused-suppression': {
    wrong: page('<!-- ses-disable-next-line image-missing-alt -->\n<p>Hello {{name}}</p>'),
    right: page('<!-- ses-disable-next-line image-missing-alt -->\n<img src="https://cdn.example.com/spacer.png" width="600" height="20">'),
  },
  'a11y-missing-lang': {
    wrong: page('<!DOCTYPE html>\n<html>\n<head><title>Welcome</title></head>\n<body><p>Hello {{name}}</p></body>\n</html>'),
    right: page('<!DOCTYPE html>\n<html lang="en">\n<head><title>Welcome</title></head>\n<body><p>Hello {{name}}</p></body>\n</html>'),
  },
  'a11y-missing-title': {
    wrong: page('<html lang="en">\n<head><meta charset="utf-8"></head>\n<body><p>Hello {{name}}</p></body>\n</html>'),
    right: page('<html lang="en">\n<head><meta charset="utf-8"><title>Welcome to Example Shop</title></head>\n<body><p>Hello {{name}}</p></body>\n</html>'),
  },
  'a11y-layout-table': {
    wrong: page('<table width="600"><tr><td>Hello {{name}}</td></tr></table>'),
    right: page('<table role="presentation" width="600"><tr><td>Hello {{name}}</td></tr></table>'),
  },
  'a11y-heading-order': { wrong: page('<h1>Your order</h1>\n<h3>Items</h3>'), right: page('<h1>Your order</h1>\n<h2>Items</h2>') },
  'a11y-link-text': {
    wrong: page('<p>To track your parcel, <a href="https://example.com/track">click here</a>.</p>'),
    right: page('<p><a href="https://example.com/track">Track your parcel</a></p>'),
  },
  'a11y-alt-text': { wrong: page(logo(LOGO, 'alt="logo_final.png" width="120" height="40"')), right: page(logo(LOGO)) },
  'a11y-contrast': { wrong: page('<p style="color:#999999">Unsubscribe at any time</p>'), right: page('<p style="color:#595959">Unsubscribe at any time</p>') },
  'a11y-small-text': {
    wrong: page('<p style="font-size:12px;color:#333333">Example Shop Ltd., 88 Harbour Road, Shenzhen.</p>'),
    right: page('<p style="font-size:14px;color:#333333">Example Shop Ltd., 88 Harbour Road, Shenzhen.</p>'),
  },
  'dark-mode-logo': {
    wrong: page('<table role="presentation" width="100%"><tr><td bgcolor="#ffffff">' + logo('https://cdn.example.com/logo-dark.png') + '</td></tr></table>'),
    right: page('<style>@media (prefers-color-scheme: dark) { .light-logo { display: none !important; } .dark-logo { display: block !important; } }</style>\n'
      + '<table role="presentation" width="100%"><tr><td bgcolor="#ffffff">' + logo('https://cdn.example.com/logo-dark.png', 'class="light-logo" alt="Example Shop" width="120" height="40"')
      + logo('https://cdn.example.com/logo-white.png', 'class="dark-logo" style="display:none" alt="Example Shop" width="120" height="40"') + '</td></tr></table>'),
  },
  'dark-mode-text-color': {
    wrong: page('<body style="color:#333333"><p>Your order has shipped.</p></body>'),
    right: page('<body style="color:#333333;background-color:#ffffff"><p>Your order has shipped.</p></body>'),
  },
};
