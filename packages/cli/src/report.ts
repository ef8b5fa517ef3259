/**
 * Where a report goes and what it may say about rules: the metadata that
 * `post-lint rules` and `explain` show (title, description, docs URL,
 * severity in the rulebook), handed to the formatters, which stay free of
 * files and rulebooks.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ENGINE_RULES, type Lang, type LocalText, localize, readSetting } from '@post-lint/core'
import type { RuleInfo } from '@post-lint/formatters'
import { type PostLint, writeFileAtomic } from '@post-lint/node'
import { type Io, UsageProblem, write } from './io.js'

/** Engine messages have no rule object: their titles and descriptions (docs/engine-messages.md). */
const ENGINE_RULE_TEXTS: Record<string, { title: LocalText; description: LocalText }> = {
  [ENGINE_RULES.controlComment]: {
    title: { en: 'post-lint comment that does nothing', nl: 'post-lint-commentaar dat niets doet' },
    description: {
      en: 'A <!-- post-lint-… --> comment names a rule that does not exist or misspells its directive, so it would silently switch nothing off.',
      nl: 'Een <!-- post-lint-… -->-commentaar noemt een regel die niet bestaat of spelt de opdracht verkeerd, waardoor het stilletjes niets uitzet.',
    },
  },
  [ENGINE_RULES.frontmatter]: {
    title: { en: 'Frontmatter post-lint cannot read', nl: 'Frontmatter die post-lint niet kan lezen' },
    description: {
      en: 'The block between --- lines at the top of the draft is not valid YAML or key: value lines, or has an unknown lang:. The rest of the draft is still checked.',
      nl: 'Het blok tussen ----regels boven in het concept is geen geldige YAML of key: value-regels, of heeft een onbekende lang:. De rest van het concept wordt wel gecontroleerd.',
    },
  },
  [ENGINE_RULES.ruleCrash]: {
    title: { en: 'A rule failed on this draft', nl: 'Een regel liep vast op dit concept' },
    description: {
      en: 'A rule failed on this draft; the other rules did run. This is a bug in post-lint: please report it with the draft.',
      nl: 'Een regel liep vast op dit concept; de andere regels zijn wel uitgevoerd. Dit is een fout in post-lint: meld die graag, met het concept.',
    },
  },
}

/**
 * Metadata of every rule of the rulebooks these results were checked with
 * (`--rule` applied), in `lang`. The first rulebook that has a rule wins.
 */
export function ruleInfo(
  engine: PostLint,
  rulebooks: ReadonlyArray<string | undefined>,
  lang: Lang,
): Record<string, RuleInfo> {
  const info: Record<string, RuleInfo> = {}
  for (const [id, texts] of Object.entries(ENGINE_RULE_TEXTS)) {
    info[id] = {
      title: localize(texts.title, lang),
      description: localize(texts.description, lang),
      severity: 'error',
    }
  }
  for (const rulebook of new Set(rulebooks.length > 0 ? rulebooks : [undefined])) {
    const config = engine.configFor(rulebook, undefined)
    for (const rule of engine.compiled(rulebook).rules) {
      const { meta } = rule
      if (info[meta.id]) continue
      const { severity } = readSetting(config.rules?.[meta.id])
      info[meta.id] = {
        title: localize(meta.title, lang) || meta.id,
        description: localize(meta.description, lang) || localize(meta.title, lang),
        ...(typeof meta.url === 'string' ? { url: meta.url } : {}),
        severity: severity ?? meta.defaultSeverity,
      }
    }
  }
  return info
}

/**
 * The folder CI reports make paths relative to: the repository root that
 * GitHub Actions checked out (GITHUB_WORKSPACE) when the working folder is
 * inside it, else the working folder.
 */
export function reportRoot(io: Io): string {
  const workspace = io.env.GITHUB_WORKSPACE
  if (workspace && isAbsolute(workspace)) {
    const inside = relative(resolve(workspace), io.cwd)
    if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)))
      return resolve(workspace)
  }
  return io.cwd
}

/** The report on standard output, or (`--output-file`) atomically into a file, parent folders created. */
export async function emitReport(io: Io, report: string, outputFile: string | undefined): Promise<void> {
  if (outputFile === undefined) {
    await write(io.stdout, report)
    return
  }
  try {
    await writeFileAtomic(resolve(io.cwd, outputFile), report, { makeParents: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageProblem(
      code === 'EISDIR'
        ? `--output-file: ${outputFile} is a folder; name a file, e.g. ${outputFile.replace(/[\\/]+$/, '')}/post-lint.sarif`
        : `--output-file: cannot write ${outputFile} (${code ?? (error as Error).message})`,
    )
  }
}
