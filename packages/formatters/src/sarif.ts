import type { Fix, LintMessage, Severity, SeveritySetting } from '@post-lint/core'
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result } from 'sarif'
import { encodePath, fileUri, relativePath } from './paths.js'
import type { Formatter, FormatterResult, RuleInfo } from './types.js'

/** The OASIS schema of SARIF 2.1.0 (errata 01), where code scanning and editors look it up. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
const INFORMATION_URI = 'https://github.com/post-lint/post-lint'
/** The base folder of relative artifact URIs (`options.root`), as GitHub code scanning names it. */
const SRCROOT = '%SRCROOT%'

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' }

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run,
 * `tool.driver.rules` with a descriptor per rule that has findings (title,
 * description, docs URL, level in the rulebook), and a result per finding.
 * Columns are UTF-16 code units, 1-based, end exclusive, as everywhere in
 * post-lint (`columnKind: utf16CodeUnits`). Artifact URIs are relative to
 * `options.root` (uriBaseId %SRCROOT%); files outside it get `file://` URIs.
 * Only the (masked) message is reported, never the draft's text.
 */
export const sarif: Formatter = (results, options) => {
  const root = options.root ?? options.cwd
  const ids = [
    ...new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId))),
  ].sort()
  const index = new Map(ids.map((id, position) => [id, position]))
  const rules = ids.map((id) =>
    descriptor(
      id,
      options.rules?.[id],
      results.flatMap((result) => result.messages).find((m) => m.ruleId === id)!,
    ),
  )
  const sarifResults: Result[] = []
  for (const result of results) {
    const artifact = artifactLocation(result, root)
    for (const message of result.messages)
      sarifResults.push(toResult(message, artifact, index.get(message.ruleId)!))
  }
  const rootUri = fileUri(root)
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'post-lint',
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        ...(rootUri
          ? { originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } } }
          : {}),
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function level(
  severity: SeveritySetting | undefined,
): ReportingDescriptor['defaultConfiguration'] | undefined {
  if (severity === undefined || severity === 'off') return undefined
  return { level: LEVEL[severity] }
}

function descriptor(id: string, info: RuleInfo | undefined, first: LintMessage): ReportingDescriptor {
  const url = info?.url ?? first.url
  const helpUri = url && /^https?:\/\//.test(url) ? url : undefined
  const title = info?.title || id
  const description = info?.description || title
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: description },
    ...(helpUri ? { helpUri } : {}),
    help: {
      text: helpUri ? `${description}\n\n${helpUri}` : description,
      markdown: helpUri ? `${description}\n\n[${id}](${helpUri})` : description,
    },
    // A rule that is off by default but reported was switched on somewhere: its level is that of its findings.
    defaultConfiguration: level(info?.severity) ?? level(first.severity)!,
  }
}

function artifactLocation(result: FormatterResult, root: string): ArtifactLocation {
  const relative = relativePath(result.filePath, root)
  if (relative !== undefined) return { uri: encodePath(relative), uriBaseId: SRCROOT }
  return { uri: fileUri(result.filePath) ?? encodeURIComponent(result.filePath) }
}

/** The finding's own region when the fix replaces exactly its span (the usual case), else offsets. */
function deletedRegion(fix: Fix, message: LintMessage, region: Region): Region {
  if (fix.range[0] === message.offset && fix.range[1] === message.endOffset) return region
  return { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }
}

function toResult(message: LintMessage, artifact: ArtifactLocation, ruleIndex: number): Result {
  const region: Region = {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine,
    endColumn:
      message.endLine === message.line ? Math.max(message.endColumn, message.column) : message.endColumn,
  }
  return {
    ruleId: message.ruleId,
    ruleIndex,
    level: LEVEL[message.severity],
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
    ...(message.fix
      ? {
          fixes: [
            {
              description: { text: `Replace with “${message.fix.text}”` },
              artifactChanges: [
                {
                  artifactLocation: artifact,
                  replacements: [
                    {
                      deletedRegion: deletedRegion(message.fix, message, region),
                      insertedContent: { text: message.fix.text },
                    },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
  }
}
