#!/usr/bin/env node
/**
 * `pnpm generate`: compile the rule data into typed modules for @post-lint/checks.
 *
 * - rules/<id>/rule.yml       → meta, messages and examples of every built-in rule
 * - rules/<id>/<lang>.yml     → phrase lists (one file per rule and language)
 * - retext-equality patterns  → English `insensitive` phrases
 * - cuss (+ pluralize)        → English `profanity` phrases
 *
 * - rules/presets/<name>.yml → the built-in presets for `extends:`
 *                               (packages/rulebook/src/generated/presets.ts)
 * - packages/rulebook/src/schema.ts → packages/rulebook/rulebook.schema.json,
 *                               the JSON Schema of post-lint.yml (committed:
 *                               editors reference it; a test keeps it current),
 *                               copied to packages/cli/ for users' editors, and
 *                               precompiled (src/generated/rulebook-validator.ts)
 *                               → docs/rulebook-reference.md, every setting (committed;
 *                               a test keeps it current)
 *
 * The data is checked loudly here (unknown keys, duplicate phrases, bad
 * severities): a broken data file fails the build with file and reason.
 * Output is gitignored (the src/generated/ folders), except the schema.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isMap, parse, parseDocument } from 'yaml'
import { renderRuleDocs } from './rule-docs.mjs'
import { renderRulebookReference } from './rulebook-reference.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const checks = join(root, 'packages/checks')
const require = createRequire(join(checks, 'package.json'))
const out = join(checks, 'src/generated')
mkdirSync(out, { recursive: true })
const rulebookPackage = join(root, 'packages/rulebook')
const rulebookOut = join(rulebookPackage, 'src/generated')
mkdirSync(rulebookOut, { recursive: true })
/** Folders in rules/ that hold something other than one rule. */
const NON_RULE_FOLDERS = new Set(['presets'])

const problems = []
const fail = (file, message) => problems.push(`${relative(root, file)}: ${message}`)

const LANGS = ['en', 'nl']
const SEVERITIES = ['off', 'info', 'warning', 'error']
const RULE_KEYS = new Set(['id', 'severity', 'title', 'description', 'message', 'examples', 'options'])
const PHRASE_FILE_KEYS = new Set(['rule', 'lang', 'phrases'])
const PHRASE_KEYS = new Set(['match', 'message', 'suggest', 'near', 'unless', 'note', 'fix', 'case'])

function read(file) {
  try {
    return parse(readFileSync(file, 'utf8'), { uniqueKeys: true })
  } catch (error) {
    fail(file, error.message.split('\n')[0])
    return undefined
  }
}

function localText(file, where, value, required = true) {
  if (value === undefined && !required) return undefined
  if (typeof value === 'string') return { en: value }
  if (!value || typeof value !== 'object' || typeof value.en !== 'string') {
    fail(file, `${where} needs an \`en\` text (and preferably \`nl\`)`)
    return { en: '' }
  }
  for (const key of Object.keys(value))
    if (!LANGS.includes(key)) fail(file, `${where}: unknown language \`${key}\``)
  return value
}

function strings(file, where, value) {
  if (value === undefined) return undefined
  const list = Array.isArray(value) ? value : [value]
  if (!list.every((item) => typeof item === 'string' && item.trim() !== '')) {
    fail(file, `${where} must be a text or a list of texts`)
    return []
  }
  return list.map((item) => String(item))
}

/** Option → its explanation: the comment above it in rule.yml (for the rulebook schema). */
function optionNotes(file) {
  const notes = {}
  try {
    const options = parseDocument(readFileSync(file, 'utf8')).get('options', true)
    if (!isMap(options)) return notes
    options.items.forEach((pair, index) => {
      const comment = pair.key?.commentBefore ?? (index === 0 ? options.commentBefore : undefined)
      if (comment) notes[String(pair.key.value)] = comment.replace(/\s*\n\s*/g, ' ').trim()
    })
  } catch {
    // Reported by read() already.
  }
  return notes
}

