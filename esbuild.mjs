// One bundler, bundles only: dist/client.js runs in the extension host (vscode is provided there),
// dist/server.js is the language server, started as `node dist/server.js --stdio`; dist/cli.js runs its checks
// from the command line.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  // Chinese text as UTF-8, not \\uXXXX escapes: the l10n-heavy server bundle is ~20% smaller.
  charset: 'utf8',
  // `#common/*` (package.json "imports"): the TypeScript sources in common/, not the compiled out/.
  conditions: ['source'],
};

const builds = [
  // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow: take its ESM build
  // (both bundles use it: the client reads ses.config.json for test sends).
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], mainFields: ['module', 'main'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', mainFields: ['module', 'main'] },
  // juice for "SES: Inline CSS", a file of its own that the command requires when it runs
  // (client/src/commands/inlineCss.ts): not in dist/client.js, never in the language server.
  { ...common, entryPoints: ['client/juice/inlineCss.mjs'], outfile: 'dist/inlineCss.js', mainFields: ['module', 'main'] },
  // The same inliner beside the CLI package's cli.js, which requires it for `check --fix` (server/src/cli/inlineCss.ts).
  { ...common, entryPoints: ['client/juice/inlineCss.mjs'], outfile: 'packages/cli/dist/inlineCss.js', mainFields: ['module', 'main'] },
  // `ses-template-check`, the checks on the command line for CI (README "Checks in CI"): not in the .vsix.
  cliBuild('dist/cli.js'),
  // The same CLI as its own npm package (packages/cli: `npx ses-template-check`, no VS Code needed).
  cliBuild('packages/cli/dist/cli.js'),
  // The Sending-health webview's script with uPlot inside (and their CSS beside it, dist/webview/health.css):
  // a browser IIFE loaded by the page's nonce. No source map: the folder ships whole in the .vsix.
  {
    ...common,
    entryPoints: ['client/webview/health.ts'],
    outfile: 'dist/webview/health.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: false,
    banner: { js: `/*! uPlot ${uplotVersion()} (MIT) by Leon Sorokin, https://github.com/leeoniya/uPlot: see uPlot.LICENSE.txt */` },
  },
];

function uplotVersion() {
  return JSON.parse(readFileSync('node_modules/uplot/package.json', 'utf8')).version;
}

function cliBuild(outfile) {
  return {
    ...common,
    entryPoints: ['server/src/cli/cli.ts'],
    outfile,
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    define: { __SES_CLI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  };
}

/** The CLI package reads its translations and check descriptions beside its dist/, as the extension does. */
function copyCliResources() {
  mkdirSync('packages/cli/l10n', { recursive: true });
  for (const file of readdirSync('l10n')) copyFileSync(join('l10n', file), join('packages/cli/l10n', file));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'LICENSE']) copyFileSync(file, join('packages/cli', file));
}

copyCliResources();
mkdirSync('dist/webview', { recursive: true });
copyFileSync('node_modules/uplot/LICENSE', 'dist/webview/uPlot.LICENSE.txt');
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  for (const options of builds) {
    const result = await esbuild.build(options);
    for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB`);
    }
  }
}
