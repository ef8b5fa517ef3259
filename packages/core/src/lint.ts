import type { Root as NlcstRoot } from 'nlcst'
import { type LintCache, LintCancelled } from './cache.js'
import { linkDefinitions, splitChunks } from './chunks.js'
import { detectLang, parseLang } from './language.js'
import {
  CONTROL_DIRECTIVES,
  type ControlComment,
  fileTypeOf,
  type ParsedDraft,
  parseDraft,
  toNaturalLanguage,
} from './parse.js'
import { PhraseIndex } from './phrases.js'
import { DOCS_ROOT, didYouMean, docsUrl, LineIndex, localize } from './text.js'
import type {
  FileType,
  Frontmatter,
  Lang,
  LintConfig,
  LintMessage,
  LintResult,
  LocalText,
  PhraseMatch,
  ProseBlock,
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
  /**
   * Keeps each chunk's parse and findings between lints of the same draft (an
   * editor's open document), so only edited chunks are checked again.
   */
  cache?: LintCache
  /** Asked between chunks; when it answers true, `lint` stops with `LintCancelled`. */
  cancelled?: () => boolean
}

/** A finding as a rule reported it, with what the engine adds. */
interface Entry {
  ruleId: string
  severity: Severity
  report: Report
  sensitive: boolean
  url?: string
}

/** What block rules found in one chunk, with offsets inside the chunk. */
interface ChunkCheck {
  reports: Entry[]
  /** Rule id → what went wrong, for rules that threw. */
  crashes: Map<string, string>
  /** Phrase matches for document rules. */
  matches: Map<string, PhraseMatch[]>
  /** Paragraphs in the chunk's natural-language tree (to number matches across chunks). */
  paragraphs: number
}

/** The whole draft, as messages and control comments see it. */
interface DocumentView {
  text: string
  lines: LineIndex
  controls: ControlComment[]
}

/** Whether a rule runs on drafts in `lang` (rules without `languages` run on all). */
function checksLanguage(rule: Rule, lang: Lang): boolean {
  return !rule.meta.languages || rule.meta.languages.includes(lang)
}

function shiftEntry(entry: Entry, by: number): Entry {
  if (by === 0) return entry
  const { report } = entry
  const fix = report.fix
  return {
    ...entry,
    report: {
      ...report,
      start: report.start + by,
      end: report.end + by,
      ...(fix && typeof fix === 'object'
        ? { fix: { range: [fix.range[0] + by, fix.range[1] + by], text: fix.text } }
        : {}),
    },
  }
}

function shiftMatch(match: PhraseMatch, by: number, paragraphs: number): PhraseMatch {
  return { ...match, start: match.start + by, end: match.end + by, paragraph: match.paragraph + paragraphs }
}

function shiftBlock(block: ProseBlock, by: number): ProseBlock {
  if (by === 0) return block
  return { text: block.text, kind: block.kind, toSource: (index) => block.toSource(index) + by }
}

