/**
 * `<!-- post-lint-… -->` comments that switch rules off and on.
 */
import { describe, expect, it } from 'vitest'
import { type LintConfig, Linter, type LintResult, type Rule } from './index.js'

const phraseRule = (id: string, word: string): Rule => ({
  meta: { id, defaultSeverity: 'warning' },
  phrases: [{ match: word }],
})

const rules = [phraseRule('alpha', 'aaa'), phraseRule('beta', 'bbb'), phraseRule('gamma-rule', 'ccc')]

async function lint(text: string, filePath?: string, config: LintConfig = {}): Promise<LintResult> {
  return new Linter({ rules, config }).lint(text, { language: 'en', ...(filePath ? { filePath } : {}) })
}

/** `line:ruleId` of every message, in order. */
async function left(text: string, filePath?: string): Promise<string[]> {
  return (await lint(text, filePath)).messages.map((message) => `${message.line}:${message.ruleId}`)
}

describe('disable … enable', () => {
  it('named rules are off between the comments, others stay on', async () => {
    const text = [
      'aaa bbb ccc',
      '',
      '<!-- post-lint-disable alpha beta -->',
      '',
      'aaa bbb ccc',
      '',
      '<!-- post-lint-enable -->',
      '',
      'aaa bbb ccc',
    ].join('\n')
    expect(await left(text)).toEqual([
      '1:alpha',
      '1:beta',
      '1:gamma-rule',
      '5:gamma-rule',
      '9:alpha',
      '9:beta',
      '9:gamma-rule',
    ])
  })

  it('without names: every rule off; `enable a` turns one back on', async () => {
    const text = '<!-- post-lint-disable -->\n\naaa bbb\n\n<!-- post-lint-enable alpha -->\n\naaa bbb ccc'
    expect(await left(text)).toEqual(['7:alpha'])
  })

  it('`enable a` after `disable a b` leaves b off', async () => {
    const text = '<!-- post-lint-disable alpha beta -->\naaa bbb\n<!-- post-lint-enable alpha -->\naaa bbb'
    expect(await left(text)).toEqual(['4:alpha'])
  })

  it('disable to the end of the file without enable', async () => {
    expect(await left('aaa\n\n<!-- post-lint-disable alpha -->\n\naaa\n\naaa')).toEqual(['1:alpha'])
  })

  it('inside a paragraph, from the comment on', async () => {
    expect(
      await left('aaa <!-- post-lint-disable alpha --> aaa <!-- post-lint-enable alpha --> aaa'),
    ).toEqual(['1:alpha', '1:alpha'])
  })

  it('comma-separated names, with or without spaces, no spaces inside the comment', async () => {
    expect(await left('<!-- post-lint-disable alpha,beta -->\naaa bbb ccc')).toEqual(['2:gamma-rule'])
    expect(await left('<!-- post-lint-disable alpha , beta,gamma-rule -->\naaa bbb ccc')).toEqual([])
    expect(await left('<!--post-lint-disable alpha-->\naaa bbb')).toEqual(['2:beta'])
  })

  it('names over several lines', async () => {
    expect(await left('<!-- post-lint-disable\n  alpha\n  beta\n-->\n\naaa bbb ccc')).toEqual([
      '6:gamma-rule',
    ])
  })

  it('`-- reason` after the names explains the comment', async () => {
    expect(await left('<!-- post-lint-disable alpha -- quoting a source -->\naaa bbb')).toEqual(['2:beta'])
    expect(await left('<!-- post-lint-disable -- whole post is a quote -->\naaa bbb')).toEqual([])
    const result = await lint('<!-- post-lint-disable alpha -- not: a rule, name -->\naaa')
    expect(result.messages).toEqual([])
  })

  it('in list items and block quotes', async () => {
    expect(await left('- aaa\n- <!-- post-lint-disable alpha --> aaa\n\n> aaa')).toEqual(['1:alpha'])
  })
})

describe('disable-next-line and disable-line', () => {
  it('disable-next-line: only the next line, only the named rules', async () => {
    const text = '<!-- post-lint-disable-next-line alpha -->\naaa bbb\naaa bbb'
    expect(await left(text)).toEqual(['2:beta', '3:alpha', '3:beta'])
  })

  it('disable-next-line without names: every rule on the next line', async () => {
    expect(await left('aaa\n<!-- post-lint-disable-next-line -->\naaa bbb\naaa')).toEqual([
      '1:alpha',
      '4:alpha',
    ])
  })

  it('disable-next-line counts from the line the comment ends on', async () => {
    expect(await left('<!-- post-lint-disable-next-line\n  alpha -->\naaa\naaa')).toEqual(['4:alpha'])
  })

  it('the next line is the next line, even when it is blank', async () => {
    expect(await left('<!-- post-lint-disable-next-line alpha -->\n\naaa')).toEqual(['3:alpha'])
  })

  it('with CRLF line endings', async () => {
    expect(await left('<!-- post-lint-disable-next-line alpha -->\r\naaa\r\naaa')).toEqual(['3:alpha'])
  })

  it('disable-line: the line the comment is on, at its end or start', async () => {
    expect(await left('aaa bbb <!-- post-lint-disable-line alpha -->\naaa')).toEqual(['1:beta', '2:alpha'])
    expect(await left('x <!-- post-lint-disable-line beta --> aaa bbb')).toEqual(['1:alpha'])
    // At the very start of a line, Markdown reads the whole line as an HTML block: no prose to check.
    expect(await left('<!-- post-lint-disable-line beta --> aaa bbb')).toEqual([])
    expect(await left('aaa bbb <!-- post-lint-disable-line -->')).toEqual([])
  })

  it('disable-line with a reason and a list', async () => {
    expect(await left('aaa bbb ccc <!-- post-lint-disable-line alpha,beta -- a quote -->')).toEqual([
      '1:gamma-rule',
    ])
  })
})

