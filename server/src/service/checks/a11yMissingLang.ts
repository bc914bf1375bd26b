import * as l10n from '@vscode/l10n';
import { attribute } from '#common/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/**
 * `<html>` without `lang`: screen readers then read the email in the reader's default voice, so a
 * Chinese email is spelled out by an English voice (WCAG 3.1.1). A fragment without `<html>` is left
 * alone: the template may be a piece that another system wraps.
 */
export const a11yMissingLang: Check = {
  meta: { id: 'a11y-missing-lang', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const root = html.named('html')[0];
      if (!root) continue;
      const lang = attribute(root, 'lang') ?? attribute(root, 'xml:lang');
      if (lang?.value !== undefined && lang.value.trim() !== '') continue;
      report(document, { ...tagRange(root), message: l10n.t('{0} has no {1}: screen readers then read the email in the reader\'s default voice and pronunciation. Add the language of the content, e.g. {2} or {3}.', '`<html>`', '`lang`', '`lang="zh-CN"`', '`lang="en"`') });
    }
  },
};
