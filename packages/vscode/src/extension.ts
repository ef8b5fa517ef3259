/**
 * post-lint for VS Code: starts the bundled language server for Markdown and
 * plain-text drafts (and rulebooks), shows the rulebook in use in the status
 * bar, applies the severity floor, and adds the commands: check the whole
 * workspace, open a rule's documentation, create a rulebook, restart.
 * Imports only types from the server: the server runs in its own process.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { LINT_WORKSPACE_COMMAND, RulebookStatus, STATUS_NOTIFICATION } from 'post-lint-language-server'
import * as vscode from 'vscode'
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node.js'
import { reachesFloor, SETTINGS_SECTION, severityFloorOf, statusView } from './settings.js'

export { SETTINGS_SECTION }

const STATUS: typeof STATUS_NOTIFICATION = 'postLint/status'
const LINT_WORKSPACE: typeof LINT_WORKSPACE_COMMAND = 'post-lint.lintWorkspace'
const RULEBOOK_NAMES = ['post-lint.yml', '.post-lint.yml']
const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext'])
/** twitter-text (platform lengths) requires Node's deprecated punycode: no warning about that for writers. */
const NODE_FLAGS = ['--disable-warning=DEP0040']

let client: LanguageClient | undefined

/** Drafts → the rulebook status the server last sent for them. */
const statuses = new Map<string, RulebookStatus>()

function floorFor(uri: vscode.Uri): (diagnostic: vscode.Diagnostic) => boolean {
  const floor = severityFloorOf(vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get('severityFloor'))
  return (diagnostic) => diagnostic.source !== 'post-lint' || reachesFloor(diagnostic.severity, floor)
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('out/server.mjs')
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: NODE_FLAGS } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...NODE_FLAGS, '--nolazy', '--inspect=6019'] },
    },
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      // Rulebooks: the server shows their problems while they are edited.
      { scheme: 'file', pattern: `**/{${RULEBOOK_NAMES.join(',')}}` },
    ],
    diagnosticCollectionName: 'post-lint',
    middleware: {
      // The severity floor, pushed (workspace check) and pulled alike.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.filter(floorFor(uri))),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token)
        if (report?.kind !== 'full') return report
        const uri = document instanceof vscode.Uri ? document : document.uri
        return { ...report, items: report.items.filter(floorFor(uri)) }
      },
      // A draft opened after the workspace check: its pulled diagnostics replace the pushed ones.
      didOpen: (document, next) => {
        client?.diagnostics?.delete(document.uri)
        return next(document)
      },
      // Each finding with a documentation page gets an action that opens it.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = (await next(document, range, context, token)) ?? []
        const seen = new Set<string>()
        for (const diagnostic of context.diagnostics) {
          const id = ruleOf(diagnostic)
          if (diagnostic.source !== 'post-lint' || !id || !docsOf(diagnostic) || seen.has(id)) continue
          seen.add(id)
          const action = new vscode.CodeAction(`Open the documentation of ${id}`, vscode.CodeActionKind.Empty)
          action.command = { command: 'postLint.openRuleDocs', title: action.title, arguments: [id] }
          actions.push(action)
        }
        return actions
      },
    },
  }
  return new LanguageClient('postLint', 'post-lint', serverOptions, clientOptions)
}

// ---------------------------------------------------------------------------
// Status bar

function createStatusBar(context: vscode.ExtensionContext): () => void {
  const item = vscode.window.createStatusBarItem('postLint.rulebook', vscode.StatusBarAlignment.Right, 100)
  item.name = 'post-lint rulebook'
  context.subscriptions.push(item)
  const update = () => {
    const document = vscode.window.activeTextEditor?.document
    if (!document || !DRAFT_LANGUAGES.has(document.languageId)) {
      item.hide()
      return
    }
    const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get('enable') !== false
    const status = statuses.get(document.uri.toString())
    if (!enabled) {
      Object.assign(item, {
        text: '$(circle-slash) post-lint: off',
        tooltip: 'post-lint is switched off here (postLint.enable)',
        backgroundColor: undefined,
        command: undefined,
      })
    } else if (!status) {
      Object.assign(item, {
        text: '$(sync~spin) post-lint',
        tooltip: 'post-lint is checking this draft',
        backgroundColor: undefined,
        command: undefined,
      })
    } else {
      const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath
      const view = statusView(status, (path) => (folder ? relative(folder, path) : path))
      item.text = view.text
      item.tooltip = view.tooltip
      item.backgroundColor = view.broken ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined
      item.command = status.rulebook
        ? {
            command: 'vscode.open',
            title: 'Open the rulebook',
            arguments: [vscode.Uri.file(status.rulebook)],
          }
        : 'postLint.createRulebook'
    }
    item.show()
  }
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) update()
    }),
  )
  update()
  return update
}

// ---------------------------------------------------------------------------
// Commands

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code
  const value = typeof code === 'object' ? code.value : code
  return value === undefined ? undefined : String(value)
}

