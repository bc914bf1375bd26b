// The email a template becomes when Tencent SES sends it, as one MIME message: the subject of
// ses.config.json, the sender, the HTML and text parts, every `{{variable}}` filled from a data set by
// the preview's own filling code (substitute.ts), so a spam filter reads what recipients would get.
// Pure: no vscode, no I/O.
import { fillSubject } from '../cloud/sendPlan';
import { applyEdits, type Edit } from '../htmlEdits';
import { parseHtml } from '../htmlModel';
import { fillEdits, fillSegments, placeholders } from '../substitute';

export interface MessageInput {
  /** The subject as written in ses.config.json (`{{variables}}` are filled). */
  readonly subject: string;
  /** `Name <address>` or an address. */
  readonly from: string;
  /** The recipient; a placeholder address by default (no mail is sent). */
  readonly to?: string;
  readonly html?: string;
  readonly text?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly date?: Date;
  /** The left part of the Message-ID; random by default. */
  readonly messageIdLocal?: string;
}

export interface BuiltMessage {
  /** The whole message, CRLF line ends. */
  readonly mime: string;
  /** The filled subject, HTML and text as sent. */
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
}

/** The edits that fill an HTML part's variables the data set has (values HTML-escaped, as the preview shows them); missing ones stay as written. */
export function htmlFillEdits(html: string, data: Readonly<Record<string, unknown>>): Edit[] {
  const filled = placeholders(html, data).filter((p) => p.value !== undefined);
  return filled.length ? fillEdits(filled, parseHtml(html).texts, () => '', html) : [];
}

/** The edits that fill a text part's (or subject's) variables; missing ones stay as written. */
export function textFillEdits(text: string, data: Readonly<Record<string, unknown>>): Edit[] {
  return placeholders(text, data).flatMap((p) => (p.value === undefined ? [] : [{ start: p.start, end: p.end, text: p.value }]));
}

export function fillHtmlForSend(html: string, data: Readonly<Record<string, unknown>>): string {
  return applyEdits(html, htmlFillEdits(html, data));
}

/** The text part filled; missing variables stay as written. */
export function fillTextForSend(text: string, data: Readonly<Record<string, unknown>>): string {
  return fillSegments(text, data).map((s) => s.text).join('');
}

/**
 * The offset in the template of an offset in its filled text (`edits` sorted, as applyEdits left
 * them): inside a filled value, the start of its `{{…}}`.
 */
export function sourceOffset(edits: readonly Edit[], filledOffset: number, end = false): number {
  let delta = 0;
  for (const edit of edits) {
    const filledStart = edit.start + delta;
    if (filledOffset < filledStart || (end && filledOffset === filledStart)) break;
    const filledEnd = filledStart + edit.text.length;
    if (filledOffset < filledEnd || (end && filledOffset === filledEnd)) return end ? edit.end : edit.start;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return filledOffset - delta;
}

export function buildMessage(input: MessageInput): BuiltMessage {
  const subject = fillSubject(input.subject, input.data);
  const html = input.html === undefined ? undefined : fillHtmlForSend(input.html, input.data);
  const text = input.text === undefined ? undefined : fillTextForSend(input.text, input.data);
  const fromAddress = addressOf(input.from);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'localhost';
  const local = input.messageIdLocal ?? randomHex(24);
  const headers = [
    `From: ${encodeAddress(input.from)}`,
    `To: ${input.to ?? 'recipient@example.com'}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${rfc2822Date(input.date ?? new Date())}`,
    `Message-ID: <${local}@${domain}>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) => [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join('\r\n');
  let body: string;
  if (html !== undefined && text !== undefined) {
    const boundary = `=_ses_${local}`;
    headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    body = ['', `--${boundary}`, part('text/plain', text), `--${boundary}`, part('text/html', html), `--${boundary}--`, ''].join('\r\n');
  } else {
    body = '\r\n' + part(html !== undefined ? 'text/html' : 'text/plain', html ?? text ?? '') + '\r\n';
    // The part's own headers are the message's: drop the blank line before them.
    return { mime: headers.join('\r\n') + body, subject, html, text };
  }
  return { mime: headers.join('\r\n') + '\r\n' + body, subject, html, text };
}

/** The address of `Name <address>`, or the whole value trimmed. */
export function addressOf(from: string): string {
  const open = from.lastIndexOf('<');
  const close = from.lastIndexOf('>');
  return (open >= 0 && close > open ? from.slice(open + 1, close) : from).trim();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e || (text.charCodeAt(i) < 0x20 && text[i] !== '\t')) return false;
  return true;
}

/** A header value: as is when printable ASCII, else RFC 2047 encoded words (UTF-8, base64), folded. */
export function encodeHeader(value: string): string {
  const flat = value.split('\r').join(' ').split('\n').join(' ');
  if (isAscii(flat)) return flat;
  const words: string[] = [];
  let chunk = '';
  // At most 45 bytes a word (60 base64 characters, 72 with the frame): whole characters only.
  for (const char of flat) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** `Name <address>` with a non-ASCII name encoded. */
function encodeAddress(from: string): string {
  const open = from.lastIndexOf('<');
  if (open <= 0) return from.trim();
  const name = from.slice(0, open).trim().replace(/^"|"$/g, '');
  const address = from.slice(open).trim();
  return `${isAscii(name) ? `"${name.split('"').join('')}"` : encodeHeader(name)} ${address}`;
}

/** Quoted-printable (RFC 2045) of UTF-8 text: CRLF line ends, soft breaks at 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.split('\r\n').join('\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8');
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const last = i === bytes.length - 1;
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const piece = plain ? String.fromCharCode(b) : '=' + b.toString(16).toUpperCase().padStart(2, '0');
      if (current.length + piece.length > 75) {
        out.push(current + '=');
        current = '';
      }
      current += piece;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function rfc2822Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function randomHex(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(Math.random() * 16).toString(16);
  return out;
}
