export const id = 949;
export const ids = [949];
export const modules = {

/***/ 1244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ awsClientConfig)
});

// UNUSED EXPORTS: QuotaAwareRetryStrategy

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./src/common/connections.ts + 2 modules
var connections = __webpack_require__(4857);
// EXTERNAL MODULE: ./src/common/endpoints.ts
var endpoints = __webpack_require__(9459);
;// CONCATENATED MODULE: ./src/common/version.ts
/** The suite's version, as package.json has it (a unit test keeps the two equal). */
const VERSION = '0.1.0';
/** What every request the suite makes says it is. */
const USER_AGENT = `ecr-deliver/${VERSION}`;

;// CONCATENATED MODULE: ./src/common/aws.ts




/**
 * What every AWS SDK client of the suite shares: the region (given, or AWS_REGION / AWS_DEFAULT_REGION,
 * else the profile's), the SDK's adaptive retry with 5 attempts (throttling arrives as a bare 429 "Rate
 * exceeded"; a quota is final), and the user agent. Credentials and endpoints come from the SDK's standard chain:
 * AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as for any AWS tool. With a proxy variable set,
 * requests (and the STS calls of role credentials, which inherit the handler) go through connections.ts.
 * The endpoint variant (dual-stack, FIPS) is told to every client explicitly, as endpoints.ts decides.
 */
function awsClientConfig(service, region, endpoint) {
    const requestHandler = (0,connections/* connections */.oQ)().sdkRequestHandler();
    return {
        ...(requestHandler ? { requestHandler } : {}),
        region: region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
        customUserAgent: USER_AGENT,
        retryStrategy: new QuotaAwareRetryStrategy(MAX_ATTEMPTS),
        ...(0,endpoints/* clientEndpoint */.tr)(service, endpoint, process.env)
    };
}
const MAX_ATTEMPTS = 5;
/**
 * The SDK's adaptive retry, the one retry layer of AWS calls, but for quotas: ECR raises
 * LimitExceededException when a quota is reached (images per repository, repositories per registry, tags
 * per image), and the SDK counts it as throttling. Waiting does not lift a quota: it is final at once.
 */
class QuotaAwareRetryStrategy extends retry.AdaptiveRetryStrategy {
    async refreshRetryTokenForRetry(token, errorInfo) {
        if (errorInfo.error?.name === 'LimitExceededException')
            throw errorInfo.error;
        return super.refreshRetryTokenForRetry(token, errorInfo);
    }
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
/* harmony export */   XW: () => (/* binding */ readFileInside),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   tJ: () => (/* binding */ FileReadError)
/* harmony export */ });
/* unused harmony exports isInside, readRegularFile */
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

/***/ 9184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   ny: () => (/* binding */ wildcardToRegExp),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports parseInteger, parseKeyValues, STALL_TIMEOUT */
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
        throw new InputError(input, `must be a whole number from ${bounds.min} to ${bounds.max}, got ${quote(value)}`);
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
            throw new InputError(input, `each entry must be key=value, got ${quote(item)}`);
        const key = item.slice(0, separator).trim();
        if (key in result)
            throw new InputError(input, `key ${quote(key)} is given twice`);
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
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports MAX_JSON_DEPTH, parseJsonInput, jsonDepth, readJsonInput, sameJson */
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


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ info)
});

// UNUSED EXPORTS: neutralize

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
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

/***/ 2103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IY: () => (/* binding */ callAws),
/* harmony export */   VV: () => (/* binding */ collectPages),
/* harmony export */   ZH: () => (/* binding */ awsErrorName)
/* harmony export */ });
/* unused harmony export explainAwsError */
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

/***/ 2298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PX: () => (/* binding */ readManifests),
/* harmony export */   VN: () => (/* binding */ chunks),
/* harmony export */   v8: () => (/* binding */ listImages)
/* harmony export */ });
/* unused harmony exports PAGE_SIZE, BATCH_SIZE, listRepositories, deleteEmptyRepository, getManifests, deleteImages, sortFailures, removeImageTag */
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
    const pages = (0,_aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .paginateDescribeImages */ .XiR)({ client, pageSize: PAGE_SIZE }, { repositoryName, registryId, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } });
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .collectPages */ .VV)(`DescribeImages ${repositoryName}`, pages, page => page.imageDetails);
}
/** Manifests by digest, read as stored (every manifest type accepted), 100 per call. */
async function readManifests(client, repositoryName, digests, registryId) {
    const read = { manifests: new Map(), unread: [], malformed: [] };
    for (const batch of chunks(digests, BATCH_SIZE)) {
        const { images, failures } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .IY)(`BatchGetImage ${repositoryName}`, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .BatchGetImageCommand */ .P8n({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest })),
            acceptedMediaTypes: _registry_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ACCEPT_ALL_MANIFESTS */ .Q5.split(', ')
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
    const response = await callAws(`BatchDeleteImage ${repositoryName}:${tag}`, () => client.send(new BatchDeleteImageCommand({ repositoryName, registryId, imageIds: [{ imageTag: tag }] })));
    const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound');
    if (failure) {
        throw new ActionError(`BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`);
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
/* harmony export */   em: () => (/* binding */ TAG_MUTABILITIES)
/* harmony export */ });
/* unused harmony exports exclusionFilters, isTagImmutable */
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
    const excluded = exclusions.some(pattern => wildcardToRegExp(pattern).test(tag));
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

/***/ 5048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XM: () => (/* binding */ describeAllRepositories)
/* harmony export */ });
/* unused harmony exports ensureRepository, createRepositoryRequest, describeRepository, applyRepositorySettings */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
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
            differences: diffRepositorySettings(existing, tags, settings)
        };
    }
    if (!options.create) {
        throw new ActionError(`Repository ${quote(ref.name)} does not exist${ref.registryId ? ` in registry ${ref.registryId}` : ''} ` +
            'and create-repository is false: create it first, or set create-repository: true.');
    }
    try {
        const { repository } = await client.send(new CreateRepositoryCommand(createRepositoryRequest(ref, settings)));
        if (!repository)
            throw new ActionError(`CreateRepository returned no repository for ${quote(ref.name)}`);
        return { repository, created: true, differences: [] };
    }
    catch (error) {
        // Another job created it between our describe and create: that is what we wanted.
        if (awsErrorName(error) === 'RepositoryAlreadyExistsException') {
            log.info(`Repository ${quote(ref.name)} was created concurrently; using it`);
            const repository = await describeRepository(client, ref);
            if (!repository)
                throw new ActionError(`Repository ${quote(ref.name)} exists but cannot be described`);
            const tags = settings.tags ? await listRepositoryTags(client, repository) : {};
            return { repository, created: false, differences: diffRepositorySettings(repository, tags, settings) };
        }
        const template = awsErrorName(error) === 'AccessDeniedException' ? await options.onPushTemplate?.() : undefined;
        if (template) {
            log.info(`CreateRepository ${ref.name} is denied to this role: the push creates it, from the CREATE_ON_PUSH template ${quote(template.prefix)}`);
            const repository = {
                repositoryName: ref.name,
                registryId: ref.registryId,
                imageTagMutability: template.imageTagMutability
            };
            return { repository, created: false, createdOnPush: template.prefix, differences: [] };
        }
        throw explainAwsError(error, `CreateRepository ${ref.name}`);
    }
}
function createRepositoryRequest(ref, settings) {
    return {
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageTagMutability: settings.tagMutability,
        imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions),
        imageScanningConfiguration: settings.scanOnPush === undefined ? undefined : { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: settings.encryptionType
            ? { encryptionType: settings.encryptionType, kmsKey: settings.kmsKey }
            : undefined,
        tags: settings.tags ? Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value })) : undefined
    };
}
/** Every repository of the registry with its settings, every page. */
async function describeAllRepositories(client, registryId) {
    const pages = (0,_aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_6__/* .paginateDescribeRepositories */ .LHh)({ client, pageSize: 1000 }, { registryId });
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .collectPages */ .VV)('DescribeRepositories', pages, page => page.repositories);
}
/** The repository, or undefined when there is none by that name. */
async function describeRepository(client, ref) {
    try {
        const { repositories } = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [ref.name], registryId: ref.registryId }));
        return repositories?.[0];
    }
    catch (error) {
        if (awsErrorName(error) === 'RepositoryNotFoundException')
            return undefined;
        throw explainAwsError(error, `DescribeRepositories ${ref.name}`);
    }
}
async function listRepositoryTags(client, repository) {
    try {
        const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn }));
        return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']));
    }
    catch (error) {
        // Reading tags is only for a warning: lack of ecr:ListTagsForResource must not fail a push.
        core.warning(`Could not read the tags of ${repository.repositoryName}: ${messageOf(error)}`);
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
    const exclusions = exclusionsOf(repository).sort();
    const declaredExclusions = settings.tagMutabilityExclusions?.slice().sort();
    const mutabilityDiffers = (settings.tagMutability !== undefined &&
        settings.tagMutability !== (repository.imageTagMutability ?? 'MUTABLE')) ||
        (declaredExclusions !== undefined && declaredExclusions.join('\n') !== exclusions.join('\n'));
    if (mutabilityDiffers) {
        const mutability = settings.tagMutability ?? repository.imageTagMutability ?? 'MUTABLE';
        await callAws(`PutImageTagMutability ${repository.repositoryName}`, () => client.send(new PutImageTagMutabilityCommand({
            ...ref,
            imageTagMutability: mutability,
            imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions)
        })));
        changed.push(`image-tag-mutability set to ${mutability}`);
    }
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (settings.scanOnPush !== undefined && settings.scanOnPush !== scanOnPush) {
        const imageScanningConfiguration = { scanOnPush: settings.scanOnPush };
        await callAws(`PutImageScanningConfiguration ${repository.repositoryName}`, () => client.send(new PutImageScanningConfigurationCommand({ ...ref, imageScanningConfiguration })));
        changed.push(`scan-on-push set to ${settings.scanOnPush}`);
    }
    if (settings.tags) {
        const current = await listRepositoryTags(client, repository);
        const missing = Object.entries(settings.tags).filter(([key, value]) => current[key] !== value);
        if (missing.length > 0) {
            const tags = missing.map(([Key, Value]) => ({ Key, Value }));
            await callAws(`TagResource ${repository.repositoryName}`, () => client.send(new TagResourceCommand({ resourceArn: repository.repositoryArn, tags })));
            changed.push(`repository tags set: ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}`);
        }
    }
    return changed;
}


