import type { Root as MdastRoot } from 'mdast'
import type { Root as NlcstRoot } from 'nlcst'

/** Languages post-lint checks. */
export type Lang = 'en' | 'nl'
export const LANGS: readonly Lang[] = ['en', 'nl']

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error']

/** Text in each language post-lint speaks; `en` is the fallback. */
export type LocalText = { en: string; nl?: string } | string

/** A text edit on the source: replace `range` (offsets, end exclusive) by `text`. */
export interface Fix {
  range: [number, number]
  text: string
}

/**
 * One finding, as every output (JSON report, stylish, editor) sees it.
 * Lines and columns are 1-based; offsets are 0-based UTF-16 offsets into the
 * text without a leading byte order mark; `endColumn`/`endOffset` are exclusive.
 */
export interface LintMessage {
  ruleId: string
  severity: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  /** The matched text (masked for rules that find secrets). */
  actual: string
  /** Replacement texts for `actual`, best first; may be empty. */
  suggestions: string[]
  /** A safe fix, applied by `--fix`. */
  fix?: Fix
  /** The rule's documentation page. */
  url?: string
  /** Why the rule exists, or where a term comes from. */
  note?: string
}

/** What a rule reports; the engine adds position, severity, url and masking. */
export interface Report {
  /** Start offset in the source (inclusive). */
  start: number
  /** End offset in the source (exclusive). */
  end: number
  message: string
  /** Defaults to the source text between `start` and `end`. */
  actual?: string
  suggestions?: string[]
  /** `true`: the first suggestion is a safe fix for the whole span. */
  fix?: boolean | Fix
  note?: string
}

/** A phrase of a phrase list, compiled into the single-pass index. */
export interface PhraseSpec {
  /** Words separated by spaces; `*` = any word; `word*` = prefix. */
  match: string
  /** Only for drafts in this language; all languages when absent. */
  lang?: Lang
  /** Message template; `{actual}` is replaced by the matched text. */
  message?: LocalText
  suggestions?: string[]
  /** The first suggestion is a safe replacement (`--fix` may apply it). */
  fix?: boolean
  /** The phrase only counts when one of these also occurs in the paragraph. */
  near?: string[]
  /** The phrase does not count when one of these occurs in the paragraph. */
  unless?: string[]
  note?: string
  /** Keep apostrophes when comparing words (e.g. "he'll"). */
  apostrophe?: boolean
  /** A phrase with capitals that must match with the same case (retext-equality semantics). */
  caseSensitive?: boolean
  /** Free data for the rule's own post-processing. */
  data?: unknown
}

/** A phrase hit in a draft, before the rule decides to report it. */
export interface PhraseMatch {
  spec: PhraseSpec
  start: number
  end: number
  actual: string
  /** Index of the paragraph (nlcst) the match is in. */
  paragraph: number
  /** Index of the sentence inside that paragraph. */
  sentence: number
  /** Index of the first matched node in its sentence (for adjacency checks). */
  startNode: number
  endNode: number
}

/** A block of prose (paragraph, heading, table cell, list item) as plain text. */
export interface ProseBlock {
  /** Plain text of the block: inline markup removed, URLs and e-mail kept, inline code blanked. */
  text: string
  /** Source offset of `text[index]`. */
  toSource(index: number): number
  /** mdast node type the block came from. */
  kind: string
}

export interface RuleMeta {
  /** Stable public id, used in rulebooks, inline comments and reports. */
  id: string
  defaultSeverity: SeveritySetting
  /** Only for drafts in these languages; all when absent. */
  languages?: readonly Lang[]
  /**
   * Options a rule has without a rulebook; the rulebook's options replace them
   * key by key (`ignore: []` switches a default ignore list off).
   */
  defaultOptions?: Readonly<Record<string, unknown>>
  /** Whether findings can carry a safe fix. */
  fixable?: boolean
  /**
   * `block` (default): the rule sees one chunk of the draft at a time (a run
   * of whole top-level blocks; the frontmatter belongs to the first), and its
   * findings are reused while that chunk's text is unchanged. `document`: the
   * rule sees the whole draft (frontmatter, all blocks, `plainText()`, every
   * phrase match) and runs on every lint; reading `mdast` or `nlcst` there
   * costs a parse of the whole draft. Rules that count or look across blocks
   * (length limits, a label anywhere in the post, frontmatter fields) are
   * document rules.
   */
  scope?: 'block' | 'document'
  /**
   * The option that lists terms the rule never flags (`ignore`, `allow`):
   * editors offer to add a finding's text to it in the rulebook.
   */
  allowOption?: string
  /** Findings are secrets: `actual` is already masked by the rule and must never be echoed. */
  sensitive?: boolean
  title?: LocalText
  description?: LocalText
  /** Default message; `{actual}` is replaced by the matched text. */
  message?: LocalText
  /**
   * The rule's documentation page. Default: its page under rules/<id>/ in the
   * post-lint repository; `false` for a rule without one (findings carry no url).
   * Rulebook rules point at the rulebook (docs) instead.
   */
  url?: string | false
}

export interface Rule {
  meta: RuleMeta
  /** Phrase lists, compiled with every other rule's into one index. */
  phrases?: readonly PhraseSpec[]
  /**
   * Code part of the rule. Without it, every phrase match is reported with its
   * message. With it, the rule reads `ctx.phraseMatches` and reports itself.
   */
  check?(ctx: RuleContext): void | Promise<void>
}

export interface Frontmatter {
  data: Record<string, unknown>
  /** Source offsets of the frontmatter block, including the fences. */
  start: number
  end: number
  /** Source offset of the value of each top-level key. */
  keyOffsets: Record<string, { start: number; end: number }>
}

export interface RuleContext {
  readonly ruleId: string
  readonly source: string
  readonly lang: Lang
  readonly filePath: string | undefined
  readonly frontmatter: Frontmatter | undefined
  readonly mdast: MdastRoot
  readonly nlcst: NlcstRoot
  readonly options: Readonly<Record<string, unknown>>
  /** This rule's phrase matches (after `near`/`unless`), in source order. */
  readonly phraseMatches: readonly PhraseMatch[]
  /** Prose blocks of the draft, in source order. */
  readonly blocks: readonly ProseBlock[]
  /** The draft as its readers see it: plain text, blocks separated by a blank line. */
  plainText(): string
  /** Pick the draft's language from a local text. */
  t(text: LocalText | undefined, vars?: Record<string, string>): string
  report(report: Report): void
}

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?]

export interface LintConfig {
  /** Severity (and options) per rule id; absent rules use their default. */
  rules?: Record<string, RuleSetting>
  /** Default language for drafts without `lang:` in their frontmatter. */
  language?: Lang
}

export type FileType = 'markdown' | 'text'

export interface LintResult {
  messages: LintMessage[]
  lang: Lang
  /** How the language was chosen. */
  langSource: 'frontmatter' | 'option' | 'config' | 'detected' | 'fallback'
  /** The text that was linted (without a byte order mark). */
  text: string
  /** `text` with every secret masked (•), same length: what outputs may show of the draft. */
  masked: string
  bom: boolean
}
