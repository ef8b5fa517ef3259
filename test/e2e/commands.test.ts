/**
 * The built `post-lint` commands (init, test, doctor, rules, explain, help),
 * run as a user runs them, in temporary folders; and the shipped examples
 * through `test` and `doctor`. Build first: node scripts/generate.mjs && npx tsc -b.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, ENV, examples, runCli, useFixtures } from '../support/cli.js'

const run = runCli
const fixture = useFixtures('commands')

const summary = /^(\d+) examples?, (\d+) passed, (\d+) failed$/m

/** `post-lint test` passed every example, and there were some. */
function expectAllExamplesPass(result: ReturnType<typeof run>) {
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const [, total, passed, failed] = summary.exec(result.stdout) ?? []
  expect(Number(total)).toBeGreaterThan(0)
  expect(passed).toBe(total)
  expect(failed).toBe('0')
}

/** `post-lint doctor --format json` found no errors (warnings are allowed). */
function doctorErrors(cwd: string, args: string[] = []) {
  const result = run(['doctor', ...args, '--format', 'json'], { cwd })
  expect(result.stderr).toBe('')
  const findings = JSON.parse(result.stdout) as Array<{ severity: string; message: string }>
  expect(result.code).toBe(findings.some((finding) => finding.severity === 'error') ? 1 : 0)
  return findings.filter((finding) => finding.severity === 'error')
}

// A small rulebook with one custom rule of each kind, examples included.
const RULEBOOK = `language: nl
organisation:
  name: Stichting Proef
  vault: "Bitwarden: Sociale media"
accounts:
  - id: instagram-proef
    platform: instagram
    handle: "@proef"
    owners: [Anna, Bram]
    vault: "Bitwarden: Sociale media"
rules:
  bragging: off
  profanity: error
custom:
  deelnemer:
    type: replace
    replace: { cliënten: deelnemers }
    examples:
      flag: ["Onze cliënten koken samen."]
      pass: ["Onze deelnemers koken samen."]
  geen-kolder:
    type: avoid
    phrases: [kolder]
    examples:
      flag: ["Wat een kolder."]
      pass: ["Wat een onzin."]
`
const PROFANE_NL = '---\nlang: nl\n---\nWat een kutweer vandaag, maar onze cliënten kwamen toch.\n'

