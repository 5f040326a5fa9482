export const id = 776;
export const ids = [776,142,176];
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

/***/ 4776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkSameDigest: () => (/* reexport */ checkSameDigest),
  copyToDestinations: () => (/* reexport */ copyToDestinations),
  destinationRecords: () => (/* reexport */ report/* destinationRecords */.jU),
  destinationRows: () => (/* reexport */ report/* destinationRows */.uF),
  destinationsFailure: () => (/* reexport */ report/* destinationsFailure */.Ie),
  ensureDestinationRepositories: () => (/* reexport */ ensureDestinationRepositories),
  isFailed: () => (/* reexport */ state/* isFailed */.Ix),
  logInToDestinations: () => (/* reexport */ logInToDestinations),
  pushLayoutToDestinations: () => (/* reexport */ pushLayoutToDestinations),
  readDestinationTags: () => (/* reexport */ readDestinationTags),
  scanDestinations: () => (/* reexport */ scanDestinations),
  signDestinations: () => (/* reexport */ signDestinations)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/ecr/auth.ts
var auth = __webpack_require__(7454);
// EXTERNAL MODULE: ./src/ecr/client.ts
var client = __webpack_require__(2447);
// EXTERNAL MODULE: ./src/ecr/hosts.ts
var hosts = __webpack_require__(4045);
// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
// EXTERNAL MODULE: ./src/deliver/destinations.ts
var destinations = __webpack_require__(4488);
// EXTERNAL MODULE: ./src/deliver/login.ts
var deliver_login = __webpack_require__(3084);
// EXTERNAL MODULE: ./src/deliver/fan-out/state.ts
var state = __webpack_require__(7851);
;// CONCATENATED MODULE: ./src/deliver/fan-out/login.ts










/**
 * Logs in to each destination (docker too, when there is a docker CLI), one after the other so that each
 * has its log group. Every account is known now: a destination that turns out to be the main registry, or
 * another destination (named by region in the caller's account, or by a FIPS host), is bad input, refused
 * before anything changes.
 */
async function logInToDestinations(inputs, docker, main) {
    const claims = new destinations/* RegistryClaims */.Z5(constants/* Input */.pd.destinations, {
        accountId: (0,hosts/* accountOfHost */.lp)(main.host),
        region: main.region
    });
    return (0,state/* eachGoing */.oO)(inputs.destinations.map(destination => ({ destination })), 'login', ({ destination }) => core/* group */.Os(`Log in to ${destination.label}`, async () => {
        // The destination's own variant: the step's choice for a region, what its name says for a host.
        const ecr = (0,client/* createEcrClient */.y)(destination.region, destination);
        const given = destination.accountId ?? inputs.registryId;
        const [login] = await (0,auth/* getRegistryLogins */.i)(ecr, given ? [given] : [], destination, {
            maskPassword: inputs.maskPassword
        });
        const host = destination.host ?? login.host;
        // GetAuthorizationToken names a private host, which always carries its account.
        const accountId = given ?? (0,hosts/* accountOfHost */.lp)(login.host) ?? '';
        claims.claim(destination.label, (0,destinations/* registryKey */.n7)(accountId, destination.region));
        const logged = {
            destination,
            ecr,
            accountId,
            login: { ...login, host, endpoint: `https://${host}` }
        };
        if (docker)
            await (0,deliver_login/* dockerLogIn */.Uq)(docker, logged.login);
        log/* info */.p(`Logged in to ${host}`);
        return logged;
    }), { oneByOne: true, rethrow: error => error instanceof errors/* InputError */.dz });
}

// EXTERNAL MODULE: ./src/ecr/images.ts
var ecr_images = __webpack_require__(2298);
// EXTERNAL MODULE: ./src/registry/tags.ts
var registry_tags = __webpack_require__(7906);
// EXTERNAL MODULE: ./src/deliver/governance.ts + 1 modules
var governance = __webpack_require__(1500);
// EXTERNAL MODULE: ./src/deliver/target.ts
var deliver_target = __webpack_require__(4088);
;// CONCATENATED MODULE: ./src/deliver/fan-out/prepare.ts






