/**
 * A real VS Code for end-to-end tests: code-server (VS Code in a browser)
 * from npm, driven through headless Debian chromium with playwright-core.
 * `install-code-server.sh` installs what is missing (apt-get, npm into a
 * gitignored cache). Everything the session writes (HOME, XDG dirs, TMPDIR,
 * VS Code's user data and extensions, chromium's profile) stays in one
 * temporary folder; `close()` stops every process it started and removes it.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { root } from '../../support/cli.js'

/** Where node 24 and code-server are installed (gitignored; survives between runs). */
export const CACHE = join(root, 'node_modules/.cache/post-lint-vscode-e2e')
const INSTALL_SCRIPT = join(root, 'test/e2e/support/install-code-server.sh')
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** Sessions not closed yet: closeAll() stops them, even one whose start a hook timeout cut short. */
const running = new Set<() => Promise<void>>()

export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((close) => close()))
}

export interface Installed {
  node: string
  codeServer: string
  chromium: string
}

/** Installs (or finds) chromium, Node 24 and code-server; throws with the installer's output when it cannot. */
export function installCodeServer(timeout: number): Installed {
  let output: string
  try {
    output = execFileSync('bash', [INSTALL_SCRIPT, CACHE], { encoding: 'utf8', timeout, stdio: 'pipe' })
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string }
    throw new Error(
      `code-server and chromium are required by this test and could not be installed (${INSTALL_SCRIPT}): ${stderr || message}`,
    )
  }
  const values = Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^(\w+)=(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  )
  return { node: values.node!, codeServer: values.codeServer!, chromium: values.chromium! }
}

export interface Session {
  page: Page
  /** The opened workspace folder. */
  workspace: string
  /** VS Code's user settings file. */
  userSettings: string
  /** code-server's output so far, and VS Code's logs (for failure messages). */
  logs(): string
  /** Copies VS Code's logs and code-server's output to `folder`. */
  saveLogs(folder: string): void
  close(): Promise<void>
}

export interface SessionOptions {
  installed: Installed
  vsix: string
  /** Workspace files: path → text. */
  files: Record<string, string>
  settings?: Record<string, unknown>
  startTimeout?: number
}

/** Installs the .vsix, starts code-server on a free port and opens the workspace in chromium. */
export async function openVsCode(options: SessionOptions): Promise<Session> {
  const { installed } = options
  const temporary = mkdtempSync(join(tmpdir(), 'post-lint-vscode-'))
  const folder = (name: string) => {
    const path = join(temporary, name)
    mkdirSync(path, { recursive: true })
    return path
  }
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(installed.node)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: folder('home'),
    XDG_CONFIG_HOME: folder('config'),
    XDG_DATA_HOME: folder('data'),
    XDG_CACHE_HOME: folder('cache'),
    XDG_STATE_HOME: folder('state'),
    XDG_RUNTIME_DIR: folder('runtime'),
    TMPDIR: folder('tmp'),
    LANG: 'C.UTF-8',
  }
  const userData = folder('user-data')
  const extensions = folder('extensions')
  const workspace = folder('workspace')
  for (const [name, text] of Object.entries(options.files)) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true })
    writeFileSync(join(workspace, name), text)
  }
  const userSettings = join(folder('user-data/User'), 'settings.json')
  writeFileSync(
    userSettings,
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      ...options.settings,
    }),
  )

  const common = ['--user-data-dir', userData, '--extensions-dir', extensions]
  const run = (args: string[]) =>
    execFileSync(installed.node, [installed.codeServer, ...common, ...args], {
      env,
      cwd: temporary,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 60_000,
    })
  let output = run(['--install-extension', options.vsix])

  const server = spawn(
    installed.node,
    [
      installed.codeServer,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    // Its own process group: close() stops code-server, its extension host and the language server at once.
    { env, cwd: temporary, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  let context: BrowserContext | undefined
  const savedTmpdir = process.env.TMPDIR

  const logs = () => {
    const vscodeLogs = join(userData, 'logs')
    const lines = [`code-server output:\n${output.slice(-6000)}`]
    if (existsSync(vscodeLogs)) {
      for (const file of walk(vscodeLogs).filter((path) => /exthost|post-lint/.test(path))) {
        lines.push(`${file.slice(vscodeLogs.length + 1)}:\n${readTail(file)}`)
      }
    }
    return lines.join('\n\n')
  }

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= stop()
    return closing
  }
  const stop = async () => {
    await context?.close().catch(() => undefined)
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, 'SIGTERM')
      } catch {
        server.kill('SIGTERM')
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-server.pid!, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 5000)
      await exited
      clearTimeout(killer)
    }
    // Whatever is left of the group (the extension host, the language server) goes too.
    try {
      process.kill(-server.pid!, 'SIGKILL')
    } catch {
      // none left
    }
    if (savedTmpdir === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = savedTmpdir
    rmSync(temporary, { recursive: true, force: true, maxRetries: 3 })
    running.delete(close)
  }
  running.add(close)

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`code-server did not start:\n${output}`)),
        options.startTimeout ?? 30_000,
      )
      const read = (chunk: Buffer) => {
        output += chunk
        const match = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1]!)
        }
      }
      server.stdout.on('data', read)
      server.stderr.on('data', read)
      server.once('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${output}`)))
    })
    // playwright-core puts its own temporary files in os.tmpdir(): keep those in the folder too.
    process.env.TMPDIR = env.TMPDIR
    context = await chromium.launchPersistentContext(folder('chromium'), {
      executablePath: installed.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      env,
      viewport: { width: 1280, height: 800 },
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`)
    await page.locator('.monaco-workbench').waitFor({ timeout: options.startTimeout ?? 30_000 })
    return {
      page,
      workspace,
      userSettings,
      logs,
      saveLogs(target) {
        mkdirSync(target, { recursive: true })
        writeFileSync(join(target, 'code-server.log'), output)
        const vscodeLogs = join(userData, 'logs')
        if (existsSync(vscodeLogs)) cpSync(vscodeLogs, join(target, 'vscode-logs'), { recursive: true })
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-3000)
  } catch {
    return ''
  }
}
