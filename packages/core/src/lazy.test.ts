import { describe, expect, it } from 'vitest'
import { lazy } from './lazy.js'

describe('lazy', () => {
  it('imports once, however often and however concurrently it is asked to', async () => {
    let imports = 0
    const library = lazy('the library', async () => {
      imports++
      return { answer: 42 }
    })
    expect(imports).toBe(0)
    const [first, second] = await Promise.all([library.load(), library.load()])
    expect(first).toBe(second)
    expect(await library.load()).toBe(first)
    expect(library.get()).toBe(first)
    expect(imports).toBe(1)
  })

  it('says what to do when it is used before it was loaded', () => {
    const library = lazy('the word lists', async () => ['a'])
    expect(() => library.get()).toThrow('the word lists is not loaded yet: await its load() first')
  })

  it('a failed import is not retried: every load() reports it', async () => {
    let imports = 0
    const library = lazy('broken', async () => {
      imports++
      throw new Error('cannot load')
    })
    await expect(library.load()).rejects.toThrow('cannot load')
    await expect(library.load()).rejects.toThrow('cannot load')
    expect(imports).toBe(1)
    expect(() => library.get()).toThrow('broken is not loaded yet')
  })
})
