import { runPost } from './post-main.js'

// The post step only logs out: it loads the runner's protocol (common/workflow.ts), @actions/exec and
// nothing else (no @actions/core, no SDK, no proxy agents): a bundle small enough that Node's compile cache
// would not pay. It never fails the job: a failed logout is a warning.
await runPost()
