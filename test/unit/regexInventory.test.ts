// Every quantified regular expression of the product's sources (server/, common/, client/src, found by
// regexInventory.ts through the TypeScript parser) is accounted for: either a growth test of the
// linear-time registry (linearTime.test.ts) runs it on worst-case inputs, or it is marked safe here
// with the reason it is linear. A new pattern fails this test until it is listed; a changed pattern is
// a new one (the old listing no longer matches) and is reviewed again. See docs/linear-parsing.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { hasQuantifier, quantifiedPatterns } from './regexInventory';

const REPO = path.resolve(__dirname, '../../..');

/** Run by the growth test of the registry entries whose name starts with this. */
interface Registered { readonly registry: string }
/** Linear for the reason given. */
interface Safe { readonly safe: string }
type Verdict = Registered | Safe;

const reg = (prefix: string): Registered => ({ registry: prefix });

// The reasons, each a shape that cannot backtrack more than a constant per character.
const ANCHORED = { safe: 'anchored at the start (one attempt), its runs of disjoint characters or bounded: one pass' };
const ONE_RUN = { safe: 'one character-class run: each attempt ends at the first character outside it, and a match consumes what it scanned' };
const LITERAL_START = { safe: 'attempts start only at a literal character, and each ends at the first character outside its one run (or after a fixed length)' };
const LINE_STARTS = { safe: 'multiline `^`: one attempt per line, ending at the first character outside its run' };
const OWN_TEXT = { safe: 'runs only on text this code builds (a nonce, diagnostic codes, its own Markdown)' };
const LAZY_ANCHORED = { safe: 'anchored, a lazy run that grows one character at a time against fixed-length stops: one pass' };
const LOCALE = { safe: 'the editor locale (a BCP 47 tag): anchored, `-` separates its bounded segments' };
const HEADER = { safe: 'a response header (at most 16 KB, Node\'s limit); attempts start at `/`, each ends at the first non-digit' };
const VALIDATE = reg('languageService.validate');

