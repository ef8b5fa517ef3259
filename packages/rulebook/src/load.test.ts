import { posix } from 'node:path'
import { builtinRules } from '@post-lint/checks'
import { describe, expect, it } from 'vitest'
import { RulebookError } from './errors.js'
import { presets } from './generated/presets.js'
import { defaultRulebook, folderOf, loadRulebook, PRESET_NAMES, patternProblem } from './load.js'
import type { RulebookLoader } from './types.js'

const ROOT = '/org/post-lint.yml'

/** Load `files[entry]` with an in-memory loader (paths relative to the extending file). */
function load(files: Record<string, string>, entry = ROOT) {
  const loader: RulebookLoader = (specifier, from) => {
    const path = posix.resolve(posix.dirname(from), specifier)
    const text = files[path]
    return text === undefined ? undefined : { path, text }
  }
  return loadRulebook(files[entry]!, entry, loader, builtinRules)
}

/** `file:line:column: message` for each problem, paths relative to /org. */
function problems(files: Record<string, string>, entry = ROOT): string[] {
  try {
    load(files, entry)
  } catch (error) {
    if (!(error instanceof RulebookError)) throw error
    return error.problems.map(
      (problem) =>
        `${posix.relative('/org', problem.filePath ?? error.filePath)}:${problem.line}:${problem.column}: ${problem.message}`,
    )
  }
  return []
}

