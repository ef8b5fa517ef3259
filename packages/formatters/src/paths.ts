/**
 * Paths as reports show them, without Node built-ins (formatters are pure):
 * relative to a base folder when inside it, `/`-separated, and as URIs.
 */

function withSlash(folder: string): string {
  return folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`
}

function isInside(filePath: string, folder: string): boolean {
  return filePath.startsWith(withSlash(folder)) || filePath.startsWith(withSlash(folder).replace(/\//g, '\\'))
}

/** The path relative to `folder` when inside it, else unchanged (stylish, junit). */
export function displayPath(filePath: string, folder: string): string {
  return isInside(filePath, folder) ? filePath.slice(withSlash(folder).length) : filePath
}

/** `/`-separated path relative to `folder`, or undefined when the file is outside it (or is stdin). */
export function relativePath(filePath: string, folder: string): string | undefined {
  if (!isInside(filePath, folder)) return undefined
  return filePath.slice(withSlash(folder).length).split(/[\\/]/).join('/')
}

/** Percent-encode each segment of a `/`-separated path, so it is a valid URI reference. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/')
}

/** A `file://` URI for an absolute path (POSIX or Windows); undefined for anything else (stdin). */
export function fileUri(absolute: string): string | undefined {
  const path = absolute.replace(/\\/g, '/')
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encodePath(path)}`
  if (path.startsWith('/')) return `file://${encodePath(path)}`
  return undefined
}
