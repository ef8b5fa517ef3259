#!/usr/bin/env node
/**
 * Edit → diagnostics in the language server (`pnpm bench`, or on its own:
 * `node bench/lsp.mjs [--edits N]`). Starts the built server over stdio with a
 * real JSON-RPC client that asks for diagnostics (LSP 3.17 pull, so no typing
 * debounce is counted), opens a 3,000-word newsletter and the 20,000-word
 * draft of the corpus, and times N single edits each (a word typed at a random
 * place, then `textDocument/diagnostic`), from sending the change to having
 * the diagnostics. Baseline in the same run: the same request after the draft was
 * closed and opened again, so every chunk is checked (what the server did on
 * every edit before it re-checked only what changed).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const server = join(root, 'packages/language-server/bin/post-lint-language-server.js')
const longFile = join(root, '.bench/corpus/long/long.md')

/** Runs the measurement; returns the figures per document. */
export async function measureLsp({ edits: count = 200 } = {}) {
  if (!existsSync(longFile))
    throw new Error(`${longFile} is missing: run pnpm bench once to generate the corpus`)
  const long = readFileSync(longFile, 'utf8')
  const documents = [
    { name: '3,000-word newsletter', text: firstWords(long, 3_000), targetMs: 30 },
    { name: '20,000-word draft', text: long, targetMs: 150 },
  ]
  const folder = mkdtempSync(join(tmpdir(), 'post-lint-lsp-bench-'))
  const child = spawn(process.execPath, [server, '--stdio'], {
    cwd: folder,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})))
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('workspace/diagnostic/refresh', () => null)
  connection.onNotification('window/logMessage', () => {})
  connection.listen()
  const results = []
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false } },
        workspace: { configuration: true },
      },
    })
    await connection.sendNotification('initialized', {})
    for (const [index, document] of documents.entries()) {
      const uri = pathToFileURL(join(folder, `draft-${index}.md`)).href
      let version = 1
      let text = document.text
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version, text },
      })
      const diagnose = async () => {
        const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })
        return report.items.length
      }
      const findings = await diagnose()
      const next = random(index + 1)
      // Baseline: the draft closed and opened again (no chunk cached), a few times.
      const full = []
      for (let round = 0; round < 7; round++) {
        const started = performance.now()
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } })
        await connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'markdown', version: ++version, text },
        })
        await diagnose()
        full.push(performance.now() - started)
      }
      // Edits: a word typed somewhere in the prose.
      const times = []
      for (let round = 0; round < count; round++) {
        const offset = Math.floor(next() * text.length)
        const { line, character } = positionOf(text, offset)
        const word = `${'word'.slice(0, 1 + (round % 4))} `
        text = text.slice(0, offset) + word + text.slice(offset)
        const started = performance.now()
        await connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: word }],
        })
        await diagnose()
        times.push(performance.now() - started)
      }
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } })
      results.push({
        name: document.name,
        words: document.text.split(/\s+/).filter(Boolean).length,
        findings,
        edits: count,
        p50Ms: percentile(times, 0.5),
        p95Ms: percentile(times, 0.95),
        maxMs: Math.max(...times),
        fullP50Ms: percentile(full, 0.5),
        targetMs: document.targetMs,
      })
    }
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
  } finally {
    connection.dispose()
    child.kill()
    rmSync(folder, { recursive: true, force: true })
  }
  return results
}

export function printLsp(results) {
  console.log('\nlanguage server, edit → diagnostics (pull request over stdio, after one typed word):')
  for (const result of results) {
    const verdict = result.p95Ms < result.targetMs ? 'under' : 'OVER'
    console.log(
      `  ${result.name.padEnd(22)} ${String(result.words).padStart(6)} words, ${result.findings} findings: ` +
        `p50 ${ms(result.p50Ms)}, p95 ${ms(result.p95Ms)} (${verdict} the ${result.targetMs} ms target), max ${ms(result.maxMs)}; ` +
        `whole draft re-checked ${ms(result.fullP50Ms)} → ${(result.fullP50Ms / result.p50Ms).toFixed(1)}× faster`,
    )
  }
}

function firstWords(text, count) {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '')
  const paragraphs = body.split(/\n\n+/)
  const kept = []
  let words = 0
  for (const paragraph of paragraphs) {
    if (words >= count) break
    kept.push(paragraph)
    words += paragraph.split(/\s+/).filter(Boolean).length
  }
  return `---\nlang: en\nplatform: newsletter\n---\n\n${kept.join('\n\n')}\n`
}

function positionOf(text, offset) {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return { line, character: offset - (before.lastIndexOf('\n') + 1) }
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

function random(seed) {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const ms = (value) => `${value.toFixed(1)} ms`

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '200' } } })
  printLsp(await measureLsp({ edits: Number(values.edits) }))
}
