/**
 * docs/rulebook-reference.md is the rulebook's JSON Schema in words: it is
 * generated from the committed schema (which a schema test keeps in step with
 * the code), names every setting, rule, option and kind of custom rule, and
 * its links lead somewhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM script shared with `pnpm generate`.
import { renderRulebookReference, slug } from '../../scripts/rulebook-reference.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const docs = join(root, 'docs')
const page = readFileSync(join(docs, 'rulebook-reference.md'), 'utf8')

interface Node {
  $ref?: string
  description?: string
  properties?: Record<string, Node>
  additionalProperties?: Node | boolean
  anyOf?: Node[]
  oneOf?: Node[]
  items?: Node | Node[]
}
const schema = JSON.parse(
  readFileSync(join(root, 'packages/rulebook/rulebook.schema.json'), 'utf8'),
) as Node & {
  definitions: Record<string, Node>
}
const definition = (node: Node) => schema.definitions[node.$ref!.replace('#/definitions/', '')]!
const rulePages = readdirSync(join(root, 'rules')).filter(
  (name) => name !== 'presets' && statSync(join(root, 'rules', name)).isDirectory(),
)

/** A table row for a key: `| \`key\` |`, or linked to its own section. */
const row = (key: string) => new RegExp(`^\\| \\[?\`${key}\`(\\]\\(#[\\w-]+\\))? \\|`, 'm')

/** The page's sections by heading line (`## rules`, `### watch`), in order. */
function sections(): Map<string, string> {
  const found = new Map<string, string>()
  const parts = page.split(/^(#{1,6} .+)$/m)
  for (let index = 1; index < parts.length; index += 2) found.set(parts[index]!, parts[index + 1]!)
  return found
}

describe('docs/rulebook-reference.md', () => {
  it('is generated from the current schema (run `pnpm generate` and commit the page)', () => {
    expect(page).toBe(renderRulebookReference(schema, { rulePages }))
  })

  it('has a section for every setting, rule, rule option and kind of custom rule', () => {
    const all = sections()
    for (const [key, node] of Object.entries(schema.properties!)) {
      const description = node.description ?? (node.$ref ? definition(node).description : undefined)
      expect(all.get(`## ${key}`), key).toContain(description!.trim())
    }
    const rules = definition(schema.properties!.rules!).properties!
    expect(Object.keys(rules).length).toBeGreaterThan(15)
    for (const [id, rule] of Object.entries(rules)) {
      const section = all.get(`### ${id}`)
      expect(section, `rule ${id}`).toBeDefined()
      const tuple = (definition(rule).anyOf ?? []).find((variant) => Array.isArray(variant.items))
      const options = ((tuple?.items as Node[] | undefined)?.[1]?.properties ?? {}) as Record<string, Node>
      for (const option of Object.keys(options))
        expect(section, `${id}: ${option}`).toContain(`| \`${option}\` |`)
      if (rulePages.includes(id)) expect(section).toContain(`(../rules/${id}/README.md)`)
    }
    const custom = definition(schema.properties!.custom!.additionalProperties as Node)
    for (const variant of custom.oneOf!) {
      const kind = definition(variant)
      const name = (kind.properties!.type as { const: string }).const
      const section = all.get(`### type: ${name}`)
      expect(section, `custom type ${name}`).toBeDefined()
      for (const key of Object.keys(kind.properties!)) expect(section).toMatch(row(key))
    }
  })

  it('links only to headings on the page and to files that exist', () => {
    // GitHub numbers repeated anchors: the second `watch` heading is #watch-1.
    const anchors = new Set<string>()
    for (const heading of sections().keys()) {
      const base = slug(heading.replace(/^#+ /, ''))
      let anchor = base
      for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`
      anchors.add(anchor)
    }
    const links = [...page.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!)
    expect(links.length).toBeGreaterThan(30)
    for (const link of links) {
      if (link.startsWith('#')) expect(anchors, link).toContain(link.slice(1))
      else expect(existsSync(join(docs, link.split('#')[0]!)), link).toBe(true)
    }
  })

  it('is linked from the rulebook guide', () => {
    expect(readFileSync(join(docs, 'rulebook.md'), 'utf8')).toContain('](rulebook-reference.md)')
  })
})
