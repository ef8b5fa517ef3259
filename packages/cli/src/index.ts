/**
 * `post-lint` as a library in Node: `lint(text, options)` (see api.ts), plus
 * what the command itself uses to find drafts and rulebooks on disk
 * (`PostLint`, `lintFiles`), the installed `version`, and the command itself
 * (`run(argv, io)`, as bin/post-lint.js calls it). In a browser the package
 * resolves to the bundle of api.ts (`post-lint/browser`).
 */

export {
  DRAFT_EXTENSIONS,
  type EngineOptions,
  type FileResult,
  type LintFilesOptions,
  lintFiles,
  PostLint,
  RULEBOOK_NAMES,
} from '@post-lint/node'
export * from './api.js'
export { EXIT, type Io, run } from './cli.js'
export { version } from './version.js'
