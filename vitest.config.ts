import { defineConfig } from 'vitest/config'

// `source`: workspace packages resolve to their TypeScript sources, not a
// (possibly stale) dist/. Tests run in Vite's server (SSR) environment, which
// ignores `resolve.conditions`; it needs its own list, with Vite's defaults.
const conditions = ['source', 'module', 'node', 'development|production']

// Two projects: `unit` runs in seconds (rules, engine, formatters, rulebook);
// `e2e` drives the built CLI, examples and corpora (slower, still run by CI).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
