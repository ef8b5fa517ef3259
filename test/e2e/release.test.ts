/**
 * Releases with changesets (RELEASING.md), tried on a copy of the workspace's
 * manifests: `changeset version` moves every published package to one new
 * version, writes their changelogs, leaves the extension and `workspace:*`
 * alone, and the bundled `post-lint --version` then tells the new version
 * (it reads its package.json, it does not carry a copy).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ENV, root } from '../support/cli.js'

interface Manifest {
  name: string
  version: string
  private?: boolean
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const folders = readdirSync(join(root, 'packages'))
const read = (base: string, folder: string) =>
  JSON.parse(readFileSync(join(base, 'packages', folder, 'package.json'), 'utf8')) as Manifest
const before = Object.fromEntries(folders.map((folder) => [folder, read(root, folder)]))
const published = folders.filter((folder) => !before[folder]!.private)
const current = before.cli!.version

const copies: string[] = []
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true })
})

/** The root manifest, workspace file, changesets and package manifests (with the CLI's bin and bundle). */
function copyWorkspace(withPendingChangesets: boolean): string {
  const copy = mkdtempSync(join(tmpdir(), 'post-lint-release-'))
  copies.push(copy)
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(copy, file))
  cpSync(join(root, '.changeset'), join(copy, '.changeset'), {
    recursive: true,
    filter: (source) => withPendingChangesets || !/\.changeset\/(?!README)[^/]+\.md$/.test(source),
  })
  for (const folder of folders)
    cpSync(join(root, 'packages', folder, 'package.json'), join(copy, 'packages', folder, 'package.json'))
  for (const part of ['bin', 'bundle'])
    cpSync(join(root, 'packages/cli', part), join(copy, 'packages/cli', part), { recursive: true })
  return copy
}

function changesetVersion(copy: string) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, ...ENV },
  })
  expect(result.status, result.stderr).toBe(0)
}

const reportedVersion = (copy: string) =>
  spawnSync(process.execPath, [join(copy, 'packages/cli/bin/post-lint.js'), '--version'], {
    encoding: 'utf8',
  }).stdout

describe('changeset version', () => {
  it('bumps every published package together, even for a change to one of them', () => {
    const copy = copyWorkspace(false)
    writeFileSync(
      join(copy, '.changeset/fix-junit.md'),
      "---\n'@post-lint/formatters': patch\n---\n\nJUnit reports name the rule in every test case.\n",
    )
    expect(reportedVersion(copy)).toBe(`${current}\n`)
    changesetVersion(copy)
    const [major, minor, patch] = current.split(/[.-]/).map(Number)
    const next = `${major}.${minor}.${patch! + 1}`
    for (const folder of published) {
      const manifest = read(copy, folder)
      expect(manifest.version, manifest.name).toBe(next)
      // Internal dependencies stay workspace:* (pnpm publish writes the version).
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toMatch(/"@?post-lint[^"]*":"(?!workspace:\*)/)
      expect(readFileSync(join(copy, 'packages', folder, 'CHANGELOG.md'), 'utf8')).toContain(`## ${next}`)
    }
    expect(readFileSync(join(copy, 'packages/formatters/CHANGELOG.md'), 'utf8')).toContain(
      'JUnit reports name the rule in every test case.',
    )
    // The extension is versioned on its own (its .vsix), not with the npm packages.
    expect(read(copy, 'vscode').version).toBe(before.vscode!.version)
    expect(existsSync(join(copy, '.changeset/fix-junit.md'))).toBe(false)
    expect(reportedVersion(copy)).toBe(`${next}\n`)
  })

  it('keeps one version for all published packages with the pending changesets of this repository', () => {
    const copy = copyWorkspace(true)
    changesetVersion(copy)
    const versions = new Set(published.map((folder) => read(copy, folder).version))
    expect(versions.size).toBe(1)
    const [version] = versions
    expect(reportedVersion(copy)).toBe(`${version}\n`)
    const pending = readdirSync(join(root, '.changeset')).filter((name) => /^(?!README).*\.md$/.test(name))
    if (pending.length > 0) expect(version).not.toBe(current)
  })
})
