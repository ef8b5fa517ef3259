/**
 * The rulebook of a Dutch welfare team for tests that run post-lint as it is
 * shipped (packed tarballs, the browser bundle): a preset, the organisation's
 * own phone number, profanity as an error and one custom rule with examples.
 */
export const TEAM_RULEBOOK = `# yaml-language-server: $schema=./node_modules/post-lint/rulebook.schema.json
extends: [recommended, nl]
language: nl
organisation:
  name: Stichting Welzijn De Brug
  phones: ["020 123 4567"]
rules:
  profanity: error
custom:
  deelnemers:
    type: replace
    replace: { cliënten: deelnemers }
    examples:
      flag: ["Onze cliënten koken samen."]
      pass: ["Onze deelnemers koken samen."]
`
