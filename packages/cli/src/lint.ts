/**
 * Checking drafts: find them (or read standard input), keep those changed
 * since a git ref, lint or fix them, and hand the results to a formatter.
 * Loaded only when there is linting to do, so --version and --help stay fast.
 */
import { existsSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { LintMessage, RuleSetting } from '@post-lint/core'
import { formatters, MACHINE_FORMATS, stylishStream } from '@post-lint/formatters'
import {
  DEFAULT_CACHE_FILE,
  type FileResult,
  inShard,
  linesOfFindings,
  lintFiles,
  PostLint,
  parseShard,
  ResultCache,
  readDraft,
  writeFileAtomic,
} from '@post-lint/node'
import { createColors } from 'picocolors'
import { type ChangedLines, changesSince, onChangedLine } from './changed.js'
import { fixText } from './fix.js'
import { EXIT, type Io, UsageProblem, useColor, write } from './io.js'
import { emitReport, reportRoot, ruleInfo } from './report.js'
import { display, languageFor } from './rulebook.js'

export interface LintOptions {
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
  outputFile: string | undefined
  changedSince: string | undefined
  fix: boolean
  fixDryRun: boolean
  /** post-lint's version, named in SARIF reports. */
  version: string
  /** --cache / --cache-location */
  cache: boolean
  cacheLocation: string | undefined
  /** Worker threads (--workers). */
  workers: number | 'auto'
  /** `i/n` (--shard). */
  shard: string | undefined
  watch: boolean
}

/** One checked draft: its results and, with --fix or --fix-dry-run, what fixing did. */
interface Checked {
  result: FileResult
  /** Lines that count (--changed-since). */
  changed?: ChangedLines
  fixed?: { text: string; before: string; after: string }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Check the drafts; resolves to the exit code. Usage and rulebook problems are thrown. */
export async function lint(options: LintOptions, io: Io): Promise<number> {
  return options.watch ? watch(options, io) : lintOnce(options, io)
}

/**
 * `--watch`: check, then check again whenever a draft, a rulebook or an
 * ignore file under the given paths changes (unchanged drafts come from a
 * cache in memory), until interrupted (Ctrl+C: exit 0). A broken rulebook is
 * reported and the watch goes on.
 */
async function watch(options: LintOptions, io: Io): Promise<number> {
  const { watch: watchPath } = await import('node:fs')
  const { stat } = await import('node:fs/promises')
  const { dirname } = await import('node:path')
  const memory = ResultCache.inMemory(options.version)
  const once = async () => {
    try {
      await lintOnce(options, io, memory)
    } catch (error) {
      if (!(error instanceof Error) || !/UsageProblem|UsageError|RulebookError/.test(error.name)) throw error
      await write(io.stderr, `post-lint: ${error.message}\n`)
    }
    await write(io.stderr, 'post-lint: watching for changes (Ctrl+C to stop)…\n')
  }
  const folders = new Set<string>()
  for (const path of options.paths.length > 0 ? options.paths : ['.']) {
    const absolute = resolve(io.cwd, path)
    const info = await stat(absolute).catch(() => undefined)
    folders.add(info?.isDirectory() ? absolute : info ? dirname(absolute) : io.cwd)
  }
  // Watching starts before the first check: “watching for changes” is only
  // printed once a change would be seen (one during the check starts another).
  return new Promise((resolvePromise, rejectPromise) => {
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> = Promise.resolve()
    const relevant = /\.(md|markdown|txt)$|(^|[\\/])\.?post-lint\.ya?ml$|(^|[\\/])\.(git|postlint)ignore$/i
    const watchers = [...folders].map((folder) =>
      watchPath(folder, { recursive: true }, (_event, name) => {
        if (name && (!relevant.test(name) || /(^|[\\/])node_modules[\\/]/.test(name))) return
        clearTimeout(timer)
        timer = setTimeout(() => {
          running = running
            .then(async () => {
              await write(
                io.stderr,
                `\npost-lint: ${name ?? 'a file'} changed, checking again (${new Date().toLocaleTimeString()})\n`,
              )
              await once()
            })
            .catch(fail)
        }, 150)
      }),
    )
    const end = () => {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
    const stop = () => {
      end()
      resolvePromise(EXIT.ok)
    }
    // Not a problem in the drafts or the rulebook (those are reported and the watch goes on): post-lint's own.
    const fail = (error: unknown) => {
      end()
      rejectPromise(error)
    }
    running = once().catch(fail)
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

async function lintOnce(options: LintOptions, io: Io, memory?: ResultCache): Promise<number> {
  const engine = new PostLint({
    cwd: io.cwd,
    ...(options.config ? { configFile: options.config } : {}),
    noConfig: options.noConfig,
    ruleOverrides: options.rules,
  })
  if (options.config) {
    const { stat } = await import('node:fs/promises')
    const info = await stat(resolve(io.cwd, options.config)).catch(() => undefined)
    if (!info?.isFile()) throw new UsageProblem(`--config: no such rulebook file: ${options.config}`)
  }
  // What is reported: errors only with --quiet, changed lines only with --changed-since.
  const reported = (changed: ChangedLines | undefined) => (message: LintMessage) =>
    (!options.quiet || message.severity === 'error') &&
    (changed === undefined || onChangedLine(changed, message))
  // What is fixed: what is reported (ESLint's rule for --quiet), keeping line numbers for --changed-since.
  const fixable = (changed: ChangedLines | undefined) => (message: LintMessage) =>
    reported(changed)(message) && (changed === undefined || keepsLineBreaks(message))

  /** Lint a draft's text, or fix it with --fix/--fix-dry-run; `lintText` lints a text of it. */
  const check = async (
    text: string,
    lintText: (text: string) => Promise<FileResult>,
    changed?: ChangedLines,
  ): Promise<Checked> => {
    const lines = changed ? { changed } : {}
    if (!options.fix && !options.fixDryRun) return { result: await lintText(text), ...lines }
    const fixed = await fixText(text, lintText, fixable(changed))
    // Standard input always gets its text back (--stdin --fix is a filter).
    const keep = fixed.changed || options.stdin
    return {
      result: fixed.after,
      ...lines,
      ...(keep
        ? { fixed: { text: fixed.text, before: fixed.before.source, after: fixed.after.source } }
        : {}),
    }
  }

  const shard = options.shard === undefined ? undefined : parseShard(options.shard)
  const checked: Checked[] = []
  const color = useColor(io, options.color)
  // Stylish on standard output is written draft by draft as results come in: nothing is kept.
  const streaming =
    options.format === 'stylish' &&
    options.outputFile === undefined &&
    !options.stdin &&
    !options.fix &&
    !options.fixDryRun
      ? { stream: stylishStream({ color, cwd: io.cwd }), errors: 0, warnings: 0 }
      : undefined
  if (options.stdin) {
    checked.push(await check(await readAll(io.stdin), (body) => engine.lintText(body, options.stdinFilename)))
  } else {
    const { files, ignored } = await engine.findFiles(options.paths)
    for (const file of ignored) {
      await write(io.stderr, `post-lint: ${file} is ignored by .gitignore or .postlintignore; not checked.\n`)
    }
    const changes = options.changedSince ? await changesSince(io.cwd, options.changedSince) : undefined
    const selected: Array<{ file: string; changed: ChangedLines | undefined }> = []
    for (const file of shard ? inShard(files, shard, io.cwd) : files) {
      // git names files by their real path.
      const changed = changes ? changes.get(await realpath(file).catch(() => file)) : undefined
      if (changes && changed === undefined) continue
      selected.push({ file, changed })
    }
    if (options.fix || options.fixDryRun) {
      for (const { file, changed } of selected)
        checked.push(await check(await readDraft(file), (body) => engine.lintText(body, file), changed))
    } else {
      // Results stream in, in file order; each keeps only what the report shows (its findings and
      // their lines), so memory does not grow with the drafts' text.
      const progress = progressBar(io, selected.length)
      const cache =
        memory ??
        (options.cache
          ? await ResultCache.open(
              resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE),
              options.version,
            )
          : undefined)
      await lintFiles(
        engine,
        selected.map(({ file }) => file),
        {
          ...(cache ? { cache } : {}),
          ...(options.workers === 'auto' ? {} : { workers: options.workers }),
          onProgress: progress.update,
          onResult: async (result, index) => {
            const changed = selected[index]!.changed
            const messages = result.messages.filter(reported(changed))
            if (streaming) {
              for (const message of messages) {
                if (message.severity === 'error') streaming.errors++
                else if (message.severity === 'warning') streaming.warnings++
              }
              const part = streaming.stream.file({
                filePath: result.filePath,
                source: result.source,
                messages,
              })
              progress.clear()
              await write(io.stdout, part)
              return
            }
            checked.push({
              result: { ...result, source: linesOfFindings(result.source, messages) },
              ...(changed ? { changed } : {}),
            })
          },
        },
      ).finally(progress.clear)
      if (cache && cache !== memory) {
        cache.forgetMissing(existsSync)
        await cache.save().catch(async (error: NodeJS.ErrnoException) => {
          await write(
            io.stderr,
            `post-lint: could not write the cache ${cache.path} (${error.code ?? error}).\n`,
          )
        })
      }
    }
  }

  // Everything is linted: only now is anything written, so a broken rulebook never leaves half-fixed drafts.
  if (options.fix && !options.stdin) {
    for (const { result, fixed } of checked) {
      if (!fixed) continue
      try {
        await writeFileAtomic(result.filePath, fixed.text)
      } catch (error) {
        throw new UsageProblem(
          `Cannot write the fixed draft ${display(io, result.filePath)} (${(error as NodeJS.ErrnoException).code ?? error})`,
        )
      }
    }
  }

  if (streaming) {
    await write(io.stdout, streaming.stream.end())
    return exitCode(io, options, streaming.errors, streaming.warnings)
  }

  const shown = checked.map(({ result, changed }) => ({
    filePath: result.filePath,
    source: result.source,
    messages: result.messages.filter(reported(changed)),
  }))
  const count = (severity: string) =>
    shown.reduce((sum, result) => sum + result.messages.filter((m) => m.severity === severity).length, 0)
  const errors = count('error')
  const warnings = count('warning')

  const formatter = formatters[options.format]!
  const report = formatter(shown, {
    // A report file gets colours only when asked for: the terminal is not where it goes.
    color: options.outputFile === undefined ? color : options.color === true,
    cwd: io.cwd,
    root: reportRoot(io),
    version: options.version,
    ...(options.format === 'sarif'
      ? {
          rules: ruleInfo(
            engine,
            checked.map(({ result }) => result.rulebook),
            languageFor(io, 'lint', undefined, engine.compiled(checked[0]?.result.rulebook).rulebook),
          ),
        }
      : {}),
  })

  if (options.stdin && options.fix) {
    // A filter: the fixed draft on standard output, the report beside it.
    await write(io.stdout, checked[0]!.fixed!.text)
    if (options.outputFile !== undefined) await emitReport(io, report, options.outputFile)
    else await write(io.stderr, report)
  } else {
    if (options.fixDryRun) {
      const diffs = await dryRunDiffs(io, checked, color)
      // Keep a machine-readable report on standard output parseable: the diff goes to standard error then.
      const toStderr = MACHINE_FORMATS.has(options.format) && options.outputFile === undefined
      await write(toStderr ? io.stderr : io.stdout, diffs)
    }
    await emitReport(io, report, options.outputFile)
  }

  return exitCode(io, options, errors, warnings)
}

/** 1 with errors or more warnings than --max-warnings allows (said on standard error), else 0. */
async function exitCode(io: Io, options: LintOptions, errors: number, warnings: number): Promise<number> {
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings
  if (tooManyWarnings) {
    await write(
      io.stderr,
      `post-lint found too many warnings (${warnings}; at most ${options.maxWarnings} allowed by --max-warnings).\n`,
    )
  }
  return errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok
}

/**
 * A progress bar on standard error, for long runs on a terminal (not in CI,
 * not when standard error is a file): drawn at most ten times a second,
 * cleared at the end.
 */
function progressBar(io: Io, total: number): { update: (done: number) => void; clear: () => void } {
  const stream = io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  if (!stream.isTTY || io.env.CI || total < 50) return { update: () => {}, clear: () => {} }
  let last = 0
  let drawn = false
  return {
    update(done) {
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40))
      const filled = Math.round((done / total) * width)
      stream.write(`\r post-lint ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} drafts`)
      drawn = true
    },
    // Before report lines go to the same terminal, and at the end: the next update draws it again.
    clear() {
      if (drawn) stream.write('\r\u001b[2K')
      drawn = false
    },
  }
}

/**
 * With --changed-since, only fixes that keep every line where it is: the
 * changed line numbers stay true for the next pass. Every built-in fix is so.
 */
function keepsLineBreaks(message: LintMessage): boolean {
  return !/[\r\n]/.test(message.fix?.text ?? '') && message.line === message.endLine
}

/** Unified diffs of what --fix would change, made from the masked texts: a diff never shows a secret. */
async function dryRunDiffs(io: Io, checked: readonly Checked[], color: boolean): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff')
  const c = createColors(color)
  const out: string[] = []
  for (const { result, fixed } of checked) {
    if (!fixed || fixed.before === fixed.after) continue
    const name = result.filePath === '<stdin>' ? '<stdin>' : display(io, result.filePath).split(sep).join('/')
    const patch = createTwoFilesPatch(
      `a/${name}`,
      `b/${name}`,
      fixed.before,
      fixed.after,
      undefined,
      undefined,
      {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      },
    )
    for (const line of patch.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('+++') || line.startsWith('---')) out.push(c.bold(line))
      else if (line.startsWith('@@')) out.push(c.cyan(line))
      else if (line.startsWith('+')) out.push(c.green(line))
      else if (line.startsWith('-')) out.push(c.red(line))
      else out.push(line)
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : ''
}
