/**
 * The built `post-lint-language-server --stdio`, driven by a real JSON-RPC
 * client as an editor drives it: push and pull diagnostics, edits, code
 * actions, hover, a rulebook that breaks, and a clean shutdown.
 * Build first: node scripts/generate.mjs && npx tsc -b.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LINT_WORKSPACE_COMMAND, type RulebookStatus, STATUS_NOTIFICATION } from 'post-lint-language-server'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js'
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol'
import { parse } from 'yaml'
import { root, useFixtures } from '../support/cli.js'

const bin = join(root, 'packages/language-server/bin/post-lint-language-server.js')
const fixture = useFixtures('lsp')

const RULEBOOK = `language: en
rules:
  bragging: off
custom:
  people-first:
    type: replace
    replace: { clients: people we support }
    examples:
      flag: ["Our clients cook together."]
      pass: ["The people we support cook together."]
`
const BROKEN = 'language: en\nrules:\n  profanity: loud\n'
const DRAFT = '---\nlang: en\n---\nOur clients came.\n\n  The weather was crap.\n'

interface Client {
  connection: MessageConnection
  child: ChildProcessWithoutNullStreams
  published: PublishDiagnosticsParams[]
  refreshes: number
  configurationRequests: string[]
  /** Resolves with the first (past or future) publication for `uri` that passes `test`. */
  diagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]>
  exited: Promise<number | null>
}

const children: ChildProcessWithoutNullStreams[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill()
})

