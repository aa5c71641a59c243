/**
 * A software WebAuthn authenticator with its client (the browser's part) for tests: real ES256
 * keys (node:crypto), real signatures, attestation "none" in CBOR, authenticator data with its
 * flags and signature counter — what a platform authenticator and a browser would send, made
 * without either. Not a mock: the server verifies every byte of it cryptographically.
 *
 * Knobs let a test send what a broken or hostile client would: another origin, a counter that
 * goes backwards, a corrupted signature.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

type Json = Record<string, unknown>;

export interface SoftCredential {
  /** base64url credential id. */
  id: string;
  rpId: string;
  /** base64url user handle the RP gave at creation. */
  userHandle: string;
  privateKey: KeyObject;
  counter: number;
}

export interface AssertionOptions {
  /** Which credential to use; the first for the RP when absent (a discoverable choice). */
  credentialId?: string;
  /** The signature counter to report (after this it continues from there). */
  counter?: number;
  /** The origin written in clientDataJSON (default: the authenticator's). */
  origin?: string;
  /** Flip a byte of the signature. */
  corruptSignature?: boolean;
  /** Use this challenge instead of the one in the options. */
  challenge?: string;
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  constructor(readonly origin: string) {}

  /** `navigator.credentials.create()` with these options → RegistrationResponseJSON. */
  createCredential(options: Json, overrides: { origin?: string; challenge?: string } = {}): Json {
    const rp = options.rp as { id?: string };
    const user = options.user as { id: string };
    const rpId = rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credentialId = randomBytes(16);
    const credential: SoftCredential = {
      id: credentialId.toString('base64url'),
      rpId,
      userHandle: user.id,
      privateKey,
      counter: 0,
    };
    // COSE_Key, EC2 on P-256 with ES256: {1: 2, 3: -7, -1: 1, -2: x, -3: y}.
    const coseKey = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      authenticatorData(rpId, FLAG_UP | FLAG_UV | FLAG_AT, 0),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      credentialId,
      coseKey,
    ]);
    const attestationObject = cbor(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    const clientDataJSON = clientData(
      'webauthn.create',
      overrides.challenge ?? (options.challenge as string),
      overrides.origin ?? this.origin,
    );
    this.credentials.push(credential);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** `navigator.credentials.get()` with these options → AuthenticationResponseJSON. */
  getAssertion(options: Json, knobs: AssertionOptions = {}): Json {
    const rpId = (options.rpId as string | undefined) ?? new URL(this.origin).hostname;
    const credential = knobs.credentialId
      ? this.credentials.find((c) => c.id === knobs.credentialId)
      : this.credentials.find((c) => c.rpId === rpId);
    if (!credential) throw new Error(`No credential for ${rpId}`);
    credential.counter = knobs.counter ?? credential.counter + 1;
    const authData = authenticatorData(rpId, FLAG_UP | FLAG_UV, credential.counter);
    const clientDataJSON = clientData(
      'webauthn.get',
      knobs.challenge ?? (options.challenge as string),
      knobs.origin ?? this.origin,
    );
    const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
    // ES256 signatures in WebAuthn are DER-encoded, node's default for EC keys.
    const signature = sign('sha256', signed, credential.privateKey);
    if (knobs.corruptSignature) signature[signature.length - 1]! ^= 0xff;
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function authenticatorData(rpId: string, flags: number, counter: number): Buffer {
  const counterBytes = Buffer.alloc(4);
  counterBytes.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), counterBytes]);
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** The little CBOR (RFC 8949) WebAuthn needs: ints, byte and text strings, maps. */
export function cbor(value: unknown): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('CBOR: integers only');
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new Error(`CBOR: cannot encode ${typeof value}`);
}

function head(major: number, n: number): Buffer {
  const m = major << 5;
  if (n < 24) return Buffer.from([m | n]);
  if (n < 0x100) return Buffer.from([m | 24, n]);
  if (n < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = m | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = m | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
