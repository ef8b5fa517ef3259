import type {
  Nodes as MdastNodes,
  Parent as MdastParent,
  Root as MdastRoot,
  PhrasingContent,
  Text,
} from 'mdast'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toNlcst } from 'mdast-util-to-nlcst'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Construct, Extension } from 'micromark-util-types'
import type { Root as NlcstRoot } from 'nlcst'
import { ParseDutch } from 'parse-dutch'
import { ParseEnglish } from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { isMap, isScalar, parseDocument } from 'yaml'
import { LineIndex } from './text.js'
import type { FileType, Frontmatter, Lang, ProseBlock } from './types.js'

/**
 * GitHub Flavored Markdown, as remark-gfm parses it, in less time. Some of its
 * constructs are tried all the time but can only match in some texts, so they
 * are left out of texts that cannot hold what they match:
 *
 * - autolink literals (`www.…`, `https://…`, e-mail addresses) are tried at the
 *   start of every word, and their tree transform searches every text node
 *   again: together about a third of a typical draft's Markdown parse. Most
 *   drafts have URLs only as link targets (`[text](https://…)`), where GFM
 *   never makes a literal. Such a text is parsed without them, and the tree is kept
 *   only if no text node holds `www.`, `http://`, `https://` or an `@` between
 *   word characters (where they would have matched); otherwise it is parsed
 *   again with them.
 * - e-mail autolink literals alone make GFM about 2.5× as slow as plain
 *   Markdown (micromark-extension-gfm-autolink-literal says so itself: “To do:
 *   perform email autolink literals on events, afterwards”). An address needs
 *   an `@` (see EMAIL_AT).
 * - tables are tried at every line; a table needs a `|`, or a `:` beside a `-`
 *   in its delimiter row.
 *
 * markdown.test.ts checks that the trees are remark-gfm's.
 */
const AUTOLINK = gfmAutolinkLiteral()
const AUTOLINK_WITHOUT_EMAIL: Extension = {
  text: Object.fromEntries(
    Object.entries(AUTOLINK.text ?? {}).flatMap(([code, constructs]) => {
      const kept = [constructs]
        .flat()
        .filter((construct): construct is Construct => construct !== undefined)
        .filter((construct) => construct.name !== 'emailAutolink')
      return kept.length > 0 ? [[code, kept]] : []
    }),
  ),
}
const GFM_OTHERS = [gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()]
const GFM_TABLE = gfmTable()
/** mdast-util-gfm's extensions without the autolink literals' (the one that handles `literalAutolink`). */
const GFM_FROM_MARKDOWN_WITHOUT_AUTOLINK = gfmFromMarkdown().filter(
  (extension) => !(extension.enter && 'literalAutolink' in extension.enter),
)
/**
 * An e-mail autolink literal needs one of `+-._` or a letter or digit right
 * before its `@` and one of `-._` or a letter or digit right after it: a
 * mention (`@name`) or `@` in code alone does not make one.
 */
const EMAIL_AT = /[-.+\w]@[-.\w]/
/** Where a URL autolink literal starts (case-insensitive, like GFM). */
const URL_START = /www\.|https?:\/\//
const MAY_HAVE_TABLE = /\||:-|-:/
/** Where an autolink literal may start, as a text node's value holds it. */
const LITERAL_START = new RegExp(`${URL_START.source}|${EMAIL_AT.source}`, 'i')
/**
 * A quick look at the source before the tree decides (LITERAL_START): a URL
 * right after `](` or `<` is most likely a link target or an autolink, not a
 * literal; anything else is worth the full parse straight away.
 */
const MAY_HAVE_LITERAL = new RegExp(`(?<!\\]\\(|<)(?:${URL_START.source})|${EMAIL_AT.source}`, 'i')

/** How a text is parsed: with all autolink literals, without e-mail ones, or without any. */
type Autolinks = 'all' | 'urls' | 'none'

/** Frozen processors by frontmatter (only the first chunk may have it), autolink literals and tables. */
const processors = new Map<string, ReturnType<typeof markdownProcessor>>()