/** Ensures and governs the repository in each destination that logged in, with the main one's settings. */
async function ensureDestinationRepositories(stages, inputs, name) {
    return (0,state/* eachGoing */.oO)(stages, 'repository', stage => core/* group */.Os(`Ensure repository ${name} in ${stage.destination.label}`, async () => {
        const report = await (0,governance/* governRepository */.u)(stage.ecr, { ...inputs, registryId: stage.accountId }, name);
        // The host as logged in to (a FIPS or dual-stack name stays as given).
        const target = (0,deliver_target/* deliveryTarget */.C)(report, `${stage.login.host}/${name}`, tag => (0,ecr_images/* removeImageTag */.SR)(stage.ecr, name, tag, stage.accountId));
        return { ...stage, report, target };
    }), { oneByOne: true });
}
/**
 * Opens each destination's registry and reads what its tags hold: once, before anything is written
 * anywhere (the pushes use these reads). A destination that cannot be read fails on its own.
 */
async function readDestinationTags(stages, tags, read, openRegistry) {
    return (0,state/* eachGoing */.oO)(stages, 'reading its tags', async (stage) => {
        const registry = await openRegistry(stage.login);
        return { ...stage, registry, held: await (0,registry_tags.readTags)(registry, stage.target.repository, tags, read) };
    });
}

// EXTERNAL MODULE: ./src/common/format.ts
var format = __webpack_require__(6950);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/push.ts
var push = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
// EXTERNAL MODULE: ./src/registry/sources/types.ts
var types = __webpack_require__(3959);
;// CONCATENATED MODULE: ./src/registry/copy.ts





/** Indexes nest rarely and never deeply; referrers of referrers neither. A loop or a deep chain is not an image. */
const MAX_DEPTH = 4;
/**
 * Copies an image from one registry into another, registry to registry, as `crane copy` does, with its
 * referrers as `oras copy -r` does: the graph is read from the source (each manifest, and each one's
 * referrers by the API or the tag schema), then pushed as a layout's is (registry/push.ts: each tag read
 * first, blobs the destination lacks streamed from a GET of the source into its upload, hashed on the way,
 * children and referrers after what they need, the exact manifest bytes under each tag, all read back).
 */
async function copyImage(from, to, digest, tags, options) {
    const graph = await readGraph(from, digest, options.referrers !== 'skip');
    return (0,push/* pushGraph */.Z)(to.registry, to.repository, graph, tags, {
        concurrency: 1,
        limit: options.limit,
        isImmutable: options.isImmutable,
        repositoryUri: options.repositoryUri,
        mountFrom: options.mountFrom,
        held: options.held,
        referrers: options.referrers
    });
}
/**
 * Reads the image's manifests from the source, depth first, children before the index that lists them,
 * and (with `withReferrers`) what refers to each, after it.
 */
async function readGraph(from, digest, withReferrers) {
    const read = async (descriptor) => manifestBlob(await from.registry.requireManifest(from.repository, descriptor.digest), descriptor);
    const top = await read({ digest });
    const children = [];
    const blobs = new Map();
    const walk = async (node, depth, into) => {
        const manifest = JSON.parse(node.bytes.toString('utf8'));
        if (!(0,media_types/* isIndex */.nw)(manifest)) {
            for (const blob of [manifest.config, ...manifest.layers])
                if (!blobs.has(blob.digest))
                    into.set(blob.digest, from.registry.remoteBlob(from.repository, blob));
            return;
        }
        if (depth > MAX_DEPTH)
            throw new errors/* ActionError */.lZ(`${from.repository}@${digest}: indexes nest deeper than ${MAX_DEPTH}`);
        for (const descriptor of manifest.manifests) {
            // Only the top's children carry a platform the outputs report.
            const child = await read(depth === 0 ? descriptor : { digest: descriptor.digest });
            await walk(child, depth + 1, into);
            if (!children.some(known => known.digest === child.digest))
                children.push(child);
        }
    };
    await walk(top, 0, blobs);
    const referrers = [];
    const referrerBlobs = new Map();
    if (withReferrers) {
        const known = new Set([top.digest, ...children.map(child => child.digest)]);
        let subjects = [...known];
        for (let depth = 0; subjects.length > 0 && depth < MAX_DEPTH; depth++) {
            const found = [];
            for (const subject of subjects) {
                for (const listed of await (0,registry_referrers/* listReferrers */.xt)(from.registry, from.repository, subject)) {
                    if (known.has(listed.digest))
                        continue;
                    known.add(listed.digest);
                    const referrer = await read({ digest: listed.digest });
                    // A referrer is an artifact manifest (signature, attestation, SBOM); an index that says it refers to
                    // something is not followed: its children would need pushing before it, outside the image's order.
                    if (referrer.subject !== subject || (0,media_types/* isIndex */.nw)(JSON.parse(referrer.bytes.toString('utf8'))))
                        continue;
                    await walk(referrer, MAX_DEPTH, referrerBlobs);
                    found.push(referrer);
                }
            }
            referrers.push(...found);
            subjects = found.map(referrer => referrer.digest);
        }
    }
    return { top, children, blobs: [...blobs.values()], referrers, referrerBlobs: [...referrerBlobs.values()] };
}
function manifestBlob(stored, descriptor) {
    const subject = stored.manifest.subject?.digest;
    return {
        digest: stored.digest,
        mediaType: stored.mediaType,
        bytes: stored.bytes,
        platform: (0,types/* platformOf */.t)(descriptor.platform),
        ...(subject ? { subject } : {})
    };
}

