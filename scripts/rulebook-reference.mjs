/**
 * docs/rulebook-reference.md: every setting of post-lint.yml, rendered from
 * the rulebook's JSON Schema (packages/rulebook/rulebook.schema.json). `pnpm
 * generate` writes the page and a test checks it is up to date, so the
 * reference never says something the schema does not.
 */

const SCHEMA_PATH = '../packages/rulebook/rulebook.schema.json'
/** Definitions that are values used in many places: described once, at the end, and linked. */
const VALUES = {
  severity: 'A severity',
  language: 'A language',
  localText: 'A text in two languages',
  extendsEntry: 'A preset or rulebook file',
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces → hyphens. */
export function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

const code = (text) => `\`${text}\``
/** One line for a table cell. */
const cell = (text) => (text ?? '').replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|')
const list = (items) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`

/**
 * @param {any} schema the rulebook's JSON Schema
 * @param {{ rulePages?: string[] }} options rule ids with a page under rules/<id>/
 */
export function renderRulebookReference(schema, { rulePages = [] } = {}) {
  const definitions = schema.definitions ?? {}
  const refName = (node) => node?.$ref?.replace('#/definitions/', '')
  const resolve = (node) => (refName(node) ? { ...definitions[refName(node)], ...withoutRef(node) } : node)
  const withoutRef = ({ $ref, ...rest }) => rest

  /** Object schemas with properties inside a node (a rule's options, an array's items, variants). */
  function objectsIn(node) {
    const resolved = resolve(node ?? {})
    if (resolved.properties && Object.keys(resolved.properties).length > 0) return [resolved]
    const parts = [
      ...(resolved.anyOf ?? []),
      ...(resolved.oneOf ?? []),
      ...(Array.isArray(resolved.items) ? resolved.items : resolved.items ? [resolved.items] : []),
    ]
    return parts.flatMap(objectsIn)
  }

  /** A value's type in words, with links to the values described at the end. */
  function typeOf(node) {
    const name = refName(node)
    if (name && VALUES[name]) return `[${VALUES[name].toLowerCase()}](#${slug(VALUES[name])})`
    const resolved = resolve(node)
    if (resolved.const !== undefined) return code(resolved.const)
    if (resolved.enum) return list(resolved.enum.map(code))
    if (resolved.properties && Object.keys(resolved.properties).length > 0) return 'settings (below)'
    const variants = resolved.anyOf ?? resolved.oneOf
    if (variants) return list(variants.map(typeOf))
    const types = [resolved.type ?? []].flat().filter((type) => type !== 'null')
    if (types.length > 1) return list(types.map((type) => typeOf({ ...resolved, type })))
    switch (types[0]) {
      case 'string':
        return 'text'
      case 'integer':
        return 'whole number'
      case 'number':
        return 'number'
      case 'boolean':
        return '`true` or `false`'
      case 'array':
        if (Array.isArray(resolved.items)) return `[${resolved.items.map(typeOf).join(', ')}]`
        return resolved.items ? `list of: ${typeOf(resolved.items)}` : 'list'
      case 'object':
        if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object')
          return `name → ${typeOf(resolved.additionalProperties)}`
        return 'settings'
      default:
        return 'any value'
    }
  }

  /** Definition → the top-level setting whose section describes it. */
  const sections = Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([, node]) => refName(node) && !VALUES[refName(node)])
      .map(([key, node]) => [refName(node), key]),
  )
  const lines = []
  const push = (...more) => lines.push(...more)
  const describe = (node) => {
    const resolved = resolve(node)
    const description = node.description ?? resolved.description
    if (description) push(description.trim(), '')
  }
  const facts = (node) => {
    const resolved = resolve(node)
    const found = [`**Type:** ${typeOf(node)}`]
    if (resolved.default !== undefined) found.push(`**Default:** ${code(JSON.stringify(resolved.default))}`)
    if (resolved.examples) found.push(`**Examples:** ${resolved.examples.map(code).join(', ')}`)
    push(found.join(' · '), '')
  }

  /** A table of an object's keys; nested objects get their own section after it. */
  function table(object, path, level, first = 'key') {
    const required = new Set(object.required ?? [])
    const nested = []
    push(`| ${first} | type | what it is |`, '|---|---|---|')
    for (const [key, child] of Object.entries(object.properties)) {
      const resolved = resolve(child)
      const section = sections[refName(child)]
      const inner = VALUES[refName(child)] || section ? [] : objectsIn(child)
      const heading = `${path} → ${key}`
      const name = inner.length > 0 ? `[${code(key)}](#${slug(heading)})` : code(key)
      const type = section ? `as [${code(section)}](#${slug(section)}) above` : typeOf(child)
      const extra = [required.has(key) ? '**required**' : '']
      if (resolved.default !== undefined && !Array.isArray(resolved.default))
        extra.push(`default ${code(JSON.stringify(resolved.default))}`)
      if (Array.isArray(resolved.default)) extra.push(`default: ${resolved.default.length} entries (below)`)
      const description = [extra.filter(Boolean).join(', '), child.description ?? resolved.description]
        .filter(Boolean)
        .join(': ')
      push(`| ${name} | ${cell(type)} | ${cell(description)} |`)
      for (const [index, object] of inner.entries()) nested.push([heading, object, index, child])
      if (Array.isArray(resolved.default) && resolved.default.length > 0 && inner.length === 0)
        nested.push([heading, undefined, 0, child])
    }
    push('')
    for (const [heading, object, index, child] of nested) {
      if (index > 0) continue
      push(`${'#'.repeat(level)} ${heading}`, '')
      if (!object) {
        push(`Default of ${code(heading.split(' → ').pop())}:`, '')
        push(resolve(child).default.map(code).join(', '), '')
        continue
      }
      if (object.description && object.description !== (child.description ?? resolve(child).description))
        push(object.description.trim(), '')
      table(object, heading, Math.min(level + 1, 6))
    }
  }

  push(
    '<!-- Generated by `pnpm generate` from packages/rulebook/rulebook.schema.json: edit packages/rulebook/src/schema.ts or the rule data, not this page. -->',
    `# ${schema.title}: reference`,
    '',
    `${schema.description.replace(/\s*Reference: docs\/rulebook\.md\.?/, '')}`,
    '',
    `Every setting of \`post-lint.yml\`, as its [JSON Schema](${SCHEMA_PATH}) describes it: the same`,
    'texts your editor shows when you hover over a setting. For an introduction with examples, see',
    '[the rulebook](rulebook.md).',
    '',
    '## Settings',
    '',
  )
  const settings = Object.entries(schema.properties)
  push('| setting | type | what it is |', '|---|---|---|')
  for (const [key, node] of settings) {
    const description = node.description ?? resolve(node).description
    push(`| [${code(key)}](#${slug(key)}) | ${cell(typeOf(node))} | ${cell(description)} |`)
  }
  push('')

  for (const [key, node] of settings) {
    push(`## ${key}`, '')
    describe(node)
    facts(node)
    const resolved = resolve(node)
    if (key === 'rules') {
      // One section per rule: its description, default and options.
      for (const [id, rule] of Object.entries(resolved.properties ?? {})) {
        push(`### ${id}`, '')
        describe(rule)
        if (rulePages.includes(id)) push(`Examples and more: [rules/${id}](../rules/${id}/README.md).`, '')
        const options = objectsIn(rule)
        if (options.length > 0) table(options[0], `${id}`, 4, 'option')
      }
      push('### Your own rules', '', resolve(resolved.additionalProperties).description, '')
      continue
    }
    if (key === 'custom') {
      // One section per kind of custom rule.
      const kinds = resolve(resolved.additionalProperties)
      describe(kinds)
      for (const variant of kinds.oneOf ?? []) {
        const kind = resolve(variant)
        push(`### type: ${kind.properties.type.const}`, '')
        describe(kind)
        table(kind, `type: ${kind.properties.type.const}`, 4)
      }
      continue
    }
    const objects = VALUES[refName(node)] ? [] : objectsIn(node)
    if (objects.length > 0) {
      if ([resolved.type].flat().includes('array')) push('Each entry:', '')
      table(objects[0], key, 3)
    }
  }

  push('## Values', '', 'Kinds of values that several settings take.', '')
  for (const [name, title] of Object.entries(VALUES)) {
    push(`### ${title}`, '')
    describe(definitions[name])
    facts({ ...definitions[name] })
    const objects = objectsIn(definitions[name])
    if (objects.length > 0) table(objects[0], title, 4)
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
