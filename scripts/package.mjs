// Bundles each action entry with ncc into dist/<entry>/, one self-contained ESM file each.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'

const entries = {
  deliver: ['src/deliver/index.ts', 'src/deliver/post.ts']
}

rmSync('dist', { recursive: true, force: true })
for (const [action, files] of Object.entries(entries)) {
  for (const file of files) {
    const name = file.split('/').pop().replace(/\.ts$/, '')
    const out = `dist/${action}/.build-${name}`
    execFileSync('npx', ['ncc', 'build', file, '-o', out, '--license', 'licenses.txt', '--quiet'], {
      stdio: 'inherit'
    })
    // ncc writes index.js in its output folder; give each entry its own name beside the others.
    execFileSync('mv', [`${out}/index.js`, `dist/${action}/${name}.js`])
    execFileSync('mv', [`${out}/licenses.txt`, `dist/${action}/${name}.licenses.txt`])
    rmSync(out, { recursive: true, force: true })
  }
}
// The bundles are ES modules whatever package.json a consumer's checkout sits under.
writeFileSync('dist/package.json', '{ "type": "module" }\n')
