/**
 * Rulebooks through the built `post-lint` command: a broken rulebook stops
 * the run (exit 2, every problem at file:line:column, nothing linted);
 * `extends:` chains, presets and overrides change what drafts get.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runCli, useFixtures } from '../support/cli.js'

const run = (args: string[], cwd: string) => runCli(args, { cwd })
const fixture = useFixtures('rulebook')

/** An English draft without `lang:` with one insensitive word and one profane one. */
const PROFANE = 'The chairman said the weather was crap.\n'
const EN = (text: string) => `---\nlang: en\n---\n${text}`

interface Report {
  filePath: string
  messages: Array<{ ruleId: string; severity: string; actual: string }>
}

/** rule:severity of each finding, per file relative to the fixture. */
function findings(directory: string, args: string[] = []): Record<string, string[]> {
  const result = run(['--format', 'json', ...args], directory)
  expect(result.stderr).toBe('')
  const report = JSON.parse(result.stdout) as Report[]
  return Object.fromEntries(
    report.map((entry) => [
      entry.filePath.slice(directory.length + 1),
      entry.messages.map((message) => `${message.ruleId}:${message.severity}`),
    ]),
  )
}

describe('a broken rulebook stops the run: exit 2, every problem, nothing linted', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'unknown setting and unknown rule, both reported',
      { 'post-lint.yml': 'organistion:\n  name: De Brug\nrules:\n  profanty: error\n' },
      [
        'post-lint.yml:1:1: Unknown setting “organistion” — did you mean “organisation”?',
        'post-lint.yml:4:3: Unknown rule “profanty” — did you mean “profanity”?',
      ],
    ],
    [
      'bad severity and bad option',
      { 'post-lint.yml': 'rules:\n  insensitive: loud\n  profanity: [error, { sureness: high }]\n' },
      [
        'post-lint.yml:2:16: The severity of “insensitive” must be one of off, info, warning, error, not “loud”',
        'post-lint.yml:3:34: Option “sureness” of “profanity” must be a whole number',
      ],
    ],
    [
      'a pattern RE2 cannot run',
      { 'post-lint.yml': "custom:\n  case-number:\n    type: pattern\n    pattern: '(?<=DOS-)\\d+'\n" },
      [
        'post-lint.yml:4:15: The pattern of “case-number” cannot be used: it uses lookbehind (“(?<=…)”), which post-lint does not support: patterns run in linear time (RE2), without lookbehind, lookahead or backreferences',
      ],
    ],
    [
      'a custom id that is a built-in one',
      { 'post-lint.yml': 'custom:\n  secrets:\n    type: avoid\n    phrases: [wachtwoord]\n' },
      [
        'post-lint.yml:2:3: “secrets” is already a built-in rule: give your custom rule another id (such as “secrets-extra”), or set the built-in one under “rules:”',
      ],
    ],
    [
      'unknown preset and missing file',
      { 'post-lint.yml': 'extends: [strikt, ./shared/base.yml]\n' },
      [
        'post-lint.yml:1:11: Unknown preset “strikt” — did you mean “strict”? The presets are recommended, strict, nl, en; another rulebook file is named by its path, such as ./strikt.yml',
        'post-lint.yml:1:19: Cannot find the rulebook “./shared/base.yml” that this one extends (paths are relative to this file)',
      ],
    ],
    [
      'a cycle',
      { 'post-lint.yml': 'extends: ./team.yml\n', 'team.yml': 'extends: ./post-lint.yml\n' },
      ['team.yml:1:10: “extends” goes round in a circle: post-lint.yml → team.yml → post-lint.yml'],
    ],
    [
      'a mistake in an extended file, named by that file',
      { 'post-lint.yml': 'extends: ./shared/base.yml\n', 'shared/base.yml': 'watch: Henk\n' },
      ['shared/base.yml:1:8: “watch” must be a list'],
    ],
    [
      'YAML syntax error',
      { 'post-lint.yml': 'rules: [unclosed\n' },
      [
        'post-lint.yml:2:1: This is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'duplicate key',
      { 'post-lint.yml': 'language: nl\nlanguage: en\n' },
      [
        'post-lint.yml:2:1: “language” is written twice here: keep one (post-lint will not guess which one you mean)',
      ],
    ],
  ]
  for (const [name, files, expected] of cases) {
    it(name, () => {
      const directory = fixture({ ...files, 'drafts/a.md': EN(PROFANE), 'drafts/b.md': EN(PROFANE) })
      const result = run(['--format', 'json', 'drafts'], directory)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      const lines = expected.map((line) => `${directory}/${line}`)
      expect(result.stderr).toBe(`post-lint: ${lines.join('\n')}\n`)
    })
  }

  it('also with --config, and in the stylish format', () => {
    const directory = fixture({ 'rules/house.yml': 'rules:\n  profanity: lowd\n', 'a.md': EN(PROFANE) })
    const result = run(['--config', 'rules/house.yml', 'a.md'], directory)
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toContain(
      `${join(directory, 'rules/house.yml')}:2:14: The severity of “profanity” must be one of off, info, warning, error, not “lowd”`,
    )
  })
})

