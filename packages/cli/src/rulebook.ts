/**
 * The rulebook commands' one door into @post-lint/node: find the rulebook,
 * load and compile it, and the rulebook API (testRulebook, doctor, the
 * built-in rules' data). Loaded lazily, by the commands only.
 */
import { stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Lang, Rule } from '@post-lint/core'
import { type CompiledRulebook, PostLint, RULEBOOK_NAMES } from '@post-lint/node'
import { type Io, UsageProblem } from './io.js'

export { doctor, ruleData, testRulebook } from '@post-lint/node'

/** The rulebook in effect, compiled. */
export interface OpenRulebook {
  /** Absolute path of the rulebook file; undefined: built-in defaults only. */
  path: string | undefined
  compiled: CompiledRulebook
  /** The built-in rules (before the rulebook applies its organisation data). */
  builtins: readonly Rule[]
  engine: PostLint
}

/**
 * Find and compile the rulebook: `file` if given, else the nearest one from
 * the working folder up; with `required`, none found is a usage problem.
 */
export async function openRulebook(
  io: Io,
  command: string,
  options: { file?: string | undefined; noConfig?: boolean; required?: boolean },
): Promise<OpenRulebook> {
  let path: string | undefined
  if (options.file !== undefined) {
    path = resolve(io.cwd, options.file)
    const info = await stat(path).catch(() => undefined)
    if (!info) throw new UsageProblem(`${command}: no such rulebook file: ${options.file}`)
    if (info.isDirectory()) {
      path = await findIn(path)
      if (!path)
        throw new UsageProblem(
          `${command}: no rulebook in ${options.file} (looked for ${RULEBOOK_NAMES.join(' and ')})`,
        )
    }
  }
  const engine = new PostLint({
    cwd: io.cwd,
    ...(path ? { configFile: path } : {}),
    noConfig: options.noConfig === true,
  })
  if (!path && !options.noConfig) path = await engine.rulebookFor(join(io.cwd, '(draft).md'))
  if (!path && options.required) {
    throw new UsageProblem(
      `${command}: no rulebook found: no ${RULEBOOK_NAMES.join(' or ')} in ${io.cwd} or the folders above it. Name one (post-lint ${command} path/to/post-lint.yml) or create one with post-lint init.`,
    )
  }
  const compiled = engine.compiled(path)
  return { path, compiled, builtins: engine.rules, engine }
}

async function findIn(directory: string): Promise<string | undefined> {
  for (const name of RULEBOOK_NAMES) {
    const candidate = join(directory, name)
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate
  }
  return undefined
}

/** A path as the user sees it: relative to the working folder when inside it. */
export function display(io: Io, path: string): string {
  if (!isAbsolute(path)) return path
  const rel = relative(io.cwd, path)
  return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) ? rel : path
}

/** The language to explain rules in: --lang, else the rulebook's, else the locale's. */
export function languageFor(io: Io, command: string, flag: unknown, rulebook: { language?: Lang }): Lang {
  if (flag !== undefined) {
    const lang = String(flag).trim().toLowerCase()
    if (lang !== 'nl' && lang !== 'en')
      throw new UsageProblem(`${command}: --lang must be nl or en, not “${flag}”`)
    return lang
  }
  if (rulebook.language) return rulebook.language
  const locale = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG || ''
  return /^nl([_-]|$)/i.test(locale) ? 'nl' : 'en'
}

/** Where a rule comes from, for `rules` and `explain`. */
export type RuleSource = { kind: 'built-in' } | { kind: 'custom'; file: string } | { kind: 'rulebook' }

export function sourceOf(rulebook: OpenRulebook, id: string): RuleSource {
  const custom = rulebook.compiled.rulebook.custom[id]
  if (custom) return { kind: 'custom', file: custom.source }
  if (rulebook.builtins.some((rule) => rule.meta.id === id)) return { kind: 'built-in' }
  return { kind: 'rulebook' }
}

/**
 * `custom (post-lint.yml)`: the file named as `extends:` would name it, from
 * the rulebook in effect (its own name for the rulebook itself).
 */
export function sourceLabel(rulebook: OpenRulebook, source: RuleSource): string {
  if (source.kind !== 'custom') return source.kind
  if (!rulebook.path || !isAbsolute(source.file)) return `custom (${source.file})`
  if (source.file === rulebook.path) return `custom (${basename(source.file)})`
  return `custom (${relative(dirname(rulebook.path), source.file)})`
}
