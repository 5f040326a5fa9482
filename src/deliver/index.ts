import * as nodeModule from 'node:module'

// Node (22.1 and later) keeps the compiled code of what is imported next on disk, in the OS temp folder:
// a later run on the same machine (a self-hosted runner) starts without compiling the bundle again. A
// first run, or a fresh hosted runner, neither gains nor loses. (Typed by hand: @types/node is Node 20's.)
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()
const { runAction } = await import('../common/run.js')
const { run } = await import('./main.js')
await runAction(run)
