/**
 * Preload (`node --import bench/rss-probe.mjs …`) used by bench/run.mjs when
 * /usr/bin/time is not available: writes the process's peak RSS in kB to
 * $POST_LINT_BENCH_RSS_FILE when it exits, even through process.exit().
 */
import { writeFileSync } from 'node:fs'

const target = process.env.POST_LINT_BENCH_RSS_FILE
if (target) {
  process.on('exit', () => {
    writeFileSync(target, `${process.resourceUsage().maxRSS}\n`)
  })
}