function shiftControl(control: ControlComment, by: number): ControlComment {
  if (by === 0) return control
  const move = <T extends { start: number; end: number }>(span: T): T => ({
    ...span,
    start: span.start + by,
    end: span.end + by,
  })
  return { ...move(control), directive: move(control.directive), rules: control.rules.map(move) }
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

  /** The configuration this linter was made with. */
  get config(): LintConfig {
    return this.#config
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
          .filter(({ rule }) => rule.phrases && checksLanguage(rule, lang))
          .map(({ rule }) => ({ ruleId: rule.meta.id, phrases: rule.phrases! })),
        lang,
      )
      this.#indexes.set(lang, index)
    }
    return index
  }

  /**
   * Lints a draft. Block rules run chunk by chunk (see chunks.ts) and, with
   * `options.cache`, only on chunks that changed; document rules run on the
   * whole draft every time.
   */
  async lint(input: string, options: LintFileOptions = {}): Promise<LintResult> {
    const bom = input.charCodeAt(0) === 0xfeff
    const text = bom ? input.slice(1) : input
    const type = options.fileType ?? fileTypeOf(options.filePath)
    const cache = options.cache
    cache?.begin(this, options.filePath)
    const definitions = type === 'markdown' ? linkDefinitions(text) : ''
    const chunks = splitChunks(text).map((span, index) => {
      const key = `${type}\u0000${index === 0 ? 'first' : 'next'}\u0000${definitions}\u0000${text.slice(span.start, span.end)}`
      let draft = cache?.get<ParsedDraft>(`parse\u0000${key}`)
      if (!draft) {
        draft = parseDraft(text.slice(span.start, span.end), type, { frontmatter: index === 0, definitions })
        cache?.set(`parse\u0000${key}`, draft)
      }
      return { start: span.start, key, draft }
    })
    const first = chunks[0]!.draft
    const reports: Entry[] = []
    const engine = (ruleId: string, report: Report) =>
      reports.push({ ruleId, severity: 'error', report, sensitive: false, url: urlFor(ruleId) })

    const { lang, langSource } = await this.#language(
      first.frontmatter,
      () => chunks.flatMap((chunk) => chunk.draft.blocks.map((block) => block.text)).join('\n'),
      options,
      engine,
    )

    if (first.frontmatterProblem) {
      const problem = first.frontmatterProblem
      engine(ENGINE_RULES.frontmatter, {
        start: problem.start,
        end: problem.end,
        message:
          problem.kind === 'shape'
            ? localize(TEXTS.frontmatterShape, lang)
            : localize(TEXTS.frontmatter, lang, { detail: problem.message.replace(/\.$/, '') }),
      })
    }

    // Block rules, chunk by chunk (cached while a chunk's text stays the same).
    const crashes = new Map<string, string>()
    const checks: Array<{ start: number; check: ChunkCheck }> = []
    for (const chunk of chunks) {
      if (options.cancelled?.()) throw new LintCancelled()
      let check = cache?.get<ChunkCheck>(`check\u0000${lang}\u0000${chunk.key}`)
      if (!check) {
        check = await this.#checkChunk(chunk.draft, lang, options.filePath)
        cache?.set(`check\u0000${lang}\u0000${chunk.key}`, check)
      }
      checks.push({ start: chunk.start, check })
      for (const entry of check.reports) reports.push(shiftEntry(entry, chunk.start))
      for (const [ruleId, detail] of check.crashes) if (!crashes.has(ruleId)) crashes.set(ruleId, detail)
    }
    if (options.cancelled?.()) throw new LintCancelled()

    // Document rules, on the whole draft, from the chunks' blocks and phrase matches.
    const documentRules = this.#active.filter(
      ({ rule }) => rule.meta.scope === 'document' && checksLanguage(rule, lang),
    )
    if (documentRules.length > 0) {
      let blocks: ProseBlock[] | undefined
      const allBlocks = () => {
        blocks ??= chunks.flatMap((chunk) =>
          chunk.draft.blocks.map((block) => shiftBlock(block, chunk.start)),
        )
        return blocks
      }
      let whole: ParsedDraft | undefined
      let wholeNlcst: NlcstRoot | undefined
      const full = () => {
        whole ??= parseDraft(text, type)
        return whole
      }
      let plain: string | undefined
      for (const active of documentRules) {
        const ruleId = active.rule.meta.id
        const phraseMatches: PhraseMatch[] = []
        let paragraphs = 0
        for (const { start, check } of checks) {
          for (const match of check.matches.get(ruleId) ?? [])
            phraseMatches.push(shiftMatch(match, start, paragraphs))
          paragraphs += check.paragraphs
        }
        const failure = await this.#run(active, reports, {
          ruleId,
          source: text,
          lang,
          filePath: options.filePath,
          frontmatter: first.frontmatter,
          get mdast() {
            return full().mdast
          },
          get nlcst() {
            wholeNlcst ??= toNaturalLanguage(full(), lang)
            return wholeNlcst
          },
          options: active.options,
          phraseMatches,
          get blocks() {
            return allBlocks()
          },
          plainText: () => {
            plain ??= chunks.flatMap((chunk) => chunk.draft.blocks.map((block) => block.text)).join('\n\n')
            return plain
          },
          t: (value, vars) => localize(value, lang, vars),
        })
        if (failure !== undefined && !crashes.has(ruleId)) crashes.set(ruleId, failure)
      }
    }
    cache?.end()
    for (const [id, detail] of crashes) {
      engine(ENGINE_RULES.ruleCrash, {
        start: 0,
        end: 0,
        message: localize(TEXTS.crash, lang, { id, detail }),
      })
    }

    // A draft of one chunk was indexed when it was parsed.
    const lines = chunks.length === 1 && first.text === text ? first.lines : new LineIndex(text)
    const document: DocumentView = {
      text,
      lines,
      controls: chunks.flatMap((chunk) =>
        chunk.draft.controls.map((control) => shiftControl(control, chunk.start)),
      ),
    }
    const messages = reports.map((entry) => toMessage(document, entry))
    const controlled = applyControls(document, messages, this.#knownIds(), lang)
    controlled.sort(
      (a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId),
    )
    return {
      messages: controlled,
      lang,
      langSource,
      text,
      masked: maskSecrets(text, reports),
      bom,
    }
  }

  /** Block rules on one chunk: its reports (offsets in the chunk) and what document rules need of it. */
  async #checkChunk(draft: ParsedDraft, lang: Lang, filePath: string | undefined): Promise<ChunkCheck> {
    const nlcst = toNaturalLanguage(draft, lang)
    const matches = this.#index(lang).match(nlcst)
    const check: ChunkCheck = {
      reports: [],
      crashes: new Map(),
      matches: new Map(),
      paragraphs: nlcst.children.filter((node) => node.type === 'ParagraphNode').length,
    }
    let plain: string | undefined
    for (const active of this.#active) {
      const { rule } = active
      if (!checksLanguage(rule, lang)) continue
      const ruleId = rule.meta.id
      const phraseMatches = matches.get(ruleId) ?? []
      if (rule.meta.scope === 'document') {
        if (phraseMatches.length > 0) check.matches.set(ruleId, phraseMatches)
        continue
      }
      const failure = await this.#run(active, check.reports, {
        ruleId,
        source: draft.text,
        lang,
        filePath,
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
      })
      if (failure !== undefined) check.crashes.set(ruleId, failure)
    }
    return check
  }

  /** Runs one rule; its reports go to `reports`. Returns what went wrong when it threw. */
  async #run(
    active: ActiveRule,
    reports: Entry[],
    context: Omit<RuleContext, 'report'>,
  ): Promise<string | undefined> {
    const { rule, severity } = active
    const ruleId = rule.meta.id
    const url = rule.meta.url === false ? undefined : (rule.meta.url ?? docsUrl(ruleId))
    const sensitive = rule.meta.sensitive === true
    // Added in place, not spread: a document context's trees are getters that parse on first use.
    const full = Object.assign(context, {
      report: (report: Report) => {
        reports.push({ ruleId, severity, report, sensitive, ...(url ? { url } : {}) })
      },
    })
    try {
      if (rule.check) await rule.check(full)
      else reportPhraseMatches(full, rule.meta.message)
      return undefined
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }

  #knownIds(): Set<string> {
    return new Set([...this.#rules.keys(), ...ENGINE_RULE_IDS])
  }

  async #language(
    frontmatter: Frontmatter | undefined,
    proseText: () => string,
    options: LintFileOptions,
    engine: (ruleId: string, report: Report) => void,
  ): Promise<{ lang: Lang; langSource: LintResult['langSource'] }> {
    if (options.language) return { lang: options.language, langSource: 'option' }
    const key = frontmatter?.data.lang != null ? 'lang' : 'language'
    const declared = frontmatter?.data[key]
    if (declared != null) {
      const lang = parseLang(declared)
      if (lang) return { lang, langSource: 'frontmatter' }
      // An unknown language is reported, and the draft is checked as if it declared none.
      const fallback = await this.#undeclared(proseText)
      const where = frontmatter?.keyOffsets[key]
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
    return await this.#undeclared(proseText)
  }

  /** The language of a draft that does not declare one: config, else detected, else English. */
  async #undeclared(proseText: () => string): Promise<{ lang: Lang; langSource: LintResult['langSource'] }> {
    if (this.#config.language) return { lang: this.#config.language, langSource: 'config' }
    const detected = await detectLang(proseText())
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

function toMessage(draft: DocumentView, entry: Entry): LintMessage {
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
  draft: DocumentView,
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
