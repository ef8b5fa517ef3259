/**
 * Many drafts through the built CLI: --cache, --workers, --shard, --watch and
 * the progress bar. Each compares against a plain run on the same drafts.
 */
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bin, ENV, runCli, useFixtures } from '../support/cli.js'

const fixture = useFixtures('scale')

/** 240 drafts, one in three with a finding, in two folders. */
function drafts(): Record<string, string> {
  const files: Record<string, string> = { 'post-lint.yml': 'language: en\nrules:\n  insensitive: error\n' }
  for (let index = 0; index < 240; index++) {
    const body =
      index % 3 === 0
        ? `Draft ${index}: the chairman thanks every volunteer.\n`
        : `Draft ${index}: thank you to every volunteer.\n`
    files[`${index % 2 ? 'news' : 'posts'}/draft-${String(index).padStart(3, '0')}.md`] = body
  }
  return files
}

const json = (stdout: string) =>
  (JSON.parse(stdout) as Array<{ filePath: string; messages: unknown[] }>).map((result) => ({
    file: result.filePath.replace(/^.*\/(news|posts)\//, '$1/'),
    messages: result.messages,
  }))

describe('--workers', () => {
  it('gives the same report, in the same order, with one thread or several', () => {
    const folder = fixture(drafts())
    const one = runCli(['--workers', '1', '--format', 'json', '.'], { cwd: folder })
    const three = runCli(['--workers', '3', '--format', 'json', '.'], { cwd: folder })
    expect(one.code).toBe(1)
    expect(three.code).toBe(1)
    expect(json(three.stdout)).toEqual(json(one.stdout))
    expect(json(one.stdout).filter((result) => result.messages.length > 0)).toHaveLength(80)
  })

  it('refuses a count that is not a number', () => {
    const result = runCli(['--workers', 'many', '.'], { cwd: fixture(drafts()) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--workers needs a number of threads or “auto”, not “many”')
  })
})

describe('--cache', () => {
  it('a second run reads unchanged drafts from the cache, with the same report; a changed draft or rulebook is checked again', () => {
    const folder = fixture(drafts())
    const first = runCli(['--cache', '--format', 'json', '.'], { cwd: folder })
    expect(first.code).toBe(1)
    const cacheFile = join(folder, '.postlintcache')
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'))
    expect(Object.keys(cache.entries)).toHaveLength(240)
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([])

    // Poison one cached entry: the report shows it, proving the second run did not lint that draft.
    const entry = cache.entries['posts/draft-002.md']
    entry.result.messages = [
      { ...cache.entries['posts/draft-000.md'].result.messages[0], message: 'from the cache' },
    ]
    writeFileSync(cacheFile, JSON.stringify(cache))
    const warm = runCli(['--cache', '--format', 'json', '.'], { cwd: folder })
    const warmResults = json(warm.stdout)
    expect(warmResults.find((result) => result.file === 'posts/draft-002.md')!.messages).toMatchObject([
      { message: 'from the cache' },
    ])
    expect(warmResults.filter((result) => result.messages.length > 0)).toHaveLength(81)

    // Its text changed: checked again (and clean).
    appendFileSync(join(folder, 'posts/draft-002.md'), 'More thanks.\n')
    const edited = json(runCli(['--cache', '--format', 'json', '.'], { cwd: folder }).stdout)
    expect(edited.find((result) => result.file === 'posts/draft-002.md')!.messages).toEqual([])

    // The rulebook changed: every draft is checked again under it.
    writeFileSync(join(folder, 'post-lint.yml'), 'language: en\nrules:\n  insensitive: off\n')
    const quiet = runCli(['--cache', '--format', 'json', '.'], { cwd: folder })
    expect(quiet.code).toBe(0)
    expect(json(quiet.stdout).every((result) => result.messages.length === 0)).toBe(true)
  })

  it('stylish shows the draft lines of cached findings; --cache-location picks the file', () => {
    const folder = fixture(drafts())
    const cold = runCli(['--cache-location', '.cache/post-lint', 'posts'], { cwd: folder })
    const warm = runCli(['--cache-location', '.cache/post-lint', 'posts'], { cwd: folder })
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.stdout).toContain('Draft 0: the chairman thanks every volunteer.')
    expect(JSON.parse(readFileSync(join(folder, '.cache/post-lint'), 'utf8')).format).toBe(1)
  })

  it('a broken cache file is ignored and rewritten', () => {
    const folder = fixture({ ...drafts(), '.postlintcache': '{ not json' })
    const result = runCli(['--cache', '--format', 'json', '.'], { cwd: folder })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(JSON.parse(readFileSync(join(folder, '.postlintcache'), 'utf8')).format).toBe(1)
  })
})

describe('--shard', () => {
  it('splits the drafts over n runs that together report what one run does', () => {
    const folder = fixture(drafts())
    const whole = json(runCli(['--format', 'json', '.'], { cwd: folder }).stdout)
    const parts = [1, 2, 3].map((index) =>
      json(runCli(['--shard', `${index}/3`, '--format', 'json', '.'], { cwd: folder }).stdout),
    )
    for (const part of parts) expect(part.length).toBeGreaterThan(40)
    const joined = parts.flat().sort((a, b) => a.file.localeCompare(b.file))
    expect(joined).toEqual([...whole].sort((a, b) => a.file.localeCompare(b.file)))
  })

  it('refuses a shard outside 1…n', () => {
    const result = runCli(['--shard', '4/3', '.'], { cwd: fixture(drafts()) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--shard expects i/n with 1 ≤ i ≤ n')
  })
})

describe('--watch', () => {
  it('checks again when a draft changes, and stops cleanly on Ctrl+C', async () => {
    const folder = fixture({ 'post-lint.yml': 'language: en\n', 'post.md': 'A calm post.\n' })
    const child = spawn(process.execPath, [bin, '--watch', '.'], {
      cwd: folder,
      env: { ...process.env, ...ENV },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const until = async (test: () => boolean) => {
      for (let waited = 0; !test(); waited += 50) {
        if (waited > 20_000) throw new Error(`waited in vain; stdout:\n${stdout}\nstderr:\n${stderr}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    try {
      await until(() => stderr.includes('watching for changes'))
      expect(stdout).not.toContain('chairman')
      writeFileSync(join(folder, 'post.md'), 'Our chairman says thanks.\n')
      await until(() => stdout.includes('chairman'))
      expect(stderr).toContain('post.md changed, checking again')
      writeFileSync(join(folder, 'post-lint.yml'), 'language: en\nrules:\n  insensitive: off\n')
      await until(() => stderr.split('watching for changes').length > 3)
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGINT')
      expect(await exit).toBe(0)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('is refused with --fix', () => {
    const result = runCli(['--watch', '--fix', '.'], { cwd: fixture(drafts()) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--watch prints the report again on every change')
  })
})

/** Runs the CLI with standard error on a pseudo-terminal (`script`, from bsdutils); returns what the terminal got. */
function onTerminal(folder: string, args: string[], env: Record<string, string>): string {
  const { CI: _ci, GITHUB_ACTIONS: _actions, ...rest } = process.env
  const command = [process.execPath, bin, ...args].map((part) => JSON.stringify(part)).join(' ')
  return spawnSync('script', ['-qec', `${command} 2>&1 >/dev/null`, '/dev/null'], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...rest, ...ENV, ...env },
  }).stdout
}

describe('progress bar', () => {
  it('is drawn on a terminal and cleared at the end', () => {
    const terminal = onTerminal(fixture(drafts()), ['--workers', '1', '.'], {})
    expect(terminal).toMatch(/post-lint [█░]+ \d+\/240 drafts/)
    // Cleared: the last thing on the terminal line is the erase sequence.
    expect(terminal.trimEnd().endsWith('\r\u001b[2K')).toBe(true)
  })

  it('is never drawn in a pipe or in CI', () => {
    const folder = fixture(drafts())
    expect(runCli(['.'], { cwd: folder }).stderr).toBe('')
    expect(onTerminal(folder, ['.'], { CI: 'true' })).not.toContain('█')
  })
})

describe('V8 settings of the post-lint executable (packages/node/src/v8.ts)', () => {
  /**
   * Runs node with `preload` (a module that writes `name=<number>` to stderr when the process
   * exits, after the CLI is done) and `args`; returns the number. Nothing else may be on stderr:
   * V8 would complain there about a flag it does not know.
   */
  const measureAtExit = (name: string, preload: string, args: string[]): number => {
    const folder = fixture({ 'preload.mjs': preload })
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(folder, 'preload.mjs')).href, ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, ...ENV },
      },
    )
    expect(result.status).toBe(0)
    const measured = new RegExp(`^${name}=([\\d.]+)$`, 'm').exec(result.stderr)
    expect(measured, result.stderr).not.toBeNull()
    expect(result.stderr.replace(measured![0], '').trim()).toBe('')
    return Number(measured![1])
  }

  /**
   * A stand-in for a long run: some data kept all along and drafts' worth of objects that live a
   * while, then go. The largest old generation seen, in MB.
   */
  const LONG_RUN = `
    import v8 from 'node:v8'
    import { writeSync } from 'node:fs'
    process.on('exit', () => {
      const kept = Array.from({ length: 100_000 }, (_, i) => ({ id: i, word: 'w' + i, list: [i] }))
      const recent = []
      let maxOld = 0
      for (let draft = 0; draft < 1500; draft++) {
        recent.push(Array.from({ length: 2000 }, (_, i) => ({ type: 'WordNode', value: draft + '-' + i, children: [{ i }] })))
        if (recent.length > 40) recent.shift()
        const old = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size
        maxOld = Math.max(maxOld, old)
      }
      if (kept.length === 100_000) writeSync(2, 'maxOldMb=' + maxOld / 2 ** 20 + '\\n')
    })
  `

  it('keeps the heap close to what is alive on long runs', () => {
    // ~25 MB alive at any time. Measured on a machine with 24 GB: ~155 MB with V8's defaults, ~90 MB
    // in post-lint. (With little memory, V8's defaults are already frugal and the two come closer.)
    const limited = measureAtExit('maxOldMb', LONG_RUN, [bin, '--version'])
    expect(limited).toBeLessThan(110)
    expect(limited).toBeLessThan(measureAtExit('maxOldMb', LONG_RUN, ['-e', '']) + 5)
  })

  /**
   * How many calls a small loop function needs before V8 queues it for its optimising compiler
   * (1, 2, 4, … 256), read with V8's own %GetOptimizationStatus.
   */
  const TIER_UP = `
    import v8 from 'node:v8'
    import { writeSync } from 'node:fs'
    process.on('exit', () => {
      v8.setFlagsFromString('--allow-natives-syntax')
      const status = new Function('f', 'return %GetOptimizationStatus(f)')
      // Optimised, marked for optimisation (now or concurrently), or being optimised.
      const TIERED = 16 | 256 | 512 | 1024
      let calls = 1
      for (; calls <= 256; calls *= 2) {
        const f = new Function('n', 'let s = 0; for (let i = 0; i < n; i++) s += (i * 31) % 7; return s')
        for (let call = 0; call < calls; call++) f(1000)
        if (status(f) & TIERED) break
      }
      writeSync(2, 'tierUpCalls=' + calls + '\\n')
    })
  `

  it('lets V8 optimise later (8× its interrupt budget), so worker threads warm up sooner', () => {
    const plain = measureAtExit('tierUpCalls', TIER_UP, ['-e', ''])
    expect(plain).toBeLessThanOrEqual(8)
    // 8× the budget: about 8× the calls (powers of two here, so at least 4×).
    expect(measureAtExit('tierUpCalls', TIER_UP, [bin, '--version'])).toBeGreaterThanOrEqual(plain * 4)
  })
})
