export const id = 30;
export const ids = [30];
export const modules = {

/***/ 5194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ handOver),
/* harmony export */   _: () => (/* binding */ release)
/* harmony export */ });
/**
 * Buffers a producer hands over for good (a layer's gzip pieces), freed by the one consumer that touches
 * them last (the upload, once the socket has a piece) instead of waiting for a full garbage collection:
 * V8 runs one only every 64 MB of such memory, which held a 1 GiB layer's push ~80 MB above Node's own
 * baseline. Freeing detaches the memory (ArrayBuffer.prototype.transfer, Node 21+): any view left of it
 * reads as empty, so a piece freed too early makes the upload's digest check fail, never pass.
 */
const handedOver = new WeakSet();
/** Node's shared allocation pool serves buffers under this size: never one to free. */
const POOLED_BELOW = 4096;
/**
 * Marks a piece as freeable by its consumer. Only a piece that starts its own memory and is too large for
 * Node's shared pool qualifies (whatever else that memory holds is unused); any other piece is left to the
 * collector.
 */
function handOver(piece) {
    if (piece.byteOffset === 0 && piece.length >= POOLED_BELOW)
        handedOver.add(piece.buffer);
    return piece;
}
/** Frees a handed-over piece's memory now; any other piece is left as it is. */
function release(piece) {
    const memory = piece.buffer;
    if (handedOver.delete(memory))
        memory.transfer?.(0);
}


/***/ }),

/***/ 5030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openImageSource: () => (/* binding */ openImageSource)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/manifests.ts
var manifests = __webpack_require__(1);
// EXTERNAL MODULE: ./src/registry/sources/layout-reader.ts
var layout_reader = __webpack_require__(5159);
// EXTERNAL MODULE: ./src/registry/sources/narrow.ts
var narrow = __webpack_require__(9751);
// EXTERNAL MODULE: ./src/registry/sources/platform.ts
var platform = __webpack_require__(8351);
// EXTERNAL MODULE: ./src/registry/sources/types.ts
var types = __webpack_require__(3959);
;// CONCATENATED MODULE: ./src/registry/sources/oci-layout.ts









/** Small files of a layout read whole. */
const MAX_MARKER_BYTES = 64 * 1024;
/** How docker save (containerd store, 29.1+) marks an index.json entry that is a referrer, not an image. */
const REFERRER_OF = 'io.containerd.manifest.subject';
/**
 * Reads an OCI image layout (oci-layout, index.json, blobs/sha256/…). Every manifest is read and its
 * digest checked now; every config and layer must exist with its declared size. Layer bytes are hashed
 * while they are uploaded (a mismatch fails the push before any manifest is put). Media types, digests
 * and sizes are checked before they are used or printed. index.json entries that docker marks as
 * referrers are read as referrers of what they name; with `partial`, an index whose blobs are only partly
 * here (docker save of a pulled image) gives the one platform that is whole, unchanged.
 */
