/**
 * `post-lint explain <rule>`: a rule's documentation in the terminal, in the
 * rulebook's language: title, severity, what it flags and why, its message,
 * options and examples; for a custom rule its definition from the rulebook.
 */
import {
  DOCS_ROOT,
  didYouMean,
  docsUrl,
  ENGINE_RULES,
  type Lang,
  type LocalText,
  localize,
  type Rule,
} from '@post-lint/core'
import { createColors } from 'picocolors'
import { EXIT, type Io, parseCommand, UsageProblem, useColor, write } from '../io.js'
import { display, languageFor, type OpenRulebook, openRulebook, ruleData, sourceOf } from '../rulebook.js'
import { settingOf } from './rules.js'

const LABELS = {
  severity: { en: 'Severity', nl: 'Ernst' },
  default: { en: 'default', nl: 'standaard' },
  inRulebook: { en: 'in {file}', nl: 'in {file}' },
  builtIn: { en: 'built-in rule', nl: 'ingebouwde regel' },
  custom: { en: 'custom rule ({type}) from {file}', nl: 'eigen regel ({type}) uit {file}' },
  rulebook: { en: 'rule of the rulebook ({file})', nl: 'regel van het rulebook ({file})' },
  message: { en: 'Message', nl: 'Melding' },
  note: { en: 'Why', nl: 'Waarom' },
  options: { en: 'Options (defaults)', nl: 'Opties (standaard)' },
  optionsHere: { en: 'Options in this rulebook', nl: 'Opties in dit rulebook' },
  definition: { en: 'Definition', nl: 'Definitie' },
  flag: { en: 'Flagged', nl: 'Wordt gemeld' },
  pass: { en: 'Fine', nl: 'Is goed' },
  examples: { en: 'Examples', nl: 'Voorbeelden' },
  noExamples: {
    en: 'No examples yet: add examples: { flag: […], pass: […] } to the rule, and run post-lint test.',
    nl: 'Nog geen voorbeelden: geef de regel examples: { flag: […], pass: […] } en draai post-lint test.',
  },
  change: { en: 'Change or switch off, in post-lint.yml', nl: 'Aanpassen of uitzetten, in post-lint.yml' },
  oneLine: {
    en: 'For one line of one draft, with a reason:',
    nl: 'Voor één regel van één concept, met een reden:',
  },
  why: { en: 'why this is fine here', nl: 'waarom het hier mag' },
  watched: { en: 'Watched names', nl: 'Namen op de lijst' },
  own: {
    en: 'Your organisation’s own details, never reported (organisation: in {file})',
    nl: 'Gegevens van de organisatie zelf, nooit gemeld (organisation: in {file})',
  },
  accounts: { en: 'Accounts', nl: 'Accounts' },
  docs: { en: 'Docs', nl: 'Documentatie' },
  engine: {
    en: 'A message of post-lint itself (not a rule you can switch off); see {url}',
    nl: 'Een melding van post-lint zelf (geen regel die je uitzet); zie {url}',
  },
} satisfies Record<string, LocalText>

