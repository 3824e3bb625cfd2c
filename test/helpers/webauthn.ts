import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software authenticator for API tests ONLY: ES256 keys from node:crypto, 'none' attestation,
 * CBOR through @simplewebauthn's own encoder. It produces real attestations and assertions that
 * the server verifies exactly as it does a browser's; nothing in the application uses it.
 */
export interface SoftCredential {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  counter: number;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const b64url = (data: Buffer | Uint8Array | string) => Buffer.from(data).toString('base64url');

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];
  /** Counter step per use; 0 makes it an authenticator that keeps no counter. */
  counterStep = 1;
  userVerified = true;

  constructor(
    readonly origin = 'http://localhost:3000',
    readonly rpId = new URL(origin).hostname,
  ) {}

  private rpIdHash(): Buffer {
    return createHash('sha256').update(this.rpId).digest();
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private flags(extra = 0): number {
    return FLAG_UP | (this.userVerified ? FLAG_UV : 0) | extra;
  }

  /** Answers registration options (PublicKeyCredentialCreationOptionsJSON) like startRegistration(). */
  register(options: { challenge: string; user: { id: string } }, over: { origin?: string } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const id = randomBytes(32);
    const credential: SoftCredential = {
      id,
      privateKey,
      userHandle: options.user.id,
      counter: this.counterStep > 0 ? 1 : 0,
    };
    this.credentials.push(credential);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      this.rpIdHash(),
      Buffer.from([this.flags(FLAG_AT)]),
      counter,
      Buffer.alloc(16), // AAGUID: none
      idLength,
      id,
      Buffer.from(coseKey(publicKey)),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, over.origin)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  /**
   * Answers request options like startAuthentication(), with `credential` (default: the first one
   * allowed, or the first this authenticator holds). `counter` overrides the next counter value.
   */
  assert(
    options: { challenge: string; allowCredentials?: { id: string }[] },
    over: { credential?: SoftCredential; counter?: number; origin?: string } = {},
  ) {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? [];
    const credential =
      over.credential ??
      this.credentials.find((c) => allowed.length === 0 || allowed.includes(b64url(c.id)));
    if (!credential) throw new Error('no credential for these options');
    credential.counter = over.counter ?? credential.counter + this.counterStep;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authData = Buffer.concat([this.rpIdHash(), Buffer.from([this.flags()]), counter]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, over.origin);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]),
      credential.privateKey,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
    };
  }

  /** A copy of this authenticator's keys and counters (a cloned authenticator). */
  clone(): SoftAuthenticator {
    const copy = new SoftAuthenticator(this.origin, this.rpId);
    for (const c of this.credentials) copy.credentials.push({ ...c });
    return copy;
  }
}