async function readOciLayout(files, options = {}) {
    const label = files.label;
    await checkLayoutMarker(files);
    const index = await readJson(files, 'index.json', manifests/* MAX_MANIFEST_BYTES */.Z);
    const entries = Array.isArray(index?.manifests) ? index.manifests : [];
    const descriptors = entries.map(entry => (0,layout_reader/* checkDescriptor */.YW)(label, entry, 'index.json entry'));
    const reader = new layout_reader/* LayoutReader */.I1(files);
    // docker writes one entry per name: two tags of one image are one image. A manifest with a subject is a
    // referrer of what it names (docker 29.1 marks it so; other tools just list it).
    const unique = descriptors.filter((entry, i) => descriptors.findIndex(o => o.digest === entry.digest) === i);
    const listed = [];
    const images = [];
    for (const entry of unique) {
        const marked = entry.annotations?.[REFERRER_OF] !== undefined;
        const isReferrer = marked || ((await reader.isComplete(entry)) && (await reader.manifest(entry)).subject);
        (isReferrer ? listed : images).push(entry);
    }
    if (images.length === 0)
        throw new errors/* ActionError */.lZ(`${label}: index.json lists no image`);
    const top = await topOf(label, reader, images);
    const absent = options.partial ? await absentChildren(reader, top) : [];
    await reader.walk(top, new Set(absent.map(entry => entry.digest)));
    const found = await listedReferrers(files, listed);
    const inImage = new Set([top.digest, ...reader.children.map(child => child.digest)]);
    const referrers = (0,narrow/* referrersOf */.a)(inImage, found.referrers);
    const image = {
        blobs: [...reader.blobs.values()],
        children: reader.children,
        top,
        named: top.digest,
        referrers,
        referrerBlobs: found.blobs.filter(blob => !reader.blobs.has(blob.digest)),
        notes: [
            ...found.notes,
            ...found.referrers
                .filter(referrer => !referrers.includes(referrer))
                .map(r => `the referrer ${r.digest} names ${r.subject ?? 'no subject'}, which is not in the image: left out`)
        ]
    };
    if (absent.length === 0)
        return image;
    const chosen = presentPlatform(label, image, absent, options.platform);
    const whole = (0,json/* parseJson */.qF)(top.bytes.toString('utf8'));
    return (0,narrow/* narrowTo */.n)({
        ...image,
        notes: [
            ...image.notes,
            `index.json names the index ${top.digest} of ${whole.manifests.length} manifests, but only ` +
                `${chosen.platform}'s blobs are all here (docker save leaves out what was never pulled): ` +
                `delivering that platform's manifest ${chosen.digest} as it is`
        ]
    }, chosen);
}
/** The image index.json names: its one image, or an index made of several platform images (ko). */
async function topOf(label, reader, images) {
    if (images.length === 1)
        return reader.manifest(images[0]);
    if (images.every(entry => (0,types/* platformOf */.t)(entry.platform))) {
        const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: images }, null, 2));
        return { digest: (0,digest/* sha256Digest */.s)(bytes), mediaType: media_types/* MediaType */.zu.ociIndex, bytes };
    }
    const names = images.map(e => e.annotations?.['org.opencontainers.image.ref.name'] ?? e.digest);
    throw new errors/* ActionError */.lZ(`${label}: index.json lists ${images.length} images (${names.map(n => (0,errors/* quote */.hD)(n, 80)).join(', ')}); keep one`);
}
/** The children of an index whose manifest or blobs are not here. */
async function absentChildren(reader, top) {
    const manifest = (0,json/* parseJson */.qF)(top.bytes.toString('utf8'));
    if (!(0,media_types/* isIndex */.nw)(manifest))
        return [];
    const absent = [];
    for (const entry of manifest.manifests) {
        const child = (0,layout_reader/* checkDescriptor */.YW)(reader.label, entry, `child of ${top.digest}`);
        if (!(await reader.isComplete(child)))
            absent.push(child);
    }
    return absent;
}
/** The one platform of a partial index that is whole (or the one asked for); anything else says what is. */
function presentPlatform(label, image, absent, wanted) {
    const whole = image.children.filter(child => child.platform && child.platform !== 'unknown/unknown');
    const candidates = wanted ? whole.filter(child => (0,platform.platformMatches)(wanted, child.platform)) : whole;
    if (candidates.length === 1)
        return candidates[0];
    const missing = absent
        .map(entry => (0,types/* platformOf */.t)(entry.platform) ?? entry.digest)
        .filter(name => name !== 'unknown/unknown');
    const here = whole.map(child => (0,errors/* quote */.hD)(child.platform));
    throw new AbsentPlatformError(`${label}: the index ${image.top.digest} is not all here: the blobs of ${missing.map(m => (0,errors/* quote */.hD)(m)).join(', ')} ` +
        `are missing, and ${here.length === 0 ? 'no platform is whole' : `${here.join(', ')} ${here.length === 1 ? 'is' : 'are'} whole`}` +
        (here.length > 1 && !wanted ? ': name one with the platform input' : ''));
}
/** A partial index without the platform asked for (or with several whole and none asked for). */
class AbsentPlatformError extends errors/* ActionError */.lZ {
}
/** The referrers index.json lists: those whole and with a subject; the rest named in notes. */
async function listedReferrers(files, listed) {
    const reader = new layout_reader/* LayoutReader */.I1(files);
    const referrers = [];
    const notes = [];
    for (const entry of listed) {
        const manifest = (await reader.isComplete(entry)) ? await reader.manifest(entry) : undefined;
        if (!manifest || !manifest.subject || (0,media_types/* isIndex */.nw)((0,json/* parseJson */.qF)(manifest.bytes.toString('utf8')))) {
            notes.push(`the referrer ${entry.digest} listed in index.json is not whole here, or not a manifest with a subject: left out`);
            continue;
        }
        await reader.walk(manifest);
        referrers.push(manifest);
    }
    return { referrers, blobs: [...reader.blobs.values()], notes };
}
async function checkLayoutMarker(files) {
    let marker;
    try {
        marker = (0,json/* parseJson */.qF)((await files.read('oci-layout', MAX_MARKER_BYTES)).toString('utf8'));
    }
    catch {
        throw new errors/* ActionError */.lZ(`${files.label} is not an OCI image layout: it has no readable oci-layout file`);
    }
    const version = marker?.imageLayoutVersion;
    if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version)) {
        throw new errors/* ActionError */.lZ(`${files.label}: unsupported OCI layout version ${(0,errors/* quote */.hD)(version ?? null, 40)}`);
    }
}
/** A JSON file of the image, read whole with a cap; errors name the file, never its content. */
async function readJson(files, name, maxBytes) {
    const bytes = await files.read(name, maxBytes);
    try {
        return (0,json/* parseJson */.qF)(bytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`${files.label}: ${name} ${error.message}`);
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/registry/handed-over.ts
var handed_over = __webpack_require__(5194);
;// CONCATENATED MODULE: ./src/registry/sources/gzip.ts



const deflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const DEFAULT_BLOCK_SIZE = 1024 * 1024;
const DEFAULT_IN_FLIGHT = 4;
const WINDOW = 32 * 1024;
/**
 * zlib's largest hash table (memLevel 9; its default is 8): at level 1 on real layers (gcc's and python's
 * libraries) it deflates ~13% faster for the same size (22.5 MB from 48 MiB either way), for ~200 KiB more
 * per block in flight. It changes which matches are found, so the bytes differ from memLevel 8's (a layer
 * pushed before is still found by its diff_id: push-archive.ts), but are the same every time.
 */
const MEM_LEVEL = 9;
/** Magic, deflate, no flags, mtime 0, no extra flags, OS unknown: the same header for every layer. */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** A final, empty, fixed-Huffman block: ends the deflate stream after the last sync-flushed block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
async function* parallelGzip(input, options) {
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    const inFlight = Math.max(1, options.inFlight ?? DEFAULT_IN_FLIGHT);
    yield HEADER;
    let crc = 0;
    let length = 0;
    let dictionary;
    const pending = [];
    const pool = new BlockPool(blockSize);
    for await (const block of blocksOf(input, blockSize, pool)) {
        crc = (0,external_node_zlib_.crc32)(block, crc);
        length += block.length;
        // Every piece is its own memory, handed over: the upload frees it once sent (handed-over.ts).
        const job = (options.level === 0 ? stored(block) : deflated(block, options.level, dictionary))
            .then(handed_over/* handOver */.C)
            // Its input is read once deflated: the block goes back to the pool (before the awaiting code runs).
            .finally(() => pool.give(block));
        // Observed at once: a rejection while earlier blocks are awaited is not unhandled.
        job.catch(() => { });
        pending.push(job);
        // A copy: the block's memory is not kept alive for the sake of its last 32 KiB.
        dictionary = Buffer.from(block.subarray(Math.max(0, block.length - WINDOW)));
        if (pending.length >= inFlight)
            yield await pending.shift();
    }
    while (pending.length > 0)
        yield await pending.shift();
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length % 2 ** 32, 4);
    yield Buffer.concat([FINAL_BLOCK, trailer]);
}
/** A block deflated on the thread pool, sync-flushed so the next block's output joins it. */
function deflated(block, level, dictionary) {
    return deflateRaw(block, {
        level,
        memLevel: MEM_LEVEL,
        // Flushed with the data itself, not by an empty write after it (the same bytes), into room for deflate's
        // worst case: the output comes back as one piece of one buffer, no copy, freed whole once sent.
        flush: external_node_zlib_.constants.Z_SYNC_FLUSH,
        finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH,
        chunkSize: block.length + 64 * 1024,
        ...(dictionary ? { dictionary } : {})
    });
}
/** Deflate's largest stored block, and the 5 bytes before each: type (byte-aligned), LEN, NLEN. */
const MAX_STORED = 65535;
const STORED_HEADER = 5;
/**
 * Level 0 without zlib: the block framed as stored blocks, copied into a buffer of its own. Each block
 * here starts on a byte boundary (after the gzip header or a stored block), so the 3 header bits and
 * their padding are one zero byte. The same bytes for the same input on any Node.
 */
async function stored(block) {
    const count = Math.ceil(block.length / MAX_STORED);
    const out = Buffer.allocUnsafeSlow(block.length + STORED_HEADER * count);
    let at = 0;
    for (let offset = 0; offset < block.length; offset += MAX_STORED) {
        const length = Math.min(MAX_STORED, block.length - offset);
        out[at] = 0;
        out.writeUInt16LE(length, at + 1);
        out.writeUInt16LE(~length & 0xffff, at + 3);
        at += STORED_HEADER + block.copy(out, at + STORED_HEADER, offset, offset + length);
    }
    return out;
}
/**
 * Block buffers used again once deflated. A block allocated per MiB would count towards V8's external
 * memory, and every 64 MB of that costs a full garbage collection on the main thread (one every ~70 ms
 * while two layers compress: a fifth of the main thread, measured with --trace-gc); a layer's input now
 * allocates `inFlight` + 1 blocks.
 */
class BlockPool {
    size;
    free = [];
    constructor(size) {
        this.size = size;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafe(this.size);
    }
    /** A whole block back (a shorter last one is a view: it is left to the collector). */
    give(block) {
        if (block.length === this.size)
            this.free.push(block);
    }
}
/**
 * The input in blocks of exactly `size` bytes, the last one shorter (none for an empty input). With a
 * pool, every chunk is copied into the pool's blocks before the next one is asked for, so the input may
 * reuse one buffer for every chunk (files.ts: chunks), and a block stays the taker's until given back.
 */
async function* blocksOf(input, size, pool) {
    if (pool) {
        yield* pooledBlocksOf(input, pool);
        return;
    }
    let parts = [];
    let held = 0;
    for await (const chunk of input) {
        let rest = chunk;
        while (held + rest.length >= size) {
            const take = size - held;
            parts.push(rest.subarray(0, take));
            yield parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
            parts = [];
            held = 0;
            rest = rest.subarray(take);
        }
        if (rest.length > 0) {
            parts.push(rest);
            held += rest.length;
        }
    }
    if (held > 0)
        yield Buffer.concat(parts, held);
}
async function* pooledBlocksOf(input, pool) {
    let block = pool.take();
    let held = 0;
    for await (const chunk of input) {
        let offset = 0;
        while (offset < chunk.length) {
            const copied = chunk.copy(block, held, offset);
            held += copied;
            offset += copied;
            if (held === pool.size) {
                yield block;
                block = pool.take();
                held = 0;
            }
        }
    }
    if (held > 0)
        yield block.subarray(0, held);
    else
        pool.give(block);
}
/** Sampled bytes that deflate (level 1) to more than this share of their size are not worth deflating. */
const INCOMPRESSIBLE = 0.95;
/**
 * Whether data like this sample gains anything from deflate. Random or already-compressed data (the
 * payload of many layers) does not, and stored blocks then cost a fraction of the CPU. Asynchronous: the
 * sample is deflated on the thread pool, not on the event loop.
 */
async function worthCompressing(sample) {
    if (sample.length === 0)
        return true;
    const packed = await deflateRaw(sample, { level: 1 });
    return packed.length <= sample.length * INCOMPRESSIBLE;
}

;// CONCATENATED MODULE: ./src/registry/sources/docker-archive.ts










/** What docker writes in manifest.json and a config: small files, read whole with a cap. */
const MAX_ARCHIVE_MANIFEST_BYTES = 1024 * 1024;
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;
/**
 * Reads a `docker save` archive from its members: manifest.json and the config now, the layers later.
 * Its layers are uncompressed tars: each is compressed while it uploads, read straight from the archive,
 * its uncompressed bytes hashed against the config's diff_id on the way (a mismatch fails the upload
 * before it is committed, so before any manifest). The config is pushed byte for byte, and the manifest is
 * made from the layers' compressed digests once they are known. Every name in manifest.json is looked up
 * among the archive's members, never on the file system.
 */
async function readDockerArchive(files, options) {
    const label = files.label;
    const { layerNames, configBytes, configDigest, config, diffIds } = await readArchiveEntry(files);
    const layers = await Promise.all(layerNames.map(async (name, i) => {
        const diffId = diffIds[i];
        if (await isGzip(files, name)) {
            // Already compressed (some tools save that way): pushed as is.
            const hashed = await hashStream(files.open(name));
            const blob = {
                ...hashed,
                open: (start, end) => files.open(name, start, end),
                chunks: (start, end) => files.chunks(name, start, end)
            };
            return { kind: 'ready', blob, diffId, mediaType: media_types/* BlobMediaType */.Gn.dockerGzipLayer };
        }
        const size = (await files.size(name));
        return layerToCompress(files, name, size, diffId, `${label}: ${name}`, options.gzipLevel);
    }));
    return {
        config: {
            digest: configDigest,
            size: configBytes.length,
            open: (start, end) => external_node_stream_.Readable.from([configBytes.subarray(start ?? 0, end === undefined ? undefined : end + 1)])
        },
        layers,
        platform: (0,types/* platformOf */.t)(config),
        manifest(descriptors) {
            // docker's own layout (3-space indent, this key order): a layer set docker pushed gives its bytes.
            const bytes = Buffer.from(JSON.stringify({
                schemaVersion: 2,
                mediaType: media_types/* MediaType */.zu.dockerManifest,
                config: { mediaType: media_types/* BlobMediaType */.Gn.dockerConfig, size: configBytes.length, digest: configDigest },
                layers: descriptors.map(l => ({ mediaType: l.mediaType, size: l.size, digest: l.digest }))
            }, null, 3));
            return {
                digest: (0,digest/* sha256Digest */.s)(bytes),
                mediaType: media_types/* MediaType */.zu.dockerManifest,
                bytes,
                platform: (0,types/* platformOf */.t)(config)
            };
        }
    };
}
/**
 * The one image manifest.json lists, and its config: read by name among the archive's members, the
 * config's digest checked against its name, one sha256 diff_id per layer, every layer in the archive.
 */
async function readArchiveEntry(files) {
    const label = files.label;
    const entries = await readJson(files, 'manifest.json', MAX_ARCHIVE_MANIFEST_BYTES);
    if (!Array.isArray(entries) || entries.length !== 1) {
        const count = Array.isArray(entries) ? entries.length : 0;
        throw new errors/* ActionError */.lZ(`${label}: manifest.json lists ${count} images; save exactly one image`);
    }
    const entry = entries[0];
    if (typeof entry?.Config !== 'string' ||
        !Array.isArray(entry.Layers) ||
        !entry.Layers.every(layer => typeof layer === 'string')) {
        throw new errors/* ActionError */.lZ(`${label}: manifest.json must give Config and Layers as file names in the archive`);
    }
    const { Config: configName, Layers: layerNames } = entry;
    const configBytes = await files.read(configName, MAX_CONFIG_BYTES);
    const configDigest = (0,digest/* sha256Digest */.s)(configBytes);
    const named = /([a-f0-9]{64})(\.json)?$/.exec(configName)?.[1];
    if (named && `sha256:${named}` !== configDigest) {
        throw new errors/* ActionError */.lZ(`${label}: config ${configName} is corrupt: its bytes give ${configDigest}`);
    }
    let config;
    try {
        config = (0,json/* parseJson */.qF)(configBytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`${label}: config ${configName} ${error.message}`);
    }
    const diffIds = Array.isArray(config?.rootfs?.diff_ids) ? config.rootfs.diff_ids : [];
    if (!diffIds.every(reference/* isDigest */.Bc))
        throw new errors/* ActionError */.lZ(`${label}: the config lists a diff_id that is not a sha256 digest`);
    if (diffIds.length !== layerNames.length) {
        throw new errors/* ActionError */.lZ(`${label}: the config lists ${diffIds.length} layers but manifest.json ${layerNames.length}`);
    }
    for (const layer of layerNames) {
        if ((await files.size(layer)) === undefined) {
            throw new errors/* ActionError */.lZ(`${label}: layer ${layer} (named in manifest.json) is not in the archive`);
        }
    }
    return { layerNames, configBytes, configDigest, config, diffIds };
}
/** The first bytes of a member (for sniffing), at most `length`. */
async function head(files, name, start, length) {
    if (length <= 0)
        return Buffer.alloc(0);
    const chunks = [];
    for await (const chunk of files.open(name, start, start + length - 1))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function isGzip(files, name) {
    const bytes = await head(files, name, 0, 2);
    return bytes.length === 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
/** A layer's uncompressed bytes that do not hash to the config's diff_id. */
class LayerCorruptError extends errors/* ActionError */.lZ {
    constructor(label, actual, expected) {
        super(`${label} is corrupt: its bytes give ${actual}, the config says ${expected}`);
        this.name = 'LayerCorruptError';
    }
}
function layerToCompress(files, name, size, diffId, label, gzipLevel) {
    return {
        kind: 'compress',
        label,
        diffId,
        size,
        mediaType: media_types/* BlobMediaType */.Gn.dockerGzipLayer,
        async *compress() {
            const level = (await worthCompressing(await sampleOf(files, name, size))) ? gzipLevel : 0;
            const raw = (0,external_node_crypto_.createHash)('sha256');
            let seen = 0;
            // One reused read buffer: parallelGzip copies each chunk into its own blocks before the next read.
            const hashed = (async function* () {
                for await (const chunk of files.chunks(name)) {
                    raw.update(chunk);
                    seen += chunk.length;
                    yield chunk;
                }
            })();
            // The last piece (the gzip trailer) is held back until the uncompressed bytes are proven: a corrupt
            // layer never becomes a whole gzip stream.
            let held;
            for await (const piece of parallelGzip(hashed, { level })) {
                if (held)
                    yield held;
                held = piece;
            }
            const actual = `sha256:${raw.digest('hex')}`;
            if (seen !== size || actual !== diffId)
                throw new LayerCorruptError(label, actual, diffId);
            if (held)
                yield held;
        }
    };
}
const SAMPLE_BYTES = 256 * 1024;
/** A slice from the middle of the layer (its start is tar headers, which always compress). */
async function sampleOf(files, name, size) {
    if (size <= SAMPLE_BYTES)
        return head(files, name, 0, size);
    return head(files, name, Math.floor(size / 2) - SAMPLE_BYTES / 2, SAMPLE_BYTES);
}
async function hashStream(stream) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const chunk of stream) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { digest: `sha256:${hash.digest('hex')}`, size };
}

;// CONCATENATED MODULE: ./src/registry/sources/docker-save.ts





/** Layer media types of uncompressed tars: what docker's classic image store saves. */
const UNCOMPRESSED_LAYERS = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.oci.image.layer.nondistributable.v1.tar',
    'application/vnd.docker.image.rootfs.diff.tar'
]);
/** Pure: whether every layer of these manifests is stored compressed, as a registry would hold it. */
function layersCompressed(manifests) {
    return manifests.every(bytes => {
        const manifest = (0,json/* parseJson */.qF)(bytes.toString('utf8'));
        return (0,media_types/* isIndex */.nw)(manifest) || manifest.layers.every(layer => !UNCOMPRESSED_LAYERS.has(layer.mediaType));
    });
}
/**
 * A `docker save` archive, delivered as faithfully as it allows. With the containerd image store (the
 * default of Docker 29) it is an OCI layout whose index.json names the image as stored, layers compressed:
 * that is delivered as it is, same digest, every platform, attestation and referrer. A classic-store
 * archive (docker 25+ writes an index.json too, over uncompressed layers) and anything whose index.json
 * cannot be delivered as is take manifest.json's path: layers compressed on the way, so another digest,
 * and the notes say why.
 */
