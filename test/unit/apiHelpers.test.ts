import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressesIn, isEmailAddress, MAX_RECIPIENTS, parseRecipients } from '../../client/src/api/recipients';
import { beijingDate, fillSubject, sendEmailRequest, templateDataOf, triggerTypeOf, unsubscribeFor } from '../../common/cloud/sendPlan';
import { resolveRegion, templateSendConfig } from '../../common/cloud/sesConfigFile';

describe('recipient parsing', () => {
  it('splits on commas, semicolons, white space and Chinese punctuation', () => {
    assert.deepEqual(parseRecipients('a@x.com, b@y.org;c@z.cn\n d@w.io\te@v.net，f@u.com；g@t.com').addresses,
      ['a@x.com', 'b@y.org', 'c@z.cn', 'd@w.io', 'e@v.net', 'f@u.com', 'g@t.com']);
  });

  it('accepts <address> and mailto: forms and ignores empty entries', () => {
    const parsed = parseRecipients(' <a@x.com> ,, mailto:b@y.org; ');
    assert.deepEqual(parsed.addresses, ['a@x.com', 'b@y.org']);
    assert.deepEqual(parsed.invalid, []);
  });

  it('reports what is not an address, as typed', () => {
    const parsed = parseRecipients('a@x.com alex bob@ @y.com c@localhost d@x..com e@-x.com f@x.c');
    assert.deepEqual(parsed.addresses, ['a@x.com']);
    assert.deepEqual(parsed.invalid, ['alex', 'bob@', '@y.com', 'c@localhost', 'd@x..com', 'e@-x.com', 'f@x.c']);
  });

  it('keeps the first spelling of an address typed twice, case-insensitively, and names the duplicate once', () => {
    const parsed = parseRecipients('Alex@Example.com alex@example.com ALEX@EXAMPLE.COM b@x.com');
    assert.deepEqual(parsed.addresses, ['Alex@Example.com', 'b@x.com']);
    assert.deepEqual(parsed.duplicates, ['alex@example.com']);
  });

  it('flags more than 50 distinct addresses, not 50 or 50 with duplicates', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);
    assert.equal(MAX_RECIPIENTS, 50);
    assert.equal(parseRecipients(list(50).join(',')).tooMany, false);
    assert.equal(parseRecipients([...list(50), 'user0@example.com'].join(',')).tooMany, false);
    assert.equal(parseRecipients(list(51).join(',')).tooMany, true);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '   ', ',,;;', '@', '<>', '\u0000', 'a'.repeat(100_000), `${'a'.repeat(65)}@x.com`]) {
      const parsed = parseRecipients(text);
      assert.equal(parsed.addresses.length, 0, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('checks single addresses', () => {
    assert.equal(isEmailAddress('noreply@mail.example.com'), true);
    assert.equal(isEmailAddress('first.last+tag@example.co.uk'), true);
    assert.equal(isEmailAddress('.a@x.com'), false);
    assert.equal(isEmailAddress('a b@x.com'), false);
  });

  it('finds the addresses in a selection of other text', () => {
    assert.deepEqual(addressesIn('"to": "bounced@example.com", cc Alex <alex@example.com>; bounced@example.com'),
      ['bounced@example.com', 'alex@example.com']);
    assert.deepEqual(addressesIn('no addresses here'), []);
  });
});

