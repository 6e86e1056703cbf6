// Verify compact JWS tokens (VC-JWTs) against a JWK Set with jose, an
// implementation independent of the platform's PyJWT.
// stdin:  {"jwks": {"keys": [...]}, "tokens": ["eyJ...", ...]}
// stdout: [{"ok": true, "alg": "RS256", "kid": "did:web:...#rsa-key-1", "iss": "..."}
//          | {"ok": false, "error": "..."}, ...]
import { compactVerify, createLocalJWKSet } from "jose";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { jwks, tokens } = JSON.parse(input);
const keySet = createLocalJWKSet(jwks);
const results = [];
for (const token of tokens) {
  try {
    const { payload, protectedHeader } = await compactVerify(token, keySet, {
      algorithms: ["RS256", "EdDSA", "ES256"],
    });
    const claims = JSON.parse(new TextDecoder().decode(payload));
    results.push({
      ok: true,
      alg: protectedHeader.alg,
      kid: protectedHeader.kid,
      iss: claims.iss,
    });
  } catch (error) {
    results.push({ ok: false, error: `${error.code || error.name}: ${error.message}` });
  }
}
process.stdout.write(JSON.stringify(results));
