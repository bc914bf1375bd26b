import * as fs from 'node:fs';
import { identitiesFromSeed } from './actions/identities';
import { resolveSeedTime } from './beijingTime';
import { newMessageId } from './messageId';
import { rowsFromSeed, rowsFromSeries } from './statistics';
import type { EmulatorSeed, EmulatorState, SeedTime } from './types';

/**
 * Turns a seed (inline or from a JSON file) into the live state. Relative times such as `"-2d"` are
 * resolved once, at start-up, against the emulator's clock. A malformed seed throws an Error naming
 * the bad entry: it is a test bug, better reported at start than as odd API answers later.
 */

export function loadSeedFile(file: string): EmulatorSeed {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`seed ${file}: the top level must be an object`);
  return parsed as EmulatorSeed;
}

/**
 * Seeds laid over each other: lists are concatenated (the first seed's entries first), flags of a later
 * seed win. Lets a test add a scenario (e.g. seeds/nearQuota.json) to examples.json without copying it.
 */
export function mergeSeeds(...seeds: EmulatorSeed[]): EmulatorSeed {
  const merged: EmulatorSeed = {};
  const lists = ['senders', 'identities', 'templates', 'blocklist', 'unsubscribed', 'messages', 'statistics', 'statisticsSeries'] as const;
  for (const seed of seeds) {
    for (const key of lists) {
      const items = seed[key] as unknown[] | undefined;
      if (items) (merged as Record<string, unknown[]>)[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...items];
    }
    if (seed.allowSimpleContent !== undefined) merged.allowSimpleContent = seed.allowSimpleContent;
    if (seed.autoApproveAfterSeconds !== undefined) merged.autoApproveAfterSeconds = seed.autoApproveAfterSeconds;
  }
  return merged;
}

function time(value: SeedTime | undefined, fallback: number, nowSeconds: number, where: string): number {
  if (value === undefined) return fallback;
  const resolved = resolveSeedTime(value, nowSeconds);
  if (resolved === undefined) throw new Error(`seed ${where}: unreadable time ${JSON.stringify(value)}`);
  return resolved;
}

function list<T>(value: T[] | undefined, name: string, ofObjects = true): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`seed: ${name} must be an array`);
  // Else `[null]` failed later with "Cannot read properties of null", naming no entry.
  const bad = ofObjects ? value.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item)) : -1;
  if (bad >= 0) throw new Error(`seed ${name}[${bad}]: expected an object`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`seed ${where}: expected a non-empty string`);
  return value;
}

export function stateFromSeed(seed: EmulatorSeed = {}, nowSeconds: number): EmulatorState {
  const senders = list(seed.senders, 'senders').map((sender, i) => ({
      EmailAddress: text(sender.EmailAddress, `senders[${i}].EmailAddress`),
      EmailSenderName: sender.EmailSenderName ?? '',
      DomainVerified: sender.DomainVerified ?? true,
      CreatedTimestamp: time(sender.CreatedTimestamp, nowSeconds, nowSeconds, `senders[${i}]`),
      SmtpPwdType: sender.SmtpPwdType ?? 0,
  }));
  return {
    senders,
    identities: identitiesFromSeed(seed.identities, senders),
    templates: list(seed.templates, 'templates').map((template, i) => {
      if (!Number.isInteger(template.TemplateID) || template.TemplateID <= 0) throw new Error(`seed templates[${i}]: TemplateID must be a positive integer`);
      return {
        TemplateID: template.TemplateID,
        TemplateName: text(template.TemplateName, `templates[${i}].TemplateName`),
        TemplateStatus: template.TemplateStatus ?? 0,
        Html: template.Html,
        Text: template.Text,
        ReviewReason: template.ReviewReason ?? '',
        CreatedTimestamp: time(template.CreatedTimestamp, nowSeconds, nowSeconds, `templates[${i}]`),
      };
    }),
    blocklist: list(seed.blocklist, 'blocklist').map((entry, i) => ({
      EmailAddress: text(entry.EmailAddress, `blocklist[${i}].EmailAddress`),
      BounceTime: time(entry.BounceTime, nowSeconds, nowSeconds, `blocklist[${i}]`),
      IspDesc: entry.IspDesc ?? '',
    })),
    unsubscribed: list(seed.unsubscribed, 'unsubscribed', false).map((address, i) => text(address, `unsubscribed[${i}]`)),
    messages: list(seed.messages, 'messages').map((message, i) => {
      const requestTime = time(message.RequestTime, nowSeconds, nowSeconds, `messages[${i}]`);
      return {
        MessageId: message.MessageId ?? newMessageId(requestTime),
        FromEmailAddress: text(message.FromEmailAddress, `messages[${i}].FromEmailAddress`),
        ToEmailAddress: text(message.ToEmailAddress, `messages[${i}].ToEmailAddress`),
        RequestTime: requestTime,
        SendStatus: message.SendStatus ?? 0,
        DeliverStatus: message.DeliverStatus ?? 1,
        DeliverMessage: message.DeliverMessage ?? '',
        DeliverTime: time(message.DeliverTime, requestTime, nowSeconds, `messages[${i}]`),
        UserOpened: message.UserOpened ?? false,
        UserClicked: message.UserClicked ?? false,
        UserUnsubscribed: message.UserUnsubscribed ?? false,
        UserComplained: message.UserComplained ?? false,
      };
    }),
    statistics: [
      ...rowsFromSeed(list(seed.statistics, 'statistics'), nowSeconds),
      ...rowsFromSeries(list(seed.statisticsSeries, 'statisticsSeries'), nowSeconds),
    ],
    allowSimpleContent: seed.allowSimpleContent ?? false,
    ...(typeof seed.autoApproveAfterSeconds === 'number' && seed.autoApproveAfterSeconds >= 0 ? { autoApproveAfterSeconds: seed.autoApproveAfterSeconds } : {}),
  };
}
