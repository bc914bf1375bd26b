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
const NOT_YET_TRANSLATED = new Set([
  'account.md', 'new-template.md', 'settings-guide.md', 'online-check.md', 'accessibility.md', 'api.md', 'languages.md', 'cli.md', 'preview.md',
]);

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
    });
  }
});
