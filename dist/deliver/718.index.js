export const id = 718;
export const ids = [718,370,145,501];
export const modules = {

/***/ 8718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliverDockerImage: () => (/* binding */ deliverDockerImage)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/* harmony import */ var _common_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1095);
/* harmony import */ var _registry_media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9867);
/* harmony import */ var _registry_push_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4501);
/* harmony import */ var _tag_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1145);







/**
 * Delivers an image from the docker engine under every tag and proves it: afterwards each tag resolves, in
 * the registry itself, to the one digest reported, and that digest is the local image.
 */
async function deliverDockerImage(docker, registry, local, target, tags) {
    const remote = await readRemoteTags(registry, local, target, tags);
    const plan = (0,_tag_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .planTagWrites */ .M)(remote, target.isImmutable, {
        image: local.reference,
        imageId: local.id,
        repository: target.repositoryUri
    });
    const digest = await executePlan(docker, registry, local, target, plan);
    await (0,_registry_push_js__WEBPACK_IMPORTED_MODULE_5__/* .verifyTags */ .vl)(registry, target.repository, tags, digest);
    const results = resultsOf(plan);
    return {
        digest,
        size: await storedSize(registry, target.repository, digest),
        tags: tags.map(tag => ({
            tag,
            reference: `${target.repositoryUri}:${tag}`,
            result: results.get(tag) ?? 'pushed'
        })),
        platforms: []
    };
}
async function readRemoteTags(registry, local, target, tags) {
    return Promise.all(tags.map(async (tag) => {
        const stored = await registry.getManifest(target.repository, tag);
        return stored
            ? { tag, digest: stored.digest, sameImage: (0,_tag_plan_js__WEBPACK_IMPORTED_MODULE_6__.isSameImage)(local, target.repositoryUri, stored) }
            : { tag, sameImage: false };
    }));
}
async function executePlan(docker, registry, local, target, plan) {
    switch (plan.kind) {
        case 'unchanged':
            _common_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Every tag already points at ${plan.digest}: nothing to push`);
            return plan.digest;
        case 'retag': {
            // The image is there already: give the missing tags the very same manifest bytes, so every tag
            // ends on one digest (a fresh docker push could compress differently and give another).
            _common_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The image is in ${target.repositoryUri} already as ${plan.digest}; tagging ${plan.tags.join(', ')}`);
            const stored = await registry.getManifest(target.repository, plan.digest);
            if (!stored)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${target.repositoryUri}@${plan.digest} vanished while tagging`);
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
    const staging = `ecr-deliver-staging-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(8).toString('hex')}`;
    const reference = `${target.repositoryUri}:${staging}`;
    await docker.tag(local.id, reference);
    let pushedDigest;
    try {
        pushedDigest = (await docker.push(reference)).digest;
        const stored = await registry.requireManifest(target.repository, pushedDigest);
        if (!(0,_tag_plan_js__WEBPACK_IMPORTED_MODULE_6__.isSameImage)(local, target.repositoryUri, stored)) {
            const config = (0,_registry_media_types_js__WEBPACK_IMPORTED_MODULE_4__.isIndex)(stored.manifest) ? 'an index' : `config ${stored.manifest.config?.digest}`;
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`docker push put ${pushedDigest} (${config}) in ${target.repositoryUri}, which is not the image ` +
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
            .catch(error => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not remove the local name ${reference}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`));
    }
    else {
        _common_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Left the local name ${reference} on the untagged image ${local.id}, so the engine keeps it`);
    }
    try {
        await target.removeTag(staging);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not remove the staging tag ${staging} from ${target.repositoryUri}` +
            `${pushedDigest ? ` (at ${pushedDigest})` : ''}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}. Delete it by hand ` +
            '(ecr:BatchDeleteImage is needed to remove it).');
    }
}
/** Each tag gets the pushed manifest's exact bytes, in the order given. */
async function putTags(registry, target, tags, stored) {
    await (0,_registry_push_js__WEBPACK_IMPORTED_MODULE_5__/* .putTags */ .Tm)(registry, target.repository, tags, stored, tag => _common_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${target.repositoryUri}:${tag} → ${stored.digest}`));
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
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${repository}@${digest} is missing right after the push`);
    if (!(0,_registry_media_types_js__WEBPACK_IMPORTED_MODULE_4__.isIndex)(stored.manifest))
        return (0,_registry_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .imageManifestSize */ .Sd)(stored.manifest);
    const children = await Promise.all([...new Set(stored.manifest.manifests.map(child => child.digest))].map(child => storedSize(registry, repository, child)));
    return children.reduce((sum, size) => sum + size, 0);
}