function start(settingsFor: (uri: string) => unknown = () => ({})): Client {
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(child)
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  const waiters: Array<{ uri: string; test: (p: PublishDiagnosticsParams) => boolean; done: () => void }> = []
  const client: Client = {
    connection,
    child,
    published: [],
    refreshes: 0,
    configurationRequests: [],
    diagnostics(uri, test = () => true) {
      return new Promise((resolve, reject) => {
        const found = () =>
          [...client.published].reverse().find((params) => params.uri === uri && test(params))
        const hit = found()
        if (hit) return resolve(hit.diagnostics)
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}`)), 5000)
        waiters.push({
          uri,
          test,
          done: () => {
            clearTimeout(timer)
            resolve(found()!.diagnostics)
          },
        })
      })
    },
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  }
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    client.published.push(params)
    for (const waiter of waiters.splice(0)) {
      if (waiter.uri === params.uri && waiter.test(params)) waiter.done()
      else waiters.push(waiter)
    }
  })
  connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string }> }) =>
    params.items.map((item) => {
      client.configurationRequests.push(item.scopeUri ?? '')
      return settingsFor(item.scopeUri ?? '')
    }),
  )
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes++
    return null
  })
  connection.onNotification('window/logMessage', () => undefined)
  connection.listen()
  return client
}

async function initialize(
  client: Client,
  folder: string,
  pull: boolean,
  createFiles = false,
): Promise<InitializeResult> {
  const result = await client.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'drafts' }],
    capabilities: {
      workspace: {
        ...(createFiles ? { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } : {}),
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
  })
  await client.connection.sendNotification('initialized', {})
  return result
}

function open(client: Client, uri: string, text: string, languageId = 'markdown', version = 1) {
  return client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version, text },
  })
}

async function shutdown(client: Client): Promise<number | null> {
  await client.connection.sendRequest('shutdown')
  await client.connection.sendNotification('exit')
  const code = await client.exited
  client.connection.dispose()
  return code
}

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source }))

/** The Markdown text of a hover. */
const markdown = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? ''

const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
})

describe('language server over stdio (push diagnostics)', () => {
  const folder = fixture({ 'post-lint.yml': RULEBOOK, 'post.md': DRAFT })
  const uri = pathToFileURL(join(folder, 'post.md')).href
  const rulebookUri = pathToFileURL(join(folder, 'post-lint.yml')).href
  const saved = pathToFileURL(join(folder, 'saved.md')).href
  let savedSettings: Record<string, unknown> = { run: 'onSave' }
  const client = start((scope) => (scope === saved ? savedSettings : {}))

  it('initializes without a diagnostic provider when the client cannot pull', async () => {
    const result = await initialize(client, folder, false)
    expect(result.capabilities.diagnosticProvider).toBeUndefined()
    expect(result.capabilities.hoverProvider).toBe(true)
    expect(result.capabilities.codeActionProvider).toBeTruthy()
  })

  it('publishes diagnostics with exact ranges and codes on open', async () => {
    await open(client, uri, DRAFT)
    const diagnostics = await client.diagnostics(uri)
    expect(summary(diagnostics)).toEqual([
      { code: 'people-first', range: range(3, 4, 11), severity: 2, source: 'post-lint' },
      { code: 'profanity', range: range(5, 18, 22), severity: 2, source: 'post-lint' },
    ])
    expect(diagnostics[1]!.codeDescription?.href).toMatch(/rules\/profanity/)
    expect(diagnostics[0]!.data).toMatchObject({ suggestions: ['people we support'] })
    expect(client.configurationRequests).toContain(uri)
  })

  it('re-lints after a change (debounced), for the newest version', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: range(5, 18, 22), text: 'grim' }],
    })
    const diagnostics = await client.diagnostics(uri, (params) => params.version === 2)
    expect(summary(diagnostics).map((d) => d.code)).toEqual(['people-first'])
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: DRAFT }],
    })
    expect(await client.diagnostics(uri, (params) => params.version === 3)).toHaveLength(2)
  })

  it('offers a preferred quick fix per suggestion, disable-line and fix-all', async () => {
    const diagnostics = await client.diagnostics(uri, (params) => params.version === 3)
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]] },
    })
    const fix = actions.find((action) => action.title === 'Replace with “people we support”')!
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true })
    expect(fix.edit?.changes?.[uri]).toEqual([{ range: range(3, 4, 11), newText: 'people we support' }])
    const disable = actions.find((action) => action.title === 'Disable people-first for this line')!
    expect(disable.edit?.changes?.[uri]).toEqual([
      { range: range(3, 0, 0), newText: '<!-- post-lint-disable-next-line people-first -->\n' },
    ])
    expect(actions.some((action) => action.kind === 'source.fixAll.post-lint')).toBe(true)

    const indented = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[1]!.range,
      context: { diagnostics: [diagnostics[1]], only: ['quickfix'] },
    })
    expect(indented.map((action) => action.title)).toEqual([
      'Disable profanity for this line',
      'Allow “crap” in the rulebook (profanity)',
    ])
    expect(indented[0]!.edit?.changes?.[uri]).toEqual([
      { range: range(5, 0, 0), newText: '  <!-- post-lint-disable-next-line profanity -->\n' },
    ])
    // The rulebook gets profanity's ignore list as it is in effect (the defaults), plus the term.
    const [allow] = indented[1]!.edit!.changes![rulebookUri]!
    expect(allow!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 10, character: 0 } })
    const edited = parse(allow!.newText)
    expect(edited.custom).toEqual(parse(RULEBOOK).custom)
    expect(edited.rules.bragging).toBe('off')
    const [severity, options] = edited.rules.profanity
    expect(severity).toBe('warning')
    expect(options.ignore).toContain('welfare')
    expect(options.ignore.at(-1)).toBe('crap')

    const fixAll = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range(0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll.post-lint'] },
    })
    expect(fixAll).toHaveLength(1)
    expect(fixAll[0]!.edit?.changes?.[uri]).toEqual([
      { range: range(3, 4, 11), newText: 'people we support' },
    ])
  })

  it('explains a finding on hover', async () => {
    const builtin = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 5, character: 19 },
    })
    const text = markdown(builtin)
    expect(text).toContain('**Profanity**')
    expect(text).toContain('❌')
    expect(text).toContain('✅')
    const custom = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 5 },
    })
    expect(markdown(custom)).toContain('people-first')
    const nothing = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    })
    expect(nothing).toBeNull()
  })

  it('shows a broken rulebook in the rulebook, and keeps checking drafts with the last good one', async () => {
    const before = client.published.length
    writeFileSync(join(folder, 'post-lint.yml'), BROKEN)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: rulebookUri, type: 2 }],
    })
    const problems = await client.diagnostics(rulebookUri, (params) => params.diagnostics.length > 0)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ source: 'post-lint', severity: 1 })
    expect(problems[0]!.range.start).toEqual({ line: 2, character: 13 })
    expect(problems[0]!.message).toContain('loud')
    const drafts = await client.diagnostics(
      uri,
      (params) => client.published.indexOf(params) >= before && params.diagnostics.length > 0,
    )
    expect(drafts.map((d) => d.code)).toEqual(['people-first', 'profanity'])

    // Fixed again: the rulebook's diagnostics are cleared.
    writeFileSync(join(folder, 'post-lint.yml'), RULEBOOK)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: rulebookUri, type: 2 }],
    })
    expect(await client.diagnostics(rulebookUri, (params) => params.diagnostics.length === 0)).toEqual([])
  })

  it('shows problems of an open rulebook document while it is edited', async () => {
    await open(client, rulebookUri, RULEBOOK, 'yaml')
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: rulebookUri, version: 2 },
      contentChanges: [{ text: BROKEN }],
    })
    const problems = await client.diagnostics(rulebookUri, (params) => params.diagnostics.length > 0)
    expect(problems[0]!.range.start.line).toBe(2)
  })

  it('run: onSave lints on open and save, not while typing; settings are asked again after a change', async () => {
    await open(client, saved, DRAFT)
    expect(await client.diagnostics(saved)).toHaveLength(2)
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: saved, version: 2 },
      contentChanges: [{ text: 'Clean text.\n' }],
    })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(client.published.filter((params) => params.uri === saved)).toHaveLength(1)
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: saved } })
    expect(await client.diagnostics(saved, (params) => params.version === 2)).toEqual([])

    savedSettings = { enable: true, run: 'onType' }
    const asked = client.configurationRequests.filter((scope) => scope === saved).length
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null })
    await expect
      .poll(() => client.configurationRequests.filter((scope) => scope === saved).length)
      .toBe(asked + 1)
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: saved, version: 3 },
      contentChanges: [{ text: DRAFT }],
    })
    expect(await client.diagnostics(saved, (params) => params.version === 3)).toHaveLength(2)
  })

  it('shuts down and exits with 0', async () => {
    expect(await shutdown(client)).toBe(0)
  })
})

describe('language server over stdio (pull diagnostics, settings)', () => {
  const folder = fixture({ 'post-lint.yml': RULEBOOK, 'post.md': DRAFT, 'off/post.md': DRAFT })
  const uri = pathToFileURL(join(folder, 'post.md')).href
  const off = pathToFileURL(join(folder, 'off/post.md')).href
  const missing = pathToFileURL(join(folder, 'missing/post.md')).href
  const client = start((scope) =>
    scope === off ? { enable: false } : scope === missing ? { rulebook: 'nowhere.yml' } : { run: 'onType' },
  )

  it('advertises a diagnostic provider and answers textDocument/diagnostic without pushing', async () => {
    const result = await initialize(client, folder, true)
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true })
    await open(client, uri, DRAFT)
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
    })
    expect(report.kind).toBe('full')
    expect(summary((report as { items: Diagnostic[] }).items).map((d) => [d.code, d.range])).toEqual([
      ['people-first', range(3, 4, 11)],
      ['profanity', range(5, 18, 22)],
    ])
    expect(client.published.filter((params) => params.uri === uri)).toEqual([])
  })

  it('honours enable: false per document', async () => {
    await open(client, off, DRAFT)
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: off },
    })
    expect(report).toEqual({ kind: 'full', items: [] })
  })

  it('never dies: a draft it cannot check gets one diagnostic at 1:1', async () => {
    await open(client, missing, DRAFT)
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: missing },
    })
    const items = (report as { items: Diagnostic[] }).items
    expect(items).toHaveLength(1)
    expect(items[0]!.range).toEqual(range(0, 0, 0))
    expect(items[0]!.message).toMatch(
      /^post-lint could not check this draft: Cannot read the rulebook .*nowhere\.yml/,
    )
    // …and the server still answers.
    const again = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
    })
    expect((again as { items: Diagnostic[] }).items).toHaveLength(2)
  })

  it('asks the client to pull again after a rulebook change; a broken rulebook is reported in itself', async () => {
    const rulebookUri = pathToFileURL(join(folder, 'post-lint.yml')).href
    writeFileSync(join(folder, 'post-lint.yml'), BROKEN)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: rulebookUri, type: 2 }],
    })
    await expect.poll(() => client.refreshes).toBeGreaterThan(0)
    const pullItems = async (target: string) =>
      (
        (await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
          textDocument: { uri: target },
        })) as { items: Diagnostic[] }
      ).items
    // The draft keeps the last good rulebook…
    expect((await pullItems(uri)).map((d) => d.code)).toEqual(['people-first', 'profanity'])
    // …and the rulebook shows where it is wrong.
    const problems = await pullItems(rulebookUri)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.range.start).toEqual({ line: 2, character: 13 })
    expect(client.published).toEqual([])
  })

  it('shuts down and exits with 0', async () => {
    expect(await shutdown(client)).toBe(0)
  })
})

describe('language server: allow a term when the draft has no rulebook yet', () => {
  const folder = fixture({ 'post.md': 'lang: en\n\nOur chairman opens the fair.\n' })
  const uri = pathToFileURL(join(folder, 'post.md')).href
  const rulebookUri = pathToFileURL(join(folder, 'post-lint.yml')).href
  const client = start()

  it('creates post-lint.yml in the workspace folder with the term allowed', async () => {
    await initialize(client, folder, true, true)
    await open(client, uri, 'Our chairman opens the fair.\n')
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
    })
    const finding = (report as { items: Diagnostic[] }).items.find((item) => item.code === 'insensitive')!
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    })
    const allow = actions.find((action) => action.title === 'Allow “chairman” in the rulebook (insensitive)')!
    const [create, edit] = allow.edit!.documentChanges! as [
      { kind: string; uri: string },
      { textDocument: { uri: string }; edits: Array<{ newText: string }> },
    ]
    expect(create).toMatchObject({ kind: 'create', uri: rulebookUri })
    expect(edit.textDocument.uri).toBe(rulebookUri)
    const rulebook = parse(edit.edits[0]!.newText)
    expect(rulebook.rules.insensitive[0]).toBe('warning')
    expect(rulebook.rules.insensitive[1].ignore).toEqual([
      'disabled',
      'mental',
      'special',
      'asylum',
      'chairman',
    ])
    // Saved as the editor would: the finding is gone once the server hears of the new rulebook.
    writeFileSync(join(folder, 'post-lint.yml'), edit.edits[0]!.newText)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: rulebookUri, type: 1 }],
    })
    const after = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
    })
    expect((after as { items: Diagnostic[] }).items.map((item) => item.code)).not.toContain('insensitive')
  })

  it('shuts down and exits with 0', async () => {
    expect(await shutdown(client)).toBe(0)
  })
})

describe('language server over stdio (rulebook status, lint the whole workspace)', () => {
  const folder = fixture({
    'post-lint.yml': RULEBOOK,
    'post.md': DRAFT,
    'later/other.md': DRAFT,
    'notes.txt': 'The weather was crap.\n',
    'skipped/post.md': DRAFT,
    '.postlintignore': 'skipped/\n',
  })
  const uri = pathToFileURL(join(folder, 'post.md')).href
  const client = start()
  const statuses: RulebookStatus[] = []
  const progress: Array<{ token: string; value: { kind: string; percentage?: number } }> = []
  client.connection.onNotification(STATUS_NOTIFICATION, (params: RulebookStatus) => statuses.push(params))
  client.connection.onNotification('$/progress', (params: (typeof progress)[number]) => progress.push(params))

  it('tells the client which rulebook a draft was checked with, and when it is broken', async () => {
    await initialize(client, folder, true)
    await open(client, uri, DRAFT)
    const pull = () => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })
    await pull()
    expect(statuses.at(-1)).toEqual({ uri, rulebook: join(folder, 'post-lint.yml') })
    writeFileSync(join(folder, 'post-lint.yml'), BROKEN)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(folder, 'post-lint.yml')).href, type: 2 }],
    })
    await pull()
    expect(statuses.at(-1)).toMatchObject({ uri, rulebook: join(folder, 'post-lint.yml') })
    expect(statuses.at(-1)!.problem).toMatch(/post-lint\.yml:3:14: .*loud/)
    writeFileSync(join(folder, 'post-lint.yml'), RULEBOOK)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(folder, 'post-lint.yml')).href, type: 2 }],
    })
  })

  it('checks every draft that is not ignored, pushes those not open, and reports progress', async () => {
    const result = await client.connection.sendRequest('workspace/executeCommand', {
      command: LINT_WORKSPACE_COMMAND,
      arguments: [],
      workDoneToken: 'everything',
    })
    expect(result).toBe(3)
    const pushed = client.published.map((params) => params.uri.slice(pathToFileURL(folder).href.length))
    expect(pushed.sort()).toEqual(['/later/other.md', '/notes.txt'])
    const other = client.published.find((params) => params.uri.endsWith('/later/other.md'))!
    expect(other.diagnostics.map((d) => d.code)).toEqual(['people-first', 'profanity'])
    const kinds = progress.filter((p) => p.token === 'everything').map((p) => p.value.kind)
    expect(kinds[0]).toBe('begin')
    expect(kinds.at(-1)).toBe('end')
    expect(progress.at(-2)?.value.percentage).toBe(100)
  })

  it('shuts down and exits with 0', async () => {
    expect(await shutdown(client)).toBe(0)
  })
})
