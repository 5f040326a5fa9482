import { runAction } from '../common/run.js'
import { runPost } from './post-main.js'

await runAction(runPost)
