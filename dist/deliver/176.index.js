export const id = 176;
export const ids = [176];
export const modules = {

/***/ 5320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9183);

/**
 * Waits for a state: calls `check` until it gives a value, waiting longer each time (no jitter: one
 * caller, one resource), and gives up with undefined when the next wait would pass the deadline. For
 * waits on a resource changing (a scan finishing, a preview completing); failures to retry are the
 * retry layer's.
 */
async function pollUntil(check, options) {
    const wait = options.sleep ?? _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y;
    const now = options.now ?? Date.now;
    for (let attempt = 1;; attempt++) {
        const value = await check(attempt);
        if (value !== undefined)
            return value;
        const delay = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .E)(attempt, options.baseDelayMs, options.maxDelayMs, () => 1);
        if (now() + delay > options.deadline)
            return undefined;
        await wait(delay);
    }
}


/***/ }),

/***/ 9183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Backoff arithmetic and a sleep, for the registry's retry layer and the polls. */
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Exponential backoff with full jitter: `random()` × min(max, base × 2^(attempt − 1)). */
function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}


/***/ }),

/***/ 2176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NOTARY_SIGNATURE: () => (/* binding */ NOTARY_SIGNATURE),
  addManagedSigningSummary: () => (/* binding */ addManagedSigningSummary),
  configureManagedSigning: () => (/* binding */ configureManagedSigning),
  waitForManagedSignature: () => (/* binding */ waitForManagedSignature),
  withSignatures: () => (/* binding */ withSignatures)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/common/poll.ts
var poll = __webpack_require__(5320);
// EXTERNAL MODULE: ./src/common/retry.ts
var retry = __webpack_require__(9183);
// EXTERNAL MODULE: ./src/common/summary.ts
var common_summary = __webpack_require__(7701);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
// EXTERNAL MODULE: ./src/ecr/signing-rules.ts
var signing_rules = __webpack_require__(3587);
;// CONCATENATED MODULE: ./src/ecr/signing-configuration.ts




/**
 * ECR managed signing (AWS Signer): the registry's signing configuration read and, when no rule of the
 * profile covers the repository, changed by the one rule planSigningRule decides; and an image's signing
 * status. The configuration belongs to the caller's own registry (the API takes no registry ID).
 */
/** The registry's rules and whose registry they are; none when it has no configuration yet. */
async function readSigningConfiguration(ecr) {
    return (0,ecr_errors/* callAws */.IY)('GetSigningConfiguration', async () => {
        try {
            const answer = await ecr.send(new dist_cjs/* GetSigningConfigurationCommand */.tUh({}));
            return { registryId: answer.registryId, rules: answer.signingConfiguration?.rules ?? [] };
        }
        catch (error) {
            if ((0,ecr_errors/* awsErrorName */.ZH)(error) === 'SigningConfigurationNotFoundException')
                return { rules: [] };
            throw error;
        }
    });
}
/**
 * Makes sure a rule of the profile covers the repository: read, planned, put only when it changes. A
 * registry that is not the repository's (registry-id naming another account), or a change over ECR's
 * limits, fails naming what to do.
 */
async function ensureSigningRule(ecr, profileArn, repository) {
    const { registryId, rules } = await readSigningConfiguration(ecr);
    if (registryId && repository.registryId && registryId !== repository.registryId)
        throw new errors/* ActionError */.lZ(`Managed signing: the signing configuration these credentials change is registry ${(0,errors/* quote */.hD)(registryId)}'s, ` +
            `the repository ${(0,errors/* quote */.hD)(repository.name)} is in registry ${(0,errors/* quote */.hD)(repository.registryId)}: configure ` +
            "signing with that account's credentials");
    const plan = (0,signing_rules/* planSigningRule */.Le)(rules, profileArn, repository.name);
    if (plan.kind === 'refused')
        throw new errors/* ActionError */.lZ(`Managed signing for ${(0,errors/* quote */.hD)(repository.name)}: ${plan.reason}`);
    if (plan.kind === 'covered')
        return { plan, registryId, ruleCount: rules.length };
    await (0,ecr_errors/* callAws */.IY)('PutSigningConfiguration', () => ecr.send(new dist_cjs/* PutSigningConfigurationCommand */.ils({ signingConfiguration: { rules: plan.rules } })));
    return { plan, registryId, ruleCount: plan.rules.length };
}
/** The image's signing status for the profile; undefined while ECR reports none for it. */
async function signingStatusOf(ecr, image, profileArn) {
    const answer = await (0,ecr_errors/* callAws */.IY)('DescribeImageSigningStatus', () => ecr.send(new dist_cjs/* DescribeImageSigningStatusCommand */.feV({
        repositoryName: image.repositoryName,
        registryId: image.registryId,
        imageId: { imageDigest: image.digest }
    })));
    return answer.signingStatuses?.find(s => s.signingProfileArn === profileArn);
}

// EXTERNAL MODULE: ./src/registry/referrers.ts
var referrers = __webpack_require__(9191);
;// CONCATENATED MODULE: ./src/deliver/managed-signing.ts







/**
 * ECR managed signing (`signing-profile`), in two parts: before the push, a rule of the registry's signing
 * configuration made to cover the repository with the profile (registry-wide, said in the log); after it,
 * the wait for ECR to report the delivered digest signed by that profile and for its Notation signature to
 * be listed as a referrer. Each registry has its own configuration: main and every destination.
 */
