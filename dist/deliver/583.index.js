export const id = 583;
export const ids = [583];
export const modules = {

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

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ BlobVerificationError),
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   GI: () => (/* binding */ RequestError),
/* harmony export */   Wm: () => (/* binding */ isRetryableRegistryFailure),
/* harmony export */   XM: () => (/* binding */ pathOf),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   iu: () => (/* binding */ STALLED),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* harmony import */ var _common_connections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4857);

/**
 * What can go wrong talking to a registry, each error naming the request (method and path, never the
 * query: upload URLs carry state) and, once retries are over, how many attempts were made.
 */
/** Anything the transport raises for one request; `attempts` is set when the retry layer gives up. */
class RequestError extends Error {
    method;
    url;
    detail;
    attempts = 1;
    /** The blob an upload was for, when it was one. */
    blob;
    constructor(method, url, detail) {
        super(detail);
        this.method = method;
        this.url = url;
        this.detail = detail;
    }
    /** Retries are over: the message says after how many, and which blob it was for. */
    gaveUp(attempts, blob) {
        this.attempts = attempts;
        this.blob = blob ?? this.blob;
        this.message = this.describe();
        return this;
    }
    describe() {
        const tries = this.attempts > 1 ? `, after ${this.attempts} attempts` : '';
        const blob = this.blob ? `, uploading blob ${this.blob}` : '';
        return `${this.detail} (${this.method} ${pathOf(this.url)}${blob}${tries})`;
    }
}
/** An error answer, with the first entry of its `{"errors":[…]}` body when it has one. */
class RegistryError extends RequestError {
    status;
    code;
    retryAfterMs;
    constructor(status, code, detail, url, retryAfterMs, method = 'GET') {
        super(method, url, `${code ? `${code}: ` : ''}${detail}`);
        this.status = status;
        this.code = code;
        this.retryAfterMs = retryAfterMs;
        this.name = 'RegistryError';
        this.message = this.describe();
    }
    describe() {
        const tries = this.attempts > 1 ? `, after ${this.attempts} attempts` : '';
        const blob = this.blob ? `, uploading blob ${this.blob}` : '';
        return `${this.detail} (HTTP ${this.status} from ${this.method} ${originAndPath(this.url)}${blob}${tries})`;
    }
}
/** The connection failed, stalled or was cut: no answer came. `code` is the socket's error code. */
class NetworkError extends RequestError {
    code;
    constructor(method, url, code, reason, options) {
        super(method, url, reason);
        this.code = code;
        this.name = 'NetworkError';
        if (options?.cause !== undefined)
            this.cause = options.cause;
        this.message = this.describe();
    }
}
/** Our own code for a request during which no byte moved for the stall timeout. */
const STALLED = 'ESTALLED';
/** Local bytes that do not match the digest they are stored under: the image on disk is broken. */
class BlobVerificationError extends Error {
    digest;
    actual;
    size;
    constructor(digest, actual, size) {
        super(`blob ${digest} (${size} bytes) is corrupt: its bytes give ${actual}`);
        this.digest = digest;
        this.actual = actual;
        this.size = size;
        this.name = 'BlobVerificationError';
    }
}
/** Path only: upload URLs can carry signed or stateful query strings. */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.split('?')[0] ?? url;
    }
}
function originAndPath(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return pathOf(url);
    }
}
/** Retry-After as seconds or an HTTP date, in ms. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    _common_connections_js__WEBPACK_IMPORTED_MODULE_0__/* .PROXY_UNAVAILABLE */ .M2,
    STALLED
]);
/** 408/429/5xx answers and dropped or stalled connections are worth another try; everything else is final. */
function isRetryableRegistryFailure(error) {
    if (error instanceof RegistryError)
        return RETRYABLE_STATUS.has(error.status);
    if (error instanceof NetworkError)
        return RETRYABLE_NETWORK.has(error.code);
    // Duck-typed for errors that come from elsewhere (another realm, a library).
    if (typeof error !== 'object' || error === null)
        return false;
    const failure = error;
    return RETRYABLE_NETWORK.has(failure.cause?.code ?? failure.code ?? '');
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ Manifests),
/* harmony export */   Z: () => (/* binding */ MAX_MANIFEST_BYTES)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2308);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5035);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9867);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(143);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9310);







