#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Trunk builds the core widget (what a
// first visit downloads) and copies data/, i18n/ and examples/; this adds what
// Trunk cannot:
// 1. the German core build (cargo feature `language-de`: the core build with
//    German compiled in) into de-<hash>/, the partner build (cargo feature
//    `partner`: the core build plus opening a plain share link) into
//    partner-<hash>/, the build for a host's own questionnaire (cargo feature
//    `own`) into own-<hash>/, and the full build (cargo feature
//    `full`: sharing, importing, opened links, comparison, agenda, teams, other
//    languages, a host's own questionnaire) into full-<hash>/, each run through
//    wasm-bindgen (and wasm-opt in release);
// 2. pr-boot.js, the loader a host page includes that starts one build or
//    another (a file, so host pages with a strict Content-Security-Policy
//    need no hash of it), with the file names of this build, and embed.js,
//    the iframe page's glue;
// 3. in index.html: the boot script (a copy naming no hashes) and the page's
//    styles inline, and in the widget's mount point a template holding the
//    widget's stylesheet and its start screen, which the boot script shows in
//    the widget's shadow root until the wasm renders its own; Trunk's leftover
//    `rel=rust` tag out, and (release) the strict Content-Security-Policy as a
//    meta tag, naming the hashes of the inline script and styles;
// 4. embed.html, the page for iframes, made from index.html;
// 5. in release builds, short import and export names in the core build's wasm
//    and JS loader, and terser over the JS files (Trunk's minifier leaves them).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

/** The Content-Security-Policy the built pages carry (and EMBEDDING.md gives hosts). */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; form-action 'none'; base-uri 'none'";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';
const root = new URL('..', import.meta.url).pathname;
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

/** `source` through terser: a module, or (`module: false`) a classic script. */
async function minifySource(source, name, module = true) {
  const result = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`terser produced nothing for ${name}`);
  return result.code;
}

async function minifyFile(path) {
  const source = await readFile(path, 'utf8');
  const code = await minifySource(source, path);
  await writeFile(path, code);
  console.log(`post-build: minified ${path.slice(staging.length + 1)} ${source.length} -> ${code.length} bytes`);
}

/** The features wasm-opt must allow (index.html's flags name them too). */
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue'];

/**
 * Gives the module's imports, exports and import module the shortest names, and
 * rewrites its wasm-bindgen JS loader to match. wasm-bindgen names each import
 * after its function plus a 16-digit hash: ≈ 140 such names, spelled out in both
 * files, are ≈ 3.5 KiB gzip of incompressible noise on every first load.
 */
async function minifyNames(wasmPath, jsPath) {
  const mapping = JSON.parse(execFileSync('wasm-opt',
    [wasmPath, '--minify-imports-and-exports-and-modules', ...WASM_FEATURES, '-o', wasmPath],
    { cwd: root, encoding: 'utf8' }));
  let js = await readFile(jsPath, 'utf8');
  const modules = new Set(mapping.imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`expected one import module, found ${[...modules].join(', ')}`);
  const [module] = modules;
  const moduleKey = `${JSON.stringify(module)}: import0`;
  if (!js.includes(moduleKey)) throw new Error(`the JS loader does not name the import module ${module}`);
  // With one module the pass names it "a" (checked by the browser: instantiation fails otherwise).
  js = js.replace(moduleKey, 'a: import0');
  for (const [, name, short] of mapping.imports) {
    const key = new RegExp(`^(\\s+)${name}:`, 'm');
    if (!key.test(js)) throw new Error(`the JS loader has no import ${name}`);
    js = js.replace(key, `$1${short}:`);
  }
  for (const [name, short] of mapping.exports) {
    js = js.replaceAll(`wasm.${name}`, `wasm.${short}`);
  }
  if (/\bwasm\.(__wbindgen|wasm_bindgen__|__externref|memory\b)/.test(js)) throw new Error('an export name was left in the JS loader');
  await writeFile(jsPath, js);
}

// The core build, as Trunk left it.
const core = (await readdir(staging)).find((name) => /^partnership-readiness-[0-9a-f]+\.js$/.test(name));
if (!core) throw new Error('no core JS loader in the staging directory');
if (release) {
  await minifyNames(join(staging, core.replace(/\.js$/, '_bg.wasm')), join(staging, core));
  await minifyFile(join(staging, core));
}

