export const id = 912;
export const ids = [912];
export const modules = {

/***/ 2064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* unused harmony export QuotaAwareRetryStrategy */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3609);
/* harmony import */ var _connections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4857);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9459);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9521);




/**
 * What every AWS SDK client of the suite shares: the region (given, or AWS_REGION / AWS_DEFAULT_REGION,
 * else the profile's), the SDK's adaptive retry with 5 attempts (throttling arrives as a bare 429 "Rate
 * exceeded"; a quota is final), and the user agent. Credentials and endpoints come from the SDK's standard chain:
 * AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as for any AWS tool. With a proxy variable set,
 * requests (and the STS calls of role credentials, which inherit the handler) go through connections.ts.
 * The endpoint variant (dual-stack, FIPS) is told to every client explicitly, as endpoints.ts decides.
 */
function awsClientConfig(service, region, endpoint) {
    const requestHandler = (0,_connections_js__WEBPACK_IMPORTED_MODULE_0__/* .connections */ .oQ)().sdkRequestHandler();
    return {
        ...(requestHandler ? { requestHandler } : {}),
        region: region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
        customUserAgent: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._,
        retryStrategy: new QuotaAwareRetryStrategy(MAX_ATTEMPTS),
        ...(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .clientEndpoint */ .tr)(service, endpoint, process.env)
    };
}
const MAX_ATTEMPTS = 5;
/**
 * The SDK's adaptive retry, the one retry layer of AWS calls, but for quotas: ECR raises
 * LimitExceededException when a quota is reached (images per repository, repositories per registry, tags
 * per image), and the SDK counts it as throttling. Waiting does not lift a quota: it is final at once.
 */
class QuotaAwareRetryStrategy extends _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__.AdaptiveRetryStrategy {
    async refreshRetryTokenForRetry(token, errorInfo) {
        if (errorInfo.error?.name === 'LimitExceededException')
            throw errorInfo.error;
        return super.refreshRetryTokenForRetry(token, errorInfo);
    }
}


/***/ }),

/***/ 7820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ apiEndpointRefusal)
/* harmony export */ });
/* unused harmony export partitionOf */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5152);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9459);


const US = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];
const GOV = ['us-gov-east-1', 'us-gov-west-1'];
const CANADA = ['ca-central-1', 'ca-west-1'];
const DUAL_STACK_PARTITIONS = { partitions: ['aws', 'aws-cn', 'aws-us-gov'] };
const OFFERS = {
    ECR: {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...GOV] }
    },
    // ECR Public's dual-stack registry host is not confirmed, nor any FIPS endpoint: IPv4 only.
    'ECR PUBLIC': {},
    ECS: { 'dual-stack': { partitions: ['aws'] }, fips: { regions: [...US, ...GOV] } },
    Lambda: { 'dual-stack': DUAL_STACK_PARTITIONS, fips: { regions: [...US, ...GOV] } },
    Batch: { fips: { regions: [...US, ...GOV] } },
    AppRunner: { fips: { regions: ['us-east-1', 'us-east-2', 'us-west-2'] } },
    Inspector2: { fips: { regions: [...US, ...GOV] } },
    'Secrets Manager': {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...CANADA, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...CANADA, ...GOV] }
    },
    // KMS: FIPS endpoints (kms-fips.<region>) in the US, Canada and GovCloud; no dual-stack one confirmed.
    KMS: { fips: { regions: [...US, ...CANADA, ...GOV] } },
    STS: {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...CANADA] }
    }
};
/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, ...), as the SDK's endpoint rules say. */
function partitionOf(region) {
    return (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_1__.partition)(region).name;
}
function offeredIn(where, region) {
    if (!where)
        return false;
    return (where.regions ?? []).includes(region) || (where.partitions ?? []).includes(partitionOf(region));
}
function describe(where) {
    if (!where)
        return 'nowhere confirmed';
    const parts = [...(where.partitions ?? []).map(name => `every ${name} region`), ...(where.regions ?? [])];
    return parts.join(', ');
}
/**
 * Why `service` cannot be called at the variant's endpoint in `region`, or undefined when it can: what the
 * region has instead, and where the variant is offered.
 */
function apiEndpointRefusal(service, region, variant, label = service) {
    const choice = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceOf */ .FH)(variant);
    if (choice === 'default')
        return undefined;
    const offers = OFFERS[service];
    if (offeredIn(offers[choice], region))
        return undefined;
    const there = [
        'default',
        ...['dual-stack', 'fips', 'fips-dual-stack'].filter(c => offeredIn(offers[c], region))
    ];
    return (`${label} has no ${choice} endpoint in ${region} (there: ${there.join(', ')}; ` +
        `${choice}: ${describe(offers[choice])})`);
}


/***/ }),

/***/ 9459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ parseEndpointChoice),
/* harmony export */   Bp: () => (/* binding */ variantOf),
/* harmony export */   FH: () => (/* binding */ choiceOf),
/* harmony export */   Ku: () => (/* binding */ endpointOverride),
/* harmony export */   tr: () => (/* binding */ clientEndpoint)
/* harmony export */ });
/* unused harmony exports ENDPOINT_CHOICES, DEFAULT_ENDPOINT, AWS_SERVICES, endpointUrlVariable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * The endpoint choice (IPv4, dual-stack, FIPS, both): the one place that decides, for every SDK client an
 * action creates and for the registry host, which endpoint variant is used. Pure: the environment is given.
 */
const ENDPOINT_CHOICES = ['default', 'dual-stack', 'fips', 'fips-dual-stack'];
const DEFAULT_ENDPOINT = { fips: false, dualStack: false };
function variantOf(choice) {
    return { fips: choice.startsWith('fips'), dualStack: choice.endsWith('dual-stack') };
}
function choiceOf(variant) {
    if (variant.fips)
        return variant.dualStack ? 'fips-dual-stack' : 'fips';
    return variant.dualStack ? 'dual-stack' : 'default';
}
/** The SDK's own switches, as configure-aws-credentials users set them job-wide. */
const USE_DUALSTACK = 'AWS_USE_DUALSTACK_ENDPOINT';
const USE_FIPS = 'AWS_USE_FIPS_ENDPOINT';
/**
 * The `endpoint` input: one of ENDPOINT_CHOICES; when empty, the SDK's convention
 * (AWS_USE_DUALSTACK_ENDPOINT=true, AWS_USE_FIPS_ENDPOINT=true). A given input wins over the variables.
 */
function parseEndpointChoice(input, raw, lookup) {
    const value = raw.trim().toLowerCase();
    if (value !== '') {
        const choice = ENDPOINT_CHOICES.find(candidate => candidate === value);
        if (!choice)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${ENDPOINT_CHOICES.join(' | ')}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(raw.trim())}`);
        return choice;
    }
    return choiceOf({
        fips: sdkSwitch(input, lookup, USE_FIPS),
        dualStack: sdkSwitch(input, lookup, USE_DUALSTACK)
    });
}
/** `true` or `false` (any case), as the SDK reads them; unset or empty is false; anything else is refused. */
function sdkSwitch(input, lookup, name) {
    const value = (lookup(name) ?? '').trim().toLowerCase();
    if (value === '' || value === 'false')
        return false;
    if (value === 'true')
        return true;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is empty, so ${name} decides, and it must be true or false, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(lookup(name) ?? '')}`);
}
/**
 * The AWS services the actions create clients for, by the SDK's service ID (what AWS_ENDPOINT_URL_<ID>
 * is named after: upper case, spaces as underscores).
 */
const AWS_SERVICES = (/* unused pure expression or super */ null && ([
    'ECR',
    'ECR PUBLIC',
    'ECS',
    'Lambda',
    'Batch',
    'AppRunner',
    'Inspector2',
    'Secrets Manager',
    'STS',
    'KMS'
]));
/** `AWS_ENDPOINT_URL_SECRETS_MANAGER` for `Secrets Manager`. */
function endpointUrlVariable(service) {
    return `AWS_ENDPOINT_URL_${service.toUpperCase().replaceAll(' ', '_')}`;
}
/**
 * The endpoint override the SDK will use for a service's API calls, read as the SDK reads the environment:
 * AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, neither when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.
 */
function endpointOverride(service, env) {
    if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').trim().toLowerCase() === 'true')
        return undefined;
    return env[endpointUrlVariable(service)] || env.AWS_ENDPOINT_URL || undefined;
}
/**
 * What a client of `service` is told for a variant. An override wins for the API calls: the client is then
 * told neither variant, since the SDK refuses an override with either ("Invalid Configuration: Dualstack
 * and custom endpoint are not supported"). The registry host follows the choice regardless (ecr/hosts.ts).
 */
function clientEndpoint(service, variant, env) {
    if (endpointOverride(service, env) !== undefined)
        return { useFipsEndpoint: false, useDualstackEndpoint: false };
    return { useFipsEndpoint: variant.fips, useDualstackEndpoint: variant.dualStack };
}


/***/ }),

/***/ 8994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   XW: () => (/* binding */ readFileInside),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   tJ: () => (/* binding */ FileReadError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Why a file could not be read; the message never quotes the file's content. */
class FileReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileReadError';
    }
}
/** The workspace that relative paths in inputs are read from (GITHUB_WORKSPACE on a runner). */
function workspaceRoot() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/** Whether `path` is `root` or lies under it (both already resolved). */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Reads a regular file that lies inside `root` (after following every symlink), whole, refusing more
 * than `maxBytes`. A path may be relative to `root` or absolute, but must resolve inside it: a workflow's
 * policy file is part of its repository, never `/etc/shadow`.
 */
function readFileInside(path, root, maxBytes) {
    let real;
    let rootReal;
    try {
        rootReal = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    }
    catch {
        throw new FileReadError(`the workspace ${root} does not exist`);
    }
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(rootReal, path));
    }
    catch {
        throw new FileReadError(`${path} does not exist in the workspace`);
    }
    if (!isInside(rootReal, real)) {
        throw new FileReadError(`${path} is outside the workspace (${rootReal}): give a path inside it`);
    }
    return readRegularFile(real, maxBytes, path);
}
/**
 * Reads a file whole when it is a regular file of at most `maxBytes`; `what` names it in errors. Devices,
 * FIFOs and directories are refused before anything is read (`/dev/zero` is a file name too). Synchronous:
 * the files read whole are small (policies, manifests, configs), and input parsing is synchronous.
 */
function readRegularFile(path, maxBytes, what) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it anyway.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch {
        throw new FileReadError(`${what} is missing`);
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            throw new FileReadError(`${what} is not a regular file`);
        if (stats.size > maxBytes) {
            throw new FileReadError(`${what} has ${stats.size} bytes, more than the ${maxBytes} allowed`);
        }
        // Read at most one byte past the cap: a file that grows meanwhile is still refused.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
            read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
        }
        if (length > maxBytes)
            throw new FileReadError(`${what} has more than the ${maxBytes} bytes allowed`);
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 6950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ shortDigest),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** 1536 → "1.5 KiB". */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** `sha256:0123456789ab…` for tables; full digests go in outputs. */
function shortDigest(digest) {
    return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}


/***/ }),

/***/ 9184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   Hl: () => (/* binding */ parseKeyValues),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   ny: () => (/* binding */ wildcardToRegExp),
/* harmony export */   tA: () => (/* binding */ STALL_TIMEOUT),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * Helpers that turn raw input strings into typed values. Each action's `inputs.ts` calls them
 * from one parse function, so every rule is checked in one place before any work starts.
 * They take the raw string, not a name to look up, so they stay pure and table-testable.
 */
/** Items separated by newlines or commas, trimmed, blanks dropped, duplicates removed (order kept). */
function parseList(raw) {
    const items = raw
        .split(/[\n,]/)
        .map(item => item.trim())
        .filter(item => item !== '');
    return [...new Set(items)];
}
/** Items one per line (for values that may contain commas), trimmed, blanks and `#` comments dropped. */
function parseLines(raw) {
    return raw
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
function parseBoolean(input, raw, fallback) {
    const value = raw.trim().toLowerCase();
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be true or false, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(raw.trim())}`);
}
/** A whole number within bounds; empty gives the fallback. */
function parseInteger(input, raw, bounds) {
    const value = raw.trim();
    if (value === '')
        return bounds.fallback;
    if (!/^\d+$/.test(value) || Number(value) < bounds.min || Number(value) > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a whole number from ${bounds.min} to ${bounds.max}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
    }
    return Number(value);
}
/** One of a fixed set of values (case-insensitive match, canonical spelling returned); empty → undefined. */
function parseEnum(input, raw, allowed) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const match = allowed.find(candidate => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${allowed.join(' | ')}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
    return match;
}
/** `key=value` per line (or comma separated); keys unique. */
function parseKeyValues(input, raw) {
    const result = {};
    for (const item of parseList(raw)) {
        const separator = item.indexOf('=');
        if (separator <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `each entry must be key=value, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(item)}`);
        const key = item.slice(0, separator).trim();
        if (key in result)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(key)} is given twice`);
        result[key] = item.slice(separator + 1).trim();
    }
    return result;
}
/** A wildcard pattern where `*` matches any run of characters and nothing else is special. */
function wildcardToRegExp(pattern) {
    const escaped = pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.*')}$`);
}
/** The `stall-timeout` input of the actions that reach a registry (deliver, pull-through-cache). */
const STALL_TIMEOUT = {
    fallback: '60s',
    units: ['s', 'm'],
    minMs: 1000,
    maxMs: 3_600_000
};


/***/ }),

/***/ 2308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vk: () => (/* binding */ sameJson),
/* harmony export */   nb: () => (/* binding */ readJsonInput),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports MAX_JSON_DEPTH, parseJsonInput, jsonDepth */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8994);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, error.message);
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
            text = (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readFileInside */ .XW)(trimmed, (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceRoot */ .oS)(), maxBytes).toString('utf8');
        }
        catch (error) {
            if (error instanceof _files_js__WEBPACK_IMPORTED_MODULE_1__/* .FileReadError */ .tJ) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is neither inline JSON nor a readable file: ${error.message}`);
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


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ info)
});

// UNUSED EXPORTS: neutralize

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/common/workflow.ts

/**
 * The runner's protocol without @actions/core: what the deliver action's post step needs (its state, a
 * warning, a plain line), so that step loads a few kilobytes instead of @actions/core's megabyte (its OIDC
 * client brings undici). Written as @actions/core writes them (`__tests__/common/workflow.test.ts` holds the
 * two together). `neutralize` lives here too, so a plain line is made safe by the one rule log.ts applies.
 */
// C0 controls but tab, DEL, and the Unicode line breaks: each could start a new line somewhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;
const NAMED = { '\r': '\\r', '\n': '\\n' };
/**
 * Text that cannot be read as a workflow command: CR, LF and other controls become visible escapes
 * (`\r`, `\n`, `\u001b`), a leading `::` becomes `:\:` and every `##[` becomes `#\#[`.
 */
function neutralize(text) {
    return text
        .replace(LINE_BREAKING, char => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replaceAll('##[', '#\\#[')
        .replace(/^(\s*):(?=:)/, '$1:\\');
}
/** What the main step saved under `name` (core.saveState), as core.getState reads it. */
function stateOf(name) {
    return process.env[`STATE_${name}`] || '';
}
/** A plain line, neutralised (log.info's rule, for a step without @actions/core). */
function printLine(text) {
    // eslint-disable-next-line no-restricted-properties -- the post step's raw write, neutralised first
    process.stdout.write(neutralize(text) + EOL);
}
/** A warning annotation, its message escaped as core.warning escapes it. */
function printWarning(message) {
    const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    // eslint-disable-next-line no-restricted-properties -- a workflow command: its data escaped above
    process.stdout.write(`::warning::${data}${EOL}`);
}

;// CONCATENATED MODULE: ./src/common/log.ts



/**
 * The one way to print a plain log line. The runner reads a line as a workflow command when it starts
 * with `::` after leading whitespace, or when it holds `##[` anywhere (the legacy form, still parsed);
 * it breaks lines at CR as well as LF. `core.info` writes raw text, so a path, tag, media type or registry
 * message printed with it could inject `::stop-commands::` or `::add-mask::`. Everything that reaches the
 * log through here is neutralised, whoever wrote it. (`core.warning`, `core.error`, `core.debug` and
 * `core.startGroup` are commands whose data @actions/core escapes: they are safe as they are.)
 */
function info(message) {
    // eslint-disable-next-line no-restricted-properties -- the one sanctioned raw write
    core/* info */.pq(neutralize(message));
}


/***/ }),

/***/ 7701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   U1: () => (/* binding */ headerRow),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


// Pieces for the job summary, which is HTML: every value that the action did not write itself (tags,
// digests, names, registry and AWS messages) goes in escaped.
/** A value for HTML in the job summary: markup characters escaped. */
function escapeHtml(value) {
    return String(value)
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;');
}
const code = (value) => `<code>${escapeHtml(value)}</code>`;
/**
 * `html` (markup the caller built, values escaped) as a link when `url` is http(s); with any other scheme
 * (javascript:, data:) it is shown without the link.
 */
function link(url, html) {
    if (!url || !/^https?:\/\//i.test(url))
        return html;
    return `<a href="${escapeHtml(url)}">${html}</a>`;
}
/** A table's header row. */
const headerRow = (...names) => names.map(data => ({ data, header: true }));
/** Builds and writes the summary; a failure to write it is a warning, never a failed step. */
async function writeSummary(build) {
    try {
        build(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z);
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.write();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`);
    }
}


/***/ }),

/***/ 9521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
/** The suite's version, as package.json has it (a unit test keeps the two equal). */
const VERSION = '0.1.0';
/** What every request the suite makes says it is. */
const USER_AGENT = `ecr-deliver/${VERSION}`;


/***/ }),

/***/ 4:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/** Names shared by the main and post steps: state keys and outputs, in one place. */
const State = {
    registries: 'registries',
    skipLogout: 'skip-logout'
};
const Output = {
    registry: 'registry',
    repositoryUri: 'repository-uri',
    imageDigest: 'image-digest',
    imageUri: 'image-uri',
    imageUris: 'image-uris',
    platformDigests: 'platform-digests',
    referrers: 'referrers',
    signatureDigest: 'signature-digest',
    deliveries: 'deliveries',
    scanStatus: 'scan-status',
    findings: 'findings',
    findingsFile: 'findings-file',
    dockerUsername: 'docker-username',
    dockerPassword: 'docker-password'
};
/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
const Input = {
    repository: 'repository',
    image: 'image',
    source: 'source',
    tags: 'tags',
    maxConcurrency: 'max-concurrency',
    stallTimeout: 'stall-timeout',
    mountFrom: 'mount-from',
    platform: 'platform',
    referrers: 'referrers',
    signingKey: 'signing-key',
    signatureFormat: 'signature-format',
    signPlatforms: 'sign-platforms',
    destinations: 'destinations',
    scanDestinations: 'scan-destinations',
    registryType: 'registry-type',
    publicDescription: 'public-description',
    publicAbout: 'public-about',
    publicUsage: 'public-usage',
    publicArchitectures: 'public-architectures',
    publicOperatingSystems: 'public-operating-systems',
    registryId: 'registry-id',
    registries: 'registries',
    createRepository: 'create-repository',
    imageTagMutability: 'image-tag-mutability',
    imageTagMutabilityExclusions: 'image-tag-mutability-exclusions',
    scanOnPush: 'scan-on-push',
    encryptionType: 'encryption-type',
    kmsKey: 'kms-key',
    repositoryTags: 'repository-tags',
    updateRepository: 'update-repository',
    lifecyclePolicy: 'lifecycle-policy',
    lifecyclePolicyPreview: 'lifecycle-policy-preview',
    repositoryPolicy: 'repository-policy',
    allowPullAccounts: 'allow-pull-accounts',
    scan: 'scan',
    scanTimeout: 'scan-timeout',
    failOnSeverity: 'fail-on-severity',
    signingProfile: 'signing-profile',
    signingTimeout: 'signing-timeout',
    ignoreVulnerabilities: 'ignore-vulnerabilities',
    skipLogout: 'skip-logout',
    maskPassword: 'mask-password',
    endpoint: 'endpoint'
};


/***/ }),

/***/ 2257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ resultOf),
/* harmony export */   Uu: () => (/* binding */ markRestored),
/* harmony export */   zv: () => (/* binding */ recordOf)
/* harmony export */ });
/** What a push did in one registry: nothing, when every tag held the image already. */
function resultOf(delivery) {
    if (delivery.tags.some(t => t.result === 'restored'))
        return 'restored';
    return delivery.tags.every(t => t.result === 'unchanged') ? 'unchanged' : 'delivered';
}
/**
 * Pure: a delivery of an image that was archived restored it (the registry reads an archived image's tags
 * as missing, so they were written again): each tag written says so.
 */
function markRestored(delivery, archived) {
    if (!archived.has(delivery.digest))
        return delivery;
    return {
        ...delivery,
        tags: delivery.tags.map(t => (t.result === 'unchanged' ? t : { ...t, result: 'restored' }))
    };
}
/** One registry's entry of `deliveries`; without a delivery it failed (`error` says why). */
function recordOf(registry, region, repositoryUri, delivery, error) {
    return {
        registry,
        region,
        'repository-uri': repositoryUri,
        'image-uri': delivery ? `${repositoryUri}@${delivery.digest}` : '',
        digest: delivery?.digest ?? '',
        result: delivery ? resultOf(delivery) : 'failed',
        ...(error ? { error } : {})
    };
}


/***/ }),

/***/ 4488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z5: () => (/* binding */ RegistryClaims),
/* harmony export */   dU: () => (/* binding */ parseDestinations),
/* harmony export */   f0: () => (/* binding */ refuseMainRegistry),
/* harmony export */   n7: () => (/* binding */ registryKey)
/* harmony export */ });
/* unused harmony export MAX_DESTINATIONS */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9184);
/* harmony import */ var _ecr_hosts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4045);
/* harmony import */ var _ecr_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7630);




/** More registries than this in one step is a replication job, not a delivery. */
const MAX_DESTINATIONS = 20;
/**
 * Parses `destinations`: one per line (commas too), each a region (`eu-west-1`, the main account),
 * `account/region` (`210987654321/eu-west-1`), or a private registry host. Duplicates are refused here;
 * the main registry itself by refuseMainRegistry, once the region is resolved (still before any call).
 */
function parseDestinations(input, raw, mainAccountId) {
    const destinations = (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLines */ .Li)(raw.replaceAll(',', '\n')).map(line => parseDestination(input, line));
    if (destinations.length > MAX_DESTINATIONS)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `at most ${MAX_DESTINATIONS} destinations in one step`);
    const claims = new RegistryClaims(input);
    for (const d of destinations)
        claims.claim(d.label, registryKey(d.accountId ?? mainAccountId, d.region));
    return destinations;
}
/** A registry's identity: its account (the main one's when not known yet) and its region. */
function registryKey(accountId, region) {
    return `${accountId ?? '(main account)'}/${region}`;
}
/**
 * The registries named so far, by account and region: the one check that no registry is named twice and
 * that no destination is the main registry. Made at parse time (duplicates), with the region resolved
 * (before any call), and again once the login names every account.
 */
class RegistryClaims {
    input;
    claims = new Map();
    constructor(input, main) {
        this.input = input;
        if (main)
            this.claims.set(registryKey(main.accountId, main.region), undefined);
    }
    claim(label, key) {
        if (this.claims.has(key)) {
            const earlier = this.claims.get(key);
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(this.input, earlier === undefined
                ? `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(label)} is the main registry (${key.replace('(main account)/', '')}): list only further registries`
                : `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(label)} names the same registry as ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(earlier)}: list each registry once`);
        }
        this.claims.set(key, label);
    }
}
/**
 * Refuses a destination that is the main registry, as far as the account IDs known tell: called with the
 * region resolved, before any call (the login checks again once it knows every account).
 */
function refuseMainRegistry(input, destinations, main) {
    const claims = new RegistryClaims(input, main);
    for (const d of destinations)
        claims.claim(d.label, registryKey(d.accountId ?? main.accountId, d.region));
}
function parseDestination(input, line) {
    const slash = /^(\d+)\/(.+)$/.exec(line);
    if (slash) {
        const [, accountId, region] = slash;
        if (!_ecr_names_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCOUNT_ID */ .W_.test(accountId))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(accountId)} is not a 12-digit account ID`);
        if (!_ecr_names_js__WEBPACK_IMPORTED_MODULE_3__/* .REGION */ .Zg.test(region))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(region)} is not a region name`);
        return { label: line, region, accountId, fips: false, dualStack: false };
    }
    if (_ecr_names_js__WEBPACK_IMPORTED_MODULE_3__/* .REGION */ .Zg.test(line))
        return { label: line, region: line, fips: false, dualStack: false };
    if (line.includes('.')) {
        const host = (0,_ecr_hosts_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(line);
        if (host?.kind === 'private' && host.host === line.toLowerCase()) {
            return {
                label: line,
                region: host.region,
                accountId: host.accountId,
                host: host.host,
                fips: host.fips,
                dualStack: host.dualStack
            };
        }
        if (host?.kind === 'public')
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)}: ECR Public is not a destination (registry-type public pushes there)`);
    }
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)} is not a destination: give a region (eu-west-1), account/region ` +
        '(210987654321/eu-west-1) or a private registry host (210987654321.dkr.ecr.eu-west-1.amazonaws.com)');
}


/***/ }),

/***/ 374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ie: () => (/* binding */ destinationsFailure),
/* harmony export */   jU: () => (/* binding */ destinationRecords),
/* harmony export */   uF: () => (/* binding */ destinationRows)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _ecr_console_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1323);
/* harmony import */ var _delivery_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2257);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7851);




/** The record of each destination in `deliveries`, in the order given. */
function destinationRecords(stages, name) {
    return stages.map(stage => {
        const host = (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage) ? (stage.host ?? stage.destination.label) : stage.login.host;
        const uri = (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage)
            ? (stage.repositoryUri ?? (stage.host ? `${stage.host}/${name}` : ''))
            : (stage.target?.repositoryUri ?? `${stage.login.host}/${name}`);
        return (0,_delivery_js__WEBPACK_IMPORTED_MODULE_2__/* .recordOf */ .zv)(host, stage.destination.region, uri, stage.delivery, (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage) ? stage.error : undefined);
    });
}
/** The summary's row of each destination. */
function destinationRows(stages, name) {
    return stages.map(stage => {
        const account = stage.accountId ?? '';
        return {
            label: stage.destination.label,
            registry: (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage) ? (stage.host ?? '') : stage.login.host,
            region: stage.destination.region,
            account,
            consoleUrl: (0,_ecr_console_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryConsoleUrl */ .t)(stage.destination.region, account, name),
            repositoryUri: (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage) ? (stage.repositoryUri ?? '') : (stage.target?.repositoryUri ?? ''),
            delivery: stage.delivery,
            error: (0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(stage) ? stage.error : undefined
        };
    });
}
/** The failure at the end of the step when any destination failed, naming each. */
function destinationsFailure(stages) {
    const failures = stages.filter(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix);
    if (failures.length === 0)
        return undefined;
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Delivery failed in ${failures.length} of ${stages.length} destination${stages.length > 1 ? 's' : ''}: ` +
        failures.map(f => `${f.destination.label} (${f.error})`).join('; ') +
        '. The other registries have the image; a re-run delivers what is missing and leaves the rest alone.');
}


