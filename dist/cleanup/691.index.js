export const id = 691;
export const ids = [691];
export const modules = {

/***/ 6691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registryHooks: () => (/* binding */ registryHooks)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3788);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);




/**
 * What the actions give the registry client (src/registry/ knows nothing of the runner): every request in
 * the debug log (method and path: upload URLs carry state in their query), every retry in the log with its
 * reason and wait, and each credential a registry hands out masked before it is sent anywhere.
 */
const registryHooks = {
    onRequest: (method, url) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`registry: ${method} ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .pathOf */ .XM)(url)}`),
    onRetry: (event) => {
        const cut = event.retryAfterCutFromMs;
        _log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .p(`${event.what}: attempt ${event.attempt} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(event.error)}); ` +
            `retrying in ${(event.delayMs / 1000).toFixed(1)} s` +
            (cut !== undefined ? ` (the registry asked for ${Math.round(cut / 1000)} s; waits are capped)` : ''));
    },
    onSecret: (value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value)
};


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
