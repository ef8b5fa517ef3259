#!/usr/bin/env node
/**
 * `pnpm generate`: compile the rule data into typed modules for @post-lint/checks.
 *
 * - rules/<id>/rule.yml       → meta, messages and examples of every built-in rule
 * - rules/<id>/<lang>.yml     → phrase lists (one file per rule and language)
 * - retext-equality patterns  → English `insensitive` phrases
 * - cuss (+ pluralize)        → English `profanity` phrases
 *
 * The data is checked loudly here (unknown keys, duplicate phrases, bad
 * severities): a broken data file fails the build with file and reason.
 * Output is gitignored (packages/checks/src/generated/).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import { renderRuleDocs } from './rule-docs.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const checks = join(root, 'packages/checks')
const require = createRequire(join(checks, 'package.json'))
const out = join(checks, 'src/generated')
mkdirSync(out, { recursive: true })

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

const rules = {}
const rulesDir = join(root, 'rules')
for (const id of existsSync(rulesDir) ? readdirSync(rulesDir).sort() : []) {
  const dir = join(rulesDir, id)
  if (!statSync(dir).isDirectory()) continue
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
// One documentation page per rule, next to its data.
for (const rule of Object.values(rules))
  writeFileSync(join(rulesDir, rule.id, 'README.md'), renderRuleDocs(rule))

console.log(
  `post-lint generate: ${Object.keys(rules).length} rules, ${Object.values(rules).reduce((n, r) => n + r.phrases.length, 0)} phrases, ${equality.length} equality patterns, ${Object.keys(profanity).length} profanity forms`,
)
