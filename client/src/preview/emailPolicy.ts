// What the email frame may load, per view (docs/preview.md, "What the preview loads"). The policy is
// enforced three times: by the iframe's `csp` attribute (the embedder's policy, which the template's
// markup cannot reach), by a <meta> at the very start of the email document, and by the webview's own
// policy, which a srcdoc frame inherits. Pure: no vscode import.
import type { PreviewView } from './messages';

/**
 * The HTML view loads images (http:, https:, data:), as a mail client with images on does, and nothing
 * else from the network: no web fonts (Gmail and Outlook ignore them, so the fallback font is what most
 * recipients see), no external style sheets (the webview's policy blocks them anyway), no media, no
 * frames, no scripts, no connections. `<link>` elements are removed as well (see linkElements.ts): a
 * prefetch passes any policy that lets images load.
 */
const HTML_VIEW = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; font-src data:; "
  + "script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; form-action 'none'; base-uri 'none'";

/**
 * Images off loads nothing at all: no directive names a network scheme, so no image of any kind
 * (`<img>`, `<input type=image>`, `<video poster>`, SVG `<image>`, any CSS `url()`, however written)
 * and no prefetch can load, whatever the markup. Fonts only from data: URLs, which are not loads.
 */
const IMAGES_OFF_VIEW = "default-src 'none'; img-src 'none'; media-src 'none'; style-src 'unsafe-inline'; font-src data:; "
  + "script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; form-action 'none'; base-uri 'none'";

/** The text views show our own <pre>: nothing to load. */
const TEXT_VIEW = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/** The Content-Security-Policy of the email document in `view` (`text` also for derived text). */
export function emailCsp(view: PreviewView | 'text'): string {
  switch (view) {
    case 'html':
    case 'darkPartial':
    case 'darkFull':
    case 'darkOwn':
      return HTML_VIEW;
    case 'imagesOff': return IMAGES_OFF_VIEW;
    default: return TEXT_VIEW;
  }
}
