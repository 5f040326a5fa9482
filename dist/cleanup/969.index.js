export const id = 969;
export const ids = [969];
export const modules = {

/***/ 4969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RegistryClient: () => (/* binding */ RegistryClient)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/registry/digest.ts

function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/registry/handed-over.ts
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

// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/registry/paths.ts



/** The registry API's paths, checked before any request is made; upload Locations kept on the registry. */
function manifestPath(repository, reference) {
    return `${repositoryPath(repository)}/manifests/${checkReference(reference)}`;
}
/** `/v2/<repository>/referrers/<digest>`: the OCI 1.1 referrers API. */
function referrersPath(repository, digest) {
    if (!(0,registry_reference/* isDigest */.Bc)(digest))
        throw new errors/* ActionError */.lZ(`not a digest: ${(0,errors/* quote */.hD)(digest)}`);
    return `${repositoryPath(repository)}/referrers/${digest}`;
}
function repositoryPath(repository) {
    if (!(0,registry_reference/* isRepositoryPath */.og)(repository))
        throw new errors/* ActionError */.lZ(`not a repository name: ${(0,errors/* quote */.hD)(repository)}`);
    return `/v2/${repository}`;
}
function checkReference(reference) {
    if (!(0,registry_reference/* isManifestReference */.PR)(reference))
        throw new errors/* ActionError */.lZ(`not a tag or digest: ${(0,errors/* quote */.hD)(reference)}`);
    return reference;
}
function blobPath(repository, digest) {
    if (!(0,registry_reference/* isDigest */.Bc)(digest))
        throw new errors/* ActionError */.lZ(`not a digest: ${(0,errors/* quote */.hD)(digest)}`);
    return `${repositoryPath(repository)}/blobs/${digest}`;
}
/**
 * Location, resolved against the request URL: it may be relative and may carry a query to keep. It must
 * stay on the registry's origin: an upload session elsewhere would get the registry's credentials.
 */
function locationOf(response) {
    const location = response.headers.get('location');
    const fail = (detail) => new registry_errors/* RegistryError */.gl(response.status, undefined, detail, response.url, undefined, response.method);
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
        throw new registry_errors/* BlobVerificationError */.BW(blob.digest, `${seen} bytes`, blob.size);
    if (!range) {
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== blob.digest)
            throw new registry_errors/* BlobVerificationError */.BW(blob.digest, actual, blob.size);
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
            const actual = sha256Digest(bytes);
            if (actual !== digest)
                throw new registry_errors/* BlobVerificationError */.BW(digest, actual, bytes.length);
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
                throw new errors/* ActionError */.lZ('an upload session was answered as a mount');
            const hash = (0,external_node_crypto_.createHash)('sha256');
            let size = 0;
            const body = (async function* () {
                for await (const chunk of produce()) {
                    hash.update(chunk);
                    size += chunk.length;
                    sent.bytes += chunk.length;
                    yield chunk;
                    // Asked for the next one: the socket has this one (http.ts, writeBody). Its memory goes now.
                    release(chunk);
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
                if (!(error instanceof registry_errors/* RegistryError */.gl && MONOLITHIC_REFUSED.has(error.status)))
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
        if (from && !(0,registry_reference/* isRepositoryPath */.og)(from))
            throw new errors/* ActionError */.lZ(`not a repository name: ${(0,errors/* quote */.hD)(from)}`);
        const query = from ? `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(from)}` : '';
        const response = await this.transport.send({
            method: 'POST',
            url: `${repositoryPath(repository)}/blobs/uploads/${query}`,
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
            throw new registry_errors/* BlobVerificationError */.BW(blob.digest, actual, blob.size);
        const response = await this.transport.send({
            method: 'PUT',
            url: withQuery(url, { digest: blob.digest }),
            headers: { 'Content-Length': '0' },
            signal
        }, [201]);
        response.discard();
    }
}

// EXTERNAL MODULE: ./src/common/files.ts
var files = __webpack_require__(8994);
;// CONCATENATED MODULE: ./src/common/json.ts


/** Deeper nesting than any policy or manifest needs; deep enough nesting overflows recursive code. */
const MAX_JSON_DEPTH = 64;
/**
 * Parses JSON, or fails with a message that says where but never quotes the text (V8's own messages
 * quote it, and the text may come from a file that must not be shown). Nesting is bounded.
 */
function parseJson(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        // No cause attached on purpose: V8's message quotes the text.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`is not valid JSON${whereInvalid(text, error)}`);
    }
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        throw new Error(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    return value;
}
/** Parses an input's JSON, or fails naming the input, the line and the column. */
function parseJsonInput(input, text) {
    try {
        return parseJson(text);
    }
    catch (error) {
        throw new InputError(input, error.message);
    }
}
function whereInvalid(text, error) {
    const message = error instanceof Error ? error.message : '';
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    if (!Number.isNaN(position))
        return ` at ${lineColumn(text, position)}`;
    if (text.trim() === '')
        return ': it is empty';
    const first = text.search(/\S/);
    if (!/["{[\-0-9tfn]/.test(text.charAt(first)))
        return ` at ${lineColumn(text, first)}: it does not start like JSON`;
    return '';
}
function lineColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
/** The nesting depth of a parsed value, counted without recursion and without going past `limit + 1`. */
function jsonDepth(value, limit) {
    let deepest = 0;
    const stack = [[value, 1]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (node === null || typeof node !== 'object')
            continue;
        deepest = Math.max(deepest, depth);
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(node))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/**
 * An input that holds JSON inline (starting with `{` or `[`) or names a file in the workspace (relative,
 * or absolute but inside it; regular files only, at most `maxBytes`); undefined when empty.
 */
function readJsonInput(input, raw, maxBytes) {
    const trimmed = raw.trim();
    if (trimmed === '')
        return undefined;
    let text = trimmed;
    if (!/^[[{]/.test(trimmed)) {
        try {
            text = readFileInside(trimmed, workspaceRoot(), maxBytes).toString('utf8');
        }
        catch (error) {
            if (error instanceof FileReadError) {
                throw new InputError(input, `is neither inline JSON nor a readable file: ${error.message}`);
            }
            throw error;
        }
    }
    return { text, value: parseJsonInput(input, text) };
}
/** Structural equality of parsed JSON, ignoring key order. */
function sameJson(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map(key => [key, canonical(value[key])]));
    }
    return value;
}

// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
;// CONCATENATED MODULE: ./src/registry/manifests.ts







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
        const path = manifestPath(repository, reference);
        const response = await this.transport.request({ method: 'HEAD', url: path, headers: { Accept: media_types/* ACCEPT_ALL_MANIFESTS */.Q5 } }, [200, 404]);
        response.discard();
        if (response.status === 404)
            return undefined;
        const digest = response.headers.get('docker-content-digest');
        if ((0,registry_reference/* isDigest */.Bc)(digest))
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
            if (error instanceof registry_errors/* RegistryError */.gl && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Like get, but a missing manifest is a RegistryError carrying the registry's own message. */
    async require(repository, reference) {
        const path = manifestPath(repository, reference);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: media_types/* ACCEPT_ALL_MANIFESTS */.Q5 } }, [200]);
            const bytes = await response.bytes(MAX_MANIFEST_BYTES);
            const invalid = (detail, code = 'MANIFEST_INVALID') => new registry_errors/* RegistryError */.gl(200, code, detail, response.url, undefined, 'GET');
            const digest = sha256Digest(bytes);
            if ((0,registry_reference/* isDigest */.Bc)(reference) && digest !== reference) {
                throw invalid(`manifest bytes hash to ${digest}, not ${reference}`, 'DIGEST_INVALID');
            }
            let manifest;
            try {
                manifest = parseJson(bytes.toString('utf8'));
            }
            catch (error) {
                throw invalid(`the manifest ${error.message}`);
            }
            if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
                throw invalid('the manifest is not a JSON object');
            }
            const mediaType = manifest.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim();
            if (!(0,media_types/* isManifestMediaType */.CM)(mediaType)) {
                throw invalid(`unsupported manifest media type ${(0,errors/* quote */.hD)(mediaType, 120)}`);
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
        if (!(0,media_types/* isManifestMediaType */.CM)(mediaType))
            throw new errors/* ActionError */.lZ(`not a manifest media type: ${(0,errors/* quote */.hD)(mediaType)}`);
        const path = manifestPath(repository, reference);
        const expected = sha256Digest(bytes);
        const response = await this.transport.request({ method: 'PUT', url: path, headers: { 'Content-Type': mediaType }, body: bytes }, [201]);
        response.discard();
        const returned = response.headers.get('docker-content-digest');
        if (returned && returned !== expected) {
            throw new registry_errors/* RegistryError */.gl(response.status, 'DIGEST_INVALID', `registry stored the manifest as ${(0,registry_reference/* isDigest */.Bc)(returned) ? returned : (0,errors/* quote */.hD)(returned, 90)}, but the bytes sent hash to ${expected}`, response.url, undefined, 'PUT');
        }
        const subject = response.headers.get('oci-subject');
        return { digest: expected, ...((0,registry_reference/* isDigest */.Bc)(subject) ? { subject } : {}) };
    }
    /**
     * The referrers API's list for a subject (an OCI index's descriptors); undefined where the registry has no
     * referrers API (404 as the spec says, 405 as some older registries answer an unknown route), which is
     * when clients keep the tag schema instead.
     */
    async referrers(repository, subject) {
        const path = referrersPath(repository, subject);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: media_types/* MediaType */.zu.ociIndex } }, [200, 404, 405]);
            if (response.status !== 200) {
                response.discard();
                return undefined;
            }
            const index = parseJson((await response.bytes(MAX_MANIFEST_BYTES)).toString('utf8'));
            return Array.isArray(index?.manifests) ? index.manifests : [];
        });
    }
}

