// Entry of out/cli.mjs: the `post-lint` CLI, which the extension runs for `post-lint init`.
import { run } from 'post-lint'

const { stdout, stderr, stdin, env } = process
process.exitCode = await run(process.argv.slice(2), { stdout, stderr, stdin, env, cwd: process.cwd() })