/***/ }),

/***/ 7821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   en: () => (/* binding */ ENCRYPTION_TYPES)
/* harmony export */ });
/* unused harmony exports describeDifference, diffRepositorySettings, sameKmsKey */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _mutability_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8860);


/** Pure: repository settings as declared, and how an existing repository differs from them. */
const ENCRYPTION_TYPES = ['AES256', 'KMS', 'KMS_DSSE'];
/** `scan-on-push is false, declared true`; `repository tag team is missing, declared "core"`. */
function describeDifference(difference) {
    const { setting, current, declared } = difference;
    if (setting.startsWith('repository tag ')) {
        return current === undefined
            ? `${setting} is missing, declared ${quote(declared)}`
            : `${setting} is ${quote(current)}, declared ${quote(declared)}`;
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
        const actual = exclusionsOf(repository).sort();
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

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q5: () => (/* binding */ ACCEPT_ALL_MANIFESTS),
/* harmony export */   kA: () => (/* binding */ INDEX_MEDIA_TYPES),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* unused harmony exports MediaType, BlobMediaType, IMAGE_CONFIG_TYPES, MANIFEST_MEDIA_TYPES, isManifestMediaType, isMediaType, imageManifestSize */
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

/***/ 7995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Output),
/* harmony export */   p: () => (/* binding */ Input)
/* harmony export */ });
/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
const Input = {
    repositories: 'repositories',
    registryId: 'registry-id',
    regions: 'regions',
    require: 'require',
    failOn: 'fail-on',
    findings: 'findings',
    inUse: 'in-use',
    pricePerGbMonth: 'price-per-gb-month',
    archivePricePerGbMonth: 'archive-price-per-gb-month',
    merge: 'merge',
    endpoint: 'endpoint'
};
/** The action's output names, as action.yml declares them. */
const Output = {
    reportFile: 'report-file',
    csvFile: 'csv-file',
    repositoryCount: 'repository-count',
    imageCount: 'image-count',
    totalBytes: 'total-bytes',
    nonCompliant: 'non-compliant'
};


/***/ }),

/***/ 8101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Ho: () => (/* binding */ monthlyCost),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   f7: () => (/* binding */ nonCompliant),
/* harmony export */   gD: () => (/* binding */ toCsv)
/* harmony export */ });
/* unused harmony exports roundCost, csvField */
/** The JSON report's version: a change that breaks readers raises it (merge refuses another). */
const SCHEMA_VERSION = 1;
/** The `non-compliant` output's items. */
const nonCompliant = (report) => report.repositories
    .filter(r => r.reasons.length > 0)
    .map(r => ({ repository: r.repository, region: r.region, reasons: r.reasons }));
/** Pure: the report from its parts, totals summed, repositories in a stable order. */
function buildReport(parts) {
    const repositories = [...parts.repositories].sort((a, b) => a.registryId.localeCompare(b.registryId) ||
        a.region.localeCompare(b.region) ||
        a.repository.localeCompare(b.repository));
    const sum = (of) => repositories.reduce((total, r) => total + of(r), 0);
    return {
        schemaVersion: SCHEMA_VERSION,
        generatedAt: parts.generatedAt,
        prices: parts.prices,
        requirements: parts.requirements,
        totals: {
            repositories: repositories.length,
            images: sum(r => r.images),
            bytes: sum(r => r.bytes),
            imageBytes: sum(r => r.imageBytes),
            monthlyCost: roundCost(sum(r => r.monthlyCost)),
            nonCompliant: repositories.filter(r => r.reasons.length > 0).length
        },
        registries: [...parts.registries].sort((a, b) => a.registryId.localeCompare(b.registryId) || a.region.localeCompare(b.region)),
        repositories
    };
}
/** Dollars to a hundredth of a cent: an estimate, not an invoice. */
const roundCost = (dollars) => Math.round(dollars * 10_000) / 10_000;
const GIB = 2 ** 30;
/** Pure: the estimated monthly storage cost of a repository's blobs (AWS bills GB as 2^30 bytes). */
function monthlyCost(bytes, archivedBytes, prices) {
    return roundCost(((bytes - archivedBytes) / GIB) * prices.perGbMonth + (archivedBytes / GIB) * prices.archivePerGbMonth);
}
const CSV_COLUMNS = [
    ['registryId', r => r.registryId],
    ['region', r => r.region],
    ['repository', r => r.repository],
    ['images', r => r.images],
    ['tagged', r => r.tagged],
    ['untagged', r => r.untagged],
    ['indexes', r => r.indexes],
    ['referrers', r => r.referrers],
    ['archived', r => r.archived],
    ['bytes', r => r.bytes],
    ['archivedBytes', r => r.archivedBytes],
    ['imageBytes', r => r.imageBytes],
    ['monthlyCost', r => r.monthlyCost],
    ['newestPush', r => r.newestPush],
    ['oldestPush', r => r.oldestPush],
    ['lastPull', r => r.lastPull],
    ['inUse', r => r.inUse],
    ['mutability', r => r.settings.mutability],
    ['scanOnPush', r => r.settings.scanOnPush],
    ['encryption', r => r.settings.encryption],
    ['lifecyclePolicy', r => r.lifecyclePolicy.present],
    ['lifecycleRules', r => r.lifecyclePolicy.rules],
    ['repositoryPolicy', r => r.repositoryPolicy.present],
    ['publicAccess', r => r.repositoryPolicy.publicAccess],
    ['criticalFindings', r => r.findings?.counts?.CRITICAL],
    ['highFindings', r => r.findings?.counts?.HIGH],
    ['compliant', r => r.reasons.length === 0],
    ['reasons', r => r.reasons.join('; ')]
];
/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text starting with
 * = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet never runs it as a formula.
 */
function csvField(value) {
    if (value === undefined || value === null)
        return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
/** Pure: the CSV file, a header and one row per repository, CRLF line ends as RFC 4180 has them. */
function toCsv(report) {
    const rows = [
        CSV_COLUMNS.map(([name]) => name),
        ...report.repositories.map(r => CSV_COLUMNS.map(([, of]) => csvField(of(r))))
    ];
    return rows.map(row => row.join(',')).join('\r\n') + '\r\n';
}


/***/ }),

/***/ 7949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/common/aws.ts + 1 modules
var aws = __webpack_require__(1244);
;// CONCATENATED MODULE: ./src/ecr/client.ts



/**
 * The ECR API client. Credentials and the endpoint come from the SDK's standard chain
 * (AWS_* variables, web identity, profiles, AWS_ENDPOINT_URL_ECR); throttling ("Rate exceeded",
 * a bare 429) is handled by the SDK's adaptive retry mode. The endpoint variant as common/endpoints.ts decides.
 */
function createEcrClient(region, endpoint) {
    return new dist_cjs/* ECRClient */.S70((0,aws/* awsClientConfig */.r)('ECR', region, endpoint));
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
        throw new errors/* ActionError */.lZ('No AWS region is set: give aws-region to aws-actions/configure-aws-credentials before this step, ' +
            'or set AWS_REGION in the environment.');
    }
    return region;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(5152);
// EXTERNAL MODULE: ./src/common/endpoints.ts
var endpoints = __webpack_require__(9459);
;// CONCATENATED MODULE: ./src/common/endpoint-regions.ts


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
    return (0,client.partition)(region).name;
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
    const choice = (0,endpoints/* choiceOf */.FH)(variant);
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

