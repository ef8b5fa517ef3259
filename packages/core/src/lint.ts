import { detectLang, parseLang } from './language.js'
import { CONTROL_DIRECTIVES, fileTypeOf, type ParsedDraft, parseDraft, toNaturalLanguage } from './parse.js'
import { PhraseIndex } from './phrases.js'
import { DOCS_ROOT, didYouMean, docsUrl, localize } from './text.js'
import type {
  FileType,
  Lang,
  LintConfig,
  LintMessage,
  LintResult,
  LocalText,
  Report,
  Rule,
  RuleContext,
  RuleSetting,
  Severity,
  SeveritySetting,
} from './types.js'
import { LANGS, SEVERITIES } from './types.js'

/** Rule ids the engine itself reports under. */
export const ENGINE_RULES = {
  controlComment: 'control-comment',
  frontmatter: 'frontmatter',
  ruleCrash: 'rule-crash',
} as const

const ENGINE_RULE_IDS: ReadonlySet<string> = new Set(Object.values(ENGINE_RULES))

/** Engine messages are documented together in docs/engine-messages.md. */
function urlFor(ruleId: string): string {
  return ENGINE_RULE_IDS.has(ruleId) ? `${DOCS_ROOT}docs/engine-messages.md#${ruleId}` : docsUrl(ruleId)
}

const TEXTS = {
  unknownRule: {
    en: 'Unknown rule “{id}” in a post-lint comment{hint}; the comment does nothing for it.',
    nl: 'Onbekende regel “{id}” in een post-lint-opmerking{hint}; de opmerking doet er niets mee.',
  },
  hint: { en: ' (did you mean “{name}”?)', nl: ' (bedoel je “{name}”?)' },
  unknownDirective: {
    en: 'Unknown post-lint comment “{name}”{hint}: it switches nothing off. Use post-lint-disable, -enable, -disable-line or -disable-next-line.',
    nl: 'Onbekende post-lint-opmerking “{name}”{hint}: die zet niets uit. Gebruik post-lint-disable, -enable, -disable-line of -disable-next-line.',
  },
  frontmatter: {
    en: 'The frontmatter at the top is not valid YAML: {detail}.',
    nl: 'De frontmatter bovenaan is geen geldige YAML: {detail}.',
  },
  frontmatterShape: {
    en: 'The frontmatter at the top should be “key: value” lines, such as “lang: nl”.',
    nl: 'De frontmatter bovenaan hoort uit regels “sleutel: waarde” te bestaan, zoals “lang: nl”.',
  },
  badLang: {
    en: 'Unknown language “{value}”: post-lint checks nl and en; this draft is checked as {lang}.',
    nl: 'Onbekende taal “{value}”: post-lint controleert nl en en; dit concept wordt als {lang} gecontroleerd.',
  },
  crash: {
    en: 'post-lint could not run rule “{id}” on this draft ({detail}); other rules did run.',
    nl: 'post-lint kon regel “{id}” niet uitvoeren op dit concept ({detail}); de andere regels zijn wel uitgevoerd.',
  },
} satisfies Record<string, LocalText>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface LinterOptions {
  rules: readonly Rule[]
  config?: LintConfig
}

export interface LintFileOptions {
  filePath?: string
  fileType?: FileType
  /** Overrides frontmatter and config. */
  language?: Lang
}

interface ActiveRule {
  rule: Rule
  severity: Severity
  options: Record<string, unknown>
}

