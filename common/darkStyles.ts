// Whether a template has dark-mode styles of its own, for the preview (its "own styles" dark view) and
// the dark-mode checks (which stay quiet about what such a template may already handle). Pure.
import type { HtmlModel } from './htmlModel';

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Whether the template has dark-mode styles of its own: a `prefers-color-scheme: dark` query or an Outlook.com `[data-ogsc]`/`[data-ogsb]` rule. */
export function hasOwnDarkStyles(text: string, model: HtmlModel): boolean {
  for (const style of model.named('style')) {
    const css = text.slice(style.end, style.closeStart ?? text.length).toLowerCase();
    if (css.includes('data-ogsc') || css.includes('data-ogsb')) return true;
    for (let at = css.indexOf('prefers-color-scheme'); at >= 0; at = css.indexOf('prefers-color-scheme', at + 20)) {
      let k = at + 20;
      while (k < css.length && (isSpace(css.charCodeAt(k)) || css[k] === ':')) k++;
      if (css.startsWith('dark', k)) return true;
    }
  }
  return false;
}

