// Minimal types for the part of picomatch (CJS, ships no types) used by overrides.ts.
// `picomatch/posix.js` (with the extension: the package has no exports map) is the build without the os/process check: globs always use `/`.
declare module 'picomatch/posix.js' {
  interface PicomatchOptions {
    dot?: boolean
    nocase?: boolean
  }
  type Matcher = (path: string) => boolean
  function picomatch(glob: string | readonly string[], options?: PicomatchOptions): Matcher
  export default picomatch
}