function markdownProcessor(frontmatter: boolean, autolinks: Autolinks, table: boolean) {
  const micromarkExtensions = [
    ...(autolinks === 'all' ? [AUTOLINK] : autolinks === 'urls' ? [AUTOLINK_WITHOUT_EMAIL] : []),
    ...GFM_OTHERS,
    ...(table ? [GFM_TABLE] : []),
  ]
  const fromMarkdownExtensions = autolinks === 'none' ? GFM_FROM_MARKDOWN_WITHOUT_AUTOLINK : gfmFromMarkdown()
  function gfm(this: Processor) {
    const data = this.data()
    data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...micromarkExtensions]
    data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), fromMarkdownExtensions]
  }
  return frontmatter
    ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfm).freeze()
    : unified().use(remarkParse).use(gfm).freeze()
}

function parseWith(text: string, frontmatter: boolean, autolinks: Autolinks, table: boolean): MdastRoot {
  const key = `${frontmatter} ${autolinks} ${table}`
  let processor = processors.get(key)
  if (!processor) {
    processor = markdownProcessor(frontmatter, autolinks, table)
    processors.set(key, processor)
  }
  return processor.parse(text) as MdastRoot
}

/** Whether a text node of `node` holds where an autolink literal may start. */
function hasLiteralStart(node: MdastNodes): boolean {
  if (node.type === 'text') return LITERAL_START.test(node.value)
  if (!('children' in node)) return false
  for (const child of node.children) if (hasLiteralStart(child)) return true
  return false
}

/**
 * The Markdown tree of `text`, as remark-gfm (and remark-frontmatter, unless
 * `frontmatter` is false) gives it. Without frontmatter (chunks after the
 * first), `---` is a thematic break or a heading underline.
 */
export function markdownTree(text: string, frontmatter = true): MdastRoot {
  const table = MAY_HAVE_TABLE.test(text)
  if (!MAY_HAVE_LITERAL.test(text)) {
    const tree = parseWith(text, frontmatter, 'none', table)
    if (!hasLiteralStart(tree)) return tree
  }
  return parseWith(text, frontmatter, EMAIL_AT.test(text) ? 'all' : 'urls', table)
}

/** The parse variants used so far, as `frontmatter autolinks table` keys (for tests). */
export function markdownVariants(): string[] {
  return [...processors.keys()]
}

const parsers = { en: new ParseEnglish(), nl: new ParseDutch() }

/** URLs, bare domains and e-mail addresses inside text: not prose. */
const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}”’]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|be|com|org|net|eu|uk|io|info|nu|frl|amsterdam)\b(?:\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}”’])?/gi

/**
 * `<!-- post-lint-… -->` comments that switch rules off and on. Anything that
 * starts like one (`post-lint…`, `postlint…`) is collected, so a misspelt
 * directive is reported instead of silently doing nothing.
 */
const CONTROL_PATTERN = /<!--\s*(post-?lint\b[\w-]*?)(?=\s|-->|--\s)([\s\S]*?)-->/gi
export const CONTROL_DIRECTIVES = ['disable', 'enable', 'disable-next-line', 'disable-line'] as const

export interface ControlComment {
  /** `unknown`: a misspelt directive (`directive` holds what was written). */
  kind: (typeof CONTROL_DIRECTIVES)[number] | 'unknown'
  directive: { name: string; start: number; end: number }
  /** Rule ids named in the comment; empty = every rule. */
  rules: Array<{ id: string; start: number; end: number }>
  start: number
  end: number
}

export interface FrontmatterProblem {
  start: number
  end: number
  message: string
  /** `yaml`: not valid YAML (the default); `shape`: valid YAML but not `key: value` pairs. */
  kind?: 'yaml' | 'shape'
}

export interface ParsedDraft {
  text: string
  bom: boolean
  type: FileType
  lines: LineIndex
  mdast: MdastRoot
  frontmatter: Frontmatter | undefined
  frontmatterProblem: FrontmatterProblem | undefined
  blocks: ProseBlock[]
  controls: ControlComment[]
}

/** Node type for URLs found inside text; handled as source (not prose) by the nlcst step. */
const URL_NODE = 'postLintUrl'

