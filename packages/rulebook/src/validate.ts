/**
 * Schema validation of a rulebook with ajv, and ajv's errors turned into
 * messages for a comms lead (“Unknown setting “organistion” — did you mean
 * “organisation”?”), each pointing at a path in the rulebook's data.
 *
 * `anyOf` (a severity, or [severity, { options }]) would make ajv report the
 * errors of every branch; instead the branch that fits the value's type is
 * validated again on its own, so a message is about what the writer meant.
 */
import { builtinRules } from '@post-lint/checks'
import type { Rule } from '@post-lint/core'
import { didYouMean } from '@post-lint/core'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { optionNotes, presets } from './generated/presets.js'
import { validate as quickValidate } from './generated/rulebook-validator.js'
import { type JsonSchema, rulebookSchema, SCHEMA_ID } from './schema.js'

/** A schema problem: a message and where it points. */
export interface Issue {
  /** Path of the value in the rulebook's data (keys and list indexes). */
  path: string[]
  /**
   * `value`: the value at `path`. `key`: the key `key` of the map at `path`.
   * `owner`: the entry at `path` as a whole (its key, or its first line).
   */
  at: 'value' | 'key' | 'owner'
  key?: string
  message: string
}

const validators = new WeakMap<readonly Rule[], SchemaValidator>()

/** The schema of `post-lint.yml` for these built-in rules. */
export function schemaFor(builtins: readonly Rule[]): JsonSchema {
  return validatorFor(builtins).schema
}

export function validatorFor(builtins: readonly Rule[]): SchemaValidator {
  let validator = validators.get(builtins)
  if (!validator) {
    validator = new SchemaValidator(
      rulebookSchema({
        rules: builtins.map((rule) => rule.meta),
        presets: Object.keys(presets),
        optionNotes,
      }),
      // Precompiled by `pnpm generate` for the built-in rules (schema.test.ts checks it agrees).
      builtins === builtinRules ? (data) => quickValidate(data) === true : undefined,
    )
    validators.set(builtins, validator)
  }
  return validator
}

type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object'

function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value as JsonType
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  array: 'a list',
  object: 'a group of settings (key: value)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A did-you-mean for a short list of values: a prefix (“warn” → “warning”), or a near spelling of a longer word. */
function closeTo(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase()
  const prefix = candidates.find((candidate) => lower.length >= 2 && candidate.startsWith(lower))
  return prefix ?? (value.length > 3 ? didYouMean(value, candidates) : undefined)
}

const quoteList = (values: readonly unknown[]) => values.map(String).join(', ')

const decode = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data
  for (const segment of path) {
    if (Array.isArray(value)) value = value[Number(segment)]
    else if (isRecord(value)) value = value[segment]
    else return undefined
  }
  return value
}

/** Where a path points, in words, starting with a capital or a quote. */
export function subject(path: readonly string[], root: unknown): string {
  const last = path.at(-1)
  if (last === undefined) return 'The rulebook'
  const rule = ruleSettingPath(path)
  if (rule) {
    const [index, option, ...deeper] = rule.rest
    if (index === undefined) return `“${rule.id}”`
    if (option === undefined)
      return index === '0' ? `The severity of “${rule.id}”` : `The options of “${rule.id}”`
    if (deeper.length > 0 && /^\d+$/.test(deeper.at(-1)!))
      return `Item ${Number(deeper.at(-1)) + 1} of option “${option}” of “${rule.id}”`
    return `Option “${option}” of “${rule.id}”`
  }
  const inside = (what: string) =>
    path.length === 2
      ? what.charAt(0).toUpperCase() + what.slice(1)
      : /^\d+$/.test(last)
        ? `Item ${Number(last) + 1} of “${path.at(-2)}” in ${what}`
        : `“${last}” in ${what}`
  if (path[0] === 'custom' && path.length >= 2) return inside(`custom rule “${path[1]}”`)
  if (path[0] === 'accounts' && path.length >= 2) {
    const id = valueAt(root, ['accounts', path[1]!, 'id'])
    return inside(typeof id === 'string' ? `the account “${id}”` : `account ${Number(path[1]) + 1}`)
  }
  if (path[0] === 'overrides' && path.length >= 2) return inside(`override ${Number(path[1]) + 1}`)
  if (path[0] === 'extends' && path.length === 2) return `“extends” entry ${Number(last) + 1}`
  if (/^\d+$/.test(last)) return `Item ${Number(last) + 1} of “${path.at(-2)}”`
  return `“${last}”`
}

const lower = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text

