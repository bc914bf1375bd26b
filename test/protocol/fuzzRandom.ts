// Deterministic generators for the LSP fuzzer: a seeded PRNG and hostile text of every kind a
// template, data set or ses.config.json could hold. Pure, so a failing seed replays exactly.

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

export interface Random {
  next(): number;
  /** 0 ≤ result < n */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

const HANDLEBARS = [
  '{{', '}}', '{{name}}', '{{ name }}', '{{#each items}}', '{{/each}}', '{{#if x}}', '{{else}}', '{{/if}}', '{{>', '{{> partial}}',
  '{{{{raw}}}}', '{{{{/raw}}}}', '\\{{', '\\\\{{x}}', '{{{html}}}', '{{!-- ', '--}}', '{{~x~}}', '{{a.b.c}}', '{{../x}}', '{{@index}}',
  '{{#}}', '{{/}}', '{{^}}', '{{&x}}', '{{x y=z}}', '{{__proto__}}', '{{constructor}}', '{{toString}}', '{{hasOwnProperty}}', '{{"a"}}',
  '{{[weird name]}}', '{{this}}', '{{.}}', '{{a/b}}', '{{1}}', '{{#each}}', '{{#with}}', '{{lookup . "x"}}',
];
const HTML = [
  '<img', '<img src="', '<img src="{{url}}" alt=x>', '<a href="javascript:alert(1)">', '<a href="{{link}}">x</a>', '<script>', '</script>',
  '<div onclick="<script>alert(1)</script>">', '<!--', '-->', '<!-- ses-disable-next-line image-missing-alt -->', '<!-- ses-disable -->',
  '<style>', '@import url(x);', 'background:url(', '<table><tr><td>', '</td></tr></table>', '<svg><use href="#a"/></svg>', '<![CDATA[', ']]>',
  '<!DOCTYPE html>', '<html><head><title>', '</title>', '<p>', '</p>', '<', '>', '"', "'", '&amp;', '&#x0;', '&#1114112;', '<a href=mailto:>',
  '<img src="data:image/svg+xml;base64,AAAA">', '<link rel=stylesheet href=x>', '<form>', '<iframe src=//x>', '<base href="file:///">',
];
const TEXT = [
  '\u0000', '\ufeff', '\r\n', '\r', '\n', '\u2028', '\u2029', '\ud800', '\udfff', '\udbff\udfff', '\ud83d\ude00', '免费', '退订', '彩票', '\u202e',
  '\t', ' ', 'x', 'name', 'FREE!!!', 'unsubscribe', 'click here', '\u0300\u0301\u0302', '\uffff', '\ufffd', 'é',
];
const JSON_BITS = [
  '{', '}', '[', ']', ',', ':', '"', '""', '"name"', '"__proto__"', '"constructor"', '"prototype"', '1e400', '-1e400', '1e-400', 'NaN', 'Infinity',
  'null', 'true', 'false', '0x10', '01', '-', '"\\u0000"', '"\\ud800"', '"\\', '"<b>x</b>"', '//', '/*', '*/', '"a":1,"a":2', '{"":1}',
];

function pieces(random: Random, from: readonly string[], count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += random.pick(from);
  return text;
}

/** Random bytes decoded the way a file with a wrong encoding would be read. */
function randomBytesText(random: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(256);
  return random.chance(0.5) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** Random UTF-16 code units, lone surrogates included. */
function randomUnits(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(random.int(0x10000));
  return text;
}

export type FileKind = 'html' | 'text' | 'data' | 'config';

/** Hostile text for a file of `kind`; sometimes enormous, usually a few hundred characters. */
export function hostileText(random: Random, kind: FileKind): string {
  const big = random.int(40);
  if (big === 0) return 'x'.repeat(1024 * 1024); // a 1 MB line
  if (big === 1) return kind === 'data' || kind === 'config' ? '['.repeat(100_000) : '{{#if a}}'.repeat(5_000);
  if (big === 2) return `<img ${Array.from({ length: 10_000 }, (_, i) => `a${i}="{{v${i % 50}}}"`).join(' ')}>`;
  if (big === 3) return randomBytesText(random, 2_000);
  if (big === 4) return randomUnits(random, 2_000);
  if (big === 5) return '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
  if (kind === 'data') return structuredJson(random, 0, true);
  if (kind === 'config') return configText(random);
  const mix = [...HANDLEBARS, ...(kind === 'html' ? HTML : []), ...TEXT];
  return pieces(random, mix, random.int(120));
}

/** JSON that is often valid, with hostile keys and values, sometimes broken at a random point. */
function structuredJson(random: Random, depth: number, top = false): string {
  const value = (): string => {
    if (depth > 4 || random.chance(0.6)) {
      return random.pick(['"x"', '"{{name}}"', '"<b>bold</b>"', '1e400', '-0', '123456789012345678901234567890', 'null', 'true', '"\\ud800"', '"\\u0000"', '[]', '{}', '"' + 'y'.repeat(900) + '"', '"免费"']);
    }
    return structuredJson(random, depth + 1);
  };
  let text: string;
  if (!top && random.chance(0.3)) {
    text = '[' + Array.from({ length: random.int(4) }, value).join(',') + ']';
  } else {
    const keys = ['name', 'url', 'link', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'a b', '{{x}}', 'name', 'v1', '\u0000', '\ud800'];
    text = '{' + Array.from({ length: random.int(8) }, () => `${JSON.stringify(random.pick(keys))}:${value()}`).join(',') + '}';
  }
  if (top && random.chance(0.3)) {
    const cut = random.int(text.length + 1);
    text = text.slice(0, cut) + pieces(random, JSON_BITS, random.int(5)) + text.slice(cut + random.int(3));
  }
  if (top && random.chance(0.1)) text = '\ufeff' + text;
  return text;
}

const WRONG = ['null', '1', '-1', '1e400', 'true', '"x"', '[]', '{}', '[1,[2]]', '{"__proto__":{"polluted":1}}', '"' + 'z'.repeat(5000) + '"', '"../../etc/passwd"', '"\\u0000"'];

/** ses.config.json with every field sometimes of the wrong type. */
function configText(random: Random): string {
  const field = (good: string) => (random.chance(0.4) ? random.pick(WRONG) : good);
  const template = () => `{"templateId":${field('21001')},"subject":${field('"Hi {{name}}"')},"from":${field('"a@b.c"')},"triggerType":${field('"marketing"')},"unsubscribe":${field('"1"')},"region":${field('"ap-guangzhou"')},"templateName":${field('"n"')},"html":${field('"t.ses.html"')},"text":${field('"t.ses.txt"')}}`;
  const names = ['t', 'welcome', '__proto__', 'constructor', 'sub/t', '../t', '', 'a/b/c/d', 't', '/abs', 'C:\\\\x', '%2e%2e'];
  const templates = Array.from({ length: random.int(5) }, () => `${JSON.stringify(random.pick(names))}:${random.chance(0.2) ? random.pick(WRONG) : template()}`);
  const body = `{"defaults":${field('{"region":"ap-guangzhou","from":"a@b.c"}')},"templates":${random.chance(0.2) ? random.pick(WRONG) : '{' + templates.join(',') + '}'}}`;
  if (random.chance(0.2)) {
    const cut = random.int(body.length + 1);
    return body.slice(0, cut) + pieces(random, JSON_BITS, random.int(4));
  }
  return random.chance(0.1) ? '// comment\n' + body : body;
}
