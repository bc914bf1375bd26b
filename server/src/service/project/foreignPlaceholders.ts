// Placeholders of other template languages: Tencent SES substitutes only `{{name}}`, so a template
// ported from Mailchimp, SendGrid, Jinja, ERB, Blade, FreeMarker, Smarty, Mailgun or Marketing Cloud
// keeps their tags as written, and the recipient reads `*|FNAME|*` or `${name}` in the email.
//
// One pass over the text: at each opener, the closer is looked for within a bounded window and stops
// at characters the tag cannot hold, so the work is at most WINDOW steps per opener (linear), with no
// regular expression on the template text.

export type ForeignLanguage = 'mailchimp' | 'jinja' | 'erb' | 'sendgrid' | 'blade' | 'dollar-brace' | 'smarty' | 'mailgun' | 'ampscript';

export interface ForeignPlaceholder {
  readonly start: number;
  readonly end: number;
  readonly language: ForeignLanguage;
  /** A plain variable name the tag stands for (`FNAME` of `*|FNAME|*`), when it is one: a `{{name}}` can replace it. */
  readonly name?: string;
}

/** Longest tag looked for: real tags are short; a longer span is text that happens to hold an opener. */
const WINDOW = 200;

/** SendGrid's Marketing Campaigns sender and unsubscribe tags, as SendGrid spells them (case matters). */
const SENDGRID_TAGS = new Set(['Sender_Name', 'Sender_Address', 'Sender_City', 'Sender_State', 'Sender_Zip', 'Unsubscribe', 'Unsubscribe_Preferences', 'Weblink']);
/** SendGrid's legacy template tags `<%body%>` and `<%subject%>`. */
const SENDGRID_LEGACY = new Set(['body', 'subject']);
/** Mailgun's variables without the `recipient.` prefix. */
const MAILGUN_TAGS = new Set(['unsubscribe_url', 'tag_unsubscribe_url', 'mailing_list_unsubscribe_url', 'recipient_email', 'recipient_fname', 'recipient_lname']);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/** `text` when it is a plain name (letters, digits, underscores, not starting with a digit). */
export function plainName(text: string): string | undefined {
  if (text.length === 0 || text.length > 64 || !isNameStart(text.charCodeAt(0))) return undefined;
  for (let i = 1; i < text.length; i++) if (!isNameChar(text.charCodeAt(i))) return undefined;
  return text;
}

/**
 * The offset just past `close` when it occurs after `from` within the window, before any of
 * `stops` (char codes) and, unless `lines`, before a line break; otherwise -1.
 */
function closing(text: string, from: number, close: string, stops: string, lines = false): number {
  const limit = Math.min(text.length, from + WINDOW);
  const first = close.charCodeAt(0);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === first && text.startsWith(close, i)) return i + close.length;
    if ((!lines && (c === 10 || c === 13)) || stops.includes(text[i])) return -1;
  }
  return -1;
}

/**
 * The placeholders of other template languages in `text[from, to)`, in order, leaving out the
 * ranges in `skip` (sorted and disjoint: HTML comments, which the recipient does not read).
 */
export function findForeignPlaceholders(text: string, from = 0, to = text.length, skip: ReadonlyArray<{ start: number; end: number }> = []): ForeignPlaceholder[] {
  const found: ForeignPlaceholder[] = [];
  let skipIndex = 0;
  let i = from;
  while (i < to - 1) {
    while (skipIndex < skip.length && skip[skipIndex].end <= i) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= i) {
      i = skip[skipIndex].end;
      continue;
    }
    // Most characters open no tag: test them here, without a call.
    const c = text.charCodeAt(i);
    if (c >= OPENS_TAG.length || OPENS_TAG[c] === 0) {
      i++;
      continue;
    }
    const tag = tagAt(text, i, to);
    if (tag) {
      found.push(tag);
      i = tag.end;
    } else i++;
  }
  return found;
}

/** 1 at the char codes tagAt looks at: `*`, `{`, `$`, `<`, `[`, `%`. */
const OPENS_TAG = new Uint8Array(128);
for (const opener of '*{$<[%') OPENS_TAG[opener.charCodeAt(0)] = 1;