const rules = {}
const notes = {}
const rulesDir = join(root, 'rules')
for (const id of existsSync(rulesDir) ? readdirSync(rulesDir).sort() : []) {
  const dir = join(rulesDir, id)
  if (!statSync(dir).isDirectory() || NON_RULE_FOLDERS.has(id)) continue
  const metaFile = join(dir, 'rule.yml')
  if (!existsSync(metaFile)) {
    fail(dir, 'missing rule.yml')
    continue
  }
  const meta = read(metaFile)
  if (!meta) continue
  for (const key of Object.keys(meta)) if (!RULE_KEYS.has(key)) fail(metaFile, `unknown key \`${key}\``)
  if (meta.id !== id) fail(metaFile, `id \`${meta.id}\` must equal the folder name \`${id}\``)
  if (!SEVERITIES.includes(meta.severity)) fail(metaFile, `severity must be one of ${SEVERITIES.join(', ')}`)
  const examples = {}
  for (const lang of LANGS) {
    const set = meta.examples?.[lang]
    if (!set) {
      fail(metaFile, `examples.${lang} is missing (flag and pass examples in both languages)`)
      continue
    }
    examples[lang] = {
      flag: strings(metaFile, `examples.${lang}.flag`, set.flag) ?? [],
      pass: strings(metaFile, `examples.${lang}.pass`, set.pass) ?? [],
    }
  }
  const phrases = []
  for (const lang of LANGS) {
    const file = join(dir, `${lang}.yml`)
    if (!existsSync(file)) continue
    const data = read(file)
    if (!data) continue
    for (const key of Object.keys(data)) if (!PHRASE_FILE_KEYS.has(key)) fail(file, `unknown key \`${key}\``)
    if (data.rule !== id) fail(file, `rule must be \`${id}\``)
    if (data.lang !== lang) fail(file, `lang must be \`${lang}\``)
    const seen = new Map()
    for (const [index, entry] of (data.phrases ?? []).entries()) {
      const where = `phrases[${index}]`
      for (const key of Object.keys(entry ?? {}))
        if (!PHRASE_KEYS.has(key)) fail(file, `${where}: unknown key \`${key}\``)
      const matches = strings(file, `${where}.match`, entry?.match) ?? []
      if (matches.length === 0) fail(file, `${where}: needs \`match\``)
      for (const match of matches) {
        const key = match.trim().toLowerCase().replace(/\s+/g, ' ')
        if (seen.has(key)) fail(file, `${where}: duplicate phrase “${match}” (also in ${seen.get(key)})`)
        seen.set(key, where)
        const spec = { match: match.trim(), lang }
        if (entry.message !== undefined)
          spec.message =
            typeof entry.message === 'string'
              ? { [lang]: entry.message, en: entry.message }
              : localText(file, `${where}.message`, entry.message)
        const suggestions = strings(file, `${where}.suggest`, entry.suggest)
        if (suggestions) spec.suggestions = suggestions
        const near = strings(file, `${where}.near`, entry.near)
        if (near) spec.near = near
        const unless = strings(file, `${where}.unless`, entry.unless)
        if (unless) spec.unless = unless
        if (entry.note !== undefined) spec.note = String(entry.note)
        if (entry.fix === true) spec.fix = true
        if (entry.case === true) spec.caseSensitive = true
        phrases.push(spec)
      }
    }
  }
  if (meta.options) {
    const found = optionNotes(metaFile)
    if (Object.keys(found).length > 0) notes[id] = found
  }
  rules[id] = {
    id,
    severity: meta.severity,
    title: localText(metaFile, 'title', meta.title),
    description: localText(metaFile, 'description', meta.description),
    message: localText(metaFile, 'message', meta.message),
    examples,
    phrases,
    ...(meta.options ? { options: meta.options } : {}),
  }
}

// retext-equality: its pattern data (not exported, so read from its lib folder).
const equalityEntry = require.resolve('retext-equality')
const { patterns: equality } = await import(
  pathToFileURL(join(dirname(equalityEntry), 'patterns-en.js')).href
)