/***/ }),

/***/ 1145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ planTagWrites),
/* harmony export */   isSameImage: () => (/* binding */ isSameImage)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _registry_push_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4501);
/* harmony import */ var _registry_media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);



/**
 * Whether a stored manifest is the local image. The image ID is the config digest in docker's
 * classic store and the manifest digest in the containerd store; RepoDigests records earlier pushes.
 */
function isSameImage(local, repositoryUri, remote) {
    if (remote.digest === local.id)
        return true;
    if (local.repoDigests.includes(`${repositoryUri}@${remote.digest}`))
        return true;
    return !(0,_registry_media_types_js__WEBPACK_IMPORTED_MODULE_2__.isIndex)(remote.manifest) && remote.manifest.config?.digest === local.id;
}
/**
 * Pure: decides how to deliver the tags so that all of them end on one digest, a re-run of an
 * unchanged image writes nothing, and an immutable tag is never asked to move. Throws, before anything
 * is written, when an immutable tag holds another image.
 */
function planTagWrites(remote, isImmutable, describe) {
    const conflicts = remote.filter(r => r.digest !== undefined && !r.sameImage && isImmutable(r.tag));
    if (conflicts.length > 0) {
        const lines = conflicts.map(r => `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(r.tag)} already points at ${r.digest} in ${describe.repository}, ` +
            `but the image ${describe.image} is ${describe.imageId}`);
        throw (0,_registry_push_js__WEBPACK_IMPORTED_MODULE_1__/* .immutableTagsError */ .qk)(lines);
    }
    const same = remote.filter(r => r.sameImage && r.digest !== undefined);
    if (same.length === 0)
        return { kind: 'push', tags: remote.map(r => r.tag) };
    // Immutable tags cannot move, so when they hold this image their digest is the one to converge on.
    const pinned = [...new Set(same.filter(r => isImmutable(r.tag)).map(r => r.digest))];
    if (pinned.length > 1) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tags hold this image under different digests (${pinned.join(', ')}): ` +
            'they cannot be brought to one digest. Push under a new tag.');
    }
    const digest = pinned[0] ?? same[0]?.digest;
    const unchanged = remote.filter(r => r.digest === digest).map(r => r.tag);
    const tags = remote.filter(r => r.digest !== digest).map(r => r.tag);
    return tags.length === 0
        ? { kind: 'unchanged', digest, unchanged }
        : { kind: 'retag', digest, tags, unchanged };
}


/***/ }),

/***/ 4501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qk: () => (/* reexport */ registry_tags/* immutableTagsError */.qk),
  pushImage: () => (/* binding */ pushImage),
  Tm: () => (/* reexport */ registry_tags/* putTags */.Tm),
  h3: () => (/* binding */ tagResults),
  vl: () => (/* reexport */ registry_tags/* verifyTags */.vl)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/common/log.ts
var log = __webpack_require__(1095);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/send-all.ts
var send_all = __webpack_require__(8267);
// EXTERNAL MODULE: ./src/registry/tags.ts
var registry_tags = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/registry/push-archive.ts








/** A config read back to learn which compressed layer holds which diff_id: small, capped. */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;
/**
 * Pushes a `docker save` archive. What the tags hold is read first: an immutable tag holding another
 * image (another config) fails before anything is written, and the layers of the images the tags hold
 * are matched to ours by diff_id, so a layer the registry already has compressed is reused after a HEAD
 * instead of being compressed again (a re-push of the same archive compresses and uploads nothing). The
 * rest are compressed while they upload, `concurrency` at once; the manifest is made from the layers'
 * digests, then put under each tag and read back.
 */
async function pushArchiveImage(registry, repository, image, tags, options) {
    const held = await Promise.all(tags.map(async (tag) => ({ tag, manifest: await registry.getManifest(repository, tag) })));
    const configDigest = image.config.digest;
    const otherImages = held.filter(h => h.manifest && options.isImmutable(h.tag) && configOf(h.manifest) !== configDigest);
    if (otherImages.length > 0) {
        throw (0,registry_tags/* immutableTagsError */.qk)(otherImages.map(h => `tag ${(0,errors/* quote */.hD)(h.tag)} already holds ${h.manifest?.digest}, another image than this one`));
    }
    const known = await knownLayers(registry, repository, image, held);
    const { descriptors, blobs, compressed } = await sendLayers(registry, repository, image, known, options);
    log/* info */.pq(layerSummaryLine(image.layers.length, compressed));
    const top = image.manifest(descriptors);
    const holds = new Map(held.map(h => [h.tag, h.manifest?.digest]));
    const moved = tags.filter(tag => options.isImmutable(tag) && holds.get(tag) && holds.get(tag) !== top.digest);
    if (moved.length > 0) {
        // Same config, other layer bytes (another tool's compression): the tag cannot move to ours.
        throw (0,registry_tags/* immutableTagsError */.qk)(moved.map(tag => `tag ${(0,errors/* quote */.hD)(tag)} already points at ${holds.get(tag)}, the image is ${top.digest}`));
    }
    const unchanged = new Set(tags.filter(tag => holds.get(tag) === top.digest));
    const toWrite = tags.filter(tag => !unchanged.has(tag));
    await (0,registry_tags/* putTags */.Tm)(registry, repository, toWrite, top);
    if (toWrite.length > 0)
        await (0,registry_tags/* verifyTags */.vl)(registry, repository, tags, top.digest);
    return {
        digest: top.digest,
        mediaType: top.mediaType,
        blobs,
        tags: tags.map(tag => ({ tag, outcome: unchanged.has(tag) ? 'unchanged' : 'pushed' })),
        platforms: []
    };
}
/**
 * `8 layers: 2 compressed and uploaded, 6 the registry has`. The push benchmark reads this line
 * (bench/runners.ts, LAYERS_LINE); a unit test holds the two together.
 */
function layerSummaryLine(layers, compressed) {
    return `${layers} layers: ${compressed} compressed and uploaded, ${layers - compressed} the registry has`;
}
function configOf(stored) {
    return (0,media_types.isIndex)(stored.manifest) ? undefined : stored.manifest.config?.digest;
}
/**
 * Compressed layers the registry is known to hold, by diff_id: from each image a tag holds, its layers
 * zipped with its config's diff_ids (ours when the config is the same; else that config, read back).
 */
async function knownLayers(registry, repository, image, held) {
    const known = new Map();
    const ours = image.layers.map(layer => layer.diffId);
    const seen = new Set();
    for (const { manifest } of held) {
        if (!manifest || (0,media_types.isIndex)(manifest.manifest) || seen.has(manifest.digest))
            continue;
        seen.add(manifest.digest);
        const { config, layers } = manifest.manifest;
        if (!Array.isArray(layers) || !(0,reference/* isDigest */.Bc)(config?.digest))
            continue;
        const diffIds = config.digest === image.config.digest ? ours : await diffIdsOf(registry, repository, config.digest);
        if (diffIds?.length !== layers.length)
            continue;
        layers.forEach((layer, i) => {
            const diffId = diffIds[i];
            if (!known.has(diffId) &&
                (0,reference/* isDigest */.Bc)(layer.digest) &&
                Number.isSafeInteger(layer.size) &&
                /gzip/.test(layer.mediaType)) {
                known.set(diffId, { mediaType: layer.mediaType, size: layer.size, digest: layer.digest });
            }
        });
    }
    return known;
}
async function diffIdsOf(registry, repository, digest) {
    const bytes = await registry.readBlob(repository, digest, MAX_CONFIG_BYTES);
    if (!bytes)
        return undefined;
    try {
        const config = (0,json/* parseJson */.qF)(bytes.toString('utf8'));
        const ids = config?.rootfs?.diff_ids;
        return Array.isArray(ids) && ids.every(reference/* isDigest */.Bc) ? ids : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The config and every layer, `concurrency` at once (through sendAll: the first failure aborts the rest):
 * a known layer the registry still has is reused, any other is compressed while it uploads (a diff_id
 * listed twice is sent once).
 */
async function sendLayers(registry, repository, image, known, options) {
    const sendLayer = async (source, signal) => {
        const reuse = known.get(source.diffId);
        if (reuse && (await registry.blobExists(repository, reuse.digest))) {
            return {
                blob: { digest: reuse.digest, size: reuse.size, outcome: 'present', bytesSent: 0 },
                descriptor: reuse
            };
        }
        const blob = source.kind === 'ready'
            ? await registry.pushBlob(repository, source.blob, { mountFrom: options.mountFrom, signal })
            : await registry.pushStream(repository, `layer ${source.label}`, () => source.compress(), { signal });
        return {
            blob,
            descriptor: { mediaType: source.mediaType, size: blob.size, digest: blob.digest },
            compressed: source.kind === 'compress'
        };
    };
    const layers = [...new Map(image.layers.map(layer => [layer.diffId, layer])).values()];
    const sent = await (0,send_all/* sendAll */.S)([undefined, ...layers], async (layer, signal) => layer
        ? sendLayer(layer, signal)
        : {
            blob: await registry.pushBlob(repository, image.config, { mountFrom: options.mountFrom, signal })
        }, (0,p_limit["default"])(Math.max(1, options.concurrency)));
    const byDiffId = new Map(layers.map((layer, i) => [layer.diffId, sent[i + 1]?.descriptor]));
    return {
        descriptors: image.layers.map(layer => byDiffId.get(layer.diffId)),
        blobs: sent.map(s => s.blob),
        compressed: sent.filter(s => s.compressed).length
    };
}

;// CONCATENATED MODULE: ./src/registry/push.ts






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
        return pushArchiveImage(registry, repository, image, tags, options);
    return pushLayoutImage(registry, repository, image, tags, options);
}
/** An OCI layout's image: every digest known before anything is sent. */
async function pushLayoutImage(registry, repository, image, tags, options) {
    const { top } = image;
    // Every tag is read first (one HEAD each), as go-containerregistry's remote.Write checks before it
    // uploads: an immutable tag elsewhere fails before anything is sent, and a re-push of what the tags
    // already hold costs one request per tag instead of a HEAD per blob, the PUTs and the read-back.
    const current = await Promise.all(tags.map(async (tag) => ({ tag, digest: await registry.resolveManifestDigest(repository, tag) })));
    const conflicts = current.filter(c => c.digest !== undefined && c.digest !== top.digest && options.isImmutable(c.tag));
    if (conflicts.length > 0) {
        throw (0,registry_tags/* immutableTagsError */.qk)(conflicts.map(c => `tag ${(0,errors/* quote */.hD)(c.tag)} already points at ${c.digest}, the image is ${top.digest}`));
    }
    const unchanged = new Set(current.filter(c => c.digest === top.digest).map(c => c.tag));
    const toWrite = tags.filter(tag => !unchanged.has(tag));
    const platforms = image.children.flatMap(child => child.platform ? [{ platform: child.platform, digest: child.digest }] : []);
    const result = {
        digest: top.digest,
        mediaType: top.mediaType,
        tags: tagResults(tags, unchanged),
        platforms
    };
    if (toWrite.length === 0)
        return { ...result, blobs: [] };
    const blobs = await (0,send_all/* sendAll */.S)(image.blobs, (blob, signal) => registry.pushBlob(repository, blob, { mountFrom: options.mountFrom, signal }), options.limit ?? (0,p_limit["default"])(Math.max(1, options.concurrency)));
    // Children before the index (in walk order, so a nested index follows its own children): a registry
    // may refuse an index whose children it does not have.
    for (const child of image.children) {
        await registry.putManifest(repository, child.digest, child.bytes, child.mediaType);
    }
    await (0,registry_tags/* putTags */.Tm)(registry, repository, toWrite, top);
    await (0,registry_tags/* verifyTags */.vl)(registry, repository, tags, top.digest);
    return { ...result, blobs };
}
function tagResults(tags, unchanged) {
    return tags.map(tag => ({ tag, outcome: unchanged.has(tag) ? 'unchanged' : 'pushed' }));
}


/***/ }),

/***/ 8267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ sendAll)
/* harmony export */ });
/**
 * Sends each item through `limit`. The first failure aborts the sends in flight (through the signal each
 * gets) and stops the queue: nothing more is sent for a push that has failed, and that first failure is
 * what the caller sees. Every blob upload of a push goes through here (layouts, archives, copies).
 */
async function sendAll(items, send, limit) {
    const abort = new AbortController();
    let firstFailure;
    const settled = await Promise.allSettled(items.map(item => limit(async () => {
        abort.signal.throwIfAborted();
        try {
            return await send(item, abort.signal);
        }
        catch (error) {
            if (!firstFailure) {
                firstFailure = { error };
                abort.abort(error);
            }
            throw error;
        }
    })));
    if (firstFailure)
        throw firstFailure.error;
    return settled.map(outcome => outcome.value);
}


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tm: () => (/* binding */ putTags),
/* harmony export */   qk: () => (/* binding */ immutableTagsError),
/* harmony export */   vl: () => (/* binding */ verifyTags)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);


/**
 * Tags: the refusal to move immutable ones, putting a manifest under each, and reading them back. Shared
 * by every way an image is pushed (layouts, archives, and the docker path's manifest PUTs).
 */
/** The refusal to move immutable tags, one line per tag, before anything is written. */
function immutableTagsError(lines) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag${lines.length > 1 ? 's' : ''} would change: ${lines.join('; ')}. ` +
        'Immutable tags cannot be moved to another image: push under a new tag.');
}
/**
 * Puts the manifest under each tag, in the order given. A tag the registry refuses because it is immutable
 * and exists (another push wrote it since it was read) fails the step naming the tag and both digests;
 * the writes stop there.
 */
