import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressesIn, isEmailAddress, parseRecipients } from '../../client/src/api/recipients';
import { createLanguageService } from '../../server/src/service/languageService';
import { dataSetFile, isConfigFile, partFile } from '../../common/templateFiles';
import { normaliseSettings } from '../../server/src/service/settings';
import { prng } from '../protocol/fuzzRandom';
import { measureGrowth, repeated, type Family } from './linearTime';
import { projectFromFiles } from './projects';

// Pure client helpers fed what a user can select or paste. Found: Check Blocklist's addressesIn
// (the addresses of the editor's selection) took 5 s for 100 KB without an `@` — the pattern
// rescanned the run of address characters from every start — so selecting a large file froze the
// extension host for minutes.

/** The pattern addressesIn used, as an oracle for ordinary text. */
const ORACLE = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/g;

describe('addressesIn on hostile selections', () => {
  // Growth tests (time from n to 4n, linearTime.ts), not a time limit a loaded machine misses.
  const families: Family[] = [
    { label: 'letters', build: repeated('a') },
    { label: 'dots after an @', build: repeated('a.', 'a@') },
    { label: 'a domain of hyphens', build: repeated('-', 'a@a', '!') },
    { label: '`{{`', build: repeated('{{') },
    { label: '@', build: repeated('@') },
    { label: '`a@`', build: repeated('a@') },
  ];
  for (const family of families) {
    it(`takes linear time on ${family.label}`, () => {
      const growth = measureGrowth(addressesIn, family);
      assert.ok(growth.ratio <= 2.5, `×${growth.ratio.toFixed(1)} per doubling from ${growth.size} characters`);
    });
  }

  it('finds what the old pattern found in ordinary and random text', () => {
    const random = prng(99);
    const pieces = ['a', 'b.c', '@', 'x.com', ' ', ',', '<', '>', '"', 'mailto:', '-', '.', 'Z9', '+tag', '\n', 'é', '@@', '.cn', 'q.org;'];
    for (let i = 0; i < 2_000; i++) {
      let text = '';
      for (let j = random.int(30); j > 0; j--) text += random.pick(pieces);
      const expected = parseRecipients((text.match(ORACLE) ?? []).join(' ')).addresses.filter(isEmailAddress);
      assert.deepEqual(addressesIn(text), expected, JSON.stringify(text));
    }
  });
});

describe('sesStudio.advertisingWords of hostile size', () => {
  // Found by fuzzRaces.test.ts: one 100,000-character entry made the combined expression overflow
  // V8's regexp parser ("Invalid regular expression: Stack overflow"); the check threw and every
  // template lost all its diagnostics.
  it('keeps checking, with the curated list and the usable words', () => {
    const settings = normaliseSettings({ advertisingWords: ['x'.repeat(100_000), 'flash deal', '(a+)+$', '\ud800', ...Array.from({ length: 5_000 }, (_, i) => `w${i}`)] });
    assert.ok((settings.advertisingWords?.length ?? 0) <= 1000);
    const { project } = projectFromFiles({ 't.ses.html': '<p>flash deal, free lottery (a+)+$ w7</p>', 't.data.json': '{}' });
    const codes = [...createLanguageService().validate(project, settings).values()].flat().map((d) => `${String(d.code)}:${String(d.message).slice(0, 40)}`);
    assert.ok(codes.some((c) => c.startsWith('advertising-wording') && /flash deal/.test(c)), codes.join('\n'));
    assert.ok(codes.some((c) => c.startsWith('advertising-wording') && /free/.test(c)), codes.join('\n'));
    assert.ok(codes.some((c) => c.startsWith('review-refused-wording')), codes.join('\n'));
  });
});

describe('URIs with malformed percent-encoding', () => {
  // Found by the LSP fuzzer: a document URI like `file:///w/%ZZ.ses.html` (which VS Code never
  // sends, other clients may) threw URIError in the didOpen handler and failed every request.
  it('name parts, data sets and config files as written', () => {
    assert.deepEqual(partFile('file:///w/%ZZ.ses.html'), { folder: 'file:///w/', name: '%ZZ', part: 'html' });
    assert.deepEqual(dataSetFile('file:///w/x%E0%A4%A.data.json'), { folder: 'file:///w/', name: 'x%E0%A4%A', set: 'default' });
    assert.equal(isConfigFile('file:///w/ses.config.json%'), false);
    assert.equal(isConfigFile('file:///w/ses%2Econfig.json'), true);
  });
});
