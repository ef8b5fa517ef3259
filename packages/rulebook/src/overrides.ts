/**
 * `overrides:` → the configuration of one draft. Globs are picomatch globs
 * relative to the folder of the rulebook that defined the override (`base`),
 * with POSIX separators; absolute globs and absolute or relative draft paths
 * work too, and Windows paths (`C:\drafts\post.md`) are read as `C:/drafts/post.md`.
 * A glob starting with `!` excludes what the other globs of the override match.
 */
import type { LintConfig, RuleSetting } from '@post-lint/core'
import picomatch from 'picomatch/posix.js'
import type { Override } from './types.js'

/** Backslashes → slashes, `.` and `..` segments resolved, a Windows drive letter in upper case. */
export function toPosixPath(path: string): string {
  const slashed = path
    .replace(/\\/g, '/')
    .replace(/^([a-z]):/, (_, drive: string) => `${drive.toUpperCase()}:`)
  const absolute = isAbsolute(slashed)
  const root = /^[A-Z]:\//.test(slashed) ? slashed.slice(0, 3) : absolute ? '/' : ''
  const segments: string[] = []
  for (const segment of slashed.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop()
    else if (segment !== '..' || !absolute) segments.push(segment)
  }
  return root + segments.join('/')
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)
}

/** `file` relative to the folder `base` (both absolute), with `..` where it lies outside. */
export function relativePath(base: string, file: string): string {
  const from = toPosixPath(base).split('/').filter(Boolean)
  const to = toPosixPath(file).split('/').filter(Boolean)
  let common = 0
  while (common < from.length && common < to.length && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')
}

interface CompiledOverride {
  override: Override & { base: string }
  /** Whether the override applies to a draft path (absolute, or relative to the base). */
  matches(filePath: string): boolean
}

function compileOverride(override: Override & { base: string }): CompiledOverride {
  const globs = (Array.isArray(override.files) ? override.files : [override.files]).map((glob) =>
    glob.replace(/\\/g, '/'),
  )
  const include = globs.filter((glob) => !glob.startsWith('!'))
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1))
  const split = (list: string[]) => ({
    absolute: list.filter(isAbsolute).map(toPosixPath),
    relative: list.filter((glob) => !isAbsolute(glob)).map((glob) => glob.replace(/^\.\//, '')),
  })
  const matcher = (list: string[]) => (list.length > 0 ? picomatch(list, { dot: true }) : () => false)
  const included = split(include)
  const excluded = split(exclude)
  const test = {
    includeAbsolute: matcher(included.absolute),
    includeRelative: matcher(included.relative),
    excludeAbsolute: matcher(excluded.absolute),
    excludeRelative: matcher(excluded.relative),
  }
  const base = toPosixPath(override.base)
  return {
    override,
    matches(filePath) {
      const absolute = isAbsolute(filePath) ? toPosixPath(filePath) : undefined
      const relative =
        absolute !== undefined
          ? isAbsolute(base)
            ? relativePath(base, absolute)
            : undefined
          : toPosixPath(filePath).replace(/^\.\//, '')
      const hit =
        (absolute !== undefined && test.includeAbsolute(absolute)) ||
        (relative !== undefined && test.includeRelative(relative))
      if (!hit) return false
      return !(
        (absolute !== undefined && test.excludeAbsolute(absolute)) ||
        (relative !== undefined && test.excludeRelative(relative))
      )
    },
  }
}

/**
 * A later setting of a rule replaces an earlier one; a bare severity keeps
 * the earlier options (as ESLint does): `insensitive: error` after
 * `insensitive: [warning, { ignore: [blank] }]` is `[error, { ignore: [blank] }]`.
 */
export function mergeSetting(earlier: RuleSetting | undefined, later: RuleSetting): RuleSetting {
  if (Array.isArray(later) || !Array.isArray(earlier) || earlier[1] === undefined) return later
  return [later, earlier[1]]
}

/**
 * `configFor` of a compiled rulebook: the base configuration, then every
 * matching override in order. Drafts that match the same overrides get the
 * same (frozen) object, so callers can key linters and caches on it.
 */
export function configResolver(
  base: LintConfig,
  overrides: ReadonlyArray<Override & { base: string }>,
): (filePath: string | undefined) => LintConfig {
  const compiled = overrides.map(compileOverride)
  const configs = new Map<string, LintConfig>()
  return (filePath) => {
    // The indexes of the matching overrides, in order: drafts with the same ones share a config.
    const matched =
      filePath !== undefined && filePath !== ''
        ? compiled.flatMap(({ matches }, index) => (matches(filePath) ? [index] : []))
        : []
    const key = matched.join(',')
    let config = configs.get(key)
    if (!config) {
      const rules: Record<string, RuleSetting> = { ...base.rules }
      let language = base.language
      for (const { override } of matched.map((index) => compiled[index]!)) {
        for (const [id, setting] of Object.entries(override.rules ?? {})) {
          rules[id] = mergeSetting(rules[id], setting)
        }
        if (override.language) language = override.language
      }
      config = Object.freeze({ rules: Object.freeze(rules), ...(language ? { language } : {}) })
      configs.set(key, config)
    }
    return config
  }
}
