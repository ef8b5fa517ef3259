#!/usr/bin/env node
/**
 * Bundles the CLI (packages/cli/dist, built by tsc) with the engine, the
 * built-in rules and every dependency into packages/cli/bundle/, which
 * `bin/post-lint.js` runs. One file to load instead of about a thousand
 * modules halves the start-up of every run. Commands and secretlint stay in
 * their own chunks, loaded only when used; `worker.js` is the worker thread
 * of `--workers`. Then the browser bundle (browser-bundle.mjs).
 */
import { rmSync } from 'node:fs'
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
await buildBrowserBundle()
