/**
 * The JSON Schema (draft-07) of `post-lint.yml`, built from the built-in
 * rules. One builder serves two readers:
 *
 * - `pnpm generate` writes it to packages/rulebook/rulebook.schema.json, which
 *   editors use for completion and squiggles (`# yaml-language-server: $schema=…`);
 * - `loadRulebook` validates every rulebook against it (with ajv).
 *
 * Every `description` is written for a comms lead, not a programmer: editors
 * show them on hover. `errorMessage` and `patternErrorMessage` are read by
 * editors (VS Code, yaml-language-server) and by the loader's messages.
 *
 * This module has no runtime imports on purpose: scripts/generate.mjs
 * transpiles and runs it on its own.
 */
import type { LocalText, SeveritySetting } from '@post-lint/core'

/** A JSON Schema node (draft-07), as plain data. */
export type JsonSchema = { [key: string]: unknown }

/** What the schema needs to know about a built-in rule. */
export interface SchemaRule {
  id: string
  defaultSeverity: SeveritySetting
  title?: LocalText
  description?: LocalText
  /** Default options: their names and value types become the rule's known options. */
  defaultOptions?: Readonly<Record<string, unknown>>
}

export interface SchemaInput {
  rules: readonly SchemaRule[]
  /** Names of the built-in presets for `extends:`. */
  presets: readonly string[]
  /** Rule id → option → explanation (from the comments in rules/<id>/rule.yml). */
  optionNotes?: Readonly<Record<string, Readonly<Record<string, string>>>>
}

/** Where the generated schema is published (the `$id`): the committed file, as raw JSON. */
export const SCHEMA_ID =
  'https://raw.githubusercontent.com/post-lint/post-lint/main/packages/rulebook/rulebook.schema.json'

export const SEVERITY_VALUES = ['off', 'info', 'warning', 'error'] as const
export const LANGUAGE_VALUES = ['nl', 'en'] as const
export const CUSTOM_TYPES = ['avoid', 'replace', 'pattern', 'require'] as const
/** Ids of custom rules: lowercase words joined by hyphens. */
export const RULE_ID_PATTERN = '^[a-z][a-z0-9-]*$'

/**
 * Options that rules read in code but that have no default in rule.yml, and
 * limits the default value cannot tell (a number's range).
 */
const OPTION_EXTRAS: Record<string, Record<string, JsonSchema>> = {
  'personal-data': {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Numbers, bank accounts, addresses and e-mail addresses that may appear in posts because they are the organisation’s own (compared without spaces, dots and dashes). Prefer listing them under `organisation:`.',
    },
    country: {
      type: 'string',
      pattern: '^[A-Z]{2}$',
      patternErrorMessage: 'write a two-letter country code in capitals, such as NL or GB',
      description:
        'Country of phone numbers written without a country code, as a two-letter code (NL, GB, BE, …). Default: NL for Dutch drafts, GB for English ones.',
    },
  },
  profanity: {
    sureness: {
      minimum: 0,
      maximum: 2,
      description:
        'How sure the English word list must be that a word is profane: 0 also flags words that are only profane in some senses (“hell”, “balls”), 1 words that are likely profane, 2 only the certainly profane ones.',
    },
  },
}

/**
 * Rules every rulebook has besides the built-in ones (compile.ts makes them:
 * watch.ts, account.ts). Repeated here because this module runs on its own;
 * schema.test.ts checks they match.
 */
export const RULEBOOK_RULES: readonly SchemaRule[] = [
  {
    id: 'watch',
    defaultSeverity: 'info',
    title: { en: 'Watch list', nl: 'Volglijst' },
    description: {
      en: 'Names on the rulebook’s watch list: posts that mention them get a second reader.',
      nl: 'Namen op de volglijst van het rulebook: berichten die ze noemen, krijgen een tweede lezer.',
    },
  },
  {
    id: 'account',
    defaultSeverity: 'error',
    title: { en: 'Account register', nl: 'Accountregister' },
    description: {
      en: 'A draft’s `account:` must be an account in the rulebook’s register, on the platform the draft is for.',
      nl: 'Het `account:` van een concept moet in het accountregister van het rulebook staan, op het platform waarvoor het concept is.',
    },
  },
]

