// The spam score (common/spam) with the real SpamAssassin, installed by test/spam/setup.sh when it is
// missing: the MIME message a template becomes, the report read back, the rules located in the
// template, and the failures (no program, a program that dies before reading, one that takes too long).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildMessage, quotedPrintable, runSpamAssassin, sourceOffset, spamScore, textFillEdits, type SpamScoreInput } from '../../common/spam/spamScore';
import { ensureSpamAssassin } from '../spam/install';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'spam');
const read = (file: string) => ({ file, text: fs.readFileSync(file, 'utf8') });

function fixture(folder: string, name: string): SpamScoreInput {
  const dir = path.join(FIXTURES, folder);
  const part = (ext: string) => (fs.existsSync(path.join(dir, `${name}.${ext}`)) ? read(path.join(dir, `${name}.${ext}`)) : undefined);
  return {
    html: part('ses.html'),
    text: part('ses.txt'),
    data: part('data.json'),
    config: { ...read(path.join(dir, 'ses.config.json')), key: name },
  };
}

describe('spam score: the MIME message', () => {
  it('fills subject, HTML and text from the data set (HTML values escaped), keeps missing variables as written, encodes a Chinese subject and sender', () => {
    const message = buildMessage({
      subject: '{{nickname}}，双十一会员专享活动',
      from: '示例商城 <shop@mail.example.com>',
      html: '<p>Hi {{nickname}}, {{missing}}</p>',
      text: 'Hi {{nickname}}, {{missing}}',
      data: { nickname: 'A&B' },
      date: new Date(Date.UTC(2026, 11, 5, 13, 0, 0)),
      messageIdLocal: 'fixed',
    });
    assert.equal(message.subject, 'A&B，双十一会员专享活动');
    assert.equal(message.html, '<p>Hi A&amp;B, {{missing}}</p>');
    assert.equal(message.text, 'Hi A&B, {{missing}}');
    const headers = message.mime.slice(0, message.mime.indexOf('\r\n\r\n'));
    assert.match(headers, /^Subject: =\?UTF-8\?B\?/m);
    const words = headers.slice(headers.indexOf('Subject: ')).split('\r\n').filter((l, i) => i === 0 || l.startsWith(' ')).map((l) => l.trim().replace('Subject: ', ''));
    const decoded = words.map((w) => Buffer.from(w.slice('=?UTF-8?B?'.length, -2), 'base64').toString('utf8')).join('');
    assert.equal(decoded, message.subject);
    assert.match(headers, /^From: =\?UTF-8\?B\?[^?]+\?= <shop@mail\.example\.com>$/m);
    assert.match(headers, /^Date: Sat, 05 Dec 2026 13:00:00 \+0000$/m);
    assert.match(headers, /^Message-ID: <fixed@mail\.example\.com>$/m);
    assert.match(headers, /^Content-Type: multipart\/alternative; boundary="=_ses_fixed"$/m);
    assert.ok(message.mime.includes('Content-Type: text/plain; charset=UTF-8\r\n') && message.mime.includes('Content-Type: text/html; charset=UTF-8\r\n'));
  });

  it('sends one part when the template has one', () => {
    const message = buildMessage({ subject: 's', from: 'a@b.example', html: '<p>x</p>', data: {} });
    assert.match(message.mime, /^Content-Type: text\/html; charset=UTF-8$/m);
    assert.doesNotMatch(message.mime, /multipart/);
  });

  it('quoted-printable: = escaped, UTF-8 bytes escaped, lines of at most 76 characters, trailing space kept', () => {
    assert.equal(quotedPrintable('a=b '), 'a=3Db=20');
    assert.equal(quotedPrintable('中'), '=E4=B8=AD');
    const long = quotedPrintable('x'.repeat(200));
    assert.ok(long.split('\r\n').every((l) => l.length <= 76), long);
    assert.equal(long.split('=\r\n').join(''), 'x'.repeat(200));
  });

  it('maps an offset of the filled text back to the template (inside a value: its placeholder)', () => {
    const template = 'Dear {{name}}, hi';
    const edits = textFillEdits(template, { name: 'Friend' });
    // "Dear Friend, hi": "Friend" starts at 5 and ends at 11 there; "hi" at 13.
    assert.equal(sourceOffset(edits, 5), 5);
    assert.equal(sourceOffset(edits, 11, true), 13);
    assert.equal(sourceOffset(edits, 8), 5);
    assert.equal(sourceOffset(edits, 13), 15);
    assert.equal(template.slice(sourceOffset(edits, 13), sourceOffset(edits, 15, true)), 'hi');
  });
});

