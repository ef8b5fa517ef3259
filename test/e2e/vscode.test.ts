/**
 * The extension in a real VS Code: the .vsix that `pnpm package` builds,
 * installed into code-server (VS Code 1.139 in a browser) and driven through
 * headless chromium like a writer would: squiggles, the Problems panel, the
 * severity floor, a quick fix, checking the whole workspace (with its progress
 * notification), the status bar with a good and a broken rulebook, restarting
 * the server, creating a rulebook, and Restricted Mode (the workspace is
 * opened untrusted: drafts are still checked, but a rulebook path from the
 * workspace's settings is ignored until the folder is trusted).
 * `support/install-code-server.sh` installs chromium, Node 24 and code-server
 * when missing; when that is impossible the test fails (CI is meant to run it).
 * Build first (pnpm test does): node scripts/generate.mjs && npx tsc -b.
 * Screenshot, .vsix and logs: test-artifacts/vscode/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { root } from '../support/cli.js'
import { closeAll, installCodeServer, openVsCode, type Session } from './support/code-server.js'

const ARTIFACTS = join(root, 'test-artifacts/vscode')
/** The quick fix menu over a draft with its findings (the README's screenshot). */
const SCREENSHOT = join(ARTIFACTS, 'quick-fix.png')
const VSIX = join(ARTIFACTS, 'post-lint-vscode.vsix')

/** A cold install (apt-get, Node 24, code-server's native modules) took 3–4 minutes here on 2 cores. */
const INSTALL_TIMEOUT = 20 * 60_000
const WAIT = 20_000

const RULEBOOK = 'language: en\nrules:\n  profanity: error\n'
const BROKEN = 'language: en\nrules:\n  profanity: loud\n'
/** The workspace's settings, `postLint.rulebook` (restricted) kept. */
const workspaceSettings = (settings: Record<string, unknown>) =>
  JSON.stringify({ 'postLint.rulebook': 'strict.yml', ...settings })

const ARCHIVED = 500

const FILES = {
  'post-lint.yml': RULEBOOK,
  'post.md': '---\nlang: en\n---\nThe chairman said the weather was crap.\n',
  'drafts/bake-sale.md': '---\nlang: en\n---\nWhat a crap day for the bake sale.\n',
  // A restricted setting: ignored while the folder is not trusted.
  'strict.yml': 'language: en\nrules:\n  profanity: off\n  insensitive: error\n',
  '.vscode/settings.json': workspaceSettings({}),
  // Enough clean drafts for the workspace check to take a moment (and show its progress).
  ...Object.fromEntries(
    Array.from({ length: ARCHIVED }, (_, n) => [
      `archive/${n}.md`,
      `---\nlang: en\n---\nThe bake sale on day ${n} raised money for the food bank.\n`,
    ]),
  ),
}

let session: Session | undefined
let page: Page

beforeAll(async () => {
  const installed = installCodeServer(INSTALL_TIMEOUT)
  rmSync(ARTIFACTS, { recursive: true, force: true })
  mkdirSync(ARTIFACTS, { recursive: true })
  execFileSync(process.execPath, [join(root, 'packages/vscode/scripts/package.mjs'), '--out', VSIX], {
    stdio: 'pipe',
  })
  // The terminal's DOM renderer: its text can be read.
  const settings = { 'terminal.integrated.gpuAcceleration': 'off' }
  session = await openVsCode({ installed, vsix: VSIX, files: FILES, settings })
  page = session.page
}, INSTALL_TIMEOUT + 120_000)

afterAll(async () => {
  session?.saveLogs(join(ARTIFACTS, 'logs'))
  await closeAll()
})

