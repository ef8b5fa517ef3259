/**
 * `post-lint init`: write a commented post-lint.yml in the current folder.
 * Asks on a terminal; uses options and defaults with --yes or without one.
 * Never overwrites a rulebook without --force; writes atomically.
 */
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface, type Interface } from 'node:readline/promises'
import { normalizePlatform } from '@post-lint/node'
import { EXIT, type Io, parseCommand, UsageProblem, write } from '../io.js'
import {
  DEFAULT_PLATFORMS,
  DEFAULTS,
  handleFor,
  PLATFORMS,
  rulebookTemplate,
  type TemplateAccount,
  type TemplateInput,
  type TemplateLang,
} from '../template.js'

const RULEBOOK = 'post-lint.yml'
const OTHER_NAMES = ['.post-lint.yml']

export async function init(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('init', argv, {
    yes: { type: 'boolean', short: 'y' },
    language: { type: 'string' },
    lang: { type: 'string' },
    platforms: { type: 'string' },
    name: { type: 'string' },
    vault: { type: 'string' },
    force: { type: 'boolean' },
  })
  if (positionals.length > 0)
    throw new UsageProblem(
      `init: unexpected argument “${positionals[0]}”; init writes post-lint.yml in the current folder`,
    )
  const given = {
    lang: (values.language ?? values.lang) as string | undefined,
    platforms: values.platforms as string | undefined,
    name: values.name as string | undefined,
    vault: values.vault as string | undefined,
  }
  // Check what we can before asking anything.
  const lang = given.lang === undefined ? undefined : parseLanguage(given.lang)
  if (given.lang !== undefined && !lang)
    throw new UsageProblem(`init: --language must be nl or en, not “${given.lang}”`)
  const platforms = given.platforms === undefined ? undefined : parsePlatforms(given.platforms)
  if (typeof platforms === 'string') throw new UsageProblem(`init: --platforms: ${platforms}`)
  if (given.name !== undefined && !given.name.trim()) throw new UsageProblem('init: --name is empty')

  const force = values.force === true
  const existing = await existingRulebook(io.cwd)
  // --force replaces the rulebook that is there, under its own name.
  const name = existing ?? RULEBOOK
  const target = join(io.cwd, name)
  if (existing && !force) {
    await write(
      io.stderr,
      `post-lint: ${existing} already exists in ${io.cwd}; not overwritten. Use post-lint init --force to replace it.\n`,
    )
    return EXIT.usage
  }

  const interactive = values.yes !== true && io.stdin.isTTY === true
  let input: TemplateInput
  try {
    input = interactive
      ? await ask(io, { lang, platforms, name: given.name, vault: given.vault })
      : fromDefaults(io, { lang, platforms, name: given.name, vault: given.vault })
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error
    await write(io.stderr, '\npost-lint: init cancelled; nothing written.\n')
    return 130
  }

  const text = rulebookTemplate(input)
  const written = await writeAtomically(target, text, force)
  if (!written) {
    await write(
      io.stderr,
      `post-lint: ${name} appeared in ${io.cwd} while init was running; not overwritten. Use --force to replace it.\n`,
    )
    return EXIT.usage
  }
  const language = input.lang === 'nl' ? 'Dutch' : 'English'
  await write(
    io.stdout,
    `${interactive ? '\n' : ''}${existing ? 'Replaced' : 'Wrote'} ${name} (${language}; accounts: ${input.accounts.map((a) => a.platform).join(', ')}).
Next:
  1. Fill in the account owners and your organisation's details in ${name}.
  2. post-lint test      runs the examples of your own rules
  3. post-lint doctor    checks the rulebook and the account register
  4. post-lint drafts/   checks your drafts
`,
  )
  return EXIT.ok
}

interface Given {
  lang: TemplateLang | undefined
  platforms: string[] | undefined
  name: string | undefined
  vault: string | undefined
}

function parseLanguage(value: string): TemplateLang | undefined {
  const lang = value.trim().toLowerCase()
  if (['nl', 'nederlands', 'dutch'].includes(lang)) return 'nl'
  if (['en', 'english', 'engels'].includes(lang)) return 'en'
  return undefined
}

/** Platforms from a comma-separated list; a string is a problem to show. */
function parsePlatforms(value: string): string[] | string {
  const names = value
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (names.length === 0) return 'name at least one platform, e.g. facebook,instagram,x'
  const platforms: string[] = []
  for (const name of names) {
    const platform = normalizePlatform(name)
    if (!(PLATFORMS as readonly string[]).includes(platform))
      return `unknown platform “${name}”; known: ${PLATFORMS.join(', ')}`
    if (!platforms.includes(platform)) platforms.push(platform)
  }
  return platforms
}

/** The language of the user's locale, for a default. */
function localeLang(io: Io): TemplateLang {
  const locale = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG || ''
  return /^nl([_-]|$)/i.test(locale) ? 'nl' : 'en'
}

function build(
  lang: TemplateLang,
  platforms: string[],
  name: string,
  vault: string,
  owners?: Map<string, TemplateAccount>,
): TemplateInput {
  const handle = handleFor(name)
  return {
    lang,
    name,
    vault,
    accounts: platforms.map(
      (platform) => owners?.get(platform) ?? { platform, handle, owners: [...DEFAULTS[lang].owners] },
    ),
  }
}

