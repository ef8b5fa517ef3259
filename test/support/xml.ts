/**
 * Well-formedness of an XML 1.0 document, by a strict parser (saxes): the
 * errors it reports (forbidden characters, bad escapes, unclosed tags), and
 * the elements with their attributes, in document order.
 */
import { SaxesParser } from 'saxes'

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  text: string
}

export function parseXml(xml: string): { errors: string[]; elements: XmlElement[] } {
  const errors: string[] = []
  const elements: XmlElement[] = []
  const open: XmlElement[] = []
  const parser = new SaxesParser()
  parser.on('error', (error) => errors.push(error.message))
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' }
    elements.push(element)
    open.push(element)
  })
  parser.on('text', (text) => {
    const current = open.at(-1)
    if (current) current.text += text
  })
  parser.on('closetag', () => {
    open.pop()
  })
  parser.write(xml).close()
  return { errors, elements }
}
