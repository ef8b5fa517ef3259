/**
 * post-lint for VS Code (filled in by the VS Code issue): starts the bundled
 * language server. Imports only the settings type from the server.
 */
import type { Settings } from 'post-lint-language-server'

export const SETTINGS_SECTION = 'postLint'

export type { Settings }
