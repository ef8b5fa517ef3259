import { beforeAll, describe, expect, it } from 'vitest'
import { camelCaseHashtag, findHashtagCase, loadWordLists, segmentWords } from './hashtag.js'
import type { Lang } from './types.js'

beforeAll(loadWordLists)

const simple = (text: string, lang: Lang) =>
  findHashtagCase(text, lang).map((s) => [s.start, s.end, s.text, s.suggestion])

/** Common hashtags in Dutch welfare posts; none of them may be flagged, in either language. */
const DUTCH_TAGS = `
  vrijwilligerswerk mantelzorg buurthuis ouderenzorg eenzaamheid armoede dementie samenwerken
  jeugdzorg welzijn buurtwerk wijkteam ouderen jongeren vrijwilligers hartvoorjewijk samensterk
  schuldhulp voedselbank mantelzorgers burendag nldoet weektegeneenzaamheid dagvandemantelzorg
  opendag boekenweek koningsdag sinterklaas kerst nieuwjaar gezondheid sport beweging taalcafe
  taalmaatje inloop koffieochtend spreekuur buurtkamer moestuin kinderopvang maatschappelijkwerk
  welzijnswerk jongerenwerk opbouwwerk sociaalwerk wijkcentrum hulpverlening zorg wonen werk geld
  thuiszorg dagbesteding respijtzorg eenzaam lief dank bedankt trots team collega nieuws vacature
  vacatures werkenbij solliciteer overleg overlast wateroverlast inburgering informatie inspiratie
  toekomst bewoners beleid mensen handen kinderen spelen sterren warm tips hoop bieb welkom
  dankjewel postcode wandelen fietsen breien koken zingen dansen lezen boeken ramen carnaval pasen
  kerstmarkt koffie thee taart gezellig dorpshuis samenleving zorgverzekering hartenwens wintertijd
  stoptober warmetruiendag sportief sporten sportdag hardlopen vrijwilligersavond ledenvergadering
  jaarverslag nieuwsbrief zomerfeest kerstdiner paasontbijt wijkfeest straatfeest buurtfeest
  opruimactie zwerfafval duurzaam energie armoedebestrijding schuldenvrij geldzorgen taalles
  inburgeren statushouders vluchtelingen nieuwkomers integratie participatie werkgelegenheid
  uitkering bijstand toeslagen mantelzorgdag dementievriendelijk alzheimercafe eenzaamheidsweek
  ouderenweek kinderboekenweek voorlezen digitalehulp computerles seniorweb valpreventie
  beweegmaatje fietsmaatje wandelgroep repaircafe tuinproject buurtmoestuin speeltuin
  peuterspeelzaal naschoolseopvang bibliotheek welzijnsorganisatie hetgaatomjou samendoen doemee
  meldjeaan kommeedoen zinin gratis altijdwelkom samenmaken omzien naarelkaar handdoek postbode
  overdag inzamelen overheid onderwijs gemeente bestuur landelijk provincie verkiezingen stemmen
  democratie vrijheid bevrijdingsdag dodenherdenking herdenking oranje koning prinsjesdag begroting
  miljoenennota klimaat natuur dieren honden katten paarden boerderij melk kaas brood appel peer
  banaan groente fruit gezond eten drinken water koud regen zon wind storm sneeuw ijs schaatsen
  elfstedentocht fietsenstalling parkeren openbaarvervoer treinen bussen taxi rolstoeltoegankelijk
  toegankelijkheid inclusie diversiteit gelijkheid discriminatie racisme emancipatie vrouwendag
  moederdag vaderdag opadag omadag kinderdag dierendag wereldlichtjesdag rouw verlies troost
  hoopvol moed kracht veerkracht herstel hersteld beterschap sterkte succes gefeliciteerd proficiat
  verjaardag jubilaris pensioen afscheid welkomstpakket startdag opening heropening verbouwing
  nieuwbouw renovatie wijkaanpak overlastmelding buurtapp buurtpreventie overvallen inbraak
  brandweer politie ambulance huisarts apotheek tandarts fysiotherapie ziekenhuis hospice
  palliatievezorg vroegsignalering preventie leefstijl roken stoppen rookvrij alcoholvrij nix18
  ikpas movember pinkoktober plasticvrij minderafval hergebruik kringloop weggeefwinkel ruilen
  delen lenen korting aanbieding actie winactie winnaar loterij postcodeloterij collecte donateur
  goededoel goededoelen anbi nalaten testament erfenis legaat belasting aangifte toeslag
  zorgtoeslag huurtoeslag kinderbijslag aow pensioenfonds spaargeld sparen budget begroot rondkomen
  armoedeval woningnood starterswoning huurwoning sociale huurhuis woningcorporatie
  bewonerscommissie huurdersvereniging opendeur hartverwarmend mooiwerk trotsop samenvoor
  voorelkaar meedoen omdenken inhetzonnetje metdank dankzijjou eindelijk vakantie zomer winter
  lente herfst examens geslaagd studenten stage bijbaan vakantiewerk banenmarkt sollicitatie
  werkzoekenden
`
  .trim()
  .split(/\s+/)

