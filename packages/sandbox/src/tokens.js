// @ts-check
// Access tokens for the client-credentials grant: JWTs signed with a key that lives as
// long as the sandbox, carrying their expiry, so that checking one needs no lookup.
// Time is read from Date.now(), so a test's fake clock moves expiry on.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export class TokenIssuer {
  /** @param {{ ttlSeconds: number }} options */
  constructor({ ttlSeconds }) {
    this.ttlSeconds = ttlSeconds;
    this.key = randomBytes(32);
    this.resource = randomUUID();
    /** Tokens of an earlier generation are no longer accepted: see expireAll(). */
    this.generation = 0;
  }

  /** The token response for a client. @param {string} clientId */
  issue(clientId) {
    const now = Date.now();
    const issuedAt = Math.floor(now / 1000);
    const expiresOn = issuedAt + this.ttlSeconds;
    const claims = {
      sub: clientId,
      aud: this.resource,
      iat: issuedAt,
      nbf: issuedAt,
      exp: expiresOn,
      gen: this.generation,
      jti: randomUUID(),
    };
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return {
      access_token: `${unsigned}.${this.#sign(unsigned)}`,
      token_type: 'Bearer',
      not_before: issuedAt,
      expires_in: this.ttlSeconds,
      expires_on: expiresOn,
      resource: this.resource,
    };
  }

  /**
   * Why an Authorization header does not authenticate, or undefined when it does.
   * @param {string | undefined} authorization
   */
  problem(authorization) {
    if (!authorization) return 'The request has no Authorization header; send "Authorization: Bearer <access_token>".';
    if (!/^Bearer \S/i.test(authorization)) return 'The Authorization header is not "Bearer <access_token>".';
    // The whole of it, as issued: nothing before, between or after its three parts.
    const [, header, payload, signature] = /^Bearer +([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(authorization) ?? [];
    if (!header || !payload || !signature || !this.#verify(`${header}.${payload}`, signature)) {
      return 'The access token is not one this sandbox issued; send the access_token its token endpoint answered with, whole and unchanged.';
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims.gen !== this.generation) return 'The access token has been revoked; request a new one.';
    if (Date.now() >= claims.exp * 1000) return 'The access token has expired; request a new one.';
    return undefined;
  }

  /** From now on, every token issued so far is refused, as after a key rotation. */
  expireAll() {
    this.generation += 1;
  }

  #sign(/** @type {string} */ data) {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }

  #verify(/** @type {string} */ data, /** @type {string} */ signature) {
    const expected = Buffer.from(this.#sign(data));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const encode = (/** @type {object} */ value) => Buffer.from(JSON.stringify(value)).toString('base64url');