export async function explain(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('explain', argv, {
    lang: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  })
  if (positionals.length === 0)
    throw new UsageProblem(
      'explain: which rule? e.g. post-lint explain personal-data; post-lint rules lists them',
    )
  if (positionals.length > 1)
    throw new UsageProblem(`explain: one rule at a time, got ${positionals.length}: ${positionals.join(' ')}`)
  if (values.config !== undefined && values['no-config'])
    throw new UsageProblem('explain: use --config or --no-config, not both')
  const id = positionals[0]!
  const rulebook = await openRulebook(io, 'explain', {
    file: values.config as string | undefined,
    noConfig: values['no-config'] === true,
  })
  const lang = languageFor(io, 'explain', values.lang, rulebook.compiled.rulebook)
  const c = createColors(useColor(io, values['no-color'] ? false : values.color ? true : undefined))
  const t = (text: LocalText, vars?: Record<string, string>) => localize(text, lang, vars)

  const engineIds: readonly string[] = Object.values(ENGINE_RULES)
  if (engineIds.includes(id)) {
    await write(
      io.stdout,
      `${c.bold(id)}\n\n${wrap(t(LABELS.engine, { url: `${DOCS_ROOT}docs/engine-messages.md#${id}` }), '')}\n`,
    )
    return EXIT.ok
  }
  const rule = rulebook.compiled.rules.find((candidate) => candidate.meta.id === id)
  if (!rule) {
    const hint = didYouMean(id, [...rulebook.compiled.rules.map((r) => r.meta.id), ...engineIds])
    throw new UsageProblem(
      `explain: unknown rule “${id}”${hint ? ` — did you mean “${hint}”?` : ''} (post-lint rules lists them all)`,
    )
  }
  await write(io.stdout, render(io, rulebook, rule, lang, c))
  return EXIT.ok
}

type Colors = ReturnType<typeof createColors>