describe('post-lint init', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`--yes --language ${lang}: a commented rulebook that passes test and doctor`, () => {
      const directory = fixture()
      const result = run(['init', '--yes', '--language', lang], { cwd: directory })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Wrote post-lint.yml')
      const text = readFileSync(join(directory, 'post-lint.yml'), 'utf8')
      expect(text.split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./node_modules/post-lint/rulebook.schema.json',
      )
      expect(text).toContain(`extends: [recommended, ${lang}]`)
      expect(text).toContain(`language: ${lang}`)
      expect(text).toMatch(/^organisation:\n {2}name: /m)
      expect(text).toMatch(/^ {2}vault: /m)
      expect(text).toMatch(/^accounts:\n {2}- id: facebook\n/m)
      expect(text).toMatch(/^rules:\n {2}# profanity: error/m)
      for (const kind of ['avoid', 'replace', 'require']) expect(text).toContain(`    type: ${kind}\n`)
      expect(text).toContain('  #   type: pattern\n')
      expect(text.match(/^ {4}examples:$/gm)?.length).toBe(3)
      if (lang === 'nl') {
        expect(text).toContain('# Het accountregister')
        expect(text).toContain('owners: ["Naam 1", "Naam 2"]')
      } else {
        expect(text).toContain('# The account register')
        expect(text).toContain('owners: ["Name 1", "Name 2"]')
      }
      expect(readdirSync(directory)).toEqual(['post-lint.yml'])

      expectAllExamplesPass(run(['test'], { cwd: directory }))
      expect(doctorErrors(directory)).toEqual([])
      // And drafts are checked with it.
      writeFileSync(join(directory, 'post.md'), PROFANE_NL)
      const lint = run(['--format', 'json', 'post.md'], { cwd: directory })
      expect(lint.stderr).toBe('')
      const ids = JSON.parse(lint.stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId)
      expect(ids).toContain('profanity')
      if (lang === 'nl') expect(ids).toContain('deelnemer')
    })
  }

  it('takes --name and --platforms, quoting what it writes', () => {
    const directory = fixture()
    const name = 'Stichting "De Brug": welzijn # wijk'
    const result = run(
      ['init', '--yes', '--language', 'nl', '--name', name, '--platforms', 'ig, twitter,linkedin'],
      {
        cwd: directory,
      },
    )
    expect(result.code).toBe(0)
    const text = readFileSync(join(directory, 'post-lint.yml'), 'utf8')
    expect(text).toContain(`  name: ${JSON.stringify(name)}\n`)
    expect([...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1])).toEqual([
      'instagram',
      'x',
      'linkedin',
    ])
    expectAllExamplesPass(run(['test'], { cwd: directory }))
    expect(doctorErrors(directory)).toEqual([])
  })

  it('without a terminal and without --yes, uses the defaults instead of asking', () => {
    const directory = fixture()
    const result = run(['init', '--language', 'en'], { cwd: directory, input: 'nl\n' })
    expect(result.code).toBe(0)
    expect(readFileSync(join(directory, 'post-lint.yml'), 'utf8')).toContain('language: en')
  })

  it('never overwrites a rulebook without --force (exit 2), and does with it', () => {
    const directory = fixture()
    expect(run(['init', '--yes', '--language', 'nl'], { cwd: directory }).code).toBe(0)
    const before = readFileSync(join(directory, 'post-lint.yml'), 'utf8')
    const again = run(['init', '--yes', '--language', 'en'], { cwd: directory })
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('post-lint.yml already exists')
    expect(again.stderr).toContain('--force')
    expect(again.stdout).toBe('')
    expect(readFileSync(join(directory, 'post-lint.yml'), 'utf8')).toBe(before)

    const forced = run(['init', '--yes', '--language', 'en', '--force'], { cwd: directory })
    expect(forced.code).toBe(0)
    expect(readFileSync(join(directory, 'post-lint.yml'), 'utf8')).toContain('extends: [recommended, en]')
    expect(readdirSync(directory)).toEqual(['post-lint.yml'])

    const hidden = fixture({ '.post-lint.yml': 'language: en\n' })
    const blocked = run(['init', '--yes'], { cwd: hidden })
    expect(blocked.code).toBe(2)
    expect(blocked.stderr).toContain('.post-lint.yml already exists')
    expect(existsSync(join(hidden, 'post-lint.yml'))).toBe(false)
    const replaced = run(['init', '--yes', '--language', 'nl', '--force'], { cwd: hidden })
    expect(replaced.stdout).toContain('Replaced .post-lint.yml')
    expect(readdirSync(hidden)).toEqual(['.post-lint.yml'])
    expect(readFileSync(join(hidden, '.post-lint.yml'), 'utf8')).toContain('extends: [recommended, nl]')
  })

  it('2 for a bad option value', () => {
    const directory = fixture()
    const language = run(['init', '--yes', '--language', 'fr'], { cwd: directory })
    expect(language.code).toBe(2)
    expect(language.stderr).toContain('--language must be nl or en')
    const platform = run(['init', '--yes', '--platforms', 'facebook,myspace'], { cwd: directory })
    expect(platform.code).toBe(2)
    expect(platform.stderr).toContain('unknown platform “myspace”')
    expect(run(['init', '--yess'], { cwd: directory }).code).toBe(2)
    expect(readdirSync(directory)).toEqual([])
  })

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0
  it.skipIf(!hasScript)('asks its questions on a terminal (pseudo-terminal via script)', () => {
    const directory = fixture()
    // Language, platforms, name, vault; then handle and owners per platform (one owner is re-asked).
    const answers = [
      'nl',
      'facebook, x',
      'Stichting Proef',
      '',
      '@proefnl',
      'Anna',
      'Anna, Bram',
      '',
      'Cees, Dirk',
      '',
    ]
    const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`
    const result = spawnSync(
      'script',
      ['-qec', `${shellQuote(process.execPath)} ${shellQuote(bin)} init`, '/dev/null'],
      {
        cwd: directory,
        input: `${answers.join('\n')}\n`,
        encoding: 'utf8',
        env: { ...process.env, ...ENV },
        timeout: 30_000,
      },
    )
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Op welke platforms')
    expect(result.stdout).toContain('Noem er minstens twee')
    const text = readFileSync(join(directory, 'post-lint.yml'), 'utf8')
    expect(text).toContain('extends: [recommended, nl]')
    expect(text).toContain('  name: "Stichting Proef"')
    expect(text).toContain('  vault: "Bitwarden: Sociale media"')
    expect(text).toMatch(
      /- id: facebook\n {4}platform: facebook\n {4}handle: "@proefnl" +#[^\n]*\n {4}owners: \["Anna", "Bram"\]/,
    )
    expect(text).toMatch(
      /- id: x\n {4}platform: x\n {4}handle: "@proef" +#[^\n]*\n {4}owners: \["Cees", "Dirk"\]/,
    )
    expectAllExamplesPass(run(['test'], { cwd: directory }))
  })
})

describe('post-lint test', () => {
  it('0 when every example passes, with a summary', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK })
    const result = run(['test'], { cwd: directory })
    expectAllExamplesPass(result)
    expect(result.stdout).not.toContain('✖')
  })

  it('finds the nearest rulebook from a subfolder, or takes one as argument', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK, 'drafts/x/.keep': '' })
    expectAllExamplesPass(run(['test'], { cwd: join(directory, 'drafts/x') }))
    expectAllExamplesPass(run(['test', join(directory, 'post-lint.yml')]))
    expectAllExamplesPass(run(['test', directory]))
  })

  it('1 for a failing example: rule id, kind, text and the problem, then the summary', () => {
    const broken = RULEBOOK.replace(
      'pass: ["Wat een onzin."]',
      'pass: ["Wat een onzin.", "Dit is kolder."]',
    ).replace(
      'flag: ["Onze cliënten koken samen."]',
      'flag: ["Onze cliënten koken samen.", "Onze bewoners koken samen."]',
    )
    const directory = fixture({ 'post-lint.yml': broken })
    const result = run(['test'], { cwd: directory })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('post-lint.yml')
    const deelnemer = lines.findIndex((line) => /✖ deelnemer \(replace\) +flag example/.test(line))
    expect(deelnemer).toBeGreaterThan(0)
    expect(lines[deelnemer + 1]).toMatch(/│ Onze bewoners koken samen\.$/)
    expect(lines[deelnemer + 2]).toMatch(/→ \S/)
    const kolder = lines.findIndex((line) => /✖ geen-kolder \(avoid\) +pass example/.test(line))
    expect(lines[kolder + 1]).toMatch(/│ Dit is kolder\.$/)
    const [, total, passed, failed] = summary.exec(result.stdout) ?? []
    expect(Number(failed)).toBe(2)
    expect(Number(passed)).toBe(Number(total) - 2)

    const json = run(['test', '--format', 'json'], { cwd: directory })
    expect(json.code).toBe(1)
    const results = JSON.parse(json.stdout) as Array<Record<string, unknown>>
    expect(results.length).toBe(Number(total))
    expect(results.filter((example) => !example.ok)).toEqual([
      expect.objectContaining({
        ruleId: 'deelnemer',
        kind: 'flag',
        text: 'Onze bewoners koken samen.',
        ok: false,
      }),
      expect.objectContaining({ ruleId: 'geen-kolder', kind: 'pass', text: 'Dit is kolder.', ok: false }),
    ])
    for (const example of results)
      expect(Object.keys(example)).toEqual(expect.arrayContaining(['ruleId', 'kind', 'text', 'ok', 'source']))
  })

  it('2 without a rulebook, naming where it looked', () => {
    const directory = fixture({ 'post.md': PROFANE_NL })
    const result = run(['test'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no rulebook found')
    expect(result.stderr).toContain('post-lint init')
    expect(run(['test', 'missing.yml'], { cwd: directory }).stderr).toContain(
      'no such rulebook file: missing.yml',
    )
  })

  it('2 for a broken rulebook, with file:line:column', () => {
    const directory = fixture({ 'post-lint.yml': 'language: nl\nrules:\n  profanty: error\n' })
    const result = run(['test'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`${join(directory, 'post-lint.yml')}:3:3: `)
    expect(result.stderr).toContain('profanity')
    const yaml = run(['doctor'], { cwd: fixture({ 'post-lint.yml': 'rules: [unclosed\n' }) })
    expect(yaml.code).toBe(2)
    expect(yaml.stderr).toMatch(/post-lint\.yml:\d+:\d+: /)
  })
})

describe('post-lint doctor', () => {
  it('0 and "no problems" for a sound rulebook', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK })
    const result = run(['doctor'], { cwd: directory })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('✔ post-lint.yml: no problems found.\n')
    expect(JSON.parse(run(['doctor', '--format', 'json'], { cwd: directory }).stdout)).toEqual([])
  })

  it('1 for errors (a password in the register), with file and line:col; 0 for warnings only', () => {
    const withPassword = RULEBOOK.replace(
      '    owners: [Anna, Bram]\n',
      '    owners: [Anna, Bram]\n    password: Zomer2024!\n',
    )
    const directory = fixture({ 'post-lint.yml': withPassword })
    const result = run(['doctor'], { cwd: directory })
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('post-lint.yml')
    expect(lines.some((line) => /^ {2}(\d+:\d+ +)?error +\S/.test(line))).toBe(true)
    expect(result.stdout).not.toContain('Zomer2024!')
    expect(result.stdout).toMatch(/✖ \d+ errors?, \d+ warnings?\n$/)
    const json = JSON.parse(run(['doctor', '--format', 'json'], { cwd: directory }).stdout)
    expect(json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', filePath: join(directory, 'post-lint.yml') }),
      ]),
    )

    const oneOwner = RULEBOOK.replace('owners: [Anna, Bram]', 'owners: [Anna]')
    const warned = fixture({ 'post-lint.yml': oneOwner })
    const findings = JSON.parse(run(['doctor', '--format', 'json'], { cwd: warned }).stdout) as Array<{
      severity: string
    }>
    expect(findings.length).toBeGreaterThan(0)
    const code = run(['doctor'], { cwd: warned }).code
    expect(code).toBe(findings.some((finding) => finding.severity === 'error') ? 1 : 0)
  })
})

describe('post-lint rules', () => {
  it('an aligned table of every rule: severity in effect, source, title in the rulebook language', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK, 'drafts/.keep': '' })
    const result = run(['rules'], { cwd: join(directory, 'drafts') })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^rule +severity +source +title$/)
    const columns = ['severity', 'source', 'title'].map((name) => lines[0]!.indexOf(name))
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `))!
    for (const id of ['personal-data', 'bragging', 'profanity', 'deelnemer']) {
      const line = row(id)
      expect(line, id).toBeDefined()
      for (const column of columns) expect(line[column - 1], `${id}: column ${column}`).toBe(' ')
    }
    expect(row('personal-data')).toMatch(/^personal-data +error +built-in +Persoonsgegevens$/)
    expect(row('bragging')).toMatch(/ off +built-in /)
    expect(row('profanity')).toMatch(/ error +built-in +Grof taalgebruik$/)
    expect(row('deelnemer')).toMatch(/ warning +custom \(post-lint\.yml\) /)
    expect(run(['rules', '--lang', 'en'], { cwd: directory }).stdout).toMatch(
      /^personal-data +error +built-in +Personal data$/m,
    )
  })

  it('--format json: an array; --config and --no-config', () => {
    const directory = fixture({ 'team.yml': RULEBOOK })
    const list = JSON.parse(
      run(['rules', '--config', 'team.yml', '--format', 'json'], { cwd: directory }).stdout,
    ) as Array<Record<string, unknown>>
    expect(Array.isArray(list)).toBe(true)
    expect(list.find((rule) => rule.id === 'bragging')).toMatchObject({ severity: 'off', source: 'built-in' })
    expect(list.find((rule) => rule.id === 'geen-kolder')).toMatchObject({
      severity: 'warning',
      source: 'custom',
      file: join(directory, 'team.yml'),
    })
    const defaults = JSON.parse(
      run(['rules', '--no-config', '--format', 'json'], { cwd: directory }).stdout,
    ) as Array<{
      id: string
      severity: string
      title: string
    }>
    expect(defaults.find((rule) => rule.id === 'bragging')).toMatchObject({
      severity: 'warning',
      title: 'Bragging and superlatives',
    })
    expect(defaults.some((rule) => rule.id === 'geen-kolder')).toBe(false)
    expect(run(['rules', '--config', 'nope.yml'], { cwd: directory }).code).toBe(2)
  })
})

