#!/usr/bin/env node
/**
 * `pnpm bench`: post-lint against alex and against a bare parse, on a generated
 * corpus of English drafts. See bench/README.md for what the figures mean.
 *
 * Options:
 *   --drafts N     number of ~300-word drafts (default 2000)
 *   --runs N       run every subject N times, keep the fastest (default 2)
 *   --skip-alex    do not run alex (the slowest part)
 *   --skip-lsp     do not measure the language server (edit → diagnostics)
 *   --scale N      also run the CLI on N drafts (default 10000; 0 = skip): does
 *                  peak memory grow with the corpus, do workers pay off
 *   --no-build     do not rebuild the workspace packages first
 *   --profile      also run post-lint (two checks) under `node --cpu-prof` and
 *                  print the functions with the most self time
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureCorpus } from './corpus.mjs'
import { measureLsp, printLsp } from './lsp.mjs'
import { formatTop, summarize } from './profile-top.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const benchDir = join(root, '.bench')
const corpusDir = join(benchDir, 'corpus')
const draftsDir = join(corpusDir, 'drafts')
const longFile = join(corpusDir, 'long', 'long.md')
const lintScript = join(root, 'bench', 'lint-corpus.mjs')
const probe = join(root, 'bench', 'rss-probe.mjs')
const alexBin = join(root, 'node_modules', '.bin', 'alex')
const rel = (path) => relative(root, path) || '.'

const { values: flags } = parseArgs({
  options: {
    drafts: { type: 'string', default: '2000' },
    'skip-alex': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'skip-lsp': { type: 'boolean', default: false },
    scale: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '2' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (flags.help) {
  console.log(
    'usage: pnpm bench [--drafts N] [--runs N] [--scale N] [--skip-alex] [--skip-lsp] [--no-build] [--profile]',
  )
  process.exit(0)
}
const drafts = Number(flags.drafts)
const rounds = Number(flags.runs)
const scale = Number(flags.scale)
for (const [name, value, min] of [
  ['drafts', drafts, 1],
  ['runs', rounds, 1],
  ['scale', scale, 0],
]) {
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not “${flags[name]}”`)
    process.exit(2)
  }
}

// 1. Build (the benchmark imports packages/*/dist).
let build = 'skipped'
if (!flags['no-build']) {
  const started = performance.now()
  const generate = spawnSync(process.execPath, ['scripts/generate.mjs'], { cwd: root, encoding: 'utf8' })
  let tsc =
    generate.status === 0
      ? spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b'], { cwd: root, encoding: 'utf8' })
      : undefined
  // The CLI subjects run the bundle, as users do.
  if (tsc?.status === 0)
    tsc = spawnSync(process.execPath, ['packages/cli/scripts/bundle.mjs'], { cwd: root, encoding: 'utf8' })
  if (generate.status === 0 && tsc?.status === 0) {
    build = 'ok'
    console.log(`build: ok (${seconds(performance.now() - started)})`)
  } else {
    const failed = generate.status !== 0 ? generate : tsc
    const output = `${failed.stdout}${failed.stderr}`.trim().split('\n').slice(0, 12).join('\n')
    if (
      !existsSync(join(root, 'packages/core/dist/index.js')) ||
      !existsSync(join(root, 'packages/checks/dist/index.js'))
    ) {
      console.error(`build failed and there is no earlier build to benchmark:\n${output}`)
      process.exit(1)
    }
    build = 'failed: benchmarked packages/*/dist as the failed build left it (older, or partly rebuilt)'
    console.warn(
      `\n!! build failed; benchmarking packages/*/dist as it is (older, or partly rebuilt by tsc -b):\n${indent(output)}\n`,
    )
  }
}

