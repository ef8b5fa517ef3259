/**
 * Pure builders for what the server answers: code actions (quick fixes, fix
 * all, disable for this line), hover texts, and diagnostics for a broken
 * rulebook or a draft that could not be checked.
 */
import type { Fix, Lang, LocalText, SeveritySetting } from '@post-lint/core'
import { allowTerm, type RulebookProblem, ruleData } from '@post-lint/node'
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  type MarkupContent,
  MarkupKind,
  type Position,
  type TextEdit,
} from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'

export const SOURCE = 'post-lint'
/** The code action kind of "fix all post-lint problems". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.post-lint`

/** What a diagnostic carries in `data`. */
export interface DiagnosticData {
  suggestions?: string[]
  fix?: Fix
  /** The flagged text (masked for secrets). */
  actual?: string
}

function dataOf(diagnostic: Diagnostic): DiagnosticData {
  const data = diagnostic.data as DiagnosticData | undefined
  return data && typeof data === 'object' ? data : {}
}

/** One quick fix per suggestion, replacing the finding's range; preferred when there is exactly one. */
export function quickFixes(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const suggestions = dataOf(diagnostic).suggestions ?? []
  return suggestions.map((suggestion) => ({
    title: `Replace with “${suggestion}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: suggestions.length === 1,
    edit: { changes: { [uri]: [{ range: diagnostic.range, newText: suggestion }] } },
  }))
}

/** `<!-- post-lint-disable-next-line <rule> -->` on its own line above the finding, same indentation. */
export function disableLineAction(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined
  if (!rule) return undefined
  const line = diagnostic.range.start.line
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
  const indent = /^[ \t]*/.exec(text)?.[0] ?? ''
  const position: Position = { line, character: 0 }
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [document.uri]: [
          {
            range: { start: position, end: position },
            newText: `${indent}<!-- post-lint-disable-next-line ${rule} -->\n`,
          },
        ],
      },
    },
  }
}

/** A rule's list of allowed terms as it is in effect for a draft. */
export interface AllowList {
  option: string
  current: string[]
  severity: SeveritySetting
}

const ALLOW_TITLE = {
  en: 'Allow “{term}” in the rulebook ({rule})',
  nl: '“{term}” toestaan in het rulebook ({rule})',
}

/**
 * “Allow this term in the rulebook”: adds the finding's text to the rule's
 * allow list (see `allowTerm`) in the rulebook file, or in a new
 * `post-lint.yml` when the draft has none and the client can create files.
 */
export function allowAction(options: {
  diagnostic: Diagnostic
  lang: Lang
  list: AllowList
  rulebookUri: string
  /** The rulebook's text; undefined: there is none yet (the action creates it). */
  rulebookText: string | undefined
  canCreateFiles: boolean
}): CodeAction | undefined {
  const { diagnostic, list, rulebookUri, rulebookText } = options
  const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined
  const term = dataOf(diagnostic).actual?.trim()
  if (!rule || !term || term.includes('\n') || term.includes('•')) return undefined
  if (rulebookText === undefined && !options.canCreateFiles) return undefined
  const newText = allowTerm(rulebookText ?? '', {
    ruleId: rule,
    option: list.option,
    term: rule === 'personal-data' ? term : term.toLowerCase(),
    severity: list.severity,
    current: list.current,
  })
  if (newText === undefined) return undefined
  const lines = (rulebookText ?? '').split(/\r\n|\r|\n/)
  const end = { line: lines.length - 1, character: lines.at(-1)!.length }
  const edit = { range: { start: { line: 0, character: 0 }, end }, newText }
  return {
    title: local(ALLOW_TITLE, options.lang).replace('{term}', term).replace('{rule}', rule),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit:
      rulebookText === undefined
        ? {
            documentChanges: [
              { kind: 'create', uri: rulebookUri, options: { ignoreIfExists: true } },
              { textDocument: { uri: rulebookUri, version: null }, edits: [edit] },
            ],
          }
        : { changes: { [rulebookUri]: [edit] } },
  }
}

/**
 * Every safe fix of the document as text edits, in order, skipping any that
 * overlaps one before it. Fix offsets count from after a byte order mark.
 */
export function fixAllEdits(document: TextDocument, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const bom = document.getText().startsWith('\uFEFF') ? 1 : 0
  const fixes = diagnostics
    .map((diagnostic) => dataOf(diagnostic).fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const edits: TextEdit[] = []
  let end = -1
  for (const fix of fixes) {
    if (fix.range[0] < end) continue
    edits.push({
      range: { start: document.positionAt(fix.range[0] + bom), end: document.positionAt(fix.range[1] + bom) },
      newText: fix.text,
    })
    end = Math.max(fix.range[1], fix.range[0] + 1)
  }
  return edits
}

export function fixAllAction(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
): CodeAction | undefined {
  const edits = fixAllEdits(document, diagnostics)
  if (edits.length === 0) return undefined
  return {
    title: 'Fix all post-lint problems in this document',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: edits } },
  }
}

function local(text: LocalText | undefined, lang: Lang): string {
  if (text === undefined) return ''
  return typeof text === 'string' ? text : (text[lang] ?? text.en)
}

/** The hover for a finding: a built-in rule's explanation with examples, or a short text for a custom rule. */
export function hoverText(diagnostic: Diagnostic, lang: Lang): MarkupContent {
  const id = String(diagnostic.code ?? '')
  const data = ruleData[id]
  const link = diagnostic.codeDescription ? `\n\n[More about ${id}](${diagnostic.codeDescription.href})` : ''
  if (!data) {
    return {
      kind: MarkupKind.Markdown,
      value: `**${id}** (a rule of your rulebook)\n\n${diagnostic.message}${link}`,
    }
  }
  const examples = data.examples[lang] ?? data.examples.en
  const lines = [`**${local(data.title, lang)}** (\`${id}\`)`, '', local(data.description, lang)]
  const flagged = examples?.flag[0]
  const fine = examples?.pass[0]
  if (flagged) lines.push('', `❌ ${flagged}`)
  if (fine) lines.push('', `✅ ${fine}`)
  return { kind: MarkupKind.Markdown, value: lines.join('\n') + link }
}

/** A draft that could not be checked: one error at 1:1. */
export function failureDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `post-lint could not check this draft: ${reason}`,
  }
}

/** Rulebook problems (1-based) as diagnostics in the rulebook document. */
export function problemDiagnostic(problem: RulebookProblem, note = ''): Diagnostic {
  const line = Math.max(problem.line - 1, 0)
  const character = Math.max(problem.column - 1, 0)
  const endLine = Math.max(problem.endLine - 1, line)
  const endCharacter =
    endLine === line ? Math.max(problem.endColumn - 1, character) : Math.max(problem.endColumn - 1, 0)
  return {
    range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: note + problem.message,
  }
}
