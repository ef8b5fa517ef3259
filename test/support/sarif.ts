/**
 * The official SARIF 2.1.0 JSON Schema (OASIS), to validate `--format sarif`.
 *
 * It comes from the pinned npm package @microsoft/sarif-multitool-ts
 * (assets/sarif-2.1.0.schema.json): Microsoft's copy of the OASIS standard's
 * schema (v2.1.0 os), whose only change is its `$schema` line (JSON Schema
 * 2020-12 instead of draft-07) and no `$id`. OASIS published it as draft-07,
 * so it is compiled with ajv's draft-07 class, with the formats it uses
 * (uri, uri-reference, date-time, uuid) checked by ajv-formats.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)
const packageMain = require.resolve('@microsoft/sarif-multitool-ts')
const schemaFile = join(dirname(packageMain), '..', 'assets', 'sarif-2.1.0.schema.json')

export const sarifSchema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>

// ajv-formats is CommonJS: its default export arrives as the module or as `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv

const ajv = new Ajv({ allErrors: true })
addFormats(ajv)
const validate = ajv.compile({ ...sarifSchema, $schema: 'http://json-schema.org/draft-07/schema#' })

/** Schema errors of a SARIF log, as `path: message` lines; empty when valid. */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return []
  return (validate.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`,
  )
}
