/**
 * The published JSON Schema of post-lint.yml: up to date with the rules,
 * valid draft-07, described for editors, and in agreement with the loader on
 * the example rulebooks and the docs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinRules } from '@post-lint/checks'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { accountRule } from './account.js'
import { RULEBOOK_RULE_IDS } from './compile.js'
import { RulebookError } from './errors.js'
import { validate as quickValidate } from './generated/rulebook-validator.js'
import { loadRulebook } from './load.js'
import { type JsonSchema, RULEBOOK_RULES, SCHEMA_ID } from './schema.js'
import type { RulebookLoader } from './types.js'
import { SchemaValidator, schemaFor } from './validate.js'
import { watchRule } from './watch.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const schemaFile = join(root, 'packages/rulebook/rulebook.schema.json')
const committed = JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonSchema

/** A validator as an editor has it: plain draft-07, unknown keywords ignored. */
function editorValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false })
  return ajv.compile(committed)
}

const fsLoader: RulebookLoader = (specifier, from) => {
  const path = resolve(dirname(from), specifier)
  return existsSync(path) ? { path, text: readFileSync(path, 'utf8') } : undefined
}

function rulebooksIn(directory: string): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (name === 'node_modules') return []
    if (statSync(path).isDirectory()) return rulebooksIn(path)
    return name === 'post-lint.yml' || name === '.post-lint.yml' ? [path] : []
  })
}