// retext-profanities (English): cuss ratings, singular and plural, as retext-profanities does.
const { cuss } = await import(pathToFileURL(require.resolve('cuss')).href)
const pluralize = require('pluralize')
const ignorePluralize = ['children', 'dy', 'pro', 'remain', 'so', 'dice', 'fus']
const regular = ['hell', 'whore']
const profanity = {}
const add = (word, rating) => {
  if (!ignorePluralize.includes(word)) profanity[word] = rating
}
for (const [word, rating] of Object.entries(cuss)) {
  add(word, rating)
  add(pluralize.singular(word), rating)
  add(pluralize.plural(word), rating)
}

// Presets for `extends:` (rules/presets/<name>.yml): rulebook files with only `language` and `rules`.
const PRESET_KEYS = new Set(['language', 'rules'])
const presets = {}
const presetsDir = join(rulesDir, 'presets')
for (const name of existsSync(presetsDir) ? readdirSync(presetsDir).sort() : []) {
  const file = join(presetsDir, name)
  if (!name.endsWith('.yml')) {
    fail(file, 'presets are .yml files')
    continue
  }
  const preset = read(file) ?? {}
  const presetName = name.slice(0, -'.yml'.length)
  if (!/^[a-z][a-z0-9-]*$/.test(presetName))
    fail(file, 'a preset name is lowercase letters, digits and hyphens')
  for (const key of Object.keys(preset))
    if (!PRESET_KEYS.has(key)) fail(file, `unknown key \`${key}\` (presets have language and rules)`)
  if (preset.language !== undefined && !LANGS.includes(preset.language))
    fail(file, `language must be one of ${LANGS.join(', ')}`)
  for (const [id, setting] of Object.entries(preset.rules ?? {})) {
    if (!rules[id]) fail(file, `unknown rule \`${id}\``)
    const [severity, options, ...rest] = Array.isArray(setting) ? setting : [setting]
    if (
      !SEVERITIES.includes(severity) ||
      rest.length > 0 ||
      (options !== undefined && typeof options !== 'object')
    )
      fail(file, `rules.${id}: expected a severity or [severity, {options}]`)
    for (const option of Object.keys(options ?? {}))
      if (
        !(option in (rules[id]?.options ?? {})) &&
        !(id === 'personal-data' && ['allow', 'country'].includes(option))
      )
        fail(file, `rules.${id}: unknown option \`${option}\``)
  }
  presets[presetName] = preset
}
// The general presets first, then the language packs (for messages and the schema).
const PRESET_ORDER = ['recommended', 'strict', 'nl', 'en']
const rank = (name) => (PRESET_ORDER.includes(name) ? PRESET_ORDER.indexOf(name) : PRESET_ORDER.length)
const presetNames = Object.keys(presets).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
const orderedPresets = Object.fromEntries(presetNames.map((name) => [name, presets[name]]))
// `recommended` is every rule at its default: listed in full, so it also resets what an earlier preset changed.
if (presets.recommended) {
  for (const rule of Object.values(rules)) {
    if (presets.recommended.rules?.[rule.id] !== rule.severity)
      fail(join(presetsDir, 'recommended.yml'), `must set ${rule.id}: ${rule.severity} (its default)`)
  }
}

// The rulebook schema, from packages/rulebook/src/schema.ts (type-only imports, so it runs on its own).
const ts = (await import('typescript')).default
const schemaSource = ts.transpileModule(readFileSync(join(rulebookPackage, 'src/schema.ts'), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText
const { rulebookSchema } = await import(
  `data:text/javascript;base64,${Buffer.from(schemaSource).toString('base64')}`
)
const schema = rulebookSchema({
  rules: Object.values(rules).map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.severity,
    title: rule.title,
    description: rule.description,
    ...(rule.options ? { defaultOptions: rule.options } : {}),
  })),
  presets: presetNames,
  optionNotes: notes,
})

