// The messages between the extension and the preview webview. media/preview/preview.js (plain JS, no
// bundler) refers to these types in JSDoc; both sides must change together. Pure: no vscode import.

import type { TextPatch } from './srcdocPatch';

/**
 * What the email frame shows: the rendered HTML, the HTML as with images blocked, the text part, and
 * the HTML as dark-mode clients show it (partial inversion, full inversion, the template's own dark styles).
 */
export type PreviewView = 'html' | 'imagesOff' | 'text' | 'darkPartial' | 'darkFull' | 'darkOwn';
/** Width of the email frame: desktop (a 700 px mail pane), mobile (375 px), or both side by side. */
export type PreviewWidth = 'desktop' | 'mobile' | 'both';

export const PREVIEW_VIEWS: readonly PreviewView[] = ['html', 'imagesOff', 'text', 'darkPartial', 'darkFull', 'darkOwn'];
export const PREVIEW_WIDTHS: readonly PreviewWidth[] = ['desktop', 'mobile', 'both'];

/** A piece of the filled subject: text, or a variable the data set lacks (shown raw and marked). */
export interface Segment {
  readonly text: string;
  readonly missing?: boolean;
}

export interface Notice {
  readonly kind: 'info' | 'warning';
  readonly text: string;
}

/** Everything the webview shows; sent whole on every change (it is small next to the srcdoc). */
export interface PreviewState {
  readonly template: string;
  /** The file the preview shows (kept by the webview for restoring the panel after a reload). */
  readonly sourceUri: string;
  /** Locked: the preview keeps this template instead of following the active editor. */
  readonly locked: boolean;
  readonly dataSets: readonly string[];
  readonly dataSet?: string;
  readonly view: PreviewView;
  readonly width: PreviewWidth;
  readonly from?: string;
  readonly subject?: readonly Segment[];
  /** The email document for the sandboxed iframe's `srcdoc`. */
  readonly srcdoc: string;
  /** Its Content-Security-Policy, also set as the iframe's `csp` attribute (emailPolicy.ts). */
  readonly csp: string;
  readonly notices: readonly Notice[];
  readonly missing: readonly string[];
  /** Number of image diagnostics (codes `image-…`) of the HTML part; the toolbar button text. */
  readonly imageProblems: number;
  readonly imageProblemsLabel: string;
  /**
   * Preview ↔ source (`sesStudio.preview.syncSource`): the email's elements carry their template
   * offsets (sourceMap.ts), and `doc` names this email: a click is accepted only for the email shown now.
   */
  readonly sync: boolean;
  readonly doc: number;
}

/** The webview's labels, localised by the extension (the webview has no l10n of its own). */
export interface PreviewStrings {
  readonly dataSet: string;
  readonly noDataSet: string;
  readonly viewHtml: string;
  readonly viewImagesOff: string;
  readonly viewText: string;
  readonly viewDarkPartial: string;
  readonly viewDarkFull: string;
  readonly viewDarkOwn: string;
  /** Tooltips of the dark views: the mail clients each stands for. */
  readonly darkPartialTooltip: string;
  readonly darkFullTooltip: string;
  readonly darkOwnTooltip: string;
  readonly desktop: string;
  readonly mobile: string;
  readonly both: string;
  readonly lock: string;
  readonly lockTooltip: string;
  readonly sendTest: string;
  readonly preflight: string;
  readonly from: string;
  readonly subject: string;
  readonly noSubject: string;
  readonly noSender: string;
  readonly missingVariables: string;
  readonly missingTooltip: string;
  readonly frameTitle: string;
  readonly views: string;
  readonly widths: string;
}

/** The change of the email document since email `base`, the one sent last (srcdocPatch.ts). */
export interface SrcdocPatch extends TextPatch {
  readonly base: number;
}

