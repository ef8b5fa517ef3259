/**
 * Load a rulebook: YAML → schema-validated → checked → `extends:` merged.
 *
 * Every mistake is collected, with its file, line and column, before
 * anything is thrown: a comms lead fixes them all in one go. Nothing here
 * reads files; `extends:` goes through the loader the caller passes in.
 *
 * Merge semantics (docs/rulebook.md): the `extends:` entries left to right,
 * then the file itself; each file is merged once, at its first place.
 * - `rules`: per rule id, a later setting replaces an earlier one entirely;
 * - `organisation`: per key; lists are concatenated without duplicates;
 * - `watch`: concatenated without duplicates;
 * - `accounts`: by id, a later account replaces an earlier one;
 * - `custom`: by id, a later rule replaces an earlier one;
 * - `overrides`: concatenated; each keeps the folder of its file as `base`;
 * - `language`: the last one wins.
 */

import type { Lang, Rule, RuleSetting } from '@post-lint/core'
import { didYouMean, ENGINE_RULES, LineIndex } from '@post-lint/core'
import { RE2JS } from 're2js'
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml'
import { RulebookError } from './errors.js'
import { presets } from './generated/presets.js'
import { mergeSetting } from './overrides.js'
import { RULEBOOK_RULES } from './schema.js'
import type {
  Account,
  CustomRule,
  Organisation,
  Override,
  ResolvedRulebook,
  RulebookFile,
  RulebookLoader,
  RulebookProblem,
} from './types.js'
import { type Issue, validatorFor } from './validate.js'

/** Names of the built-in presets for `extends:`. */
export const PRESET_NAMES: readonly string[] = Object.keys(presets)

/** One file (or preset) of an `extends:` chain, validated. */
interface Layer {
  /** The file's path, or `preset:<name>`. */
  id: string
  preset: boolean
  data: RulebookFile
}

interface Loaded {
  /** This file's chain: what it extends (each once), then itself. */
  layers: Layer[]
  /** Custom rule ids defined in the file or anything it extends. */
  customIds: Set<string>
}

const EMPTY: Loaded = { layers: [], customIds: new Set() }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A file path's folder, for `/` and `\` paths alike (no node:path here). */
export function folderOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  if (index < 0) return '.'
  if (index === 0) return path.slice(0, 1)
  const folder = path.slice(0, index)
  return /^[A-Za-z]:$/.test(folder) ? path.slice(0, index + 1) : folder
}

/** A preset name, as opposed to a file path. */
const isPresetName = (specifier: string) => /^[a-z][a-z0-9-]*$/.test(specifier)

/** One rulebook file's text, parsed, with positions for problems. */
class Source {
  readonly lines: LineIndex
  readonly doc: Document.Parsed

  constructor(
    readonly path: string,
    readonly text: string,
    readonly problems: RulebookProblem[],
  ) {
    this.lines = new LineIndex(text)
    this.doc = parseDocument(text, { uniqueKeys: true, merge: true, prettyErrors: false })
  }

  problem(message: string, range: readonly [number, number]): void {
    const start = Math.min(range[0], this.text.length)
    const end = Math.min(Math.max(range[1], start + 1), Math.max(this.text.length, start + 1))
    const from = this.lines.position(start)
    const to = this.lines.position(end)
    this.problems.push({
      message,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      filePath: this.path,
    })
  }

