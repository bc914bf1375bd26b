import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// docs/zh-CN/<page>.md is the Simplified Chinese twin of docs/<page>.md. The check is on structure only
// (headings, code blocks, links), never on text, so that whoever adds a section to an English page is
// told to add it to the twin too, and a translation cannot silently fall behind.
const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs');
const ZH = path.join(DOCS, 'zh-CN');

/** Pages for contributors, which stay English (docs/zh-CN/README.md says so). */
const ENGLISH_ONLY = new Set(['development.md', 'architecture.md', 'linear-parsing.md', 'accuracy.md']);
/** User pages whose translation is still to come: remove a page from here when its twin lands. */
const NOT_YET_TRANSLATED = new Set<string>([]);

const read = (file: string) => fs.readFileSync(file, 'utf8');
const englishPages = fs.readdirSync(DOCS).filter((file) => file.endsWith('.md')).sort();
const twinned = englishPages.filter((page) => fs.existsSync(path.join(ZH, page)));

/** The lines of a Markdown file outside fenced code blocks, and how many fenced blocks it has. */
function prose(markdown: string): { lines: string[]; codeBlocks: number } {
  const lines: string[] = [];
  let fence: string | undefined;
  let codeBlocks = 0;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      codeBlocks++;
    } else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length) {
      fence = undefined;
    } else if (fence === undefined) {
      lines.push(line);
    }
  }
  return { lines, codeBlocks };
}

/** The `##` and `###` headings, as "## text", in order. */
const headings = (markdown: string) => prose(markdown).lines.filter((line) => /^#{2,3} /.test(line)).map((line) => line.trim());
const levels = (list: string[]) => list.map((heading) => heading.split(' ')[0]);

/** Every relative link and image target outside code (inline code spans too), without its anchor. */
function relativeTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of prose(markdown).lines) {
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) targets.push(target);
    }
  }
  return targets;
}

/** Where a relative link of docs/zh-CN/<page> should lead when the English page leads to `target`:
 * the Chinese twin of a docs page or of the README, or the Chinese screenshot, where one exists. */
function chineseCounterpart(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  if (dir === DOCS && base.endsWith('.md') && fs.existsSync(path.join(ZH, base))) return path.join(ZH, base);
  if (target === path.join(ROOT, 'README.md') && fs.existsSync(path.join(ROOT, 'README.zh-CN.md'))) return path.join(ROOT, 'README.zh-CN.md');
  const images = path.join(DOCS, 'images');
  if (dir === images && fs.existsSync(path.join(images, 'zh-CN', base))) return path.join(images, 'zh-CN', base);
  return target;
}

interface Link { readonly image: boolean; readonly target: string; readonly anchor: string | undefined }

/** The links and images of each section (the text before the first ##/### heading, then one per heading), in order. */
function linksBySection(markdown: string, dir: string): Link[][] {
  const sections: Link[][] = [[]];
  for (const line of prose(markdown).lines) {
    if (/^#{2,3} /.test(line)) sections.push([]);
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const hash = m[2].indexOf('#');
      const file = hash >= 0 ? m[2].slice(0, hash) : m[2];
      const anchor = hash >= 0 ? m[2].slice(hash + 1) : undefined;
      const external = /^[a-z][a-z0-9+.-]*:/i.test(m[2]);
      sections[sections.length - 1].push({
        image: m[1] === '!',
        target: external ? m[2] : file ? path.join(dir, file) : '',
        anchor: external ? undefined : anchor,
      });
    }
  }
  return sections;
}

/** A link as the tests name it: ![image] or [link], the target relative to the repository, and whether it has an anchor. */
const describeLink = (link: Link) =>
  `${link.image ? '![image]' : '[link]'}(${/^[a-z][a-z0-9+.-]*:/i.test(link.target) ? link.target : path.relative(ROOT, link.target) || '(this page)'}${link.anchor !== undefined ? '#…' : ''})`;

