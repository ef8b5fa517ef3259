/**
 * The browser bundle (`post-lint/browser`, packages/cli/scripts/browser-bundle.mjs):
 * built here into a temporary folder, it has no Node built-in and no import
 * left, the build fails on a Node built-in, and in headless Chromium (Debian's,
 * driven by playwright-core) a page lints a Dutch and an English draft with a
 * rulebook and gets the same findings as Node.
 * `support/install-chromium.sh` installs Chromium when it is missing (apt-get,
 * as root); when that is impossible the test fails. Build first: tsc -b.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM build script.
import { buildBrowserBundle } from '../../packages/cli/scripts/browser-bundle.mjs'
import { lint as lintInNode } from '../../packages/cli/src/api.js'
import { root } from '../support/cli.js'
import { TEAM_RULEBOOK } from '../support/team.js'

const INSTALL_TIMEOUT = 300_000
const ORIGIN = 'http://post-lint.test'

const DUTCH = `---
lang: nl
---
Onze cliënten vonden het kutweer! Bel ons op 020 123 4567 of Jan op 06-12345678.

Het wifi-wachtwoord is Zomer2024! en de deurcode is 4821.
`
const ENGLISH = `---
lang: en
---
The chairman thanked our volunteers. Deploy token: ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c
`

/** A web page that uses the bundle as a module script. */
const PAGE = `<!doctype html>
<title>post-lint</title>
<script type="module">
  import { lint } from './post-lint.js'
  window.postLint = { lint }
</script>
`

interface Metafile {
  inputs: Record<string, unknown>
  outputs: Record<string, { imports: Array<{ path: string; external?: boolean }>; bytes: number }>
}

const work = mkdtempSync(join(tmpdir(), 'post-lint-browser-'))
const bundle = join(work, 'post-lint.js')
let metafile: Metafile
let browser: Browser | undefined

beforeAll(async () => {
  metafile = await buildBrowserBundle({ outfile: bundle })
  execFileSync('bash', [join(root, 'test/e2e/support/install-chromium.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: INSTALL_TIMEOUT,
  })
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}, INSTALL_TIMEOUT + 60_000)

afterAll(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the browser bundle', () => {
  it('is one module with no Node built-in and no import left; secretlint is left out', () => {
    const inputs = Object.keys(metafile.inputs)
    expect(inputs.some((input) => input.includes('packages/checks/dist/'))).toBe(true)
    expect(inputs.some((input) => input.includes('packages/rulebook/dist/'))).toBe(true)
    expect(inputs.filter((input) => /^node:|(^|\/)node_modules\/@secretlint\//.test(input))).toEqual([])
    expect(inputs).toContain('node-only:@secretlint/core')
    const outputs = Object.values(metafile.outputs)
    expect(outputs.flatMap((output) => output.imports)).toEqual([])
    // A budget, so that growth is noticed: about 2.4 MB today.
    expect(statSync(bundle).size).toBeLessThan(4_000_000)
  })

  it('fails to build when anything imports a Node built-in', async () => {
    for (const specifier of ['node:fs', 'path']) {
      const entry = join(work, `uses-${specifier.replace(':', '-')}.js`)
      writeFileSync(entry, `import * as module from '${specifier}'\nexport default module\n`)
      await expect(buildBrowserBundle({ entry, outfile: join(work, 'wrong.js') })).rejects.toThrow(
        new RegExp(`Node built-in “${specifier}” imported by .*uses-`),
      )
    }
  })
})

describe('lint() in Chromium', () => {
  it('finds what Node finds in a Dutch and an English draft, with a rulebook', async () => {
    const page = await browser!.newPage()
    const errors: string[] = []
    const elsewhere: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    // The page and the bundle come from a made-up origin; nothing else may be fetched.
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: PAGE })
      if (url === `${ORIGIN}/post-lint.js`)
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(bundle, 'utf8') })
      elsewhere.push(url)
      return route.abort()
    })
    await page.goto(`${ORIGIN}/`)
    await page.waitForFunction(() => 'postLint' in window)
    const inBrowser = await page.evaluate(
      async ({ drafts, rulebook }) => {
        const { lint } = (window as unknown as { postLint: { lint: typeof lintInNode } }).postLint
        const results = []
        for (const text of drafts) {
          const result = await lint(text, { rulebook })
          results.push({ lang: result.lang, messages: result.messages })
        }
        const broken = await lint('x', { rulebook: 'rules:\n  profanty: error\n' }).catch(
          (error: Error) => error.name,
        )
        return { results, broken, node: typeof (globalThis as { process?: unknown }).process }
      },
      { drafts: [DUTCH, ENGLISH], rulebook: TEAM_RULEBOOK },
    )
    await page.close()
    expect(errors).toEqual([])
    expect(elsewhere).toEqual([])
    expect(inBrowser.node).toBe('undefined')
    expect(inBrowser.broken).toBe('RulebookError')

    const [dutch, english] = inBrowser.results
    expect(dutch!.lang).toBe('nl')
    expect(dutch!.messages.map((m) => `${m.ruleId}:${m.severity}:${m.actual}`)).toEqual([
      'deelnemers:warning:cliënten',
      'profanity:error:kutweer',
      'personal-data:error:06-12345678',
      'secrets:error:Zo••••••••',
      'secrets:error:••••',
    ])
    expect(english!.lang).toBe('en')
    expect(english!.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual([
      'insensitive:warning',
      'secrets:error',
    ])
    expect(english!.messages[1]!.actual).not.toContain('Ab3dEf6hIj9k')
    // Exactly what the same function gives in Node (where secretlint runs as well).
    for (const [index, text] of [DUTCH, ENGLISH].entries()) {
      const node = await lintInNode(text, { rulebook: TEAM_RULEBOOK })
      expect(inBrowser.results[index]!.messages).toEqual(JSON.parse(JSON.stringify(node.messages)))
    }
  }, 60_000)
})
