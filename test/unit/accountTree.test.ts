import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blocklistRows, dnsRows, domainOf, missingLinks, senderDomains, statusCounts, templateRows } from '../../common/cloud/accountTree';
import type { TemplatesMetadata } from '../../common/cloud/types';

/** The rows of the SES view's trees, built from the API's answers (no vscode, no text). */

const meta = (TemplateID: number, TemplateName: string, TemplateStatus: number, extra: Partial<TemplatesMetadata> = {}): TemplatesMetadata =>
  ({ TemplateID, TemplateName, TemplateStatus, CreatedTimestamp: 1_700_000_000, ...extra });

describe('Templates tree rows', () => {
  it('problems first (rejected, unavailable, pending, approved), then by name; the ReviewReason kept, blank reasons dropped', () => {
    const rows = templateRows([
      meta(1, 'b-approved', 0, { ReviewReason: '通过' }),
      meta(2, 'a-approved', 0),
      meta(3, 'pending', 1, { ReviewReason: '  ' }),
      meta(4, '双十一促销', 2, { ReviewReason: '禁止发送未经收件人许可的电子邮件。' }),
      meta(5, 'odd', 7),
    ], []);
    assert.deepEqual(rows.map((r) => [r.id, r.status]), [[4, 'rejected'], [5, 'unavailable'], [3, 'pending'], [2, 'approved'], [1, 'approved']]);
    assert.equal(rows[0].reason, '禁止发送未经收件人许可的电子邮件。');
    assert.equal(rows[2].reason, undefined);
    assert.equal(rows[1].statusCode, 7);
  });

  it('links each row to the local templates of its TemplateID (two folders may link one ID); repeated IDs from paging are one row', () => {
    const rows = templateRows([meta(21001, 'order', 0), meta(21002, 'reset', 0), meta(21001, 'order', 0), { TemplateName: 'no id' } as TemplatesMetadata], [
      { templateId: 21001, key: 'order-confirmation', config: 'file:///w/ses.config.json' },
      { templateId: 21001, key: 'copy/order', config: 'file:///w/ses.config.json' },
      { templateId: 99, key: 'gone', config: 'file:///w/ses.config.json' },
    ]);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.find((r) => r.id === 21001)?.links.map((l) => l.key), ['order-confirmation', 'copy/order']);
    assert.deepEqual(rows.find((r) => r.id === 21002)?.links, []);
    assert.deepEqual(missingLinks(rows, [{ templateId: 99 }, { templateId: 21002 }]), [{ templateId: 99 }]);
  });

  it('counts per status; a missing creation time stays missing', () => {
    const rows = templateRows([meta(1, 'a', 0), meta(2, 'b', 1), meta(3, 'c', 2), meta(4, 'd', 2, { CreatedTimestamp: 0 })], []);
    assert.deepEqual(statusCounts(rows), { approved: 1, pending: 1, rejected: 2, unavailable: 0 });
    assert.equal(rows.find((r) => r.id === 4)?.created, undefined);
  });

  it('1,000 templates sort in one pass (no quadratic linking)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => meta(i + 1, `模板-${i}`, i % 3));
    const links = Array.from({ length: 1000 }, (_, i) => ({ templateId: i + 1, key: `t${i}`, config: 'c' }));
    const rows = templateRows(many, links);
    assert.equal(rows.length, 1000);
    assert.ok(rows.every((r) => r.links.length === 1));
  });
});

describe('Senders tree rows', () => {
  it('identities in the service order with their addresses; addresses of other domains grouped after; case folded', () => {
    const groups = senderDomains(
      [{ IdentityName: 'mail.example.com', IdentityType: 'DOMAIN', SendingEnabled: true, CurrentReputationLevel: 5, DailyQuota: 10000 },
        { IdentityName: 'Promo.Example.com', IdentityType: 'DOMAIN', SendingEnabled: false }],
      [{ EmailAddress: 'noreply@mail.example.com' }, { EmailAddress: 'news@promo.example.com' }, { EmailAddress: 'x@other.cn' }, { EmailAddress: 'no-at' }],
    );
    assert.deepEqual(groups.map((g) => [g.domain, g.identity?.CurrentReputationLevel ?? null, g.addresses.map((a) => a.EmailAddress)]), [
      ['mail.example.com', 5, ['noreply@mail.example.com']],
      ['promo.example.com', null, ['news@promo.example.com']],
      ['other.cn', null, ['x@other.cn']],
      ['', null, ['no-at']],
    ]);
    assert.equal(groups[2].identity, undefined);
    assert.equal(domainOf('A@B.Example.COM'), 'b.example.com');
  });

  it('DNS records: a record is fine only when the service says so; missing fields are empty, not crashes', () => {
    const rows = dnsRows([
      { Type: 'TXT', SendDomain: 'mail.example.com', ExpectedValue: 'v=spf1 include:qcloudmail.com ~all', CurrentValue: 'v=spf1 include:qcloudmail.com ~all', Status: true },
      { Type: 'TXT', SendDomain: 'qcloud._domainkey.promo.example.com', ExpectedValue: 'v=DKIM1; p=A', CurrentValue: 'v=DKIM1; p=B', Status: false },
      {} as never,
    ]);
    assert.deepEqual(rows.map((r) => r.ok), [true, false, false]);
    assert.equal(rows[2].type, '?');
    assert.deepEqual(dnsRows(undefined), []);
  });
});

describe('Blocklist tree rows', () => {
  it('newest bounce first, entries without an address dropped', () => {
    const rows = blocklistRows([
      { EmailAddress: 'old@example.com', BounceTime: '2026-11-20 10:00:00', IspDesc: '' },
      { EmailAddress: 'new@example.com', BounceTime: '2026-12-04 09:00:00', IspDesc: '550' },
      { BounceTime: '2026-12-05 09:00:00' } as never,
    ]);
    assert.deepEqual(rows.map((r) => r.EmailAddress), ['new@example.com', 'old@example.com']);
  });
});
