/**
 * The extension's settings (`postLint.*`): those the language server pulls,
 * plus the severity floor, which the client applies to what it shows. No
 * `vscode` import here, so unit tests can load it.
 */
import type { RulebookStatus, Settings } from 'post-lint-language-server'

export const SETTINGS_SECTION = 'postLint'

export const SEVERITY_FLOORS = ['info', 'warning', 'error'] as const
export type SeverityFloor = (typeof SEVERITY_FLOORS)[number]

/** Everything under `postLint`: the server's settings and the client's own. */
export interface ClientSettings extends Settings {
  /** Findings below this severity are not shown (filtered in the client; the server is not told). */
  severityFloor: SeverityFloor
}

/** vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3. */
const FLOOR_SEVERITY: Record<SeverityFloor, number> = { error: 0, warning: 1, info: 2 }

export function severityFloorOf(value: unknown): SeverityFloor {
  return (SEVERITY_FLOORS as readonly unknown[]).includes(value) ? (value as SeverityFloor) : 'info'
}

/** Does a diagnostic of this (vscode) severity reach the floor? Hints count as info. */
export function reachesFloor(severity: number, floor: SeverityFloor): boolean {
  return Math.min(severity, 2) <= FLOOR_SEVERITY[floor]
}

export interface StatusView {
  text: string
  tooltip: string
  broken: boolean
}

/** The status bar item for the rulebook a draft was checked with (paths shown relative to its folder). */
export function statusView(status: RulebookStatus, relativePath: (path: string) => string): StatusView {
  const name = status.rulebook ? relativePath(status.rulebook) : undefined
  if (status.problem !== undefined) {
    const first = status.problem.split('\n')[0] ?? ''
    return {
      text: `$(error) ${name ?? 'post-lint'}`,
      tooltip: `post-lint: the rulebook ${name ?? ''} is broken; drafts are checked with its last good version, if any.\n${first}`,
      broken: true,
    }
  }
  if (name === undefined) {
    return {
      text: '$(checklist) post-lint: built-in rules',
      tooltip:
        'post-lint: no post-lint.yml for this draft; the built-in rules apply. Click to create a rulebook.',
      broken: false,
    }
  }
  return {
    text: `$(checklist) ${name}`,
    tooltip: `post-lint: drafts here are checked with ${status.rulebook}`,
    broken: false,
  }
}