// EXTERNAL MODULE: ./src/deliver/delivery.ts
var deliver_delivery = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/deliver/scan-gate.ts + 1 modules
var scan_gate = __webpack_require__(4142);
;// CONCATENATED MODULE: ./src/deliver/fan-out/push.ts









/** What a push into a destination gave, as the outputs and the summary show it. */
function deliveryOf(stage, result, size) {
    const uri = stage.target.repositoryUri;
    return {
        digest: result.digest,
        size,
        tags: result.tags.map(({ tag, outcome }) => ({ tag, reference: `${uri}:${tag}`, result: outcome })),
        platforms: result.platforms,
        referrers: result.referrers,
        blobs: result.blobs
    };
}
function delivered(stage, result, size) {
    const delivery = deliveryOf(stage, result, size);
    log/* info */.p(`${stage.target.repositoryUri}: ${describe(delivery)}`);
    return { ...stage, delivery };
}
/** What a push or a copy into a destination takes: the step's shared options and the destination's tag facts. */
function writeOptions(stage, options) {
    const { target } = stage;
    return {
        limit: options.limit,
        mountFrom: options.mountFrom,
        isImmutable: target.isImmutable,
        repositoryUri: target.repositoryUri,
        held: stage.held,
        referrers: options.referrers
    };
}
/**
 * Pushes a layout straight from its files into every destination still going, at once (alongside the
 * main push, which the caller runs): blobs through the one shared limit, each destination read from the
 * page cache, each registry's HEAD first, its tags as read before.
 */
async function pushLayoutToDestinations(stages, image, tags, options) {
    const size = image.blobs.reduce((sum, blob) => sum + blob.size, 0);
    return (0,state/* eachGoing */.oO)(stages, 'push', async (stage) => {
        const result = await (0,push/* pushImage */.G)(stage.registry, stage.target.repository, image, tags, {
            concurrency: 1,
            ...writeOptions(stage, options)
        });
        return delivered(stage, result, size);
    });
}
/**
 * Copies what the main registry now holds into every destination still going, at once, registry to
 * registry (the docker engine pushed only to the main one; an archive was compressed once, for it).
 */
async function copyToDestinations(stages, main, delivery, options) {
    const tags = delivery.tags.map(t => t.tag);
    return (0,state/* eachGoing */.oO)(stages, 'copy', async (stage) => {
        const result = await copyImage(main, { registry: stage.registry, repository: stage.target.repository }, delivery.digest, tags, writeOptions(stage, options));
        return delivered(stage, result, delivery.size);
    });
}
/** The same manifest bytes give the same digest everywhere: a destination that says otherwise failed. */
function checkSameDigest(stages, digest) {
    return stages.map(stage => (0,state/* isFailed */.Ix)(stage) || stage.delivery.digest === digest
        ? stage
        : {
            ...(0,state/* failed */.gz)(stage, 'digest', new errors/* ActionError */.lZ(`the registry holds ${stage.delivery.digest}, the main registry ${digest}`)),
            delivery: undefined
        });
}
/** With scan-destinations: the scan gate in each destination the image reached. */
async function scanDestinations(stages, inputs) {
    return (0,state/* eachGoing */.oO)(stages, 'scan gate', stage => core/* group */.Os(`Scan gate in ${stage.destination.label}`, async () => {
        const scan = await (0,scan_gate.runScanGate)(stage.ecr, stage.report.repository, stage.delivery, inputs.scan);
        if (scan.failure)
            throw new errors/* ActionError */.lZ(scan.failure);
        return { ...stage, scan };
    }), { oneByOne: true });
}
function describe(delivery) {
    const sent = (delivery.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0);
    return (0,deliver_delivery/* resultOf */.Bg)(delivery) === 'unchanged'
        ? `every tag already points at ${delivery.digest}`
        : `${delivery.digest} under ${delivery.tags.length} tag${delivery.tags.length > 1 ? 's' : ''}, ${(0,format/* formatBytes */.z)(sent)} sent`;
}

