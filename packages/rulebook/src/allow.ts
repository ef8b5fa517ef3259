/**
 * “Allow this term”: the rulebook text with a term added to a rule's list of
 * terms it never flags (the rule's `allowOption`, such as profanity's
 * `ignore`). Pure: YAML text in, YAML text out, comments and layout kept.
 */
import type { RuleSetting, SeveritySetting } from '@post-lint/core'
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml'

export interface AllowTerm {
  ruleId: string
  /** The rule option that lists allowed terms (`ignore`, `allow`). */
  option: string
  term: string
  /** The severity in effect for the draft, written when the rulebook does not set the rule itself. */
  severity: SeveritySetting
  /**
   * The list in effect for the draft (defaults, presets, extends): written in
   * full, since a list in the rulebook replaces the default one.
   */
  current: readonly string[]
}

/** The new rulebook text; `undefined` when the term is already allowed or the rulebook cannot be read as YAML. */
export function allowTerm(text: string, change: AllowTerm): string | undefined {
  const document = parseDocument(text)
  if (document.errors.length > 0) return undefined
  if (document.contents !== null && !isMap(document.contents)) return undefined
  const term = change.term.trim()
  const known = (list: readonly unknown[]) =>
    list.some((item) => String(item).toLowerCase() === term.toLowerCase())
  if (term === '' || known(change.current)) return undefined
  const rules = document.get('rules', true)
  if (rules !== undefined && rules !== null && !isMap(rules)) return undefined
  const setting = isMap(rules) ? rules.get(change.ruleId, true) : undefined
  const withTerm = [...change.current, term]
  if (isSeq(setting)) {
    const options = setting.items[1]
    if (options === undefined) setting.add(document.createNode({ [change.option]: withTerm }))
    else if (isMap(options)) {
      const own = options.get(change.option, true)
      if (isSeq(own)) {
        if (known(own.items.map((item) => (isScalar(item) ? item.value : item)))) return undefined
        own.add(document.createNode(term))
      } else options.set(change.option, document.createNode(withTerm, { flow: true }))
    } else return undefined
  } else {
    const severity = isScalar(setting) ? (setting.value as RuleSetting) : change.severity
    const node = document.createNode([severity, { [change.option]: withTerm }], { flow: true })
    if (isMap(rules)) rules.set(change.ruleId, node)
    else document.set('rules', document.createNode({ [change.ruleId]: node }) as YAMLMap)
  }
  return document.toString({ lineWidth: 0 })
}