describe('unknown names', () => {
  it('are errors at the exact position of the name, with a did-you-mean and a fix', async () => {
    const result = await lint('aaa\n\n<!-- post-lint-disable alpah, nonsense -->\n\naaa')
    expect(result.messages).toEqual([
      expect.objectContaining({ ruleId: 'alpha', line: 1 }),
      {
        ruleId: 'control-comment',
        severity: 'error',
        message:
          'Unknown rule “alpah” in a post-lint comment (did you mean “alpha”?); the comment does nothing for it.',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 29,
        offset: 28,
        endOffset: 33,
        actual: 'alpah',
        suggestions: ['alpha'],
        fix: { range: [28, 33], text: 'alpha' },
        url: expect.stringContaining('control-comment'),
      },
      {
        ruleId: 'control-comment',
        severity: 'error',
        message: 'Unknown rule “nonsense” in a post-lint comment; the comment does nothing for it.',
        line: 3,
        column: 31,
        endLine: 3,
        endColumn: 39,
        offset: 35,
        endOffset: 43,
        actual: 'nonsense',
        suggestions: [],
        url: expect.stringContaining('control-comment'),
      },
      // “alpah” was not understood, so alpha is still on.
      expect.objectContaining({ ruleId: 'alpha', line: 5 }),
    ])
  })

  it('in a Dutch draft the message is Dutch', async () => {
    const result = await new Linter({ rules }).lint('<!-- post-lint-disable-next-line gamma-rul -->', {
      language: 'nl',
    })
    expect(result.messages.map((message) => message.message)).toEqual([
      'Onbekende regel “gamma-rul” in een post-lint-opmerking (bedoel je “gamma-rule”?); de opmerking doet er niets mee.',
    ])
  })

  it('positions after CRLF lines and a BOM', async () => {
    const result = await lint('\uFEFFaaa\r\n\r\n<!-- post-lint-enable   zzz -->')
    expect(result.messages.find((message) => message.ruleId === 'control-comment')).toMatchObject({
      line: 3,
      column: 25,
      offset: 31,
      endOffset: 34,
      actual: 'zzz',
    })
  })

  it('rules that are switched off in the config, and engine rules, are known', async () => {
    const result = await lint('<!-- post-lint-disable beta frontmatter -->\n\nbbb', undefined, {
      rules: { beta: 'off' },
    })
    expect(result.messages).toEqual([])
  })

  it('the reason is not read as names', async () => {
    const result = await lint('<!-- post-lint-disable alpha -- because nonsense -->')
    expect(result.messages).toEqual([])
  })

  it('control-comment errors cannot be disabled themselves', async () => {
    const result = await lint('<!-- post-lint-disable -->\n\n<!-- post-lint-enable nope -->')
    expect(result.messages.map((message) => message.ruleId)).toEqual(['control-comment'])
  })
})

describe('what is not a control comment', () => {
  it.each([
    ['a fenced code block', '```\n<!-- post-lint-disable -->\n```\n\naaa'],
    ['inline code', '`<!-- post-lint-disable -->`\n\naaa'],
    ['an indented code block', 'x\n\n    <!-- post-lint-disable -->\n\naaa'],
    ['an ordinary comment', '<!-- disable alpha -->\n\naaa'],
  ])('%s', async (_name, text) => {
    expect((await lint(text)).messages.map((message) => message.ruleId)).toEqual(['alpha'])
  })

  it('a misspelt directive is reported (it switches nothing off), with the likely directive as fix', async () => {
    const text = '<!-- post-lint-disabled -->\n\naaa'
    const { messages } = await lint(text)
    expect(messages.map((message) => message.ruleId)).toEqual(['control-comment', 'alpha'])
    expect(messages[0]).toMatchObject({
      line: 1,
      column: 6,
      endColumn: 24,
      actual: 'post-lint-disabled',
      suggestions: ['post-lint-disable'],
      fix: { range: [5, 23], text: 'post-lint-disable' },
    })
    expect(messages[0]!.message).toContain('Unknown post-lint comment “post-lint-disabled”')
  })

  it('unknown names in a code block are not reported', async () => {
    expect((await lint('```\n<!-- post-lint-disable nope -->\n```')).messages).toEqual([])
  })
})

describe('in plain-text files', () => {
  it('the same comments work', async () => {
    const text = [
      'aaa 1',
      '<!-- post-lint-disable-next-line alpha -->',
      'aaa bbb 3',
      '',
      '<!-- post-lint-disable -->',
      'aaa bbb 6',
      '<!-- post-lint-enable beta -->',
      'aaa bbb 8 <!-- post-lint-disable-line beta -->',
      'aaa bbb 9',
      '<!-- post-lint-enable -->',
      'aaa 11 <!-- post-lint-disable-line alhpa -->',
    ].join('\n')
    const result = await lint(text, 'post.txt')
    expect(result.messages.map((message) => `${message.line}:${message.column}:${message.ruleId}`)).toEqual([
      '1:1:alpha',
      '3:5:beta',
      '9:5:beta',
      '11:1:alpha',
      '11:36:control-comment',
    ])
  })
})
