/**
 * `post-lint`: arguments, commands, formatter choice, exit codes. The work is
 * done by @post-lint/node (files, rulebooks) and the engine; each command is
 * loaded only when it runs, so `--version` and `--help` stay fast.
 */
import { parseArgs } from 'node:util'
import type { RuleSetting } from '@post-lint/core'
import { tuneV8 } from '@post-lint/node/v8'
import { COMMAND_HELP, COMMANDS, type Command, closestCommand, HELP, isCommand } from './help.js'
import { EXIT, type Io, UsageProblem, write } from './io.js'
import type { LintOptions } from './lint.js'
import { version } from './version.js'

export { EXIT, HELP, type Io, tuneV8, version }

interface Parsed extends Omit<LintOptions, 'version'> {
  help: boolean
  version: boolean
}

/** `--format` names (the formatters map of @post-lint/formatters, not loaded for --help). */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle'] as const
const SEVERITY_NAMES = ['off', 'info', 'warning', 'error']

function parse(argv: string[]): Parsed {
  let values: Record<string, string | boolean | string[] | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        'changed-since': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        workers: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        watch: { type: 'boolean', short: 'w' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }))
  } catch (error) {
    throw new UsageProblem(
      `${(error as Error).message.replace(/\. To specify.*$/s, '')}. See post-lint --help.`,
    )
  }
  const format = (values.format as string | undefined) ?? 'stylish'
  if (!(LINT_FORMATS as readonly string[]).includes(format))
    throw new UsageProblem(
      `Unknown format “${format}”; use ${LINT_FORMATS.slice(0, -1).join(', ')} or ${LINT_FORMATS.at(-1)}`,
    )
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'] as string
    maxWarnings = Number(raw)
    if (!/^\d+$/.test(raw)) throw new UsageProblem(`--max-warnings needs a whole number ≥ 0, not “${raw}”`)
  }
  if (values.config !== undefined && values['no-config'])
    throw new UsageProblem('Use --config or --no-config, not both')
  const rules: Record<string, RuleSetting> = {}
  for (const entry of (values.rule as string[] | undefined) ?? []) {
    const match = /^([\w-]+)\s*[:=]\s*(\w+)$/.exec(entry.trim())
    const severity = match?.[2] === 'warn' ? 'warning' : match?.[2]
    if (!match || !severity || !SEVERITY_NAMES.includes(severity)) {
      throw new UsageProblem(
        `--rule expects id:severity (off, info, warning, error), e.g. --rule profanity:error; got “${entry}”`,
      )
    }
    rules[match[1]!] = severity as RuleSetting
  }
  if (values['stdin-filename'] !== undefined && !values.stdin)
    throw new UsageProblem('--stdin-filename needs --stdin')
  if (values.stdin && positionals.length > 0) throw new UsageProblem('Give paths or --stdin, not both')
  if (values.fix && values['fix-dry-run']) throw new UsageProblem('Use --fix or --fix-dry-run, not both')
  const changedSince = values['changed-since'] as string | undefined
  if (changedSince !== undefined && values.stdin)
    throw new UsageProblem('--changed-since works on files in a git repository, not with --stdin')
  const outputFile = values['output-file'] as string | undefined
  if (outputFile !== undefined && outputFile.trim() === '')
    throw new UsageProblem('--output-file needs a file name, e.g. --output-file post-lint.sarif')
  const cacheLocation = values['cache-location'] as string | undefined
  if (cacheLocation !== undefined && cacheLocation.trim() === '')
    throw new UsageProblem('--cache-location needs a file name, e.g. --cache-location .cache/post-lint')
  const rawWorkers = (values.workers as string | undefined) ?? 'auto'
  if (rawWorkers !== 'auto' && !/^\d+$/.test(rawWorkers))
    throw new UsageProblem(`--workers needs a number of threads or “auto”, not “${rawWorkers}”`)
  const shard = values.shard as string | undefined
  if (shard !== undefined && values.stdin)
    throw new UsageProblem('--shard splits files between machines, not --stdin')
  if (values.watch && (values.stdin || values.fix || values['fix-dry-run'] || outputFile !== undefined))
    throw new UsageProblem(
      '--watch prints the report again on every change; use it without --stdin, --fix, --fix-dry-run and --output-file',
    )
  return {
    paths: positionals,
    cache: values.cache === true || cacheLocation !== undefined,
    cacheLocation,
    workers: rawWorkers === 'auto' ? 'auto' : Math.max(1, Number(rawWorkers)),
    shard,
    watch: values.watch === true,
    format,
    quiet: values.quiet === true,
    maxWarnings,
    config: values.config as string | undefined,
    noConfig: values['no-config'] === true,
    rules,
    stdin: values.stdin === true,
    stdinFilename: values['stdin-filename'] as string | undefined,
    color: values['no-color'] ? false : values.color ? true : undefined,
    outputFile,
    changedSince,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    help: values.help === true,
    version: values.version === true,
  }
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const first = argv[0]
  if (isCommand(first)) return command(first, argv.slice(1), io)
  if (first !== undefined && (await unknownCommand(first, io))) return EXIT.usage
  return lint(argv, io)
}