async function readDockerSave(files, options, hasIndex) {
    let why = 'it has no index.json (docker before 25)';
    if (hasIndex) {
        try {
            const layout = await readOciLayout(files, { partial: true, platform: options.platform });
            const manifests = [layout.top, ...layout.children].map(manifest => manifest.bytes);
            if (layersCompressed(manifests)) {
                const saved = `${files.label} is a docker save of the containerd image store: delivered as saved`;
                return { kind: 'oci-archive', ...layout, notes: [saved, ...layout.notes] };
            }
            why = 'its layers are uncompressed (docker with the classic image store)';
        }
        catch (error) {
            // What the index holds is known, just not what was asked for: saying so beats another image.
            if (!(error instanceof errors/* ActionError */.lZ) || error instanceof AbsentPlatformError)
                throw error;
            why = `its index.json cannot be delivered as is (${(0,errors/* messageOf */.bD)(error)})`;
        }
    }
    const archive = await readDockerArchive(files, options);
    const compressing = archive.layers.some(layer => layer.kind === 'compress');
    const note = `${files.label} is read from its manifest.json because ${why}` +
        (compressing
            ? ': its layers are compressed for the registry, so the digest delivered is not the one docker shows locally'
            : '');
    return { kind: 'docker-archive', ...archive, notes: [note] };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/common/files.ts
var files = __webpack_require__(8994);
;// CONCATENATED MODULE: ./src/registry/sources/files.ts






/** Read size for layer and blob streams: few syscalls, flat memory, and one gzip block (gzip.ts) per read. */
const READ_CHUNK = 1024 * 1024;
/** Chunk size of uploads read with one reused buffer. */
const UPLOAD_CHUNK = 256 * 1024;
/** Bytes [start, end] of a file (end: its last byte when undefined), through one reused buffer. */
async function* reusedChunks(path, start = 0, end) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const last = end ?? (await file.stat()).size - 1;
        const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(UPLOAD_CHUNK, last - start + 1)));
        for (let position = start; position <= last;) {
            const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, last - position + 1), position);
            // A file shorter than it was: the caller's length check says so.
            if (bytesRead === 0)
                return;
            position += bytesRead;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await file.close();
    }
}
/**
 * A name as a layout or an archive's manifest gives it, in canonical form (`./a//b` → `a/b`); undefined
 * for a name that leaves its root (absolute, or `..` above it) or names nothing.
 */
