/**
 * The getting-started pages for comms teams (docs/getting-started.md and
 * docs/aan-de-slag.md) show what really happens: after `post-lint init`, the
 * example draft gives exactly the report printed on the page, `test` and
 * `doctor` pass on the fresh rulebook, and every link leads to a file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runCli, useFixtures } from '../support/cli.js'

const fixture = useFixtures('getting-started')

const PAGES = [
  { file: 'docs/getting-started.md', lang: 'en', other: 'aan-de-slag.md' },
  { file: 'docs/aan-de-slag.md', lang: 'nl', other: 'getting-started.md' },
]

/** The fenced blocks of section 5 (checking drafts), with the draft's path named just before the first. */
function example(page: string) {
  const section = page.slice(page.indexOf('\n## 5.'), page.indexOf('\n## 6.'))
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({
    kind: match[1]!,
    text: match[2]!,
  }))
  const draft = blocks.find((block) => block.kind === 'markdown')!
  const report = blocks.find((block) => block.kind === '')!
  const path = section.slice(0, section.indexOf('```markdown')).match(/`([\w-]+\/[\w-]+\.md)`/)![1]!
  return { path, draft: draft.text, report: report.text }
}

describe.each(PAGES)('$file', ({ file, lang, other }) => {
  const page = readFileSync(join(root, file), 'utf8')

  it('shows the report post-lint gives for its example draft, with the rulebook of init', () => {
    const { path, draft, report } = example(page)
    const directory = fixture()
    expect(runCli(['init', '--yes', '--language', lang], { cwd: directory }).code).toBe(0)
    mkdirSync(join(directory, dirname(path)), { recursive: true })
    writeFileSync(join(directory, path), draft)
    const result = runCli([`${dirname(path)}/`], { cwd: directory })
    expect(result.code).toBe(1)
    expect(result.stdout.trim()).toBe(report.trim())
    // The commands the page has you run after each change pass on the fresh rulebook.
    expect(runCli(['test'], { cwd: directory }).code).toBe(0)
    expect(runCli(['doctor'], { cwd: directory }).code).toBe(0)
  })

  it('links to files that exist, and to the other language', () => {
    const links = [...page.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((match) => match[1]!)
    expect(links).toContain(other)
    for (const link of links.filter((target) => !/^https?:/.test(target)))
      expect(existsSync(join(root, 'docs', link)), link).toBe(true)
  })
})

it('the README links both pages', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  expect(readme).toContain('](docs/getting-started.md)')
  expect(readme).toContain('](docs/aan-de-slag.md)')
})
