/**
 * The GitHub Action (action.yml + scripts/github-action.sh) and the
 * pre-commit hook (.pre-commit-hooks.yaml): well-formed, every input used
 * and documented, versions in step with the CLI, and the action's script run
 * for real against this checkout (`version: source`).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ENV, root, useFixtures } from '../support/cli.js'

const fixture = useFixtures('ci')
const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version as string
const script = readFileSync(join(root, 'scripts/github-action.sh'), 'utf8')
const docs = readFileSync(join(root, 'docs/ci.md'), 'utf8')

interface Action {
  name: string
  description: string
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  runs: { using: string; steps: Array<{ shell?: string; run?: string; env?: Record<string, string> }> }
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action

describe('action.yml', () => {
  it('is a composite action whose step passes every input to the script', () => {
    expect(action.runs.using).toBe('composite')
    const [step] = action.runs.steps
    expect(step!.shell).toBe('bash')
    expect(step!.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/github-action.sh"')
    // No input is pasted into the script (injection): they arrive as environment variables.
    expect(step!.run).not.toContain('${{')
    for (const [name, input] of Object.entries(action.inputs)) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`
      expect(step!.env?.[variable], name).toBe(`\${{ inputs.${name} }}`)
      expect(script, name).toContain(variable)
      expect(input.description.length, name).toBeGreaterThan(20)
      expect(docs, name).toContain(`\`${name}\``)
    }
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'format', 'config', 'changed-since', 'version', 'args']),
    )
    expect(action.inputs.format!.default).toBe('github')
  })
})

/** Run the action's script as the runner would, from a workspace, with inputs. */
function runAction(cwd: string, inputs: Record<string, string>, pullRequestBase = '') {
  const env: Record<string, string> = {
    ...ENV,
    GITHUB_ACTION_PATH: root,
    INPUT_VERSION: 'source',
    PULL_REQUEST_BASE_SHA: pullRequestBase,
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value
  const result = spawnSync('bash', [join(root, 'scripts/github-action.sh')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_WORKSPACE: cwd, ...env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const PROFANE = '---\nlang: en\n---\nWhat crap.\n'

describe('scripts/github-action.sh', () => {
  it('annotates the drafts, with the args, and exits like post-lint', () => {
    const directory = fixture({ 'drafts/a.md': PROFANE, 'other/b.md': PROFANE })
    const result = runAction(directory, { paths: 'drafts', args: '--no-config --rule profanity:error' })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '::error file=drafts/a.md,line=4,endLine=4,col=6,endColumn=10,title=post-lint (profanity)::Don’t use “crap”: it is profane; a post speaks for the whole organisation.\n',
    )
    const sarif = runAction(directory, {
      paths: 'drafts\nother',
      format: 'sarif',
      'output-file': 'out/p.sarif',
      args: '--no-config',
    })
    expect(sarif).toMatchObject({ code: 0, stdout: '' })
    expect(JSON.parse(readFileSync(join(directory, 'out/p.sarif'), 'utf8')).runs[0].results).toHaveLength(2)
  })

  it('on a pull request, reports only the lines changed since its base commit', () => {
    const directory = fixture({ 'a.md': PROFANE })
    const git = (...args: string[]) => execFileSync('git', args, { cwd: directory, encoding: 'utf8' }).trim()
    git('init', '--quiet', '--initial-branch=main')
    git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@post-lint.invalid',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'root',
    )
    git('add', '.')
    git('-c', 'user.name=t', '-c', 'user.email=t@post-lint.invalid', 'commit', '--quiet', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    appendFileSync(join(directory, 'a.md'), 'More crap.\n')
    const pull = runAction(directory, { args: '--no-config' }, base)
    expect(pull.stdout).toMatch(/^::warning file=a\.md,line=5,[^\n]*\n$/)
    // `none` checks whole files on a pull request too.
    const whole = runAction(directory, { args: '--no-config', 'changed-since': 'none' }, base)
    expect(whole.stdout.trimEnd().split('\n')).toHaveLength(2)
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<
    Record<string, unknown>
  >

  it('defines the post-lint hook, running this version on Markdown and text files', () => {
    expect(hooks).toHaveLength(1)
    const hook = hooks[0]!
    expect(hook).toMatchObject({ id: 'post-lint', name: 'post-lint', language: 'system' })
    expect(hook.entry).toBe(`npx --yes post-lint@${version}`)
    // pre-commit's regexes are Python's: (?i) at the start works in JavaScript as the `i` flag.
    const files = new RegExp(String(hook.files).replace(/^\(\?i\)/, ''), 'i')
    for (const name of ['post.md', 'drafts/Nieuws.MARKDOWN', 'notes.txt'])
      expect(files.test(name), name).toBe(true)
    for (const name of ['script.js', 'md', 'post.md.bak', 'post-lint.yml'])
      expect(files.test(name), name).toBe(false)
    expect(docs).toContain('.pre-commit-config.yaml')
    expect(docs).toContain(`rev: v${version}`)
  })
})
