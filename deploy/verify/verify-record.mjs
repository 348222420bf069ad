// Verifies a DM Advisor decision record offline, as a third party would: with the published JWKS, the JOSE
// library `jose` and an RFC 8785 implementation (`canonicalize`), and nothing from the service.
//   npm install jose canonicalize
//   node verify-record.mjs record.json jwks.json
// record.json is the kept record ({"kind", "request", "response"}) or the answer alone; jwks.json is what the
// service publishes at /.well-known/jwks.json. Exits 0 when the record verifies, 1 when it does not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, createLocalJWKSet } from 'jose';
import canonicalize from 'canonicalize';

const [recordFile, jwksFile] = process.argv.slice(2);
const record = JSON.parse(readFileSync(recordFile, 'utf8'));
const answer = record.response ?? record;
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const { seal, ...content } = answer;
const checks = [];
const check = (what, ok) => checks.push([what, ok]);

// 1. The digest: SHA-256 of the answer without its seal, in RFC 8785 canonical JSON.
const digest = sha256(canonicalize(content));
check('digest of the answer matches seal.digest', digest === seal.digest);

// 2. The signature: a compact JWS (ES256) by a key of the JWKS, over a payload naming that digest and the request hash.
try {
  const { payload, protectedHeader } = await compactVerify(seal.signature, jwks, { algorithms: ['ES256'] });
  const claims = JSON.parse(new TextDecoder().decode(payload));
  check(`JWS signature verifies with key ${protectedHeader.kid}`, true);
  check('JWS key id is the seal\'s keyId', protectedHeader.kid === seal.keyId);
  check('JWS payload names the digest of this answer', claims.digest === digest && claims.canonicalization === 'RFC8785');
  check('JWS payload names the request hash of this answer', claims.requestSha256 === content.provenance?.requestSha256);
} catch (e) {
  check(`JWS signature verifies (${e.code ?? e.message})`, false);
}

// 3. The request, when the record has it: its canonical hash is the one the answer names.
if (record.request) {
  check('request hashes to provenance.requestSha256', sha256(canonicalize(record.request)) === content.provenance?.requestSha256);
}

for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
const verified = checks.every(([, ok]) => ok);
console.log(verified ? 'VERIFIED' : 'NOT VERIFIED');
process.exit(verified ? 0 : 1);
