/**
 * A rulebook's `custom:` rules → engine rules. Each becomes a `Rule` whose id
 * is its key in `custom:`, default severity its `severity` (else `warning`),
 * languages its `lang`, and documentation url the rulebook file that defines
 * it (a `file://` url; none when the source is not an absolute path).
 *
 * - `avoid`: the phrases and their inflections (inflect.ts) go into the
 *   single phrase index; `suggest` become suggestions (never a fix).
 * - `replace`: each term, and its plural, into the index; the replacements
 *   are suggestions and the first is a fix, matched to the case of the
 *   draft (“Klant” → “Deelnemer”, “KLANT” → “DEELNEMER”). A plural finds a
 *   plural replacement; post-lint only offers it as a fix when it is sure of
 *   that plural (a one-word replacement with a regular plural).
 * - `pattern`: an RE2 expression (linear time, compiled once) run over each
 *   prose block; flags `i`, `m`, `s` (and `u`, always on).
 * - `require`: frontmatter fields that must be present and not empty when all
 *   `when` conditions hold; one finding at the top of the draft.
 *
 * Messages may use `{actual}` (the matched text), `{expected}` (the
 * suggestions, quoted) and `{rule}` (the rule id); `require` messages
 * `{fields}` and `{when}`.
 */
import type { Lang, LocalText, PhraseSpec, Rule, RuleContext, RuleMeta } from '@post-lint/core'
import { ConfigError, LANGS, longestMatches } from '@post-lint/core'
import { RE2JS } from 're2js'
import { inflectPhrase, plural, pluralForms } from './inflect.js'
import { isAbsolute, toPosixPath } from './overrides.js'
import type { AvoidRule, CustomRule, PatternRule, ReplaceRule, RequireRule } from './types.js'

type Source = { source: string }

const TEXTS = {
  avoid: {
    en: 'Avoid “{actual}” (rulebook rule “{rule}”).',
    nl: 'Vermijd “{actual}” (regel “{rule}” van het rulebook).',
  },
  avoidSuggest: {
    en: 'Avoid “{actual}”: write {expected} instead.',
    nl: 'Vermijd “{actual}”: schrijf liever {expected}.',
  },
  replace: {
    en: 'Write {expected} instead of “{actual}”.',
    nl: 'Schrijf {expected} in plaats van “{actual}”.',
  },
  pattern: {
    en: '“{actual}” goes against rulebook rule “{rule}”.',
    nl: '“{actual}” gaat in tegen regel “{rule}” van het rulebook.',
  },
  patternSuggest: {
    en: '“{actual}” goes against rulebook rule “{rule}”: write {expected} instead.',
    nl: '“{actual}” gaat in tegen regel “{rule}” van het rulebook: schrijf liever {expected}.',
  },
  requireStart: { en: 'This draft lacks {fields}', nl: 'Dit concept mist {fields}' },
  requireDefault: {
    en: 'This draft lacks {fields} in its frontmatter{when}.',
    nl: 'Dit concept mist {fields} in de frontmatter{when}.',
  },
  requireWhen: { en: ', required when {conditions}', nl: ', verplicht bij {conditions}' },
  and: { en: 'and', nl: 'en' },
  or: { en: 'or', nl: 'of' },
} satisfies Record<string, LocalText>

// ---------------------------------------------------------------------------
// Shared

/** A `file://` url for an absolute path; undefined for anything else (a preset, a test). */
export function fileUrl(path: string): string | undefined {
  if (!isAbsolute(path)) return undefined
  const posix = toPosixPath(path)
  const encoded = posix
    .split('/')
    .map((segment, index) =>
      index === 0 && /^[A-Z]:$/.test(segment) ? segment : encodeURIComponent(segment),
    )
    .join('/')
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`
}

/** The suggestion in the case of the draft's text: “Klant” → “Deelnemer”, “KLANT” → “DEELNEMER”. */
export function caseLike(actual: string, suggestion: string): string {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return suggestion.toUpperCase()
  }
  const first = letters.charAt(0)
  // A suggestion with capitals of its own (“iPad”, “NGO”) stays as written.
  if (first && first !== first.toLowerCase() && suggestion === suggestion.toLowerCase()) {
    return suggestion.charAt(0).toUpperCase() + suggestion.slice(1)
  }
  return suggestion
}

/** “a”, “a” or “b”, “a”, “b” or “c”. */
function quotedList(ctx: RuleContext, values: readonly string[], joiner: LocalText = TEXTS.or): string {
  const quoted = values.map((value) => `“${value}”`)
  if (quoted.length < 2) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${ctx.t(joiner)} ${quoted[quoted.length - 1]}`
}

