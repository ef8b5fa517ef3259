/**
 * post-lint as users get it from npm: every publishable package is packed
 * with `pnpm pack` (which turns `workspace:*` into versions and applies
 * `publishConfig`), the tarballs are installed with plain `npm install` into
 * an empty folder outside the workspace, and there a comms team's repository
 * runs `npx post-lint drafts/` with its rulebook, a script uses the library
 * API, TypeScript checks a consumer against the published declarations, and
 * an editor starts `post-lint-language-server --stdio`.
 *
 * Needs the build (`pnpm test` builds first) and the npm registry for the
 * third-party dependencies. Slow: npm install takes a minute or two.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js'
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol'
import { ENV, root } from '../support/cli.js'
import { TEAM_RULEBOOK } from '../support/team.js'

const INSTALL_TIMEOUT = 600_000

interface Manifest {
  name: string
  version: string
  private?: boolean
  bin?: Record<string, string>
  exports?: Record<string, unknown>
  dependencies?: Record<string, string>
}

const publishable = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')) as Manifest,
  }))
  .filter(({ manifest }) => !manifest.private)
const version = publishable.find(({ manifest }) => manifest.name === 'post-lint')!.manifest.version

const DRAFTS = {
  // Dutch, with an error (profanity, made one by the rulebook) and a custom rule's warning.
  'drafts/buurthuis.md':
    '---\nlang: nl\n---\nOnze cliënten vonden het kutweer, maar de soep was top.\nBel ons op 020 123 4567.\n',
  // English, with a warning only.
  'drafts/volunteers.md': '---\nlang: en\n---\nThanks to the chairman and all our volunteers.\n',
  'clean/bedankt.md':
    '---\nlang: nl\n---\nDank aan alle vrijwilligers voor een mooie dag in het buurthuis.\n',
  'clean/thanks.md': '---\nlang: en\n---\nThank you to everyone who helped at the food bank this week.\n',
}

/** The environment of a user's shell: no npm_/pnpm_ settings inherited from the test runner. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$)/.test(key)) env[key] = value
  return {
    ...env,
    ...ENV,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  }
}

/** pnpm as the test was started with (`pnpm test` sets npm_execpath), else through npx as the README says. */
function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath
  const [command, prefix] =
    execpath && /pnpm/.test(basename(execpath))
      ? [process.execPath, [execpath]]
      : ['npx', ['--yes', 'pnpm@10']]
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' })
}

let work: string
let project: string
const tarballs = new Map<string, string>()
const timings: string[] = []

function run(command: string, args: string[], options: { cwd?: string; timeout?: number } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? project,
    env: userEnv(),
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error }
}

/**
 * `npx --no-install …`: the installed bin, never one downloaded from the registry. (Not
 * `npx --no`: npx would take the command's name for the value of `--no`.) npm's own
 * warnings about the machine's npm configuration are left out of stderr.
 */
