// Bundles each action entry with ncc into dist/<action>/<entry>.js, an ESM file, plus the chunks ncc
// splits off for dynamic imports (`<id>.index.js`: code a run loads only when it needs it).
// Everything is built into a staging folder first and then renamed into place file by file, so a
// process running dist/ meanwhile never sees a missing or half-written bundle.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const entries = {
  deliver: ['src/deliver/index.ts', 'src/deliver/post.ts'],
  cleanup: ['src/cleanup/index.ts'],
  'pull-through-cache': ['src/pull-through-cache/index.ts'],
  report: ['src/report/index.ts']
}

const staging = '.dist-staging'
rmSync(staging, { recursive: true, force: true })
for (const [action, files] of Object.entries(entries)) {
  for (const file of files) {
    const name = file.split('/').pop().replace(/\.ts$/, '')
    const out = join(staging, '.ncc', action, name)
    execFileSync('npx', ['ncc', 'build', file, '-o', out, '--license', 'licenses.txt', '--quiet'], {
      stdio: 'inherit'
    })
    mkdirSync(join(staging, action), { recursive: true })
    renameSync(join(out, 'index.js'), join(staging, action, `${name}.js`))
    renameSync(join(out, 'licenses.txt'), join(staging, action, `${name}.licenses.txt`))
    for (const chunk of readdirSync(out).filter(file => /^\d+\.index\.js$/.test(file))) {
      const target = join(staging, action, chunk)
      // Two entries of one action share the folder: the same chunk name must hold the same code.
      if (existsSync(target) && !readFileSync(target).equals(readFileSync(join(out, chunk)))) {
        throw new Error(`${action}: entries ${files.join(', ')} both emit ${chunk} with different code`)
      }
      renameSync(join(out, chunk), target)
    }
  }
}
rmSync(join(staging, '.ncc'), { recursive: true, force: true })
// The bundles are ES modules whatever package.json a consumer's checkout sits under.
writeFileSync(join(staging, 'package.json'), '{ "type": "module" }\n')

const list = dir =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile())
    .map(entry => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
const built = new Set(list(staging))
for (const file of built) {
  mkdirSync(dirname(join('dist', file)), { recursive: true })
  renameSync(join(staging, file), join('dist', file))
}
for (const file of list('dist')) if (!built.has(file)) rmSync(join('dist', file))
rmSync(staging, { recursive: true, force: true })
