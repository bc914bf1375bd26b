// `ses-template status`: every template of the account with its review status and reason.
import * as l10n from '@vscode/l10n';
import { listAllTemplates, statusKind, type StatusKind } from '#common/cloud/index';
import type { AccountArgs } from './accountArgs';
import { failureText, type Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import { selected } from './nameFilter';
import { table, type Output } from './output';

export function statusWord(kind: StatusKind): string {
  return kind === 'approved' ? l10n.t('approved') : kind === 'pending' ? l10n.t('in review') : kind === 'rejected' ? l10n.t('rejected') : l10n.t('unavailable');
}

export async function status(args: AccountArgs, out: Output, connection: Connection): Promise<ExitCode> {
  const names = (args.values.name as string[] | undefined) ?? [];
  const listed = await listAllTemplates(connection.client);
  if (!listed.ok) {
    out.add('error', failureText(listed.failure, connection));
    return EXIT.api;
  }
  const rows = listed.templates
    .filter((t) => selected(String(t.TemplateName), t.TemplateID, names, []))
    .sort((a, b) => a.TemplateID - b.TemplateID)
    .map((t) => ({
      templateId: t.TemplateID,
      name: String(t.TemplateName),
      status: statusKind(t.TemplateStatus),
      reviewReason: typeof t.ReviewReason === 'string' && t.ReviewReason !== '' ? t.ReviewReason : undefined,
      created: Number.isFinite(t.CreatedTimestamp) && Math.abs(t.CreatedTimestamp) < 1e11 ? new Date(t.CreatedTimestamp * 1000).toISOString().slice(0, 10) : undefined,
    }));
  out.data.templates = rows;
  out.lines.push(...table([
    ['TemplateID', l10n.t('Status'), l10n.t('Name'), l10n.t('Created'), l10n.t('Review reason')],
    ...rows.map((r) => [String(r.templateId), statusWord(r.status), r.name.replace(/[\r\n\t]/g, ' '), r.created ?? '', (r.reviewReason ?? '').replace(/[\r\n\t]+/g, ' ')]),
  ]));
  if (rows.length === 0) out.add('info', names.length > 0 ? l10n.t('No template matches.') : l10n.t('The account has no templates.'));
  return EXIT.ok;
}