/** The artifact type of a Notation signature, what ECR's managed signing stores as a referrer. */
const NOTARY_SIGNATURE = 'application/vnd.cncf.notary.signature';
/** Ensures the rule; the sentence for the repository report when the configuration changed. */
async function configureManagedSigning(ecr, profileArn, repository) {
    const { plan, registryId, ruleCount } = await ensureSigningRule(ecr, profileArn, repository);
    const registry = registryId ?? repository.registryId ?? 'of these credentials';
    log/* info */.p(`Managed signing: the signing configuration is registry-wide (registry ${registry}, ${ruleCount} rule` +
        `${ruleCount === 1 ? '' : 's'}); other rules are kept as they are`);
    const rule = `rule ${plan.kind === 'add' ? ruleCount : plan.rule + 1}`;
    switch (plan.kind) {
        case 'covered':
            log/* info */.p(`Managed signing: ${rule} signs ${repository.name} with ${profileArn}` +
                (plan.filter ? ` (filter ${(0,errors/* quote */.hD)(plan.filter)})` : ' (a rule without filters: every repository)'));
            return undefined;
        case 'append': {
            const change = `signing configuration: ${repository.name} added to the filters of ${rule} (${profileArn})`;
            log/* info */.p(`Managed signing: ${change}`);
            return change;
        }
        case 'add': {
            const change = `signing configuration: ${rule} added, signing ${repository.name} with ${profileArn}`;
            log/* info */.p(`Managed signing: ${change}`);
            return change;
        }
    }
}
/**
 * Waits, polling with backoff until `signing-timeout`, for DescribeImageSigningStatus to say COMPLETE for
 * the digest and the profile, and for the registry to list a Notation signature of it. FAILED ends the wait
 * with ECR's code and reason; the deadline with what was awaited and the last status seen.
 */
async function waitForManagedSignature(wait, digest, inputs, options = {}) {
    const now = options.now ?? Date.now;
    const deadline = now() + inputs.timeoutMs;
    const imageUri = `${wait.repositoryUri}@${digest}`;
    const base = { registry: wait.label, profileArn: inputs.profileArn, imageUri };
    let last;
    const image = { repositoryName: wait.repository, registryId: wait.registryId, digest };
    const check = async () => {
        last = await signingStatusOf(wait.ecr, image, inputs.profileArn);
        if (last?.status === 'FAILED')
            return {
                ...base,
                status: 'FAILED',
                signatures: [],
                failure: `ECR managed signing of ${imageUri} with ${inputs.profileArn} FAILED: ` +
                    `${(0,errors/* quote */.hD)(last.failureCode ?? 'no failure code')}: ${(0,errors/* quote */.hD)(last.failureReason ?? 'no reason given')}`
            };
        if (last?.status !== 'COMPLETE')
            return undefined;
        const listed = await (0,referrers/* listReferrers */.xt)(wait.registry, wait.repository, digest);
        const signatures = listed.filter(r => r.artifactType === NOTARY_SIGNATURE);
        return signatures.length > 0 ? { ...base, status: 'COMPLETE', signatures } : undefined;
    };
    const sleep = options.sleep ?? retry/* sleep */.y;
    const ended = (await (0,poll/* pollUntil */.g)(check, { deadline, baseDelayMs: 1000, maxDelayMs: 15_000, sleep, now })) ??
        // The backoff stops short of the deadline when its next wait would pass it: one last look at the deadline.
        (now() < deadline ? await sleep(deadline - now()).then(check) : undefined);
    if (ended) {
        if (ended.status === 'COMPLETE')
            log/* info */.p(`${imageUri}: signed by ECR managed signing (${inputs.profileArn}): ` +
                ended.signatures.map(s => s.digest).join(', '));
        return ended;
    }
    const seen = last?.status === 'COMPLETE'
        ? 'ECR reports COMPLETE, but the registry lists no Notation signature of it'
        : last?.status
            ? `last status ${(0,errors/* quote */.hD)(last.status)}`
            : 'ECR reported no signing status for this profile (was the image pushed before a rule covered the repository?)';
    return {
        ...base,
        status: 'TIMED_OUT',
        signatures: [],
        failure: `Timed out after ${Math.round(inputs.timeoutMs / 1000)}s (signing-timeout) waiting for ECR managed signing ` +
            `to report ${imageUri} COMPLETE with ${inputs.profileArn} and its signature listed as a referrer: ${seen}`
    };
}
/** Pure: the delivery with the signatures among its referrers (each digest once). */
function withSignatures(delivery, report) {
    const known = new Set(delivery.referrers.map(r => r.digest));
    const added = report.signatures.filter(s => !known.has(s.digest));
    return added.length > 0 ? { ...delivery, referrers: [...delivery.referrers, ...added] } : delivery;
}
/** The summary part: one row per registry, the profile, the status and the signature. */
function addManagedSigningSummary(summary, reports) {
    summary.addHeading('ECR managed signing', 3);
    summary.addTable([
        (0,common_summary/* headerRow */.U1)('Registry', 'Image', 'Signing profile', 'Status', 'Signature'),
        ...reports.map(r => [
            (0,common_summary/* escapeHtml */.ZD)(r.registry),
            (0,common_summary/* code */.aY)(r.imageUri),
            (0,common_summary/* code */.aY)(r.profileArn),
            r.failure ? `${r.status}: ${(0,common_summary/* escapeHtml */.ZD)(r.failure)}` : r.status,
            r.signatures.map(s => (0,common_summary/* code */.aY)(s.digest)).join('<br>')
        ])
    ]);
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
