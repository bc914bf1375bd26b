import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { explainErrorCode, faqTopic, faqTopics, knowledgeLocale, searchErrorCodes } from '../../server/src/knowledge';
import { ERROR_CODE_ROWS } from '../../server/src/knowledge/errorCodeData';
import { CODE_ENTRIES, groupOf } from '../../server/src/knowledge/errorCodes';

const ROOT = path.join(__dirname, '..', '..', '..');
const FAQ_IDS = ['delivery-time', 'delivery-delay', 'images-not-displayed', 'exmail-advertising', 'send-failures', 'warm-up', 'unsubscription', 'blocklist'];
const SEND_STATUS = ['0', '1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1013', '2001', '3007', '3008', '3009', '3010', '3014', '3020', '3024', '3030', '3033'];
const DELIVER_STATUS = ['0', '1', '2', '3', '8'];
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('knowledge base: FAQ topics', () => {
  it('has one topic per FAQ question, with stable kebab-case ids, in both languages', () => {
    assert.deepEqual(faqTopics('en').map((t) => t.id), FAQ_IDS);
    for (const id of FAQ_IDS) {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
      const en = faqTopic(id, 'en');
      const zh = faqTopic(id, 'zh-cn');
      assert.ok(en && zh, id);
      assert.ok(en.title && en.body.length > 100 && !hasChinese(en.title), id);
      assert.ok(hasChinese(zh.title) && hasChinese(zh.body), id);
      assert.ok(en.markdown.startsWith(`# ${en.title}\n\n`), id);
      for (const link of [...en.links, ...zh.links]) assert.match(link.url, /^https:\/\/console\.cloud\.tencent\.com\//);
    }
    assert.equal(faqTopic('no-such-topic', 'en'), null);
  });

  it('keeps the FAQ facts', () => {
    const body = (id: string, locale = 'en') => faqTopic(id, locale)!.markdown;
    assert.match(body('delivery-time'), /3 seconds to 5 minutes/);
    assert.match(body('delivery-time'), /72 hours/);
    assert.match(body('delivery-delay'), /72 hours/);
    assert.equal([...body('images-not-displayed').matchAll(/^\d\. /gm)].length, 3);
    assert.match(body('exmail-advertising'), /Exmail/);
    const checklist = body('send-failures');
    const order = ['QcloudFullAccess', 'SecretKey', 'verification', 'DNS', 'recipient address', 'approved', 'TemplateData', 'custom'];
    const positions = order.map((word) => checklist.indexOf(word));
    assert.ok(positions.every((p) => p >= 0), `${order} in ${positions}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'the checklist keeps the FAQ order');
    assert.match(checklist, /workorder\/category/);
    const blocklist = body('blocklist');
    for (const fact of [/14 days/, /all Tencent Cloud accounts/, /DeleteBlackList/, /SES console/, /another account/, /ses\/stats/, /workorder\/category/]) assert.match(blocklist, fact);
    assert.match(body('blocklist', 'zh-cn'), /14 天/);
    assert.match(body('warm-up'), /gradually|a little every day/);
    assert.match(body('unsubscription'), /sender domain can no longer send/);
  });
});

describe('knowledge base: error codes', () => {
  const reference = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'knowledge', 'error-code-list.json'), 'utf8')) as string[];

  it('has every one of the 125 error codes, and every delivery status code', () => {
    assert.equal(ERROR_CODE_ROWS.length, 125);
    assert.deepEqual(ERROR_CODE_ROWS.map(([code]) => code).sort(), [...reference].sort());
    const statuses = CODE_ENTRIES.filter((e) => e.kind !== 'api').map((e) => e.code);
    assert.deepEqual(statuses, [...SEND_STATUS.map((c) => `SendStatus.${c}`), ...DELIVER_STATUS.map((c) => `DeliverStatus.${c}`)]);
  });

  it('explains every code in English and Chinese, with a next step and a FAQ topic', () => {
    for (const { code } of CODE_ENTRIES) {
      const en = explainErrorCode(code, 'en');
      const zh = explainErrorCode(code, 'zh-cn');
      assert.ok(en && zh, code);
      assert.equal(en.code, code);
      assert.ok(en.description.length > 3 && !hasChinese(en.nextStep), code);
      assert.ok(en.nextStep.length > 20, code);
      assert.ok(hasChinese(zh.description), `${code} zh description`);
      assert.ok(hasChinese(zh.nextStep), `${code} zh next step`);
      assert.ok(FAQ_IDS.includes(en.topic.id), code);
      assert.equal(zh.topic.id, en.topic.id);
      assert.match(en.markdown, new RegExp(`^# \`${code.replace('.', '\\.')}\``));
    }
  });

  it('links the codes of section 4.6 to the FAQ help that applies', () => {
    const cases: Array<[string, string, number?]> = [
      ['FailedOperation.EmailAddrInBlacklist', 'blocklist'],
      ['SendStatus.1007', 'blocklist'],
      ['SendStatus.3020', 'blocklist'],
      ['FailedOperation.ReceiverHasUnsubscribed', 'unsubscription'],
      ['SendStatus.1013', 'unsubscription'],
      ['UnauthorizedOperation', 'send-failures', 1],
      ['AuthFailure.UnauthorizedOperation', 'send-failures', 1],
      ['AuthFailure.SecretIdNotFound', 'send-failures', 1],
      ['AuthFailure.SignatureExpire', 'send-failures', 1],
      ['FailedOperation.NotAuthenticatedSender', 'send-failures', 2],
      ['OperationDenied.DomainNotVerified', 'send-failures', 2],
      ['SendStatus.3014', 'send-failures', 2],
      ['FailedOperation.IncorrectEmail', 'send-failures', 3],
      ['OperationDenied.TemplateStatusError', 'send-failures', 4],
      ['FailedOperation.WrongContentJson', 'send-failures', 4],
      ['InvalidParameterValue.InValidTemplateData', 'send-failures', 4],
      ['SendStatus.3010', 'send-failures', 4],
      ['FailedOperation.WithOutPermission', 'send-failures', 5],
      ['SendStatus.1011', 'send-failures', 5],
      ['DeliverStatus.8', 'delivery-delay'],
      ['FailedOperation.ExceedSendLimit', 'warm-up'],
    ];
    for (const [code, topic, step] of cases) {
      const help = explainErrorCode(code, 'en')!;
      assert.equal(help.topic.id, topic, code);
      assert.equal(help.step, step, code);
    }
    const blocklist = explainErrorCode('FailedOperation.EmailAddrInBlacklist', 'en')!;
    assert.match(blocklist.nextStep, /DeleteBlackList/);
    assert.match(blocklist.markdown, /14 days/);
    assert.match(explainErrorCode('UnauthorizedOperation', 'en')!.nextStep, /QcloudFullAccess/);
    assert.match(explainErrorCode('UnauthorizedOperation', 'zh-cn')!.nextStep, /QcloudFullAccess/);
    assert.match(explainErrorCode('AuthFailure.SignatureExpire', 'en')!.nextStep, /five minutes/);
  });

  it('gives every code an explicit group or a prefix rule, not the catch-all, except the generic parents', () => {
    const generic = ERROR_CODE_ROWS.map(([code]) => code).filter((code) => groupOf(code) === 'generic');
    assert.deepEqual(generic, ['FailedOperation', 'OperationDenied', 'UnsupportedOperation']);
  });

  it('finds a code case-insensitively, and inside an error message', () => {
    assert.equal(explainErrorCode('failedoperation.emailaddrinblacklist', 'en')?.code, 'FailedOperation.EmailAddrInBlacklist');
    assert.equal(explainErrorCode('  InternalError \n', 'en')?.code, 'InternalError');
    const sdk = '[TencentCloudSDKException] code=FailedOperation.EmailAddrInBlacklist message=The email address is in the blocklist. requestId=8979fc1e-9564';
    assert.equal(explainErrorCode(sdk, 'en')?.code, 'FailedOperation.EmailAddrInBlacklist');
    const json = '{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"…"},"RequestId":"x"}}';
    assert.equal(explainErrorCode(json, 'en')?.code, 'AuthFailure.SignatureExpire');
    // The specific code wins over a generic one elsewhere in the text.
    assert.equal(explainErrorCode('InternalError: code FailedOperation.FrequencyLimit', 'en')?.code, 'FailedOperation.FrequencyLimit');
    assert.equal(explainErrorCode('"SendStatus": 1007', 'en')?.code, 'SendStatus.1007');
    assert.equal(explainErrorCode('DeliverStatus=3', 'en')?.code, 'DeliverStatus.3');
    assert.equal(explainErrorCode('3030', 'zh-cn')?.code, 'SendStatus.3030');
  });

  it('falls back on the documented parent of an undocumented sub-code, and says so', () => {
    const help = explainErrorCode('code=FailedOperation.SomethingNew', 'en')!;
    assert.equal(help.code, 'FailedOperation');
    assert.equal(help.requested, 'FailedOperation.SomethingNew');
    assert.match(help.markdown, /^# `FailedOperation\.SomethingNew`\n\n\*Tencent does not document/);
    assert.match(explainErrorCode('FailedOperation.SomethingNew', 'zh-cn')!.markdown, /腾讯云未记载/);
  });

  it('answers null for unknown codes and texts without a code', () => {
    for (const text of ['', 'NoSuchThing.AtAll', 'hello world', 'user@example.com', '9999', 'SendStatus 4242', 'DeliverStatus 5']) {
      assert.equal(explainErrorCode(text, 'en'), null, text);
    }
  });

  it('searches codes and descriptions in both languages, best matches first', () => {
    const codes = (query: string, locale = 'en') => searchErrorCodes(query, locale).map((r) => r.code);
    assert.equal(searchErrorCodes('', 'en').length, CODE_ENTRIES.length);
    assert.equal(codes('EmailAddrInBlacklist')[0], 'FailedOperation.EmailAddrInBlacklist');
    assert.equal(codes('failedoperation.emailaddrinblacklist')[0], 'FailedOperation.EmailAddrInBlacklist');
    const blocklist = codes('blocklist');
    for (const code of ['FailedOperation.EmailAddrInBlacklist', 'SendStatus.1007', 'IpInBlacklist']) assert.ok(blocklist.includes(code), code);
    const chinese = codes('黑名单', 'zh-cn');
    for (const code of ['FailedOperation.EmailAddrInBlacklist', 'SendStatus.1007', 'SendStatus.3020', 'IpInBlacklist']) assert.ok(chinese.includes(code), code);
    // Chinese words found from an English UI and the other way round; several words must all match.
    assert.ok(codes('退订').includes('FailedOperation.ReceiverHasUnsubscribed'));
    assert.ok(codes('unsubscribed', 'zh-cn').includes('FailedOperation.ReceiverHasUnsubscribed'));
    assert.deepEqual(codes('template json'), codes('json template'));
    assert.ok(codes('template json').includes('InvalidParameterValue.TemplateDataError'));
    assert.deepEqual(codes('zzz-no-match'), []);
    const zh = searchErrorCodes('EmailAddrInBlacklist', 'zh-cn')[0];
    assert.equal(zh.description, '邮件地址在黑名单中。');
  });

  it('maps editor locales to the two languages', () => {
    assert.equal(knowledgeLocale('zh-cn'), 'zh');
    assert.equal(knowledgeLocale('zh-CN'), 'zh');
    assert.equal(knowledgeLocale('zh'), 'zh');
    assert.equal(knowledgeLocale('en'), 'en');
    assert.equal(knowledgeLocale('de'), 'en');
    assert.equal(knowledgeLocale(undefined), 'en');
  });
});
