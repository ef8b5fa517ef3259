/**
 * post-lint language server (filled in by the language-server issue): a thin
 * mapping from engine messages to LSP diagnostics.
 */
import type { LintMessage } from '@post-lint/core'
import type { Diagnostic } from 'vscode-languageserver'
import { DiagnosticSeverity } from 'vscode-languageserver'

/** Settings the server pulls from the client under `postLint`. */
export interface Settings {
  enable: boolean
  run: 'onType' | 'onSave'
  rulebook: string | null
}

export const defaultSettings: Settings = { enable: true, run: 'onType', rulebook: null }

/** Notification to the client after a draft is checked: the rulebook it was checked with (for a status bar). */
export const STATUS_NOTIFICATION = 'postLint/status'

export interface RulebookStatus {
  /** The draft. */
  uri: string
  /** The rulebook's absolute path; null: the built-in defaults. */
  rulebook: string | null
  /** Set when that rulebook cannot be used: what is wrong (the draft was checked with its last good version, if any). */
  problem?: string
}

/** `workspace/executeCommand`: check every draft in the workspace folders (ignore files honoured) and push the diagnostics of those not open; reports work done progress, returns how many drafts were checked. */
export const LINT_WORKSPACE_COMMAND = 'post-lint.lintWorkspace'

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

/** Engine message → LSP diagnostic (lines and columns become 0-based). */
export function toDiagnostic(message: LintMessage): Diagnostic {
  return {
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: message.endLine - 1, character: message.endColumn - 1 },
    },
    severity: SEVERITY[message.severity],
    code: message.ruleId,
    source: 'post-lint',
    message: message.message,
    ...(message.url ? { codeDescription: { href: message.url } } : {}),
    data: { suggestions: message.suggestions, fix: message.fix, actual: message.actual },
  }
}

export * from './actions.js'
export { createServer, DEBOUNCE_MS, normalizeSettings, startServer } from './server.js'
