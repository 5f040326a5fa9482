import * as nodeModule from 'node:module'

// Node (22.1 and later) keeps the compiled code of what is imported next on disk, in the OS temp folder:
// a later run on the same machine (a self-hosted runner) starts without compiling the bundle again.
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()
const { runAction } = await import('../common/run.js')
const { run } = await import('./main.js')
await runAction(run)