const en = (text: LocalText | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : text.en
const nl = (text: LocalText | undefined): string | undefined =>
  text === undefined || typeof text === 'string' ? undefined : text.nl

/** A schema for one option, from its default value. */
function optionSchema(value: unknown): JsonSchema {
  if (typeof value === 'boolean') return { type: 'boolean' }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' }
  if (typeof value === 'string') return { type: 'string' }
  if (Array.isArray(value)) {
    const item = value.find((entry) => entry !== undefined)
    const itemType = item === undefined || typeof item === 'string' ? 'string' : typeof item
    return {
      type: 'array',
      items: itemType === 'string' ? { type: 'string', minLength: 1 } : optionSchema(item),
    }
  }
  if (value !== null && typeof value === 'object') return { type: 'object' }
  return {}
}

const STRING = { type: 'string', minLength: 1 }
const strings = (description: string, extra: JsonSchema = {}): JsonSchema => {
  const { items, ...rest } = extra
  return {
    type: 'array',
    items: { ...STRING, ...((items as JsonSchema | undefined) ?? {}) },
    ...rest,
    description,
  }
}

function ruleSetting(rule: SchemaRule, notes: Readonly<Record<string, string>>): JsonSchema {
  const extras = OPTION_EXTRAS[rule.id] ?? {}
  const names = [...new Set([...Object.keys(rule.defaultOptions ?? {}), ...Object.keys(extras)])].sort()
  const properties: Record<string, JsonSchema> = {}
  for (const name of names) {
    const hasDefault = rule.defaultOptions !== undefined && name in rule.defaultOptions
    const fromDefault = hasDefault ? optionSchema(rule.defaultOptions![name]) : {}
    const extra = extras[name] ?? {}
    const description = notes[name] ?? (extra.description as string | undefined)
    properties[name] = {
      ...fromDefault,
      ...extra,
      ...(description ? { description } : {}),
      ...(hasDefault ? { default: rule.defaultOptions![name] } : {}),
    }
  }
  const dutch = [nl(rule.title), nl(rule.description)].filter(Boolean)
  const description = [
    `${en(rule.title)}: ${en(rule.description)}`,
    `Default: ${rule.defaultSeverity}. Write a severity (off, info, warning, error)${names.length > 0 ? `, or [severity, { options }] with options ${names.join(', ')}` : ''}.`,
    ...(dutch.length === 2 ? [`NL — ${dutch[0]}: ${dutch[1]}`] : []),
  ].join('\n\n')
  return {
    description,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        items: [
          { $ref: '#/definitions/severity' },
          {
            type: 'object',
            additionalProperties: false,
            properties,
            description:
              names.length > 0
                ? `Options of “${rule.id}”: ${names.join(', ')}. Options you leave out keep their default.`
                : `“${rule.id}” has no options.`,
          },
        ],
        minItems: 1,
        additionalItems: false,
      },
    ],
    errorMessage: `takes a severity (off, info, warning, error)${names.length > 0 ? ' or [severity, { options }]' : ''}`,
  }
}

function customRule(type: (typeof CUSTOM_TYPES)[number], description: string, own: JsonSchema): JsonSchema {
  const ownProperties = own.properties as Record<string, JsonSchema>
  return {
    type: 'object',
    description,
    required: ['type', ...((own.required as string[] | undefined) ?? [])],
    additionalProperties: false,
    properties: {
      type: {
        const: type,
        description:
          'What kind of rule this is: avoid (words to flag), replace (word → preferred word), pattern (a regular expression) or require (frontmatter fields a draft must have).',
      },
      ...ownProperties,
      severity: {
        $ref: '#/definitions/severity',
        description: 'How serious a finding is: off, info, warning (the default) or error.',
      },
      message: {
        $ref: '#/definitions/localText',
        description:
          'What the writer sees. “{actual}” is replaced by the text that was found. One text, or { nl: …, en: … } for each language.',
      },
      lang: {
        $ref: '#/definitions/language',
        description: 'Only check drafts in this language (nl or en). Leave out to check every draft.',
      },
      note: {
        type: 'string',
        description: 'Why this rule exists: shown with the finding and by `post-lint explain`.',
      },
      examples: {
        type: 'object',
        additionalProperties: false,
        description:
          'Example drafts for `post-lint test`: `flag` must be flagged by this rule, `pass` must not be. They keep the rule honest when someone changes it.',
        properties: {
          flag: strings('Drafts (or sentences) this rule must flag.'),
          pass: strings(
            'Drafts (or sentences) this rule must let through: near-misses are the best examples.',
          ),
        },
      },
    },
  }
}

