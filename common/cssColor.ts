// CSS colours and WCAG 2.x contrast, shared by the contrast and dark-mode checks (server) and the
// preview's dark-mode views (client). Only what email CSS writes: hex, rgb()/rgba() and the common
// named colours; anything else is "unknown": not judged, not transformed.

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0–1. */
  readonly a: number;
}

/** Named colours that email templates use; a name not listed is unknown (never guessed). */
const NAMED: Readonly<Record<string, string>> = {
  black: '000000', white: 'ffffff', red: 'ff0000', green: '008000', blue: '0000ff', yellow: 'ffff00',
  gray: '808080', grey: '808080', silver: 'c0c0c0', maroon: '800000', navy: '000080', purple: '800080',
  teal: '008080', olive: '808000', lime: '00ff00', aqua: '00ffff', cyan: '00ffff', fuchsia: 'ff00ff', magenta: 'ff00ff',
  orange: 'ffa500', pink: 'ffc0cb', brown: 'a52a2a', gold: 'ffd700', darkgray: 'a9a9a9', darkgrey: 'a9a9a9',
  lightgray: 'd3d3d3', lightgrey: 'd3d3d3', gainsboro: 'dcdcdc', whitesmoke: 'f5f5f5', dimgray: '696969', dimgrey: '696969',
  darkred: '8b0000', darkblue: '00008b', darkgreen: '006400', lightblue: 'add8e6', lightgreen: '90ee90', lightyellow: 'ffffe0',
  beige: 'f5f5dc', ivory: 'fffff0', snow: 'fffafa', linen: 'faf0e6', tomato: 'ff6347', crimson: 'dc143c', orangered: 'ff4500',
  skyblue: '87ceeb', steelblue: '4682b4', royalblue: '4169e1', dodgerblue: '1e90ff', slategray: '708090', slategrey: '708090',
  lightslategray: '778899', darkslategray: '2f4f4f', coral: 'ff7f50', salmon: 'fa8072', khaki: 'f0e68c', lavender: 'e6e6fa',
};

const clamp = (n: number) => Math.min(255, Math.max(0, n));

/** The colour a CSS value names, or undefined when it is not a plain colour (a variable, a gradient, `inherit`…). */
export function parseColor(raw: string): Rgba | undefined {
  const value = raw.trim().toLowerCase();
  if (value.startsWith('#')) return hex(value.slice(1));
  if (value.startsWith('rgb')) return rgbFunction(value);
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED[value];
  return named ? hex(named) : undefined;
}

function hex(digits: string): Rgba | undefined {
  if (!/^[0-9a-f]+$/.test(digits)) return undefined;
  if (digits.length === 3 || digits.length === 4) digits = [...digits].map((d) => d + d).join('');
  if (digits.length !== 6 && digits.length !== 8) return undefined;
  const at = (k: number) => parseInt(digits.slice(k, k + 2), 16);
  return { r: at(0), g: at(2), b: at(4), a: digits.length === 8 ? at(6) / 255 : 1 };
}

function rgbFunction(value: string): Rgba | undefined {
  const open = value.indexOf('(');
  if (open < 0 || !value.endsWith(')') || !/^rgba?$/.test(value.slice(0, open).trim())) return undefined;
  const parts = value.slice(open + 1, -1).split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
  const [r, g, b] = parts.slice(0, 3).map(channel);
  const a = parts.length === 4 ? (parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3])) : 1;
  if ([r, g, b, a].some((n) => !Number.isFinite(n))) return undefined;
  return { r: clamp(r), g: clamp(g), b: clamp(b), a: Math.min(1, Math.max(0, a)) };
}

/** `top` drawn over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio of two opaque colours, 1–21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `#rrggbb` of an opaque colour, for messages. */
export function hexOf({ r, g, b }: Rgba): string {
  return '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Whether a name is one of the named colours parseColor knows (lower case). */
export function isNamedColor(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(NAMED, name);
}

/**
 * Whether a colour reads as light: its relative luminance is above that of mid grey in perceived
 * lightness (CIE L* 50, luminance 0.18), where dark-mode clients draw the line between "light
 * background" and "dark background".
 */
export function isLight(color: Rgba): boolean {
  return luminance(color) > 0.18;
}

/** The colour with its HSL lightness inverted (L → 1 − L), hue and saturation kept: white ↔ black, #333 ↔ #ccc. */
export function invertLightness(color: Rgba): Rgba {
  const r = color.r / 255;
  const g = color.g / 255;
  const b = color.b / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  let s = 0;
  if (d > 0) {
    s = d / (1 - Math.abs(2 * l - 1));
    if (max === r) h = ((g - b) / d + 6) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
  }
  const l2 = 1 - l;
  const c = (1 - Math.abs(2 * l2 - 1)) * s;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = l2 - c / 2;
  const [r1, g1, b1] = h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  const channel = (v: number) => clamp(Math.round((v + m) * 255));
  return { r: channel(r1), g: channel(g1), b: channel(b1), a: color.a };
}

/** CSS text of a colour: `#rrggbb` when opaque, `rgba(…)` otherwise. */
export function cssColorText(color: Rgba): string {
  if (color.a >= 1) return hexOf(color);
  return `rgba(${Math.round(color.r)},${Math.round(color.g)},${Math.round(color.b)},${Number(color.a.toFixed(3))})`;
}