function fromDefaults(io: Io, given: Given): TemplateInput {
  const lang = given.lang ?? localeLang(io)
  return build(
    lang,
    given.platforms ?? DEFAULT_PLATFORMS,
    given.name?.trim() || DEFAULTS[lang].name,
    given.vault?.trim() || DEFAULTS[lang].vault,
  )
}

const QUESTIONS = {
  platforms: {
    nl: 'Op welke platforms heeft de organisatie een account? (met komma’s)',
    en: 'Which platforms does the organisation have accounts on? (comma-separated)',
  },
  name: { nl: 'Naam van de organisatie', en: 'Name of the organisation' },
  vault: {
    nl: 'Waar staan de wachtwoorden van de accounts? (de kluis van je wachtwoordmanager)',
    en: 'Where are the accounts’ passwords kept? (your password manager’s vault)',
  },
  handle: { nl: 'Accountnaam op {platform}', en: 'Account name on {platform}' },
  owners: {
    nl: 'Wie beheren het {platform}-account? (twee namen, met een komma)',
    en: 'Who look after the {platform} account? (two names, comma-separated)',
  },
  ownersTooFew: {
    nl: 'Noem er minstens twee: dan kun je er nog in als iemand vertrekt.',
    en: 'Name at least two: then you can still get in when someone leaves.',
  },
}

/** Ask on a terminal; an answer left empty takes the default in brackets. */
async function ask(io: Io, given: Given): Promise<TemplateInput> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: true })
  // Lines typed (or pasted) before their question is asked are kept, not lost.
  const lines: string[] = []
  let waiting: ((line: string | undefined) => void) | undefined
  let closed = false
  rl.on('line', (line) => {
    const resolve = waiting
    waiting = undefined
    if (resolve) resolve(line)
    else lines.push(line)
  })
  rl.once('close', () => {
    closed = true
    waiting?.(undefined)
  })
  // Ctrl-C (or Ctrl-D before the end): stop without writing anything.
  let cancelled = false
  rl.once('SIGINT', () => {
    cancelled = true
    rl.close()
  })
  const exhausted = () => closed && lines.length === 0
  const question = async (text: string, fallback: string): Promise<string> => {
    if (exhausted()) return fallback
    rl.setPrompt(`${text} [${fallback}]: `)
    rl.prompt()
    const answer =
      lines.length > 0
        ? lines.shift()
        : await new Promise<string | undefined>((resolve) => {
            waiting = resolve
          })
    if (cancelled) throw new Cancelled()
    return answer?.trim() || fallback
  }
  try {
    let lang = given.lang
    while (!lang) {
      const answer = await question('Language of your drafts / Taal van je berichten (nl/en)', localeLang(io))
      lang = parseLanguage(answer)
      if (!lang && exhausted()) lang = localeLang(io)
    }
    let platforms = given.platforms
    while (!platforms) {
      const parsed = parsePlatforms(await question(QUESTIONS.platforms[lang], DEFAULT_PLATFORMS.join(', ')))
      if (typeof parsed === 'string') await write(io.stdout, `  ${parsed}\n`)
      else platforms = parsed
    }
    const name = given.name?.trim() || (await question(QUESTIONS.name[lang], DEFAULTS[lang].name))
    const vault = given.vault?.trim() || (await question(QUESTIONS.vault[lang], DEFAULTS[lang].vault))
    const accounts = new Map<string, TemplateAccount>()
    for (const platform of platforms) {
      const vars = (text: string) => text.replace('{platform}', platform)
      const handle = await question(vars(QUESTIONS.handle[lang]), handleFor(name))
      let owners: string[] | undefined
      while (!owners) {
        const answer = await question(vars(QUESTIONS.owners[lang]), DEFAULTS[lang].owners.join(', '))
        const names = answer
          .split(',')
          .map((owner) => owner.trim())
          .filter(Boolean)
        if (names.length >= 2 || exhausted()) owners = names.length > 0 ? names : [...DEFAULTS[lang].owners]
        else await write(io.stdout, `  ${QUESTIONS.ownersTooFew[lang]}\n`)
      }
      accounts.set(platform, { platform, handle: handle.startsWith('@') ? handle : `@${handle}`, owners })
    }
    return build(lang, platforms, name, vault, accounts)
  } finally {
    closeQuietly(rl)
  }
}

class Cancelled extends Error {}

function closeQuietly(rl: Interface): void {
  try {
    rl.close()
  } catch {
    // already closed
  }
}

async function existingRulebook(directory: string): Promise<string | undefined> {
  for (const name of [RULEBOOK, ...OTHER_NAMES]) {
    const info = await stat(join(directory, name)).catch(() => undefined)
    if (info) return name
  }
  return undefined
}

/**
 * Write to a temporary file next to the target, then move it into place:
 * readers never see half a rulebook. Without `replace`, a hard link makes
 * "create if absent" atomic too (false: the target exists after all).
 */
async function writeAtomically(target: string, text: string, replace: boolean): Promise<boolean> {
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`
  await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' })
  try {
    if (replace) {
      await rename(temporary, target)
      return true
    }
    try {
      await link(temporary, target)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      // File systems without hard links: check, then rename.
      if (await stat(target).catch(() => undefined)) return false
      await rename(temporary, target)
      return true
    }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
}
