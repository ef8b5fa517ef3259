import { createRequire } from 'node:module'

/** The installed post-lint's version, from its package.json (next to dist/ and bundle/ alike). */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version