function canonicalName(name) {
    if (typeof name !== 'string' || name === '' || name.includes('\0') || name.startsWith('/'))
        return undefined;
    const normal = external_node_path_.posix.normalize(name).replace(/\/+$/, '');
    if (normal === '.' || normal === '..' || normal.startsWith('../'))
        return undefined;
    return normal;
}
function nameOrFail(files, name) {
    const canonical = canonicalName(name);
    if (canonical === undefined) {
        throw new errors/* ActionError */.lZ(`${files.label}: ${(0,errors/* quote */.hD)(name, 200)} names a file outside the image: refused`);
    }
    return canonical;
}
async function readOrFail(path, maxBytes, what) {
    try {
        return (0,files/* readRegularFile */.XF)(path, maxBytes, what);
    }
    catch (error) {
        if (error instanceof files/* FileReadError */.tJ)
            throw new errors/* ActionError */.lZ(error.message);
        throw error;
    }
}
/** The files of an image layout directory, each resolved (symlinks too) inside the directory. */
function directoryFiles(dir, label = dir) {
    const root = (0,external_node_fs_.realpathSync)(dir);
    const resolved = new Map();
    const locate = (name) => {
        const canonical = nameOrFail({ label }, name);
        if (!resolved.has(canonical)) {
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(root, canonical));
            }
            catch {
                real = undefined;
            }
            if (real !== undefined && !(0,files/* isInside */.FK)(root, real)) {
                throw new errors/* ActionError */.lZ(`${label}: ${canonical} leads outside the layout (a symlink?): refused`);
            }
            resolved.set(canonical, real);
        }
        return resolved.get(canonical);
    };
    return {
        label,
        async size(name) {
            const path = locate(name);
            if (!path)
                return undefined;
            const stats = await (0,promises_.stat)(path).catch(() => undefined);
            return stats?.isFile() ? stats.size : undefined;
        },
        read(name, maxBytes) {
            const path = locate(name);
            if (!path)
                return Promise.reject(new errors/* ActionError */.lZ(`${label}: ${canonicalName(name)} is missing`));
            return readOrFail(path, maxBytes, `${label}: ${canonicalName(name)}`);
        },
        open(name, start, end) {
            const path = locate(name);
            if (!path)
                throw new errors/* ActionError */.lZ(`${label}: ${canonicalName(name)} is missing`);
            return (0,external_node_fs_.createReadStream)(path, { start, end, highWaterMark: READ_CHUNK });
        },
        chunks(name, start, end) {
            const path = locate(name);
            if (!path)
                throw new errors/* ActionError */.lZ(`${label}: ${canonicalName(name)} is missing`);
            return reusedChunks(path, start, end);
        }
    };
}
/**
 * The regular files of a tar, by member name, read in place from their offsets (see tar-index.ts): a
 * member is never copied out, and its name never becomes a path.
 */