describe('findHashtagCase', () => {
  it('suggests CamelCase for one-case multi-word hashtags', () => {
    const text = 'Samen sterk #mentalhealthawareness en #MENTALHEALTH!'
    expect(findHashtagCase(text, 'en')).toEqual([
      {
        start: 12,
        end: 34,
        kind: 'hashtag-case',
        text: '#mentalhealthawareness',
        suggestion: '#MentalHealthAwareness',
        data: { words: ['Mental', 'Health', 'Awareness'] },
      },
      {
        start: 38,
        end: 51,
        kind: 'hashtag-case',
        text: '#MENTALHEALTH',
        suggestion: '#MentalHealth',
        data: { words: ['Mental', 'Health'] },
      },
    ])
  })

  it('handles common charity hashtags', () => {
    expect(simple('#givingtuesday #worldmentalhealthday #timetotalk', 'en')).toEqual([
      [0, 14, '#givingtuesday', '#GivingTuesday'],
      [15, 36, '#worldmentalhealthday', '#WorldMentalHealthDay'],
      [37, 48, '#timetotalk', '#TimeToTalk'],
    ])
    expect(simple('#costofliving #volunteersweek #Mentalhealth', 'en')).toEqual([
      [0, 13, '#costofliving', '#CostOfLiving'],
      [14, 29, '#volunteersweek', '#VolunteersWeek'],
      [30, 43, '#Mentalhealth', '#MentalHealth'],
    ])
  })

  it('keeps digits', () => {
    expect(simple('#covid19vaccine', 'en')).toEqual([[0, 15, '#covid19vaccine', '#Covid19Vaccine']])
    expect(simple('#worldmentalhealthday2024', 'en')).toEqual([
      [0, 25, '#worldmentalhealthday2024', '#WorldMentalHealthDay2024'],
    ])
  })

  it('passes mixed case, short, single-word and underscore hashtags', () => {
    const text =
      '#MentalHealth #nhs #ad #NHS #together #volunteering #homelessness #mental_health #URGENT #foodbank'
    expect(findHashtagCase(text, 'en')).toEqual([])
  })

  it('passes particle compounds and two-word coincidences', () => {
    expect(findHashtagCase('#update #outreach #onboarding #uplift #joinus #giveaway', 'en')).toEqual([])
  })

  it('passes Dutch compounds in English drafts', () => {
    expect(findHashtagCase('#vrijwilligerswerk #mantelzorg #buurthuis #ouderenzorg', 'en')).toEqual([])
    const flagged = DUTCH_TAGS.filter((t) => camelCaseHashtag(t, 'en'))
    expect(flagged).toEqual([])
  })

  it('passes Dutch compounds in Dutch drafts', () => {
    expect(findHashtagCase('#vrijwilligerswerk #mantelzorg #buurthuis #ouderenzorg', 'nl')).toEqual([])
    const flagged = DUTCH_TAGS.filter((t) => camelCaseHashtag(t, 'nl'))
    expect(flagged).toEqual([])
  })

  it('in Dutch drafts still flags hashtags made of common English words', () => {
    expect(simple('Doe mee! #mentalhealth #givingtuesday', 'nl')).toEqual([
      [9, 22, '#mentalhealth', '#MentalHealth'],
      [23, 37, '#givingtuesday', '#GivingTuesday'],
    ])
    // "stigma" is not a common word, so Dutch drafts stay quiet about it.
    expect(simple('#stopthestigma', 'nl')).toEqual([])
    expect(simple('#stopthestigma', 'en')).toEqual([[0, 14, '#stopthestigma', '#StopTheStigma']])
  })

  it('ignores things that are not hashtags', () => {
    expect(findHashtagCase('https://example.org/#mentalhealth x#mentalhealth &#mentalhealth', 'en')).toEqual(
      [],
    )
    expect(findHashtagCase('no hashtags here', 'en')).toEqual([])
  })
})

describe('segmentWords', () => {
  it('prefers common, longer words', () => {
    expect(segmentWords('mentalhealthawareness')).toEqual(['mental', 'health', 'awareness'])
    expect(segmentWords('youarenotalone')).toEqual(['you', 'are', 'not', 'alone'])
  })

  it('returns undefined for non-English strings', () => {
    expect(segmentWords('vrijwilligerswerk')).toBeUndefined()
    expect(segmentWords('xqzt')).toBeUndefined()
  })
})

describe('one word, names and plurals', () => {
  it('a capitalised place or name, or one word in the plural, is not multi-word', () => {
    expect(findHashtagCase('#Northfield #Riverside #Castleford #volunteers #charities', 'en')).toEqual([])
  })

  it('a long capitalised run of words still is', () => {
    expect(findHashtagCase('#Mentalhealthawareness', 'en').map((span) => span.suggestion)).toEqual([
      '#MentalHealthAwareness',
    ])
  })
})
