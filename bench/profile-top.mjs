#!/usr/bin/env node
/**
 * Self time per function of a V8 CPU profile (`node --cpu-prof`).
 *
 *   node bench/profile-top.mjs <file.cpuprofile> [count]
 *
 * Also used by `pnpm bench --profile`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Top `count` functions by self time: [{ name, where, selfMs, percent }]. */
export function topSelfTime(profilePath, count = 10) {
  return summarize(profilePath, count).functions
}

/** Self time per function and per package (dependency, post-lint package, node internals, GC). */
export function summarize(profilePath, count = 10) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map()
  const packageUs = new Map()
  let totalUs = 0
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0
    const node = byId.get(profile.samples[index])
    if (!node) continue
    totalUs += delta
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const key = `${functionName || '(anonymous)'}\u0000${shorten(url)}:${lineNumber + 1}:${columnNumber + 1}`
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta)
    const owner = packageOf(url, functionName)
    packageUs.set(owner, (packageUs.get(owner) ?? 0) + delta)
  }
  const row = (name, us) => ({
    name,
    selfMs: Math.round(us / 1000),
    percent: Math.round((us / totalUs) * 1000) / 10,
  })
  const packages = [...packageUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => row(name, us))
  const functions = [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => {
      const [name, where] = key.split('\u0000')
      return { ...row(name, us), where }
    })
  return { totalMs: Math.round(totalUs / 1000), functions, packages }
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  const modules = path.lastIndexOf('/node_modules/')
  if (modules !== -1) {
    const [scope, name] = path.slice(modules + '/node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const packages = path.match(/\/packages\/([^/]+)\//)
  if (packages) return `@post-lint/${packages[1]}`
  if (path.startsWith('node:')) return '(node internals)'
  return path
}

function shorten(url) {
  if (!url) return '(native)'
  let path = url.startsWith('file://') ? fileURLToPath(url) : url
  const pnpm = path.lastIndexOf('/node_modules/')
  if (pnpm !== -1) path = path.slice(pnpm + '/node_modules/'.length)
  const packages = path.indexOf('/packages/')
  if (packages !== -1) path = path.slice(packages + 1)
  return path
}

export function formatTop(rows) {
  return rows
    .map(
      (row, index) =>
        `  ${String(index + 1).padStart(2)}. ${String(row.selfMs).padStart(6)} ms ${String(row.percent).padStart(5)}%  ${row.name}${row.where ? `  (${row.where})` : ''}`,
    )
    .join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, count] = process.argv.slice(2)
  if (!file) {
    console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [count]')
    process.exit(2)
  }
  const summary = summarize(file, Number(count ?? 15))
  console.log(`Self time by function (total ${summary.totalMs} ms sampled):`)
  console.log(formatTop(summary.functions))
  console.log('Self time by package:')
  console.log(formatTop(summary.packages))
}