export function fileTypeOf(filePath: string | undefined): FileType {
  return filePath && /\.(txt|text)$/i.test(filePath) ? 'text' : 'markdown'
}

export interface ParseOptions {
  /** Whether the text may open with frontmatter (only the first chunk of a draft may). Default true. */
  frontmatter?: boolean
  /**
   * Link reference definitions of the whole draft (see `linkDefinitions`):
   * parsed after the text so references in it resolve, then left out.
   */
  definitions?: string
}

export function parseDraft(input: string, type: FileType, options: ParseOptions = {}): ParsedDraft {
  const bom = input.charCodeAt(0) === 0xfeff
  const text = bom ? input.slice(1) : input
  const lines = new LineIndex(text)
  const mdast = type === 'markdown' ? parseMarkdown(text, lines, options) : textToMdast(text, lines)
  const { frontmatter, problem } = readFrontmatter(mdast, text)
  placeText(mdast, text, lines)
  const blocks = collectBlocks(mdast, text)
  const controls = collectControls(mdast, text, type)
  return { text, bom, type, lines, mdast, frontmatter, frontmatterProblem: problem, blocks, controls }
}

function parseMarkdown(text: string, lines: LineIndex, options: ParseOptions): MdastRoot {
  const frontmatter = options.frontmatter !== false
  if (!options.definitions) return markdownTree(text, frontmatter)
  const mdast = markdownTree(`${text}\n\n${options.definitions}`, frontmatter)
  mdast.children = mdast.children.filter((child) => (child.position?.start.offset ?? 0) < text.length)
  mdast.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: { ...lines.position(text.length), offset: text.length },
  }
  return mdast
}

/** The natural-language tree of a parsed draft, in its language. */
export function toNaturalLanguage(draft: ParsedDraft, lang: Lang): NlcstRoot {
  const file = new VFile(draft.text)
  // biome-ignore lint/suspicious/noExplicitAny: mdast-util-to-nlcst accepts any mdast node with positions.
  const tree = toNlcst(withTableCells(draft.mdast) as any, file, parsers[lang], { source: [URL_NODE] })
  splitEmojiRuns(tree)
  return tree
}

/** Made when first needed: creating a segmenter loads ICU's break rules. */
let graphemes: Intl.Segmenter | undefined
const EMOJI = /\p{Extended_Pictographic}/u

/**
 * parse-latin keeps a run of emoji as one symbol (“😂😂”, “🔥😂”); split it
 * into one symbol per emoji, so a phrase list can name a single emoji.
 */
function splitEmojiRuns(tree: NlcstRoot): void {
  const visit = (node: { children?: unknown[] }): void => {
    const children = node.children as
      | Array<{ type: string; value?: string; children?: unknown[]; position?: Position }>
      | undefined
    if (!children) return
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (
        child.type === 'SymbolNode' &&
        child.value &&
        child.value.length > 2 &&
        EMOJI.test(child.value) &&
        child.position
      ) {
        graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        const parts = [...graphemes.segment(child.value)]
        if (parts.length < 2) continue
        const { start } = child.position
        const pieces = parts.map(({ segment, index: at }) => ({
          type: 'SymbolNode',
          value: segment,
          position: {
            start: { line: start.line, column: start.column + at, offset: (start.offset ?? 0) + at },
            end: {
              line: start.line,
              column: start.column + at + segment.length,
              offset: (start.offset ?? 0) + at + segment.length,
            },
          },
        }))
        children.splice(index, 1, ...pieces)
        index += pieces.length - 1
      } else if (child.children) visit(child)
    }
  }
  visit(tree as { children?: unknown[] })
}

/** Cells of a table as mdast-util-to-nlcst sees them: see `withTableCells`. */
const CELL_NODE = 'postLintCell'

/**
 * mdast-util-to-nlcst always skips tables, but table cells are prose (they
 * are prose blocks for the other rules too). A copy of the tree in which each
 * table is a run of its cells, each followed by a blank line (so a cell is a
 * paragraph of its own: no phrase runs from one cell into the next).
 */