if (problems.length > 0) {
  console.error(`post-lint: the rule data has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}

const header = '// Generated by scripts/generate.mjs from rules/ and library data. Do not edit.\n'
const literal = (value) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`
writeFileSync(
  join(out, 'rules.ts'),
  `${header}import type { RuleData } from '../data.js'\n\nexport const ruleData: Record<string, RuleData> = ${literal(rules)}\n`,
)
writeFileSync(
  join(out, 'equality-en.ts'),
  `${header}import type { EqualityPattern } from '../data.js'\n\nexport const equalityPatterns: EqualityPattern[] = ${literal(equality)}\n`,
)
writeFileSync(
  join(out, 'profanity-en.ts'),
  `${header}/** Word → cuss rating (0 maybe, 1 likely, 2 profane), singular and plural forms. */\nexport const profanityRatings: Record<string, 0 | 1 | 2> = ${literal(profanity)}\n/** Compared with apostrophes kept (as retext-profanities' \`regular\`). */\nexport const profanityRegular: string[] = ${literal(regular)}\n`,
)
writeFileSync(
  join(rulebookOut, 'presets.ts'),
  `${header}import type { RulebookFile } from '../types.js'\n\n/** Built-in presets for \`extends:\`, from rules/presets/<name>.yml. */\nexport const presets: Record<string, RulebookFile> = ${literal(orderedPresets)}\n\n/** Rule id → option → its explanation (the comments in rules/<id>/rule.yml). */\nexport const optionNotes: Record<string, Record<string, string>> = ${literal(notes)}\n`,
)
// A precompiled validator for that schema (ajv standalone code), so a valid rulebook is checked
// without compiling the schema at every start (~120 ms). Only its yes/no is used: a rulebook it
// rejects is validated again by the full validator, which explains every mistake.
const rulebookRequire = createRequire(join(rulebookPackage, 'package.json'))
const { Ajv } = rulebookRequire('ajv')
const standaloneCode = rulebookRequire('ajv/dist/standalone').default
const DOC_KEYWORDS = new Set([
  'title',
  'description',
  'examples',
  'default',
  'errorMessage',
  'patternErrorMessage',
])
/** The schema without what only editors and messages read (names under properties/definitions stay). */
const lean = (node, names = false) =>
  Array.isArray(node)
    ? node.map((item) => lean(item))
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([key]) => names || !DOC_KEYWORDS.has(key))
            .map(([key, value]) => [
              key,
              lean(value, !names && (key === 'properties' || key === 'definitions')),
            ]),
        )
      : node
const quickAjv = new Ajv({
  discriminator: true,
  strict: true,
  strictTuples: false,
  allowUnionTypes: true,
  code: { source: true, esm: true, lines: false },
})
quickAjv.addSchema(lean(schema))
const runtimeImports = []
const quickCode = standaloneCode(quickAjv, quickAjv.getSchema(schema.$id)).replace(
  /require\("(ajv\/dist\/runtime\/[\w/]+)"\)\.default/g,
  (_, path) => {
    // A CommonJS module: Node gives its exports object, bundlers may give `default` itself.
    const name = `runtime${runtimeImports.length}`
    runtimeImports.push(`import ${name} from '${path}.js'`)
    return `(${name}.default ?? ${name})`
  },
)
writeFileSync(
  join(rulebookOut, 'rulebook-validator.ts'),
  `${header}// @ts-nocheck: ajv standalone code for rulebook.schema.json (without descriptions).\n${runtimeImports.join('\n')}\n${quickCode.replace(/^"use strict";/, '')}\n`,
)

const schemaText = `${JSON.stringify(schema, null, 2)}\n`
writeFileSync(join(rulebookPackage, 'rulebook.schema.json'), schemaText)
// The same file in the `post-lint` package, for users' editors:
// `# yaml-language-server: $schema=./node_modules/post-lint/rulebook.schema.json` (a gitignored copy).
writeFileSync(join(root, 'packages/cli/rulebook.schema.json'), schemaText)
// One documentation page per rule, next to its data.
for (const rule of Object.values(rules))
  writeFileSync(join(rulesDir, rule.id, 'README.md'), renderRuleDocs(rule))
// The reference of every rulebook setting, from the schema (docs/rulebook-reference.md).
writeFileSync(
  join(root, 'docs/rulebook-reference.md'),
  renderRulebookReference(schema, { rulePages: Object.keys(rules) }),
)

console.log(
  `post-lint generate: ${Object.keys(rules).length} rules, ${Object.keys(presets).length} presets, ${Object.values(rules).reduce((n, r) => n + r.phrases.length, 0)} phrases, ${equality.length} equality patterns, ${Object.keys(profanity).length} profanity forms`,
)