/** Read a severity setting: `'warning'`, `['error', {…}]`, also ESLint-style `warn`, `0–2`. */
export function readSetting(
  setting:
    | RuleSetting
    | number
    | 'warn'
    | [SeveritySetting | number | 'warn', Record<string, unknown>?]
    | undefined,
): {
  severity: SeveritySetting | undefined
  options: Record<string, unknown>
} {
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined]
  const normalized =
    level === 'warn'
      ? 'warning'
      : typeof level === 'number'
        ? (['off', 'warning', 'error'] as const)[level]
        : level
  // A number other than 0, 1 or 2 (or an empty array) is a mistake, not “use the default”.
  const unknown =
    normalized === undefined
      ? level !== undefined || Array.isArray(setting)
      : !SEVERITIES.includes(normalized as SeveritySetting)
  if (unknown) {
    throw new ConfigError(`Unknown severity “${String(level)}”; use off, info, warning or error`)
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ConfigError(`Rule options must be an object, not “${JSON.stringify(options)}”`)
  }
  return { severity: normalized as SeveritySetting | undefined, options: options ?? {} }
}

/**
 * A linter for one set of rules and one configuration. Phrase lists are
 * compiled once per language and reused for every draft.
 */
export class Linter {
  readonly #rules: Map<string, Rule>
  readonly #active: ActiveRule[]
  readonly #config: LintConfig
  readonly #indexes = new Map<Lang, PhraseIndex>()