function render(io: Io, rulebook: OpenRulebook, rule: Rule, lang: Lang, c: Colors): string {
  const t = (text: LocalText | undefined, vars?: Record<string, string>) => localize(text, lang, vars)
  const { meta } = rule
  const source = sourceOf(rulebook, meta.id)
  const file = rulebook.path ? display(io, rulebook.path) : 'post-lint.yml'
  const out: string[] = []
  const title = t(meta.title)
  out.push(`${c.bold(meta.id)}${title && title !== meta.id ? `: ${c.bold(title)}` : ''}`)
  const other: Lang = lang === 'nl' ? 'en' : 'nl'
  const otherTitle = meta.title && typeof meta.title !== 'string' ? localize(meta.title, other) : ''
  if (otherTitle && otherTitle !== title) out.push(c.dim(`(${other}: ${otherTitle})`))

  const custom = rulebook.compiled.rulebook.custom[meta.id]
  const origin =
    source.kind === 'built-in'
      ? t(LABELS.builtIn)
      : source.kind === 'custom'
        ? t(LABELS.custom, { type: custom?.type ?? '?', file: display(io, source.file) })
        : t(LABELS.rulebook, { file })
  const { severity, options } = settingOf(rulebook, rule)
  const severityText =
    severity === meta.defaultSeverity
      ? severity
      : `${severity} ${t(LABELS.inRulebook, { file })} (${t(LABELS.default)}: ${meta.defaultSeverity})`
  out.push('', `${t(LABELS.severity)}: ${c.bold(severityText)} · ${origin}`)
  const url = meta.url === undefined && source.kind === 'built-in' ? docsUrl(meta.id) : meta.url
  // A custom rule's page is the rulebook itself, named above.
  if (typeof url === 'string' && !url.startsWith('file:')) out.push(`${t(LABELS.docs)}: ${url}`)

  const description = t(meta.description)
  if (description && description !== custom?.note) out.push('', wrap(description, ''))

  const message = t(meta.message)
  if (message) out.push('', c.bold(`${t(LABELS.message)}:`), wrap(message, '  '))
  const note = custom?.note
  if (note) out.push('', c.bold(`${t(LABELS.note)}:`), wrap(note, '  '))

  if (custom) {
    const {
      examples: _examples,
      source: _source,
      message: _message,
      note: _note,
      severity: _severity,
      ...definition
    } = custom
    out.push('', c.bold(`${t(LABELS.definition)}:`), ...dump(definition, '  '))
  } else if (meta.id === 'watch' && rulebook.compiled.rulebook.watch.length > 0) {
    out.push('', c.bold(`${t(LABELS.watched)}:`), wrap(rulebook.compiled.rulebook.watch.join(', '), '  '))
  } else if (meta.id === 'account' && rulebook.compiled.rulebook.accounts.length > 0) {
    out.push(
      '',
      c.bold(`${t(LABELS.accounts)}:`),
      ...rulebook.compiled.rulebook.accounts.map(
        (account) => `  ${account.id}: ${account.platform} ${account.handle} (${account.owners.join(', ')})`,
      ),
    )
  }

  if (meta.id === 'personal-data') {
    const organisation = rulebook.compiled.rulebook.organisation
    const own = {
      names: [organisation.name, ...(organisation.names ?? [])].filter((name): name is string => !!name),
      domains: organisation.domains ?? [],
      phones: organisation.phones ?? [],
      ibans: organisation.ibans ?? [],
      emails: organisation.emails ?? [],
      addresses: organisation.addresses ?? [],
    }
    const listed = Object.fromEntries(Object.entries(own).filter(([, values]) => values.length > 0))
    if (Object.keys(listed).length > 0)
      out.push('', c.bold(`${t(LABELS.own, { file })}:`), ...dump(listed, '  '))
  }

  const defaults = meta.defaultOptions ?? {}
  if (Object.keys(defaults).length > 0) out.push('', c.bold(`${t(LABELS.options)}:`), ...dump(defaults, '  '))
  const changed = Object.keys(options).filter(
    (key) => JSON.stringify(options[key]) !== JSON.stringify(defaults[key]),
  )
  if (changed.length > 0) {
    const here = Object.fromEntries(changed.map((key) => [key, options[key]]))
    out.push('', c.bold(`${t(LABELS.optionsHere)} (${file}):`), ...dump(here, '  '))
  }

  const examples = custom ? custom.examples : ruleData[meta.id]?.examples[lang]
  const flag = examples?.flag ?? []
  const pass = examples?.pass ?? []
  // Rules of the rulebook itself (watch, account) have no examples to add.
  if (flag.length > 0 || pass.length > 0 || source.kind !== 'rulebook')
    out.push('', c.bold(`${t(LABELS.examples)}:`))
  if (flag.length === 0 && pass.length === 0 && source.kind === 'custom')
    out.push(wrap(t(LABELS.noExamples), '  '))
  for (const [kind, list, mark] of [
    ['flag', flag, c.red('✖')],
    ['pass', pass, c.green('✔')],
  ] as const) {
    if (list.length === 0) continue
    out.push(`  ${t(LABELS[kind])}:`)
    for (const example of list) {
      const lines = example.replace(/\n$/, '').split('\n')
      out.push(`  ${mark} ${lines[0]}`, ...lines.slice(1).map((line) => `    ${line}`))
    }
  }

  if (!custom) {
    out.push(
      '',
      c.bold(`${t(LABELS.change)}:`),
      c.dim('  rules:'),
      c.dim(
        `    ${meta.id}: ${severity === 'off' ? meta.defaultSeverity : 'off'}   # off | info | warning | error`,
      ),
      '',
      `${t(LABELS.oneLine)}`,
      c.dim(`  <!-- post-lint-disable-next-line ${meta.id} -- ${t(LABELS.why)} -->`),
    )
  }
  return `${out.join('\n')}\n`
}

/** Words wrapped at 80 columns, each line indented. */
function wrap(text: string, indent: string, width = 80): string {
  const lines: string[] = []
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    if (line) lines.push(indent + line)
  }
  return lines.join('\n')
}

/** A small YAML-like view of plain data, as it would be written in post-lint.yml. */
function dump(value: Record<string, unknown>, indent: string): string[] {
  const out: string[] = []
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      out.push(`${indent}${key}:`, ...dump(item as Record<string, unknown>, `${indent}  `))
    } else if (Array.isArray(item)) {
      const inline = `${indent}${key}: [${item.map(scalar).join(', ')}]`
      if (inline.length <= 100) out.push(inline)
      else out.push(`${indent}${key}:`, wrap(item.map(scalar).join(', '), `${indent}  `, 100))
    } else out.push(`${indent}${key}: ${scalar(item)}`)
  }
  return out
}

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    return /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u.test(value) && !/^(true|false|null|yes|no)$/i.test(value)
      ? value
      : JSON.stringify(value)
  }
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
