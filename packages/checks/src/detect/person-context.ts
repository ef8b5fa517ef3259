/**
 * A NAMED PERSON together with an age or a sensitive situation (special-category or
 * otherwise sensitive personal data: health, addiction, debt, care).
 *
 * Heuristics (deliberately biased to precision):
 *
 * 1. Person mentions
 *    a. Title + name (strong): nl "mevrouw/mevr./mw./meneer/mijnheer/dhr./de heer/oma/opa/
 *       tante/oom", en "Mr/Mrs/Ms/Miss/Mx/Grandma/Grandad/Grandpa/Nan/Auntie/Uncle", followed
 *       by initials, particles (de, van der, …) and capitalised name words:
 *       "mevrouw De Vries", "dhr. J. Bakker", "Mrs Patel", "oma Riet".
 *    b. Name + age (strong): a capitalised name followed by "(81)", "(81 jaar)", ", 45,",
 *       ", 81 jaar,", ", aged 45", "(aged 45)", or preceded by "81-jarige"/"45-year-old".
 *    c. Bare name (weak): 1–3 capitalised words directly followed by a person predicate
 *       (heeft, lijdt, kampt, zit, ligt, is, has, is battling, was diagnosed …) with the
 *       sensitive word at most four words later: "Jan heeft dementie", "Peter has cancer".
 *    Leading sentence words, pronouns, weekdays, months, demonyms and organisation words
 *    (NAME_STOP, ORG_WORDS) are never names; an all-caps word is never a name.
 *
 * 2. Sensitive words, per language, in four categories (diagnosis, addiction, debt, care).
 *    Ambiguous words need context: "kanker"/"cancer" only after heeft/kreeg/lijdt aan/
 *    has/diagnosed with/battling … (or as a compound like "borstkanker", "lung cancer");
 *    "ziekenhuis"/"hospital" only as "in/uit/naar het ziekenhuis", "in/into/out of hospital";
 *    places (verpleeghuis, hospice, care home, shelter) only after in/naar/uit/into/at;
 *    "opgenomen" only as an admission ("is opgenomen", "opgenomen in het ziekenhuis").
 *    Organisation names are masked first ("Samen tegen kanker", "KWF Kankerbestrijding",
 *    "Alzheimer Nederland", "Dementia UK", "Cancer Research UK", "Het Rode Kruis", and any
 *    sensitive word followed by Nederland/UK/Fonds/Foundation/Society/Trust/…).
 *
 * 3. Pairing: a strong mention is paired with the first sensitive word after it in the
 *    same sentence, within 120 characters, unless helper/topic words sit in between
 *    ("mevrouw Jansen bezoekt ouderen met dementie", "Mrs Patel volunteers at the food
 *    bank", "Jan vertelt over schulden", "… opent de nieuwe vleugel van het hospice") —
 *    then the sensitive word is about others. Role words before a name are dropped
 *    ("Vrijwilliger Kees (72)" → name "Kees").
 *    A strong mention with an age but no sensitive word yields reason "age".
 *    A titled mention without age or sensitive word yields nothing. Sensitive words
 *    before the name are ignored.
 *
 * Not flagged: sentence-initial ordinary words, organisations and places, ages without a
 * name ("ouderen van 80 jaar en ouder", "kids aged 8-12"), anniversaries of organisations
 * ("Humanitas bestaat 80 jaar"), deaths (the GDPR/AVG does not cover deceased people).
 * Public figures are not distinguished from private persons.
 *
 * Span: from the title/name to the sensitive word (or the age marker);
 * data: { name, reason: 'age'|'diagnosis'|'addiction'|'debt'|'care', age?, title?, term? }.
 */
import { type Lang, makeSpan, type Span } from './types.js'

export type PersonContextReason = 'age' | 'diagnosis' | 'addiction' | 'debt' | 'care'

// ---------------------------------------------------------------------------------------
// Name building blocks

