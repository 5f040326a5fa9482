export const id = 315;
export const ids = [315];
export const modules = {

/***/ 4315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushPayload: () => (/* binding */ pushPayload)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/registry/tags.ts
var registry_tags = __webpack_require__(7906);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/deliver/fan-out/state.ts
var state = __webpack_require__(7851);
// EXTERNAL MODULE: ./src/deliver/payload.ts + 1 modules
var deliver_payload = __webpack_require__(7216);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/deliver/tag-plan.ts



/**
 * Whether a stored manifest is the local image. The image ID is the config digest in docker's
 * classic store and the manifest digest in the containerd store; RepoDigests records earlier pushes.
 */
function isSameImage(local, repositoryUri, remote) {
    if (remote.digest === local.id)
        return true;
    if (local.repoDigests.includes(`${repositoryUri}@${remote.digest}`))
        return true;
    return !(0,media_types/* isIndex */.nw)(remote.manifest) && remote.manifest.config?.digest === local.id;
}
/** The local image as the tag checks see it: its digest is known only once pushed. */
function engineImage(local) {
    return {
        isOurs: (stored, repositoryUri) => isSameImage(local, repositoryUri, stored),
        describe: `${local.reference} (${local.id})`
    };
}
/**
 * Pure: decides how to deliver the engine's image under the tags so that all of them end on one digest, a
 * re-run of an unchanged image writes nothing, and an immutable tag is never asked to move (the shared
 * refusal, before anything is written). The digest docker push would give is not known in advance, so an
 * image already in the registry is reused: the other tags get its very manifest.
 */
function planTagWrites(held, image, isImmutable, repositoryUri) {
    (0,registry_tags.refuseImmutableMoves)([{ repositoryUri, held, isImmutable }], image);
    const same = held.filter(h => h.stored !== undefined && image.isOurs(h.stored, repositoryUri));
    if (same.length === 0)
        return { kind: 'push', tags: held.map(h => h.tag) };
    // Immutable tags cannot move, so when they hold this image their digest is the one to converge on.
    const pinned = [...new Set(same.filter(h => isImmutable(h.tag)).map(h => h.digest))];
    if (pinned.length > 1) {
        throw new errors/* ActionError */.lZ(`Immutable tags hold this image under different digests (${pinned.join(', ')}): ` +
            'they cannot be brought to one digest. Push under a new tag.');
    }
    const digest = pinned[0] ?? same[0]?.digest;
    const unchanged = held.filter(h => h.digest === digest).map(h => h.tag);
    const tags = held.filter(h => h.digest !== digest).map(h => h.tag);
    return tags.length === 0
        ? { kind: 'unchanged', digest, unchanged }
        : { kind: 'retag', digest, tags, unchanged };
}

;// CONCATENATED MODULE: ./src/deliver/docker-push.ts







/**
 * Delivers an image from the docker engine under every tag (`held`: what they hold, read before) and
 * proves it: afterwards each tag resolves, in the registry itself, to the one digest reported, and that
 * digest is the local image.
 */
async function deliverDockerImage(docker, registry, local, target, tags, held) {
    const plan = planTagWrites(held, engineImage(local), target.isImmutable, target.repositoryUri);
    const digest = await executePlan(docker, registry, local, target, plan);
    await (0,registry_tags.verifyTags)(registry, target.repository, tags, digest);
    const results = resultsOf(plan);
    return {
        digest,
        size: await storedSize(registry, target.repository, digest),
        tags: tags.map(tag => ({
            tag,
            reference: `${target.repositoryUri}:${tag}`,
            result: results.get(tag) ?? 'pushed'
        })),
        platforms: [],
        referrers: []
    };
}
async function executePlan(docker, registry, local, target, plan) {
    switch (plan.kind) {
        case 'unchanged':
            log/* info */.p(`Every tag already points at ${plan.digest}: nothing to push`);
            return plan.digest;
        case 'retag': {
            // The image is there already: give the missing tags the very same manifest bytes, so every tag
            // ends on one digest (a fresh docker push could compress differently and give another).
            log/* info */.p(`The image is in ${target.repositoryUri} already as ${plan.digest}; tagging ${plan.tags.join(', ')}`);
            const stored = await registry.getManifest(target.repository, plan.digest);
            if (!stored)
                throw new errors/* ActionError */.lZ(`${target.repositoryUri}@${plan.digest} vanished while tagging`);
            await putTags(registry, target, plan.tags, stored);
            return plan.digest;
        }
        case 'push':
            return pushThroughStagingTag(docker, registry, local, target, stored => putTags(registry, target, plan.tags, stored));
    }
}
/**
 * `docker push` works on local names, and a local name is shared by everything that uses the engine: two
 * runs that `docker tag` the same `<repository>:<tag>` push each other's image. So the image is tagged, by
 * its ID, under a name no other run uses, pushed once under it, and proven to be the local image (its
 * config digest, or its manifest digest in the containerd store, is the image ID) before any real tag is
 * written by a manifest PUT (`writeTags`). Only then is the staging name removed, locally and from the
 * repository; it is removed whatever happens, and when the real tags were not written the image goes
 * with it (ECR deletes an image with its last tag), so a failed step leaves nothing half-pushed.
 */
async function pushThroughStagingTag(docker, registry, local, target, writeTags) {
    const staging = `ecr-deliver-staging-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    const reference = `${target.repositoryUri}:${staging}`;
    await docker.tag(local.id, reference);
    let pushedDigest;
    try {
        pushedDigest = (await docker.push(reference)).digest;
        const stored = await registry.requireManifest(target.repository, pushedDigest);
        if (!isSameImage(local, target.repositoryUri, stored)) {
            const config = (0,media_types/* isIndex */.nw)(stored.manifest) ? 'an index' : `config ${stored.manifest.config?.digest}`;
            throw new errors/* ActionError */.lZ(`docker push put ${pushedDigest} (${config}) in ${target.repositoryUri}, which is not the image ` +
                `${local.reference} (${local.id}): nothing was tagged`);
        }
        await writeTags(stored);
        return stored.digest;
    }
    finally {
        await removeStagingTag(docker, local, target, reference, staging, pushedDigest);
    }
}
async function removeStagingTag(docker, local, target, reference, staging, pushedDigest) {
    // An image known by its ID only would be deleted with its last name: leave the name on it then.
    if (local.repoTags.length > 0) {
        await docker
            .untag(reference)
            .catch(error => core/* warning */.$e(`Could not remove the local name ${reference}: ${(0,errors/* messageOf */.bD)(error)}`));
    }
    else {
        log/* info */.p(`Left the local name ${reference} on the untagged image ${local.id}, so the engine keeps it`);
    }
    try {
        await target.removeTag(staging);
    }
    catch (error) {
        core/* warning */.$e(`Could not remove the staging tag ${staging} from ${target.repositoryUri}` +
            `${pushedDigest ? ` (at ${pushedDigest})` : ''}: ${(0,errors/* messageOf */.bD)(error)}. Delete it by hand ` +
            '(ecr:BatchDeleteImage is needed to remove it).');
    }
}
/** Each tag gets the pushed manifest's exact bytes, in the order given. */
async function putTags(registry, target, tags, stored) {
    await (0,registry_tags.putTags)(registry, target.repository, tags, stored, tag => log/* info */.p(`${target.repositoryUri}:${tag} → ${stored.digest}`));
}
function resultsOf(plan) {
    const results = new Map();
    if (plan.kind === 'push')
        plan.tags.forEach(tag => results.set(tag, 'pushed'));
    if (plan.kind === 'retag')
        plan.tags.forEach(tag => results.set(tag, 'tagged'));
    if (plan.kind !== 'push')
        plan.unchanged.forEach(tag => results.set(tag, 'unchanged'));
    return results;
}
/** The stored size; for an index the sum of its children, each counted once. */
async function storedSize(registry, repository, digest) {
    const stored = await registry.getManifest(repository, digest);
    if (!stored)
        throw new errors/* ActionError */.lZ(`${repository}@${digest} is missing right after the push`);
    if (!(0,media_types/* isIndex */.nw)(stored.manifest))
        return (0,media_types/* imageManifestSize */.Sd)(stored.manifest);
    const children = await Promise.all([...new Set(stored.manifest.manifests.map(child => child.digest))].map(child => storedSize(registry, repository, child)));
    return children.reduce((sum, size) => sum + size, 0);
}

// EXTERNAL MODULE: ./src/common/format.ts
var format = __webpack_require__(6950);
// EXTERNAL MODULE: ./src/registry/push.ts
var push = __webpack_require__(6315);
;// CONCATENATED MODULE: ./src/deliver/source-push.ts



/**
 * `3 blobs: 2 uploaded, 1 present, 0 mounted; 1.5 MiB sent in 0.4 s`. The push benchmark reads this line
 * (bench/runners.ts, PUSH_LINE); a unit test holds the two together.
 */
function blobSummaryLine(blobs, sent, seconds) {
    const counts = ['uploaded', 'present', 'mounted'].map(outcome => `${blobs.filter(b => b.outcome === outcome).length} ${outcome}`);
    return `${blobs.length} blobs: ${counts.join(', ')}; ${(0,format/* formatBytes */.z)(sent)} sent in ${seconds.toFixed(1)} s`;
}
/** Delivers an image read from files (OCI layout or docker-save archive) through the registry API. */
async function deliverSourceImage(registry, image, target, tags, options) {
    const started = Date.now();
    const result = await (0,push/* pushImage */.G)(registry, target.repository, image, tags, {
        concurrency: options.concurrency,
        limit: options.limit,
        mountFrom: options.mountFrom,
        isImmutable: target.isImmutable,
        repositoryUri: target.repositoryUri,
        held: options.held,
        referrers: options.referrers,
        archiveStart: options.archiveStart
    });
    const sent = result.blobs.reduce((sum, blob) => sum + blob.bytesSent, 0);
    const seconds = (Date.now() - started) / 1000;
    if (result.tags.every(t => t.outcome === 'unchanged')) {
        log/* info */.p(`Every tag already points at ${result.digest}: nothing to push`);
    }
    else {
        log/* info */.p(blobSummaryLine(result.blobs, sent, seconds));
    }
    return {
        digest: result.digest,
        // What the registry holds for it: a layout's blobs, or an archive's config and compressed layers.
        size: (image.kind === 'docker-archive' ? result.blobs : image.blobs).reduce((sum, blob) => sum + blob.size, 0),
        tags: result.tags.map(({ tag, outcome }) => ({
            tag,
            reference: `${target.repositoryUri}:${tag}`,
            // A tag written for an image another tag already held: the image was there.
            result: outcome === 'pushed' && result.tags.some(t => t.outcome === 'unchanged') ? 'tagged' : outcome
        })),
        platforms: result.platforms,
        referrers: result.referrers,
        blobs: result.blobs
    };
}

;// CONCATENATED MODULE: ./src/deliver/push.ts








/**
 * Pushes to the main registry and every destination. Each registry's tags are read once, and an
 * immutable tag that holds another image anywhere fails the step before anything is written anywhere;
 * then the payload's own push runs.
 */
async function pushPayload(context, payload) {
    const { main, fanOut } = context;
    const tags = payload.work.tags;
    const read = (0,deliver_payload/* tagReadOf */.S7)(payload);
    const [mainRead, opened] = await Promise.all([
        (main.held ?? (0,registry_tags.readTags)(main.registry, main.target.repository, tags, read)).then(held => ({ held }), (error) => ({ error })),
        fanOut ? fanOut.module.readDestinationTags(fanOut.destinations, tags, read, fanOut.openRegistry) : []
    ]);
    const going = opened.flatMap(stage => (0,state/* isFailed */.Ix)(stage)
        ? []
        : [
            {
                repositoryUri: stage.target.repositoryUri,
                held: stage.held,
                isImmutable: stage.target.isImmutable
            }
        ]);
    const mainHeld = 'held' in mainRead
        ? [
            {
                repositoryUri: main.target.repositoryUri,
                held: mainRead.held,
                isImmutable: main.target.isImmutable
            }
        ]
        : [];
    (0,registry_tags.refuseImmutableMoves)([...mainHeld, ...going], ourImage(payload));
    if ('error' in mainRead) {
        // The main registry cannot be read: its push fails. A layout still goes to the others, straight
        // from its files; the rest are copied from the main registry, so nothing can go anywhere.
        if (payload.kind !== 'layout' || !fanOut)
            throw mainRead.error;
        const destinations = await fanOut.module.pushLayoutToDestinations(opened, payload.image, tags, {
            limit: (0,p_limit/* default */.A)(payload.work.maxConcurrency),
            mountFrom: payload.work.mountFrom,
            referrers: payload.work.referrers
        });
        return { ok: false, error: mainRead.error, destinations };
    }
    const held = mainRead.held;
    const limit = (0,p_limit/* default */.A)(payload.kind === 'engine' ? 5 : payload.work.maxConcurrency);
    const prepared = { held, opened, limit };
    switch (payload.kind) {
        case 'engine':
            return pushEngineImage(context, payload, prepared);
        case 'archive':
            return pushArchive(context, payload, prepared);
        case 'layout':
            return pushLayout(context, payload, prepared);
    }
}
/** How an image already in a registry is recognised as this one, before its digest is known. */
function ourImage(payload) {
    if (payload.kind === 'engine')
        return engineImage(payload.image);
    if (payload.kind === 'layout') {
        const { digest } = payload.image.top;
        return { digest, isOurs: stored => stored.digest === digest, describe: digest };
    }
    const config = payload.image.config.digest;
    return {
        isOurs: (stored) => !(0,media_types/* isIndex */.nw)(stored.manifest) && stored.manifest.config?.digest === config,
        describe: `the archive's image (config ${config})`
    };
}
/** The docker engine's image: docker push to the main registry, then copied registry to registry. */
async function pushEngineImage(context, payload, prepared) {
    const { main } = context;
    const docker = context.docker;
    // docker push reads the credentials docker login writes.
    await docker.loggedIn;
    const delivery = await deliverDockerImage(docker.cli, main.registry, payload.image, main.target, payload.work.tags, prepared.held);
    return {
        ok: true,
        delivery,
        destinations: await copyToOthers(context, delivery, prepared, payload.work.referrers)
    };
}
/** A docker-save archive: compressed once, for the main registry, then copied registry to registry. */
async function pushArchive(context, payload, prepared) {
    const { work } = payload;
    const delivery = await deliverSourceImage(context.main.registry, payload.image, context.main.target, work.tags, {
        concurrency: work.maxConcurrency,
        mountFrom: work.mountFrom,
        limit: prepared.limit,
        held: prepared.held,
        referrers: work.referrers,
        archiveStart: context.main.archiveStart
    });
    return {
        ok: true,
        delivery,
        destinations: await copyToOthers(context, delivery, prepared, work.referrers, work.mountFrom)
    };
}
/**
 * An OCI layout: every registry at once, straight from the files, through the one limit. The main push's
 * failure is the step's, reported once the others end (they may have the image).
 */
