/**
 * The rulebook `post-lint init` writes: commented in the rulebook's language,
 * valid as written, with custom rules whose examples pass `post-lint test`.
 * User input is written as JSON strings, which YAML reads as double-quoted
 * scalars, so no name can break the file.
 */

export type TemplateLang = 'nl' | 'en'

export interface TemplateAccount {
  platform: string
  handle: string
  owners: string[]
}

export interface TemplateInput {
  lang: TemplateLang
  name: string
  vault: string
  accounts: TemplateAccount[]
}

/** Platforms with an account register entry (those platform-length knows). */
export const PLATFORMS = ['facebook', 'instagram', 'x', 'linkedin', 'bluesky', 'mastodon', 'threads'] as const
export const DEFAULT_PLATFORMS = ['facebook', 'instagram', 'x']

export const DEFAULTS: Record<TemplateLang, { name: string; vault: string; owners: [string, string] }> = {
  nl: { name: 'Stichting Voorbeeld', vault: 'Bitwarden: Sociale media', owners: ['Naam 1', 'Naam 2'] },
  en: { name: 'Example Charity', vault: 'Bitwarden: Social media', owners: ['Name 1', 'Name 2'] },
}

const LEGAL_FORMS = /\b(stichting|vereniging|coöperatie|cooperatie|the|charity|trust|foundation|cic|ltd)\b/giu

/** A guess at the accounts' handle: the name without legal form, accents or spaces. */
export function handleFor(name: string): string {
  const bare = name.replace(LEGAL_FORMS, ' ').trim() || name
  const slug = bare
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
  return `@${slug || 'organisatie'}`
}

const q = (value: string) => JSON.stringify(value)
const comment = (line: string, note: string) => `${line.padEnd(39)} # ${note}`
const list = (values: string[]) => `[${values.map(q).join(', ')}]`

export function rulebookTemplate(input: TemplateInput): string {
  return input.lang === 'nl' ? dutch(input) : english(input)
}

function accounts(input: TemplateInput, handleNote: string, ownersNote: string): string {
  return input.accounts
    .map((account) =>
      [
        `  - id: ${account.platform}`,
        `    platform: ${account.platform}`,
        comment(`    handle: ${q(account.handle)}`, handleNote),
        comment(`    owners: ${list(account.owners)}`, ownersNote),
        `    vault: ${q(input.vault)}`,
      ].join('\n'),
    )
    .join('\n')
}

function dutch(input: TemplateInput): string {
  return `# yaml-language-server: $schema=./node_modules/post-lint/rulebook.schema.json
#
# Huisregels voor sociale media van ${input.name.replace(/\n/g, ' ')}
#
# post-lint controleert elk concept in deze map en de mappen eronder met dit
# bestand. Handige commando's:
#   post-lint concepten/        berichten controleren
#   post-lint rules             alle regels met hun ernst op een rij
#   post-lint explain <regel>   uitleg en voorbeelden van één regel
#   post-lint test              de voorbeelden van de eigen regels hieronder nalopen
#   post-lint doctor            accounts, eigenaren en wachtwoordkluis nalopen
# Draai \`post-lint test\` en \`post-lint doctor\` na elke wijziging.

# De basis: de aanbevolen regels, met de Nederlandse woordenlijsten.
extends: [recommended, nl]

# De taal van concepten zonder \`lang:\` in de frontmatter.
language: nl

# De gegevens van de organisatie zelf mogen in een bericht staan: post-lint
# ziet ze niet als persoonsgegevens van anderen. Haal het # weg en vul ze in.
organisation:
  name: ${q(input.name)}
  # names: ["De Brug"]                          # andere namen en schrijfwijzen
  # domains: [voorbeeld.nl]                     # website en e-mailadressen
  # phones: ["020 123 45 67"]                   # receptie, hulplijn
  # ibans: ["NL91 ABNA 0417 1643 00"]           # rekening voor giften
  # addresses: ["Dorpsstraat 1, 1234 AB Voorbeeld"]   # het buurthuis
  # Waar de wachtwoorden van de accounts staan. Een wachtwoord zelf hoort
  # nooit in dit bestand.
  vault: ${q(input.vault)}

# Het accountregister. Elk account heeft minstens twee eigenaren, zodat je er
# nog in kunt als een collega vertrekt. Een concept noemt zijn account met
# \`account: <id>\` in de frontmatter.
accounts:
${accounts(input, 'controleer de accountnaam', 'vul de echte namen in')}

# De ernst van een regel aanpassen: off (uit), info, warning of error.
# Haal het # weg om een regel te wijzigen; \`post-lint rules\` toont ze allemaal.
rules:
  # profanity: error            # grof taalgebruik: nooit in een bericht van ons
  # bragging: off               # opscheppen vinden wij geen probleem
  # hashtag-case: warning       # hashtags met hoofdletters, voor schermlezers
  # insensitive: [warning, { ignore: [bejaarden] }]   # één woord toestaan

# Eigen regels. Elke regel heeft voorbeelden: \`post-lint test\` controleert
# dat post-lint de zinnen onder "flag" meldt en die onder "pass" niet.
# Soorten: avoid (woorden vermijden), replace (woord → voorkeurswoord),
# require (verplichte velden in de frontmatter) en pattern (een patroon).
custom:
  # Woorden die we liever niet gebruiken, met een alternatief.
  hulpbehoevend:
    type: avoid
    phrases: [hulpbehoevend, hulpbehoevende, hulpbehoevenden]
    suggest: [die hulp nodig heeft, die hulp nodig hebben]
    message: "“{actual}” maakt mensen kleiner dan ze zijn: schrijf liever wat ze nodig hebben."
    examples:
      flag: ["We brengen hulpbehoevende ouderen naar de weekmarkt."]
      pass: ["We brengen ouderen die hulp nodig hebben naar de weekmarkt."]

  # Een woord met een vast alternatief (post-lint stelt het voor).
  deelnemer:
    type: replace
    replace:
      cliënt: deelnemer
      cliënten: deelnemers
    note: We schrijven over mensen, niet over dossiers.
    examples:
      flag: ["Onze cliënten koken elke dinsdag samen."]
      pass: ["Onze deelnemers koken elke dinsdag samen."]

  # Verplichte velden in de frontmatter: een bericht dat klaarstaat, is door
  # een tweede persoon gelezen.
  meelezer:
    type: require
    fields: [reviewed-by]
    when: { status: ready }
    # De melding begint met "Dit concept mist reviewed-by:".
    message: "een bericht op ready leest eerst een collega na; zet diens naam erbij."
    examples:
      flag:
        - |
          ---
          status: ready
          ---
          Zaterdag is het buurthuis open van 10.00 tot 16.00 uur.
      pass:
        - |
          ---
          status: ready
          reviewed-by: Naam 2
          ---
          Zaterdag is het buurthuis open van 10.00 tot 16.00 uur.
        - |
          ---
          status: concept
          ---
          Zaterdag is het buurthuis open van 10.00 tot 16.00 uur.

  # Een patroon (een reguliere expressie), hier voor interne dossiernummers.
  # Haal de # weg om het te gebruiken.
  # dossiernummer:
  #   type: pattern
  #   pattern: 'DOS-\\d{5}'
  #   severity: error
  #   message: "“{actual}” is een intern dossiernummer: dat hoort niet in een bericht."
  #   examples:
  #     flag: ["Het verslag staat in DOS-12345."]
  #     pass: ["Het verslag staat op onze website."]
`
}

