export { LintCache, LintCancelled } from './cache.js'
export { type Chunk, cutPoints, linkDefinitions, splitChunks } from './chunks.js'
export { detectLang, parseLang } from './language.js'
export { type Lazy, lazy } from './lazy.js'
export {
  ConfigError,
  ENGINE_RULES,
  Linter,
  type LinterOptions,
  type LintFileOptions,
  lint,
  longestMatches,
  matchCase,
  readSetting,
  reportPhraseMatches,
} from './lint.js'
export {
  type ControlComment,
  fileTypeOf,
  type ParsedDraft,
  type ParseOptions,
  parseDraft,
  toNaturalLanguage,
} from './parse.js'
export { normalizeWord, PhraseIndex } from './phrases.js'
export { DOCS_BASE, DOCS_ROOT, didYouMean, docsUrl, LineIndex, localize } from './text.js'
export * from './types.js'