/**
 * Builds the crate with `features` into `<prefix>-<hash>/<name>.js` (+ `_bg.wasm`),
 * optimised like Trunk's core build (its wasm-opt level and flags read from
 * index.html's Trunk link), and resolves to its JS loader's path in dist/.
 * `shortNames`: minify import and export names too (a first-load build; the
 * full build imports from a JS snippet module, whose export names cannot change).
 */
async function buildVariant(features, prefix, name, shortNames) {
  run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', 'partnership-readiness', '--features', features,
    ...(release ? ['--release'] : [])]);
  const built = await mkdtemp(join(tmpdir(), `pr-${prefix}-`));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', name, '--out-dir', built,
    join(root, `target/wasm32-unknown-unknown/${release ? 'release' : 'debug'}/partnership-readiness.wasm`)]);
  const wasm = join(built, `${name}_bg.wasm`);
  const js = join(built, `${name}.js`);
  if (release) {
    const page = await readFile(join(root, 'index.html'), 'utf8');
    const level = page.match(/data-wasm-opt="(\w+)"/)?.[1];
    const params = page.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
    if (!level || params === undefined) throw new Error('index.html has no data-wasm-opt and data-wasm-opt-params');
    run('wasm-opt', [`-O${level}`, ...params.split(/\s+/).filter(Boolean), wasm, '-o', wasm]);
    if (shortNames) await minifyNames(wasm, js);
  }
  const hash = createHash('sha256').update(await readFile(wasm)).digest('hex').slice(0, 16);
  const dir = `${prefix}-${hash}`;
  await cp(built, join(staging, dir), { recursive: true });
  // mkdtemp makes the folder private (0700); a web server running as another user must read it.
  await chmod(join(staging, dir), 0o755);
  await rm(built, { recursive: true, force: true });
  if (release) await minifyFile(join(staging, dir, `${name}.js`));
  return `${dir}/${name}.js`;
}

// Each build's JS loader, by the name boot.js's placeholders give it: Trunk's
// core build, the core build for German visitors (German compiled in), the
// partner build (the core build plus opening a plain share link), the build for
// a host's own questionnaire, and the full build.
const builds = {
  CORE: core,
  GERMAN: await buildVariant('language-de', 'de', 'partnership-readiness-de', true),
  PARTNER: await buildVariant('partner', 'partner', 'partnership-readiness-partner', true),
  OWN: await buildVariant('own', 'own', 'partnership-readiness-own', true),
  FULL: await buildVariant('full', 'full', 'partnership-readiness-full', false),
};

// The widget's stylesheets go into each widget's shadow root (the boot script
// adds them there); in the page the core one is only preloaded, so it styles
// nothing outside, and the full build's is not named at all.
const htmlPath = join(staging, 'index.html');
const html = await readFile(htmlPath, 'utf8');
const stylesTag = html.match(/<link\b[^>]*href="?\.\/(widget-[0-9a-f]+\.css)"?[^>]*>/);
if (!stylesTag) throw new Error('index.html has no stylesheet link for widget.css');
const stylesFile = stylesTag[1];
// The full build's screens' stylesheet: added by the boot script with the full build, not on a first visit.
const fullStylesTag = html.match(/<link\b[^>]*href="?\.\/(widget-full-[0-9a-f]+\.css)"?[^>]*>/);
if (!fullStylesTag) throw new Error('index.html has no stylesheet link for widget-full.css');

