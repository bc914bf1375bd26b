// `ses-template blocklist check|remove <address…>`: the bounce blocklist (an address that hard
// bounced is blocked for 14 days unless removed).
import * as l10n from '@vscode/l10n';
import { lookupBlocklist } from '#common/cloud/index';
import type { AccountArgs } from './accountArgs';
import { failureText, type Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';
import { table, type Output } from './output';

export async function blocklist(args: AccountArgs, out: Output, connection: Connection): Promise<ExitCode> {
  const [action, ...addresses] = args.positionals;
  if ((action !== 'check' && action !== 'remove') || addresses.length === 0) {
    out.add('error', l10n.t('Usage: ses-template blocklist check|remove <address…>'));
    return EXIT.usage;
  }
  if (action === 'remove') {
    const result = await connection.client.deleteBlackList({ EmailAddressList: addresses });
    if (!result.ok) {
      out.add('error', failureText(result, connection));
      return EXIT.api;
    }
    out.data.removed = addresses;
    out.add('info', l10n.t('Removed from the blocklist: {0}', addresses.join(', ')));
    return EXIT.ok;
  }
  const result = await lookupBlocklist(connection.client, addresses);
  if (!result.ok) {
    out.add('error', failureText(result, connection));
    return EXIT.api;
  }
  out.data.addresses = result.data;
  out.lines.push(...table(result.data.map((s) => [
    s.address,
    s.blocked ? l10n.t('blocked') : l10n.t('not blocked'),
    s.blocked ? [s.bounceTime ? l10n.t('bounced {0}', s.bounceTime) : '', s.blockedUntil ? l10n.t('until {0}', s.blockedUntil) : '', s.reason ?? ''].filter(Boolean).join(', ') : '',
  ])));
  return result.data.some((s) => s.blocked) ? EXIT.findings : EXIT.ok;
}
