import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The README is the marketplace landing page: small, a picture per feature, everything else a link
// into docs/. README.zh-CN.md is its Chinese twin: the same sections, each with its own Chinese picture.
const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const MAX_BYTES = 12 * 1024;

interface Section { readonly heading: string; readonly images: string[]; readonly links: string[] }

/** The `## ` sections of a Markdown file, with their image and link targets (code blocks skipped). */
function sections(markdown: string): Section[] {
  const result: Array<{ heading: string; images: string[]; links: string[] }> = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    if (line.startsWith('## ')) result.push({ heading: line.slice(3), images: [], links: [] });
    const current = result[result.length - 1];
    if (!current) continue;
    for (const m of line.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)) (m[1] ? current.images : current.links).push(m[2]);
  }
  return result;
}

/** Every relative link and image target of a Markdown file (anchors dropped), code blocks skipped. */
function relativeTargets(markdown: string): string[] {
  const targets: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    for (const m of line.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (target && !/^[a-z]+:/i.test(target)) targets.push(target);
    }
  }
  return targets;
}

describe('README.md and README.zh-CN.md', () => {
  const en = read('README.md');
  const zh = read('README.zh-CN.md');

  it('are each under 12 KB', () => {
    for (const [file, text] of [['README.md', en], ['README.zh-CN.md', zh]]) {
      assert.ok(Buffer.byteLength(text) <= MAX_BYTES, `${file} is ${Buffer.byteLength(text)} bytes, over ${MAX_BYTES}`);
    }
  });

  it('start with the same two commands, and link to each other', () => {
    const commands = (text: string) => /```sh\n([\s\S]*?)```/.exec(text)?.[1];
    assert.ok(commands(en), 'README.md starts with a sh block');
    assert.equal(commands(zh), commands(en));
    assert.ok(en.indexOf('```sh') < en.indexOf('\n## '), 'the commands come first');
    assert.match(en, /\]\(README\.zh-CN\.md\)/);
    assert.match(zh, /\]\(README\.md\)/);
  });

  it('have the same sections, each feature with its picture: English from docs/images/, Chinese from docs/images/zh-CN/', () => {
    const enSections = sections(en);
    const zhSections = sections(zh);
    assert.equal(zhSections.length, enSections.length, `sections: ${enSections.map((s) => s.heading).join(' | ')} vs ${zhSections.map((s) => s.heading).join(' | ')}`);
    const pictured = enSections.filter((s) => s.images.length > 0);
    assert.ok(pictured.length >= 6, `only ${pictured.length} sections with a picture`);
    enSections.forEach((section, i) => {
      const twin = zhSections[i];
      assert.deepEqual(section.images.map((image) => path.basename(image)), twin.images.map((image) => path.basename(image)), `pictures of "${section.heading}" / "${twin.heading}"`);
      for (const image of section.images) assert.match(image, /^docs\/images\/[\w-]+\.png$/, `English picture ${image}`);
      for (const image of twin.images) assert.match(image, /^docs\/images\/zh-CN\/[\w-]+\.png$/, `Chinese picture ${image}`);
    });
  });

  it('have the same links in the same sections, the Chinese one to Chinese pages and pictures where they exist', () => {
    const counterpart = (target: string) => {
      const [file, anchor] = target.split('#');
      const zhPage = file.startsWith('docs/') && file.endsWith('.md') && file.split('/').length === 2 ? `docs/zh-CN/${file.slice(5)}` : undefined;
      const zhImage = file.startsWith('docs/images/') && file.split('/').length === 3 ? `docs/images/zh-CN/${file.slice(12)}` : undefined;
      const twin = [zhPage, zhImage].find((candidate) => candidate && fs.existsSync(path.join(ROOT, candidate))) ?? file;
      return anchor === undefined ? twin : `${twin}#…`;
    };
    const withoutAnchor = (target: string) => (target.includes('#') ? `${target.split('#')[0]}#…` : target);
    const preamble = (text: string) => text.slice(0, text.indexOf('\n## '));
    const enSections = [{ heading: '(top)', images: [], links: sections(`## (top)\n${preamble(en)}`)[0].links }, ...sections(en)];
    const zhSections = [{ heading: '(top)', images: [], links: sections(`## (top)\n${preamble(zh)}`)[0].links }, ...sections(zh)];
    const problems: string[] = [];
    enSections.forEach((section, i) => {
      const expected = section.links.filter((link) => link !== 'README.zh-CN.md').map((link) => (/^[a-z]+:/i.test(link) ? link : counterpart(link))).sort();
      const actual = (zhSections[i]?.links ?? []).filter((link) => link !== 'README.md').map(withoutAnchor).sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`"${zhSections[i]?.heading}": ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    });
    assert.deepEqual(problems, [], 'README.zh-CN.md sections whose links differ from README.md\'s');
  });

  it('link only to files that exist', () => {
    for (const [file, text] of [['README.md', en], ['README.zh-CN.md', zh]]) {
      const missing = relativeTargets(text).filter((target) => !fs.existsSync(path.join(ROOT, target)));
      assert.deepEqual(missing, [], `broken links in ${file}`);
    }
  });

  it('every docs page links only to files that exist', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    for (const page of pages) {
      const dir = path.dirname(path.join(ROOT, 'docs', page));
      const missing = relativeTargets(fs.readFileSync(path.join(ROOT, 'docs', page), 'utf8')).filter((target) => !fs.existsSync(path.join(dir, target)));
      assert.deepEqual(missing, [], `broken links in docs/${page}`);
    }
  });
});