  /** The node at a data path, the key node it sits under, and whether the whole path was found. */
  find(path: readonly string[]): {
    node: Node | null
    key: Node | null
    parentIsMap: boolean
    found: boolean
  } {
    let node: Node | null = this.doc.contents
    let key: Node | null = null
    let parentIsMap = false
    for (const segment of path) {
      const current: unknown = isAlias(node) ? node.resolve(this.doc) : node
      let next: Node | null | undefined
      if (isMap(current)) {
        const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)
        if (pair) {
          key = pair.key as Node
          next = pair.value as Node | null
          parentIsMap = true
          // `key:` with nothing after it: point at the key.
          if (next === null) return { node: key, key, parentIsMap, found: true }
        }
      } else if (isSeq(current)) {
        const item = current.items[Number(segment)]
        if (item !== undefined && !isPair(item)) {
          next = item as Node
          key = null
          parentIsMap = false
        }
      }
      if (next === undefined) return { node, key, parentIsMap, found: false }
      node = next
    }
    return { node, key, parentIsMap, found: true }
  }

  /** The source range an issue points at. */
  rangeOf(issue: Pick<Issue, 'path' | 'at' | 'key'>): [number, number] {
    const { node, key, parentIsMap, found } = this.find(issue.path)
    if (issue.at === 'key' && found) {
      const map = isAlias(node) ? node.resolve(this.doc) : node
      if (isMap(map)) {
        const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === issue.key)
        const range = (pair?.key as Node | undefined)?.range
        if (range) return [range[0], range[1]]
      }
    }
    if (issue.at === 'owner' && found && parentIsMap && key?.range) return [key.range[0], key.range[1]]
    const range = node?.range
    if (!range) return [0, 1]
    if (issue.at === 'owner' || isMap(node) || isSeq(node)) {
      // A block: its first line is enough to find it.
      const lineEnd = this.text.slice(range[0], range[1]).search(/[\r\n]/)
      return [range[0], lineEnd < 0 ? range[1] : range[0] + lineEnd]
    }
    return [range[0], range[1]]
  }
}

/** Why RE2 cannot run this pattern, and where in it; undefined when it can. */
export function patternProblem(pattern: string, flags = ''): { reason: string; index?: number } | undefined {
  let inClass = false
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]
    if (char === '\\') {
      const next = pattern[index + 1] ?? ''
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[index + 2] === '<'))) {
        return {
          reason: `it uses a backreference (“\\${next}”), which post-lint does not support: patterns run in linear time (RE2), without backreferences, lookahead or lookbehind`,
          index,
        }
      }
      index++
    } else if (inClass) {
      if (char === ']') inClass = false
    } else if (char === '[') {
      inClass = true
      if (pattern[index + 1] === ']') index++
    } else if (char === '(' && pattern[index + 1] === '?') {
      const rest = pattern.slice(index + 2)
      const kind = rest.startsWith('<=')
        ? ['lookbehind', '(?<=']
        : rest.startsWith('<!')
          ? ['negative lookbehind', '(?<!']
          : rest.startsWith('=')
            ? ['lookahead', '(?=']
            : rest.startsWith('!')
              ? ['negative lookahead', '(?!']
              : rest.startsWith('>')
                ? ['an atomic group', '(?>']
                : undefined
      if (kind) {
        return {
          reason: `it uses ${kind[0]} (“${kind[1]}…)”), which post-lint does not support: patterns run in linear time (RE2), without lookbehind, lookahead or backreferences`,
          index,
        }
      }
    }
  }
  let options = 0
  if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE
  if (flags.includes('m')) options |= RE2JS.MULTILINE
  if (flags.includes('s')) options |= RE2JS.DOTALL
  try {
    RE2JS.compile(pattern, options)
    return undefined
  } catch (error) {
    const { error: reason, input } = error as { error?: string; input?: string | null }
    const at = input && input !== pattern ? pattern.indexOf(input) : -1
    return {
      reason: `it is not a valid regular expression: ${reason ?? (error as Error).message}${input && input !== pattern ? ` at “${input}”` : ''}`,
      ...(at >= 0 ? { index: at } : {}),
    }
  }
}

class Load {
  readonly problems: RulebookProblem[] = []
  readonly #done = new Map<string, Loaded>()
  readonly #builtinIds: ReadonlySet<string>
  readonly #rootFolder: string