// 2. Corpus.
const corpusStart = performance.now()
const manifest = ensureCorpus(corpusDir, drafts)
console.log(
  `corpus: ${drafts} drafts, ${manifest.draftWords.toLocaleString('en')} words (~${Math.round(manifest.draftWords / drafts)} per draft) + one ${manifest.longWords.toLocaleString('en')}-word draft` +
    ` — ${manifest.regenerated ? `generated in ${seconds(performance.now() - corpusStart)}` : 'up to date'} (${rel(corpusDir)}, generator ${manifest.generator})`,
)
// The --scale corpus: the same generator, so its first drafts are the ones above.
let scaleManifest
if (scale > 0) {
  const started = performance.now()
  scaleManifest = ensureCorpus(join(benchDir, 'corpus-scale'), scale)
  console.log(
    `scale corpus: ${scale} drafts, ${scaleManifest.draftWords.toLocaleString('en')} words — ${scaleManifest.regenerated ? `generated in ${seconds(performance.now() - started)}` : 'up to date'}`,
  )
}
// Warm the page cache so the first subject does not pay for cold reads.
let heOrShe = 0
for (const name of readdirSync(draftsDir))
  heOrShe += (readFileSync(join(draftsDir, name), 'utf8').match(/\bhe or she\b/gi) ?? []).length

// 3. Measurement.
const gnuTime = hasGnuTime()
console.log(
  `peak RSS from: ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS in each child'}; ` +
    `${availableParallelism()} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}\n`,
)

const lintSubject = (key, name, mode, target) => ({
  key,
  name,
  command: process.execPath,
  args: [lintScript, mode, target],
  read(outcome) {
    if (outcome.code !== 0) fail(name, outcome)
    const data = JSON.parse(outcome.stdout.trim().split('\n').at(-1))
    return {
      maxRssKb: gnuTime ? outcome.maxRssKb : data.maxRssKb,
      files: data.files,
      messages: data.messages,
      byRule: data.byRule,
      nlcstNodes: data.nlcstNodes,
      activeRules: data.activeRules,
      loadMs: data.loadMs,
      lintMs: data.lintMs,
    }
  },
})