function docsOf(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined
}

/** Opens a rule's documentation: the given rule, the finding at the cursor, or one picked from all findings. */
async function openRuleDocs(ruleId?: unknown): Promise<void> {
  const pages = new Map<string, vscode.Uri>()
  const add = (diagnostic: vscode.Diagnostic) => {
    const id = ruleOf(diagnostic)
    const page = docsOf(diagnostic)
    if (diagnostic.source === 'post-lint' && id && page && !pages.has(id)) pages.set(id, page)
  }
  let id = typeof ruleId === 'string' ? ruleId : undefined
  const editor = vscode.window.activeTextEditor
  if (!id && editor) {
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((diagnostic) => diagnostic.range.contains(editor.selection.active))
    here.forEach(add)
    id = [...pages.keys()][0]
  }
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) diagnostics.forEach(add)
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      [...pages].map(([rule, page]) => ({ label: rule, detail: page.toString() })),
      { placeHolder: 'Open the documentation of which post-lint rule?' },
    )
    id = picked?.label
    if (!id) {
      if (pages.size === 0)
        void vscode.window.showInformationMessage('post-lint: no findings to explain yet.')
      return
    }
  }
  const page = pages.get(id)
  if (page) await vscode.env.openExternal(page)
  else void vscode.window.showInformationMessage(`post-lint: the rule ${id} has no documentation page.`)
}

/** Runs `post-lint init` (the bundled CLI) in a terminal, where it asks its questions; then opens the rulebook. */
async function createRulebook(context: vscode.ExtensionContext): Promise<void> {
  const folder =
    vscode.workspace.workspaceFolders?.length === 1
      ? vscode.workspace.workspaceFolders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create post-lint.yml in which folder?' })
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length)
      void vscode.window.showWarningMessage('post-lint: open a folder first; the rulebook is written there.')
    return
  }
  const existing = RULEBOOK_NAMES.map((name) => join(folder.uri.fsPath, name)).find((path) =>
    existsSync(path),
  )
  if (existing) {
    await vscode.window.showTextDocument(vscode.Uri.file(existing))
    void vscode.window.showInformationMessage(
      `post-lint: ${relative(folder.uri.fsPath, existing)} already exists.`,
    )
    return
  }
  const terminal = vscode.window.createTerminal({
    name: 'post-lint init',
    cwd: folder.uri.fsPath,
    shellPath: process.execPath,
    shellArgs: [...NODE_FLAGS, context.asAbsolutePath('out/cli.mjs'), 'init'],
    // The editor's own runtime runs the CLI as Node.js (VS Code's is Electron).
    env: { ELECTRON_RUN_AS_NODE: '1' },
  })
  terminal.show()
  const done = vscode.window.onDidCloseTerminal(async (closed) => {
    if (closed !== terminal) return
    done.dispose()
    const written = join(folder.uri.fsPath, 'post-lint.yml')
    if (closed.exitStatus?.code === 0 && existsSync(written))
      await vscode.window.showTextDocument(vscode.Uri.file(written))
  })
  context.subscriptions.push(done)
}

/** Asks the server to check every draft of the workspace; its progress becomes a notification. */
async function lintWorkspace(): Promise<void> {
  const running = client
  if (!running?.isRunning()) {
    void vscode.window.showWarningMessage('post-lint: the language server is not running.')
    return
  }
  const checked = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'post-lint: checking the drafts in this workspace',
      cancellable: true,
    },
    async (progress, cancel) => {
      const token = randomUUID()
      let done = 0
      const listening = running.onProgress(
        WorkDoneProgress.type,
        token,
        (value: WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' }) => {
          if (value.kind === 'end') return
          const percentage = value.percentage ?? done
          progress.report({ message: value.message, increment: percentage - done })
          done = percentage
        },
      )
      try {
        return (await running.sendRequest(
          ExecuteCommandRequest.type,
          { command: LINT_WORKSPACE, arguments: [], workDoneToken: token },
          cancel,
        )) as number
      } finally {
        listening.dispose()
      }
    },
  )
  await vscode.commands.executeCommand('workbench.actions.view.problems')
  vscode.window.setStatusBarMessage(`post-lint checked ${checked} drafts`, 10_000)
}

// ---------------------------------------------------------------------------

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const updateStatus = createStatusBar(context)
  const start = async () => {
    client = createClient(context)
    client.onNotification(STATUS, (status: RulebookStatus) => {
      statuses.set(status.uri, status)
      if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) updateStatus()
    })
    await client.start()
  }
  context.subscriptions.push(
    vscode.commands.registerCommand('postLint.lintWorkspace', lintWorkspace),
    vscode.commands.registerCommand('postLint.openRuleDocs', openRuleDocs),
    vscode.commands.registerCommand('postLint.createRulebook', () => createRulebook(context)),
    vscode.commands.registerCommand('postLint.restartServer', async () => {
      statuses.clear()
      updateStatus()
      await client?.dispose()
      await start()
    }),
  )
  await start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