/** On failure: a screenshot and the logs next to the test's artifacts. */
function keepEvidence(name: string): void {
  onTestFailed(async () => {
    await page?.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`) }).catch(() => undefined)
    writeFileSync(join(ARTIFACTS, `failed-${name}.html`), (await page?.content().catch(() => '')) ?? '')
    console.error(session?.logs())
  })
}

// ---------------------------------------------------------------------------
// Driving VS Code

const squiggles = (kind: 'error' | 'warning' | 'info') =>
  page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).count()

const statusItem = () => page.locator('[id="post-lint.post-lint-vscode.postLint.rulebook"]')

async function problemRows(): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-tl-row').allInnerTexts()).map((text) =>
    text.replace(/\s+/g, ' ').trim(),
  )
}

async function editorLines(): Promise<string[]> {
  return (await page.locator('.editor-instance .monaco-editor .view-line').allTextContents()).map((text) =>
    text.replace(/\u00a0/g, ' '),
  )
}

/** Types into the quick input (Quick Open, command palette, go to line) and accepts the row with `pick`. */
async function quickInput(keys: string, text: string, pick?: string): Promise<void> {
  await page.keyboard.press(keys)
  const input = page.locator('.quick-input-widget .quick-input-box input')
  await input.waitFor()
  await input.fill(text)
  if (pick) await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor()
  await page.keyboard.press('Enter')
}

const openFile = (name: string) => quickInput('Control+P', name, name)
const runCommand = (title: string) => quickInput('F1', `>${title}`, title)

/** Writes the workspace's .vscode/settings.json (VS Code watches it). */
function setWorkspaceSettings(settings: Record<string, unknown>): void {
  writeFileSync(join(session!.workspace, '.vscode/settings.json'), workspaceSettings(settings))
}

// ---------------------------------------------------------------------------

describe('VS Code (code-server 4.139.1 = VS Code 1.139, headless chromium)', () => {
  it('ships the licences of the npm packages bundled into out/', async () => {
    // The extension's own packager (its devDependency) names what goes into the .vsix.
    const vsce = createRequire(join(root, 'packages/vscode/package.json'))('@vscode/vsce') as {
      listFiles: (options: { cwd: string; dependencies: boolean }) => Promise<string[]>
    }
    const packed = await vsce.listFiles({ cwd: join(root, 'packages/vscode'), dependencies: false })
    expect(packed).toContain('out/THIRD-PARTY-NOTICES.txt')
    const text = readFileSync(join(root, 'packages/vscode/out/THIRD-PARTY-NOTICES.txt'), 'utf8')
    for (const name of ['vscode-languageclient', 'vscode-languageserver', 'micromark'])
      expect(text, name).toMatch(new RegExp(`^- ${name}$`, 'm'))
  })

  it('checks a draft in Restricted Mode: squiggles and the rulebook in the status bar', async () => {
    keepEvidence('squiggles')
    await page.locator('[id="status.workspaceTrust"]', { hasText: 'Restricted Mode' }).waitFor()
    await openFile('post.md')
    await expect.poll(() => squiggles('error'), { timeout: WAIT }).toBe(1)
    await expect.poll(() => squiggles('warning'), { timeout: WAIT }).toBe(1)
    // The workspace's postLint.rulebook (strict.yml) is restricted: the nearest post-lint.yml is used.
    await expect.poll(() => statusItem().textContent(), { timeout: WAIT }).toContain('post-lint.yml')
    expect(await statusItem().getAttribute('aria-label')).toContain(join(session!.workspace, 'post-lint.yml'))
  })

  it('lists the findings in the Problems panel', async () => {
    keepEvidence('problems')
    await page.keyboard.press('Control+Shift+M')
    await expect
      .poll(problemRows, { timeout: WAIT })
      .toEqual([
        expect.stringMatching(/^post\.md ?2$/),
        expect.stringMatching(
          /^Don’t use “crap”: it is profane.*post-lint \(?profanity\)? ?\[Ln 4, Col 35\]$/,
        ),
        expect.stringMatching(
          /^“chairman” may hurt or exclude people.*post-lint \(?insensitive\)? ?\[Ln 4, Col 5\]$/,
        ),
      ])
  })

  it('hides findings below postLint.severityFloor', async () => {
    keepEvidence('floor')
    setWorkspaceSettings({ 'postLint.severityFloor': 'error' })
    await expect.poll(() => squiggles('warning'), { timeout: WAIT }).toBe(0)
    expect(await squiggles('error')).toBe(1)
    await expect.poll(problemRows, { timeout: WAIT }).toHaveLength(2)
    setWorkspaceSettings({})
    await expect.poll(() => squiggles('warning'), { timeout: WAIT }).toBe(1)
  })

  it('applies a quick fix chosen with Ctrl+.', async () => {
    keepEvidence('quick-fix')
    await page.locator('.editor-instance .monaco-editor .view-lines').click()
    await quickInput('Control+G', ':4:6')
    await page.keyboard.press('Control+.')
    const menu = page.locator('.action-widget')
    await menu.locator('.monaco-list-row', { hasText: 'Open the documentation of insensitive' }).waitFor()
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' })
    await page.screenshot({ path: SCREENSHOT })
    await menu.locator('.monaco-list-row', { hasText: 'Replace with “chairperson”' }).click()
    await expect.poll(editorLines, { timeout: WAIT }).toContain('The chairperson said the weather was crap.')
    await expect.poll(() => squiggles('warning'), { timeout: WAIT }).toBe(0)
    expect(await squiggles('error')).toBe(1)
  })

  it('checks every draft in the workspace into the Problems panel', async () => {
    keepEvidence('workspace')
    await runCommand('post-lint: Check all drafts in the workspace')
    await page
      .locator('.notification-toast', { hasText: 'post-lint: checking the drafts in this workspace' })
      .waitFor({ timeout: WAIT })
    await page
      .locator('.statusbar', { hasText: `post-lint checked ${ARCHIVED + 2} drafts` })
      .waitFor({ timeout: WAIT })
    await expect
      .poll(problemRows, { timeout: WAIT })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^bake-sale\.md ?drafts ?1$/),
          expect.stringMatching(/^Don’t use “crap”.*post-lint \(?profanity\)? ?\[Ln 4, Col 8\]$/),
        ]),
      )
    await openFile('post.md')
    await expect.poll(() => squiggles('error'), { timeout: WAIT }).toBe(1)
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' })
    await page.screenshot({ path: join(ARTIFACTS, 'workspace.png') })
  })

  it('shows a broken rulebook in the status bar, and when it is mended', async () => {
    keepEvidence('broken')
    writeFileSync(join(session!.workspace, 'post-lint.yml'), BROKEN)
    await expect
      .poll(() => statusItem().getAttribute('aria-label'), { timeout: WAIT })
      .toMatch(/post-lint\.yml is broken.*post-lint\.yml:3:14: .*loud/s)
    expect(await statusItem().locator('.codicon-error').count()).toBe(1)
    writeFileSync(join(session!.workspace, 'post-lint.yml'), RULEBOOK)
    await expect
      .poll(() => statusItem().getAttribute('aria-label'), { timeout: WAIT })
      .toContain('drafts here are checked with')
    expect(await statusItem().locator('.codicon-error').count()).toBe(0)
  })

  it('restarts the language server', async () => {
    keepEvidence('restart')
    await runCommand('post-lint: Restart the language server')
    // The new server checks what is typed now.
    await page.locator('.editor-instance .monaco-editor .view-lines').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Shit happens.')
    await expect.poll(() => squiggles('error'), { timeout: WAIT }).toBe(2)
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Backspace')
    await expect.poll(() => squiggles('error'), { timeout: WAIT }).toBe(1)
  })

  it('uses the workspace’s rulebook setting once the folder is trusted', async () => {
    keepEvidence('trust')
    await runCommand('Workspaces: Manage Workspace Trust')
    await page
      .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })
      .first()
      .click()
    await page.locator('.workspace-trust-editor.trusted').waitFor()
    // VS Code 1.139 shows the trust editor as a modal.
    await page.locator('.modal-editor-part [aria-label^="Close Modal Editor"]').click()
    await page.locator('.modal-editor-part').waitFor({ state: 'hidden' })
    await openFile('post.md')
    await expect.poll(() => statusItem().textContent(), { timeout: WAIT }).toContain('strict.yml')
    // strict.yml: profanity off, insensitive an error (nothing left after the quick fix).
    await expect.poll(() => squiggles('error'), { timeout: WAIT }).toBe(0)
  })

  it('creates a rulebook with post-lint init in a terminal, and opens it', async () => {
    keepEvidence('init')
    rmSync(join(session!.workspace, 'post-lint.yml'))
    await runCommand('post-lint: Create a rulebook (post-lint.yml)')
    const terminal = page.locator('.terminal-wrapper.active .xterm')
    await terminal.waitFor()
    await expect.poll(() => terminal.textContent(), { timeout: WAIT }).toContain('(nl/en)')
    // Every question's default: language, platforms, name, vault, then handle and owners for 3 platforms.
    for (let answer = 0; answer < 10; answer++) await page.keyboard.press('Enter')
    await expect
      .poll(() => existsSync(join(session!.workspace, 'post-lint.yml')), { timeout: WAIT })
      .toBe(true)
    await page.locator('.tab.active', { hasText: 'post-lint.yml' }).waitFor({ timeout: WAIT })
    expect(readFileSync(join(session!.workspace, 'post-lint.yml'), 'utf8')).toMatch(/^# yaml-language-server/)
  })
})
