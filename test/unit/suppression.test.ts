import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CHECKS, checkMeta, faqTopicOf } from '../../server/src/service/checks';
import { imageMissingAlt } from '../../server/src/service/checks/imageMissingAlt';
import { imageMissingSize } from '../../server/src/service/checks/imageMissingSize';
import { linkInsecure } from '../../server/src/service/checks/linkInsecure';
import { tencentDialect } from '../../server/src/service/checks/tencentDialect';
import { unusedSuppression } from '../../server/src/service/checks/unusedSuppression';
import { FAQ_DOC_URL } from '../../server/src/knowledge';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, runChecks } from './checkHarness';

const L10N_DIR = path.join(__dirname, '..', '..', '..', 'l10n');
const CHECKED = [imageMissingAlt, imageMissingSize, linkInsecure, unusedSuppression];
const IMG = '<img src="https://a.example/x.png" width="1" height="1">';
const NO_SIZE = '<img src="https://a.example/x.png" alt="x">';

describe('inline suppression', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('ses-disable-next-line hides the named check on the next line only', () => {
    const run = runChecks(CHECKED, {
      'welcome.ses.html': `<!-- ses-disable-next-line image-missing-alt -->\n${IMG}\n${IMG.replace('<img', '<«img»')}`,
    });
    assertMarkedRanges(run);
    assert.deepEqual(run.all.map((d) => d.code), ['image-missing-alt']);
  });

  it('ses-disable hides the named check from the comment to the end of the file, not before it', () => {
    const run = runChecks(CHECKED, {
      'welcome.ses.html': `${IMG.replace('<img', '<«img»')}\n<!-- ses-disable image-missing-alt -->\n${IMG}\n<p>x</p>\n${IMG}`,
    });
    assertMarkedRanges(run);
  });

  it('takes several codes, separated by commas or spaces, and leaves other checks alone', () => {
    const run = runChecks(CHECKED, {
      'welcome.ses.html': `<!-- ses-disable-next-line image-missing-alt, image-missing-size -->\n<img src="https://a.example/x.png"> <a href="«http://a.example»">a</a>\n` +
        `<!-- ses-disable link-insecure image-missing-alt -->\n<a href="http://b.example">b</a> <«img» src="https://a.example/x.png">`,
    });
    assertMarkedRanges(run);
    assert.deepEqual(run.all.map((d) => d.code).sort(), ['image-missing-size', 'link-insecure']);
  });

  it('without codes hides every check', () => {
    const next = runChecks(CHECKED, { 'welcome.ses.html': `<!-- ses-disable-next-line -->\n<img src="https://a.example/x.png"> <a href="http://a.example">a</a>` });
    assert.deepEqual(next.all, []);
    const file = runChecks(CHECKED, { 'welcome.ses.html': `<!--ses-disable-->\n<img src="https://a.example/x.png">\n\n<a href="http://a.example">a</a>` });
    assert.deepEqual(file.all, []);
  });

  it('reports unused comments and codes, and unknown codes, as unused-suppression (info)', () => {
    const run = runChecks(CHECKED, {
      'welcome.ses.html': `<!-- ses-disable-next-line image-missing-alt, «link-insecure» -->\n<img src="https://a.example/x.png" width="1" height="1">\n` +
        `«<!-- ses-disable-next-line -->»\n<p>fine</p>\n<!-- ses-disable «image-missing-size» «no-such-check» -->\n`,
    });
    assertMarkedRanges(run);
    for (const d of run.all) {
      assert.equal(d.code, 'unused-suppression');
      assert.equal(d.severity, DiagnosticSeverity.Information);
    }
    const messages = run.all.map((d) => d.message).join('\n');
    assert.match(messages, /`link-insecure` reports nothing on the next line: remove the code from this `ses-disable-next-line` comment\./);
    assert.match(messages, /This `ses-disable-next-line` comment hides nothing/);
    assert.match(messages, /`no-such-check` is not a check of SES Template Studio/);
  });

  it('does not report codes of checks that are off, and honours unused-suppression: off', () => {
    const text = '<!-- ses-disable-next-line link-insecure -->\n<p>x</p>';
    assert.deepEqual(runChecks(CHECKED, { 'welcome.ses.html': text }, { settings: { checks: { 'link-insecure': 'off' } } }).all, []);
    assert.equal(runChecks(CHECKED, { 'welcome.ses.html': text }).all.length, 1);
    assert.deepEqual(runChecks(CHECKED, { 'welcome.ses.html': text }, { settings: { checks: { 'unused-suppression': 'off' } } }).all, []);
  });

  it('is for HTML parts only: a text part keeps its findings', () => {
    const run = runChecks([tencentDialect, unusedSuppression], { 'welcome.ses.txt': '<!-- ses-disable -->\n«{{!-- note --}}»\n' });
    assertMarkedRanges(run);
  });

  it('speaks Simplified Chinese', () => {
    const contents = loadServerL10n('zh-cn', L10N_DIR);
    assert.ok(contents);
    l10n.config({ contents });
    const run = runChecks(CHECKED, { 'welcome.ses.html': '<!-- ses-disable image-missing-size -->\n<!-- ses-disable-next-line -->\n<p>x</p>' });
    const messages = run.all.map((d) => d.message).join('\n');
    assert.match(messages, /`image-missing-size` 在这条 `ses-disable` 注释之后没有报告问题/);
    assert.match(messages, /这条 `ses-disable-next-line` 注释没有屏蔽任何问题/);
  });
});

describe('FAQ topics of checks', () => {
  it('links diagnostics of checks with a topic to the FAQ page, and others not', () => {
    const run = runChecks(CHECKED, { 'welcome.ses.html': `${NO_SIZE}\n<!-- ses-disable-next-line link-insecure -->\n` });
    const size = run.all.find((d) => d.code === 'image-missing-size');
    assert.deepEqual(size?.codeDescription, { href: FAQ_DOC_URL });
    const unused = run.all.find((d) => d.code === 'unused-suppression');
    assert.ok(unused);
    assert.equal(unused.codeDescription, undefined);
  });

  it('maps the image, link and TemplateData checks to their topics', () => {
    const topic = (id: string) => faqTopicOf(checkMeta(id)!);
    assert.equal(topic('image-relative-url'), 'images-not-displayed');
    assert.equal(topic('link-shortener'), 'exmail-advertising');
    assert.equal(topic('missing-variable'), 'send-failures');
    assert.equal(topic('tencent-dialect'), 'send-failures');
    assert.equal(topic('unused-data-key'), undefined);
    for (const check of CHECKS) if (check.meta.id.startsWith('image-') && check.meta.id !== 'image-heavy-email') assert.equal(faqTopicOf(check.meta), 'images-not-displayed', check.meta.id);
  });
});