async function pushLayout(context, payload, prepared) {
    const { work, image } = payload;
    const options = { limit: prepared.limit, mountFrom: work.mountFrom, referrers: work.referrers };
    const [main, others] = await Promise.allSettled([
        deliverSourceImage(context.main.registry, image, context.main.target, work.tags, {
            ...options,
            concurrency: work.maxConcurrency,
            held: prepared.held
        }),
        context.fanOut
            ? context.fanOut.module.pushLayoutToDestinations(prepared.opened, image, work.tags, options)
            : Promise.resolve([])
    ]);
    // pushLayoutToDestinations keeps each destination's failure as that destination's: it never rejects.
    const destinations = others.status === 'fulfilled' ? others.value : [];
    if (main.status === 'rejected')
        return { ok: false, error: main.reason, destinations };
    const checked = context.fanOut?.module.checkSameDigest(destinations, main.value.digest) ?? [];
    return { ok: true, delivery: main.value, destinations: checked };
}
/** What the main registry now holds, copied into every destination still going. */
async function copyToOthers(context, delivery, prepared, referrers, mountFrom) {
    if (!context.fanOut)
        return [];
    const { module } = context.fanOut;
    const copied = await module.copyToDestinations(prepared.opened, { registry: context.main.registry, repository: context.main.target.repository }, delivery, { limit: prepared.limit, mountFrom, referrers });
    return module.checkSameDigest(copied, delivery.digest);
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