/** The Subresource Integrity value of a file (SHA-256: as safe here, and shorter in the boot script). */
const sha256 = (data) => `sha256-${createHash('sha256').update(data).digest('base64')}`;
const integrityOf = async (path) => sha256(await readFile(path));
// Where Trunk checks integrity (release builds), the stylesheets get it too, as SHA-256 like the rest.
const cssIntegrity = (tag, file) => (/\bintegrity=/.test(tag) ? integrityOf(join(staging, file)) : '');
const integrity = await cssIntegrity(stylesTag[0], stylesFile);
const fullStylesIntegrity = await cssIntegrity(fullStylesTag[0], fullStylesTag[1]);
// The boot script, with this build's file names and integrity hashes, after the
// language rule it shares with config.rs (one file, so the page makes one request for both).
// dist/index.html's inline copy names no hashes: the page and every file it
// starts come from one origin, so whoever could change a file on its way could
// change the page and its hashes too; Subresource Integrity guards files on
// another origin (a CDN serving pr-boot.js and the builds), and pr-boot.js keeps
// them all. On the English first load the hashes were ≈ 500 B of incompressible text.
const languageRule = (await readFile(join(root, 'js/language-rule.js'), 'utf8')).replace(/^export /gm, '');
const bootSource = languageRule + await readFile(join(root, 'js/boot.js'), 'utf8');
const hashes = {
  WIDGET_CSS_INTEGRITY: integrity,
  FULL_CSS_INTEGRITY: fullStylesIntegrity,
};
for (const [build, loader] of Object.entries(builds)) {
  hashes[`${build}_JS_INTEGRITY`] = await integrityOf(join(staging, loader));
  hashes[`${build}_WASM_INTEGRITY`] = await integrityOf(join(staging, loader.replace(/\.js$/, '_bg.wasm')));
}
/** The boot script's text: pr-boot.js, or (`inline`) index.html's copy. */
const fillBoot = ({ inline }) => {
  let text = bootSource
    .replace('__WIDGET_CSS__', `./${stylesFile}`)
    .replace('__FULL_CSS__', `./${fullStylesTag[1]}`)
    .replace('__ACCENT_JS__', './pr-accent.js')
    .replace('__PAGE_COPY__', inline ? 'yes' : 'no');
  for (const [build, loader] of Object.entries(builds)) text = text.replace(`__${build}_JS__`, `./${loader}`);
  for (const [name, hash] of Object.entries(hashes)) text = text.replace(`__${name}__`, inline ? '' : hash);
  if (inline) {
    // No hashes, so no empty fields either; and no build for a host's own
    // questionnaire, which index.html's widget never names (checked below).
    text = text.replace(/, (js|wasm)?[iI]ntegrity: ''/g, '');
    if (!text.includes(', own: OWN }')) throw new Error('boot.js: CORE_BUILDS no longer ends with own: OWN');
    text = text.replace(', own: OWN }', ' }');
  }
  const unfilled = text.match(/__[A-Z_]+__/);
  if (unfilled) throw new Error(`pr-boot.js: ${unfilled[0]} was not filled in`);
  return text;
};
const boot = fillBoot({ inline: false });
await writeFile(join(staging, 'pr-boot.js'), boot);
if (release) await minifyFile(join(staging, 'pr-boot.js'));
// data-accent's colour arithmetic (loaded only by pages that set it), and the iframe page's glue.
for (const [source, target] of [['js/accent.js', 'pr-accent.js'], ['js/embed.js', 'embed.js']]) {
  await cp(join(root, source), join(staging, target));
  if (release) await minifyFile(join(staging, target));
}

// Preload the widget's styles while the boot script loads (every widget needs
// them; index.html carries them inline instead, see below). No hint for a
// build: the page does not know which one it needs (a share link, a German
// visitor), and a hint for the wrong one is a download wasted; the boot script
// starts the right build's downloads at once.
const bootTag = html.match(/<script[^>]*pr-boot\.js[^>]*><\/script>/);
if (!bootTag) throw new Error('index.html has no <script> for pr-boot.js');
const stylesPreload = `<link rel="preload" href="./${stylesFile}" as="style"${integrity ? ` integrity="${integrity}"` : ''}>`;
// The strict policy the widget runs under (EMBEDDING.md), for every host of dist/,
// plus the hashes of a page's own inline script and styles.
// Release only: `trunk serve` injects an inline live-reload script.
const policyTag = ({ script, styles = [] } = {}) => {
  if (!release) return '';
  const policy = CONTENT_SECURITY_POLICY
    .replace("script-src 'self'", `script-src 'self'${script ? ` '${script}'` : ''}`)
    .replace("style-src 'self'", `style-src 'self'${styles.map((hash) => ` '${hash}'`).join('')}`);
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
};
const withPolicy = (page, hashes) => page.replace(/<meta charset="?utf-8"?>/i, (charset) => charset + policyTag(hashes));
const page = html
  .replace(stylesTag[0], stylesPreload)
  .replace(fullStylesTag[0], '')
  // Trunk keeps its own `rel=rust` tag when it does not inject a loader: drop it.
  .replace(/<link\b[^>]*\brel="?rust"?[^>]*>/, '');
