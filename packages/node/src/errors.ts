/** A usage problem (bad path, no files, a bad option value): the CLI exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
