// "SES: Inline CSS" (client/src/commands/inlineCss.ts): the CSS of a template's `<style>` rules moved
// into `style` attributes with juice (MIT), for the clients that strip `<style>`. Bundled by esbuild
// into dist/inlineCss.js, a file of its own that the command loads when it runs: juice and its
// parser never load with the extension, nor in the language server.
import juice from 'juice';

/** Kept in `<style>`: what cannot be inlined (media queries, `@font-face`, pseudo-classes such as `:hover`). */
export const JUICE_OPTIONS = {
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preservePseudos: true,
  preserveImportant: true,
  removeStyleTags: true,
  applyWidthAttributes: false,
  applyHeightAttributes: false,
  applyAttributesTableElements: false,
  decodeStyleAttributes: false,
  xmlMode: false,
};

/** `html` with its `<style>` rules inlined; `{{variables}}` and Handlebars blocks are kept as written. */
export function inlineCss(html) {
  return juice(html, JUICE_OPTIONS);
}
