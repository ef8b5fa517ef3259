import { json } from './json.js'
import { stylish } from './stylish.js'
import type { Formatter } from './types.js'

export { toJsonMessage } from './json.js'
export type { Formatter, FormatterOptions, FormatterResult } from './types.js'
export { json, stylish }

/** Formatters by `--format` name. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json }
