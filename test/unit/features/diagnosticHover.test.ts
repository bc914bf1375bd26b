import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { MarkupContent } from 'vscode-languageserver-types';
import { FAQ_DOC_URL, faqTopic, TENCENT_DOCS } from '../../../server/src/knowledge';
import { CHECKS } from '../../../server/src/service/checks';
import { hover } from '../../../server/src/service/features';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { loadServerL10n } from '../../../server/src/serverL10n';
import { marked } from './fixtures';

const L10N_DIR = path.join(__dirname, '..', '..', '..', '..', 'l10n');

/** The checks these tests look at (the registry grows; other checks would add their own topics). */
const IDS = new Set(['missing-variable', 'unused-data-key', 'complex-value', 'tencent-dialect', 'link-shortener', 'image-relative-url', 'image-missing-alt', 'image-missing-size', 'image-insecure-url', 'link-insecure', 'invalid-data-file']);
const SOME_CHECKS = CHECKS.filter((check) => IDS.has(check.meta.id));

/** The hover at ‸ with the diagnostics of a validation, as the server computes it. */
function hoverAt(files: Record<string, string>, locale?: string) {
  const fixture = marked(files);
  const all = createLanguageService(SOME_CHECKS).validate(fixture.project, DEFAULT_SETTINGS);
  const diagnostics = all.get(fixture.uri) ?? [];
  const result = hover(fixture.project, fixture.uri, fixture.position, { diagnostics, locale, related: all });
  return { result, text: (result?.contents as MarkupContent | undefined)?.value ?? '', fixture };
}

const GOOD_IMG = '<img src="https://cdn.example.com/logo.png" alt="Logo" width="120" height="40">';

describe('hover: FAQ help of diagnostics and <img>', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('on a data value refused by Tencent: the send-failures topic with the FAQ link', () => {
    const { result, text, fixture } = hoverAt({ 'welcome.data.json': '{\n  "name": «{"fi‸rst": "A"}»,\n  "code": "1"\n}\n' });
    assert.ok(result);
    assert.match(text, /\*\*FAQ: Why a send fails: the checklist\*\*/);
    assert.ok(text.includes(`[Tencent Cloud SES FAQ](${FAQ_DOC_URL})`));
    assert.deepEqual(result.range, fixture.ranges('welcome.data.json')[0]);
  });

  it('on a Handlebars comment: tencent-dialect is a send failure too', () => {
    const { text } = hoverAt({ 'welcome.ses.txt': 'Hi {{!-- no‸te --}}' });
    assert.match(text, /FAQ: Why a send fails/);
  });

  it('on a link through a shortener: the Exmail topic, after the variable hover when both apply', () => {
    const { text } = hoverAt({ 'welcome.ses.html': '<p>{{name}} {{code}} <a href="https://bit.ly/a‸bc">offer</a></p>' });
    assert.match(text, /FAQ: Blocked by Tencent Exmail/);
  });

  it('on a diagnostic of a check without a topic, or outside diagnostics: nothing', () => {
    assert.equal(hoverAt({ 'welcome.data.json': '{\n  "name": "A",\n  "code": "1",\n  "unu‸sed": "x"\n}\n' }).text.includes('FAQ'), false);
    assert.equal(hoverAt({ 'welcome.ses.html': '<p>He‸llo {{name}} {{code}}</p>' }).result, null);
  });

  it('on <img>: the image checklist and what this image\'s checks found, not those of other images', () => {
    const { result, text, fixture } = hoverAt({
      'welcome.ses.html': `<p>{{name}} {{code}}</p>«<i‸mg src="images/logo.png">»\n${GOOD_IMG.replace(' alt="Logo"', '')}`,
    });
    assert.ok(result);
    assert.deepEqual(result.range, fixture.ranges('welcome.ses.html')[0]);
    assert.match(text, /\*\*FAQ: Images are not displayed\*\*/);
    assert.match(text, /1\. \*\*The image URL\.\*\*/);
    assert.match(text, /What the checks found for this image:/);
    assert.match(text, /\(`image-relative-url`\)/);
    assert.equal(text.match(/\(`image-missing-alt`\)/g)?.length, 1, 'the other image\'s finding is not shown');
    assert.match(text, /\(`image-missing-size`\)/);
    assert.equal(text.match(/FAQ: Images are not displayed/g)?.length, 1, 'the topic once, not again for each diagnostic');
  });

  it('on a clean <img>: the checklist and that nothing was found', () => {
    const { text } = hoverAt({ 'welcome.ses.html': `<p>{{name}} {{code}} some text around the logo</p>${GOOD_IMG.replace('<img', '<im‸g')}` });
    assert.match(text, /FAQ: Images are not displayed/);
    assert.match(text, /No image check found a problem with this image\./);
  });

  it('speaks Simplified Chinese, with the knowledge base in the given locale', () => {
    const contents = loadServerL10n('zh-cn', L10N_DIR);
    assert.ok(contents);
    l10n.config({ contents });
    const img = hoverAt({ 'welcome.ses.html': '<p>{{name}} {{code}}</p><i‸mg src="images/logo.png">' }, 'zh-cn').text;
    assert.match(img, /\*\*常见问题：邮件中的图片不显示\*\*/);
    assert.match(img, /请按顺序检查以下三项/);
    assert.match(img, /检查发现的这张图片的问题：/);
    assert.ok(img.includes(`[腾讯云 SES 常见问题](${FAQ_DOC_URL})`));
    const data = hoverAt({ 'welcome.data.json': '{\n  "name": {"fi‸rst": "A"},\n  "code": "1"\n}\n' }, 'zh-cn').text;
    assert.match(data, /常见问题：发送失败的排查清单/);
  });
});