function plainList(ctx: RuleContext, values: readonly string[], joiner: LocalText): string {
  if (values.length < 2) return values.join('')
  return `${values.slice(0, -1).join(', ')} ${ctx.t(joiner)} ${values[values.length - 1]}`
}

function metaOf(id: string, rule: CustomRule & Source, fallback: LocalText): RuleMeta {
  const url = fileUrl(rule.source)
  return {
    id,
    defaultSeverity: rule.severity ?? 'warning',
    ...(rule.lang ? { languages: [rule.lang] } : {}),
    title: id,
    ...(rule.note ? { description: rule.note } : {}),
    message: rule.message ?? fallback,
    url: url ?? false,
  }
}

/** What a phrase of an `avoid` or `replace` rule carries to its report. */
interface PhraseData {
  suggestions: string[]
  /** The first suggestion is a safe fix. */
  fix: boolean
}

/** Report the rule's phrase matches: longest first, suggestions in the draft's case. */
function reportPhrases(
  ctx: RuleContext,
  id: string,
  rule: CustomRule,
  fallback: (hasSuggestions: boolean) => LocalText,
) {
  for (const match of longestMatches(ctx.phraseMatches)) {
    const data = match.spec.data as PhraseData
    const suggestions = [...new Set(data.suggestions.map((suggestion) => caseLike(match.actual, suggestion)))]
    ctx.report({
      start: match.start,
      end: match.end,
      message: ctx.t(rule.message ?? fallback(suggestions.length > 0), {
        actual: match.actual,
        expected: quotedList(ctx, suggestions),
        rule: id,
      }),
      suggestions,
      fix: data.fix && suggestions.length > 0,
      ...(rule.note ? { note: rule.note } : {}),
    })
  }
}

/** Languages whose inflections a rule gets: its own, else both. */
function languagesOf(rule: CustomRule): readonly Lang[] {
  return rule.lang ? [rule.lang] : LANGS
}

/**
 * Specs for a set of forms per language: a form every language generates has
 * no `lang` (one index entry), the others are tagged with their language.
 */
function specsFor(
  base: string[],
  byLang: Map<Lang, string[]>,
  rule: CustomRule,
  data: (lang: Lang | undefined) => PhraseData,
  seen: Set<string>,
): PhraseSpec[] {
  const specs: PhraseSpec[] = []
  const add = (match: string, lang: Lang | undefined) => {
    const key = `${lang ?? '*'}\u0000${match.toLowerCase()}`
    if (seen.has(key) || (lang && seen.has(`*\u0000${match.toLowerCase()}`))) return
    seen.add(key)
    specs.push({ match, ...((lang ?? rule.lang) ? { lang: lang ?? rule.lang } : {}), data: data(lang) })
  }
  for (const match of base) add(match, undefined)
  const langs = [...byLang.keys()]
  const everywhere =
    langs.length > 1
      ? byLang.get(langs[0]!)!.filter((form) => langs.every((lang) => byLang.get(lang)!.includes(form)))
      : []
  for (const match of everywhere) add(match, undefined)
  for (const [lang, forms] of byLang)
    for (const match of forms) if (!everywhere.includes(match)) add(match, lang)
  return specs
}

// ---------------------------------------------------------------------------
// avoid

function avoidRule(id: string, rule: AvoidRule & Source): Rule {
  const seen = new Set<string>()
  const suggestions = rule.suggest ?? []
  const data: PhraseData = { suggestions, fix: false }
  const phrases: PhraseSpec[] = []
  for (const phrase of rule.phrases) {
    const match = phrase.trim().replace(/\s+/g, ' ')
    if (match === '') continue
    const byLang = new Map(languagesOf(rule).map((lang) => [lang, inflectPhrase(match, lang)] as const))
    phrases.push(...specsFor([match], byLang, rule, () => data, seen))
  }
  const fallback = (has: boolean) => (has ? TEXTS.avoidSuggest : TEXTS.avoid)
  return {
    meta: metaOf(id, rule, suggestions.length > 0 ? TEXTS.avoidSuggest : TEXTS.avoid),
    phrases,
    check: (ctx) => reportPhrases(ctx, id, rule, fallback),
  }
}

