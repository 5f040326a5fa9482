import { runAction } from '../common/run.js'
import { run } from './main.js'

await runAction(run)
