/**
 * `--shard i/n`: which drafts this CI machine lints. A draft's shard follows
 * from its path (relative to the working folder) alone, so adding or removing
 * other drafts never moves it to another machine (and another machine's cache).
 */
import { relative } from 'node:path'
import { hashText } from './cache.js'
import { UsageError } from './errors.js'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** Reads `i/n` (1 ≤ i ≤ n). Throws UsageError. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n, such as --shard 2/4; got “${value}”`)
  return { index, count }
}

/** The files that belong to `shard`, in their order. */
export function inShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  if (shard.count === 1) return [...files]
  return files.filter((file) => {
    const path = relative(cwd, file).split('\\').join('/')
    return Number.parseInt(hashText(path).slice(0, 8), 16) % shard.count === shard.index - 1
  })
}
