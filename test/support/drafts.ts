/**
 * Real findings for formatter tests: drafts linted by the engine with the
 * built-in rules (no rulebook, no files read), as the CLI would pass them.
 */
import type { FormatterResult } from '@post-lint/formatters'
import { PostLint } from '@post-lint/node'

export const CWD = '/srv/comms'

/** Shouting with a fix, an insensitive word, profanity, a hashtag (info, with a fix) and two secrets. */
export const MIXED = [
  '---',
  'lang: en',
  '---',
  '# Volunteers wanted!!!',
  '',
  'The chairman said the weather was crap. Join us at #foodbankvolunteers',
  '',
  'Login: password: Sunflower!24 and token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  '',
].join('\n')

export const CLEAN =
  '---\nlang: en\n---\nThanks to all our volunteers for a wonderful day at the food bank.\n'

/** The secrets in MIXED: no report may contain them. */
export const SECRETS = ['Sunflower!24', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8']

/** Results for drafts given as path (relative to CWD, or absolute) → text. */
export async function lintDrafts(drafts: Record<string, string>): Promise<FormatterResult[]> {
  const engine = new PostLint({ cwd: CWD, noConfig: true })
  const results: FormatterResult[] = []
  for (const [path, text] of Object.entries(drafts)) {
    const { filePath, messages, source } = await engine.lintText(text, path)
    results.push({ filePath, messages, source })
  }
  return results
}
