/**
 * The licences of the npm packages whose code a bundle carries, as one text
 * file next to it (THIRD-PARTY-NOTICES.txt: a name with "license" in it
 * would make pnpm think the package has a licence of its own and leave the
 * repository's LICENSE out of the tarball). The bundles (packages/cli/bundle,
 * packages/cli/browser, the VS Code extension's out/) copy code from about a
 * hundred packages; most licences (MIT, ISC, BSD) ask that their text travel
 * with every copy, and esbuild's `legalComments` keeps only `@license`
 * comments. The packages are read from esbuild's metafile, so the list is
 * exactly what the bundle holds; post-lint's own packages are left out (the
 * repository's LICENSE covers them).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i

/**
 * The folder of the npm package that holds `file`: the one right under the
 * last node_modules in its path (`node_modules/name` or `node_modules/@scope/name`;
 * a package.json further in, such as libphonenumber-js/max's, is a subpath).
 */
function packageFolder(file) {
  const parts = file.split(/[\\/]/)
  const at = parts.lastIndexOf('node_modules')
  if (at === -1) return undefined
  const length = parts[at + 1]?.startsWith('@') ? 3 : 2
  if (parts.length <= at + length) return undefined
  return parts.slice(0, at + length).join(sep)
}

/**
 * The text of THIRD-PARTY-NOTICES.txt for the inputs of esbuild metafiles
 * (paths relative to `workingDirectory`, esbuild's absWorkingDir). Throws when
 * a bundled package has neither a licence file nor a `license` field.
 */
export function thirdPartyNotices(metafiles, { workingDirectory = process.cwd(), title } = {}) {
  const folders = new Set()
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      // Plugin namespaces (`node-only:fs`, `json-string:…`) are not files.
      const path = input.replace(/^[\w-]+:/, '')
      const folder = packageFolder(resolve(workingDirectory, path))
      if (folder) folders.add(folder)
    }
  }
  const packages = [...folders].map((folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
    const files = readdirSync(folder)
      .filter((name) => LICENSE_FILE.test(name))
      .sort()
    // `license: "MIT"`, or the older `license: {type}` and `licenses: [{type}]`.
    const license =
      typeof manifest.license === 'string'
        ? manifest.license
        : (manifest.license?.type ??
          (Array.isArray(manifest.licenses)
            ? manifest.licenses.map((entry) => entry.type ?? entry).join(' OR ')
            : undefined))
    if (files.length === 0 && !license) {
      throw new Error(`${manifest.name}@${manifest.version} (bundled) has no licence file or field`)
    }
    const texts = files.map((name) => readFileSync(join(folder, name), 'utf8').trim())
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name
    return { name: manifest.name, version: manifest.version, license, texts, author }
  })
  // One entry per name and version (pnpm may link the same package from two places).
  const unique = new Map(packages.map((entry) => [`${entry.name}@${entry.version}`, entry]))
  const sorted = [...unique.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  )
  const rule = '-'.repeat(72)
  return [
    title ?? 'Third-party software in this bundle',
    '',
    `This bundle contains code from the ${sorted.length} npm packages below. Each is listed with its`,
    'licence as its package states it, followed by the licence text it ships.',
    '',
    ...sorted.map(({ name }) => `- ${name}`),
    '',
    ...sorted.flatMap(({ name, version, license, texts, author }) => [
      rule,
      `${name} ${version}${license ? ` (${license})` : ''}`,
      rule,
      '',
      texts.length > 0
        ? texts.join('\n\n')
        : `Licensed under ${license}${author ? `, by ${author}` : ''}; the package ships no licence text.`,
      '',
    ]),
  ].join('\n')
}
