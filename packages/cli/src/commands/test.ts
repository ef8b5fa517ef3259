/**
 * `post-lint test [rulebook]`: run every example of the rulebook's rules
 * and report the ones that fail.
 */
import { createColors } from 'picocolors'
import { atMostOne, EXIT, formatOption, type Io, parseCommand, useColor, write } from '../io.js'
import { display, openRulebook, testRulebook } from '../rulebook.js'

export async function test(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('test', argv, {
    format: { type: 'string', short: 'f' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  })
  const format = formatOption('test', values.format)
  const file = atMostOne('test', positionals, 'rulebook')
  const rulebook = await openRulebook(io, 'test', { file, required: true })
  const results = await testRulebook(rulebook.compiled)
  const failed = results.filter((result) => !result.ok)
  if (format === 'json') {
    await write(io.stdout, `${JSON.stringify(results, null, 2)}\n`)
    return failed.length > 0 ? EXIT.findings : EXIT.ok
  }

  const c = createColors(useColor(io, values['no-color'] ? false : values.color ? true : undefined))
  const out: string[] = []
  const bySource = new Map<string, typeof failed>()
  for (const result of failed) {
    const group = bySource.get(result.source) ?? []
    group.push(result)
    bySource.set(result.source, group)
  }
  for (const [source, group] of bySource) {
    out.push(c.underline(display(io, source)))
    for (const result of group) {
      const kind = result.kind === 'flag' ? 'flag example' : 'pass example'
      const type = rulebook.compiled.rulebook.custom[result.ruleId]?.type
      out.push(`  ${c.red('✖')} ${c.bold(result.ruleId)}${type ? ` (${type})` : ''}  ${kind}`)
      for (const line of result.text.replace(/\n$/, '').split('\n')) out.push(`    ${c.dim('│')} ${line}`)
      out.push(
        `    ${c.yellow('→')} ${result.problem ?? (result.kind === 'flag' ? 'not flagged' : 'flagged')}`,
      )
    }
    out.push('')
  }
  const examples = `${results.length} example${results.length === 1 ? '' : 's'}`
  const summary = `${examples}, ${results.length - failed.length} passed, ${failed.length} failed`
  out.push(failed.length > 0 ? c.red(c.bold(summary)) : c.green(summary))
  if (results.length === 0)
    out.push(
      c.dim(
        `  ${display(io, rulebook.path!)} has no examples yet: give each custom rule examples: { flag: […], pass: […] }.`,
      ),
    )
  await write(io.stdout, `${out.join('\n')}\n`)
  return failed.length > 0 ? EXIT.findings : EXIT.ok
}