/***/ }),

/***/ 7851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ isFailed),
/* harmony export */   gz: () => (/* binding */ failed),
/* harmony export */   oO: () => (/* binding */ eachGoing)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


function isFailed(stage) {
    return typeof stage === 'object' && stage !== null && 'error' in stage;
}
/** What is known of a destination at any stage, for a failure record. */
function knownOf(stage) {
    const s = stage;
    return {
        accountId: s.accountId,
        host: s.login?.host ?? s.host ?? s.destination?.host,
        repositoryUri: s.target?.repositoryUri ?? s.repositoryUri,
        delivery: s.delivery
    };
}
/** Marks a destination failed in a phase, with a warning: the others go on. */
function failed(stage, phase, error) {
    const result = {
        destination: stage.destination,
        error: `${phase}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`,
        ...knownOf(stage)
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Destination ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(stage.destination.label)} failed (${result.error}); the others go on`);
    return result;
}
/**
 * Runs a phase on each destination still going (all at once, or one after another), keeping failures
 * where they are: the order of the destinations is the order of the input.
 */
async function eachGoing(stages, phase, work, options = {}) {
    const one = async (stage) => {
        if (isFailed(stage))
            return stage;
        try {
            return await work(stage);
        }
        catch (error) {
            if (options.rethrow?.(error))
                throw error;
            return failed(stage, phase, error);
        }
    };
    if (!options.oneByOne)
        return Promise.all(stages.map(one));
    const results = [];
    for (const stage of stages)
        results.push(await one(stage));
    return results;
}


/***/ }),

/***/ 1500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ ensurePublic),
  u: () => (/* binding */ governRepository)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
// EXTERNAL MODULE: ./src/ecr/mutability.ts
var mutability = __webpack_require__(8860);
;// CONCATENATED MODULE: ./src/ecr/creation-templates.ts



/** The ways ECR creates a repository on the user's behalf, each of which a template can apply to. */
const APPLIED_FOR = (/* unused pure expression or super */ null && (['PULL_THROUGH_CACHE', 'REPLICATION', 'CREATE_ON_PUSH']));
/** The registry's templates, every page, and the registry they belong to (always the caller's own). */
async function listCreationTemplates(client) {
    return (0,ecr_errors/* callAws */.IY)('DescribeRepositoryCreationTemplates', async () => {
        let registryId;
        const templates = [];
        const pages = (0,dist_cjs/* paginateDescribeRepositoryCreationTemplates */.tBR)({ client, pageSize: 1000 }, {});
        for await (const page of pages) {
            registryId ??= page.registryId;
            templates.push(...(page.repositoryCreationTemplates ?? []));
        }
        return { registryId, templates };
    });
}
/**
 * The request fields of a template. Every field is sent, "none" as an empty value: an update leaves
 * an omitted field as it was, and the declaration is the whole template.
 */
function templateRequest(template) {
    return {
        prefix: template.prefix,
        appliedFor: template.appliedFor,
        description: template.description ?? '',
        imageTagMutability: template.tagMutability ?? 'MUTABLE',
        imageTagMutabilityExclusionFilters: exclusionFilters(template.tagMutabilityExclusions) ?? [],
        encryptionConfiguration: {
            encryptionType: template.encryptionType ?? 'AES256',
            kmsKey: template.kmsKey
        },
        lifecyclePolicy: template.lifecyclePolicy ?? '',
        repositoryPolicy: template.repositoryPolicy ?? '',
        resourceTags: Object.entries(template.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        customRoleArn: template.roleArn ?? ''
    };
}
async function createCreationTemplate(client, template) {
    const request = templateRequest(template);
    // A new template has nothing to clear: the empty values stay out of the request.
    await callAws(`CreateRepositoryCreationTemplate ${template.prefix}`, () => client.send(new CreateRepositoryCreationTemplateCommand({
        ...request,
        description: request.description || undefined,
        lifecyclePolicy: request.lifecyclePolicy || undefined,
        repositoryPolicy: request.repositoryPolicy || undefined,
        customRoleArn: request.customRoleArn || undefined
    })));
}
async function updateCreationTemplate(client, template) {
    await callAws(`UpdateRepositoryCreationTemplate ${template.prefix}`, () => client.send(new UpdateRepositoryCreationTemplateCommand(templateRequest(template))));
}
async function deleteCreationTemplate(client, prefix) {
    await callAws(`DeleteRepositoryCreationTemplate ${prefix}`, () => client.send(new DeleteRepositoryCreationTemplateCommand({ prefix })));
}
/** Pure: a template as ECR reports it, in the declared form ("none" as undefined) so the two compare. */
function templateFromEcr(template) {
    const exclusions = (template.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '');
    const tags = (template.resourceTags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']);
    return {
        prefix: template.prefix ?? '',
        appliedFor: (template.appliedFor ?? []),
        description: template.description || undefined,
        tagMutability: template.imageTagMutability || undefined,
        tagMutabilityExclusions: exclusions.length > 0 ? exclusions : undefined,
        encryptionType: template.encryptionConfiguration?.encryptionType || undefined,
        kmsKey: template.encryptionConfiguration?.kmsKey || undefined,
        lifecyclePolicy: template.lifecyclePolicy || undefined,
        repositoryPolicy: template.repositoryPolicy || undefined,
        tags: tags.length > 0 ? Object.fromEntries(tags) : undefined,
        roleArn: template.customRoleArn || undefined
    };
}
/**
 * Pure: the template ECR applies to a new repository of this name for a scenario: the longest prefix that
 * covers it (`<prefix>/…`), else ROOT, else none.
 */
function coveringTemplate(templates, repository, scenario) {
    const covering = templates.filter(t => (t.appliedFor ?? []).includes(scenario) &&
        (t.prefix === 'ROOT' || repository.startsWith(`${t.prefix ?? '\0'}/`)));
    const rank = (t) => (t.prefix === 'ROOT' ? 0 : (t.prefix?.length ?? 0));
    return covering.sort((a, b) => rank(b) - rank(a))[0];
}

// EXTERNAL MODULE: ./src/ecr/public.ts
var ecr_public = __webpack_require__(3465);
// EXTERNAL MODULE: ./src/ecr/repositories.ts
var repositories = __webpack_require__(5048);
// EXTERNAL MODULE: ./src/ecr/settings-diff.ts
var settings_diff = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/deliver/lazy.ts
var lazy = __webpack_require__(3603);
;// CONCATENATED MODULE: ./src/deliver/governance.ts








/** How long a lifecycle policy preview may take before the step gives up on it. */
const LIFECYCLE_PREVIEW_TIMEOUT_MS = 5 * 60_000;
/**
 * Makes sure the private repository exists with the declared settings, and governs it: update-repository
 * brings its settings in line (all but encryption, which cannot change), the lifecycle policy is put (or
 * previewed) and the repository policy set, each only when it differs. Differences left are a warning.
 */
async function governRepository(ecr, inputs, name, 
/** The repository as described already (main.ts asks at once, beside the payload's check). */
described) {
    const ref = { name, registryId: inputs.registryId };
    const ensured = await (0,repositories/* ensureRepository */.z0)(ecr, ref, inputs.settings, {
        create: inputs.createRepository,
        described,
        // Templates belong to the caller's own registry: another account's cannot be read from here.
        onPushTemplate: inputs.registryId ? undefined : () => createOnPushTemplate(ecr, name)
    });
    // Registry-wide, and needed before the push (ECR signs on push), a repository created by it included.
    const signing = inputs.managedSigning
        ? await (await lazy/* load */.H.managedSigning()).configureManagedSigning(ecr, inputs.managedSigning.profileArn, {
            name,
            registryId: ensured.repository.registryId ?? inputs.registryId
        })
        : undefined;
    const changes = signing ? [signing] : [];
    if (ensured.createdOnPush) {
        // Governed once the push has created it (main.ts asks again).
        return {
            repository: ensured.repository,
            created: false,
            differences: [],
            changes,
            createdOnPush: ensured.createdOnPush
        };
    }
    log/* info */.p(`${ensured.created ? 'Created' : 'Found'} repository ${ensured.repository.repositoryUri}`);
    const report = {
        repository: ensured.repository,
        created: ensured.created,
        differences: [],
        changes
    };
    let differences = ensured.differences;
    if (inputs.updateRepository && differences.some(d => d.changeable)) {
        const changed = await (0,repositories/* applyRepositorySettings */.U0)(ecr, ensured.repository, inputs.settings);
        changed.forEach(change => log/* info */.p(`${name}: ${change}`));
        report.changes.push(...changed);
        differences = differences.filter(d => !d.changeable);
    }
    report.differences = differences.map(settings_diff/* describeDifference */.hF);
    if (report.differences.length > 0) {
        core/* warning */.$e(`Repository ${name} differs from the declared settings, and was left unchanged:\n- ${report.differences.join('\n- ')}`);
    }
    await governPolicies(ecr, inputs, ref, report);
    return report;
}
/** The lifecycle policy (put, or previewed) and the repository policy (set), each only when it differs. */
async function governPolicies(ecr, inputs, ref, report) {
    const { name } = ref;
    for (const warning of inputs.lifecyclePolicy?.warnings ?? [])
        core/* warning */.$e(`lifecycle-policy: ${warning}`);
    if (inputs.lifecyclePolicy?.preview) {
        const { previewLifecyclePolicy } = await lazy/* load */.H.lifecyclePreview();
        const preview = await previewLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text, {
            deadline: Date.now() + LIFECYCLE_PREVIEW_TIMEOUT_MS
        });
        log/* info */.p(`${name}: lifecycle policy preview: ${preview.results.length} images would be affected (nothing applied)`);
        report.lifecyclePreview = preview.results;
    }
    else if (inputs.lifecyclePolicy) {
        const { applyLifecyclePolicy } = await lazy/* load */.H.policies();
        const change = await applyLifecyclePolicy(ecr, ref, inputs.lifecyclePolicy.text);
        log/* info */.p(`${name}: lifecycle policy ${change}`);
        report.changes.push(`lifecycle policy ${change}`);
    }
    if (inputs.repositoryPolicy) {
        const { applyRepositoryPolicy } = await lazy/* load */.H.policies();
        const change = await applyRepositoryPolicy(ecr, ref, inputs.repositoryPolicy);
        log/* info */.p(`${name}: repository policy ${change}`);
        report.changes.push(`repository policy ${change}`);
    }
}
/** The CREATE_ON_PUSH template that would create the repository on push; none when templates cannot be read. */
async function createOnPushTemplate(ecr, name) {
    try {
        const { templates } = await listCreationTemplates(ecr);
        const template = coveringTemplate(templates, name, 'CREATE_ON_PUSH');
        return template
            ? { prefix: template.prefix ?? '', imageTagMutability: template.imageTagMutability }
            : undefined;
    }
    catch (error) {
        log/* info */.p(`Could not read the repository creation templates (${(0,errors/* messageOf */.bD)(error)}): the denial stands`);
        return undefined;
    }
}
/** ECR Public: the repository is created with its catalog data when missing; nothing else is governed there. */
async function ensurePublic(client, inputs, name) {
    const { repository, created, changes } = await (0,ecr_public/* ensurePublicRepository */.ou)(client, name, inputs.public ?? {}, {
        create: inputs.createRepository
    });
    log/* info */.p(`${created ? 'Created' : 'Found'} public repository ${repository.repositoryUri}`);
    changes.forEach(change => log/* info */.p(`${name}: ${change}`));
    return { repository, created, differences: [], changes };
}


/***/ }),

/***/ 3603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ load),
/* harmony export */   M: () => (/* binding */ openRegistry)
/* harmony export */ });
/**
 * What only some runs need, loaded by those runs only: the one place the deliver action imports lazily
 * (start-up is part of the step's time; ncc bundles each as a chunk).
 */
const load = {
    /** OCI layouts and docker-save archives (`source`). */
    sources: () => __webpack_require__.e(/* import() */ 30).then(__webpack_require__.bind(__webpack_require__, 5030)),
    /** One platform of an index (`platform`). */
    platform: () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8351)),
    /** Several registries (`destinations`). */
    fanOut: () => Promise.all(/* import() */[__webpack_require__.e(937), __webpack_require__.e(776)]).then(__webpack_require__.bind(__webpack_require__, 4776)),
    /** The push itself: tags, blobs, manifests (a run with something to push). */
    push: () => Promise.all(/* import() */[__webpack_require__.e(937), __webpack_require__.e(315)]).then(__webpack_require__.bind(__webpack_require__, 4315)),
    /** Signing with a KMS key (`signing-key`). */
    signing: () => __webpack_require__.e(/* import() */ 193).then(__webpack_require__.bind(__webpack_require__, 193)),
    /** The tag reads a push begins with (early.ts: while the repository is ensured). */
    tags: () => __webpack_require__.e(/* import() */ 906).then(__webpack_require__.bind(__webpack_require__, 7906)),
    /** An archive's push begun: known layers found, the first others compressing (early.ts). */
    pushArchive: () => __webpack_require__.e(/* import() */ 937).then(__webpack_require__.bind(__webpack_require__, 2937)),
    /** The scan gate (`scan`). */
    scanGate: () => __webpack_require__.e(/* import() */ 142).then(__webpack_require__.bind(__webpack_require__, 4142)),
    /** Lifecycle and repository policies (`lifecycle-policy`, `repository-policy`). */
    policies: () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 662)),
    /** ECR managed signing (`signing-profile`): the registry's rule, the wait for the signature. */
    managedSigning: () => __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 2176)),
    /** ECR's lifecycle policy preview (`lifecycle-policy-preview`). */
    lifecyclePreview: () => __webpack_require__.e(/* import() */ 467).then(__webpack_require__.bind(__webpack_require__, 1467))
};
/** A registry client for a login, with the log hooks. */
async function openRegistry(login, stallTimeoutMs) {
    const [{ RegistryClient }, { registryHooks }] = await Promise.all([
        __webpack_require__.e(/* import() */ 583).then(__webpack_require__.bind(__webpack_require__, 6583)),
        __webpack_require__.e(/* import() */ 691).then(__webpack_require__.bind(__webpack_require__, 6691))
    ]);
    return new RegistryClient({
        endpoint: `https://${login.host}`,
        basicToken: login.token,
        stallTimeoutMs,
        ...registryHooks
    });
}


/***/ }),

/***/ 3084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ startDockerLogins),
/* harmony export */   SC: () => (/* binding */ getPublicLogins),
/* harmony export */   Uq: () => (/* binding */ dockerLogIn),
/* harmony export */   tg: () => (/* binding */ getLogins)
/* harmony export */ });
/* unused harmony export logInDocker */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _ecr_auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7454);
/* harmony import */ var _common_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3788);
/* harmony import */ var _ecr_public_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3465);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4);





/**
 * Credentials for the target registry (registry-id, else the caller's own) and each extra one, the target
 * registry's first, each host once. Only reads: asked for at once, beside the payload's check.
 */
async function getLogins(ecr, target) {
    const options = { maskPassword: target.maskPassword };
    const [first, ...others] = await (0,_ecr_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .getRegistryLogins */ .i)(ecr, target.registryId ? [target.registryId] : [], target.endpoint, options);
    const extraIds = target.registries.filter(id => id !== target.registryId);
    const extra = extraIds.length > 0 ? await (0,_ecr_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .getRegistryLogins */ .i)(ecr, extraIds, target.endpoint, options) : [];
    const logins = [first];
    for (const login of [...others, ...extra]) {
        if (logins.some(known => known.host === login.host))
            continue;
        logins.push(login);
    }
    return logins;
}
/** ECR Public: one registry, public.ecr.aws. */
async function getPublicLogins(client, maskPassword) {
    return [await (0,_ecr_public_js__WEBPACK_IMPORTED_MODULE_3__/* .getPublicLogin */ .xf)(client, maskPassword)];
}
/**
 * `docker login` to each registry, one after the other, each host recorded in state right after its login
 * so the post step logs out of it even when a later one fails. Lines go through `print` (log.info unless
 * the login runs beside other work: see startDockerLogins).
 */
async function logInDocker(docker, logins, print = _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .p) {
    for (const login of logins)
        await dockerLogIn(docker, login, print);
}
/** Hosts each docker CLI (one per run) was logged in to by this step, for the post step's logout. */
const loggedIn = new WeakMap();
/** `docker login`, the host recorded in state right away so the post step logs out even after a failure. */
async function dockerLogIn(docker, login, print = _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .p) {
    await docker.login(login.host, login.username, login.password, print);
    const hosts = loggedIn.get(docker) ?? [];
    if (!hosts.includes(login.host))
        hosts.push(login.host);
    loggedIn.set(docker, hosts);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .State */ .Uw.registries, JSON.stringify(hosts));
}
/**
 * The main registry's `docker login`, off the push's path: a daemonless push (a layout, an archive, the
 * engine's image exported) never uses it, and later steps find the engine logged in once the step has
 * ended, as before. Its lines are held while it runs (log groups cannot interleave) and printed in a
 * group of their own by `finish`; a failure fails the step there. Without a docker CLI there is nothing
 * to do.
 */
function startDockerLogins(docker, logins) {
    const lines = [];
    const running = docker ? logInDocker(docker, logins, line => void lines.push(line)) : Promise.resolve();
    const settled = running.then(() => undefined, (error) => ({ error }));
    return {
        done: settled.then(() => undefined),
        async finish() {
            const failure = await settled;
            if (docker) {
                const hosts = logins.map(login => login.host).join(', ');
                await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`docker login ${hosts}`, async () => lines.forEach(line => _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .p(line)));
            }
            if (failure)
                throw failure.error;
        }
    };
}


/***/ }),

/***/ 7912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/common/run.ts
var run = __webpack_require__(1136);
// EXTERNAL MODULE: ./src/ecr/images.ts
var ecr_images = __webpack_require__(2298);
// EXTERNAL MODULE: ./src/ecr/repositories.ts
var repositories = __webpack_require__(5048);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/image-status.ts



/** Answers that mean "read the listing instead": an image of the batch is gone, or the call shape refused. */
const FALL_BACK_TO_LISTING = new Set(['ImageNotFoundException', 'InvalidParameterException']);
/**
 * The images with these digests as the registry holds them now, whatever their status; gone ones are
 * absent. One DescribeImages by image IDs (status ANY) per 100 digests. ECR answers such a call with
 * ImageNotFoundException when any one of them is gone (and may refuse `filter` beside `imageIds`): then
 * the repository's listing (status ANY, 1,000 a page) is read instead, which cannot miss an image. Not
 * BatchGetImage: its reads may count as pulls.
 */
async function describeImagesNow(client, repositoryName, digests, registryId) {
    const found = new Map();
    for (const batch of chunks(digests, BATCH_SIZE)) {
        let details;
        try {
            const response = await callAws(`DescribeImages ${repositoryName}`, () => client.send(new DescribeImagesCommand({
                repositoryName,
                registryId,
                imageIds: batch.map(imageDigest => ({ imageDigest })),
                filter: { imageStatus: 'ANY' }
            })));
            details = response.imageDetails ?? [];
        }
        catch (error) {
            if (!FALL_BACK_TO_LISTING.has(awsErrorName(error) ?? ''))
                throw error;
            const wanted = new Set(batch);
            details = (await listImages(client, repositoryName, registryId)).filter(d => wanted.has(d.imageDigest ?? ''));
        }
        for (const detail of details)
            if (detail.imageDigest)
                found.set(detail.imageDigest, detail);
    }
    return found;
}
/** Moves one image to the archive storage class; the status ECR reports after the call. */
async function archiveImage(client, repositoryName, imageDigest, registryId) {
    const response = await callAws(`UpdateImageStorageClass ${repositoryName}@${imageDigest}`, () => client.send(new UpdateImageStorageClassCommand({
        repositoryName,
        registryId,
        imageId: { imageDigest },
        targetStorageClass: 'ARCHIVE'
    })));
    return response.imageStatus ?? 'UNKNOWN';
}
/**
 * The digests of a repository's archived images (ListImages, status ARCHIVED: usually one page). Empty
 * where they cannot be read (no ecr:ListImages, or a registry without the archive storage class): a
 * delivery then reports a restored image as pushed.
 */
