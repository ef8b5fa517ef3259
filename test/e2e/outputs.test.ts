/**
 * The CI report formats through the built CLI: sarif (valid against the
 * official schema, with the rulebook's rule metadata), github, junit,
 * checkstyle; --output-file; and no secret in any of them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { root, runCli, useFixtures } from '../support/cli.js'
import { sarifErrors } from '../support/sarif.js'
import { parseXml } from '../support/xml.js'

const fixture = useFixtures('outputs')

const SECRET_DRAFT =
  '---\nlang: en\n---\nLogin: password: Sunflower!24 and token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8, what crap!!!\n'
const RAW = /Sunflower|ghp_A1b2C3/
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle']
const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version as string

describe('secrets stay masked', () => {
  it('in every format, on standard output and in --output-file', () => {
    const directory = fixture({ 'drafts/post.md': SECRET_DRAFT })
    for (const format of FORMATS) {
      const result = runCli(['--format', format, '--no-config', 'drafts'], { cwd: directory })
      expect(result.code, format).toBe(1)
      expect(result.stdout, format).toMatch(/secrets/)
      expect(result.stdout + result.stderr, format).not.toMatch(RAW)
      const file = `reports/${format}.out`
      const written = runCli(['--format', format, '--no-config', '--output-file', file, 'drafts'], {
        cwd: directory,
      })
      expect(written.code, format).toBe(1)
      expect(written.stdout, format).toBe('')
      const report = readFileSync(join(directory, file), 'utf8')
      expect(report, format).toBe(result.stdout)
      expect(report, format).not.toMatch(RAW)
    }
  })

  it('in the diff of --fix-dry-run, in every format', () => {
    const directory = fixture({ 'post.md': SECRET_DRAFT })
    for (const format of FORMATS) {
      const result = runCli(['--fix-dry-run', '--format', format, '--no-config', 'post.md'], {
        cwd: directory,
      })
      expect(result.stdout + result.stderr, format).toContain('+Login: password: ••••••••••••')
      expect(result.stdout + result.stderr, format).not.toMatch(RAW)
    }
  })
})

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with the CLI version and the rules’ titles and docs', () => {
    const directory = fixture({
      'post-lint.yml': 'rules:\n  hashtag-case: warning\n',
      'drafts/week 1/post.md': SECRET_DRAFT,
      'drafts/clean.md': '---\nlang: en\n---\nThanks to all our volunteers.\n',
      'drafts/tags.md': '---\nlang: en\n---\nJoin us at #foodbankvolunteers today.\n',
    })
    const result = runCli(['--format', 'sarif'], { cwd: directory })
    expect(result.code).toBe(1)
    const log = JSON.parse(result.stdout) as Log
    expect(sarifErrors(log)).toEqual([])
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({ name: 'post-lint', version })
    const rules = Object.fromEntries(run.tool.driver.rules!.map((rule) => [rule.id, rule]))
    expect(Object.keys(rules)).toEqual(['hashtag-case', 'profanity', 'secrets', 'shouting'])
    expect(rules.secrets).toMatchObject({
      shortDescription: { text: 'Passwords and secrets' },
      fullDescription: { text: expect.stringMatching(/^Flags passwords, PIN codes/) },
      helpUri: 'https://github.com/post-lint/post-lint/blob/main/rules/secrets/README.md',
      defaultConfiguration: { level: 'error' },
    })
    // The rulebook's severity, not the built-in default (info).
    expect(rules['hashtag-case']!.defaultConfiguration).toEqual({ level: 'warning' })
    const uris = run.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation)
    expect(uris).toContainEqual({ uri: 'drafts/week%201/post.md', uriBaseId: '%SRCROOT%' })
    expect(uris).toContainEqual({ uri: 'drafts/tags.md', uriBaseId: '%SRCROOT%' })
  })

  it('describes the rules in the rulebook’s language', () => {
    const directory = fixture({
      'post-lint.yml': 'language: nl\n',
      'post.md': '---\nlang: nl\n---\nHet wachtwoord is Zomer2024! voor de wifi.\n',
    })
    const log = JSON.parse(runCli(['--format', 'sarif', 'post.md'], { cwd: directory }).stdout) as Log
    expect(sarifErrors(log)).toEqual([])
    expect(log.runs[0]!.tool.driver.rules![0]).toMatchObject({
      id: 'secrets',
      shortDescription: { text: 'Wachtwoorden en geheimen' },
    })
  })

  it('makes paths relative to GITHUB_WORKSPACE when run in a folder of it', () => {
    const directory = fixture({ 'drafts/post.md': SECRET_DRAFT })
    const env = { GITHUB_WORKSPACE: directory }
    const sarif = JSON.parse(
      runCli(['--format', 'sarif', '--no-config', 'post.md'], { cwd: join(directory, 'drafts'), env }).stdout,
    ) as Log
    expect(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'drafts/post.md',
    )
    const github = runCli(['--format', 'github', '--no-config', 'post.md'], {
      cwd: join(directory, 'drafts'),
      env,
    })
    expect(github.stdout).toMatch(/^::error file=drafts\/post\.md,line=4,/m)
  })
})

describe('--format github, junit, checkstyle', () => {
  it('github: a workflow command per finding, notices for info', () => {
    const directory = fixture({ 'post.md': '---\nlang: en\n---\nWhat crap!!! Join #foodbankvolunteers\n' })
    const result = runCli(['--format', 'github', '--no-config', 'post.md'], { cwd: directory })
    expect(result.code).toBe(0)
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^::warning file=post\.md,line=4,endLine=4,col=6,endColumn=10,title=post-lint \(profanity\)::/,
      ),
      expect.stringMatching(
        /^::warning file=post\.md,line=4,endLine=4,col=10,endColumn=13,title=post-lint \(shouting\)::/,
      ),
      expect.stringMatching(
        /^::notice file=post\.md,line=4,endLine=4,col=19,endColumn=38,title=post-lint \(hashtag-case\)::/,
      ),
    ])
  })

  it('junit and checkstyle are well-formed XML listing every draft', () => {
    const directory = fixture({ 'a.md': SECRET_DRAFT, 'b.md': '---\nlang: en\n---\nThanks, all.\n' })
    const junit = runCli(['--format', 'junit', '--no-config'], { cwd: directory }).stdout
    expect(junit).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites name="post-lint" tests="\d+"/,
    )
    expect(junit).toContain('<testcase name="b.md" classname="b.md" time="0" />')
    expect(parseXml(junit).errors).toEqual([])
    const checkstyle = runCli(['--format', 'checkstyle', '--no-config'], { cwd: directory }).stdout
    expect(checkstyle).toContain(`<file name="${join(directory, 'b.md')}"></file>`)
    expect(checkstyle).toContain('source="post-lint.rules.secrets"')
    expect(parseXml(checkstyle).errors).toEqual([])
  })

  it('an unknown format lists them all', () => {
    const result = runCli(['--format', 'xml', 'post.md'], { cwd: fixture() })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('use stylish, json, sarif, github, junit or checkstyle')
  })
})

describe('--output-file', () => {
  it('writes the report atomically (no temporary file left), creates folders, keeps the exit code', () => {
    const directory = fixture({ 'post.md': SECRET_DRAFT })
    const result = runCli(['--format', 'json', '-o', 'out/deep/report.json', '--no-config', 'post.md'], {
      cwd: directory,
    })
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' })
    expect(JSON.parse(readFileSync(join(directory, 'out/deep/report.json'), 'utf8'))).toHaveLength(1)
    expect(readdirSync(join(directory, 'out/deep'))).toEqual(['report.json'])
    // A clean run still writes (an empty stylish report, a complete SARIF log).
    writeFileSync(join(directory, 'post.md'), '---\nlang: en\n---\nThanks, all.\n')
    expect(runCli(['-o', 'out/deep/report.json', '--no-config', 'post.md'], { cwd: directory }).code).toBe(0)
    expect(readFileSync(join(directory, 'out/deep/report.json'), 'utf8')).toBe('')
    // Colours only when asked for, even when standard output is a terminal.
    writeFileSync(join(directory, 'post.md'), SECRET_DRAFT)
    runCli(['-o', 'plain.txt', '--no-config', 'post.md'], {
      cwd: directory,
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    })
    expect(readFileSync(join(directory, 'plain.txt'), 'utf8')).not.toContain('\u001b[')
    runCli(['-o', 'colour.txt', '--color', '--no-config', 'post.md'], { cwd: directory })
    expect(readFileSync(join(directory, 'colour.txt'), 'utf8')).toContain('\u001b[')
  })

  it('exits 2 with a clear message when it cannot write', () => {
    const directory = fixture({ 'post.md': SECRET_DRAFT, blocker: 'a file, not a folder' })
    mkdirSync(join(directory, 'reports'))
    const folder = runCli(['-o', 'reports', '--no-config', 'post.md'], { cwd: directory })
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('--output-file: reports is a folder')
    const parent = runCli(['-o', 'blocker/report.txt', '--no-config', 'post.md'], { cwd: directory })
    expect(parent.code).toBe(2)
    expect(parent.stderr).toMatch(/--output-file: cannot write blocker\/report\.txt \((ENOTDIR|EEXIST)\)/)
    expect(existsSync(join(directory, 'blocker/report.txt'))).toBe(false)
    expect(runCli(['-o', '', 'post.md'], { cwd: directory }).code).toBe(2)
  })
})