function withTableCells<T extends MdastNodes>(node: T): T {
  if (!('children' in node)) return node
  if (node.type === 'table') {
    const children: unknown[] = []
    for (const row of node.children) {
      for (const cell of row.children) {
        const end = cell.position?.end
        children.push({ ...withTableCells(cell), type: CELL_NODE })
        if (end) children.push({ type: 'text', value: '\n\n', position: { start: end, end } })
      }
    }
    return { ...node, type: 'postLintTable', children } as unknown as T
  }
  let changed = false
  const children = (node.children as MdastNodes[]).map((child) => {
    const copy = withTableCells(child)
    if (copy !== child) changed = true
    return copy
  })
  return changed ? ({ ...node, children } as T) : node
}

/** Plain text files: paragraphs split on blank lines, comments kept apart. */
function textToMdast(text: string, lines: LineIndex): MdastRoot {
  const point = (offset: number) => ({ ...lines.position(offset), offset })
  const children: MdastRoot['children'] = []
  // Lines with visible text, up to a blank line (a line of only spaces and tabs is blank too).
  const line = '[^\\S\\r\\n]*\\S[^\\r\\n]*'
  const paragraph = new RegExp(`${line}(?:(?:\\r\\n|\\r|\\n)${line})*`, 'g')
  for (const match of text.matchAll(paragraph)) {
    const start = match.index
    const value = match[0]
    const inline: PhrasingContent[] = []
    let last = 0
    for (const comment of value.matchAll(/<!--[\s\S]*?-->/g)) {
      if (comment.index > last) inline.push(textNode(value.slice(last, comment.index), start + last))
      inline.push({
        type: 'html',
        value: comment[0],
        position: {
          start: point(start + comment.index),
          end: point(start + comment.index + comment[0].length),
        },
      })
      last = comment.index + comment[0].length
    }
    if (last < value.length) inline.push(textNode(value.slice(last), start + last))
    children.push({
      type: 'paragraph',
      children: inline,
      position: { start: point(start), end: point(start + value.length) },
    })
  }
  return {
    type: 'root',
    children,
    position: { start: point(0), end: point(text.length) },
  }

  function textNode(value: string, offset: number): Text {
    return { type: 'text', value, position: { start: point(offset), end: point(offset + value.length) } }
  }
}

function readFrontmatter(
  mdast: MdastRoot,
  text: string,
): { frontmatter: Frontmatter | undefined; problem: FrontmatterProblem | undefined } {
  const node = mdast.children[0]
  if (node?.type !== 'yaml' || !node.position) return { frontmatter: undefined, problem: undefined }
  const start = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? start
  // The YAML value starts on the line after the opening fence.
  const firstBreak = text.slice(start, end).search(/\r?\n|\r/)
  const valueStart =
    firstBreak === -1
      ? end
      : start +
        firstBreak +
        (text[start + firstBreak] === '\r' && text[start + firstBreak + 1] === '\n' ? 2 : 1)
  // …and ends before the line break of the closing fence.
  const valueEnd = text.startsWith(node.value, valueStart)
    ? valueStart + node.value.length
    : Math.max(end - 4, valueStart)
  const whole = { start: valueStart, end: Math.max(valueEnd, valueStart + 1) }
  const yaml = readYaml(node.value)
  const frontmatter: Frontmatter = { data: {}, start, end, keyOffsets: {} }
  for (const [key, range] of yaml.keys)
    frontmatter.keyOffsets[key] = { start: valueStart + range[0], end: valueStart + range[1] }
  if (yaml.problem) {
    const { range, message, kind } = yaml.problem
    return {
      frontmatter,
      problem: {
        ...(range ? { start: valueStart + range[0], end: valueStart + range[1] } : whole),
        message,
        ...(kind ? { kind } : {}),
      },
    }
  }
  // A copy: the parse is shared by every draft with the same frontmatter.
  if (yaml.data) frontmatter.data = copyOf(yaml.data)
  return { frontmatter, problem: undefined }
}

/** A deep copy of YAML data (objects, arrays and scalars). */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)])) as T
  return value
}

/** What the frontmatter's YAML says, with offsets inside the YAML text. */
interface YamlBlock {
  keys: Array<[string, [number, number]]>
  data: Record<string, unknown> | undefined
  /** `range` undefined: the whole block. */
  problem: { range?: [number, number]; message: string; kind?: 'shape' } | undefined
}

