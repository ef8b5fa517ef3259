import type { LintMessage, Severity } from '@post-lint/core'
import { displayPath } from './paths.js'
import type { Formatter } from './types.js'
import { XML_DECLARATION, xmlEscape } from './xml.js'

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

/**
 * JUnit XML for CI test reports (as ESLint's junit formatter): a
 * `<testsuite>` per draft and a `<testcase>` per finding; a clean draft gets
 * one passing testcase. Errors and warnings are failures; info findings are
 * passing testcases with the message in `<system-out>`, so hints do not fail
 * a test report.
 */
export const junit: Formatter = (results, options) => {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const result of results) {
    const path = xmlEscape(displayPath(result.filePath, options.cwd))
    const cases = result.messages.map((message) => testcase(message, path))
    const failed = result.messages.filter((message) => message.severity !== 'info').length
    if (cases.length === 0) cases.push(`<testcase name="${path}" classname="${path}" time="0" />`)
    tests += cases.length
    failures += failed
    suites.push(
      `<testsuite name="${path}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">`,
      ...cases,
      '</testsuite>',
    )
  }
  return `${[
    XML_DECLARATION,
    `<testsuites name="post-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n')}\n`
}

function testcase(message: LintMessage, path: string): string {
  const name = xmlEscape(`${message.ruleId} (line ${message.line}, column ${message.column})`)
  const text = xmlEscape(
    `line ${message.line}, col ${message.column}, ${LABEL[message.severity]} - ${message.message} (${message.ruleId})`,
  )
  const open = `<testcase name="${name}" classname="${path}" time="0">`
  if (message.severity === 'info') return `${open}<system-out>${text}</system-out></testcase>`
  return `${open}<failure message="${xmlEscape(message.message)}" type="${message.severity}">${text}</failure></testcase>`
}