async function archivedDigests(client, repositoryName, registryId) {
    try {
        const pages = (0,dist_cjs/* paginateListImages */._Pg)({ client, pageSize: 1000 }, { repositoryName, registryId, filter: { imageStatus: 'ARCHIVED' } });
        const ids = await (0,errors/* collectPages */.VV)(`ListImages ${repositoryName}`, pages, page => page.imageIds);
        return new Set(ids.map(id => id.imageDigest ?? '').filter(Boolean));
    }
    catch {
        return new Set();
    }
}

// EXTERNAL MODULE: ./src/ecr/public.ts
var ecr_public = __webpack_require__(3465);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/docker/cli.ts


/**
 * The docker CLI, through @actions/exec so each command line is logged. DOCKER_HOST, DOCKER_CONFIG
 * and DOCKER_CONTEXT are honoured because the CLI itself reads them. `print` is how a line reaches the log
 * (log.info; the post step's lighter printLine): this floor never imports @actions/core itself.
 */
class DockerCli {
    print;
    command;
    constructor(options) {
        this.print = options.print;
        this.command = options.command ?? 'docker';
    }
    /**
     * Logs in with the password on stdin: never on argv, where `ps` and logs could show it. `print`, when
     * given, takes this command's lines instead (a login running beside other work holds them).
     */
    async login(registry, username, password, print) {
        const result = await this.run(['login', '--username', username, '--password-stdin', registry], {
            input: Buffer.from(password),
            print
        });
        if (result.exitCode !== 0)
            throw this.failure(`docker login to ${registry} failed`, result);
    }
    async logout(registry) {
        const result = await this.run(['logout', registry]);
        if (result.exitCode !== 0)
            throw this.failure(`docker logout from ${registry} failed`, result);
    }
    /** The local image, or undefined when the engine has no such image. */
    async inspectImage(reference) {
        const result = await this.run(['image', 'inspect', '--format', '{{json .}}', reference], { silent: true });
        if (result.exitCode !== 0) {
            if (/no such (image|object)/i.test(result.stderr))
                return undefined;
            throw this.failure(`docker image inspect ${reference} failed`, result);
        }
        return parseInspect(reference, result.stdout);
    }
    /** Removes a local name; the image itself stays while it has another name (docker rmi of a tag). */
    async untag(reference) {
        const result = await this.run(['image', 'rm', '--no-prune', reference]);
        if (result.exitCode !== 0)
            throw this.failure(`docker image rm ${reference} failed`, result);
    }
    async tag(source, target) {
        const result = await this.run(['tag', source, target]);
        if (result.exitCode !== 0)
            throw this.failure(`docker tag ${source} ${target} failed`, result);
    }
    /**
     * Exports an image (by ID: the exact image, whatever its names are now) to a tar at `path`: a docker
     * save archive, an OCI layout too with the containerd image store.
     */
    async save(id, path, print) {
        const result = await this.run(['save', '--output', path, id], { print });
        if (result.exitCode !== 0)
            throw this.failure(`docker save ${id} failed`, result);
    }
    /** Pushes one reference and returns the digest that docker reports for it. */
    async push(reference) {
        const result = await this.run(['push', reference]);
        if (result.exitCode !== 0)
            throw this.failure(`docker push ${reference} failed`, result);
        const pushed = parsePushDigest(result.stdout);
        if (!pushed)
            throw new common_errors/* ActionError */.lZ(`docker push ${reference} succeeded but printed no digest line`);
        return pushed;
    }
    /**
     * Runs the CLI with its output collected; unless silent, the command line and every output line are
     * printed through `print` (neutralising): docker relays registry messages, and @actions/exec would print
     * them raw.
     */
    async run(args, options = {}) {
        const echo = !options.silent;
        const print = options.print ?? this.print;
        if (echo)
            print(`[command]${this.command} ${args.join(' ')}`);
        return exec/* getExecOutput */.H(this.command, args, {
            ignoreReturnCode: true,
            silent: true,
            input: options.input,
            listeners: echo ? { stdline: line => print(line), errline: line => print(line) } : undefined
        });
    }
    failure(summary, result) {
        const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n');
        return new common_errors/* ActionError */.lZ(`${summary} (exit ${result.exitCode}): ${detail}`);
    }
}
/** `<tag>: digest: sha256:<hex> size: <n>`, the last line of a successful `docker push`. */
function parsePushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[a-f0-9]{64}) size: (\d+)/g)];
    const last = matches.at(-1);
    if (!last)
        return undefined;
    return { digest: last[1] };
}
function parseInspect(reference, output) {
    const parsed = JSON.parse(output.trim().split('\n')[0] ?? '{}');
    if (!parsed.Id)
        throw new common_errors/* ActionError */.lZ(`docker image inspect ${reference} returned no image ID`);
    return {
        reference,
        id: parsed.Id,
        repoTags: parsed.RepoTags ?? [],
        repoDigests: parsed.RepoDigests ?? []
    };
}

// EXTERNAL MODULE: ./src/ecr/client.ts
var client = __webpack_require__(2447);
// EXTERNAL MODULE: ./src/common/endpoint-regions.ts
var endpoint_regions = __webpack_require__(7820);
// EXTERNAL MODULE: ./src/common/endpoints.ts
var endpoints = __webpack_require__(9459);
// EXTERNAL MODULE: ./src/ecr/hosts.ts
var hosts = __webpack_require__(4045);
;// CONCATENATED MODULE: ./src/ecr/endpoints.ts




/**
 * Refuses, before any call, an endpoint choice that something the step uses does not offer: the registry
 * host (which follows the choice whatever the API overrides), and each API without an override (an
 * override, AWS_ENDPOINT_URL[_<SERVICE>], wins for the API calls). One error naming the input, each region
 * and what exists there.
 */
function refuseUnofferedEndpoints(input, variant, uses, env) {
    if (!variant.fips && !variant.dualStack)
        return;
    const reasons = new Set();
    for (const use of uses) {
        if (use.registry === 'private') {
            const refusal = (0,hosts/* registryRefusal */.AE)(use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
        if (use.registry === 'public')
            reasons.add(`ECR Public's registry has no ${(0,endpoints/* choiceOf */.FH)(variant)} host confirmed (public.ecr.aws: default only)`);
        for (const service of use.services) {
            if ((0,endpoints/* endpointOverride */.Ku)(service, env) !== undefined)
                continue;
            const refusal = (0,endpoint_regions/* apiEndpointRefusal */.w)(service, use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
    }
    if (reasons.size > 0)
        throw new common_errors/* InputError */.dz(input, `${(0,endpoints/* choiceOf */.FH)(variant)} is not offered: ${[...reasons].join('; ')}`);
}

// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
;// CONCATENATED MODULE: ./src/deliver/clients.ts







async function prepareClients(inputs) {
    const ecr = (0,client/* createEcrClient */.y)(undefined, inputs.endpoint);
    const publicClient = inputs.public ? await (0,ecr_public/* createEcrPublicClient */.Jz)(inputs.endpoint) : undefined;
    // ECR Public's API is in us-east-1 whatever the region: only private registries need one.
    const region = publicClient ? ecr_public/* PUBLIC_API_REGION */.cp : await (0,client/* resolveRegion */.Z)(ecr);
    // A daemonless push may run where there is no docker CLI: it then only skips `docker login`.
    const docker = inputs.work.kind === 'source' && !(await (0,io/* which */.K7)('docker', false))
        ? undefined
        : new DockerCli({ print: log/* info */.p });
    return { ecr, public: publicClient, region, docker };
}
/**
 * The endpoint choice against what the main registry and the destinations given as regions offer, and each
 * destination given as a host against what its name says: refused before any call.
 */
function refuseEndpoints(inputs, region) {
    const main = inputs.public
        ? { region, services: ['ECR PUBLIC'], registry: 'public' }
        : { region, services: inputs.signing ? ['ECR', 'KMS'] : ['ECR'], registry: 'private' };
    const inheriting = inputs.destinations.filter(d => !d.host);
    const uses = [
        main,
        ...inheriting.map(d => ({ region: d.region, services: ['ECR'], registry: 'private' }))
    ];
    refuseUnofferedEndpoints(constants/* Input */.pd.endpoint, inputs.endpoint, uses, process.env);
    for (const d of inputs.destinations.filter(d => d.host))
        refuseUnofferedEndpoints(constants/* Input */.pd.destinations, d, [{ region: d.region, services: ['ECR'], registry: 'private' }], process.env);
}

// EXTERNAL MODULE: ./src/deliver/delivery.ts
var deliver_delivery = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/deliver/destinations.ts
var deliver_destinations = __webpack_require__(4488);
// EXTERNAL MODULE: ./src/deliver/governance.ts + 1 modules
var governance = __webpack_require__(1500);
;// CONCATENATED MODULE: ./src/common/duration.ts

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `30d`, `12h`, `2w`, `10m` (`0d`: no age at all) → milliseconds. */
function parseDuration(input, raw, units = ['h', 'd', 'w']) {
    const value = raw.trim();
    const match = /^(\d+)([a-z]+)$/.exec(value);
    const unit = match?.[2];
    if (!match || !unit || !units.includes(unit)) {
        throw new common_errors/* InputError */.dz(input, `must be a whole number followed by ${units.join(', ')} (like 30d), got ${(0,common_errors/* quote */.hD)(value)}`);
    }
    return Number(match[1]) * UNIT_MS[unit];
}
/** 90061000 → "1d 1h". */
function formatAge(ms) {
    const days = Math.floor(ms / UNIT_MS.d);
    const hours = Math.floor((ms % UNIT_MS.d) / UNIT_MS.h);
    if (days > 0)
        return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
    const minutes = Math.floor((ms % UNIT_MS.h) / UNIT_MS.m);
    return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`;
}
/** A duration input within bounds, e.g. a timeout: `30s`, `5m`. */
function parseDurationWithin(input, raw, bounds) {
    const ms = parseDuration(input, raw.trim() || bounds.fallback, bounds.units);
    if (ms < bounds.minMs || ms > bounds.maxMs) {
        throw new common_errors/* InputError */.dz(input, `must be from ${formatDuration(bounds.minMs)} to ${formatDuration(bounds.maxMs)}, got ${(0,common_errors/* quote */.hD)(raw.trim())}`);
    }
    return ms;
}
function formatDuration(ms) {
    const unit = ['w', 'd', 'h', 'm', 's'].find(u => ms % UNIT_MS[u] === 0) ?? 's';
    return `${ms / UNIT_MS[unit]}${unit}`;
}

// EXTERNAL MODULE: ./src/common/inputs.ts
var common_inputs = __webpack_require__(9184);
// EXTERNAL MODULE: ./src/ecr/names.ts
var names = __webpack_require__(7630);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/sources/platform.ts
var sources_platform = __webpack_require__(8351);
;// CONCATENATED MODULE: ./src/deliver/signing-inputs.ts



/** A key ID (UUID or multi-Region `mrk-` ID), a key or alias ARN, or `alias/…`. */
const KEY = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]{1,256}|alias\/[A-Za-z0-9/_-]{1,250}|(mrk-)?[a-f0-9-]{32,36})$/;
/**
 * Pure: signing-key and what goes with it. signature-format and sign-platforms apply only with signing-key,
 * and signing needs something pushed.
 */
function parseSigning(get, pushes) {
    const key = get(constants/* Input */.pd.signingKey).trim();
    const format = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.signatureFormat, get(constants/* Input */.pd.signatureFormat), ['simple', 'bundle']);
    const platforms = (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.signPlatforms, get(constants/* Input */.pd.signPlatforms), false);
    if (!key) {
        if (format && format !== 'simple')
            throw new common_errors/* InputError */.dz(constants/* Input */.pd.signatureFormat, 'applies only with signing-key');
        if (platforms)
            throw new common_errors/* InputError */.dz(constants/* Input */.pd.signPlatforms, 'applies only with signing-key');
        return undefined;
    }
    if (!KEY.test(key))
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.signingKey, `${(0,common_errors/* quote */.hD)(key)} is not a KMS key ID, key ARN, alias ARN or alias/<name>`);
    if (!pushes)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.signingKey, 'needs image or source: there is nothing to sign');
    return { key, format: format ?? 'simple', platforms };
}

// EXTERNAL MODULE: ./src/ecr/public-catalog.ts
var public_catalog = __webpack_require__(3291);
;// CONCATENATED MODULE: ./src/deliver/registry-type.ts




const PUBLIC_INPUTS = [
    constants/* Input */.pd.publicDescription,
    constants/* Input */.pd.publicAbout,
    constants/* Input */.pd.publicUsage,
    constants/* Input */.pd.publicArchitectures,
    constants/* Input */.pd.publicOperatingSystems
];
/** registry-type public: the catalog inputs apply, and inputs that only private registries have are refused. */
function checkRegistryType(get, inputs) {
    const type = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.registryType, get(constants/* Input */.pd.registryType), ['private', 'public']) ?? 'private';
    if (type === 'private') {
        const given = PUBLIC_INPUTS.find(name => get(name).trim() !== '');
        if (given)
            throw new common_errors/* InputError */.dz(given, 'applies only with registry-type public');
        return inputs;
    }
    const privateOnly = [
        [constants/* Input */.pd.registryId, inputs.registryId !== undefined],
        [constants/* Input */.pd.registries, inputs.registries.length > 0],
        [constants/* Input */.pd.imageTagMutability, inputs.settings.tagMutability !== undefined],
        [constants/* Input */.pd.scanOnPush, inputs.settings.scanOnPush !== undefined],
        [constants/* Input */.pd.encryptionType, inputs.settings.encryptionType !== undefined],
        [constants/* Input */.pd.repositoryTags, inputs.settings.tags !== undefined],
        [constants/* Input */.pd.updateRepository, inputs.updateRepository],
        [constants/* Input */.pd.lifecyclePolicy, inputs.lifecyclePolicy !== undefined],
        [constants/* Input */.pd.repositoryPolicy, get(constants/* Input */.pd.repositoryPolicy).trim() !== ''],
        [constants/* Input */.pd.allowPullAccounts, get(constants/* Input */.pd.allowPullAccounts).trim() !== ''],
        [constants/* Input */.pd.scan, inputs.scan.wait],
        [constants/* Input */.pd.signingProfile, inputs.managedSigning !== undefined],
        [constants/* Input */.pd.mountFrom, get(constants/* Input */.pd.mountFrom).trim() !== ''],
        [constants/* Input */.pd.destinations, inputs.destinations.length > 0],
        [constants/* Input */.pd.signingKey, inputs.signing !== undefined]
    ];
    const refused = privateOnly.find(([, given]) => given);
    if (refused)
        throw new common_errors/* InputError */.dz(refused[0], 'applies only to private registries, not with registry-type public');
    const { catalog, warnings } = (0,public_catalog/* checkPublicCatalog */.R)({
        description: get(constants/* Input */.pd.publicDescription).trim() || undefined,
        aboutText: get(constants/* Input */.pd.publicAbout).trim() || undefined,
        usageText: get(constants/* Input */.pd.publicUsage).trim() || undefined,
        architectures: (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.publicArchitectures)),
        operatingSystems: (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.publicOperatingSystems))
    }, {
        description: constants/* Input */.pd.publicDescription,
        aboutText: constants/* Input */.pd.publicAbout,
        usageText: constants/* Input */.pd.publicUsage,
        architectures: constants/* Input */.pd.publicArchitectures,
        operatingSystems: constants/* Input */.pd.publicOperatingSystems
    });
    return { ...inputs, public: catalog, warnings: [...inputs.warnings, ...warnings] };
}

// EXTERNAL MODULE: ./src/ecr/signing-rules.ts
var signing_rules = __webpack_require__(3587);
;// CONCATENATED MODULE: ./src/deliver/managed-signing-inputs.ts




const SIGNING_TIMEOUT = { fallback: '5m', units: ['s', 'm', 'h'], minMs: 5_000, maxMs: 3_600_000 };
/**
 * Pure: `signing-profile` (an AWS Signer signing-profile ARN, in the shape ECR accepts) and `signing-timeout`.
 * It needs a repository: the rule is about one. Without an image or a source only the rule is ensured.
 */
function parseManagedSigning(get, repository) {
    const timeoutMs = parseDurationWithin(constants/* Input */.pd.signingTimeout, get(constants/* Input */.pd.signingTimeout), SIGNING_TIMEOUT);
    const profileArn = get(constants/* Input */.pd.signingProfile).trim();
    if (profileArn === '')
        return undefined;
    if (!signing_rules/* SIGNING_PROFILE_ARN */.YA.test(profileArn) || profileArn.length > signing_rules/* MAX_SIGNING_PROFILE_ARN */.BV)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.signingProfile, `${(0,common_errors/* quote */.hD)(profileArn)} is not an AWS Signer signing-profile ARN ` +
            '(arn:aws:signer:<region>:<account>:/signing-profiles/<name>, the name letters, digits and _)');
    if (!repository)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.signingProfile, 'needs repository: a signing rule covers one');
    return { profileArn, timeoutMs };
}

// EXTERNAL MODULE: ./src/ecr/policies.ts
var policies = __webpack_require__(662);
// EXTERNAL MODULE: ./src/ecr/settings-diff.ts
var settings_diff = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/ecr/mutability.ts
var mutability = __webpack_require__(8860);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
;// CONCATENATED MODULE: ./src/ecr/lifecycle-lint.ts

/** ECR lifecycle policy rules, checked locally so a bad policy fails before any call, naming the rule. */
const MAX_LIFECYCLE_POLICY_CHARS = 30_720;
const TAG_STATUSES = ['tagged', 'untagged', 'any'];
const COUNT_TYPES = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
const STORAGE_CLASSES = ['standard', 'archive'];
/**
 * Pure: every problem of a parsed lifecycle policy (`text` for its length). One function on purpose: the
 * checks read top to bottom in the order ECR's documentation gives the rules.
 */
function lintLifecyclePolicy(policy, text) {
    const errors = [];
    const warnings = [];
    if (text.length > MAX_LIFECYCLE_POLICY_CHARS) {
        errors.push(`the policy is ${text.length} characters; ECR takes at most ${MAX_LIFECYCLE_POLICY_CHARS}`);
    }
    const rules = policy?.rules;
    if (!Array.isArray(rules) || rules.length === 0) {
        errors.push('the policy needs a non-empty "rules" list');
        return { errors, warnings };
    }
    const priorities = new Map();
    let untaggedRules = 0;
    rules.forEach((raw, index) => {
        const name = `rule ${index + 1}${Number.isInteger(raw?.rulePriority) ? ` (priority ${raw.rulePriority})` : ''}`;
        const fail = (why) => errors.push(`${name}: ${why}`);
        if (!Number.isInteger(raw?.rulePriority) || raw.rulePriority < 1) {
            fail('rulePriority must be a whole number of 1 or more');
        }
        else {
            const priority = raw.rulePriority;
            if (priorities.has(priority))
                fail(`rulePriority ${priority} is also used by rule ${priorities.get(priority)}`);
            priorities.set(priority, index + 1);
        }
        const selection = raw?.selection ?? {};
        const { tagStatus, tagPrefixList, tagPatternList, countType, countUnit, countNumber, storageClass } = selection;
        const lists = [tagPrefixList, tagPatternList].filter(list => list !== undefined);
        if (!TAG_STATUSES.includes(tagStatus))
            fail(`selection.tagStatus must be one of ${TAG_STATUSES.join(', ')}`);
        if (tagStatus === 'tagged' && lists.length === 0) {
            fail('tagStatus tagged needs tagPrefixList or tagPatternList (which tags does it select?)');
        }
        if (tagStatus !== 'tagged' && lists.length > 0) {
            fail(`tagStatus ${String(tagStatus)} cannot have tagPrefixList or tagPatternList (only tagged rules select by tag)`);
        }
        if (tagStatus === 'untagged')
            untaggedRules++;
        for (const [key, list] of [
            ['tagPrefixList', tagPrefixList],
            ['tagPatternList', tagPatternList]
        ]) {
            if (list === undefined)
                continue;
            if (!Array.isArray(list) ||
                list.length === 0 ||
                !list.every(item => typeof item === 'string' && item)) {
                fail(`${key} must be a non-empty list of strings`);
                continue;
            }
            if (key === 'tagPatternList') {
                for (const pattern of list) {
                    if ((pattern.match(/\*/g) ?? []).length > 4)
                        fail(`tag pattern ${(0,common_errors/* quote */.hD)(pattern)} has more than four *`);
                }
            }
            if (list.length > 1) {
                warnings.push(`${name}: the ${list.length} entries of ${key} are ANDed: an image must carry a tag for each (${list.join(', ')})`);
            }
        }
        if (storageClass !== undefined && !STORAGE_CLASSES.includes(storageClass)) {
            fail(`selection.storageClass must be standard or archive`);
        }
        if (!COUNT_TYPES.includes(countType))
            fail(`selection.countType must be one of ${COUNT_TYPES.join(', ')}`);
        else if (countType === 'imageCountMoreThan' && countUnit !== undefined) {
            fail('countType imageCountMoreThan takes no countUnit');
        }
        else if (countType !== 'imageCountMoreThan' && countUnit !== 'days') {
            fail(`countType ${String(countType)} needs countUnit "days"`);
        }
        if (!Number.isInteger(countNumber) || countNumber < 1)
            fail('selection.countNumber must be a whole number of 1 or more');
        const action = raw?.action ?? {};
        if (action.type !== 'expire' && action.type !== 'transition')
            fail('action.type must be expire or transition');
        if (action.type === 'transition' && action.targetStorageClass !== 'archive') {
            fail('action.type transition needs targetStorageClass "archive"');
        }
    });
    if (untaggedRules > 1)
        errors.push(`${untaggedRules} rules select untagged images; ECR allows one`);
    const anyRules = rules
        .map((rule, index) => ({ rule, index }))
        .filter(({ rule }) => rule?.selection?.tagStatus === 'any');
    const highest = Math.max(...[...priorities.keys()]);
    for (const { rule, index } of anyRules) {
        if (rule.rulePriority !== highest) {
            errors.push(`rule ${index + 1} (priority ${String(rule.rulePriority)}): a tagStatus any rule must have the highest rulePriority (${highest} is higher)`);
        }
    }
    return { errors, warnings };
}

;// CONCATENATED MODULE: ./src/ecr/repository-settings.ts




/**
 * The checks of a repository's settings as a user declares them, shared by every place that declares
 * them (the deliver action's inputs, the pull-through-cache action's creation templates). Each check
 * throws an InputError naming the setting by the name the caller gives it (`image-tag-mutability` for one,
 * `mutability` inside a template for the other), so the message reads right wherever it comes from.
 */
const EXCLUSION_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;
const MAX_EXCLUSIONS = 5;
const MAX_RESOURCE_TAGS = 50;
const WITH_EXCLUSION = ['IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];
/** The tag mutability exclusions that go with `mutability`, checked; undefined when it takes none. */
function checkTagMutability(names, mutability, exclusions) {
    for (const filter of exclusions) {
        if (!EXCLUSION_FILTER.test(filter)) {
            throw new common_errors/* InputError */.dz(names.exclusions, `${(0,common_errors/* quote */.hD)(filter)} must be 1 to 128 of letters, digits, ".", "_", "-" and "*"`);
        }
    }
    if (exclusions.length > MAX_EXCLUSIONS) {
        throw new common_errors/* InputError */.dz(names.exclusions, `at most ${MAX_EXCLUSIONS} patterns`);
    }
    const withExclusion = mutability !== undefined && WITH_EXCLUSION.includes(mutability);
    if (exclusions.length > 0 && !withExclusion) {
        throw new common_errors/* InputError */.dz(names.exclusions, `applies only with ${names.mutability} IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`);
    }
    if (withExclusion && exclusions.length === 0) {
        throw new common_errors/* InputError */.dz(names.exclusions, `is required with ${names.mutability} ${mutability}`);
    }
    return withExclusion ? exclusions : undefined;
}
/** A KMS key goes with KMS encryption, and only with it. */
function checkEncryption(names, encryptionType, kmsKey) {
    const usesKms = encryptionType === 'KMS' || encryptionType === 'KMS_DSSE';
    if (usesKms && !kmsKey)
        throw new common_errors/* InputError */.dz(names.kmsKey, `is required with ${names.encryption} ${encryptionType}`);
    if (kmsKey && !usesKms)
        throw new common_errors/* InputError */.dz(names.kmsKey, `applies only with ${names.encryption} KMS or KMS_DSSE`);
}
/** Resource tags within ECR's limits: 50 tags, keys up to 128 characters and not `aws:`, values up to 256. */
function checkResourceTags(input, tags) {
    const entries = Object.entries(tags);
    if (entries.length > MAX_RESOURCE_TAGS) {
        throw new common_errors/* InputError */.dz(input, `at most ${MAX_RESOURCE_TAGS} tags per repository`);
    }
    for (const [key, value] of entries) {
        if (key.length > 128)
            throw new common_errors/* InputError */.dz(input, `key ${(0,common_errors/* quote */.hD)(key)} is longer than 128 characters`);
        if (key.toLowerCase().startsWith('aws:'))
            throw new common_errors/* InputError */.dz(input, `key ${(0,common_errors/* quote */.hD)(key)}: the aws: prefix is reserved`);
        if (value.length > 256)
            throw new common_errors/* InputError */.dz(input, `value of ${(0,common_errors/* quote */.hD)(key)} is longer than 256 characters`);
    }
}
/** A lifecycle policy, inline JSON or a file in the workspace, linted: the text and the linter's warnings. */
function readLifecyclePolicy(input, raw) {
    const lifecycle = (0,json/* readJsonInput */.nb)(input, raw, MAX_LIFECYCLE_POLICY_CHARS);
    if (!lifecycle)
        return undefined;
    const { errors, warnings } = lintLifecyclePolicy(lifecycle.value, lifecycle.text);
    if (errors.length > 0)
        throw new common_errors/* InputError */.dz(input, errors.join('; '));
    return { text: lifecycle.text, warnings };
}
/**
 * A repository policy, inline JSON or a file in the workspace: a JSON object. The file may be
 * pretty-printed, so up to four times ECR's limit is read; what counts is the compact policy
 * (checkRepositoryPolicyLength, once whatever is merged into it is merged).
 */
function readRepositoryPolicy(input, raw) {
    const policy = (0,json/* readJsonInput */.nb)(input, raw, 4 * policies.MAX_REPOSITORY_POLICY_CHARS);
    if (!policy)
        return undefined;
    if (typeof policy.value !== 'object' || policy.value === null || Array.isArray(policy.value)) {
        throw new common_errors/* InputError */.dz(input, 'must be a JSON object (an IAM policy document)');
    }
    return policy.value;
}
/** The compact policy within ECR's limit. */
function checkRepositoryPolicyLength(input, policy) {
    if (JSON.stringify(policy).length > policies.MAX_REPOSITORY_POLICY_CHARS) {
        throw new common_errors/* InputError */.dz(input, `is longer than ECR's ${policies.MAX_REPOSITORY_POLICY_CHARS} characters`);
    }
}

// EXTERNAL MODULE: ./src/ecr/scan-findings.ts
var scan_findings = __webpack_require__(6212);
;// CONCATENATED MODULE: ./src/deliver/repository-inputs.ts










function parseScanGate(get, pushes) {
    const wait = ((0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.scan, get(constants/* Input */.pd.scan), ['off', 'wait']) ?? 'off') === 'wait';
    const failOn = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.failOnSeverity, get(constants/* Input */.pd.failOnSeverity), [...scan_findings/* SEVERITIES */.oC, 'none']) ?? 'none';
    if (wait && !pushes)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.scan, 'wait needs image or source: there is nothing to scan');
    if (failOn !== 'none' && !wait)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.failOnSeverity, 'needs scan: wait');
    return {
        wait,
        timeoutMs: parseDuration(constants/* Input */.pd.scanTimeout, get(constants/* Input */.pd.scanTimeout) || '10m', ['s', 'm', 'h']),
        failOn,
        ignore: (0,scan_findings/* parseIgnoreList */.E4)((0,common_inputs/* parseLines */.Li)(get(constants/* Input */.pd.ignoreVulnerabilities)))
    };
}
/** Lifecycle and repository policies and update-repository: all need a repository, all checked here. */
function parsePolicies(get, repository) {
    const updateRepository = (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.updateRepository, get(constants/* Input */.pd.updateRepository), false);
    const lifecycle = readLifecyclePolicy(constants/* Input */.pd.lifecyclePolicy, get(constants/* Input */.pd.lifecyclePolicy));
    const lifecyclePolicy = lifecycle && { ...lifecycle, preview: false };
    const preview = (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.lifecyclePolicyPreview, get(constants/* Input */.pd.lifecyclePolicyPreview), false);
    if (preview && !lifecyclePolicy)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.lifecyclePolicyPreview, 'needs lifecycle-policy');
    if (lifecyclePolicy)
        lifecyclePolicy.preview = preview;
    const policy = readRepositoryPolicy(constants/* Input */.pd.repositoryPolicy, get(constants/* Input */.pd.repositoryPolicy));
    const pullAccounts = (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.allowPullAccounts)).map(id => (0,names/* parseAccountId */.cK)(constants/* Input */.pd.allowPullAccounts, id));
    const repositoryPolicy = policy || pullAccounts.length > 0 ? (0,policies.withPullAccounts)(policy, pullAccounts) : undefined;
    if (repositoryPolicy)
        checkRepositoryPolicyLength(constants/* Input */.pd.repositoryPolicy, repositoryPolicy);
    for (const [input, given] of [
        [constants/* Input */.pd.lifecyclePolicy, lifecyclePolicy],
        [constants/* Input */.pd.repositoryPolicy, repositoryPolicy],
        [constants/* Input */.pd.updateRepository, updateRepository || undefined]
    ]) {
        if (given && !repository)
            throw new common_errors/* InputError */.dz(input, 'needs repository');
    }
    return { updateRepository, lifecyclePolicy, repositoryPolicy };
}
/** The settings used when the repository is created (and compared with an existing one). */
function parseRepositorySettings(get) {
    const tagMutability = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.imageTagMutability, get(constants/* Input */.pd.imageTagMutability), mutability/* TAG_MUTABILITIES */.em);
    const tagMutabilityExclusions = checkTagMutability({ mutability: constants/* Input */.pd.imageTagMutability, exclusions: constants/* Input */.pd.imageTagMutabilityExclusions }, tagMutability, (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.imageTagMutabilityExclusions)));
    const encryptionType = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.encryptionType, get(constants/* Input */.pd.encryptionType), settings_diff/* ENCRYPTION_TYPES */.en);
    const kmsKey = get(constants/* Input */.pd.kmsKey).trim() || undefined;
    checkEncryption({ encryption: constants/* Input */.pd.encryptionType, kmsKey: constants/* Input */.pd.kmsKey }, encryptionType, kmsKey);
    const tags = (0,common_inputs/* parseKeyValues */.Hl)(constants/* Input */.pd.repositoryTags, get(constants/* Input */.pd.repositoryTags));
    checkResourceTags(constants/* Input */.pd.repositoryTags, tags);
    return {
        tagMutability,
        tagMutabilityExclusions,
        scanOnPush: (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.scanOnPush, get(constants/* Input */.pd.scanOnPush)),
        encryptionType,
        kmsKey,
        tags: Object.keys(tags).length > 0 ? tags : undefined
    };
}