/**
 * Frontmatter parsed before, by its text. Drafts of one repository share a
 * few frontmatter blocks (`lang: nl` / `platform: linkedin`), and the YAML
 * parser costs more per block than the rest of a short post's frontmatter
 * handling together.
 */
const yamlBlocks = new Map<string, YamlBlock>()
const YAML_BLOCKS_KEPT = 256
/** Longer blocks are parsed every time: the cache stays small whatever the drafts hold. */
const YAML_BLOCK_KEPT_UP_TO = 2_000

function readYaml(value: string): YamlBlock {
  if (value.length > YAML_BLOCK_KEPT_UP_TO) return parseYaml(value)
  let block = yamlBlocks.get(value)
  if (!block) {
    block = parseYaml(value)
    if (yamlBlocks.size >= YAML_BLOCKS_KEPT) yamlBlocks.delete(yamlBlocks.keys().next().value!)
    yamlBlocks.set(value, block)
  }
  return block
}

function parseYaml(value: string): YamlBlock {
  const document = parseDocument(value, { prettyErrors: false, uniqueKeys: true })
  const keys: YamlBlock['keys'] = []
  const error = document.errors[0]
  if (error) {
    const [from, to] = error.pos
    // yaml points at the line break for errors found at the end of a line; a
    // span that only holds white space would mark the next line as well.
    const first = Math.min(from, value.length)
    let stop = Math.min(Math.max(to, from + 1), value.length)
    while (stop > first && /\s/.test(value.charAt(stop - 1))) stop--
    return {
      keys,
      data: undefined,
      problem: { range: [first, stop], message: error.message.split('\n')[0] ?? error.message },
    }
  }
  const contents = document.contents
  if (isMap(contents)) {
    for (const item of contents.items) {
      if (!isScalar(item.key)) continue
      const range = (item.value as { range?: [number, number, number] } | null)?.range ?? item.key.range
      if (range) keys.push([String(item.key.value), [range[0], range[1]]])
    }
    let data: unknown
    try {
      data = document.toJS()
    } catch (error) {
      // For instance too many aliases (a “billion laughs” block): report, never crash.
      return {
        keys,
        data: undefined,
        problem: { message: error instanceof Error ? error.message : String(error) },
      }
    }
    return {
      keys,
      data: data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined,
      problem: undefined,
    }
  }
  if (contents !== null)
    return {
      keys,
      data: undefined,
      problem: { message: 'Frontmatter should be key: value pairs', kind: 'shape' },
    }
  return { keys, data: undefined, problem: undefined }
}

/**
 * One walk over the tree for both text rewrites: text is first placed where
 * it really is in the source (`realign`), then URLs in it become URL nodes
 * (`splitUrls`); links that show their own URL become URL nodes whole.
 */
function placeText(node: MdastNodes, text: string, lines: LineIndex): void {
  rewrite(node, (child) => {
    if (child.type === 'link' && isSelfLink(child, text)) return [urlNode(child) as never]
    if (child.type !== 'text') return undefined
    const aligned = realign(child, text, lines)
    let changed = aligned !== undefined
    const pieces: MdastNodes[] = []
    for (const piece of aligned ?? [child]) {
      const split = piece.type === 'text' ? splitUrls(piece, text, lines) : undefined
      if (split) changed = true
      pieces.push(...(split ?? [piece]))
    }
    return changed ? pieces : undefined
  })
}

/** Walk the tree; `replace` may swap a node for others (undefined: keep it and walk into it). */
function rewrite(node: MdastNodes, replace: (child: MdastNodes) => MdastNodes[] | undefined): void {
  if (!('children' in node)) return
  const parent = node as MdastParent
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!
    const pieces = replace(child)
    if (pieces) {
      parent.children.splice(index, 1, ...(pieces as never[]))
      index += pieces.length - 1
      continue
    }
    rewrite(child, replace)
  }
}