/** What one list has that the other has not, counting repeats: [missing from actual, extra in actual]. */
function difference(expected: string[], actual: string[]): [string[], string[]] {
  const rest = [...actual];
  const missing: string[] = [];
  for (const item of expected) {
    const i = rest.indexOf(item);
    if (i >= 0) rest.splice(i, 1); else missing.push(item);
  }
  return [missing, rest];
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
const anchorsOf = (file: string) =>
  new Set(prose(read(file)).lines.filter((line) => /^#{1,6} /.test(line)).map((line) => slug(line.replace(/^#+ /, ''))));

const update = (page: string) =>
  `When you add, remove or move a section or code block of docs/${page}, do the same in its Chinese twin docs/zh-CN/${page} ` +
  '(translate it; if you cannot, copy the English text there and say so in your commit message).';

describe('docs/zh-CN twins of the docs pages', () => {
  it('every user page has a Chinese twin; contributor pages may stay English', () => {
    const missing = englishPages.filter((page) => !ENGLISH_ONLY.has(page) && !NOT_YET_TRANSLATED.has(page) && !twinned.includes(page));
    assert.deepEqual(missing, [], 'docs pages without a Chinese twin in docs/zh-CN/: translate them, or list contributor pages in ENGLISH_ONLY of test/unit/docsTwins.test.ts');
    const stale = [...NOT_YET_TRANSLATED].filter((page) => twinned.includes(page));
    assert.deepEqual(stale, [], 'these pages have a twin now: remove them from NOT_YET_TRANSLATED in test/unit/docsTwins.test.ts');
    const orphans = fs.readdirSync(ZH).filter((file) => file.endsWith('.md') && !englishPages.includes(file));
    assert.deepEqual(orphans, [], 'docs/zh-CN pages without an English original');
    assert.ok(twinned.length >= 7, `only ${twinned.length} twins`);
  });

  for (const page of twinned) {
    describe(page, () => {
      const en = read(path.join(DOCS, page));
      const zh = read(path.join(ZH, page));

      it('links to its twin at the top, and back', () => {
        const top = (text: string) => text.split('\n').slice(0, 8).join('\n');
        assert.ok(top(en).includes(`](zh-CN/${page})`), `docs/${page} starts with a "[简体中文](zh-CN/${page})" line`);
        assert.ok(top(zh).includes(`](../${page})`), `docs/zh-CN/${page} starts with a "[English](../${page})" line`);
      });

      it('has the same ## and ### headings, level by level', () => {
        const enHeadings = headings(en);
        const zhHeadings = headings(zh);
        const first = enHeadings.findIndex((heading, i) => levels([heading])[0] !== levels([zhHeadings[i] ?? ''])[0]);
        const where = first >= 0 ? first : Math.min(enHeadings.length, zhHeadings.length);
        assert.deepEqual(
          levels(zhHeadings), levels(enHeadings),
          `docs/${page} has ${enHeadings.length} ##/### headings, docs/zh-CN/${page} has ${zhHeadings.length}; ` +
          `they first differ at heading ${where + 1}: English "${enHeadings[where] ?? '(none)'}", Chinese "${zhHeadings[where] ?? '(none)'}". ${update(page)}`,
        );
      });

      it('has the same number of code blocks', () => {
        assert.equal(prose(zh).codeBlocks, prose(en).codeBlocks, `code blocks in docs/zh-CN/${page} vs docs/${page}. ${update(page)}`);
      });

      it('links only to files that exist, and from Chinese to Chinese where a twin or picture exists', () => {
        for (const [dir, file, text] of [[DOCS, `docs/${page}`, en], [ZH, `docs/zh-CN/${page}`, zh]]) {
          const broken = relativeTargets(text).filter((target) => !fs.existsSync(path.join(dir, target)));
          assert.deepEqual(broken, [], `broken relative links in ${file}`);
        }
        const english = relativeTargets(zh).filter((target) => {
          const resolved = path.join(ZH, target);
          if (path.dirname(resolved) === DOCS && target.endsWith('.md')) return target !== `../${page}` && fs.existsSync(path.join(ZH, path.basename(resolved)));
          if (path.dirname(resolved) === path.join(DOCS, 'images')) return fs.existsSync(path.join(DOCS, 'images', 'zh-CN', path.basename(resolved)));
          return false;
        });
        assert.deepEqual(english, [], `docs/zh-CN/${page} links to English pages or pictures that have a Chinese version: use those (page.md, ../images/zh-CN/…)`);
      });

      it('has the same links and images as the English page, section by section (Chinese twins and pictures where they exist)', () => {
        const enSections = linksBySection(en, DOCS);
        const zhSections = linksBySection(zh, ZH);
        const twinLine = (link: Link) => link.target === path.join(ZH, page) || link.target === path.join(DOCS, page);
        const zhHeadings = ['(the top of the page)', ...headings(zh)];
        const problems: string[] = [];
        enSections.forEach((enLinks, i) => {
          const expected = enLinks.filter((link) => !(i === 0 && twinLine(link)))
            .map((link) => describeLink({ ...link, target: /^[a-z][a-z0-9+.-]*:/i.test(link.target) || !link.target ? link.target : chineseCounterpart(link.target) }));
          const actual = (zhSections[i] ?? []).filter((link) => !(i === 0 && twinLine(link))).map(describeLink);
          const [missing, extra] = difference(expected, actual);
          if (missing.length || extra.length) {
            problems.push(`section ${i} "${zhHeadings[i] ?? '(none)'}": missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
          }
        });
        assert.deepEqual(problems, [], `docs/zh-CN/${page} must have the links and images of docs/${page} in the same sections. ${update(page)}`);
      });

      it('its anchors lead to headings that exist', () => {
        const broken: string[] = [];
        for (const [dir, file, text] of [[DOCS, path.join(DOCS, page), en], [ZH, path.join(ZH, page), zh]]) {
          for (const link of linksBySection(text, dir).flat()) {
            if (link.anchor === undefined || !/\.md$/.test(link.target || file)) continue;
            const target = link.target || file;
            if (fs.existsSync(target) && !anchorsOf(target).has(decodeURIComponent(link.anchor))) broken.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}#${link.anchor}`);
          }
        }
        assert.deepEqual(broken, [], 'anchors without a heading of that name (GitHub makes a heading\'s anchor from its text: lower case, punctuation dropped, spaces to hyphens)');
      });
    });
  }
});