describe('invalid rulebooks: every problem at its line and column', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'unknown top-level setting, with did-you-mean',
      { [ROOT]: 'language: nl\norganistion:\n  name: De Brug\n' },
      ['post-lint.yml:2:1: Unknown setting “organistion” — did you mean “organisation”?'],
    ],
    [
      'unknown top-level setting without a near one lists the settings',
      { [ROOT]: 'colours: red\n' },
      [
        'post-lint.yml:1:1: Unknown setting “colours”; a rulebook has extends, language, organisation, watch, accounts, rules, custom, overrides',
      ],
    ],
    [
      'unknown rule, with did-you-mean',
      { [ROOT]: 'language: nl\nrules:\n  profanty: error\n' },
      ['post-lint.yml:3:3: Unknown rule “profanty” — did you mean “profanity”?'],
    ],
    [
      'bad severity',
      { [ROOT]: 'rules:\n  profanity: loud\n' },
      [
        'post-lint.yml:2:14: The severity of “profanity” must be one of off, info, warning, error, not “loud”',
      ],
    ],
    [
      'ESLint-style “warn” suggests “warning”',
      { [ROOT]: 'rules:\n  insensitive: [warn, { binary: true }]\n' },
      [
        'post-lint.yml:2:17: The severity of “insensitive” must be one of off, info, warning, error — did you mean “warning”?',
      ],
    ],
    [
      'a severity that is not a word',
      { [ROOT]: 'rules:\n  profanity:\n    severity: error\n' },
      [
        'post-lint.yml:3:5: “profanity” takes a severity (off, info, warning, error) or [severity, { options }]',
      ],
    ],
    [
      'bad option type',
      { [ROOT]: 'rules:\n  profanity: [warning, { sureness: high }]\n' },
      ['post-lint.yml:2:36: Option “sureness” of “profanity” must be a whole number'],
    ],
    [
      'option out of range',
      { [ROOT]: 'rules:\n  profanity: [warning, { sureness: 3 }]\n' },
      ['post-lint.yml:2:36: Option “sureness” of “profanity” must be a whole number from 0 to 2'],
    ],
    [
      'unknown option, with did-you-mean',
      { [ROOT]: 'rules:\n  insensitive: [warning, { ignor: [blank] }]\n' },
      ['post-lint.yml:2:28: “insensitive” has no option “ignor” — did you mean “ignore”?'],
    ],
    [
      'options for a rule that has none',
      { [ROOT]: 'rules:\n  shouting: [warning, { limit: 3 }]\n' },
      ['post-lint.yml:2:25: “shouting” has no option “limit”; it has no options'],
    ],
    [
      'invalid regular expression, with the reason',
      { [ROOT]: 'custom:\n  case-number:\n    type: pattern\n    pattern: "DOS-(\\\\d+"\n' },
      [
        'post-lint.yml:4:14: The pattern of “case-number” cannot be used: it is not a valid regular expression: missing closing )',
      ],
    ],
    [
      'lookbehind is not supported (pointing at it)',
      { [ROOT]: "custom:\n  case-number:\n    type: pattern\n    pattern: 'x(?<=DOS-)\\d+'\n" },
      [
        'post-lint.yml:4:16: The pattern of “case-number” cannot be used: it uses lookbehind (“(?<=…)”), which post-lint does not support: patterns run in linear time (RE2), without lookbehind, lookahead or backreferences',
      ],
    ],
    [
      'backreferences are not supported',
      { [ROOT]: "custom:\n  doubled:\n    type: pattern\n    pattern: '(\\w+) \\1'\n" },
      [
        'post-lint.yml:4:21: The pattern of “doubled” cannot be used: it uses a backreference (“\\1”), which post-lint does not support: patterns run in linear time (RE2), without backreferences, lookahead or lookbehind',
      ],
    ],
    [
      'custom rule id that is a built-in one',
      { [ROOT]: 'custom:\n  profanity:\n    type: avoid\n    phrases: [verdorie]\n' },
      [
        'post-lint.yml:2:3: “profanity” is already a built-in rule: give your custom rule another id (such as “profanity-extra”), or set the built-in one under “rules:”',
      ],
    ],
    [
      'custom rule id reserved by the engine',
      { [ROOT]: 'custom:\n  frontmatter:\n    type: require\n    fields: [lang]\n' },
      ['post-lint.yml:2:3: “frontmatter” is reserved by post-lint itself: give your custom rule another id'],
    ],
    [
      'custom rule id with capitals and spaces',
      { [ROOT]: 'custom:\n  No Jargon:\n    type: avoid\n    phrases: [synergie]\n' },
      [
        'post-lint.yml:2:3: “No Jargon” is not a valid rule id: use lowercase letters, digits and hyphens, starting with a letter (e.g. “no-jargon”)',
      ],
    ],
    [
      'custom rule without a type, and with a misspelt one',
      {
        [ROOT]:
          'custom:\n  jargon:\n    phrases: [synergie]\n  cliënt:\n    type: replac\n    replace: { cliënt: deelnemer }\n',
      },
      [
        'post-lint.yml:2:3: The custom rule “jargon” needs a “type”: avoid, replace, pattern or require',
        'post-lint.yml:4:3: “cliënt” is not a valid rule id: use lowercase letters, digits and hyphens, starting with a letter (e.g. “no-jargon”)',
        'post-lint.yml:5:11: “type” in custom rule “cliënt” must be one of avoid, replace, pattern, require — did you mean “replace”?',
      ],
    ],
    [
      'every mistake in a custom rule at once',
      {
        [ROOT]:
          'custom:\n  jargon:\n    type: avoid\n    phrases: []\n    sugest: [gewoon]\n    severity: loud\n    message: { de: Nein }\n',
      },
      [
        'post-lint.yml:4:14: “phrases” in custom rule “jargon” needs at least one entry',
        'post-lint.yml:5:5: A custom rule of type “avoid” has no setting “sugest” — did you mean “suggest”?',
        'post-lint.yml:6:15: “severity” in custom rule “jargon” must be one of off, info, warning, error, not “loud”',
        'post-lint.yml:7:16: Unknown setting “de” in “message” in custom rule “jargon”; expected nl, en',
      ],
    ],
    [
      'missing extends file',
      { [ROOT]: 'extends: [recommended, ./shared/base.yml]\n' },
      [
        'post-lint.yml:1:24: Cannot find the rulebook “./shared/base.yml” that this one extends (paths are relative to this file)',
      ],
    ],
    [
      'unknown preset, with did-you-mean',
      { [ROOT]: 'extends: strikt\n' },
      [
        'post-lint.yml:1:10: Unknown preset “strikt” — did you mean “strict”? The presets are recommended, strict, nl, en; another rulebook file is named by its path, such as ./strikt.yml',
      ],
    ],
    [
      'a cycle of extends, naming the chain',
      {
        [ROOT]: 'extends: ./team/base.yml\n',
        '/org/team/base.yml': 'extends:\n  - ../shared.yml\n',
        '/org/shared.yml': 'extends: ./post-lint.yml\n',
      },
      [
        'shared.yml:1:10: “extends” goes round in a circle: post-lint.yml → team/base.yml → shared.yml → post-lint.yml',
      ],
    ],
    [
      'a file that extends itself',
      { [ROOT]: 'extends: ./post-lint.yml\n' },
      ['post-lint.yml:1:10: “extends” goes round in a circle: post-lint.yml → post-lint.yml'],
    ],
    [
      'YAML syntax error',
      { [ROOT]: 'language: nl\nrules: [profanity: error\n' },
      [
        'post-lint.yml:3:1: This is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'tabs for indentation',
      { [ROOT]: 'rules:\n\tprofanity: error\n' },
      ['post-lint.yml:2:1: Indent with spaces, not tabs (YAML does not allow tabs for indentation)'],
    ],
    [
      'duplicate key',
      { [ROOT]: 'rules:\n  profanity: error\n  insensitive: off\n  profanity: off\n' },
      [
        'post-lint.yml:4:3: “profanity” is written twice here: keep one (post-lint will not guess which one you mean)',
      ],
    ],
    [
      'not a map of settings',
      { [ROOT]: '- profanity\n- insensitive\n' },
      [
        'post-lint.yml:1:1: A rulebook is a list of settings, one per line, such as “language: nl” and “rules:”',
      ],
    ],
    [
      'bad language, here and in an override; override without files; unknown rule in an override',
      {
        [ROOT]:
          'language: english\noverrides:\n  - language: nl\n  - files: "en/**"\n    language: de\n    rules:\n      profanty: error\n',
      },
      [
        'post-lint.yml:1:11: “language” must be one of nl, en, not “english”',
        'post-lint.yml:3:5: Override 1 is missing “files”',
        'post-lint.yml:5:15: “language” in override 2 must be one of nl, en, not “de”',
        'post-lint.yml:7:7: Unknown rule “profanty” — did you mean “profanity”?',
      ],
    ],
    [
      'accounts: no owners, a missing field, the same id twice',
      {
        [ROOT]:
          'accounts:\n  - id: insta\n    platform: instagram\n    handle: "@debrug"\n    owners: []\n  - id: insta\n    platform: facebook\n    handle: debrug\n',
      },
      [
        'post-lint.yml:5:13: “owners” in the account “insta” needs at least one entry',
        'post-lint.yml:6:5: The account “insta” is missing “owners”',
        'post-lint.yml:6:9: Two accounts have the id “insta” (the other is on line 2): give each account its own id',
      ],
    ],
    [
      'organisation: a URL as a domain, a misspelt key, a list that is a text',
      { [ROOT]: 'organisation:\n  domains: [https://debrug.nl]\n  naam: De Brug\n  phones: 020 123 4567\n' },
      [
        'post-lint.yml:2:13: Item 1 of “domains” is “https://debrug.nl”: write just the domain, such as debrug.nl (no https://, no @, no /)',
        'post-lint.yml:3:3: Unknown setting “naam” in “organisation” — did you mean “name”?',
        'post-lint.yml:4:11: “phones” must be a list',
      ],
    ],
    [
      'extends that is not a name or path',
      { [ROOT]: 'extends: 5\n' },
      ['post-lint.yml:1:10: “extends” takes a preset name or a file path, or a list of them'],
    ],
    [
      'problems in an extended file carry that file’s path, after the file’s own',
      {
        [ROOT]: 'extends: ./shared/base.yml\nrules:\n  shoutng: off\n',
        '/org/shared/base.yml': 'rules:\n  profanity: errror\n',
      },
      [
        'post-lint.yml:3:3: Unknown rule “shoutng” — did you mean “shouting”?',
        'shared/base.yml:2:14: The severity of “profanity” must be one of off, info, warning, error — did you mean “error”?',
      ],
    ],
  ]
  for (const [name, files, expected] of cases) {
    it(name, () => {
      expect(problems(files)).toEqual(expected)
    })
  }

  it('throws one RulebookError whose message has a file:line:column line per problem', () => {
    const text = 'organistion: {}\nrules:\n  profanty: error\n'
    const error = (() => {
      try {
        loadRulebook(text, '/org/post-lint.yml', () => undefined, builtinRules)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(RulebookError)
    expect((error as RulebookError).message).toBe(
      [
        '/org/post-lint.yml:1:1: Unknown setting “organistion” — did you mean “organisation”?',
        '/org/post-lint.yml:3:3: Unknown rule “profanty” — did you mean “profanity”?',
      ].join('\n'),
    )
    expect((error as RulebookError).problems[1]).toMatchObject({
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 11,
    })
  })

  it('reports a loader failure at the extends entry', () => {
    const loader: RulebookLoader = () => {
      throw new Error('EACCES')
    }
    expect(() => loadRulebook('extends: ./locked.yml\n', ROOT, loader, builtinRules)).toThrow(
      '/org/post-lint.yml:1:10: Cannot read “./locked.yml”: EACCES',
    )
  })
})

describe('valid rulebooks', () => {
  it('an empty file, or sections left empty, are the defaults', () => {
    expect(load({ [ROOT]: '' })).toEqual({ ...defaultRulebook(), filePath: ROOT, files: [ROOT] })
    expect(load({ [ROOT]: '# nothing yet\nrules:\norganisation:\ncustom:\n' })).toMatchObject({
      rules: {},
      organisation: {},
      custom: {},
    })
  })

  it('reads every section', () => {
    const resolved = load({
      [ROOT]: `# yaml-language-server: $schema=../packages/rulebook/rulebook.schema.json
language: nl
organisation:
  name: Stichting Welzijn De Brug
  names: [De Brug]
  domains: [debrug.nl]
  phones: ["020 123 4567"]
  ibans: [NL91 ABNA 0417 1643 00]
  emails: [anna.devries@debrug.nl]
  addresses: [Dorpsstraat 12]
  vault: "Bitwarden: Sociale media"
watch: [Henk de Vries]
accounts:
  - id: insta
    platform: instagram
    handle: "@debrug"
    owners: [Anna, Bram]
    vault: "Bitwarden: Sociale media"
    limits: { hashtags: 10 }
    notes: the old account was deleted
rules:
  profanity: error
  insensitive: [warning, { ignore: [blank] }]
  no-jargon: info
custom:
  no-jargon:
    type: avoid
    phrases: [synergie, "laaghangend fruit"]
    suggest: [samenwerking]
    message: { nl: "“{actual}” is jargon" }
    examples: { flag: [Wat een synergie!], pass: [Wat een samenwerking!] }
  clients:
    type: replace
    replace: { cliënten: [deelnemers, bezoekers] }
    lang: nl
  case-number:
    type: pattern
    pattern: '\\bDOS-\\d{6}\\b'
    flags: i
    severity: error
  consent:
    type: require
    fields: [consent]
    when: { photos: true, platform: [instagram, facebook] }
overrides:
  - files: "en/**"
    language: en
    rules: { profanity: warning }
`,
    })
    expect(resolved.language).toBe('nl')
    expect(resolved.organisation.ibans).toEqual(['NL91 ABNA 0417 1643 00'])
    expect(resolved.accounts[0]).toMatchObject({
      id: 'insta',
      owners: ['Anna', 'Bram'],
      notes: expect.any(String),
    })
    expect(resolved.rules).toEqual({
      profanity: 'error',
      insensitive: ['warning', { ignore: ['blank'] }],
      'no-jargon': 'info',
    })
    expect(Object.keys(resolved.custom)).toEqual(['no-jargon', 'clients', 'case-number', 'consent'])
    expect(resolved.custom['no-jargon']).toMatchObject({
      type: 'avoid',
      source: ROOT,
      // `{ nl }` alone gets the same text as its fallback.
      message: { en: '“{actual}” is jargon', nl: '“{actual}” is jargon' },
    })
    expect(resolved.custom['case-number']).toMatchObject({ pattern: '\\bDOS-\\d{6}\\b', flags: 'i' })
    expect(resolved.overrides).toEqual([
      { files: 'en/**', language: 'en', rules: { profanity: 'warning' }, base: '/org' },
    ])
  })

  it('YAML anchors and merge keys work', () => {
    const resolved = load({
      [ROOT]:
        'overrides:\n  - files: "a/**"\n    rules: &loud\n      profanity: error\n  - files: "b/**"\n    rules:\n      <<: *loud\n      shouting: off\n',
    })
    expect(resolved.overrides.map((override) => override.rules)).toEqual([
      { profanity: 'error' },
      { profanity: 'error', shouting: 'off' },
    ])
  })
})

describe('extends and merging', () => {
  const files = {
    '/org/shared/base.yml': `language: en
organisation:
  name: Riverside
  names: [Riverside, RFB]
  phones: ["0800 123 456"]
watch: [Mayor Smith]
accounts:
  - { id: insta, platform: instagram, handle: "@old", owners: [Ann] }
  - { id: fb, platform: facebook, handle: riverside, owners: [Ann, Ben] }
rules:
  insensitive: [warning, { ignore: [blank] }]
  shouting: off
custom:
  jargon: { type: avoid, phrases: [synergy] }
  tone: { type: avoid, phrases: [amazing] }
overrides:
  - files: "newsletter/**"
    rules: { platform-length: off }
`,
    '/org/team/post-lint.yml': `extends: ../shared/base.yml
organisation:
  names: [RFB, Riverside Food Bank]
  phones: ["01234 567890"]
watch: [Mayor Smith, Cllr Jones]
accounts:
  - { id: insta, platform: instagram, handle: "@riverside", owners: [Ann, Cat] }
rules:
  insensitive: error
  jargon: error
custom:
  tone: { type: avoid, phrases: [incredible], severity: info }
overrides:
  - files: "*.txt"
    language: nl
`,
    [ROOT]: `extends: [strict, ./team/post-lint.yml]
language: nl
organisation:
  name: Riverside Food Bank
`,
  }

  it('merges left to right, then the file itself', () => {
    const resolved = load(files)
    expect(resolved.files).toEqual(['/org/shared/base.yml', '/org/team/post-lint.yml', ROOT])
    // language: the last one wins.
    expect(resolved.language).toBe('nl')
    // organisation: per key; lists concatenated without duplicates.
    expect(resolved.organisation).toEqual({
      name: 'Riverside Food Bank',
      names: ['Riverside', 'RFB', 'Riverside Food Bank'],
      phones: ['0800 123 456', '01234 567890'],
    })
    // watch: concatenated without duplicates.
    expect(resolved.watch).toEqual(['Mayor Smith', 'Cllr Jones'])
    // accounts: by id, the later one replaces the earlier one.
    expect(resolved.accounts).toEqual([
      { id: 'insta', platform: 'instagram', handle: '@riverside', owners: ['Ann', 'Cat'] },
      { id: 'fb', platform: 'facebook', handle: 'riverside', owners: ['Ann', 'Ben'] },
    ])
    // rules: per id; a severity alone keeps the earlier options (as in ESLint); strict underneath.
    expect(resolved.rules).toMatchObject({
      insensitive: ['error', { ignore: ['blank'] }],
      shouting: 'off',
      jargon: 'error',
      profanity: 'error',
      sponsored: 'warning',
    })
    // custom: by id, with the file that defined it.
    expect(resolved.custom.jargon).toMatchObject({ phrases: ['synergy'], source: '/org/shared/base.yml' })
    expect(resolved.custom.tone).toMatchObject({
      phrases: ['incredible'],
      severity: 'info',
      source: '/org/team/post-lint.yml',
    })
    // overrides: concatenated, each relative to its own file's folder.
    expect(resolved.overrides).toEqual([
      { files: 'newsletter/**', rules: { 'platform-length': 'off' }, base: '/org/shared' },
      { files: '*.txt', language: 'nl', base: '/org/team' },
    ])
  })

  it('a file extended twice is merged once, at its first place', () => {
    const resolved = load({
      [ROOT]: 'extends: [./a.yml, ./b.yml]\n',
      '/org/a.yml': 'extends: ./common.yml\nrules: { profanity: error }\n',
      '/org/b.yml': 'extends: ./common.yml\nwatch: [B]\n',
      '/org/common.yml':
        'rules: { profanity: info }\nwatch: [C]\noverrides: [{ files: "x/**", language: en }]\n',
    })
    expect(resolved.files).toEqual(['/org/common.yml', '/org/a.yml', '/org/b.yml', ROOT])
    // common.yml does not come back after a.yml to undo its setting.
    expect(resolved.rules.profanity).toBe('error')
    expect(resolved.watch).toEqual(['C', 'B'])
    expect(resolved.overrides).toHaveLength(1)
  })

  it('custom rules of an extended file can be set; those of the extending file cannot be set in the base', () => {
    expect(
      load({
        [ROOT]: 'extends: ./base.yml\nrules: { jargon: off }\n',
        '/org/base.yml': 'custom:\n  jargon: { type: avoid, phrases: [synergy] }\n',
      }).rules,
    ).toEqual({ jargon: 'off' })
    expect(
      problems({
        [ROOT]: 'extends: ./base.yml\ncustom:\n  jargon: { type: avoid, phrases: [synergy] }\n',
        '/org/base.yml': 'rules:\n  jargon: off\n',
      }),
    ).toEqual([
      'base.yml:2:3: Unknown rule “jargon”; define it under “custom:” or see `post-lint rules` for the built-in ones',
    ])
  })

  it('a base file’s custom id that clashes with a built-in one is reported in the base', () => {
    expect(
      problems({
        [ROOT]: 'extends: ./base.yml\n',
        '/org/base.yml': 'custom:\n  secrets: { type: avoid, phrases: [wachtwoord] }\n',
      }),
    ).toEqual([
      'base.yml:2:3: “secrets” is already a built-in rule: give your custom rule another id (such as “secrets-extra”), or set the built-in one under “rules:”',
    ])
  })

  it('paths in extends are relative to the file that names them', () => {
    const resolved = load({
      [ROOT]: 'extends: ./a/post-lint.yml\n',
      '/org/a/post-lint.yml': 'extends: ../b/rules.yml\nwatch: [A]\n',
      '/org/b/rules.yml': 'watch: [B]\n',
    })
    expect(resolved.watch).toEqual(['B', 'A'])
  })
})

describe('presets', () => {
  const builtinDefaults = Object.fromEntries(
    builtinRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]),
  )

  it('are recommended, strict, nl and en', () => {
    expect(PRESET_NAMES).toEqual(['recommended', 'strict', 'nl', 'en'])
  })

  it('recommended sets every rule to its default', () => {
    expect(load({ [ROOT]: 'extends: recommended\n' }).rules).toEqual(builtinDefaults)
  })

  it('strict makes the noisy rules warnings and the tone warnings errors', () => {
    expect(load({ [ROOT]: 'extends: strict\n' }).rules).toEqual({
      'personal-data': 'error',
      secrets: 'error',
      confidential: 'error',
      'work-complaints': 'error',
      politics: 'error',
      profanity: 'error',
      insensitive: 'error',
      unverified: 'warning',
      promises: 'warning',
      'crisis-tone': 'warning',
      sponsored: 'warning',
    })
  })

  it('later presets win: [strict, recommended] is the defaults again', () => {
    expect(load({ [ROOT]: 'extends: [strict, recommended]\n' }).rules).toEqual(builtinDefaults)
  })

  it('language packs set the language (and the country of phone numbers)', () => {
    expect(load({ [ROOT]: 'extends: nl\n' })).toMatchObject({
      language: 'nl',
      rules: { 'personal-data': ['error', { country: 'NL' }] },
    })
    expect(load({ [ROOT]: 'extends: [strict, en]\nlanguage: nl\n' })).toMatchObject({
      language: 'nl',
      rules: { 'personal-data': ['error', { country: 'GB' }], profanity: 'error' },
    })
  })

  it('are not files: `files` lists only the rulebook files', () => {
    expect(load({ [ROOT]: 'extends: [recommended, nl]\n' }).files).toEqual([ROOT])
  })

  for (const name of PRESET_NAMES) {
    it(`${name} is itself a valid rulebook`, () => {
      expect(problems({ [ROOT]: JSON.stringify(presets[name]) })).toEqual([])
    })
  }
})

