/**
 * `post-lint rules`: every rule with the rulebook in effect, its severity
 * (or off), where it comes from and its title, as a table or JSON.
 */
import { type Lang, localize, type Rule, readSetting, type SeveritySetting } from '@post-lint/core'
import { createColors } from 'picocolors'
import { EXIT, formatOption, type Io, parseCommand, UsageProblem, useColor, write } from '../io.js'
import { display, languageFor, type OpenRulebook, openRulebook, sourceLabel, sourceOf } from '../rulebook.js'

export interface RuleRow {
  id: string
  severity: SeveritySetting
  defaultSeverity: SeveritySetting
  source: 'built-in' | 'custom' | 'rulebook'
  /** The rulebook file that defines a custom rule. */
  file?: string
  title: string
  url?: string
}

/** The severity a rule has for drafts without an override, and its options. */
export function settingOf(
  rulebook: OpenRulebook,
  rule: Rule,
): { severity: SeveritySetting; options: Record<string, unknown> } {
  const setting = rulebook.compiled.configFor(undefined).rules?.[rule.meta.id]
  const { severity, options } = readSetting(setting)
  return {
    severity: severity ?? rule.meta.defaultSeverity,
    options: { ...rule.meta.defaultOptions, ...options },
  }
}

export function rows(rulebook: OpenRulebook, lang: Lang): RuleRow[] {
  return rulebook.compiled.rules.map((rule) => {
    const source = sourceOf(rulebook, rule.meta.id)
    const url = rule.meta.url
    return {
      id: rule.meta.id,
      severity: settingOf(rulebook, rule).severity,
      defaultSeverity: rule.meta.defaultSeverity,
      source: source.kind,
      ...(source.kind === 'custom' ? { file: source.file } : {}),
      title: localize(rule.meta.title, lang),
      ...(typeof url === 'string' ? { url } : {}),
    }
  })
}

export async function rules(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('rules', argv, {
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    lang: { type: 'string' },
    format: { type: 'string', short: 'f' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  })
  if (positionals.length > 0)
    throw new UsageProblem(
      `rules: unexpected argument “${positionals[0]}”; use --config <file> for another rulebook, or post-lint explain ${positionals[0]}`,
    )
  if (values.config !== undefined && values['no-config'])
    throw new UsageProblem('rules: use --config or --no-config, not both')
  const format = formatOption('rules', values.format)
  const rulebook = await openRulebook(io, 'rules', {
    file: values.config as string | undefined,
    noConfig: values['no-config'] === true,
  })
  const lang = languageFor(io, 'rules', values.lang, rulebook.compiled.rulebook)
  const list = rows(rulebook, lang)
  if (format === 'json') {
    await write(io.stdout, `${JSON.stringify(list, null, 2)}\n`)
    return EXIT.ok
  }

  const c = createColors(useColor(io, values['no-color'] ? false : values.color ? true : undefined))
  const paint: Record<SeveritySetting, (text: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
    off: c.dim,
  }
  const table = list.map((row) => ({
    row,
    cells: [row.id, row.severity, sourceLabel(rulebook, sourceOf(rulebook, row.id)), row.title],
  }))
  const header = ['rule', 'severity', 'source', 'title']
  const widths = header.map((name, column) =>
    Math.max(name.length, ...table.map(({ cells }) => cells[column]!.length)),
  )
  const line = (cells: string[], paintSeverity?: (text: string) => string) =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)
        return column === 1 && paintSeverity ? paintSeverity(padded) : padded
      })
      .join('  ')
      .trimEnd()
  const out = [c.bold(line(header))]
  for (const { row, cells } of table) out.push(line(cells, paint[row.severity]))
  const where = rulebook.path ? display(io, rulebook.path) : 'no rulebook: built-in defaults'
  const on = list.filter((row) => row.severity !== 'off').length
  out.push('', c.dim(`${list.length} rules, ${on} on (${where}).`))
  const overrides = rulebook.compiled.rulebook.overrides
  if (overrides.length > 0) {
    const globs = overrides.flatMap((override) =>
      Array.isArray(override.files) ? override.files : [override.files],
    )
    out.push(c.dim(`Overrides change these for some drafts: ${globs.join(', ')}.`))
  }
  await write(io.stdout, `${out.join('\n')}\n`)
  return EXIT.ok
}