const CAP_WORD = String.raw`(?:\p{Lu}['\u2019])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*`
const PARTICLE = `(?:van|de|der|den|ter|ten|te|'t|in 't|op de|la|le|du|da|di|von|del|Van|De|Den|Der|Ter|Ten|Te|La|Le|Du|Da|Di|Von|Del)`
const INITIALS = String.raw`(?:\p{Lu}\.\s?){1,3}`
const TITLED_NAME = String.raw`(?:${INITIALS})?(?:${PARTICLE}\s+){0,3}${CAP_WORD}(?:\s+(?:${PARTICLE}\s+){0,3}${CAP_WORD})?`
const BARE_NAME = String.raw`${CAP_WORD}(?:\s+(?:${PARTICLE}\s+){0,3}${CAP_WORD}){0,2}`

const TITLES: Record<Lang, string> = {
  nl: String.raw`[Mm]evrouw|[Mm]evr\.|[Mm]w\.|[Mm]eneer|[Mm]ijnheer|[Mm]nr\.|[Dd]hr\.|[Dd]e heer|[Oo]ma|[Oo]pa|[Tt]ante|[Oo]om`,
  en: String.raw`Mrs\.?|Mr\.?|Ms\.?|Miss|Mx\.?|Mister|Grandma|Grandad|Grandpa|Granny|Nan|Nanna|Auntie|Aunty|Uncle`,
}

/** Capitalised words that are not (the start of) a person's name. */
const NAME_STOP = new Set(
  `De Het Een Die Dat Deze Dit Er Ze Zij Hij Ik Je Jij U Wij We Men Iedereen Niemand Iemand Wie Wat Waar
  Hoe Waarom Wanneer Toen Nu Ook Maar En Of Want Dus Als Omdat Sinds Na Voor Door Met Zonder Bij Naar Op In
  Aan Uit Over Onder Tegen Tijdens Vandaag Gisteren Morgen Soms Vaak Altijd Nooit Veel Weinig Alle Elke
  Ieder Onze Ons Mijn Jouw Uw Hun Haar Zijn Helaas Gelukkig Samen Vorige Volgende Deze Afgelopen Vanaf
  Daarom Daarna Ondertussen Inmiddels Zelfs Steeds Meer Minder Ouderen Kinderen Jongeren Mensen Volwassenen
  Tieners Senioren Deelnemers Vrijwilligers Bewoners Cliënten Clienten Leerlingen Leden Patiënten Vrouwen
  Mannen Meisjes Jongens Gezinnen Families Buren Mantelzorgers Collega Collega's Team Groep Klas Week Dag Jaar
  Maand Stap Fase Ronde Sessie Hoofdstuk Pagina Artikel Nummer Bijlage Leeftijd Totaal Gemiddeld
  The A An This That These Those It He She They We I You Everyone Nobody Someone Somebody Anyone Who What
  Where When Why How Then Now Also But And Or So If Because Since After Before With Without At To From Into
  On In Of By For Today Yesterday Tomorrow Sometimes Often Always Never Many Some All Every Each Our My Your
  Their His Her Its Sadly Unfortunately Luckily Together Last Next Recently Meanwhile Even More Less
  Children Kids Young Youngsters People Adults Teens Teenagers Seniors Elderly Older Participants Volunteers
  Residents Clients Pupils Students Members Patients Women Men Girls Boys Families Neighbours Carers Staff
  Group Class Week Day Year Month Step Phase Round Session Chapter Page Article Number Age Aged Total Average
  Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Monday Tuesday Wednesday Thursday Friday
  Saturday Sunday Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December
  January February March May June July August October
  Amsterdammer Rotterdammer Utrechter Hagenaar Nederlander Brabander Limburger Groninger Amerikaan Brit
  Londoner Nederland Holland Europa Engeland England Scotland Wales Ireland Ierland Britain Amsterdam
  Rotterdam Utrecht Den Haag London Manchester Birmingham Leeds Glasgow Covid Corona
  Vrijwilliger Vrijwilligster Medewerker Medewerkster Collega Cliënt Client Bewoner Bewoonster Deelnemer
  Buurman Buurvrouw Meester Juf Dokter Directeur Voorzitter Coördinator Coordinator Projectleider Buddy Maatje
  Mantelzorger Patiënt Patient Volunteer Resident Participant Neighbour Neighbor Carer Nurse Doctor Manager
  Director Chair Chairman Ambassadeur Ambassador Koning Koningin King Queen Prince Prins Prinses Princess
  Burgemeester Mayor Wethouder Minister Premier Staatssecretaris Kamerlid Councillor`.split(/\s+/),
)