describe('post-lint explain', () => {
  it('a built-in rule in the rulebook language (nl), or --lang en', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK })
    const nl = run(['explain', 'profanity'], { cwd: directory })
    expect(nl.stderr).toBe('')
    expect(nl.code).toBe(0)
    expect(nl.stdout.split('\n')[0]).toBe('profanity: Grof taalgebruik')
    expect(nl.stdout).toContain('Ernst: error in post-lint.yml (standaard: warning)')
    expect(nl.stdout).toContain('Melding:')
    expect(nl.stdout).toContain('Opties (standaard):')
    expect(nl.stdout).toContain('Wordt gemeld:')
    expect(nl.stdout).toContain('Is goed:')
    expect(nl.stdout).toContain('<!-- post-lint-disable-next-line profanity --')

    const en = run(['explain', 'personal-data', '--lang', 'en'], { cwd: directory })
    expect(en.code).toBe(0)
    expect(en.stdout.split('\n')[0]).toBe('personal-data: Personal data')
    expect(en.stdout).toContain('Severity: error')
    expect(en.stdout).toContain('Flagged:')
    expect(en.stdout).toContain('Fine:')
    expect(en.stdout).toContain(
      'https://github.com/post-lint/post-lint/blob/main/rules/personal-data/README.md',
    )
  })

  it('a custom rule: its definition and examples from the rulebook', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK })
    const result = run(['explain', 'deelnemer'], { cwd: directory })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('eigen regel (replace) uit post-lint.yml')
    expect(result.stdout).toContain('Definitie:')
    expect(result.stdout).toMatch(/ {2}type: replace\n {2}replace:\n {4}cliënten: deelnemers\n/)
    expect(result.stdout).toContain('✖ Onze cliënten koken samen.')
    expect(result.stdout).toContain('✔ Onze deelnemers koken samen.')
  })

  it('2 for an unknown rule, with did-you-mean', () => {
    const directory = fixture({ 'post-lint.yml': RULEBOOK })
    const result = run(['explain', 'profanty'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('unknown rule “profanty” — did you mean “profanity”?')
    expect(run(['explain', 'deelnemr'], { cwd: directory }).stderr).toContain('did you mean “deelnemer”?')
    expect(run(['explain'], { cwd: directory }).code).toBe(2)
  })
})