/** file → pattern as written (`/…/flags`, or `RegExp(<arguments>)`) → verdict. */
const INVENTORY: Record<string, Record<string, Verdict>> = {
  'client/src/account/accountSource.ts': { '/\\s+/g': ONE_RUN },
  'client/src/api/credentialCommands.ts': { '/^[\\x21-\\x7e]+$/': ANCHORED },
  'client/src/api/deliveryStatus.ts': { '/^[\\x21-\\x7e]{1,200}$/': ANCHORED, '/^\\d{4}-\\d{2}-\\d{2}$/': ANCHORED },
  'client/src/api/recipients.ts': {
    "/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$/": reg('api/recipients.ts'),
    '/[\\s,;，；、]+/': reg('api/recipients.ts'),
    '/^[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}/': reg('api/recipients.ts'),
  },
  'client/src/commands/helpView.ts': { '/[^\\p{L}\\p{N}._-]+/gu': ONE_RUN },
  'client/src/newTemplate/configEntry.ts': {
    '/\\n([ \\t]+)\\S/': reg('newTemplate/configEntry.ts'),
    '/^[ \\t]*/': reg('newTemplate/configEntry.ts'),
    '/^\\s*,/': reg('newTemplate/configEntry.ts'),
    '/^\\s*,?\\s*(\\/\\/.*|\\/\\*.*\\*\\/\\s*)?$/': reg('newTemplate/configEntry.ts'),
  },
  'client/src/newTemplate/templateName.ts': { '/^[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*$/u': ANCHORED },
  'client/src/online/privateHosts.ts': { '/^\\d{1,3}$/': reg('online/privateHosts.ts') },
  'client/src/online/probe.ts': { '/\\/(\\d+)\\s*$/': HEADER },
  'client/src/online/urlExtraction.ts': {
    '/(?:https?:\\/\\/|\\{\\{[^{}\\n]*\\}\\})(?:[^\\s<>"\'{}]|\\{\\{[^{}\\n]*\\}\\})*/gi': reg('online/urlExtraction.ts'),
    '/^https?:\\/\\//i': reg('online/urlExtraction.ts'),
    '/^\\s*(?:#|[a-z][a-z0-9+.-]*:(?!\\/\\/))/i': reg('online/urlExtraction.ts'),
  },
  'client/src/preflight/markdown.ts': { '/\\r?\\n/g': reg('preflight/markdown.ts'), '/^(#+) /gm': LINE_STARTS },
  'client/src/preflight/preflightCheck.ts': { '/\\.html?$/i': LITERAL_START },
  'client/src/preflight/remoteTemplate.ts': {
    '/\\s+/g': ONE_RUN,
    '/^[A-Za-z0-9+/]*={0,2}$/': ANCHORED,
    '/(?<!\\{)\\{\\{\\s*([A-Za-z_][\\w-]*)\\s*\\}\\}(?!\\})/g': reg('preflight/remoteTemplate.ts'),
    '/\\r\\n?/g': reg('preflight/remoteTemplate.ts'),
  },
  'client/src/preflight/senderStep.ts': {
    '/^([^:<>]+) <([^<>\\s]+)>$/': reg('preflight/senderStep.ts'),
    '/^[^\\s@<>]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$/': reg('preflight/senderStep.ts'),
  },
  'client/src/preview/darkMode.ts': { '/\\[\\s*data-og(?:sc|sb)\\s*\\]/gi': reg('preview/darkMode.ts') },
  'client/src/preview/images.ts': { '/^\\s{0,20}(\\d{1,5})(%|px)?\\s{0,20}$/': ANCHORED },
  'client/src/preview/plainText.ts': {
    '/&(#x[0-9a-f]{1,6}|#\\d{1,7}|[a-z][a-z0-9]{1,31});/gi': reg('preview/render.ts: renderEmail (derived plain text)'),
    '/[ \\t\\r\\f\\u00a0]+/g': reg('preview/render.ts: renderEmail (derived plain text)'),
    '/\\n{3,}/g': reg('preview/render.ts: renderEmail (derived plain text)'),
  },
  'client/src/preview/previewSource.ts': { '/\\.html?$/i': LITERAL_START, '/^(?:online-)?image-/': OWN_TEXT },
  'client/src/preview/sourceMap.ts': { '/^\\d{1,9}$/': ANCHORED },
  'client/src/preview/shell.ts': { '/=+$/': OWN_TEXT },
  'common/substitute.ts': {
    '/\\{\\{\\{([^{}]*)\\}\\}\\}|\\{\\{([^{}]*)\\}\\}/g': reg('preview/substitute.ts'),
    '/^[^\\s#/!>^&{}~"\'=()|@]+$/u': reg('preview/substitute.ts'),
  },
  'client/src/templates/showTemplateStatus.ts': { '/\\r?\\n/g': ONE_RUN, '/^\\/+/': ANCHORED },
  'common/cloud/blocklist.ts': { '/^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})$/': ANCHORED },
  'common/cloud/credentials.ts': { '/^[\\w.-]+$/': ANCHORED, '/^[A-Za-z0-9]{16,256}$/': ANCHORED, '/^[A-Za-z0-9+/=_-]{16,256}$/': ANCHORED },
  'common/cloud/endpoints.ts': { '/^[a-z][a-z0-9+.-]*:\\/\\//i': reg('cloud/endpoints.ts') },
  'common/cloud/proxy.ts': {
    '/^[a-z][a-z0-9+.-]*:\\/\\//i': reg('cloud/proxy.ts'),
    '/^127\\.\\d+\\.\\d+\\.\\d+$/': reg('cloud/proxy.ts'),
    '/[\\s,]+/': reg('cloud/proxy.ts'),
    '/^(.*):(\\d+)$/': reg('cloud/proxy.ts'),
    '/^\\*?\\./': reg('cloud/proxy.ts'),
  },
  'common/cloud/redact.ts': {
    '/(Signature=)[0-9a-fA-F]{16,}/g': reg('cloud/redact.ts'),
    '/(Basic\\s+)[A-Za-z0-9+/=]{4,}/g': reg('cloud/redact.ts'),
    '/[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]+/g': reg('cloud/redact.ts'),
  },
  'common/cloud/sendPlan.ts': { '/\\{\\{\\s*([A-Za-z_][\\w-]*)\\s*\\}\\}/g': reg('api/sendPlan.ts') },
  'common/cloud/statistics.ts': { '/^\\d{4}-\\d{2}-\\d{2}$/': ANCHORED },
  'common/cloud/tc3.ts': {
    '/^TC3-HMAC-SHA256 Credential=([^/,\\s]+)\\/(\\d{4}-\\d{2}-\\d{2})\\/([^/,\\s]+)\\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/': ANCHORED,
  },
  'common/cloud/templateSync.ts': {
    '/^[A-Za-z0-9+/]*={0,2}$/': ANCHORED,
    '/[\\\\/:*?"<>|\\u0000-\\u001f\\u007f]+/g': reg('cloud/templateSync.ts: fileBaseName'),
    '/\\s+/g': reg('cloud/templateSync.ts: fileBaseName'),
    '/\\n([ \\t]+)\\S/': LITERAL_START,
  },
  'common/cloud/warmup.ts': { '/^\\d{4}-\\d{2}-\\d{2}$/': ANCHORED },
  'common/cssColor.ts': { '/^[0-9a-f]+$/': ANCHORED, '/^rgba?$/': ANCHORED, '/[\\s,/]+/': ONE_RUN },
  'common/htmlModel.ts': {
    "RegExp(`</${tag}[\\\\s/>]|</${tag}$`, 'gi')": reg('htmlModel.ts: parseHtml'),
    '/^.*[\\s{]/': reg('htmlModel.ts: parseHtml'),
    '/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);?/gi': reg('htmlModel.ts: decodeEntities'),
  },
  'common/templateFiles.ts': {
    '/^(.+)\\.ses\\.(html|txt)$/is': reg('templateFiles.ts'),
    '/^(.+)\\.([^.]+)$/s': reg('templateFiles.ts'),
    '/\\.data(\\.[^.]+)?$/': reg('templateFiles.ts'),
    '/^html?$/i': reg('templateFiles.ts'),
    '/^(.+?)\\.data(?:\\.([^.]+))?\\.json$/is': reg('templateFiles.ts'),
  },
  'server/src/cli/account/accountArgs.ts': { '/^\\d+(\\.\\d+)?$/': ANCHORED },
  'server/src/cli/account/pull.ts': { '/^\\d{1,15}$/': ANCHORED },
  'server/src/cli/account/send.ts': { '/^[^\\s@<>]+@[^\\s@<>.]+(?:\\.[^\\s@<>.]+)+$/': reg('cli/account/send.ts') },
  'server/src/cli/account/status.ts': { '/[\\r\\n\\t]+/g': ONE_RUN },
  'server/src/cli/files.ts': {
    '/\\.[^.]+$/': LITERAL_START,
    '/\\.(?:x?html?|shtml|tpl|ftlh?|php|hbs|handlebars|mustache|liquid|njk|jinja2?|j2|twig|ejs|erb|vm|jsp|cshtml|razor)$/i': LITERAL_START,
  },
  'server/src/cli/formats/sarif.ts': { '/^(.+?)(?:[;:；：。]|\\.\\s|$)/': LAZY_ANCHORED },
  'server/src/cli/glob.ts': { 'RegExp(`^[${body}]$`)': reg('cli/glob.ts') },
  'server/src/knowledge/index.ts': {
    '/\\{(\\d+)\\}/g': reg('knowledge'),
    '/\\s+/': reg('knowledge'),
    '/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*/g': reg('knowledge'),
    '/\\b(send|deliver)status\\b["\'\\s]{0,8}[.:=]?["\'\\s]{0,8}(\\d+)/i': reg('knowledge'),
    '/^\\d{4}$/': reg('knowledge'),
  },
  'server/src/service/checks/a11yAltText.ts': { '/[?#].*$/': VALIDATE, '/\\s+/g': VALIDATE },
  'server/src/service/checks/a11yLayoutTable.ts': { '/\\s+/': VALIDATE },
  'server/src/service/checks/a11yLinkText.ts': {
    // Quadratic on a long run of its characters before another one; link texts over 200 characters
    // are skipped before it runs.
    '/[\\s.,;:!?>»›→…。，；：！？）)]+$/': { safe: 'runs only on link texts of at most 200 characters (a11yLinkText skips longer ones first)' },
    '/<[^>]*>/g': VALIDATE,
    '/\\s+/g': VALIDATE,
    '/^[«‹←\\s]+/': VALIDATE,
  },
  'server/src/service/checks/a11yStyle.ts': {
    '/(?:style|color|size|background|hidden)\\s*=|\\shidden[\\s/>]/gi': VALIDATE,
    '/^(\\d*\\.?\\d+)(px|pt|em|rem|%)$/': VALIDATE,
    '/\\s+/': VALIDATE,
    '/[\\s>+~]+/': VALIDATE,
    '/^[a-z][a-z0-9-]*/i': VALIDATE,
    '/([.#])([\\w-]+)/g': VALIDATE,
  },
  'server/src/service/checks/common.ts': { '/[\\r\\n]+/g': VALIDATE },
  'server/src/service/checks/htmlCommon.ts': {
    '/^[^\\s#/^>!&~()\'"=]+$/': VALIDATE,
    '/^(?:localhost|127(?:\\.\\d+){3}|0\\.0\\.0\\.0|10(?:\\.\\d+){3}|192\\.168(?:\\.\\d+){2}|172\\.(?:1[6-9]|2\\d|3[01])(?:\\.\\d+){2}|\\[::1?\\]|[^.]+\\.local|[^.]+\\.localhost)$/i': VALIDATE,
    '/^(?:h?t{1,2}ps?|hh+t+ps?|htt+ps?s+|hp{1,2}ts?|hxxps?)$/i': VALIDATE,
    '/^https?\\/\\//i': VALIDATE,
    '/^https?:\\/{0,1}[^/]/i': VALIDATE,
    '/^([a-z][a-z0-9+.-]*):/i': VALIDATE,
    '/^\\s*[a-z][a-z0-9+.-]*:\\/\\/([^/?#]*)/i': VALIDATE,
  },
  'server/src/service/checks/htmlInValue.ts': { '/<\\/?[a-z][^<>]*>|<!--/i': reg('languageService.validate: data set') },
  'server/src/service/checks/imageCssBackground.ts': {
    '/\\ssrc\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\')/i': VALIDATE,
    '/#[0-9a-f]{3}|rgba?\\(|\\b(?:white|black|transparent)\\b/i': reg('checks/imageCssBackground.ts'),
  },
  'server/src/service/checks/imageHeavyEmail.ts': {
    '/^&#?[a-z0-9]+;$/i': VALIDATE,
    '/(?:^|[;\\s])width\\s*:\\s*(\\d{1,5})(?:\\.\\d+)?px/i': VALIDATE,
    '/(?:^|[;\\s])height\\s*:\\s*(\\d{1,5})(?:\\.\\d+)?px/i': VALIDATE,
    '/^\\s*(\\d{1,5})(?:\\.\\d+)?\\s*(?:px)?\\s*$/i': VALIDATE,
  },
  'server/src/service/checks/imageMissingSize.ts': {
    '/(?:^|[;\\s])width\\s*:/i': VALIDATE,
    '/(?:^|[;\\s])height\\s*:/i': VALIDATE,
    '/(?:^|[;\\s])(?:max-width\\s*:|width\\s*:\\s*100%|height\\s*:\\s*auto\\b)/i': VALIDATE,
  },
  'server/src/service/checks/imageSvg.ts': { '/\\.svgz?(?:[?#]|$)|^\\s*data:image\\/svg\\+xml/i': VALIDATE },
  'server/src/service/checks/invalidDataFile.ts': { '/,\\s*$/': { safe: 'runs on the 100 characters before a JSON syntax error only' } },
  'server/src/service/checks/linkInvalidMailto.ts': { '/^[^\\s@<>()[\\]\\\\,;:"]+@[^\\s@<>()[\\]\\\\,;:"]+\\.[^\\s@<>()[\\]\\\\,;:".]{2,}$/': VALIDATE },
  'server/src/service/checks/linkTextMismatch.ts': {
    "RegExp(`^(?:(https?://)|(www\\\\.))?((?:[a-z0-9-]+\\\\.)+([a-z]{2,}))(?::\\\\d+)?(?:[/?#]\\\\S*)?$`, 'i')": reg('linkTextMismatch.ts'),
    "RegExp(`^(?:${TLD})$`, 'i')": reg('linkTextMismatch.ts'),
  },
  'server/src/service/checks/missingUnsubscribe.ts': { '/unsubscribe|opt[\\s-]?out|退订|取消订阅|退訂|取消訂閱/i': VALIDATE },
  'server/src/service/checks/shoutingSubject.ts': { '/[!！]{2,}/g': VALIDATE, '/\\{\\{[^{}]*\\}?\\}\\}/g': VALIDATE },
  'server/src/service/checks/textCommon.ts': { '/\\{\\{[^{}]*\\}?\\}\\}/g': reg('languageService.validate: text part') },
  'server/src/service/checks/tooLittleText.ts': { "/[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*/gu": VALIDATE, '/&#?[a-z0-9]+;/gi': VALIDATE },
  'server/src/service/checks/unsupportedHtml.ts': {
    '/font-family\\s*:\\s*([^;}]*)/i': VALIDATE,
    '/font-family\\s*:([^;}"\\n]*)/gi': VALIDATE,
    '/^on[a-z]{3,}$/': VALIDATE,
  },
  'server/src/service/checks/variableName.ts': { '/^[A-Za-z_][A-Za-z0-9_]*$/': VALIDATE },
  'server/src/service/checks/wordingLists.ts': { '/\\s+/': reg('wordingLists.ts'), "RegExp(terms.map(termSource).join('|'), 'giu')": reg('wordingLists.ts') },
  'server/src/service/features/completion.ts': {
    '/\\{\\{(\\{?)~?[ \\t]*([A-Za-z0-9_]*)$/': reg('languageService.complete'),
    '/\\{\\{(\\{?)~?[ \\t]*(?:(?:#(?:if|unless|each|with)|else[ \\t]+if)[ \\t]+)?([A-Za-z0-9_]*)$/': reg('languageService.complete'),
    '/^[ \\t]*~?\\}/': reg('languageService.complete'),
    '/\\{\\{\\{?[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\}/g': reg('languageService.complete'),
    '/^\\s*:/': ANCHORED,
    '/^\\s*"/': ANCHORED,
  },
  'server/src/service/features/dataEdits.ts': { '/^\\s*\\}/': ANCHORED },
  'server/src/service/features/featureTarget.ts': {
    '/^[A-Za-z_][A-Za-z0-9_]*$/': reg('languageService.hover'),
    '/\\s+/g': reg('languageService.hover'),
    '/`+/g': reg('languageService.hover'),
  },
  'server/src/service/mustacheScanner.ts': {
    '/[^\\s{}()~"\'=|<>]+/y': reg('mustacheScanner.ts'),
    '/^\\^\\s*~?$/': reg('mustacheScanner.ts'),
    '/--~?\\}\\}/g': reg('mustacheScanner.ts'),
  },
  'server/src/service/project/dataFile.ts': { '/^[ \\t]*/': ANCHORED },
  'server/src/service/project/templateVariables.ts': {
    '/^\\{\\{~?\\s*(?:else\\b[^}]*|\\^\\s*)\\}\\}/': VALIDATE,
    '/^(?:@root\\.|(?:\\.\\.\\/)+|\\.\\/|this[./])?\\[?/': VALIDATE,
  },
  'server/src/service/simpleTemplateParser.ts': { '/(\\{\\{[ \\t]*)([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)[ \\t]*\\}\\}/y': reg('simpleTemplateParser.ts') },
  'server/src/service/suppression.ts': { '/<!--\\s*ses-disable(-next-line)?(?=[\\s,]|-->)([\\s\\S]*?)-->/g': reg('suppression.ts'), '/[^\\s,]+/g': reg('suppression.ts') },
  'server/src/startServer.ts': { '/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/': LOCALE },
};

