// The CSS inliner of `ses-template check --fix`: the same module as the editor's "SES: Inline CSS"
// (client/juice/inlineCss.mjs: juice, MIT), bundled by esbuild.mjs into an inlineCss.js beside cli.js
// (dist/ and packages/cli/dist/). Required on the first template to inline, so a check that inlines
// nothing never loads juice.
import { createRequire } from 'node:module';
import * as path from 'node:path';

interface Inliner {
  inlineCss(html: string): string;
}
let inliner: Inliner | undefined;

/** `html` with its `<style>` rules written into `style` attributes (media queries, web fonts, pseudo-classes kept). */
export function inlineCssText(html: string): string {
  const file = path.join(__dirname, 'inlineCss.js');
  inliner ??= createRequire(file)(file) as Inliner;
  return inliner.inlineCss(html);
}
