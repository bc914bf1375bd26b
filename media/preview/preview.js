// The preview webview's UI. Runs under the page's CSP with a nonce; the email itself is in the
// sandboxed iframe (#email) and never runs script. Messages: client/src/preview/messages.ts.
/* global acquireVsCodeApi, window, document, Option */
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
   * The email frames: desktop (or the one width shown) and, side by side, mobile. Each knows the one load
   * event its own srcdoc causes; any other load means the frame navigated away (see showEmail).
   * @typedef {{ element: HTMLIFrameElement, doc: string, csp: string, ownLoadPending: boolean, recoveries: number[] }} EmailFrame
   * @type {EmailFrame[]}
   */
  const frames = ['email', 'email-mobile'].map((id) => ({
    element: /** @type {HTMLIFrameElement} */ ($(id)), doc: '', csp: '', ownLoadPending: false, recoveries: [],
  }));
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
    for (const f of frames) f.element.title = strings.frameTitle;
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
    const [main, side] = frames;
    main.element.classList.toggle('mobile', s.width === 'mobile');
    side.element.hidden = s.width !== 'both';
    $('stage').classList.toggle('both', s.width === 'both');
    // Setting srcdoc reloads a frame; skip it when nothing in the email changed (a width switch).
    for (const f of frames) if (!f.element.hidden && (f.doc !== s.srcdoc || f.csp !== s.csp)) showEmail(f);
    // Kept across a window reload: the extension restores the panel from it (messages.ts, PersistedPreview).
    vscode.setState({ sourceUri: s.sourceUri, locked: s.locked, view: s.view, width: s.width, dataSet: s.dataSet });
  }

  /** @param {EmailFrame} f */
  function showEmail(f) {
    if (!state) return;
    // The policy as the embedder's requirement (CSP Embedded Enforcement): set before srcdoc, it applies
    // to the document that srcdoc loads, whatever that document's markup says.
    f.element.setAttribute('csp', state.csp);
    f.ownLoadPending = true;
    f.element.srcdoc = state.srcdoc;
    f.doc = state.srcdoc;
    f.csp = state.csp;
  }

  // An email frame can navigate itself (a link with target=_self, …): the sandbox allows that much.
  // It cannot load anything there (our frame-src 'none' turns it into an error page), and any load that
  // is not our srcdoc's means it left: show the email again (at most 20 times in 10 s: never a loop).
  for (const f of frames) {
    f.element.addEventListener('load', () => {
      if (f.ownLoadPending) { f.ownLoadPending = false; return; }
      const now = Date.now();
      while (f.recoveries.length && now - f.recoveries[0] > 10_000) f.recoveries.shift();
      if (f.recoveries.length >= 20) return;
      f.recoveries.push(now);
      showEmail(f);
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'init') { strings = message.strings; applyStrings(); render(); }
    if (message.type === 'update') { state = message.state; render(); }
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