  constructor(
    readonly loader: RulebookLoader,
    readonly builtins: readonly Rule[],
    rootPath: string,
  ) {
    this.#builtinIds = new Set([
      ...builtins.map((rule) => rule.meta.id),
      ...RULEBOOK_RULES.map((rule) => rule.id),
    ])
    this.#rootFolder = folderOf(rootPath)
  }

  #display(path: string): string {
    const folder = this.#rootFolder
    for (const separator of ['/', '\\']) {
      const prefix = folder.endsWith(separator) ? folder : `${folder}${separator}`
      if (path.startsWith(prefix)) return path.slice(prefix.length)
    }
    return path
  }

  /** Load one file and everything it extends. `stack`: the files being loaded, outermost first. */
  file(path: string, text: string, stack: readonly string[]): Loaded {
    const done = this.#done.get(path)
    if (done) return done
    const source = new Source(path, text, this.problems)
    const loaded = this.#file(source, [...stack, path])
    this.#done.set(path, loaded)
    return loaded
  }

  #file(source: Source, stack: readonly string[]): Loaded {
    // 1. YAML. With a syntax error the structure is a guess: stop at the YAML problems.
    if (source.doc.errors.length > 0) {
      for (const error of source.doc.errors) source.problem(yamlMessage(error, source.text), error.pos)
      return EMPTY
    }
    let data: unknown
    try {
      data = source.doc.toJS({ maxAliasCount: 100 })
    } catch (error) {
      source.problem(`The rulebook cannot be read: ${(error as Error).message}`, [0, 1])
      return EMPTY
    }
    if (data === null || data === undefined) data = {}
    if (!isRecord(data)) {
      source.problem(
        'A rulebook is a list of settings, one per line, such as “language: nl” and “rules:”',
        source.rangeOf({ path: [], at: 'value' }),
      )
      return EMPTY
    }

    // 2. The schema.
    for (const issue of validatorFor(this.builtins).validate(data)) {
      source.problem(issue.message, source.rangeOf(issue))
    }

    // 3. What this file extends.
    const layers: Layer[] = []
    const customIds = new Set<string>()
    const seen = new Set<string>()
    const add = (loaded: Loaded) => {
      for (const layer of loaded.layers) {
        if (seen.has(layer.id)) continue
        seen.add(layer.id)
        layers.push(layer)
      }
      for (const id of loaded.customIds) customIds.add(id)
    }
    const entries = typeof data.extends === 'string' ? [data.extends] : data.extends
    if (Array.isArray(entries)) {
      entries.forEach((entry, index) => {
        if (typeof entry !== 'string' || entry === '') return
        const path = typeof data.extends === 'string' ? ['extends'] : ['extends', String(index)]
        add(this.#extends(source, entry, path, stack))
      })
    }

    // 4. Checks the schema cannot make.
    const custom = isRecord(data.custom) ? data.custom : {}
    for (const id of Object.keys(custom)) {
      customIds.add(id)
      if (this.#builtinIds.has(id) || (Object.values(ENGINE_RULES) as string[]).includes(id)) {
        source.problem(
          this.#builtinIds.has(id)
            ? `“${id}” is already a built-in rule: give your custom rule another id (such as “${id}-extra”), or set the built-in one under “rules:”`
            : `“${id}” is reserved by post-lint itself: give your custom rule another id`,
          source.rangeOf({ path: ['custom'], at: 'key', key: id }),
        )
      }
      const rule = custom[id]
      if (
        isRecord(rule) &&
        rule.type === 'pattern' &&
        typeof rule.pattern === 'string' &&
        rule.pattern !== ''
      ) {
        const flags = typeof rule.flags === 'string' && /^[ims]*$/.test(rule.flags) ? rule.flags : ''
        const problem = patternProblem(rule.pattern, flags)
        if (problem) {
          source.problem(
            `The pattern of “${id}” cannot be used: ${problem.reason}`,
            patternRange(source, ['custom', id, 'pattern'], rule.pattern, problem.index),
          )
        }
      }
    }
    const known = new Set([...this.#builtinIds, ...customIds])
    const checkRuleIds = (rules: unknown, path: string[]) => {
      if (!isRecord(rules)) return
      for (const id of Object.keys(rules)) {
        if (known.has(id) || !/^[a-z][a-z0-9-]*$/.test(id)) continue
        const hint = didYouMean(id, known)
        source.problem(
          `Unknown rule “${id}”${hint ? ` — did you mean “${hint}”?` : '; define it under “custom:” or see `post-lint rules` for the built-in ones'}`,
          source.rangeOf({ path, at: 'key', key: id }),
        )
      }
    }
    checkRuleIds(data.rules, ['rules'])
    if (Array.isArray(data.overrides)) {
      data.overrides.forEach((override, index) => {
        if (isRecord(override)) checkRuleIds(override.rules, ['overrides', String(index), 'rules'])
      })
    }
    if (Array.isArray(data.accounts)) {
      const first = new Map<string, number>()
      data.accounts.forEach((account, index) => {
        if (!isRecord(account) || typeof account.id !== 'string') return
        const earlier = first.get(account.id)
        if (earlier === undefined) {
          first.set(account.id, index)
          return
        }
        const range = source.rangeOf({ path: ['accounts', String(earlier), 'id'], at: 'value' })
        source.problem(
          `Two accounts have the id “${account.id}” (the other is on line ${source.lines.position(range[0]).line}): give each account its own id`,
          source.rangeOf({ path: ['accounts', String(index), 'id'], at: 'value' }),
        )
      })
    }

    add({ layers: [{ id: source.path, preset: false, data: normalise(data) }], customIds: new Set() })
    return { layers, customIds }
  }

  #extends(source: Source, specifier: string, path: string[], stack: readonly string[]): Loaded {
    const where = () => source.rangeOf({ path, at: 'value' })
    if (isPresetName(specifier)) {
      const preset = presets[specifier]
      if (!preset) {
        const hint = didYouMean(specifier, PRESET_NAMES)
        source.problem(
          `Unknown preset “${specifier}”${hint ? ` — did you mean “${hint}”?` : '.'} The presets are ${PRESET_NAMES.join(', ')}; another rulebook file is named by its path, such as ./${specifier}.yml`,
          where(),
        )
        return EMPTY
      }
      return { layers: [{ id: `preset:${specifier}`, preset: true, data: preset }], customIds: new Set() }
    }
    let found: { path: string; text: string } | undefined
    try {
      found = this.loader(specifier, source.path)
    } catch (error) {
      source.problem(`Cannot read “${specifier}”: ${(error as Error).message}`, where())
      return EMPTY
    }
    if (!found) {
      source.problem(
        `Cannot find the rulebook “${specifier}” that this one extends (paths are relative to this file)`,
        where(),
      )
      return EMPTY
    }
    if (stack.includes(found.path)) {
      const loop = [...stack.slice(stack.indexOf(found.path)), found.path].map((file) => this.#display(file))
      source.problem(`“extends” goes round in a circle: ${loop.join(' → ')}`, where())
      return EMPTY
    }
    return this.file(found.path, found.text, stack)
  }
}

/** The range of a pattern's value, narrowed to the offending part when the source shows it as is. */
function patternRange(
  source: Source,
  path: string[],
  pattern: string,
  index: number | undefined,
): [number, number] {
  const [start, end] = source.rangeOf({ path, at: 'value' })
  if (index === undefined) return [start, end]
  const raw = source.text.slice(start, end)
  const offset = raw === pattern ? 0 : raw === `'${pattern}'` || raw === `"${pattern}"` ? 1 : -1
  if (offset < 0) return [start, end]
  return [start + offset + index, end - offset]
}

function yamlMessage(error: { code: string; message: string; pos: [number, number] }, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = text
        .slice(error.pos[0])
        .match(/^[^:\r\n]*/)?.[0]
        ?.trim()
      return `“${key ?? '?'}” is written twice here: keep one (post-lint will not guess which one you mean)`
    }
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs (YAML does not allow tabs for indentation)'
    default:
      return `This is not valid YAML: ${error.message.split('\n')[0]}`
  }
}

