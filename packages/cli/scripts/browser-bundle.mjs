#!/usr/bin/env node
/**
 * The browser bundle of post-lint (`post-lint/browser`): `lint(text, options)`
 * from packages/cli/dist/api.js with the engine, the built-in rules and the
 * rulebook loader, in one ES module with no imports, for a web page or a
 * bundler. Run after `tsc -b`; bundle.mjs runs it too.
 *
 * A Node built-in anywhere in the import graph fails the build, naming the
 * module that imports it. secretlint (Node only) is left out: its imports
 * become a module that throws, and the `secrets` rule then uses its own token
 * patterns alone.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { thirdPartyNotices } from '../../../scripts/third-party-notices.mjs'

const cli = fileURLToPath(new URL('..', import.meta.url))
export const BROWSER_ENTRY = `${cli}dist/api.js`
export const BROWSER_OUTFILE = `${cli}browser/post-lint.js`

const NODE_BUILTINS = new Set(builtinModules)
const NODE_ONLY = /^@secretlint\//
const CHECKING = Symbol('resolving a package named like a built-in')

/** Fails on any Node built-in; replaces Node-only packages by a module that throws when imported. */
const browserOnly = {
  name: 'post-lint-browser-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === CHECKING) return undefined
      if (NODE_ONLY.test(args.path)) return { path: args.path, namespace: 'node-only' }
      const builtin = args.path.startsWith('node:') || NODE_BUILTINS.has(args.path.split('/')[0])
      if (!builtin) return undefined
      // A package of the same name (npm's `punycode`, `events`, …) is fine; Node's own module is not.
      if (!args.path.startsWith('node:')) {
        const { kind, resolveDir, importer } = args
        const found = await build.resolve(args.path, { kind, resolveDir, importer, pluginData: CHECKING })
        if (found.errors.length === 0 && !found.external && found.path.includes('node_modules')) return found
      }
      return { errors: [{ text: `Node built-in “${args.path}” imported by ${args.importer}` }] }
    })
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not available in a browser`)})`,
      loader: 'js',
    }))
  },
}

/**
 * Builds the bundle (throws on a Node built-in). `entry` and `outfile` are for
 * tests; returns esbuild's metafile.
 */
export async function buildBrowserBundle({ entry = BROWSER_ENTRY, outfile = BROWSER_OUTFILE } = {}) {
  // browser/ holds only what this build writes: no file of an older build stays behind.
  if (outfile === BROWSER_OUTFILE) rmSync(dirname(outfile), { recursive: true, force: true })
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [browserOnly],
  })
  writeFileSync(
    join(dirname(outfile), 'THIRD-PARTY-NOTICES.txt'),
    thirdPartyNotices([result.metafile], { title: 'Third-party software in post-lint’s browser bundle' }),
  )
  return result.metafile
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBrowserBundle()