  constructor(options: LinterOptions) {
    this.#rules = new Map()
    for (const rule of options.rules) {
      const id = rule.meta.id
      // Two rules under one id would both run and report twice; an engine id would be controlled as one.
      if (this.#rules.has(id) || ENGINE_RULE_IDS.has(id)) {
        throw new ConfigError(
          `Rule id “${id}” is ${ENGINE_RULE_IDS.has(id) ? 'reserved by post-lint' : 'used twice'}`,
        )
      }
      this.#rules.set(id, rule)
    }
    this.#config = options.config ?? {}
    if (this.#config.language !== undefined && !LANGS.includes(this.#config.language)) {
      throw new ConfigError(`Unknown language “${String(this.#config.language)}”; use nl or en`)
    }
    const settings = this.#config.rules ?? {}
    for (const id of Object.keys(settings)) {
      if (!this.#rules.has(id)) {
        const name = didYouMean(id, this.#rules.keys())
        throw new ConfigError(`Unknown rule “${id}”${name ? ` — did you mean “${name}”?` : ''}`)
      }
    }
    this.#active = []
    for (const rule of options.rules) {
      const { severity, options: ruleOptions } = readSetting(settings[rule.meta.id])
      const level = severity ?? rule.meta.defaultSeverity
      // The rulebook's options go over the rule's defaults, key by key (as in ESLint).
      const merged = { ...rule.meta.defaultOptions, ...ruleOptions }
      if (level !== 'off') this.#active.push({ rule, severity: level, options: merged })
    }
  }

  /** Every rule this linter knows (active or not). */
  get rules(): readonly Rule[] {
    return [...this.#rules.values()]
  }

  /** Active rules with their severity. */
  get activeRules(): ReadonlyArray<{ id: string; severity: Severity }> {
    return this.#active.map(({ rule, severity }) => ({ id: rule.meta.id, severity }))
  }

  #index(lang: Lang): PhraseIndex {
    let index = this.#indexes.get(lang)
    if (!index) {
      index = new PhraseIndex(
        this.#active
          .filter(({ rule }) => rule.phrases && (!rule.meta.languages || rule.meta.languages.includes(lang)))
          .map(({ rule }) => ({ ruleId: rule.meta.id, phrases: rule.phrases! })),
        lang,
      )
      this.#indexes.set(lang, index)
    }
    return index
  }

  async lint(input: string, options: LintFileOptions = {}): Promise<LintResult> {
    const draft = parseDraft(input, options.fileType ?? fileTypeOf(options.filePath))
    const reports: Array<{
      ruleId: string
      severity: Severity
      report: Report
      sensitive: boolean
      url?: string
      note?: string
    }> = []
    const engine = (ruleId: string, report: Report) =>
      reports.push({ ruleId, severity: 'error', report, sensitive: false, url: urlFor(ruleId) })

    const { lang, langSource } = this.#language(draft, options, engine)

    if (draft.frontmatterProblem) {
      const problem = draft.frontmatterProblem
      engine(ENGINE_RULES.frontmatter, {
        start: problem.start,
        end: problem.end,
        message:
          problem.kind === 'shape'
            ? localize(TEXTS.frontmatterShape, lang)
            : localize(TEXTS.frontmatter, lang, { detail: problem.message.replace(/\.$/, '') }),
      })
    }

    const nlcst = toNaturalLanguage(draft, lang)
    const matches = this.#index(lang).match(nlcst)
    let plain: string | undefined

    for (const active of this.#active) {
      const { rule } = active
      if (rule.meta.languages && !rule.meta.languages.includes(lang)) continue
      const ruleId = rule.meta.id
      const phraseMatches = matches.get(ruleId) ?? []
      const report = (value: Report) =>
        reports.push({
          ruleId,
          severity: active.severity,
          report: value,
          sensitive: rule.meta.sensitive === true,
          ...(rule.meta.url === false ? {} : { url: rule.meta.url ?? docsUrl(ruleId) }),
        })
      const context: RuleContext = {
        ruleId,
        source: draft.text,
        lang,
        filePath: options.filePath,
        frontmatter: draft.frontmatter,
        mdast: draft.mdast,
        nlcst,
        options: active.options,
        phraseMatches,
        blocks: draft.blocks,
        plainText: () => {
          plain ??= draft.blocks.map((block) => block.text).join('\n\n')
          return plain
        },
        t: (text, vars) => localize(text, lang, vars),
        report,
      }
      try {
        if (rule.check) await rule.check(context)
        else reportPhraseMatches(context, rule.meta.message)
      } catch (error) {
        engine(ENGINE_RULES.ruleCrash, {
          start: 0,
          end: 0,
          message: localize(TEXTS.crash, lang, {
            id: ruleId,
            detail: error instanceof Error ? error.message : String(error),
          }),
        })
      }
    }

    const messages = reports.map((entry) => toMessage(draft, entry))
    const controlled = applyControls(draft, messages, this.#knownIds(), lang)
    controlled.sort(
      (a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId),
    )
    return {
      messages: controlled,
      lang,
      langSource,
      text: draft.text,
      masked: maskSecrets(draft.text, reports),
      bom: draft.bom,
    }
  }

  #knownIds(): Set<string> {
    return new Set([...this.#rules.keys(), ...ENGINE_RULE_IDS])
  }

  #language(
    draft: ParsedDraft,
    options: LintFileOptions,
    engine: (ruleId: string, report: Report) => void,
  ): { lang: Lang; langSource: LintResult['langSource'] } {
    if (options.language) return { lang: options.language, langSource: 'option' }
    const key = draft.frontmatter?.data.lang != null ? 'lang' : 'language'
    const declared = draft.frontmatter?.data[key]
    if (declared != null) {
      const lang = parseLang(declared)
      if (lang) return { lang, langSource: 'frontmatter' }
      // An unknown language is reported, and the draft is checked as if it declared none.
      const fallback = this.#undeclared(draft)
      const where = draft.frontmatter?.keyOffsets[key]
      engine(ENGINE_RULES.frontmatter, {
        start: where?.start ?? 0,
        end: where?.end ?? 0,
        message: localize(TEXTS.badLang, fallback.lang, {
          value: typeof declared === 'string' ? declared : JSON.stringify(declared),
          lang: fallback.lang,
        }),
      })
      return fallback
    }
    return this.#undeclared(draft)
  }

  /** The language of a draft that does not declare one: config, else detected, else English. */
  #undeclared(draft: ParsedDraft): { lang: Lang; langSource: LintResult['langSource'] } {
    if (this.#config.language) return { lang: this.#config.language, langSource: 'config' }
    const detected = detectLang(draft.blocks.map((block) => block.text).join('\n'))
    return detected ? { lang: detected, langSource: 'detected' } : { lang: 'en', langSource: 'fallback' }
  }
}

/** Default for phrase rules without code: report every match, longest first, no overlaps. */
export function reportPhraseMatches(context: RuleContext, fallback: LocalText | undefined): void {
  for (const match of longestMatches(context.phraseMatches)) {
    const suggestions = match.spec.suggestions ? matchCase(match.actual, match.spec.suggestions) : []
    context.report({
      start: match.start,
      end: match.end,
      message: context.t(match.spec.message ?? fallback ?? { en: 'Reconsider “{actual}”.' }, {
        actual: match.actual,
      }),
      suggestions,
      fix: match.spec.fix === true && suggestions.length > 0,
      ...(match.spec.note ? { note: match.spec.note } : {}),
    })
  }
}

/** Drop matches inside or overlapping an earlier, longer match of the same rule. */
export function longestMatches<T extends { start: number; end: number }>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: T[] = []
  let reach = -1
  for (const match of sorted) {
    if (match.start < reach) continue
    kept.push(match)
    reach = match.end
  }
  return kept
}

/** Capitalize suggestions when the matched text starts with a capital. */
export function matchCase(actual: string, suggestions: readonly string[]): string[] {
  const first = actual.charAt(0)
  if (first && first !== first.toLowerCase() && first === first.toUpperCase()) {
    return suggestions.map((suggestion) => suggestion.charAt(0).toUpperCase() + suggestion.slice(1))
  }
  return [...suggestions]
}

const MASK = '•'

function toMessage(
  draft: ParsedDraft,
  entry: { ruleId: string; severity: Severity; report: Report; sensitive: boolean; url?: string },
): LintMessage {
  const { report } = entry
  const start = clamp(report.start, draft.text.length)
  const end = clamp(Math.max(report.end, start), draft.text.length)
  const from = draft.lines.position(start)
  const to = draft.lines.position(end)
  const raw = draft.text.slice(start, end)
  let actual = report.actual ?? raw
  let message = report.message
  let note = report.note
  if (entry.sensitive) {
    // Secrets never leave the engine in full, whatever the rule wrote.
    if (report.actual === undefined || (raw.length > 0 && report.actual.includes(raw)))
      actual = MASK.repeat(Math.min(raw.length, 8))
    if (raw.length > 0) {
      message = message.split(raw).join(actual)
      if (note !== undefined) note = note.split(raw).join(actual)
    }
  }
  const suggestions = report.suggestions ?? []
  const result: LintMessage = {
    ruleId: entry.ruleId,
    severity: entry.severity,
    message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: start,
    endOffset: end,
    actual,
    suggestions,
  }
  if (report.fix === true && suggestions[0] !== undefined)
    result.fix = { range: [start, end], text: suggestions[0] }
  else if (report.fix && typeof report.fix === 'object') result.fix = report.fix
  if (entry.url) result.url = entry.url
  if (note) result.note = note
  return result
}

/**
 * The text with every secret replaced by `•` (line breaks kept), for outputs
 * that show a draft's lines: a secret must not appear under another finding
 * on the same line, or under a finding that `--quiet` leaves while hiding the
 * secret's own. Secrets: findings of sensitive rules, and findings whose rule
 * masked `actual` itself (a BSN).
 */
function maskSecrets(text: string, reports: ReadonlyArray<{ report: Report; sensitive: boolean }>): string {
  let masked: string[] | undefined
  for (const { report, sensitive } of reports) {
    const start = clamp(report.start, text.length)
    const end = clamp(Math.max(report.end, start), text.length)
    const raw = text.slice(start, end)
    const maskedByRule = report.actual !== undefined && report.actual !== raw && report.actual.includes(MASK)
    if (start === end || !(sensitive || maskedByRule)) continue
    masked ??= [...text]
    for (let index = start; index < end; index++) {
      if (text[index] !== '\n' && text[index] !== '\r') masked[index] = MASK
    }
  }
  return masked ? masked.join('') : text
}

function clamp(value: number, max: number): number {
  // A rule's arithmetic slip (NaN, Infinity) must not turn into NaN lines and columns.
  if (!Number.isFinite(value)) return value === Number.POSITIVE_INFINITY ? max : 0
  return Math.min(Math.max(0, Math.trunc(value)), max)
}

function applyControls(
  draft: ParsedDraft,
  messages: LintMessage[],
  known: Set<string>,
  lang: Lang,
): LintMessage[] {
  if (draft.controls.length === 0) return messages
  const problems: LintMessage[] = []
  const problem = (
    start: number,
    end: number,
    actual: string,
    message: string,
    suggestion: string | undefined,
  ) => {
    const report: Report = {
      start,
      end,
      actual,
      message,
      suggestions: suggestion ? [suggestion] : [],
      fix: suggestion !== undefined,
    }
    problems.push(
      toMessage(draft, {
        ruleId: ENGINE_RULES.controlComment,
        severity: 'error',
        report,
        sensitive: false,
        url: urlFor(ENGINE_RULES.controlComment),
      }),
    )
  }
  for (const control of draft.controls) {
    if (control.kind === 'unknown') {
      const { name, start, end } = control.directive
      const guess = didYouMean(
        name,
        CONTROL_DIRECTIVES.map((directive) => `post-lint-${directive}`),
      )
      problem(
        start,
        end,
        name,
        localize(TEXTS.unknownDirective, lang, {
          name,
          hint: guess ? localize(TEXTS.hint, lang, { name: guess }) : '',
        }),
        guess,
      )
      continue
    }
    for (const rule of control.rules) {
      if (known.has(rule.id)) continue
      const name = didYouMean(
        rule.id,
        [...known].filter((id) => !ENGINE_RULE_IDS.has(id)),
      )
      problem(
        rule.start,
        rule.end,
        rule.id,
        localize(TEXTS.unknownRule, lang, {
          id: rule.id,
          hint: name ? localize(TEXTS.hint, lang, { name }) : '',
        }),
        name,
      )
    }
  }
  const kept = messages.filter((message) => {
    if (ENGINE_RULE_IDS.has(message.ruleId) && message.ruleId !== ENGINE_RULES.frontmatter) return true
    let disabledAll = false
    const disabled = new Set<string>()
    const enabledExceptions = new Set<string>()
    for (const control of draft.controls) {
      if (control.kind !== 'disable-next-line' && control.kind !== 'disable-line') continue
      const ids = control.rules.map((rule) => rule.id)
      const controlLine = draft.lines.position(control.end).line
      const target = control.kind === 'disable-line' ? controlLine : controlLine + 1
      if (message.line === target && (ids.length === 0 || ids.includes(message.ruleId))) return false
    }
    for (const control of draft.controls) {
      if (control.kind === 'disable-next-line' || control.kind === 'disable-line') continue
      if (control.end > message.offset) break
      const ids = control.rules.map((rule) => rule.id)
      if (control.kind === 'disable') {
        if (ids.length === 0) {
          disabledAll = true
          enabledExceptions.clear()
          disabled.clear()
        } else
          for (const id of ids) {
            disabled.add(id)
            enabledExceptions.delete(id)
          }
      } else if (ids.length === 0) {
        disabledAll = false
        disabled.clear()
        enabledExceptions.clear()
      } else
        for (const id of ids) {
          disabled.delete(id)
          enabledExceptions.add(id)
        }
    }
    return !(disabled.has(message.ruleId) || (disabledAll && !enabledExceptions.has(message.ruleId)))
  })
  return [...kept, ...problems]
}

/** Lint one text with a fresh linter (for one-off use; reuse a `Linter` for many drafts). */
export async function lint(text: string, options: LinterOptions & LintFileOptions): Promise<LintResult> {
  const { rules, config, ...file } = options
  return new Linter({ rules, ...(config ? { config } : {}) }).lint(text, file)
}
