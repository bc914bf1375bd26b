import * as l10n from '@vscode/l10n';
import { attributeRange, forEachLinkVariant, shown } from './htmlCommon';
import type { Check } from './types';

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** The addresses of a `mailto:` URL, or undefined when one is not a valid address (or there is none). */
export function mailtoAddresses(url: string): string[] | undefined {
  let to = url.trim().slice('mailto:'.length).split('?')[0];
  try {
    to = decodeURIComponent(to);
  } catch {
    return undefined;
  }
  const addresses = to.split(',').map((a) => a.trim()).filter((a) => a !== '');
  return addresses.length > 0 && addresses.every((a) => ADDRESS.test(a)) ? addresses : undefined;
}

/** A `mailto:` link without a valid address: clicking it opens an empty or wrong message. */
export const linkInvalidMailto: Check = {
  meta: { id: 'link-invalid-mailto', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'mailto' || variant.partial || mailtoAddresses(variant.value)) return;
      report(document, { ...attributeRange(href), message: l10n.t('The mailto link {0} has no valid email address: clicking it opens an empty or misaddressed message. Write it as {1}.', shown(variant), '`mailto:name@example.com`') });
    });
  },
};
