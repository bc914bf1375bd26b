import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SesAction } from '../../common/cloud/types';
import { startCannedEndpoint, type CannedEndpoint } from './cannedEndpoint';

// Answers of a hostile or broken endpoint (sesStudio.api.endpoint pointing at a gateway, an API
// change) whose lists hold entries the commands dereference: `EmailIdentities: [null]` crashed
// Preflight Check (IdentityName.toLowerCase), `TemplatesMetadata: [null]` Preflight and Show
// Template Status, a CreatedTimestamp or DeliverTime of 1e20 Show Template Status and Check
// Delivery Status (toISOString: "Invalid time value"). Such answers must be `badResponse`.

const BAD: Array<[SesAction, Record<string, unknown>, RegExp]> = [
  ['ListEmailIdentities', { EmailIdentities: [null] }, /EmailIdentities entry/],
  ['ListEmailIdentities', { EmailIdentities: [{ IdentityName: 5 }] }, /IdentityName/],
  ['ListEmailTemplates', { TemplatesMetadata: [null], TotalCount: 1 }, /TemplatesMetadata entry/],
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: '1', TemplateName: 'a', TemplateStatus: 0 }], TotalCount: 1 }, /TemplateID/],
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: 1, TemplateName: ['a'], TemplateStatus: 0 }], TotalCount: 1 }, /TemplateName/],
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: 1, TemplateName: 'a', TemplateStatus: 0, CreatedTimestamp: 1e20 }], TotalCount: 1 }, /CreatedTimestamp/],
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: 1, TemplateName: 'a', TemplateStatus: 0, ReviewReason: {} }], TotalCount: 1 }, /ReviewReason/],
  ['GetSendEmailStatus', { EmailStatusList: [null] }, /EmailStatusList entry/],
  ['GetSendEmailStatus', { EmailStatusList: [{ ToEmailAddress: 'a@b.c', DeliverTime: 1e20 }] }, /DeliverTime/],
  ['GetSendEmailStatus', { EmailStatusList: [{ ToEmailAddress: 'a@b.c', RequestTime: -1e300 }] }, /RequestTime/],
  ['GetEmailIdentity', { VerifiedForSendingStatus: true, Attributes: [null] }, /Attributes entry/],
  ['GetEmailTemplate', { TemplateStatus: 0, TemplateName: 'a', TemplateContent: 'x' }, /TemplateContent/],
];
const GOOD: Array<[SesAction, Record<string, unknown>]> = [
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: 1, TemplateName: 'a', TemplateStatus: 0, CreatedTimestamp: 1700000000, ReviewReason: '' }], TotalCount: 1 }],
  ['ListEmailTemplates', { TemplatesMetadata: [{ TemplateID: 1, TemplateName: 'a', TemplateStatus: 0 }], TotalCount: 1 }],
  ['GetSendEmailStatus', { EmailStatusList: [{ ToEmailAddress: 'a@b.c', RequestTime: 1700000000, DeliverTime: 0 }] }],
  ['ListEmailIdentities', { EmailIdentities: [{ IdentityName: 'mail.example.com', SendingEnabled: true }] }],
  ['GetEmailIdentity', { VerifiedForSendingStatus: true, Attributes: [{ Type: 'TXT' }] }],
  ['GetEmailTemplate', { TemplateStatus: 0, TemplateName: 'a', TemplateContent: { Html: '' } }],
];

describe('garbage lists from a hostile endpoint', () => {
  let endpoint: CannedEndpoint;
  before(async () => { endpoint = await startCannedEndpoint(); });
  after(() => endpoint.close());

  for (const [action, response, reason] of BAD) {
    it(`${action} ${JSON.stringify(response).slice(0, 90)} is a badResponse`, async () => {
      endpoint.body = JSON.stringify({ Response: { ...response, RequestId: 'r' } });
      const result = await endpoint.client.call(action, {});
      assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
      assert.match(result.message, reason);
    });
  }
  for (const [action, response] of GOOD) {
    it(`${action} ${JSON.stringify(response).slice(0, 90)} is accepted`, async () => {
      endpoint.body = JSON.stringify({ Response: { ...response, RequestId: 'r' } });
      const result = await endpoint.client.call(action, {});
      assert.ok(result.ok, JSON.stringify(result));
    });
  }
});
