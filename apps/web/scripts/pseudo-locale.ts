/** Writes src/i18n/messages/en-XA.json (the pseudo-locale) from en.json; see src/i18n/pseudo.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { pseudoCatalog } from '../src/i18n/pseudo';

const dir = new URL('../src/i18n/messages/', import.meta.url);
const english = JSON.parse(readFileSync(new URL('en.json', dir), 'utf8')) as Record<string, string>;
writeFileSync(new URL('en-XA.json', dir), `${JSON.stringify(pseudoCatalog(english), null, 2)}\n`);
console.log(`en-XA.json: ${Object.keys(english).length} messages`);
