/**
 * XML 1.0 text for the XML reports (junit, checkstyle). Characters XML 1.0
 * forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot even be
 * written as character references, so they become U+FFFD; tabs and line
 * breaks in attributes are written as references so parsers keep them.
 */

// Most C0 controls, U+FFFE, U+FFFF, and surrogates that are not part of a pair.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** Escaped for an attribute value (double-quoted) or element content. */
export function xmlEscape(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (character) => ENTITIES[character]!)
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