/** ECR's limit for a manifest; a registry sending more is not sending a manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** `/v2/<repository>/manifests/<reference>`, after checking both against the reference grammar. */
/** Manifests: read by tag or digest (every manifest type accepted, so ECR converts nothing), and put. */
class Manifests {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** The digest a tag or digest resolves to, read from Docker-Content-Digest; undefined when absent. */
    async resolveDigest(repository, reference) {
        const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestPath */ .ji)(repository, reference);
        const response = await this.transport.request({ method: 'HEAD', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .ACCEPT_ALL_MANIFESTS */ .Q5 } }, [200, 404]);
        response.discard();
        if (response.status === 404)
            return undefined;
        const digest = response.headers.get('docker-content-digest');
        if ((0,_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .isDigest */ .Bc)(digest))
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
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Like get, but a missing manifest is a RegistryError carrying the registry's own message. */
    async require(repository, reference) {
        const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestPath */ .ji)(repository, reference);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .ACCEPT_ALL_MANIFESTS */ .Q5 } }, [200]);
            const bytes = await response.bytes(MAX_MANIFEST_BYTES);
            const invalid = (detail, code = 'MANIFEST_INVALID') => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(200, code, detail, response.url, undefined, 'GET');
            const digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .s)(bytes);
            if ((0,_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .isDigest */ .Bc)(reference) && digest !== reference) {
                throw invalid(`manifest bytes hash to ${digest}, not ${reference}`, 'DIGEST_INVALID');
            }
            let manifest;
            try {
                manifest = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes.toString('utf8'));
            }
            catch (error) {
                throw invalid(`the manifest ${error.message}`);
            }
            if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
                throw invalid('the manifest is not a JSON object');
            }
            const mediaType = manifest.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim();
            if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isManifestMediaType */ .CM)(mediaType)) {
                throw invalid(`unsupported manifest media type ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(mediaType, 120)}`);
            }
            return { digest, mediaType, bytes, manifest };
        });
    }
    /** Puts manifest bytes under a tag or digest; the registry's digest must equal the hash of the bytes sent. */
    async put(repository, reference, bytes, mediaType) {
        return (await this.putSaying(repository, reference, bytes, mediaType)).digest;
    }
    /**
     * Like put, and what the registry said of the manifest's subject: the `OCI-Subject` header a registry
     * with the referrers API answers a manifest with a subject with (OCI distribution 1.1).
     */
    async putSaying(repository, reference, bytes, mediaType) {
        if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isManifestMediaType */ .CM)(mediaType))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`not a manifest media type: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(mediaType)}`);
        const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestPath */ .ji)(repository, reference);
        const expected = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .s)(bytes);
        const response = await this.transport.request({ method: 'PUT', url: path, headers: { 'Content-Type': mediaType }, body: bytes }, [201]);
        response.discard();
        const returned = response.headers.get('docker-content-digest');
        if (returned && returned !== expected) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(response.status, 'DIGEST_INVALID', `registry stored the manifest as ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .isDigest */ .Bc)(returned) ? returned : (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(returned, 90)}, but the bytes sent hash to ${expected}`, response.url, undefined, 'PUT');
        }
        const subject = response.headers.get('oci-subject');
        return { digest: expected, ...((0,_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .isDigest */ .Bc)(subject) ? { subject } : {}) };
    }
    /**
     * The referrers API's list for a subject (an OCI index's descriptors); undefined where the registry has no
     * referrers API (404), which is when clients keep the tag schema instead.
     */
    async referrers(repository, subject) {
        const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .referrersPath */ .Ck)(repository, subject);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.ociIndex } }, [200, 404]);
            if (response.status === 404) {
                response.discard();
                return undefined;
            }
            const index = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)((await response.bytes(MAX_MANIFEST_BYTES)).toString('utf8'));
            return Array.isArray(index?.manifests) ? index.manifests : [];
        });
    }
}


/***/ }),

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ referrersPath),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   VL: () => (/* binding */ withQuery),
/* harmony export */   hD: () => (/* binding */ locationOf),
/* harmony export */   ji: () => (/* binding */ manifestPath),
/* harmony export */   nD: () => (/* binding */ blobPath)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9310);



/** The registry API's paths, checked before any request is made; upload Locations kept on the registry. */
function manifestPath(repository, reference) {
    return `${repositoryPath(repository)}/manifests/${checkReference(reference)}`;
}
/** `/v2/<repository>/referrers/<digest>`: the OCI 1.1 referrers API. */
function referrersPath(repository, digest) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(digest))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`not a digest: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(digest)}`);
    return `${repositoryPath(repository)}/referrers/${digest}`;
}
function repositoryPath(repository) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isRepositoryPath */ .og)(repository))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`not a repository name: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(repository)}`);
    return `/v2/${repository}`;
}
function checkReference(reference) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestReference */ .PR)(reference))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`not a tag or digest: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(reference)}`);
    return reference;
}
function blobPath(repository, digest) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(digest))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`not a digest: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(digest)}`);
    return `${repositoryPath(repository)}/blobs/${digest}`;
}
/**
 * Location, resolved against the request URL: it may be relative and may carry a query to keep. It must
 * stay on the registry's origin: an upload session elsewhere would get the registry's credentials.
 */
