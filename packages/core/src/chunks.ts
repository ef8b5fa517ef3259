/**
 * A draft is linted in chunks: runs of whole top-level blocks, cut only where
 * Markdown cannot join what comes before and after (a blank line followed by
 * an unindented line, outside fenced code, HTML comments and frontmatter).
 * Chunks are parsed and checked on their own and their results are cached, so
 * an editor re-checks only the chunk that was edited.
 *
 * The cut points are a function of the text alone, and a batch run (the CLI)
 * uses the same chunks as an editor: both always report the same findings.
 * Which possible cuts are made is decided by a hash of the first line after
 * them (content-defined chunking), so an edit moves no cut outside the edited
 * block, and chunks are at least MIN_CHUNK long: parsing many small pieces
 * costs more than parsing a few larger ones.
 */

/** A chunk of a draft: `text.slice(start, end)`. */
export interface Chunk {
  start: number
  end: number
}

/** On average one possible cut in this many is made. */
const CUT_ONE_IN = 3
/**
 * No cut is made before a chunk is this long (characters): each chunk costs a
 * parse of its own, so a post of a few paragraphs is one chunk, and a long
 * newsletter is cut into chunks of about 2,000–3,000 characters.
 */
const MIN_CHUNK = 2_000
/** A chunk is cut at the next possible place once it is this long (characters). */
const MAX_CHUNK = 3_000
/** Characters of a block's first line that decide whether a chunk starts there. */
const FIRST_LINE = 64

const FENCE = /^[ \t]*(`{3,}|~{3,})/
const FRONTMATTER_OPEN = /^---[ \t]*$/
const FRONTMATTER_CLOSE = /^---[ \t]*$/
/** HTML blocks whose content may hold blank lines (CommonMark's kind 1). */
const RAW_HTML = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i

/** Offsets where a new top-level block may start a chunk (besides 0), in order. */
export function cutPoints(text: string): number[] {
  const cuts: number[] = []
  let offset = 0
  let fence: { char: string; length: number } | undefined
  // Inside an HTML comment or a raw HTML block: the text that closes it.
  let until: string | undefined
  let afterBlank = false
  let frontmatterEnd = -1
  while (offset < text.length) {
    let next = text.indexOf('\n', offset)
    if (next === -1) next = text.length
    else next += 1
    const line = text.slice(offset, next).replace(/\r?\n$|\r$/, '')
    if (offset === 0 && FRONTMATTER_OPEN.test(line)) frontmatterEnd = frontmatterClose(text, next)
    const inFrontmatter = offset < frontmatterEnd
    const blank = line.trim() === ''
    if (afterBlank && !blank && fence === undefined && until === undefined && !/^[ \t]/.test(line))
      cuts.push(offset)
    if (!inFrontmatter) {
      if (fence) {
        const close = FENCE.exec(line)
        const marks = close?.[1]
        if (
          marks &&
          marks[0] === fence.char &&
          marks.length >= fence.length &&
          line.slice(close[0].length).trim() === ''
        )
          fence = undefined
      } else if (until !== undefined) {
        if (line.toLowerCase().includes(until)) until = undefined
      } else {
        const open = FENCE.exec(line)
        const raw = RAW_HTML.exec(line)
        if (open?.[1]) fence = { char: open[1][0]!, length: open[1].length }
        else if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) until = '-->'
        else if (raw?.[1] && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`))
          until = `</${raw[1].toLowerCase()}>`
      }
    }
    afterBlank = blank && !inFrontmatter
    offset = next
  }
  return cuts
}

/** End offset of a frontmatter block opened on the first line, or -1 when it is not closed. */
function frontmatterClose(text: string, from: number): number {
  let offset = from
  while (offset < text.length) {
    let next = text.indexOf('\n', offset)
    if (next === -1) next = text.length
    else next += 1
    if (FRONTMATTER_CLOSE.test(text.slice(offset, next).replace(/\r?\n$|\r$/, ''))) return next
    offset = next
  }
  return -1
}

/** The draft's chunks, in order, covering the whole text. */
export function splitChunks(text: string): Chunk[] {
  // Too short to be cut (most posts): no need to look for places to cut.
  if (text.length <= MIN_CHUNK) return [{ start: 0, end: text.length }]
  const cuts = cutPoints(text)
  const chunks: Chunk[] = []
  let start = 0
  for (const cut of cuts) {
    // Cut before a block whose first line's hash says so, or once the chunk has grown long. Typing
    // inside a paragraph changes no cut: only the chunk around it is checked again.
    let lineEnd = text.indexOf('\n', cut)
    if (lineEnd === -1 || lineEnd - cut > FIRST_LINE) lineEnd = Math.min(text.length, cut + FIRST_LINE)
    const length = cut - start
    if ((length >= MIN_CHUNK && hash(text, cut, lineEnd) % CUT_ONE_IN === 0) || length >= MAX_CHUNK) {
      chunks.push({ start, end: cut })
      start = cut
    }
  }
  chunks.push({ start, end: text.length })
  return chunks
}

/** FNV-1a over `text.slice(start, end)`, white space left out. */
function hash(text: string, start: number, end: number): number {
  let value = 0x811c9dc5
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 32 || code === 9 || code === 10 || code === 13) continue
    value = Math.imul(value ^ code, 0x01000193) >>> 0
  }
  return value
}

/**
 * Link reference definitions (`[label]: url`) anywhere in a Markdown draft:
 * every chunk is parsed with them, so `[text][label]` and `![alt][label]`
 * resolve in any chunk as they do in the whole draft.
 */
export function linkDefinitions(text: string): string {
  if (!text.includes(']:')) return ''
  const found: string[] = []
  for (const match of text.matchAll(DEFINITION)) found.push(match[0].trim())
  return found.join('\n')
}

const DEFINITION =
  /^ {0,3}\[(?!\^)(?:[^\]\\\n]|\\.){1,999}\]:[ \t]*(?:<[^>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm
