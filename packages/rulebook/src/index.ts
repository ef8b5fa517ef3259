export { compileRulebook, doctor, testRulebook } from './compile.js'
export { RulebookError } from './legacy.js'
export { defaultRulebook, loadRulebook } from './load.js'
export type * from './types.js'