/** The names of linearTime.test.ts's REGISTRY entries, read from its source (importing it would run it). */
function registryNames(): string[] {
  const file = path.join(REPO, 'test/unit/linearTime.test.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'REGISTRY' && node.initializer) {
      const collect = (n: ts.Node): void => {
        if (ts.isPropertyAssignment(n) && n.name.getText() === 'name' && ts.isStringLiteralLike(n.initializer)) names.push(n.initializer.text);
        ts.forEachChild(n, collect);
      };
      collect(node.initializer);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

describe('regular expression inventory', () => {
  const found = quantifiedPatterns(REPO);
  const registry = registryNames();

  it('finds the patterns (the scanner sees literals and RegExp calls, and knows a quantifier)', () => {
    assert.ok(found.length > 100, `only ${found.length} patterns found`);
    assert.ok(registry.length > 40, `only ${registry.length} registry entries read`);
    assert.ok(found.some((p) => p.pattern.startsWith('RegExp(')));
    assert.ok(hasQuantifier('/a+/') && hasQuantifier('/a{2,}/') && hasQuantifier('/(?:a)?/'));
    assert.ok(!hasQuantifier('/[+*?]/') && !hasQuantifier('/\\+/') && !hasQuantifier('/(?:ab)/'));
  });

  it('every quantified pattern in server/, common/ and client/src is in the registry or marked safe with a reason', () => {
    const unlisted = found.filter((p) => INVENTORY[p.file]?.[p.pattern] === undefined)
      .map((p) => `${p.file} (${p.where}): ${p.pattern}`);
    assert.deepEqual(unlisted, [], 'new or changed patterns: add a registry entry (linearTime.test.ts) or a reason here');
  });

  it('every registry reference names an entry of linearTime.test.ts, and every reason says why', () => {
    const bad: string[] = [];
    for (const [file, patterns] of Object.entries(INVENTORY)) {
      for (const [pattern, verdict] of Object.entries(patterns)) {
        if ('registry' in verdict && !registry.some((name) => name.startsWith(verdict.registry))) bad.push(`${file}: ${pattern} → no registry entry "${verdict.registry}…"`);
        if ('safe' in verdict && verdict.safe.trim().length < 20) bad.push(`${file}: ${pattern} → no reason`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('lists no pattern that is gone (a stale listing would vouch for a future one)', () => {
    const present = new Set(found.map((p) => `${p.file}\n${p.pattern}`));
    const stale = Object.entries(INVENTORY).flatMap(([file, patterns]) => Object.keys(patterns).filter((pattern) => !present.has(`${file}\n${pattern}`)).map((pattern) => `${file}: ${pattern}`));
    assert.deepEqual(stale, []);
  });
});
