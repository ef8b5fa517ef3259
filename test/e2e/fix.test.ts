/**
 * --fix and --fix-dry-run through the built CLI, on temporary copies:
 * contents, atomic writes, untouched files, modes, exit codes by what is
 * left, and nothing written when a rulebook cannot be read.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, ENV, runCli, useFixtures } from '../support/cli.js'

const fixture = useFixtures('fix')

// Shouting (!!! → !) and a hashtag (→ CamelCase) have safe fixes; profanity has none.
const FIXABLE = '---\nlang: en\n---\n# Volunteers wanted!!!\n\nJoin us at #foodbankvolunteers, no crap.\n'
const FIXED = '---\nlang: en\n---\n# Volunteers wanted!\n\nJoin us at #FoodbankVolunteers, no crap.\n'
const CLEAN = '---\nlang: en\n---\nThanks to all our volunteers.\n'
const PAST = new Date('2020-01-01T00:00:00Z')

function age(path: string): number {
  utimesSync(path, PAST, PAST)
  return statSync(path).mtimeMs
}

describe('--fix', () => {
  it('applies the safe fixes, reports what is left, leaves other files and no temporary files', () => {
    const directory = fixture({ 'drafts/a.md': FIXABLE, 'drafts/b.md': CLEAN })
    const before = age(join(directory, 'drafts/b.md'))
    chmodSync(join(directory, 'drafts/a.md'), 0o640)
    const result = runCli(['--fix', '--no-config', '--format', 'json', 'drafts'], { cwd: directory })
    expect(result.code).toBe(0)
    expect(readFileSync(join(directory, 'drafts/a.md'), 'utf8')).toBe(FIXED)
    const report = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>
    expect(report[0]!.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['profanity:6'])
    expect(statSync(join(directory, 'drafts/b.md')).mtimeMs).toBe(before)
    expect(statSync(join(directory, 'drafts/a.md')).mode & 0o777).toBe(0o640)
    expect(readdirSync(join(directory, 'drafts')).sort()).toEqual(['a.md', 'b.md'])
    // Fixed once, nothing left to fix: the file is not written again.
    const after = age(join(directory, 'drafts/a.md'))
    expect(runCli(['--fix', '--no-config', 'drafts'], { cwd: directory }).code).toBe(0)
    expect(statSync(join(directory, 'drafts/a.md')).mtimeMs).toBe(after)
  })

  it('exits by the findings that are left', () => {
    const directory = fixture({ 'a.md': FIXABLE })
    const result = runCli(['--fix', '--no-config', '--rule', 'profanity:error', 'a.md'], { cwd: directory })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('profanity')
    expect(result.stdout).not.toContain('shouting')
    const onlyFixable = fixture({ 'a.md': FIXABLE.replace(', no crap', '') })
    expect(
      runCli(['--fix', '--no-config', '--rule', 'shouting:error', 'a.md'], { cwd: onlyFixable }).code,
    ).toBe(0)
  })

  it('keeps a byte order mark and CRLF line endings', () => {
    const directory = fixture({ 'a.md': `\uFEFF${FIXABLE.replace(/\n/g, '\r\n')}` })
    runCli(['--fix', '--no-config', 'a.md'], { cwd: directory })
    expect(readFileSync(join(directory, 'a.md'), 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`)
  })

  it('writes through a symbolic link, which stays a link', () => {
    const directory = fixture({ 'real.md': FIXABLE })
    symlinkSync(join(directory, 'real.md'), join(directory, 'link.md'))
    runCli(['--fix', '--no-config', 'link.md'], { cwd: directory })
    expect(lstatSync(join(directory, 'link.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(directory, 'real.md'), 'utf8')).toBe(FIXED)
    expect(readdirSync(directory).sort()).toEqual(['link.md', 'real.md'])
  })

  it('with --quiet fixes errors only, as only errors are reported', () => {
    const directory = fixture({ 'a.md': FIXABLE })
    runCli(['--fix', '--quiet', '--no-config', '--rule', 'shouting:error', 'a.md'], { cwd: directory })
    expect(readFileSync(join(directory, 'a.md'), 'utf8')).toBe(FIXABLE.replace('wanted!!!', 'wanted!'))
  })

  it('writes nothing when a rulebook cannot be read, even for drafts under a good one', () => {
    const directory = fixture({
      'a/post-lint.yml': 'rules:\n  profanity: error\n',
      'a/post.md': FIXABLE,
      'b/post-lint.yml': 'rules:\n  profanty: error\n',
      'b/post.md': FIXABLE,
    })
    const result = runCli(['--fix', 'a', 'b'], { cwd: directory })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown rule “profanty”')
    expect(readFileSync(join(directory, 'a/post.md'), 'utf8')).toBe(FIXABLE)
    expect(readFileSync(join(directory, 'b/post.md'), 'utf8')).toBe(FIXABLE)
  })

  it('exits 2 naming the draft when it cannot write it', () => {
    const directory = fixture({ 'drafts/a.md': FIXABLE })
    chmodSync(directory, 0o755)
    chmodSync(join(directory, 'drafts'), 0o555)
    try {
      // Root may write into a read-only folder: run as nobody then.
      const asRoot = process.getuid?.() === 0
      const result = spawnSync(process.execPath, [bin, '--fix', '--no-config', 'drafts/a.md'], {
        cwd: directory,
        encoding: 'utf8',
        env: { ...process.env, ...ENV },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      })
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('Cannot write the fixed draft drafts/a.md (EACCES)')
      expect(readFileSync(join(directory, 'drafts/a.md'), 'utf8')).toBe(FIXABLE)
    } finally {
      chmodSync(join(directory, 'drafts'), 0o755)
    }
  })

  it('with --stdin prints the fixed draft, and the report on standard error', () => {
    const result = runCli(['--stdin', '--fix', '--no-config', '--rule', 'profanity:error'], {
      input: FIXABLE,
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(FIXED)
    expect(result.stderr).toContain('profanity')
    const clean = runCli(['--stdin', '--fix', '--no-config'], { input: CLEAN })
    expect(clean).toMatchObject({ code: 0, stdout: CLEAN, stderr: '' })
  })
})

describe('--fix-dry-run', () => {
  it('prints a unified diff and the findings left, and writes nothing', () => {
    const directory = fixture({ 'drafts/a.md': FIXABLE, 'drafts/b.md': CLEAN })
    const mtime = age(join(directory, 'drafts/a.md'))
    const result = runCli(['--fix-dry-run', '--no-config', 'drafts'], { cwd: directory })
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 9)).toEqual([
      '--- a/drafts/a.md',
      '+++ b/drafts/a.md',
      '@@ -1,6 +1,6 @@',
      ' ---',
      ' lang: en',
      ' ---',
      '-# Volunteers wanted!!!',
      '+# Volunteers wanted!',
      ' ',
    ])
    expect(result.stdout).toContain('+Join us at #FoodbankVolunteers, no crap.')
    expect(result.stdout).toMatch(/drafts\/a\.md\n {2}6:36 +warning +Don’t use “crap”/)
    expect(result.stdout).not.toContain('b.md')
    expect(readFileSync(join(directory, 'drafts/a.md'), 'utf8')).toBe(FIXABLE)
    expect(statSync(join(directory, 'drafts/a.md')).mtimeMs).toBe(mtime)
    expect(readdirSync(join(directory, 'drafts')).sort()).toEqual(['a.md', 'b.md'])
  })

  it('keeps a JSON report parseable: the diff goes to standard error', () => {
    const directory = fixture({ 'a.md': FIXABLE })
    const result = runCli(['--fix-dry-run', '--no-config', '--format', 'json', 'a.md'], { cwd: directory })
    expect(JSON.parse(result.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'profanity',
    ])
    expect(result.stderr).toContain('+# Volunteers wanted!')
  })

  it('cannot be combined with --fix', () => {
    const result = runCli(['--fix', '--fix-dry-run', 'a.md'], { cwd: fixture() })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Use --fix or --fix-dry-run, not both')
  })
})
