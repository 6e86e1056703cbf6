// The Open Badges 3.0 verification of credentials with Digital Bazaar's
// libraries, offline: @digitalbazaar/vc verifyCredential (VC checks, dates)
// with a DataIntegrityProof suite of @digitalbazaar/eddsa-jcs-2022-cryptosuite
// (keys read by @digitalbazaar/ed25519-multikey from the DID document), and
// the status read by @digitalbazaar/vc-bitstring-status-list's checkStatus.
//
// stdin: {"documents": [...],            credentials to verify
//         "did_documents": [...],        the issuers' DID documents
//         "status_lists": {url: doc},    BitstringStatusListCredentials by URL
//         "now": "2026-..."}             optional verification time
// stdout: {"results": [{"verified", "error", "status": {...} | null}], "loaded": [...]}
//
// "status" (when the credential has a credentialStatus and its list was given):
//   verified  checkStatus's verdict (list proof, issuer, purpose, type);
//   bit       the boolean checkStatus returns (the library reads ONE bit, at
//             statusListIndex, whatever statusSize says);
//   value     the entry's statusSize-bit value read as the Bitstring Status List
//             specification says (bits statusListIndex*statusSize ..), with the
//             library's own decoder (BitstringStatusList.decode / getStatus);
//   message   statusMessage's text for that value.
// Nothing is fetched from the network: an unknown URL fails the verification.
import { readFileSync } from "node:fs";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { createVerifyCryptosuite } from "@digitalbazaar/eddsa-jcs-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { checkStatus, decodeList } from "@digitalbazaar/vc-bitstring-status-list";

const input = JSON.parse(readFileSync(0, "utf8"));
const documents = new Map(Object.entries(input.status_lists || {}));
for (const did of input.did_documents || []) {
  documents.set(did.id, did);
  for (const method of did.verificationMethod || []) {
    documents.set(method.id, { "@context": did["@context"], ...method });
  }
}
const loaded = [];
const documentLoader = async (url) => {
  const document = documents.get(url);
  if (document === undefined) {
    throw new Error(`document not available offline: ${url}`);
  }
  loaded.push(url);
  return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
};

const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
const message = (error) => (error ? String(error.message || error) : "");

async function specValue(entry) {
  const list = documents.get(entry.statusListCredential);
  if (!list) return null;
  const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
  const size = Number(entry.statusSize || 1);
  const start = Number.parseInt(entry.statusListIndex, 10) * size;
  let value = 0;
  for (let bit = start; bit < start + size; bit++) {
    value = (value << 1) | (decoded.getStatus(bit) ? 1 : 0);
  }
  const text = (entry.statusMessage || []).find(
    (m) => Number.parseInt(m.status, 16) === value,
  );
  return { value, message: text ? text.message : null };
}

const results = [];
for (const credential of input.documents) {
  const entry = credential.credentialStatus;
  const withStatus =
    entry && !Array.isArray(entry) && documents.has(entry.statusListCredential);
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    now: input.now ? new Date(input.now) : undefined,
    checkStatus: withStatus
      ? (options) => checkStatus({ ...options, suite, documentLoader })
      : async () => ({ verified: true }),
  });
  let status = null;
  if (withStatus) {
    // Read the status even when the proof failed, to report it.
    const read = await checkStatus({ credential, suite, documentLoader });
    status = {
      verified: read.verified,
      error: message(read.error),
      bit: read.results ? read.results[0].status : null,
      ...(await specValue(entry)),
    };
  }
  const detail = (result.results || []).map((r) => message(r.error)).filter(Boolean);
  results.push({
    verified: result.verified,
    error: [message(result.error), ...detail].filter(Boolean).join(": "),
    status,
  });
}
process.stdout.write(JSON.stringify({ results, loaded }));