/** A first argument that looks like a command, is none, and names no file or folder. */
async function unknownCommand(first: string, io: Io): Promise<boolean> {
  if (!/^[a-z][a-z-]*$/i.test(first)) return false
  const { stat } = await import('node:fs/promises')
  const { resolve } = await import('node:path')
  if (await stat(resolve(io.cwd, first)).catch(() => undefined)) return false
  const hint = closestCommand(first)
  await write(
    io.stderr,
    hint
      ? `post-lint: unknown command “${first}” — did you mean “${hint}”?\n`
      : `post-lint: unknown command “${first}”, and no file or folder of that name. Commands: ${COMMANDS.join(', ')}; see post-lint --help.\n`,
  )
  return true
}

const LOADERS: Record<
  Exclude<Command, 'help'>,
  () => Promise<(argv: string[], io: Io) => Promise<number>>
> = {
  init: async () => (await import('./commands/init.js')).init,
  test: async () => (await import('./commands/test.js')).test,
  doctor: async () => (await import('./commands/doctor.js')).doctor,
  rules: async () => (await import('./commands/rules.js')).rules,
  explain: async () => (await import('./commands/explain.js')).explain,
}

async function command(name: Command, argv: string[], io: Io): Promise<number> {
  if (name === 'help') return help(argv, io)
  if (argv.includes('--help') || argv.includes('-h')) {
    await write(io.stdout, COMMAND_HELP[name])
    return EXIT.ok
  }
  try {
    return await (await LOADERS[name]())(argv, io)
  } catch (error) {
    return problem(error, io)
  }
}

async function help(argv: string[], io: Io): Promise<number> {
  const topic = argv.find((arg) => !arg.startsWith('-'))
  if (topic === undefined) {
    await write(io.stdout, HELP)
    return EXIT.ok
  }
  if (isCommand(topic)) {
    await write(io.stdout, COMMAND_HELP[topic])
    return EXIT.ok
  }
  const hint = closestCommand(topic)
  await write(
    io.stderr,
    `post-lint: unknown command “${topic}”${hint ? ` — did you mean “${hint}”?` : `; commands: ${COMMANDS.join(', ')}`}\n`,
  )
  return EXIT.usage
}

/** Usage and rulebook problems → exit 2 with the message; anything else is a crash, also 2. */
async function problem(error: unknown, io: Io, cause = 'the command and rulebook'): Promise<number> {
  const userError = async () => (await import('@post-lint/node')).isUserError(error)
  if (error instanceof UsageProblem || (error as Error).name === 'ConfigError' || (await userError())) {
    await write(io.stderr, `post-lint: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  await write(
    io.stderr,
    `post-lint crashed; please report this with ${cause} that caused it:\n${(error as Error).stack ?? error}\n`,
  )
  return EXIT.usage
}

async function lint(argv: string[], io: Io): Promise<number> {
  let options: Parsed
  try {
    options = parse(argv)
  } catch (error) {
    if (error instanceof UsageProblem) {
      await write(io.stderr, `post-lint: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
  if (options.help) {
    await write(io.stdout, HELP)
    return EXIT.ok
  }
  if (options.version) {
    await write(io.stdout, `${version}\n`)
    return EXIT.ok
  }

  const { help: _help, version: _version, ...lintOptions } = options
  try {
    return await (await import('./lint.js')).lint({ ...lintOptions, version }, io)
  } catch (error) {
    return problem(error, io, 'the draft')
  }
}
