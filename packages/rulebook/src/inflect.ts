/**
 * Simple Dutch and English inflections for custom phrase rules: a rulebook
 * writes “garanderen” or “guarantee” once and post-lint also finds
 * “gegarandeerd” and “guaranteed”.
 *
 * Deliberately conservative and rule-based (no dictionary): only the last
 * word of a phrase is inflected, only words of letters of three or more,
 * and only regular patterns. Forms that do not exist in the language
 * (“klanted”) cost an index entry but never match a draft; forms that are
 * other real words are what we avoid, which is why, for instance, a Dutch
 * infinitive in -eren only gets the stem in -eer (“garanderen” → “garandeer”),
 * never the one in -er (“ouderen” must not give “ouder”).
 *
 * `inflections` is generous (matching); `pluralForms` gives the plurals a
 * `replace` term also matches; `plural` gives the one plural post-lint dares
 * to write in a fix, and whether it is sure of it.
 */
import type { Lang } from '@post-lint/core'

const WORD = /^[\p{L}][\p{L}'’-]*$/u
const VOWEL = /[aeiouyáéíóúàèëïöüâêîôû]/

function vowelGroups(word: string): number {
  return word.match(/[aeiouyáéíóúàèëïöüâêîôû]+/g)?.length ?? 0
}

function inflectable(word: string): boolean {
  return word.length >= 3 && WORD.test(word)
}

// ---------------------------------------------------------------------------
// English

/** Consonant-vowel-consonant monosyllable whose last consonant doubles: stop → stopped. */
function doublesEn(word: string): boolean {
  return (
    vowelGroups(word) === 1 && /(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$/.test(word) && !/[wxy]$/.test(word)
  )
}

const EN_IRREGULAR: Record<string, string> = {
  child: 'children',
  person: 'people',
  man: 'men',
  woman: 'women',
  foot: 'feet',
  mouse: 'mice',
}

function pluralEn(word: string): { form: string; sure: boolean } {
  const irregular = EN_IRREGULAR[word]
  if (irregular) return { form: irregular, sure: true }
  if (/[^aeiou]y$/.test(word)) return { form: `${word.slice(0, -1)}ies`, sure: true }
  if (/(?:s|x|z|ch|sh)$/.test(word)) return { form: `${word}es`, sure: true }
  // chairman → chairmen; human, German stay regular.
  if (/(?:wo)?man$/.test(word) && !/(?:hu|ger|ro|sha)man$/.test(word))
    return { form: `${word.slice(0, -3)}men`, sure: true }
  // Words in -f/-fe and -o have two patterns (roofs/leaves, photos/heroes).
  return { form: `${word}s`, sure: !/(?:fe?|o)$/.test(word) }
}

function inflectEn(word: string): string[] {
  const forms: string[] = []
  if (/[^aeiou]y$/.test(word)) {
    const stem = word.slice(0, -1)
    forms.push(`${stem}ies`, `${stem}ied`, `${word}ing`, `${stem}ier`)
  } else if (/(?:s|x|z|ch|sh)$/.test(word)) {
    forms.push(`${word}es`, `${word}ed`, `${word}ing`, `${word}er`)
  } else if (word.endsWith('e')) {
    // guarantee → guaranteeing, agree → agreeing; make → making.
    forms.push(
      `${word}s`,
      `${word}d`,
      /(?:ee|ye|oe)$/.test(word) ? `${word}ing` : `${word.slice(0, -1)}ing`,
      `${word}r`,
    )
  } else {
    forms.push(`${word}s`, `${word}ed`, `${word}ing`, `${word}er`)
    if (doublesEn(word)) {
      const last = word.charAt(word.length - 1)
      forms.push(`${word}${last}ed`, `${word}${last}ing`, `${word}${last}er`)
    }
  }
  forms.push(...pluralFormsEn(word))
  return forms
}

function pluralFormsEn(word: string): string[] {
  const { form } = pluralEn(word)
  return form.endsWith('men') && !word.endsWith('men') ? [form, `${word}s`] : [form]
}

// ---------------------------------------------------------------------------
// Dutch

/** Plurals that do not follow the rules below (dag → dagen, not daggen). */
const NL_IRREGULAR: Record<string, string> = {
  kind: 'kinderen',
  ei: 'eieren',
  lid: 'leden',
  stad: 'steden',
  schip: 'schepen',
  dag: 'dagen',
  weg: 'wegen',
  bad: 'baden',
  glas: 'glazen',
  gat: 'gaten',
  god: 'goden',
  hof: 'hoven',
  slot: 'sloten',
  spel: 'spellen',
  blad: 'bladeren',
  lam: 'lammeren',
  kalf: 'kalveren',
  volk: 'volkeren',
}

const NL_CONSONANT = /[bcdfghjklmnpqrstvwxz]/

/**
 * Stems for a suffix that starts with a vowel (-en, -e), best first:
 * bal → ball (ballen), boom → bom (bomen), huis → huiz, huis (huizen),
 * brief → briev, brief (brieven), klant → klant (klanten).
 */
function vowelStems(word: string): string[] {
  const last = word.charAt(word.length - 1)
  // Long vowel written double before one consonant: boom → bomen, straat → straten.
  const long = /(aa|ee|oo|uu)([bcdfghjklmnpqrstvwxz])$/.exec(word)
  if (long) {
    const stem = `${word.slice(0, long.index)}${long[1]!.charAt(0)}${voiced(long[2]!)}`
    return long[2] === 'f' || long[2] === 's'
      ? [stem, `${word.slice(0, long.index)}${long[1]!.charAt(0)}${long[2]}`]
      : [stem]
  }
  // Diphthong or long vowel before f/s: brief → brieven, huis → huizen (kous → kousen, so both).
  if (/(?:ie|ei|ij|ui|ou|au|eu|oe)[fs]$/.test(word)) return [`${word.slice(0, -1)}${voiced(last)}`, word]
  // Short vowel before one consonant: bal → ballen, bus → bussen. In longer words the
  // last syllable may be unstressed (tafel → tafels, oorlog → oorlogen): both forms.
  if (/(?:^|[bcdfghjklmnpqrstvwxz])[aeiou][bcdfgklmnprst]$/.test(word)) {
    const doubled = `${word}${last}`
    if (vowelGroups(word) === 1) return [doubled]
    return /(?:e[lmnr]|ig|lijk)$/.test(word) ? [word] : [word, doubled]
  }
  return [word]
}

function voiced(consonant: string): string {
  return consonant === 'f' ? 'v' : consonant === 's' ? 'z' : consonant
}

function devoiced(consonant: string): string {
  return consonant === 'v' ? 'f' : consonant === 'z' ? 's' : consonant
}

function pluralNl(word: string): { form: string; sure: boolean } {
  const irregular = NL_IRREGULAR[word]
  if (irregular) return { form: irregular, sure: true }
  if (word.endsWith('heid')) return { form: `${word.slice(0, -4)}heden`, sure: true }
  // auto → auto's, menu → menu's, collega → collega's.
  if (/[aiouy]$/.test(word) && !/(?:ie|oe|ou|eu|ei|ui|[aeo]i)$/.test(word))
    return { form: `${word}'s`, sure: true }
  // ziekte → ziektes but oudere → ouderen: a plural post-lint does not guess for a fix.
  if (word.endsWith('e')) return { form: `${word}s`, sure: /(?:ie|ee|je)$/.test(word) }
  // Unstressed endings and -eur take -s: deelnemer → deelnemers, tafel → tafels.
  if (/(?:e[lmnr]|eur|je|ier)$/.test(word) && vowelGroups(word) > 1) return { form: `${word}s`, sure: true }
  const stems = vowelStems(word)
  const sure =
    vowelGroups(word) === 1 || !/[aeiou][bcdfgklmnprst]$/.test(word) || /(?:aa|ee|oo|uu)[a-z]$/.test(word)
  return { form: `${stems[0]}en`, sure }
}

function pluralFormsNl(word: string): string[] {
  const irregular = NL_IRREGULAR[word]
  if (irregular) return [irregular]
  if (word.endsWith('heid')) return [`${word.slice(0, -4)}heden`]
  if (/[aiouy]$/.test(word) && !/(?:ie|oe|ou|eu|ei|ui|[aeo]i)$/.test(word)) return [`${word}'s`]
  if (word.endsWith('e')) return [`${word}s`, `${word}n`]
  // Unstressed -en and -je: keukens, meisjes; -el, -em, -er: regels, engelen, bezems.
  if (/(?:en|je)$/.test(word) && vowelGroups(word) > 1) return [`${word}s`]
  if (/e[lmr]$/.test(word) && vowelGroups(word) > 1) return [`${word}s`, `${word}en`]
  return [...vowelStems(word).map((stem) => `${stem}en`), `${word}s`]
}

/** Forms of a Dutch infinitive: garanderen → garandeer, garandeert, garandeerde(n), gegarandeerd. */
function verbFormsNl(word: string): string[] {
  if (!/[bcdfghjklmnpqrstvwxz]en$/.test(word) || word.length < 5) return []
  const raw = word.slice(0, -2)
  let stem: string
  if (/([bcdfghjklmnpqrstvwxz])\1$/.test(raw)) {
    // zitten → zit, bellen → bel.
    stem = raw.slice(0, -1)
  } else if (/(?:^|[bcdfghjklmnpqrstvwxz])([aeou])[bcdfghjklmnpqrstvwxz]$/.test(raw)) {
    // Open syllable: maken → maak, garanderen → garandeer, leven → leef.
    const vowel = raw.charAt(raw.length - 2)
    // -eren/-elen/-enen after more syllables are mostly unstressed (veranderen → verander,
    // ouderen is a noun): only the stressed stem (garandeer), never “ouder” or “wandel”.
    stem = `${raw.slice(0, -1)}${vowel}${devoiced(raw.charAt(raw.length - 1))}`
  } else {
    stem = `${raw.slice(0, -1)}${devoiced(raw.charAt(raw.length - 1))}`
  }
  if (!VOWEL.test(stem) || stem.length < 2) return []
  // 't kofschip: the consonant of the infinitive's stem (v and z count as voiced).
  const voiceless = /(?:[tkfsp]|ch)$/.test(raw.replace(/([bcdfghjklmnpqrstvwxz])\1$/, '$1'))
  const past = voiceless ? 't' : 'd'
  const forms = [stem]
  if (!stem.endsWith('t')) forms.push(`${stem}t`)
  forms.push(`${stem}${past}e`, `${stem}${past}en`)
  const participle = stem.endsWith(past) ? stem : `${stem}${past}`
  // Unstressed prefixes take no ge-: beloven → beloofd, vertellen → verteld (geven → gegeefd is
  // wrong, gegeven irregular: a form that never matches).
  const prefixed = /^(?:be|ge|her|ont|ver|er)/.test(word) && vowelGroups(word) > 2
  forms.push(prefixed ? participle : `ge${participle}`)
  return forms
}

function inflectNl(word: string): string[] {
  const forms: string[] = []
  if (word.endsWith('en') && NL_CONSONANT.test(word.charAt(word.length - 3))) {
    // Infinitive or plural noun: verb forms, and a plural in -s (keuken → keukens).
    forms.push(...verbFormsNl(word), `${word}s`)
    return forms
  }
  forms.push(...pluralFormsNl(word))
  // Adjective -e: groot → grote, snel → snelle, mooi → mooie (not after a vowel: auto).
  if (/(?:[bcdfghjklmnpqrstvwxz]|[aeo]i)$/.test(word))
    for (const stem of vowelStems(word)) forms.push(`${stem}e`)
  return forms
}

// ---------------------------------------------------------------------------

function unique(forms: readonly string[], except: string): string[] {
  return [...new Set(forms)].filter((form) => form !== except)
}

/** Other forms of one word (not the word itself), lower case. */
export function inflections(word: string, lang: Lang): string[] {
  const lower = word.toLowerCase()
  if (!inflectable(lower)) return []
  return unique(lang === 'nl' ? inflectNl(lower) : inflectEn(lower), lower)
}

/** Plural forms a term also matches (generous: both Dutch -s and -en where unsure). */
export function pluralForms(word: string, lang: Lang): string[] {
  const lower = word.toLowerCase()
  if (!inflectable(lower) && !(lang === 'nl' && NL_IRREGULAR[lower])) return []
  return unique(lang === 'nl' ? pluralFormsNl(lower) : pluralFormsEn(lower), lower)
}

/** The plural post-lint would write, and whether it is sure enough for a fix. */
export function plural(word: string, lang: Lang): { form: string; sure: boolean } {
  const lower = word.toLowerCase()
  if (!inflectable(lower) && !(lang === 'nl' && NL_IRREGULAR[lower])) return { form: word, sure: false }
  return lang === 'nl' ? pluralNl(lower) : pluralEn(lower)
}

/**
 * The phrase and its inflected forms, for each language: only the last word
 * changes; a last word with `*` (prefix or wildcard) is left as it is.
 */
export function inflectPhrase(phrase: string, lang: Lang): string[] {
  const words = phrase.trim().split(/\s+/)
  const last = words[words.length - 1] ?? ''
  if (last.includes('*')) return []
  const head = words.slice(0, -1).join(' ')
  return inflections(last, lang).map((form) => (head ? `${head} ${form}` : form))
}
