export const id = 193;
export const ids = [193];
export const modules = {

/***/ 193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareSigning: () => (/* binding */ prepareSigning),
  setSignatureOutput: () => (/* binding */ setSignatureOutput),
  signDelivered: () => (/* binding */ signDelivered),
  signDestinations: () => (/* binding */ signDestinations)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/common/aws.ts
var aws = __webpack_require__(2064);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/kms.ts




/** KMS, loaded only by a run that signs. */
async function createKmsClient(region, endpoint) {
    const { KMSClient } = await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19));
    return new KMSClient((0,aws/* awsClientConfig */.r)('KMS', region, endpoint));
}
/**
 * Pure: the signing algorithm for a key, or why it cannot sign: ECC_NIST_P256 signs ECDSA_SHA_256; an RSA
 * key RSASSA_PKCS1_V1_5_SHA_256 (what every verifier with a PEM key reads: cosign, Kyverno and
 * containers/image load RSA keys as PKCS#1 v1.5), else RSASSA_PSS_SHA_256.
 */
function chooseAlgorithm(metadata) {
    if (metadata.KeyUsage !== 'SIGN_VERIFY')
        return `its key usage is ${metadata.KeyUsage ?? 'unknown'}, not SIGN_VERIFY`;
    if (metadata.KeyState !== 'Enabled')
        return `it is ${metadata.KeyState ?? 'in an unknown state'}, not Enabled`;
    const offered = new Set(metadata.SigningAlgorithms ?? []);
    const spec = metadata.KeySpec ?? '';
    const wanted = spec === 'ECC_NIST_P256'
        ? ['ECDSA_SHA_256']
        : spec.startsWith('RSA_')
            ? ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256']
            : [];
    const algorithm = wanted.find(candidate => offered.has(candidate));
    return (algorithm ??
        `its key spec ${spec || 'unknown'} is not one cosign's verifiers read: use ECC_NIST_P256 (ECDSA_SHA_256) or an RSA key`);
}
/**
 * Resolves `keyId` (ID, ARN, `alias/…`) with DescribeKey and checks it signs, then reads its public key:
 * any failure is one error naming the input, before any tag is written.
 */