/** Words that make a capitalised phrase an organisation or place, not a person. */
const ORG_WORDS = new Set(
  `Nederland UK Fonds Fund Foundation Stichting Trust Society Vereniging Bond Centrum Centre Center Kruis
  Leger Heils Research Association Alliance Network Netwerk Platform Groep Group Gemeente Council NHS
  Charity Ziekenhuis Hospital Kliniek Clinic Hospice Academy Academie University Universiteit School College
  Voedselbank Foodbank Bank Zorg Care Support Action Awareness Week Day Dag Maand Month Humanitas Mind Shelter
  Crisis Cruyff Welzijn Wijkteam Huis House Home Trust Partners Alzheimer Dementia Parkinson Parkinson's
  Alzheimer's Kanker Cancer KWF Macmillan Curie`.split(/\s+/),
)

// ---------------------------------------------------------------------------------------
// Sensitive words

interface Term {
  re: RegExp
  reason: Exclude<PersonContextReason, 'age'>
}

const L = String.raw`(?<![\p{L}\p{N}])`
const R = String.raw`(?![\p{L}\p{N}])`
const FILL_NL = String.raw`(?:\s+(?:al|sinds|kort|ook|nu|opnieuw|weer|helaas|een|de|het|zware|ernstige|ongeneeslijke|uitgezaaide|agressieve|vorm|van|jaren|lang|zijn|haar|flinke|grote|forse|hoge|veel))*`
const FILL_EN = String.raw`(?:\s+(?:a|an|the|with|from|his|her|their|severe|terminal|advanced|aggressive|incurable|long|years|of|also|now|again|recently|serious|huge|big))*`

function t(src: string, reason: Term['reason']): Term {
  return { re: new RegExp(src, 'giu'), reason }
}

