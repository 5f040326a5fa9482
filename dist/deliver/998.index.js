export const id = 998;
export const ids = [998];
export const modules = {

/***/ 2998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ pushGraph),
  G: () => (/* binding */ pushImage)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/send-all.ts
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
    const held = options.held ?? (await (0,registry_tags/* readTags */.g$)(registry, repository, tags, 'manifest'));
    // Before anything is compressed: an immutable tag holding another image (another config) fails now.
    const configDigest = image.config.digest;
    const before = {
        isOurs: (stored) => configOf(stored) === configDigest,
        describe: `the archive's image (config ${configDigest})`
    };
    const otherImages = (0,registry_tags/* immutableConflicts */.wK)(held, before, options.isImmutable);
    if (otherImages.length > 0)
        throw (0,registry_tags/* immutableTagsError */.qk)(otherImages.map(h => (0,registry_tags/* conflictLine */.XX)(options.repositoryUri ?? repository, h, before)));
    const known = await knownLayers(registry, repository, image, held);
    const { descriptors, blobs, compressed } = await sendLayers(registry, repository, image, known, options);
    log/* info */.p(layerSummaryLine(image.layers.length, compressed));
    const top = image.manifest(descriptors);
    // Same config, other layer bytes (another tool's compression): an immutable tag cannot move to ours.
    const writes = (0,registry_tags/* planTagWrites */.Mq)(held, { digest: top.digest, isOurs: () => false, describe: top.digest }, options.isImmutable, options.repositoryUri ?? repository);
    const { toWrite } = writes;
    await (0,registry_tags/* putTags */.Tm)(registry, repository, toWrite, top);
    if (toWrite.length > 0)
        await (0,registry_tags/* verifyTags */.vl)(registry, repository, tags, top.digest);
    return {
        digest: top.digest,
        mediaType: top.mediaType,
        blobs,
        tags: (0,registry_tags/* tagOutcomes */.gs)(tags, writes),
        platforms: [],
        referrers: []
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
    return (0,media_types/* isIndex */.nw)(stored.manifest) ? undefined : stored.manifest.config?.digest;
}
/**
 * Compressed layers the registry is known to hold, by diff_id: from each image a tag holds, its layers
 * zipped with its config's diff_ids (ours when the config is the same; else that config, read back).
 */
async function knownLayers(registry, repository, image, held) {
    const known = new Map();
    const ours = image.layers.map(layer => layer.diffId);
    const seen = new Set();
    for (const { stored: manifest } of held) {
        if (!manifest || (0,media_types/* isIndex */.nw)(manifest.manifest) || seen.has(manifest.digest))
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
    const sent = await sendAll([undefined, ...layers], async (layer, signal) => layer
        ? sendLayer(layer, signal)
        : {
            blob: await registry.pushBlob(repository, image.config, { mountFrom: options.mountFrom, signal })
        }, (0,p_limit/* default */.A)(Math.max(1, options.concurrency)));
    const byDiffId = new Map(layers.map((layer, i) => [layer.diffId, sent[i + 1]?.descriptor]));
    return {
        descriptors: image.layers.map(layer => byDiffId.get(layer.diffId)),
        blobs: sent.map(s => s.blob),
        compressed: sent.filter(s => s.compressed).length
    };
}

// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
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
    const held = options.held ?? (await (0,registry_tags/* readTags */.g$)(registry, repository, tags, 'digest'));
    const ours = { digest: top.digest, isOurs: () => false, describe: top.digest };
    const writes = (0,registry_tags/* planTagWrites */.Mq)(held, ours, options.isImmutable, options.repositoryUri ?? repository);
    const { toWrite } = writes;
    const withReferrers = options.referrers !== 'skip';
    const attached = image.children.filter(hasSubject);
    const extra = withReferrers ? image.referrers.filter(hasSubject) : [];
    const referrers = withReferrers ? [...attached, ...extra] : [];
    const result = {
        digest: top.digest,
        mediaType: top.mediaType,
        tags: (0,registry_tags/* tagOutcomes */.gs)(tags, writes),
        platforms: image.children.flatMap(child => child.platform ? [{ platform: child.platform, digest: child.digest }] : []),
        referrers: referrers.map(registry_referrers/* referrerOf */.N1)
    };
    const limit = options.limit ?? (0,p_limit/* default */.A)(Math.max(1, options.concurrency));
    const send = (blobs) => sendAll(blobs, (blob, signal) => registry.pushBlob(repository, blob, { mountFrom: options.mountFrom, signal }), limit);
    if (toWrite.length === 0) {
        // The image is there: only referrers it lacks (a first run with referrers: skip, another tool) go.
        const missing = await (0,registry_referrers/* missingReferrers */.j9)(registry, repository, referrers);
        if (missing.length === 0)
            return { ...result, blobs: [] };
        const blobs = await send(image.referrerBlobs);
        for (const referrer of missing)
            await (0,registry_referrers/* putReferrer */.j5)(registry, repository, referrer, referrer.subject);
        await (0,registry_referrers/* verifyReferrers */.u)(registry, repository, result.referrers);
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
            await (0,registry_referrers/* putReferrer */.j5)(registry, repository, child, child.subject);
        else
            await registry.putManifest(repository, child.digest, child.bytes, child.mediaType);
    }
    if (extra.length > 0)
        await registry.putManifest(repository, top.digest, top.bytes, top.mediaType);
    for (const referrer of extra)
        await (0,registry_referrers/* putReferrer */.j5)(registry, repository, referrer, referrer.subject);
    await (0,registry_tags/* putTags */.Tm)(registry, repository, toWrite, top);
    await (0,registry_tags/* verifyTags */.vl)(registry, repository, tags, top.digest);
    await (0,registry_referrers/* verifyReferrers */.u)(registry, repository, result.referrers);
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
/* unused harmony exports tagSchemaTag, subjectOf, referrerDescriptor */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);