// ---------------------------------------------------------------------------
// replace

/** The replacements for a plural: each one-word replacement in its plural; a fix only when sure. */
function pluralReplacements(replacements: readonly string[], lang: Lang): PhraseData {
  const forms = replacements.map((replacement) => {
    const words = replacement.trim().split(/\s+/)
    if (words.length !== 1) return { form: replacement, sure: false }
    const { form, sure } = plural(replacement, lang)
    // Keep the replacement's own capitals (“NGO” stays as written).
    return {
      form: replacement === replacement.toLowerCase() ? form : replacement,
      sure: sure && replacement === replacement.toLowerCase(),
    }
  })
  return { suggestions: forms.map((entry) => entry.form), fix: forms[0]?.sure === true }
}

function replaceRule(id: string, rule: ReplaceRule & Source): Rule {
  const seen = new Set<string>()
  const phrases: PhraseSpec[] = []
  const entries = Object.entries(rule.replace).map(([term, value]) => ({
    term: term.trim().replace(/\s+/g, ' '),
    replacements: (Array.isArray(value) ? value : [value]).filter(
      (replacement): replacement is string => typeof replacement === 'string' && replacement.trim() !== '',
    ),
  }))
  // Terms as written first: “klanten: deelnemers” wins over the plural of “klant”.
  for (const { term, replacements } of entries) {
    if (term === '') continue
    phrases.push(...specsFor([term], new Map(), rule, () => ({ suggestions: replacements, fix: true }), seen))
  }
  for (const { term, replacements } of entries) {
    if (term === '' || term.includes('*')) continue
    for (const lang of languagesOf(rule)) {
      const words = term.split(' ')
      const last = words.pop()!
      const forms = pluralForms(last, lang).map((form) => [...words, form].join(' '))
      const byLang = new Map([[lang, forms]])
      phrases.push(
        ...specsFor([], byLang, { ...rule, lang }, () => pluralReplacements(replacements, lang), seen),
      )
    }
  }
  return {
    meta: { ...metaOf(id, rule, TEXTS.replace), fixable: true },
    phrases,
    check: (ctx) => reportPhrases(ctx, id, rule, () => TEXTS.replace),
  }
}

// ---------------------------------------------------------------------------
// pattern

/**
 * An RE2 expression with flags `i` (case-insensitive), `m` (^ and $ per
 * line), `s` (. also matches a line break) and `u` (accepted: RE2 works on
 * Unicode text anyway). Throws a ConfigError that names the problem.
 */
export function compilePattern(pattern: string, flags = ''): RE2JS {
  let bits = 0
  for (const flag of flags) {
    if (flag === 'i') bits |= RE2JS.CASE_INSENSITIVE
    else if (flag === 'm') bits |= RE2JS.MULTILINE
    else if (flag === 's') bits |= RE2JS.DOTALL
    else if (flag !== 'u') throw new ConfigError(`Unknown pattern flag “${flag}”; use i, m or s`)
  }
  try {
    return RE2JS.compile(pattern, bits)
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(
      /^error parsing regexp: /,
      '',
    )
    throw new ConfigError(
      `The pattern is not a valid RE2 expression (${detail}); RE2 has no look-around or back-references`,
    )
  }
}

function patternRule(id: string, rule: PatternRule & Source): Rule {
  let expression: RE2JS
  try {
    expression = compilePattern(rule.pattern, rule.flags)
  } catch (error) {
    throw new ConfigError(`Custom rule “${id}”: ${(error as Error).message}`)
  }
  const suggest = rule.suggest ?? []
  return {
    meta: metaOf(id, rule, suggest.length > 0 ? TEXTS.patternSuggest : TEXTS.pattern),
    check(ctx) {
      for (const block of ctx.blocks) {
        if (block.text === '') continue
        const matcher = expression.matcher(block.text)
        while (matcher.find()) {
          const from = matcher.start()
          const to = matcher.end()
          // An empty match marks nothing a writer could change.
          if (to <= from) continue
          const actual = block.text.slice(from, to)
          const suggestions = suggest.map((suggestion) => caseLike(actual, suggestion))
          ctx.report({
            start: block.toSource(from),
            end: block.toSource(to - 1) + 1,
            message: ctx.t(rule.message ?? (suggestions.length > 0 ? TEXTS.patternSuggest : TEXTS.pattern), {
              actual,
              expected: quotedList(ctx, suggestions),
              rule: id,
            }),
            suggestions,
            ...(rule.note ? { note: rule.note } : {}),
          })
        }
      }
    },
  }
}