function tarFiles(path, members, label = path) {
    const member = (name) => members.get(nameOrFail({ label }, name));
    const missing = (name) => new errors/* ActionError */.lZ(`${label}: ${canonicalName(name)} is not in the archive`);
    return {
        label,
        async size(name) {
            return member(name)?.size;
        },
        async read(name, maxBytes) {
            const found = member(name);
            if (!found)
                throw missing(name);
            const what = `${label}: ${canonicalName(name)}`;
            if (found.size > maxBytes)
                throw new errors/* ActionError */.lZ(`${what} has ${found.size} bytes, more than the ${maxBytes} allowed`);
            const file = await (0,promises_.open)(path, 'r');
            try {
                const buffer = Buffer.alloc(found.size);
                const { bytesRead } = await file.read(buffer, 0, found.size, found.offset);
                if (bytesRead < found.size)
                    throw new errors/* ActionError */.lZ(`${what} is truncated`);
                return buffer;
            }
            finally {
                await file.close();
            }
        },
        open(name, start = 0, end) {
            const found = member(name);
            if (!found)
                throw missing(name);
            const last = Math.min(end ?? found.size - 1, found.size - 1);
            // An empty range (a zero-byte member) is an empty stream: createReadStream has no such range.
            if (last < start)
                return external_node_stream_.Readable.from([]);
            return (0,external_node_fs_.createReadStream)(path, {
                start: found.offset + start,
                end: found.offset + last,
                highWaterMark: READ_CHUNK
            });
        },
        chunks(name, start = 0, end) {
            const found = member(name);
            if (!found)
                throw missing(name);
            const last = Math.min(end ?? found.size - 1, found.size - 1);
            return reusedChunks(path, found.offset + start, found.offset + last);
        }
    };
}