;// CONCATENATED MODULE: ./src/deliver/inputs.ts













const MAX_TAGS_PER_IMAGE = 1000;
/**
 * Reads every input through `get` (core.getInput in the action, a record in tests) and checks every
 * rule, so bad input fails here, before any AWS call or docker command.
 */
function parseDeliverInputs(get, context = {}) {
    const repository = (0,names/* parseRepositoryName */.$M)(constants/* Input */.pd.repository, get(constants/* Input */.pd.repository));
    const work = parseWork(get, repository, context);
    const pushes = work.kind === 'image' || work.kind === 'source';
    const inputs = {
        work,
        stallTimeoutMs: parseDurationWithin(constants/* Input */.pd.stallTimeout, get(constants/* Input */.pd.stallTimeout), common_inputs/* STALL_TIMEOUT */.tA),
        registryId: (0,names/* parseAccountId */.cK)(constants/* Input */.pd.registryId, get(constants/* Input */.pd.registryId)),
        registries: (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.registries)).map(id => (0,names/* parseAccountId */.cK)(constants/* Input */.pd.registries, id)),
        createRepository: (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.createRepository, get(constants/* Input */.pd.createRepository), true),
        settings: parseRepositorySettings(get),
        skipLogout: (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.skipLogout, get(constants/* Input */.pd.skipLogout), false),
        maskPassword: (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.maskPassword, get(constants/* Input */.pd.maskPassword), true),
        ...parsePolicies(get, repository),
        scan: parseScanGate(get, pushes),
        managedSigning: parseManagedSigning(get, repository),
        destinations: [],
        scanDestinations: (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.pd.scanDestinations, get(constants/* Input */.pd.scanDestinations), false),
        endpoint: (0,endpoints/* variantOf */.Bp)((0,endpoints/* parseEndpointChoice */.A4)(constants/* Input */.pd.endpoint, get(constants/* Input */.pd.endpoint), name => context.env?.[name])),
        signing: parseSigning(get, pushes),
        warnings: []
    };
    inputs.destinations = parseDeliveryDestinations(get, inputs);
    return checkRegistryType(get, inputs);
}
/** `image` or `source` (never both) with `repository` and `tags`; `repository` alone; or nothing. */
function parseWork(get, repository, context) {
    const image = parseImageInput(get(constants/* Input */.pd.image));
    const source = get(constants/* Input */.pd.source).trim() || undefined;
    if (image && source) {
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.source, 'and image are mutually exclusive: give image (docker engine) or source (files)');
    }
    const maxConcurrency = (0,common_inputs/* parseInteger */.cG)(constants/* Input */.pd.maxConcurrency, get(constants/* Input */.pd.maxConcurrency), {
        min: 1,
        max: 32,
        fallback: 5
    });
    const mountFrom = (0,names/* parseRepositoryName */.$M)(constants/* Input */.pd.mountFrom, get(constants/* Input */.pd.mountFrom));
    const platformText = get(constants/* Input */.pd.platform).trim();
    const platform = platformText ? (0,sources_platform.parsePlatform)(platformText) : undefined;
    if (typeof platform === 'string')
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.platform, `${(0,common_errors/* quote */.hD)(platformText)} ${platform}`);
    if (platform && !source)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.platform, 'applies to source: a docker engine image is one platform already, pushed as the engine holds it');
    const referrers = (0,common_inputs/* parseEnum */.nL)(constants/* Input */.pd.referrers, get(constants/* Input */.pd.referrers), ['push', 'skip']) ?? 'push';
    const givenTags = (0,common_inputs/* parseList */.E1)(get(constants/* Input */.pd.tags));
    if (!image && !source) {
        if (givenTags.length > 0)
            throw new common_errors/* InputError */.dz(constants/* Input */.pd.tags, 'need image or source: without one there is nothing to push');
        return repository ? { kind: 'ensure', repository } : { kind: 'login' };
    }
    const what = image ? constants/* Input */.pd.image : constants/* Input */.pd.source;
    if (!repository)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.repository, `is required when ${what} is given`);
    // The commit SHA is the default tag, as `${{ github.sha }}` would be.
    const tags = givenTags.length > 0 || !context.sha ? givenTags : [context.sha];
    for (const tag of tags) {
        if (!names/* TAG */.Dk.test(tag)) {
            throw new common_errors/* InputError */.dz(constants/* Input */.pd.tags, `${(0,common_errors/* quote */.hD)(tag)} is not a valid tag: it must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127} (128 characters at most)`);
        }
    }
    if (tags.length === 0)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.tags, `must name at least one tag when ${what} is given`);
    if (tags.length > MAX_TAGS_PER_IMAGE)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.tags, `at most ${MAX_TAGS_PER_IMAGE} tags per image`);
    return image
        ? { kind: 'image', repository, image, tags, maxConcurrency, mountFrom, referrers }
        : {
            kind: 'source',
            repository,
            source: source,
            tags,
            maxConcurrency,
            mountFrom,
            platform,
            referrers
        };
}
/**
 * `destinations`, checked against what else was given: they need a repository (there is nothing to put
 * in them otherwise), and one KMS key ARN cannot serve several regions (a key lives in one region; an
 * alias can name a key of the same name in each). One given as a region inherits the step's endpoint
 * choice; one given as a host keeps what its name says.
 */
function parseDeliveryDestinations(get, inputs) {
    const destinations = (0,deliver_destinations/* parseDestinations */.dU)(constants/* Input */.pd.destinations, get(constants/* Input */.pd.destinations), inputs.registryId).map(destination => (destination.host ? destination : { ...destination, ...inputs.endpoint }));
    if (destinations.length === 0) {
        if (inputs.scanDestinations)
            throw new common_errors/* InputError */.dz(constants/* Input */.pd.scanDestinations, 'applies only with destinations');
        return destinations;
    }
    if (inputs.work.kind === 'login')
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.destinations, 'need repository: a destination gets the repository and the image');
    if (inputs.scanDestinations && !inputs.scan.wait)
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.scanDestinations, `applies only with ${constants/* Input */.pd.scan}: wait (the gate runs where it waits)`);
    const kmsRegion = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(inputs.settings.kmsKey ?? '')?.[1];
    const elsewhere = destinations.find(destination => destination.region !== kmsRegion);
    if (kmsRegion && elsewhere) {
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.kmsKey, `${(0,common_errors/* quote */.hD)(inputs.settings.kmsKey ?? '')} is a key of ${kmsRegion}, and destination ${(0,common_errors/* quote */.hD)(elsewhere.label)} ` +
            'is in another region: one key ARN cannot serve several regions. Give an alias (alias/name) that ' +
            "exists in every region, or a key ID only when every registry is in that key's region");
    }
    return destinations;
}
/** The repository a step works on, when it has one. */
function repositoryOf(work) {
    return work.kind === 'login' ? undefined : work.repository;
}
/**
 * `image`: what `docker image inspect` takes, checked against the reference grammar before it reaches a
 * command line: a reference (`app:ci`, `registry:5000/team/app@sha256:…`) or an image ID (`sha256:…`, or
 * its short hex form).
 */
function parseImageInput(raw) {
    const image = raw.trim();
    if (image === '')
        return undefined;
    if (/^(sha256:)?[a-f0-9]{12,64}$/.test(image))
        return image;
    const parsed = (0,reference/* parseReference */.F2)(image, { domain: 'allowed' });
    if (typeof parsed === 'string')
        throw new common_errors/* InputError */.dz(constants/* Input */.pd.image, `${(0,common_errors/* quote */.hD)(image)} is not an image reference: ${parsed}`);
    return image;
}

// EXTERNAL MODULE: ./src/deliver/lazy.ts
var lazy = __webpack_require__(3603);
// EXTERNAL MODULE: ./src/deliver/login.ts
var deliver_login = __webpack_require__(3084);
// EXTERNAL MODULE: ./src/deliver/payload.ts + 1 modules
var deliver_payload = __webpack_require__(7216);
;// CONCATENATED MODULE: ./src/deliver/early.ts


/**
 * Pure: whether the push can start before the repository is ensured. A private repository's path is its
 * name in the login's registry; ECR Public's holds the registry alias, known only once it is ensured.
 */
function startsEarly(payload, isPublic, name) {
    return payload.kind !== 'none' && !isPublic && name !== undefined;
}
/** Starts the push's reads, and an archive's first layers. Every promise is observed (none rejects unseen). */
function startEarlyPush(login, payload, name, inputs) {
    const registry = (0,lazy/* openRegistry */.M)(login, inputs.stallTimeoutMs);
    const read = (0,deliver_payload/* tagReadOf */.S7)(payload);
    const tags = payload.kind === 'none' ? [] : payload.work.tags;
    const held = Promise.all([registry, lazy/* load */.H.tags()]).then(([client, { readTags }]) => readTags(client, name, tags, read));
    const archive = payload.kind === 'archive'
        ? Promise.all([registry, held, lazy/* load */.H.pushArchive()]).then(([client, tagsHeld, { startArchivePush }]) => startArchivePush(client, name, payload.image, tagsHeld, {
            concurrency: payload.work.maxConcurrency
        }))
        : Promise.resolve(undefined);
    // Each is awaited by the push, or never when an earlier phase fails: observed here either way.
    for (const started of [registry, held, archive])
        started.catch(() => undefined);
    // The push's own code, loaded meanwhile.
    lazy/* load */.H.push().catch(() => undefined);
    return {
        registry,
        held,
        archive,
        dispose: async () => {
            const started = await archive.catch(() => undefined);
            await started?.cancel();
        }
    };
}

// EXTERNAL MODULE: ./src/ecr/console.ts
var console = __webpack_require__(1323);
// EXTERNAL MODULE: ./src/common/format.ts
var format = __webpack_require__(6950);
// EXTERNAL MODULE: ./src/common/summary.ts
var common_summary = __webpack_require__(7701);
;// CONCATENATED MODULE: ./src/deliver/summary.ts




const RESULT_TEXT = {
    pushed: 'pushed',
    tagged: 'tagged (image was there)',
    unchanged: 'unchanged',
    restored: 'restored from the archive'
};
/** The job summary: what was delivered where, with digests and sizes. Never fails the step. */
async function writeDeliverySummary(report) {
    // The scan gate's module is loaded by a run that scanned (it had it loaded already).
    const scanSection = report.scan ? (await lazy/* load */.H.scanGate()).addScanSummary : undefined;
    const signingSection = report.signing ? (await lazy/* load */.H.managedSigning()).addManagedSigningSummary : undefined;
    await (0,common_summary/* writeSummary */.Sy)(summary => {
        summary.addHeading('ECR delivery', 2);
        if (report.repository) {
            const { name, uri, consoleUrl, created, differences, governance, lifecyclePreview } = report.repository;
            summary.addRaw(`<p>Repository ${(0,common_summary/* link */.nf)(consoleUrl, (0,common_summary/* code */.aY)(name))} `);
            summary.addRaw(created ? '(created by this step)</p>' : '(existing)</p>', true);
            summary.addRaw(`<p>${(0,common_summary/* code */.aY)(uri)}</p>`, true);
            if (governance.length > 0)
                summary.addList(governance.map(common_summary/* escapeHtml */.ZD));
            if (lifecyclePreview)
                addLifecyclePreview(summary, lifecyclePreview);
            if (differences.length > 0) {
                summary.addRaw('<p>Differs from the declared settings (left unchanged):</p>', true);
                summary.addList(differences.map(common_summary/* escapeHtml */.ZD));
            }
        }
        else {
            summary.addRaw(`<p>Logged in to ${(0,common_summary/* code */.aY)(report.registry)}.</p>`, true);
        }
        if (report.registries)
            addRegistries(summary, report.registries);
        if (report.delivery)
            addDelivery(summary, report.delivery);
        if (report.signatures)
            addSignatures(summary, report.signatures);
        if (report.signing && signingSection)
            signingSection(summary, report.signing);
        if (report.scan && scanSection)
            scanSection(summary, report.scan);
    });
}
function addSignatures(summary, { keyArn, rows }) {
    summary.addRaw(`<p>Signed with the KMS key ${(0,common_summary/* code */.aY)(keyArn)} (no transparency-log entry)</p>`, true);
    summary.addTable([
        (0,common_summary/* headerRow */.U1)('Image', 'Signature', 'Format', 'Result'),
        ...rows.map(r => [
            (0,common_summary/* code */.aY)(`${r.repositoryUri}@${r.subject}`),
            (0,common_summary/* code */.aY)(r.digest),
            r.format === 'simple' ? 'cosign (.sig)' : 'sigstore bundle',
            r.outcome === 'signed' ? 'signed, verified' : 'already signed, verified'
        ])
    ]);
}
function addLifecyclePreview(summary, results) {
    summary.addRaw(`<p>Lifecycle policy preview (nothing applied): ${results.length} image${results.length === 1 ? '' : 's'} affected</p>`, true);
    if (results.length === 0)
        return;
    summary.addTable([
        (0,common_summary/* headerRow */.U1)('Digest', 'Tags', 'Pushed', 'Action', 'Rule'),
        ...results
            .slice(0, 200)
            .map(r => [
            (0,common_summary/* code */.aY)((0,format/* shortDigest */.V)(r.imageDigest ?? '')),
            (0,common_summary/* escapeHtml */.ZD)((r.imageTags ?? []).join(', ')) || '<i>untagged</i>',
            r.imagePushedAt ? new Date(r.imagePushedAt).toISOString().slice(0, 10) : '',
            (0,common_summary/* escapeHtml */.ZD)(r.action?.type ?? ''),
            (0,common_summary/* escapeHtml */.ZD)(r.appliedRulePriority ?? '')
        ])
    ]);
}
function addDelivery(summary, { digest, size, tags, platforms, referrers, blobs }) {
    summary.addTable([
        (0,common_summary/* headerRow */.U1)('Reference', 'Digest', 'Size', 'Result'),
        ...tags.map(t => [(0,common_summary/* code */.aY)(t.reference), (0,common_summary/* code */.aY)(digest), (0,format/* formatBytes */.z)(size), RESULT_TEXT[t.result]])
    ]);
    if (platforms.length > 0) {
        summary.addTable([
            (0,common_summary/* headerRow */.U1)('Platform', 'Digest'),
            ...platforms.map(p => [(0,common_summary/* escapeHtml */.ZD)(p.platform), (0,common_summary/* code */.aY)(p.digest)])
        ]);
    }
    if (referrers.length > 0) {
        summary.addRaw(`<p>Referrers: ${referrers.length}, each listed by the registry for its subject</p>`, true);
        summary.addTable([
            (0,common_summary/* headerRow */.U1)('Referrer', 'Artifact type', 'Subject'),
            ...referrers.map(r => [(0,common_summary/* code */.aY)(r.digest), (0,common_summary/* escapeHtml */.ZD)(r.artifactType ?? ''), (0,common_summary/* code */.aY)(r.subject)])
        ]);
    }
    if (blobs && blobs.length > 0) {
        const sent = blobs.reduce((sum, blob) => sum + blob.bytesSent, 0);
        summary.addDetails(`Blobs: ${blobs.length}, ${(0,format/* formatBytes */.z)(sent)} sent`, `<table><tr><th>Blob</th><th>Size</th><th>Result</th><th>Sent</th></tr>${blobs
            .map(b => `<tr><td>${(0,common_summary/* code */.aY)((0,format/* shortDigest */.V)(b.digest))}</td><td>${(0,format/* formatBytes */.z)(b.size)}</td>` +
            `<td>${b.outcome === 'present' ? 'already present' : b.outcome}</td><td>${(0,format/* formatBytes */.z)(b.bytesSent)}</td></tr>`)
            .join('')}</table>`);
    }
}
/** One row per registry: where, what digest, what happened, how much was sent. */
function addRegistries(summary, rows) {
    summary.addTable([
        (0,common_summary/* headerRow */.U1)('Registry', 'Region', 'Account', 'Repository', 'Digest', 'Result', 'Sent'),
        ...rows.map(row => {
            const sent = (row.delivery?.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0);
            const result = row.error
                ? `failed: ${(0,common_summary/* escapeHtml */.ZD)(row.error)}`
                : row.delivery
                    ? (0,deliver_delivery/* resultOf */.Bg)(row.delivery)
                    : 'not pushed';
            return [
                (0,common_summary/* code */.aY)(row.registry || row.label),
                (0,common_summary/* escapeHtml */.ZD)(row.region),
                (0,common_summary/* escapeHtml */.ZD)(row.account),
                row.repositoryUri ? (0,common_summary/* link */.nf)(row.consoleUrl, (0,common_summary/* code */.aY)(row.repositoryUri)) : '',
                row.delivery ? (0,common_summary/* code */.aY)((0,format/* shortDigest */.V)(row.delivery.digest)) : '',
                result,
                row.delivery?.blobs ? (0,format/* formatBytes */.z)(sent) : ''
            ];
        })
    ]);
}

