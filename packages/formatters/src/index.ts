import { checkstyle } from './checkstyle.js'
import { github } from './github.js'
import { json } from './json.js'
import { junit } from './junit.js'
import { sarif } from './sarif.js'
import { stylish, stylishStream } from './stylish.js'
import type { Formatter } from './types.js'

export { escapeData, escapeProperty } from './github.js'
export { toJsonMessage } from './json.js'
export { SARIF_SCHEMA } from './sarif.js'
export type { Formatter, FormatterOptions, FormatterResult, RuleInfo, StreamFormatter } from './types.js'
export { checkstyle, github, json, junit, sarif, stylish, stylishStream }

/** Formatters by `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  checkstyle,
}

/** Formats a program reads rather than a person: nothing else may go to standard output with them. */
export const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'sarif', 'junit', 'checkstyle'])
