import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { MarkupContent } from 'vscode-languageserver-types';
import { FAQ_DOC_URL } from '../../../server/src/knowledge';
import { CHECKS } from '../../../server/src/service/checks';
import { hover } from '../../../server/src/service/features';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { loadServerL10n } from '../../../server/src/serverL10n';
import { marked } from './fixtures';

const L10N_DIR = path.join(__dirname, '..', '..', '..', '..', 'l10n');

/** The checks these tests look at (the registry grows; other checks would add their own topics). */
const IDS = new Set(['missing-variable', 'unused-data-key', 'complex-value', 'tencent-dialect', 'link-shortener', 'image-relative-url', 'image-missing-alt', 'image-missing-size']);
const SOME_CHECKS = CHECKS.filter((check) => IDS.has(check.meta.id));

/** The hover at ‸ with the diagnostics of a validation, as the server computes it. */
function hoverAt(files: Record<string, string>, locale?: string) {
  const fixture = marked(files);
  const diagnostics = createLanguageService(SOME_CHECKS).validate(fixture.project, DEFAULT_SETTINGS).get(fixture.uri) ?? [];
  const result = hover(fixture.project, fixture.uri, fixture.position, { diagnostics, locale });
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