function tagAt(text: string, i: number, to: number): ForeignPlaceholder | undefined {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  let end: number;
  switch (c) {
    case 42 /* * */:
      // Mailchimp merge tags: `*|FNAME|*`, `*|IF:FNAME|*`, `*|END:IF|*`, `*|DATE:Y|*`.
      if (next !== 124 /* | */) return undefined;
      end = closing(text, i + 2, '|*', '<>*{}');
      if (end < 0 || end > to || end - i <= 4) return undefined;
      return { start: i, end, language: 'mailchimp', name: plainName(text.slice(i + 2, end - 2)) };
    case 123 /* { */:
      if (next === 37 /* % */) {
        // Jinja, Liquid, Twig, Django and Nunjucks statements: `{% if x %}`, `{% for … %}`.
        end = closing(text, i + 2, '%}', '{}', true);
        return end > 0 && end <= to ? { start: i, end, language: 'jinja' } : undefined;
      }
      if (next === 33 /* ! */ && text.startsWith('{!!', i)) {
        // Blade's unescaped output: `{!! $name !!}`.
        end = closing(text, i + 3, '!!}', '{}<>', true);
        if (end < 0 || end > to) return undefined;
        const inner = text.slice(i + 3, end - 3).trim();
        return { start: i, end, language: 'blade', name: plainName(inner.startsWith('$') ? inner.slice(1) : inner) };
      }
      if (next === 36 /* $ */) {
        // Smarty and PHP string interpolation: `{$name}`, `{$user.name}`.
        if (!isNameStart(text.charCodeAt(i + 2))) return undefined;
        end = closing(text, i + 3, '}', '{<> \t"\'');
        if (end < 0 || end > to) return undefined;
        return { start: i, end, language: 'smarty', name: plainName(text.slice(i + 2, end - 1)) };
      }
      return undefined;
    case 36 /* $ */:
      // FreeMarker, Velocity, Thymeleaf and JavaScript template literals: `${name}`, `${user.name!}`.
      if (next !== 123 /* { */) return undefined;
      end = closing(text, i + 2, '}', '{<>');
      if (end < 0 || end > to || end - i <= 3) return undefined;
      return { start: i, end, language: 'dollar-brace', name: plainName(text.slice(i + 2, end - 1).trim()) };
    case 60 /* < */: {
      // ERB, EJS and ASP: `<%= name %>`, `<% if … %>`; SendGrid's legacy `<%body%>`.
      if (next !== 37 /* % */) return undefined;
      // A `<` ends the search: markup after an opener means it was text, and a run of `<%` stays linear.
      end = closing(text, i + 2, '%>', '<', true);
      if (end < 0 || end > to) return undefined;
      const inner = text.slice(i + 2, end - 2);
      if (SENDGRID_LEGACY.has(inner)) return { start: i, end, language: 'sendgrid' };
      const output = inner.startsWith('=') || inner.startsWith('-') ? inner.slice(1).trim() : undefined;
      return { start: i, end, language: 'erb', name: output === undefined ? undefined : plainName(output.startsWith('@') ? output.slice(1) : output) };
    }
    case 91 /* [ */: {
      // SendGrid's sender and unsubscribe tags: `[Sender_Name]`, `[Unsubscribe]`.
      if (next !== 83 /* S */ && next !== 85 /* U */ && next !== 87 /* W */) return undefined;
      end = closing(text, i + 1, ']', '[<> ');
      // `[Unsubscribe](https://…)` is a Markdown link someone wrote by hand, not a tag.
      if (end < 0 || end > to || !SENDGRID_TAGS.has(text.slice(i + 1, end - 1)) || text.charCodeAt(end) === 40 /* ( */) return undefined;
      return { start: i, end, language: 'sendgrid' };
    }
    case 37 /* % */: {
      if (next === 37 /* %% */) {
        // Salesforce Marketing Cloud: `%%FirstName%%`, `%%=v(@name)=%%`.
        end = closing(text, i + 2, '%%', '<>{} ');
        if (end < 0 || end > to || end - i <= 4) return undefined;
        const inner = text.slice(i + 2, end - 2);
        const name = plainName(inner);
        if (!name && !(inner.startsWith('=') && inner.endsWith('='))) return undefined;
        return { start: i, end, language: 'ampscript', name };
      }
      // Mailgun: `%recipient.first_name%`, `%unsubscribe_url%`.
      if (!isNameStart(next)) return undefined;
      end = closing(text, i + 1, '%', '<>{} ');
      if (end < 0 || end > to) return undefined;
      const inner = text.slice(i + 1, end - 1);
      if (inner.startsWith('recipient.')) return { start: i, end, language: 'mailgun', name: plainName(inner.slice('recipient.'.length)) };
      return MAILGUN_TAGS.has(inner) ? { start: i, end, language: 'mailgun' } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether `value` (an attribute value) starts with another language's placeholder, as in
 * `href="*|UNSUB|*"`: what the URL is (scheme, host) is then unknown, and foreign-placeholder's
 * finding says what is wrong; the URL checks leave it alone rather than call it relative.
 */
export function startsWithForeignPlaceholder(value: string): boolean {
  const text = value.trimStart();
  // Only a tag at offset 0 counts: look there alone (findForeignPlaceholders would scan the whole value
  // for every image and link URL, 5% of checking 2,000 templates), with the same window it was given.
  const to = Math.min(text.length, 256);
  return to > 1 && tagAt(text, 0, to) !== undefined;
}