async function resolveSigningKey(client, keyId, input, endpoint) {
    const { DescribeKeyCommand, GetPublicKeyCommand } = await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19));
    const refuse = (why) => new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(keyId)} cannot sign: ${why}`);
    let metadata;
    try {
        metadata = (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    }
    catch (error) {
        if ((0,ecr_errors/* awsErrorName */.ZH)(error) === 'NotFoundException')
            throw refuse('no such key (kms:DescribeKey)');
        throw refuseOrExplain(error, refuse, 'kms:DescribeKey');
    }
    const arn = metadata?.Arn;
    if (!metadata || !arn)
        throw refuse('DescribeKey returned no key');
    const algorithm = chooseAlgorithm(metadata);
    if (!isAlgorithm(algorithm))
        throw refuse(algorithm);
    // A key lives in one region: its ARN says which, and every call about it goes there.
    const region = arn.split(':')[3];
    const keyClient = region === (await client.config.region()) ? client : await createKmsClient(region, endpoint);
    let der;
    try {
        der = (await keyClient.send(new GetPublicKeyCommand({ KeyId: arn }))).PublicKey;
    }
    catch (error) {
        throw refuseOrExplain(error, refuse, 'kms:GetPublicKey');
    }
    if (!der)
        throw refuse('GetPublicKey returned no public key');
    const publicKey = (0,external_node_crypto_.createPublicKey)({ key: Buffer.from(der), format: 'der', type: 'spki' });
    return { key: { arn, region, algorithm, publicKey }, client: keyClient };
}
/** Signs a SHA-256 digest with the key, in KMS. */
async function signDigest(client, key, digest) {
    const { SignCommand } = await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19));
    try {
        const { Signature } = await client.send(new SignCommand({
            KeyId: key.arn,
            Message: digest,
            MessageType: 'DIGEST',
            SigningAlgorithm: key.algorithm
        }));
        if (!Signature)
            throw new errors/* ActionError */.lZ(`KMS Sign with ${key.arn} returned no signature`);
        return Buffer.from(Signature);
    }
    catch (error) {
        throw (0,ecr_errors/* explainAwsError */.Ni)(error, `kms:Sign with ${key.arn}`);
    }
}
function isAlgorithm(value) {
    return /^(ECDSA|RSASSA)_/.test(value);
}
/** Denied or unknown: the input's error; credentials and the network keep their own explanations. */
function refuseOrExplain(error, refuse, call) {
    const name = (0,ecr_errors/* awsErrorName */.ZH)(error);
    if (name === 'AccessDeniedException' || name === 'DisabledException' || name === 'KMSInvalidStateException')
        return refuse(`${call} answered ${name}: ${(0,errors/* messageOf */.bD)(error)}`);
    return (0,ecr_errors/* explainAwsError */.Ni)(error, call);
}

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/blob-types.ts

/** A small blob held in memory (a config, a signature payload) as a source to upload. */
function bufferBlob(digest, bytes) {
    return {
        digest,
        size: bytes.length,
        open: (start, end) => external_node_stream_.Readable.from([bytes.subarray(start ?? 0, end === undefined ? undefined : end + 1)])
    };
}

// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
;// CONCATENATED MODULE: ./src/registry/cosign.ts



/**
 * cosign's key-signature format (pkg/oci, pkg/cosign, sigstore's payload package): a simple-signing payload
 * naming the repository and the digest, one layer per signature in a manifest under the tag
 * `sha256-<hex>.sig`, the base64 signature in the layer's annotation. What `cosign verify --key`, Kyverno's
 * Cosign type, policy-controller and containers/image (`sigstoreSigned`) read. Pure.
 */
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** go-containerregistry's zero time, which cosign's empty image and its history entries carry. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
/** The tag under which cosign keeps an image's key signatures. */
function signatureTag(digest) {
    return `${digest.replace(':', '-')}.sig`;
}
/**
 * The simple-signing payload, byte for byte as cosign writes it (Go's encoding/json: compact, the struct's
 * field order; `optional` null without annotations, keys sorted with them). `reference` is the repository
 * without tag or digest, as cosign signs it.
 */
function simpleSigningPayload(reference, digest, optional) {
    const sorted = optional && Object.keys(optional).length > 0 ? sortKeys(optional) : null;
    return Buffer.from(goJson({
        critical: {
            identity: { 'docker-reference': reference },
            image: { 'docker-manifest-digest': digest },
            type: 'cosign container image signature'
        },
        optional: sorted
    }));
}
/** What a payload says, when it is one; undefined otherwise. */
function readPayload(bytes) {
    try {
        const parsed = JSON.parse(bytes.toString('utf8'));
        const { critical } = parsed;
        const reference = critical?.identity?.['docker-reference'];
        const digest = critical?.image?.['docker-manifest-digest'];
        if (typeof reference !== 'string' || typeof digest !== 'string' || typeof critical?.type !== 'string')
            return undefined;
        return { reference, digest, type: critical.type };
    }
    catch {
        return undefined;
    }
}
/**
 * Whether `signature` is the key's signature of `message` (SHA-256): ECDSA in DER, RSA PKCS#1 v1.5, or
 * RSA-PSS with any salt length (KMS uses 32 bytes, the hash length; others the maximum).
 */
function verifiesWith(publicKey, message, signature) {
    try {
        if (publicKey.asymmetricKeyType === 'ec')
            return (0,external_node_crypto_.verify)('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature);
        if ((0,external_node_crypto_.verify)('sha256', message, { key: publicKey, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature))
            return true;
        return (0,external_node_crypto_.verify)('sha256', message, {
            key: publicKey,
            padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING,
            saltLength: external_node_crypto_.constants.RSA_PSS_SALTLEN_AUTO
        }, signature);
    }
    catch {
        return false;
    }
}
/**
 * The `.sig` manifest and config with one more signature layer, as cosign appends one (mutate.Append: the
 * config's diff_ids and history grow, the other signatures are kept). Without an existing one: cosign's
 * empty image with this layer.
 */
function withSignatureLayer(existing, payload, signature) {
    const layer = { digest: (0,registry_digest/* sha256Digest */.s)(payload), size: payload.length };
    const config = existing?.config
        ? JSON.parse(existing.config.toString('utf8'))
        : {
            architecture: '',
            created: ZERO_TIME,
            history: [],
            os: '',
            rootfs: { type: 'layers', diff_ids: [] },
            config: {}
        };
    config.history = [...(config.history ?? []), { created: ZERO_TIME }];
    config.rootfs = {
        type: 'layers',
        ...config.rootfs,
        diff_ids: [...(config.rootfs?.diff_ids ?? []), layer.digest]
    };
    const configBytes = Buffer.from(goJson(config));
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: {
            mediaType: media_types/* BlobMediaType */.Gn.ociConfig,
            size: configBytes.length,
            digest: (0,registry_digest/* sha256Digest */.s)(configBytes)
        },
        layers: [
            ...(existing?.manifest.layers ?? []),
            {
                mediaType: SIMPLE_SIGNING,
                size: layer.size,
                digest: layer.digest,
                annotations: { [SIGNATURE_ANNOTATION]: signature.toString('base64') }
            }
        ]
    };
    return { manifest: Buffer.from(goJson(manifest)), config: configBytes, layer };
}
/** Go's json.Marshal of these values: compact, and `<`, `>`, `&` escaped as it escapes them. */
function goJson(value) {
    return JSON.stringify(value).replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`);
}
function sortKeys(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

;// CONCATENATED MODULE: ./src/registry/sign.ts






const MAX_SMALL_BLOB = 1024 * 1024;
const sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest();
/**
 * Signs `subject` in cosign's key format: a valid signature of this payload by this key already under
 * `sha256-<hex>.sig` leaves everything as it is; otherwise a layer is appended (other keys' signatures are
 * kept, as cosign keeps them) and the tag written. Then read back and verified against the public key: the
 * payload names `reference` and the subject, and the signature verifies. An immutable `.sig` tag that
 * exists cannot take another layer: the error says how to exclude signature tags.
 */
async function signWithCosign(registry, repository, subject, reference, signer, options) {
    const tag = signatureTag(subject);
    const payload = simpleSigningPayload(reference, subject);
    const stored = await registry.getManifest(repository, tag);
    const existing = stored?.manifest;
    if (stored && ourLayer(existing, payload, signer.publicKey))
        return { subject, signatureDigest: stored.digest, outcome: 'unchanged' };
    if (stored && options.isImmutable(tag)) {
        throw new errors/* ActionError */.lZ(`${options.repositoryUri}:${tag} exists and its tag is immutable, so this signature cannot be added to it. ` +
            'Exclude signature tags from immutability: image-tag-mutability: IMMUTABLE_WITH_EXCLUSION with ' +
            'image-tag-mutability-exclusions: sha256-*.sig');
    }
    const signature = await signer.sign(sha256(payload));
    if (!verifiesWith(signer.publicKey, payload, signature))
        throw new errors/* ActionError */.lZ(`the signature KMS returned for ${subject} does not verify with the key's public key`);
    const configDigest = stored?.manifest?.config;
    const config = configDigest
        ? await registry.requireBlob(repository, configDigest.digest, MAX_SMALL_BLOB)
        : undefined;
    const built = withSignatureLayer(existing && { manifest: existing, config }, payload, signature);
    await registry.pushBlob(repository, bufferBlob(built.layer.digest, payload));
    await registry.pushBlob(repository, bufferBlob((0,registry_digest/* sha256Digest */.s)(built.config), built.config));
    const digest = await registry.putManifest(repository, tag, built.manifest, media_types/* MediaType */.zu.ociManifest);
    await verifySignature(registry, repository, tag, {
        reference,
        subject,
        payload,
        publicKey: signer.publicKey
    });
    return { subject, signatureDigest: digest, outcome: 'signed' };
}
/** A layer of the `.sig` manifest holding this payload with a valid signature by this key. */
function ourLayer(manifest, payload, key) {
    const digest = (0,registry_digest/* sha256Digest */.s)(payload);
    return (manifest?.layers ?? []).some(layer => layer.mediaType === SIMPLE_SIGNING &&
        layer.digest === digest &&
        verifiesWith(key, payload, Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64')));
}
/**
 * Reads the signature back as a verifier would: the `.sig` manifest, our layer's payload blob (its bytes
 * naming this reference and digest), and its signature against the public key.
 */
async function verifySignature(registry, repository, tag, expected) {
    const stored = await registry.requireManifest(repository, tag);
    const layers = stored.manifest.layers ?? [];
    const digest = (0,registry_digest/* sha256Digest */.s)(expected.payload);
    // Several keys' signatures of one payload are layers of one digest: ours is the one that verifies.
    const ours = layers.filter(l => l.digest === digest);
    const fail = (why) => new errors/* ActionError */.lZ(`the signature of ${expected.subject} read back from ${repository}:${tag} ${why}`);
    if (ours.length === 0)
        throw fail('has no layer with its payload');
    const bytes = await registry.requireBlob(repository, ours[0].digest, MAX_SMALL_BLOB);
    const said = readPayload(bytes);
    if (said?.reference !== expected.reference || said.digest !== expected.subject)
        throw fail('names another image');
    const signed = ours.some(layer => verifiesWith(expected.publicKey, bytes, Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64')));
    if (!signed)
        throw fail('does not verify with the key');
}

// EXTERNAL MODULE: ./src/registry/referrers.ts
var referrers = __webpack_require__(9191);
;// CONCATENATED MODULE: ./src/registry/sigstore-bundle.ts







/**
 * A signature as cosign 3 writes and reads first: a sigstore bundle (v0.3) as an OCI 1.1 referrer of the
 * image. Here a message-signature bundle over the image's manifest (its digest is the message digest), by
 * the KMS key, no transparency-log entry; the referrer manifest shaped as cosign's (pkg/oci/remote/write.go:
 * the empty config carrying the artifactType, one bundle layer, the content annotation).
 */
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY = Buffer.from('{}');
const MAX_BUNDLE = 1024 * 1024;
const sigstore_bundle_sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest();
/** Pure: the bundle for a signature of the manifest `subject` (its digest hex is the message's SHA-256). */
function messageSignatureBundle(subject, signature, publicKey) {
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    return Buffer.from(JSON.stringify({
        mediaType: BUNDLE_TYPE,
        verificationMaterial: { publicKey: { hint: sigstore_bundle_sha256(spki).toString('base64') } },
        messageSignature: {
            messageDigest: {
                algorithm: 'SHA2_256',
                digest: Buffer.from(subject.slice(7), 'hex').toString('base64')
            },
            signature: signature.toString('base64')
        }
    }));
}
/** Pure: the referrer manifest of a bundle, subject first as cosign writes it. */
function bundleReferrer(subject, bundle, created) {
    return Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: { mediaType: EMPTY_TYPE, size: 2, digest: (0,registry_digest/* sha256Digest */.s)(EMPTY), artifactType: BUNDLE_TYPE },
        layers: [{ mediaType: BUNDLE_TYPE, size: bundle.length, digest: (0,registry_digest/* sha256Digest */.s)(bundle) }],
        annotations: {
            'dev.sigstore.bundle.content': 'message-signature',
            'org.opencontainers.image.created': created
        },
        subject,
        artifactType: BUNDLE_TYPE
    }));
}
/** Whether a bundle holds this key's valid signature of the manifest `bytes` (digest `subject`). */
function bundleSigns(bundle, subject, bytes, publicKey) {
    try {
        const parsed = JSON.parse(bundle.toString('utf8'));
        const said = parsed.messageSignature;
        return (said?.messageDigest?.digest === Buffer.from(subject.slice(7), 'hex').toString('base64') &&
            verifiesWith(publicKey, bytes, Buffer.from(said.signature ?? '', 'base64')));
    }
    catch {
        return false;
    }
}
/**
 * Signs the manifest `subject` with a bundle referrer, unless one of its referrers already holds this key's
 * valid signature of it; afterwards the registry must list it (referrers API or tag schema) and it must
 * verify. The referrer's digest.
 */
async function signWithBundle(registry, repository, subject, signer) {
    const found = await ourBundle(registry, repository, subject, signer.publicKey);
    if (found)
        return { digest: found, outcome: 'unchanged' };
    const signature = await signer.sign(Buffer.from(subject.digest.slice(7), 'hex'));
    const bundle = messageSignatureBundle(subject.digest, signature, signer.publicKey);
    if (!bundleSigns(bundle, subject.digest, subject.bytes, signer.publicKey))
        throw new errors/* ActionError */.lZ(`the signature KMS returned for ${subject.digest} does not verify with the key's public key`);
    const descriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length };
    const manifest = bundleReferrer(descriptor, bundle, new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
    await registry.pushBlob(repository, bufferBlob((0,registry_digest/* sha256Digest */.s)(EMPTY), EMPTY));
    await registry.pushBlob(repository, bufferBlob((0,registry_digest/* sha256Digest */.s)(bundle), bundle));
    const blob = { digest: (0,registry_digest/* sha256Digest */.s)(manifest), mediaType: media_types/* MediaType */.zu.ociManifest, bytes: manifest };
    await (0,referrers/* putReferrer */.j5)(registry, repository, blob, subject.digest);
    if ((await ourBundle(registry, repository, subject, signer.publicKey)) !== blob.digest)
        throw new errors/* ActionError */.lZ(`the bundle signature of ${subject.digest} is not listed as its referrer after the push`);
    return { digest: blob.digest, outcome: 'signed' };
}
/** The subject's bundle referrer holding this key's valid signature, if one does. */
async function ourBundle(registry, repository, subject, publicKey) {
    for (const referrer of await (0,referrers/* listReferrers */.xt)(registry, repository, subject.digest)) {
        if (referrer.artifactType !== BUNDLE_TYPE)
            continue;
        const stored = await registry.getManifest(repository, referrer.digest);
        const layer = stored?.manifest
            ?.layers?.[0];
        if (!layer || layer.mediaType !== BUNDLE_TYPE)
            continue;
        const bundle = await registry.requireBlob(repository, layer.digest, MAX_BUNDLE);
        if (bundleSigns(bundle, subject.digest, subject.bytes, publicKey))
            return referrer.digest;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
// EXTERNAL MODULE: ./src/deliver/fan-out/state.ts
var state = __webpack_require__(7851);
;// CONCATENATED MODULE: ./src/deliver/signing.ts







/**
 * Resolves and checks the key (DescribeKey: it exists, is enabled, signs; GetPublicKey works) before any
 * repository is touched or tag written: a key that cannot sign is `Input "signing-key"`'s error.
 */
async function prepareSigning(inputs, region, endpoint) {
    const { key, client } = await resolveSigningKey(await createKmsClient(region, endpoint), inputs.key, constants/* Input */.pd.signingKey, endpoint);
    log/* info */.p(`Signing with ${key.arn} (${key.algorithm}), in KMS`);
    return { inputs, key, signer: kmsSigner(client, key) };
}
function kmsSigner(client, key) {
    return { publicKey: key.publicKey, sign: digest => signDigest(client, key, digest) };
}
/**
 * Signs what one registry now holds: the delivered digest (an index as the index), each platform manifest
 * with sign-platforms, the payload naming this registry's repository; with `bundle` also a sigstore bundle
 * referrer of each. Each signature is read back and verified against the key before the step goes on.
 */
async function signDelivered(signing, registry, target, delivery) {
    const subjects = [
        delivery.digest,
        ...(signing.inputs.platforms ? delivery.platforms.map(p => p.digest) : [])
    ];
    const rows = [];
    for (const subject of subjects) {
        const cosign = await signWithCosign(registry, target.repository, subject, target.repositoryUri, signing.signer, {
            isImmutable: target.isImmutable,
            repositoryUri: target.repositoryUri
        });
        rows.push({
            ...base(target, subject),
            format: 'simple',
            digest: cosign.signatureDigest,
            outcome: cosign.outcome
        });
        if (signing.inputs.format === 'bundle') {
            const stored = await registry.requireManifest(target.repository, subject);
            const bundle = await signWithBundle(registry, target.repository, stored, signing.signer);
            rows.push({
                ...base(target, subject),
                format: 'bundle',
                digest: bundle.digest,
                outcome: bundle.outcome
            });
        }
    }
    for (const row of rows)
        log/* info */.p(`${row.repositoryUri}@${row.subject}: ${row.format === 'simple' ? 'cosign signature' : 'sigstore bundle'} ` +
            `${row.outcome === 'signed' ? 'written and verified' : 'already there, valid'} (${row.digest})`);
    return rows;
}
const base = (target, subject) => ({ repositoryUri: target.repositoryUri, subject });
/** `signature-digest`: the main registry's `.sig` manifest of the delivered digest. */
function setSignatureOutput(rows, delivered) {
    const main = rows.find(row => row.format === 'simple' && row.subject === delivered);
    if (main)
        core/* setOutput */.uH(constants/* Output */.k7.signatureDigest, main.digest);
}
/**
 * Every destination delivered to gets its own signature (its payload names that registry's repository); a
 * destination whose signing fails is failed like one whose push failed, and the others go on.
 */
async function signDestinations(signing, stages) {
    const rows = [];
    const signed = await (0,state/* eachGoing */.oO)(stages, 'sign', async (stage) => {
        rows.push(...(await signDelivered(signing, stage.registry, stage.target, stage.delivery)));
        return stage;
    });
    return { stages: signed, rows };
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N1: () => (/* binding */ referrerOf),
/* harmony export */   j5: () => (/* binding */ putReferrer),
/* harmony export */   j9: () => (/* binding */ missingReferrers),
/* harmony export */   u: () => (/* binding */ verifyReferrers),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* unused harmony exports tagSchemaTag, referrerDescriptor */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);



/** The tag under which the tag schema keeps a subject's referrers. */
function tagSchemaTag(subject) {
    return subject.replace(':', '-');
}
/** Pure: the descriptor a referrers list gives a manifest (its artifactType, or its config's media type). */
function referrerDescriptor(manifest) {
    const parsed = JSON.parse(manifest.bytes.toString('utf8'));
    const artifactType = parsed.artifactType ?? ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(parsed) ? undefined : parsed.config?.mediaType);
    return {
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.bytes.length,
        ...(artifactType ? { artifactType } : {}),
        ...(parsed.annotations ? { annotations: parsed.annotations } : {})
    };
}
/**
 * Puts a referrer by digest, after its subject; where the registry does not answer with `OCI-Subject`, the
 * tag schema lists it. A registry that refuses the manifest (ECR has refused some referrer manifests with
 * 405) fails naming the referrer and the registry's answer.
 */
async function putReferrer(registry, repository, manifest, subject) {
    let said;
    try {
        said = await registry.putManifestSaying(repository, manifest.digest, manifest.bytes, manifest.mediaType);
    }
    catch (error) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl))
            throw error;
        const type = referrerDescriptor(manifest).artifactType;
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry refused the referrer ${manifest.digest}${type ? ` (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(type, 120)})` : ''} of ${subject}: ` +
            `${error.message}. Deliver the image without its referrers with referrers: skip.`, { cause: error });
    }
    if (said.subject === subject)
        return 'api';
    await addToTagSchema(registry, repository, subject, referrerDescriptor(manifest));
    return 'tag-schema';
}
/** Merges a descriptor into the subject's tag-schema index (read, merged, written back when it changed). */
async function addToTagSchema(registry, repository, subject, descriptor) {
    const tag = tagSchemaTag(subject);
    const stored = await registry.getManifest(repository, tag);
    const listed = stored && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(stored.manifest) ? stored.manifest.manifests : [];
    if (listed.some(d => d.digest === descriptor.digest))
        return;
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex, manifests: [...listed, descriptor] }));
    await registry.putManifest(repository, tag, bytes, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex);
}
/** A subject's referrers: from the referrers API, or from the tag schema where the registry has none. */
async function listReferrers(registry, repository, subject) {
    const fromApi = await registry.referrersOf(repository, subject);
    const descriptors = fromApi ??
        (await (async () => {
            const stored = await registry.getManifest(repository, tagSchemaTag(subject));
            return stored && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(stored.manifest) ? stored.manifest.manifests : [];
        })());
    return descriptors.map(d => ({
        digest: d.digest,
        ...(d.artifactType ? { artifactType: d.artifactType } : {}),
        subject
    }));
}
/** Pure: how a referrer is reported (the `referrers` output): its digest, artifactType and subject. */
function referrerOf(manifest) {
    const { artifactType } = referrerDescriptor(manifest);
    return { digest: manifest.digest, ...(artifactType ? { artifactType } : {}), subject: manifest.subject };
}
/** Those of `referrers` their subject's list does not name yet (one read per subject). */
async function missingReferrers(registry, repository, referrers) {
    const listed = new Map();
    for (const subject of new Set(referrers.map(r => r.subject))) {
        listed.set(subject, new Set((await listReferrers(registry, repository, subject)).map(r => r.digest)));
    }
    return referrers.filter(r => !listed.get(r.subject)?.has(r.digest));
}
/** Reads back each subject's referrers: every referrer pushed must be listed, by the API or the tag schema. */
async function verifyReferrers(registry, repository, referrers) {
    const missing = await missingReferrers(registry, repository, referrers);
    if (missing.length > 0) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${repository}: after the push, the registry does not list ${missing.map(r => `${r.digest} as a referrer of ${r.subject}`).join(', ')}`);
    }
}


/***/ })

};
