// Verifies VC-JWTs with panva's `jose` against the issuer's published JWK Set
// (the document /issuers/<code>/jwks.json serves), as Open Badges 3.0's JSON
// Web Token Proof Format describes: the key the header's `kid` names, `alg`
// RS256 or EdDSA, `typ` JWT when present; `nbf`/`exp` checked at `now`.
// stdin: {"tokens": [...], "jwks": {"keys": [...]}, "now": "2026-..."}
// stdout: [{"verified", "error", "code", "header", "payload"}, ...]
import { readFileSync } from "node:fs";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";

const input = JSON.parse(readFileSync(0, "utf8"));
const keySet = createLocalJWKSet(input.jwks);
const out = [];
for (const token of input.tokens) {
  let header = null;
  try {
    header = decodeProtectedHeader(token);
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ["RS256", "EdDSA"],
      typ: header.typ === undefined ? undefined : "JWT",
      currentDate: input.now ? new Date(input.now) : undefined,
    });
    out.push({ verified: true, error: "", code: "", header, payload });
  } catch (error) {
    out.push({
      verified: false,
      error: String(error.message || error),
      code: error.code || "",
      header,
      payload: null,
    });
  }
}
process.stdout.write(JSON.stringify(out));