describe('spam score: the real SpamAssassin (local tests only)', () => {
  before(() => {
    ensureSpamAssassin();
  });

  it('scores a clean receipt (text and HTML parts) far below the threshold, with no rule to act on', async () => {
    const result = await spamScore(fixture('clean', 'receipt'));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.required, 5);
    assert.ok(result.score < 1, `score ${result.score}`);
    const scoring = result.rules.filter((r) => r.score > 0);
    assert.deepEqual(scoring.map((r) => r.name), [], 'rules that add points');
    assert.ok(result.rules.every((r) => r.informational || r.target === undefined));
    assert.match(result.version ?? '', /^SpamAssassin \d/);
  });

  it('scores a spammy offer above the threshold, and points each rule it can at the template', async () => {
    const input = fixture('spammy', 'offer');
    const result = await spamScore(input);
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(result.score >= result.required, `score ${result.score} of ${result.required}`);
    const rule = (name: string) => {
      const found = result.rules.find((r) => r.name === name);
      assert.ok(found, `${name} not hit: ${result.rules.map((r) => r.name).join(', ')}`);
      assert.ok(found.description.length > 5, `${name} has a description`);
      return found;
    };
    const config = input.config!;
    const html = input.html!;
    const data = input.data!;
    // The all-capitals subject: its string in ses.config.json.
    const subject = rule('SUBJ_ALL_CAPS');
    assert.equal(subject.target?.kind, 'subject');
    assert.equal(config.text.slice(subject.target.start, subject.target.end), '"FREE MONEY FOR YOU, ACT NOW"');
    // Money words: the text SpamAssassin matched, found in the HTML part.
    const money = rule('MILLION_USD');
    assert.equal(money.target?.kind, 'html');
    assert.ok(html.text.slice(money.target.start, money.target.end).startsWith('MILLION DOLLARS'), html.text.slice(money.target.start, money.target.end));
    // A filled value: the data set's value.
    const credit = rule('BAD_CREDIT');
    assert.equal(credit.target?.kind, 'data');
    assert.equal(credit.target.file, data.file);
    assert.match(data.text.slice(credit.target.start, credit.target.end), /^Eliminate your debt/i);
    // Matched across a filled value ("Dear {{name}}" sent as "Dear Friend"): the template's range.
    const dear = rule('DEAR_FRIEND');
    assert.equal(html.text.slice(dear.target!.start, dear.target!.end), 'Dear {{name}}');
    // No text part: the HTML part.
    assert.equal(rule('MIME_HTML_ONLY').target?.kind, 'html');
    // Hit by every message that was not sent through a server: informational, nothing to act on.
    const received = rule('NO_RECEIVED');
    assert.ok(received.informational);
    assert.equal(received.target, undefined);
  });

  it('without a data set the variables stay as written, and the subject needs ses.config.json', async () => {
    const input = fixture('clean', 'receipt');
    const result = await spamScore({ ...input, data: undefined });
    assert.ok(result.ok);
    assert.equal(result.message.subject, 'Your receipt for order {{order_id}}');
    assert.deepEqual(await spamScore({ ...input, config: undefined }), { ok: false, kind: 'noSubject' });
  });

  it('says SpamAssassin is not installed when it is not on PATH (no crash)', async () => {
    const result = await runSpamAssassin('Subject: x\r\n\r\nx\r\n', { env: { ...process.env, PATH: path.join(FIXTURES, 'no-such-folder') } });
    assert.deepEqual(result, { ok: false, kind: 'notInstalled', command: 'spamassassin' });
  });

  it('a program that exits without reading the message (EPIPE on a 4 MB write) is a failure result, not a crash', async () => {
    // Node given SpamAssassin's options stops at once ("bad option: -L") without reading its input.
    const big = 'Subject: x\r\n\r\n' + 'spam spam spam spam\r\n'.repeat(200_000);
    const result = await runSpamAssassin(big, { command: process.execPath });
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.kind, 'noReport');
    assert.ok(result.ok === false && result.kind === 'noReport' && result.exitCode !== 0 && result.stderr.includes('-L'), JSON.stringify(result).slice(0, 500));
  });

  it('stops SpamAssassin when it takes longer than the timeout', async () => {
    const result = await runSpamAssassin(buildMessage({ subject: 's', from: 'a@b.example', text: 'hello', data: {} }).mime, { timeoutMs: 1 });
    assert.deepEqual(result, { ok: false, kind: 'timeout', command: 'spamassassin', seconds: 0 });
  });
});
