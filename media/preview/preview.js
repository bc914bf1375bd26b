// The preview webview's UI. Runs under the page's CSP with a nonce; the email itself is in the
// sandboxed iframe (#email) and never runs script. Messages: client/src/preview/messages.ts.
/* global acquireVsCodeApi, window, document, Option, Document, Element, ResizeObserver, performance */
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  /** @type {import('../../client/src/preview/messages').PreviewStrings | undefined} */
  let strings;
  /** @type {import('../../client/src/preview/messages').PreviewState | undefined} */
  let state;

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  /**
   * An email frame: it knows the load events its own srcdoc causes; any other load means the frame
   * navigated away (see the recovery below).
   * `markers`: how many parse markers its document ends with; `expected`: its frame count once parsed.
   * `before`: the frames of the document it held before (none of them is the new document's: see parsed()).
   * @typedef {{ element: HTMLIFrameElement, doc: string, csp: string, ownLoadPending: boolean, recoveries: number[], markers: number, expected: number, before: unknown[] }} EmailFrame
   */
  /**
   * A width: two email frames taking turns (the front is shown; the back loads the next document under
   * it and comes to the front once parsed: never a blank frame) and its layout copy (shell.ts), where the
   * document's height is measured: the frames are as tall as the email, so the stage scrolls, and its
   * scroll position, which is ours, stays across updates. During a burst of typing only the back frame
   * parses each email; the copy follows when typing pauses (COPY_IDLE_MS): one parse per keystroke.
   * @typedef {{ slot: HTMLElement, id: string, front: EmailFrame, back: EmailFrame, layout: EmailFrame,
   *   doc: string, csp: string, generation: number, backLoaded: boolean, swapTimer: any, copyTimer: any,
   *   blankTimer: any, parseMs: number, markersSeen: boolean, lastLoadAt: number, height: number, layoutStale: Document | null, layoutKey: string, mark: HTMLElement }} Width
   */
  /** @returns {EmailFrame} */
  const emailFrame = (/** @type {string} */ id) => ({ element: /** @type {HTMLIFrameElement} */ ($(id)), doc: '', csp: '', ownLoadPending: false, recoveries: [], markers: 0, expected: -1, before: [] });
  /** The outline of the element at the editor's cursor, over a width's shown frame. @param {HTMLElement} slot */
  function markOf(slot) {
    const mark = document.createElement('div');
    mark.className = 'ses-highlight';
    mark.hidden = true;
    slot.append(mark);
    return mark;
  }
  /** @type {Width[]} */
  const widths = [['slot-main', 'email', 'layout-main'], ['slot-side', 'email-mobile', 'layout-side']].map(([slot, id, layout]) => ({
    slot: $(slot), id, front: emailFrame(id), back: emailFrame(`${id}-next`), layout: emailFrame(layout),
    doc: '', csp: '', generation: 0, backLoaded: false, swapTimer: undefined, copyTimer: undefined, blankTimer: undefined, parseMs: 0, markersSeen: false, lastLoadAt: -Infinity,
    height: 0, layoutStale: null, layoutKey: '', mark: markOf($(slot)),
  }));
  const stage = $('stage');
  /** The template shown last: another one starts at the top. */
  let shownSource = '';
  const dataset = /** @type {HTMLSelectElement} */ ($('dataset'));

  /** @param {import('../../client/src/preview/messages').FromWebview} message */
  const post = (message) => vscode.postMessage(message);

  function applyStrings() {
    if (!strings) return;
    $('dataset-text').textContent = strings.dataSet;
    $('view-html').textContent = strings.viewHtml;
    $('view-imagesOff').textContent = strings.viewImagesOff;
    $('view-text').textContent = strings.viewText;
    $('view-darkPartial').textContent = strings.viewDarkPartial;
    $('view-darkPartial').title = strings.darkPartialTooltip;
    $('view-darkFull').textContent = strings.viewDarkFull;
    $('view-darkFull').title = strings.darkFullTooltip;
    $('view-darkOwn').textContent = strings.viewDarkOwn;
    $('view-darkOwn').title = strings.darkOwnTooltip;
    $('width-desktop').textContent = strings.desktop;
    $('width-mobile').textContent = strings.mobile;
    $('width-both').textContent = strings.both;
    $('lock').textContent = strings.lock;
    $('lock').title = strings.lockTooltip;
    $('send-test').textContent = strings.sendTest;
    $('preflight').textContent = strings.preflight;
    $('from-key').textContent = strings.from;
    $('subject-key').textContent = strings.subject;
    $('views').setAttribute('aria-label', strings.views);
    $('widths').setAttribute('aria-label', strings.widths);
    for (const w of widths) for (const f of [w.front, w.back]) f.element.title = strings.frameTitle;
  }

  /** @param {HTMLElement} element @param {readonly { text: string, missing?: boolean }[] | undefined} segments */
  function showSegments(element, segments) {
    element.replaceChildren();
    for (const segment of segments ?? []) {
      if (!segment.missing) { element.append(segment.text); continue; }
      const mark = document.createElement('mark');
      mark.className = 'missing';
      mark.textContent = segment.text;
      // A replacer function, as in l10n's formatter: `$`` or `$&` in the name is no replacement pattern.
      if (strings) { const name = segment.text.replace(/^\{\{\s*/, '').replace(/\}\}$/, '').trim(); mark.title = strings.missingTooltip.replace(/\{0\}/g, () => name); }
      element.append(mark);
    }
  }

  function render() {
    if (!state || !strings) return;
    const s = state;
    // Data sets: rebuilt only when the list changes, so an open dropdown is not reset on every keystroke.
    const names = s.dataSets.join('\n');
    if (dataset.dataset.names !== names) {
      dataset.replaceChildren(...s.dataSets.map((name) => new Option(name, name)));
      dataset.dataset.names = names;
    }
    dataset.disabled = s.dataSets.length === 0;
    if (!s.dataSets.length) dataset.replaceChildren(new Option(strings.noDataSet, ''));
    if (s.dataSet !== undefined) dataset.value = s.dataSet;

    for (const button of document.querySelectorAll('[data-view]')) {
      const on = button.getAttribute('data-view') === s.view;
      button.classList.toggle('active', on);
      button.setAttribute('aria-selected', String(on));
    }
    for (const button of document.querySelectorAll('[data-width]')) {
      const on = button.getAttribute('data-width') === s.width;
      button.classList.toggle('active', on);
      button.setAttribute('aria-pressed', String(on));
    }
    const problems = $('image-problems');
    problems.hidden = s.imageProblems === 0;
    problems.textContent = s.imageProblemsLabel;

    $('from').textContent = s.from ?? strings.noSender;
    $('from').classList.toggle('none', s.from === undefined);
    if (s.subject) showSegments($('subject'), s.subject);
    else $('subject').textContent = strings.noSubject;
    $('subject').classList.toggle('none', !s.subject);

    const notices = $('notices');
    notices.replaceChildren(...s.notices.map((notice) => {
      const div = document.createElement('div');
      div.className = `notice ${notice.kind}`;
      div.textContent = notice.text;
      return div;
    }));
    if (s.missing.length) {
      const div = document.createElement('div');
      div.className = 'notice warning missing-list';
      div.textContent = `${strings.missingVariables} ${s.missing.join(', ')}`;
      notices.append(div);
    }

    $('lock').classList.toggle('active', s.locked);
    $('lock').setAttribute('aria-pressed', String(s.locked));
    const [main, side] = widths;
    main.slot.classList.toggle('mobile', s.width === 'mobile');
    side.slot.hidden = s.width !== 'both';
    stage.classList.toggle('both', s.width === 'both');
    stage.classList.toggle('sync', s.sync);
    if (s.sourceUri !== shownSource) { shownSource = s.sourceUri; stage.scrollTop = 0; stage.scrollLeft = 0; }
    // Loading a document costs; nothing to do when the email did not change (a width switch).
    for (const w of widths) {
      if (w.slot.hidden) continue;
      if (w.doc !== s.srcdoc || w.csp !== s.csp) load(w, s.srcdoc, s.csp);
      else relayout(w);
    }
    // Kept across a window reload: the extension restores the panel from it (messages.ts, PersistedPreview).
    vscode.setState({ sourceUri: s.sourceUri, locked: s.locked, view: s.view, width: s.width, dataSet: s.dataSet });
  }

  /**
   * Appended to each email document of the email frames: an empty frame without a source (nothing loads
   * and nothing shows; the sandbox and the policy bind it as they bind the email). The parser reaches it
   * last, and how many frames the email frame holds (its window's `length`) is the one thing of it this
   * page can read across origins: once the count includes the markers, the document is parsed, however
   * long its images take to load. One marker or two, in turn, so that the count of the document before
   * never passes for the new one's.
   */
  const MARKER = '<iframe style="display:none !important"></iframe>';

  /** How many `<iframe` a document holds: its frames, or more (one in a comment: then its markers are never counted, and the load event or the time limit swaps). @param {string} doc */
  function framesIn(doc) {
    const lower = doc.toLowerCase();
    let n = 0;
    for (let i = lower.indexOf('<iframe'); i >= 0; i = lower.indexOf('<iframe', i + 7)) n++;
    return n;
  }

  /**
   * @param {EmailFrame} f @param {string} doc @param {string} csp
   * @param {boolean} marked an email frame's document, with its parse markers (the layout copy's is read directly)
   */
  function setDocument(f, doc, csp, marked) {
    // The policy as the embedder's requirement (CSP Embedded Enforcement): set before srcdoc, it applies
    // to the document that srcdoc loads, whatever that document's markup says.
    f.element.setAttribute('csp', csp);
    f.ownLoadPending = true;
    f.before = framesOf(f);
    f.markers = marked ? 3 - Math.max(1, Math.min(2, f.markers)) : 0;
    f.expected = marked ? framesIn(doc) + f.markers : -1;
    f.element.srcdoc = marked ? doc + MARKER.repeat(f.markers) : doc;
    f.doc = doc;
    f.csp = csp;
  }

  /** The windows of the frames an email frame's document holds now (readable across origins by index). @param {EmailFrame} f */
  function framesOf(f) {
    const frames = [];
    try {
      const w = f.element.contentWindow;
      for (let i = 0; w && i < w.length && i < 64; i++) frames.push(w[i]);
    } catch { /* none readable */ }
    return frames;
  }

  /**
   * Whether an email frame's document is parsed: it holds its markers, and its last frame is none of the
   * document before's. The count alone is not enough: while the document before is torn down its frames
   * go one by one, and its count passes through the new document's (seen in Chromium: two markers before,
   * one now, and the count read 1 before the new document was parsed; the half-loaded frame then came to
   * the front). A new document's frames are new windows, never equal to the old ones.
   * @param {EmailFrame} f
   */
  function parsed(f) {
    try {
      const w = f.element.contentWindow;
      return !!w && f.expected > 0 && w.length === f.expected && !f.before.includes(w[f.expected - 1]);
    } catch {
      return false;
    }
  }

  // The layout copy is read through these, never through the copy's own properties: its markup could
  // shadow document properties by name (<img name="documentElement">: DOM clobbering).
  const documentElementOf = /** @type {(this: Document) => HTMLElement | null} */ (
    /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')).get);
  const readyStateOf = /** @type {(this: Document) => string} */ (
    /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Document.prototype, 'readyState')).get);
  const scrollHeightOf = /** @type {(this: Element) => number} */ (
    /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')).get);

  /** The copy's document once it holds `generation`'s email (parsed), else undefined. @param {Width} w */
  function layoutDocument(w) {
    const d = w.layout.element.contentDocument;
    if (!d || d === w.layoutStale || readyStateOf.call(d) === 'loading') return undefined;
    return d;
  }

  /**
   * The height of the email laid out in the stage's height (at least that), or 0 when it cannot be read.
   * The copy then takes that height, as the frames do: both lay the email out alike, so a point or a box
   * in the copy is the same point or box in the frame the user sees (preview ↔ source).
   * @param {Width} w
   */
  function measure(w) {
    const d = layoutDocument(w);
    const root = d && documentElementOf.call(d);
    if (!root) return 0;
    const copy = w.layout.element;
    copy.style.height = `${viewportHeight()}px`;
    const height = Math.ceil(scrollHeightOf.call(root)); // synchronous: the copy is laid out at once
    copy.style.height = `${height}px`;
    return height;
  }

  function viewportHeight() { return Math.max(200, stage.clientHeight - 18); }

  /** Emails closer together than this are a burst of typing; this long after the last one was shown, the copy lays it out (height, preview ↔ source). */
  const COPY_IDLE_MS = 600;

  /**
   * Loads the next email into the back frame; it comes to the front once loaded (its images too), or
   * once parsed (its markers counted) and twice that time more, or, should neither be seen, after three
   * times the last parse. An image that takes long does not hold the email back.
   * @param {Width} w @param {string} doc @param {string} csp
   */
  function load(w, doc, csp) {
    const generation = ++w.generation;
    w.doc = doc;
    w.csp = csp;
    w.backLoaded = false;
    clearTimeout(w.swapTimer);
    clearTimeout(w.copyTimer);
    clearTimeout(w.blankTimer);
    setDocument(w.back, doc, csp, true);
    pendingHits = pendingHits.filter((h) => h.w !== w); // clicks on the email before: it is going
    // During a burst of typing the copy waits until it pauses (one parse per keystroke, not two). An email
    // after a pause, and a width's first, is laid out in the copy at once, alongside: the copy parses in
    // the webview's process while the frame parses in its own, and is ready for a click with the email.
    const now = performance.now();
    const typing = now - w.lastLoadAt < COPY_IDLE_MS;
    w.lastLoadAt = now;
    if (!w.height || !typing) loadCopy(w);
    const started = performance.now();
    const limit = w.parseMs ? Math.max(150, 3 * w.parseMs) : 1500; // parseMs: from the markers, else from the copy
    const poll = () => {
      if (generation !== w.generation) return;
      const elapsed = performance.now() - started;
      if (parsed(w.back)) {
        w.parseMs = elapsed;
        w.markersSeen = true;
        // Parsed: shown after twice as long again (laid out and painted by then), unless loaded sooner.
        w.swapTimer = setTimeout(() => { if (generation === w.generation) swap(w); }, Math.max(60, 2 * elapsed));
        return;
      }
      if (elapsed > limit) { swap(w); return; }
      w.swapTimer = setTimeout(poll, 4);
    };
    poll();
  }

  /** Lays the width's email out in its copy (once typing pauses), then the frames take its height. @param {Width} w */
  function loadCopy(w) {
    if (w.layout.doc === w.doc && w.layout.csp === w.csp) return; // there already, or on its way
    clearTimeout(w.copyTimer);
    const copy = w.layout.element;
    copy.style.width = `${w.slot.clientWidth || 700}px`;
    copy.style.height = `${viewportHeight()}px`;
    w.layoutKey = `${copy.style.width} ${viewportHeight()}`;
    w.layoutStale = copy.contentDocument;
    setDocument(w.layout, w.doc, w.csp, false);
    const doc = w.doc;
    const started = performance.now();
    const poll = () => {
      if (w.layout.doc !== doc) return; // a newer email is on its way into the copy
      if (!layoutDocument(w)) { w.copyTimer = setTimeout(poll, 8); return; }
      if (!w.markersSeen) w.parseMs = performance.now() - started;
      const height = measure(w);
      if (height) { w.height = height; w.slot.style.height = `${height}px`; }
      showHighlight();
      const waiting = pendingHits.filter((h) => h.w === w);
      pendingHits = pendingHits.filter((h) => h.w !== w);
      for (const h of waiting) hitAt(h.type, h.w, h.x, h.y);
    };
    poll();
  }

  /** The copy at the width's current size (a width switch, a narrower panel), and the frames' height after it. @param {Width} w */
  function relayout(w) {
    const copy = w.layout.element;
    const width = `${w.slot.clientWidth || 700}px`;
    const key = `${width} ${viewportHeight()}`;
    if (w.layoutKey === key) return;
    w.layoutKey = key;
    copy.style.width = width;
    const measured = measure(w);
    if (measured) { w.height = measured; w.slot.style.height = `${measured}px`; }
    showHighlight();
  }
  new ResizeObserver(() => { for (const w of widths) if (!w.slot.hidden && w.height) relayout(w); }).observe(stage);

  /** The back frame to the front (once per generation). @param {Width} w */
  function swap(w) {
    if (w.back.doc !== w.doc) return;
    clearTimeout(w.swapTimer);
    const height = measure(w) || w.height;
    if (height) { w.height = height; w.slot.style.height = `${height}px`; }
    const shown = w.back;
    w.back = w.front;
    w.front = shown;
    // The ids follow the roles: #email is always the frame the user sees.
    w.back.element.id = `${w.id}-next`;
    w.front.element.id = w.id;
    w.front.element.classList.replace('back', 'front');
    w.back.element.classList.replace('front', 'back');
    w.front.element.removeAttribute('tabindex');
    w.front.element.removeAttribute('aria-hidden');
    w.back.element.setAttribute('tabindex', '-1');
    w.back.element.setAttribute('aria-hidden', 'true');
    showHighlight();
    // When typing pauses: the copy lays the email out, and the frame now behind (under the shown one,
    // never seen) is emptied, which frees its document (and its teardown is then not part of the next
    // update). Not at once: both take the CPU the next keystroke's email needs.
    const generation = w.generation;
    w.copyTimer = setTimeout(() => { if (generation === w.generation) loadCopy(w); }, COPY_IDLE_MS);
    w.blankTimer = setTimeout(() => { if (generation === w.generation && w.back.doc) setDocument(w.back, '', w.csp, false); }, 2 * COPY_IDLE_MS);
  }

  // Preview ↔ source (docs/preview.md). The shown frame gets no pointer events while sync is on: a click
  // lands on the stage, and the element under it is looked up in the layout copy, which has the same
  // layout. Its data-ses / data-ses-p attributes were written by the renderer first in each tag (a
  // template's own come second and lose); the extension accepts only offsets its map of this very email
  // has, and selects only in the previewed template, whatever we send.
  const elementFromPointOf = /** @type {(this: Document, x: number, y: number) => Element | null} */ (Document.prototype.elementFromPoint);
  const querySelectorOf = /** @type {(this: Document, s: string) => Element | null} */ (Document.prototype.querySelector);
  const closestOf = /** @type {(this: Element, s: string) => Element | null} */ (Element.prototype.closest);
  const getAttributeOf = /** @type {(this: Element, n: string) => string | null} */ (Element.prototype.getAttribute);
  const rectOf = /** @type {(this: Element) => DOMRect} */ (Element.prototype.getBoundingClientRect);
  const OFFSET = /^\d{1,9}$/;
  /** The offset the editor's cursor is at (an element's data-ses), while sync is on. @type {number | undefined} */
  let highlighted;

  /** The copy's document when it shows the same email as the shown frame, and that email is the current one. @param {Width} w */
  function syncedLayout(w) {
    if (!state?.sync || w.slot.hidden || w.front.doc !== state.srcdoc || w.layout.doc !== state.srcdoc) return undefined;
    return layoutDocument(w);
  }

  /** The mapped element or value under a point of a width's shown frame. @param {Width} w @param {number} x @param {number} y */
  function hitTest(w, x, y) {
    const d = syncedLayout(w);
    const hit = d && elementFromPointOf.call(d, x, y);
    if (!hit) return undefined;
    const value = closestOf.call(hit, '[data-ses-p]');
    const element = value ?? closestOf.call(hit, '[data-ses]');
    const offset = element && getAttributeOf.call(element, value ? 'data-ses-p' : 'data-ses');
    if (!offset || !OFFSET.test(offset)) return undefined;
    return { hit, offset: Number(offset), placeholder: !!value };
  }

  /** The width whose shown frame is under a stage event, and the point in that frame. @param {MouseEvent} event */
  function pointIn(event) {
    for (const w of widths) {
      if (w.slot.hidden) continue;
      const box = w.front.element.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX < box.right && event.clientY >= box.top && event.clientY < box.bottom) {
        return { w, x: event.clientX - box.left, y: event.clientY - box.top };
      }
    }
    return undefined;
  }

  /**
   * Clicks on the shown email while its copy is not laid out yet (the copy follows when typing pauses):
   * the copy is laid out at once, and they are handled then, in order. A new email drops them.
   * @type {{ type: 'click', w: Width, x: number, y: number }[]}
   */
  let pendingHits = [];

  /**
   * A click at a point of a width's shown frame: select the element's start tag in the source; on a filled
   * value (or a missing {{name}} mark), select its placeholder and then edit the value in the data set
   * (the extension asks, once: the second click of a double click, while its box is open, changes nothing).
   * (`type`: always 'click', as the waiting clicks carry it.)
   * @param {'click'} type @param {Width} w @param {number} x @param {number} y
   */
  function hitAt(type, w, x, y) {
    const found = hitTest(w, x, y);
    if (!found || !state) return;
    post({ type: 'revealSource', doc: state.doc, offset: found.offset, placeholder: found.placeholder });
    if (found.placeholder) post({ type: 'editValue', doc: state.doc, offset: found.offset });
  }

  /** @param {MouseEvent} event */
  function onStageClick(event) {
    const at = state?.sync ? pointIn(event) : undefined;
    if (!at || !state) return;
    if (!syncedLayout(at.w) && at.w.front.doc === state.srcdoc) {
      if (pendingHits.length < 8) pendingHits.push({ type: 'click', w: at.w, x: at.x, y: at.y });
      loadCopy(at.w);
      return;
    }
    hitAt('click', at.w, at.x, at.y);
  }
  stage.addEventListener('click', onStageClick);
  // The frame gets no pointer events: its tooltips (image problems, missing variables) are the stage's.
  let hoverQueued = false;
  stage.addEventListener('mousemove', (event) => {
    if (hoverQueued || !state?.sync) return;
    hoverQueued = true;
    const { clientX, clientY } = event;
    window.requestAnimationFrame(() => {
      hoverQueued = false;
      const at = pointIn(/** @type {MouseEvent} */ ({ clientX, clientY }));
      const d = at && syncedLayout(at.w);
      const hit = d && elementFromPointOf.call(d, at.x, at.y);
      const titled = hit && closestOf.call(hit, '[title]');
      const title = (titled && getAttributeOf.call(titled, 'title')) ?? '';
      for (const w of widths) if (w.slot.title !== (w === at?.w ? title : '')) w.slot.title = w === at?.w ? title : '';
    });
  });

  /** Outlines the highlighted element over each shown frame; with `scroll`, brings it into view. */
  function showHighlight(scroll = false) {
    let first = true;
    for (const w of widths) {
      const d = highlighted === undefined ? undefined : syncedLayout(w);
      const element = d && querySelectorOf.call(d, `[data-ses="${highlighted}"]`);
      w.mark.hidden = !element;
      if (!element) continue;
      const box = rectOf.call(element);
      Object.assign(w.mark.style, { top: `${box.top}px`, left: `${box.left}px`, width: `${Math.max(2, box.width)}px`, height: `${Math.max(2, box.height)}px` });
      if (scroll && first) {
        first = false;
        const top = slotTop(w) + box.top;
        if (top < stage.scrollTop || top + Math.min(box.height, stage.clientHeight / 2) > stage.scrollTop + stage.clientHeight) stage.scrollTop = Math.max(0, top - stage.clientHeight / 3);
      }
    }
  }

  /** Scrolls the stage to the element that starts at `offset` (the editor's first visible one). @param {number} offset */
  function scrollToElement(offset) {
    const w = widths[0];
    const d = syncedLayout(w);
    const element = d && querySelectorOf.call(d, `[data-ses="${offset}"]`);
    if (element) stage.scrollTop = Math.max(0, slotTop(w) + rectOf.call(element).top - 8);
  }

  /**
   * Where a width's slot starts in the stage's scrolled content. Not `slot.offsetTop`: the stage is not
   * positioned, so that counts from the page and adds the toolbar's height (the preview then scrolled
   * a toolbar's height past the element the editor shows at its top).
   * @param {{ slot: HTMLElement }} w
   */
  function slotTop(w) {
    return w.slot.getBoundingClientRect().top - stage.getBoundingClientRect().top - stage.clientTop + stage.scrollTop;
  }

  // An email frame can navigate itself (a link with target=_self, …): the sandbox allows that much.
  // It cannot load anything there (our frame-src 'none' turns it into an error page), and any load that
  // is not our srcdoc's means it left: show the email again (at most 20 times in 10 s: never a loop).
  /** @param {EmailFrame} f @param {() => void} ownLoad */
  function watchLoads(f, ownLoad) {
    f.element.addEventListener('load', () => {
      if (f.ownLoadPending) { f.ownLoadPending = false; ownLoad(); return; }
      const now = Date.now();
      while (f.recoveries.length && now - f.recoveries[0] > 10_000) f.recoveries.shift();
      if (f.recoveries.length >= 20) return;
      f.recoveries.push(now);
      setDocument(f, f.doc, f.csp, f !== widths.find((w) => w.layout === f)?.layout);
    });
  }
  for (const w of widths) {
    for (const f of [w.front, w.back]) {
      watchLoads(f, () => {
        if (f !== w.back || f.doc !== w.doc || w.backLoaded) return;
        w.backLoaded = true;
        swap(w);
      });
    }
    watchLoads(w.layout, () => {
      // Images loaded: the height may have changed.
      const height = measure(w);
      if (height && height !== w.height) { w.height = height; w.slot.style.height = `${height}px`; }
    });
  }

  /**
   * The state of an update with its whole email document: sent whole, or as the change from the
   * document of email `patch.base` (srcdocPatch.ts); undefined when this page does not hold that one.
   * @param {{ state: import('../../client/src/preview/messages').PreviewState, patch?: import('../../client/src/preview/messages').SrcdocPatch }} message
   */
  function withSrcdoc(message) {
    const patch = message.patch;
    if (!patch) return message.state;
    const { base, start, end, text } = patch;
    if (!state || state.doc !== base || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end || end > state.srcdoc.length || typeof text !== 'string') return undefined;
    return { ...message.state, srcdoc: state.srcdoc.slice(0, start) + text + state.srcdoc.slice(end) };
  }

  window.addEventListener('message', (event) => {
    // Only the extension talks to us (through VS Code's host frame): never one of the email frames.
    if (widths.some((w) => [w.front, w.back, w.layout].some((f) => event.source === f.element.contentWindow))) return;
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'init') { strings = message.strings; applyStrings(); render(); }
    if (message.type === 'update') {
      const next = withSrcdoc(message);
      if (!next) { post({ type: 'resync' }); return; }
      const template = state?.sourceUri;
      state = next;
      if (!state?.sync || state.sourceUri !== template) highlighted = undefined;
      render();
      showHighlight();
    }
    const forNow = state?.sync && message.doc === state.doc && Number.isSafeInteger(message.offset);
    if (message.type === 'highlight' && forNow) { highlighted = message.offset; showHighlight(true); }
    if (message.type === 'scrollTo' && forNow) scrollToElement(message.offset);
  });

  dataset.addEventListener('change', () => post({ type: 'selectDataSet', set: dataset.value }));
  for (const button of document.querySelectorAll('[data-view]')) {
    button.addEventListener('click', () => post({ type: 'setView', view: /** @type {any} */ (button.getAttribute('data-view')) }));
  }
  for (const button of document.querySelectorAll('[data-width]')) {
    button.addEventListener('click', () => post({ type: 'setWidth', width: /** @type {any} */ (button.getAttribute('data-width')) }));
  }
  $('image-problems').addEventListener('click', () => post({ type: 'revealImageProblems' }));
  $('lock').addEventListener('click', () => post({ type: 'toggleLock' }));
  $('send-test').addEventListener('click', () => post({ type: 'sendTest' }));
  $('preflight').addEventListener('click', () => post({ type: 'preflight' }));
  post({ type: 'ready' });
}());