;// CONCATENATED MODULE: ./src/registry/sources/tar-index.ts



const BLOCK = 512;
/** PAX and GNU long-name records are small; a larger one is a broken or hostile archive. */
const MAX_META_BYTES = 1024 * 1024;
/** More members than any image has. */
const MAX_MEMBERS = 200_000;
/**
 * Pure: a 512-byte ustar/GNU header, or undefined for an all-zero block (the end of the archive). Sizes
 * in base-256 (GNU, over 8 GiB) are read too. A block that is no tar header (bad checksum) throws.
 */
function parseTarHeader(block) {
    if (block.length < BLOCK)
        throw new Error('short header block');
    if (block.every(byte => byte === 0))
        return undefined;
    const stored = octal(block.subarray(148, 156));
    let sum = 8 * 0x20;
    for (let i = 0; i < BLOCK; i++)
        if (i < 148 || i >= 156)
            sum += block[i];
    if (stored !== sum)
        throw new Error('bad header checksum');
    const name = tar_index_text(block.subarray(0, 100));
    const isUstar = block.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = isUstar ? tar_index_text(block.subarray(345, 500)) : '';
    return {
        name: prefix ? `${prefix}/${name}` : name,
        size: sizeField(block.subarray(124, 136)),
        type: String.fromCharCode(block[156]).replace('\0', '')
    };
}
function tar_index_text(field) {
    const end = field.indexOf(0);
    return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}
