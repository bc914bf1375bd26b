// The webview's own page: toolbar, header and the sandboxed iframe the email renders in. Its script
// (media/preview/preview.js) fills it from messages. Pure: no vscode import.
import { escapeHtml } from '#common/substitute';

export interface ShellOptions {
  /** The webview's `cspSource` (where our script and CSS come from). */
  readonly cspSource: string;
  /** A fresh random nonce per page: the only script allowed to run is ours. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly title: string;
}

/**
 * The webview page's Content-Security-Policy. `frame-src` is not needed for a srcdoc frame; 'none'
 * keeps the email from loading any frame at all. The email frame inherits this policy too.
 */
export function shellCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: http: data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    // No remote fonts (docs/preview.md, "What the preview loads"); the email frame inherits this policy.
    `font-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A nonce from 32 random bytes, base64 without padding (allowed in a CSP nonce). */
export function makeNonce(random: (size: number) => Uint8Array): string {
  return Buffer.from(random(32)).toString('base64').replace(/=+$/, '');
}

// sandbox="" grants nothing: no scripts, no same origin, no popups, no top navigation, no forms.
// csp: the policy the frame's document must enforce; preview.js sets each view's before its srcdoc.
// Each width has two such frames that take turns: the front one is shown, the back one loads the next
// document underneath and comes to the front once it has loaded (no blank frame while typing).
const emailFrame = (id: string, role: 'front' | 'back') =>
  `<iframe id="${id}" class="email ${role}" sandbox="" csp="default-src 'none'" referrerpolicy="no-referrer"${role === 'back' ? ' tabindex="-1" aria-hidden="true"' : ''}></iframe>`;

/**
 * The layout copy of a width's email: the same document under the same policy, sandboxed without
 * scripts (nothing of the template runs in it either) but same-origin, so that preview.js can read its
 * height and, for preview ↔ source, which element lies under a point. Never shown (off-screen, no
 * pointer events, hidden from assistive technology): what the user sees is the permission-less frame.
 */
const layoutFrame = (id: string) =>
  `<iframe id="${id}" class="layout" sandbox="allow-same-origin" csp="default-src 'none'" referrerpolicy="no-referrer" tabindex="-1" aria-hidden="true"></iframe>`;

export function shellHtml(options: ShellOptions): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${attr(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(shellCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${attr(options.title)}</title>
</head>
<body>
<div id="toolbar" role="toolbar">
  <label id="dataset-label"><span id="dataset-text"></span> <select id="dataset"></select></label>
  <div class="group" id="views" role="tablist">
    <button type="button" role="tab" data-view="html" id="view-html"></button>
    <button type="button" role="tab" data-view="imagesOff" id="view-imagesOff"></button>
    <button type="button" role="tab" data-view="text" id="view-text"></button>
    <button type="button" role="tab" data-view="darkPartial" id="view-darkPartial"></button>
    <button type="button" role="tab" data-view="darkFull" id="view-darkFull"></button>
    <button type="button" role="tab" data-view="darkOwn" id="view-darkOwn"></button>
  </div>
  <div class="group" id="widths">
    <button type="button" data-width="desktop" id="width-desktop"></button>
    <button type="button" data-width="mobile" id="width-mobile"></button>
    <button type="button" data-width="both" id="width-both"></button>
  </div>
  <button type="button" id="lock" aria-pressed="false"></button>
  <div class="group" id="actions">
    <button type="button" id="send-test"></button>
    <button type="button" id="preflight"></button>
  </div>
  <button type="button" id="image-problems" hidden></button>
</div>
<div id="header">
  <div class="row"><span class="key" id="from-key"></span> <span id="from"></span></div>
  <div class="row"><span class="key" id="subject-key"></span> <span id="subject"></span></div>
</div>
<div id="notices"></div>
<div id="stage"><div class="slot" id="slot-main">${emailFrame('email', 'front')}${emailFrame('email-next', 'back')}</div><div class="slot mobile" id="slot-side" hidden>${emailFrame('email-mobile', 'front')}${emailFrame('email-mobile-next', 'back')}</div></div>
<div id="layout" aria-hidden="true">${layoutFrame('layout-main')}${layoutFrame('layout-side')}</div>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>`;
}