// EXTERNAL MODULE: ./src/deliver/managed-signing.ts + 1 modules
var managed_signing = __webpack_require__(2176);
;// CONCATENATED MODULE: ./src/deliver/fan-out/signing.ts



/**
 * With signing-profile: the wait for ECR managed signing in each destination the image reached, at once
 * (each registry signs with its own configuration, ensured with its repository). A destination whose
 * signing failed or timed out fails on its own, its delivery kept; the signature joins its referrers.
 */
async function signDestinations(stages, inputs) {
    const reports = new Map();
    const signed = await (0,state/* eachGoing */.oO)(stages, 'managed signing', async (stage) => {
        const report = await (0,managed_signing.waitForManagedSignature)({
            ecr: stage.ecr,
            registry: stage.registry,
            repository: stage.target.repository,
            registryId: stage.accountId,
            repositoryUri: stage.target.repositoryUri,
            label: stage.destination.label
        }, stage.delivery.digest, inputs);
        reports.set(stage, report);
        if (report.failure)
            throw new errors/* ActionError */.lZ(report.failure);
        return { ...stage, delivery: (0,managed_signing.withSignatures)(stage.delivery, report) };
    });
    // In the order of the input, whatever order the waits ended in.
    return { stages: signed, reports: stages.flatMap(stage => reports.get(stage) ?? []) };
}

// EXTERNAL MODULE: ./src/deliver/fan-out/report.ts
var report = __webpack_require__(374);
;// CONCATENATED MODULE: ./src/deliver/fan-out/index.ts
/**
 * Delivery to further registries (`destinations`), in phases, each returning every destination a stage
 * further or failed (state.ts): log in, ensure and govern the repository as the main one is, read the
 * tags once, push a layout straight from its files or copy from the main registry, check the digest, wait for
 * ECR managed signing, scan.
 * One destination failing does not stop the others; an immutable conflict anywhere stops everything
 * before anything is written anywhere. main.ts loads this module only when there are destinations.
 */








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

