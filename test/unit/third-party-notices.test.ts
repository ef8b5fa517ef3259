/**
 * scripts/third-party-notices.mjs writes THIRD-PARTY-NOTICES.txt next to
 * each bundle, from esbuild's metafile: every npm package whose code is in
 * the bundle, with the licence text it ships.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a build script in plain JavaScript, without types.
import { thirdPartyNotices } from '../../scripts/third-party-notices.mjs'

const license = thirdPartyNotices as (
  metafiles: Array<{ inputs: Record<string, unknown> }>,
  options?: { workingDirectory?: string; title?: string },
) => string

let folder = ''
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** A fake node_modules tree: path → text. */
function tree(files: Record<string, string>): string {
  folder = mkdtempSync(join(tmpdir(), 'post-lint-licenses-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true })
    writeFileSync(join(folder, path), text)
  }
  return folder
}

const manifest = (fields: Record<string, unknown>) => JSON.stringify(fields)
const metafile = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((input) => [input, {}])) })

describe('thirdPartyNotices', () => {
  it('lists each bundled package once, with the licence text it ships', () => {
    const workingDirectory = tree({
      'node_modules/.pnpm/micro@1.0.0/node_modules/micro/package.json': manifest({
        name: 'micro',
        version: '1.0.0',
        license: 'MIT',
      }),
      'node_modules/.pnpm/micro@1.0.0/node_modules/micro/license':
        'Copyright (c) Titus\n\nPermission is hereby granted…',
      'node_modules/.pnpm/micro@1.0.0/node_modules/micro/lib/a.js': '',
      'node_modules/.pnpm/micro@1.0.0/node_modules/micro/lib/b.js': '',
      'node_modules/@scope/pkg/package.json': manifest({
        name: '@scope/pkg',
        version: '2.1.0',
        license: 'ISC',
      }),
      'node_modules/@scope/pkg/LICENSE.md': 'ISC License, Copyright (c) Someone',
      // A subpath with its own package.json (libphonenumber-js/max) belongs to its package.
      'node_modules/@scope/pkg/max/package.json': manifest({ name: '@scope/pkg/max', private: true }),
      'node_modules/@scope/pkg/max/index.js': '',
      'node_modules/old/package.json': manifest({
        name: 'old',
        version: '0.2.2',
        author: 'Sami',
        licenses: [{ type: 'MIT', url: 'http://example.org' }],
      }),
      'node_modules/old/old.js': '',
      'packages/core/dist/index.js': '',
    })
    const text = license(
      [
        metafile(
          'node_modules/.pnpm/micro@1.0.0/node_modules/micro/lib/a.js',
          'node_modules/.pnpm/micro@1.0.0/node_modules/micro/lib/b.js',
          'node_modules/@scope/pkg/max/index.js',
          'packages/core/dist/index.js',
        ),
        metafile('json-string:node_modules/old/old.js', 'node_modules/@scope/pkg/max/index.js'),
      ],
      { workingDirectory, title: 'Test bundle' },
    )
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Test bundle',
      '',
      'This bundle contains code from the 3 npm packages below. Each is listed with its',
      'licence as its package states it, followed by the licence text it ships.',
      '',
      '- @scope/pkg',
      '- micro',
      '- old',
    ])
    expect(text).toContain('@scope/pkg 2.1.0 (ISC)')
    expect(text).toContain('ISC License, Copyright (c) Someone')
    expect(text).toContain('micro 1.0.0 (MIT)')
    expect(text).toContain('Copyright (c) Titus\n\nPermission is hereby granted…')
    expect(text).toContain('old 0.2.2 (MIT)')
    expect(text).toContain('Licensed under MIT, by Sami; the package ships no licence text.')
    // post-lint's own code (not under node_modules) is covered by the repository's LICENSE.
    expect(text).not.toContain('core')
  })

  it('fails the build when a bundled package names no licence at all', () => {
    const workingDirectory = tree({
      'node_modules/mystery/package.json': manifest({ name: 'mystery', version: '1.0.0' }),
      'node_modules/mystery/index.js': '',
    })
    expect(() => license([metafile('node_modules/mystery/index.js')], { workingDirectory })).toThrow(
      'mystery@1.0.0 (bundled) has no licence file or field',
    )
  })
})