const plan = []
if (!flags['skip-alex']) {
  plan.push({
    key: 'alex',
    name: 'alex CLI (drafts)',
    command: gnuTime ? alexBin : process.execPath,
    // Without GNU time, run alex's cli.js behind a preload that reports maxRSS.
    args: gnuTime ? [draftsDir] : ['--import', probe, alexCli(), draftsDir],
    env: { NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0' },
    read(outcome) {
      // alex exits 1 when it finds something (frail); anything else is a failure.
      if (outcome.code !== 0 && outcome.code !== 1) fail('alex', outcome)
      return { maxRssKb: outcome.maxRssKb, ...readAlexReport(outcome.stderr) }
    },
  })
}
const longLabel = `1 × ${manifest.longWords.toLocaleString('en')} words`
plan.push(
  lintSubject('parse', 'bare parse (drafts)', 'parse', draftsDir),
  lintSubject('two', 'post-lint, two checks (drafts)', 'two', draftsDir),
  lintSubject('all', 'post-lint, all rules (drafts)', 'all', draftsDir),
  lintSubject('parseLong', `bare parse (${longLabel})`, 'parse', longFile),
  lintSubject('long', `post-lint, all rules (${longLabel})`, 'all', longFile),
)

// The CLI as users run it (bundle, workers, cache), on a copy of the drafts outside the
// repository (the repository's .gitignore names .bench/, and the CLI honours it).
const cliDir = join(tmpdir(), 'post-lint-bench-cli')
const cliDrafts = join(cliDir, 'drafts')
const cliCache = join(cliDir, 'cache.json')
rmSync(cliDir, { recursive: true, force: true })
cpSync(draftsDir, cliDrafts, { recursive: true })
const cliScaleDrafts = join(cliDir, 'scale')
if (scale > 0) cpSync(join(benchDir, 'corpus-scale', 'drafts'), cliScaleDrafts, { recursive: true })
// alex's two checks with alex's settings, as the `two` subject has them.
writeFileSync(
  join(cliDir, 'two.yml'),
  `rules:\n${builtinIds()
    .filter((id) => id !== 'profanity' && id !== 'insensitive')
    .map((id) => `  ${id}: off`)
    .join(
      '\n',
    )}\n  profanity: [warning, { sureness: 0, ignore: [] }]\n  insensitive: [warning, { ignore: [], ignorePatterns: [] }]\n`,
)
writeFileSync(
  join(cliDir, 'one.md'),
  '---\nlang: en\nplatform: x\n---\nThanks to every volunteer who came to the food bank on Saturday!\n',
)
const cliBin = join(root, 'packages', 'cli', 'bin', 'post-lint.js')
const cliSubject = (key, name, args, { before } = {}) => ({
  key,
  name,
  command: process.execPath,
  args: [cliBin, ...args],
  env: { NO_COLOR: '1', CI: '1' },
  before,
  read(outcome) {
    if (outcome.code !== 0 && outcome.code !== 1) fail(name, outcome)
    const problems = /✖ ([\d,]+) problems?/.exec(outcome.stdout)
    return {
      maxRssKb: outcome.maxRssKb,
      files:
        args.includes('--version') || args.includes(join(cliDir, 'one.md'))
          ? 1
          : args.includes(cliScaleDrafts)
            ? scale
            : drafts,
      messages: problems ? Number(problems[1].replace(/,/g, '')) : 0,
    }
  },
})
plan.push(
  cliSubject('cliVersion', 'CLI: post-lint --version', ['--version']),
  cliSubject('cliOne', 'CLI: one short draft, cold', ['--no-config', join(cliDir, 'one.md')]),
  cliSubject('cliTwo1', 'CLI: two checks, 1 worker', [
    '--config',
    join(cliDir, 'two.yml'),
    '--workers',
    '1',
    cliDrafts,
  ]),
  cliSubject('cliTwo', 'CLI: two checks, workers auto', ['--config', join(cliDir, 'two.yml'), cliDrafts]),
  cliSubject('cliAll1', 'CLI: all rules, 1 worker', ['--no-config', '--workers', '1', cliDrafts]),
  cliSubject('cliAll', 'CLI: all rules, workers auto', ['--no-config', cliDrafts]),
  cliSubject(
    'cliCold',
    'CLI: all rules, workers auto, cold --cache',
    ['--no-config', '--cache-location', cliCache, cliDrafts],
    { before: () => rmSync(cliCache, { force: true }) },
  ),
  cliSubject('cliWarm', 'CLI: all rules, warm --cache', [
    '--no-config',
    '--cache-location',
    cliCache,
    cliDrafts,
  ]),
)
const scaleLabel = `${scale.toLocaleString('en')} drafts`
if (scale > 0) {
  plan.push(
    cliSubject('cliScale1', `CLI: all rules, 1 worker, ${scaleLabel}`, [
      '--no-config',
      '--workers',
      '1',
      cliScaleDrafts,
    ]),
    cliSubject('cliScale', `CLI: all rules, workers auto, ${scaleLabel}`, ['--no-config', cliScaleDrafts]),
  )
}

// Rounds run every subject once, in turn, so a burst of load elsewhere on the
// machine hits all of them alike; each subject keeps its fastest run.
const runs = new Map(plan.map((subject) => [subject.key, []]))
for (let round = 1; round <= rounds; round++) {
  console.log(`round ${round}/${rounds}:`)
  for (const subject of plan) {
    process.stdout.write(`  ${subject.name} … `)
    subject.before?.()
    const outcome = await runChild(subject.command, subject.args, subject.env)
    const report = subject.read(outcome)
    runs.get(subject.key).push({ wallMs: Math.round(outcome.wallMs), exitCode: outcome.code, ...report })
    console.log(`${seconds(outcome.wallMs)}, ${mb(report.maxRssKb)}`)
  }
}
const results = {}
const subjects = plan.map((subject) => {
  const all = runs.get(subject.key)
  const best = all.reduce((a, b) => (b.wallMs < a.wallMs ? b : a))
  const entry = {
    key: subject.key,
    name: subject.name,
    command: [subject.command, ...subject.args].map(shortArg).join(' '),
    ...best,
    // Peak RSS: the highest of the runs.
    maxRssKb: Math.max(...all.map((run) => run.maxRssKb ?? Number.NaN)),
    runsWallMs: all.map((run) => run.wallMs),
  }
  results[subject.key] = entry
  return entry
})

// 4. Report.
console.log()
printTable(
  ['subject', 'files', `wall (best of ${rounds})`, 'in-process', 'peak RSS', 'messages'],
  subjects.map((entry) => [
    entry.name,
    String(entry.files),
    seconds(entry.wallMs),
    entry.lintMs === undefined ? '—' : `${seconds(entry.loadMs)} + ${seconds(entry.lintMs)}`,
    mb(entry.maxRssKb),
    entry.messages === null || entry.messages === undefined ? '—' : entry.messages.toLocaleString('en'),
  ]),
)

const ratios = {}
console.log(
  '  (in-process = module loading and set-up + reading and linting the files, timed inside the child)',
)
console.log('\nratios (wall clock, whole process):')
if (results.alex) {
  ratios.alexOverTwo = results.alex.wallMs / results.two.wallMs
  ratios.alexOverTwoMemory = results.alex.maxRssKb / results.two.maxRssKb
  console.log(
    `  alex / post-lint (two checks)      ${times(ratios.alexOverTwo)} faster   (the library in one thread; the goal is the CLI's, below)`,
  )
  console.log(`  alex / post-lint (two checks) RSS  ${times(ratios.alexOverTwoMemory)} less memory`)
}
ratios.allOverParse = results.all.wallMs / results.parse.wallMs
ratios.allOverParseInProcess = results.all.lintMs / results.parse.lintMs
ratios.twoOverParse = results.two.wallMs / results.parse.wallMs
console.log(
  `  post-lint (all) / bare parse       ${times(ratios.allOverParse)}   (in-process, without startup: ${times(ratios.allOverParseInProcess)})`,
)
console.log(`  post-lint (two) / bare parse       ${times(ratios.twoOverParse)}`)
ratios.longOverParseLong = results.long.wallMs / results.parseLong.wallMs
ratios.longOverParseLongInProcess = results.long.lintMs / results.parseLong.lintMs
console.log(
  `  long draft: post-lint (all) / parse ${times(ratios.longOverParseLong)}   (in-process: ${times(ratios.longOverParseLongInProcess)})`,
)
const perWordDrafts = results.all.lintMs / manifest.draftWords
const perWordLong = results.long.lintMs / manifest.longWords
ratios.longPerWordOverDrafts = perWordLong / perWordDrafts
ratios.parseLongPerWordOverDrafts =
  results.parseLong.lintMs / manifest.longWords / (results.parse.lintMs / manifest.draftWords)
console.log(
  `  time per word, long / short drafts ${times(ratios.longPerWordOverDrafts)}   (${(perWordLong * 1000).toFixed(1)} vs ${(perWordDrafts * 1000).toFixed(1)} µs/word in-process, bare parse ${times(ratios.parseLongPerWordOverDrafts).trim()}; 1× = linear, but one file never warms up the JIT)`,
)

console.log('\nthe CLI as users run it (bundle, all its start-up included):')
ratios.cliVersionMs = results.cliVersion.wallMs
ratios.cliOneMs = results.cliOne.wallMs
ratios.cliWarmMs = results.cliWarm.wallMs
ratios.cliAllOverParse = results.cliAll1.wallMs / results.parse.wallMs
ratios.cliWorkersSpeedup = results.cliAll1.wallMs / results.cliAll.wallMs
const goal = (met) => (met ? 'met' : 'NOT met')
console.log(
  `  post-lint --version                ${ms(ratios.cliVersionMs)}   (goal < 150 ms) ${goal(ratios.cliVersionMs < 150)}`,
)
console.log(
  `  one short draft, cold              ${ms(ratios.cliOneMs)}   (goal < 400 ms) ${goal(ratios.cliOneMs < 400)}`,
)
console.log(
  `  all rules, 1 worker / bare parse   ${times(ratios.cliAllOverParse)}   (goal ≤ 2×) ${goal(ratios.cliAllOverParse <= 2)}; peak RSS ${mb(results.cliAll1.maxRssKb)} (goal < 200 MB) ${goal(results.cliAll1.maxRssKb < 200 * 1024)}`,
)
console.log(
  `  workers auto vs 1 worker           ${times(ratios.cliWorkersSpeedup)} faster (goal: faster, ≥ 1.1× to count beyond noise) ${goal(ratios.cliWorkersSpeedup >= 1.1)}; peak RSS ${mb(results.cliAll.maxRssKb)} (goal < 200 MB) ${goal(results.cliAll.maxRssKb < 200 * 1024)}`,
)
console.log(
  `  warm --cache, unchanged drafts     ${ms(ratios.cliWarmMs)}   (goal < 1 s) ${goal(ratios.cliWarmMs < 1000)}`,
)
if (results.cliScale1) {
  ratios.scaleRssOverDraftsRss = results.cliScale1.maxRssKb / results.cliAll1.maxRssKb
  ratios.scaleWorkersSpeedup = results.cliScale1.wallMs / results.cliScale.wallMs
  console.log(
    `  peak RSS, 1 worker, ${scaleLabel.padEnd(14)} ${mb(results.cliScale1.maxRssKb)} vs ${mb(results.cliAll1.maxRssKb)} for ${drafts.toLocaleString('en')} (${times(ratios.scaleRssOverDraftsRss).trim()}; goal: not growing) ${goal(ratios.scaleRssOverDraftsRss < 1.1)}`,
  )
  console.log(
    `  workers auto vs 1 worker, ${scaleLabel.padEnd(9)}${times(ratios.scaleWorkersSpeedup)} faster; peak RSS ${mb(results.cliScale.maxRssKb)}`,
  )
}
if (results.alex) {
  ratios.alexOverCliTwo = results.alex.wallMs / results.cliTwo.wallMs
  ratios.alexOverCliTwo1 = results.alex.wallMs / results.cliTwo1.wallMs
  console.log(
    `  alex / CLI two checks              ${times(ratios.alexOverCliTwo)} faster with workers, ${times(ratios.alexOverCliTwo1).trim()} with 1   (goal ≥ 8×) ${goal(ratios.alexOverCliTwo >= 8)}`,
  )
}

let comparison
if (results.alex) {
  const alex = results.alex
  const two = results.two
  const difference = two.messages - alex.messages
  comparison = {
    alex: alex.messages,
    postLint: two.messages,
    difference,
    percent: (difference / alex.messages) * 100,
    alexFiles: alex.files,
    byChecker: {
      'retext-equality vs insensitive': {
        alex: alex.bySource['retext-equality'] ?? 0,
        postLint: two.byRule.insensitive ?? 0,
      },
      'retext-profanities vs profanity': {
        alex: alex.bySource['retext-profanities'] ?? 0,
        postLint: two.byRule.profanity ?? 0,
      },
    },
    heOrSheInCorpus: heOrShe,
  }
  console.log('\nmessages, alex vs post-lint (two checks):')
  console.log(
    `  total                               ${pad(alex.messages)} vs ${pad(two.messages)}   difference ${signed(difference)} (${signed(comparison.percent.toFixed(1))}%)`,
  )
  for (const [label, counts] of Object.entries(comparison.byChecker)) {
    console.log(
      `  ${label.padEnd(34)}  ${pad(counts.alex)} vs ${pad(counts.postLint)}   difference ${signed(counts.postLint - counts.alex)}`,
    )
  }
  console.log(
    `  note: alex 11 uses retext-equality 6.6, where “he or she” (and other binary pairs) is allowed; post-lint’s insensitive\n` +
      `        reports both words unless option binary: true. The corpus has ${heOrShe} “he or she” (${2 * heOrShe} messages of that kind).`,
  )
  if (alex.files !== drafts)
    console.warn(`  !! alex reported on ${alex.files} files, not ${drafts}: its counts are not comparable`)
}

let profile
if (flags.profile) {
  const dir = join(benchDir, 'profile')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  process.stdout.write('\nprofiling post-lint (two checks) with --cpu-prof … ')
  const outcome = await runChild(process.execPath, [
    '--cpu-prof',
    '--cpu-prof-dir',
    dir,
    lintScript,
    'two',
    draftsDir,
  ])
  if (outcome.code !== 0) fail('profile', outcome)
  const file = join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
  )
  console.log(rel(file))
  const summary = summarize(file, 10)
  console.log(`self time by function (${seconds(summary.totalMs)} sampled):\n${formatTop(summary.functions)}`)
  console.log(`self time by package:\n${formatTop(summary.packages)}`)
  profile = { file: rel(file), ...summary }
}

