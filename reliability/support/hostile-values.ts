/**
 * The inputs an attacker or a broken client sends: strings that break parsers, encodings,
 * terminals, SQL and templates; JSON that is not quite JSON; path segments that try to walk out
 * of the route. Used by the fuzz test on top of schema-driven mutations.
 */

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   padded   ',
  '\u0000',
  'nul\u0000inside',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\nX-Injected: 1',
  '\t\v\f',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%',
  '%zz',
  "' OR '1'='1",
  "Robert'); DROP TABLE users;--",
  '"; select pg_sleep(10); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, verbatim.
  '${process.exit(1)}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e999',
  '٣١٤',
  '𝕳𝖆𝖇𝖎𝖙',
  '👨‍👩‍👧‍👦🏳️‍🌈🧘🏽‍♀️',
  '\u202egnp.exe',
  '\ufeffbom',
  '\u200b\u200c\u200d',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\ud800',
  '\udfff\ud800',
  'Ｆｕｌｌｗｉｄｔｈ',
  'İıſK',
  'x'.repeat(300),
  '😀'.repeat(600),
];

/** Request bodies that are not valid JSON, or are JSON in an unexpected shape or encoding. */
export const RAW_BODIES: readonly {
  body: string | Buffer;
  contentType?: string;
  label: string;
  mustReject: boolean;
}[] = [
  { label: 'truncated JSON', body: '{"name":', contentType: 'application/json', mustReject: true },
  {
    label: 'unquoted keys',
    body: '{name: "x"}',
    contentType: 'application/json',
    mustReject: true,
  },
  { label: 'single quotes', body: "{'a': 1}", contentType: 'application/json', mustReject: true },
  { label: 'trailing comma', body: '{"a": 1,}', contentType: 'application/json', mustReject: true },
  {
    label: 'two documents',
    body: '{"a":1}{"b":2}',
    contentType: 'application/json',
    mustReject: true,
  },
  {
    label: 'NaN literal',
    body: '{"value": NaN}',
    contentType: 'application/json',
    mustReject: true,
  },
  { label: 'empty body', body: '', contentType: 'application/json', mustReject: true },
  { label: 'whitespace body', body: ' \n\t ', contentType: 'application/json', mustReject: true },
  { label: 'not JSON', body: 'hello', contentType: 'application/json', mustReject: true },
  { label: 'JSON null', body: 'null', contentType: 'application/json', mustReject: true },
  { label: 'JSON string', body: '"x"', contentType: 'application/json', mustReject: true },
  { label: 'JSON number', body: '42', contentType: 'application/json', mustReject: true },
  { label: 'JSON array', body: '[{"a":1}]', contentType: 'application/json', mustReject: true },
  {
    label: 'deeply nested arrays',
    body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    contentType: 'application/json',
    mustReject: true,
  },
  {
    label: 'deeply nested objects',
    body: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    contentType: 'application/json',
    mustReject: true,
  },
  {
    label: 'duplicate keys',
    body: '{"state":"done","state":"skipped","state":7}',
    contentType: 'application/json',
    mustReject: false,
  },
  {
    label: 'invalid UTF-8',
    body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]),
    contentType: 'application/json',
    mustReject: false,
  },
  {
    label: 'UTF-16 body',
    body: Buffer.from('{"a":1}', 'utf16le'),
    contentType: 'application/json; charset=utf-16',
    mustReject: true,
  },
  {
    label: 'BOM before JSON',
    body: '\ufeff{"a":1}',
    contentType: 'application/json',
    mustReject: false,
  },
  {
    label: 'form body',
    body: 'name=x&state=done',
    contentType: 'application/x-www-form-urlencoded',
    mustReject: true,
  },
  {
    label: 'text/plain JSON',
    body: '{"state":"done"}',
    contentType: 'text/plain',
    mustReject: true,
  },
  {
    label: 'multipart',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
    mustReject: true,
  },
  { label: 'no content-type', body: '{"state":"done"}', mustReject: true },
  {
    label: 'content-type parameters',
    body: '{}',
    contentType: 'application/json; charset=utf-8; foo=bar',
    mustReject: false,
  },
  {
    label: 'over the body limit',
    body: JSON.stringify({ name: 'x'.repeat(200_000) }),
    contentType: 'application/json',
    mustReject: true,
  },
];

/** Path segments, already URL-encoded (or deliberately not), aimed at routing and decoding. */
export const HOSTILE_SEGMENTS: readonly string[] = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2F',
  '%00',
  '%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '1%27%20OR%20%271%27%3D%271',
  '%3Cscript%3E',
  'a'.repeat(5_000),
  '-1',
  '0',
  '1e999',
  'null',
  'undefined',
  '2026-02-30',
  '2026-13-01',
  '1899-12-31',
  '9999-12-31',
  '+020000-01-01',
  '2026-1-1',
  '2026-03-01T00:00:00Z',
];

/** Encodes any string for a path segment or query value; lone surrogates cannot be, so they go raw-escaped. */
export function encodeComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
