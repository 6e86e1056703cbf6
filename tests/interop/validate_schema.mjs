// Validates documents against 1EdTech's published JSON Schemas with ajv.
// stdin: {"schema": "ob_v3p0/ob_v3p0_achievementcredential_schema.json", "documents": [...]}
// stdout: [{"valid": bool, "errors": [...]}, ...] in the same order.
import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";

const input = JSON.parse(readFileSync(0, "utf8"));
const schema = JSON.parse(
  readFileSync(new URL(`./schemas/${input.schema}`, import.meta.url), "utf8"),
);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const out = input.documents.map((doc) => {
  const valid = validate(doc);
  return { valid, errors: valid ? [] : validate.errors };
});
process.stdout.write(JSON.stringify(out));