// EXTERNAL MODULE: ./src/deliver/fan-out/report.ts
var report = __webpack_require__(374);
;// CONCATENATED MODULE: ./src/deliver/outcome.ts










/** The outputs of a delivery, set right after the push (before a scan gate that may take minutes). */
function setDeliveryOutputs(repositoryUri, delivery, destinations) {
    core/* setOutput */.uH(constants/* Output */.k7.imageDigest, delivery.digest);
    core/* setOutput */.uH(constants/* Output */.k7.imageUri, `${repositoryUri}@${delivery.digest}`);
    const references = [delivery, ...destinations.map(d => d.delivery)].flatMap(d => d?.tags.map(t => t.reference) ?? []);
    core/* setOutput */.uH(constants/* Output */.k7.imageUris, references.join('\n'));
    core/* setOutput */.uH(constants/* Output */.k7.platformDigests, delivery.platforms.map(p => `${p.platform}=${p.digest}`).join('\n'));
    core/* setOutput */.uH(constants/* Output */.k7.referrers, JSON.stringify(delivery.referrers));
    log/* info */.p(`Delivered ${repositoryUri}@${delivery.digest}`);
}
/**
 * `deliveries` (when anything was pushed), the job summary, then the step's failure: the main push's, managed
 * signing's, the scan gate's, or the destinations' that failed.
 */
async function writeOutcome(clients, outcome) {
    const { login, region, repository, target, delivery, destinations } = outcome;
    const name = outcome.name ?? '';
    if (target && (delivery || outcome.failure !== undefined)) {
        const main = (0,deliver_delivery/* recordOf */.zv)(login.host, region, target.repositoryUri, delivery, outcome.failure === undefined ? undefined : (0,common_errors/* messageOf */.bD)(outcome.failure));
        core/* setOutput */.uH(constants/* Output */.k7.deliveries, JSON.stringify([main, ...(0,report/* destinationRecords */.jU)(destinations, name)]));
    }
    const consoleUrl = repository ? consoleUrlOf(clients, repository, name) : '';
    await writeDeliverySummary({
        registry: login.host,
        repository: repository && {
            name,
            uri: repository.repository.repositoryUri ?? '',
            consoleUrl,
            created: repository.created,
            differences: repository.differences,
            governance: repository.changes,
            lifecyclePreview: repository.lifecyclePreview
        },
        delivery,
        signing: outcome.signing && [outcome.signing.main, ...outcome.signing.destinations],
        scan: outcome.scan,
        signatures: outcome.signatures,
        registries: destinations.length > 0 && repository
            ? [mainRow(login, region, repository, consoleUrl, delivery), ...(0,report/* destinationRows */.uF)(destinations, name)]
            : undefined
    });
    if (outcome.failure !== undefined)
        throw outcome.failure;
    if (outcome.signing?.main.failure)
        throw new common_errors/* ActionError */.lZ(outcome.signing.main.failure);
    if (outcome.scan?.failure)
        throw new common_errors/* ActionError */.lZ(outcome.scan.failure);
    const failed = (0,report/* destinationsFailure */.Ie)(destinations);
    if (failed)
        throw failed;
}
function mainRow(login, region, repository, consoleUrl, delivery) {
    return {
        label: 'main',
        registry: login.host,
        region,
        account: (0,hosts/* accountOfHost */.lp)(login.host) ?? '',
        consoleUrl,
        repositoryUri: repository.repository.repositoryUri ?? '',
        delivery
    };
}
function consoleUrlOf(clients, report, name) {
    return clients.public
        ? (0,ecr_public/* galleryUrl */.uT)(report.repository.repositoryUri ?? '')
        : (0,console/* repositoryConsoleUrl */.t)(clients.region, report.repository.registryId ?? '', name);
}

;// CONCATENATED MODULE: ./src/deliver/sign-phases.ts



/**
 * With signing-key: the delivered digest signed in the main registry and in every destination, each read
 * back and verified. A main signature that fails fails the step (the outputs and the summary still say
 * what was delivered).
 */
async function signWithKey(run, signing, target, mainClient, pushed) {
    const [module, registry] = await Promise.all([lazy/* load */.H.signing(), mainClient]);
    return core/* group */.Os('Sign', async () => {
        try {
            const rows = await module.signDelivered(signing, registry, target, pushed.delivery);
            module.setSignatureOutput(rows, pushed.delivery.digest);
            const others = await module.signDestinations(signing, pushed.destinations);
            return { rows: [...rows, ...others.rows], destinations: others.stages };
        }
        catch (error) {
            return { failure: error };
        }
    });
}
/**
 * With signing-profile: the wait for ECR managed signing in the main registry and every destination at
 * once; the signatures join the referrers (the `referrers` output is written again with them).
 */
async function managedSigning(run, target, mainClient, repository, pushed) {
    const { inputs, clients, fanOut } = run;
    const signing = inputs.managedSigning;
    const [module, registry] = await Promise.all([lazy/* load */.H.managedSigning(), mainClient]);
    return core/* group */.Os('ECR managed signing', async () => {
        const main = {
            ecr: clients.ecr,
            registry,
            repository: target.repository,
            registryId: repository.repository.registryId ?? inputs.registryId,
            repositoryUri: target.repositoryUri,
            label: 'main'
        };
        const [report, others] = await Promise.all([
            module.waitForManagedSignature(main, pushed.delivery.digest, signing),
            fanOut
                ? fanOut.signDestinations(pushed.destinations, signing)
                : { stages: pushed.destinations, reports: [] }
        ]);
        const delivery = module.withSignatures(pushed.delivery, report);
        core/* setOutput */.uH(constants/* Output */.k7.referrers, JSON.stringify(delivery.referrers));
        return { delivery, destinations: others.stages, signing: { main: report, destinations: others.reports } };
    });
}

// EXTERNAL MODULE: ./src/deliver/target.ts
var deliver_target = __webpack_require__(4088);
;// CONCATENATED MODULE: ./src/deliver/main.ts




















/**
 * The deliver action, in phases: read the inputs and find what to push (before any call; the credentials
 * are asked for meanwhile), log in (to the destinations too), ensure and govern the repositories while the
 * push's reads start (early.ts), push and verify, wait for the scan gate, then the outputs and the summary
 * (outcome.ts). docker login runs beside it all and is reported last (login.ts).
 */
async function main_run() {
    // GITHUB_SHA is what @actions/github's context.sha reads: not worth loading Octokit for.
    const inputs = parseDeliverInputs(name => core/* getInput */.V4(name), {
        sha: process.env.GITHUB_SHA ?? '',
        env: process.env
    });
    core/* saveState */.LZ(constants/* State */.Uw.skipLogout, String(inputs.skipLogout));
    for (const warning of inputs.warnings)
        core/* warning */.$e(warning);
    const clients = await prepareClients(inputs);
    (0,deliver_destinations/* refuseMainRegistry */.f0)(constants/* Input */.pd.destinations, inputs.destinations, {
        region: clients.region,
        accountId: inputs.registryId
    });
    refuseEndpoints(inputs, clients.region);
    (0,run/* startupMark */.V)('set up');
    // Reads, asked for at once: the credentials and the repository arrive while the payload is found and
    // checked (nothing is written before that).
    const name = repositoryOf(inputs.work);
    const credentials = fetchLogins(clients, inputs);
    const described = name && !clients.public
        ? (0,repositories/* describeRepository */.MD)(clients.ecr, { name, registryId: inputs.registryId })
        : undefined;
    // The signing key is checked beside them (DescribeKey, GetPublicKey), and waited for before anything is
    // written: a key that cannot sign fails the step with nothing created.
    const signingReady = inputs.signing
        ? lazy/* load */.H
            .signing()
            .then(m => m.prepareSigning(inputs.signing, clients.region, inputs.endpoint))
        : undefined;
    for (const read of [credentials, described, signingReady])
        read?.catch(() => undefined);
    const payload = await (0,deliver_payload/* findPayload */.wN)(inputs.work, clients.docker);
    let early;
    let docker;
    try {
        const signing = await signingReady;
        const fanOut = inputs.destinations.length > 0 ? await lazy/* load */.H.fanOut() : undefined;
        const logins = await core/* group */.Os('Log in to Amazon ECR', () => logIn(credentials, inputs));
        const login = logins[0];
        if (name && startsEarly(payload, inputs.public !== undefined, name))
            early = startEarlyPush(login, payload, name, inputs);
        docker = (0,deliver_login/* startDockerLogins */.D3)(clients.docker, logins);
        // One docker CLI config: the destinations' logins wait for the main one (they would race on its file).
        if (fanOut)
            await docker.done;
        const loggedIn = fanOut
            ? await fanOut.logInToDestinations(inputs, clients.docker, { host: login.host, region: clients.region })
            : [];
        const outcome = name
            ? await deliverTo(name, {
                inputs,
                clients,
                login,
                fanOut,
                payload,
                loggedIn,
                early,
                docker,
                described,
                signing
            })
            : { login, region: clients.region, destinations: loggedIn };
        await writeOutcome(clients, outcome);
    }
    catch (error) {
        // The step's own failure is the one it reports; what docker login printed is printed all the same.
        await docker?.finish().catch(() => undefined);
        throw error;
    }
    finally {
        await early?.dispose();
        await (0,deliver_payload/* disposePayload */.w1)(payload);
    }
    await docker.finish();
}
/** GetAuthorizationToken for the main registry (and each extra one), or ECR Public's. */
function fetchLogins(clients, inputs) {
    return clients.public
        ? (0,deliver_login/* getPublicLogins */.SC)(clients.public, inputs.maskPassword)
        : (0,deliver_login/* getLogins */.tg)(clients.ecr, inputs);
}
/** The credentials, as outputs: the registry and the credentials; the password is masked unless asked not to be. */
async function logIn(credentials, inputs) {
    const logins = await credentials;
    const [login] = logins;
    (0,run/* startupMark */.V)('logged in');
    log/* info */.p(`Credentials for ${logins.map(l => l.host).join(', ')} (docker login runs beside the push)`);
    core/* setOutput */.uH(constants/* Output */.k7.registry, login.host);
    core/* setOutput */.uH(constants/* Output */.k7.dockerUsername, login.username);
    if (!inputs.maskPassword) {
        core/* warning */.$e('mask-password is false: docker-password is not masked, so it can be passed to other jobs.');
    }
    core/* setOutput */.uH(constants/* Output */.k7.dockerPassword, login.password);
    return logins;
}
/** Ensures the repository in every registry, pushes the payload when there is one, then the scan gate. */
async function deliverTo(name, run) {
    const { inputs, clients, login, fanOut } = run;
    let repository = await ensureTarget(clients, inputs, name, login.host, run.described);
    const ensured = fanOut ? await fanOut.ensureDestinationRepositories(run.loggedIn, inputs, name) : [];
    const base = { login, region: clients.region, repository, name, destinations: ensured };
    const payload = await (0,deliver_payload/* settlePayload */.MF)(run.payload);
    if (payload.kind === 'none')
        return base;
    const target = (0,deliver_target/* deliveryTarget */.C)(repository, repository.repository.repositoryUri, tag => clients.public
        ? (0,ecr_public/* removePublicImageTag */.Nl)(clients.public, name, tag)
        : (0,ecr_images/* removeImageTag */.SR)(clients.ecr, name, tag, inputs.registryId));
    const registry = mainRegistry(run, target);
    const pushed = await core/* group */.Os(`Push to ${target.repositoryUri}`, () => push(run, target, registry, payload, ensured));
    if (!pushed.ok)
        return { ...base, target, destinations: pushed.destinations, failure: pushed.error };
    setDeliveryOutputs(target.repositoryUri, pushed.delivery, pushed.destinations);
    // Signed with the key first: the digest handed on is signed once the step is green.
    const keySigned = run.signing ? await signWithKey(run, run.signing, target, registry, pushed) : undefined;
    if (keySigned && 'failure' in keySigned)
        return {
            ...base,
            target,
            delivery: pushed.delivery,
            destinations: pushed.destinations,
            failure: keySigned.failure
        };
    const afterKey = keySigned ? { ...pushed, destinations: keySigned.destinations } : pushed;
    // Created by the push itself (a CREATE_ON_PUSH template): governed now that it exists.
    if (repository.createdOnPush)
        repository = await ensureTarget(clients, inputs, name, login.host);
    const signed = inputs.managedSigning
        ? await managedSigning(run, target, registry, repository, afterKey)
        : { delivery: pushed.delivery, destinations: afterKey.destinations, signing: undefined };
    const scan = inputs.scan.wait
        ? await scanGate(clients.ecr, inputs, repository, target.repositoryUri, signed.delivery)
        : undefined;
    const destinations = fanOut && inputs.scan.wait && inputs.scanDestinations
        ? await fanOut.scanDestinations(signed.destinations, inputs)
        : signed.destinations;
    return {
        ...base,
        repository,
        target,
        delivery: signed.delivery,
        signing: signed.signing,
        signatures: keySigned && { keyArn: run.signing?.key.arn, rows: keySigned.rows },
        scan,
        destinations
    };
}
async function ensureTarget(clients, inputs, name, host, described) {
    const report = clients.public
        ? await core/* group */.Os(`Ensure public repository ${name}`, () => (0,governance/* ensurePublic */.y)(clients.public, inputs, name))
        : await core/* group */.Os(`Ensure repository ${name}`, () => (0,governance/* governRepository */.u)(clients.ecr, inputs, name, described));
    // A private repository's URI is the login's host (the dual-stack or FIPS name when chosen; the API names the
    // IPv4 one) and the name, as for every destination; one the push will create has no URI yet either.
    if (!clients.public || !report.repository.repositoryUri)
        report.repository.repositoryUri = `${host}/${name}`;
    core/* setOutput */.uH(constants/* Output */.k7.repositoryUri, report.repository.repositoryUri);
    return report;
}
/** The main registry's client for the push and the signing after it: the one opened early, or now. */
function mainRegistry(run, target) {
    const host = target.repositoryUri.split('/')[0];
    return run.early?.registry ?? (0,lazy/* openRegistry */.M)({ ...run.login, host }, run.inputs.stallTimeoutMs);
}
/** The push, to the main registry and every destination; a restored archived image is said so. */
async function push(run, target, mainClient, payload, ensured) {
    const { inputs, clients, fanOut, early } = run;
    const [{ pushPayload }, registry, archiveStart] = await Promise.all([
        lazy/* load */.H.push(),
        mainClient,
        early?.archive
    ]);
    // Read beside the push: an archived image's tags read as missing, and writing them restores it.
    const archived = clients.public
        ? Promise.resolve(new Set())
        : archivedDigests(clients.ecr, target.repository, inputs.registryId);
    const outcome = await pushPayload({
        inputs,
        docker: clients.docker && { cli: clients.docker, loggedIn: run.docker.done },
        main: { registry, target, held: early?.held, archiveStart },
        fanOut: fanOut && {
            module: fanOut,
            destinations: ensured,
            openRegistry: l => (0,lazy/* openRegistry */.M)(l, inputs.stallTimeoutMs)
        }
    }, payload);
    return outcome.ok ? { ...outcome, delivery: (0,deliver_delivery/* markRestored */.Uu)(outcome.delivery, await archived) } : outcome;
}
async function scanGate(ecr, inputs, report, repositoryUri, delivery) {
    const { runScanGate, setScanOutputs } = await lazy/* load */.H.scanGate();
    const scan = await core/* group */.Os('Scan gate', () => runScanGate(ecr, report.repository, delivery, inputs.scan));
    await setScanOutputs(scan, `${repositoryUri}@${delivery.digest}`);
    return scan;
}


/***/ }),

/***/ 7216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w1: () => (/* binding */ disposePayload),
  wN: () => (/* binding */ findPayload),
  MF: () => (/* binding */ settlePayload),
  S7: () => (/* binding */ tagReadOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/common/format.ts
var format = __webpack_require__(6950);
// EXTERNAL MODULE: ./src/deliver/lazy.ts
var lazy = __webpack_require__(3603);
;// CONCATENATED MODULE: ./src/deliver/engine-export.ts









/**
 * Pure: whether an exported image is the engine's image. The image ID is the config digest with the
 * classic store, and the digest of the manifest or index with the containerd store, which index.json names.
 */
function isEngineImage(id, image) {
    return image.kind === 'docker-archive' ? image.config.digest === id : image.named === id;
}
/**
 * Exports the image by its ID (`docker save <id>`: the exact image, whatever its names are now) into
 * RUNNER_TEMP and opens it as a source: with the containerd store it is delivered as stored, with the
 * classic store its layers are compressed on the way. Spooled, not streamed: docker writes manifest.json and
 * index.json after the blobs, so a stream would reach the layers before knowing what they are, and the
 * parallel compression reads each layer from its offset. The file goes when the payload is disposed.
 * It runs beside the API calls: its lines go to `print`, held until the push (payload.ts).
 */
async function exportEngineImage(docker, local, options, print = log/* info */.p) {
    const path = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `ecr-deliver-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tar`);
    const removeFile = () => (0,promises_.rm)(path, { force: true });
    const started = Date.now();
    try {
        await docker.save(local.id, path, print);
    }
    catch (error) {
        await removeFile();
        return { ok: false, reason: (0,errors/* messageOf */.bD)(error) };
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    print(`Exported ${(0,errors/* quote */.hD)(local.reference)} (${local.id}): ${(0,format/* formatBytes */.z)((await (0,promises_.stat)(path)).size)} in ${seconds} s`);
    let image;
    try {
        const { openImageSource } = await lazy/* load */.H.sources();
        image = await openImageSource(path, options);
    }
    catch (error) {
        await removeFile();
        throw error;
    }
    const dispose = async () => {
        await image.dispose();
        await removeFile();
    };
    if (!isEngineImage(local.id, image)) {
        await dispose();
        const got = image.kind === 'docker-archive' ? `config ${image.config.digest}` : image.named;
        throw new errors/* ActionError */.lZ(`docker save ${local.id} exported ${got}, which is not the image ${(0,errors/* quote */.hD)(local.reference)}: nothing was pushed`);
    }
    return { ok: true, image: { ...image, dispose } };
}
/** Says why the engine's image goes through docker push after all. */
function warnExportFailed(reason) {
    core/* warning */.$e(`Could not export the image from the engine (${reason}): pushing it with docker push under a staging tag instead`);
}

;// CONCATENATED MODULE: ./src/deliver/payload.ts






/** zlib level for docker-save layers: level 1 compresses several times faster than 6 for a few % more bytes. */
const GZIP_LEVEL = 1;
/** How its tags are read: a layout's digest is known, so a HEAD per tag is enough; the others are known by config or image ID. */
function tagReadOf(payload) {
    return payload.kind === 'layout' ? 'digest' : 'manifest';
}
/**
 * Finds what the step is to push: the engine's image, its export by ID begun (docker push only where it
 * cannot be exported), or the source read and checked. A missing image or a broken source is bad input,
 * found before anything is written (main.ts only reads meanwhile: the credentials, the repository).
 */
async function findPayload(work, docker) {
    if (work.kind === 'image') {
        if (!docker)
            throw new errors/* ActionError */.lZ('Input "image" needs the docker CLI, which is not on this runner');
        const local = await findLocalImage(docker, work.image);
        const lines = [];
        const exported = exportEngineImage(docker, local, { gzipLevel: GZIP_LEVEL }, line => void lines.push(line));
        // Awaited by settlePayload, or by disposePayload when an earlier phase fails.
        exported.catch(() => undefined);
        return { kind: 'export', image: local, work, exported, lines };
    }
    if (work.kind !== 'source')
        return { kind: 'none' };
    const { openImageSource } = await lazy/* load */.H.sources();
    let image = await core/* group */.Os(`Read ${work.source}`, () => openImageSource(work.source, { gzipLevel: GZIP_LEVEL, platform: work.platform }));
    if (work.platform) {
        const { selectPlatform } = await lazy/* load */.H.platform();
        const whole = image;
        try {
            image = await selectPlatform(whole, work.platform, work.source);
        }
        catch (error) {
            await whole.dispose();
            throw new errors/* InputError */.dz(constants/* Input */.pd.platform, (0,errors/* messageOf */.bD)(error));
        }
    }
    return payloadOf(image, work, work.source);
}
function payloadOf(image, work, label) {
    log/* info */.p(`${label}: ${describeSource(image)}`);
    for (const note of image.notes)
        log/* info */.p(note);
    return image.kind === 'docker-archive' ? { kind: 'archive', image, work } : { kind: 'layout', image, work };
}
/** The payload as it is to be pushed: an export awaited, its lines printed in their group. */
async function settlePayload(payload) {
    if (payload.kind !== 'export')
        return payload;
    const { work, image } = payload;
    return core/* group */.Os(`Export ${work.image}`, async () => {
        let exported;
        try {
            exported = await payload.exported;
        }
        finally {
            payload.lines.forEach(line => log/* info */.p(line));
        }
        if (!exported.ok) {
            warnExportFailed(exported.reason);
            return { kind: 'engine', image, work };
        }
        return payloadOf(exported.image, work, work.image);
    });
}
/** Releases what a payload holds open (a source's files, an export's file once it is written). */
async function disposePayload(payload) {
    if (payload.kind === 'layout' || payload.kind === 'archive')
        await payload.image.dispose();
    if (payload.kind === 'export') {
        const exported = await payload.exported.catch(() => undefined);
        if (exported?.ok)
            await exported.image.dispose();
    }
}
/** One line on what was read: the manifest of a layout, or the config and layers of an archive. */
function describeSource(image) {
    if (image.kind === 'docker-archive') {
        const toCompress = image.layers.filter(layer => layer.kind === 'compress').length;
        return `docker-archive, config ${image.config.digest}, ${image.layers.length} layers (${toCompress} compressed on the way)`;
    }
    const referrers = image.referrers.length + image.children.filter(child => child.subject).length;
    return (`${image.kind}, ${image.top.mediaType} ${image.top.digest}, ${image.blobs.length} blobs` +
        (referrers > 0 ? `, ${referrers} referrers (attestations, signatures)` : ''));
}
async function findLocalImage(docker, image) {
    const local = await docker.inspectImage(image);
    if (!local) {
        const engine = process.env.DOCKER_HOST ? ` at ${process.env.DOCKER_HOST}` : '';
        throw new errors/* ActionError */.lZ(`Input "image": ${(0,errors/* quote */.hD)(image)} is not an image in the docker engine${engine}: ` +
            'build or pull it in an earlier step (docker images lists what is there).');
    }
    return local;
}


/***/ }),

