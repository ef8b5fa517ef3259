/**
 * Help texts: the main usage and one page per command. Plain strings, so
 * `post-lint --help` loads nothing else.
 */

export const COMMANDS = ['init', 'test', 'doctor', 'rules', 'explain', 'help'] as const
export type Command = (typeof COMMANDS)[number]

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && (COMMANDS as readonly string[]).includes(name)
}

export const HELP = `Usage: post-lint [options] [files, folders or globs…]
       post-lint <command> [options]

Checks social media drafts and newsletters (.md, .markdown, .txt) against your
organisation's rulebook (the nearest post-lint.yml) before they are published.
Without paths, checks the current folder. Files in .gitignore or
.postlintignore are skipped.

Commands:
  init                     write a commented post-lint.yml for your organisation
  test [rulebook]          run the examples of the rulebook's rules
  doctor [rulebook]        check the rulebook: accounts, owners, vault, rules
  rules                    list every rule with its severity and where it comes from
  explain <rule>           show a rule's documentation, with examples
  help <command>           show the help of a command

Options (checking drafts):
  --format <name>          stylish (default), json, sarif (code scanning),
                           github (GitHub Actions annotations), junit or
                           checkstyle
  -o, --output-file <file> write the report to this file, not to standard
                           output (folders are created)
  --quiet                  report errors only
  --max-warnings <n>       fail when there are more than <n> warnings
  --config <file>          use this rulebook instead of the nearest post-lint.yml
  --no-config              use no rulebook: built-in defaults only
  --rule <id:severity>     set a rule's severity: off, info, warning or error
                           (repeatable)
  --changed-since <ref>    check only drafts changed since this git ref (from
                           where the branch left it, plus uncommitted and new
                           files) and report only findings on changed lines
  --fix                    apply safe fixes to the files, then report what is
                           left
  --fix-dry-run            show the fixes as a diff, change no file
  --cache                  remember findings per draft in .postlintcache; the
                           next run checks only drafts (or rulebooks) that
                           changed
  --cache-location <file>  keep the cache in this file (implies --cache)
  -j, --workers <n|auto>   threads to check drafts with (default auto: one per
                           core for long runs, started once they pay off)
  --shard <i/n>            check only part i of n (split a run over CI
                           machines; a draft always lands in the same part)
  -w, --watch              check again whenever a draft or rulebook changes
  --stdin                  check one draft read from standard input; with
                           --fix, print the fixed draft (and the report on
                           standard error)
  --stdin-filename <path>  the path of the draft on standard input (for its
                           rulebook and file type)
  --color, --no-color      force colours on or off (default: on a terminal)
  -v, --version            print the version
  -h, --help               print this help

Examples:
  post-lint drafts/
  post-lint "drafts/**/*.md" --format json > report.json
  post-lint --rule profanity:error --max-warnings 0 drafts/
  post-lint --stdin --stdin-filename drafts/post.md < post.md
  post-lint --changed-since origin/main --format github
  post-lint --format sarif --output-file reports/post-lint.sarif
  post-lint --fix-dry-run drafts/ && post-lint --fix drafts/
  post-lint --cache --shard 2/4 newsletters/
  post-lint init --language nl --platforms facebook,instagram,x
  post-lint test && post-lint doctor
  post-lint explain personal-data

A folder or file that has the name of a command is checked with ./ in front:
post-lint ./test

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings (after --fix: those left; test, doctor: a failing example, an
error), 2 a usage or rulebook problem, or a file that cannot be written.
Rules and their docs: https://github.com/post-lint/post-lint/tree/main/rules
`

