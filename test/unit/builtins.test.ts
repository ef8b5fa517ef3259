/**
 * post-lint must leave JavaScript's built-ins as they are. A dependency that
 * polyfills them (twitter-text 3.1 loads core-js 2, which replaces RegExp,
 * String#replace and the array iterator) switches off V8's fast paths for the
 * whole process: the Markdown parse and everything else ran about 1.5× slower
 * once it was loaded. This loads every built-in rule, runs the ones that load
 * libraries on first use (platform length on X, secrets through secretlint),
 * and checks that the built-ins are still the engine's own.
 */
import { describe, expect, it } from 'vitest'

const ArrayIterator = Object.getPrototypeOf([][Symbol.iterator]())
const StringIterator = Object.getPrototypeOf(''[Symbol.iterator]())

const OWNERS: Record<string, object> = {
  globalThis,
  Object,
  'Object.prototype': Object.prototype,
  Array,
  'Array.prototype': Array.prototype,
  ArrayIterator,
  String,
  'String.prototype': String.prototype,
  StringIterator,
  RegExp,
  'RegExp.prototype': RegExp.prototype,
  Symbol,
  'Symbol.prototype': Symbol.prototype,
  Promise,
  'Promise.prototype': Promise.prototype,
  Map,
  'Map.prototype': Map.prototype,
  Set,
  'Set.prototype': Set.prototype,
  Number,
  'Number.prototype': Number.prototype,
  'Function.prototype': Function.prototype,
  Date,
  'Date.prototype': Date.prototype,
  JSON,
  Math,
}

/**
 * Every own property of the built-ins (value, getter and setter). Polyfills
 * are compared by identity: core-js also replaces Function#toString so that
 * its own functions print as `[native code]`.
 */
function snapshot(): Map<string, unknown> {
  const values = new Map<string, unknown>()
  for (const [name, owner] of Object.entries(OWNERS)) {
    for (const key of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, key)
      values.set(`${name}.${String(key)}`, descriptor?.value)
      if (descriptor?.get) values.set(`${name}.${String(key)} (get)`, descriptor.get)
      if (descriptor?.set) values.set(`${name}.${String(key)} (set)`, descriptor.set)
    }
  }
  return values
}

/** Function#toString as the engine has it, taken before anything is loaded. */
const nativeToString = Function.prototype.toString
const isNative = (fn: unknown) =>
  typeof fn === 'function' && /\{\s*\[native code\]\s*\}$/.test(nativeToString.call(fn))

describe('built-ins', () => {
  it('are left untouched by the built-in rules and the libraries they load', async () => {
    // Globals of the test runner itself (vitest's helpers) are not ours to judge: compare with before.
    const before = snapshot()
    const [{ builtinRules }, { Linter }] = await Promise.all([
      import('@post-lint/checks'),
      import('@post-lint/core'),
    ])
    const linter = new Linter({ rules: builtinRules })
    const token = `ghp_${'a1B2c3D4e5F6'.repeat(3)}`
    const drafts = [
      `---\nlang: en\nplatform: x\n---\nJoin us at the food bank 🍞 https://example.org/food — #Volunteers\n\nKey: ${token}\n`,
      '---\nlang: nl\nplatform: mastodon\n---\nKom zaterdag naar het buurthuis! Bel 06 12345678 of mail info@buurthuis.nl.\n',
      '---\nlang: en\nplatform: instagram\n---\n# Hello\n\n| a | b |\n|---|---|\n| crazy | day |\n',
    ]
    let messages = 0
    for (const draft of drafts)
      messages += (await linter.lint(draft, { filePath: 'draft.md' })).messages.length
    expect(messages).toBeGreaterThan(0)

    const after = snapshot()
    const changed = [...after]
      // core-js-pure (used by @ambassify/twitter-text) keeps its own data there and changes nothing else.
      .filter(([key]) => key !== 'globalThis.__core-js_shared__')
      .filter(([key, value]) => !(before.has(key) && Object.is(before.get(key), value)))
      .map(([key]) => key)
    expect(changed).toEqual([])
    expect(Function.prototype.toString).toBe(nativeToString)
    expect(isNative(RegExp)).toBe(true)
    expect(isNative(Array.prototype[Symbol.iterator])).toBe(true)
    expect(isNative(ArrayIterator.next)).toBe(true)
    expect(isNative(String.prototype.replace)).toBe(true)
  })
})