;// CONCATENATED MODULE: ./src/ecr/hosts.ts



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
    const { name, dnsSuffix } = partition(region);
    const fips = variant.fips ? '-fips' : '';
    if (!variant.dualStack)
        return { host: `${accountId}.dkr.ecr${fips}.${region}.${dnsSuffix}` };
    return { host: `${accountId}.dkr-ecr${fips}.${region}.${DUAL_STACK_REGISTRY_DOMAINS[name]}` };
}
/** Why the private registry has no host for the variant in `region`, or undefined when it has one. */
function registryRefusal(region, variant) {
    const refusal = apiEndpointRefusal('ECR', region, variant, 'the ECR registry');
    if (refusal || !variant.dualStack)
        return refusal;
    const { name } = (0,client.partition)(region);
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
        throw new Error(`${loginHost} is not a private ECR registry host: it has no ${choiceOf(variant)} host`);
    const chosen = registryHostFor(parsed.accountId, parsed.region, variant);
    if ('refusal' in chosen)
        throw new Error(chosen.refusal);
    const port = new URL(`https://${loginHost}`).port;
    return port ? `${chosen.host}:${port}` : chosen.host;
}

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
            const refusal = registryRefusal(use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
        if (use.registry === 'public')
            reasons.add(`ECR Public's registry has no ${(0,endpoints/* choiceOf */.FH)(variant)} host confirmed (public.ecr.aws: default only)`);
        for (const service of use.services) {
            if ((0,endpoints/* endpointOverride */.Ku)(service, env) !== undefined)
                continue;
            const refusal = apiEndpointRefusal(service, use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
    }
    if (reasons.size > 0)
        throw new errors/* InputError */.dz(input, `${(0,endpoints/* choiceOf */.FH)(variant)} is not offered: ${[...reasons].join('; ')}`);
}

// EXTERNAL MODULE: ./src/common/inputs.ts
var common_inputs = __webpack_require__(9184);
;// CONCATENATED MODULE: ./src/registry/reference.ts

/**
 * The one grammar for image references, after distribution's `reference` package: every repository
 * name, tag, digest and reference the suite reads from an input, a file or a registry goes through here
 * before it becomes part of a URL or a command line. Path components cannot be empty, `.` or `..`.
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
/** A repository path: lowercase components separated by `.`, `_`, `__` or dashes, joined by `/`. */
const reference_REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
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
const isRepositoryPath = (value) => typeof value === 'string' && value.length <= 256 && reference_REPOSITORY_PATH.test(value);
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
            return `the tag ${(0,errors/* quote */.hD)(tag)} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`;
    }
    let domain;
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (options.domain === 'allowed' && slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
        if (!DOMAIN.test(first))
            return `${(0,errors/* quote */.hD)(first)} is not a registry host name`;
        domain = first;
        rest = rest.slice(slash + 1);
    }
    if (!reference_REPOSITORY_PATH.test(rest)) {
        return ('the repository path must be lowercase letters and digits separated by ".", "_", "__" or dashes, ' +
            'in components joined by "/" (no empty, "." or ".." components)');
    }
    return { domain, repository: rest, tag, digest };
}

;// CONCATENATED MODULE: ./src/ecr/in-use/references.ts




