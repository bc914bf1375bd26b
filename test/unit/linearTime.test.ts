// Every regular expression and scanner that sees untrusted text (template, data, settings, file
// names, remote responses, what a user pastes) runs in linear time on its worst-case inputs.
// One entry per function in REGISTRY: the function, and the input families beyond HOSTILE that hit
// its own patterns. To add a scanner, add an entry; see docs/linear-parsing.md.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import { addressesIn, isEmailAddress, parseRecipients } from '../../client/src/api/recipients';
import { fillSubject } from '../../common/cloud/sendPlan';
import { endpointForDisplay } from '../../common/cloud/endpoints';
import { isExcluded, parseProxyUrl } from '../../common/cloud/proxy';
import { redact, shownText } from '../../common/cloud/redact';
import { configKey, configTemplateName, fileBaseName, linkedTemplates } from '../../common/cloud/templateSync';
import { configTemplateKeys, newEntryEdits } from '../../client/src/newTemplate/configEntry';
import { isPrivateHost } from '../../client/src/online/privateHosts';
import { parseSrcset } from '../../client/src/online/srcset';
import { extractUrls } from '../../client/src/online/urlExtraction';
import { escapeMarkdown } from '../../client/src/preflight/markdown';
import { withoutLinkElements } from '../../client/src/preview/linkElements';
import type { PreviewView } from '../../client/src/preview/messages';
import { leadingDoctype, renderEmail, type ImageProblem } from '../../client/src/preview/render';
import { elementAt } from '../../client/src/preview/sourceMap';
import { fillSegments, textToHtml } from '../../common/substitute';
import { sameContent, variablesOf } from '../../client/src/preflight/remoteTemplate';
import { senderAddress } from '../../client/src/preflight/senderStep';
import { ADDRESS as CLI_ADDRESS } from '../../server/src/cli/account/send';
import { compileGlob } from '../../server/src/cli/glob';
import { readSettingsText } from '../../server/src/cli/settingsFile';
import { explainErrorCode, searchErrorCodes } from '../../server/src/knowledge';
import { declaresBackgroundColor } from '../../server/src/service/checks/imageCssBackground';
import { shownHost } from '../../server/src/service/checks/linkTextMismatch';
import { wordPattern, ADVERTISING_WORDS } from '../../server/src/service/checks/wordingLists';
import { decodeEntities, parseHtml } from '../../common/htmlModel';
import { completion } from '../../server/src/service/features/completion';
import { hover as hoverAt } from '../../server/src/service/features/hover';
import { createLanguageService } from '../../server/src/service/languageService';
import { scanMustaches } from '../../server/src/service/mustacheScanner';
import { dataSetFile, partFile } from '../../common/templateFiles';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../server/src/service/settings';
import { parseSimpleTemplate } from '../../server/src/service/simpleTemplateParser';
import { Suppressions } from '../../server/src/service/suppression';
import { findForeignPlaceholders } from '../../server/src/service/project/foreignPlaceholders';
import { featureUses } from '../../server/src/service/clientSupport/features';
import { HOSTILE, measureGrowth, repeated, type Family } from './linearTime';
import { projectFromFiles, ROOT } from './projects';

interface Entry {
  /** The function (and the patterns it runs), as `file: function`. */
  readonly name: string;
  readonly run: (input: string) => unknown;
  /** Families beyond HOSTILE that reach this function's own patterns. */
  readonly extra?: readonly Family[];
  /** Largest input tried (default 2^18 characters); smaller for whole pipelines. */
  readonly maxSize?: number;
}

