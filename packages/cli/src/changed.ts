/**
 * `--changed-since <ref>`: which lines of which files changed, from git.
 *
 * "Changed" means: different from the merge base of <ref> and HEAD, in the
 * working tree. That is what a pull request shows (the changes of this
 * branch, not those made on <ref> since it branched off), plus edits not yet
 * committed. Untracked files that git does not ignore are new drafts: all
 * their lines count as changed. Deleted files have no lines left to check;
 * a renamed file counts only with the lines that changed.
 *
 * git runs without a shell (execFile), with its output parsed as plumbing:
 * no colours, pagers, external diff drivers or prefix settings of the user.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { UsageProblem } from './io.js'

/** Changed line numbers (1-based) per file; `all` for a new, untracked file. */
export type ChangedLines = ReadonlySet<number> | 'all'

/** Absolute real path (git's view, symbolic links resolved) → its changed lines. */
export type Changes = ReadonlyMap<string, ChangedLines>

interface GitResult {
  code: number
  stdout: string
  stderr: string
}

function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((done, fail) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string') {
          fail(
            error.code === 'ENOENT'
              ? new UsageProblem('--changed-since needs git, and git was not found on the PATH')
              : error,
          )
          return
        }
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

export async function changesSince(cwd: string, ref: string): Promise<Changes> {
  if (ref === '' || ref.startsWith('-'))
    throw new UsageProblem(`--changed-since needs a git ref (a branch, tag or commit), not “${ref}”`)
  const top = await git(cwd, ['rev-parse', '--show-toplevel'])
  if (top.code !== 0)
    throw new UsageProblem(`--changed-since needs a git repository, and ${cwd} is not inside one`)
  const root = top.stdout.trim()
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
  if (commit.code !== 0) {
    throw new UsageProblem(
      `--changed-since: unknown git ref “${ref}”. In CI, fetch it first (actions/checkout with fetch-depth: 0).`,
    )
  }
  const base = await git(root, ['merge-base', commit.stdout.trim(), 'HEAD'])
  if (base.code !== 0) {
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true'
    throw new UsageProblem(
      `--changed-since: “${ref}” and HEAD have no commit in common${
        shallow ? '; this is a shallow clone: fetch its history (actions/checkout with fetch-depth: 0)' : ''
      }`,
    )
  }
  const diff = await git(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--unified=0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--find-renames',
    '--diff-filter=ACMR',
    base.stdout.trim(),
    '--',
  ])
  if (diff.code !== 0) throw new UsageProblem(`--changed-since: git diff failed: ${diff.stderr.trim()}`)
  const changes = new Map<string, ChangedLines>()
  for (const [path, lines] of parseUnifiedDiff(diff.stdout)) changes.set(resolve(root, path), lines)
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  if (untracked.code !== 0)
    throw new UsageProblem(`--changed-since: git ls-files failed: ${untracked.stderr.trim()}`)
  for (const path of untracked.stdout.split('\0').filter(Boolean)) changes.set(resolve(root, path), 'all')
  return changes
}

/** Paths (after `b/`) and the new-side line numbers of the hunks of `git diff --unified=0`. */
export function parseUnifiedDiff(text: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) current = undefined
    else if (line.startsWith('+++ ')) {
      const name = line.slice(4)
      const path = name.startsWith('"') ? unquote(name) : name
      current = undefined
      if (path.startsWith('b/')) {
        current = new Set()
        files.set(path.slice(2), current)
      }
    } else if (current && line.startsWith('@@ ')) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!hunk) continue
      const start = Number(hunk[1])
      const count = hunk[2] === undefined ? 1 : Number(hunk[2])
      for (let number = start; number < start + count; number++) current.add(number)
    }
  }
  return files
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 }

/** A path git quoted C-style (`"b/tab\there.md"`, octal bytes for the rest), as UTF-8. */
export function unquote(quoted: string): string {
  const bytes: number[] = []
  const body = quoted.slice(1, quoted.endsWith('"') ? -1 : undefined)
  for (let index = 0; index < body.length; index++) {
    const character = String.fromCodePoint(body.codePointAt(index)!)
    if (character !== '\\') {
      bytes.push(...Buffer.from(character, 'utf8'))
      index += character.length - 1
      continue
    }
    const next = body[index + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8))
      index += 3
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0))
      index += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Whether a finding touches a changed line. */
export function onChangedLine(lines: ChangedLines, message: { line: number; endLine: number }): boolean {
  if (lines === 'all') return true
  for (let line = message.line; line <= message.endLine; line++) if (lines.has(line)) return true
  return false
}
