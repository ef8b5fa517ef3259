// Minimal types for the parts of twitter-text used by length.ts (@ambassify/twitter-text ships no types).
declare module '@ambassify/twitter-text' {
  interface ParsedTweet {
    weightedLength: number
    valid: boolean
    permillage: number
    validRangeStart: number
    validRangeEnd: number
    displayRangeStart: number
    displayRangeEnd: number
  }
  interface UrlEntity {
    url: string
    indices: [number, number]
  }
  interface HashtagEntity {
    hashtag: string
    indices: [number, number]
  }
  export interface TwitterText {
    parseTweet(text: string, options?: unknown): ParsedTweet
    extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): UrlEntity[]
    extractHashtagsWithIndices(text: string, options?: { checkUrlOverlap?: boolean }): HashtagEntity[]
  }
  const twitter: TwitterText
  export default twitter
}
