/**
 * Many drafts: the result cache, shards, and lintFiles (order, cache hits,
 * streaming). Worker threads are tested end to end through the built CLI.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  autoThresholds,
  autoWorkers,
  hashText,
  inShard,
  linesOfFindings,
  lintFiles,
  PostLint,
  parseShard,
  ResultCache,
  UsageError,
  workersPayOff,
} from './index.js'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'post-lint-run-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true })
    writeFileSync(join(folder, name), text)
  }
  return folder
}

const message = {
  ruleId: 'profanity',
  severity: 'error' as const,
  message: 'm',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 5,
  offset: 6,
  endOffset: 10,
  actual: 'damn',
  suggestions: [],
}

describe('ResultCache', () => {
  it('gives a result back only for the same text, configuration and version', async () => {
    const folder = folderWith({})
    const path = join(folder, '.postlintcache')
    const cache = await ResultCache.open(path, '1.0.0')
    const draft = join(folder, 'a.md')
    cache.set(draft, hashText('text'), 'config', {
      messages: [message],
      lang: 'en',
      source: 'first\ndamn\nthird',
    })
    await cache.save()
    const again = await ResultCache.open(path, '1.0.0')
    expect(again.get(draft, hashText('text'), 'config')).toEqual({
      messages: [message],
      lang: 'en',
      source: '\ndamn\n',
    })
    expect(again.get(draft, hashText('text!'), 'config')).toBeUndefined()
    expect(again.get(draft, hashText('text'), 'other config')).toBeUndefined()
    expect((await ResultCache.open(path, '1.0.1')).get(draft, hashText('text'), 'config')).toBeUndefined()
    expect([again.hits, again.misses]).toEqual([1, 2])
    // Paths are stored relative to the cache file; no temporary file is left behind.
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).entries)).toEqual(['a.md'])
    expect(readdirSync(folder)).toEqual(['.postlintcache'])
  })

  it('a broken cache file is started afresh, never an error', async () => {
    const folder = folderWith({ '.postlintcache': '{"format": 1, "entr' })
    const cache = await ResultCache.open(join(folder, '.postlintcache'), '1.0.0')
    expect(cache.get(join(folder, 'a.md'), 'x', 'y')).toBeUndefined()
  })

  it('keeps only the lines with findings of the masked text', () => {
    expect(linesOfFindings('one\r\ntwo\nthree\nfour', [{ ...message, line: 2, endLine: 3 }])).toBe(
      '\r\ntwo\nthree\n',
    )
  })
})

describe('shards', () => {
  const files = Array.from({ length: 300 }, (_, index) => `/repo/drafts/post-${index}.md`)

  it('split the drafts into n parts that together are all of them, each about as big', () => {
    const parts = [1, 2, 3].map((index) => inShard(files, { index, count: 3 }, '/repo'))
    expect(parts.flat().sort()).toEqual([...files].sort())
    for (const part of parts) expect(part.length).toBeGreaterThan(60)
  })

  it('a draft stays in its shard when other drafts come and go', () => {
    const before = inShard(files, { index: 2, count: 4 }, '/repo')
    const after = inShard([...files.slice(100), '/repo/drafts/new.md'], { index: 2, count: 4 }, '/repo')
    expect(after.filter((file) => files.slice(100).includes(file))).toEqual(
      before.filter((file) => files.slice(100).includes(file)),
    )
  })

  it('i/n is read strictly', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(UsageError)
    expect(() => parseShard('5/4')).toThrow(
      '--shard expects i/n with 1 ≤ i ≤ n, such as --shard 2/4; got “5/4”',
    )
  })
})

describe('lintFiles', () => {
  it('hands results on in file order, and takes unchanged drafts from the cache', async () => {
    const folder = folderWith({
      'a.md': 'Our chairman spoke.\n',
      'b.md': 'A calm post.\n',
      'c.md': 'Ask the chairman.\n',
      'post-lint.yml': 'language: en\n',
    })
    const engine = new PostLint({ cwd: folder })
    const { files } = await engine.findFiles(['.'])
    const cache = await ResultCache.open(join(folder, '.postlintcache'), '1.0.0')
    const order: number[] = []
    const first = await lintFiles(engine, files, {
      cache,
      workers: 1,
      onResult: (_result, index) => {
        order.push(index)
      },
    })
    expect(first).toEqual([])
    expect(order).toEqual([0, 1, 2])
    await cache.save()
    writeFileSync(join(folder, 'c.md'), 'Calm now.\n')
    const warm = await ResultCache.open(join(folder, '.postlintcache'), '1.0.0')
    const results = await lintFiles(new PostLint({ cwd: folder }), files, { cache: warm, workers: 1 })
    expect(
      results.map((result) => [
        result.filePath.slice(folder.length + 1),
        result.cached ?? false,
        result.messages.length,
      ]),
    ).toEqual([
      ['a.md', true, 1],
      ['b.md', true, 0],
      ['c.md', false, 0],
    ])
    // A changed rulebook changes every draft's configuration.
    writeFileSync(join(folder, 'post-lint.yml'), 'language: en\nrules:\n  insensitive: off\n')
    const changed = await lintFiles(new PostLint({ cwd: folder }), files, { cache: warm, workers: 1 })
    expect(changed.map((result) => [result.cached ?? false, result.messages.length])).toEqual([
      [false, 0],
      [false, 0],
      [false, 0],
    ])
  })

  it.skipIf(availableParallelism() < 2)(
    'auto: a run with less work left than autoThresholds().minRemainingMs stays in this thread',
    async () => {
      const drafts: Record<string, string> = { 'post-lint.yml': 'language: en\n' }
      for (let index = 0; index < 450; index++)
        drafts[`d${index}.md`] = `Draft ${index}: our chairman spoke.\n`
      const folder = folderWith(drafts)
      const { files } = await new PostLint({ cwd: folder }).findFiles(['.'])
      expect(autoWorkers(files.length)).toBe(2)
      // Here (TypeScript sources) a worker thread cannot start, so starting one fails the run:
      await expect(lintFiles(new PostLint({ cwd: folder }), files, { workers: 2 })).rejects.toThrow()
      // auto checks 450 one-line drafts in well under 5 s, so it never starts one.
      const results = await lintFiles(new PostLint({ cwd: folder }), files)
      expect(results).toHaveLength(450)
      expect(results.every((result) => result.messages.some((m) => m.ruleId === 'insensitive'))).toBe(true)
    },
  )

  it('auto: threads start sooner in a process that called tuneV8 (the post-lint executable)', () => {
    // The 2,000-draft bench run after its first second: ~1,600 drafts left at ~2.5 ms each.
    expect(workersPayOff(2.5, 1_600, false)).toBe(false)
    expect(workersPayOff(2.5, 1_600, true)).toBe(true)
    // A few drafts left pay off for neither.
    expect(workersPayOff(2.5, 100, true)).toBe(false)
    expect(autoThresholds(true).probeMs).toBeLessThan(autoThresholds(false).probeMs)
    // This test process did not call it.
    expect(autoThresholds()).toEqual(autoThresholds(false))
  })

  it('an unreadable draft is a usage error naming it', async () => {
    const folder = folderWith({})
    await expect(
      lintFiles(new PostLint({ cwd: folder }), [join(folder, 'gone.md')], { workers: 1 }),
    ).rejects.toThrow(/Cannot read .*gone\.md: ENOENT/)
  })
})
