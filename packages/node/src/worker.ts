/**
 * A worker thread of `lintFiles`: its own PostLint (same options as the main
 * thread), linting the texts it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { linesOfFindings } from './cache.js'
import { type EngineOptions, PostLint } from './index.js'

const engine = new PostLint(workerData as EngineOptions)

parentPort?.on('message', async (task: { id: number; filePath: string; text: string }) => {
  try {
    const result = await engine.lintText(task.text, task.filePath)
    // Only the lines outputs show travel back: less to copy between threads.
    parentPort?.postMessage({
      id: task.id,
      result: { ...result, source: linesOfFindings(result.source, result.messages) },
    })
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    parentPort?.postMessage({ id: task.id, error: { name, message } })
  }
})
