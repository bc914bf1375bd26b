// `ses-template pull`: templates stored in Tencent Cloud written to files. A template linked in
// ses.config.json (its templateId) goes to its own files; others to `--out` as `<name>.ses.html/.txt`,
// linked there. A local file that differs is never overwritten without `--force`.
import * as l10n from '@vscode/l10n';
import { applyEdits, modify } from 'jsonc-parser';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  decodeTemplateContent, fileBaseName, linkedTemplates, listAllTemplates, partFileName, PART_KINDS, withTemplateId, type PartKind,
} from '#common/cloud/index';
import { displayPath } from '../runChecks';
import type { AccountArgs } from './accountArgs';
import { failureText, type Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import { readConfig } from './localTemplates';
import { selected } from './nameFilter';
import { table, type Output } from './output';

type PullAction = 'written' | 'unchanged' | 'differs' | 'overwritten';

export async function pull(args: AccountArgs, cwd: string, out: Output, connection: Connection): Promise<ExitCode> {
  const names = (args.values.name as string[] | undefined) ?? [];
  const idTexts = (args.values.id as string[] | undefined) ?? [];
  const ids = idTexts.map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : NaN));
  if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
    out.add('error', l10n.t('--id takes a TemplateID (a positive whole number)'));
    return EXIT.usage;
  }
  const force = args.values.force === true;
  const dryRun = args.values['dry-run'] === true;
  const outDir = path.resolve(cwd, (args.values.out as string | undefined) ?? '.');
  const configFile = path.join(outDir, 'ses.config.json');
  let configText = readConfig(configFile);
  const linked = new Map(configText === undefined ? [] : linkedTemplates(configText).map((l) => [l.templateId, l.key]));

  const listed = await listAllTemplates(connection.client);
  if (!listed.ok) {
    out.add('error', failureText(listed.failure, connection));
    return EXIT.api;
  }
  const chosen = listed.templates.filter((t) => selected(String(t.TemplateName), t.TemplateID, names, ids));
  if (chosen.length === 0) {
    out.add(names.length + ids.length > 0 ? 'error' : 'info', names.length + ids.length > 0 ? l10n.t('No template matches.') : l10n.t('The account has no templates.'));
    return names.length + ids.length > 0 ? EXIT.findings : EXIT.ok;
  }
  let exit: ExitCode = EXIT.ok;
  const rows: Array<{ templateId: number; name: string; files: Array<{ path: string; action: PullAction }> }> = [];
  for (const meta of chosen) {
    const got = await connection.client.call('GetEmailTemplate', { TemplateID: meta.TemplateID });
    if (!got.ok) {
      out.add('error', failureText(got, connection));
      return finish(out, rows, EXIT.api);
    }
    const decoded = decodeTemplateContent(got.data.TemplateContent);
    if ('badField' in decoded) {
      out.add('error', l10n.t('Tencent Cloud answered TemplateID {0} with a {1} part that is not base64 of UTF-8 text', String(meta.TemplateID), decoded.badField));
      exit = EXIT.api;
      continue;
    }
    const key = linked.get(meta.TemplateID) ?? fileBaseName(String(got.data.TemplateName), meta.TemplateID);
    const base = path.join(outDir, ...key.split('/'));
    // Never outside --out: a linked key is a path relative to the config, and `..` in it is not ours to follow.
    if (path.relative(outDir, base).startsWith('..')) {
      out.add('error', l10n.t('TemplateID {0}: the key "{1}" of ses.config.json leads outside {2}; not pulled', String(meta.TemplateID), key, displayPath(outDir, cwd)));
      exit = EXIT.usage;
      continue;
    }
    const files: Array<{ path: string; kind: PartKind; text: string; action: PullAction }> = [];
    for (const kind of PART_KINDS) {
      const text = decoded.parts[kind];
      if (text === undefined) continue;
      const file = path.join(path.dirname(base), partFileName(path.basename(base), kind));
      let local: string | undefined;
      try {
        local = fs.readFileSync(file, 'utf8');
      } catch {
        local = undefined;
      }
      files.push({ path: file, kind, text, action: local === undefined ? 'written' : local === text ? 'unchanged' : force ? 'overwritten' : 'differs' });
    }
    const conflict = files.some((f) => f.action === 'differs');
    if (conflict) {
      exit = exit === EXIT.ok ? EXIT.findings : exit;
      for (const f of files.filter((f) => f.action === 'differs')) {
        out.add('error', l10n.t('differs from TemplateID {0} in Tencent Cloud; not overwritten (use --force to overwrite it)', String(meta.TemplateID)), displayPath(f.path, cwd));
      }
    } else if (!dryRun) {
      for (const f of files.filter((f) => f.action === 'written' || f.action === 'overwritten')) {
        fs.mkdirSync(path.dirname(f.path), { recursive: true });
        fs.writeFileSync(f.path, f.text);
      }
      if (!linked.has(meta.TemplateID)) {
        const updated = linkEntry(configText ?? '', key, meta.TemplateID, String(got.data.TemplateName));
        if (updated === undefined) {
          out.add('error', l10n.t('TemplateID {0} could not be written to {1}: it is not a JSON object with an object "templates"', String(meta.TemplateID), displayPath(configFile, cwd)));
          exit = EXIT.usage;
        } else {
          configText = updated;
          fs.mkdirSync(outDir, { recursive: true });
          fs.writeFileSync(configFile, updated.endsWith('\n') ? updated : updated + '\n');
          linked.set(meta.TemplateID, key);
        }
      }
    }
    rows.push({ templateId: meta.TemplateID, name: String(got.data.TemplateName), files: files.map((f) => ({ path: displayPath(f.path, cwd), action: conflict && f.action !== 'differs' ? 'unchanged' : f.action })) });
  }
  const words: Record<PullAction, string> = {
    written: dryRun ? l10n.t('would write') : l10n.t('written'),
    overwritten: dryRun ? l10n.t('would overwrite') : l10n.t('overwritten'),
    unchanged: l10n.t('unchanged'),
    differs: l10n.t('differs, kept'),
  };
  out.lines.push(...table(rows.flatMap((r) => r.files.map((f) => [words[f.action], f.path, `TemplateID ${r.templateId}`, r.name]))));
  return finish(out, rows, exit);
}

function finish(out: Output, rows: unknown[], exit: ExitCode): ExitCode {
  out.data.templates = rows;
  return exit;
}

/** `templates.<key>` gets the templateId, and the remote name when the file name cannot be it. */
function linkEntry(text: string, key: string, templateId: number, name: string): string | undefined {
  const withId = withTemplateId(text, key, templateId);
  if (withId === undefined || name === key) return withId;
  const edits = modify(withId, ['templates', key, 'templateName'], name, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(withId, edits);
}