describe('rulebook.schema.json', () => {
  it('is up to date with the rules (run `pnpm generate` and commit the file)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(`${JSON.stringify(schemaFor(builtinRules), null, 2)}\n`)
  })

  it('is a valid draft-07 schema with its published id', () => {
    const ajv = new Ajv({ strict: false })
    expect(ajv.validateSchema(committed), JSON.stringify(ajv.errors)).toBe(true)
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(committed.$id).toBe(SCHEMA_ID)
  })

  it('is exported by the package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'packages/rulebook/package.json'), 'utf8'))
    expect(pkg.exports['./rulebook.schema.json']).toBe('./rulebook.schema.json')
    expect(pkg.files).toContain('rulebook.schema.json')
  })

  it('describes every setting (editors show the descriptions)', () => {
    const missing: string[] = []
    const target = (node: JsonSchema): JsonSchema => {
      const ref = node.$ref
      return typeof ref === 'string'
        ? (committed.definitions as Record<string, JsonSchema>)[ref.replace('#/definitions/', '')]!
        : node
    }
    const walk = (node: unknown, pointer: string) => {
      if (typeof node !== 'object' || node === null) return
      const schema = node as JsonSchema
      if (schema.properties) {
        for (const [key, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
          if (!property.description && !target(property).description)
            missing.push(`${pointer}/properties/${key}`)
        }
      }
      for (const [key, child] of Object.entries(schema)) walk(child, `${pointer}/${key}`)
    }
    walk(committed, '#')
    expect(missing).toEqual([])
  })

  it('has a setting for every built-in rule, with its options typed from their defaults', () => {
    const definitions = committed.definitions as Record<string, JsonSchema>
    const ruleIds = Object.keys((definitions.rules!.properties as JsonSchema) ?? {})
    expect(ruleIds).toEqual([...builtinRules.map((rule) => rule.meta.id), ...RULEBOOK_RULE_IDS].sort())
    const optionsOf = (id: string) =>
      (((definitions[`rule-${id}`]!.anyOf as JsonSchema[])[1]!.items as JsonSchema[])[1]!.properties ??
        {}) as Record<string, JsonSchema>
    expect(optionsOf('profanity').sureness).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 2,
      default: 1,
    })
    expect(optionsOf('profanity').ignore).toMatchObject({ type: 'array', items: { type: 'string' } })
    expect(optionsOf('insensitive').binary).toMatchObject({ type: 'boolean', default: false })
    expect(optionsOf('personal-data').country).toMatchObject({ type: 'string' })
    expect(Object.keys(optionsOf('shouting'))).toEqual([])
  })

  it('knows the rules every rulebook adds (watch, account) as compile makes them', () => {
    expect(RULEBOOK_RULES.map((rule) => rule.id)).toEqual([...RULEBOOK_RULE_IDS])
    for (const rule of [watchRule([]), accountRule([])]) {
      const { id, defaultSeverity, title, description } = rule.meta
      expect(RULEBOOK_RULES.find((known) => known.id === id)).toEqual({
        id,
        defaultSeverity,
        title,
        description,
      })
    }
  })

  it('accepts every example rulebook under examples/, as the loader does', () => {
    const validate = editorValidator()
    const files = rulebooksIn(join(root, 'examples'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(validate(parse(text) ?? {}), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true)
      expect(() => loadRulebook(text, file, fsLoader, builtinRules), file).not.toThrow()
    }
  })

  const bad = [
    { organistion: { name: 'x' } },
    { language: 'de' },
    { rules: { profanity: 'loud' } },
    { rules: { profanity: ['warning', { sureness: 'high' }] } },
    { rules: { profanity: ['warning', { surenes: 1 }] } },
    { rules: { 'Not An Id': 'off' } },
    { custom: { jargon: { type: 'avoid' } } },
    { custom: { jargon: { type: 'avoid', phrases: ['x'], pattern: 'x' } } },
    { custom: { jargon: { type: 'shout', phrases: ['x'] } } },
    { custom: { 'case-number': { type: 'pattern', pattern: 'x', flags: 'g' } } },
    { accounts: [{ id: 'insta', platform: 'instagram', handle: '@x', owners: [] }] },
    { accounts: [{ id: 'insta', platform: 'instagram', handle: '@x' }] },
    { overrides: [{ language: 'nl' }] },
    { organisation: { domains: ['https://debrug.nl'] } },
    { extends: 5 },
  ]
  const good = [
    {},
    { rules: null, organisation: null },
    {
      extends: ['recommended', './shared.yml'],
      rules: { profanity: ['error', { sureness: 2 }], 'no-jargon': 'info', watch: 'warning' },
      custom: { 'no-jargon': { type: 'replace', replace: { synergie: 'samenwerking' } } },
      accounts: [{ id: 'insta', platform: 'instagram', handle: '@x', owners: ['A', 'B'], notes: 'x' }],
      overrides: [{ files: ['en/**'], language: 'en', rules: { profanity: 'off' } }],
    },
  ]

  it('rejects mistakes in editors too', () => {
    const validate = editorValidator()
    for (const data of bad) expect(validate(data), JSON.stringify(data)).toBe(false)
    for (const data of good) expect(validate(data), JSON.stringify(data)).toBe(true)
  })

  it('the precompiled validator (generated) agrees with the full one', () => {
    const full = new SchemaValidator(schemaFor(builtinRules))
    const examples = rulebooksIn(join(root, 'examples')).map((file) => parse(readFileSync(file, 'utf8')))
    for (const data of [...good, ...bad, ...examples]) {
      expect(quickValidate(data), JSON.stringify(data)).toBe(full.validate(data).length === 0)
    }
  })
})

describe('docs/rulebook.md', () => {
  const docs = readFileSync(join(root, 'docs/rulebook.md'), 'utf8')
  const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!)
  // Files named in `extends:` of the examples exist as empty rulebooks.
  const loader: RulebookLoader = (specifier, from) => ({ path: resolve(dirname(from), specifier), text: '' })

  it('has rulebook examples', () => {
    expect(blocks.length).toBeGreaterThan(5)
  })

  blocks.forEach((block, index) => {
    const invalid = block.startsWith('# ✗')
    it(`example ${index + 1} ${invalid ? 'is reported' : 'loads'}: ${block.split('\n')[0]}`, () => {
      const run = () => loadRulebook(block, '/org/post-lint.yml', loader, builtinRules)
      if (invalid) expect(run).toThrow(RulebookError)
      else run()
    })
  })
})
