// What the marketplace gets: the .vsix that `npm run package` builds (run it first; `npm test` does).
// It must hold the bundles and what they read at run time, and nothing else: no tests, sources,
// source maps, fixtures or examples; its README's pictures must be links that resolve on the marketplace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';

const ROOT = path.join(__dirname, '..', '..', '..');
const VSIX = path.join(ROOT, 'dist', 'ses-template-studio.vsix');

interface ZipEntry { readonly name: string; readonly data: () => Buffer }

/** The entries of a zip file, from its central directory (a .vsix is a zip). */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory: not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      data: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        return method === 8 ? zlib.inflateRawSync(raw) : raw;
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the .vsix', () => {
  assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first`);
  const entries = readZip(fs.readFileSync(VSIX));
  const files = entries.map((e) => e.name).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length)).sort();

  it('lists its files (for the record)', () => {
    console.log(`${path.relative(ROOT, VSIX)}: ${(fs.statSync(VSIX).size / 1024).toFixed(0)} KB, ${files.length} files`);
    for (const file of files) console.log(`  ${file}`);
    assert.ok(files.length > 0);
  });

  it('holds the bundles and what they read at run time', () => {
    // vsce renames README.md, CHANGELOG.md and LICENSE to these.
    for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'dist/client.js', 'dist/server.js',
      'readme.md', 'changelog.md', 'LICENSE.txt', 'media/icon.png', 'schemas/ses.config.schema.json', 'syntaxes/ses-html.tmLanguage.json']) {
      assert.ok(files.includes(file), `${file} is missing`);
    }
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
      for (const step of walkthrough.steps) {
        const media = step.media.markdown ?? step.media.image;
        if (typeof media === 'string') assert.ok(files.includes(media), `walkthrough media ${media} is missing`);
      }
    }
  });

  it('holds the Sending-health webview with its chart library (uPlot) and licence, and nothing that evaluates code', () => {
    for (const file of ['dist/webview/health.js', 'dist/webview/health.css', 'dist/webview/uPlot.LICENSE.txt']) assert.ok(files.includes(file), `${file} is missing`);
    assert.deepEqual(files.filter((file) => file.startsWith('dist/webview/')).sort(), ['dist/webview/health.css', 'dist/webview/health.js', 'dist/webview/uPlot.LICENSE.txt']);
    const script = entries.find((e) => e.name === 'extension/dist/webview/health.js')!.data().toString('utf8');
    const css = entries.find((e) => e.name === 'extension/dist/webview/health.css')!.data().toString('utf8');
    // uPlot's class names and its banner: the library is in the bundle, not fetched at run time.
    assert.match(script, /uPlot 1\.6\.\d+ \(MIT\)/);
    assert.ok(script.includes('u-legend') && css.includes('.u-legend'), 'uPlot code or CSS is missing');
    // The webview's CSP has no 'unsafe-eval': nothing in the bundle may need it.
    assert.doesNotMatch(script, /\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*["'`]/);
    assert.doesNotMatch(script, /https?:\/\/(?!github\.com\/leeoniya)[a-z]/i, 'the webview script loads nothing from the network');
    console.log(`dist/webview/health.js: ${(script.length / 1024).toFixed(1)} KiB (${(zlib.gzipSync(script).length / 1024).toFixed(1)} KiB gzipped), health.css ${(css.length / 1024).toFixed(1)} KiB`);
  });

  it('holds no tests, sources, source maps, fixtures, examples, docs or the CLI', () => {
    const unwanted = files.filter((file) => /\.(ts|map|mjs)$/.test(file) || /(^|\/)(test|tests|fixtures|__fixtures__|node_modules)\//.test(file) ||
      /^(client|server|scripts|out|examples|docs|\.ci|\.vscode)\//.test(file) || file === 'dist/cli.js' || /^(tsconfig.*|eslint\.config\.mjs|esbuild\.mjs|package-lock\.json)$/.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('has a README whose images are absolute https links to files of the repository', () => {
    const readme = entries.find((e) => e.name === 'extension/readme.md')!.data().toString('utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const base = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length > 0, 'the README shows no picture');
    for (const url of images) {
      assert.ok(url.startsWith(base), `image ${url} is not under ${base}: the marketplace would show it broken`);
      assert.ok(fs.existsSync(path.join(ROOT, url.slice(base.length))), `image ${url} is not a file of the repository`);
    }
  });
});
