/**
 * The built `post-lint` command, run as a user runs it: exit codes, both
 * formats, stdin, ignore files, rulebooks, and the examples' expected output.
 * Set UPDATE_EXPECTED=1 to rewrite examples/<name>/stylish.expected after a
 * deliberate change (and review the diff).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examples, root, runCli, useFixtures } from '../support/cli.js'

const run = runCli
const fixture = useFixtures('e2e')

const CLEAN = '---\nlang: en\n---\nThanks to all our volunteers for a wonderful day at the food bank.\n'
const PROFANE = '---\nlang: en\n---\nThe chairman said the weather was crap.\n'

describe('exit codes', () => {
  it('0 for clean drafts, with no output', () => {
    const directory = fixture({ 'post.md': CLEAN })
    const result = run(['post.md'], { cwd: directory })
    expect(result).toMatchObject({ code: 0, stdout: '' })
  })

  it('0 for warnings only, 1 once a rule is an error', () => {
    const directory = fixture({ 'post.md': PROFANE })
    expect(run(['post.md'], { cwd: directory }).code).toBe(0)
    expect(run(['post.md', '--rule', 'profanity:error'], { cwd: directory }).code).toBe(1)
  })

  it('1 when warnings exceed --max-warnings, 0 within it', () => {
    const directory = fixture({ 'post.md': PROFANE })
    const over = run(['post.md', '--max-warnings', '1'], { cwd: directory })
    expect(over.code).toBe(1)
    expect(over.stderr).toMatch(/too many warnings \(2; at most 1/)
    expect(run(['post.md', '--max-warnings', '2'], { cwd: directory }).code).toBe(0)
  })

  it('2 for a missing path, naming it', () => {
    const result = run(['does-not-exist/'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('No such file or folder: does-not-exist/')
    expect(result.stdout).toBe('')
  })

  it('2 for a glob that matches no drafts, an unknown option, a bad --rule', () => {
    const directory = fixture({ 'post.md': CLEAN })
    expect(run(['nothing/**/*.md'], { cwd: directory }).code).toBe(2)
    const option = run(['--frobnicate'], { cwd: directory })
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/frobnicate/)
    const rule = run(['--rule', 'profanty:error', 'post.md'], { cwd: directory })
    expect(rule.code).toBe(2)
    expect(rule.stderr).toContain('did you mean “profanity”')
    expect(run(['--rule', 'profanity:loud', 'post.md'], { cwd: directory }).code).toBe(2)
    expect(run(['--format', 'xml', 'post.md'], { cwd: directory }).code).toBe(2)
    expect(run(['--max-warnings', 'lots', 'post.md'], { cwd: directory }).code).toBe(2)
  })
})

describe('--format json (public contract)', () => {
  it('prints exactly one array with an entry per linted file, and nothing else', () => {
    const directory = fixture({ 'a.md': PROFANE, 'b.md': CLEAN })
    const result = run(['--format', 'json', '.'], { cwd: directory })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{
      filePath: string
      messages: Array<Record<string, unknown>>
    }>
    expect(report.map((entry) => entry.filePath)).toEqual([join(directory, 'a.md'), join(directory, 'b.md')])
    expect(report[1]!.messages).toEqual([])
    // Every entry names the post-lint that made the report (the one `--version` prints).
    const version = run(['--version']).stdout.trim()
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
    for (const entry of report) {
      expect(Object.keys(entry)).toEqual(['filePath', 'messages', 'postLintVersion'])
      expect(entry).toHaveProperty('postLintVersion', version)
    }
    const [chairman, crap] = report[0]!.messages
    expect(Object.keys(chairman!)).toEqual([
      'ruleId',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'offset',
      'endOffset',
      'actual',
      'suggestions',
      'url',
    ])
    expect(chairman).toMatchObject({
      ruleId: 'insensitive',
      severity: 'warning',
      line: 4,
      column: 5,
      endLine: 4,
      endColumn: 13,
      offset: 21,
      endOffset: 29,
      actual: 'chairman',
    })
    expect((chairman!.suggestions as string[]).slice(0, 2)).toEqual(['chair', 'head'])
    expect(crap).toMatchObject({ ruleId: 'profanity', line: 4, column: 35, actual: 'crap', suggestions: [] })
    expect(PROFANE.slice(crap!.offset as number, crap!.endOffset as number)).toBe('crap')
  })

  it('keeps positions exact with CRLF line endings and a byte order mark', () => {
    const directory = fixture({ 'post.md': `\uFEFF${PROFANE.replace(/\n/g, '\r\n')}` })
    const report = JSON.parse(run(['--format', 'json', 'post.md'], { cwd: directory }).stdout)
    const crap = report[0].messages.find((message: { ruleId: string }) => message.ruleId === 'profanity')
    expect(crap).toMatchObject({ line: 4, column: 35, endColumn: 39, offset: 54, endOffset: 58 })
  })

  it('--quiet leaves only errors', () => {
    const directory = fixture({ 'post.md': PROFANE })
    const report = JSON.parse(
      run(['--format', 'json', '--quiet', '--rule', 'profanity:error', 'post.md'], { cwd: directory }).stdout,
    )
    expect(report[0].messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['profanity'])
  })
})