const service = createLanguageService();
const DATA = '{"a":"x","name":"Ann","url":"https://a.example/"}';
const validateHtml = (html: string) => service.validate(projectFromFiles({ 't.ses.html': html, 't.data.json': DATA }).project, DEFAULT_SETTINGS);
const validateHtmlNoData = (html: string) => service.validate(projectFromFiles({ 't.ses.html': html }).project, DEFAULT_SETTINGS);
const validateText = (text: string) => service.validate(projectFromFiles({ 't.ses.txt': text, 't.data.json': DATA }).project, DEFAULT_SETTINGS);
const validateData = (json: string) => service.validate(projectFromFiles({ 't.ses.html': '<p>{{a}}</p>', 't.data.json': json }).project, DEFAULT_SETTINGS);
const atEnd = (text: string): Position => {
  const document = TextDocument.create(ROOT + 'x', 'x', 1, text);
  return document.positionAt(text.length);
};
const complete = (html: string) => {
  const { project } = projectFromFiles({ 't.ses.html': html, 't.data.json': DATA });
  return completion(project, ROOT + 't.ses.html', atEnd(html));
};
const hover = (html: string) => {
  const { project } = projectFromFiles({ 't.ses.html': html, 't.data.json': DATA });
  return hoverAt(project, ROOT + 't.ses.html', atEnd(html));
};
const HOSTILE_WORDS = normaliseSettings({ advertisingWords: ['x'.repeat(100_000), 'flash deal', '(a+)+$', '\ud800', ...Array.from({ length: 5_000 }, (_, i) => `w${i}`)] }).advertisingWords ?? [];
const dataSets = [{ set: 'default', data: { a: 'x', url: 'https://a.example/' } }];

// The preview's renderer (client/src/preview/render.ts), every view; image problems on every <img>, as
// the language server reports them (the review's 20,000 images with diagnostics).
const previewLabels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: '{0} {1}' };
const imageProblemsOf = (html: string): ImageProblem[] => {
  const problems: ImageProblem[] = [];
  for (let i = html.indexOf('<img'); i >= 0; i = html.indexOf('<img', i + 4)) problems.push({ offset: i + 5, message: `problem ${i % 7}` });
  return problems;
};
const renderPreview = (view: PreviewView) => (html: string) => renderEmail({ html, view, data: { a: 'x' }, labels: previewLabels, imageProblems: imageProblemsOf(html) });
const PREVIEW_FAMILIES: readonly Family[] = [
  { label: '`<head` repeated', build: repeated('<head') },
  { label: '`<img>` with a diagnostic each', build: repeated('<img src="images/a.png">\n') },
  { label: '`<link ` repeated', build: repeated('<link ') },
  { label: '`<!-->` repeated', build: repeated('<!-->') },
  { label: '`<a>` with text, closed', build: repeated('<a href="https://a.example/">x</a>') },
  { label: '`<svg><title>` repeated', build: repeated('<svg><title>') },
];

// Worst cases of the dark views' CSS scans (colours in styles, attributes and sheets; media queries).
const DARK_FAMILIES: readonly Family[] = [
  { label: 'inline styles with colours', build: repeated('<p style="color:#333;background:#fff url(a.png);border:1px solid red">x</p>') },
  { label: '`rgb(` unclosed in a style', build: repeated('rgb(', '<p style="color:', '">') },
  { label: '`url(` unclosed in a style', build: repeated('url(', '<p style="background:', '">') },
  { label: '`"` unclosed in a style', build: repeated('"', '<p style="color:', '">') },
  { label: '`#` runs in a sheet', build: repeated('#a', '<style>a{color:', '}</style>') },
  { label: 'rules in a sheet', build: repeated('a{color:#000;background:#fff}', '<style>', '</style>') },
  { label: '`@media (prefers-color-scheme: dark){` in a sheet', build: repeated('@media (prefers-color-scheme: dark){', '<style>', '</style>') },
  { label: '`(prefers-color-scheme` unclosed in a sheet', build: repeated('( prefers-color-scheme :', '<style>', '{') },
  { label: '`[data-ogsc]` in a sheet', build: repeated('[data-ogsc] ', '<style>', '{color:red}</style>') },
  { label: '`/*` in a sheet', build: repeated('/*', '<style>a{color:#000', '') },
  { label: '`<font color>` and `bgcolor`', build: repeated('<td bgcolor="#fff"><font color="#000">x</font></td>') },
  { label: '`<style>` elements', build: repeated('<style>a{color:red}</style>') },
];

// The dark-mode checks' worst cases: many logos, many coloured texts without a background.
const DARK_CHECK_FAMILIES: readonly Family[] = [
  { label: 'dark logos on white cells', build: repeated('<td bgcolor="#ffffff"><img src="https://a.example/logo-dark.png" alt="x"></td>') },
  { label: 'dark logos, each its own URL', build: (n) => Array.from({ length: Math.ceil(n / 60) }, (_, k) => `<img src="https://a.example/${k}/logo-dark.png" alt="x">`).join('') },
  { label: 'coloured texts without a background', build: repeated('<p style="color:#333">x</p>') },
  { label: 'nested coloured elements', build: repeated('<div style="color:#111">x', '', '') },
];

