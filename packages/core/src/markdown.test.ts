/**
 * post-lint leaves micromark constructs out of texts where they cannot match
 * (see `markdownTree` in parse.ts): the trees must stay remark-gfm's,
 * positions included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { markdownTree, markdownVariants } from './parse.js'

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const root = new URL('../../../', import.meta.url).pathname

const SAMPLES = [
  'Mail jan@example.org of <info@example.nl>, en jan.de.vries+tag@mail.example.co.uk.',
  'foo@bar.baz_ en foo@bar.example- en a@b en @user en @user@mastodon.social',
  'x **jan@example.org** y, `code jan@c.d`, [link](https://a.b) jan@c.d.',
  'Zie www.example.com/a_(b) en https://x.org/y?z=1. En http://a.nl, (https://b.nl).',
  'WWW.EXAMPLE.COM en Https://Example.org/x en www.x en https://',
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n\nna de tabel',
  'a\n:-:\n\nb\n--:\n\nc\n:--',
  'a | b\n- | -',
  'a\n-\n\nb\n---\n\n:- geen tabel\n\n-: ook niet',
  'Tekst[^1] en meer[^noot].\n\n[^1]: Een voetnoot.\n[^noot]: Nog een.',
  '~een~ ~~twee~~ ~~~drie~~~',
  '- [ ] taak\n- [x] klaar\n* [X] ook',
  '---\nlang: nl\nplatform: x\n---\n\n# Kop\n\nTekst met www.example.nl.',
  '> citaat met https://example.nl\n> en jan@example.nl\n\n1. lijst\n2. met | pipe',
  'mailto:jan@x.nl xmpp:a@b.c <https://x.nl> <mailto:a@b.nl> [ref][1]\n\n[1]: https://example.nl "titel"',
  // URLs only as link targets: parsed without autolink literals, unless a text node says otherwise.
  'Lees [het verhaal](https://example.nl/a_(b)) en [meer](<https://x.nl/c d>).',
  'Geen literal: `https://code.nl`, <span title="www.x.nl">a</span>, ![www.alt.nl](https://img.nl/a.png).',
  'Wel: \\[geen link\\](https://escaped.nl) en [open](https://unclosed.nl zonder haakje.',
  'Wel: [zie www.label.nl](https://a.nl) en (https://tussen.nl) en <www.geen-autolink.nl>.',
  'Wel, uit tekens: &#119;ww.example.nl, jan&#64;example.nl en https&#58;//example.nl.',
  'Volg @welzijn en @jan@mastodon.social, mail naar (jan@x.nl) of `@code`, a @ b, x@ y, x @y.',
  'Wel: .a@.w, jan@.nl en (x.nl-@.https://x)',
  'Geen adres: `@ourcharity` en @buurthuis, [link](https://a.nl); wel &#106;an&#64;x.nl en a\\@b.nl.',
  '# Kop met https://kop.nl\n\n> [citaat](https://a.nl)\n\n- [lijst](https://b.nl) en WWW.C.NL',
]

function drafts(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (name === 'node_modules') return []
    if (statSync(path).isDirectory()) return drafts(path)
    return /\.(md|markdown|txt)$/.test(name) ? [readFileSync(path, 'utf8')] : []
  })
}

describe('markdownTree', () => {
  it('gives remark-gfm’s tree for e-mail addresses, URLs, tables, footnotes, strikethrough and tasks', () => {
    for (const text of SAMPLES) expect(markdownTree(text), text).toEqual(remark.parse(text))
  })

  it('gives remark-gfm’s tree for every draft of the test corpora and the examples', () => {
    const texts = [
      ...drafts(join(root, 'test/corpus')),
      ...drafts(join(root, 'test/corpus-blind')),
      ...drafts(join(root, 'examples')),
    ]
    expect(texts.length).toBeGreaterThan(100)
    for (const text of texts) expect(markdownTree(text)).toEqual(remark.parse(text))
  })

  it('gives remark-gfm’s tree for texts pieced together from Markdown’s and links’ marks', () => {
    // Seeded, so a failure names a text that fails again. 60,000 such texts agreed when this was written.
    const parts = ['www.', 'http://', 'https://', 'x.nl', '@', 'jan', ' ', '\n', '[', ']', '(', ')', '](']
    parts.push(
      '<',
      '>',
      '`',
      '*',
      '_',
      '\\',
      '&#64;',
      '&#119;',
      'w',
      '.',
      ':',
      '!',
      '|',
      '-',
      '~',
      '# ',
      '> ',
    )
    parts.push('- ', '"', 'a', 'é', '/')
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % below
    }
    for (let index = 0; index < 1_500; index++) {
      let text = ''
      for (let part = random(25); part >= 0; part--) text += parts[random(parts.length)]
      expect(markdownTree(text), text).toEqual(remark.parse(text))
    }
  })

  it('parses a text whose URLs are all link targets without autolink literals', () => {
    const text = 'Lees [het verhaal](https://example.nl/a) of www-achtige woorden als wwwx.'
    expect(markdownTree(text, false)).toEqual(unified().use(remarkParse).use(remarkGfm).parse(text))
    expect(markdownVariants()).toContain('false none false')
    // A literal in the text: parsed again with them, so no lean tree may stand for it.
    const literal = 'Lees [het](https://example.nl/a) op www.example.nl.'
    const tree = markdownTree(literal, false)
    expect(JSON.stringify(tree)).toContain('"url":"http://www.example.nl"')
  })

  it('without frontmatter, `---` at the top is a thematic break', () => {
    expect(markdownTree('---\na: b\n---\n', false).children.map((node) => node.type)).toEqual([
      'thematicBreak',
      'heading',
    ])
  })
})
