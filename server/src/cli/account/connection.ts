// The API client of an account command: credentials from the environment or the tccli file, the
// region and endpoint from flags, environment and ses.config.json. Secrets are never printed: messages
// name where a key came from, never the key (the client masks it in its own messages too).
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  credentialsFromEnvironment, credentialsFromTccli, CredentialFileError, defaultRegion, endpointForDisplay, REGIONS, SesClient,
  type ApiFailure, type Credentials, type SesRegion,
} from '#common/cloud/index';
import type { AccountArgs } from './accountArgs';

export interface Connection {
  readonly client: SesClient;
  readonly region: SesRegion;
  /** The endpoint for messages (a password in it replaced), or undefined for Tencent's. */
  readonly endpoint?: string;
}

export type Connect = { ok: true; connection: Connection } | { ok: false; usage: boolean; message: string };

const SITE_REGIONS: Record<string, SesRegion> = { china: 'ap-guangzhou', international: 'ap-singapore' };

export async function connect(args: AccountArgs, cwd: string, env: NodeJS.ProcessEnv, locale: string, home?: string): Promise<Connect> {
  const site = args.values.site as string | undefined;
  if (site !== undefined && !(site in SITE_REGIONS)) return { ok: false, usage: true, message: l10n.t('--site must be one of {0}, not "{1}"', 'china, international', site) };
  const asked = (args.values.region as string | undefined) ?? (env.SES_TEMPLATE_REGION?.trim() || undefined);
  if (asked !== undefined && !(REGIONS as readonly string[]).includes(asked)) {
    return { ok: false, usage: true, message: l10n.t('--region must be one of {0}, not "{1}"', REGIONS.join(', '), asked) };
  }
  if (site && asked && (site === 'international') !== (asked === 'ap-singapore')) {
    return { ok: false, usage: true, message: l10n.t('The region {0} is not served by the {1} site.', asked, site) };
  }
  const region = (asked as SesRegion | undefined) ?? (site ? SITE_REGIONS[site] : undefined) ?? configRegion(cwd) ?? 'ap-guangzhou';
  const endpointText = (args.values.endpoint as string | undefined) ?? (env.SES_TEMPLATE_ENDPOINT?.trim() || undefined);

  let credentials: Credentials | undefined = credentialsFromEnvironment(env);
  if (!credentials) {
    try {
      credentials = await credentialsFromTccli({ home, profile: args.values.profile as string | undefined });
    } catch (error) {
      return { ok: false, usage: false, message: error instanceof CredentialFileError ? error.message : String(error) };
    }
  }
  if (!credentials) {
    return { ok: false, usage: false, message: l10n.t('No Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN for a temporary key), or run `tccli configure`.') };
  }
  const key = credentials;
  const client = new SesClient({ credentials: async () => key, region, endpoint: endpointText, timeoutMs: 20_000, language: /^zh/i.test(locale) ? 'zh-CN' : 'en-US' });
  return { ok: true, connection: { client, region, endpoint: endpointText ? endpointForDisplay(endpointText) : undefined } };
}

/** `defaults.region` of ./ses.config.json, when there is one. */
function configRegion(cwd: string): SesRegion | undefined {
  try {
    const file = path.join(cwd, 'ses.config.json');
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 1024 * 1024) return undefined;
    return defaultRegion(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** An API failure in one line: what failed, the code and Tencent's message (credentials already masked). */
export function failureText(failure: ApiFailure, connection?: Connection): string {
  const where = connection?.endpoint ? ` (${connection.endpoint})` : '';
  const request = failure.requestId ? ` [RequestId ${failure.requestId}]` : '';
  return `${failure.action}${where}: ${failure.code}: ${failure.message}${request}`;
}
