// What the CLI writes to a terminal or a CI log. File names, template text quoted in messages and
// what an endpoint answered can hold an ANSI escape (`\x1b[2K` erases the line before it, colours
// hide text), C1 controls, bidi overrides and isolates (U+202E reorders what is read) or line
// separators: written as `\uXXXX` instead, so the output says what is there and cannot be faked.
// Inside a JSON or SARIF string, `\uXXXX` is the same character, so those outputs keep their meaning.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, with tabs and line breaks
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Output text with every control, bidi and separator character but tab, line feed and carriage return escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** One line of output (a finding, a warning, a file name): tabs and line breaks escaped too, so a file name cannot start a fake line. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escaped);
}
