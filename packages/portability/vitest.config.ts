import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'portability', include: ['test/**/*.test.ts'] } });