describe('stylish', () => {
  it('groups per file and shows the line with the span underlined', () => {
    const directory = fixture({ 'post.md': PROFANE })
    const { stdout } = run(['post.md'], { cwd: directory })
    const lines = stdout.split('\n')
    expect(lines).toContain('post.md')
    const index = lines.findIndex((line) => line.includes('profanity'))
    expect(lines[index]).toMatch(/^ {2}4:35 +warning +Don’t use “crap”/)
    expect(lines[index + 1]).toMatch(/│ The chairman said the weather was crap\.$/)
    expect(lines[index + 2]!.indexOf('^^^^')).toBe(lines[index + 1]!.indexOf('crap'))
    expect(stdout).toMatch(/✖ 2 problems \(0 errors, 2 warnings, 0 info\)/)
    expect(stdout).not.toContain('\u001b[')
  })

  it('colours only when asked or on a terminal', () => {
    const directory = fixture({ 'post.md': PROFANE })
    expect(run(['--color', 'post.md'], { cwd: directory }).stdout).toContain('\u001b[')
  })
})

describe('secrets in the output', () => {
  const TWO =
    '---\nlang: en\n---\nLogin: password: Sunflower!24 and token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8, what crap.\n'

  it('no format shows a secret, even two on one line or one hidden by --quiet', () => {
    const directory = fixture({
      'post.md': TWO,
      'post-lint.yml': 'rules:\n  secrets: warning\n  profanity: error\n',
    })
    for (const args of [[], ['--format', 'json'], ['--quiet'], ['--rule', 'shouting:error', '--quiet']]) {
      const result = run(['post.md', ...args], { cwd: directory })
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(/Sunflower|ghp_A1b2C3/)
    }
    const quiet = run(['post.md', '--quiet'], { cwd: directory }).stdout
    expect(quiet).toContain('profanity')
    expect(quiet).not.toContain('secrets')
    const stylish = run(['post.md'], { cwd: directory }).stdout
    expect(stylish).toContain(
      'Login: password: •••••••••••• and token ••••••••••••••••••••••••••••••••••••••••',
    )
  })
})

describe('--stdin', () => {
  it('lints standard input, named by --stdin-filename, with the rulebook of that path', () => {
    const directory = fixture({ 'drafts/post-lint.yml': 'rules:\n  profanity: error\n' })
    const result = run(['--stdin', '--stdin-filename', 'drafts/new.md', '--format', 'json'], {
      cwd: directory,
      input: PROFANE,
    })
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report[0].filePath).toBe(join(directory, 'drafts/new.md'))
    expect(
      report[0].messages.find((message: { ruleId: string }) => message.ruleId === 'profanity').severity,
    ).toBe('error')
  })

  it('without a file name reports <stdin>', () => {
    const report = JSON.parse(run(['--stdin', '--format', 'json', '--no-config'], { input: PROFANE }).stdout)
    expect(report[0].filePath).toBe('<stdin>')
    expect(report[0].messages).toHaveLength(2)
  })
})

