/**
 * The language server bundled into the extension (out/server.mjs): the same
 * server as `post-lint-language-server`, started on the transport the client
 * chose (node IPC).
 */
import { startServer } from 'post-lint-language-server'

startServer()
