// The "SES: Open Preview" webview: VS Code glue around render.ts. Like the Markdown preview, one
// preview follows the active template editor; locked previews keep their template, and there may be
// several. Each re-renders from the buffers on every edit, and comes back after a window reload.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { checkOnPreview } from '../online/checkUrlsOnline';
import { isFromWebview, persistedPreview, type FromWebview, type Notice, type PreviewState, type PreviewView, type PreviewWidth, type ToWebview } from './messages';
import { previewSourceOf, readTemplateFiles, type PreviewSource, type TemplateFiles } from './previewSource';
import { darkNotice, imageProblemsLabel, previewStrings, renderLabels } from './previewStrings';
import { renderEmail } from './render';
import { EMPTY_SOURCE_MAP, elementAt, elementFrom, offsetFrom, placeholderAt, sourceRange, type SourceMap } from './sourceMap';
import { currentValue, dataEdit } from './dataEdit';
import { makeNonce, shellHtml } from './shell';
import { textPatch } from './srcdocPatch';

const VIEW_TYPE = 'sesStudio.preview';
/**
 * An edit after a pause re-renders at once; during a burst the preview re-renders after a pause as long
 * as the last update took (a 5 KB template: a few ms; 200 KB: tens of ms), between these bounds: it keeps
 * up with typing without queueing renders behind each other.
 */
const MIN_DEBOUNCE_MS = 15;
const MAX_DEBOUNCE_MS = 200;

/** Whether a document is a template part the preview can follow (the language server decides the rest). */
export function isTemplateDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'ses-html' || document.languageId === 'ses-text' || /\.ses\.(html|txt)$/i.test(document.uri.path));
}

/** Whether two reads would render the same email (same parts, data, subject and sender, image problems). */
function sameSource(a: PreviewSource, b: PreviewSource): boolean {
  if (a.html !== b.html || a.text !== b.text || a.template.name !== b.template.name) return false;
  if (JSON.stringify(a.template.config ?? null) !== JSON.stringify(b.template.config ?? null)) return false;
  if (a.dataSets.length !== b.dataSets.length || a.dataSets.some((d, k) => d.set !== b.dataSets[k].set || JSON.stringify(d.data ?? null) !== JSON.stringify(b.dataSets[k].data ?? null))) return false;
  return a.imageProblems.length === b.imageProblems.length && a.imageProblems.every((p, k) => p.offset === b.imageProblems[k].offset && p.message === b.imageProblems[k].message);
}

export class EmailPreview implements vscode.Disposable {
  private static readonly previews = new Set<EmailPreview>();