const dedupe = <T>(values: readonly T[]): T[] => [...new Set(values)]

/** A validated file's data as merging wants it: no empty sections, texts complete. */
function normalise(data: Record<string, unknown>): RulebookFile {
  const file: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data))
    if (value !== null && value !== undefined) file[key] = value
  delete file.extends
  if (isRecord(file.custom)) {
    const custom: Record<string, CustomRule> = {}
    for (const [id, rule] of Object.entries(file.custom as Record<string, CustomRule>)) {
      const message = rule.message as unknown
      // `{ nl: … }` alone is fine to write; the engine falls back to `en`.
      custom[id] =
        isRecord(message) && typeof message.en !== 'string' && typeof message.nl === 'string'
          ? { ...rule, message: { en: message.nl, nl: message.nl } }
          : rule
    }
    file.custom = custom
  }
  return file as RulebookFile
}

const ORGANISATION_LISTS = ['names', 'domains', 'phones', 'ibans', 'emails', 'addresses'] as const

/** Merge a chain of layers (see the top of this file). */
function merge(filePath: string, layers: readonly Layer[]): ResolvedRulebook {
  const resolved = defaultRulebook()
  resolved.filePath = filePath
  const accounts = new Map<string, Account>()
  for (const { id, preset, data } of layers) {
    if (!preset) resolved.files.push(id)
    if (data.language) resolved.language = data.language as Lang
    if (data.organisation) {
      const organisation: Organisation = resolved.organisation
      for (const [key, value] of Object.entries(data.organisation)) {
        if ((ORGANISATION_LISTS as readonly string[]).includes(key)) {
          const list = key as (typeof ORGANISATION_LISTS)[number]
          organisation[list] = dedupe([...(organisation[list] ?? []), ...(value as string[])])
        } else if (value !== undefined) {
          ;(organisation as Record<string, unknown>)[key] = value
        }
      }
    }
    if (data.watch) resolved.watch = dedupe([...resolved.watch, ...data.watch])
    for (const account of data.accounts ?? []) accounts.set(account.id, account)
    // Per rule id; a severity alone keeps the options set before it (as in ESLint and overrides).
    for (const [ruleId, setting] of Object.entries((data.rules ?? {}) as Record<string, RuleSetting>)) {
      resolved.rules[ruleId] = mergeSetting(resolved.rules[ruleId], setting)
    }
    for (const [ruleId, rule] of Object.entries(data.custom ?? {}))
      resolved.custom[ruleId] = { ...rule, source: id }
    for (const override of data.overrides ?? []) {
      resolved.overrides.push({ ...(override as Override), base: folderOf(id) })
    }
  }
  resolved.accounts = [...accounts.values()]
  return resolved
}

