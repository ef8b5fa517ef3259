import type { Rule } from '@post-lint/core'
import type { Nodes } from 'mdast'
import { visit } from 'unist-util-visit'
import { metaFrom } from '../data.js'
import { ruleData } from '../generated/rules.js'

/**
 * Images without alternative text: Markdown images and references with an
 * empty alt, alt text that is only a file name or a placeholder word
 * ("foto", "image"), `<img>` without `alt`, and a frontmatter `image:`
 * without `alt:`. Screen-reader users hear nothing useful otherwise.
 */
const data = ruleData['alt-text']!

const PLACEHOLDER =
  /^(image|img|photo|picture|pic|foto|afbeelding|plaatje|beeld|screenshot|schermafbeelding|logo|banner|header|alt|alt text|alttekst|untitled|naamloos|\d+)$/i
const FILE_NAME = /^[\w\s.-]*\.(jpe?g|png|gif|webp|heic|avif|svg|bmp|tiff?)$/i
const ALT_KEYS = ['alt', 'image_alt', 'imageAlt', 'image-alt', 'alt_text', 'altText', 'alt-text']

const PLACEHOLDER_MESSAGE = {
  en: 'The alt text “{actual}” tells a screen-reader user nothing: describe what the image shows.',
  nl: 'De alt-tekst “{actual}” zegt een schermlezer-gebruiker niets: beschrijf wat er op de afbeelding te zien is.',
}

function weak(alt: string | null | undefined): 'missing' | 'placeholder' | undefined {
  const value = alt?.trim() ?? ''
  if (value === '') return 'missing'
  if (PLACEHOLDER.test(value) || FILE_NAME.test(value)) return 'placeholder'
  return undefined
}

export const altText: Rule = {
  meta: metaFrom(data),
  check(ctx) {
    const report = (start: number, end: number, alt: string | null | undefined) => {
      const kind = weak(alt)
      if (!kind) return
      ctx.report({
        start,
        end,
        message:
          kind === 'missing'
            ? ctx.t(data.message, { actual: ctx.source.slice(start, end) })
            : ctx.t(PLACEHOLDER_MESSAGE, { actual: alt?.trim() ?? '' }),
      })
    }
    visit(ctx.mdast, (node: Nodes) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      if (node.type === 'image' || node.type === 'imageReference') report(start, end, node.alt)
      else if (node.type === 'html') {
        for (const tag of node.value.matchAll(/<img\b[^>]*>/gi)) {
          const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0])
          report(
            start + tag.index,
            start + tag.index + tag[0].length,
            alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : null,
          )
        }
      }
    })
    // A post's image named in the frontmatter needs its alt text there too.
    const frontmatter = ctx.frontmatter
    const image = frontmatter?.data.image
    if (frontmatter && typeof image === 'string' && image.trim() !== '') {
      const alt = ALT_KEYS.map((key) => frontmatter.data[key]).find((value) => typeof value === 'string')
      const where = frontmatter.keyOffsets.image
      if (where) report(where.start, where.end, alt as string | undefined)
    }
  },
}
