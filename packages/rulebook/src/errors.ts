import type { RulebookProblem } from './types.js'

/**
 * A rulebook that cannot be used: every mistake found, each with its file,
 * line and column. Nothing is checked with a half-read rulebook.
 * The message has one `file:line:column: text` line per problem.
 */
export class RulebookError extends Error {
  override name = 'RulebookError'
  constructor(
    /** The rulebook that was loaded (problems may also be in files it extends). */
    readonly filePath: string,
    readonly problems: RulebookProblem[],
  ) {
    super(
      problems
        .map(
          (problem) =>
            `${problem.filePath ?? filePath}:${problem.line}:${problem.column}: ${problem.message}`,
        )
        .join('\n'),
    )
  }
}