/** The kinds of deployment the scan reads, and the other sources of "in use". */
const SCAN_KINDS = ['ecs', 'lambda', 'batch', 'apprunner', 'inspector'];
/** Pure: an input naming scan kinds (a list, any case; `none` alone for none; empty for the fallback). */
function parseScanKinds(input, raw, fallback) {
    const given = (0,common_inputs/* parseList */.E1)(raw);
    if (given.length === 0)
        return [...fallback];
    if (given.length === 1 && given[0]?.toLowerCase() === 'none')
        return [];
    return given.map(kind => {
        const known = SCAN_KINDS.find(k => k === kind.toLowerCase());
        if (!known)
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(kind)} is not one of ${SCAN_KINDS.join(', ')}, or none (alone)`);
        return known;
    });
}
/** The API each kind is read through (its endpoint choice is checked before any call). */
const SCAN_SERVICES = {
    ecs: 'ECS',
    lambda: 'Lambda',
    batch: 'Batch',
    apprunner: 'AppRunner',
    inspector: 'Inspector2'
};
/**
 * Pure: the references that name this registry, resolved to digests of the repositories being cleaned.
 * A reference by tag counts as the digest the tag holds now (looked up in the listed images: no call), a
 * reference by digest as that digest, and a digest the deployment reports as running counts too. Hosts are
 * parsed with the ECR host parser (FIPS, dual-stack, China and EU hosts alike); anything else is elsewhere.
 */
function resolveInUse(references, registry, images) {
    const result = { byRepository: new Map(), elsewhere: 0, unresolved: [] };
    const tagIndex = new Map();
    for (const [repository, details] of images) {
        const tags = new Map();
        for (const detail of details) {
            for (const tag of detail.imageTags ?? [])
                if (detail.imageDigest)
                    tags.set(tag, detail.imageDigest);
        }
        tagIndex.set(repository, tags);
    }
    const add = (repository, digest, reference) => {
        const digests = result.byRepository.get(repository) ?? new Map();
        const uses = digests.get(digest) ?? [];
        if (!uses.some(u => u.where === reference.where && u.source === reference.source)) {
            uses.push({ source: reference.source, where: reference.where });
        }
        digests.set(digest, uses);
        result.byRepository.set(repository, digests);
    };
    for (const reference of references) {
        const target = ownReference(reference.image, registry);
        if (target === 'elsewhere') {
            result.elsewhere++;
            continue;
        }
        if (target === undefined || !images.has(target.repository))
            continue;
        if (target.digest)
            add(target.repository, target.digest, reference);
        if (reference.digest && /^sha256:[a-f0-9]{64}$/.test(reference.digest)) {
            add(target.repository, reference.digest, reference);
        }
        if (target.tag && !target.digest) {
            const digest = tagIndex.get(target.repository)?.get(target.tag);
            if (digest)
                add(target.repository, digest, reference);
            else if (!reference.digest)
                result.unresolved.push(reference.image);
        }
    }
    return result;
}
/**
 * The repository, tag and digest a reference names in this registry; 'elsewhere' for another registry;
 * undefined for text that is no image reference at all.
 */
function ownReference(image, registry) {
    const parsed = parseReference(image.trim(), { domain: 'allowed' });
    if (typeof parsed === 'string')
        return undefined;
    const host = parsed.domain ? parseRegistryHost(parsed.domain) : undefined;
    const prefix = 'publicAlias' in registry ? `${registry.publicAlias}/` : '';
    const ours = 'publicAlias' in registry
        ? host?.kind === 'public' && parsed.repository.startsWith(prefix)
        : host?.kind === 'private' && host.accountId === registry.accountId && host.region === registry.region;
    if (!ours)
        return 'elsewhere';
    return {
        repository: parsed.repository.slice(prefix.length),
        tag: parsed.digest ? undefined : (parsed.tag ?? 'latest'),
        digest: parsed.digest
    };
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/ecr/console.ts
/** The console page of a private repository. */
function repositoryConsoleUrl(region, registryId, name) {
    return `https://${region}.console.aws.amazon.com/ecr/repositories/private/${registryId}/${name}?region=${region}`;
}

// EXTERNAL MODULE: ./src/ecr/mutability.ts
var mutability = __webpack_require__(8860);
// EXTERNAL MODULE: ./src/common/json.ts
var json = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/policies.ts



const MAX_REPOSITORY_POLICY_CHARS = 10_240;
const PULL_STATEMENT_SID = 'EcrDeliverAllowPull';
const PULL_ACTIONS = (/* unused pure expression or super */ null && (['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']));
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
        read: async () => (await client.send(new GetLifecyclePolicyCommand(repository))).lifecyclePolicyText,
        desired: parseJson(text),
        write: () => client.send(new PutLifecyclePolicyCommand({ ...repository, lifecyclePolicyText: text }))
    });
}
/** Sets the repository policy only when it differs from the current one (compared as parsed JSON). */
async function applyRepositoryPolicy(client, ref, policy) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return applyIfDifferent({
        action: `repository policy of ${ref.name}`,
        notFound: 'RepositoryPolicyNotFoundException',
        read: async () => (await client.send(new GetRepositoryPolicyCommand(repository))).policyText,
        desired: policy,
        write: () => client.send(new SetRepositoryPolicyCommand({ ...repository, policyText: JSON.stringify(policy) }))
    });
}
/** Reads the current document (absent: `notFound`), and writes only when it differs from `desired`. */
async function applyIfDifferent(step) {
    const current = await readDocument(step);
    if (current !== undefined && sameAsCurrent(current, step.desired))
        return 'unchanged';
    await callAws(`writing the ${step.action}`, step.write);
    return current === undefined ? 'created' : 'changed';
}
/** The current document's text; undefined when the repository has none (`notFound`). */
async function readDocument(step) {
    return (0,ecr_errors/* callAws */.IY)(`reading the ${step.action}`, async () => {
        try {
            return await step.read();
        }
        catch (error) {
            if ((0,ecr_errors/* awsErrorName */.ZH)(error) === step.notFound)
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
        read: async () => (await client.send(new dist_cjs/* GetLifecyclePolicyCommand */.O0C(repository))).lifecyclePolicyText
    });
}
/** The repository's policy text; undefined when it has none. */
async function getRepositoryPolicyText(client, ref) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return readDocument({
        action: `repository policy of ${ref.name}`,
        notFound: 'RepositoryPolicyNotFoundException',
        read: async () => (await client.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN(repository))).policyText
    });
}
/** A current document that does not parse (or nests absurdly) is simply different. */
function sameAsCurrent(current, desired) {
    try {
        return sameJson(parseJson(current), desired);
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
;// CONCATENATED MODULE: ./src/report/facts.ts






/** BuildKit's attestations: children of the image index, annotated with what they attest. */
const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type';
const WEEK_MS = 7 * 86_400_000;
const WEEKS = 12;
/** Pure: the referrers among a repository's images (signatures, attestations, SBOMs). */
function referrersOf(details, manifests) {
    const referrers = new Set();
    for (const detail of details) {
        const digest = detail.imageDigest ?? '';
        const manifest = manifests.get(digest);
        const tags = detail.imageTags ?? [];
        if (detail.subjectManifestDigest ||
            manifest?.subject ||
            (tags.length > 0 && tags.every(t => ARTIFACT_TAG.test(t))))
            referrers.add(digest);
        if (manifest && (0,media_types/* isIndex */.nw)(manifest)) {
            for (const child of manifest.manifests)
                if (child.annotations?.[ATTESTATION_ANNOTATION] === 'attestation-manifest')
                    referrers.add(child.digest);
        }
    }
    return referrers;
}
/**
 * Pure: the distinct blobs (configs and layers) the manifests reference, each once: what ECR stores and
 * bills. A blob only archived images reference counts as archived too.
 */
function blobBytes(details, manifests) {
    const blobs = new Map();
    for (const detail of details) {
        const manifest = manifests.get(detail.imageDigest ?? '');
        if (!manifest || (0,media_types/* isIndex */.nw)(manifest))
            continue;
        const active = detail.imageStatus !== 'ARCHIVED';
        for (const blob of [manifest.config, ...(manifest.layers ?? [])]) {
            if (!blob?.digest)
                continue;
            const seen = blobs.get(blob.digest);
            blobs.set(blob.digest, { size: blob.size ?? 0, active: active || (seen?.active ?? false) });
        }
    }
    let bytes = 0;
    let archivedBytes = 0;
    for (const blob of blobs.values()) {
        bytes += blob.size;
        if (!blob.active)
            archivedBytes += blob.size;
    }
    return { bytes, archivedBytes };
}
/** Pure: whether a repository policy lets anyone in (an Allow to Principal "*" without a condition). */
function policyFacts(text) {
    if (text === undefined)
        return { present: false, statements: 0, publicAccess: false };
    // ECR keeps only valid policies; an unreadable one is shown as present with no statement.
    const statements = policyStatements(text);
    const anyone = (principal) => {
        if (principal === '*')
            return true;
        const aws = principal?.AWS;
        return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
    };
    const unconditioned = (condition) => condition === undefined || (typeof condition === 'object' && Object.keys(condition ?? {}).length === 0);
    return {
        present: true,
        statements: statements.length,
        publicAccess: statements.some(s => s.Effect === 'Allow' && anyone(s.Principal) && unconditioned(s.Condition))
    };
}
/** Pure: the number of rules of a lifecycle policy text (0 when it cannot be read). */
function lifecycleRules(text) {
    try {
        const rules = JSON.parse(text).rules;
        return Array.isArray(rules) ? rules.length : 0;
    }
    catch {
        return 0;
    }
}
/** The Monday (UTC) of a time's week, as YYYY-MM-DD. */
function weekOf(time) {
    const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day.toISOString().slice(0, 10);
}
/** The Mondays of the last `WEEKS` weeks up to `now`, oldest first. */
function lastWeeks(now) {
    const current = new Date(`${weekOf(now)}T00:00:00Z`).getTime();
    return Array.from({ length: WEEKS }, (_, i) => new Date(current - (WEEKS - 1 - i) * WEEK_MS).toISOString().slice(0, 10));
}
/** Pure: images pushed per week over the last twelve weeks (weeks without a push left out). */
function pushesByWeek(details, now) {
    const weeks = new Set(lastWeeks(now));
    const counts = {};
    for (const detail of details) {
        if (!detail.imagePushedAt)
            continue;
        const week = weekOf(detail.imagePushedAt);
        if (weeks.has(week))
            counts[week] = (counts[week] ?? 0) + 1;
    }
    return counts;
}
/** The image whose findings stand for the repository: the newest pushed that is an image (no index, no referrer). */
function newestScannable(details, referrers) {
    const candidates = details.filter(d => d.imageDigest &&
        !media_types/* INDEX_MEDIA_TYPES */.kA.has(d.imageManifestMediaType ?? '') &&
        !referrers.has(d.imageDigest) &&
        d.imageStatus !== 'ARCHIVED');
    const newest = candidates.sort((a, b) => time(b.imagePushedAt) - time(a.imagePushedAt))[0];
    return newest?.imageDigest;
}
const time = (date) => date?.getTime() ?? 0;
const iso = (ms) => (ms === undefined ? null : new Date(ms).toISOString());
/** Pure: a repository's report entry from what was read (requirements judged later). */
function repositoryEntry(read, context) {
    const { repository, details, manifests } = read;
    const name = repository.repositoryName ?? '';
    const registryId = repository.registryId ?? context.registryId;
    const pushed = details.map(d => time(d.imagePushedAt)).filter(t => t > 0);
    const pulled = details.map(d => time(d.lastRecordedPullTime)).filter(t => t > 0);
    const { bytes, archivedBytes } = blobBytes(details, manifests);
    const inUse = read.inUse;
    return {
        repository: name,
        region: context.region,
        registryId,
        consoleUrl: repositoryConsoleUrl(context.region, registryId, name),
        images: details.length,
        tagged: details.filter(d => (d.imageTags ?? []).length > 0).length,
        untagged: details.filter(d => (d.imageTags ?? []).length === 0).length,
        indexes: details.filter(d => media_types/* INDEX_MEDIA_TYPES */.kA.has(d.imageManifestMediaType ?? '')).length,
        referrers: referrersOf(details, manifests).size,
        archived: details.filter(d => d.imageStatus === 'ARCHIVED').length,
        bytes,
        archivedBytes,
        imageBytes: details.reduce((sum, d) => sum + (d.imageSizeInBytes ?? 0), 0),
        monthlyCost: (0,report_document/* monthlyCost */.Ho)(bytes, archivedBytes, context.prices),
        newestPush: iso(pushed.length ? Math.max(...pushed) : undefined),
        oldestPush: iso(pushed.length ? Math.min(...pushed) : undefined),
        lastPull: iso(pulled.length ? Math.max(...pulled) : undefined),
        inUse: inUse ? details.filter(d => inUse.has(d.imageDigest ?? '')).length : null,
        settings: {
            mutability: repository.imageTagMutability ?? 'MUTABLE',
            mutabilityExclusions: (0,mutability/* exclusionsOf */.Tf)(repository),
            scanOnPush: Boolean(repository.imageScanningConfiguration?.scanOnPush) || read.registryScansOnPush,
            encryption: repository.encryptionConfiguration?.encryptionType ?? 'AES256',
            ...(repository.encryptionConfiguration?.kmsKey
                ? { kmsKey: repository.encryptionConfiguration.kmsKey }
                : {})
        },
        lifecyclePolicy: {
            present: read.lifecyclePolicyText !== undefined,
            rules: read.lifecyclePolicyText === undefined ? 0 : lifecycleRules(read.lifecyclePolicyText)
        },
        repositoryPolicy: policyFacts(read.repositoryPolicyText),
        ...(read.findings ? { findings: read.findings } : {}),
        pushesByWeek: pushesByWeek(details, context.now),
        requirements: {},
        reasons: []
    };
}

// EXTERNAL MODULE: ./src/ecr/repositories.ts
var ecr_repositories = __webpack_require__(5048);
// EXTERNAL MODULE: ./src/ecr/images.ts
var ecr_images = __webpack_require__(2298);
;// CONCATENATED MODULE: ./src/report/read.ts






/**
 * Every manifest of the repository, 100 a BatchGetImage, as stored (every type accepted). One gone since
 * the listing, or one ECR will not give, is left out: its blobs are then not counted, which the log says.
 */
async function manifestsOf(client, repositoryName, digests, registryId) {
    const { manifests, unread, malformed } = await (0,ecr_images/* readManifests */.PX)(client, repositoryName, digests, registryId);
    for (const digest of malformed)
        log/* info */.p(`${repositoryName}: the manifest ${digest} is not JSON: its blobs are not counted`);
    if (unread.length > 0)
        log/* info */.p(`${repositoryName}: ${unread.length} manifests could not be read: their blobs are not counted`);
    return manifests;
}
/** The newest image's scan: its severity counts when the scan is done (one call, one finding a page). */
async function readFindings(client, repositoryName, image, registryId) {
    return (0,ecr_errors/* callAws */.IY)(`DescribeImageScanFindings ${repositoryName}@${image}`, async () => {
        try {
            const answer = await client.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({
                repositoryName,
                registryId,
                imageId: { imageDigest: image },
                maxResults: 1
            }));
            const status = answer.imageScanStatus?.status ?? 'UNKNOWN';
            const done = status === 'COMPLETE' || status === 'ACTIVE';
            const counts = answer.imageScanFindings?.findingSeverityCounts ?? {};
            return { image, status, ...(done ? { counts } : {}) };
        }
        catch (error) {
            if ((0,ecr_errors/* awsErrorName */.ZH)(error) === 'ScanNotFoundException')
                return { image, status: 'NOT_SCANNED' };
            throw error;
        }
    });
}
/**
 * One repository read whole: its images (every status, 1,000 a page), every manifest (100 a call), its
 * lifecycle and repository policies, and with `findings` the newest image's scan. Any failure throws: a
 * report from a partial read would be wrong without saying so.
 */
async function readRepository(client, repository, options) {
    const name = repository.repositoryName ?? '';
    const { registryId } = options;
    const details = await (0,ecr_images/* listImages */.v8)(client, name, registryId);
    const digests = details.map(d => d.imageDigest ?? '').filter(Boolean);
    const [manifests, lifecyclePolicyText, repositoryPolicyText] = await Promise.all([
        manifestsOf(client, name, digests, registryId),
        getLifecyclePolicyText(client, { name, registryId }),
        getRepositoryPolicyText(client, { name, registryId })
    ]);
    let findings;
    if (options.findings) {
        const newest = newestScannable(details, referrersOf(details, manifests));
        if (newest)
            findings = await readFindings(client, name, newest, registryId);
    }
    return { repository, details, manifests, lifecyclePolicyText, repositoryPolicyText, findings };
}

;// CONCATENATED MODULE: ./src/ecr/cache-rules.ts


/** Every pull-through-cache rule of the registry, every page. */
async function listCacheRules(client, registryId) {
    const pages = (0,dist_cjs/* paginateDescribePullThroughCacheRules */.avE)({ client, pageSize: 1000 }, { registryId });
    return (0,ecr_errors/* collectPages */.VV)('DescribePullThroughCacheRules', pages, page => page.pullThroughCacheRules);
}
async function createCacheRule(client, rule, registryId) {
    await callAws(`CreatePullThroughCacheRule ${rule.prefix}`, () => client.send(new CreatePullThroughCacheRuleCommand({
        registryId,
        ecrRepositoryPrefix: rule.prefix,
        upstreamRegistryUrl: rule.upstreamUrl,
        upstreamRegistry: rule.upstream,
        credentialArn: rule.credentialArn,
        customRoleArn: rule.roleArn,
        upstreamRepositoryPrefix: rule.upstreamPrefix
    })));
}
async function updateCacheRule(client, rule, registryId) {
    await callAws(`UpdatePullThroughCacheRule ${rule.prefix}`, () => client.send(new UpdatePullThroughCacheRuleCommand({
        registryId,
        ecrRepositoryPrefix: rule.prefix,
        credentialArn: rule.credentialArn,
        customRoleArn: rule.roleArn
    })));
}
async function deleteCacheRule(client, prefix, registryId) {
    await callAws(`DeletePullThroughCacheRule ${prefix}`, () => client.send(new DeletePullThroughCacheRuleCommand({ registryId, ecrRepositoryPrefix: prefix })));
}
/** ECR's own check of a rule (can it reach the upstream with the credential?): the reason when it cannot. */
async function validateCacheRule(client, prefix, registryId) {
    const result = await callAws(`ValidatePullThroughCacheRule ${prefix}`, () => client.send(new ValidatePullThroughCacheRuleCommand({ registryId, ecrRepositoryPrefix: prefix })));
    return { valid: result.isValid === true, failure: result.failure };
}

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

;// CONCATENATED MODULE: ./src/report/registry-settings.ts






/** The account settings the report shows. */
const ACCOUNT_SETTINGS = ['BASIC_SCAN_TYPE_VERSION', 'REGISTRY_POLICY_SCOPE', 'BLOB_MOUNTING'];
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
/** The AWS error's name, through the explained errors of the ecr floor (which keep it as their cause). */
function nameOf(error) {
    const cause = error?.cause;
    if (error instanceof Error && error.name === 'ActionError' && cause instanceof Error)
        return cause.name;
    return error instanceof Error ? error.name : undefined;
}
/**
 * One registry-level read: its value, or why it could not be read. Denied is "not readable: needs
 * ecr:<Action>", anything else its error, said once; neither fails the step. `absent` names the error
 * that means "none configured".
 */
async function readable(action, read, absent) {
    try {
        return { value: await read() };
    }
    catch (error) {
        const name = nameOf(error);
        if (absent && name === absent.error)
            return { value: absent.value };
        if (name && DENIED.has(name))
            return { notReadable: `needs ecr:${action}` };
        // The first line only: an SDK's parse failure runs to several lines about its own internals.
        return { notReadable: `${name ?? 'error'}: ${(0,errors/* quote */.hD)((0,errors/* messageOf */.bD)(error).split('\n')[0], 160)}` };
    }
}
/** Every registry-level setting the report shows, read at once; each on its own (a denied one is noted). */
async function readRegistrySettings(client) {
    const [registryPolicy, replication, scanning, pullThroughCacheRules, creationTemplates, signing, ...accounts] = await Promise.all([
        readable('GetRegistryPolicy', async () => ({
            statements: policyStatements((await client.send(new dist_cjs/* GetRegistryPolicyCommand */.J9O({}))).policyText).length
        }), { error: 'RegistryPolicyNotFoundException', value: null }),
        readable('DescribeRegistry', async () => {
            const rules = (await client.send(new dist_cjs/* DescribeRegistryCommand */.IRV({}))).replicationConfiguration?.rules ?? [];
            const destinations = rules.flatMap(rule => (rule.destinations ?? []).map(d => `${d.registryId ?? ''} ${d.region ?? ''}`.trim()));
            return { rules: rules.length, destinations: [...new Set(destinations)] };
        }),
        readable('GetRegistryScanningConfiguration', async () => {
            const { scanningConfiguration } = await client.send(new dist_cjs/* GetRegistryScanningConfigurationCommand */.Mhg({}));
            return {
                scanType: scanningConfiguration?.scanType ?? 'BASIC',
                rules: (scanningConfiguration?.rules ?? []).map(rule => ({
                    scanFrequency: rule.scanFrequency ?? '',
                    filters: (rule.repositoryFilters ?? []).map(f => f.filter ?? '')
                }))
            };
        }),
        readable('DescribePullThroughCacheRules', async () => (await listCacheRules(client)).map(rule => ({
            prefix: rule.ecrRepositoryPrefix ?? '',
            upstream: rule.upstreamRegistryUrl ?? ''
        }))),
        readable('DescribeRepositoryCreationTemplates', async () => (await listCreationTemplates(client)).templates.map(t => ({
            prefix: t.prefix ?? '',
            appliedFor: t.appliedFor ?? []
        }))),
        readable('GetSigningConfiguration', async () => {
            const rules = (await client.send(new dist_cjs/* GetSigningConfigurationCommand */.tUh({}))).signingConfiguration?.rules ?? [];
            return { rules: rules.length, profiles: [...new Set(rules.map(r => r.signingProfileArn ?? ''))] };
        }, { error: 'SigningConfigurationNotFoundException', value: null }),
        ...ACCOUNT_SETTINGS.map(name => readable('GetAccountSetting', async () => (await client.send(new dist_cjs/* GetAccountSettingCommand */.pn5({ name }))).value ?? ''))
    ]);
    return {
        registryPolicy,
        replication,
        scanning,
        pullThroughCacheRules,
        creationTemplates,
        accountSettings: Object.fromEntries(ACCOUNT_SETTINGS.map((name, i) => [name, accounts[i]])),
        signing
    };
}
/**
 * Pure: whether the registry's scanning configuration scans a repository on push: a rule that scans on push
 * (or continuously, under enhanced scanning) with a filter matching its name.
 */
function registryScansOnPush(scanning, repository) {
    if (!scanning || !('value' in scanning))
        return false;
    return scanning.value.rules.some(rule => (rule.scanFrequency === 'SCAN_ON_PUSH' || rule.scanFrequency === 'CONTINUOUS_SCAN') &&
        rule.filters.some(filter => (0,common_inputs/* wildcardToRegExp */.ny)(filter).test(repository)));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/common/format.ts
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

// EXTERNAL MODULE: ./src/ecr/settings-diff.ts
var settings_diff = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/report/constants.ts
var constants = __webpack_require__(7995);
;// CONCATENATED MODULE: ./src/report/requirements.ts






const atMost = (what, of, show = String) => (max, facts) => of(facts) > max ? `${what} ${show(of(facts))}, more than ${show(max)}` : undefined;
const findingsAtMost = (severity) => (max, facts) => {
    if (!facts.findings)
        return undefined;
    if (!facts.findings.counts)
        return `no scan findings for the newest image (${facts.findings.status})`;
    const count = facts.findings.counts[severity] ?? 0;
    return count > max ? `${count} ${severity.toLowerCase()} findings, more than ${max}` : undefined;
};
const presence = (what, of) => (wanted, facts) => (wanted === 'present') === of(facts) ? undefined : `${what} ${of(facts) ? 'present' : 'absent'}`;
/** Each rule's predicate: pure, judged on the facts alone. */
const CHECKS = {
    'scan-on-push': (wanted, f) => f.settings.scanOnPush === wanted ? undefined : `scan on push ${f.settings.scanOnPush ? 'on' : 'off'}`,
    mutability: (allowed, f) => allowed.includes(f.settings.mutability)
        ? undefined
        : `tag mutability ${f.settings.mutability}`,
    encryption: (allowed, f) => allowed.includes(f.settings.encryption) ? undefined : `encryption ${f.settings.encryption}`,
    'lifecycle-policy': presence('lifecycle policy', f => f.lifecyclePolicy.present),
    'repository-policy': presence('repository policy', f => f.repositoryPolicy.present),
    'public-access': (_wanted, f) => f.repositoryPolicy.publicAccess
        ? 'the repository policy allows Principal "*" without a condition'
        : undefined,
    'max-images': atMost('images', f => f.images),
    'max-untagged': atMost('untagged images', f => f.untagged),
    'max-bytes': atMost('stores', f => f.bytes, formatBytes),
    'max-critical-findings': findingsAtMost('CRITICAL'),
    'max-high-findings': findingsAtMost('HIGH')
};
const RULE_NAMES = Object.keys(CHECKS);
/** Pure: each rule given, met or not, with the reason when not. */
function evaluate(requirements, facts) {
    return RULE_NAMES.filter(rule => requirements[rule] !== undefined).map(rule => {
        const check = CHECKS[rule];
        const reason = check(requirements[rule], facts);
        return reason === undefined ? { rule, met: true } : { rule, met: false, reason: `${rule}: ${reason}` };
    });
}
const SIZE_UNITS = {
    B: 1,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KIB: 2 ** 10,
    MIB: 2 ** 20,
    GIB: 2 ** 30,
    TIB: 2 ** 40
};
/** `50GiB`, `1.5 TB`, `1000` (bytes): a size in bytes, or undefined when it is not one. */
function parseSize(raw) {
    if (typeof raw === 'number')
        return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
    const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(String(raw).trim());
    const factor = SIZE_UNITS[(match?.[2] || 'B').toUpperCase()];
    if (!match || factor === undefined)
        return undefined;
    const bytes = Math.round(Number(match[1]) * factor);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
const fail = (rule, why) => {
    throw new errors/* InputError */.dz(constants/* Input */.p.require, `${rule}: ${why}`);
};
const count = (rule, value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : fail(rule, `must be a whole number (0 or more), got ${(0,errors/* quote */.hD)(value)}`);
/** One value or a list, each one of `allowed` (case-insensitive, canonical spelling kept). */
const oneOf = (rule, value, allowed) => {
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0)
        fail(rule, `must name at least one of ${allowed.join(' | ')}`);
    return values.map(v => allowed.find(a => a.toLowerCase() === String(v).toLowerCase()) ??
        fail(rule, `must be one of ${allowed.join(' | ')} (or a list of them), got ${(0,errors/* quote */.hD)(v)}`));
};
const PARSERS = {
    'scan-on-push': v => typeof v === 'boolean' ? v : fail('scan-on-push', `must be true or false, got ${(0,errors/* quote */.hD)(v)}`),
    mutability: v => oneOf('mutability', v, mutability/* TAG_MUTABILITIES */.em),
    encryption: v => oneOf('encryption', v, settings_diff/* ENCRYPTION_TYPES */.en),
    'lifecycle-policy': v => oneOf('lifecycle-policy', v, ['present', 'absent'])[0],
    'repository-policy': v => oneOf('repository-policy', v, ['present', 'absent'])[0],
    'public-access': v => v === false
        ? false
        : fail('public-access', `can only be false (no public repository policy), got ${(0,errors/* quote */.hD)(v)}`),
    'max-images': v => count('max-images', v),
    'max-untagged': v => count('max-untagged', v),
    'max-bytes': v => parseSize(v) ??
        fail('max-bytes', `must be a size such as 50GiB, 500MB or a number of bytes, got ${(0,errors/* quote */.hD)(v)}`),
    'max-critical-findings': v => count('max-critical-findings', v),
    'max-high-findings': v => count('max-high-findings', v)
};
/**
 * The `require` input: a YAML map of rule → value. An unknown rule, a value a rule does not take, or a
 * findings rule without `findings: true` is one `Input "require"` error, before any call.
 */
function parseRequirements(raw, findings) {
    if (raw.trim() === '')
        return {};
    let document;
    try {
        document = (0,dist/* parse */.qg)(raw);
    }
    catch (error) {
        throw new errors/* InputError */.dz(constants/* Input */.p.require, `is not YAML: ${error.message.split('\n')[0]}`);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        throw new errors/* InputError */.dz(constants/* Input */.p.require, 'must be a YAML map of rule: value (for example "scan-on-push: true")');
    }
    const requirements = {};
    for (const [rule, value] of Object.entries(document)) {
        if (!RULE_NAMES.includes(rule))
            fail((0,errors/* quote */.hD)(rule), `is not a rule; the rules are ${RULE_NAMES.join(', ')}`);
        const parse = PARSERS[rule];
        requirements[rule] = parse(value);
    }
    const needsFindings = ['max-critical-findings', 'max-high-findings'].find(rule => requirements[rule] !== undefined);
    if (needsFindings && !findings)
        fail(needsFindings, 'needs findings: true (the findings are read only then)');
    return requirements;
}

;// CONCATENATED MODULE: ./src/report/collect.ts












/** Regions read at once, and repositories at once in each: the SDK's adaptive retry absorbs throttling. */
const REGION_CONCURRENCY = 3;
const REPOSITORY_CONCURRENCY = 8;
/** The repositories the patterns match; a pattern matching none in any region warns once. */
function matchRepositories(all, patterns) {
    return all
        .filter(r => patterns.some(pattern => picomatch_default().isMatch(r.repositoryName ?? '', pattern)))
        .sort((a, b) => (a.repositoryName ?? '').localeCompare(b.repositoryName ?? ''));
}
/** Every region's repositories listed and its registry-level settings read (unless registry-id names another). */
async function openRegions(inputs, regions) {
    const limit = (0,p_limit/* default */.A)(REGION_CONCURRENCY);
    const opened = await Promise.all(regions.map(region => limit(async () => {
        const client = createEcrClient(region, inputs.endpoint);
        const all = await (0,ecr_repositories/* describeAllRepositories */.XM)(client, inputs.registryId);
        const repositories = matchRepositories(all, inputs.repositories);
        const settings = inputs.registryId ? undefined : await readRegistrySettings(client);
        const registryId = inputs.registryId ?? all[0]?.registryId ?? '';
        log/* info */.p(`${region}: ${repositories.length} of ${all.length} repositories match`);
        return { region, client, registryId, repositories, registry: { registryId, region, settings } };
    })));
    for (const pattern of inputs.repositories) {
        const hit = opened.some(o => o.repositories.some(r => picomatch_default().isMatch(r.repositoryName ?? '', pattern)));
        if (!hit)
            core/* warning */.$e(`repositories: ${(0,errors/* quote */.hD)(pattern)} matches no repository`);
    }
    return opened;
}
/** Every matched repository of a region read whole, a bounded number at once. */
async function readRegion(opened, findings, registryId) {
    const limit = (0,p_limit/* default */.A)(REPOSITORY_CONCURRENCY);
    return Promise.all(opened.repositories.map(repository => limit(() => readRepository(opened.client, repository, { registryId, findings }))));
}
/** Pure: a repository's entry judged by the requirements: each rule met or not, and the reasons. */
function judge(entry, requirements) {
    const results = evaluate(requirements, entry);
    return {
        ...entry,
        requirements: Object.fromEntries(results.map(r => [r.rule, r.met])),
        reasons: results.flatMap(r => (r.reason ? [r.reason] : []))
    };
}
/**
 * Pure: a region's entries from what was read. The references found in use count in the region whose
 * registry they name (`found` undefined: in-use was not asked).
 */
function regionEntries(opened, reads, context) {
    const details = new Map(reads.map(r => [r.repository.repositoryName ?? '', r.details]));
    const inUse = context.found
        ? resolveInUse(context.found, { accountId: opened.registryId, region: opened.region }, details)
        : undefined;
    const scanning = opened.registry.settings?.scanning;
    return reads.map(read => {
        const name = read.repository.repositoryName ?? '';
        const used = inUse ? new Set(inUse.byRepository.get(name)?.keys() ?? []) : undefined;
        const entry = repositoryEntry({ ...read, inUse: used, registryScansOnPush: registryScansOnPush(scanning, name) }, { region: opened.region, registryId: opened.registryId, prices: context.prices, now: context.now });
        return judge(entry, context.requirements);
    });
}

;// CONCATENATED MODULE: ./src/ecr/names.ts


/**
 * The names every action checks its inputs against, in one place: ECR repository names and tags (the
 * registry reference grammar), account IDs and region names. Each parser takes the input's name and its raw
 * value, so the error names the input.
 */
const REPOSITORY_NAME = (/* unused pure expression or super */ null && (REPOSITORY_PATH));

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** An ECR repository name (2 to 256 characters of the reference grammar); undefined when empty. */
function parseRepositoryName(input, raw) {
    const name = raw.trim();
    if (name === '')
        return undefined;
    if (name.length < 2 || name.length > 256) {
        throw new InputError(input, `${quote(name)} must be 2 to 256 characters long (it has ${name.length})`);
    }
    if (!REPOSITORY_NAME.test(name)) {
        throw new InputError(input, `${quote(name)} is not a valid ECR repository name: lowercase letters and digits, separated by ".", "_", "__" or ` +
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
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(id)} is not an AWS account ID (12 digits)`);
    return id;
}
/** A region name such as eu-west-1 or us-gov-west-1. */
function parseRegion(input, raw) {
    const region = raw.trim();
    if (!REGION.test(region))
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(region)} is not a region name (like eu-west-1)`);
    return region;
}

;// CONCATENATED MODULE: ./src/report/inputs.ts







/** ECR's standard storage list price, USD per GB-month (the archive class costs the same below 150 TB). */
const LIST_PRICE = 0.1;
const MAX_PRICE = 1000;
/** Regions read by one step: every commercial region fits. */
const MAX_REGIONS = 40;
/** Reads and checks every report input, before any AWS call. */
function parseReportInputs(get, env = process.env) {
    const repositories = (0,common_inputs/* parseList */.E1)(get(constants/* Input */.p.repositories));
    const findings = (0,common_inputs/* parseBoolean */.yG)(constants/* Input */.p.findings, get(constants/* Input */.p.findings), false);
    const regions = (0,common_inputs/* parseList */.E1)(get(constants/* Input */.p.regions)).map(region => parseRegion(constants/* Input */.p.regions, region));
    if (regions.length > MAX_REGIONS)
        throw new errors/* InputError */.dz(constants/* Input */.p.regions, `names ${regions.length} regions, more than ${MAX_REGIONS}`);
    const inputs = {
        repositories: repositories.length > 0 ? repositories : ['**'],
        registryId: parseAccountId(constants/* Input */.p.registryId, get(constants/* Input */.p.registryId)),
        regions,
        requirements: parseRequirements(get(constants/* Input */.p.require), findings),
        failOn: (0,common_inputs/* parseEnum */.nL)(constants/* Input */.p.failOn, get(constants/* Input */.p.failOn), ['none', 'non-compliant']) ?? 'none',
        findings,
        inUse: parseScanKinds(constants/* Input */.p.inUse, get(constants/* Input */.p.inUse), []),
        prices: {
            perGbMonth: parsePrice(constants/* Input */.p.pricePerGbMonth, get(constants/* Input */.p.pricePerGbMonth)),
            archivePerGbMonth: parsePrice(constants/* Input */.p.archivePricePerGbMonth, get(constants/* Input */.p.archivePricePerGbMonth))
        },
        merge: (0,common_inputs/* parseLines */.Li)(get(constants/* Input */.p.merge)),
        endpoint: (0,endpoints/* variantOf */.Bp)((0,endpoints/* parseEndpointChoice */.A4)(constants/* Input */.p.endpoint, get(constants/* Input */.p.endpoint), name => env[name]))
    };
    if (inputs.merge.length > 0)
        refuseWithMerge(inputs);
    return inputs;
}
/**
 * A merge reads report files only: the inputs that read a registry or judge it are refused with it (each
 * report carries its own requirements' results). `repositories` still filters what is merged.
 */
function refuseWithMerge(inputs) {
    const refused = [
        [constants/* Input */.p.registryId, inputs.registryId !== undefined],
        [constants/* Input */.p.regions, inputs.regions.length > 0],
        [constants/* Input */.p.require, Object.keys(inputs.requirements).length > 0],
        [constants/* Input */.p.findings, inputs.findings],
        [constants/* Input */.p.inUse, inputs.inUse.length > 0]
    ];
    const given = refused.find(([, isGiven]) => isGiven);
    if (given) {
        throw new errors/* InputError */.dz(given[0], 'cannot be given with merge: a merge calls no AWS API and keeps each report’s own results');
    }
}
function parsePrice(input, raw) {
    const value = raw.trim();
    if (value === '')
        return LIST_PRICE;
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > MAX_PRICE)
        throw new errors/* InputError */.dz(input, `must be a price in USD from 0 to ${MAX_PRICE} (like 0.10), got ${(0,errors/* quote */.hD)(value)}`);
    return Number(value);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/outputs.ts





/** The report's JSON and CSV files, in `dir` (the runner's temp folder), named by the report's time. */
async function writeReportFiles(report, dir) {
    const stamp = Date.parse(report.generatedAt);
    const json = (0,external_node_path_.join)(dir, `ecr-report-${stamp}.json`);
    const csv = (0,external_node_path_.join)(dir, `ecr-report-${stamp}.csv`);
    await (0,promises_.writeFile)(json, `${JSON.stringify(report, null, 2)}\n`);
    await (0,promises_.writeFile)(csv, (0,report_document/* toCsv */.gD)(report));
    return { json, csv };
}
function setReportOutputs(report, files) {
    core/* setOutput */.uH(constants/* Output */.k.reportFile, files.json);
    core/* setOutput */.uH(constants/* Output */.k.csvFile, files.csv);
    core/* setOutput */.uH(constants/* Output */.k.repositoryCount, report.totals.repositories);
    core/* setOutput */.uH(constants/* Output */.k.imageCount, report.totals.images);
    core/* setOutput */.uH(constants/* Output */.k.totalBytes, report.totals.bytes);
    core/* setOutput */.uH(constants/* Output */.k.nonCompliant, JSON.stringify((0,report_document/* nonCompliant */.f7)(report)));
}

;// CONCATENATED MODULE: ./src/common/summary.ts


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
function summary_link(url, html) {
    if (!url || !/^https?:\/\//i.test(url))
        return html;
    return `<a href="${escapeHtml(url)}">${html}</a>`;
}
/** A table's header row. */
const headerRow = (...names) => names.map(data => ({ data, header: true }));
/** Builds and writes the summary; a failure to write it is a warning, never a failed step. */
async function writeSummary(build) {
    try {
        build(core/* summary */.z);
        await core/* summary */.z.write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/report/summary.ts



// The job summary is HTML (and one mermaid block): every value read from a registry or a report file goes
// in escaped, as in every summary of the suite.
/**
 * Repository rows in all (about 350 bytes each): GitHub caps a step's summary at 1 MiB, and a merge of many
 * regions must stay under it. The report file holds every repository.
 */
const MAX_ROWS = 1500;
const PIE_SLICES = 10;
const table = (header, rows) => `<table><tr>${header.map(h => `<th>${h}</th>`).join('')}</tr>${rows
    .map(row => `<tr>${row.map(cell => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</table>\n\n`;
const dollars = (value) => `$${value.toFixed(2)}`;
/** A pie label: the repository name's own characters only, so nothing can end the label or the block. */
const pieLabel = (text) => text.replace(/[^A-Za-z0-9._/ ()-]/g, '_').slice(0, 80);
/** Pure: a mermaid pie of bytes by repository, the ten largest and the rest as "others". */
function bytesPie(report) {
    const regions = new Set(report.repositories.map(r => `${r.registryId} ${r.region}`));
    const name = (r) => (regions.size > 1 ? `${r.repository} (${r.region})` : r.repository);
    const largest = [...report.repositories].filter(r => r.bytes > 0).sort((a, b) => b.bytes - a.bytes);
    const slices = largest.slice(0, PIE_SLICES).map(r => [pieLabel(name(r)), r.bytes]);
    const others = largest.slice(PIE_SLICES).reduce((sum, r) => sum + r.bytes, 0);
    if (others > 0)
        slices.push(['others', others]);
    if (slices.length === 0)
        return '<p>No bytes stored: no chart.</p>\n\n';
    const lines = slices.map(([label, bytes]) => `    "${label}" : ${bytes}`);
    return `\n\`\`\`mermaid\npie showData title Bytes by repository\n${lines.join('\n')}\n\`\`\`\n\n`;
}
/** Pure: images pushed per week over the last twelve weeks, every repository together. */
function pushesTable(report) {
    const weeks = lastWeeks(new Date(report.generatedAt));
    const counts = weeks.map(week => report.repositories.reduce((sum, r) => sum + (r.pushesByWeek?.[week] ?? 0), 0));
    return table(['Week of', ...weeks.map(w => w.slice(5))], [['Images pushed', ...counts.map(String)]]);
}
const mark = (met) => (met === undefined ? '' : met ? '✓' : '✗');
/** Pure: a table per registry and region, a ✓ or ✗ per requirement, each repository linked to its console page. */
function regionTables(report) {
    const groups = new Map();
    for (const r of report.repositories) {
        const key = `${r.registryId} ${r.region}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const rules = report.requirements;
    let html = '';
    let budget = MAX_ROWS;
    for (const [key, entries] of groups) {
        const [registryId, region] = key.split(' ');
        html += `<h3>${escapeHtml(region)} (${escapeHtml(registryId)})</h3>\n\n`;
        const ordered = [...entries].sort((a, b) => Number(b.reasons.length > 0) - Number(a.reasons.length > 0) || b.bytes - a.bytes);
        html += table([
            'Repository',
            'Images',
            'Untagged',
            'Bytes',
            'Monthly',
            'Newest push',
            'Last pull',
            ...rules.map(rule => code(rule)),
            'Reasons'
        ], ordered
            .slice(0, budget)
            .map(r => [
            summary_link(r.consoleUrl, code(r.repository)),
            String(r.images),
            String(r.untagged),
            formatBytes(r.bytes),
            dollars(r.monthlyCost),
            escapeHtml(r.newestPush?.slice(0, 10) ?? '–'),
            escapeHtml(r.lastPull?.slice(0, 10) ?? '–'),
            ...rules.map(rule => mark(r.requirements?.[rule])),
            escapeHtml(r.reasons.join('; '))
        ]));
        if (ordered.length > budget)
            html += `<p>… and ${ordered.length - budget} more (see the report file)</p>\n\n`;
        budget = Math.max(0, budget - ordered.length);
    }
    return html;
}
const shown = (setting, show) => {
    if (!setting)
        return 'not read';
    return 'value' in setting ? show(setting.value) : `not readable: ${escapeHtml(setting.notReadable)}`;
};
const listed = (items) => (items.length === 0 ? 'none' : items.map(code).join(', '));
/** Pure: each registry's settings, a row per setting; a denied read says which permission it needs. */
function settingsTables(registries) {
    let html = '';
    for (const registry of registries) {
        html += `<h3>Registry ${escapeHtml(registry.registryId)} in ${escapeHtml(registry.region)}</h3>\n\n`;
        const s = registry.settings;
        if (!s) {
            html += '<p>Not read: registry-id names a registry; its own account reads its settings.</p>\n\n';
            continue;
        }
        const rows = [
            ['Registry policy', shown(s.registryPolicy, v => (v ? `${v.statements} statements` : 'none'))],
            [
                'Replication',
                shown(s.replication, v => (v.rules ? `${v.rules} rules to ${listed(v.destinations)}` : 'none'))
            ],
            [
                'Scanning',
                shown(s.scanning, v => `${escapeHtml(v.scanType)}${v.rules.length ? `: ${v.rules.map(r => `${escapeHtml(r.scanFrequency)} ${listed(r.filters)}`).join('; ')}` : ''}`)
            ],
            [
                'Pull-through-cache rules',
                shown(s.pullThroughCacheRules, v => listed(v.map(rule => `${rule.prefix} → ${rule.upstream}`)))
            ],
            [
                'Repository creation templates',
                shown(s.creationTemplates, v => listed(v.map(t => `${t.prefix} (${t.appliedFor.join(', ')})`)))
            ],
            ...Object.entries(s.accountSettings ?? {}).map(([name, value]) => [code(name), shown(value, v => code(v))]),
            ['Signing', shown(s.signing, v => (v ? `${v.rules} rules, profiles ${listed(v.profiles)}` : 'none'))]
        ];
        html += table(['Setting', 'Value'], rows);
    }
    return html;
}
/** Pure: the whole summary. */
function summaryHtml(report, merged) {
    const t = report.totals;
    const heading = merged > 0 ? `ECR report (${merged} reports merged)` : 'ECR report';
    return (`<h2>${heading}</h2>\n\n` +
        table([
            'Repositories',
            'Images',
            'Bytes (distinct blobs)',
            'Image bytes (ECR sizes)',
            'Estimated monthly',
            'Non-compliant'
        ], [
            [
                String(t.repositories),
                String(t.images),
                formatBytes(t.bytes),
                formatBytes(t.imageBytes),
                dollars(t.monthlyCost),
                String(t.nonCompliant)
            ]
        ]) +
        `<h3>Bytes by repository</h3>\n` +
        bytesPie(report) +
        `<h3>Images pushed per week</h3>\n\n` +
        pushesTable(report) +
        regionTables(report) +
        settingsTables(report.registries));
}
async function writeReportSummary(report, merged) {
    await writeSummary(summary => summary.addRaw(summaryHtml(report, merged), true));
}

;// CONCATENATED MODULE: ./src/report/main.ts














/**
 * The report action: read every matched repository of every region (or merge report files, calling no
 * AWS API), judge each by the requirements, write the JSON and CSV files, the summary and the outputs,
 * and only then fail when asked to and a repository is non-compliant. It never writes to a registry.
 */
async function run() {
    const inputs = parseReportInputs(name => core/* getInput */.V4(name));
    const { report, merged } = inputs.merge.length > 0
        ? await core/* group */.Os('Merge reports', () => mergeFiles(inputs))
        : { report: await readRegistries(inputs), merged: 0 };
    const files = await writeReportFiles(report, process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    await writeReportSummary(report, merged);
    setReportOutputs(report, files);
    log/* info */.p(`${report.totals.repositories} repositories, ${report.totals.images} images, ${report.totals.bytes} bytes, ` +
        `${report.totals.nonCompliant} non-compliant; report: ${files.json}`);
    const failing = (0,report_document/* nonCompliant */.f7)(report);
    if (inputs.failOn === 'non-compliant' && failing.length > 0) {
        throw new errors/* ActionError */.lZ(`${failing.length} repositories are non-compliant: ` +
            failing.map(f => `${f.repository} (${f.region}): ${f.reasons.join('; ')}`).join(' | '));
    }
}
/** The report from the registries: regions opened, in-use scanned (when asked), repositories read and judged. */
async function readRegistries(inputs) {
    const now = new Date();
    const regions = inputs.regions.length > 0
        ? inputs.regions
        : [await resolveRegion(createEcrClient(undefined, inputs.endpoint))];
    // Every API of every region read offers the endpoint chosen, or nothing is called.
    const services = ['ECR', ...inputs.inUse.map(kind => SCAN_SERVICES[kind])];
    refuseUnofferedEndpoints(constants/* Input */.p.endpoint, inputs.endpoint, regions.map(region => ({ region, services })), process.env);
    const opened = await core/* group */.Os('Find repositories', () => openRegions(inputs, regions));
    const found = await core/* group */.Os('Find images in use', () => scanInUse(inputs, opened, now));
    const repositories = [];
    for (const region of opened) {
        const reads = await core/* group */.Os(`Read ${region.region}`, () => readRegion(region, inputs.findings, inputs.registryId));
        repositories.push(...regionEntries(region, reads, {
            requirements: inputs.requirements,
            prices: inputs.prices,
            now,
            found
        }));
    }
    return (0,report_document/* buildReport */.FK)({
        generatedAt: now.toISOString(),
        prices: inputs.prices,
        requirements: RULE_NAMES.filter(rule => inputs.requirements[rule] !== undefined),
        registries: opened.map(o => o.registry),
        repositories
    });
}
/** The deployments of the chosen kinds in every region read; undefined when in-use is none. */
async function scanInUse(inputs, opened, now) {
    if (inputs.inUse.length === 0) {
        log/* info */.p('in-use is none: no deployment is scanned');
        return undefined;
    }
    const [{ scanDeployments }, { InUseScanError }] = await Promise.all([
        __webpack_require__.e(/* import() */ 25).then(__webpack_require__.bind(__webpack_require__, 25)),
        __webpack_require__.e(/* import() */ 206).then(__webpack_require__.bind(__webpack_require__, 5206))
    ]);
    try {
        // Each region's deployments, and Inspector's coverage of each region's registry there, a few regions at
        // once. What is in use is what runs now: no older revisions (keepRevisions 0; Batch keeps each
        // definition's newest).
        const regions = opened.map(region => region.region);
        return await scanDeployments({
            kinds: inputs.inUse,
            regions,
            registryRegions: regions,
            keepRevisions: 0,
            now,
            endpoint: inputs.endpoint
        });
    }
    catch (error) {
        if (!(error instanceof InUseScanError))
            throw error;
        throw new errors/* ActionError */.lZ(`${error.message}, or leave ${error.kind} out of in-use (in-use: none turns the scan off). No report was written.`, { cause: error });
    }
}
/** One report from report files, without an AWS call. */
async function mergeFiles(inputs) {
    const { readReports, mergeReports } = await __webpack_require__.e(/* import() */ 278).then(__webpack_require__.bind(__webpack_require__, 3278));
    const files = await readReports(inputs.merge);
    for (const { path, report } of files)
        log/* info */.p(`${path}: ${report.repositories.length} repositories, generated ${report.generatedAt}`);
    return {
        report: mergeReports(files.map(f => f.report), inputs.repositories),
        merged: files.length
    };
}


/***/ })

};
