export const id = 472;
export const ids = [472];
export const modules = {

/***/ 3472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RegistryClient: () => (/* binding */ RegistryClient)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/manifests.ts
var manifests = __webpack_require__(1);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/verified-stream.ts


/**
 * A blob's bytes for an upload body, hashed and counted on the way. A whole-blob stream that does not
 * hash to its digest, or a range that is short, ends with a BlobVerificationError instead of its last
 * chunk, so the registry never completes the upload. For a chunked upload, `range.hash` carries on
 * across the chunks and the caller checks the digest at the end.
 */
async function* verifiedStream(blob, counter, range) {
    const hash = range?.hash ?? (0,external_node_crypto_.createHash)('sha256');
    let seen = 0;
    const read = blob.chunks ?? blob.open;
    for await (const chunk of range ? read(range.start, range.end) : read()) {
        const data = chunk;
        hash.update(data);
        seen += data.length;
        counter.bytesSent += data.length;
        yield data;
    }
    const expectedLength = range ? range.end - range.start + 1 : blob.size;
    if (seen !== expectedLength)
        throw new errors/* BlobVerificationError */.BW(blob.digest, `${seen} bytes`, blob.size);
    if (!range) {
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== blob.digest)
            throw new errors/* BlobVerificationError */.BW(blob.digest, actual, blob.size);
    }
}

;// CONCATENATED MODULE: ./src/registry/blobs.ts






/** Bytes per PATCH for a registry that refuses monolithic uploads; ECR rejects parts under 5 MiB but the last. */
const CHUNK_SIZE = 16 * 1024 * 1024;
/** Monolithic uploads refused with these statuses are retried in chunks. */
const MONOLITHIC_REFUSED = new Set([405, 413, 501]);
/**
 * Blob uploads, the way the distribution spec lays them out: HEAD (present: nothing sent), then a
 * cross-repository mount when asked, else a session (POST) and one streamed monolithic PUT; a registry
 * that refuses that gets the blob in chunks. A failed attempt restarts with a new session: the whole
 * upload is one operation of the transport's retry layer.
 */
