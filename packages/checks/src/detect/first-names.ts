/**
 * Common first names in the Netherlands and the UK (lower case), used to tell
 * a person's e-mail address (sarah@, kees@) from a team address (schuldhulp@,
 * events@) when the local part is one word. Not exhaustive: a name missing
 * here makes that one address count as a team address.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `
jan piet pieter kees klaas henk gerard gert gerrit hans johan johannes jos joost jeroen jasper thijs bram daan sem lucas luuk levi noah liam finn milan jesse ruben tim tom thomas bas bart rob robert ronald rene erik eric frank frans freek geert gijs harm hendrik herman ivo jaap jacob jacco jelle jens job joep joris jurgen kevin koen lars leon marcel mark martijn martin maarten michiel mohamed mohammed mohammad mehmet ahmed ali omar youssef yusuf ibrahim hamza ayoub niels nick olaf otto patrick paul peter remco rick rik roel ruud sander sjoerd stefan sven teun theo tijn twan vincent wim willem wouter yvo
anna anne annemieke anouk astrid bianca carla carolien charlotte claudia daphne desiree dewi eline ellen els emma esther eva evi fatima fleur floor hanna hannah hanneke ilse inge ingrid iris isa jacqueline janneke jasmijn jessica joke josje julia julie karin kim lieke linda lisa lotte lucy maaike manon marieke marloes marjolein marleen martine maud meryem miriam monique myrthe nadia naomi nina noor nora petra rianne romy rosa sandra sanne saskia sophie suzanne tamara tessa tineke vera wendy willemijn yara yasmin zeynep zoe
john james david michael richard william thomas chris christopher daniel matthew andrew anthony steven stephen paul george edward oliver harry jack charlie alfie archie arthur henry leo freddie alex sam ben joe josh joshua adam ryan luke liam jake dan dave mike steve tony pete andy simon graham ian colin neil gary kevin keith stuart alan brian ray
mary sarah emily olivia amelia isla ava mia grace sophia lily ella jessica rebecca rachel laura lauren hannah amy emma charlotte lucy katie kate claire helen julie karen susan sue margaret elizabeth jane jenny joanne jo nicola natalie vicky victoria louise gemma kirsty kelly chloe megan holly ellie sophie abigail zara aisha priya
`
    .split(/\s+/)
    .filter(Boolean),
)
