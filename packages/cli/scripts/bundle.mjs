#!/usr/bin/env node
/**
 * Bundles the CLI (packages/cli/dist, built by tsc) with the engine, the
 * built-in rules and every dependency into packages/cli/bundle/, which
 * `bin/post-lint.js` runs. One file to load instead of about a thousand
 * modules halves the start-up of every run. Commands and secretlint stay in
 * their own chunks, loaded only when used; `worker.js` is the worker thread
 * of `--workers`. Then the browser bundle (browser-bundle.mjs).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { thirdPartyNotices } from '../../../scripts/third-party-notices.mjs'
import { buildBrowserBundle } from './browser-bundle.mjs'

/**
 * JSON files (word lists) as one string given to JSON.parse, not as object
 * literals: a string is one token for V8 to scan, and JSON.parse builds the
 * data faster than the same literal in JavaScript.
 */
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async ({ path }) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(path, 'utf8'))))})`,
      loader: 'js',
    }))
  },
}

/**
 * Packages only some runs need, kept out of the code every run compiles:
 * ajv explains what is wrong in an invalid rulebook (valid ones only meet the
 * precompiled validator) and re2js runs rulebooks with `pattern` rules.
 * Together they were a fifth of the start-up code and ~40 ms of a one-draft
 * run. Each is bundled into its own CommonJS file (`bundle/<name>.cjs`); the
 * start-up code imports a stand-in whose exports load that file with
 * require() when first touched (read, called or constructed), so the source
 * keeps its plain imports and synchronous API.
 */
const ON_DEMAND = { ajv: ['Ajv'], re2js: ['RE2JS'] }

const onDemand = {
  name: 'on-demand',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(ON_DEMAND).join('|')})$`)
    build.onResolve({ filter }, ({ path }) => ({ path, namespace: 'on-demand' }))
    build.onResolve({ filter: /^\.\/on-demand-[\w-]+\.cjs$/ }, ({ path }) => ({ path, external: true }))
    build.onLoad({ filter: /.*/, namespace: 'on-demand' }, ({ path }) => ({
      contents: [
        `let loaded`,
        `const load = () => (loaded ??= require('./on-demand-${path}.cjs'))`,
        `const standIn = (name) => new Proxy(function () {}, {`,
        `  get: (_, key) => Reflect.get(load()[name], key),`,
        `  apply: (_, self, args) => Reflect.apply(load()[name], self, args),`,
        `  construct: (_, args) => Reflect.construct(load()[name], args),`,
        `})`,
        ...ON_DEMAND[path].map((name) => `export const ${name} = standIn('${name}')`),
      ].join('\n'),
      loader: 'js',
    }))
  },
}

const cli = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${cli}bundle`
rmSync(outdir, { recursive: true, force: true })
// They are the rulebook package's dependencies: resolved from there.
const fromRulebook = createRequire(fileURLToPath(new URL('../../rulebook/package.json', import.meta.url)))
/** What the start-up bundle and the on-demand files share. */
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
}
const metafiles = []
for (const name of Object.keys(ON_DEMAND)) {
  const onDemandBuild = await build({
    ...common,
    entryPoints: { [`on-demand-${name}`]: fromRulebook.resolve(name) },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  })
  metafiles.push(onDemandBuild.metafile)
  // The stand-in forwards these names: a new version of the package that dropped one fails here, not in a run.
  const exported = fromRulebook(`${outdir}/on-demand-${name}.cjs`)
  for (const binding of ON_DEMAND[name]) {
    if (typeof exported[binding] !== 'function') throw new Error(`${name} no longer exports ${binding}`)
  }
}
const main = await build({
  entryPoints: {
    cli: `${cli}dist/cli.js`,
    worker: fileURLToPath(new URL('../../node/dist/worker.js', import.meta.url)),
  },
  ...common,
  splitting: true,
  format: 'esm',
  // Some dependencies are CommonJS and call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __postLintRequire } from 'node:module'; const require = __postLintRequire(import.meta.url);",
  },
  // Chunks sit next to the entries: import.meta.url-relative paths (../package.json, ./worker.js) hold in all.
  chunkNames: '[name]-[hash]',
  plugins: [jsonAsString, onDemand],
})
metafiles.push(main.metafile)
writeFileSync(
  `${outdir}/THIRD-PARTY-NOTICES.txt`,
  thirdPartyNotices(metafiles, { title: 'Third-party software in post-lint’s bundle (bundle/)' }),
)

/**
 * ASCII only. esbuild escapes strings but leaves regular expression literals
 * and String.raw templates as written; one non-ASCII character makes V8 hold
 * (and scan) the whole file as two-byte text. In a regular expression `\uXXXX`
 * means the same character (a surrogate pair of escapes is one code point with
 * the u flag), so those are escaped here. String.raw would keep the escape
 * itself: there, write `\uXXXX` in the source (as checks/src/detect does for
 * the patterns it builds from String.raw).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
const NON_ASCII = /[^\x00-\x7f]/g
for (const name of readdirSync(outdir).filter((file) => /\.c?js$/.test(file))) {
  const path = `${outdir}/${name}`
  const code = readFileSync(path, 'utf8')
  for (const [raw] of code.matchAll(/String\.raw`[^`]*`/g)) {
    if (raw.match(NON_ASCII))
      throw new Error(`${name}: non-ASCII text in ${raw.slice(0, 80)}…: write it as \\uXXXX in the source`)
  }
  const ascii = code.replace(NON_ASCII, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (ascii !== code) writeFileSync(path, ascii)
}

await buildBrowserBundle()
