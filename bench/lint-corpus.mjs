#!/usr/bin/env node
/**
 * One benchmark subject, run as its own process by bench/run.mjs:
 *
 *   node bench/lint-corpus.mjs <mode> <dir|file>
 *
 * mode: `parse` – remark-parse + remark-frontmatter + remark-gfm → mdast-util-to-nlcst
 *                 with parse-english, no checks (the floor any checker pays);
 *       `two`   – post-lint with only `profanity` (sureness 0) and `insensitive`, default ignore lists off,
 *                 the two checks alex runs;
 *       `all`   – post-lint with every built-in rule at its default severity.
 *
 * Reads every `.md` file (sorted) one after the other, like a CLI would, and
 * prints one JSON line on stdout: files, messages (per rule), timings
 * inside the process and `maxRssKb` from process.resourceUsage().
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const started = performance.now()
const [mode, target] = process.argv.slice(2)
if (!['parse', 'two', 'all'].includes(mode) || !target) {
  console.error('usage: node bench/lint-corpus.mjs <parse|two|all> <dir|file>')
  process.exit(2)
}

const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(target, name))
  : [target]

/** Returns `(text, filePath) => Promise<{ messages, byRule? }>` for the mode. */
async function subject() {
  if (mode === 'parse') {
    // The same packages (and versions) @post-lint/core uses.
    const require = createRequire(new URL('../packages/core/package.json', import.meta.url))
    const load = (name) => import(pathToFileURL(require.resolve(name)).href)
    const [
      { unified },
      { default: remarkParse },
      { default: remarkFrontmatter },
      { default: remarkGfm },
      { toNlcst },
      { ParseEnglish },
      { VFile },
    ] = await Promise.all(
      [
        'unified',
        'remark-parse',
        'remark-frontmatter',
        'remark-gfm',
        'mdast-util-to-nlcst',
        'parse-english',
        'vfile',
      ].map(load),
    )
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
    const parser = new ParseEnglish()
    return (text) => {
      const mdast = processor.parse(text)
      // Keep the tree reachable until here, as a checker would.
      const nlcst = toNlcst(mdast, new VFile(text), parser)
      return { messages: 0, nodes: nlcst.children.length }
    }
  }
  const { Linter } = await import('@post-lint/core')
  const { builtinRules } = await import('@post-lint/checks')
  const config =
    mode === 'two'
      ? {
          rules: {
            ...Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off'])),
            // alex's checks exactly: the libraries' full lists, none of post-lint's
            // care-sector defaults (ignore lists) that make it quieter.
            profanity: ['warning', { sureness: 0, ignore: [] }],
            insensitive: ['warning', { ignore: [], ignorePatterns: [] }],
          },
        }
      : {}
  const linter = new Linter({ rules: builtinRules, config })
  activeRules = linter.activeRules.map((rule) => rule.id)
  return async (text, filePath) => {
    const result = await linter.lint(text, { filePath })
    return { messages: result.messages.length, result }
  }
}

let activeRules
const run = await subject()
const loaded = performance.now()

let messages = 0
let paragraphs = 0
const byRule = {}
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const outcome = await run(text, file)
  messages += outcome.messages
  if (outcome.nodes) paragraphs += outcome.nodes
  if (outcome.result) {
    for (const message of outcome.result.messages) byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1
  }
}
const done = performance.now()

process.stdout.write(
  `${JSON.stringify({
    mode,
    files: files.length,
    messages: mode === 'parse' ? null : messages,
    byRule: mode === 'parse' ? null : byRule,
    // Top-level nlcst nodes (paragraphs and white space): proof the parse ran.
    nlcstNodes: mode === 'parse' ? paragraphs : undefined,
    activeRules,
    loadMs: Math.round(loaded - started),
    lintMs: Math.round(done - loaded),
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
