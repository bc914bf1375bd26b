import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from './types';

/**
 * Credentials from outside VS Code's SecretStorage: the environment variables every Tencent Cloud
 * SDK reads, and the tccli credential file. Neither function ever puts a secret in an error message.
 */

/** `TENCENTCLOUD_SECRET_ID` / `_SECRET_KEY` / `_SESSION_TOKEN` (the official SDKs' names). */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (!secretId || !secretKey) return undefined;
  const token = env.TENCENTCLOUD_SESSION_TOKEN?.trim();
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

/** A tccli credential file exists but cannot be used; the message names the file and the problem, never a value. */
export class CredentialFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`The tccli credential file ${file} ${problem}`);
    this.name = 'CredentialFileError';
  }
}

/** A tccli credential file is a few hundred bytes; anything much larger is not one. */
const MAX_CREDENTIAL_FILE_BYTES = 64 * 1024;

/**
 * tccli keeps one JSON file per profile, `~/.tccli/<profile>.credential`, written by
 * `tccli configure set secretId … secretKey … [token …]` (tencentcloud-cli `tccli/configure.py`):
 * `{"secretId": "…", "secretKey": "…", "token": "…"}`. The profile defaults to `$TCCLI_PROFILE`, then
 * `default`, as in tccli. Role-based profiles (`"type": "cvm-role"`, `role-arn`) need an STS exchange
 * we do not do: they are reported, not silently ignored.
 *
 * Resolves undefined when the file does not exist; rejects with CredentialFileError when it exists
 * but is unreadable, not JSON, or lacks the keys.
 */
export async function credentialsFromTccli(options: { home?: string; profile?: string } = {}): Promise<Credentials | undefined> {
  const profile = options.profile?.trim() || process.env.TCCLI_PROFILE?.trim() || 'default';
  if (!/^[\w.-]+$/.test(profile) || profile.startsWith('.')) {
    throw new CredentialFileError(`~/.tccli/${profile}.credential`, 'has an invalid profile name (letters, digits, "-", "_" and "." only).');
  }
  const file = join(options.home ?? homedir(), '.tccli', `${profile}.credential`);
  let text: string;
  try {
    // A FIFO or a device (a profile linked to /dev/zero) would be read forever, hanging every API
    // command; a credential file is a few hundred bytes.
    const info = await stat(file);
    if (!info.isFile()) throw new CredentialFileError(file, 'is not a regular file.');
    if (info.size > MAX_CREDENTIAL_FILE_BYTES) throw new CredentialFileError(file, `is too large (${info.size} bytes) to be a credential file.`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CredentialFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CredentialFileError(file, `cannot be read (${code ?? 'unknown error'}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Not the JSON.parse message: it quotes the offending text, which may be the key itself.
    throw new CredentialFileError(file, 'is not valid JSON. Run `tccli configure` again or fix the file.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CredentialFileError(file, 'does not contain a JSON object.');
  }
  const record = parsed as Record<string, unknown>;
  if (record.type === 'cvm-role' || record['role-arn'] !== undefined) {
    throw new CredentialFileError(file, 'uses a role (CVM role or role-arn), which this extension does not support; set secretId and secretKey instead.');
  }
  const secretId = stringField(record, 'secretId', file);
  const secretKey = stringField(record, 'secretKey', file);
  if (!secretId || !secretKey) {
    throw new CredentialFileError(file, `has no ${!secretId ? 'secretId' : 'secretKey'}. Run \`tccli configure set secretId … secretKey …\`.`);
  }
  const token = stringField(record, 'token', file);
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

function stringField(record: Record<string, unknown>, key: string, file: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new CredentialFileError(file, `has a ${key} that is not a string.`);
  return value.trim() || undefined;
}

// A permanent SecretId is `AKID` + 32 letters/digits and a SecretKey 32 letters/digits; STS
// temporary ones are longer. The bounds only catch obvious mistakes (a truncated paste, a URL, a
// JSON fragment), never a well-formed key we have not seen before.
const SECRET_ID = /^[A-Za-z0-9]{16,256}$/;
const SECRET_KEY = /^[A-Za-z0-9+/=_-]{16,256}$/;

/** A message when the credentials are obviously malformed, else undefined. Never quotes the values. */
export function validateCredentials(c: Partial<Credentials>): string | undefined {
  const problem = (name: string, value: unknown, pattern: RegExp): string | undefined => {
    if (typeof value !== 'string' || value.length === 0) return `${name} is empty.`;
    if (value.trim() === '') return `${name} is only spaces.`;
    if (value !== value.trim()) return `${name} has spaces before or after it; paste it again without them.`;
    if (/\s/.test(value)) return `${name} contains spaces or line breaks.`;
    if (value.length < 16) return `${name} is too short (${value.length} characters); it looks truncated.`;
    if (value.length > 256) return `${name} is too long (${value.length} characters).`;
    if (!pattern.test(value)) return `${name} contains characters a Tencent Cloud key never has.`;
    return undefined;
  };
  const idProblem = problem('SecretId', c.secretId, SECRET_ID);
  if (idProblem) return idProblem;
  const keyProblem = problem('SecretKey', c.secretKey, SECRET_KEY);
  if (keyProblem) return keyProblem;
  if (c.secretKey!.startsWith('AKID') && !c.secretId!.startsWith('AKID')) {
    return 'SecretId and SecretKey look swapped: the SecretId is the one starting with AKID.';
  }
  if (c.secretId === c.secretKey) return 'SecretId and SecretKey are the same value.';
  if (c.token !== undefined && c.token !== '') {
    if (c.token !== c.token.trim() || /\s/.test(c.token) || [...c.token].some((ch) => ch.charCodeAt(0) < 0x20)) return 'The session token contains spaces or control characters.';
  }
  return undefined;
}
