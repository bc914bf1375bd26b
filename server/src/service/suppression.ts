// Inline suppression in HTML parts: `<!-- ses-disable-next-line code, code -->` hides those checks'
// findings that start on the next line, `<!-- ses-disable code -->` hides them from the comment to
// the end of the file; without codes, every check. Text parts have no comment that Tencent leaves
// alone (a Handlebars `{{!-- --}}` comment is itself flagged by `tencent-dialect` and sent verbatim),
// and JSON has none: suppression is for HTML parts only.
import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './checks/types';

interface Directive {
  readonly kind: 'next-line' | 'file';
  /** The comment, from `<!--` to `-->`. */
  readonly start: number;
  readonly end: number;
  /** The line a `next-line` directive applies to. */
  readonly line: number;
  /** The codes it names with their offsets; empty: every check. */
  readonly codes: ReadonlyArray<{ readonly code: string; readonly start: number; readonly end: number }>;
  /** The codes that hid a finding (`*` for a directive without codes). */
  readonly used: Set<string>;
}

const DIRECTIVE = /<!--\s*ses-disable(-next-line)?(?=[\s,]|-->)([\s\S]*?)-->/g;
const CODE = /[^\s,]+/g;

/** The suppression comments of one HTML part, and which of them hid something. */
export class Suppressions {
  private constructor(private readonly document: TextDocument, private readonly directives: readonly Directive[]) {}

  /** The directives of `document`, or undefined when it has none (the common case: nothing to do). */
  static of(document: TextDocument): Suppressions | undefined {
    const text = document.getText();
    if (!text.includes('ses-disable')) return undefined;
    const directives: Directive[] = [];
    // Up to the last `-->` only: past it the lazy `[\s\S]*?` of every unclosed `<!-- ses-disable`
    // searched to the end of the text, quadratic (800 KB of them took 4.6 s).
    const scanned = text.slice(0, text.lastIndexOf('-->') + 3);
    for (const match of scanned.matchAll(DIRECTIVE)) {
      const start = match.index;
      const end = start + match[0].length;
      const listStart = start + match[0].length - 3 - match[2].length;
      const codes = [...match[2].matchAll(CODE)].map((m) => ({ code: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length }));
      directives.push({
        kind: match[1] ? 'next-line' : 'file',
        start,
        end,
        line: document.positionAt(end).line + 1,
        codes,
        used: new Set(),
      });
    }
    return directives.length > 0 ? new Suppressions(document, directives) : undefined;
  }

  /** The comment that spans `offset`, for the quick fix of `unused-suppression`. */
  directiveAt(offset: number): Pick<Directive, 'start' | 'end' | 'codes'> | undefined {
    return this.directives.find((d) => d.start <= offset && offset < d.end);
  }

  /** Whether a finding of check `code` starting at `offset` is hidden; marks the directive used. */
  suppresses(code: string, offset: number): boolean {
    let line: number | undefined;
    let hidden = false;
    for (const directive of this.directives) {
      if (directive.kind === 'file') {
        if (offset < directive.end) continue;
      } else {
        line ??= this.document.positionAt(offset).line;
        if (line !== directive.line) continue;
      }
      if (directive.codes.length === 0) {
        directive.used.add('*');
        hidden = true;
      } else if (directive.codes.some((c) => c.code === code)) {
        directive.used.add(code);
        hidden = true;
      }
    }
    return hidden;
  }

  /**
   * The directives and codes that hid nothing, as findings of `unused-suppression`. `status` says
   * whether a code is a check that ran; codes of checks that are off are not reported, because the
   * comment may be for teammates with other settings.
   */
  unused(status: (code: string) => 'ran' | 'off' | 'unknown'): Finding[] {
    const findings: Finding[] = [];
    for (const directive of this.directives) {
      const name = directive.kind === 'file' ? 'ses-disable' : 'ses-disable-next-line';
      if (directive.codes.length === 0) {
        if (!directive.used.has('*')) {
          findings.push({
            start: directive.start,
            end: directive.end,
            message: directive.kind === 'file'
              ? l10n.t('This {0} comment hides nothing: no check reports anything after it.', `\`${name}\``)
              : l10n.t('This {0} comment hides nothing: no check reports anything on the next line.', `\`${name}\``),
          });
        }
        continue;
      }
      for (const { code, start, end } of directive.codes) {
        if (directive.used.has(code)) continue;
        const state = status(code);
        if (state === 'off') continue;
        findings.push({
          start,
          end,
          message: state === 'unknown'
            ? l10n.t('{0} is not a check of SES Template Studio, so this {1} comment cannot hide it.', `\`${code}\``, `\`${name}\``)
            : directive.kind === 'file'
              ? l10n.t('{0} reports nothing after this {1} comment: remove the code from it.', `\`${code}\``, `\`${name}\``)
              : l10n.t('{0} reports nothing on the next line: remove the code from this {1} comment.', `\`${code}\``, `\`${name}\``),
        });
      }
    }
    return findings;
  }
}
