import { randomBytes, randomInt } from 'node:crypto';
import { beijingCompact } from './beijingTime';

/** `qcloudses-30-<digits>-date-<yyyymmddhhmmss>-<random>`, the format GetSendEmailStatus documents. */
export function newMessageId(unixSeconds: number): string {
  const random = randomBytes(9).toString('base64').replace(/[+/]/g, 'x');
  return `qcloudses-30-${randomInt(1_000_000_000, 10_000_000_000)}-date-${beijingCompact(unixSeconds)}-${random}`;
}
