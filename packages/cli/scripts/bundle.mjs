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
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
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

const cli = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${cli}bundle`
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: {
    cli: `${cli}dist/cli.js`,
    worker: fileURLToPath(new URL('../../node/dist/worker.js', import.meta.url)),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __postLintRequire } from 'node:module'; const require = __postLintRequire(import.meta.url);",
  },
  // Chunks sit next to the entries: import.meta.url-relative paths (../package.json, ./worker.js) hold in all.
  chunkNames: '[name]-[hash]',
  legalComments: 'linked',
  plugins: [jsonAsString],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
})

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
for (const name of readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
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