describe('extends', () => {
  it('merges a chain of files: left to right, then the file itself', () => {
    const directory = fixture({
      'shared/post-lint.yml': [
        'rules:',
        '  insensitive: [warning, { ignore: [chairman] }]',
        '  shouting: off',
        'custom:',
        '  weather-words:',
        '    type: avoid',
        '    phrases: [weather]',
        '    severity: info',
        '',
      ].join('\n'),
      'team/post-lint.yml': 'extends: ../shared\nrules:\n  profanity: error\n',
      'team/a.md': EN(PROFANE),
    })
    expect(findings(directory)).toEqual({
      'team/a.md': ['weather-words:info', 'profanity:error'],
    })
  })

  it('a later severity alone keeps the earlier options (as in ESLint); new options replace them', () => {
    const kept = fixture({
      'base.yml': 'rules:\n  insensitive: [warning, { ignore: [chairman] }]\n',
      'post-lint.yml': 'extends: ./base.yml\nrules:\n  insensitive: error\n',
      'a.md': EN(PROFANE),
    })
    expect(findings(kept)).toEqual({ 'a.md': ['profanity:warning'] })
    const replaced = fixture({
      'base.yml': 'rules:\n  insensitive: [warning, { ignore: [chairman] }]\n',
      'post-lint.yml': 'extends: ./base.yml\nrules:\n  insensitive: [error, { ignore: [] }]\n',
      'a.md': EN(PROFANE),
    })
    expect(findings(replaced)).toEqual({ 'a.md': ['insensitive:error', 'profanity:warning'] })
  })

  it('presets: strict, and recommended after it undoes it', () => {
    const strict = fixture({ 'post-lint.yml': 'extends: strict\n', 'a.md': EN(PROFANE) })
    expect(findings(strict)).toEqual({ 'a.md': ['insensitive:error', 'profanity:error'] })
    const back = fixture({ 'post-lint.yml': 'extends: [strict, recommended]\n', 'a.md': EN(PROFANE) })
    expect(findings(back)).toEqual({ 'a.md': ['insensitive:warning', 'profanity:warning'] })
  })

  it('--rule also sets the rulebook’s own rules (custom, watch), and still rejects unknown ids', () => {
    const directory = fixture({
      'post-lint.yml': 'watch: [Mayor Smith]\ncustom:\n  jargon: { type: avoid, phrases: [synergy] }\n',
      'a.md': EN('Synergy with Mayor Smith.\n'),
    })
    expect(findings(directory)).toEqual({ 'a.md': ['jargon:warning', 'watch:info'] })
    expect(findings(directory, ['--rule', 'jargon:off', '--rule', 'watch:error'])).toEqual({
      'a.md': ['watch:error'],
    })
    const unknown = run(['--rule', 'jargn:off', 'a.md'], directory)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--rule: unknown rule “jargn” — did you mean “jargon”?')
  })

  it('--rule changes the severity on top of the rulebook and keeps its options', () => {
    const directory = fixture({
      'post-lint.yml': 'extends: strict\nrules:\n  insensitive: [warning, { ignore: [chairman] }]\n',
      'a.md': EN('The chairman and the fireman said the weather was crap.\n'),
    })
    expect(findings(directory, ['--rule', 'insensitive:info', '--rule', 'profanity:off'])).toEqual({
      'a.md': ['insensitive:info'],
    })
  })
})