/**
 * Text nodes whose value is not the source verbatim are split so that every
 * word sits where it is in the source. Markdown drops the indentation and `>`
 * markers of continuation lines (list items, block quotes), trailing spaces
 * before a line break, backslashes of escapes, and entity references; the
 * natural-language tree and the prose blocks place characters by counting
 * from the node's start, so without this every word after such a spot is
 * reported a few columns off. Splits fall on white space, so words stay whole.
 */
function realign(node: Text, text: string, lines: LineIndex): Text[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || text.slice(start, end) === node.value) return undefined
  // Runs of white space and of other characters, each with its source offset.
  const runs: Array<{ value: string; start: number }> = []
  let cursor = start
  // After a run that is not in the source as such (an escape or entity
  // changed it), the source is a few characters longer than counted.
  let behind = false
  for (const match of node.value.matchAll(/\s+|\S+/g)) {
    const value = match[0]
    let at = cursor
    if (/\S/.test(value)) {
      // Where the skipped source is what Markdown strips, the run is there.
      const plausible = (found: number, length: number) =>
        found >= cursor &&
        found + length <= end &&
        (skippable(text.slice(cursor, found)) || (behind && found - cursor <= 32))
      const found = text.indexOf(value, cursor)
      if (found !== -1 && plausible(found, value.length)) {
        at = found
        behind = false
      } else {
        // Changed by an escape or entity (“\*kut\*”, “R&amp;D”): place it by
        // its first letters or digits, and resynchronise on the next run.
        const word = /[\p{L}\p{N}]+/u.exec(value)
        const hit = word ? text.indexOf(word[0], cursor) : -1
        if (word && hit !== -1 && plausible(hit - word.index, value.length)) at = hit - word.index
        behind = true
      }
    }
    at = Math.min(at, end)
    runs.push({ value, start: at })
    cursor = Math.min(at + value.length, end)
  }
  // Each run ends where the next starts (no gap, so no paragraph break is
  // inferred between them); runs that follow on verbatim are joined again.
  const pieces: Text[] = []
  const point = (offset: number) => ({ ...lines.position(offset), offset })
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!
    let value = run.value
    while (index + 1 < runs.length && runs[index + 1]!.start === run.start + value.length) {
      value += runs[index + 1]!.value
      index++
    }
    const stop = index + 1 < runs.length ? runs[index + 1]!.start : end
    pieces.push({
      type: 'text',
      value,
      position: { start: point(run.start), end: point(Math.max(stop, run.start)) },
    })
  }
  return pieces
}

/**
 * Source that Markdown leaves out of a text value between two runs: white
 * space, `>` markers, backslashes of escapes, and entity references (also the
 * rest of one whose `&` matched the previous run).
 */
