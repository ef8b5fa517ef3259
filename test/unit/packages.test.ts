/**
 * The npm packages as published: who is published, one shared version (the
 * one `post-lint --version` prints), the changesets group that keeps it
 * shared, publish metadata, `exports` without the workspace-only `source`
 * condition, and dependencies that cover every runtime import. The packed
 * tarballs themselves are installed and run by test/e2e/pack.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { version as reportedVersion } from 'post-lint'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

interface Manifest {
  name: string
  version: string
  private?: boolean
  description?: string
  license?: string
  homepage?: string
  repository?: { type: string; url: string; directory: string }
  files?: string[]
  bin?: Record<string, string>
  exports?: Record<string, unknown>
  publishConfig?: { access?: string; exports?: Record<string, unknown> }
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const packages = readdirSync(join(root, 'packages')).map((folder) => ({
  folder,
  manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')) as Manifest,
}))
const published = packages.filter(({ manifest }) => !manifest.private)

/** `exports` with the `source` condition (workspace only: src/ is not published) taken out. */
function withoutSource(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'source')
      .map(([key, inner]) => [key, withoutSource(inner)]),
  )
}

function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return value && typeof value === 'object' ? Object.values(value).flatMap(targets) : []
}

/** Packages a source file imports at run time (`import type` aside). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!)
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => !builtinModules.includes(name))
}

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

describe('published packages', () => {
  it('are the CLI, the language server and the engine packages; the extension ships as a .vsix', () => {
    expect(published.map(({ manifest }) => manifest.name).sort()).toEqual([
      '@post-lint/checks',
      '@post-lint/core',
      '@post-lint/formatters',
      '@post-lint/node',
      '@post-lint/rulebook',
      'post-lint',
      'post-lint-language-server',
    ])
    expect(packages.find(({ folder }) => folder === 'vscode')?.manifest.private).toBe(true)
  })

  it('share one version, which is the one post-lint reports', () => {
    const versions = new Set(published.map(({ manifest }) => manifest.version))
    expect(versions.size).toBe(1)
    const [version] = versions
    expect(version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/)
    expect(reportedVersion).toBe(version)
  })

  it('are one fixed group for changesets, so a release bumps them together', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as {
      fixed: string[][]
      linked: string[][]
      access: string
      ignore: string[]
    }
    expect(config.fixed).toHaveLength(1)
    const matches = (pattern: string, name: string) =>
      pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name
    const group = packages
      .map(({ manifest }) => manifest.name)
      .filter((name) => config.fixed[0]!.some((pattern) => matches(pattern, name)))
    expect(group.sort()).toEqual(published.map(({ manifest }) => manifest.name).sort())
    expect(config.linked).toEqual([])
    expect(config.access).toBe('public')
    // Every changeset names packages that exist.
    const names = new Set(packages.map(({ manifest }) => manifest.name))
    for (const file of readdirSync(join(root, '.changeset')).filter((name) =>
      /^(?!README).*\.md$/.test(name),
    )) {
      const front = readFileSync(join(root, '.changeset', file), 'utf8').split('---')[1] ?? ''
      for (const [, name, bump] of front.matchAll(/^['"]?([^'":\s]+)['"]?:\s*(\w+)/gm)) {
        expect(names, `${file}: ${name}`).toContain(name)
        expect(['patch', 'minor', 'major']).toContain(bump)
      }
    }
  })

  for (const { folder, manifest } of published) {
    describe(manifest.name, () => {
      it('has what npm shows: description, licence, repository folder, homepage, README', () => {
        expect(manifest.description?.length).toBeGreaterThan(20)
        expect(manifest.license).toBe('MIT')
        expect(manifest.repository).toEqual({
          type: 'git',
          url: 'git+https://github.com/post-lint/post-lint.git',
          directory: `packages/${folder}`,
        })
        expect(manifest.homepage).toBe(
          `https://github.com/post-lint/post-lint/tree/main/packages/${folder}#readme`,
        )
        expect(existsSync(join(root, 'packages', folder, 'README.md'))).toBe(true)
      })

      it('publishes public, with the exports minus `source`, and packs every file they point at', () => {
        expect(manifest.publishConfig?.access).toBe('public')
        expect(manifest.publishConfig?.exports).toEqual(withoutSource(manifest.exports))
        expect(JSON.stringify(manifest.publishConfig?.exports)).not.toContain('src/')
        const shipped = [...targets(manifest.publishConfig?.exports), ...Object.values(manifest.bin ?? {})]
        for (const target of shipped) {
          const top = target.replace(/^\.\//, '').split('/')[0]!
          expect(target === './package.json' || manifest.files!.includes(top), `${target} in files`).toBe(
            true,
          )
        }
      })

      it('declares every package its code imports at run time, and its siblings as workspace:*', () => {
        const declared = { ...manifest.dependencies, ...manifest.peerDependencies }
        const missing = [...new Set(sources(join(root, 'packages', folder, 'src')).flatMap(runtimeImports))]
          .filter((name) => name !== manifest.name && !(name in declared))
          .sort()
        expect(missing).toEqual([])
        for (const [name, range] of Object.entries(manifest.dependencies ?? {}))
          if (name.startsWith('@post-lint/') || name.startsWith('post-lint'))
            expect(range).toBe('workspace:*')
      })
    })
  }
})
