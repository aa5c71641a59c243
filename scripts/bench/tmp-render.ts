import { readFileSync } from 'node:fs';
import { JSON_PATH, renderMarkdown, writeMarkdownSection } from './report';
const report = JSON.parse(readFileSync(JSON_PATH, 'utf8'));
for (const b of report.backends) b.loadAverageBefore ??= 0;
writeMarkdownSection(renderMarkdown(report));