export type ToWebview =
  | { readonly type: 'init'; readonly strings: PreviewStrings }
  /**
   * With `patch`, `state.srcdoc` is empty: the document is the one of email `patch.base` (the webview's
   * last) with [start, end) replaced by text (srcdocPatch.ts); a webview without it asks again (`resync`).
   */
  | { readonly type: 'update'; readonly state: PreviewState; readonly patch?: SrcdocPatch }
  /** The editor's cursor is in the element that starts at `offset`: outline it and scroll it into view. */
  | { readonly type: 'highlight'; readonly doc: number; readonly offset: number }
  /** The editor's first visible element starts at `offset`: scroll the email there. */
  | { readonly type: 'scrollTo'; readonly doc: number; readonly offset: number };

export type FromWebview =
  | { readonly type: 'ready' }
  /** The webview could not apply a patch (it does not hold its base): send the whole document. */
  | { readonly type: 'resync' }
  | { readonly type: 'selectDataSet'; readonly set: string }
  | { readonly type: 'setView'; readonly view: PreviewView }
  | { readonly type: 'setWidth'; readonly width: PreviewWidth }
  | { readonly type: 'revealImageProblems' }
  | { readonly type: 'toggleLock' }
  | { readonly type: 'sendTest' }
  | { readonly type: 'preflight' }
  /**
   * A click on the email: the element (`data-ses`) or filled value (`data-ses-p`, placeholder true) under
   * it, by template offset, in email `doc`. Checked against that email's source map (sourceMap.ts,
   * `sourceRange`), never trusted: it carries no file, and names only a range of the previewed template.
   */
  | { readonly type: 'revealSource'; readonly doc: number; readonly offset: number; readonly placeholder: boolean }
  /**
   * A click on a filled value (or a missing `{{name}}` mark) of email `doc`, posted after its revealSource:
   * edit the value in the chosen data set. Only the offset of a wrapped placeholder of that email's map is
   * accepted; the extension asks for the value (once while its box is open) and writes only into the data
   * set the preview shows.
   */
  | { readonly type: 'editValue'; readonly doc: number; readonly offset: number };

/** Whether a message from the webview is one we understand: the webview is a separate context, check it. */
export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'resync':
    case 'revealImageProblems':
    case 'toggleLock':
    case 'sendTest':
    case 'preflight':
      return true;
    case 'selectDataSet':
      return typeof message.set === 'string' && message.set.length <= 200;
    case 'setView':
      return (PREVIEW_VIEWS as readonly unknown[]).includes(message.view);
    case 'setWidth':
      return (PREVIEW_WIDTHS as readonly unknown[]).includes(message.width);
    case 'revealSource':
      return Number.isSafeInteger(message.doc) && Number.isSafeInteger(message.offset) && typeof message.placeholder === 'boolean';
    case 'editValue':
      return Number.isSafeInteger(message.doc) && Number.isSafeInteger(message.offset);
    default:
      return false;
  }
}

/** What the webview keeps across a window reload (vscode.setState), to restore the panel. */
export interface PersistedPreview {
  readonly sourceUri: string;
  readonly locked: boolean;
  readonly view: PreviewView;
  readonly width: PreviewWidth;
  readonly dataSet?: string;
}

/** The persisted state if it has that shape (it comes back from the webview: checked, never trusted). */
export function persistedPreview(value: unknown): PersistedPreview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.sourceUri !== 'string' || v.sourceUri.length > 4096 || !v.sourceUri.startsWith('file:')) return undefined;
  return {
    sourceUri: v.sourceUri,
    locked: v.locked === true,
    view: (PREVIEW_VIEWS as readonly unknown[]).includes(v.view) ? (v.view as PreviewView) : 'html',
    width: (PREVIEW_WIDTHS as readonly unknown[]).includes(v.width) ? (v.width as PreviewWidth) : 'desktop',
    dataSet: typeof v.dataSet === 'string' && v.dataSet.length <= 200 ? v.dataSet : undefined,
  };
}