const TERMS: Record<Lang, Term[]> = {
  nl: [
    t(
      `${L}(?:dementie|dementerend[e]?|alzheimer|parkinson|depressie|depressief|burn-?out|angststoornis|paniekstoornis|psychose|psychotisch|schizofrenie|schizofreen|bipolair[e]?|borderline|autisme|autistisch[e]?|adhd|ptss|eetstoornis|anorexia|boulimia|suïcidaal|suicidaal|zelfmoordpoging|zelfbeschadiging|hiv|diabetes|suikerziekte|beroerte|herseninfarct|hersenletsel|hartinfarct|hartaanval|tumor|tumoren|chemo|chemotherapie|bestraling|uitgezaaid|terminaal ziek|ongeneeslijk ziek|long covid|verstandelijke beperking|verstandelijk beperkt|kankerpatiënt|(?:borst|long|darm|huid|prostaat|alvleesklier|baarmoederhals|eierstok|blaas|nier|lever|maag|slokdarm|keel|hersen|bot|bloed|lymfeklier)kanker)${R}`,
      'diagnosis',
    ),
    t(
      String.raw`${L}(?:heeft|had|hebben|kreeg|krijgt|kampt\s+met|kampte\s+met|lijdt\s+aan|leed\s+aan|diagnose|gediagnosticeerd\s+met|overleefde|genezen\s+van|behandeld\s+voor|behandeling\s+voor|strijd\s+tegen|vecht\s+tegen|vocht\s+tegen)${FILL_NL}\s+(?<term>kanker)${R}`,
      'diagnosis',
    ),
    t(
      `${L}(?:verslaafd|verslaving|verslavingszorg|verslavingskliniek|gokverslaving|alcoholverslaving|drugsverslaving|alcoholist[e]?|alcoholprobleem|alcoholproblemen|drankprobleem|drankproblemen|drugsgebruik(?:er)?|drugsprobleem|drugsproblemen|afkicken|afgekickt|afkickkliniek|junkie|cocaïne|heroïne|crack)${R}`,
      'addiction',
    ),
    t(
      String.raw`${L}(?:schulden|schuldhulp\p{L}*|schuldsanering|schuldeisers?|wsnp|bewindvoering|beschermingsbewind|onder\s+bewind|bewindvoerder|deurwaarders?|betalingsachterstand(?:en)?|huurachterstand(?:en)?|incasso(?:bureau)?|budgetbeheer|budgetcoach|geldzorgen|armoede|bijstand(?:suitkering)?|voedselbank)${R}`,
      'debt',
    ),
    t(
      String.raw`${L}(?:(?:in|uit|naar)\s+het\s+ziekenhuis|ziekenhuisopname|intensive\s+care|(?:op|naar)\s+de\s+ic|(?:in|naar|uit)\s+(?:het|een|de)\s+(?:verpleeghuis|verpleegtehuis|hospice|ggz-instelling|crisisopvang|daklozenopvang|opvang)|palliatie[fv]e?|stervende|ggz|psychiatrisch\p{L}*|gesloten\s+afdeling|dakloos|dakloze|thuisloos|thuisloze|op\s+straat\s+(?:leven|slapen|wonen)|rolstoel\p{L}*|rollator|revalid\p{L}+|beademing|dialyse|thuiszorg|dagbesteding|wijkverpleging|beschermd\s+wonen|begeleid\s+wonen|uithuisplaatsing)${R}`,
      'care',
    ),
    t(
      String.raw`${L}(?:is|werd|wordt|ligt|lag|was|moest|moet)(?:\s+\p{L}+){0,2}\s+(?<term>opgenomen)(?=\s*(?:[.,!;)]|$)|\s+(?:in|op)\s+(?:het|een|de)\s+(?:ziekenhuis|verpleeghuis|hospice|kliniek|ggz|psych\p{L}*|zorginstelling|ic|afdeling))`,
      'care',
    ),
  ],
  en: [
    t(
      String.raw`${L}(?:dementia|alzheimer'?s|parkinson'?s|depression|depressed|ptsd|psychosis|psychotic|schizophrenia|schizophrenic|bipolar|autism|autistic|adhd|eating\s+disorder|anorexia|bulimia|suicidal|suicide\s+attempt|self-harm|hiv|diabetes|diabetic|heart\s+attack|brain\s+injury|learning\s+disabilit(?:y|ies)|mental\s+illness|mental\s+health\s+(?:problems|issues|crisis|condition)|motor\s+neurone\s+disease|multiple\s+sclerosis|long\s+covid|tumou?r|tumou?rs|chemo|chemotherapy|radiotherapy|terminally\s+ill|terminal\s+(?:cancer|illness)|diagnosed|(?:breast|lung|bowel|skin|prostate|pancreatic|ovarian|cervical|brain|blood|bone|liver|stomach|throat|kidney|bladder)\s+cancer|cancer\s+(?:patient|survivor|diagnosis))${R}`,
      'diagnosis',
    ),
    t(
      String.raw`${L}(?:has|had|have|got|gets|with|from|battling|battled|fighting|fought|beat|beating|survived|surviving|diagnosed\s+with|living\s+with|lives\s+with|suffers\s+from|suffered\s+from|suffering\s+from|treatment\s+for|treated\s+for|struggl(?:es|ed|ing)\s+with)${FILL_EN}\s+(?<term>cancer|anxiety|a\s+stroke)${R}`,
      'diagnosis',
    ),
    t(
      String.raw`${L}(?:addiction|addicted|addict|alcoholic|alcoholism|alcohol\s+(?:problems?|abuse|dependency)|drink(?:ing)?\s+problem|drug\s+(?:use|user|problem|problems|habit|abuse|addiction)|substance\s+(?:abuse|misuse)|heroin|crack\s+cocaine|cocaine|rehab|detox|gambling\s+(?:addiction|problem))${R}`,
      'addiction',
    ),
    t(
      String.raw`${L}(?:debts?|arrears|bailiffs?|bankrupt|bankruptcy|insolvency|insolvent|debt\s+relief|universal\s+credit|on\s+benefits|food\s?banks?|poverty|payday\s+loans?)${R}`,
      'debt',
    ),
    t(
      String.raw`${L}(?:(?:in|into|to|from|out\s+of|left|leaving|discharged\s+from|admitted\s+to)\s+(?:the\s+)?hospital|hospitali[sz]ed|intensive\s+care|icu|(?:in|into|to|from|at)\s+(?:a|the)\s+(?:care\s+home|nursing\s+home|hospice|shelter|refuge)|palliative|end\s+of\s+life|homeless|homelessness|sleeping\s+rough|rough\s+sleep(?:er|ing)|wheelchair(?:[-\s](?:bound|user))?|dialysis|sectioned|psychiatric\s+(?:ward|unit|hospital)|mental\s+health\s+(?:ward|unit|hospital))${R}`,
      'care',
    ),
  ],
}

