import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.dist-staging/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error'
    }
  },
  {
    // Raw log writes can carry workflow commands: src/ prints through src/common/log.ts only.
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'core',
          property: 'info',
          message: 'Print with log.info (src/common/log.ts): it neutralises workflow commands.'
        },
        { object: 'process', property: 'stdout', message: 'Print with log.info (src/common/log.ts).' },
        { object: 'process', property: 'stderr', message: 'Print with log.info (src/common/log.ts).' }
      ]
    }
  },
  // Shared floors never import an action, and no action imports another.
  {
    files: ['src/ecr/**', 'src/registry/**', 'src/docker/**', 'src/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/deliver/**', '**/cleanup/**', '**/pull-through-cache/**', '**/report/**'],
              message: 'Shared floors never import an action.'
            }
          ]
        }
      ]
    }
  },
  // The registry client knows nothing of the runner: logging, masking and inputs are given to it (hooks).
  {
    files: ['src/registry/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'The registry floor takes hooks (common/registry-hooks.ts).' }
          ],
          patterns: [
            {
              group: ['**/deliver/**', '**/cleanup/**', '**/pull-through-cache/**', '**/report/**'],
              message: 'Shared floors never import an action.'
            }
          ]
        }
      ]
    }
  },
  ...['deliver', 'cleanup', 'pull-through-cache', 'report'].map(action => ({
    files: [`src/${action}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['deliver', 'cleanup', 'pull-through-cache', 'report']
                .filter(other => other !== action)
                .map(other => `**/${other}/**`),
              message: 'An action never imports another action: move what both need to a shared floor.'
            }
          ]
        }
      ]
    }
  })),
  {
    files: ['scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' }
  }
)