describe('files and ignore files', () => {
  it('finds .md, .markdown and .txt in folders, skips node_modules, .gitignore and .postlintignore entries', () => {
    const directory = fixture({
      '.gitignore': 'build/\n',
      '.postlintignore': 'old/*.md\n',
      'a.md': PROFANE,
      'b.markdown': PROFANE,
      'c.txt': 'The chairman said the weather was crap.\n',
      'notes.json': '{}',
      'build/x.md': PROFANE,
      'old/y.md': PROFANE,
      'sub/.postlintignore': 'private.md\n',
      'sub/private.md': PROFANE,
      'sub/public.md': PROFANE,
      'node_modules/pkg/readme.md': PROFANE,
    })
    const report = JSON.parse(run(['--format', 'json'], { cwd: directory }).stdout) as Array<{
      filePath: string
    }>
    expect(report.map((entry) => entry.filePath.slice(directory.length + 1))).toEqual([
      'a.md',
      'b.markdown',
      'c.txt',
      'sub/public.md',
    ])
  })

  it('says so when an explicitly named file is ignored', () => {
    const directory = fixture({ '.postlintignore': 'old.md\n', 'old.md': PROFANE, 'new.md': CLEAN })
    const result = run(['old.md', 'new.md', '--format', 'json'], { cwd: directory })
    expect(result.stderr).toContain('old.md is ignored')
    expect(JSON.parse(result.stdout)).toHaveLength(1)
  })

  it('expands globs', () => {
    const directory = fixture({ 'drafts/a.md': PROFANE, 'drafts/deep/b.md': CLEAN, 'other/c.md': PROFANE })
    const report = JSON.parse(
      run(['drafts/**/*.md', '--format', 'json'], { cwd: directory }).stdout,
    ) as Array<{
      filePath: string
    }>
    expect(report.map((entry) => entry.filePath.slice(directory.length + 1))).toEqual([
      'drafts/a.md',
      'drafts/deep/b.md',
    ])
  })
})

describe('rulebooks', () => {
  it('uses the nearest post-lint.yml walking up from each file', () => {
    const directory = fixture({
      'post-lint.yml': 'rules:\n  profanity: error\n',
      'team/.post-lint.yml': 'rules:\n  profanity: off\n',
      'a.md': PROFANE,
      'team/b.md': PROFANE,
    })
    const report = JSON.parse(run(['--format', 'json'], { cwd: directory }).stdout) as Array<{
      messages: Array<{ ruleId: string; severity: string }>
    }>
    expect(report[0]!.messages.find((message) => message.ruleId === 'profanity')?.severity).toBe('error')
    expect(report[1]!.messages.some((message) => message.ruleId === 'profanity')).toBe(false)
  })

  it('--config overrides discovery, --no-config ignores rulebooks, --rule wins over both', () => {
    const directory = fixture({
      'post-lint.yml': 'rules:\n  profanity: error\n',
      'other.yml': 'rules:\n  insensitive: off\n',
      'a.md': PROFANE,
    })
    const ids = (args: string[]) =>
      (
        JSON.parse(run([...args, '--format', 'json', 'a.md'], { cwd: directory }).stdout)[0]
          .messages as Array<{
          ruleId: string
          severity: string
        }>
      ).map((message) => `${message.ruleId}:${message.severity}`)
    expect(ids([])).toEqual(['insensitive:warning', 'profanity:error'])
    expect(ids(['--config', 'other.yml'])).toEqual(['profanity:warning'])
    expect(ids(['--no-config'])).toEqual(['insensitive:warning', 'profanity:warning'])
    expect(ids(['--rule', 'profanity:info'])).toEqual(['insensitive:warning', 'profanity:info'])
  })

  it('stops with exit 2 and file:line:column for a broken rulebook, linting nothing', () => {
    const directory = fixture({
      'post-lint.yml': 'language: nl\nrules:\n  profanty: error\n',
      'a.md': PROFANE,
    })
    const result = run(['--format', 'json', 'a.md'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      `${join(directory, 'post-lint.yml')}:3:3: Unknown rule “profanty” — did you mean “profanity”?`,
    )
    const yaml = run(['a.md'], { cwd: fixture({ 'post-lint.yml': 'rules: [unclosed\n', 'a.md': CLEAN }) })
    expect(yaml.code).toBe(2)
    expect(yaml.stderr).toMatch(/post-lint\.yml:\d+:\d+: /)
  })

  it('2 when --config names a missing file', () => {
    const directory = fixture({ 'a.md': CLEAN })
    const result = run(['--config', 'nope.yml', 'a.md'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('nope.yml')
  })
})

describe('--version and --help', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8'))
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` })
  })

  it('prints usage with examples', () => {
    const result = run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: post-lint')
    expect(result.stdout).toContain('Examples:')
    expect(result.stdout).toContain('--stdin-filename')
  })
})

describe('examples/ (expected output)', () => {
  const names = readdirSync(examples).filter((name) => statSync(join(examples, name)).isDirectory())

  it('ships at least a Dutch and an English setup', () => {
    expect(names.length).toBeGreaterThanOrEqual(2)
  })

  for (const name of names) {
    it(`${name}: stylish output matches stylish.expected`, () => {
      const directory = join(examples, name)
      const result = run([], { cwd: directory })
      const expectedFile = join(directory, 'stylish.expected')
      const actual = `exit ${result.code}\n${result.stdout}${result.stderr}`
      if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, actual)
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'))
    })
  }
})