// 5. Language server: edit → diagnostics (bench/lsp.mjs).
let lsp
if (!flags['skip-lsp']) {
  lsp = await measureLsp({ edits: 200 })
  printLsp(lsp)
}

const json = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim(),
  rssSource: gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  runs: rounds,
  build,
  corpus: { ...manifest, dir: rel(corpusDir) },
  scaleCorpus: scaleManifest ? { ...scaleManifest, dir: rel(join(benchDir, 'corpus-scale')) } : undefined,
  subjects,
  ratios,
  comparison,
  profile,
  lsp,
}
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`)
console.log(`\nfigures written to ${rel(join(benchDir, 'results.json'))}`)
if (build !== 'ok' && build !== 'skipped') console.warn(`!! ${build}`)

// ——— helpers ———

function ms(value) {
  return `${Math.round(value)} ms`.padStart(7)
}

function builtinIds() {
  return readdirSync(join(root, 'rules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'rules', entry.name, 'rule.yml')))
    .map((entry) => entry.name)
}

function hasGnuTime() {
  // POST_LINT_BENCH_NO_TIME=1 tries the fallback on a machine that has GNU time.
  if (process.env.POST_LINT_BENCH_NO_TIME || !existsSync('/usr/bin/time')) return false
  const check = spawnSync('/usr/bin/time', ['-v', '-o', '/dev/null', 'true'])
  return check.status === 0
}

function alexCli() {
  // pnpm's .bin/alex is a shell script that execs node on alex/cli.js.
  const shim = readFileSync(alexBin, 'utf8')
  const match = shim.match(/"\$basedir\/([^"]*alex\/cli\.js)"/)
  return match ? join(root, 'node_modules', '.bin', match[1]) : join(root, 'node_modules', 'alex', 'cli.js')
}

/** Run a command; wall clock from spawn to exit, peak RSS from GNU time or the probe. */
function runChild(command, args, env = {}) {
  const timeFile = join(tmpdir(), `post-lint-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`)
  const [file, argv] = gnuTime ? ['/usr/bin/time', ['-v', '-o', timeFile, command, ...args]] : [command, args]
  const childEnv = { ...process.env, ...env }
  if (!gnuTime) childEnv.POST_LINT_BENCH_RSS_FILE = timeFile
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      let maxRssKb
      let exitCode = code
      try {
        const text = readFileSync(timeFile, 'utf8')
        if (gnuTime) {
          maxRssKb = Number(text.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1])
          const status = text.match(/Exit status: (\d+)/)?.[1]
          if (status !== undefined) exitCode = Number(status)
        } else maxRssKb = Number(text.trim())
        rmSync(timeFile, { force: true })
      } catch {}
      resolve({
        code: exitCode,
        wallMs,
        maxRssKb,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      })
    })
  })
}

/** Counts from vfile-reporter's output: one header per file, one line per message. */
function readAlexReport(output) {
  const lines = output.split('\n')
  let files = 0
  let messages = 0
  const bySource = {}
  for (const line of lines) {
    if (/^\S.*\.md(: no issues found)?$/.test(line)) files++
    const message = line.match(/^\s+\d+:\d+(?:-\d+:\d+)?\s+(warning|error|info)\s.*\s(\S+)\s*$/)
    if (message) {
      messages++
      bySource[message[2]] = (bySource[message[2]] ?? 0) + 1
    }
  }
  const summary = output.match(/(\d+) (?:warnings?|messages?)\s*$/m)
  if (summary && Number(summary[1]) !== messages) {
    console.warn(`\n  !! alex's summary says ${summary[1]} messages, the report lines ${messages}`)
  }
  return { files, messages, bySource }
}

function fail(name, outcome) {
  console.error(
    `\n${name} failed (exit ${outcome.code}):\n${indent(`${outcome.stdout}${outcome.stderr}`.trim().split('\n').slice(-20).join('\n'))}`,
  )
  process.exit(1)
}

function printTable(head, rows) {
  const widths = head.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index].length)))
  const line = (cells) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])))
      .join('  ')
  console.log(line(head))
  console.log(widths.map((width) => '─'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))
}

function shortArg(arg) {
  if (arg === process.execPath) return 'node'
  return arg.startsWith(root) ? rel(arg) : arg
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`
}

function mb(kb) {
  return Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : '?'
}

function times(ratio) {
  return `${ratio.toFixed(1)}×`.padStart(6)
}

function pad(value) {
  return value.toLocaleString('en').padStart(7)
}

function signed(value) {
  return Number(value) > 0 ? `+${value}` : String(value)
}

function indent(text) {
  return text.replace(/^/gm, '    ')
}
