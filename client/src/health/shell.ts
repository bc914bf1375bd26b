// The Sending-health webview's page: an empty body its script (dist/webview/health.js, uPlot inside)
// fills from messages. Pure: no vscode import.
import { escapeHtml } from '#common/substitute';

export interface HealthShellOptions {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly title: string;
}

/**
 * No inline script or style, no eval: the script runs by its nonce, the CSS comes from the extension.
 * uPlot sizes and places its elements through the CSSOM (element.style), which a CSP without
 * 'unsafe-inline' allows; it draws on canvases.
 */
export function healthCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function healthShellHtml(options: HealthShellOptions): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${attr(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(healthCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${attr(options.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>`;
}