function octal(field) {
    const digits = tar_index_text(field).trim();
    if (!/^[0-7]*$/.test(digits))
        throw new Error('bad octal field');
    return digits === '' ? 0 : parseInt(digits, 8);
}
/** Octal, or GNU base-256 when the high bit of the first byte is set. */
function sizeField(field) {
    if ((field[0] & 0x80) === 0)
        return octal(field);
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++)
        value = value * 256 + field[i];
    if (!Number.isSafeInteger(value))
        throw new Error('size out of range');
    return value;
}
/** Pure: the `path` and `size` of PAX records (`<len> key=value\n`…); other keys are ignored. */
function parsePax(records) {
    const result = {};
    let at = 0;
    while (at < records.length) {
        const space = records.indexOf(0x20, at);
        if (space === -1)
            break;
        const length = Number(records.subarray(at, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= space - at || at + length > records.length)
            break;
        const record = records.subarray(space + 1, at + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        const key = record.slice(0, equals);
        const value = record.slice(equals + 1);
        if (key === 'path')
            result.path = value;
        if (key === 'size' && /^\d+$/.test(value))
            result.size = Number(value);
        at += length;
    }
    return result;
}
const REGULAR = new Set(['', '0', '7']);
/**
 * The regular files of a tar, by canonical member name. Links, devices, directories and names that leave
 * the archive (absolute, `..`) are skipped: no member name ever becomes a path. A name that appears twice
 * is refused (which copy would count?). A truncated or corrupt archive is a clear error.
 */
async function indexTar(path) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const { size: fileSize } = await file.stat();
        return await scan(file, fileSize, path);
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* ActionError */.lZ(`${path} is not a readable tar archive (${reason}): is it truncated or corrupt?`);
    }
    finally {
        await file.close();
    }
}
async function scan(file, fileSize, path) {
    const members = new Map();
    const block = Buffer.alloc(BLOCK);
    let position = 0;
    let count = 0;
    let pending = {};
    for (;;) {
        const { bytesRead } = await file.read(block, 0, BLOCK, position);
        // Some writers stop right after a member, without the two zero blocks.
        if (bytesRead === 0 && position === fileSize && position > 0)
            break;
        if (bytesRead < BLOCK)
            throw new Error('unexpected end of file');
        const header = parseTarHeader(block);
        if (!header)
            break;
        if (++count > MAX_MEMBERS)
            throw new Error(`more than ${MAX_MEMBERS} members`);
        // A PAX size describes the member it precedes, never another extended header in between.
        const meta = header.type === 'x' || header.type === 'L' || header.type === 'g' || header.type === 'K';
        const size = meta ? header.size : (pending.size ?? header.size);
        const dataStart = position + BLOCK;
        if (dataStart + size > fileSize)
            throw new Error('unexpected end of file');
        position = dataStart + Math.ceil(size / BLOCK) * BLOCK;
        if (header.type === 'x' || header.type === 'L') {
            const content = await readMeta(file, dataStart, size);
            pending =
                header.type === 'x' ? { ...pending, ...parsePax(content) } : { ...pending, path: tar_index_text(content) };
            continue;
        }
        // A global PAX header, or a GNU long link name: nothing about where files are.
        if (header.type === 'g' || header.type === 'K')
            continue;
        const name = canonicalName(pending.path ?? header.name);
        pending = {};
        if (name === undefined || !REGULAR.has(header.type))
            continue;
        if (members.has(name)) {
            throw new errors/* ActionError */.lZ(`${path}: ${JSON.stringify(name).slice(0, 200)} appears twice in the archive: refused`);
        }
        members.set(name, { offset: dataStart, size });
    }
    return members;
}
async function readMeta(file, offset, size) {
    if (size > MAX_META_BYTES)
        throw new Error('an extended header is too large');
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await file.read(buffer, 0, size, offset);
    if (bytesRead < size)
        throw new Error('unexpected end of file');
    return buffer;
}

