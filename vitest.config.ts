import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/domain/**', 'src/schemas/**'],
      reporter: ['text-summary'],
      thresholds: { branches: 90 },
    },
  },
});