describe('send plan', () => {
  it('fills the subject from the data set, leaving unknown variables visible', () => {
    assert.equal(fillSubject('Your order {{order_id}} is confirmed', { order_id: 'ES-42' }), 'Your order ES-42 is confirmed');
    assert.equal(fillSubject('{{ nickname }}，双十一', { nickname: '小王' }), '小王，双十一');
    assert.equal(fillSubject('Hi {{first_name}} {{missing}}', { first_name: 'Alex' }), 'Hi Alex {{missing}}');
    assert.equal(fillSubject('{{n}} items', { n: 3 }), '3 items');
    assert.equal(fillSubject('{{toString}}', {}), '{{toString}}');
  });

  it('gives the Beijing date (UTC+8) of a moment', () => {
    assert.equal(beijingDate(new Date('2026-11-28T15:59:59Z')), '2026-11-28');
    assert.equal(beijingDate(new Date('2026-11-28T16:00:00Z')), '2026-11-29');
    assert.equal(beijingDate(new Date('2026-12-31T20:00:00Z')), '2027-01-01');
  });

  it('maps the trigger type and picks the unsubscribe option', () => {
    assert.equal(triggerTypeOf('transactional'), 1);
    assert.equal(triggerTypeOf('marketing'), 0);
    assert.equal(triggerTypeOf(undefined), undefined);
    assert.equal(unsubscribeFor('marketing', undefined, 'zh-cn'), '1');
    assert.equal(unsubscribeFor('marketing', undefined, 'en'), '2');
    assert.equal(unsubscribeFor('marketing', '0', 'en'), '0');
    assert.equal(unsubscribeFor('marketing', '13', 'en'), '2');
    assert.equal(unsubscribeFor('transactional', undefined, 'en'), undefined);
  });

  it('reads a data set as a TemplateData object, or says why not', () => {
    assert.deepEqual(templateDataOf('\ufeff{ "a": "1" }'), { data: { a: '1' } });
    assert.deepEqual(templateDataOf('{ "a": '), { error: 'json' });
    assert.deepEqual(templateDataOf('[1]'), { error: 'notObject' });
    assert.deepEqual(templateDataOf('null'), { error: 'notObject' });
  });

  it('builds the SendEmail request of a template send', () => {
    const data = { first_name: 'Alex', order_id: 'ES-1' };
    assert.deepEqual(sendEmailRequest({ templateId: 21001, from: 'Shop <noreply@mail.example.com>', recipients: ['a@x.com'], subject: 'S', data, trigger: 'transactional' }), {
      FromEmailAddress: 'Shop <noreply@mail.example.com>',
      Destination: ['a@x.com'],
      Subject: 'S',
      Template: { TemplateID: 21001, TemplateData: JSON.stringify(data) },
      TriggerType: 1,
    });
  });
});

describe('ses.config.json for a send', () => {
  const config = `{
    // comments and trailing commas are allowed, as in the editor
    "defaults": { "region": "ap-hongkong", "from": "Shop <noreply@mail.example.com>", "triggerType": "transactional", },
    "templates": {
      "order-confirmation": { "templateId": 21001, "subject": "Order {{order_id}}" },
      "promo.ses.html": { "templateId": 3, "triggerType": "marketing", "unsubscribe": "2", "region": "ap-singapore", "from": "news@x.com" },
      "legacy/win-back": { "templateId": "7" },
    },
  }`;

  it('applies the defaults to a template entry', () => {
    assert.deepEqual(templateSendConfig(config, 'order-confirmation'), {
      key: 'order-confirmation', listed: true, templateId: 21001, subject: 'Order {{order_id}}',
      from: 'Shop <noreply@mail.example.com>', trigger: 'transactional', unsubscribe: undefined, region: 'ap-hongkong',
    });
  });

  it('lets the template override the defaults, with keys written with their extension', () => {
    const promo = templateSendConfig(config, 'promo');
    assert.deepEqual([promo.templateId, promo.trigger, promo.unsubscribe, promo.region, promo.from], [3, 'marketing', '2', 'ap-singapore', 'news@x.com']);
  });

  it('ignores a templateId that is not a positive integer, and unknown templates', () => {
    assert.equal(templateSendConfig(config, 'legacy/win-back').templateId, undefined);
    assert.equal(templateSendConfig(config, 'nope').listed, false);
    assert.equal(templateSendConfig('not json {', 'x').templateId, undefined);
    assert.equal(templateSendConfig('[]', 'x').listed, false);
  });

  it('resolves the region: explicit setting, then the config, then ap-guangzhou', () => {
    assert.equal(resolveRegion('ap-singapore', 'ap-hongkong'), 'ap-singapore');
    assert.equal(resolveRegion(undefined, 'ap-hongkong'), 'ap-hongkong');
    assert.equal(resolveRegion('mars-1', undefined), 'ap-guangzhou');
  });
});