// The page's own stylesheet: SHA-256 instead of Trunk's SHA-384, as safe and shorter on the first load.
const pageStyles = page.match(/<link\b[^>]*href="?\.\/(page-[0-9a-f]+\.css)"?[^>]*>/);
if (!pageStyles) throw new Error('index.html has no stylesheet link for page.css');
const pageStylesPath = join(staging, pageStyles[1]);
const pageWithIntegrity = page.replace(pageStyles[0],
  pageStyles[0].replace(/integrity="?sha384-[^"\s>]+"?/, `integrity="${await integrityOf(pageStylesPath)}"`));

// embed.html: the page meant for iframes. The same head, the widget alone, and
// embed.js (before the boot script) to apply URL parameters and talk to the parent.
const main = page.match(/<main\b[\s\S]*<\/main>/);
if (!main) throw new Error('index.html has no <main>');
const mount = main[0].match(/<div\b[^>]*data-partnership-readiness[\s\S]*?<\/noscript>\s*<\/div>/);
if (!mount) throw new Error('index.html has no mount point');
const embedded = withPolicy(pageWithIntegrity, {})
  .replace(main[0], `<main class="page page-embedded">${mount[0]}</main>`)
  .replace(bootTag[0], `<script type="module" src="./embed.js"></script>${bootTag[0]}`)
  .replace(/<title>[^<]*<\/title>/, (title) => title.replace('</title>', ' (embedded)</title>'));
await writeFile(join(staging, 'embed.html'), embedded);

// index.html carries the boot script and its own few styles inline, each allowed
// by its hash in the page's policy: as files they were a round trip more before
// the build's downloads could start. The boot script is a classic script at the
// end of <body>, so it runs as soon as the parser reaches it; a module would
// wait for the whole document. ARCHITECTURE.md, "Builds", has the figures.
if (/data-questionnaire/.test(mount[0])) throw new Error('index.html: its widget names a questionnaire, which the inline boot script cannot load');
const inlineBoot = fillBoot({ inline: true });
if (inlineBoot.split('import.meta.url').length !== 2) throw new Error('boot.js: expected one import.meta.url to replace in the inline copy');
const inlineSource = `(() => {\n${inlineBoot.replace('import.meta.url', 'document.baseURI')}\n})();`;
const inlineScript = release ? await minifySource(inlineSource, 'the inline boot script', false) : inlineSource;
const inlineStyles = (await readFile(pageStylesPath, 'utf8')).trim();
// The widget's own first screen, shown before the wasm is in (boot.js, "FIRST_SCREEN"):
// its stylesheet and its start screen as the core build renders it on this page
// (first-screen.test.mjs holds them equal), in a template the boot script puts
// into the widget's shadow root. The stylesheet is then not fetched at all.
const widgetStyles = (await readFile(join(staging, stylesFile), 'utf8')).trim();
const firstScreen = (await readFile(join(root, 'js/first-screen.html'), 'utf8')).trim();
for (const [name, text] of [['the boot script', inlineScript], [pageStyles[1], inlineStyles], [stylesFile, widgetStyles]]) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`${name} cannot be inlined: it holds markup the HTML parser would read`);
}
const mountTag = mount[0].match(/^<div\b[^>]*>/)[0];
const index = withPolicy(page, { script: sha256(inlineScript), styles: [sha256(inlineStyles), sha256(widgetStyles)] })
  .replace(pageStyles[0], () => `<style>${inlineStyles}</style>`)
  .replace(stylesPreload, '')
  .replace(mountTag, () => `${mountTag}<template data-pr-first><style>${widgetStyles}</style>${firstScreen}</template>`)
  .replace(bootTag[0], '')
  .replace(/<\/body>/, () => `<script>${inlineScript}</script></body>`);
if (!index.includes(`<script>${inlineScript}</script></body>`)) throw new Error('index.html has no </body> for the boot script');
if (!index.includes('<template data-pr-first>') || index.includes(stylesPreload)) throw new Error('index.html: the first screen was not put in place');
await writeFile(htmlPath, index);
console.log(`post-build: ${Object.values(builds).join(", ")}, pr-boot.js, embed.html written`);
