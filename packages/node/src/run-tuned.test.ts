/**
 * `--workers auto` in a process that called tuneV8, as the `post-lint`
 * executable does. Its own file: tuneV8 changes this process for good.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { autoThresholds, autoWorkers, lintFiles, PostLint, ResultCache, tuneV8, v8Tuned } from './index.js'

const folder = mkdtempSync(join(tmpdir(), 'post-lint-tuned-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

it.skipIf(availableParallelism() < 2)(
  'without a cache, worker threads start at once; with one, only once the pace says they pay off',
  async () => {
    writeFileSync(join(folder, 'post-lint.yml'), 'language: en\n')
    for (let index = 0; index < 450; index++)
      writeFileSync(join(folder, `d${index}.md`), `Draft ${index}: our chairman spoke.\n`)
    const { files } = await new PostLint({ cwd: folder }).findFiles(['.'])
    expect(autoWorkers(files.length)).toBe(2)
    const untuned = autoThresholds()
    tuneV8()
    expect(v8Tuned()).toBe(true)
    expect(autoThresholds()).toEqual(autoThresholds(true))
    expect(autoThresholds().probeMs).toBeLessThan(untuned.probeMs)
    // Here (TypeScript sources) a worker thread cannot start, so starting one fails the run:
    await expect(lintFiles(new PostLint({ cwd: folder }), files)).rejects.toThrow()
    // 450 one-line drafts take well under a second: with a cache, no worker.
    const cache = await ResultCache.open(join(folder, '.postlintcache'), '1.0.0')
    const results = await lintFiles(new PostLint({ cwd: folder }), files, { cache })
    expect(results).toHaveLength(450)
    expect(results.every((result) => result.messages.some((m) => m.ruleId === 'insensitive'))).toBe(true)
  },
)
