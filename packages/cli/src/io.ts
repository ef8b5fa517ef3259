/**
 * What every command shares: the streams it talks to, exit codes, usage
 * problems and argument parsing. No heavy imports: `--help` loads this.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util'

/** Exit codes (public contract). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  cwd: string
  env: NodeJS.ProcessEnv
}

/** A problem with how post-lint was called, or with its input: exit 2, message on stderr. */
export class UsageProblem extends Error {
  override name = 'UsageProblem'
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!text) return Promise.resolve()
  return new Promise((resolve) => {
    if (stream.write(text)) resolve()
    else stream.once('drain', () => resolve())
  })
}

export function useColor(io: Io, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced
  if (io.env.NO_COLOR) return false
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true
  return io.stdout.isTTY === true
}

type Options = NonNullable<ParseArgsConfig['options']>

/** `parseArgs` with strict options, its errors turned into usage problems naming the command. */
export function parseCommand<T extends Options>(
  command: string,
  argv: string[],
  options: T,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals }
  } catch (error) {
    const reason = (error as Error).message.replace(/\. To specify.*$/s, '')
    throw new UsageProblem(`${command}: ${reason}. See post-lint help ${command}.`)
  }
}

export const FORMATS = ['stylish', 'json'] as const

/** `--format` of a command that prints a report: stylish (default) or json. */
export function formatOption(command: string, value: unknown): 'stylish' | 'json' {
  const format = (value as string | undefined) ?? 'stylish'
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageProblem(`${command}: unknown format “${format}”; use stylish or json`)
  return format as 'stylish' | 'json'
}

/** Keep a command's extra positionals from being silently ignored. */
export function atMostOne(command: string, positionals: string[], what: string): string | undefined {
  if (positionals.length > 1)
    throw new UsageProblem(
      `${command}: expected at most one ${what}, got ${positionals.length}: ${positionals.join(' ')}`,
    )
  return positionals[0]
}
