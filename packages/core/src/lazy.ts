/**
 * A library or data set imported on first use. Loading one the moment post-lint
 * starts costs every run (franc builds tables for 80 languages, twitter-text
 * and libphonenumber-js bring hundreds of kilobytes); most drafts need few of
 * them. `load()` imports it once (however often it is called); `get()` gives
 * it synchronously afterwards, to code that cannot wait (a detector), and says
 * so plainly when nothing loaded it first.
 */
export interface Lazy<T> {
  load(): Promise<T>
  get(): T
}

export function lazy<T>(name: string, importer: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined
  let value: { loaded: T } | undefined
  return {
    load() {
      loading ??= importer().then((loaded) => {
        value = { loaded }
        return loaded
      })
      return loading
    },
    get() {
      if (!value) throw new Error(`${name} is not loaded yet: await its load() first`)
      return value.loaded
    },
  }
}