// With the inputs of test/protocol/fuzzKnowledge.test.ts (which had a 2 s limit per request).
const KNOWLEDGE_FAMILIES: readonly Family[] = [
  { label: 'dotted words', build: repeated('a.', '', '!') },
  { label: 'sendstatus and quotes', build: repeated('"', 'sendstatus', 'x') },
  { label: '`FailedOperation.` repeated', build: repeated('FailedOperation.') },
  { label: 'SendStatus then spaces', build: repeated(' ', 'SendStatus', 'x') },
  { label: 'DeliverStatus then quotes', build: repeated('"', 'DeliverStatus', ':') },
  { label: '`(a+)+$` then `a`s', build: repeated('a', '(a+)+$', '!') },
  { label: 'a code padded with dots', build: repeated('.', 'FailedOperation.EmailAddrInBlacklist') },
];

const REGISTRY: readonly Entry[] = [
  // The language server: every check on the HTML part, the text part, the data set.
  {
    name: 'languageService.validate: HTML part with a data set (every check, the shared placeholder pattern)',
    run: validateHtml,
    maxSize: 1 << 17,
    extra: [
      { label: 'link text of `<`', build: repeated('<', '<a href="https://b.example/">', '.</a>') },
      { label: 'link text of trailing dots', build: repeated('.', '<a href="https://b.example/">a.com', 'x</a>') },
      { label: 'placeholders with spaces in an attribute', build: repeated('{{ ', '<a href="https://a.example/', '">x</a>') },
      // test/protocol/badInput.test.ts's large inputs (the 1.9 MB one had a 10 s limit, missed under load).
      { label: 'a block never closed after many lines', build: repeated('<p>{{name}}</p>\n', '', '{{#if x}}') },
      { label: 'unclosed nested blocks', build: repeated('{{#if a}}') },
      { label: 'brace soup', build: repeated('{{{{{{}}}}}}{{{{/}}}}{{!--{{~#^/>&}}') },
      // Checks whose cost is per finding: a finding's own work must not scan its whole paragraph.
      { label: 'advertising words in one paragraph', build: repeated('free click here ', '<p>', '</p>') },
      { label: 'Chinese advertising words in one paragraph', build: repeated('立即购买马上抢购', '<p>', '</p>') },
      { label: 'foreign placeholders in one paragraph', build: repeated('*|A|* {% b %} ${c} <%= d %> ', '<p>', '</p>') },
      { label: 'escaped placeholders', build: repeated('\\{{a}} ', '<p>', '</p>') },
    ],
  },
  { name: 'languageService.validate: HTML part without a data set', run: validateHtmlNoData, maxSize: 1 << 17 },
  { name: 'checks/darkModeLogo.ts, darkModeTextColor.ts (through languageService.validate)', run: validateHtmlNoData, maxSize: 1 << 17, extra: DARK_CHECK_FAMILIES },
  { name: 'languageService.validate: text part', run: validateText, maxSize: 1 << 17 },
  { name: 'languageService.validate: data set', run: validateData, maxSize: 1 << 17, extra: [{ label: 'a JSON string of spaces', build: repeated(' ', '{"a":"', 'x"') }] },
  { name: 'languageService.complete at the end of the text (completion.ts)', run: complete, maxSize: 1 << 17 },
  { name: 'languageService.hover at the end of the text (featureTarget.ts, hover.ts)', run: hover, maxSize: 1 << 17 },
  { name: 'htmlModel.ts: parseHtml', run: parseHtml },
  { name: 'htmlModel.ts: decodeEntities', run: decodeEntities, extra: [{ label: '`&#` repeated', build: repeated('&#') }] },
  { name: 'mustacheScanner.ts: scanMustaches', run: scanMustaches, extra: [{ label: '`{{!--` repeated', build: repeated('{{!--') }] },
  { name: 'simpleTemplateParser.ts: parseSimpleTemplate', run: parseSimpleTemplate, extra: [{ label: 'dotted name', build: repeated('a.', '{{', ' x') }] },
  { name: 'suppression.ts: Suppressions.of', run: (text) => Suppressions.of(TextDocument.create(ROOT + 't.ses.html', 'ses-html', 1, text)), extra: [{ label: 'directives, one `-->` at the end', build: repeated('<!-- ses-disable ', '', '-->') }] },
  { name: 'linkTextMismatch.ts: shownHost', run: shownHost, extra: [{ label: 'labels', build: repeated('a.', '', '!') }] },
  { name: 'wordingLists.ts: wordPattern (with settings terms)', run: (text) => wordPattern(ADVERTISING_WORDS, ['free money', 'a b c'])?.test(text) },
  // The hostile settings of test/unit/hostileInput.test.ts (once with a 1 s limit): a pattern-like term, 1,000 words.
  {
    name: 'wordingLists.ts: wordPattern (1,000 settings words, one `(a+)+$`)',
    run: (text) => wordPattern(ADVERTISING_WORDS, HOSTILE_WORDS)?.test(text),
    extra: [{ label: 'words of the list', build: repeated('w7 flash ', '', '(a+)+$') }, { label: '`a` then `$`', build: repeated('a', '(', '+$') }],
  },
  { name: 'templateFiles.ts: partFile / dataSetFile (file names)', run: (name) => [partFile(ROOT + name), dataSetFile(ROOT + name)], extra: [{ label: '`.data` repeated', build: repeated('.data', 'a', '.json.x') }] },
  { name: 'knowledge: explainErrorCode', run: (text) => explainErrorCode(text, 'en'), extra: KNOWLEDGE_FAMILIES },
  { name: 'knowledge: searchErrorCodes', run: (text) => searchErrorCodes(text, 'en'), maxSize: 1 << 15, extra: KNOWLEDGE_FAMILIES },
  // The CLI.
  {
    name: 'cli/glob.ts: compileGlob and match (a hostile pattern from settings)',
    run: (text) => compileGlob(text.replace(/x$/, '') + '*b').test('a'.repeat(Math.min(text.length, 64)) + 'c'),
    maxSize: 1 << 14,
    extra: [{ label: '`*a` repeated against a name of `a`s', build: repeated('*a') }],
  },
  { name: 'cli/glob.ts: compileGlob against a long file name', run: (text) => compileGlob('**/*a*a*a*a*a*a*a*b').test(text), extra: [{ label: 'a name of `a`s', build: repeated('a') }] },
  { name: 'cli/settingsFile.ts: readSettingsText', run: readSettingsText },
  {
    name: 'clientSupport/features.ts: featureUses (client-support: elements, style attributes, <style> CSS)',
    run: (text) => featureUses(text, parseHtml(text)),
    extra: [
      { label: 'declarations without `!`, `:` or a close in one <style>', build: repeated('a{b c;/*', '<style>', '</style>') },
      { label: 'unclosed comments, strings and `{{` in many <style> elements', build: repeated('<style>/*"\'{{ a:b</style>') },
      { label: 'selectors without a colon', build: repeated('a b{', '<style>', '</style>') },
      { label: 'numbers and functions in a style attribute', build: repeated('1.5rem var(x) ', '<p style="width:', '">') },
      { label: 'flex everywhere', build: repeated('<div style="display:flex;position:absolute">x</div>') },
    ],
  },
  { name: 'cli/account/send.ts: ADDRESS (--to addresses)', run: (text) => CLI_ADDRESS.test(text), extra: [{ label: 'a dotted domain, then a space', build: repeated('a.', 'a@', ' ') }] },
  {
    name: 'checks/imageCssBackground.ts: declaresBackgroundColor (style attributes, CSS blocks)',
    run: declaresBackgroundColor,
    extra: [{ label: '` background:` repeated', build: repeated(' background:') }, { label: 'declarations without a colon', build: repeated('a;', '', 'background:#fff') }],
  },
  // The extension host.
  {
    name: 'online/urlExtraction.ts: extractUrls (HTML part)',
    run: (html) => extractUrls({ html, dataSets }),
    maxSize: 1 << 17,
    // onlineExtraction.test.ts's 200 KB template (once with a 2 s limit): far more URLs than the cap.
    extra: [{ label: 'image rows', build: repeated('<p>Item <img src="https://cdn.example/p/1.png#x" alt="product picture" width="80"></p>\n') }],
  },
  { name: 'online/urlExtraction.ts: extractUrls (text part)', run: (text) => extractUrls({ text, dataSets }), extra: [{ label: 'trailing punctuation', build: repeated('.', 'https://a.example/', 'x') }] },
  { name: 'online/urlExtraction.ts: extractUrls (no data set)', run: (text) => extractUrls({ html: text, text, dataSets: [] }), maxSize: 1 << 17 },
  { name: 'online/srcset.ts: parseSrcset', run: parseSrcset, extra: [{ label: 'commas', build: repeated(',') }] },
  { name: 'online/privateHosts.ts: isPrivateHost', run: isPrivateHost },
  // What a user types or pastes in an input box: beyond 64 KB, splitting into 20,000 words grows faster than
  // linear from V8's young-generation overflow, not from the algorithm.
  { name: 'api/recipients.ts: parseRecipients', run: parseRecipients, maxSize: 1 << 16, extra: [{ label: 'trailing `.`', build: repeated('.', 'a@b.co', 'x') }, { label: 'leading `<`', build: repeated('<', '', 'x') }] },
  { name: 'api/recipients.ts: addressesIn', run: addressesIn },
  { name: 'api/recipients.ts: isEmailAddress', run: isEmailAddress, extra: [{ label: 'labels', build: repeated('a.', 'a@', '!') }] },
  { name: 'api/sendPlan.ts: fillSubject', run: (text) => fillSubject(text, { a: 'x' }) },
  { name: 'preflight/remoteTemplate.ts: variablesOf', run: variablesOf },
  { name: 'preflight/remoteTemplate.ts: sameContent', run: (text) => sameContent(text, text + ' ') },
  { name: 'preflight/senderStep.ts: senderAddress', run: senderAddress, extra: [{ label: 'words', build: repeated('a ', 'x', '<') }] },
  { name: 'preflight/markdown.ts: escapeMarkdown', run: escapeMarkdown },
  { name: 'cloud/templateSync.ts: fileBaseName (remote names)', run: (name) => fileBaseName(name, 1), extra: [{ label: 'spaces and dots', build: repeated(' .', 'a', 'x') }] },
  { name: 'cloud/templateSync.ts: configKey (folder paths)', run: (path) => configKey(path, path + 'a', 'n') },
  { name: 'cloud/templateSync.ts: ses.config.json readers', run: (text) => [configTemplateName(text, 'a'), linkedTemplates(text)] },
  { name: 'newTemplate/configEntry.ts: configTemplateKeys / newEntryEdits', run: (rest) => [configTemplateKeys(rest), newEntryEdits(`{"templates":{"a":{}${rest}\n}}`, 'b', { subject: 's', triggerType: 'transactional' })] },
  { name: 'cloud/endpoints.ts: endpointForDisplay', run: endpointForDisplay },
  { name: 'preview/render.ts: renderEmail (HTML view, image problems)', run: renderPreview('html'), maxSize: 1 << 17, extra: PREVIEW_FAMILIES },
  { name: 'preview/render.ts: renderEmail (Images off)', run: renderPreview('imagesOff'), maxSize: 1 << 17, extra: PREVIEW_FAMILIES },
  {
    name: 'preview/sourceMap.ts: renderEmail with the source map, and elementAt for every element',
    run: (html) => {
      const { sourceMap } = renderEmail({ html, view: 'html', data: { a: 'x' }, labels: previewLabels, sourceMap: true });
      for (const offset of sourceMap.offsets) elementAt(sourceMap, offset + 1);
    },
    maxSize: 1 << 17, extra: PREVIEW_FAMILIES,
  },
  { name: 'preview/render.ts: renderEmail (derived plain text)', run: renderPreview('text'), maxSize: 1 << 17, extra: PREVIEW_FAMILIES },
  {
    name: 'preview/darkMode.ts: renderEmail (dark views: partial and full inversion, own styles)',
    run: (html) => [renderPreview('darkPartial')(html), renderPreview('darkFull')(html), renderPreview('darkOwn')(html)],
    maxSize: 1 << 17,
    extra: DARK_FAMILIES,
  },
  {
    name: 'project/foreignPlaceholders.ts: findForeignPlaceholders (foreign-placeholder)',
    run: (text) => findForeignPlaceholders(text),
    extra: ['*|', '{%', '<%', '${', '{$a', '{!!', '[Sender_', '%recipient.', '%%', '%a'].map((unit) => ({ label: `\`${unit}\` repeated`, build: repeated(unit) })),
  },
  { name: 'preview/render.ts: leadingDoctype', run: leadingDoctype, extra: [{ label: 'comments ended by `--!>`', build: repeated('<!-- --!>') }, { label: '`<!-- -- ` repeated', build: repeated('<!-- -- ') }] },
  { name: 'preview/linkElements.ts: withoutLinkElements', run: withoutLinkElements, extra: [{ label: '`<link a="` repeated', build: repeated('<link a="') }, { label: '`<link =` repeated', build: repeated('<link =') }] },
  { name: 'preview/substitute.ts: textToHtml / fillSegments (text part, subject)', run: (text) => [textToHtml(text, { a: 'x' }, (name) => name), fillSegments(text, { a: 'x' })] },
  { name: 'cloud/redact.ts: shownText (API error codes, messages, RequestIds)', run: (text) => shownText(text, ['AKIDsecretsecret'], 1 << 30), extra: [{ label: 'line breaks and bidi controls', build: repeated('\n\u202e', 'a', 'x') }] },
  { name: 'cloud/redact.ts: redact', run: (text) => redact(text, ['AKIDsecretsecret']), extra: [{ label: 'Signature=', build: repeated('Signature=', '', 'x') }] },
  // NO_PROXY is a short list: beyond 64 KB, splitting it into 40,000 entries grows faster than linear from
  // V8's young-generation overflow, not from the algorithm.
  { name: 'cloud/proxy.ts: parseProxyUrl / isExcluded (settings)', maxSize: 1 << 16, run: (text) => { try { parseProxyUrl(text); } catch { /* a bad setting */ } return isExcluded(new URL('https://a.example/'), text); } },
];