describe('hover: what the checks found about a variable\'s value', () => {
  const BANNER = { 'welcome.ses.html': '<p>{{name}} {{code}}</p><img src="{{ban‸ner}}" alt="Banner" width="600" height="200"> <a href="{{link}}">Shop</a>' };
  const DATA = '{\n  "name": "A",\n  "code": "1",\n  "banner": "http://cdn.example.com/b.png",\n  "link": "https://shop.example.com/"\n}\n';

  it('on a use: the findings of its tag, naming the data set whose value is at fault', () => {
    const { text } = hoverAt({ ...BANNER, 'welcome.data.json': DATA });
    assert.match(text, /Template variable `\{\{banner\}\}`/);
    assert.match(text, /\*\*What the checks found about its value:\*\*\n\n- .*\(with data set default\).* \(`image-insecure-url`\)/);
    assert.match(text, /FAQ: Images are not displayed/, 'and the topic of the diagnostic under the cursor');
  });

  it('on a data key: the findings where the template reads it', () => {
    const { text } = hoverAt({ 'welcome.ses.html': BANNER['welcome.ses.html'].replace('‸', ''), 'welcome.data.json': DATA.replace('"banner"', '"ban‸ner"') });
    assert.match(text, /What the checks found about its value:\*\*\n\n- .*\(`image-insecure-url`\)/);
    assert.equal(text.match(/image-insecure-url/g)?.length, 1);
  });

  it('on a variable whose every value passes, or another variable: no such list', () => {
    const clean = hoverAt({ ...BANNER, 'welcome.data.json': DATA.replace('http://', 'https://') }).text;
    assert.match(clean, /Template variable `\{\{banner\}\}`/);
    assert.doesNotMatch(clean, /about its value/);
    const other = hoverAt({ 'welcome.ses.html': BANNER['welcome.ses.html'].replace('‸', '').replace('{{link}}', '{{li‸nk}}'), 'welcome.data.json': DATA }).text;
    assert.doesNotMatch(other, /about its value/, 'the banner\'s finding is not the link\'s');
  });

  it('leaves out what the variable hover states itself (a data set lacking the key)', () => {
    const { text } = hoverAt({ ...BANNER, 'welcome.data.json': DATA, 'welcome.data.zh.json': '{"name": "小明", "code": "2", "link": "https://x.cn/"}' });
    assert.match(text, /Missing in: zh/);
    assert.doesNotMatch(text, /`missing-variable`/);
  });

  it('a data set that is not valid JSON is "not readable", not "missing"', () => {
    const { text } = hoverAt({ 'welcome.ses.html': '<p>{{name}} {{co‸de}}</p>', 'welcome.data.zh.json': '{"name": "小明",' });
    assert.doesNotMatch(text, /Missing in/);
    assert.match(text, /Not readable until its JSON is fixed: zh/);
  });
});

describe('Tencent documentation links of diagnostics', () => {
  const hrefOf = (files: Record<string, string>, code: string) =>
    createLanguageService(CHECKS).validate(marked(files).project, DEFAULT_SETTINGS).get(marked(files).uri)?.find((d) => d.code === code)?.codeDescription?.href;

  it('link each check to the page that states its rule', () => {
    assert.equal(hrefOf({ 'welcome.ses.html': '<p>{{name}} {{code}}</p><img‸ src="a.png">' }, 'image-relative-url'), TENCENT_DOCS.deliveryFaq);
    assert.equal(hrefOf({ 'welcome.ses.html': '<p>{{name}} {{code}}</p><p>Hi‸</p>' }, 'too-little-text'), TENCENT_DOCS.templateFaq);
    assert.equal(hrefOf({ 'welcome.data.json': '{"name": {"a‸": 1}, "code": "1"}' }, 'complex-value'), TENCENT_DOCS.sendEmailApi);
  });

  it('show a check\'s own page beside its FAQ topic in the hover', () => {
    const { text } = hoverAt({ 'welcome.data.json': '{\n  "name": {"fi‸rst": "A"},\n  "code": "1"\n}\n' });
    assert.ok(text.includes(`[Tencent Cloud documentation for complex-value](${TENCENT_DOCS.sendEmailApi})`));
  });

  it('give each FAQ topic the page it is written from', () => {
    assert.equal(faqTopic('warm-up', 'en')?.docUrl, TENCENT_DOCS.reputationLevels);
    assert.equal(faqTopic('blocklist', 'en')?.docUrl, TENCENT_DOCS.deliveryFaq);
  });
});
