/**
 * The organisation rulebook (`post-lint.yml`): its format as written, and
 * what loading and compiling it produce. See docs/rulebook.md.
 *
 * Pure: nothing here reads files. The Node edge passes a loader for
 * `extends:` and the paths of drafts for `overrides:`.
 */
import type { Lang, LintConfig, LocalText, Rule, RuleSetting, SeveritySetting } from '@post-lint/core'

/** The organisation's own details: allowed in posts (not personal data). */
export interface Organisation {
  name?: string
  /** Other names and spellings of the organisation. */
  names?: string[]
  /** Its web and e-mail domains: any address at these domains is the organisation's. */
  domains?: string[]
  /** Its own phone numbers (front desk, helpline). */
  phones?: string[]
  /** Its own bank accounts (donations). */
  ibans?: string[]
  /** Its own e-mail addresses that look personal (e.g. a named coordinator who agreed). */
  emails?: string[]
  /** Its own street addresses (the community centre). */
  addresses?: string[]
  /** Where account passwords live (e.g. "Bitwarden: Sociale media"); `doctor` checks accounts against it. */
  vault?: string
}

/** One social media account in the register. */
export interface Account {
  /** How drafts refer to it: frontmatter `account: <id>`. */
  id: string
  platform: string
  handle: string
  /** At least two people, so the account survives a colleague leaving. */
  owners: string[]
  /** Where its password is kept; should be the organisation's vault. */
  vault?: string
  /** Platform limits that differ from the defaults (e.g. a verified X account). */
  limits?: { length?: number; hashtags?: number }
  /** Never a password here: `doctor` reports any. */
  [key: string]: unknown
}

interface CustomBase {
  /** Default `warning`. */
  severity?: SeveritySetting
  /** `{actual}` is replaced by the matched text. A text, or `{ nl, en }`. */
  message?: LocalText
  /** Only for drafts in this language (default: every language). */
  lang?: Lang
  /** Why: shown with the finding and on `post-lint explain`. */
  note?: string
  /** Every custom rule may carry examples; `post-lint test` runs them. */
  examples?: { flag?: string[]; pass?: string[] }
}

/** Words or phrases to flag; inflections and case handled. */
export interface AvoidRule extends CustomBase {
  type: 'avoid'
  phrases: string[]
  suggest?: string[]
}

/** Term → preferred term(s); fixable with the first. */
export interface ReplaceRule extends CustomBase {
  type: 'replace'
  replace: Record<string, string | string[]>
}

/** A regular expression, run with RE2 semantics (linear time: no rulebook can hang an editor). */
export interface PatternRule extends CustomBase {
  type: 'pattern'
  pattern: string
  /** `i` for case-insensitive. */
  flags?: string
  suggest?: string[]
}

/** Frontmatter fields a draft must carry, optionally only `when` other fields have given values. */
export interface RequireRule extends CustomBase {
  type: 'require'
  fields: string[]
  /** All must hold: field → value or list of values (e.g. `{ status: ready }`, `{ role: intern }`). */
  when?: Record<string, string | number | boolean | Array<string | number | boolean>>
}

export type CustomRule = AvoidRule | ReplaceRule | PatternRule | RequireRule

/** Other settings for drafts matching `files` (globs relative to the rulebook's folder). */
export interface Override {
  files: string | string[]
  language?: Lang
  rules?: Record<string, RuleSetting>
}

/** A rulebook file as written (after schema validation). */
export interface RulebookFile {
  extends?: string | string[]
  language?: Lang
  organisation?: Organisation
  /** Names that always get a second look (rule `watch`). */
  watch?: string[]
  accounts?: Account[]
  rules?: Record<string, RuleSetting>
  custom?: Record<string, CustomRule>
  overrides?: Override[]
}

/** A rulebook with its `extends:` chain merged (later entries and the file itself win). */
export interface ResolvedRulebook {
  /** The rulebook file itself; undefined for built-in defaults only. */
  filePath: string | undefined
  /** Every file involved, the rulebook last: for caches and for watching. */
  files: string[]
  language?: Lang
  organisation: Organisation
  watch: string[]
  accounts: Account[]
  rules: Record<string, RuleSetting>
  /** Custom rules by id, with the file that defined them. */
  custom: Record<string, CustomRule & { source: string }>
  /** `base`: the folder of the file that defined the override (globs are relative to it). */
  overrides: Array<Override & { base: string }>
}

/** A resolved rulebook turned into rules and per-draft configuration. */
export interface CompiledRulebook {
  rulebook: ResolvedRulebook
  /** Built-in rules (with organisation data applied), `watch`, `account`, and the custom rules. */
  rules: Rule[]
  /**
   * The configuration for one draft (absolute path), with matching overrides
   * applied. Frozen, and the same object for every draft that matches the same
   * overrides: key linters and caches on it.
   */
  configFor(filePath: string | undefined): LintConfig
}

/**
 * Reads a rulebook that another one extends. `specifier` is what `extends:`
 * says (a relative path); `from` is the file that says it. Returns the
 * resolved path and its text, or undefined when there is no such file.
 */
export type RulebookLoader = (specifier: string, from: string) => { path: string; text: string } | undefined

/** One mistake in a rulebook; lines and columns are 1-based, `endColumn` exclusive. */
export interface RulebookProblem {
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The file the mistake is in: the rulebook loaded, or a file of its `extends:` chain. */
  filePath?: string
}

/** One finding of `post-lint doctor`. */
export interface DoctorFinding {
  severity: 'error' | 'warning'
  message: string
  /** Position in the rulebook file, when there is one. */
  filePath?: string
  line?: number
  column?: number
}

/** One example run by `post-lint test`. */
export interface ExampleResult {
  ruleId: string
  kind: 'flag' | 'pass'
  text: string
  ok: boolean
  /** What went wrong, for a writer: e.g. "expected a finding, got none". */
  problem?: string
  /** Where the example is written (rulebook file or rules/<id>/rule.yml). */
  source: string
}