/** Organisation names that contain sensitive words; masked before scanning. */
const ORG_PHRASES = [
  /samen\s+tegen\s+kanker/giu,
  /kwf(?:\s+kankerbestrijding)?/giu,
  /stand\s+up\s+to\s+cancer/giu,
  /macmillan(?:\s+cancer\s+support)?/giu,
  /cancer\s+research(?:\s+uk)?/giu,
  /marie\s+curie/giu,
  /alzheimer'?s?\s+(?:nederland|society|research\s+uk|uk|scotland|europe|café|cafe)/giu,
  /(?:dementia|parkinson'?s?|autism|diabetes|mind|age|hospice)\s+(?:uk|nederland|scotland|cymru|society|trust|fonds|foundation|action|awareness|week|day|month|friends|friendly)/giu,
  /(?:nationale\s+)?(?:dementie|alzheimer|kanker|autisme|parkinson)(?:dag|week|maand|café|cafe|fonds|vereniging|centrum|netwerk|collecte)/giu,
  /(?:het\s+)?rode\s+kruis/giu,
  /leger\s+des\s+heils/giu,
  /voedselbank(?:en)?\s+(?:nederland|\p{Lu}\p{L}+)/gu,
  /food\s?bank\s+(?:uk|\p{Lu}\p{L}+)/gu,
  /trussell(?:\s+trust)?/giu,
  /stepchange/giu,
  /citizens\s+advice/giu,
  /salvation\s+army/giu,
  /nationaal\s+schuldhulpmaatje|schuldhulpmaatje|schuldhulp\s+nederland|geldfit/giu,
  /(?:\p{Lu}\p{L}*\s+)?(?:hospital|ziekenhuis)\s+(?:foundation|charity|fonds|trust)/gu,
]

/** Words between name and sensitive word that make the sensitive word about others. */
const HELPER_RE =
  /(?<![\p{L}])(?:helpt|hielp|helpen|ondersteunt|ondersteunde|begeleidt|begeleidde|bezoekt|bezocht|werkt|werkte|vrijwilliger|vrijwilligster|coördinator|coordinator|maatje|buddy|mensen|ouderen|cliënten|clienten|bewoners|deelnemers|gezinnen|jongeren|kinderen|anderen|lotgenoten|organiseert|organiseerde|collecteert|collecteerde|loopt|liep|fietst|zwemt|vertelt|vertelde|spreekt|sprak|praat|praatte|schreef|schrijft|over|voor|others|people|families|clients|residents|patients|helps|helped|helping|supports|supported|supporting|works|worked|working|volunteer|volunteers|volunteered|visits|visited|organises|organizes|organised|organized|raises|raised|raising|fundraising|runs|ran|walks|walked|cycles|talks|talked|speaks|spoke|wrote|writes|about|for|tegen|against|strijdt|streed|campaigns|campaigner|campaigning|activist|ambassadeur|ambassador|nurse|doctor|verpleegkundige|arts|opent|opende|geopend|opens|opened|opening|directeur|director|manager|bestuurder|voorzitter|chair|speech|toespraak)(?![\p{L}])/iu

const PREDICATE: Record<Lang, string> = {
  nl: `heeft|had|kreeg|krijgt|lijdt|leed|kampt|kampte|worstelt|worstelde|vecht|vocht|is|was|werd|wordt|raakte|raakt|ligt|lag|zit|zat|woont|woonde|gaat|ging|moest|moet|kwam|komt|belandde|verblijft|verbleef|slaapt|sliep|leeft|leefde|zwerft`,
  en: String.raw`has(?:\s+been)?|had(?:\s+been)?|is|was|got|gets|suffers|suffered|struggles|struggled|battles|battled|fights|fought|lives|lived|went|goes|ended\s+up|spent|spends|became|sleeps|slept|uses|used`,
}

// ---------------------------------------------------------------------------------------

const ABBREV = new Set(
  'mevr mw dhr mr mrs ms dr drs ir ing prof st nr geb o.a bijv bv jr sr mnr mej ca vs etc'.split(' '),
)

/** Sentence boundaries as [start, end) ranges. */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  const re = /[.!?…]+["'”’)\]]*(?=\s|$)|\n+/g
  for (const m of text.matchAll(re)) {
    if (m[0][0] === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
      if (ABBREV.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue
    }
    const end = m.index + m[0].length
    out.push([start, end])
    start = end
  }
  if (start < text.length) out.push([start, text.length])
  return out
}

function sentenceOf(bounds: Array<[number, number]>, pos: number): number {
  for (let i = 0; i < bounds.length; i++) if (pos < bounds[i]![1]) return i
  return bounds.length - 1
}

interface Mention {
  start: number
  nameEnd: number
  end: number
  name: string
  title?: string
  age?: number
  strong: boolean
}

interface TermHit {
  /** Start of the whole match including a context verb ("heeft kanker" → "heeft"). */
  matchStart: number
  start: number
  end: number
  term: string
  reason: Term['reason']
}

/** Strip leading non-name words ("Vandaag Jan" → "Jan"); undefined when nothing is left. */
function cleanName(raw: string, offset: number): { name: string; start: number } | undefined {
  const words = raw.split(/(\s+)/)
  let pos = offset
  while (words.length > 0) {
    const w = words[0]!
    if (NAME_STOP.has(w) || /^(?:van|de|der|den|te|ter|ten|'t)$/i.test(w)) {
      pos += w.length + (words[1]?.length ?? 0)
      words.splice(0, 2)
      continue
    }
    break
  }
  const name = words.join('').trim()
  if (!name) return undefined
  const parts = name.split(/\s+/)
  if (parts.some((p) => ORG_WORDS.has(p))) return undefined
  if (!/^\p{Lu}/u.test(name)) return undefined
  return { name, start: pos }
}

function maskOrgs(text: string): string {
  let masked = text
  for (const re of ORG_PHRASES) {
    masked = masked.replace(re, (m) => ' '.repeat(m.length))
  }
  // Capitalised sensitive word followed by an organisation word: "Alzheimer Nederland".
  masked = masked.replace(
    /(?<![\p{L}])(\p{Lu}[\p{L}'’]+)(?=\s+(\p{Lu}[\p{L}'’]*))/gu,
    (m, _a: string, b: string) => (ORG_WORDS.has(b) ? ' '.repeat(m.length) : m),
  )
  return masked
}

function findTerms(masked: string, lang: Lang): TermHit[] {
  const hits: TermHit[] = []
  for (const { re, reason } of TERMS[lang]) {
    for (const m of masked.matchAll(re)) {
      const term = m.groups?.term
      const start = term ? m.index + m[0].length - term.length : m.index
      const end = m.index + m[0].length
      hits.push({ matchStart: m.index, start, end, term: masked.slice(start, end), reason })
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}

const PREFILTER = /\p{Lu}/u

/** Plural noun endings (nl/en) that are not surnames: Vacatures, Activiteiten, Workshops. */
const PLURAL_NOUN =
  /(?:ingen|iteiten|ties|tes|ures|heden|schappen|nissen|ities|ions|ments|ences|ances|ships|shops)$/

/** A title of TITLES somewhere in the text (cheap test before the full pattern). */
const TITLE_HINT: Record<Lang, RegExp> = { nl: new RegExp(TITLES.nl), en: new RegExp(TITLES.en) }

export function findPersonContext(text: string, lang: Lang): Span[] {
  if (!PREFILTER.test(text)) return []
  const masked = maskOrgs(text)
  const terms = findTerms(masked, lang)
  // Every finding needs a sensitive term or an age (digits): without either, the name patterns
  // below (costly, and compiled on first use) need not run.
  const digits = /\d/.test(text)
  if (terms.length === 0 && !digits) return []
  const bounds = sentences(text)
  const mentions: Mention[] = []

  const titledRe = new RegExp(String.raw`(?<![\p{L}])(${TITLES[lang]})\s+(${TITLED_NAME})(?![\p{L}])`, 'gu')
  for (const m of TITLE_HINT[lang].test(text) ? masked.matchAll(titledRe) : []) {
    const title = m[1]!
    const rawName = m[2]!
    // Particles may start a surname after a title ("mevrouw De Vries") but other stop words may not.
    const firstWord = rawName.split(/\s+/)[0]!
    if (NAME_STOP.has(firstWord) && !/^(?:De|Van|Den|Der|Ter|Ten|Te)$/.test(firstWord)) continue
    if (rawName.split(/\s+/).some((p) => ORG_WORDS.has(p))) continue
    const start = m.index
    const nameEnd = m.index + m[0].length
    mentions.push({ start, nameEnd, end: nameEnd, name: rawName, title, strong: true })
  }

  const ageAfter = new RegExp(
    String.raw`(?<![\p{L}\p{N}'\u2019-])(${BARE_NAME})(?:\s*\(\s*(?:aged\s+|age\s+)?(\d{1,3})(?:\s*(?:jaar|jr\.?|years?|yrs?)(?:\s+(?:oud|old))?)?\s*\)|,\s*(?:aged\s+)?(\d{1,3})(?:\s*(?:jaar|jr\.?|years?|yrs?)(?:\s+(?:oud|old))?)?(?=\s*[,)\u2013\u2014]|\s+-\s)|,?\s+aged\s+(\d{1,3})(?![\p{N}]))`,
    'gu',
  )
  for (const m of digits ? masked.matchAll(ageAfter) : []) {
    const age = Number(m[2] ?? m[3] ?? m[4])
    if (!(age >= 1 && age <= 115)) continue
    const cleaned = cleanName(m[1]!, m.index)
    if (!cleaned) continue
    // "Vacatures (3)", "Activities (4)": a plural noun heading with a count, not a name.
    if (!cleaned.name.includes(' ') && PLURAL_NOUN.test(cleaned.name)) continue
    addAge(
      mentions,
      cleaned.start,
      cleaned.start + cleaned.name.length,
      m.index + m[0].length,
      cleaned.name,
      age,
    )
  }

  const ageBefore = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(\d{1,3})-(?:jarige|year-old)\s+(${BARE_NAME})`,
    'gu',
  )
  for (const m of digits && /-(?:jarige|year-old)/.test(text) ? masked.matchAll(ageBefore) : []) {
    const age = Number(m[1])
    if (!(age >= 1 && age <= 115)) continue
    const nameOffset = m.index + m[0].length - m[2]!.length
    const cleaned = cleanName(m[2]!, nameOffset)
    if (!cleaned || cleaned.start !== nameOffset) continue
    const nameEnd = cleaned.start + cleaned.name.length
    const existing = mentions.find((x) => x.start <= cleaned.start && x.nameEnd >= nameEnd)
    if (existing) {
      existing.age ??= age
      existing.start = Math.min(existing.start, m.index)
      continue
    }
    mentions.push({ start: m.index, nameEnd, end: nameEnd, name: cleaned.name, age, strong: true })
  }

  const out: Span[] = []

  for (const mention of mentions.sort((a, b) => a.start - b.start)) {
    const sentence = sentenceOf(bounds, mention.start)
    const hit = terms.find(
      (h) =>
        h.matchStart >= mention.end &&
        h.start - mention.end <= 120 &&
        sentenceOf(bounds, h.start) === sentence &&
        !HELPER_RE.test(masked.slice(mention.end, h.matchStart)),
    )
    if (hit) {
      out.push(result(text, mention, hit.end, hit.reason, hit.term))
    } else if (mention.age !== undefined) {
      out.push(result(text, mention, mention.end, 'age'))
    }
  }

  // Weak: bare name + person predicate + sensitive word at most four words later.
  const weakRe = new RegExp(
    String.raw`(?<![\p{L}\p{N}'\u2019-])(${BARE_NAME})\s+(?:${PREDICATE[lang]})(?![\p{L}])`,
    'gu',
  )
  // A weak mention needs a term after it.
  for (const m of terms.length > 0 ? masked.matchAll(weakRe) : []) {
    const cleaned = cleanName(m[1]!, m.index)
    if (!cleaned) continue
    const nameEnd = cleaned.start + cleaned.name.length
    if (out.some((s) => s.start <= cleaned.start && s.end > cleaned.start)) continue
    if (mentions.some((x) => x.start <= cleaned.start && x.nameEnd >= nameEnd)) continue
    const predicateEnd = m.index + m[0].length
    const hit = terms.find((h) => h.matchStart >= nameEnd)
    if (!hit) continue
    const between = masked.slice(predicateEnd, Math.max(predicateEnd, hit.start))
    if (between.trim().split(/\s+/).filter(Boolean).length > 4) continue
    if (sentenceOf(bounds, hit.start) !== sentenceOf(bounds, cleaned.start)) continue
    if (HELPER_RE.test(masked.slice(nameEnd, hit.matchStart))) continue
    const weak: Mention = { start: cleaned.start, nameEnd, end: nameEnd, name: cleaned.name, strong: false }
    out.push(result(text, weak, hit.end, hit.reason, hit.term))
  }

  return out.sort((a, b) => a.start - b.start)
}

function addAge(
  mentions: Mention[],
  nameStart: number,
  nameEnd: number,
  end: number,
  name: string,
  age: number,
) {
  const existing = mentions.find((x) => x.start <= nameStart && x.nameEnd >= nameEnd)
  if (existing) {
    existing.age ??= age
    existing.end = Math.max(existing.end, end)
    return
  }
  mentions.push({ start: nameStart, nameEnd, end, name, age, strong: true })
}

function result(
  text: string,
  mention: Mention,
  end: number,
  reason: PersonContextReason,
  term?: string,
): Span {
  const data: Record<string, unknown> = { name: mention.name, reason }
  if (mention.age !== undefined) data.age = mention.age
  if (mention.title) data.title = mention.title
  if (term) data.term = term
  return makeSpan(text, mention.start, end, 'person-context', { data })
}
