/**
 * The post-lint language server: lints open Markdown and plain-text drafts
 * (debounced while typing, or on save), pushes or serves (pull, LSP 3.17)
 * diagnostics, offers quick fixes, fix all and "disable for this line",
 * explains findings on hover, and follows rulebook edits.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type Lang, LintCache, LintCancelled, type Linter, readSetting } from '@post-lint/core'
import {
  builtinRules,
  compileRulebook,
  fileLoader,
  loadRulebook,
  PostLint,
  RULEBOOK_NAMES,
  RulebookError,
} from '@post-lint/node'
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type DocumentDiagnosticReport,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver'
import { createConnection } from 'vscode-languageserver/node.js'
import { TextDocument } from 'vscode-languageserver-textdocument'
import {
  type AllowList,
  allowAction,
  disableLineAction,
  FIX_ALL_KIND,
  failureDiagnostic,
  fixAllAction,
  hoverText,
  problemDiagnostic,
  quickFixes,
} from './actions.js'
import {
  defaultSettings,
  LINT_WORKSPACE_COMMAND,
  type RulebookStatus,
  type Settings,
  STATUS_NOTIFICATION,
  toDiagnostic,
} from './index.js'

/** Milliseconds of quiet typing before a draft is linted again. */
export const DEBOUNCE_MS = 150

const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext'])

interface Result {
  version: number
  diagnostics: Diagnostic[]
  lang: Lang
  /** Where “allow this term” writes: the draft's rulebook, or a new one in its workspace folder. */
  rulebookFile?: string
  /** Rules with an allow list, with the list in effect for this draft. */
  allowLists?: Record<string, AllowList>
}

/** Each rule's allow list (`meta.allowOption`) as the linter's configuration has it. */
function allowListsOf(linter: Linter): Record<string, AllowList> {
  const lists: Record<string, AllowList> = {}
  const settings = linter.config.rules ?? {}
  for (const rule of linter.rules) {
    const option = rule.meta.allowOption
    if (!option) continue
    const { severity, options } = readSetting(settings[rule.meta.id])
    const value = options[option] ?? rule.meta.defaultOptions?.[option]
    lists[rule.meta.id] = {
      option,
      current: Array.isArray(value) ? value.map(String) : [],
      severity: severity ?? rule.meta.defaultSeverity,
    }
  }
  return lists
}

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

const isRulebook = (uri: string) =>
  (RULEBOOK_NAMES as readonly string[]).includes(basename(filePathOf(uri) ?? ''))

/** Client settings with the defaults filled in and wrong types ignored. */
export function normalizeSettings(value: unknown): Settings {
  const given = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof Settings, unknown>>
  return {
    enable: typeof given.enable === 'boolean' ? given.enable : defaultSettings.enable,
    run: given.run === 'onSave' || given.run === 'onType' ? given.run : defaultSettings.run,
    rulebook: typeof given.rulebook === 'string' && given.rulebook !== '' ? given.rulebook : null,
  }
}

