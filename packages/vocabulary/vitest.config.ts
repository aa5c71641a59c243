import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'vocabulary', include: ['test/**/*.test.ts'] } });