;// CONCATENATED MODULE: ./src/registry/sources/index.ts






/**
 * Opens `path` as an image to push: an OCI image layout directory, a tar of one, or a `docker save`
 * archive (a tar with manifest.json; docker-save.ts decides how it is delivered).
 * Everything structural is checked here, before anything is sent. The path itself may be anywhere the
 * job can read (RUNNER_TEMP is usual); what it contains is read only inside it. A tar is read in place:
 * its headers are indexed (kilobytes read), and each file is streamed from its offset when it is needed.
 */
async function openImageSource(path, options) {
    let kind;
    try {
        const stats = await (0,promises_.stat)(path);
        if (!stats.isDirectory() && !stats.isFile()) {
            throw new errors/* ActionError */.lZ(`Input "source": ${path} is neither a directory nor a regular file`);
        }
        kind = stats.isDirectory() ? 'directory' : 'file';
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        throw new errors/* ActionError */.lZ(`Input "source": ${path} does not exist`);
    }
    // Nothing is copied or extracted: there is nothing to clean up.
    const dispose = async () => { };
    if (kind === 'directory') {
        return { kind: 'oci-layout', ...(await readOciLayout(directoryFiles(path), options)), dispose };
    }
    const members = await indexTar(path);
    const isDocker = members.has('manifest.json');
    if (!isDocker && !members.has('oci-layout')) {
        throw new errors/* ActionError */.lZ(`Input "source": ${path} is a tar archive with neither manifest.json (docker save) nor oci-layout (OCI layout)`);
    }
    const files = tarFiles(path, members);
    if (isDocker) {
        return { ...(await readDockerSave(files, options, members.has('index.json'))), dispose };
    }
    return { kind: 'oci-archive', ...(await readOciLayout(files, options)), dispose };
}


/***/ })

};
