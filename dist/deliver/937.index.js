export const id = 937;
export const ids = [937,906];
export const modules = {

/***/ 2937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HEAD_START_BYTES: () => (/* binding */ HEAD_START_BYTES),
  layerSummaryLine: () => (/* binding */ layerSummaryLine),
  pushArchiveImage: () => (/* binding */ pushArchiveImage),
  startArchivePush: () => (/* binding */ startArchivePush)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/common/format.ts
var format = __webpack_require__(6950);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/registry/head-start.ts
/**
 * A stream begun before anyone can take it: a layer compressed while the calls that must come before its
 * upload (ensure the repository, open the session) are still running. What it produces is held in memory
 * up to `limit` bytes, then it pauses until taken, so a head start costs bounded memory however large the
 * layer. The first `take` gets what was held and the rest of the same stream (the same bytes a fresh one
 * would give: compression here is deterministic); any later `take`, a retry's, starts a fresh stream.
 * `cancel` ends one never taken and drops what it held. The pieces must stay valid once produced (fresh
 * buffers, never one reused buffer).
 */
class HeadStart {
    produce;
    limit;
    held = [];
    heldBytes = 0;
    iterator;
    failure;
    ended = false;
    stopped = false;
    taken = false;
    pump;
    constructor(produce, limit) {
        this.produce = produce;
        this.limit = limit;
        this.iterator = produce()[Symbol.asyncIterator]();
        this.pump = this.fill();
    }
    /** Bytes produced ahead and held. */
    get bytesHeld() {
        return this.heldBytes;
    }
    /** Bytes it had produced when it was taken: its head start. */
    bytesAhead = 0;
    async fill() {
        try {
            while (!this.stopped && this.heldBytes < this.limit) {
                const next = await this.iterator.next();
                if (next.done) {
                    this.ended = true;
                    return;
                }
                this.held.push(next.value);
                this.heldBytes += next.value.length;
            }
        }
        catch (error) {
            // Thrown to whoever takes it, after what came before it: as the stream itself would.
            this.failure = { error };
        }
    }
    /** The stream: the first call gets the head start, any later one (a retry) a fresh stream. */
    take() {
        if (this.taken)
            return this.produce();
        this.taken = true;
        return this.rest();
    }
    async *rest() {
        this.stopped = true;
        await this.pump;
        this.bytesAhead = this.heldBytes;
        let finished = this.ended || this.failure !== undefined;
        try {
            while (this.held.length > 0) {
                const piece = this.held.shift();
                this.heldBytes -= piece.length;
                yield piece;
            }
            if (this.failure)
                throw this.failure.error;
            while (true) {
                const next = await this.iterator.next();
                if (next.done)
                    break;
                yield next.value;
            }
            finished = true;
        }
        finally {
            // Taken and then left (the upload failed or was aborted): the stream is ended, its files closed.
            if (!finished)
                await this.iterator.return?.();
        }
    }
    /** Ends a head start nobody took; one taken belongs to its taker. */
    async cancel() {
        if (this.taken)
            return;
        this.taken = true;
        this.stopped = true;
        await this.pump;
        this.held.length = 0;
        this.heldBytes = 0;
        if (!this.ended && !this.failure)
            await this.iterator.return?.();
    }
}

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
 * Compressed bytes the layers begun ahead may hold in memory, in all: enough for the time the repository
 * takes to be ensured and the first upload sessions to open (a few hundred ms on two cores), small beside
 * the 120 MB the whole push may take.
 */
const HEAD_START_BYTES = 16 * 1024 * 1024;
/**
 * Begins an archive push with reads only: the layers the registry holds are found through what the tags
 * hold (compare pushArchiveImage), and the first layers it lacks, those the push sends first
 * (`concurrency` at once, the config beside them), start compressing at once, each holding at most its
 * share of HEAD_START_BYTES until its upload opens. A layer the registry holds is never compressed, so an
 * unchanged re-run compresses nothing. An immutable tag holding another image still fails the push before
 * anything is uploaded; what was compressed ahead is then dropped.
 */
async function startArchivePush(registry, repository, image, held, options) {
    const known = await knownLayers(registry, repository, image, held);
    const toCompress = uniqueLayers(image).filter(layer => layer.kind === 'compress' && !known.has(layer.diffId));
    const first = toCompress.slice(0, Math.max(1, options.concurrency - 1));
    const headStarts = new Map();
    for (const layer of first) {
        if (layer.kind !== 'compress')
            continue;
        headStarts.set(layer.diffId, new HeadStart(() => layer.compress(), HEAD_START_BYTES / first.length));
    }
    return {
        known,
        headStarts,
        cancel: async () => {
            await Promise.all([...headStarts.values()].map(start => start.cancel()));
        }
    };
}
/**
 * Pushes a `docker save` archive. What the tags hold is read first: an immutable tag holding another
 * image (another config) fails before anything is written, and the layers of the images the tags hold
 * are matched to ours by diff_id, so a layer the registry already has compressed is reused after a HEAD
 * instead of being compressed again (a re-push of the same archive compresses and uploads nothing). The
 * rest are compressed while they upload, `concurrency` at once (the first ones begun ahead when the push
 * was started with startArchivePush); the manifest is made from the layers' digests, then put under each
 * tag and read back.
 */
async function pushArchiveImage(registry, repository, image, tags, options) {
    const started = options.archiveStart;
    try {
        const held = options.held ?? (await (0,registry_tags.readTags)(registry, repository, tags, 'manifest'));
        // Before anything is uploaded (or, unless begun ahead, compressed): an immutable tag holding another
        // image (another config) fails now.
        const configDigest = image.config.digest;
        const before = {
            isOurs: (stored) => configOf(stored) === configDigest,
            describe: `the archive's image (config ${configDigest})`
        };
        (0,registry_tags.refuseImmutableMoves)([{ repositoryUri: options.repositoryUri ?? repository, held, isImmutable: options.isImmutable }], before);
        const known = started?.known ?? (await knownLayers(registry, repository, image, held));
        const sent = await sendLayers(registry, repository, image, known, options);
        log/* info */.p(layerSummaryLine(image.layers.length, sent.compressed));
        const ahead = [...(started?.headStarts.values() ?? [])].reduce((sum, start) => sum + start.bytesAhead, 0);
        if (ahead > 0)
            log/* info */.p(`${(0,format/* formatBytes */.z)(ahead)} of them compressed before their uploads opened`);
        const top = image.manifest(sent.descriptors);
        // Same config, other layer bytes (another tool's compression): an immutable tag cannot move to ours.
        const writes = (0,registry_tags.planTagWrites)(held, top.digest, options.isImmutable, options.repositoryUri ?? repository);
        const { toWrite } = writes;
        await (0,registry_tags.putTags)(registry, repository, toWrite, top);
        if (toWrite.length > 0)
            await (0,registry_tags.verifyTags)(registry, repository, tags, top.digest);
        return {
            digest: top.digest,
            mediaType: top.mediaType,
            blobs: sent.blobs,
            tags: (0,registry_tags.tagOutcomes)(tags, writes),
            platforms: [],
            referrers: []
        };
    }
    finally {
        await started?.cancel();
    }
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
        const begun = options.archiveStart?.headStarts.get(source.diffId);
        const blob = source.kind === 'ready'
            ? await registry.pushBlob(repository, source.blob, { mountFrom: options.mountFrom, signal })
            : await registry.pushStream(repository, `layer ${source.label}`, begun ? () => begun.take() : () => source.compress(), { signal });
        return {
            blob,
            descriptor: { mediaType: source.mediaType, size: blob.size, digest: blob.digest },
            compressed: source.kind === 'compress'
        };
    };
    const layers = uniqueLayers(image);
    const sent = await (0,send_all/* sendAll */.S)([undefined, ...layers], async (layer, signal) => layer
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
/** The archive's layers, a diff_id listed twice once (it is sent once). */
function uniqueLayers(image) {
    return [...new Map(image.layers.map(layer => [layer.diffId, layer])).values()];
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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planTagWrites: () => (/* binding */ planTagWrites),
/* harmony export */   putTags: () => (/* binding */ putTags),
/* harmony export */   readTags: () => (/* binding */ readTags),
/* harmony export */   refuseImmutableMoves: () => (/* binding */ refuseImmutableMoves),
/* harmony export */   tagOutcomes: () => (/* binding */ tagOutcomes),
/* harmony export */   verifyTags: () => (/* binding */ verifyTags)
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
function planTagWrites(held, digest, isImmutable, repositoryUri) {
    refuseImmutableMoves([{ repositoryUri, held, isImmutable }], {
        digest,
        isOurs: () => false,
        describe: digest
    });
    const unchanged = held.filter(h => h.digest === digest).map(h => h.tag);
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
