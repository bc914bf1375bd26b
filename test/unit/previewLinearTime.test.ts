// Every pass of the preview's renderer, timed on inputs of size n and 2n built from its own worst-case
// prefixes (issue 11): a pass whose time grows faster than ~3× per doubling (over two doublings) fails. The preview runs in
// the extension host after every edit, so one quadratic pass freezes VS Code on a hostile template.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseHtml } from '../../server/src/service/html/htmlModel';
import { withoutLinkElements } from '../../client/src/preview/linkElements';
import { htmlToText } from '../../client/src/preview/plainText';
import { leadingDoctype, renderEmail, type ImageProblem } from '../../client/src/preview/render';
import { fillSegments, textToHtml } from '../../client/src/preview/substitute';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: '{0} {1}' };

/** V8's collector, to start every timed run on a clean heap (a collection inside a run is noise). */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * The least CPU time (user + system, milliseconds) of `runs` calls of `fn`. CPU time, not wall time: the
 * machine is shared, and a run preempted by other processes would look slow in wall time.
 */
function fastest(fn: () => void, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const started = process.cpuUsage();
    fn();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * Sizes compared: n and 4n, two doublings. V8's time on one doubling can step (a garbage-collection or
 * cache regime changes on the way: 4× once, then 2× again), so one doubling alone is noise; over two, a
 * linear pass stays far below 4 × 4, the quadratic ones the review found take 16×.
 */
const SMALL = 50_000;
const DOUBLINGS = 2;
const MAX_RATIO = 3 ** DOUBLINGS;
/** A pass this fast on the large input is linear enough whatever the ratio (timer and scheduler noise dominate). */
const FLOOR_MS = 3;

/** Asserts that `pass` on `make(4n)` takes at most MAX_RATIO × its time on `make(n)` (3× per doubling). */
function assertLinear(name: string, make: (size: number) => string, pass: (input: string) => unknown): void {
  const small = make(SMALL);
  const large = make(SMALL * 2 ** DOUBLINGS);
  pass(small);
  pass(large); // compiled before timing
  const ratios: number[] = [];
  // Any attempt within the ratio passes: load on the machine only ever makes a ratio look worse, and a
  // quadratic pass does not come within it by chance.
  for (let attempt = 0; attempt < 5; attempt++) {
    const a = fastest(() => pass(small), 3);
    const b = fastest(() => pass(large), 3);
    if (b <= FLOOR_MS || b / a <= MAX_RATIO) return;
    ratios.push(b / a);
  }
  assert.fail(`${name}: time grew ${ratios.map((r) => r.toFixed(2)).join(', ')}× from ${small.length} to ${large.length} characters`);
}

/** `unit` repeated up to `size` characters. */
const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

const HOSTILE_UNITS = [
  '<a ', '<head', '<img ', '<!--', '<!-->', '{{', '"', '<link ', '<a href="https://a.example/{{   ', '<style>', '<svg><title>', '<td background=',
  '<p>{{a}}</p>', '<a>x', '<li>&#', ' ',
];
/** 20,000 images with a diagnostic each (the review's case), scaled to `size`. */
function imagesWithProblems(size: number): { html: string; problems: ImageProblem[] } {
  const unit = '<img src="images/a.png">\n';
  const html = repeat(unit, size);
  const problems: ImageProblem[] = [];
  for (let offset = 0; offset < html.length; offset += unit.length) problems.push({ offset: offset + 10, message: `relative ${offset % 7}` });
  return { html, problems };
}

describe('the preview renderer grows linearly on hostile input', () => {
  for (const view of ['html', 'imagesOff', 'text'] as const) {
    it(`renders the ${view} view in linear time`, () => {
      for (const unit of HOSTILE_UNITS) assertLinear(`${view} ${JSON.stringify(unit)}`, (n) => repeat(unit, n), (html) => renderEmail({ html, view, data: { a: 'x' }, labels }));
    });
  }

  it('outlines many image problems in linear time, in both HTML views', () => {
    for (const view of ['html', 'imagesOff'] as const) {
      const inputs = new Map<string, ImageProblem[]>();
      assertLinear(`image problems ${view}`, (n) => {
        const { html, problems } = imagesWithProblems(n);
        inputs.set(html, problems);
        return html;
      }, (html) => renderEmail({ html, view, data: {}, labels, imageProblems: inputs.get(html) }));
    }
  });

  it('derives the plain text, fills text parts and subjects, and finds the doctype in linear time', () => {
    // The derived plain text runs on every unit in the text view above; these are the ones it walks most.
    for (const unit of ['<a>x', '<head', '<li>&#', '<a href="https://a.example/{{   ']) {
      assertLinear(`plain text ${JSON.stringify(unit)}`, (n) => repeat(unit, n), (html) => htmlToText(html, parseHtml(html, { blankTexts: true })));
    }
    for (const unit of ['{{', '{{ ', '{{{', '<p>{{a}}</p>', '{{a}}', '<', ' ']) {
      assertLinear(`text part ${JSON.stringify(unit)}`, (n) => repeat(unit, n), (text) => textToHtml(text, { a: 'x' }, (name) => name));
      assertLinear(`subject ${JSON.stringify(unit)}`, (n) => repeat(unit, n), (text) => fillSegments(text, { a: 'x' }));
    }
    for (const unit of ['<!--', '<!-->', '<!-- -- ', '<!-- --!', ' ', '<!doctype', '<link a="', "<link a='", '<link =', '<link /', '<link ', '<', '<a ']) {
      assertLinear(`links ${JSON.stringify(unit)}`, (n) => repeat(unit, n), withoutLinkElements);
      assertLinear(`doctype ${JSON.stringify(unit)}`, (n) => repeat(unit, n), leadingDoctype);
    }
  });
});
