/**
 * The filesystem edge: find drafts, honour ignore files, find and read the
 * nearest rulebook (and the files it extends), and lint files with a linter
 * per rulebook and configuration.
 *
 * A rulebook file is loaded and compiled once; each draft gets the
 * configuration `compiled.configFor(draft)` (its overrides applied), and each
 * distinct configuration one Linter, made with the rulebook's compiled rules.
 */
import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { builtinRules } from '@post-lint/checks'
import type { FileType, LintConfig, LintMessage, Rule, RuleSetting } from '@post-lint/core'
import { didYouMean, Linter } from '@post-lint/core'
import {
  type CompiledRulebook,
  compileRulebook,
  defaultRulebook,
  loadRulebook,
  mergeSetting,
  RulebookError,
  type RulebookLoader,
} from '@post-lint/rulebook'
import ignore, { type Ignore } from 'ignore'
import { glob, isDynamicPattern } from 'tinyglobby'
import { hashText } from './cache.js'
import { UsageError } from './errors.js'

export { builtinRules, normalizePlatform, ruleData } from '@post-lint/checks'
export {
  type Account,
  type AllowTerm,
  allowTerm,
  type CompiledRulebook,
  type CustomRule,
  compileRulebook,
  type DoctorFinding,
  defaultRulebook,
  doctor,
  type ExampleResult,
  loadRulebook,
  type Organisation,
  type Override,
  PRESET_NAMES,
  presets,
  type ResolvedRulebook,
  RulebookError,
  type RulebookFile,
  type RulebookProblem,
  schemaFor,
  testRulebook,
} from '@post-lint/rulebook'
export { type WriteOptions, writeFileAtomic } from './files.js'

/** Rulebook file names, in order of preference, looked for in each folder up from a draft. */
export const RULEBOOK_NAMES = ['post-lint.yml', '.post-lint.yml'] as const
/** Files post-lint lints when given a folder. */
export const DRAFT_EXTENSIONS = ['md', 'markdown', 'txt'] as const
const IGNORE_FILES = ['.gitignore', '.postlintignore'] as const
const ALWAYS_SKIPPED = new Set(['node_modules', '.git'])

export { DEFAULT_CACHE_FILE, hashText, linesOfFindings, ResultCache } from './cache.js'
export {
  autoThresholds,
  autoWorkers,
  type LintFilesOptions,
  lintFiles,
  readDraft,
  workersPayOff,
} from './run.js'
export { inShard, parseShard, type Shard } from './shard.js'
export { HEAP_GROWING_PERCENT, INTERRUPT_BUDGET_FACTOR, tuneV8, v8Tuned } from './v8.js'
export { UsageError }

export interface FileResult {
  filePath: string
  messages: LintMessage[]
  /** The linted text (without BOM) with every secret masked: what formatters may show of the draft. */
  source: string
  lang: string
  rulebook: string | undefined
  /** Taken from `--cache`, not linted again. */
  cached?: boolean
}

export interface EngineOptions {
  cwd?: string
  /** An explicit rulebook file (`--config`); no discovery then. */
  configFile?: string
  /** Ignore rulebook files entirely (`--no-config`). */
  noConfig?: boolean
  /** Severity overrides on top of any rulebook (`--rule id:severity`). */
  ruleOverrides?: Record<string, RuleSetting>
  rules?: readonly Rule[]
}

const isDraft = (path: string) => new RegExp(`\\.(${DRAFT_EXTENSIONS.join('|')})$`, 'i').test(path)

/**
 * Reads the rulebooks a rulebook extends: `specifier` relative to the folder
 * of the file that names it; a folder means the rulebook in it. Undefined
 * when there is no such file.
 */