/***/ 4088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ deliveryTarget)
/* harmony export */ });
/* harmony import */ var _ecr_mutability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8860);

/**
 * Where an image goes, in any registry: built once from the repository as ensured, the URI the outputs
 * name, and how a tag is removed there (the docker path's staging tag).
 */
function deliveryTarget(report, repositoryUri, removeTag) {
    const { repository } = report;
    const exclusions = (0,_ecr_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .exclusionsOf */ .Tf)(repository);
    return {
        repositoryUri,
        // The path under /v2/: the repository's name (ECR Public adds its alias: see the URI).
        repository: repositoryUri.slice(repositoryUri.indexOf('/') + 1),
        isImmutable: tag => (0,_ecr_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .isTagImmutable */ .j1)(tag, repository.imageTagMutability, exclusions),
        removeTag
    };
}


/***/ }),

/***/ 7454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ getRegistryLogins),
/* harmony export */   z: () => (/* binding */ loginFromToken)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2103);
/* harmony import */ var _hosts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4045);





/**
 * Fetches registry credentials (for `registryIds`, or the caller's own registry when empty) and
 * registers the token and password as secrets before anything can print them. Throttling is retried by
 * the SDK's adaptive retry mode (awsClientConfig), the one retry layer of AWS calls. GetAuthorizationToken
 * names the IPv4 registry: its host is rewritten to the endpoint variant's (hosts.ts).
 */
async function getRegistryLogins(client, registryIds, endpoint, options = {}) {
    const command = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .GetAuthorizationTokenCommand */ .Eu6(registryIds.length > 0 ? { registryIds } : {});
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)('GetAuthorizationToken', () => client.send(command));
    const [first, ...rest] = (response.authorizationData ?? []).map(data => decodeAuthorization(data, endpoint, options.maskPassword ?? true));
    if (!first)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('GetAuthorizationToken returned no authorization data');
    return [first, ...rest];
}
function decodeAuthorization(data, endpoint, maskPassword) {
    if (!data.proxyEndpoint) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('GetAuthorizationToken returned an authorization token without its registry');
    }
    let host;
    try {
        host = (0,_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .registryHostIn */ .XU)((0,_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .registryHostOf */ .pY)(data.proxyEndpoint), endpoint);
    }
    catch (error) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`GetAuthorizationToken's registry: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`);
    }
    return loginFromToken(data.authorizationToken ?? '', host, maskPassword, 'GetAuthorizationToken');
}
/**
 * A registry login from an authorization token (base64 of `user:password`, private and public ECR alike).
 * The token and the password are registered as secrets before anything can print them; the password
 * stays unmasked only on request (mask-password: false), so the docker-password output can cross jobs.
 */
function loginFromToken(token, host, maskPassword, call) {
    // The token is the password in another encoding and is never output: always masked.
    if (token)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (!token || separator <= 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${call} returned an authorization token that is not username:password`);
    const password = decoded.slice(separator + 1);
    if (maskPassword)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(password);
    return { host, endpoint: `https://${host}`, username: decoded.slice(0, separator), password, token };
}


/***/ }),

/***/ 2447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ resolveRegion),
/* harmony export */   y: () => (/* binding */ createEcrClient)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2064);



/**
 * The ECR API client. Credentials and the endpoint come from the SDK's standard chain
 * (AWS_* variables, web identity, profiles, AWS_ENDPOINT_URL_ECR); throttling ("Rate exceeded",
 * a bare 429) is handled by the SDK's adaptive retry mode. The endpoint variant as common/endpoints.ts decides.
 */
function createEcrClient(region, endpoint) {
    return new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ECRClient */ .S70((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .r)('ECR', region, endpoint));
}
/** The region the client will call, or a clear error saying how to provide one. */
async function resolveRegion(client) {
    let region;
    try {
        region = await client.config.region();
    }
    catch {
        region = undefined;
    }
    if (!region) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('No AWS region is set: give aws-region to aws-actions/configure-aws-credentials before this step, ' +
            'or set AWS_REGION in the environment.');
    }
    return region;
}


/***/ }),

/***/ 1323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ repositoryConsoleUrl)
/* harmony export */ });
/** The console page of a private repository. */
function repositoryConsoleUrl(region, registryId, name) {
    return `https://${region}.console.aws.amazon.com/ecr/repositories/private/${registryId}/${name}?region=${region}`;
}


/***/ }),

/***/ 2103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IY: () => (/* binding */ callAws),
/* harmony export */   Ni: () => (/* binding */ explainAwsError),
/* harmony export */   VV: () => (/* binding */ collectPages),
/* harmony export */   ZH: () => (/* binding */ awsErrorName)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** The SDK's error name, if the value is an SDK service or client error. */
function awsErrorName(error) {
    return error instanceof Error ? error.name : undefined;
}
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);
const AUTH_ERRORS = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'ExpiredTokenException',
    'ExpiredToken',
    'InvalidSignatureException',
    'SignatureDoesNotMatch'
]);
/**
 * Turns the SDK's credential and permission failures into messages that say how to fix them;
 * other errors pass through unchanged.
 */
function explainAwsError(error, action) {
    const name = awsErrorName(error);
    if (name !== undefined && CREDENTIAL_ERRORS.has(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`No AWS credentials were found for ${action}: add aws-actions/configure-aws-credentials ` +
            '(role-to-assume with permissions id-token: write) before this step, or set AWS_ACCESS_KEY_ID and ' +
            `AWS_SECRET_ACCESS_KEY. (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)})`, { cause: error });
    }
    if (name !== undefined && AUTH_ERRORS.has(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`AWS rejected the credentials for ${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, {
            cause: error
        });
    }
    if (name === 'LimitExceededException') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: an ECR quota is reached (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}). A quota is not throttling, so it is not ` +
            'retried: remove what counts toward it (images, repositories, tags), or ask for a higher quota.', { cause: error });
    }
    // The proxy's own error already names the proxy and its variable: said with the call.
    if (name === 'ProxyError')
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, { cause: error });
    const network = networkFailure(error);
    if (network) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: could not reach the AWS endpoint ${network}`, { cause: error });
    }
    if (name === 'AccessDeniedException') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Access denied for ${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)} (see the README for the minimal IAM policy)`, {
            cause: error
        });
    }
    return error;
}
/** Node's socket errors as they reach the SDK's caller. */
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'TimeoutError'
]);
/**
 * A connection that never got an answer, said as the endpoint, the reason and the attempts the SDK's
 * retry made (its one retry layer for AWS calls); undefined for an answer from AWS.
 */
function networkFailure(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    if (e.$metadata?.httpStatusCode !== undefined)
        return undefined;
    // Node's error as is, or its text where the SDK wrapped it ("… connect ECONNREFUSED 127.0.0.1:1").
    const fromText = /\b([A-Z][A-Z_]+) (\S+)$/.exec(e.message ?? '');
    const code = e.code ?? (fromText && NETWORK_CODES.has(fromText[1]) ? fromText[1] : e.name) ?? '';
    if (!NETWORK_CODES.has(code))
        return undefined;
    const where = e.hostname ??
        (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : (fromText?.[2] ?? 'as configured'));
    const attempts = e.$metadata?.attempts;
    return (`${where} (${code}${attempts ? `, after ${attempts} attempt${attempts > 1 ? 's' : ''}` : ''}): check the ` +
        'network, the proxy variables and any AWS_ENDPOINT_URL_* setting');
}
/** One AWS call whose failure becomes a message that says what to do. */
async function callAws(action, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainAwsError(error, action);
    }
}
/** Every item of every page of an SDK paginator; a failing page fails the whole listing, explained. */
async function collectPages(action, pages, items) {
    return callAws(action, async () => {
        const all = [];
        for await (const page of pages)
            all.push(...(items(page) ?? []));
        return all;
    });
}


/***/ }),

/***/ 4045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ registryRefusal),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   XU: () => (/* binding */ registryHostIn),
/* harmony export */   lp: () => (/* binding */ accountOfHost),
/* harmony export */   pY: () => (/* binding */ registryHostOf)
/* harmony export */ });
/* unused harmony export registryHostFor */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5152);
/* harmony import */ var _common_endpoint_regions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7820);
/* harmony import */ var _common_endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9459);



// After the ECR credential helper's pattern, which covers every partition ECR runs in.
const PRIVATE_HOST = /^(\d{12})\.dkr([.-])ecr(-fips)?\.([a-z0-9][a-z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const PUBLIC_HOSTS = { 'public.ecr.aws': false, 'ecr-public.aws.com': true };
/**
 * Parses `host`, `host:port`, `https://host/...` or `host/repo:tag` into an ECR registry host,
 * or returns undefined when the host is not an ECR registry.
 */
function parseRegistryHost(value) {
    const hostname = hostnameOf(value);
    if (hostname === undefined)
        return undefined;
    if (hostname in PUBLIC_HOSTS)
        return { kind: 'public', host: hostname, dualStack: PUBLIC_HOSTS[hostname] === true };
    const match = PRIVATE_HOST.exec(hostname);
    if (!match)
        return undefined;
    const [, accountId, separator, fips, region, domain] = match;
    return {
        kind: 'private',
        host: hostname,
        accountId,
        region,
        fips: fips !== undefined,
        dualStack: separator === '-' || domain.startsWith('on.'),
        domain
    };
}
function hostnameOf(value) {
    const trimmed = value.trim();
    if (trimmed === '')
        return undefined;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
        const url = new URL(withScheme);
        if (url.username || url.password)
            return undefined;
        return url.hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}
/** `https://host` → `host`; what docker login and image references use. */
function registryHostOf(proxyEndpoint) {
    const hostname = hostnameOf(proxyEndpoint);
    if (hostname === undefined)
        throw new Error(`not a registry endpoint: ${proxyEndpoint}`);
    const url = new URL(/^https?:\/\//i.test(proxyEndpoint) ? proxyEndpoint : `https://${proxyEndpoint}`);
    return url.port ? `${hostname}:${url.port}` : hostname;
}
/** The account of a private registry host; undefined for any other host. */
function accountOfHost(host) {
    const parsed = parseRegistryHost(host);
    return parsed?.kind === 'private' ? parsed.accountId : undefined;
}
/** The dual-stack registry domain of each partition that has one confirmed; others have none. */
const DUAL_STACK_REGISTRY_DOMAINS = {
    aws: 'on.aws',
    'aws-us-gov': 'on.aws',
    'aws-cn': 'on.amazonwebservices.com.cn'
};
/**
 * The private registry's host for an endpoint variant, or why there is none: `<acct>.dkr.ecr.<region>.<dns>`,
 * `<acct>.dkr.ecr-fips.<region>.amazonaws.com`, `<acct>.dkr-ecr.<region>.on.aws`,
 * `<acct>.dkr-ecr-fips.<region>.on.aws` (China: `on.amazonwebservices.com.cn`). The registry offers a
 * variant where ECR's API does (common/endpoint-regions.ts).
 */
function registryHostFor(accountId, region, variant) {
    const refusal = registryRefusal(region, variant);
    if (refusal)
        return { refusal };
    const { name, dnsSuffix } = (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_2__.partition)(region);
    const fips = variant.fips ? '-fips' : '';
    if (!variant.dualStack)
        return { host: `${accountId}.dkr.ecr${fips}.${region}.${dnsSuffix}` };
    return { host: `${accountId}.dkr-ecr${fips}.${region}.${DUAL_STACK_REGISTRY_DOMAINS[name]}` };
}
/** Why the private registry has no host for the variant in `region`, or undefined when it has one. */
function registryRefusal(region, variant) {
    const refusal = (0,_common_endpoint_regions_js__WEBPACK_IMPORTED_MODULE_0__/* .apiEndpointRefusal */ .w)('ECR', region, variant, 'the ECR registry');
    if (refusal || !variant.dualStack)
        return refusal;
    const { name } = (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_2__.partition)(region);
    return DUAL_STACK_REGISTRY_DOMAINS[name]
        ? undefined
        : `the ECR registry has no dual-stack host confirmed in ${name} (${region})`;
}
/**
 * The login's host (what GetAuthorizationToken names: the IPv4 endpoint) as the variant's registry host;
 * unchanged for the default variant. A port is kept.
 */
function registryHostIn(loginHost, variant) {
    if (!variant.fips && !variant.dualStack)
        return loginHost;
    const parsed = parseRegistryHost(loginHost);
    if (parsed?.kind !== 'private')
        throw new Error(`${loginHost} is not a private ECR registry host: it has no ${(0,_common_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .choiceOf */ .FH)(variant)} host`);
    const chosen = registryHostFor(parsed.accountId, parsed.region, variant);
    if ('refusal' in chosen)
        throw new Error(chosen.refusal);
    const port = new URL(`https://${loginHost}`).port;
    return port ? `${chosen.host}:${port}` : chosen.host;
}


/***/ }),

/***/ 2298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SR: () => (/* binding */ removeImageTag)
/* harmony export */ });
/* unused harmony exports PAGE_SIZE, BATCH_SIZE, listRepositories, deleteEmptyRepository, listImages, readManifests, getManifests, deleteImages, sortFailures, chunks */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _registry_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9867);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2103);
/* harmony import */ var _repositories_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5048);





const PAGE_SIZE = 1000;
const BATCH_SIZE = 100;
/** Every repository of the registry (name and registry ID), every page. */
async function listRepositories(client, registryId) {
    return (await describeAllRepositories(client, registryId))
        .filter(r => r.repositoryName)
        .map(r => ({ name: r.repositoryName, registryId: r.registryId }));
}
/**
 * Deletes a repository that is empty (no `force`): a repository that got an image meanwhile makes ECR
 * refuse, and that is an answer, not an error: 'not empty'.
 */
async function deleteEmptyRepository(client, repositoryName, registryId) {
    return callAws(`DeleteRepository ${repositoryName}`, async () => {
        try {
            await client.send(new DeleteRepositoryCommand({ repositoryName, registryId }));
            return 'deleted';
        }
        catch (error) {
            if (error instanceof Error && error.name === 'RepositoryNotEmptyException')
                return 'not empty';
            throw error;
        }
    });
}
/**
 * Every image of a repository, every page, archived ones included. Any failure throws: a partial
 * listing must never become a cleanup plan.
 */
async function listImages(client, repositoryName, registryId) {
    const pages = paginateDescribeImages({ client, pageSize: PAGE_SIZE }, { repositoryName, registryId, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } });
    return collectPages(`DescribeImages ${repositoryName}`, pages, page => page.imageDetails);
}
/** Manifests by digest, read as stored (every manifest type accepted), 100 per call. */
async function readManifests(client, repositoryName, digests, registryId) {
    const read = { manifests: new Map(), unread: [], malformed: [] };
    for (const batch of chunks(digests, BATCH_SIZE)) {
        const { images, failures } = await callAws(`BatchGetImage ${repositoryName}`, () => client.send(new BatchGetImageCommand({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest })),
            acceptedMediaTypes: ACCEPT_ALL_MANIFESTS.split(', ')
        })));
        for (const image of images ?? []) {
            const digest = image.imageId?.imageDigest;
            if (!digest || !image.imageManifest)
                continue;
            try {
                read.manifests.set(digest, JSON.parse(image.imageManifest));
            }
            catch {
                read.malformed.push(digest);
            }
        }
        read.unread.push(...(failures ?? []).filter(f => f.failureCode !== 'ImageNotFound'));
    }
    return read;
}
/**
 * Manifests by digest for a cleanup: one that could not be read leaves the graph incomplete (its children
 * would look orphaned), so that fails; one gone since the listing is fine (the deletions read every image
 * again first).
 */
async function getManifests(client, repositoryName, digests, registryId) {
    const { manifests, unread, malformed } = await readManifests(client, repositoryName, digests, registryId);
    const first = unread[0];
    if (first || malformed.length > 0) {
        const what = first
            ? `${first.imageId?.imageDigest ?? 'a manifest'} (${first.failureCode ?? 'failed'}: ${quote(first.failureReason ?? 'no reason given')})`
            : `${malformed[0]} (not JSON)`;
        throw new ActionError(`BatchGetImage ${repositoryName}: could not read ${what}; nothing is deleted while the image graph is incomplete`);
    }
    return manifests;
}
/**
 * BatchDeleteImage by digest, 100 per call. Per-image `failures` are outcomes, not exceptions:
 * ImageNotFound was gone already (not deleted by this call), ImageReferencedByManifestList is for a
 * later try, the rest failed.
 */
async function deleteImages(client, repositoryName, digests, registryId) {
    const total = { deleted: [], alreadyGone: [], referenced: [], failed: [] };
    for (const batch of chunks(digests, BATCH_SIZE)) {
        const response = await callAws(`BatchDeleteImage ${repositoryName}`, () => client.send(new BatchDeleteImageCommand({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest }))
        })));
        const outcome = sortFailures(batch, response.failures ?? []);
        total.deleted.push(...outcome.deleted);
        total.alreadyGone.push(...outcome.alreadyGone);
        total.referenced.push(...outcome.referenced);
        total.failed.push(...outcome.failed);
    }
    return total;
}
function sortFailures(batch, failures) {
    const outcome = { deleted: [], alreadyGone: [], referenced: [], failed: [] };
    const byDigest = new Map(failures.map(f => [f.imageId?.imageDigest ?? '', f]));
    for (const digest of batch) {
        const failure = byDigest.get(digest);
        if (!failure)
            outcome.deleted.push(digest);
        else if (failure.failureCode === 'ImageNotFound')
            outcome.alreadyGone.push(digest);
        else if (failure.failureCode === 'ImageReferencedByManifestList')
            outcome.referenced.push(digest);
        else {
            outcome.failed.push({
                digest,
                code: failure.failureCode ?? 'Unknown',
                reason: failure.failureReason ?? 'no reason given'
            });
        }
    }
    return outcome;
}
/**
 * Removes one tag from a repository through the ECR API (the registry API cannot delete tags). The
 * image goes with it when that was its last tag, as ECR does; a tag already gone is fine.
 */
async function removeImageTag(client, repositoryName, tag, registryId) {
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)(`BatchDeleteImage ${repositoryName}:${tag}`, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .BatchDeleteImageCommand */ .wau({ repositoryName, registryId, imageIds: [{ imageTag: tag }] })));
    const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound');
    if (failure) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`);
    }
}
function chunks(items, size) {
    const result = [];
    for (let i = 0; i < items.length; i += size)
        result.push(items.slice(i, i + size));
    return result;
}


/***/ }),

/***/ 8860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tf: () => (/* binding */ exclusionsOf),
/* harmony export */   Y2: () => (/* binding */ exclusionFilters),
/* harmony export */   em: () => (/* binding */ TAG_MUTABILITIES),
/* harmony export */   j1: () => (/* binding */ isTagImmutable)
/* harmony export */ });
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9184);

/** Tag mutability: which tags a repository refuses to move (with ECR's exclusions, July 2025). */
const TAG_MUTABILITIES = [
    'MUTABLE',
    'IMMUTABLE',
    'IMMUTABLE_WITH_EXCLUSION',
    'MUTABLE_WITH_EXCLUSION'
];
/** The exclusion filters ECR takes for tag patterns. */
function exclusionFilters(patterns) {
    return patterns?.map(filter => ({ filterType: 'WILDCARD', filter }));
}
/** A repository's tag mutability exclusion patterns, as ECR reports them. */
function exclusionsOf(repository) {
    return (repository.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '');
}
/** Pure: whether pushing `tag` over an existing, different image is refused by the repository. */
function isTagImmutable(tag, mutability, exclusions) {
    const excluded = exclusions.some(pattern => (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .wildcardToRegExp */ .ny)(pattern).test(tag));
    switch (mutability) {
        case 'IMMUTABLE':
            return true;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return !excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return excluded;
        default:
            return false;
    }
}


/***/ }),

/***/ 7630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ parseRepositoryName),
/* harmony export */   Dk: () => (/* reexport safe */ _registry_reference_js__WEBPACK_IMPORTED_MODULE_1__.Dk),
/* harmony export */   W_: () => (/* binding */ ACCOUNT_ID),
/* harmony export */   Zg: () => (/* binding */ REGION),
/* harmony export */   cK: () => (/* binding */ parseAccountId)
/* harmony export */ });
/* unused harmony exports REPOSITORY_NAME, parseRegion */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9310);


/**
 * The names every action checks its inputs against, in one place: ECR repository names and tags (the
 * registry reference grammar), account IDs and region names. Each parser takes the input's name and its raw
 * value, so the error names the input.
 */
const REPOSITORY_NAME = _registry_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .REPOSITORY_PATH */ .bn;

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** An ECR repository name (2 to 256 characters of the reference grammar); undefined when empty. */
function parseRepositoryName(input, raw) {
    const name = raw.trim();
    if (name === '')
        return undefined;
    if (name.length < 2 || name.length > 256) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} must be 2 to 256 characters long (it has ${name.length})`);
    }
    if (!REPOSITORY_NAME.test(name)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is not a valid ECR repository name: lowercase letters and digits, separated by ".", "_", "__" or ` +
            'dashes, in path components joined by "/" (no leading, trailing or doubled separators)');
    }
    return name;
}
/** A 12-digit AWS account ID; undefined when empty. */
function parseAccountId(input, raw) {
    const id = raw.trim();
    if (id === '')
        return undefined;
    if (!ACCOUNT_ID.test(id))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(id)} is not an AWS account ID (12 digits)`);
    return id;
}
/** A region name such as eu-west-1 or us-gov-west-1. */
function parseRegion(input, raw) {
    const region = raw.trim();
    if (!REGION.test(region))
        throw new InputError(input, `${quote(region)} is not a region name (like eu-west-1)`);
    return region;
}


/***/ }),

/***/ 662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_REPOSITORY_POLICY_CHARS: () => (/* binding */ MAX_REPOSITORY_POLICY_CHARS),
/* harmony export */   PULL_STATEMENT_SID: () => (/* binding */ PULL_STATEMENT_SID),
/* harmony export */   applyLifecyclePolicy: () => (/* binding */ applyLifecyclePolicy),
/* harmony export */   applyRepositoryPolicy: () => (/* binding */ applyRepositoryPolicy),
/* harmony export */   getLifecyclePolicyText: () => (/* binding */ getLifecyclePolicyText),
/* harmony export */   getRepositoryPolicyText: () => (/* binding */ getRepositoryPolicyText),
/* harmony export */   policyStatements: () => (/* binding */ policyStatements),
/* harmony export */   withPullAccounts: () => (/* binding */ withPullAccounts)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2308);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2103);



const MAX_REPOSITORY_POLICY_CHARS = 10_240;
const PULL_STATEMENT_SID = 'EcrDeliverAllowPull';
const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
/** A policy's statements as a list: IAM allows a single statement without the array. */
function statementList(statement) {
    return Array.isArray(statement) ? statement : statement ? [statement] : [];
}
/** Pure: the statements of a policy's text; none when there is no policy or it is not a JSON object. */
function policyStatements(text) {
    try {
        return statementList(JSON.parse(text ?? '{}').Statement);
    }
    catch {
        return [];
    }
}
/**
 * Pure: the repository policy with the usual cross-account pull statement for `accounts` merged in
 * (a statement of ours from an earlier run is replaced, the others are kept).
 */
