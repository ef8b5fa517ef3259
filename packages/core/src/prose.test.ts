/**
 * What counts as prose: code, URLs, e-mail addresses, comments and
 * frontmatter are never matched; link text and image descriptions are.
 * Plain-text files are prose as written (no Markdown).
 */
import { describe, expect, it } from 'vitest'
import { fileTypeOf, Linter, type LintFileOptions, type Rule } from './index.js'

const demo: Rule = {
  meta: { id: 'demo', defaultSeverity: 'warning' },
  phrases: [{ match: 'onder ons gezegd' }, { match: 'kut*' }, { match: 'damn' }, { match: 'not emphasis' }],
}

async function found(text: string, options: LintFileOptions = {}): Promise<string[]> {
  const result = await new Linter({ rules: [demo] }).lint(text, { language: 'nl', ...options })
  return result.messages.map((message) => `${message.line}:${message.column} ${message.actual}`)
}

describe('not prose (Markdown)', () => {
  it.each([
    ['fenced code block', '```\nkut\n```'],
    ['fenced code block with a language and tildes', '~~~text\ndamn kut\n~~~'],
    ['indented code block', 'Intro.\n\n    kut in code\n'],
    ['inline code', 'Typ `kut` niet.'],
    ['inline code with backticks inside', 'Typ ``kut ` damn`` niet.'],
    ['autolink', 'Zie <https://kut.nl/damn>.'],
    ['e-mail autolink', 'Mail <kut@example.nl>.'],
    ['GFM www literal', 'Zie www.kut.nl vandaag.'],
    ['GFM https literal with a path', 'Zie https://example.nl/kut/damn?x=kut#damn vandaag.'],
    ['bare domain with a path', 'Zie example.nl/kut of kut.nl vandaag.'],
    ['bare domain at the end of a sentence', 'Kijk op kutwijf.com.'],
    ['markdown link URL', 'Lees [het verslag](https://example.nl/kut).'],
    ['link title', 'Lees [het verslag](https://example.nl "damn").'],
    ['image URL and title', '![Foto](https://example.nl/kut.png "damn")'],
    ['reference definition', 'Zie [het verslag][1].\n\n[1]: https://example.nl/kut "damn"'],
    ['e-mail address in text', 'Mail kut.damn@example.nl of info@kut.nl.'],
    ['HTML comment inline', 'Tekst <!-- kut --> hier.'],
    ['HTML comment block', '<!--\nkut\ndamn\n-->\n\nTekst.'],
    ['HTML block', '<div>\nkut\n</div>\n\nTekst.'],
    ['frontmatter values', '---\ntitle: kut\ntags: [damn]\n---\n\nTekst.'],
  ])('%s', async (_name, text) => {
    expect(await found(text)).toEqual([])
  })

  it('link text is prose', async () => {
    expect(await found('Lees [kut en damn](https://example.nl).')).toEqual(['1:7 kut', '1:14 damn'])
  })

  it('a link whose text is its own URL is not prose', async () => {
    expect(await found('[https://example.nl/kut](https://example.nl/kut)')).toEqual([])
  })

  it('image descriptions are prose (they are published as alt text)', async () => {
    expect(await found('![Een kut foto](foto.png)')).toEqual(['1:7 kut'])
  })

  it('prose around code, URLs and comments is still checked, at exact positions', async () => {
    const text = 'kut `code` damn https://example.nl/x kut <!-- c --> damn'
    expect(await found(text)).toEqual(['1:1 kut', '1:12 damn', '1:38 kut', '1:53 damn'])
  })

  it('the punctuation after a URL is not part of it', async () => {
    expect(await found('Zie https://example.nl/x, kut.')).toEqual(['1:27 kut'])
  })

  it('a URL in the second line of a block quote is not prose', async () => {
    expect(await found('> Zie\n> example.nl/kut en kut')).toEqual(['2:21 kut'])
  })

  it('text inside inline HTML tags is prose', async () => {
    expect(await found('Een <b>kut</b> dag.')).toEqual(['1:8 kut'])
  })

  it('headings, list items, quotes, emphasis, strikethrough and footnotes are prose', async () => {
    const text = '# kut\n\n- kut\n\n> kut\n\n*kut* ~~kut~~ [^1]\n\n[^1]: kut\n'
    expect(await found(text)).toEqual(['1:3 kut', '3:3 kut', '5:3 kut', '7:2 kut', '7:9 kut', '9:7 kut'])
  })

  it('table cells are prose (mdast-util-to-nlcst skips tables; post-lint does not)', async () => {
    const text = '| Wat | Wie |\n|---|---|\n| kut | damn |\n\n> | x | y |\n> |---|---|\n> | a | kut |'
    expect(await found(text)).toEqual(['3:3 kut', '3:9 damn', '7:9 kut'])
  })

  it('a phrase does not run from one table cell into the next', async () => {
    expect(await found('| onder ons | gezegd |\n|---|---|')).toEqual([])
    expect(await found('| onder ons gezegd | x |\n|---|---|')).toEqual(['1:3 onder ons gezegd'])
  })

  it('hashtag and mention text is prose', async () => {
    expect(await found('#kut @kut')).toEqual(['1:2 kut', '1:7 kut'])
  })

  it('a phrase does not run on from a heading into the paragraph under it', async () => {
    expect(await found('# onder ons\n\ngezegd')).toEqual([])
  })

  it('a phrase does not run on from one list item into the next', async () => {
    expect(await found('- onder ons\n- gezegd')).toEqual([])
  })
})

