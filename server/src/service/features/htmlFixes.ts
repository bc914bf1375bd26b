// Code actions on an element of an HTML part for what Outlook on Windows and other old engines read
// from attributes rather than CSS: `width`/`height` attributes on an `<img>` from its inline style,
// and a `bgcolor` fallback from an inline `background-color`. Mechanical: the values are copied, never
// guessed. Computed on request only (the editor's code-action request), not while validating.
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { attribute, htmlModelOf, type HtmlElement } from '#common/htmlModel';
import type { PartModel } from '../project/templateProject';
import { rangeOf } from './featureTarget';

/** The declarations of an inline style, property lower case, value trimmed (`!important` dropped). */
export function inlineDeclarations(style: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    let value = declaration.slice(colon + 1).trim();
    const bang = value.indexOf('!');
    if (bang >= 0) value = value.slice(0, bang).trim();
    if (property && value && !found.has(property)) found.set(property, value);
  }
  return found;
}

/** `120px` or `120` → `120`; anything else (%, em, auto, a variable) → undefined. */
export function pixels(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  const number = lower.endsWith('px') ? lower.slice(0, -2).trim() : lower;
  if (number === '' || number.length > 6) return undefined;
  for (const char of number) if (char < '0' || char > '9') return undefined;
  return String(Number(number));
}

/** `#abc`, `#aabbcc` or a colour keyword of letters only; undefined for anything else. */
export function plainColor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const color = value.trim();
  if (color.startsWith('#') && (color.length === 4 || color.length === 7)) {
    for (const char of color.slice(1).toLowerCase()) if (!((char >= '0' && char <= '9') || (char >= 'a' && char <= 'f'))) return undefined;
    return color;
  }
  if (color.length < 3 || color.length > 20) return undefined;
  for (const char of color.toLowerCase()) if (char < 'a' || char > 'z') return undefined;
  return ['transparent', 'inherit', 'initial', 'unset', 'currentcolor', 'none'].includes(color.toLowerCase()) ? undefined : color;
}

const BGCOLOR_TAGS = new Set(['table', 'tr', 'td', 'th', 'body']);

/** The element actions for the start tags that `range` touches in `part`. */
export function htmlElementActions(part: PartModel, uri: string, range: Range): CodeAction[] {
  if (part.kind !== 'html' || part.parsed.status === 'binary' || part.parsed.status === 'too-large') return [];
  const { document } = part;
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const element of htmlModelOf(part).elements) {
    if (element.start > end) break;
    if (element.end < start || !(element.tag === 'img' || BGCOLOR_TAGS.has(element.tag))) continue;
    const style = attribute(element, 'style')?.value;
    if (!style || style.includes('{{')) continue;
    const declarations = inlineDeclarations(style);
    const insert = (text: string, title: string) => actions.push({
      title,
      kind: CodeActionKind.RefactorRewrite,
      edit: { changes: { [uri]: [{ range: rangeOf(document, element.nameEnd, element.nameEnd), newText: text }] } },
    });
    if (element.tag === 'img') sizeAction(element, declarations, insert);
    else bgcolorAction(element, declarations, insert);
  }
  return actions;
}

function sizeAction(img: HtmlElement, declarations: Map<string, string>, insert: (text: string, title: string) => void): void {
  const attributes: string[] = [];
  for (const name of ['width', 'height'] as const) {
    const value = pixels(declarations.get(name));
    if (value && !attribute(img, name)) attributes.push(`${name}="${value}"`);
  }
  if (attributes.length > 0) insert(' ' + attributes.join(' '), l10n.t('Add {0} from the inline style (Outlook reads the attributes)', attributes.join(' ')));
}

function bgcolorAction(element: HtmlElement, declarations: Map<string, string>, insert: (text: string, title: string) => void): void {
  if (attribute(element, 'bgcolor')) return;
  const color = plainColor(declarations.get('background-color')) ?? plainColor(declarations.get('background'));
  if (color) insert(` bgcolor="${color}"`, l10n.t('Add the fallback {0} from the inline background-color', `bgcolor="${color}"`));
}