async function putTags(registry, repository, tags, manifest, onWritten) {
    for (const tag of tags) {
        try {
            await registry.putManifest(repository, tag, manifest.bytes, manifest.mediaType);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.status === 400 && error.code === 'TAG_INVALID'))
                throw error;
            const holds = await registry.resolveManifestDigest(repository, tag);
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag "${tag}" was written by another push meanwhile: it holds ${holds ?? 'another image'}, ` +
                `this image is ${manifest.digest}. The registry refused to move it (${error.message}).`, { cause: error });
        }
        onWritten?.(tag);
    }
}
/**
 * Reads every tag back after writing: a tag that another push moved in the meantime fails the step,
 * naming the tag and both digests, instead of reporting a digest the tag no longer holds.
 */
async function verifyTags(registry, repository, tags, expected) {
    const resolved = await Promise.all(tags.map(async (tag) => ({ tag, digest: await registry.resolveManifestDigest(repository, tag) })));
    const wrong = resolved.filter(r => r.digest !== expected);
    if (wrong.length > 0) {
        const detail = wrong
            .map(r => (r.digest ? `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(r.tag)} holds ${r.digest}` : `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(r.tag)} is missing`))
            .join('; ');
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`After the push, ${detail}, not this image ${expected}: another push wrote ` +
            `${wrong.length > 1 ? 'these tags' : 'this tag'} at the same time. Re-run to push again, or use ` +
            'IMMUTABLE tags so the registry refuses a second writer.');
    }
}


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ pLimit),
  limitFunction: () => (/* binding */ limitFunction)
});

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
