import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { MarkupContent } from 'vscode-languageserver-types';
import { CHECKS } from '../../../server/src/service/checks';
import { hover } from '../../../server/src/service/features';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { loadServerL10n } from '../../../server/src/serverL10n';
import { marked } from './fixtures';

const A11Y = CHECKS.filter((check) => check.meta.id.startsWith('a11y-'));

function hoverAt(files: Record<string, string>, locale?: string) {
  const fixture = marked(files);
  const all = createLanguageService(A11Y).validate(fixture.project, DEFAULT_SETTINGS);
  const diagnostics = all.get(fixture.uri) ?? [];
  const result = hover(fixture.project, fixture.uri, fixture.position, { diagnostics, locale, related: all });
  return { diagnostics, text: (result?.contents as MarkupContent | undefined)?.value ?? '' };
}

describe('hover: help of the accessibility checks', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('shows the guide of the check under the cursor, with its WCAG page; the diagnostic links there too', () => {
    const { diagnostics, text } = hoverAt({ 'welcome.ses.html': '<p>Hi {{name}}</p><p style="color:#aaa">Small gr‸ey print</p>' });
    const contrast = diagnostics.find((d) => d.code === 'a11y-contrast');
    assert.equal(contrast?.codeDescription?.href, 'https://www.w3.org/WAI/WCAG21/Understanding/contrast-minimum.html');
    assert.match(text, /\*\*Colour contrast\*\* \(WCAG 1\.4\.3\)/);
    assert.match(text, /\[WCAG: Understanding 1\.4\.3\]\(https:\/\/www\.w3\.org\/WAI\/WCAG21\/Understanding\/contrast-minimum\.html\)/);
    assert.doesNotMatch(text, /Heading levels/);
  });

  it('in Chinese', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', '..', 'l10n'))! });
    const { text } = hoverAt({ 'welcome.ses.html': '<p>Hi {{name}}</p><a href="https://x.cn">点击‸这里</a>' }, 'zh-cn');
    assert.match(text, /\*\*说明去向的链接文字\*\* \(WCAG 2\.4\.4\)/);
    assert.match(text, /WCAG：理解准则 2\.4\.4/);
  });

  it('shows nothing where no check found anything', () => {
    assert.equal(hoverAt({ 'welcome.ses.html': '<p>Hi {{name}}</p><p style="color:#222">Dark te‸xt</p>' }).text, '');
  });
});
