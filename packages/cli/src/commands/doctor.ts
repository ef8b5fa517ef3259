/**
 * `post-lint doctor [rulebook]`: continuity problems in the rulebook and its
 * account register. Errors fail (exit 1); warnings are advice.
 */
import { createColors } from 'picocolors'
import { atMostOne, EXIT, formatOption, type Io, parseCommand, useColor, write } from '../io.js'
import { doctor as diagnose, display, openRulebook } from '../rulebook.js'

export async function doctor(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('doctor', argv, {
    format: { type: 'string', short: 'f' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  })
  const format = formatOption('doctor', values.format)
  const file = atMostOne('doctor', positionals, 'rulebook')
  const rulebook = await openRulebook(io, 'doctor', { file, required: true })
  const findings = diagnose(rulebook.compiled.rulebook)
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.length - errors
  const code = errors > 0 ? EXIT.findings : EXIT.ok
  if (format === 'json') {
    await write(io.stdout, `${JSON.stringify(findings, null, 2)}\n`)
    return code
  }

  const c = createColors(useColor(io, values['no-color'] ? false : values.color ? true : undefined))
  const rulebookFile = display(io, rulebook.path!)
  if (findings.length === 0) {
    await write(io.stdout, `${c.green('✔')} ${rulebookFile}: no problems found.\n`)
    return code
  }
  const out: string[] = []
  const byFile = new Map<string, typeof findings>()
  for (const finding of findings) {
    const key = finding.filePath ?? rulebook.path!
    const group = byFile.get(key) ?? []
    group.push(finding)
    byFile.set(key, group)
  }
  for (const [path, group] of byFile) {
    group.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    out.push('', c.underline(display(io, path)))
    const place = (finding: (typeof group)[number]) =>
      finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1}`
    const width = Math.max(...group.map((finding) => place(finding).length))
    for (const finding of group) {
      const label = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning')
      out.push(`  ${c.dim(place(finding).padEnd(width))}${width > 0 ? '  ' : ''}${label}  ${finding.message}`)
    }
  }
  const parts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
  out.push('', errors > 0 ? c.red(c.bold(`✖ ${parts}`)) : c.yellow(c.bold(`⚠ ${parts}`)))
  await write(io.stdout, `${out.join('\n').replace(/^\n/, '')}\n`)
  return code
}
