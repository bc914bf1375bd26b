import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultStarterLanguage, STARTER_LANGUAGES, starterFiles, STARTERS, type Starter, type StarterLanguage } from '../../client/src/newTemplate/starters';
import { fixedWords, MIN_MARKETING_WORDS, MIN_NOTIFICATION_WORDS } from '../../server/src/service/checks/tooLittleText';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { projectFromFiles, ROOT } from './projects';

// Every starter of "SES: New Template" through every registered check, with its data set and its
// subject and triggerType in ses.config.json, exactly as the command writes them: a newcomer's first
// template must start without a single finding.
const MEDIA = path.join(__dirname, '..', '..', '..', 'media', 'starters');

function starterProject(starter: Starter, language: StarterLanguage, edit: (files: Record<string, string>) => void = () => undefined) {
  const files: Record<string, string> = {};
  for (const { source, suffix } of starterFiles(starter.id, language)) files[`t${suffix}`] = fs.readFileSync(path.join(MEDIA, source), 'utf8');
  files['ses.config.json'] = JSON.stringify({ templates: { t: { subject: starter.subject[language], triggerType: starter.triggerType } } });
  edit(files);
  return { files, ...projectFromFiles(files) };
}

function findings(starter: Starter, language: StarterLanguage, edit?: (files: Record<string, string>) => void): string[] {
  const { project } = starterProject(starter, language, edit);
  return [...createLanguageService().validate(project, DEFAULT_SETTINGS)].flatMap(([uri, list]) => list.map((d) => `${uri.slice(ROOT.length)}:${d.range.start.line + 1} ${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`));
}

describe('New Template starters', () => {
  it('has the six starters in both languages, and no stray file', () => {
    assert.deepEqual(STARTERS.map((s) => s.id).sort(), ['event-invitation', 'newsletter', 'order-receipt', 'password-reset', 'verification-code', 'welcome']);
    assert.deepEqual(STARTERS.filter((s) => s.triggerType === 'marketing').map((s) => s.id).sort(), ['event-invitation', 'newsletter']);
    for (const language of STARTER_LANGUAGES) {
      const expected = STARTERS.flatMap((s) => starterFiles(s.id, language).map((f) => path.basename(f.source))).sort();
      assert.deepEqual(fs.readdirSync(path.join(MEDIA, language)).sort(), expected, language);
    }
  });

  for (const starter of STARTERS) {
    for (const language of STARTER_LANGUAGES) {
      const name = `${starter.id} (${language})`;
      it(`${name}: no finding from any check`, () => assert.deepEqual(findings(starter, language), []));

      it(`${name}: plain variables, all filled, inline styles, table layout, absolute https images with alt and size`, () => {
        const { files, project } = starterProject(starter, language);
        const html = files['t.ses.html'];
        const data = JSON.parse(files['t.data.json']) as Record<string, unknown>;
        const used = new Set([...(html + files['t.ses.txt'] + starter.subject[language]).matchAll(/\{\{(.*?)\}\}/g)].map((m) => m[1]));
        for (const variable of used) assert.match(variable, /^[a-z_]+$/, `{{${variable}}} is a plain name`);
        assert.deepEqual([...used].sort(), Object.keys(data).sort(), 'the data set has exactly the variables used');
        for (const value of Object.values(data)) assert.ok(typeof value === 'string' && value.trim() !== '', 'a non-empty string value');
        assert.doesNotMatch(html, /<style|<link|<script|class=/i, 'no stylesheet, script or class: inline styles only');
        assert.match(html, /<table role="presentation"/);
        for (const img of html.match(/<img\b[^>]*>/g) ?? []) {
          assert.match(img, /src="https:\/\/static\.example\.com\//, img);
          assert.match(img, /alt="[^"]+"/, img);
          assert.match(img, /width="\d+"/, img);
          assert.match(img, /height="\d+"/, img);
        }
        const minimum = starter.triggerType === 'marketing' ? MIN_MARKETING_WORDS : MIN_NOTIFICATION_WORDS;
        assert.ok(fixedWords(project) >= minimum, `${fixedWords(project)} fixed words, at least ${minimum}`);
        if (starter.triggerType === 'marketing') {
          assert.match(html, language === 'en' ? /Unsubscribe/ : /退订/);
          assert.match(files['t.ses.txt'], language === 'en' ? /Unsubscribe: \{\{unsubscribe_url\}\}/ : /退订：\{\{unsubscribe_url\}\}/);
        }
      });
    }
  }

  it('the checks do see a starter: without its unsubscribe wording a newsletter is reported', () => {
    const newsletter = STARTERS.find((s) => s.id === 'newsletter')!;
    const codes = findings(newsletter, 'en', (files) => {
      files['t.ses.html'] = files['t.ses.html'].replace(/<a href="\{\{unsubscribe_url\}\}"[^>]*>Unsubscribe<\/a> at any time with one click\./, '');
      files['t.ses.txt'] = files['t.ses.txt'].replace(/Unsubscribe: \{\{unsubscribe_url\}\}/, '');
      files['t.data.json'] = JSON.stringify({ first_name: 'Alex', issue_month: 'December 2026' });
    }).map((f) => f.replace(/: .*/, ''));
    assert.deepEqual(codes, ['t.ses.html:1 missing-unsubscribe']);
  });

  it('picks the language from the UI language', () => {
    assert.equal(defaultStarterLanguage('zh-cn'), 'zh-cn');
    assert.equal(defaultStarterLanguage('zh-tw'), 'zh-cn');
    assert.equal(defaultStarterLanguage('en'), 'en');
    assert.equal(defaultStarterLanguage('de'), 'en');
    assert.equal(defaultStarterLanguage(''), 'en');
  });
});
