/**
 * A worker thread of `lintFiles`: its own PostLint (same options as the main
 * thread), linting the texts it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type EngineOptions, PostLint } from './index.js'

const engine = new PostLint(workerData as EngineOptions)

parentPort?.on('message', async (task: { id: number; filePath: string; text: string }) => {
  try {
    const result = await engine.lintText(task.text, task.filePath)
    parentPort?.postMessage({ id: task.id, result })
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    parentPort?.postMessage({ id: task.id, error: { name, message } })
  }
})