describe('linear time on worst-case inputs', () => {
  for (const entry of REGISTRY.filter((e) => !process.env.LINEAR_TIME_ONLY || process.env.LINEAR_TIME_ONLY.split('|').some((part) => e.name.includes(part)))) {
    it(entry.name, () => {
      const slow: string[] = [];
      for (const family of [...HOSTILE, ...(entry.extra ?? [])]) {
        const started = Date.now();
        const growth = measureGrowth(entry.run, family, { maxSize: entry.maxSize });
        if (process.env.LINEAR_TIME_DEBUG) console.log(`${entry.name} / ${family.label}: ×${growth.ratio.toFixed(2)} at ${growth.size} in ${Date.now() - started} ms`);
        if (growth.ratio > 2.5) slow.push(`${family.label}: ×${growth.ratio.toFixed(1)} per doubling from ${growth.size} to ${growth.size * 4} characters (${growth.ms.toFixed(0)} ms)`);
      }
      assert.deepEqual(slow, [], 'time grows faster than linear');
    });
  }
});

// The harness itself: a growth test that cannot fail proves nothing.
describe('measureGrowth', () => {
  // The quadratic trap the registry guards against: rescanning from every position.
  const quadratic = (text: string) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) for (let j = i; j < text.length; j++) if (text.charCodeAt(j) === 120) count++;
    return count;
  };
  const linear = (text: string) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 120) count++;
    return count;
  };
  it('fails a quadratic scan, at every retry size', () => {
    const growth = measureGrowth(quadratic, { label: 'spaces', build: repeated(' ') }, { maxSize: 1 << 16 });
    assert.ok(growth.ratio > 2.5, `×${growth.ratio.toFixed(2)} per doubling at ${growth.size}`);
  });
  it('passes a linear scan', () => {
    const growth = measureGrowth(linear, { label: 'spaces', build: repeated(' ') }, { maxSize: 1 << 22 });
    assert.ok(growth.ratio <= 2.5, `×${growth.ratio.toFixed(2)} per doubling at ${growth.size}`);
  });
});