  /** Opens the preview of `uri` in the active column or beside it: the unlocked preview moves to it, or a new one opens. */
  static async show(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, uri: vscode.Uri, toSide: boolean): Promise<void> {
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    let preview = [...EmailPreview.previews].find((p) => !p.locked);
    if (preview) {
      preview.panel.reveal(column, toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: toSide }, EmailPreview.options(extensionUri));
      preview = new EmailPreview(panel, extensionUri, output);
    }
    await preview.follow(uri);
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true, // for our UI script only: the email's iframe is sandboxed without scripts
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'preview')],
      enableFindWidget: true,
    };
  }

  /** Brings previews back after a window reload, from the state their webview kept (checked: it comes from the webview). */
  static registerSerializer(extensionUri: vscode.Uri, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = persistedPreview(state);
        panel.webview.options = EmailPreview.options(extensionUri);
        if (!saved) {
          panel.dispose();
          return;
        }
        const preview = new EmailPreview(panel, extensionUri, output);
        preview.locked = saved.locked;
        preview.view = saved.view;
        preview.width = saved.width;
        preview.dataSet = saved.dataSet;
        await preview.follow(vscode.Uri.parse(saved.sourceUri));
      },
    });
  }

  private readonly disposables: vscode.Disposable[] = [];
  private source: vscode.Uri | undefined;
  private last: PreviewSource | undefined;
  /**
   * The template's files as read last (previewSource.ts): kept while only the parts' buffers change (the
   * keystrokes, and their diagnostics), read again when a file of the template changes, appears or goes.
   */
  private files: { uri: string; files: TemplateFiles } | undefined;
  /** Counts forgetFiles(): a read that a file event overtook is not kept (it may be of the old file). */
  private filesEpoch = 0;
  private view: PreviewView = 'html';
  private width: PreviewWidth = 'desktop';
  private dataSet: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private locked = false;
  /** How long the last update took, from reading the buffers to posting the state: the next debounce. */
  private lastUpdateMs = 0;
  /** When the last update ended, and whether one is under way (performance.now()). */
  private lastUpdateEnd = 0;
  private updating = false;
  /** The source map of the email posted last, and its number (PreviewState.doc): clicks name it. */
  private map: SourceMap = EMPTY_SOURCE_MAP;
  private doc = 0;
  /** The HTML the map is of: a click selects only while the editor still holds it. */
  private mappedHtml: string | undefined;
  /** Until then, the editor's scrolling does not scroll the preview (it follows a click in the preview). */
  private quietUntil = 0;
  private lastHighlight: number | undefined;
  /** The reveal a click in the preview started last: a value's box opens once it is done (the box takes the focus after the editor). */
  private revealing: Promise<void> = Promise.resolve();
  /**
   * The value whose box is open, or about to open: its placeholder (offset and name in the template, which
   * a refresh of the same email keeps). A click on a value is a reveal then an edit: a further click on it
   * while its box is open (a double click's second) changes nothing.
   */
  private editing: { readonly offset: number; readonly name: string } | undefined;
  /** The email document the webview was sent last, and its number: the next is sent as a patch of it. */
  private sent: { doc: number; srcdoc: string } | undefined;
  /** The next refresh posts even when nothing it reads changed (a setting changed). */
  private forceNext = false;

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly output: vscode.LogOutputChannel) {
    EmailPreview.previews.add(this);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = this.shell();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebview(message)) void this.receive(message);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.locked && editor && isTemplateDocument(editor.document) && editor.document.uri.toString() !== this.source?.toString()) void this.follow(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!event.contentChanges.length || !this.concerns(event.document.uri)) return;
        // A part's edit is read from its buffer; any other file of the template (a data set, the config) is read again.
        if (!this.isPart(event.document.uri)) this.forgetFiles();
        this.schedule();
      }),
      // A buffer opened or closed (a dirty data set closed without saving): the text on disk counts again.
      vscode.workspace.onDidOpenTextDocument((document) => this.onFileEvent(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onFileEvent(document.uri)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.onCursor(event.textEditor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScroll(event.textEditor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sesStudio.preview.syncSource')) { this.forceNext = true; this.forgetFiles(); this.schedule(); }
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const html = this.last?.htmlUri?.toString();
        if (html && event.uris.some((uri) => uri.toString() === html)) this.schedule();
      }),
    );
    // Data sets created or deleted on disk (a new welcome.data.zh.json) change the picker.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,html,txt}');
    const onFile = (uri: vscode.Uri) => this.onFileEvent(uri);
    this.disposables.push(watcher, watcher.onDidCreate(onFile), watcher.onDidDelete(onFile), watcher.onDidChange(onFile));
  }

  private shell(): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview');
    return shellHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((size) => crypto.randomBytes(size)),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('Preview'),
    });
  }

  /** A change to this file changes the preview: a file of the template's folder, or its ses.config.json. */
  private concerns(uri: vscode.Uri): boolean {
    const template = this.last?.template;
    if (!template) return uri.toString() === this.source?.toString();
    if (template.configUri?.toString() === uri.toString()) return true;
    if (uri.path.endsWith('/ses.config.json')) return true; // a config created nearer the template
    return vscode.Uri.joinPath(uri, '..').toString() === template.folder.toString();
  }

  /** A file of the template's folder (or its config) changed, appeared or went: read the template's files again. */
  private onFileEvent(uri: vscode.Uri): void {
    if (!this.concerns(uri)) return;
    this.forgetFiles();
    this.schedule();
  }

  private forgetFiles(): void {
    this.files = undefined;
    this.filesEpoch++;
  }

  /** Whether `uri` is one of the previewed template's parts (read from its buffer on every update). */
  private isPart(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const template = this.files?.files.template;
    return !!template && template.parts.some((p) => p.toString() === key);
  }

  private async follow(uri: vscode.Uri): Promise<void> {
    if (uri.toString() !== this.source?.toString()) { this.last = undefined; this.forgetFiles(); }
    this.source = uri;
    await this.refresh();
  }

  private schedule(): void {
    const pending = this.timer !== undefined;
    clearTimeout(this.timer);
    // Idle (nothing pending or under way, and the last update ended longer ago than it took): at once.
    const idle = !pending && !this.updating && performance.now() - this.lastUpdateEnd > Math.max(MIN_DEBOUNCE_MS, this.lastUpdateMs);
    const delay = idle ? 0 : Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.round(this.lastUpdateMs)));
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, delay);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.sent = undefined; // a new page: it holds no document
        this.post({ type: 'init', strings: previewStrings() });
        if (this.last) this.postUpdate(this.last);
        else await this.refresh();
        return;
      case 'resync':
        this.sent = undefined;
        break;
      case 'selectDataSet': this.dataSet = message.set; break;
      case 'setView': this.view = message.view; break;
      case 'setWidth': this.width = message.width; break;
      case 'revealImageProblems': return this.revealImageProblems();
      case 'toggleLock':
        this.locked = !this.locked;
        if (this.last) this.panel.title = this.title(this.last.template.name);
        break;
      case 'sendTest': return this.runOnTemplate('sesStudio.sendTestEmail', this.selectedSet());
      case 'preflight': return this.runOnTemplate('sesStudio.preflightCheck', undefined, this.selectedSet());
      case 'revealSource':
        this.revealing = this.revealSource(message.doc, message.offset, message.placeholder);
        return this.revealing;
      case 'editValue': return this.editValue(message.doc, message.offset);
    }
    if (this.last) this.postUpdate(this.last);
  }

  /** Posts the preview of `read`: the email document as the change from the one sent last, when that is smaller. */
  private postUpdate(read: PreviewSource): void {
    const state = this.state(read);
    const sent = this.sent;
    this.sent = { doc: state.doc, srcdoc: state.srcdoc };
    const patch = sent && textPatch(sent.srcdoc, state.srcdoc);
    if (patch && patch.text.length + 64 < state.srcdoc.length) this.post({ type: 'update', state: { ...state, srcdoc: '' }, patch: { base: sent.doc, ...patch } });
    else this.post({ type: 'update', state });
  }

  private async refresh(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const sequence = ++this.sequence;
    const started = performance.now();
    this.updating = true;
    try {
      const key = source.toString();
      let files = this.files?.uri === key ? this.files.files : undefined;
      if (!files) {
        const epoch = this.filesEpoch;
        files = await readTemplateFiles(source);
        if (sequence !== this.sequence) return; // a newer refresh started meanwhile
        if (!files) return;
        if (epoch === this.filesEpoch) this.files = { uri: key, files };
      }
      const read = previewSourceOf(files);
      // Nothing the email is made of changed (new diagnostics of the last edit, mostly): no render, no post.
      if (!this.forceNext && this.last && sameSource(this.last, read)) { this.last = read; return; }
      this.forceNext = false;
      this.last = read;
      checkOnPreview(this.output, source, read.template.folder.toString() + read.template.name);
      this.panel.title = this.title(read.template.name);
      this.postUpdate(read);
      this.lastUpdateMs = performance.now() - started;
    } catch (error) {
      this.output.error(vscode.l10n.t('The preview could not be updated: {0}', error instanceof Error ? error.message : String(error)));
    } finally {
      if (sequence === this.sequence) { this.updating = false; this.lastUpdateEnd = performance.now(); }
    }
  }

  private title(name: string): string {
    return this.locked ? vscode.l10n.t('Preview {0} (locked)', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** The data set the preview shows (the one a send or preflight from its toolbar uses). */
  private selectedSet(): string | undefined {
    const sets = this.last?.dataSets ?? [];
    return (sets.find((d) => d.set === this.dataSet) ?? sets[0])?.set;
  }

  /** Runs a template command on this preview's template: its editor shown first (the commands take the visible template). */
  private async runOnTemplate(command: string, ...args: unknown[]): Promise<void> {
    const source = this.source;
    if (!source) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString());
    if (!visible) {
      const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      await vscode.window.showTextDocument(source, { viewColumn: column, preserveFocus: true, preview: false });
    }
    await vscode.commands.executeCommand(command, ...args);
  }

  /** Whether preview ↔ source is on for this template (`sesStudio.preview.syncSource`). */
  private syncOn(): boolean {
    return vscode.workspace.getConfiguration('sesStudio.preview', this.source).get<boolean>('syncSource', true) !== false;
  }

  /** The editor of the previewed HTML part, when it is the one `editor` shows and the map is of its text. */
  private mappedEditor(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
    const html = this.last?.htmlUri;
    if (!editor || !html || !this.map.offsets.length || editor.document.uri.toString() !== html.toString()) return undefined;
    return editor.document.getText() === this.mappedHtml ? editor : undefined;
  }

  /** The cursor moved in the template: outline its element in the preview. */
  private onCursor(editor: vscode.TextEditor): void {
    if (!this.mappedEditor(editor)) return;
    const offset = elementAt(this.map, editor.document.offsetAt(editor.selection.active));
    if (offset === undefined || offset === this.lastHighlight) return;
    this.lastHighlight = offset;
    this.post({ type: 'highlight', doc: this.doc, offset });
  }

  /** The template's editor scrolled: the preview scrolls to its first visible element. */
  private onEditorScroll(editor: vscode.TextEditor): void {
    if (performance.now() < this.quietUntil || !this.mappedEditor(editor)) return;
    const top = editor.visibleRanges[0]?.start;
    if (!top) return;
    const offset = elementFrom(this.map, editor.document.offsetAt(top.with(undefined, 0)));
    if (offset !== undefined) this.post({ type: 'scrollTo', doc: this.doc, offset });
  }

  /**
   * A click in the preview: select the clicked element's start tag, or the clicked value's placeholder, in
   * the previewed HTML part. The message is checked, never trusted: it names no file (only the previewed
   * template is ever opened), it must be about the email shown now (`doc`), and its offset must be one the
   * renderer mapped in that email (sourceRange); the editor must still hold the mapped text.
   */
  private async revealSource(doc: number, offset: number, placeholder: boolean): Promise<void> {
    const html = this.last?.htmlUri;
    if (!html || doc !== this.doc || !this.syncOn()) return;
    if (placeholder && this.isEditing(offset)) return; // selected already, and its box open: keep the focus there
    const range = sourceRange(this.map, offset, placeholder);
    if (!range) return;
    const document = await vscode.workspace.openTextDocument(html);
    if (document.getText() !== this.mappedHtml || range.end > document.getText().length) return;
    const selection = new vscode.Selection(document.positionAt(range.start), document.positionAt(range.end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === html.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    this.quietUntil = performance.now() + 800;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false, preview: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.quietUntil = performance.now() + 800;
  }

  /** Whether the box of the placeholder at `offset` of the current email's map is open or about to open. */
  private isEditing(offset: number): boolean {
    return this.editing !== undefined && this.editing.offset === offset && placeholderAt(this.map, offset)?.name === this.editing.name;
  }

  /**
   * A click on a filled value or a missing mark (after its revealSource, which selects the placeholder):
   * asks for the variable's value and writes it into the data set the preview shows, as one WorkspaceEdit
   * (one undo; only the value's text changes). Like revealSource, the message is checked: it must be about
   * the email shown now and name a placeholder of its map; the only file it can change is that data set
   * (from the preview's own state, never from the message). While the value's box is open (or opening),
   * another editValue for it is ignored: a double click asks once and edits once. The preview and the
   * diagnostics follow the edit like any other.
   */
  private async editValue(doc: number, offset: number): Promise<void> {
    const read = this.last;
    const at = offsetFrom(offset);
    if (!read || doc !== this.doc || at === undefined || !this.syncOn()) return;
    const placeholder = placeholderAt(this.map, at);
    if (!placeholder) return;
    if (this.isEditing(at)) return; // asked once: what is typed in the box stays
    const set = read.dataSets.find((d) => d.set === this.selectedSet());
    if (!set) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This template has no data set: create {0} to fill its variables.', `${read.template.name}.data.json`));
      return;
    }
    const editing = { offset: at, name: placeholder.name };
    this.editing = editing;
    let value: string | undefined;
    let document: vscode.TextDocument;
    try {
      await this.revealing.catch(() => undefined); // the placeholder selected first; then the box takes the focus
      document = await vscode.workspace.openTextDocument(set.uri);
      if (this.editing !== editing) return; // another value's box came meanwhile
      value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Value of {0} in data set {1}', `{{${placeholder.name}}}`, set.set),
        prompt: vscode.l10n.t('Written into {0}; undo there to take it back.', vscode.workspace.asRelativePath(set.uri)),
        value: currentValue(document.getText(), placeholder.name) ?? '',
        ignoreFocusOut: true,
      });
    } finally {
      if (this.editing === editing) this.editing = undefined;
    }
    if (value === undefined) return;
    const name = placeholder.name;
    const text = document.getText(); // it may have changed while the box was open
    const result = dataEdit(text, name, value);
    if (!result.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Data set {0} is not a valid JSON object (see Problems): its variables are shown unfilled.', set.set));
      return;
    }
    if (!result.edits.length) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(set.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    const wasDirty = document.isDirty;
    if (!(await vscode.workspace.applyEdit(edit))) return;
    // A data set without unsaved edits of the user's is saved: the file holds the value, as a form would.
    if (!wasDirty) await document.save();
  }

  private state(read: PreviewSource): PreviewState {
    const sets = read.dataSets.map((d) => d.set);
    const selected = read.dataSets.find((d) => d.set === this.dataSet) ?? read.dataSets[0];
    const config = read.template.config;
    const sync = this.syncOn();
    const result = renderEmail({
      html: read.html, text: read.text, subject: config?.subject, data: selected?.data ?? {},
      view: this.view, imageProblems: read.imageProblems, labels: renderLabels(), sourceMap: sync,
    });
    this.map = result.sourceMap;
    this.mappedHtml = read.html;
    this.lastHighlight = undefined;
    const doc = ++this.doc;
    const notices: Notice[] = [];
    if (!selected) notices.push({ kind: 'warning', text: vscode.l10n.t('This template has no data set: create {0} to fill its variables.', `${read.template.name}.data.json`) });
    else if (!selected.data) notices.push({ kind: 'warning', text: vscode.l10n.t('Data set {0} is not a valid JSON object (see Problems): its variables are shown unfilled.', selected.set) });
    if (result.shown === 'derivedText') notices.push({ kind: 'info', text: vscode.l10n.t('Derived text: this template has no text part, so mail clients derive one from the HTML. This is an approximation of it; add a text part to control it.') });
    if (result.shown === 'text' && this.view !== 'text') notices.push({ kind: 'info', text: vscode.l10n.t('This template has no HTML part: recipients see the text part.') });
    if (result.shown === 'empty') notices.push({ kind: 'warning', text: vscode.l10n.t('This template has no part to show.') });
    if (result.shown === 'html' && this.view === 'imagesOff') notices.push({ kind: 'info', text: vscode.l10n.t('Images off: what recipients see while their mail client blocks images. Each image shows its alt text; CSS background images are gone.') });
    if (result.shown === 'html' && (this.view === 'darkPartial' || this.view === 'darkFull' || this.view === 'darkOwn')) notices.push({ kind: 'info', text: darkNotice(this.view) });
    if (result.ownDarkStyles === false) notices.push({ kind: 'warning', text: vscode.l10n.t('This template has no dark-mode styles (@media (prefers-color-scheme: dark) or [data-ogsc]): clients that honour them show it unchanged, as here.') });
    if (result.shown === 'tooLarge') notices.push({ kind: 'warning', text: vscode.l10n.t('This template is too large to preview.') });
    return {
      template: read.template.name,
      sourceUri: this.source?.toString() ?? '',
      locked: this.locked,
      dataSets: sets,
      dataSet: selected?.set,
      view: this.view,
      width: this.width,
      from: config?.from,
      subject: result.subject,
      srcdoc: result.srcdoc,
      csp: result.csp,
      notices,
      missing: result.missing,
      imageProblems: read.imageDiagnostics.length,
      imageProblemsLabel: imageProblemsLabel(read.imageDiagnostics.length),
      sync,
      doc,
    };
  }

  /** Jumps to the first image problem in the HTML part and shows the Problems view. */
  private async revealImageProblems(): Promise<void> {
    const read = this.last;
    const first = read?.imageDiagnostics[0];
    if (!read?.htmlUri || !first) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === read.htmlUri?.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(read.htmlUri, { viewColumn: column, selection: first.range });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  dispose(): void {
    EmailPreview.previews.delete(this);
    clearTimeout(this.timer);
    this.sequence++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
