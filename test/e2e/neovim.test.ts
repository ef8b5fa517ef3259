/**
 * The built `post-lint-language-server --stdio` in a real editor that no one
 * here wrote: Neovim from Debian (0.7, `vim.lsp.start_client`), headless,
 * attached to the server, writing down the diagnostics it received.
 * `support/install-neovim.sh` installs Neovim when it is missing (apt-get, as
 * root); when that is impossible the test fails: CI is meant to run it.
 * Build first: node scripts/generate.mjs && npx tsc -b.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root } from '../support/cli.js'

const server = join(root, 'packages/language-server/bin/post-lint-language-server.js')
const installScript = join(root, 'test/e2e/support/install-neovim.sh')

const INSTALL_TIMEOUT = 300_000
const NVIM_TIMEOUT = 30_000

const RULEBOOK = 'rules:\n  profanity: error\n'
const DRAFT = '---\nlang: en\n---\nThe chairman said the weather was crap.\n'

/**
 * Starts the server, attaches it to the buffer of the file being edited (the
 * filetype does not matter), waits for its diagnostics and writes them as JSON
 * lines to $POST_LINT_OUT, then quits. Paths come in through the environment.
 */
const INIT_LUA = `
local out = os.getenv('POST_LINT_OUT')

local function write(lines)
  local file = assert(io.open(out, 'w'))
  for _, line in ipairs(lines) do file:write(line, '\\n') end
  file:close()
end

local function check()
  local root = os.getenv('POST_LINT_ROOT')
  local id = vim.lsp.start_client({
    name = 'post-lint',
    cmd = { os.getenv('POST_LINT_NODE'), os.getenv('POST_LINT_SERVER'), '--stdio' },
    root_dir = root,
    settings = { postLint = { enable = true, run = 'onType' } },
  })
  if not id then error('vim.lsp.start_client failed') end
  if not vim.lsp.buf_attach_client(0, id) then error('vim.lsp.buf_attach_client failed') end
  local received = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  if not received then error('no diagnostics within 15 s') end
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(lines, vim.fn.json_encode({
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code or lsp.code,
      message = d.message,
      source = d.source,
    }))
  end
  write(lines)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(check)
    if not ok then
      write({ vim.fn.json_encode({ error = tostring(err) }) })
      vim.cmd('cquit! 1')
    end
    vim.cmd('qa!')
  end,
})
`

interface Received {
  lnum: number
  col: number
  end_lnum: number
  end_col: number
  severity: number
  code?: string
  message: string
  source?: string
  error?: string
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  ms: number
}

let folder = ''

beforeAll(() => {
  try {
    execFileSync('bash', [installScript], { encoding: 'utf8', timeout: INSTALL_TIMEOUT, stdio: 'pipe' })
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string }
    throw new Error(
      `Neovim is required by this test and could not be installed (${installScript}): ${stderr || message}`,
    )
  }
  folder = mkdtempSync(join(tmpdir(), 'post-lint-neovim-'))
  for (const dir of ['home', 'config', 'data', 'cache', 'state']) mkdirSync(join(folder, dir))
  writeFileSync(join(folder, 'post-lint.yml'), RULEBOOK)
  writeFileSync(join(folder, 'post.md'), DRAFT)
  writeFileSync(join(folder, 'init.lua'), INIT_LUA)
}, INSTALL_TIMEOUT + 10_000)

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** `nvim --headless --clean -u init.lua post.md` in the temp folder, with nothing of the user's. */
function runNeovim(out: string): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', join(folder, 'init.lua'), 'post.md'], {
      cwd: folder,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: join(folder, 'home'),
        XDG_CONFIG_HOME: join(folder, 'config'),
        XDG_DATA_HOME: join(folder, 'data'),
        XDG_CACHE_HOME: join(folder, 'cache'),
        XDG_STATE_HOME: join(folder, 'state'),
        XDG_CONFIG_DIRS: join(folder, 'config'),
        XDG_DATA_DIRS: '/usr/share',
        LANG: 'C.UTF-8',
        NO_COLOR: '1',
        POST_LINT_NODE: process.execPath,
        POST_LINT_SERVER: server,
        POST_LINT_ROOT: folder,
        POST_LINT_OUT: out,
      },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    let timedOut = false
    // nvim and the server it started are one process group: kill both.
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, NVIM_TIMEOUT)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, timedOut, stdout, stderr, ms: Date.now() - started })
    })
  })
}

describe('Neovim (headless, vim.lsp.start_client)', () => {
  it(
    'receives the diagnostics the server pushes for a draft',
    async () => {
      const out = join(folder, 'diagnostics.jsonl')
      const run = await runNeovim(out)
      const written = existsSync(out) ? readFileSync(out, 'utf8') : ''
      const logFile = join(folder, 'cache/nvim/lsp.log')
      const context = [
        `nvim exited with ${run.code ?? run.signal}${run.timedOut ? ` (killed after ${NVIM_TIMEOUT} ms)` : ''}`,
        `output: ${written || '(none)'}`,
        `stdout: ${run.stdout}`,
        `stderr: ${run.stderr}`,
        `lsp.log: ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '(none)'}`,
      ].join('\n')
      expect(run.timedOut, context).toBe(false)
      expect(run.code, context).toBe(0)

      const received = written
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Received)
        .sort((a, b) => a.lnum - b.lnum || a.col - b.col)
      expect(received.map((d) => d.code)).toEqual(['insensitive', 'profanity'])
      expect(received[0]).toMatchObject({
        lnum: 3,
        col: 4,
        end_lnum: 3,
        end_col: 12,
        source: 'post-lint',
      })
      expect(received[0]!.message).toContain('chairman')
      expect(received[1]).toEqual({
        lnum: 3,
        col: 34,
        end_lnum: 3,
        end_col: 38,
        severity: 1,
        code: 'profanity',
        message: expect.stringContaining('crap'),
        source: 'post-lint',
      })
    },
    NVIM_TIMEOUT + 15_000,
  )
})
