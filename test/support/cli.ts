/**
 * The built `post-lint` command for end-to-end tests: run it as a user does,
 * in temporary folders that are removed after the test file.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const bin = join(root, 'packages/cli/bin/post-lint.js')
export const examples = join(root, 'examples')

/** No colours, no locale surprises; `--color` still forces colours on. */
export const ENV = { NO_COLOR: '1', FORCE_COLOR: '0', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }

export interface RunOptions {
  cwd?: string
  input?: string
  env?: Record<string, string>
}

export function runCli(args: string[], options: RunOptions = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...ENV, ...options.env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A `fixture(files)` that writes files into a new temporary folder; all removed after the test file. */
export function useFixtures(prefix: string): (files?: Record<string, string>) => string {
  const temporary: string[] = []
  afterAll(() => {
    for (const directory of temporary) rmSync(directory, { recursive: true, force: true })
  })
  return (files = {}) => {
    const directory = mkdtempSync(join(tmpdir(), `post-lint-${prefix}-`))
    temporary.push(directory)
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(directory, name)), { recursive: true })
      writeFileSync(join(directory, name), content)
    }
    return directory
  }
}