function withPullAccounts(policy, accounts) {
    const base = policy ?? { Version: '2012-10-17', Statement: [] };
    const statements = statementList(base.Statement);
    if (accounts.length === 0)
        return base;
    return {
        ...base,
        Version: base.Version ?? '2012-10-17',
        Statement: [
            ...statements.filter(statement => statement.Sid !== PULL_STATEMENT_SID),
            {
                Sid: PULL_STATEMENT_SID,
                Effect: 'Allow',
                Principal: { AWS: accounts.map(account => `arn:aws:iam::${account}:root`) },
                Action: PULL_ACTIONS
            }
        ]
    };
}
/** Puts the lifecycle policy only when it differs from the current one (compared as parsed JSON). */
async function applyLifecyclePolicy(client, ref, text) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return applyIfDifferent({
        action: `lifecycle policy of ${ref.name}`,
        notFound: 'LifecyclePolicyNotFoundException',
        read: async () => (await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetLifecyclePolicyCommand */ .O0C(repository))).lifecyclePolicyText,
        desired: (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text),
        write: () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .PutLifecyclePolicyCommand */ .Rcn({ ...repository, lifecyclePolicyText: text }))
    });
}
/** Sets the repository policy only when it differs from the current one (compared as parsed JSON). */
async function applyRepositoryPolicy(client, ref, policy) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return applyIfDifferent({
        action: `repository policy of ${ref.name}`,
        notFound: 'RepositoryPolicyNotFoundException',
        read: async () => (await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetRepositoryPolicyCommand */ .MeN(repository))).policyText,
        desired: policy,
        write: () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .SetRepositoryPolicyCommand */ .IOA({ ...repository, policyText: JSON.stringify(policy) }))
    });
}
/** Reads the current document (absent: `notFound`), and writes only when it differs from `desired`. */
async function applyIfDifferent(step) {
    const current = await readDocument(step);
    if (current !== undefined && sameAsCurrent(current, step.desired))
        return 'unchanged';
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .callAws */ .IY)(`writing the ${step.action}`, step.write);
    return current === undefined ? 'created' : 'changed';
}
/** The current document's text; undefined when the repository has none (`notFound`). */
async function readDocument(step) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .callAws */ .IY)(`reading the ${step.action}`, async () => {
        try {
            return await step.read();
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === step.notFound)
                return undefined;
            throw error;
        }
    });
}
/** The repository's lifecycle policy text; undefined when it has none. */
async function getLifecyclePolicyText(client, ref) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return readDocument({
        action: `lifecycle policy of ${ref.name}`,
        notFound: 'LifecyclePolicyNotFoundException',
        read: async () => (await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetLifecyclePolicyCommand */ .O0C(repository))).lifecyclePolicyText
    });
}
/** The repository's policy text; undefined when it has none. */
async function getRepositoryPolicyText(client, ref) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return readDocument({
        action: `repository policy of ${ref.name}`,
        notFound: 'RepositoryPolicyNotFoundException',
        read: async () => (await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetRepositoryPolicyCommand */ .MeN(repository))).policyText
    });
}
/** A current document that does not parse (or nests absurdly) is simply different. */
function sameAsCurrent(current, desired) {
    try {
        return (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sameJson */ .Vk)((0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(current), desired);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 3291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ checkPublicCatalog),
/* harmony export */   z: () => (/* binding */ catalogChanges)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** ECR Public's limits (API reference, RepositoryCatalogDataInput). */
const TEXT_LIMITS = { description: 1024, aboutText: 25_600, usageText: 25_600 };
const MAX_ITEMS = 50;
const MAX_ITEM_CHARS = 50;
/** The names the gallery shows a badge for (and filters by); any other string is accepted and not shown. */
const BADGES = {
    architectures: ['ARM', 'ARM 64', 'x86', 'x86-64'],
    operatingSystems: ['Linux', 'Windows']
};
/**
 * Pure: the catalog inputs checked against ECR Public's limits (an InputError naming the input), and a
 * warning for each name the gallery shows no badge for (the API accepts any string).
 */
function checkPublicCatalog(catalog, inputNames) {
    for (const field of ['description', 'aboutText', 'usageText']) {
        const text = catalog[field];
        if (text !== undefined && text.length > TEXT_LIMITS[field])
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputNames[field], `at most ${TEXT_LIMITS[field]} characters (ECR Public's limit), got ${text.length}`);
    }
    const warnings = [];
    for (const field of ['architectures', 'operatingSystems']) {
        const list = catalog[field] ?? [];
        if (list.length > MAX_ITEMS)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputNames[field], `at most ${MAX_ITEMS} names, got ${list.length}`);
        const long = list.find(name => name.length > MAX_ITEM_CHARS);
        if (long !== undefined)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputNames[field], `each name at most ${MAX_ITEM_CHARS} characters`);
        const badges = BADGES[field];
        const unknown = list.filter(name => !badges.includes(name));
        if (unknown.length > 0)
            warnings.push(`${inputNames[field]}: the gallery shows a badge only for ${badges.join(', ')}; ${unknown.map(n => JSON.stringify(n)).join(', ')} is kept but not shown`);
    }
    return { catalog, warnings };
}
/**
 * Pure: the declared fields that differ from what ECR Public holds (a field not declared is left as it
 * is), and the catalog to put: what is held with the declared fields over it.
 */
function catalogChanges(declared, held) {
    const changed = [];
    const catalog = {
        description: held.description,
        aboutText: held.aboutText,
        usageText: held.usageText,
        architectures: held.architectures,
        operatingSystems: held.operatingSystems
    };
    for (const field of ['description', 'aboutText', 'usageText']) {
        const value = declared[field];
        if (value !== undefined && value !== (held[field] ?? '')) {
            changed.push(field);
            catalog[field] = value;
        }
    }
    for (const field of ['architectures', 'operatingSystems']) {
        const value = declared[field];
        if (value !== undefined && value.length > 0 && value.join('\n') !== (held[field] ?? []).join('\n')) {
            changed.push(field);
            catalog[field] = value;
        }
    }
    return { changed, catalog };
}


/***/ }),

/***/ 3465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ createEcrPublicClient),
/* harmony export */   Nl: () => (/* binding */ removePublicImageTag),
/* harmony export */   cp: () => (/* binding */ PUBLIC_API_REGION),
/* harmony export */   ou: () => (/* binding */ ensurePublicRepository),
/* harmony export */   uT: () => (/* binding */ galleryUrl),
/* harmony export */   xf: () => (/* binding */ getPublicLogin)
/* harmony export */ });
/* unused harmony exports PUBLIC_REGISTRY_HOST, publicSdk */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7454);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2064);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2103);
/* harmony import */ var _public_catalog_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3291);





/** ECR Public's API exists only in us-east-1, whatever AWS_REGION says. */
const PUBLIC_API_REGION = 'us-east-1';
const PUBLIC_REGISTRY_HOST = 'public.ecr.aws';
/** The ECR Public SDK, loaded only by a run that uses ECR Public (ncc puts it in a chunk of its own). */
const publicSdk = () => __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
/** The ECR Public client; a variant other than the default is refused before (ecr/endpoints.ts). */
async function createEcrPublicClient(endpoint) {
    const { ECRPUBLICClient } = await publicSdk();
    return new ECRPUBLICClient((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_2__/* .awsClientConfig */ .r)('ECR PUBLIC', PUBLIC_API_REGION, endpoint));
}
/** Credentials for public.ecr.aws; the token and password are masked before anything can print them. */
async function getPublicLogin(client, maskPassword) {
    const { GetAuthorizationTokenCommand } = await publicSdk();
    const { authorizationData } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)('ecr-public GetAuthorizationToken', () => client.send(new GetAuthorizationTokenCommand({})));
    return (0,_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .loginFromToken */ .z)(authorizationData?.authorizationToken ?? '', PUBLIC_REGISTRY_HOST, maskPassword, 'ecr-public GetAuthorizationToken');
}
/**
 * Makes sure the public repository exists, creating it with the catalog data when missing (a concurrent
 * creation counts as success). Returned in the private client's shape, which the push code takes.
 */
async function ensurePublicRepository(client, name, catalog, options) {
    const { CreateRepositoryCommand, DescribeRepositoriesCommand } = await publicSdk();
    const describe = () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)(`ecr-public DescribeRepositories ${name}`, async () => {
        try {
            const { repositories } = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
            return repositories?.[0];
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorName */ .ZH)(error) === 'RepositoryNotFoundException')
                return undefined;
            throw error;
        }
    });
    const toPrivateShape = (r) => ({
        repositoryName: r.repositoryName,
        repositoryUri: r.repositoryUri,
        registryId: r.registryId,
        repositoryArn: r.repositoryArn
    });
    const existing = await describe();
    if (existing) {
        const changes = await updateCatalog(client, name, catalog);
        return { repository: toPrivateShape(existing), created: false, changes };
    }
    if (!options.create) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Public repository ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} does not exist and create-repository is false`);
    }
    try {
        const { repository } = await client.send(new CreateRepositoryCommand({
            repositoryName: name,
            catalogData: hasCatalog(catalog) ? catalog : undefined
        }));
        if (!repository)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ecr-public CreateRepository returned no repository for ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}`);
        return { repository: toPrivateShape(repository), created: true, changes: [] };
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorName */ .ZH)(error) === 'RepositoryAlreadyExistsException') {
            const raced = await describe();
            if (raced)
                return { repository: toPrivateShape(raced), created: false, changes: [] };
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explainAwsError */ .Ni)(error, `ecr-public CreateRepository ${name}`);
    }
}
/**
 * An existing repository's catalog data brought in line with what is declared (as settings are governed
 * on private repositories): read, compared field by field, put only when a declared field differs.
 */
async function updateCatalog(client, name, declared) {
    if (!hasCatalog(declared))
        return [];
    const { GetRepositoryCatalogDataCommand, PutRepositoryCatalogDataCommand } = await publicSdk();
    const { catalogData } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)(`ecr-public GetRepositoryCatalogData ${name}`, () => client.send(new GetRepositoryCatalogDataCommand({ repositoryName: name })));
    const { changed, catalog } = (0,_public_catalog_js__WEBPACK_IMPORTED_MODULE_4__/* .catalogChanges */ .z)(declared, catalogData ?? {});
    if (changed.length === 0)
        return [];
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)(`ecr-public PutRepositoryCatalogData ${name}`, () => client.send(new PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: catalog })));
    return [`catalog data updated: ${changed.join(', ')}`];
}
function hasCatalog(catalog) {
    return Object.values(catalog).some(value => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
}
/** The gallery page of a public repository (`public.ecr.aws/<alias>/<name>` → gallery.ecr.aws/<alias>/<name>). */
function galleryUrl(repositoryUri) {
    return `https://gallery.ecr.aws/${repositoryUri.replace(/^public\.ecr\.aws\//, '')}`;
}
/** Removes one tag from a public repository (the image goes with its last tag); a tag already gone is fine. */
async function removePublicImageTag(client, repositoryName, tag) {
    const { BatchDeleteImageCommand } = await publicSdk();
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)(`ecr-public BatchDeleteImage ${repositoryName}:${tag}`, () => client.send(new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageTag: tag }] })));
    const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound');
    if (failure) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ecr-public BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`);
    }
}


/***/ }),

/***/ 5048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MD: () => (/* binding */ describeRepository),
/* harmony export */   U0: () => (/* binding */ applyRepositorySettings),
/* harmony export */   z0: () => (/* binding */ ensureRepository)
/* harmony export */ });
/* unused harmony exports createRepositoryRequest, describeAllRepositories */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8249);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2103);
/* harmony import */ var _mutability_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8860);
/* harmony import */ var _settings_diff_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7821);
/* harmony import */ var _common_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3788);







/**
 * Makes sure the repository exists: describe, create when missing (with the declared settings),
 * and report how an existing repository differs from what was declared. Never changes an existing one.
 */
async function ensureRepository(client, ref, settings, options) {
    const existing = await (options.described ?? describeRepository(client, ref));
    if (existing) {
        const tags = settings.tags ? await listRepositoryTags(client, existing) : {};
        return {
            repository: existing,
            created: false,
            differences: (0,_settings_diff_js__WEBPACK_IMPORTED_MODULE_4__/* .diffRepositorySettings */ .vS)(existing, tags, settings)
        };
    }
    if (!options.create) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Repository ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref.name)} does not exist${ref.registryId ? ` in registry ${ref.registryId}` : ''} ` +
            'and create-repository is false: create it first, or set create-repository: true.');
    }
    try {
        const { repository } = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .CreateRepositoryCommand */ .WTe(createRepositoryRequest(ref, settings)));
        if (!repository)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`CreateRepository returned no repository for ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref.name)}`);
        return { repository, created: true, differences: [] };
    }
    catch (error) {
        // Another job created it between our describe and create: that is what we wanted.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'RepositoryAlreadyExistsException') {
            _common_log_js__WEBPACK_IMPORTED_MODULE_5__/* .info */ .p(`Repository ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref.name)} was created concurrently; using it`);
            const repository = await describeRepository(client, ref);
            if (!repository)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Repository ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref.name)} exists but cannot be described`);
            const tags = settings.tags ? await listRepositoryTags(client, repository) : {};
            return { repository, created: false, differences: (0,_settings_diff_js__WEBPACK_IMPORTED_MODULE_4__/* .diffRepositorySettings */ .vS)(repository, tags, settings) };
        }
        const template = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'AccessDeniedException' ? await options.onPushTemplate?.() : undefined;
        if (template) {
            _common_log_js__WEBPACK_IMPORTED_MODULE_5__/* .info */ .p(`CreateRepository ${ref.name} is denied to this role: the push creates it, from the CREATE_ON_PUSH template ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(template.prefix)}`);
            const repository = {
                repositoryName: ref.name,
                registryId: ref.registryId,
                imageTagMutability: template.imageTagMutability
            };
            return { repository, created: false, createdOnPush: template.prefix, differences: [] };
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .explainAwsError */ .Ni)(error, `CreateRepository ${ref.name}`);
    }
}
function createRepositoryRequest(ref, settings) {
    return {
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageTagMutability: settings.tagMutability,
        imageTagMutabilityExclusionFilters: (0,_mutability_js__WEBPACK_IMPORTED_MODULE_3__/* .exclusionFilters */ .Y2)(settings.tagMutabilityExclusions),
        imageScanningConfiguration: settings.scanOnPush === undefined ? undefined : { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: settings.encryptionType
            ? { encryptionType: settings.encryptionType, kmsKey: settings.kmsKey }
            : undefined,
        tags: settings.tags ? Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value })) : undefined
    };
}
/** Every repository of the registry with its settings, every page. */
async function describeAllRepositories(client, registryId) {
    const pages = paginateDescribeRepositories({ client, pageSize: 1000 }, { registryId });
    return collectPages('DescribeRepositories', pages, page => page.repositories);
}
/** The repository, or undefined when there is none by that name. */
async function describeRepository(client, ref) {
    try {
        const { repositories } = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [ref.name], registryId: ref.registryId }));
        return repositories?.[0];
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'RepositoryNotFoundException')
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .explainAwsError */ .Ni)(error, `DescribeRepositories ${ref.name}`);
    }
}
async function listRepositoryTags(client, repository) {
    try {
        const { tags } = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .ListTagsForResourceCommand */ .a_e({ resourceArn: repository.repositoryArn }));
        return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']));
    }
    catch (error) {
        // Reading tags is only for a warning: lack of ecr:ListTagsForResource must not fail a push.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not read the tags of ${repository.repositoryName}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`);
        return {};
    }
}
/**
 * Brings an existing repository's mutability, scan-on-push and resource tags to the declared values
 * (update-repository: true). Encryption cannot change after creation: that stays a difference to report.
 * Returns what was changed, one sentence each.
 */
async function applyRepositorySettings(client, repository, settings) {
    const ref = { repositoryName: repository.repositoryName, registryId: repository.registryId };
    const changed = [];
    const exclusions = (0,_mutability_js__WEBPACK_IMPORTED_MODULE_3__/* .exclusionsOf */ .Tf)(repository).sort();
    const declaredExclusions = settings.tagMutabilityExclusions?.slice().sort();
    const mutabilityDiffers = (settings.tagMutability !== undefined &&
        settings.tagMutability !== (repository.imageTagMutability ?? 'MUTABLE')) ||
        (declaredExclusions !== undefined && declaredExclusions.join('\n') !== exclusions.join('\n'));
    if (mutabilityDiffers) {
        const mutability = settings.tagMutability ?? repository.imageTagMutability ?? 'MUTABLE';
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)(`PutImageTagMutability ${repository.repositoryName}`, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .PutImageTagMutabilityCommand */ .cKn({
            ...ref,
            imageTagMutability: mutability,
            imageTagMutabilityExclusionFilters: (0,_mutability_js__WEBPACK_IMPORTED_MODULE_3__/* .exclusionFilters */ .Y2)(settings.tagMutabilityExclusions)
        })));
        changed.push(`image-tag-mutability set to ${mutability}`);
    }
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (settings.scanOnPush !== undefined && settings.scanOnPush !== scanOnPush) {
        const imageScanningConfiguration = { scanOnPush: settings.scanOnPush };
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)(`PutImageScanningConfiguration ${repository.repositoryName}`, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .PutImageScanningConfigurationCommand */ .BlZ({ ...ref, imageScanningConfiguration })));
        changed.push(`scan-on-push set to ${settings.scanOnPush}`);
    }
    if (settings.tags) {
        const current = await listRepositoryTags(client, repository);
        const missing = Object.entries(settings.tags).filter(([key, value]) => current[key] !== value);
        if (missing.length > 0) {
            const tags = missing.map(([Key, Value]) => ({ Key, Value }));
            await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)(`TagResource ${repository.repositoryName}`, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .TagResourceCommand */ .eqU({ resourceArn: repository.repositoryArn, tags })));
            changed.push(`repository tags set: ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}`);
        }
    }
    return changed;
}


/***/ }),

/***/ 6212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ parseIgnoreList),
/* harmony export */   PI: () => (/* binding */ fromEnhanced),
/* harmony export */   SC: () => (/* binding */ BUCKETS),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   to: () => (/* binding */ fromBasic),
/* harmony export */   wN: () => (/* binding */ evaluateFindings),
/* harmony export */   zv: () => (/* binding */ toSarif)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** Ranked severities, worst first; UNDEFINED and UNTRIAGED are kept apart: they have no rank. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const BUCKETS = [...SEVERITIES, 'UNDEFINED', 'UNTRIAGED'];
function bucketOf(severity) {
    const upper = (severity ?? '').toUpperCase();
    return BUCKETS.includes(upper) ? upper : 'UNDEFINED';
}
function fromBasic(finding) {
    const attribute = (key) => finding.attributes?.find(a => a.key === key)?.value;
    return {
        id: finding.name ?? 'unknown',
        severity: bucketOf(finding.severity),
        package: attribute('package_name'),
        installed: attribute('package_version'),
        url: finding.uri,
        title: finding.description
    };
}
function fromEnhanced(finding) {
    const details = finding.packageVulnerabilityDetails;
    const pkg = details?.vulnerablePackages?.[0];
    return {
        id: details?.vulnerabilityId ?? finding.title ?? 'unknown',
        severity: bucketOf(finding.severity),
        package: pkg?.name,
        installed: pkg?.version,
        fixed: pkg?.fixedInVersion,
        url: details?.sourceUrl ?? finding.remediation?.recommendation?.url,
        title: finding.title ?? finding.description
    };
}
/** `ID` or `ID until=YYYY-MM-DD`, one per line. */
function parseIgnoreList(lines) {
    return lines.map(line => {
        const [id, ...rest] = line.split(/\s+/);
        if (!id)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ignore-vulnerabilities', `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)} names no vulnerability`);
        if (rest.length === 0)
            return { id };
        const until = /^until=(\d{4}-\d{2}-\d{2})$/.exec(rest.join(' '))?.[1];
        const date = until ? new Date(`${until}T23:59:59.999Z`) : undefined;
        if (!date || Number.isNaN(date.getTime()) || rest.length > 1) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ignore-vulnerabilities', `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(line)} must be ID or ID until=YYYY-MM-DD`);
        }
        return { id, until: date };
    });
}
/** Pure: counts by severity and the findings that fail `threshold` (none: nothing fails). */
function evaluateFindings(findings, threshold, ignores, now) {
    const active = ignores.filter(entry => !entry.until || entry.until >= now);
    const expired = ignores.filter(entry => entry.until && entry.until < now);
    const counts = Object.fromEntries(BUCKETS.map(bucket => [bucket, 0]));
    const ignored = [];
    const blocking = [];
    const limit = threshold === 'none' ? -1 : SEVERITIES.indexOf(threshold);
    for (const finding of findings) {
        counts[finding.severity]++;
        if (active.some(entry => entry.id === finding.id)) {
            ignored.push(finding);
            continue;
        }
        const rank = SEVERITIES.indexOf(finding.severity);
        if (rank >= 0 && rank <= limit)
            blocking.push(finding);
    }
    return { counts, blocking, ignored, expired };
}
/** SARIF 2.1.0, so the findings can go to GitHub code scanning (github/codeql-action/upload-sarif). */
function toSarif(findings, imageUri) {
    const level = (severity) => severity === 'CRITICAL' || severity === 'HIGH' ? 'error' : severity === 'MEDIUM' ? 'warning' : 'note';
    const rules = [...new Map(findings.map(f => [f.id, f])).values()];
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'Amazon ECR image scan',
                        informationUri: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
                        rules: rules.map(f => ({
                            id: f.id,
                            shortDescription: { text: f.title?.slice(0, 200) || f.id },
                            helpUri: f.url,
                            properties: { severity: f.severity }
                        }))
                    }
                },
                results: findings.map(f => ({
                    ruleId: f.id,
                    level: level(f.severity),
                    message: {
                        text: `${f.id} (${f.severity}) in ${f.package ?? 'a package'} ${f.installed ?? ''}${f.fixed ? `, fixed in ${f.fixed}` : ''}`
                    },
                    locations: [{ physicalLocation: { artifactLocation: { uri: imageUri } } }]
                }))
            }
        ]
    };
}


/***/ }),

/***/ 7821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   en: () => (/* binding */ ENCRYPTION_TYPES),
/* harmony export */   hF: () => (/* binding */ describeDifference),
/* harmony export */   vS: () => (/* binding */ diffRepositorySettings)
/* harmony export */ });
/* unused harmony export sameKmsKey */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _mutability_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8860);


