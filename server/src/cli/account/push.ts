// `ses-template push`: the templates whose content differs from Tencent Cloud's are created or
// updated (compared on the decoded remote content, so nothing unchanged goes back to review), those
// with error findings refused, new TemplateIDs written to ses.config.json; `--wait` follows the review.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  configKey, decodeTemplateContent, encodeTemplateContent, listAllTemplates, pushDecision, statusKind, templateNameProblem, withTemplateId,
  type TemplatesMetadata,
} from '#common/cloud/index';
import { displayPath } from '../runChecks';
import type { AccountArgs } from './accountArgs';
import { seconds } from './accountArgs';
import { failureText, type Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import { findConfig, readConfig, type LocalTemplate } from './localTemplates';
import { table, type Output } from './output';
import { byCount } from '#common/plural';

export type PlanAction = 'create' | 'update' | 'upToDate' | 'refused';

export interface PlanEntry {
  readonly template: LocalTemplate;
  readonly action: PlanAction;
  readonly templateId?: number;
  readonly changed?: readonly string[];
  readonly renamed?: boolean;
  /** Why it is refused. */
  readonly reason?: string;
  /** Linked by name to an existing remote template (no templateId in ses.config.json yet). */
  readonly linkedByName?: boolean;
}

export interface PushContext {
  readonly args: AccountArgs;
  readonly cwd: string;
  readonly out: Output;
  readonly connection: Connection;
  readonly progress: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

export async function push(templates: readonly LocalTemplate[], ctx: PushContext): Promise<ExitCode> {
  const { out, connection } = ctx;
  const display = (file: string) => displayPath(file, ctx.cwd);
  const label = (t: LocalTemplate) => display(path.join(t.folder, t.name));
  const waitSeconds = seconds(ctx.args.values.timeout, 1800);
  const intervalSeconds = seconds(ctx.args.values.interval, 30);
  if (waitSeconds === undefined || intervalSeconds === undefined) {
    out.add('error', l10n.t('--timeout and --interval take a number of seconds'));
    return EXIT.usage;
  }

  const listed = await listAllTemplates(connection.client);
  if (!listed.ok) {
    out.add('error', failureText(listed.failure, connection));
    return EXIT.api;
  }
  const plan: PlanEntry[] = [];
  for (const template of templates) {
    const entry = await planOne(template, listed.templates, connection);
    if ('failure' in entry) {
      out.add('error', entry.failure, label(template));
      return EXIT.api;
    }
    plan.push(entry);
  }

  const dryRun = ctx.args.values['dry-run'] === true;
  const results: Array<{ path: string; name: string; action: PlanAction; templateId?: number; changed?: readonly string[]; reason?: string; status?: string; reviewReason?: string }> = [];
  let exit: ExitCode = EXIT.ok;
  const pushed: Array<{ entry: PlanEntry; templateId: number }> = [];
  for (const entry of plan) {
    const t = entry.template;
    let templateId = entry.templateId;
    if (entry.action === 'refused') {
      out.add('error', l10n.t('not pushed: {0}', entry.reason ?? ''), label(t));
      exit = EXIT.findings;
    } else if (!dryRun && entry.action !== 'upToDate') {
      ctx.progress(entry.action === 'create' ? l10n.t('Creating {0}…', t.remoteName) : l10n.t('Updating {0} (TemplateID {1})…', t.remoteName, String(templateId)));
      const content = encodeTemplateContent(t.parts);
      const result = entry.action === 'create'
        ? await connection.client.call('CreateEmailTemplate', { TemplateName: t.remoteName, TemplateContent: content })
        : await connection.client.call('UpdateEmailTemplate', { TemplateID: templateId!, TemplateName: t.remoteName, TemplateContent: content });
      if (!result.ok) {
        const uncertain = entry.action === 'create' && (result.kind === 'timeout' || result.kind === 'network');
        out.add('error', (uncertain ? l10n.t('may or may not have been created; run `ses-template status` before pushing again.') + ' ' : '') + failureText(result, connection), label(t));
        results.push({ path: label(t), name: t.remoteName, action: entry.action, reason: result.code });
        return finish(out, results, EXIT.api);
      }
      if (entry.action === 'create') templateId = (result.data as { TemplateID: number }).TemplateID;
      pushed.push({ entry, templateId: templateId! });
    }
    if (!dryRun && templateId !== undefined && (entry.action === 'create' || entry.linkedByName)) {
      const problem = recordTemplateId(t, templateId, ctx.cwd);
      if (problem) {
        out.add('error', problem, label(t));
        exit = EXIT.usage;
      }
    }
    results.push({ path: label(t), name: t.remoteName, action: entry.action, templateId, changed: entry.changed, reason: entry.reason });
  }

  const words: Record<PlanAction, string> = {
    create: dryRun ? l10n.t('would create') : l10n.t('created'),
    update: dryRun ? l10n.t('would update') : l10n.t('updated'),
    upToDate: l10n.t('up to date'),
    refused: l10n.t('refused'),
  };
  out.lines.push(...table(results.map((r) => [
    words[r.action], r.path, r.name, r.templateId !== undefined ? `TemplateID ${r.templateId}` : '', r.changed?.length ? `(${r.changed.join(', ')})` : '',
  ])));
  const toPush = plan.filter((e) => e.action === 'create' || e.action === 'update').length;
  if (toPush === 0 && exit === EXIT.ok) out.add('info', l10n.t('Nothing to push: every template is up to date in Tencent Cloud.'));
  else if (dryRun) out.add('info', byCount(toPush, () => l10n.t('--dry-run: 1 template would be pushed; nothing was changed.'), () => l10n.t('--dry-run: {0} templates would be pushed; nothing was changed.', toPush)));
  else out.add('info', byCount(pushed.length, () => l10n.t('1 template pushed; it is pending review by Tencent Cloud.'), () => l10n.t('{0} templates pushed; each is pending review by Tencent Cloud.', pushed.length)));

  if (!dryRun && ctx.args.values.wait === true && pushed.length > 0) {
    const waited = await waitForReview(pushed.map((p) => p.templateId), ctx, waitSeconds * 1000, intervalSeconds * 1000);
    for (const r of results) {
      const review = r.templateId !== undefined ? waited.statuses.get(r.templateId) : undefined;
      if (review) Object.assign(r, { status: review.status, reviewReason: review.reason });
    }
    if (waited.code !== EXIT.ok) exit = waited.code;
  }
  return finish(out, results, exit);
}

function finish(out: Output, results: unknown[], exit: ExitCode): ExitCode {
  out.data.templates = results;
  return exit;
}

async function planOne(template: LocalTemplate, remote: readonly TemplatesMetadata[], connection: Connection): Promise<PlanEntry | { failure: string }> {
  if (template.errors.length > 0) {
    const first = template.errors[0];
    return { template, action: 'refused', reason: l10n.t('{0} error findings, e.g. {1}:{2} {3}', template.errors.length, first.path, first.line, first.code) };
  }
  if ((template.parts.html ?? '') === '' && (template.parts.text ?? '') === '') {
    return { template, action: 'refused', reason: l10n.t('the template is empty: Tencent Cloud refuses a template without content') };
  }
  const nameProblem = templateNameProblem(template.remoteName);
  if (nameProblem) return { template, action: 'refused', reason: l10n.t('the name "{0}" cannot be a Tencent Cloud template name ({1}): set "templateName" in ses.config.json', template.remoteName.slice(0, 40), nameProblem) };
  let templateId = template.config?.entry.templateId;
  let linkedByName = false;
  if (templateId === undefined) {
    // No TemplateID yet: a template of the same name is this one pushed before (or pulled): update it, never duplicate it.
    const same = remote.filter((r) => r.TemplateName === template.remoteName);
    if (same.length > 1) return { template, action: 'refused', reason: l10n.t('{0} templates in Tencent Cloud are named "{1}": set the templateId of this one in ses.config.json', same.length, template.remoteName) };
    if (same.length === 0) return { template, action: 'create' };
    templateId = same[0].TemplateID;
    linkedByName = true;
  }
  const got = await connection.client.call('GetEmailTemplate', { TemplateID: templateId });
  if (!got.ok) {
    if (got.code === 'InvalidParameterValue.TemplateNotExist') {
      return { template, action: 'refused', reason: l10n.t('TemplateID {0} of ses.config.json does not exist in Tencent Cloud (deleted?): remove it to create the template again', String(templateId)) };
    }
    return { failure: failureText(got, connection) };
  }
  const decoded = decodeTemplateContent(got.data.TemplateContent);
  if ('badField' in decoded) return { failure: l10n.t('Tencent Cloud answered TemplateID {0} with a {1} part that is not base64 of UTF-8 text', String(templateId), decoded.badField) };
  const decision = pushDecision(template.parts, template.remoteName, { parts: decoded.parts, name: got.data.TemplateName });
  if (decision.kind === 'upToDate') return { template, action: 'upToDate', templateId, linkedByName };
  if (decision.kind !== 'update') return { template, action: 'create' };
  return { template, action: 'update', templateId, changed: [...decision.changed, ...(decision.renamed ? ['name'] : [])], renamed: decision.renamed, linkedByName };
}

/** Writes `templates.<key>.templateId`, creating ses.config.json in the current folder when there is none. */
function recordTemplateId(template: LocalTemplate, templateId: number, cwd: string): string | undefined {
  const config = findConfig(template.folder, template.name, cwd);
  const inside = !path.relative(cwd, template.folder).startsWith('..');
  const file = config?.file ?? path.join(inside ? cwd : template.folder, 'ses.config.json');
  const key = config?.key ?? configKey(path.dirname(file).split(path.sep).join('/'), template.folder.split(path.sep).join('/'), template.name) ?? template.name;
  const text = config?.text ?? readConfig(file) ?? '';
  const updated = withTemplateId(text, key, templateId);
  if (updated === undefined) return l10n.t('TemplateID {0} could not be written to {1}: it is not a JSON object with an object "templates"', String(templateId), file);
  try {
    if (fs.existsSync(file) && fs.lstatSync(file).isSymbolicLink()) return l10n.t('TemplateID {0} was not written to {1}: it is a symbolic link', String(templateId), file);
    fs.writeFileSync(file, updated.endsWith('\n') ? updated : updated + '\n');
  } catch (error) {
    return l10n.t('TemplateID {0} could not be written to {1}: {2}', String(templateId), file, (error as Error).message);
  }
  return undefined;
}

/** Polls ListEmailTemplates until every template is approved or rejected, or the time runs out. */
async function waitForReview(ids: readonly number[], ctx: PushContext, timeoutMs: number, intervalMs: number): Promise<{ code: ExitCode; statuses: Map<number, { status: string; reason?: string }> }> {
  const { out, connection } = ctx;
  const deadline = Date.now() + timeoutMs;
  const statuses = new Map<number, { status: string; reason?: string }>();
  for (;;) {
    const listed = await listAllTemplates(connection.client);
    if (!listed.ok) {
      out.add('error', failureText(listed.failure, connection));
      return { code: EXIT.api, statuses };
    }
    const byId = new Map(listed.templates.map((t) => [t.TemplateID, t]));
    for (const id of ids) {
      const t = byId.get(id);
      statuses.set(id, { status: t ? statusKind(t.TemplateStatus) : 'unavailable', reason: t?.ReviewReason || undefined });
    }
    const pending = ids.filter((id) => statuses.get(id)!.status === 'pending');
    if (pending.length === 0 || Date.now() >= deadline) {
      let code: ExitCode = EXIT.ok;
      for (const id of ids) {
        const { status, reason } = statuses.get(id)!;
        const name = byId.get(id)?.TemplateName ?? String(id);
        if (status === 'approved') out.add('notice', l10n.t('{0} (TemplateID {1}) was approved.', name, String(id)));
        else if (status === 'rejected') {
          out.add('error', l10n.t('{0} (TemplateID {1}) was rejected: {2}', name, String(id), reason ?? l10n.t('no reason given')));
          code = EXIT.rejected;
        } else if (status === 'pending') {
          out.add('error', l10n.t('{0} (TemplateID {1}) is still in review after {2} seconds.', name, String(id), Math.round(timeoutMs / 1000)));
          if (code === EXIT.ok) code = EXIT.timeout;
        } else {
          out.add('error', l10n.t('{0} (TemplateID {1}) is no longer listed by Tencent Cloud.', name, String(id)));
          code = EXIT.api;
        }
      }
      return { code, statuses };
    }
    ctx.progress(byCount(pending.length, () => l10n.t('1 template in review; asking again in {0} s…', Math.round(intervalMs / 1000)), () => l10n.t('{0} templates in review; asking again in {1} s…', pending.length, Math.round(intervalMs / 1000))));
    await ctx.sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}
