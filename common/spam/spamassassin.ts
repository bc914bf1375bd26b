// Runs the local SpamAssassin on a message and reads its report. Local tests only (`-L`: no DNS
// blocklist, no URI blocklist, no Razor/Pyzor/DCC), test mode (`-t`: the report is appended, nothing
// learnt), Bayes off (its database would be the developer's own mail, not the recipients'). With
// `-D rules` it says which text each rule matched, so a finding can point at the template.
// Nothing leaves the machine. No vscode: the CLI and the extension run this same code.
import { spawn } from 'node:child_process';

export const SPAMASSASSIN_ARGS = ['-L', '-t', '-D', 'rules', '--cf=use_bayes 0'] as const;
export const DEFAULT_TIMEOUT_MS = 60_000;
/** What is kept of the output: the message echoed back plus its report is about the message's size. */
const MAX_OUTPUT = 32 * 1024 * 1024;
/** Matched texts kept per rule. */
const MAX_MATCHES = 5;

export interface SpamRule {
  readonly name: string;
  readonly score: number;
  readonly description: string;
  /** What the rule matched (`-D rules`), when SpamAssassin names it: a text, not `(1)`. */
  readonly matches: readonly string[];
}

export interface SpamReport {
  readonly score: number;
  readonly required: number;
  readonly rules: readonly SpamRule[];
  /** `SpamAssassin 4.0.1`, from the X-Spam-Checker-Version header. */
  readonly version?: string;
}

export type SpamFailure =
  /** No program at the path, or `spamassassin` is not on PATH. */
  | { readonly kind: 'notInstalled'; readonly command: string }
  | { readonly kind: 'timeout'; readonly command: string; readonly seconds: number }
  /** The program ran but gave no report (it died, or it is no SpamAssassin). */
  | { readonly kind: 'noReport'; readonly command: string; readonly exitCode: number | null; readonly signal: string | null; readonly stderr: string }
  | { readonly kind: 'failed'; readonly command: string; readonly message: string };

export type SpamRun = { readonly ok: true; readonly report: SpamReport; readonly command: string } | ({ readonly ok: false } & SpamFailure);

export interface RunOptions {
  /** A path or a program name looked up on PATH; default `spamassassin`. */
  readonly command?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs SpamAssassin on `mime`. Never throws, never rejects: a dead child, EPIPE or a hang is a failure result. */
export function runSpamAssassin(mime: string, options: RunOptions = {}): Promise<SpamRun> {
  const command = options.command?.trim() || 'spamassassin';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SpamRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, [...SPAMASSASSIN_ARGS], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      resolve({ ok: false, kind: 'failed', command, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, kind: 'timeout', command, seconds: Math.round(timeoutMs / 100) / 10 });
    }, timeoutMs);
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (stdoutBytes < MAX_OUTPUT) stdout.push(chunk);
      stdoutBytes += chunk.length;
    });
    const debug = new DebugHits();
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => debug.add(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') finish({ ok: false, kind: 'notInstalled', command });
      else finish({ ok: false, kind: 'failed', command, message: error.message });
    });
    // A program that exits before reading the whole message closes the pipe: EPIPE on the write.
    // That is the child's failure, told by its exit below, never an uncaught error of ours.
    child.stdin!.on('error', () => undefined);
    child.on('close', (code, signal) => {
      const report = parseReport(Buffer.concat(stdout).toString('utf8'), debug.hits());
      if (report) finish({ ok: true, report, command });
      else finish({ ok: false, kind: 'noReport', command, exitCode: code, signal, stderr: debug.tail() });
    });
    child.stdin!.end(mime, 'utf8');
  });
}

/** The `got hit: "…"` lines of `-D rules`, read as they stream; other debug lines are dropped. */
class DebugHits {
  private rest = '';
  private readonly found = new Map<string, string[]>();
  private lastLines: string[] = [];
  add(chunk: string): void {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    // A line longer than this is no debug line of interest; keep memory bounded.
    if (this.rest.length > 64 * 1024) this.rest = '';
    for (const line of lines) this.line(line);
  }
  private line(line: string): void {
    const hit = parseHitLine(line);
    if (hit) {
      const list = this.found.get(hit.rule) ?? [];
      if (list.length < MAX_MATCHES && !list.includes(hit.text)) list.push(hit.text);
      this.found.set(hit.rule, list);
    } else if (!line.includes(' dbg: ')) {
      this.lastLines.push(line);
      if (this.lastLines.length > 20) this.lastLines.shift();
    }
  }
  hits(): ReadonlyMap<string, readonly string[]> {
    if (this.rest) this.line(this.rest);
    this.rest = '';
    return this.found;
  }
  /** The last lines that were no debug output: what a failing program said. */
  tail(): string {
    return this.lastLines.join('\n').trim().slice(-2000);
  }
}

const HIT = ' ======> got hit: "';

/** `… dbg: rules: ran body rule ACT_NOW_CAPS ======> got hit: "ACT NOW"` → rule and text. Sub-rules (`__X`) are left out. */
export function parseHitLine(line: string): { rule: string; text: string } | undefined {
  const at = line.indexOf(HIT);
  if (at < 0) return undefined;
  const before = line.slice(0, at);
  const rule = before.slice(before.lastIndexOf(' ') + 1);
  if (!rule || rule.startsWith('__')) return undefined;
  let text = line.slice(at + HIT.length);
  if (text.endsWith('"')) text = text.slice(0, -1);
  text = text.trim();
  if (!text || text === '<YES>' || text === '<negative match>' || text === 'UNSET') return undefined;
  return { rule, text };
}

const DETAILS = 'Content analysis details:';

/**
 * The report of `spamassassin -t`: the last "Content analysis details: (S points, R required)" and
 * its table of rules (`pts rule name description`, long descriptions wrapped on indented lines).
 * undefined when there is none.
 */
export function parseReport(output: string, hits: ReadonlyMap<string, readonly string[]> = new Map()): SpamReport | undefined {
  const at = output.lastIndexOf(DETAILS);
  if (at < 0) return undefined;
  const lines = output.slice(at).split('\n').map((l) => l.replace('\r', ''));
  const head = lines[0].slice(DETAILS.length).trim(); // (0.8 points, 5.0 required)
  const score = Number(head.slice(1, head.indexOf(' ')));
  const requiredText = head.slice(head.indexOf(',') + 1).trim();
  const required = Number(requiredText.slice(0, requiredText.indexOf(' ')));
  if (!Number.isFinite(score) || !Number.isFinite(required)) return undefined;
  const rules: Array<{ name: string; score: number; description: string; matches: readonly string[] }> = [];
  let table = false;
  for (const line of lines.slice(1)) {
    if (!table) {
      if (line.startsWith('----')) table = true;
      continue;
    }
    if (line.trim() === '') break;
    const continuation = line.slice(0, 4).trim() === '';
    if (continuation) {
      const last = rules[rules.length - 1];
      if (last) last.description += ' ' + line.trim();
      continue;
    }
    const fields = line.trim().split(' ').filter(Boolean);
    const points = Number(fields[0]);
    if (fields.length < 2 || !Number.isFinite(points)) continue;
    const name = fields[1];
    rules.push({ name, score: points, description: fields.slice(2).join(' '), matches: hits.get(name) ?? [] });
  }
  const versionAt = output.indexOf('X-Spam-Checker-Version: ');
  const version = versionAt >= 0 ? output.slice(versionAt + 'X-Spam-Checker-Version: '.length, output.indexOf('\n', versionAt)).split(' (')[0].trim() : undefined;
  return { score, required, rules, version };
}