/***/ 4142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addScanSummary: () => (/* binding */ addScanSummary),
  runScanGate: () => (/* binding */ runScanGate),
  setScanOutputs: () => (/* binding */ setScanOutputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/ecr/scan-findings.ts
var scan_findings = __webpack_require__(6212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/common/poll.ts
var poll = __webpack_require__(5320);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/scans.ts




/** Pure: every scan status ECR reports, for basic (ends COMPLETE) and enhanced (ends ACTIVE) scanning. */
function statusMeaning(status, description) {
    const detail = description ? `: ${description}` : '';
    switch (status) {
        case 'COMPLETE':
            return { kind: 'done' };
        case 'ACTIVE':
            // Enhanced scanning keeps an image ACTIVE (continuously rescanned): its findings are current.
            return { kind: 'done' };
        case undefined:
        case 'IN_PROGRESS':
        case 'PENDING':
            return { kind: 'wait' };
        case 'FAILED':
            return { kind: 'problem', blocking: true, message: `the scan failed${detail}` };
        case 'UNSUPPORTED_IMAGE':
            return {
                kind: 'problem',
                blocking: false,
                message: `ECR cannot scan this image (no supported operating system or packages)${detail}`
            };
        case 'SCAN_ELIGIBILITY_EXPIRED':
            return {
                kind: 'problem',
                blocking: true,
                message: `enhanced scanning no longer scans this image (scan eligibility expired)${detail}`
            };
        case 'FINDINGS_UNAVAILABLE':
            return { kind: 'problem', blocking: true, message: `the findings are unavailable${detail}` };
        case 'LIMIT_EXCEEDED':
            return {
                kind: 'problem',
                blocking: true,
                message: `the scan limit for this image was reached${detail}`
            };
        case 'IMAGE_ARCHIVED':
            return {
                kind: 'problem',
                blocking: true,
                message: `the image is archived and cannot be scanned${detail}`
            };
        default:
            return { kind: 'problem', blocking: true, message: `unknown scan status ${status}${detail}` };
    }
}
/** BASIC unless the registry says ENHANCED (a registry that cannot say is taken as BASIC). */
async function registryScanKind(client) {
    try {
        const { scanningConfiguration } = await client.send(new dist_cjs/* GetRegistryScanningConfigurationCommand */.Mhg({}));
        return scanningConfiguration?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC';
    }
    catch {
        return 'BASIC';
    }
}
/** Starts a basic scan; the once-a-day limit ("already scanned") is not a failure. */
async function startBasicScan(client, image) {
    await (0,errors/* callAws */.IY)(`StartImageScan ${image.repositoryName}@${image.digest}`, async () => {
        try {
            await client.send(new dist_cjs/* StartImageScanCommand */.Qc9({
                repositoryName: image.repositoryName,
                registryId: image.registryId,
                imageId: { imageDigest: image.digest }
            }));
        }
        catch (error) {
            // Already scanned today: the findings are there. Not there yet: the next poll starts it again.
            const name = (0,errors/* awsErrorName */.ZH)(error);
            if (name !== 'LimitExceededException' && name !== 'ImageNotFoundException')
                throw error;
        }
    });
}
/**
 * Polls the findings with backoff until the scan is done, has a problem, or the deadline passes; then reads
 * every page of findings (basic and enhanced alike).
 */
async function waitForScan(client, image, options) {
    let lastStatus;
    const result = await (0,poll/* pollUntil */.g)(async () => {
        const first = await describeFindings(client, image, undefined);
        if (!first)
            await options.startScan?.();
        const status = first?.imageScanStatus?.status;
        lastStatus = status;
        const meaning = statusMeaning(status, first?.imageScanStatus?.description);
        if (meaning.kind === 'done')
            return { status: status, meaning, findings: await allFindings(client, image, first) };
        if (meaning.kind === 'problem')
            return { status: status, meaning, findings: [] };
        return undefined;
    }, {
        deadline: options.deadline,
        baseDelayMs: 2000,
        maxDelayMs: 30_000,
        sleep: options.sleep,
        now: options.now
    });
    return (result ?? {
        status: lastStatus ?? 'NOT_STARTED',
        meaning: {
            kind: 'problem',
            blocking: true,
            message: `the scan did not finish in time (status ${lastStatus ?? 'not started'})`
        },
        findings: []
    });
}
/** One page of findings; undefined while the scan has not started (ScanNotFound) or the image is not seen yet. */
async function describeFindings(client, image, nextToken) {
    return (0,errors/* callAws */.IY)(`DescribeImageScanFindings ${image.repositoryName}@${image.digest}`, async () => {
        try {
            return await client.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({
                repositoryName: image.repositoryName,
                registryId: image.registryId,
                imageId: { imageDigest: image.digest },
                maxResults: 1000,
                nextToken
            }));
        }
        catch (error) {
            const name = (0,errors/* awsErrorName */.ZH)(error);
            if (name === 'ScanNotFoundException' || name === 'ImageNotFoundException')
                return undefined;
            throw error;
        }
    });
}
async function allFindings(client, image, first) {
    const findings = [];
    let page = first;
    while (page) {
        findings.push(...(page.imageScanFindings?.findings ?? []).map(scan_findings/* fromBasic */.to));
        findings.push(...(page.imageScanFindings?.enhancedFindings ?? []).map(scan_findings/* fromEnhanced */.PI));
        page = page.nextToken ? await describeFindings(client, image, page.nextToken) : undefined;
    }
    return findings;
}

// EXTERNAL MODULE: ./src/common/summary.ts
var common_summary = __webpack_require__(7701);
// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/deliver/scan-gate.ts









/**
 * Waits for the scan of what was pushed (each platform of an index; attestations are skipped), then
 * decides the gate: findings at or above `fail-on-severity` that no ignore covers fail the step.
 */
async function runScanGate(ecr, repository, delivery, inputs) {
    const kind = await registryScanKind(ecr);
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    const targets = delivery.platforms.length > 0
        ? delivery.platforms
            .filter(p => !p.platform.startsWith('unknown/'))
            .map(p => ({ digest: p.digest, platform: p.platform }))
        : [{ digest: delivery.digest, platform: undefined }];
    const deadline = Date.now() + inputs.timeoutMs;
    const images = [];
    for (const target of targets) {
        const image = {
            repositoryName: repository.repositoryName ?? '',
            registryId: repository.registryId,
            digest: target.digest
        };
        // Only basic scanning can be started by hand, and only when the push did not start one already.
        const startScan = kind === 'BASIC' && !scanOnPush ? () => startBasicScan(ecr, image) : undefined;
        const result = await waitForScan(ecr, image, { deadline, startScan });
        log/* info */.p(`scan of ${target.platform ?? target.digest}: ${result.status}, ${result.findings.length} findings`);
        images.push({ ...target, result });
    }
    const findings = images.flatMap(i => i.result.findings);
    const gate = (0,scan_findings/* evaluateFindings */.wN)(findings, inputs.failOn, inputs.ignore, new Date());
    for (const entry of gate.expired) {
        core/* warning */.$e(`ignore-vulnerabilities: the ignore of ${entry.id} expired on ${entry.until?.toISOString().slice(0, 10)}`);
    }
    const problems = images.filter(i => i.result.meaning.kind === 'problem');
    for (const { result, platform, digest } of problems) {
        if (result.meaning.kind === 'problem')
            core/* warning */.$e(`scan of ${platform ?? digest}: ${result.meaning.message}`);
    }
    const blockingProblems = problems.filter(i => i.result.meaning.kind === 'problem' && i.result.meaning.blocking);
    let failure;
    if (inputs.failOn !== 'none' && blockingProblems.length > 0) {
        failure = `The scan gate cannot be checked: ${blockingProblems
            .map(i => `${i.platform ?? i.digest}: ${i.result.meaning.kind === 'problem' ? i.result.meaning.message : ''}`)
            .join('; ')}`;
    }
    else if (gate.blocking.length > 0) {
        const worst = gate.blocking
            .slice(0, 5)
            .map(f => `${f.id} (${f.severity}${f.package ? `, ${f.package}` : ''})`);
        failure =
            `${gate.blocking.length} finding${gate.blocking.length > 1 ? 's' : ''} at or above ${inputs.failOn}: ` +
                `${worst.join(', ')}${gate.blocking.length > 5 ? ', …' : ''}. Fix them, or list them in ignore-vulnerabilities.`;
    }
    return { images, gate, findings, failure };
}
/** Outputs: scan-status, findings (counts by severity), findings-file (SARIF). */
async function setScanOutputs(report, imageUri) {
    const statuses = [...new Set(report.images.map(i => i.result.status))];
    core/* setOutput */.uH(constants/* Output */.k7.scanStatus, statuses.length === 1 ? statuses[0] : statuses.join(','));
    core/* setOutput */.uH(constants/* Output */.k7.findings, JSON.stringify(report.gate.counts));
    const file = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `ecr-scan-${Date.now()}.sarif`);
    await (0,promises_.writeFile)(file, JSON.stringify((0,scan_findings/* toSarif */.zv)(report.findings, imageUri), null, 2));
    core/* setOutput */.uH(constants/* Output */.k7.findingsFile, file);
}
const RANK = Object.fromEntries(scan_findings/* BUCKETS */.SC.map((b, i) => [b, i]));
/** The summary part: counts by severity, then the worst findings with package, versions and a link. */
function addScanSummary(summary, report) {
    summary.addHeading('Image scan', 3);
    summary.addTable([(0,common_summary/* headerRow */.U1)(...scan_findings/* BUCKETS */.SC), scan_findings/* BUCKETS */.SC.map(bucket => String(report.gate.counts[bucket]))]);
    const top = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, 20);
    if (top.length > 0) {
        summary.addTable([
            (0,common_summary/* headerRow */.U1)('Vulnerability', 'Severity', 'Package', 'Installed', 'Fixed in'),
            ...top.map(f => [
                (0,common_summary/* link */.nf)(f.url, (0,common_summary/* escapeHtml */.ZD)(f.id)),
                f.severity + (report.gate.ignored.includes(f) ? ' (ignored)' : ''),
                (0,common_summary/* escapeHtml */.ZD)(f.package ?? ''),
                (0,common_summary/* escapeHtml */.ZD)(f.installed ?? ''),
                (0,common_summary/* escapeHtml */.ZD)(f.fixed ?? '')
            ])
        ]);
    }
    summary.addRaw(`<p>${report.failure ? `Gate failed: ${(0,common_summary/* escapeHtml */.ZD)(report.failure)}` : 'Gate passed.'}</p>`, true);
}