describe('overrides', () => {
  it('change severity and language for matching drafts only', () => {
    const directory = fixture({
      'post-lint.yml': [
        'language: en',
        'rules:',
        '  profanity: error',
        'overrides:',
        '  - files: "newsletter/**"',
        '    rules:',
        '      profanity: info',
        '      insensitive: off',
        '  - files: ["nl/**", "!nl/english-*.md"]',
        '    language: nl',
        '',
      ].join('\n'),
      'post.md': PROFANE,
      'newsletter/june.md': PROFANE,
      'nl/bericht.md': PROFANE,
      'nl/english-post.md': PROFANE,
    })
    expect(findings(directory)).toEqual({
      'newsletter/june.md': ['profanity:info'],
      // Checked as Dutch: the English word lists do not run.
      'nl/bericht.md': [],
      'nl/english-post.md': ['insensitive:warning', 'profanity:error'],
      'post.md': ['insensitive:warning', 'profanity:error'],
    })
  })

  it('in an extended file, globs are relative to that file’s folder', () => {
    const directory = fixture({
      'shared/house.yml': 'overrides:\n  - files: "../drafts/quiet/**"\n    rules: { profanity: off }\n',
      'post-lint.yml': 'extends: ./shared/house.yml\n',
      'drafts/quiet/a.md': EN(PROFANE),
      'drafts/b.md': EN(PROFANE),
    })
    expect(findings(directory)).toEqual({
      'drafts/b.md': ['insensitive:warning', 'profanity:warning'],
      'drafts/quiet/a.md': ['insensitive:warning'],
    })
  })
})

describe('the schema for editors', () => {
  it('ships in the post-lint package too, for `$schema=./node_modules/post-lint/rulebook.schema.json`', () => {
    expect(readFileSync(join(root, 'packages/cli/rulebook.schema.json'), 'utf8')).toBe(
      readFileSync(join(root, 'packages/rulebook/rulebook.schema.json'), 'utf8'),
    )
  })
})

describe('ajv and re2js load only for the rulebooks that need them (packages/cli/scripts/bundle.mjs)', () => {
  /** The on-demand files a run loaded (Node's module log) and its findings. */
  function loads(files: Record<string, string>) {
    const directory = fixture({ ...files, 'a.md': EN('Call DOS-123456 about the crap weather.\n') })
    const result = runCli(['--format', 'json', 'a.md'], { cwd: directory, env: { NODE_DEBUG: 'module' } })
    const loaded = [...new Set(result.stderr.match(/on-demand-[\w-]+\.cjs/g) ?? [])].sort()
    const problems = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('post-lint: '))
      .join('\n')
    const report = result.stdout ? (JSON.parse(result.stdout) as Report[]) : []
    return {
      code: result.code,
      loaded,
      problems,
      rules: report.flatMap((entry) => entry.messages.map((m) => m.ruleId)),
    }
  }

  it('a valid rulebook without patterns: neither', () => {
    expect(loads({ 'post-lint.yml': 'rules:\n  profanity: error\n' })).toEqual({
      code: 1,
      loaded: [],
      problems: '',
      rules: ['profanity'],
    })
  })

  it('a pattern rule: re2js, and the pattern finds what it should', () => {
    const pattern = "custom:\n  case-number:\n    type: pattern\n    pattern: '\\bDOS-\\d{6}\\b'\n"
    expect(loads({ 'post-lint.yml': pattern })).toEqual({
      code: 0,
      loaded: ['on-demand-re2js.cjs'],
      problems: '',
      rules: ['case-number', 'profanity'],
    })
  })

  it('an invalid rulebook: ajv, which explains the mistake', () => {
    const result = loads({ 'post-lint.yml': 'rules:\n  profanity: lowd\n' })
    expect(result).toMatchObject({ code: 2, loaded: ['on-demand-ajv.cjs'], rules: [] })
    expect(result.problems).toMatch(
      /post-lint\.yml:2:14: The severity of “profanity” must be one of off, info, warning, error, not “lowd”$/,
    )
  })
})