class BlobUploader {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    async exists(repository, digest, signal) {
        const response = await this.transport.request({ method: 'HEAD', url: blobPath(repository, digest), signal }, [200, 404]);
        response.discard();
        return response.status === 200;
    }
    /** A small blob (a config) read whole, its bytes checked against the digest; undefined when absent. */
    async read(repository, digest, maxBytes, signal) {
        const path = blobPath(repository, digest);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.sendFollowingRedirects({ method: 'GET', url: path, signal }, [200, 404]);
            if (response.status === 404) {
                response.discard();
                return undefined;
            }
            const bytes = await response.bytes(maxBytes);
            const actual = (0,registry_digest/* sha256Digest */.s)(bytes);
            if (actual !== digest)
                throw new errors/* BlobVerificationError */.BW(digest, actual, bytes.length);
            return bytes;
        }, { signal });
    }
    /**
     * A blob's bytes [start, end] (inclusive; all without a range) as they arrive, for a copy into another
     * registry: redirects followed, no retry of its own (the upload it feeds is the operation retried), the
     * length checked by whoever hashes them (verifiedStream).
     */
    async *stream(repository, digest, range, signal) {
        const headers = range ? { Range: `bytes=${range.start}-${range.end}` } : {};
        const response = await this.transport.sendFollowingRedirects({ method: 'GET', url: blobPath(repository, digest), headers, signal }, range ? [200, 206] : [200]);
        if (!range || response.status === 206) {
            yield* response.chunks();
            return;
        }
        // A source that ignores Range sends the whole blob: pass on only the bytes asked for.
        let offset = 0;
        for await (const chunk of response.chunks()) {
            const from = Math.max(range.start - offset, 0);
            const to = Math.min(range.end + 1 - offset, chunk.length);
            if (from < to)
                yield chunk.subarray(from, to);
            offset += chunk.length;
            if (offset > range.end)
                break;
        }
    }
    /**
     * Uploads bytes whose digest is known only once they have all passed (a layer compressed on the way):
     * one session, one streamed PATCH, then `PUT ?digest=` with the digest they hashed to. A stream that
     * fails (its source proved corrupt) never gets the PUT, so the registry never commits it. A failed
     * attempt starts again from fresh bytes, in a new session.
     */
    async pushStream(repository, what, produce, options = {}) {
        // Counted over every attempt, as for any upload.
        const sent = { bytes: 0 };
        const upload = async () => {
            const started = await this.startUpload(repository, undefined, options);
            if (started.mounted)
                throw new Error('an upload session was answered as a mount');
            const hash = (0,external_node_crypto_.createHash)('sha256');
            let size = 0;
            const body = (async function* () {
                for await (const chunk of produce()) {
                    hash.update(chunk);
                    size += chunk.length;
                    sent.bytes += chunk.length;
                    yield chunk;
                }
            })();
            const patched = await this.transport.send({
                method: 'PATCH',
                url: started.location,
                headers: { 'Content-Type': 'application/octet-stream' },
                body,
                signal: options.signal
            }, [201, 202, 204]);
            patched.discard();
            const digest = `sha256:${hash.digest('hex')}`;
            const committed = await this.transport.send({
                method: 'PUT',
                url: withQuery(locationOf(patched), { digest }),
                headers: { 'Content-Length': '0' },
                signal: options.signal
            }, [201]);
            committed.discard();
            return { digest, size };
        };
        const { digest, size } = await this.transport.retrying(`upload of ${what}`, upload, {
            signal: options.signal
        });
        return { digest, size, outcome: 'uploaded', bytesSent: sent.bytes };
    }
    /** Makes sure the registry has the blob; bytes that do not hash to the digest fail without retry. */
    async push(repository, blob, options = {}) {
        const result = { digest: blob.digest, size: blob.size, outcome: 'uploaded', bytesSent: 0 };
        if (await this.exists(repository, blob.digest, options.signal))
            return { ...result, outcome: 'present' };
        const upload = async () => {
            const started = await this.startUpload(repository, options.mountFrom && blob.digest, options);
            if (started.mounted)
                return { ...result, outcome: 'mounted' };
            try {
                await this.uploadMonolithic(started.location, blob, result, options.signal);
            }
            catch (error) {
                if (!(error instanceof errors/* RegistryError */.gl && MONOLITHIC_REFUSED.has(error.status)))
                    throw error;
                const session = await this.startUpload(repository, undefined, options);
                if (session.mounted)
                    return { ...result, outcome: 'mounted' };
                await this.uploadChunked(session.location, blob, result, options.signal);
            }
            return result;
        };
        return this.transport.retrying(`upload of blob ${blob.digest}`, upload, {
            signal: options.signal,
            blob: blob.digest
        });
    }
    /** POST an upload session, or a mount (`mount` is the digest to mount from `options.mountFrom`). */
    async startUpload(repository, mount, options) {
        const from = mount && options.mountFrom;
        if (from && !(0,reference/* isRepositoryPath */.og)(from))
            throw new Error(`not a repository name: ${JSON.stringify(from)}`);
        const query = from ? `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(from)}` : '';
        const response = await this.transport.send({
            method: 'POST',
            url: `${(0,manifests/* repositoryPath */.SH)(repository)}/blobs/uploads/${query}`,
            headers: { 'Content-Length': '0' },
            signal: options.signal
        }, [201, 202]);
        response.discard();
        if (response.status === 201 && from)
            return { mounted: true };
        return { mounted: false, location: locationOf(response) };
    }
    async uploadMonolithic(location, blob, result, signal) {
        const response = await this.transport.send({
            method: 'PUT',
            url: withQuery(location, { digest: blob.digest }),
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) },
            body: verifiedStream(blob, result),
            signal
        }, [201]);
        response.discard();
    }
    /**
     * PATCH in chunks of CHUNK_SIZE, tracking the offset ourselves (ECR's Range header stops advancing)
     * and taking 201 as well as 202 (ECR answers 201), then PUT ?digest= to close the session.
     */
    async uploadChunked(location, blob, result, signal) {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let url = location;
        for (let offset = 0; offset < blob.size; offset += CHUNK_SIZE) {
            const end = Math.min(blob.size, offset + CHUNK_SIZE) - 1;
            const response = await this.transport.send({
                method: 'PATCH',
                url,
                headers: {
                    'Content-Type': 'application/octet-stream',
                    'Content-Length': String(end - offset + 1),
                    'Content-Range': `${offset}-${end}`
                },
                body: verifiedStream(blob, result, { start: offset, end, hash }),
                signal
            }, [201, 202]);
            response.discard();
            url = locationOf(response);
        }
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== blob.digest)
            throw new errors/* BlobVerificationError */.BW(blob.digest, actual, blob.size);
        const response = await this.transport.send({
            method: 'PUT',
            url: withQuery(url, { digest: blob.digest }),
            headers: { 'Content-Length': '0' },
            signal
        }, [201]);
        response.discard();
    }
}
function blobPath(repository, digest) {
    if (!(0,reference/* isDigest */.Bc)(digest))
        throw new Error(`not a digest: ${JSON.stringify(digest)}`);
    return `${(0,manifests/* repositoryPath */.SH)(repository)}/blobs/${digest}`;
}
/**
 * Location, resolved against the request URL: it may be relative and may carry a query to keep. It must
 * stay on the registry's origin: an upload session elsewhere would get the registry's credentials.
 */
