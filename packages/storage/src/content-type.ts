/**
 * Content types are stored and sent back as HTTP headers, so only a plain `type/subtype` with
 * optional `; name=value` parameters in printable ASCII is accepted: no Unicode (S3 headers
 * cannot carry it), no CR/LF (no header injection), nothing empty.
 */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const QUOTED = '"[ !#-\\[\\]-~]*"';
const CONTENT_TYPE_PATTERN = new RegExp(
  `^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*$`,
);
const MAX_CONTENT_TYPE_LENGTH = 255;

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export class InvalidContentTypeError extends Error {
  override name = 'InvalidContentTypeError';
}

export function assertValidContentType(contentType: string): void {
  if (
    typeof contentType !== 'string' ||
    contentType.length > MAX_CONTENT_TYPE_LENGTH ||
    !CONTENT_TYPE_PATTERN.test(contentType)
  ) {
    throw new InvalidContentTypeError(`invalid content type ${JSON.stringify(contentType)}`);
  }
}