/***/ }),

/***/ 6315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ pushImage),
/* harmony export */   Z: () => (/* binding */ pushGraph)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(370);
/* harmony import */ var _push_archive_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2937);
/* harmony import */ var _send_all_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8267);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9191);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7906);





/**
 * Pushes a local image through the registry API: blobs (in parallel, each checked while streamed), then an
 * index's children by digest, then the top manifest under each tag, then every tag read back. Tags are
 * read first, so an immutable conflict fails before anything is written; a tag already at this digest is
 * left alone, and when every tag is, nothing else is sent. The check is check-then-write: what keeps two
 * concurrent writers apart is the registry's own tag immutability, and the read-back catches a mutable
 * tag that another push moved.
 */
async function pushImage(registry, repository, image, tags, options) {
    if (image.kind === 'docker-archive')
        return (0,_push_archive_js__WEBPACK_IMPORTED_MODULE_0__.pushArchiveImage)(registry, repository, image, tags, options);
    return pushGraph(registry, repository, image, tags, options);
}
/**
 * An image graph (a layout's, a copy's): every digest known before anything is sent. A manifest with a subject goes after
 * its subject (the spec lets a registry take either order, but gitlab.com refused a referrer first): blobs,
 * the children without one, the children with one (an index's attestations), the top by digest when
 * something refers to it, the other referrers, then the tags; the tags and the referrers read back.
 */