function npx(args: string[]) {
  const result = run('npx', ['--no-install', ...args])
  return { ...result, stderr: result.stderr.replace(/^npm warn .*\n/gm, '') }
}

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, name)), { recursive: true })
    writeFileSync(join(project, name), text)
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'post-lint-pack-'))
  project = join(work, 'comms-drafts')
  mkdirSync(project)
  const started = Date.now()
  const filters = publishable.flatMap(({ manifest }) => ['--filter', manifest.name])
  const output = pnpm(['-r', ...filters, 'pack', '--pack-destination', work, '--json'], root)
  for (const { name, filename } of JSON.parse(output) as Array<{ name: string; filename: string }>)
    tarballs.set(name, filename)
  timings.push(`pnpm pack ×${tarballs.size}: ${((Date.now() - started) / 1000).toFixed(1)} s`)

  write({
    'package.json': `${JSON.stringify({ name: 'comms-drafts', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
    'post-lint.yml': TEAM_RULEBOOK,
    ...DRAFTS,
  })
  const installing = Date.now()
  // @types/node: the consumer below is a Node project in TypeScript.
  const install = run(
    'npm',
    ['install', '--save-dev', '--prefer-offline', ...tarballs.values(), '@types/node@20'],
    {
      timeout: INSTALL_TIMEOUT,
    },
  )
  if (install.code !== 0)
    throw new Error(
      `npm install failed (${install.code ?? install.error}):\n${install.stdout}\n${install.stderr}`,
    )
  timings.push(`npm install: ${((Date.now() - installing) / 1000).toFixed(1)} s`)
  process.stderr.write(`pack.test.ts: ${timings.join(', ')}\n`)
}, INSTALL_TIMEOUT + 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/** The files an `exports` map points at. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return value && typeof value === 'object' ? Object.values(value).flatMap(targets) : []
}

/** A file from a tarball, or the list of its files. */
const tar = (tarball: string, ...args: string[]) =>
  execFileSync('tar', [...args, '-f', tarball], { encoding: 'utf8' })

describe('the packed tarballs', () => {
  it('carry versions instead of workspace:*, exports without src/, and every file they point at', () => {
    expect(tarballs.size).toBe(publishable.length)
    for (const [name, tarball] of tarballs) {
      const manifest = JSON.parse(tar(tarball, '-xzO', 'package/package.json')) as Manifest
      expect(manifest.name).toBe(name)
      expect(manifest.version).toBe(version)
      const text = JSON.stringify(manifest)
      expect(text, name).not.toContain('workspace:')
      expect(text, name).not.toContain('"source"')
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {}))
        if (tarballs.has(dependency)) expect(range, `${name} → ${dependency}`).toBe(version)
      const files = new Set(
        tar(tarball, '-tz')
          .split('\n')
          .map((line) => line.replace(/^package\//, '')),
      )
      expect(files, name).toContain('README.md')
      // pnpm adds the workspace's LICENSE to packages without their own.
      expect(files, name).toContain('LICENSE')
      const pointed = [...Object.values(manifest.bin ?? {}), ...targets(manifest.exports)].map((target) =>
        target.replace(/^\.\//, ''),
      )
      for (const file of pointed) expect(files, `${name}: ${file}`).toContain(file)
      expect(
        [...files].some((file) => file.startsWith('src/')),
        name,
      ).toBe(false)
    }
  })

  it('carry the licences of the npm packages bundled into the CLI and the browser build', () => {
    const tarball = tarballs.get('post-lint')!
    for (const folder of ['bundle', 'browser']) {
      const text = tar(tarball, '-xzO', `package/${folder}/THIRD-PARTY-NOTICES.txt`)
      // Parsing, the rulebook (ajv and re2js load on demand) and the MIT text they ship.
      for (const name of ['micromark', 'parse-latin', 'yaml', 'ajv', 're2js'])
        expect(text, `${folder}: ${name}`).toMatch(new RegExp(`^- ${name}$`, 'm'))
      expect(text).toContain('Permission is hereby granted, free of charge')
    }
  })

  it('install outside the workspace, from the tarballs and the registry only', () => {
    expect(realpathSync(project).startsWith(realpathSync(root))).toBe(false)
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/post-lint/package.json'), 'utf8'))
    expect(installed.version).toBe(version)
    // The bin is the installed package's, and the schema is where the docs say.
    expect(realpathSync(join(project, 'node_modules/.bin/post-lint'))).toBe(
      realpathSync(join(project, 'node_modules/post-lint/bin/post-lint.js')),
    )
    expect(
      JSON.parse(readFileSync(join(project, 'node_modules/post-lint/rulebook.schema.json'), 'utf8')),
    ).toHaveProperty('title')
  })
})

describe('npx post-lint in a comms team’s repository', () => {
  it('finds the errors in drafts/ with the team’s rulebook and exits with 1', () => {
    const result = npx(['post-lint', 'drafts/'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^drafts\/buurthuis\.md$/m)
    expect(result.stdout).toMatch(/4:6 +warning +.*cliënten.*deelnemers/)
    expect(result.stdout).toMatch(/4:26 +error +.*kutweer.* profanity/)
    expect(result.stdout).toMatch(/^drafts\/volunteers\.md$/m)
    expect(result.stdout).toMatch(/4:15 +warning +.*chairman.* insensitive/)
    // The organisation's own phone number is not personal data.
    expect(result.stdout).not.toContain('personal-data')
    expect(result.stdout).toMatch(/✖ 3 problems \(1 error, 2 warnings, 0 info\)/)
  })

  it('exits with 0 on clean drafts', () => {
    expect(npx(['post-lint', 'clean/'])).toMatchObject({ code: 0, stdout: '', stderr: '' })
  })

  it('reports its version, in --version and in the JSON report', () => {
    expect(npx(['post-lint', '--version'])).toMatchObject({ code: 0, stdout: `${version}\n` })
    const result = npx(['post-lint', '--format', 'json', 'drafts/', 'clean/'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{
      filePath: string
      postLintVersion: string
      messages: Array<{ ruleId: string; severity: string }>
    }>
    expect(report.map((entry) => entry.filePath.slice(project.length + 1))).toEqual([
      'clean/bedankt.md',
      'clean/thanks.md',
      'drafts/buurthuis.md',
      'drafts/volunteers.md',
    ])
    expect(report.every((entry) => entry.postLintVersion === version)).toBe(true)
    expect(report.map((entry) => entry.messages.map((m) => `${m.ruleId}:${m.severity}`))).toEqual([
      [],
      [],
      ['deelnemers:warning', 'profanity:error'],
      ['insensitive:warning'],
    ])
  })

  it('runs the rulebook’s own tests', () => {
    const result = npx(['post-lint', 'test'])
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '2 examples, 2 passed, 0 failed\n' })
  })
})

describe('the library from the tarballs', () => {
  it('lint() with the rulebook, in Node, also through post-lint/browser and the bare engine', () => {
    write({
      'check.mjs': `import { readFileSync } from 'node:fs'
import { lint, version, PostLint, run } from 'post-lint'
import { lint as lintPure } from 'post-lint/browser'
import { lint as lintEngine } from '@post-lint/core'
import { builtinRules } from '@post-lint/checks'
const rulebook = readFileSync('post-lint.yml', 'utf8')
const text = readFileSync('drafts/buurthuis.md', 'utf8')
const ids = (result) => result.messages.map((m) => m.ruleId + ':' + m.severity)
const onDisk = await new PostLint({ cwd: process.cwd() }).lintFile('drafts/buurthuis.md')
console.log(JSON.stringify({
  version,
  run: typeof run,
  lint: ids(await lint(text, { rulebook })),
  pure: ids(await lintPure(text, { rulebook, rules: { profanity: 'off' } })),
  engine: ids(await lintEngine(text, { rules: builtinRules })),
  onDisk: ids(onDisk),
}))
`,
    })
    const result = run(process.execPath, ['check.mjs'])
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      version,
      run: 'function',
      lint: ['deelnemers:warning', 'profanity:error'],
      pure: ['deelnemers:warning'],
      // No rulebook: the organisation's phone number is personal data, profanity a warning.
      engine: ['profanity:warning', 'personal-data:error'],
      onDisk: ['deelnemers:warning', 'profanity:error'],
    })
  })

  it('has types that a strict TypeScript consumer can use (skipLibCheck off)', () => {
    write({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
      'consumer.ts': `import { Linter, type Rule } from '@post-lint/core'
import { builtinRules } from '@post-lint/checks'
import { EXIT, type Io, type LintMessage, type LintOptions, lint, RulebookError, run, version } from 'post-lint'
import { lint as lintInBrowser } from 'post-lint/browser'

const options: LintOptions = { rulebook: 'rules:\\n  profanity: error\\n', language: 'nl', filePath: 'a.md' }
const result = await lint('Wat een kutweer.', options)
const first: LintMessage | undefined = result.messages[0]
const where: string = \`\${first?.line}:\${first?.column} \${first?.ruleId} \${result.lang} \${version}\`
// @ts-expect-error: post-lint checks nl and en only
await lintInBrowser('x', { language: 'de' })
// @ts-expect-error: severities are off, info, warning and error
await lint('x', { rules: { profanity: 'loud' } })
try {
  await lint('x', { rulebook: 'rules: {profanty: error}' })
} catch (error) {
  if (error instanceof RulebookError) console.log(error.problems[0]?.line, where)
}
const shout: Rule = { meta: { id: 'shout', defaultSeverity: 'warning' }, phrases: [{ match: 'urgent' }] }
new Linter({ rules: [...builtinRules, shout] })
const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: '.', env: {} }
const code: number = await run(['--version'], io)
if (code !== EXIT.ok) process.exitCode = code
`,
    })
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.json'])
    expect(result.stdout + result.stderr).toBe('')
    expect(result.code).toBe(0)
  })
})