function locationOf(response) {
    const location = response.headers.get('location');
    const fail = (detail) => new errors/* RegistryError */.gl(response.status, undefined, detail, response.url, undefined, response.method);
    if (!location)
        throw fail('upload answer has no Location');
    const resolved = new URL(location, response.url);
    if (resolved.origin !== new URL(response.url).origin) {
        throw fail(`upload Location points to another host (${resolved.host}): refused`);
    }
    return resolved.toString();
}
function withQuery(url, params) {
    const parsed = new URL(url);
    for (const [name, value] of Object.entries(params))
        parsed.searchParams.set(name, value);
    return parsed.toString();
}

// EXTERNAL MODULE: ./src/registry/transport.ts + 3 modules
var transport = __webpack_require__(3203);
;// CONCATENATED MODULE: ./src/registry/client.ts




/**
 * An OCI distribution client, in layers as go-containerregistry lays it out: the transport (credentials,
 * user agent, timeouts, the one retry layer), manifests, and blob uploads. ECR answers
 * `WWW-Authenticate: Basic` and takes its authorization token directly; other registries that challenge
 * with Bearer get the token exchange.
 */
class RegistryClient {
    transport;
    manifests;
    blobs;
    constructor(options) {
        this.transport = new transport/* Transport */.oK(options);
        this.manifests = new manifests/* Manifests */.H9(this.transport);
        this.blobs = new BlobUploader(this.transport);
    }
    get endpoint() {
        return this.transport.endpoint;
    }
    resolveManifestDigest(repository, reference) {
        return this.manifests.resolveDigest(repository, reference);
    }
    getManifest(repository, reference) {
        return this.manifests.get(repository, reference);
    }
    requireManifest(repository, reference) {
        return this.manifests.require(repository, reference);
    }
    putManifest(repository, reference, bytes, mediaType) {
        return this.manifests.put(repository, reference, bytes, mediaType);
    }
    blobExists(repository, digest) {
        return this.blobs.exists(repository, digest);
    }
    pushBlob(repository, blob, options) {
        return this.blobs.push(repository, blob, options);
    }
    /** Uploads bytes whose digest is known only at their end (a layer compressed on the way). */
    pushStream(repository, what, produce, options) {
        return this.blobs.pushStream(repository, what, produce, options);
    }
    /** A small blob read whole and checked against its digest; undefined when the registry has none. */
    readBlob(repository, digest, maxBytes) {
        return this.blobs.read(repository, digest, maxBytes);
    }
    /**
     * A blob of this registry as the source of an upload to another (a registry-to-registry copy): read as
     * it is sent, hashed on the way by the uploader, so nothing is held in memory or on disk.
     */
    remoteBlob(repository, blob) {
        const chunks = (start, end) => this.blobs.stream(repository, blob.digest, start === undefined ? undefined : { start, end: end ?? blob.size - 1 });
        return {
            digest: blob.digest,
            size: blob.size,
            chunks,
            open: (start, end) => external_node_stream_.Readable.from(chunks(start, end))
        };
    }
    /** Runs `operation` as one operation of the retry layer (e.g. a poll whose every try is one request). */
    retrying(what, operation, options) {
        return this.transport.retrying(what, operation, options);
    }
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ Manifests),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES)
/* harmony export */ });
/* unused harmony export manifestPath */
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2308);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5035);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9867);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);