describe('plain-text files', () => {
  it('.txt and .text are plain text, everything else Markdown', () => {
    expect(fileTypeOf('post.txt')).toBe('text')
    expect(fileTypeOf('POST.TXT')).toBe('text')
    expect(fileTypeOf('post.text')).toBe('text')
    expect(fileTypeOf('post.md')).toBe('markdown')
    expect(fileTypeOf('post.txt.md')).toBe('markdown')
    expect(fileTypeOf(undefined)).toBe('markdown')
  })

  it('Markdown syntax is not interpreted: positions are exact around *, #, ` and [', async () => {
    // “[damn]” is a bracketed word here, so literal (not flagged), as in retext.
    const text = '*not emphasis* en `kut`\n# damn\n    kut [damn](https://example.nl)'
    expect(await found(text, { filePath: 'post.txt' })).toEqual([
      '1:2 not emphasis',
      '1:20 kut',
      '2:3 damn',
      '3:5 kut',
    ])
  })

  it('in Markdown the same text reads differently', async () => {
    // Inline code is not prose; the indented line after a heading is a code block.
    const text = '*not emphasis* en `kut`\n# damn\n    kut [damn](https://example.nl)'
    expect(await found(text, { filePath: 'post.md' })).toEqual(['1:2 not emphasis', '2:3 damn'])
  })

  it('fileType overrides the file name', async () => {
    expect(await found('`kut`', { filePath: 'post.md', fileType: 'text' })).toEqual(['1:2 kut'])
    expect(await found('`kut`', { filePath: 'post.txt', fileType: 'markdown' })).toEqual([])
  })

  it('URLs and e-mail addresses in plain text are not prose', async () => {
    expect(
      await found('Zie https://kut.nl/x, www.kut.nl, kut.nl en kut@kut.nl. Kut!', { filePath: 'a.txt' }),
    ).toEqual(['1:57 Kut'])
  })

  it('HTML comments are comments in plain text too', async () => {
    expect(await found('Tekst <!-- kut --> hier.', { filePath: 'a.txt' })).toEqual([])
  })

  it('paragraphs end at blank lines (also lines of only spaces), not at single line breaks', async () => {
    expect(await found('onder ons\ngezegd', { filePath: 'a.txt' })).toEqual(['1:1 onder ons\ngezegd'])
    expect(await found('onder ons\n\ngezegd', { filePath: 'a.txt' })).toEqual([])
    expect(await found('onder ons\n  \t \ngezegd', { filePath: 'a.txt' })).toEqual([])
    expect(await found('onder ons\r\n\r\ngezegd', { filePath: 'a.txt' })).toEqual([])
  })

  it('CRLF, lone CR and a BOM in a plain-text file', async () => {
    expect(await found('\uFEFFa\r\nb kut\rc\r\n\r\nd damn', { filePath: 'a.txt' })).toEqual([
      '2:3 kut',
      '5:3 damn',
    ])
  })
})
