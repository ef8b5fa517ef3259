import type { PhraseMatch, PhraseSpec, Rule, RuleContext } from '@post-lint/core'
import { longestMatches, matchCase, normalizeWord } from '@post-lint/core'
import type { Sentence } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import { equalityPatterns } from '../generated/equality-en.js'
import { ruleData } from '../generated/rules.js'
import { metaFrom } from '../data.js'

/**
 * Stigmatising or non-inclusive words, with considerate alternatives.
 * English: retext-equality's patterns and semantics (including `or`
 * patterns: with option `binary: true`, “he or she” is fine). Dutch: our own
 * list in rules/insensitive/nl.yml, grounded in public Dutch guides.
 */
const data = ruleData.insensitive!

interface EqualityData {
  pattern: string
  type: 'basic' | 'or'
  category: string
  condition?: string
}

const englishPhrases: PhraseSpec[] = equalityPatterns.flatMap((pattern) =>
  Object.entries(pattern.inconsiderate).map(([phrase, category]): PhraseSpec => {
    const considerate = pattern.considerate ? Object.keys(pattern.considerate) : []
    return {
      match: phrase,
      lang: 'en',
      suggestions: considerate,
      apostrophe: pattern.apostrophe === true,
      caseSensitive: phrase !== phrase.toLowerCase(),
      ...(pattern.note ? { note: pattern.note } : {}),
      data: { pattern: pattern.id, type: pattern.type, category, ...(pattern.condition ? { condition: pattern.condition } : {}) } satisfies EqualityData,
    }
  }),
)

const EN_MESSAGE = {
  withSuggestion: '“{actual}” may hurt or exclude people{condition}; consider {suggestions}.',
  without: '“{actual}” may hurt or exclude people{condition}; try not to use it.',
}

export const insensitive: Rule = {
  meta: metaFrom(data, { fixable: false }),
  phrases: [...englishPhrases, ...data.phrases],
  check(ctx) {
    const ignore = new Set((Array.isArray(ctx.options.ignore) ? ctx.options.ignore : []).map((word) => String(word).toLowerCase()))
    const binary = ctx.options.binary === true
    const matches = ctx.phraseMatches.filter((match) => !ignore.has(match.actual.toLowerCase()))
    const allowed = binary ? binaryPairs(ctx, matches) : new Set<PhraseMatch>()
    for (const match of longestMatches(matches.filter((match) => !allowed.has(match)))) {
      const equality = match.spec.data as EqualityData | undefined
      const suggestions = matchCase(match.actual, match.spec.suggestions ?? [])
      let message: string
      if (equality) {
        const vars = {
          actual: match.actual,
          condition: equality.condition ? ` (${equality.condition})` : '',
          // The message names at most three; all of them are in `suggestions`.
          suggestions: suggestions
            .slice(0, 3)
            .map((suggestion) => `“${suggestion}”`)
            .join(', '),
        }
        message = ctx.t(suggestions.length > 0 ? EN_MESSAGE.withSuggestion : EN_MESSAGE.without, vars)
      } else {
        message = ctx.t(match.spec.message ?? data.message, { actual: match.actual })
      }
      ctx.report({
        start: match.start,
        end: match.end,
        message,
        suggestions,
        ...(match.spec.note ? { note: match.spec.note } : {}),
      })
    }
  },
}

/**
 * retext-equality's `or` handling: two matches of the same pattern with
 * different categories, separated only by white space, “and”/“or” or “/”,
 * are fine (“he or she”, “actors and actresses”).
 */
function binaryPairs(ctx: RuleContext, matches: readonly PhraseMatch[]): Set<PhraseMatch> {
  const allowed = new Set<PhraseMatch>()
  const sorted = [...matches].sort((a, b) => a.start - b.start)
  for (let index = 0; index < sorted.length - 1; index++) {
    const match = sorted[index]!
    const next = sorted[index + 1]!
    const a = match.spec.data as EqualityData | undefined
    const b = next.spec.data as EqualityData | undefined
    if (!a || !b || a.type !== 'or' || a.pattern !== b.pattern || a.category === b.category) continue
    if (match.paragraph !== next.paragraph || match.sentence !== next.sentence) continue
    const sentence = sentenceAt(ctx, match)
    if (!sentence) continue
    let position = match.endNode + 1
    for (; position < next.startNode; position++) {
      const node = sentence.children[position]!
      if (node.type === 'WhiteSpaceNode') continue
      if (node.type === 'WordNode' && /(and|or)/.test(normalizeWord(nlcstToString(node)))) continue
      if (node.type === 'PunctuationNode' && nlcstToString(node) === '/') continue
      break
    }
    if (position === next.startNode) {
      allowed.add(match)
      allowed.add(next)
      index++
    }
  }
  return allowed
}

function sentenceAt(ctx: RuleContext, match: PhraseMatch): Sentence | undefined {
  const paragraphs = ctx.nlcst.children.filter((node) => node.type === 'ParagraphNode')
  const paragraph = paragraphs[match.paragraph]
  if (!paragraph || paragraph.type !== 'ParagraphNode') return undefined
  return paragraph.children.filter((node): node is Sentence => node.type === 'SentenceNode')[match.sentence]
}
