/**
 * `post-lint`: arguments, formatter choice, exit codes. The work is done by
 * @post-lint/node (files, rulebooks) and the engine.
 */
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import type { LintMessage, RuleSetting } from '@post-lint/core'

/** Exit codes (public contract). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
  cwd: string
  env: NodeJS.ProcessEnv
}

export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version

export const HELP = `Usage: post-lint [options] [files, folders or globs…]

Checks social media drafts and newsletters (.md, .markdown, .txt) against your
organisation's rulebook (the nearest post-lint.yml) before they are published.
Without paths, checks the current folder. Files in .gitignore or
.postlintignore are skipped.

Options:
  --format <name>          stylish (default) or json
  --quiet                  report errors only
  --max-warnings <n>       fail when there are more than <n> warnings
  --config <file>          use this rulebook instead of the nearest post-lint.yml
  --no-config              use no rulebook: built-in defaults only
  --rule <id:severity>     set a rule's severity: off, info, warning or error
                           (repeatable)
  --stdin                  check one draft read from standard input
  --stdin-filename <path>  the path of the draft on standard input (for its
                           rulebook and file type)
  --color, --no-color      force colours on or off (default: on a terminal)
  -v, --version            print the version
  -h, --help               print this help

Examples:
  post-lint drafts/
  post-lint "drafts/**/*.md" --format json > report.json
  post-lint --rule profanity:error --max-warnings 0 drafts/
  post-lint --stdin --stdin-filename drafts/post.md < post.md

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 a usage or rulebook problem.
Rules and their docs: https://github.com/post-lint/post-lint/tree/main/rules
`

class UsageProblem extends Error {}

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

function useColor(io: Io, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced
  if (io.env.NO_COLOR) return false
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true
  return io.stdout.isTTY === true
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!text) return Promise.resolve()
  return new Promise((resolve) => {
    if (stream.write(text)) resolve()
    else stream.once('drain', () => resolve())
  })
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
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
  const { didYouMean } = await import('@post-lint/core')

  try {
    const engine = new PostLint({
      cwd: io.cwd,
      ...(options.config ? { configFile: options.config } : {}),
      noConfig: options.noConfig,
      ruleOverrides: options.rules,
    })
    const known = new Set(engine.rules.map((rule) => rule.meta.id))
    for (const id of Object.keys(options.rules)) {
      if (!known.has(id)) {
        const hint = didYouMean(id, known)
        throw new UsageProblem(`--rule: unknown rule “${id}”${hint ? ` — did you mean “${hint}”?` : ''}`)
      }
    }
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