export const fileLoader: RulebookLoader = (specifier, from) => {
  const target = resolve(dirname(from), specifier)
  const candidates = statSync(target, { throwIfNoEntry: false })?.isDirectory()
    ? RULEBOOK_NAMES.map((name) => join(target, name))
    : [target]
  for (const path of candidates) {
    try {
      return { path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') continue
      throw new Error(code ?? String(error))
    }
  }
  return undefined
}

/** JSON with object keys sorted: equal configurations give equal keys. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

export class PostLint {
  readonly cwd: string
  /** The built-in rules (a rulebook's compiled rules add organisation data and custom rules). */
  readonly rules: readonly Rule[]
  readonly #options: EngineOptions
  /** Per configuration object (one per rulebook and set of matching overrides): its cache key, linter, `--rule`. */
  readonly #configKeys = new WeakMap<LintConfig, string>()
  readonly #linterOf = new WeakMap<LintConfig, Linter>()
  readonly #withOverrides = new WeakMap<LintConfig, LintConfig>()
  readonly #rulebookFor = new Map<string, Promise<string | undefined>>()
  readonly #compiled = new Map<string, CompiledRulebook>()
  readonly #linters = new Map<string, Linter>()

  constructor(options: EngineOptions = {}) {
    this.cwd = resolve(options.cwd ?? process.cwd())
    this.rules = options.rules ?? builtinRules
    this.#options = options
  }

  /** The rulebook that applies to a draft, or undefined. */
  async rulebookFor(filePath: string): Promise<string | undefined> {
    if (this.#options.noConfig) return undefined
    if (this.#options.configFile) return resolve(this.cwd, this.#options.configFile)
    return this.#findUp(dirname(resolve(this.cwd, filePath)))
  }

  #findUp(directory: string): Promise<string | undefined> {
    let found = this.#rulebookFor.get(directory)
    if (!found) {
      found = (async () => {
        for (const name of RULEBOOK_NAMES) {
          const candidate = join(directory, name)
          if (await isFile(candidate)) return candidate
        }
        const parent = dirname(directory)
        return parent === directory ? undefined : this.#findUp(parent)
      })()
      this.#rulebookFor.set(directory, found)
    }
    return found
  }

  /**
   * A rulebook file loaded (with everything it extends) and compiled, once per
   * file; undefined: the built-in defaults. Throws RulebookError (every
   * mistake, with file:line:column) or UsageError (unreadable file).
   */
  compiled(rulebook: string | undefined): CompiledRulebook {
    const path = rulebook === undefined ? undefined : resolve(this.cwd, rulebook)
    const key = path ?? ''
    let compiled = this.#compiled.get(key)
    if (!compiled) {
      let resolved = defaultRulebook()
      if (path) {
        let text: string
        try {
          text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
        } catch (error) {
          throw new UsageError(
            `Cannot read the rulebook ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
          )
        }
        resolved = loadRulebook(text, path, fileLoader, this.rules)
      }
      compiled = compileRulebook(resolved, this.rules)
      this.#compiled.set(key, compiled)
    }
    return compiled
  }

  /**
   * The configuration for a draft (absolute path, or undefined for unnamed stdin), `--rule` applied.
   * Drafts with the same settings get the same object (see `configResolver`).
   */
  configFor(rulebook: string | undefined, draft: string | undefined): LintConfig {
    const compiled = this.compiled(rulebook)
    const config = compiled.configFor(draft)
    let applied = this.#withOverrides.get(config)
    if (!applied) {
      applied = this.#applyOverrides(compiled, config)
      this.#withOverrides.set(config, applied)
    }
    return applied
  }

  /** `--rule` on top of a rulebook's configuration. */
  #applyOverrides(compiled: CompiledRulebook, base: LintConfig): LintConfig {
    let config = base
    const overrides = this.#options.ruleOverrides
    if (overrides && Object.keys(overrides).length > 0) {
      // Any rule this rulebook has: built-in, watch/account, or its own custom rules.
      const known = new Set(compiled.rules.map((rule) => rule.meta.id))
      const rules = { ...config.rules }
      for (const [id, setting] of Object.entries(overrides)) {
        if (!known.has(id)) {
          const hint = didYouMean(id, known)
          throw new UsageError(`--rule: unknown rule “${id}”${hint ? ` — did you mean “${hint}”?` : ''}`)
        }
        // `--rule id:severity` changes the severity; the rulebook's options stay.
        rules[id] = rules[id] === undefined ? setting : mergeSetting(rules[id], setting)
      }
      config = { ...config, rules }
    }
    return config
  }

  /** The linter for a draft under a rulebook: one per distinct configuration. Throws RulebookError. */
  linterFor(rulebook: string | undefined, draft?: string): Linter {
    const compiled = this.compiled(rulebook)
    const config = this.configFor(rulebook, draft)
    let linter = this.#linterOf.get(config)
    if (linter) return linter
    const key = `${rulebook === undefined ? '' : resolve(this.cwd, rulebook)}\u0000${stableKey(config)}`
    linter = this.#linters.get(key)
    if (!linter) {
      linter = new Linter({ rules: compiled.rules, config })
      this.#linters.set(key, linter)
    }
    this.#linterOf.set(config, linter)
    return linter
  }

  /** The options this engine was made with (worker threads make their own engine from them). */
  get options(): EngineOptions {
    return this.#options
  }

  /**
   * Everything besides its text that decides a draft's findings, as a hash:
   * the resolved rulebook (with all it extends), the settings for this path,
   * `--rule`. For `--cache`.
   */
  configKey(rulebook: string | undefined, draft: string): string {
    const compiled = this.compiled(rulebook)
    const settings = this.configFor(rulebook, draft)
    let hash = this.#configKeys.get(settings)
    if (!hash) {
      hash = hashText(
        stableKey({
          rulebook: compiled.rulebook,
          config: stableKey(settings),
          own: this.rules === builtinRules ? 'builtin' : 'custom',
        }),
      )
      this.#configKeys.set(settings, hash)
    }
    return hash
  }

  async lintText(text: string, filePath: string | undefined): Promise<FileResult> {
    const absolute = filePath ? resolve(this.cwd, filePath) : undefined
    const rulebook = await this.rulebookFor(absolute ?? join(this.cwd, 'stdin.md'))
    const linter = this.linterFor(rulebook, absolute)
    const options: { filePath?: string; fileType?: FileType } = absolute ? { filePath: absolute } : {}
    const result = await linter.lint(text, options)
    return {
      filePath: absolute ?? '<stdin>',
      messages: result.messages,
      // What outputs may show of the draft: secrets masked on every line.
      source: result.masked,
      lang: result.lang,
      rulebook,
    }
  }

  async lintFile(filePath: string): Promise<FileResult> {
    const absolute = resolve(this.cwd, filePath)
    const text = await readFile(absolute, 'utf8')
    return this.lintText(text, absolute)
  }

  /** Drafts named by paths, folders and globs, minus ignored ones, sorted. */
  async findFiles(patterns: readonly string[]): Promise<{ files: string[]; ignored: string[] }> {
    const list = patterns.length > 0 ? patterns : ['.']
    const files = new Set<string>()
    const ignored: string[] = []
    const filter = new IgnoreFilter(this.cwd)
    for (const pattern of list) {
      const absolute = resolve(this.cwd, pattern)
      const info = await stat(absolute).catch(() => undefined)
      if (info?.isDirectory()) {
        for (const file of await walk(absolute, filter)) files.add(file)
      } else if (info?.isFile()) {
        if (await filter.ignores(absolute)) ignored.push(absolute)
        else files.add(absolute)
      } else if (isDynamicPattern(pattern)) {
        const matches = await glob(pattern, {
          cwd: this.cwd,
          absolute: true,
          dot: false,
          ignore: ['**/node_modules/**', '**/.git/**'],
        })
        let any = false
        for (const match of matches.filter(isDraft)) {
          any = true
          if (!(await filter.ignores(match))) files.add(match)
        }
        if (!any)
          throw new UsageError(`No drafts match “${pattern}” (post-lint lints .md, .markdown and .txt files)`)
      } else {
        throw new UsageError(`No such file or folder: ${pattern}`)
      }
    }
    return { files: [...files].sort(), ignored }
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false
}

/** Reads .gitignore / .postlintignore files per folder, from the repository root down. */
class IgnoreFilter {
  readonly #root: string
  readonly #perDirectory = new Map<string, Promise<Ignore | undefined>>()

  constructor(cwd: string) {
    this.#root = cwd
  }

  #rulesIn(directory: string): Promise<Ignore | undefined> {
    let rules = this.#perDirectory.get(directory)
    if (!rules) {
      rules = (async () => {
        let found: Ignore | undefined
        for (const name of IGNORE_FILES) {
          const text = await readFile(join(directory, name), 'utf8').catch(() => undefined)
          if (text !== undefined) found = (found ?? ignore()).add(text)
        }
        return found
      })()
      this.#perDirectory.set(directory, rules)
    }
    return rules
  }

  readonly #chains = new Map<string, Promise<string[]>>()

  /** Folders whose ignore files apply to `path`: from the repository root (or cwd) down. */
  #chain(path: string): Promise<string[]> {
    const start = dirname(path)
    let chain = this.#chains.get(start)
    if (!chain) {
      chain = this.#computeChain(start)
      this.#chains.set(start, chain)
    }
    return chain
  }

  async #computeChain(start: string): Promise<string[]> {
    const chain: string[] = []
    let directory = start
    for (;;) {
      chain.unshift(directory)
      if (await isDirectory(join(directory, '.git'))) break
      const parent = dirname(directory)
      if (parent === directory) break
      directory = parent
    }
    // Outside a repository, only folders from the cwd down count.
    if (!(await isDirectory(join(chain[0]!, '.git')))) {
      return chain.filter((folder) => folder === this.#root || folder.startsWith(this.#root + sep))
    }
    return chain
  }

  async ignores(path: string, isDir = false): Promise<boolean> {
    for (const directory of await this.#chain(path)) {
      const rules = await this.#rulesIn(directory)
      if (!rules) continue
      const relativePath = relative(directory, path).split(sep).join('/')
      if (!relativePath || relativePath.startsWith('..') || isAbsolute(relativePath)) continue
      if (rules.ignores(isDir ? `${relativePath}/` : relativePath)) return true
    }
    return false
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false
}

async function walk(directory: string, filter: IgnoreFilter): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(directory, { withFileTypes: true })
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue
    const path = join(directory, entry.name)
    if (entry.isDirectory()) {
      if (!(await filter.ignores(path, true))) found.push(...(await walk(path, filter)))
    } else if (entry.isFile() && isDraft(entry.name) && !(await filter.ignores(path))) {
      found.push(path)
    }
  }
  return found
}

/** Is this error one the user can fix (bad rulebook, bad path)? */
export function isUserError(error: unknown): error is UsageError | RulebookError {
  return error instanceof UsageError || error instanceof RulebookError
}