/** The tag under which the tag schema keeps a subject's referrers. */
function tagSchemaTag(subject) {
    return subject.replace(':', '-');
}
/** A manifest's subject, when it has one (it is then a referrer). */
function subjectOf(manifest) {
    try {
        return JSON.parse(manifest.bytes.toString('utf8')).subject?.digest;
    }
    catch {
        return undefined;
    }
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


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ refuseImmutableMoves),
/* harmony export */   Mq: () => (/* binding */ planTagWrites),
/* harmony export */   Tm: () => (/* binding */ putTags),
/* harmony export */   XX: () => (/* binding */ conflictLine),
/* harmony export */   g$: () => (/* binding */ readTags),
/* harmony export */   gs: () => (/* binding */ tagOutcomes),
/* harmony export */   qk: () => (/* binding */ immutableTagsError),
/* harmony export */   vl: () => (/* binding */ verifyTags),
/* harmony export */   wK: () => (/* binding */ immutableConflicts)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);


/**
 * Reads what each tag holds, the only read before writing: one request per tag, all manifest types
 * accepted. A HEAD gives the digest, enough when the image's digest is known; a GET gives the manifest,
 * needed when the image is known by its config or image ID (a docker-save archive, the docker engine).
 */
async function readTags(registry, repository, tags, read) {
    return Promise.all(tags.map(async (tag) => {
        if (read === 'digest')
            return { tag, digest: await registry.resolveManifestDigest(repository, tag) };
        const stored = await registry.getManifest(repository, tag);
        return { tag, digest: stored?.digest, stored };
    }));
}
/**
 * Pure: the immutable tags that hold another image. With the digest known, an immutable tag at another
 * digest is another image even when its config is the same (another tool's compression): it cannot move.
 */
function immutableConflicts(held, image, isImmutable, repositoryUri = '') {
    return held.filter(h => h.digest !== undefined &&
        isImmutable(h.tag) &&
        (image.digest !== undefined
            ? h.digest !== image.digest
            : h.stored === undefined || !image.isOurs(h.stored, repositoryUri)));
}
/** One line of the refusal: which tag, where, what it holds, and what this image is. */
function conflictLine(repositoryUri, conflict, image) {
    return `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(conflict.tag)} in ${repositoryUri} already points at ${conflict.digest}, this image is ${image.describe}`;
}
/** The refusal of every conflict at once, before anything is written anywhere. */
function immutableTagsError(lines) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag${lines.length > 1 ? 's' : ''} would change: ${lines.join('; ')}. Nothing was pushed: ` +
        'immutable tags cannot be moved to another image; push under a new tag.');
}
/**
 * Pure: refuses, before the first write anywhere, an immutable tag that holds another image in any of the
 * registries (their tags read once each), naming every one.
 */
function refuseImmutableMoves(registries, image) {
    const lines = registries.flatMap(r => immutableConflicts(r.held, image, r.isImmutable, r.repositoryUri).map(c => conflictLine(r.repositoryUri, c, image)));
    if (lines.length > 0)
        throw immutableTagsError(lines);
}
/**
 * Pure: with the image's digest known, refuses a move of an immutable tag (throws, naming each) and
 * splits the tags that hold the image already from those to write.
 */
function planTagWrites(held, image, isImmutable, repositoryUri) {
    refuseImmutableMoves([{ repositoryUri, held, isImmutable }], image);
    const unchanged = held.filter(h => h.digest === image.digest).map(h => h.tag);
    return { unchanged, toWrite: held.map(h => h.tag).filter(tag => !unchanged.includes(tag)) };
}
/** The per-tag outcome of a push: written, or left alone because it held the image already. */
function tagOutcomes(tags, writes) {
    return tags.map(tag => ({ tag, outcome: writes.unchanged.includes(tag) ? 'unchanged' : 'pushed' }));
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
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)} was written by another push meanwhile: it holds ${holds ?? 'another image'}, ` +
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


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

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
