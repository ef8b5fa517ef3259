/**
 * The arrows of ../shared/DESIGN.md, enforced: core ← checks ← rulebook ←
 * node ← {cli, language-server} ← vscode, and no Node built-ins, process or
 * editor APIs in the pure layers (they also run in a browser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const ALLOWED: Record<string, string[]> = {
  core: [],
  checks: ['@post-lint/core'],
  rulebook: ['@post-lint/core', '@post-lint/checks'],
  formatters: ['@post-lint/core'],
  node: ['@post-lint/core', '@post-lint/checks', '@post-lint/rulebook'],
  cli: [
    '@post-lint/core',
    '@post-lint/node',
    '@post-lint/formatters',
    // api.ts: lint(text) with the built-in rules and a rulebook's text, also in a browser.
    '@post-lint/checks',
    '@post-lint/rulebook',
  ],
  'language-server': ['@post-lint/core', '@post-lint/node', '@post-lint/checks', '@post-lint/rulebook'],
  vscode: ['post-lint-language-server'],
}
const PURE = new Set(['core', 'checks', 'rulebook', 'formatters'])
const INTERNAL = /^(@post-lint\/[\w-]+|post-lint(-language-server)?)$/

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => (match[1] ?? match[2])!)
}

describe('package boundaries', () => {
  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`${name} imports only what its layer may`, () => {
      const wrong: string[] = []
      for (const file of sources(join(root, 'packages', name, 'src'))) {
        for (const specifier of imports(file)) {
          const where = `${file.slice(root.length + 1)} → ${specifier}`
          if (INTERNAL.test(specifier) && !allowed.includes(specifier)) wrong.push(where)
          if (PURE.has(name) && (/^node:/.test(specifier) || /^vscode/.test(specifier))) wrong.push(where)
        }
        if (PURE.has(name) && /\bprocess\.(env|cwd|exit|argv)/.test(readFileSync(file, 'utf8'))) {
          wrong.push(`${file.slice(root.length + 1)} uses process`)
        }
      }
      expect(wrong).toEqual([])
    })
  }
})

describe('the browser entry of post-lint (packages/cli/src/api.ts)', () => {
  it('imports only the pure layers: no Node built-ins, no process, no filesystem packages', () => {
    const file = join(root, 'packages/cli/src/api.ts')
    const wrong = imports(file).filter(
      (specifier) =>
        /^node:|^vscode/.test(specifier) ||
        (INTERNAL.test(specifier) &&
          !['core', 'checks', 'rulebook'].some((p) => specifier === `@post-lint/${p}`)),
    )
    expect(wrong).toEqual([])
    expect(readFileSync(file, 'utf8')).not.toMatch(/\bprocess\./)
  })
})