async function pushGraph(registry, repository, image, tags, options) {
    const { top } = image;
    // Every tag is read first (one GET each), as go-containerregistry's remote.Write checks before it
    // uploads: an immutable tag elsewhere fails before anything is sent, and a re-push of what the tags
    // already hold costs one request per tag instead of a HEAD per blob, the PUTs and the read-back.
    const held = options.held ?? (await (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__.readTags)(registry, repository, tags, 'digest'));
    const writes = (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__.planTagWrites)(held, top.digest, options.isImmutable, options.repositoryUri ?? repository);
    const { toWrite } = writes;
    const withReferrers = options.referrers !== 'skip';
    const attached = image.children.filter(hasSubject);
    const extra = withReferrers ? image.referrers.filter(hasSubject) : [];
    const referrers = withReferrers ? [...attached, ...extra] : [];
    const result = {
        digest: top.digest,
        mediaType: top.mediaType,
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__.tagOutcomes)(tags, writes),
        platforms: image.children.flatMap(child => child.platform ? [{ platform: child.platform, digest: child.digest }] : []),
        referrers: referrers.map(_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .referrerOf */ .N1)
    };
    const limit = options.limit ?? (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(Math.max(1, options.concurrency));
    const send = (blobs) => (0,_send_all_js__WEBPACK_IMPORTED_MODULE_4__/* .sendAll */ .S)(blobs, (blob, signal) => registry.pushBlob(repository, blob, { mountFrom: options.mountFrom, signal }), limit);
    if (toWrite.length === 0) {
        // The image is there: only referrers it lacks (a first run with referrers: skip, another tool) go.
        const missing = await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .missingReferrers */ .j9)(registry, repository, referrers);
        if (missing.length === 0)
            return { ...result, blobs: [] };
        const blobs = await send(image.referrerBlobs);
        for (const referrer of missing)
            await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .putReferrer */ .j5)(registry, repository, referrer, referrer.subject);
        await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyReferrers */ .u)(registry, repository, result.referrers);
        return { ...result, blobs };
    }
    const blobs = await send(withReferrers ? [...image.blobs, ...image.referrerBlobs] : image.blobs);
    // Children before the index (in walk order, so a nested index follows its own children): a registry
    // may refuse an index whose children it does not have.
    for (const child of image.children.filter(child => !hasSubject(child))) {
        await registry.putManifest(repository, child.digest, child.bytes, child.mediaType);
    }
    for (const child of attached) {
        if (withReferrers)
            await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .putReferrer */ .j5)(registry, repository, child, child.subject);
        else
            await registry.putManifest(repository, child.digest, child.bytes, child.mediaType);
    }
    if (extra.length > 0)
        await registry.putManifest(repository, top.digest, top.bytes, top.mediaType);
    for (const referrer of extra)
        await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .putReferrer */ .j5)(registry, repository, referrer, referrer.subject);
    await (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__.putTags)(registry, repository, toWrite, top);
    await (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__.verifyTags)(registry, repository, tags, top.digest);
    await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyReferrers */ .u)(registry, repository, result.referrers);
    return { ...result, blobs };
}
function hasSubject(manifest) {
    return manifest.subject !== undefined;
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
