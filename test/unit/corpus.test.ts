import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { projectFromFiles, ROOT } from './projects';

// Every template of test/fixtures/corpus (realistic Tencent SES emails in English and Simplified
// Chinese, with their data sets and ses.config.json) through every registered check with default
// settings. The clean ones must give no finding at all; the deliberately flawed ones exactly theirs.
const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
const read = (file: string) => fs.readFileSync(path.join(CORPUS, file), 'utf8');
const FILES = fs.readdirSync(CORPUS);
const TEMPLATES = [...new Set(FILES.filter((f) => f.endsWith('.ses.html')).map((f) => f.slice(0, -'.ses.html'.length)))].sort();

/** The findings of one template as `file:line code` (1-based line; `ses.config.json` for the subject). */
function findings(name: string): string[] {
  const files: Record<string, string> = { [`${name}.ses.html`]: read(`${name}.ses.html`) };
  for (const file of FILES) if (file === `${name}.ses.txt` || file.startsWith(`${name}.data.`)) files[file] = read(file);
  files['ses.config.json'] = read('ses.config.json');
  const { project } = projectFromFiles(files);
  const byUri = createLanguageService().validate(project, DEFAULT_SETTINGS);
  const result: string[] = [];
  for (const [uri, diagnostics] of byUri) {
    for (const d of diagnostics) result.push(`${uri.slice(ROOT.length)}:${d.range.start.line + 1} ${String(d.code)}`);
  }
  return result.sort();
}

/** Expected findings per template; a template not listed here must be clean. */
const EXPECTED: Record<string, string[]> = {
  // A banner kept next to the template file: recipients see a broken image.
  'en-flawed-relative-image': ['en-flawed-relative-image.ses.html:16 image-relative-url'],
  // The help-centre link over http://.
  'en-flawed-http-link': ['en-flawed-http-link.ses.html:18 link-insecure'],
  // {{pickup_code}} is not in the data set (the text part does not use it).
  'en-flawed-missing-variable': ['en-flawed-missing-variable.ses.html:17 missing-variable'],
  // 八折起 (…折起, "from 20% off") and 包邮 ("shipping included") in the HTML, 包邮 again in the text part.
  'zh-flawed-ad-wording': [
    'zh-flawed-ad-wording.ses.html:16 advertising-wording',
    'zh-flawed-ad-wording.ses.html:17 advertising-wording',
    'zh-flawed-ad-wording.ses.txt:1 advertising-wording',
  ],
  // No .ses.txt, and the invoice icon has no alt text.
  'zh-flawed-no-text-part': ['zh-flawed-no-text-part.ses.html:1 missing-text-part', 'zh-flawed-no-text-part.ses.html:16 image-missing-alt'],
};

describe('corpus: every check over realistic templates', () => {
  it('has at least 20 templates, in English and Chinese, each with a data set and a config entry', () => {
    assert.ok(TEMPLATES.length >= 20, `${TEMPLATES.length} templates`);
    const config = JSON.parse(read('ses.config.json')) as { templates: Record<string, { subject?: string }> };
    for (const name of TEMPLATES) {
      assert.ok(FILES.includes(`${name}.data.json`), `${name}.data.json`);
      assert.ok(config.templates[name]?.subject, `subject of ${name}`);
    }
    assert.ok(TEMPLATES.filter((n) => n.startsWith('zh-')).length >= 10);
    assert.ok(TEMPLATES.filter((n) => n.startsWith('en-')).length >= 10);
    for (const name of Object.keys(EXPECTED)) assert.ok(TEMPLATES.includes(name), `${name} exists`);
    assert.ok(TEMPLATES.length - Object.keys(EXPECTED).length >= 15, 'most templates are clean');
  });

  it('reads triggerType from ses.config.json (a newsletter without its unsubscribe link is reported)', () => {
    const files: Record<string, string> = {
      'en-newsletter-monthly.ses.html': read('en-newsletter-monthly.ses.html').replace(/<a href="\{\{unsubscribe_url\}\}">Unsubscribe<\/a> or /, ''),
      'en-newsletter-monthly.ses.txt': read('en-newsletter-monthly.ses.txt').replace(/Unsubscribe: .*/, ''),
      'en-newsletter-monthly.data.json': JSON.stringify({ ...JSON.parse(read('en-newsletter-monthly.data.json')), unsubscribe_url: undefined }),
      'ses.config.json': read('ses.config.json'),
    };
    const { project } = projectFromFiles(files);
    const codes = [...createLanguageService().validate(project, DEFAULT_SETTINGS).values()].flat().map((d) => d.code);
    assert.deepEqual(codes, ['missing-unsubscribe']);
  });

  for (const name of TEMPLATES) {
    it(`${name}: ${EXPECTED[name] ? 'exactly its known findings' : 'no finding'}`, () => {
      if (process.env.CORPUS_PRINT) console.log(JSON.stringify([name, findings(name)]));
      assert.deepEqual(findings(name), [...(EXPECTED[name] ?? [])].sort());
    });
  }
});
