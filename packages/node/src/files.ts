/**
 * Writing files safely: the whole new content or the old file, never half
 * of one. Used for `--fix` (drafts) and `--output-file` (reports).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface WriteOptions {
  /** Create missing parent folders (a report's folder). */
  makeParents?: boolean
}

/**
 * Write `text` to `path` atomically: into a temporary file in the same
 * folder, flushed to disk, then renamed over the target. An existing file
 * keeps its permissions; a symbolic link stays a link (its target is
 * replaced). On any error the temporary file is removed and the target is
 * untouched.
 */
export async function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): Promise<void> {
  const target = await realpath(path).catch(() => path)
  const directory = dirname(target)
  if (options.makeParents) await mkdir(directory, { recursive: true })
  const existing = await stat(target).catch(() => undefined)
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' })
  const mode = existing ? existing.mode & 0o7777 : undefined
  const temporary = join(
    directory,
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o666)
    try {
      await handle.writeFile(text, 'utf8')
      // The umask may have narrowed the mode of the new file: give it the old file's exactly.
      if (mode !== undefined) await handle.chmod(mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
