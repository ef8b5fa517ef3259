/**
 * `pnpm package`: bundles (scripts/build.mjs) and writes the .vsix with
 * @vscode/vsce: post-lint-vscode.vsix here, or the path after `--out`.
 * Everything the extension needs is in out/, so no node_modules go in.
 */
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createVSIX } from '@vscode/vsce'

const here = dirname(dirname(fileURLToPath(import.meta.url)))
const at = process.argv.indexOf('--out')
const packagePath =
  at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : join(here, 'post-lint-vscode.vsix')

execFileSync(process.execPath, [join(here, 'scripts/build.mjs')], { stdio: 'inherit' })
await createVSIX({
  cwd: here,
  packagePath,
  dependencies: false,
  // The secrets rule's own examples contain a made-up GitHub token.
  allowPackageSecrets: ['github'],
})
console.log(`post-lint-vscode: ${packagePath} (${Math.round(statSync(packagePath).size / 1024)} KB)`)
