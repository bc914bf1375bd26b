// `ses-template send`: one test send of a pushed template with one of its data sets. SendEmail is
// never retried (the client's RETRYABLE_ACTIONS): a lost answer may still mean the email went out.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillSubject, sendEmailRequest, templateDataOf, unsubscribeFor } from '#common/cloud/index';
import { displayPath } from '../runChecks';
import type { AccountArgs } from './accountArgs';
import { failureText, type Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import type { LocalTemplate } from './localTemplates';
import type { Output } from './output';

// Domain labels exclude the dot that separates them: with `[^\s@<>]+\.[^\s@<>]+` both runs could
// take the dots, and a long `a@a.a.a.… ` argument backtracked quadratically (80 KB: 8 s).
export const ADDRESS = /^[^\s@<>]+@[^\s@<>.]+(?:\.[^\s@<>.]+)+$/;

export async function send(template: LocalTemplate, args: AccountArgs, cwd: string, locale: string, out: Output, connection: Connection): Promise<ExitCode> {
  const to = (args.values.to as string[] | undefined) ?? [];
  if (to.length === 0) {
    out.add('error', l10n.t('--to needs at least one address'));
    return EXIT.usage;
  }
  const bad = to.find((a) => !ADDRESS.test(a.trim()));
  if (bad !== undefined) {
    out.add('error', l10n.t('"{0}" is not an email address', bad.slice(0, 80)));
    return EXIT.usage;
  }
  const entry = template.config?.entry;
  const templateId = entry?.templateId;
  if (templateId === undefined) {
    out.add('error', l10n.t('{0} has no templateId in ses.config.json: push it first (ses-template push).', template.name));
    return EXIT.usage;
  }
  const from = (args.values.from as string | undefined) ?? entry?.from;
  if (!from) {
    out.add('error', l10n.t('No sender: give --from, or set "from" (or defaults.from) in ses.config.json.'));
    return EXIT.usage;
  }
  const dataArg = (args.values.data as string | undefined) ?? 'default';
  const dataFile = template.dataSets.get(dataArg) ?? (/[/\\.]/.test(dataArg) ? path.resolve(cwd, dataArg) : undefined);
  if (!dataFile) {
    out.add('error', l10n.t('{0} has no data set "{1}" (it has: {2}).', template.name, dataArg, [...template.dataSets.keys()].join(', ') || '-'));
    return EXIT.usage;
  }
  let text: string;
  try {
    const stat = fs.statSync(dataFile);
    if (!stat.isFile() || stat.size > 1024 * 1024) throw Object.assign(new Error('not a regular file of a sensible size'), { code: 'EINVAL' });
    text = fs.readFileSync(dataFile, 'utf8');
  } catch (error) {
    out.add('error', l10n.t('cannot be read: {0}', (error as Error).message), displayPath(dataFile, cwd));
    return EXIT.usage;
  }
  const data = templateDataOf(text);
  if ('error' in data) {
    out.add('error', data.error === 'json' ? l10n.t('is not valid JSON') : l10n.t('is not a JSON object'), displayPath(dataFile, cwd));
    return EXIT.usage;
  }
  const subjectText = (args.values.subject as string | undefined) ?? entry?.subject;
  if (!subjectText) {
    out.add('error', l10n.t('No subject: give --subject, or set "subject" in ses.config.json.'));
    return EXIT.usage;
  }
  const request = sendEmailRequest({
    templateId,
    from,
    recipients: to.map((a) => a.trim()),
    subject: fillSubject(subjectText, data.data),
    data: data.data,
    trigger: entry?.trigger,
    unsubscribe: unsubscribeFor(entry?.trigger, entry?.unsubscribe, locale),
  });
  const result = await connection.client.sendEmail(request);
  if (!result.ok) {
    const uncertain = result.kind === 'timeout' || result.kind === 'network';
    out.add('error', (uncertain ? l10n.t('The email may or may not have been sent (it is never sent twice automatically).') + ' ' : '') + failureText(result, connection));
    out.data.sent = false;
    return EXIT.api;
  }
  out.data.sent = true;
  out.data.messageId = result.data.MessageId;
  out.data.templateId = templateId;
  out.add('info', l10n.t('Sent {0} (TemplateID {1}, data set {2}) to {3}: MessageId {4}', template.name, String(templateId), dataArg, to.join(', '), result.data.MessageId));
  return EXIT.ok;
}