/**
 * Load a rulebook file: its text, its path (for messages, `extends:` and
 * `overrides:`), a loader for the files it extends, and the built-in rules.
 * Throws a RulebookError with every problem found.
 */
export function loadRulebook(
  text: string,
  filePath: string,
  loader: RulebookLoader,
  builtins: readonly Rule[],
): ResolvedRulebook {
  const load = new Load(loader, builtins, filePath)
  const { layers } = load.file(filePath, text, [])
  if (load.problems.length > 0) throw new RulebookError(filePath, sortProblems(filePath, load.problems))
  return merge(filePath, layers)
}

/** The loaded file's problems first, then those of the files it extends; each by position. */
function sortProblems(filePath: string, problems: RulebookProblem[]): RulebookProblem[] {
  const files = [filePath, ...dedupe(problems.map((problem) => problem.filePath ?? filePath))]
  const rank = (problem: RulebookProblem) => files.indexOf(problem.filePath ?? filePath)
  return [...problems].sort(
    (a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || a.endLine - b.endLine,
  )
}

/** A rulebook of built-in defaults only (no file). */
export function defaultRulebook(): ResolvedRulebook {
  return {
    filePath: undefined,
    files: [],
    organisation: {},
    watch: [],
    accounts: [],
    rules: {},
    custom: {},
    overrides: [],
  }
}