describe('post-lint-language-server --stdio from the tarballs', () => {
  let child: ChildProcessWithoutNullStreams | undefined
  afterAll(() => {
    if (child && child.exitCode === null) child.kill()
  })

  it('answers initialize, then sends diagnostics for an open draft, and shuts down', async () => {
    child = spawn('npx', ['--no-install', 'post-lint-language-server', '--stdio'], {
      cwd: project,
      env: userEnv(),
    })
    const server = child
    let stderr = ''
    server.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve))
    const connection: MessageConnection = createMessageConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
    )
    const published: PublishDiagnosticsParams[] = []
    const uri = pathToFileURL(join(project, 'drafts/buurthuis.md')).href
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.push(params)
        if (params.uri === uri && params.diagnostics.length > 0) resolve(params)
      }),
    )
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({})),
    )
    connection.onRequest('client/registerCapability', () => null)
    connection.onNotification('window/logMessage', () => undefined)
    connection.listen()

    const result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(project).href,
      workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'comms-drafts' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    })
    expect(result.serverInfo?.name, stderr).toBe('post-lint-language-server')
    expect(result.capabilities.textDocumentSync).toBeDefined()
    await connection.sendNotification('initialized', {})
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFTS['drafts/buurthuis.md'] },
    })
    const { diagnostics: found } = await diagnostics
    expect(found.map((diagnostic) => `${diagnostic.code}:${diagnostic.severity}`)).toEqual([
      'deelnemers:2',
      'profanity:1',
    ])
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
    expect(await exited).toBe(0)
    connection.dispose()
  }, 60_000)
})
