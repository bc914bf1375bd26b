import * as l10n from '@vscode/l10n';
import { findForeignPlaceholders, type ForeignLanguage, type ForeignPlaceholder } from '../project/foreignPlaceholders';
import { htmlComments } from '../project/templateVariables';
import { code, tag } from './common';
import type { Check } from './types';

/**
 * Placeholders of other template languages (`*|FNAME|*`, `{% if %}`, `<%= name %>`, `${name}`, …) in
 * the subject, the HTML (attributes included, comments left out) and the text: Tencent SES fills only
 * `{{name}}`, so the recipient would read the tag as written. In both dialects: Handlebars does not
 * process them either. One finding per tag, each with a `{{name}}` quick fix where the tag is a plain
 * variable.
 */
export const foreignPlaceholder: Check = {
  meta: { id: 'foreign-placeholder', defaultSeverity: 'warning' },
  run({ project, report }) {
    const subject = project.subject;
    if (subject) {
      const text = subject.document.getText();
      for (const found of findForeignPlaceholders(text, subject.start, subject.end)) report(subject.document, { start: found.start, end: found.end, message: messageFor(found, text) });
    }
    for (const part of project.parts) {
      if (part.parsed.status === 'too-large' || part.parsed.status === 'binary') continue;
      const text = part.document.getText();
      const skip = part.kind === 'html' ? htmlComments(text) : [];
      for (const found of findForeignPlaceholders(text, 0, text.length, skip)) report(part.document, { start: found.start, end: found.end, message: messageFor(found, text) });
    }
  },
};

function languageName(language: ForeignLanguage): string {
  switch (language) {
    case 'mailchimp':
      return l10n.t('a Mailchimp merge tag');
    case 'jinja':
      return l10n.t('a Jinja, Liquid, Twig or Django tag');
    case 'erb':
      return l10n.t('an ERB, EJS or ASP tag');
    case 'sendgrid':
      return l10n.t('a SendGrid tag');
    case 'blade':
      return l10n.t('a Laravel Blade tag');
    case 'dollar-brace':
      return l10n.t('a FreeMarker, Velocity or JavaScript placeholder');
    case 'smarty':
      return l10n.t('a Smarty or PHP placeholder');
    case 'mailgun':
      return l10n.t('a Mailgun variable');
    case 'ampscript':
      return l10n.t('a Salesforce Marketing Cloud (AMPscript) tag');
  }
}

function messageFor(found: ForeignPlaceholder, text: string): string {
  const written = code(text.slice(found.start, found.end));
  const plain = '`{{name}}`';
  if (found.name) {
    return l10n.t('{0} is {1}: Tencent SES fills only {2} variables, so the recipient would read it as written. Write {3} and give {4} a value in the data sets.', written, languageName(found.language), plain, tag(found.name), code(found.name));
  }
  return l10n.t('{0} is {1}: Tencent SES fills only {2} variables and has no logic or built-in tags, so the recipient would read it as written. Replace it with a variable, or with text computed before sending.', written, languageName(found.language), plain);
}