describe('patterns (RE2)', () => {
  it('accepts what RE2 runs', () => {
    for (const pattern of [
      '\\bDOS-\\d{6}\\b',
      '(?i)wachtwoord',
      '[(?<=]x',
      '\\\\1',
      '\\p{Lu}{3,}',
      '(?P<n>a)',
    ])
      expect(patternProblem(pattern), pattern).toBeUndefined()
  })

  it('names what it cannot run, and where', () => {
    expect(patternProblem('a(?=b)')).toMatchObject({ index: 1, reason: expect.stringContaining('lookahead') })
    expect(patternProblem('a(?!b)')?.reason).toContain('negative lookahead')
    expect(patternProblem('(?<!a)b')?.reason).toContain('negative lookbehind')
    expect(patternProblem('\\k<x>')?.reason).toContain('backreference')
    expect(patternProblem('x**')?.reason).toContain('invalid nested repetition operator')
    expect(patternProblem('[a-')?.reason).toContain('missing closing ]')
  })
})

describe('folderOf', () => {
  it('handles / and \\ paths', () => {
    expect(folderOf('/org/post-lint.yml')).toBe('/org')
    expect(folderOf('/post-lint.yml')).toBe('/')
    expect(folderOf('C:\\org\\post-lint.yml')).toBe('C:\\org')
    expect(folderOf('C:\\post-lint.yml')).toBe('C:\\')
    expect(folderOf('post-lint.yml')).toBe('.')
  })
})