describe('commands, help and paths', () => {
  it('an unknown command-like word: exit 2 with did-you-mean', () => {
    const directory = fixture({ 'post.md': PROFANE_NL })
    const result = run(['tset'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('unknown command “tset” — did you mean “test”?')
    expect(run(['docter'], { cwd: directory }).stderr).toContain('did you mean “doctor”?')
    const other = run(['frobnicate'], { cwd: directory })
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('unknown command “frobnicate”')
  })

  it('paths still lint: a folder, a file, and a folder named like a word', () => {
    const directory = fixture({
      'post-lint.yml': RULEBOOK,
      'drafts/post.md': PROFANE_NL,
      'test/post.md': PROFANE_NL,
    })
    for (const args of [['drafts/'], ['drafts'], ['drafts/post.md'], ['./test']]) {
      const result = run(['--format', 'json', ...args], { cwd: directory })
      expect(result.stderr, args.join(' ')).toBe('')
      expect(result.code, args.join(' ')).toBe(1)
      expect(JSON.parse(result.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain(
        'profanity',
      )
    }
    const stylish = run(['drafts/'], { cwd: directory })
    expect(stylish.stdout).toContain('drafts/post.md')
  })

  it('--help lists the commands with examples; help <command> and <command> --help', () => {
    const main = run(['--help'])
    expect(main.code).toBe(0)
    for (const name of ['init', 'test', 'doctor', 'rules', 'explain', 'help'])
      expect(main.stdout).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'))
    expect(main.stdout).toContain('post-lint explain personal-data')
    expect(run(['help']).stdout).toBe(main.stdout)
    const init = run(['help', 'init'])
    expect(init.code).toBe(0)
    expect(init.stdout).toMatch(/^Usage: post-lint init/)
    expect(init.stdout).toContain('--force')
    expect(run(['init', '--help']).stdout).toBe(init.stdout)
    expect(run(['doctor', '-h']).stdout).toMatch(/^Usage: post-lint doctor/)
    const unknown = run(['help', 'explian'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('did you mean “explain”?')
  })
})

describe('examples/: each setup passes test and doctor', () => {
  const names = readdirSync(examples).filter((name) => statSync(join(examples, name)).isDirectory())
  for (const name of names) {
    it(name, () => {
      const directory = join(examples, name)
      expectAllExamplesPass(run(['test'], { cwd: directory }))
      expect(doctorErrors(directory)).toEqual([])
      expect(run(['rules', '--format', 'json'], { cwd: directory }).code).toBe(0)
    })
  }
})
