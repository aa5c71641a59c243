/**
 * The server's own OpenAPI document (GET /api/v1/openapi.json), read as the list of operations
 * the hostile-input tests cover: a route added to the contract is fuzzed and swept without
 * anyone editing the tests.
 */

/** The JSON Schema subset @hono/zod-openapi emits (OpenAPI 3.0). */
export interface JsonSchema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** OpenAPI 3.0: a flag on `minimum`. */
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** As documented, with `{name}` placeholders. */
  path: string;
  parameters: Parameter[];
  /** The application/json request body's schema, if the operation takes one. */
  body?: JsonSchema;
  /** Needs a session (the operation lists a security requirement). */
  secured: boolean;
  /** Also takes a personal API token (`bearer` among its security requirements). */
  bearer: boolean;
  label: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const upper = method.toUpperCase();
      const body = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: upper,
        path,
        parameters: (raw.parameters ?? []).map((p) => ({ ...p, required: p.required === true })),
        ...(body ? { body } : {}),
        secured: (raw.security ?? []).length > 0,
        bearer: (raw.security ?? []).some((r) => Object.hasOwn(r as object, 'bearer')),
        label: `${upper} ${path}`,
      });
    }
  }
  return operations;
}

/** Follows `$ref`s into components. */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`openapi.json: unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Fills `{name}` placeholders with already-encoded path segments. */
export function fillPath(path: string, segments: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = segments[name];
    if (value === undefined) throw new Error(`no value for path parameter {${name}} of ${path}`);
    return value;
  });
}

export function pathParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => p.in === 'path');
}