function english(input: TemplateInput): string {
  return `# yaml-language-server: $schema=./node_modules/post-lint/rulebook.schema.json
#
# Social media house rules of ${input.name.replace(/\n/g, ' ')}
#
# post-lint checks every draft in this folder and the folders below it
# against this file. Useful commands:
#   post-lint drafts/           check drafts
#   post-lint rules             every rule and its severity
#   post-lint explain <rule>    what one rule flags and why, with examples
#   post-lint test              run the examples of the custom rules below
#   post-lint doctor            check the accounts, their owners and the vault
# Run \`post-lint test\` and \`post-lint doctor\` after every change.

# The basis: the recommended rules, with the English word lists.
extends: [recommended, en]

# The language of drafts without \`lang:\` in their frontmatter.
language: en

# Your organisation's own details may appear in posts: post-lint does not
# treat them as someone's personal data. Remove the # and fill them in.
organisation:
  name: ${q(input.name)}
  # names: ["Riverside"]                        # other names and spellings
  # domains: [example.org.uk]                   # website and e-mail
  # phones: ["020 7946 0000"]                   # front desk, helpline
  # ibans: ["GB33 BUKB 2020 1555 5555 55"]      # account for donations
  # addresses: ["1 High Street, London E1 6AN"] # the community centre
  # Where the accounts' passwords are kept. A password itself never belongs
  # in this file.
  vault: ${q(input.vault)}

# The account register. Every account has at least two owners, so you can
# still get in when a colleague leaves. A draft names its account with
# \`account: <id>\` in its frontmatter.
accounts:
${accounts(input, 'check the account name', 'fill in the real names')}

# Change how serious a rule is: off, info, warning or error.
# Remove the # to change a rule; \`post-lint rules\` lists them all.
rules:
  # profanity: error            # swearing: never in one of our posts
  # bragging: off               # we don't mind superlatives
  # hashtag-case: warning       # CamelCase hashtags, for screen readers
  # insensitive: [warning, { ignore: [elderly] }]   # allow one word

# Your own rules. Each has examples: \`post-lint test\` checks that post-lint
# flags the sentences under "flag" and not those under "pass".
# Kinds: avoid (words to avoid), replace (word → preferred word), require
# (frontmatter fields a draft must have) and pattern (a regular expression).
custom:
  # Words we'd rather not use, with an alternative.
  service-users:
    type: avoid
    phrases: [service user, service users]
    suggest: [people we support]
    message: "“{actual}” is jargon: say who you mean, e.g. “people we support”."
    examples:
      flag: ["Our service users tell us the drop-in changed their week."]
      pass: ["The people we support tell us the drop-in changed their week."]

  # A word with a preferred alternative (post-lint suggests it).
  beneficiaries:
    type: replace
    replace:
      beneficiary: person we support
      beneficiaries: people we support
    note: We write about people, not case files.
    examples:
      flag: ["Our beneficiaries cook together every Tuesday."]
      pass: ["The people we support cook together every Tuesday."]

  # Frontmatter fields a draft must have: a post that is ready has been read
  # by a second person.
  second-reader:
    type: require
    fields: [reviewed-by]
    when: { status: ready }
    # The message starts with "This draft lacks reviewed-by:".
    message: "a post marked ready is read by a colleague first; add their name."
    examples:
      flag:
        - |
          ---
          status: ready
          ---
          The community centre is open on Saturday from 10am to 4pm.
      pass:
        - |
          ---
          status: ready
          reviewed-by: Name 2
          ---
          The community centre is open on Saturday from 10am to 4pm.
        - |
          ---
          status: draft
          ---
          The community centre is open on Saturday from 10am to 4pm.

  # A pattern (a regular expression), here for internal case numbers.
  # Remove the # to use it.
  # case-numbers:
  #   type: pattern
  #   pattern: 'CASE-\\d{5}'
  #   severity: error
  #   message: "“{actual}” is an internal case number: it doesn't belong in a post."
  #   examples:
  #     flag: ["The notes are in CASE-12345."]
  #     pass: ["The notes are on our website."]
`
}