/** Pure: repository settings as declared, and how an existing repository differs from them. */
const ENCRYPTION_TYPES = ['AES256', 'KMS', 'KMS_DSSE'];
/** `scan-on-push is false, declared true`; `repository tag team is missing, declared "core"`. */
function describeDifference(difference) {
    const { setting, current, declared } = difference;
    if (setting.startsWith('repository tag ')) {
        return current === undefined
            ? `${setting} is missing, declared ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(declared)}`
            : `${setting} is ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(current)}, declared ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(declared)}`;
    }
    const verb = setting === 'image-tag-mutability-exclusions' ? 'are' : 'is';
    const note = difference.changeable ? '' : ' (encryption cannot change after creation)';
    return `${setting} ${verb} ${current}, declared ${declared}${note}`;
}
/** Pure: what the declared settings would change on an existing repository. */
function diffRepositorySettings(repository, actualTags, desired) {
    const differences = [];
    const differ = (setting, current, declared, changeable = true) => differences.push({ setting, current, declared, changeable });
    const actualMutability = repository.imageTagMutability ?? 'MUTABLE';
    if (desired.tagMutability && desired.tagMutability !== actualMutability) {
        differ('image-tag-mutability', actualMutability, desired.tagMutability);
    }
    if (desired.tagMutabilityExclusions) {
        const actual = (0,_mutability_js__WEBPACK_IMPORTED_MODULE_1__/* .exclusionsOf */ .Tf)(repository).sort();
        const wanted = [...desired.tagMutabilityExclusions].sort();
        if (actual.join('\n') !== wanted.join('\n')) {
            differ('image-tag-mutability-exclusions', `[${actual.join(', ')}]`, `[${wanted.join(', ')}]`);
        }
    }
    const actualScan = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (desired.scanOnPush !== undefined && desired.scanOnPush !== actualScan) {
        differ('scan-on-push', String(actualScan), String(desired.scanOnPush));
    }
    const actualEncryption = repository.encryptionConfiguration?.encryptionType ?? 'AES256';
    if (desired.encryptionType && desired.encryptionType !== actualEncryption) {
        differ('encryption-type', actualEncryption, desired.encryptionType, false);
    }
    const actualKey = repository.encryptionConfiguration?.kmsKey;
    if (desired.kmsKey && actualKey && !sameKmsKey(actualKey, desired.kmsKey)) {
        differ('kms-key', actualKey, desired.kmsKey, false);
    }
    for (const [key, value] of Object.entries(desired.tags ?? {})) {
        if (actualTags[key] !== value)
            differ(`repository tag ${key}`, key in actualTags ? actualTags[key] : undefined, value);
    }
    return differences;
}
/** A key given as ID, alias or ARN matches the ARN ECR reports when the ARN ends with it. */
function sameKmsKey(actualArn, declared) {
    return (actualArn === declared || actualArn.endsWith(`:key/${declared}`) || actualArn.endsWith(`:${declared}`));
}


/***/ }),

/***/ 3587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ MAX_SIGNING_PROFILE_ARN),
/* harmony export */   Le: () => (/* binding */ planSigningRule),
/* harmony export */   YA: () => (/* binding */ SIGNING_PROFILE_ARN)
/* harmony export */ });
/* unused harmony exports MAX_SIGNING_RULES, MAX_SIGNING_FILTERS, filterMatches, ruleCovers */
/* harmony import */ var _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9184);

/**
 * ECR managed signing's registry configuration, pure: which rule covers a repository with a profile, and
 * the smallest change that makes one cover it. The configuration is registry-wide: every rule but the one
 * touched is kept exactly as it was.
 */
/** ECR's limits (SigningConfiguration, SigningRule): rules per registry, filters per rule. */
const MAX_SIGNING_RULES = 10;
const MAX_SIGNING_FILTERS = 100;
/** An AWS Signer signing-profile ARN, as ECR's model constrains `signingProfileArn` (≤ 200 characters). */
const SIGNING_PROFILE_ARN = /^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\/signing-profiles\/[a-zA-Z0-9_]{2,}$/;
const MAX_SIGNING_PROFILE_ARN = 200;
/** What a WILDCARD_MATCH filter may be (SigningRepositoryFilter.filter, ≤ 256 characters). */
const FILTER = /^(?:[a-z0-9*]+(?:[._-][a-z0-9*]+)*\/)*[a-z0-9*]+(?:[._-][a-z0-9*]+)*$/;
const MAX_FILTER = 256;
/** Pure: a WILDCARD_MATCH filter against a repository name: `*` is any run of characters, `/` included. */
function filterMatches(filter, repository) {
    return (0,_common_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .wildcardToRegExp */ .ny)(filter).test(repository);
}
/** Pure: whether a rule signs the repository's images (a rule without filters covers every repository). */
function ruleCovers(rule, repository) {
    const filters = rule.repositoryFilters ?? [];
    return (filters.length === 0 ||
        filters.some(f => f.filterType === 'WILDCARD_MATCH' && filterMatches(f.filter ?? '', repository)));
}
/**
 * Pure: the plan for a repository and a profile. Covered when a rule of this profile covers the name;
 * otherwise the name (an exact filter: no `*`) goes into the first rule of this profile that has filters
 * and room (a rule is not spent on what one filter does), else into a new rule. Other rules are returned
 * as they were, in their order.
 */
function planSigningRule(rules, profileArn, repository) {
    const own = rules
        .map((rule, index) => ({ rule, index }))
        .filter(r => r.rule.signingProfileArn === profileArn);
    for (const { rule, index } of own) {
        if (!ruleCovers(rule, repository))
            continue;
        const filter = rule.repositoryFilters?.find(f => filterMatches(f.filter ?? '', repository))?.filter;
        return { kind: 'covered', rule: index, ...(filter ? { filter } : {}) };
    }
    if (!FILTER.test(repository) || repository.length > MAX_FILTER)
        return {
            kind: 'refused',
            reason: 'the repository name cannot be a signing filter (ECR allows one separator between letters or digits ' +
                'there): add a rule whose filter covers it'
        };
    const filter = { filter: repository, filterType: 'WILDCARD_MATCH' };
    const roomy = own.find(r => (r.rule.repositoryFilters?.length ?? 0) < MAX_SIGNING_FILTERS);
    if (roomy) {
        const changed = { ...roomy.rule, repositoryFilters: [...(roomy.rule.repositoryFilters ?? []), filter] };
        return {
            kind: 'append',
            rule: roomy.index,
            filter: repository,
            rules: rules.map((rule, index) => (index === roomy.index ? changed : rule))
        };
    }
    if (rules.length >= MAX_SIGNING_RULES)
        return {
            kind: 'refused',
            reason: `the registry's signing configuration has ${rules.length} rules, ECR's limit is ${MAX_SIGNING_RULES}` +
                (own.length > 0 ? ` (this profile's have ${MAX_SIGNING_FILTERS} filters each, the limit)` : '') +
                ': widen a filter (a `*`) so that a rule of this profile covers the repository'
        };
    return {
        kind: 'add',
        filter: repository,
        rules: [...rules, { signingProfileArn: profileArn, repositoryFilters: [filter] }]
    };
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
     * referrers API (404 as the spec says, 405 as some older registries answer an unknown route), which is
     * when clients keep the tag schema instead.
     */
    async referrers(repository, subject) {
        const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .referrersPath */ .Ck)(repository, subject);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: _media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.ociIndex } }, [200, 404, 405]);
            if (response.status !== 200) {
                response.discard();
                return undefined;
            }
            const index = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)((await response.bytes(MAX_MANIFEST_BYTES)).toString('utf8'));
            return Array.isArray(index?.manifests) ? index.manifests : [];
        });
    }
}


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   Gn: () => (/* binding */ BlobMediaType),
/* harmony export */   LA: () => (/* binding */ isMediaType),
/* harmony export */   Q5: () => (/* binding */ ACCEPT_ALL_MANIFESTS),
/* harmony export */   Sd: () => (/* binding */ imageManifestSize),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/* unused harmony exports IMAGE_CONFIG_TYPES, MANIFEST_MEDIA_TYPES, INDEX_MEDIA_TYPES */
const MediaType = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json'
};
/** Blob media types the suite writes or recognises: image configs and docker's gzipped layer. */
const BlobMediaType = {
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerGzipLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
};
/** A config of one of these types makes a manifest a container image, not an artifact (signature, SBOM…). */
const IMAGE_CONFIG_TYPES = new Set([
    BlobMediaType.ociConfig,
    BlobMediaType.dockerConfig
]);
/**
 * Every manifest type, for Accept. ECR converts a manifest to the one type a client accepts,
 * and the converted manifest has another digest: asking for all four reads what was pushed.
 */
const ACCEPT_ALL_MANIFESTS = [
    MediaType.ociIndex,
    MediaType.dockerManifestList,
    MediaType.ociManifest,
    MediaType.dockerManifest
].join(', ');
/** The manifest types the suite pushes and reads; anything else in a manifest's place is refused. */
const MANIFEST_MEDIA_TYPES = new Set(Object.values(MediaType));
const isManifestMediaType = (value) => typeof value === 'string' && MANIFEST_MEDIA_TYPES.has(value);
// RFC 6838 type/subtype names, as OCI descriptors must carry them (no parameters, no whitespace).
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
/** Whether a descriptor's media type is well formed (configs and layers may carry any such type). */
const isMediaType = (value) => typeof value === 'string' && MEDIA_TYPE.test(value);
const INDEX_MEDIA_TYPES = new Set([
    MediaType.ociIndex,
    MediaType.dockerManifestList
]);
function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** The compressed bytes an image manifest refers to (config and layers), as a registry stores them. */
function imageManifestSize(manifest) {
    return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
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

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   PR: () => (/* binding */ isManifestReference),
/* harmony export */   bn: () => (/* binding */ REPOSITORY_PATH),
/* harmony export */   og: () => (/* binding */ isRepositoryPath)
/* harmony export */ });
/* unused harmony exports DIGEST, ARTIFACT_TAG, isTag */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * The one grammar for image references, after distribution's `reference` package: every repository
 * name, tag, digest and reference the suite reads from an input, a file or a registry goes through here
 * before it becomes part of a URL or a command line. Path components cannot be empty, `.` or `..`.
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
/** A repository path: lowercase components separated by `.`, `_`, `__` or dashes, joined by `/`. */
const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A tag as docker and OCI tooling accept it. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** A sha256 digest, the only algorithm ECR uses. */
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** cosign's `sha256-<hex>.sig` / `.att` / `.sbom` tags, and the referrers tag schema's: they name the image they belong to. */
const ARTIFACT_TAG = /^sha256-[a-f0-9]{64}(\.[a-z]+)?$/;
const DOMAIN_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]{1,5})?$`);
const isDigest = (value) => typeof value === 'string' && DIGEST.test(value);
const isTag = (value) => typeof value === 'string' && TAG.test(value);
const isRepositoryPath = (value) => typeof value === 'string' && value.length <= 256 && REPOSITORY_PATH.test(value);
/** A manifest reference in a URL: a tag or a digest. */
const isManifestReference = (value) => isTag(value) || isDigest(value);
/**
 * Parses `[domain/]path[:tag][@digest]`. With `domain: 'allowed'` the first component is a registry host
 * when it holds a `.` or `:` or is `localhost` (docker's rule); otherwise every component is a path
 * component. Returns the reason as a string when the text is not a reference.
 */
function parseReference(text, options) {
    if (text.length === 0)
        return 'it is empty';
    if (text.length > 512)
        return 'it is longer than 512 characters';
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return `the digest after @ must be sha256: and 64 lowercase hex digits`;
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return `the tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`;
    }
    let domain;
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (options.domain === 'allowed' && slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
        if (!DOMAIN.test(first))
            return `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(first)} is not a registry host name`;
        domain = first;
        rest = rest.slice(slash + 1);
    }
    if (!REPOSITORY_PATH.test(rest)) {
        return ('the repository path must be lowercase letters and digits separated by ".", "_", "__" or dashes, ' +
            'in components joined by "/" (no empty, "." or ".." components)');
    }
    return { domain, repository: rest, tag, digest };
}


/***/ }),

/***/ 5159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ LayoutReader),
/* harmony export */   YW: () => (/* binding */ checkDescriptor),
/* harmony export */   sC: () => (/* binding */ blobDigestsOf)
/* harmony export */ });
/* unused harmony export blobName */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2308);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5035);
/* harmony import */ var _manifests_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9867);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9310);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3959);







/** A descriptor with a well-formed media type, a sha256 digest and a whole, non-negative size. */
function checkDescriptor(label, value, what) {
    const d = value;
    if (!d || typeof d !== 'object')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${label}: a ${what} is not a descriptor`);
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .isDigest */ .Bc)(d.digest)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${label}: a ${what} has an unsupported digest ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(d.digest ?? null, 100)}`);
    }
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isMediaType */ .LA)(d.mediaType)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${label}: ${what} ${d.digest} has an invalid media type ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(d.mediaType ?? null, 120)}`);
    }
    if (!Number.isSafeInteger(d.size) || d.size < 0) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${label}: ${what} ${d.digest} has an invalid size`);
    }
    return d;
}
/** Where a layout keeps a blob: its name derives from a checked digest only, so it stays inside. */
function blobName(digest) {
    return `blobs/sha256/${digest.slice('sha256:'.length)}`;
}
/** The config and layer digests of an image manifest; none for an index. */
function blobDigestsOf(manifest) {
    const parsed = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(manifest.bytes.toString('utf8'));
    return (0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(parsed) ? [] : [parsed.config, ...parsed.layers].map(blob => blob.digest);
}
/** Indexes nest rarely and never deeply; a loop or a deep chain is not an image. */
const MAX_DEPTH = 4;
/**
 * Reads the manifests and blobs of a layout by descriptor: every manifest read whole and its digest
 * checked, every config and layer present with its declared size (their bytes are hashed as they upload).
 */
class LayoutReader {
    files;
    blobs = new Map();
    children = [];
    seen = new Set();
    read = new Map();
    constructor(files) {
        this.files = files;
    }
    get label() {
        return this.files.label;
    }
    /** Reads a manifest blob, checks its bytes against the descriptor and its media type against the known set. */
    async manifest(descriptor) {
        if (descriptor.size > _manifests_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .Z) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: manifest ${descriptor.digest} is larger than ${_manifests_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .Z} bytes`);
        }
        const bytes = await this.readBlob(descriptor);
        let parsed;
        try {
            parsed = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes.toString('utf8'));
        }
        catch (error) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: manifest ${descriptor.digest} ${error.message}`);
        }
        const mediaType = parsed?.mediaType ?? descriptor.mediaType;
        if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isManifestMediaType */ .CM)(mediaType)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: manifest ${descriptor.digest} has media type ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(mediaType, 120)}, ` +
                'which is not an image manifest or index');
        }
        const subject = parsed.subject && (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .isDigest */ .Bc)(parsed.subject.digest) ? parsed.subject.digest : undefined;
        return {
            digest: descriptor.digest,
            mediaType,
            bytes,
            platform: (0,_types_js__WEBPACK_IMPORTED_MODULE_6__/* .platformOf */ .t)(descriptor.platform),
            ...(subject ? { subject } : {})
        };
    }
    /**
     * Whether a manifest and everything under it is in the layout, with the sizes declared: docker save
     * (containerd store) skips what was never pulled, so an index may name platforms it does not hold.
     */
    async isComplete(descriptor, depth = 0) {
        if (depth > MAX_DEPTH || (await this.files.size(blobName(descriptor.digest))) !== descriptor.size)
            return false;
        const manifest = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)((await this.manifest(descriptor)).bytes.toString('utf8'));
        const under = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(manifest) ? manifest.manifests : [manifest.config, ...(manifest.layers ?? [])];
        for (const entry of under) {
            const checked = checkDescriptor(this.files.label, entry, `entry of ${descriptor.digest}`);
            if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(manifest) ? !(await this.isComplete(checked, depth + 1)) : !(await this.hasBlob(checked)))
                return false;
        }
        return true;
    }
    /**
     * Visits everything a manifest refers to: children of an index first (but those in `skip`), then
     * configs and layers.
     */
    async walk(node, skip = new Set(), depth = 0) {
        if (this.seen.has(node.digest))
            return;
        if (depth > MAX_DEPTH)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: indexes nest deeper than ${MAX_DEPTH}`);
        this.seen.add(node.digest);
        const manifest = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(node.bytes.toString('utf8'));
        if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(manifest)) {
            for (const entry of manifest.manifests) {
                const child = checkDescriptor(this.files.label, entry, `child of ${node.digest}`);
                if (skip.has(child.digest))
                    continue;
                const childManifest = await this.manifest(child);
                await this.walk(childManifest, skip, depth + 1);
                if (!this.children.some(c => c.digest === child.digest))
                    this.children.push(childManifest);
            }
            return;
        }
        if (!manifest.config || !Array.isArray(manifest.layers)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: manifest ${node.digest} is neither an image manifest nor an index`);
        }
        for (const [i, entry] of [manifest.config, ...manifest.layers].entries()) {
            await this.addBlob(checkDescriptor(this.files.label, entry, i === 0 ? 'config' : 'layer'));
        }
    }
    async hasBlob(descriptor) {
        return (await this.files.size(blobName(descriptor.digest))) === descriptor.size;
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
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: blob ${descriptor.digest} is missing (blobs/sha256/…)`);
        }
        if (size !== descriptor.size) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: blob ${descriptor.digest} has ${size} bytes, but its descriptor says ${descriptor.size}`);
        }
        return size;
    }
    /**
     * A manifest's bytes, checked: read once per digest (the completeness check, the walk and the referrer
     * listing each ask for the same manifests), its size checked against every descriptor that names it.
     */
    async readBlob(descriptor) {
        await this.sizeOf(descriptor);
        let reading = this.read.get(descriptor.digest);
        if (!reading) {
            reading = this.readChecked(descriptor);
            this.read.set(descriptor.digest, reading);
        }
        return reading;
    }
    async readChecked(descriptor) {
        const bytes = await this.files.read(blobName(descriptor.digest), descriptor.size);
        const actual = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .s)(bytes);
        if (actual !== descriptor.digest) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${this.files.label}: blob ${descriptor.digest} is corrupt: its bytes give ${actual}`);
        }
        return bytes;
    }
}


/***/ }),

/***/ 9751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ referrersOf),
/* harmony export */   n: () => (/* binding */ narrowTo)
/* harmony export */ });
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2308);
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5159);


/** What BuildKit writes on an attestation's index entry: which platform manifest it is about. */
const ATTESTATION_FOR = 'vnd.docker.reference.digest';
/**
 * Pure: `referrers` ordered so that each comes after its subject, keeping those whose subject (or its
 * subject, and so on) is in `have`; the rest are left out (their subject is not delivered).
 */
function referrersOf(have, pool) {
    const known = new Set(have);
    const ordered = [];
    for (let grew = true; grew;) {
        grew = false;
        for (const candidate of pool) {
            if (candidate.subject && known.has(candidate.subject) && !known.has(candidate.digest)) {
                ordered.push(candidate);
                known.add(candidate.digest);
                grew = true;
            }
        }
    }
    return ordered;
}
/**
 * The image narrowed to one of its index's children (a platform picked by `platform`, or the one platform
 * a partial index holds), unchanged: that manifest becomes the top, with only its blobs, and what refers
 * to it (its attestation, their signatures) becomes its referrers. An attestation without a `subject`
 * (BuildKit's older form) belongs to the index alone and cannot follow: the notes say so.
 */
function narrowTo(image, chosen) {
    const pool = [...image.children.filter(child => child.subject), ...image.referrers];
    const referrers = referrersOf(new Set([chosen.digest]), pool);
    const own = new Set((0,_layout_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .blobDigestsOf */ .sC)(chosen));
    const theirs = new Set(referrers.flatMap(_layout_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .blobDigestsOf */ .sC));
    const every = [...image.blobs, ...image.referrerBlobs];
    const blobs = every.filter(blob => own.has(blob.digest));
    const referrerBlobs = every.filter((blob, i) => theirs.has(blob.digest) && !own.has(blob.digest) && every.findIndex(b => b.digest === blob.digest) === i);
    return {
        ...image,
        top: chosen,
        children: [],
        blobs,
        referrers,
        referrerBlobs,
        notes: [...image.notes, ...leftBehind(image, chosen)]
    };
}
/** Attestations of `chosen` listed in the index without a subject: they cannot be delivered without it. */
function leftBehind(image, chosen) {
    const index = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(image.top.bytes.toString('utf8'));
    if (!('manifests' in index))
        return [];
    return index.manifests
        .filter(entry => entry.annotations?.[ATTESTATION_FOR] === chosen.digest)
        .filter(entry => !image.children.find(child => child.digest === entry.digest)?.subject)
        .map(entry => `the attestation ${entry.digest} of ${chosen.digest} has no subject (as BuildKit wrote it before ` +
        'v0.32): it exists only inside the index, and is not delivered with one platform');
}


/***/ }),

/***/ 8351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePlatform: () => (/* binding */ parsePlatform),
/* harmony export */   platformMatches: () => (/* binding */ platformMatches),
/* harmony export */   selectPlatform: () => (/* binding */ selectPlatform)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2308);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);
/* harmony import */ var _narrow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9751);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3959);





const PART = /^[a-z0-9][a-z0-9._-]{0,31}$/;
/** Parses `linux/amd64` or `linux/arm64/v8`; a string saying what is wrong otherwise. */
function parsePlatform(value) {
    const parts = value.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || !parts.every(part => PART.test(part)))
        return 'must be os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7';
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant ? { variant } : {}) };
}
/**
 * Whether an image of platform `have` (`os/arch[/variant]`) is the one asked for. Without a variant in
 * the question any variant matches (`linux/arm64` is `linux/arm64/v8`), as docker pull --platform has it.
 */
function platformMatches(wanted, have) {
    if (!have)
        return false;
    const [os, architecture, variant] = have.split('/');
    return (os === wanted.os &&
        architecture === wanted.architecture &&
        (wanted.variant === undefined || variant === wanted.variant));
}
/**
 * The image narrowed to one platform, in the shape a runtime that refuses indexes takes (Lambda): from an
 * index, that platform's manifest and only its blobs, its attestation kept as its referrer (attestation
 * manifests, `unknown/unknown`, never match); a single image is kept when it is that platform. Anything
 * else names the platforms it has.
 */
async function selectPlatform(image, wanted, label) {
    const asked = [wanted.os, wanted.architecture, wanted.variant].filter(Boolean).join('/');
    const refuse = (has) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(label)} has no ${asked} image: it has ${has.length > 0 ? has.map(p => (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(p)).join(', ') : 'no platform recorded'}`);
    if (image.kind === 'docker-archive') {
        if (platformMatches(wanted, image.platform))
            return image;
        throw refuse(image.platform ? [image.platform] : []);
    }
    const top = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(image.top.bytes.toString('utf8'));
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(top)) {
        const platform = image.top.platform ?? (await configPlatform(image.blobs, top.config.digest));
        if (platformMatches(wanted, platform))
            return image;
        throw refuse(platform ? [platform] : []);
    }
    const listed = top.manifests.map(descriptor => ({ descriptor, platform: (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .platformOf */ .t)(descriptor.platform) }));
    const matches = listed.filter(entry => platformMatches(wanted, entry.platform));
    if (matches.length !== 1) {
        const has = listed.flatMap(entry => entry.platform && entry.platform !== 'unknown/unknown' ? [entry.platform] : []);
        if (matches.length === 0)
            throw refuse(has);
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(label)} has ${matches.length} images for ${asked} (${has.join(', ')}): name the variant`);
    }
    const chosen = image.children.find(child => child.digest === matches[0]?.descriptor.digest);
    const manifest = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(chosen.bytes.toString('utf8'));
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(manifest))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(label)}: the ${asked} entry is itself an index`);
    return (0,_narrow_js__WEBPACK_IMPORTED_MODULE_3__/* .narrowTo */ .n)(image, chosen);
}
/** The platform a single image's config records (configs are small: read whole, at most 1 MiB). */
async function configPlatform(blobs, digest) {
    const config = blobs.find(blob => blob.digest === digest);
    if (!config || config.size > 1024 * 1024)
        return undefined;
    const chunks = [];
    for await (const chunk of config.open())
        chunks.push(chunk);
    try {
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .platformOf */ .t)((0,_common_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(Buffer.concat(chunks).toString('utf8')));
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ platformOf)
/* harmony export */ });
function platformOf(platform) {
    if (!platform?.os || !platform.architecture)
        return undefined;
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}


/***/ })

};
