/**
 * The manifest (package.json), the README and the language server agree on
 * the settings; the severity floor and the status bar texts.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RULEBOOK_NAMES } from '@post-lint/node'
import { defaultSettings, normalizeSettings } from 'post-lint-language-server'
import { describe, expect, it } from 'vitest'
import { reachesFloor, SETTINGS_SECTION, SEVERITY_FLOORS, severityFloorOf, statusView } from './settings.js'

const here = dirname(dirname(fileURLToPath(import.meta.url)))

interface Property {
  type: string | string[]
  default: unknown
  enum?: string[]
  scope?: string
  markdownDescription: string
}

const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
  main: string
  activationEvents: string[]
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } }
  contributes: {
    configuration: { properties: Record<string, Property> }
    commands: Array<{ command: string; title: string; category: string }>
    yamlValidation: Array<{ fileMatch: string[]; url: string }>
  }
}
const properties = manifest.contributes.configuration.properties

/** The README's settings table: setting → [default, values, description]. */
function readmeSettings(): Map<string, [string, string, string]> {
  const rows = new Map<string, [string, string, string]>()
  for (const line of readFileSync(join(here, 'README.md'), 'utf8').split('\n')) {
    const match = /^\| `(postLint\.\w+)` \| (.*?) \| (.*?) \| (.*) \|$/.exec(line)
    if (match) rows.set(match[1]!, [match[2]!, match[3]!, match[4]!])
  }
  return rows
}

const code = (value: unknown) => `\`${JSON.stringify(value)}\``

describe('settings', () => {
  it('the README table lists every setting of package.json, with its default, values and description', () => {
    const table = readmeSettings()
    expect([...table.keys()]).toEqual(Object.keys(properties))
    for (const [name, property] of Object.entries(properties)) {
      const values = property.enum
        ? property.enum.map(code).join(', ')
        : property.type === 'boolean'
          ? '`true`, `false`'
          : 'a path'
      expect(table.get(name), name).toEqual([code(property.default), values, property.markdownDescription])
    }
  })

  it('every setting is under postLint and can differ per folder', () => {
    for (const [name, property] of Object.entries(properties)) {
      expect(name.startsWith(`${SETTINGS_SECTION}.`), name).toBe(true)
      expect(property.scope, name).toBe('resource')
    }
  })

  it('the settings the server pulls are declared with the server’s defaults and values', () => {
    for (const [key, value] of Object.entries(defaultSettings)) {
      expect(properties[`${SETTINGS_SECTION}.${key}`]?.default, key).toEqual(value)
    }
    for (const run of properties['postLint.run']!.enum!) expect(normalizeSettings({ run }).run).toBe(run)
    // The only client-side setting: the severity floor.
    const clientOnly = Object.keys(properties).filter(
      (name) => !(name.slice(SETTINGS_SECTION.length + 1) in defaultSettings),
    )
    expect(clientOnly).toEqual(['postLint.severityFloor'])
    expect(properties['postLint.severityFloor']!.enum).toEqual([...SEVERITY_FLOORS])
    expect(properties['postLint.severityFloor']!.default).toBe(severityFloorOf(undefined))
  })

  it('Restricted Mode: linting stays on, a rulebook path from the workspace is not used', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited')
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['postLint.rulebook'])
  })
})

describe('manifest', () => {
  it('activates on drafts and on a workspace with a rulebook; the rulebook gets its schema', () => {
    expect(manifest.activationEvents).toEqual(
      expect.arrayContaining([
        'onLanguage:markdown',
        'onLanguage:plaintext',
        ...RULEBOOK_NAMES.map((name) => `workspaceContains:**/${name}`),
      ]),
    )
    expect(manifest.contributes.yamlValidation).toEqual([
      { fileMatch: [...RULEBOOK_NAMES], url: './out/rulebook.schema.json' },
    ])
    expect(manifest.main).toBe('./out/extension.cjs')
  })

  it('declares exactly the commands the extension registers', () => {
    const source = readFileSync(join(here, 'src/extension.ts'), 'utf8')
    const registered = [...source.matchAll(/registerCommand\('([\w.]+)'/g)].map((match) => match[1])
    expect(manifest.contributes.commands.map((command) => command.command).sort()).toEqual(registered.sort())
    for (const command of manifest.contributes.commands) expect(command.category).toBe('post-lint')
  })
})

describe('severity floor', () => {
  // vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3.
  it.each([
    ['info', [true, true, true, true]],
    ['warning', [true, true, false, false]],
    ['error', [true, false, false, false]],
  ] as const)('%s shows %j of error, warning, info, hint', (floor, shown) => {
    expect([0, 1, 2, 3].map((severity) => reachesFloor(severity, floor))).toEqual(shown)
  })

  it('an unknown value shows everything', () => {
    expect(severityFloorOf('loud')).toBe('info')
    expect(severityFloorOf('warning')).toBe('warning')
  })
})

describe('status bar', () => {
  const relative = (path: string) => path.replace('/work/org/', '')

  it('names the rulebook in use', () => {
    expect(
      statusView({ uri: 'file:///work/org/a.md', rulebook: '/work/org/post-lint.yml' }, relative),
    ).toEqual({
      text: '$(checklist) post-lint.yml',
      tooltip: 'post-lint: drafts here are checked with /work/org/post-lint.yml',
      broken: false,
    })
  })

  it('says when the built-in rules apply', () => {
    const view = statusView({ uri: 'file:///work/org/a.md', rulebook: null }, relative)
    expect(view.text).toBe('$(checklist) post-lint: built-in rules')
    expect(view.broken).toBe(false)
  })

  it('says that a rulebook is broken, with its first problem', () => {
    const view = statusView(
      {
        uri: 'file:///work/org/a.md',
        rulebook: '/work/org/team/post-lint.yml',
        problem: '/work/org/team/post-lint.yml:3:14: Unknown severity “loud”\n/work/org/x.yml:1:1: more',
      },
      relative,
    )
    expect(view.text).toBe('$(error) team/post-lint.yml')
    expect(view.broken).toBe(true)
    expect(view.tooltip).toContain('team/post-lint.yml is broken')
    expect(view.tooltip).toContain(':3:14: Unknown severity “loud”')
    expect(view.tooltip).not.toContain('more')
  })
})