/** ECR's limit for a manifest; a registry sending more is not sending a manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** `/v2/<repository>/manifests/<reference>`, after checking both against the reference grammar. */
function manifestPath(repository, reference) {
    return `${repositoryPath(repository)}/manifests/${checkReference(reference)}`;
}
function repositoryPath(repository) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isRepositoryPath */ .og)(repository))
        throw new Error(`not a repository name: ${JSON.stringify(repository)}`);
    return `/v2/${repository}`;
}
function checkReference(reference) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isManifestReference */ .PR)(reference))
        throw new Error(`not a tag or digest: ${JSON.stringify(reference)}`);
    return reference;
}
/** Manifests: read by tag or digest (every manifest type accepted, so ECR converts nothing), and put. */
class Manifests {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** The digest a tag or digest resolves to, read from Docker-Content-Digest; undefined when absent. */
    async resolveDigest(repository, reference) {
        const path = manifestPath(repository, reference);
        const response = await this.transport.request({ method: 'HEAD', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCEPT_ALL_MANIFESTS */ .Q5 } }, [200, 404]);
        response.discard();
        if (response.status === 404)
            return undefined;
        const digest = response.headers.get('docker-content-digest');
        if ((0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(digest))
            return digest;
        // A registry that leaves the header out: read the bytes and hash them.
        return (await this.get(repository, reference))?.digest;
    }
    /** The manifest as stored, verified against its digest when fetched by digest; undefined when absent. */
    async get(repository, reference) {
        try {
            return await this.require(repository, reference);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Like get, but a missing manifest is a RegistryError carrying the registry's own message. */
    async require(repository, reference) {
        const path = manifestPath(repository, reference);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCEPT_ALL_MANIFESTS */ .Q5 } }, [200]);
            const bytes = await response.bytes(MAX_MANIFEST_BYTES);
            const invalid = (detail, code = 'MANIFEST_INVALID') => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl(200, code, detail, response.url, undefined, 'GET');
            const digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Digest */ .s)(bytes);
            if ((0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(reference) && digest !== reference) {
                throw invalid(`manifest bytes hash to ${digest}, not ${reference}`, 'DIGEST_INVALID');
            }
            let manifest;
            try {
                manifest = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(bytes.toString('utf8'));
            }
            catch (error) {
                throw invalid(`the manifest ${error.message}`);
            }
            if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
                throw invalid('the manifest is not a JSON object');
            }
            const mediaType = manifest.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim();
            if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .isManifestMediaType */ .CM)(mediaType)) {
                throw invalid(`unsupported manifest media type ${JSON.stringify(String(mediaType)).slice(0, 120)}`);
            }
            return { digest, mediaType, bytes, manifest };
        });
    }
    /** Puts manifest bytes under a tag or digest; the registry's digest must equal the hash of the bytes sent. */
    async put(repository, reference, bytes, mediaType) {
        if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .isManifestMediaType */ .CM)(mediaType))
            throw new Error(`not a manifest media type: ${JSON.stringify(mediaType)}`);
        const path = manifestPath(repository, reference);
        const expected = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Digest */ .s)(bytes);
        const response = await this.transport.request({ method: 'PUT', url: path, headers: { 'Content-Type': mediaType }, body: bytes }, [201]);
        response.discard();
        const returned = response.headers.get('docker-content-digest');
        if (returned && returned !== expected) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl(response.status, 'DIGEST_INVALID', `registry stored the manifest as ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(returned) ? returned : JSON.stringify(returned).slice(0, 90)}, but the bytes sent hash to ${expected}`, response.url, undefined, 'PUT');
        }
        return expected;
    }
}


/***/ })

};