function skippable(source: string): boolean {
  return !/[\p{L}\p{N}]/u.test(source.replace(/^#?\w{1,31};/, '').replace(/&#?\w{1,31};/g, ''))
}

function isSelfLink(link: MdastNodes & { type: 'link' }, text: string): boolean {
  const start = link.position?.start.offset
  const end = link.position?.end.offset
  if (start === undefined || end === undefined) return false
  const raw = text.slice(start, end)
  // Autolinks (`<https://…>`) and GFM literal links (`www.…`, bare addresses).
  if (raw.startsWith('<') || !raw.includes('](')) {
    const label = link.children.map((child) => ('value' in child ? child.value : '')).join('')
    const bare = link.url.replace(/^mailto:/, '')
    return (
      label === bare ||
      label === link.url ||
      `http://${label}` === link.url ||
      `https://${label}` === link.url
    )
  }
  return false
}

function urlNode(node: MdastNodes): { type: string; value: string; position: MdastNodes['position'] } {
  return { type: URL_NODE, value: '', position: node.position }
}

function splitUrls(node: Text, text: string, lines: LineIndex): MdastNodes[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  // Only where the text is the source verbatim, so offsets stay exact.
  if (text.slice(start, end) !== node.value) return undefined
  URL_PATTERN.lastIndex = 0
  if (!URL_PATTERN.test(node.value)) return undefined
  const pieces: MdastNodes[] = []
  let last = 0
  const point = (offset: number) => ({ ...lines.position(offset), offset })
  URL_PATTERN.lastIndex = 0
  for (const match of node.value.matchAll(URL_PATTERN)) {
    if (match.index > last) {
      pieces.push({
        type: 'text',
        value: node.value.slice(last, match.index),
        position: { start: point(start + last), end: point(start + match.index) },
      })
    }
    pieces.push({
      type: URL_NODE,
      value: match[0],
      position: { start: point(start + match.index), end: point(start + match.index + match[0].length) },
    } as never)
    last = match.index + match[0].length
  }
  if (last < node.value.length) {
    pieces.push({
      type: 'text',
      value: node.value.slice(last),
      position: { start: point(start + last), end: point(end) },
    })
  }
  return pieces
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell'])

interface Segment {
  textStart: number
  sourceStart: number
  sourceLength: number
}

function collectBlocks(root: MdastRoot, text: string): ProseBlock[] {
  const blocks: ProseBlock[] = []
  const visit = (node: MdastNodes): void => {
    if (BLOCK_TYPES.has(node.type)) {
      blocks.push(block(node as MdastParent, text))
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes)
  }
  visit(root)
  return blocks
}

function block(node: MdastParent, text: string): ProseBlock {
  let value = ''
  const segments: Segment[] = []
  const add = (piece: string, sourceStart: number, sourceLength: number) => {
    segments.push({ textStart: value.length, sourceStart, sourceLength })
    value += piece
  }
  const walk = (child: MdastNodes): void => {
    const start = child.position?.start.offset ?? 0
    const end = child.position?.end.offset ?? start
    switch (child.type as string) {
      case 'text':
        add((child as Text).value, start, end - start)
        break
      case URL_NODE:
        add(text.slice(start, end), start, end - start)
        break
      case 'break':
        add('\n', start, end - start)
        break
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        add(' ', start, end - start)
        break
      default:
        if ('children' in child) for (const grandchild of child.children) walk(grandchild as MdastNodes)
    }
  }
  for (const child of node.children) walk(child as MdastNodes)
  const fallback = node.position?.start.offset ?? 0
  return {
    text: value,
    kind: node.type,
    toSource(index: number): number {
      let low = 0
      let high = segments.length - 1
      if (high < 0) return fallback
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (segments[middle]!.textStart <= index) low = middle
        else high = middle - 1
      }
      const segment = segments[low]!
      return segment.sourceStart + Math.min(Math.max(index - segment.textStart, 0), segment.sourceLength)
    },
  }
}

function collectControls(root: MdastRoot, text: string, type: FileType): ControlComment[] {
  const comments: ControlComment[] = []
  const scan = (value: string, offset: number) => {
    CONTROL_PATTERN.lastIndex = 0
    for (const match of value.matchAll(CONTROL_PATTERN)) {
      const name = match[1]!
      const bare = name.toLowerCase().replace(/^post-?lint-?/, '')
      const kind =
        (CONTROL_DIRECTIVES as readonly string[]).includes(bare) && /^post-lint-/.test(name)
          ? (bare as ControlComment['kind'])
          : 'unknown'
      const nameStart = offset + match.index + match[0].indexOf(name)
      const directive = { name, start: nameStart, end: nameStart + name.length }
      let list = match[2] ?? ''
      // `-- reason` at the end explains the comment, as in ESLint.
      const reason = list.search(/\s--\s/)
      if (reason !== -1) list = list.slice(0, reason)
      const listStart = offset + match.index + match[0].length - 3 - (match[2] ?? '').length
      const rules: ControlComment['rules'] = []
      for (const rule of list.matchAll(/[^\s,]+/g)) {
        rules.push({
          id: rule[0],
          start: listStart + rule.index,
          end: listStart + rule.index + rule[0].length,
        })
      }
      comments.push({
        kind,
        directive,
        rules: kind === 'unknown' ? [] : rules,
        start: offset + match.index,
        end: offset + match.index + match[0].length,
      })
    }
  }
  const visit = (node: MdastNodes): void => {
    if (node.type === 'html') {
      const start = node.position?.start.offset
      if (start !== undefined) scan(text.slice(start, node.position?.end.offset), start)
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes)
  }
  if (type === 'markdown') visit(root)
  else scan(text, 0)
  return comments
}