// EXTERNAL MODULE: ./src/common/connections.ts + 2 modules
var connections = __webpack_require__(4857);
// EXTERNAL MODULE: ./src/common/version.ts
var version = __webpack_require__(9521);
;// CONCATENATED MODULE: ./src/registry/auth.ts
function parseBearerChallenge(header) {
    if (!header || !/^bearer\s/i.test(header.trim()))
        return undefined;
    const params = {};
    for (const match of header
        .trim()
        .slice(6)
        .matchAll(/([a-zA-Z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
        params[match[1].toLowerCase()] = match[2] ?? match[3] ?? '';
    }
    if (!params.realm)
        return undefined;
    return { realm: params.realm, service: params.service, scope: params.scope };
}
/** Token services that registries other than ECR are known to send their clients to. */
const KNOWN_TOKEN_SERVICES = {
    'registry-1.docker.io': ['auth.docker.io'],
    'registry.gitlab.com': ['gitlab.com']
};
/**
 * Whether the registry's credentials may go to this realm: the registry's own host or a token service
 * it is known to use, over https (http only when the registry itself is plain http, as test registries
 * are). A challenge is the registry's word only; a realm elsewhere gets no credentials.
 */
function trustsRealm(registryEndpoint, realm) {
    const registry = new URL(registryEndpoint);
    const schemeOk = realm.protocol === 'https:' || (realm.protocol === 'http:' && registry.protocol === 'http:');
    if (!schemeOk || realm.username || realm.password)
        return false;
    if (realm.host === registry.host)
        return true;
    return (KNOWN_TOKEN_SERVICES[registry.hostname] ?? []).includes(realm.host);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/registry/http.ts





/** Error documents are read whole, up to this. */
const MAX_ERROR_BODY = 64 * 1024;
/**
 * One HTTP exchange through node:http(s), with the headers given: with backpressure for a streamed body
 * (fetch reads a stream without it), and an idle timeout on the socket that covers the wait for headers as
 * well as the body. A failure of our own bytes is that failure; a failure of the connection is a
 * NetworkError naming the request.
 */
async function sendOnce(request, connection) {
    const target = new URL(request.url);
    const headers = { ...request.headers };
    if (Buffer.isBuffer(request.body))
        headers['Content-Length'] = String(request.body.length);
    if (target.protocol !== 'https:' && target.protocol !== 'http:')
        throw new registry_errors/* NetworkError */.Dr(request.method, request.url, 'EPROTO', `unsupported scheme ${target.protocol}`);
    const send = target.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    const agent = connection.routes.agentFor(target);
    const outgoing = send(target, { method: request.method, headers, agent });
    const failure = (error) => toNetworkError(request.method, request.url, error, connection.stallTimeoutMs);
    outgoing.setTimeout(connection.stallTimeoutMs, () => outgoing.destroy(Object.assign(new Error('stalled'), { code: registry_errors/* STALLED */.iu })));
    const onAbort = () => outgoing.destroy(request.signal?.reason);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    let answer;
    const answered = new Promise((resolve, reject) => {
        outgoing.once('response', message => {
            answer = message;
            resolve(message);
        });
        outgoing.once('error', reject);
    });
    answered.catch(() => { }); // observed below
    try {
        if (request.body === undefined || Buffer.isBuffer(request.body)) {
            outgoing.end(request.body);
        }
        else {
            const source = trackSource(request.body);
            try {
                await writeBody(outgoing, source.iterable);
            }
            catch (error) {
                // Our own bytes failed (a corrupt blob, a read error): that is the error, not the network.
                if (source.failure !== undefined)
                    throw source.failure;
                // A registry may answer (413, 401) and close before reading the whole body: its answer says more.
                if (!answer)
                    throw failure(error);
            }
        }
        const message = await answered.catch(error => {
            throw request.signal?.aborted ? request.signal.reason : failure(error);
        });
        // Only a proxy answers 407 (a tunnel's refusal is a ProxyError already; this is a forward proxy's).
        const proxy = message.statusCode === 407 ? connection.routes.proxyFor(target) : undefined;
        if (proxy)
            throw failure((0,connections/* proxyRefusal */.vd)(proxy, 407, target.host));
        return toResponse(request.method, request.url, message, failure, () => request.signal?.removeEventListener('abort', onAbort));
    }
    catch (error) {
        request.signal?.removeEventListener('abort', onAbort);
        outgoing.destroy();
        if (request.signal?.aborted)
            throw request.signal.reason;
        throw error;
    }
}
/**
 * Writes a streamed body chunk by chunk, each handed to the socket before the next is asked for: that is
 * the backpressure, and it lets a source reuse one buffer for every chunk (flat memory for a blob of any
 * size; see BlobSource.chunks). A connection that fails or closes first ends the wait.
 */
async function writeBody(outgoing, body) {
    const ended = new Promise((_, reject) => {
        outgoing.once('error', reject);
        outgoing.once('close', () => reject(new Error('the connection closed before the body was sent')));
    });
    ended.catch(() => { }); // observed through each race below
    const sent = (chunk) => Promise.race([
        new Promise((resolve, reject) => {
            if (chunk)
                outgoing.write(chunk, error => (error ? reject(error) : resolve()));
            else
                outgoing.end(() => resolve());
        }),
        ended
    ]);
    for await (const chunk of body)
        await sent(chunk);
    await sent();
}
/** The body iterable, noting whether a failure came from it (our bytes) rather than the socket. */
function trackSource(body) {
    const tracked = { iterable: body };
    tracked.iterable = (async function* () {
        try {
            yield* body;
        }
        catch (error) {
            tracked.failure = error;
            throw error;
        }
    })();
    return tracked;
}
function toResponse(method, url, message, failure, done) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(message.headers)) {
        if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    message.once('close', done);
    return {
        status: message.statusCode ?? 0,
        headers,
        url,
        method,
        async bytes(maxBytes) {
            const chunks = [];
            let length = 0;
            try {
                for await (const chunk of message) {
                    length += chunk.length;
                    if (length > maxBytes) {
                        message.destroy();
                        throw new registry_errors/* RegistryError */.gl(message.statusCode ?? 0, 'TOO_LARGE', `the answer is larger than the ${maxBytes} bytes allowed`, url, undefined, method);
                    }
                    chunks.push(chunk);
                }
            }
            catch (error) {
                if (error instanceof registry_errors/* RegistryError */.gl)
                    throw error;
                throw failure(error);
            }
            return Buffer.concat(chunks);
        },
        async *chunks() {
            try {
                for await (const chunk of message)
                    yield chunk;
            }
            catch (error) {
                throw failure(error);
            }
        },
        discard() {
            message.resume();
        }
    };
}
/** An error answer as a RegistryError: the first `{"errors":[…]}` entry, or the start of the text. */
async function registryErrorFrom(response) {
    let code;
    let detail = `HTTP ${response.status}`;
    const text = await response
        .bytes(MAX_ERROR_BODY)
        .then(bytes => bytes.toString('utf8'))
        .catch(() => '');
    try {
        const body = parseJson(text);
        const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
        if (first) {
            code = typeof first.code === 'string' ? first.code.slice(0, 64) : undefined;
            if (typeof first.message === 'string' && first.message)
                detail = first.message.slice(0, 300);
        }
    }
    catch {
        if (text.trim())
            detail = text.trim().slice(0, 300);
    }
    return new registry_errors/* RegistryError */.gl(response.status, code, detail, response.url, (0,registry_errors/* parseRetryAfter */.mu)(response.headers.get('retry-after')), response.method);
}
const NETWORK_REASONS = {
    ECONNRESET: 'the connection was reset',
    ECONNREFUSED: 'the connection was refused',
    EPIPE: 'the registry closed the connection while the request was sent',
    ETIMEDOUT: 'the connection timed out',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be resolved (temporary failure)'
};
function toNetworkError(method, url, error, stallTimeoutMs) {
    if (error instanceof registry_errors/* RequestError */.GI)
        return error;
    // The proxy's own message names it and its variable; the socket's code still decides a retry.
    if (error instanceof connections/* ProxyError */.T6)
        return new registry_errors/* NetworkError */.Dr(method, url, error.code, error.message, { cause: error });
    const code = error?.code ?? 'EUNKNOWN';
    const raw = error instanceof Error ? error.message : String(error);
    const reason = code === registry_errors/* STALLED */.iu
        ? `no byte moved for ${stallTimeoutMs < 1000 ? `${stallTimeoutMs} ms` : `${Math.round(stallTimeoutMs / 1000)} s`}: the request was aborted`
        : `${NETWORK_REASONS[code] ?? raw} (${code})`;
    return new registry_errors/* NetworkError */.Dr(method, url, code, reason, { cause: error });
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
;// CONCATENATED MODULE: ./src/common/retry.ts
/** Backoff arithmetic and a sleep, for the registry's retry layer and the polls. */
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Exponential backoff with full jitter: `random()` × min(max, base × 2^(attempt − 1)). */
function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}

;// CONCATENATED MODULE: ./src/registry/retry-layer.ts



const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    retryable: registry_errors/* isRetryableRegistryFailure */.Wm,
    sleep: sleep,
    now: Date.now,
    random: Math.random
};
const retryScope = new external_node_async_hooks_.AsyncLocalStorage();
/**
 * Runs an operation (one request, or the requests of a blob upload) with bounded retries, backoff and
 * full jitter; Retry-After is honoured up to a cap. This is the only retry layer: an operation started
 * inside another one runs once, and its failure is the outer operation's to retry. Once `signal` aborts,
 * no further attempt starts.
 */
async function withRetries(what, operation, policy, options = {}) {
    if (retryScope.getStore())
        return operation(1);
    return retryScope.run(true, async () => {
        for (let attempt = 1;; attempt++) {
            options.signal?.throwIfAborted();
            try {
                return await operation(attempt);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw options.signal.reason;
                const backoff = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
                const asked = error instanceof registry_errors/* RegistryError */.gl ? error.retryAfterMs : undefined;
                const delayMs = Math.max(backoff, Math.min(asked ?? 0, policy.maxRetryAfterMs));
                const pastDeadline = policy.deadline !== undefined && policy.now() + delayMs > policy.deadline;
                if (attempt >= policy.attempts || !policy.retryable(error) || pastDeadline) {
                    if (error instanceof registry_errors/* RequestError */.GI)
                        throw error.gaveUp(attempt, options.blob);
                    throw error;
                }
                options.onRetry?.({
                    what,
                    attempt,
                    delayMs,
                    error,
                    retryAfterCutFromMs: asked !== undefined && asked > policy.maxRetryAfterMs ? asked : undefined
                });
                await abortableSleep(policy.sleep, delayMs, options.signal);
            }
        }
    });
}
async function abortableSleep(sleep, ms, signal) {
    if (!signal)
        return sleep(ms);
    signal.throwIfAborted();
    let onAbort;
    const aborted = new Promise((_resolve, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([sleep(ms), aborted]);
    }
    finally {
        if (onAbort)
            signal.removeEventListener('abort', onAbort);
    }
}

;// CONCATENATED MODULE: ./src/registry/transport.ts







/** No byte moving in either direction for this long aborts a request (a network error, retried). */
const DEFAULT_STALL_TIMEOUT_MS = 60_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Token documents are small. */
const MAX_TOKEN_BODY = 64 * 1024;
/**
 * The registry transport: the one place that sends requests. It adds the user agent and credentials
 * (Basic with ECR's token, or the Bearer token a challenge leads to), streams or buffers the body,
 * aborts a request when no byte moves for the stall timeout, and holds the only retry layer.
 * Every request goes through node:http(s): with backpressure for streamed bodies (fetch reads a stream
 * without it), and an idle timeout on the socket that covers the wait for headers as well as the body.
 */
class Transport {
    options;
    endpoint;
    stallTimeoutMs;
    retryPolicy;
    routes;
    /** Set after a Bearer challenge; then sent instead of Basic. */
    bearer;
    constructor(options) {
        this.options = options;
        this.endpoint = options.endpoint.replace(/\/+$/, '');
        this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
        this.routes = options.routes ?? (0,connections/* connections */.oQ)();
        // No single wait is longer than the stall timeout: a registry asking for more is treated like one
        // that stalled, and the attempts still bound the whole.
        this.retryPolicy = {
            ...DEFAULT_RETRY,
            maxRetryAfterMs: Math.min(DEFAULT_RETRY.maxRetryAfterMs, this.stallTimeoutMs),
            ...options.retry
        };
    }
    /**
     * Runs an operation (one request, or the requests of a blob upload) with bounded retries, backoff and
     * full jitter; Retry-After is honoured up to a cap. This is the only retry layer: an operation started
     * inside another one runs once, and its failure is the outer operation's to retry. Once `signal` aborts,
     * no further attempt starts.
     */
    async retrying(what, operation, options = {}) {
        return withRetries(what, operation, { ...this.retryPolicy, ...options.policy }, {
            signal: options.signal,
            blob: options.blob,
            onRetry: this.options.onRetry
        });
    }
    /** One request with retries: the usual way to send something idempotent. */
    async request(request, expected) {
        return this.retrying(`${request.method} ${(0,registry_errors/* pathOf */.XM)(this.resolve(request.url))}`, () => this.send(request, expected), {
            signal: request.signal
        });
    }
    /**
     * One exchange, no retry: credentials, user agent, stall timeout. A Bearer challenge is answered once
     * (for a replayable body) and the request sent again. A status outside `expected` is a RegistryError
     * carrying the registry's message.
     */
    async send(request, expected) {
        const url = this.resolve(request.url);
        let response = await this.exchange({ ...request, url });
        if (response.status === 401) {
            const challenge = parseBearerChallenge(response.headers.get('www-authenticate'));
            const replayable = request.body === undefined || Buffer.isBuffer(request.body);
            if (challenge && replayable && this.bearer?.challenge.scope !== challenge.scope) {
                response.discard();
                this.bearer = { token: await this.fetchBearerToken(challenge, request.signal), challenge };
                response = await this.exchange({ ...request, url });
            }
        }
        if (expected && !expected.includes(response.status))
            throw await registryErrorFrom(response);
        return response;
    }
    /**
     * A GET that follows redirects, as a blob GET must: ECR answers it with a 307 to a presigned S3 URL.
     * Credentials go only to the registry's own host; a redirect elsewhere is followed without them (the
     * URL carries its own signature). At most MAX_REDIRECTS hops; no retry here (callers run it inside
     * their operation of the retry layer).
     */
    async sendFollowingRedirects(request, expected) {
        let url = this.resolve(request.url);
        for (let hop = 0;; hop++) {
            const own = new URL(url).host === new URL(this.endpoint).host;
            const response = own
                ? await this.send({ ...request, url })
                : await this.exchange({ ...request, url }, null);
            const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
            if (!location) {
                if (!expected.includes(response.status))
                    throw await registryErrorFrom(response);
                return response;
            }
            response.discard();
            const next = new URL(location, url);
            if (hop >= MAX_REDIRECTS || (next.protocol !== 'https:' && next.protocol !== new URL(url).protocol)) {
                throw new registry_errors/* RegistryError */.gl(response.status, 'REDIRECT', hop >= MAX_REDIRECTS ? `more than ${MAX_REDIRECTS} redirects` : 'a redirect to plain http', (0,registry_errors/* pathOf */.XM)(url), undefined, request.method);
            }
            url = next.toString();
        }
    }
    resolve(url) {
        return /^https?:\/\//i.test(url) ? url : `${this.endpoint}${url}`;
    }
    /** Credentials (the Bearer token once a challenge gave one, else Basic; `authorization` overrides), user agent. */
    async exchange(request, authorization) {
        const headers = { ...request.headers, 'User-Agent': version/* USER_AGENT */._ };
        const auth = authorization !== undefined
            ? authorization
            : this.bearer
                ? `Bearer ${this.bearer.token}`
                : `Basic ${this.options.basicToken}`;
        if (auth)
            headers.Authorization = auth;
        this.options.onRequest?.(request.method, request.url);
        return sendOnce({ ...request, headers }, { routes: this.routes, stallTimeoutMs: this.stallTimeoutMs });
    }
    /**
     * The token exchange of a Bearer challenge. The registry's credentials go only to a realm the registry
     * is known to use (its own host, or a token service of a known registry) over https (or http when the
     * registry itself is plain http); any other realm is asked anonymously, so no credentials reach it.
     */
    async fetchBearerToken(challenge, signal) {
        const url = new URL(challenge.realm);
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        if (challenge.scope)
            url.searchParams.set('scope', challenge.scope);
        const credentials = trustsRealm(this.endpoint, url) ? `Basic ${this.options.basicToken}` : null;
        const response = await this.exchange({ method: 'GET', url: url.toString(), signal }, credentials);
        if (response.status !== 200)
            throw await registryErrorFrom(response);
        let body;
        try {
            body = parseJson((await response.bytes(MAX_TOKEN_BODY)).toString('utf8'));
        }
        catch {
            body = {};
        }
        const token = body?.token ?? body?.access_token;
        if (typeof token !== 'string' || token === '' || /[\r\n]/.test(token)) {
            throw new registry_errors/* RegistryError */.gl(200, 'UNAUTHORIZED', 'the token service returned no token', url.toString());
        }
        this.options.onSecret?.(token);
        return token;
    }
}

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
        this.transport = new Transport(options);
        this.manifests = new Manifests(this.transport);
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
    /** Puts a manifest, and says what the registry answered of its subject (`OCI-Subject`). */
    putManifestSaying(repository, reference, bytes, mediaType) {
        return this.manifests.putSaying(repository, reference, bytes, mediaType);
    }
    /** A subject's referrers by the referrers API; undefined where the registry has none. */
    referrersOf(repository, subject) {
        return this.manifests.referrers(repository, subject);
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
    /** A small blob a manifest of the registry names, read whole and verified: absent is an error. */
    async requireBlob(repository, digest, maxBytes) {
        const bytes = await this.blobs.read(repository, digest, maxBytes);
        if (!bytes)
            throw new errors/* ActionError */.lZ(`${repository}: the blob ${digest} that its manifest names is not there`);
        return bytes;
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


/***/ })

};
