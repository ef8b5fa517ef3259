import type { Formatter } from './types.js'
import { XML_DECLARATION, xmlEscape } from './xml.js'

/**
 * Checkstyle XML, as ESLint's checkstyle formatter writes it: a `<file>` per
 * draft (clean ones too, with absolute paths) and an `<error>` per finding,
 * its rule id after the message and in `source`. Severities: error, warning,
 * info (Checkstyle's own levels).
 */
export const checkstyle: Formatter = (results) => {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">']
  for (const result of results) {
    out.push(`<file name="${xmlEscape(result.filePath)}">`)
    for (const message of result.messages) {
      out.push(
        `<error line="${message.line}" column="${message.column}" severity="${message.severity}" message="${xmlEscape(`${message.message} (${message.ruleId})`)}" source="${xmlEscape(`post-lint.rules.${message.ruleId}`)}" />`,
      )
    }
    out.push('</file>')
  }
  out.push('</checkstyle>')
  return `${out.join('')}\n`
}