/** `[…, 'rules', id, …rest]` directly under the root or an override. */
function ruleSettingPath(path: readonly string[]): { id: string; rest: string[] } | undefined {
  const at = path[0] === 'rules' ? 0 : path[0] === 'overrides' && path[2] === 'rules' ? 2 : -1
  if (at < 0 || path.length < at + 2) return undefined
  return { id: path[at + 1]!, rest: path.slice(at + 2) }
}

export class SchemaValidator {
  readonly schema: JsonSchema
  readonly #quick: ((data: unknown) => boolean) | undefined
  #compiled: { ajv: Ajv; validate: ValidateFunction } | undefined
  /** Schema node → its JSON pointer (ajv hands back the nodes of the schema it was given). */
  readonly #pointers = new Map<object, string>()
  readonly #branches = new Map<string, ValidateFunction>()

  /**
   * `quick`: a precompiled yes/no for the same schema. A rulebook it accepts
   * costs no schema compilation (~120 ms); the full validator, compiled on
   * first need, explains the mistakes of one it rejects.
   */
  constructor(schema: JsonSchema, quick?: (data: unknown) => boolean) {
    this.schema = schema
    this.#quick = quick
  }

  #full(): { ajv: Ajv; validate: ValidateFunction } {
    if (this.#compiled) return this.#compiled
    const schema = this.schema
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      discriminator: true,
      strict: true,
      // [severity] and [severity, { options }] are both fine.
      strictTuples: false,
      allowUnionTypes: true,
    })
    // Read by editors (and by the messages below); not validation keywords.
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' })
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' })
    ajv.addSchema(schema)
    const index = (node: unknown, pointer: string) => {
      if (typeof node !== 'object' || node === null) return
      if (!Array.isArray(node)) this.#pointers.set(node, pointer)
      for (const [key, child] of Object.entries(node))
        index(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    }
    index(schema, '')
    this.#compiled = { ajv, validate: ajv.getSchema(SCHEMA_ID)! }
    return this.#compiled
  }

  /** Every schema problem of a rulebook's data. */
  validate(data: unknown): Issue[] {
    if (this.#quick?.(data)) return []
    const issues = this.#run(this.#full().validate, data, [], data)
    const seen = new Set<string>()
    return issues.filter((issue) => {
      const key = `${issue.path.join('\u0000')}\u0001${issue.key ?? ''}\u0001${issue.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  }

  #run(validate: ValidateFunction, data: unknown, base: string[], root: unknown): Issue[] {
    if (validate(data)) return []
    const errors = validate.errors ?? []
    const anyOf = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath)
    const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}/`)
    const issues: Issue[] = []
    for (const error of errors) {
      if (error.keyword === 'anyOf') {
        // Only the outermost: inner ones are met again when the branch is validated on its own.
        if (anyOf.some((other) => other !== error.instancePath && within(error.instancePath, other))) continue
        issues.push(...this.#anyOf(error, data, base, root))
      } else if (!anyOf.some((path) => within(error.instancePath, path))) {
        const issue = this.#issue(error, [...base, ...decode(error.instancePath)], root)
        if (issue) issues.push(issue)
      }
    }
    return issues
  }

  /** Validate the value against the branch that fits its type; otherwise say what fits. */
  #anyOf(error: ErrorObject, data: unknown, base: string[], root: unknown): Issue[] {
    const relative = decode(error.instancePath)
    const path = [...base, ...relative]
    const value = valueAt(data, relative)
    const parent = error.parentSchema as JsonSchema | undefined
    const pointer = parent ? this.#pointers.get(parent) : undefined
    const branches = (parent?.anyOf as JsonSchema[] | undefined) ?? []
    const type = jsonType(value)
    const fits = branches.findIndex((branch) => {
      const types = this.#types(branch)
      return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'))
    })
    if (fits >= 0 && pointer !== undefined) {
      const ref = `${SCHEMA_ID}#${pointer}/anyOf/${fits}`
      let validate = this.#branches.get(ref)
      if (!validate) {
        validate = this.#full().ajv.compile({ $ref: ref })
        this.#branches.set(ref, validate)
      }
      return this.#run(validate, value, path, root)
    }
    const expected = (parent?.errorMessage as string | undefined) ?? 'has the wrong form'
    return [{ path, at: 'value', message: `${subject(path, root)} ${expected}` }]
  }

  /** The JSON types a schema node accepts (following $ref), or undefined for any. */
  #types(node: JsonSchema): string[] | undefined {
    const type = node.type
    if (typeof type === 'string') return [type]
    if (Array.isArray(type)) return type as string[]
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      let target: unknown = this.schema
      for (const part of decode(node.$ref.slice(1))) target = (target as JsonSchema | undefined)?.[part]
      return isRecord(target) ? this.#types(target) : undefined
    }
    return undefined
  }

  #issue(error: ErrorObject, path: string[], root: unknown): Issue | undefined {
    const params = error.params as Record<string, unknown>
    const parent = (error.parentSchema ?? {}) as JsonSchema
    const what = subject(path, root)
    const value = error.data
    const rule = ruleSettingPath(path)
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty)
        const allowed = Object.keys((parent.properties as JsonSchema | undefined) ?? {})
        const hint = closeTo(key, allowed)
        const suggestion = hint ? ` — did you mean “${hint}”?` : ''
        let message: string
        if (path.length === 0) {
          message = `Unknown setting “${key}”${suggestion || `; a rulebook has ${quoteList(allowed)}`}`
        } else if (rule && rule.rest.length === 1) {
          message = `“${rule.id}” has no option “${key}”${suggestion || (allowed.length > 0 ? `; its options are ${quoteList(allowed)}` : '; it has no options')}`
        } else if (path[0] === 'custom' && path.length === 2) {
          const type = valueAt(root, [...path, 'type'])
          message = `A custom rule of type “${String(type)}” has no setting “${key}”${suggestion || `; it has ${quoteList(allowed)}`}`
        } else {
          message = `Unknown setting “${key}” in ${lower(what)}${suggestion || (allowed.length > 0 ? `; expected ${quoteList(allowed)}` : '')}`
        }
        return { path, at: 'key', key, message }
      }
      case 'required': {
        const missing = String(params.missingProperty)
        if (path[0] === 'custom' && path.length === 2 && missing === 'type') {
          return {
            path,
            at: 'owner',
            message: `The custom rule “${path[1]}” needs a “type”: avoid, replace, pattern or require`,
          }
        }
        return { path, at: 'owner', message: `${what} is missing “${missing}”` }
      }
      case 'type': {
        const types = String(params.type)
          .split(',')
          .filter((type) => type !== 'null')
        return {
          path,
          at: 'value',
          message: `${what} must be ${types.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}`,
        }
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]) ?? []
        const hint = typeof value === 'string' ? closeTo(value, allowed.map(String)) : undefined
        const name =
          rule && rule.rest.length <= 1 && rule.rest[0] !== '1' ? `The severity of “${rule.id}”` : what
        return {
          path,
          at: 'value',
          message: `${name} must be one of ${quoteList(allowed)}${hint ? ` — did you mean “${hint}”?` : value === null || typeof value === 'object' ? '' : `, not “${String(value)}”`}`,
        }
      }
      case 'const':
        return { path, at: 'value', message: `${what} must be “${String(params.allowedValue)}”` }
      case 'minItems':
      case 'minProperties': {
        const limit = Number(params.limit)
        return {
          path,
          at: 'value',
          message: `${what} needs at least ${limit === 1 ? 'one entry' : `${limit} entries`}`,
        }
      }
      case 'maxItems':
      case 'additionalItems':
        return {
          path,
          at: 'value',
          message: rule
            ? `${what} has too many entries: write a severity, or [severity, { options }]`
            : `${what} has too many entries`,
        }
      case 'minLength':
        return { path, at: 'value', message: `${what} must not be empty` }
      case 'minimum':
      case 'maximum': {
        const kind = parent.type === 'integer' ? 'a whole number' : 'a number'
        const range =
          typeof parent.minimum === 'number' && typeof parent.maximum === 'number'
            ? `${kind} from ${parent.minimum} to ${parent.maximum}`
            : error.keyword === 'minimum'
              ? `at least ${params.limit}`
              : `at most ${params.limit}`
        return { path, at: 'value', message: `${what} must be ${range}` }
      }
      case 'pattern': {
        const explanation =
          (parent.patternErrorMessage as string | undefined) ?? `must match ${params.pattern}`
        if (error.propertyName !== undefined) {
          return {
            path,
            at: 'key',
            key: error.propertyName,
            message: `“${error.propertyName}” is not a valid rule id: ${explanation}`,
          }
        }
        return { path, at: 'value', message: `${what} is “${String(value)}”: ${explanation}` }
      }
      // Said better by the errors that come with them (required, enum, pattern).
      case 'discriminator':
      case 'propertyNames':
      case 'oneOf':
        return undefined
      default:
        return { path, at: 'value', message: `${what} ${error.message ?? 'is not valid'}` }
    }
  }
}
