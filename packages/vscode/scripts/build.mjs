/**
 * Bundles the extension into out/ with esbuild (DESIGN habit 11):
 *  - out/extension.cjs: the client (CommonJS, `vscode` external);
 *  - out/server.mjs: the language server, and out/cli.mjs: the CLI (for
 *    `post-lint init`), as ES modules sharing one chunk of engine code;
 *  - out/rulebook.schema.json: the rulebook's JSON Schema (yamlValidation);
 *  - out/THIRD-PARTY-NOTICES.txt: the licences of the npm packages bundled.
 * Bundles what `tsc -b` built (dist/), like the published bins run it.
 * `--watch` rebuilds on change; `--dev` keeps it unminified with source maps.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { thirdPartyNotices } from '../../../scripts/third-party-notices.mjs'

const here = dirname(dirname(fileURLToPath(import.meta.url)))
const out = join(here, 'out')
const watch = process.argv.includes('--watch')
const dev = watch || process.argv.includes('--dev')
const require = createRequire(import.meta.url)

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: !dev,
  sourcemap: dev,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: here,
  outdir: out,
}

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    format: 'cjs',
    external: ['vscode'],
    outExtension: { '.js': '.cjs' },
  },
  {
    ...common,
    entryPoints: {
      server: 'src/server.ts',
      cli: 'scripts/cli.mjs',
    },
    format: 'esm',
    splitting: true,
    // Chunks next to the entries: the CLI finds ../package.json (its version) from there.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // CommonJS dependencies call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  },
]

copyFileSync(require.resolve('@post-lint/rulebook/rulebook.schema.json'), join(out, 'rulebook.schema.json'))

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch()
  console.log('post-lint-vscode: watching…')
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })))
  writeFileSync(
    join(out, 'THIRD-PARTY-NOTICES.txt'),
    thirdPartyNotices(
      results.map((result) => result.metafile),
      { workingDirectory: here, title: 'Third-party software in the post-lint extension (out/)' },
    ),
  )
}
