// The spam score of a template: its MIME message built (message.ts), the local SpamAssassin run on it
// (spamassassin.ts), each rule hit located in the template (locate.ts). The CLI (--spam-score) and
// the command "SES: Spam Score" both call spamScore(). No vscode.
import { templateDataOf } from '../cloud/sendPlan';
import { templateSendConfig } from '../cloud/sesConfigFile';
import { configRanges, INFORMATIONAL, locateRule, type SourceText, type SpamSources, type SpamTarget } from './locate';
import { buildMessage, htmlFillEdits, textFillEdits, type BuiltMessage } from './message';
import { runSpamAssassin, type RunOptions, type SpamFailure, type SpamRule } from './spamassassin';

export * from './locate';
export * from './message';
export * from './spamassassin';

/** The sender used when neither the options nor ses.config.json name one. */
export const PLACEHOLDER_FROM = 'noreply@example.com';

export interface SpamScoreInput {
  readonly html?: SourceText;
  readonly text?: SourceText;
  /** The data set the variables are filled from; none: they stay as written. */
  readonly data?: SourceText;
  /** ses.config.json and the template's key in it. */
  readonly config?: SourceText & { readonly key: string };
  /** Over the config's. */
  readonly subject?: string;
  readonly from?: string;
  readonly run?: RunOptions;
  readonly date?: Date;
}

export interface ScoredRule extends SpamRule {
  /** Where to act on it, when the template has the place. */
  readonly target?: SpamTarget;
  /** Hit by every message built here (not sent through a server) or only saying what the message is. */
  readonly informational: boolean;
}

export type SpamScoreResult =
  | {
    readonly ok: true;
    readonly score: number;
    readonly required: number;
    readonly rules: readonly ScoredRule[];
    readonly version?: string;
    readonly message: BuiltMessage;
    /** The sender was neither given nor in ses.config.json: PLACEHOLDER_FROM was used. */
    readonly fromPlaceholder: boolean;
    readonly command: string;
  }
  | ({ readonly ok: false } & SpamFailure)
  | { readonly ok: false; readonly kind: 'noSubject' }
  | { readonly ok: false; readonly kind: 'noPart' }
  | { readonly ok: false; readonly kind: 'badData'; readonly file: string; readonly error: 'json' | 'notObject' };

export async function spamScore(input: SpamScoreInput): Promise<SpamScoreResult> {
  if (input.html === undefined && input.text === undefined) return { ok: false, kind: 'noPart' };
  const entry = input.config ? templateSendConfig(input.config.text, input.config.key) : undefined;
  const subject = input.subject ?? entry?.subject;
  if (!subject) return { ok: false, kind: 'noSubject' };
  let data: Record<string, unknown> = {};
  if (input.data) {
    const parsed = templateDataOf(input.data.text);
    if ('error' in parsed) return { ok: false, kind: 'badData', file: input.data.file, error: parsed.error };
    data = parsed.data;
  }
  const from = input.from ?? entry?.from;
  const message = buildMessage({ subject, from: from ?? PLACEHOLDER_FROM, html: input.html?.text, text: input.text?.text, data, date: input.date });
  const run = await runSpamAssassin(message.mime, input.run);
  if (!run.ok) return run;
  const ranges = input.config ? configRanges(input.config.text, input.config.key) : {};
  const sources: SpamSources = {
    // A subject or sender given as an option is not in the file: nothing there to link.
    config: input.config ? { file: input.config.file, text: input.config.text, subject: input.subject === undefined ? ranges.subject : undefined, from: input.from === undefined ? ranges.from : undefined } : undefined,
    html: input.html && { ...input.html, filled: message.html, edits: htmlFillEdits(input.html.text, data) },
    text: input.text && { ...input.text, filled: message.text, edits: textFillEdits(input.text.text, data) },
    data: input.data,
  };
  const rules = run.report.rules.map((rule): ScoredRule => {
    const target = locateRule(rule, sources);
    return { ...rule, ...(target ? { target } : {}), informational: INFORMATIONAL.has(rule.name) };
  });
  return { ok: true, score: run.report.score, required: run.report.required, rules, version: run.report.version, message, fromPlaceholder: from === undefined, command: run.command };
}
