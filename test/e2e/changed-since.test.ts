/**
 * --changed-since through the built CLI, in temporary git repositories:
 * only drafts changed since the merge base with the ref (committed,
 * uncommitted, untracked), only findings on changed lines, clear errors.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, useFixtures } from '../support/cli.js'

const fixture = useFixtures('changed')

const OLD = '---\nlang: en\n---\nThe chairman said it was crap.\n\nA calm line.\n'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** A repository with one commit on main holding `files`. */
function repository(files: Record<string, string>): string {
  const directory = fixture(files)
  git(directory, 'init', '--quiet', '--initial-branch=main')
  git(directory, 'config', 'user.name', 'post-lint test')
  git(directory, 'config', 'user.email', 'test@post-lint.invalid')
  git(directory, 'config', 'commit.gpgsign', 'false')
  git(directory, 'add', '.')
  git(directory, 'commit', '--quiet', '-m', 'base')
  return directory
}

type Report = Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>

function report(directory: string, ...args: string[]) {
  const result = runCli(['--format', 'json', '--no-config', ...args], { cwd: directory })
  const parsed = result.code === 2 ? [] : (JSON.parse(result.stdout) as Report)
  return {
    code: result.code,
    stderr: result.stderr,
    files: parsed.map((entry) => entry.filePath.slice(directory.length + 1)),
    findings: parsed.flatMap((entry) =>
      entry.messages.map((m) => `${entry.filePath.slice(directory.length + 1)}:${m.line}:${m.ruleId}`),
    ),
  }
}

describe('--changed-since', () => {
  it('reports only findings on lines the branch changed, and whole new files', () => {
    const directory = repository({ 'old.md': OLD, 'same.md': OLD, 'notes/readme.txt': 'crap\n' })
    git(directory, 'switch', '--quiet', '-c', 'feature')
    // A committed change on the branch: line 6 gets a finding; lines 4's findings are old.
    writeFileSync(join(directory, 'old.md'), OLD.replace('A calm line.', 'A damn calm line.'))
    git(directory, 'commit', '--quiet', '-am', 'edit')
    // Uncommitted and untracked work counts too; ignored files do not.
    appendFileSync(join(directory, 'notes/readme.txt'), 'All good.\nWhat crap.\n')
    writeFileSync(join(directory, 'new.md'), '---\nlang: en\n---\nCrap.\n\nAnd crap again.\n')
    writeFileSync(join(directory, '.gitignore'), 'ignored.md\n')
    writeFileSync(join(directory, 'ignored.md'), OLD)
    const result = report(directory, '--changed-since', 'main')
    expect(result.code).toBe(0)
    expect(result.files).toEqual(['new.md', 'notes/readme.txt', 'old.md'])
    expect(result.findings).toEqual([
      'new.md:4:profanity',
      'new.md:6:profanity',
      'notes/readme.txt:3:profanity',
      'old.md:6:profanity',
    ])
    // Without the option: everything, old findings included.
    expect(report(directory).findings).toContain('old.md:4:insensitive')
  })

  it('compares with the merge base: what main did since the branch left it is not reported', () => {
    const directory = repository({ 'a.md': OLD })
    git(directory, 'switch', '--quiet', '-c', 'feature')
    writeFileSync(join(directory, 'b.md'), '---\nlang: en\n---\nCrap on the branch.\n')
    git(directory, 'add', 'b.md')
    git(directory, 'commit', '--quiet', '-m', 'branch')
    git(directory, 'switch', '--quiet', 'main')
    writeFileSync(join(directory, 'c.md'), '---\nlang: en\n---\nCrap on main.\n')
    appendFileSync(join(directory, 'a.md'), 'More crap on main.\n')
    git(directory, 'add', '.')
    git(directory, 'commit', '--quiet', '-m', 'main moves on')
    git(directory, 'switch', '--quiet', 'feature')
    expect(report(directory, '--changed-since', 'main').findings).toEqual(['b.md:4:profanity'])
  })

  it('keeps the exit code by the findings it reports', () => {
    const directory = repository({ 'a.md': OLD })
    expect(
      runCli(['--no-config', '--rule', 'profanity:error', '--changed-since', 'HEAD'], { cwd: directory })
        .code,
    ).toBe(0)
    appendFileSync(join(directory, 'a.md'), 'Crap.\n')
    const result = runCli(
      ['--no-config', '--rule', 'profanity:error', '--changed-since', 'HEAD', '--format', 'github'],
      {
        cwd: directory,
      },
    )
    expect(result.code).toBe(1)
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^::error file=a\.md,line=7,/),
    ])
  })

  it('works from a folder of the repository, with paths', () => {
    const directory = repository({ 'drafts/a.md': OLD, 'other/b.md': OLD })
    appendFileSync(join(directory, 'drafts/a.md'), 'Crap.\n')
    appendFileSync(join(directory, 'other/b.md'), 'Crap.\n')
    const result = runCli(['--format', 'json', '--no-config', '--changed-since', 'HEAD', '.'], {
      cwd: join(directory, 'drafts'),
    })
    const parsed = JSON.parse(result.stdout) as Report
    expect(parsed.map((entry) => entry.filePath)).toEqual([join(directory, 'drafts/a.md')])
    expect(parsed[0]!.messages.map((m) => m.line)).toEqual([7])
  })

  it('with --fix, fixes only changed lines', () => {
    const directory = repository({ 'a.md': '---\nlang: en\n---\nOld news!!!\n' })
    appendFileSync(join(directory, 'a.md'), '\nNew news!!!\n')
    runCli(['--fix', '--no-config', '--changed-since', 'HEAD'], { cwd: directory })
    expect(git(directory, 'show', ':a.md')).toBe('---\nlang: en\n---\nOld news!!!\n')
    expect(
      git(directory, 'diff', '--no-color', '-U0', 'HEAD')
        .split('\n')
        .filter((l) => /^[-+][^-+]/.test(l)),
    ).toEqual(['+New news!'])
  })

  it('exits 2 for an unknown ref, outside a repository, with --stdin', () => {
    const directory = repository({ 'a.md': OLD })
    const unknown = runCli(['--changed-since', 'no-such-branch'], { cwd: directory })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--changed-since: unknown git ref “no-such-branch”')
    const option = runCli(['--changed-since', '--version'], { cwd: directory })
    expect(option.code).toBe(2)
    const elsewhere = fixture({ 'a.md': OLD })
    const outside = runCli(['--changed-since', 'main'], {
      cwd: elsewhere,
      env: { GIT_CEILING_DIRECTORIES: dirname(elsewhere) },
    })
    expect(outside.code).toBe(2)
    expect(outside.stderr).toContain('--changed-since needs a git repository')
    const stdin = runCli(['--stdin', '--changed-since', 'main'], { cwd: directory, input: OLD })
    expect(stdin.code).toBe(2)
    expect(stdin.stderr).toContain('not with --stdin')
  })
})