function locationOf(response) {
    const location = response.headers.get('location');
    const fail = (detail) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(response.status, undefined, detail, response.url, undefined, response.method);
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


/***/ }),

/***/ 3583:
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
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/manifests.ts
var manifests = __webpack_require__(1);
// EXTERNAL MODULE: ./src/registry/sources/types.ts
var types = __webpack_require__(3959);
;// CONCATENATED MODULE: ./src/registry/sources/oci-layout.ts







/** Small files of a layout read whole. */
const MAX_MARKER_BYTES = 64 * 1024;
/**
 * Reads an OCI image layout (oci-layout, index.json, blobs/sha256/…). Every manifest is read and its
 * digest checked now; every config and layer must exist with its declared size. Layer bytes are hashed
 * while they are uploaded (a mismatch fails the push before any manifest is put). Media types, digests
 * and sizes are checked before they are used or printed.
 */
async function readOciLayout(files) {
    const label = files.label;
    await checkLayoutMarker(files);
    const index = await readJson(files, 'index.json', manifests/* MAX_MANIFEST_BYTES */.Z);
    const entries = Array.isArray(index?.manifests) ? index.manifests : [];
    if (entries.length === 0)
        throw new errors/* ActionError */.lZ(`${label}: index.json lists no image`);
    const descriptors = entries.map(entry => checkDescriptor(label, entry, 'index.json entry'));
    const reader = new LayoutReader(files);
    let top;
    if (descriptors.length === 1) {
        top = await reader.manifest(descriptors[0]);
    }
    else if (descriptors.every(entry => (0,types/* platformOf */.t)(entry.platform))) {
        // Several platform images listed straight in index.json (as ko writes it): push an index of them.
        const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: descriptors }, null, 2));
        top = { digest: (0,digest/* sha256Digest */.s)(bytes), mediaType: media_types/* MediaType */.zu.ociIndex, bytes };
    }
    else {
        const names = descriptors.map(e => e.annotations?.['org.opencontainers.image.ref.name'] ?? e.digest);
        throw new errors/* ActionError */.lZ(`${label}: index.json lists ${descriptors.length} images (${names.map(n => (0,errors/* quote */.hD)(n, 80)).join(', ')}); keep one`);
    }
    await reader.walk(top);
    return { blobs: [...reader.blobs.values()], children: reader.children, top };
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
/** A descriptor with a well-formed media type, a sha256 digest and a whole, non-negative size. */
function checkDescriptor(label, value, what) {
    const d = value;
    if (!d || typeof d !== 'object')
        throw new errors/* ActionError */.lZ(`${label}: a ${what} is not a descriptor`);
    if (!(0,reference/* isDigest */.Bc)(d.digest)) {
        throw new errors/* ActionError */.lZ(`${label}: a ${what} has an unsupported digest ${(0,errors/* quote */.hD)(d.digest ?? null, 100)}`);
    }
    if (!(0,media_types/* isMediaType */.LA)(d.mediaType)) {
        throw new errors/* ActionError */.lZ(`${label}: ${what} ${d.digest} has an invalid media type ${(0,errors/* quote */.hD)(d.mediaType ?? null, 120)}`);
    }
    if (!Number.isSafeInteger(d.size) || d.size < 0) {
        throw new errors/* ActionError */.lZ(`${label}: ${what} ${d.digest} has an invalid size`);
    }
    return d;
}
class LayoutReader {
    files;
    blobs = new Map();
    children = [];
    seen = new Set();
    constructor(files) {
        this.files = files;
    }
    /** Reads a manifest blob, checks its bytes against the descriptor and its media type against the known set. */
    async manifest(descriptor) {
        if (descriptor.size > manifests/* MAX_MANIFEST_BYTES */.Z) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: manifest ${descriptor.digest} is larger than ${manifests/* MAX_MANIFEST_BYTES */.Z} bytes`);
        }
        const bytes = await this.readBlob(descriptor);
        let parsed;
        try {
            parsed = (0,json/* parseJson */.qF)(bytes.toString('utf8'));
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: manifest ${descriptor.digest} ${error.message}`);
        }
        const mediaType = parsed?.mediaType ?? descriptor.mediaType;
        if (!(0,media_types/* isManifestMediaType */.CM)(mediaType)) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: manifest ${descriptor.digest} has media type ${(0,errors/* quote */.hD)(mediaType, 120)}, ` +
                'which is not an image manifest or index');
        }
        return { digest: descriptor.digest, mediaType, bytes, platform: (0,types/* platformOf */.t)(descriptor.platform) };
    }
    /** Visits everything a manifest refers to: children of an index first, then configs and layers. */
    async walk(node) {
        if (this.seen.has(node.digest))
            return;
        this.seen.add(node.digest);
        const manifest = (0,json/* parseJson */.qF)(node.bytes.toString('utf8'));
        if ((0,media_types/* isIndex */.nw)(manifest)) {
            for (const entry of manifest.manifests) {
                const child = checkDescriptor(this.files.label, entry, `child of ${node.digest}`);
                const childManifest = await this.manifest(child);
                await this.walk(childManifest);
                if (!this.children.some(c => c.digest === child.digest))
                    this.children.push(childManifest);
            }
            return;
        }
        if (!manifest.config || !Array.isArray(manifest.layers)) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: manifest ${node.digest} is neither an image manifest nor an index`);
        }
        for (const [i, entry] of [manifest.config, ...manifest.layers].entries()) {
            await this.addBlob(checkDescriptor(this.files.label, entry, i === 0 ? 'config' : 'layer'));
        }
    }
    async addBlob(descriptor) {
        if (this.blobs.has(descriptor.digest))
            return;
        const name = blobName(descriptor.digest);
        const size = await this.sizeOf(descriptor);
        this.blobs.set(descriptor.digest, {
            digest: descriptor.digest,
            size,
            open: (start, end) => this.files.open(name, start, end),
            chunks: (start, end) => this.files.chunks(name, start, end)
        });
    }
    async sizeOf(descriptor) {
        const size = await this.files.size(blobName(descriptor.digest));
        if (size === undefined) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: blob ${descriptor.digest} is missing (blobs/sha256/…)`);
        }
        if (size !== descriptor.size) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: blob ${descriptor.digest} has ${size} bytes, but its descriptor says ${descriptor.size}`);
        }
        return size;
    }
    async readBlob(descriptor) {
        await this.sizeOf(descriptor);
        const bytes = await this.files.read(blobName(descriptor.digest), descriptor.size);
        const actual = (0,digest/* sha256Digest */.s)(bytes);
        if (actual !== descriptor.digest) {
            throw new errors/* ActionError */.lZ(`${this.files.label}: blob ${descriptor.digest} is corrupt: its bytes give ${actual}`);
        }
        return bytes;
    }
}
function blobName(digest) {
    return `blobs/sha256/${digest.slice('sha256:'.length)}`;
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
;// CONCATENATED MODULE: ./src/registry/sources/gzip.ts


const deflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const DEFAULT_BLOCK_SIZE = 1024 * 1024;
const DEFAULT_IN_FLIGHT = 4;
const WINDOW = 32 * 1024;
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
    for await (const block of blocksOf(input, blockSize)) {
        crc = (0,external_node_zlib_.crc32)(block, crc);
        length += block.length;
        const job = deflateRaw(block, {
            level: options.level,
            finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH,
            // Output buffers in few pieces (the default 16 KiB makes a round trip to JS per 16 KiB), sized to
            // what the level gives: stored blocks come out a little larger, deflated ones far smaller.
            chunkSize: options.level === 0 ? blockSize + 64 * 1024 : blockSize / 2,
            ...(dictionary && options.level > 0 ? { dictionary } : {})
        });
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
/** The input in blocks of exactly `size` bytes, the last one shorter (none for an empty input). */
async function* blocksOf(input, size) {
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
            const hashed = (async function* () {
                for await (const chunk of files.open(name)) {
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
 * archive (a tar with manifest.json; docker 25+ archives carry both, and manifest.json decides).
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
        return { kind: 'oci-layout', ...(await readOciLayout(directoryFiles(path))), dispose };
    }
    const members = await indexTar(path);
    const isDocker = members.has('manifest.json');
    if (!isDocker && !members.has('oci-layout')) {
        throw new errors/* ActionError */.lZ(`Input "source": ${path} is a tar archive with neither manifest.json (docker save) nor oci-layout (OCI layout)`);
    }
    const files = tarFiles(path, members);
    if (isDocker)
        return { kind: 'docker-archive', ...(await readDockerArchive(files, options)), dispose };
    return { kind: 'oci-archive', ...(await readOciLayout(files)), dispose };
}


/***/ })

};