const SUGGEST = strings('Better words to suggest to the writer, best first.')

const scalar = { type: ['string', 'number', 'boolean'] }

/** The JSON Schema of `post-lint.yml` for these built-in rules and presets. */
export function rulebookSchema(input: SchemaInput): JsonSchema {
  const given = new Set(input.rules.map((rule) => rule.id))
  const rules = [...input.rules, ...RULEBOOK_RULES.filter((rule) => !given.has(rule.id))].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )
  const ruleProperties: Record<string, JsonSchema> = {}
  for (const rule of rules) ruleProperties[rule.id] = ruleSetting(rule, input.optionNotes?.[rule.id] ?? {})
  const presets = [...input.presets]

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'post-lint rulebook (post-lint.yml)',
    description:
      'Your organisation’s house rules for social media posts and newsletters. post-lint uses the nearest post-lint.yml above each draft. Reference: docs/rulebook.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        description: `Start from other rulebooks and add your own settings on top: a built-in preset (${presets.join(', ')}) or another rulebook file by its path (./shared/post-lint.yml). Several are applied left to right; this file's own settings come last and win.`,
        anyOf: [
          { $ref: '#/definitions/extendsEntry' },
          { type: 'array', items: { $ref: '#/definitions/extendsEntry' }, minItems: 1 },
        ],
        errorMessage: 'takes a preset name or a file path, or a list of them',
      },
      language: {
        $ref: '#/definitions/language',
        description:
          'The language of drafts that do not say so themselves (frontmatter `lang:`): nl or en. Without it, post-lint guesses from the text.',
      },
      organisation: { $ref: '#/definitions/organisation' },
      watch: {
        type: ['array', 'null'],
        items: STRING,
        description:
          'Names that always get a second look (rule “watch”): people in the news, a partner in a dispute, a client who asked not to be named.',
      },
      accounts: {
        type: ['array', 'null'],
        items: { $ref: '#/definitions/account' },
        description:
          'The register of your social media accounts. Drafts say which account they are for (frontmatter `account: <id>`); `post-lint doctor` checks that every account has at least two owners and a password in the organisation’s vault.',
      },
      rules: {
        $ref: '#/definitions/rules',
        description:
          'How serious each rule is: off, info, warning or error, or [severity, { options }]. Rules you leave out keep their default. Your own rules from `custom:` can be set here too.',
      },
      custom: {
        type: ['object', 'null'],
        description:
          'Your own rules, by id (lowercase words joined by hyphens, e.g. “no-jargon”). Each has a `type`: avoid, replace, pattern or require.',
        propertyNames: {
          pattern: RULE_ID_PATTERN,
          patternErrorMessage:
            'use lowercase letters, digits and hyphens, starting with a letter (e.g. “no-jargon”)',
        },
        additionalProperties: { $ref: '#/definitions/customRule' },
      },
      overrides: {
        type: ['array', 'null'],
        items: { $ref: '#/definitions/override' },
        description:
          'Different settings for some drafts: each override names `files` (patterns relative to the folder of this rulebook, such as "en/**" or "newsletter/*.md") and the `language` or `rules` that apply to them. Later overrides win.',
      },
    },
    definitions: {
      rules: {
        type: ['object', 'null'],
        description: 'Rule settings: a severity, or [severity, { options }], per rule id.',
        properties: Object.fromEntries(
          rules.map((rule) => [rule.id, { $ref: `#/definitions/rule-${rule.id}` }]),
        ),
        propertyNames: {
          pattern: RULE_ID_PATTERN,
          patternErrorMessage: 'rule ids are lowercase words joined by hyphens, such as “profanity”',
        },
        additionalProperties: { $ref: '#/definitions/customSetting' },
      },
      ...Object.fromEntries(rules.map((rule) => [`rule-${rule.id}`, ruleProperties[rule.id]])),
      severity: {
        type: 'string',
        enum: [...SEVERITY_VALUES],
        description:
          'off: not checked. info: a hint. warning: look again before posting. error: do not post like this (post-lint exits with 1).',
      },
      language: { type: 'string', enum: [...LANGUAGE_VALUES], description: 'nl (Dutch) or en (English).' },
      localText: {
        description: 'A text, or { nl: …, en: … } with a text per language.',
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              nl: { type: 'string', minLength: 1, description: 'Dutch text.' },
              en: { type: 'string', minLength: 1, description: 'English text.' },
            },
          },
        ],
        errorMessage: 'must be a text, or { nl: …, en: … }',
      },
      extendsEntry: {
        type: 'string',
        minLength: 1,
        description: `A built-in preset (${presets.join(', ')}) or the path of another rulebook file, relative to this one.`,
        examples: [...presets, './shared/post-lint.yml'],
      },
      organisation: {
        type: ['object', 'null'],
        additionalProperties: false,
        description:
          'Your organisation’s own details. They may appear in posts: its phone numbers, bank accounts, addresses and domains are never reported as personal data.',
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            description: 'The organisation’s name, e.g. “Stichting Welzijn De Brug”.',
          },
          names: strings('Other names and spellings of the organisation (“De Brug”, “Welzijn De Brug”).'),
          domains: strings(
            'Its web and e-mail domains (just the domain, e.g. debrug.nl): every address at these domains is the organisation’s own.',
            {
              items: {
                pattern: '^(?!https?:)[^\\s@/]+\\.[^\\s@/]+$',
                patternErrorMessage: 'write just the domain, such as debrug.nl (no https://, no @, no /)',
              },
            },
          ),
          phones: strings('Its own phone numbers: the front desk, a helpline.', {
            items: {
              pattern: '^\\+?[0-9 ()./-]{6,}$',
              patternErrorMessage: 'a phone number has digits, spaces, dashes and an optional + at the start',
            },
          }),
          ibans: strings('Its own bank accounts, for donations (IBAN, e.g. NL91 ABNA 0417 1643 00).', {
            items: {
              pattern: '^\\s*[A-Za-z]{2}\\s*[0-9]{2}[A-Za-z0-9 ]{8,}$',
              patternErrorMessage:
                'an IBAN starts with a country code and two digits, e.g. NL91 ABNA 0417 1643 00',
            },
          }),
          emails: strings(
            'Its own e-mail addresses that look personal, e.g. a named coordinator who agreed to be contacted (info@ and other role addresses are fine anyway).',
            {
              items: {
                pattern: '^[^\\s@]+@[^\\s@]+$',
                patternErrorMessage: 'write an e-mail address such as anna@debrug.nl',
              },
            },
          ),
          addresses: strings('Its own street addresses, e.g. the community centre (“Dorpsstraat 12”).'),
          vault: {
            type: 'string',
            minLength: 1,
            description:
              'Where account passwords are kept, e.g. “Bitwarden: Sociale media”. `post-lint doctor` checks every account against it.',
          },
        },
      },
      account: {
        type: 'object',
        description: 'One social media account. Never write a password here: `post-lint doctor` reports any.',
        required: ['id', 'platform', 'handle', 'owners'],
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            description:
              'A short name drafts use to say which account they are for (frontmatter `account: <id>`).',
          },
          platform: {
            type: 'string',
            minLength: 1,
            description:
              'The platform: x, bluesky, mastodon, threads, linkedin, instagram, facebook, tiktok, youtube, …',
            examples: ['instagram', 'facebook', 'linkedin', 'x', 'bluesky', 'mastodon', 'threads'],
          },
          handle: {
            type: 'string',
            minLength: 1,
            description: 'The account name on the platform, e.g. @debrug.',
          },
          owners: strings(
            'The people who can log in and who are responsible for it. At least two, so the account survives a colleague leaving (`post-lint doctor` warns below two).',
            { minItems: 1 },
          ),
          vault: {
            type: 'string',
            minLength: 1,
            description: 'Where its password is kept; should be the organisation’s vault.',
          },
          limits: {
            type: 'object',
            additionalProperties: false,
            description: 'Limits that differ from the platform’s usual ones (e.g. a verified X account).',
            properties: {
              length: { type: 'integer', minimum: 1, description: 'Most characters a post may have.' },
              hashtags: { type: 'integer', minimum: 0, description: 'Most hashtags a post may have.' },
            },
          },
        },
      },
      customSetting: {
        description: 'The severity of one of your own rules (from `custom:`): off, info, warning or error.',
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'array',
            items: [
              { $ref: '#/definitions/severity' },
              { type: 'object', additionalProperties: false, description: 'Custom rules have no options.' },
            ],
            minItems: 1,
            additionalItems: false,
          },
        ],
        errorMessage: 'takes a severity: off, info, warning or error',
      },
      customRule: {
        type: 'object',
        description:
          'One of your own rules. `type` says which kind: avoid (words to flag), replace (word → preferred word), pattern (a regular expression) or require (frontmatter fields a draft must have).',
        required: ['type'],
        properties: {
          type: {
            enum: [...CUSTOM_TYPES],
            description:
              'avoid: words to flag. replace: word → preferred word. pattern: a regular expression. require: frontmatter fields a draft must have.',
          },
        },
        discriminator: { propertyName: 'type' },
        oneOf: CUSTOM_TYPES.map((type) => ({ $ref: `#/definitions/custom-${type}` })),
      },
      'custom-avoid': customRule('avoid', 'Words or phrases to flag. Capitals do not matter.', {
        required: ['phrases'],
        properties: {
          phrases: strings('The words or phrases to flag. `word*` also matches longer words (“klote*”).', {
            minItems: 1,
          }),
          suggest: SUGGEST,
        },
      }),
      'custom-replace': customRule('replace', 'Words with a preferred alternative: “cliënt” → “deelnemer”.', {
        required: ['replace'],
        properties: {
          replace: {
            type: 'object',
            minProperties: 1,
            description:
              'Each word or phrase to flag, with the word(s) to use instead: `cliënten: deelnemers`, or a list of alternatives, best first.',
            additionalProperties: {
              anyOf: [
                { type: 'string', minLength: 1 },
                strings('Alternatives, best first.', { minItems: 1 }),
              ],
              errorMessage: 'must be the preferred word, or a list of them',
            },
          },
        },
      }),
      'custom-pattern': customRule(
        'pattern',
        'A regular expression, for things words cannot catch (case numbers, internal codes). It runs in linear time (RE2): lookbehind, lookahead and backreferences are not available.',
        {
          required: ['pattern'],
          properties: {
            pattern: {
              type: 'string',
              minLength: 1,
              description:
                'The regular expression (RE2 syntax), e.g. "\\\\bDOS-\\\\d{6}\\\\b". In YAML, put it in single quotes so backslashes stay as they are.',
            },
            flags: {
              type: 'string',
              pattern: '^[ims]*$',
              patternErrorMessage:
                'flags are i (ignore case), m (^ and $ per line) and s (. also matches a newline)',
              description: 'i: ignore case. m: ^ and $ match at every line. s: . also matches a newline.',
            },
            suggest: SUGGEST,
          },
        },
      ),
      'custom-require': customRule(
        'require',
        'Frontmatter fields a draft must have, e.g. `consent` whenever a photo shows people.',
        {
          required: ['fields'],
          properties: {
            fields: strings('The frontmatter fields every (matching) draft must have.', { minItems: 1 }),
            when: {
              type: 'object',
              minProperties: 1,
              description:
                'Only require the fields for drafts whose frontmatter has these values (all must hold): `status: ready`, or a list of values: `platform: [instagram, facebook]`.',
              additionalProperties: {
                anyOf: [scalar, { type: 'array', items: scalar, minItems: 1 }],
                errorMessage: 'must be a value, or a list of values',
              },
            },
          },
        },
      ),
      override: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        description: 'Settings for some drafts only.',
        properties: {
          files: {
            description:
              'Which drafts: a pattern or a list of patterns relative to the folder of this rulebook, such as "en/**" or "newsletter/*.md".',
            anyOf: [{ type: 'string', minLength: 1 }, strings('Patterns of drafts.', { minItems: 1 })],
            errorMessage: 'must be a pattern such as "en/**", or a list of them',
          },
          language: {
            $ref: '#/definitions/language',
            description: 'The language of these drafts when they do not say so themselves.',
          },
          rules: {
            $ref: '#/definitions/rules',
            description: 'Rule settings for these drafts, on top of the rulebook’s own `rules:`.',
          },
        },
      },
    },
  }
}