// ---------------------------------------------------------------------------
// require

type Condition = string | number | boolean

const TRUE = new Set(['true', 'yes', 'ja', 'y', 'j', 'on', '1'])
const FALSE = new Set(['false', 'no', 'nee', 'n', 'off', '0'])

/** A frontmatter value equals a condition value: as text, case-insensitive; booleans also as yes/ja/no/nee. */
function same(actual: unknown, expected: Condition): boolean {
  if (actual === expected) return true
  if (actual === null || actual === undefined || typeof actual === 'object') return false
  const text = String(actual).trim().toLowerCase()
  if (typeof expected === 'boolean') return (expected ? TRUE : FALSE).has(text)
  return text === String(expected).trim().toLowerCase()
}

/** A condition holds when the field (or one of its list items) equals the value (or one of the values). */
export function conditionHolds(actual: unknown, expected: Condition | Condition[]): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected]
  const values = Array.isArray(actual) ? actual : [actual]
  return values.some((value) => wanted.some((condition) => same(value, condition)))
}

/** Absent, null, blank, an empty list or an empty object. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.every(isEmptyValue)
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

function lineEnd(source: string, from: number): number {
  const match = /\r|\n/.exec(source.slice(from))
  return match ? from + match.index : source.length
}

function requireRule(id: string, rule: RequireRule & Source): Rule {
  const when = Object.entries(rule.when ?? {})
  const fields = [...new Set(rule.fields)]
  return {
    meta: { ...metaOf(id, rule, TEXTS.requireDefault), scope: 'document' },
    check(ctx) {
      const frontmatter = ctx.frontmatter
      const data = frontmatter?.data ?? {}
      if (!when.every(([field, expected]) => conditionHolds(data[field], expected))) return
      const missing = fields.filter((field) => isEmptyValue(data[field]))
      if (missing.length === 0) return
      const conditions = when.map(
        ([field, expected]) =>
          `${field}: ${Array.isArray(expected) ? plainList(ctx, expected.map(String), TEXTS.or) : String(expected)}`,
      )
      const vars = {
        fields: plainList(ctx, missing, TEXTS.and),
        when:
          conditions.length > 0
            ? ctx.t(TEXTS.requireWhen, { conditions: plainList(ctx, conditions, TEXTS.and) })
            : '',
        rule: id,
      }
      let message: string
      const own = rule.message === undefined ? undefined : ctx.t(rule.message)
      if (own === undefined) message = ctx.t(TEXTS.requireDefault, vars)
      else if (own.includes('{fields}')) message = ctx.t(own, vars)
      else {
        // “Dit concept mist reviewed-by: een bericht met status: ready heeft een tweede lezer nodig.”
        const reason = ctx.t(own, vars).trim()
        message = `${ctx.t(TEXTS.requireStart, vars)}: ${reason}${/[.!?…]$/.test(reason) ? '' : '.'}`
      }
      const start = frontmatter ? frontmatter.start : 0
      ctx.report({
        start,
        end: lineEnd(ctx.source, start),
        message,
        ...(rule.note ? { note: rule.note } : {}),
      })
    },
  }
}

// ---------------------------------------------------------------------------

/** One custom rule → a Rule. Throws a ConfigError for a pattern RE2 cannot compile. */
export function compileCustomRule(id: string, rule: CustomRule & Source): Rule {
  switch (rule.type) {
    case 'avoid':
      return avoidRule(id, rule)
    case 'replace':
      return replaceRule(id, rule)
    case 'pattern':
      return patternRule(id, rule)
    case 'require':
      return requireRule(id, rule)
    default:
      throw new ConfigError(
        `Custom rule “${id}” has an unknown type “${String((rule as { type?: unknown }).type)}”`,
      )
  }
}
