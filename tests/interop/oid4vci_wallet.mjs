// A wallet built on @openid4vc/openid4vci and @openid4vc/oauth2 (OpenID4VCI
// 1.0 client by the OpenWallet Foundation), not on the platform's code.
//
// stdin: {"offer": "openid-credential-offer://?...",   the URI the page shows
//         "alg": "EdDSA" | "ES256",                     the wallet key (fresh)
//         "binding": "jwk" | "did:key" | "did:jwk",     how the proof names it
//         "configuration": "<credential_configuration_id>" (default: first),
//         "insecure": true,          allow the http:// address of a test server
//         "jwks": "https://…/jwks.json"  verify a received VC-JWT with jose
//         "attack": null | "reuse_code" | "wrong_nonce" | "reuse_nonce"
//                   | "other_key" | "wrong_aud"}
// stdout: {"offer", "issuer_metadata", "authorization_server", "token_type",
//          "holder_did", "public_jwk", "credential", "token_error",
//          "credential_error", "second_token_error",
//          "verified": {"header", "payload"} (jose.jwtVerify with the JWKS)}
import crypto from "node:crypto";
import * as jose from "jose";
import { clientAuthenticationAnonymous, setGlobalConfig } from "@openid4vc/oauth2";
import { Openid4vciClient } from "@openid4vc/openid4vci";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
setGlobalConfig({ allowInsecureUrls: Boolean(input.insecure) });

const alg = input.alg ?? "EdDSA";
const binding = input.binding ?? "jwk";
const keyOptions = alg === "EdDSA" ? { crv: "Ed25519", extractable: true } : { extractable: true };
const { privateKey, publicKey } = await jose.generateKeyPair(alg, keyOptions);
const publicJwk = await jose.exportJWK(publicKey);
const other = await jose.generateKeyPair(alg, keyOptions);

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function base58(bytes) {
  let number = BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
  let text = "";
  while (number > 0n) {
    text = ALPHABET[Number(number % 58n)] + text;
    number /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

function didKey(jwk) {
  let bytes;
  if (jwk.kty === "OKP") {
    bytes = Buffer.concat([Buffer.from([0xed, 0x01]), Buffer.from(jwk.x, "base64url")]);
  } else {
    const y = Buffer.from(jwk.y, "base64url");
    const prefix = y[y.length - 1] & 1 ? 0x03 : 0x02;
    bytes = Buffer.concat([Buffer.from([0x80, 0x24, prefix]), Buffer.from(jwk.x, "base64url")]);
  }
  return `did:key:z${base58(bytes)}`;
}

function didJwk(jwk) {
  const members = jwk.kty === "OKP" ? ["crv", "kty", "x"] : ["crv", "kty", "x", "y"];
  const publicOnly = Object.fromEntries(members.map((name) => [name, jwk[name]]));
  return `did:jwk:${Buffer.from(JSON.stringify(publicOnly)).toString("base64url")}`;
}

let signer;
let holderDid = null;
if (binding === "jwk") {
  signer = { method: "jwk", publicJwk, alg };
} else if (binding === "did:key") {
  holderDid = didKey(publicJwk);
  signer = { method: "did", didUrl: `${holderDid}#${holderDid.slice(8)}`, alg };
} else {
  holderDid = didJwk(publicJwk);
  signer = { method: "did", didUrl: `${holderDid}#0`, alg };
}

const callbacks = {
  hash: (data, algorithm) =>
    new Uint8Array(crypto.createHash(algorithm.replace("-", "")).update(data).digest()),
  generateRandom: (length) => new Uint8Array(crypto.randomBytes(length)),
  clientAuthentication: clientAuthenticationAnonymous(),
  signJwt: async (jwtSigner, { header, payload }) => {
    // "other_key": the header names the wallet key, another key signs.
    const key = input.attack === "other_key" ? other.privateKey : privateKey;
    const jwt = await new jose.SignJWT(payload).setProtectedHeader(header).sign(key);
    return { jwt, signerJwk: publicJwk };
  },
};

function errorOf(error) {
  return (
    error?.errorResponse?.error ??
    error?.response?.credentialErrorResponseResult?.data?.error ??
    String(error?.message ?? error)
  );
}

const client = new Openid4vciClient({ callbacks });
const output = { holder_did: holderDid, public_jwk: publicJwk };
const offer = await client.resolveCredentialOffer(input.offer);
output.offer = offer;
const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
output.issuer_metadata = issuerMetadata.credentialIssuer;
output.authorization_server = issuerMetadata.authorizationServers[0];
output.draft_version = issuerMetadata.originalDraftVersion;

let accessToken;
try {
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer: offer,
    issuerMetadata,
  });
  accessToken = accessTokenResponse.access_token;
  output.token_type = accessTokenResponse.token_type;
} catch (error) {
  output.token_error = errorOf(error);
  process.stdout.write(JSON.stringify(output));
  process.exit(0);
}
if (input.attack === "reuse_code") {
  try {
    await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata });
    output.second_token_error = null;
  } catch (error) {
    output.second_token_error = errorOf(error);
  }
}

const configuration = input.configuration ?? offer.credential_configuration_ids[0];
output.configuration = configuration;
let { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
if (input.attack === "wrong_nonce") nonce = crypto.randomBytes(24).toString("base64url");

async function request(proofNonce) {
  let { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: configuration,
    signer,
    nonce: proofNonce,
    issuedAt: new Date(),
  });
  if (input.attack === "wrong_aud") {
    // A proof for another issuer, made with the same library and key.
    const [header, payload] = jwt.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url")));
    payload.aud = "https://another-issuer.example";
    jwt = await new jose.SignJWT(payload).setProtectedHeader(header).sign(privateKey);
  }
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken,
    credentialConfigurationId: configuration,
    proofs: { jwt: [jwt] },
  });
  return response.credentialResponse.credentials[0].credential;
}

try {
  output.credential = await request(nonce);
  if (input.attack === "reuse_nonce") {
    try {
      await request(nonce);
      output.credential_error = null;
    } catch (error) {
      output.credential_error = errorOf(error);
    }
  }
} catch (error) {
  output.credential_error = errorOf(error);
}
if (input.jwks && typeof output.credential === "string") {
  const response = await fetch(input.jwks);
  const keys = jose.createLocalJWKSet(await response.json());
  const { payload, protectedHeader } = await jose.jwtVerify(output.credential, keys, {
    algorithms: ["RS256", "EdDSA"],
  });
  output.verified = { header: protectedHeader, payload };
}
process.stdout.write(JSON.stringify(output));