export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  let pull = false
  let configurationSupport = false
  let dynamicConfiguration = false
  let dynamicWatchers = false
  let canCreateFiles = false
  let folders: string[] = []

  const settingsCache = new Map<string, Promise<Settings>>()
  /** A PostLint per explicit rulebook ('' = discovery); replaced when a rulebook changes. */
  let engines = new Map<string, PostLint>()
  /** The last engine that compiled a rulebook ('' = built-in defaults) without errors. */
  const lastGood = new Map<string, PostLint>()
  const results = new Map<string, Result>()
  /** Per open draft: its chunks' parses and findings, so an edit re-checks only what changed. */
  const caches = new Map<string, LintCache>()
  const timers = new Map<string, NodeJS.Timeout>()
  const runs = new Map<string, number>()
  /** Diagnostics shown in rulebook files, by URI. */
  const rulebookDiagnostics = new Map<string, Diagnostic[]>()

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = configurationSupport
        ? connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'postLint' })
            .then(normalizeSettings, () => defaultSettings)
        : Promise.resolve(defaultSettings)
      settingsCache.set(uri, settings)
    }
    return settings
  }

  function folderOf(filePath: string | undefined): string {
    if (filePath) {
      const folder = folders
        .filter((candidate) => filePath.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`))
        .sort((a, b) => b.length - a.length)[0]
      return folder ?? dirname(filePath)
    }
    return folders[0] ?? process.cwd()
  }

  function engineFor(settings: Settings, filePath: string | undefined): PostLint {
    const cwd = folderOf(filePath)
    const configFile = settings.rulebook ? resolve(cwd, settings.rulebook) : undefined
    const key = configFile ?? ''
    let engine = engines.get(key)
    if (!engine) {
      engine = new PostLint(configFile ? { cwd, configFile } : { cwd })
      engines.set(key, engine)
    }
    return engine
  }

  function showRulebookDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
    // Unchanged: nothing to tell (in pull mode, a refresh would make the client pull again, and again).
    if (JSON.stringify(rulebookDiagnostics.get(uri) ?? []) === JSON.stringify(diagnostics)) return
    rulebookDiagnostics.set(uri, diagnostics)
    if (pull) connection.languages.diagnostics.refresh()
    else void connection.sendDiagnostics({ uri, diagnostics })
  }

  /** A RulebookError's problems, shown in each file they are in. */
  function showRulebookError(error: RulebookError, onlyIn?: string): void {
    const byFile = new Map<string, Diagnostic[]>()
    for (const problem of error.problems) {
      const file = problem.filePath ?? error.filePath
      const target = onlyIn ?? file
      const note = file === target ? '' : `In ${file}: `
      const list = byFile.get(target) ?? []
      list.push(
        problemDiagnostic(
          file === target ? problem : { ...problem, line: 1, column: 1, endLine: 1, endColumn: 1 },
          note,
        ),
      )
      byFile.set(target, list)
    }
    for (const [file, diagnostics] of byFile) {
      const uri = toUri(file)
      // An open rulebook document shows the problems of its own (maybe unsaved) text.
      if (onlyIn === undefined && documents.get(uri)) continue
      showRulebookDiagnostics(uri, diagnostics)
    }
  }

  const toUri = (file: string) => pathToFileURL(file).href

  /** Checks an open rulebook document's own text. */
  function checkRulebookDocument(document: TextDocument): void {
    const filePath = filePathOf(document.uri)
    if (!filePath) return
    try {
      const resolved = loadRulebook(
        document.getText().replace(/^\uFEFF/, ''),
        filePath,
        fileLoader,
        builtinRules,
      )
      compileRulebook(resolved, builtinRules)
      showRulebookDiagnostics(document.uri, [])
    } catch (error) {
      if (error instanceof RulebookError) showRulebookError(error, filePath)
      else
        showRulebookDiagnostics(document.uri, [
          problemDiagnostic({ message: String(error), line: 1, column: 1, endLine: 1, endColumn: 1 }),
        ])
    }
  }

  /**
   * Lints a draft; each open draft keeps its chunks' results (`LintCache`), so
   * an edit re-checks only the chunk it falls in. Undefined: cancelled by a
   * newer edit or run (`stale`) before it was done.
   */
  async function lintDocument(
    document: TextDocument,
    settings: Settings,
    stale: () => boolean = () => false,
  ): Promise<Result | undefined> {
    const version = document.version
    const filePath = filePathOf(document.uri)
    const status: RulebookStatus = { uri: document.uri, rulebook: null }
    try {
      const engine = engineFor(settings, filePath)
      const rulebook = await engine.rulebookFor(filePath ?? join(engine.cwd, 'stdin.md'))
      status.rulebook = rulebook ?? null
      const key = rulebook ?? ''
      let linter: Linter
      try {
        linter = engine.linterFor(rulebook, filePath)
        lastGood.set(key, engine)
        if (rulebook && !documents.get(toUri(rulebook))) showRulebookDiagnostics(toUri(rulebook), [])
      } catch (error) {
        if (!(error instanceof RulebookError)) throw error
        showRulebookError(error)
        status.problem = error.message
        const good = lastGood.get(key)
        if (!good) throw error
        linter = good.linterFor(rulebook, filePath)
      }
      // Open drafts keep their chunks between edits; a draft checked from disk (lint the workspace) does not.
      const open = documents.get(document.uri) !== undefined
      let cache = open ? caches.get(document.uri) : undefined
      if (open && !cache) {
        cache = new LintCache()
        caches.set(document.uri, cache)
      }
      const result = await linter.lint(document.getText(), {
        ...(filePath ? { filePath } : {}),
        ...(cache ? { cache } : {}),
        cancelled: () => stale() || (open && documents.get(document.uri)?.version !== version),
      })
      return {
        version,
        diagnostics: result.messages.map(toDiagnostic),
        lang: result.lang,
        rulebookFile: rulebook ?? join(folderOf(filePath), RULEBOOK_NAMES[0]),
        allowLists: allowListsOf(linter),
      }
    } catch (error) {
      if (error instanceof LintCancelled) return undefined
      status.problem ??= error instanceof Error ? error.message : String(error)
      connection.console.error(
        `post-lint could not check ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      return { version, diagnostics: [failureDiagnostic(error)], lang: 'en' }
    } finally {
      void connection.sendNotification(STATUS_NOTIFICATION, status)
    }
  }

  /** Checks every draft of the workspace folders; pushes the diagnostics of those not open (open ones have theirs). */
  async function lintWorkspace(
    token: CancellationToken,
    progress: WorkDoneProgressReporter,
  ): Promise<number> {
    progress.begin('post-lint', 0, 'Looking for drafts…', true)
    /** Draft → its workspace folder (the settings' scope). */
    const drafts = new Map<string, string>()
    for (const folder of folders) {
      const { files } = await new PostLint({ cwd: folder }).findFiles(['.'])
      for (const file of files) if (!drafts.has(file)) drafts.set(file, folder)
    }
    let checked = 0
    for (const [file, folder] of drafts) {
      if (token.isCancellationRequested) break
      const uri = toUri(file)
      const settings = await settingsFor(toUri(folder))
      if (settings.enable && !documents.get(uri)) {
        const languageId = file.endsWith('.txt') ? 'plaintext' : 'markdown'
        const text = await readFile(file, 'utf8').catch(() => undefined)
        if (text === undefined) continue
        const result = await lintDocument(
          TextDocument.create(uri, languageId, 0, text),
          settings,
          () => token.isCancellationRequested,
        )
        if (result) void connection.sendDiagnostics({ uri, diagnostics: result.diagnostics })
      }
      checked++
      progress.report(
        Math.floor((checked / drafts.size) * 100),
        `${checked}/${drafts.size} ${basename(file)}`,
      )
    }
    progress.done()
    return checked
  }

  /** Lints a draft now and pushes the result, unless a newer run or edit made it stale. */
  async function validate(uri: string): Promise<void> {
    const run = (runs.get(uri) ?? 0) + 1
    runs.set(uri, run)
    const document = documents.get(uri)
    if (!document || !DRAFT_LANGUAGES.has(document.languageId)) return
    const settings = await settingsFor(uri)
    if (runs.get(uri) !== run) return
    if (!settings.enable) {
      results.delete(uri)
      if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] })
      return
    }
    const result = await lintDocument(document, settings, () => runs.get(uri) !== run)
    const current = documents.get(uri)
    if (!result || runs.get(uri) !== run || !current || current.version !== result.version) return
    results.set(uri, result)
    if (!pull)
      void connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics })
  }

  function cancel(uri: string): void {
    clearTimeout(timers.get(uri))
    timers.delete(uri)
    runs.set(uri, (runs.get(uri) ?? 0) + 1)
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri))
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        void validate(uri)
      }, delay),
    )
  }

  /** Everything changed (rulebook, settings): re-lint every open draft. */
  function revalidateAll(): void {
    results.clear()
    if (pull) {
      connection.languages.diagnostics.refresh()
      return
    }
    for (const document of documents.all()) {
      if (DRAFT_LANGUAGES.has(document.languageId)) schedule(document.uri, 0)
    }
  }

  function rulebookChanged(): void {
    engines = new Map()
    revalidateAll()
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities
    pull = Boolean(capabilities.textDocument?.diagnostic)
    configurationSupport = Boolean(capabilities.workspace?.configuration)
    dynamicConfiguration = Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration)
    dynamicWatchers = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    canCreateFiles = Boolean(
      capabilities.workspace?.workspaceEdit?.documentChanges &&
        capabilities.workspace.workspaceEdit.resourceOperations?.includes('create'),
    )
    folders = (params.workspaceFolders ?? [])
      .map((folder) => filePathOf(folder.uri))
      .filter((path): path is string => path !== undefined)
    if (folders.length === 0 && params.rootUri) {
      const root = filePathOf(params.rootUri)
      if (root) folders = [root]
    }
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'post-lint-language-server' },
    }
  })

  connection.onInitialized(() => {
    if (dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postLint' })
    }
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: RULEBOOK_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      })
    }
    if (configurationSupport && dynamicConfiguration) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)))
        folders = folders.filter((folder) => !removed.has(folder))
        for (const folder of event.added) {
          const path = filePathOf(folder.uri)
          if (path) folders.push(path)
        }
        rulebookChanged()
      })
    }
  })

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear()
    engines = new Map()
    revalidateAll()
  })

  connection.onDidChangeWatchedFiles(() => rulebookChanged())

  /** onDidChangeContent also fires for an opened document: onDidOpen handles that one. */
  const justOpened = new Set<string>()

  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri)
    if (isRulebook(document.uri)) checkRulebookDocument(document)
    else if (!pull && DRAFT_LANGUAGES.has(document.languageId)) schedule(document.uri, 0)
  })

  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return
    if (isRulebook(document.uri)) {
      checkRulebookDocument(document)
      return
    }
    if (pull || !DRAFT_LANGUAGES.has(document.languageId)) return
    cancel(document.uri)
    void settingsFor(document.uri).then((settings) => {
      if (settings.run === 'onType') schedule(document.uri, DEBOUNCE_MS)
    })
  })

  documents.onDidSave(({ document }) => {
    if (isRulebook(document.uri)) {
      rulebookChanged()
      return
    }
    if (!DRAFT_LANGUAGES.has(document.languageId)) return
    results.delete(document.uri)
    if (pull) connection.languages.diagnostics.refresh()
    else schedule(document.uri, 0)
  })

  documents.onDidClose(({ document }) => {
    cancel(document.uri)
    caches.delete(document.uri)
    settingsCache.delete(document.uri)
    results.delete(document.uri)
    if (isRulebook(document.uri)) {
      rulebookDiagnostics.delete(document.uri)
      rulebookChanged()
    }
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] })
  })

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri
    const document = documents.get(uri)
    if (isRulebook(uri)) return { kind: 'full', items: rulebookDiagnostics.get(uri) ?? [] }
    if (!document || !DRAFT_LANGUAGES.has(document.languageId)) return { kind: 'full', items: [] }
    const settings = await settingsFor(uri)
    if (!settings.enable) return { kind: 'full', items: [] }
    const cached = results.get(uri)
    // onSave: keep showing the result of the last save (or open) while typing.
    if (cached && (cached.version === document.version || settings.run === 'onSave')) {
      return { kind: 'full', items: cached.diagnostics }
    }
    const result = await lintDocument(document, settings, () => token.isCancellationRequested)
    if (!result || token.isCancellationRequested || documents.get(uri)?.version !== result.version) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The draft changed', { retriggerRequest: true })
    }
    results.set(uri, result)
    return { kind: 'full', items: result.diagnostics }
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const only = params.context.only
    const wants = (kind: string) =>
      !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`))
    const actions: CodeAction[] = []
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'post-lint')
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of ours) {
        actions.push(...quickFixes(document.uri, diagnostic))
        const disable = disableLineAction(document, diagnostic)
        if (disable) actions.push(disable)
      }
    }
    const result = results.get(document.uri)
    if (wants(CodeActionKind.QuickFix) && result?.rulebookFile && result.allowLists) {
      const rulebookUri = toUri(result.rulebookFile)
      let rulebookText = documents.get(rulebookUri)?.getText()
      if (rulebookText === undefined) {
        try {
          rulebookText = readFileSync(result.rulebookFile, 'utf8')
        } catch {
          rulebookText = undefined
        }
      }
      for (const diagnostic of ours) {
        const list = typeof diagnostic.code === 'string' ? result.allowLists[diagnostic.code] : undefined
        const action =
          list &&
          allowAction({ diagnostic, lang: result.lang, list, rulebookUri, rulebookText, canCreateFiles })
        if (action) actions.push(action)
      }
    }
    if (wants(FIX_ALL_KIND) && result?.version === document.version) {
      const fixAll = fixAllAction(document, result.diagnostics)
      if (fixAll) actions.push(fixAll)
    }
    return actions
  })

  connection.onExecuteCommand((params, token, progress) =>
    params.command === LINT_WORKSPACE_COMMAND ? lintWorkspace(token, progress) : null,
  )

  connection.onHover((params) => {
    const result = results.get(params.textDocument.uri)
    if (!result) return null
    const { line, character } = params.position
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
      a.line < b.line || (a.line === b.line && a.character <= b.character)
    const diagnostic = result.diagnostics.find(
      (candidate) =>
        candidate.code !== undefined &&
        before(candidate.range.start, { line, character }) &&
        before({ line, character }, candidate.range.end),
    )
    return diagnostic ? { contents: hoverText(diagnostic, result.lang), range: diagnostic.range } : null
  })

  documents.listen(connection)
}

/** Starts the server on the transport named by the process arguments (`--stdio`, `--node-ipc`, `--socket=`). */
export function startServer(): Connection {
  const connection = createConnection()
  createServer(connection)
  connection.listen()
  return connection
}
