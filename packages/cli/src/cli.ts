/**
 * `post-lint`: arguments, commands, formatter choice, exit codes. The work is
 * done by @post-lint/node (files, rulebooks) and the engine; each command is
 * loaded only when it runs, so `--version` and `--help` stay fast.
 */
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import type { LintMessage, RuleSetting } from '@post-lint/core'
import { COMMAND_HELP, COMMANDS, type Command, closestCommand, HELP, isCommand } from './help.js'
import { EXIT, type Io, UsageProblem, useColor, write } from './io.js'

export { EXIT, HELP, type Io }

export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version

interface Parsed {
  paths: string[]
  format: string
  quiet: boolean
  maxWarnings: number | undefined
  config: string | undefined
  noConfig: boolean
  rules: Record<string, RuleSetting>
  stdin: boolean
  stdinFilename: string | undefined
  color: boolean | undefined
  help: boolean
  version: boolean
}

const FORMATS = ['stylish', 'json']
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
  if (!FORMATS.includes(format))
    throw new UsageProblem(`Unknown format “${format}”; use ${FORMATS.join(' or ')}`)
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
  return {
    paths: positionals,
    format,
    quiet: values.quiet === true,
    maxWarnings,
    config: values.config as string | undefined,
    noConfig: values['no-config'] === true,
    rules,
    stdin: values.stdin === true,
    stdinFilename: values['stdin-filename'] as string | undefined,
    color: values['no-color'] ? false : values.color ? true : undefined,
    help: values.help === true,
    version: values.version === true,
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
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
async function problem(error: unknown, io: Io): Promise<number> {
  const userError = async () => (await import('@post-lint/node')).isUserError(error)
  if (error instanceof UsageProblem || (error as Error).name === 'ConfigError' || (await userError())) {
    await write(io.stderr, `post-lint: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  await write(
    io.stderr,
    `post-lint crashed; please report this with the command and rulebook that caused it:\n${(error as Error).stack ?? error}\n`,
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

  // Loaded only when there is linting to do, so --version and --help stay fast.
  const { PostLint, isUserError } = await import('@post-lint/node')
  const { formatters } = await import('@post-lint/formatters')

  try {
    const engine = new PostLint({
      cwd: io.cwd,
      ...(options.config ? { configFile: options.config } : {}),
      noConfig: options.noConfig,
      ruleOverrides: options.rules,
    })
    if (options.config) {
      const { stat } = await import('node:fs/promises')
      const { resolve } = await import('node:path')
      const info = await stat(resolve(io.cwd, options.config)).catch(() => undefined)
      if (!info?.isFile()) throw new UsageProblem(`--config: no such rulebook file: ${options.config}`)
    }

    const results: Array<{ filePath: string; messages: LintMessage[]; source: string }> = []
    if (options.stdin) {
      results.push(await engine.lintText(await readAll(io.stdin), options.stdinFilename))
    } else {
      const { files, ignored } = await engine.findFiles(options.paths)
      for (const file of ignored) {
        await write(
          io.stderr,
          `post-lint: ${file} is ignored by .gitignore or .postlintignore; not checked.\n`,
        )
      }
      for (const file of files) {
        try {
          results.push(await engine.lintFile(file))
        } catch (error) {
          if (isUserError(error)) throw error
          const code = (error as NodeJS.ErrnoException).code
          if (code) throw new UsageProblem(`Cannot read ${file}: ${code}`)
          throw error
        }
      }
    }

    const shown = options.quiet
      ? results.map((result) => ({
          ...result,
          messages: result.messages.filter((m) => m.severity === 'error'),
        }))
      : results
    const errors = shown.reduce(
      (sum, result) => sum + result.messages.filter((m) => m.severity === 'error').length,
      0,
    )
    const warnings = shown.reduce(
      (sum, result) => sum + result.messages.filter((m) => m.severity === 'warning').length,
      0,
    )
    const formatter = formatters[options.format]!
    await write(io.stdout, formatter(shown, { color: useColor(io, options.color), cwd: io.cwd }))
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings
    if (tooManyWarnings) {
      await write(
        io.stderr,
        `post-lint found too many warnings (${warnings}; at most ${options.maxWarnings} allowed by --max-warnings).\n`,
      )
    }
    return errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok
  } catch (error) {
    if (error instanceof UsageProblem || isUserError(error) || (error as Error).name === 'ConfigError') {
      await write(io.stderr, `post-lint: ${(error as Error).message}\n`)
      return EXIT.usage
    }
    await write(
      io.stderr,
      `post-lint crashed; please report this with the draft that caused it:\n${(error as Error).stack ?? error}\n`,
    )
    return EXIT.usage
  }
}