export const COMMAND_HELP: Record<Command, string> = {
  init: `Usage: post-lint init [options]

Writes a commented post-lint.yml in the current folder: the recommended rules,
your organisation's details, an account register and one example of each
kind of custom rule. On a terminal it asks a few questions; with --yes, or
when standard input is not a terminal, it uses the options and defaults.
Comments are in the rulebook's language.

Options:
  --language <nl|en>       language of your drafts (default: from your locale)
  --platforms <list>       your accounts, comma-separated (default:
                           facebook,instagram,x); known: x, bluesky, mastodon,
                           threads, linkedin, instagram, facebook
  --name <name>            your organisation's name
  --vault <name>           where the account passwords are kept (a password
                           manager's vault, e.g. "Bitwarden: Sociale media")
  -y, --yes                ask nothing: options and defaults
  --force                  overwrite an existing rulebook

Examples:
  post-lint init
  post-lint init --yes --language nl --name "Stichting Welzijn De Brug"
  post-lint init --yes --language en --platforms facebook,instagram,linkedin

Exit codes: 0 written, 2 a rulebook already exists (use --force) or a bad option.
`,
  test: `Usage: post-lint test [rulebook] [options]

Runs the examples of the rulebook's rules: every "flag" example must be
flagged by its rule and no "pass" example may be. Without a rulebook,
uses the nearest post-lint.yml from the current folder up.

Options:
  --format <name>          stylish (default) or json (the list of examples and
                           their results)
  --color, --no-color      force colours on or off

Examples:
  post-lint test
  post-lint test teams/jongerenwerk/post-lint.yml
  post-lint test --format json

Exit codes: 0 every example passes, 1 an example fails, 2 no rulebook or a
broken rulebook.
`,
  doctor: `Usage: post-lint doctor [rulebook] [options]

Checks the rulebook for problems that do not stop post-lint but will hurt
later: accounts with fewer than two owners, passwords in the rulebook,
accounts outside the organisation's vault, rules that can never fire. Without
a rulebook, uses the nearest post-lint.yml from the current folder up.

Options:
  --format <name>          stylish (default) or json (the list of findings)
  --color, --no-color      force colours on or off

Examples:
  post-lint doctor
  post-lint doctor --format json

Exit codes: 0 no errors (warnings are fine), 1 errors, 2 no rulebook or a
broken rulebook.
`,
  rules: `Usage: post-lint rules [options]

Lists every rule that applies with the rulebook in effect (the nearest
post-lint.yml from the current folder up, or --config): its id, severity
(or off), where it comes from (built-in, custom, or the rulebook's watch list
and account register) and its title in the rulebook's language.

Options:
  --config <file>          use this rulebook
  --no-config              built-in defaults only
  --lang <nl|en>           titles in this language
  --format <name>          stylish (a table, default) or json

Examples:
  post-lint rules
  post-lint rules --config examples/welzijn-nl/post-lint.yml --format json

Exit codes: 0, or 2 for a broken rulebook.
`,
  explain: `Usage: post-lint explain <rule> [options]

Shows a rule's documentation: what it flags and why, its severity, message,
options and examples, in the rulebook's language. For a custom rule, its
definition and examples from the rulebook.

Options:
  --lang <nl|en>           show it in this language
  --config <file>          use this rulebook
  --no-config              built-in rules only
  --color, --no-color      force colours on or off

Examples:
  post-lint explain personal-data
  post-lint explain insensitive --lang en

Exit codes: 0, or 2 for an unknown rule or a broken rulebook.
`,
  help: `Usage: post-lint help [command]

Shows the help of post-lint, or of one command: ${COMMANDS.filter((c) => c !== 'help').join(', ')}.
`,
}

/**
 * The command closest to a mistyped one (edit distance ≤ 2, a swap counting
 * once). Kept here, not taken from the engine, so a typo answers instantly.
 */
export function closestCommand(word: string): Command | undefined {
  let best: Command | undefined
  let bestDistance = 3
  for (const command of COMMANDS) {
    const d = distance(word.toLowerCase(), command)
    if (d < bestDistance) {
      best = command
      bestDistance = d
    }
  }
  return best
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1)
      d[i]![j] = value
    }
  }
  return d[a.length]![b.length]!
}
