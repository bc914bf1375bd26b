// `ses-template check --fix`: the editor's quick fixes (service/features/quickFixes.ts, those marked
// `auto`) applied to the files. Runs the checks, applies the preferred fix of each fixable finding
// in memory, and repeats until nothing is left to fix (one fix can enable another: removing one code
// of a `ses-disable` comment, then the comment). The caller writes the result, or prints it as a diff.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { autoFix } from '../service/features';
import { documentOf } from '../service/features/featureTarget';
import { isStyleFinding } from '../service/features/quickFixes';
import type { TemplateProject } from '../service/project/templateProject';
import { inlineCssText } from './inlineCss';
import { displayPath, runChecks, type RunInput } from './runChecks';

/** More passes than any chain of fixes needs; a bound, so a fix that undid another could not loop. */
const MAX_PASSES = 10;

export interface AppliedFix {
  readonly path: string;
  /** 1-based position of the finding fixed, in the text of the pass that fixed it. */
  readonly line: number;
  readonly column: number;
  readonly code: string;
  /** The quick fix's title, as the editor shows it. */
  readonly title: string;
}

export interface FixResult {
  /** The fixed text of each changed file, by absolute path. */
  readonly texts: Map<string, string>;
  /** The text each changed file had before, by absolute path. */
  readonly originals: Map<string, string>;
  readonly fixes: AppliedFix[];
}

export function computeFixes(input: RunInput, options: { fixUnused: boolean }): FixResult {
  const texts = new Map<string, string>();
  const originals = new Map<string, string>();
  const fixes: AppliedFix[] = [];
  // Templates whose <style> was inlined: once per run (what juice keeps, such as a media query,
  // stays in <style> and the finding with it; inlining again would change nothing).
  const inlined = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const pending = new Map<string, { document: TextDocument; edits: Array<{ start: number; end: number; edit: TextEdit }> }>();
    const passFixes: AppliedFix[] = [];
    runChecks({
      ...input,
      overlay: texts,
      onDiagnostics: (project, uri, diagnostics) => {
        for (const diagnostic of diagnostics) {
          const fix = autoFix(project, uri, diagnostic, options) ?? (inlined.has(uri) ? undefined : inlineStyleFix(project, uri, diagnostic));
          if (!fix) continue;
          // All edits of a fix or none: a fix overlapping one taken this pass waits for the next.
          const planned: Array<{ uri: string; document: TextDocument; start: number; end: number; edit: TextEdit }> = [];
          let clash = false;
          for (const [editUri, edits] of Object.entries(fix.changes)) {
            const document = documentOf(project, editUri)?.document;
            if (!document) {
              clash = true;
              break;
            }
            for (const edit of edits) {
              const start = document.offsetAt(edit.range.start);
              const end = document.offsetAt(edit.range.end);
              const taken = pending.get(editUri)?.edits ?? [];
              if (taken.some((t) => (t.start < end && start < t.end) || t.start === start || t.end === start || t.start === end)) clash = true;
              planned.push({ uri: editUri, document, start, end, edit });
            }
          }
          if (clash || planned.length === 0) continue;
          if (diagnostic.code === 'client-support') inlined.add(uri);
          for (const p of planned) {
            const entry = pending.get(p.uri) ?? { document: p.document, edits: [] };
            entry.edits.push({ start: p.start, end: p.end, edit: p.edit });
            pending.set(p.uri, entry);
          }
          passFixes.push({
            path: displayPath(fileURLToPath(uri), input.cwd),
            line: diagnostic.range.start.line + 1,
            column: diagnostic.range.start.character + 1,
            code: String(diagnostic.code),
            title: fix.title,
          });
        }
      },
    });
    if (pending.size === 0) break;
    for (const [uri, { document, edits }] of pending) {
      const file = fileURLToPath(uri);
      if (!originals.has(file)) originals.set(file, document.getText());
      texts.set(file, TextDocument.applyEdits(document, edits.map((e) => e.edit)));
    }
    fixes.push(...passFixes);
  }
  for (const [file, text] of texts) {
    if (originals.get(file) === text) {
      texts.delete(file);
      originals.delete(file);
    }
  }
  return { texts, originals, fixes };
}

/**
 * A `<style>` element that target clients strip (client-support, html-style): the editor's quick fix
 * "Inline the <style> rules" runs juice in the client; here the same inliner makes one edit of the
 * whole template. Undefined when juice changes nothing or fails (the finding stays, as without --fix).
 */
function inlineStyleFix(project: TemplateProject, uri: string, diagnostic: Diagnostic): { title: string; changes: Record<string, TextEdit[]> } | undefined {
  if (diagnostic.code !== 'client-support') return undefined;
  const at = documentOf(project, uri);
  if (at?.kind !== 'part') return undefined;
  const text = at.document.getText();
  if (!isStyleFinding(text, diagnostic, at.document.offsetAt(diagnostic.range.start))) return undefined;
  let after: string;
  try {
    after = inlineCssText(text);
  } catch {
    return undefined;
  }
  if (after === text) return undefined;
  const range = { start: at.document.positionAt(0), end: at.document.positionAt(text.length) };
  return { title: l10n.t('Inline the {0} rules', '<style>'), changes: { [uri]: [{ range, newText: after }] } };
}

/**
 * Writes the fixed texts, keeping a byte order mark the file had. A symbolic link is not written
 * through (it may point outside the repository): it is returned as not written, with the reason.
 */
export function writeFixes(texts: ReadonlyMap<string, string>): Array<{ file: string; error: unknown }> {
  const failed: Array<{ file: string; error: unknown }> = [];
  for (const [file, text] of texts) {
    try {
      if (fs.lstatSync(file).isSymbolicLink()) {
        failed.push({ file, error: Object.assign(new Error('symbolic link'), { code: 'ESYMLINK' }) });
        continue;
      }
      const raw = fs.readFileSync(file);
      const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
      fs.writeFileSync(file, (bom ? '\ufeff' : '') + text, 'utf8');
    } catch (error) {
      failed.push({ file, error });
    }
  }
  return failed;
}
