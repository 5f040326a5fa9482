export const id = 958;
export const ids = [958];
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

/***/ 9459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ parseEndpointChoice),
/* harmony export */   Bp: () => (/* binding */ variantOf),
/* harmony export */   FH: () => (/* binding */ choiceOf),
/* harmony export */   Ku: () => (/* binding */ endpointOverride),
/* harmony export */   mP: () => (/* binding */ DEFAULT_ENDPOINT),
/* harmony export */   tr: () => (/* binding */ clientEndpoint)
/* harmony export */ });
/* unused harmony exports ENDPOINT_CHOICES, AWS_SERVICES, endpointUrlVariable */
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

/***/ 407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSecretsClient: () => (/* binding */ createSecretsClient),
/* harmony export */   ensureCredentialSecret: () => (/* binding */ ensureCredentialSecret),
/* harmony export */   kV: () => (/* binding */ maskCredential)
/* harmony export */ });
/* unused harmony exports credentialMasks, secretString, holdsCredential */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2064);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2103);




/** Secrets Manager, loaded only by a run that declares credential values. */
async function createSecretsClient(region, endpoint) {
    const { SecretsManagerClient } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
    return new SecretsManagerClient((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_2__/* .awsClientConfig */ .r)('Secrets Manager', region, endpoint));
}
/** Registers both values as secrets: nothing after this can print them. */
function maskCredential(credential) {
    for (const mask of credentialMasks(credential))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(mask);
}
/**
 * Pure: what to mask: each value, each line of a multi-line one, and the JSON that carries both. The
 * runner masks within one log line at a time, and @actions/core sends a value as one mask; runners split
 * it into lines themselves only since actions/runner#1521 (older ones, and other runners, do not). Blank
 * lines are left out: the runner refuses a blank mask.
 */
function credentialMasks(credential) {
    const masks = [credential.username, credential.accessToken, secretString(credential)];
    for (const value of [credential.username, credential.accessToken]) {
        const lines = value.split(/\r\n|\r|\n/);
        if (lines.length > 1)
            masks.push(...lines.filter(line => line.trim() !== ''));
    }
    return [...new Set(masks)];
}
/** The secret's value, as ECR wants it: `{"username":…,"accessToken":…}`. */
function secretString(credential) {
    return JSON.stringify({ username: credential.username, accessToken: credential.accessToken });
}
/** Pure: whether a stored secret value holds these values already (other fields and order do not matter). */
function holdsCredential(stored, credential) {
    if (stored === undefined)
        return false;
    try {
        const value = JSON.parse(stored);
        return value.username === credential.username && value.accessToken === credential.accessToken;
    }
    catch {
        return false;
    }
}
/**
 * Makes the secret hold the credential: created when missing, a new version put only when the value
 * differs (a version on every run would be noise), left alone otherwise. Returns its ARN (with the
 * suffix Secrets Manager adds) for the rule. No value is ever part of a message.
 */
async function ensureCredentialSecret(client, credential) {
    const sm = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
    const name = credential.secretName;
    let arn;
    try {
        const described = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)('DescribeSecret', () => client.send(new sm.DescribeSecretCommand({ SecretId: name })));
        arn = described.ARN;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorName */ .ZH)(error) !== 'ResourceNotFoundException')
            throw error;
    }
    if (!arn) {
        const created = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)('CreateSecret', () => client.send(new sm.CreateSecretCommand({
            Name: name,
            SecretString: secretString(credential),
            Description: 'Upstream registry credential of an ECR pull-through-cache rule (ecr-deliver)'
        })));
        if (!created.ARN)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`CreateSecret returned no ARN for ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)}`);
        return { arn: created.ARN, change: 'created' };
    }
    const current = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)('GetSecretValue', () => client.send(new sm.GetSecretValueCommand({ SecretId: arn })));
    if (holdsCredential(current.SecretString, credential))
        return { arn, change: 'unchanged' };
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .IY)('PutSecretValue', () => client.send(new sm.PutSecretValueCommand({ SecretId: arn, SecretString: secretString(credential) })));
    return { arn, change: 'updated' };
}


/***/ }),

/***/ 7958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/common/endpoints.ts
var endpoints = __webpack_require__(9459);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var errors = __webpack_require__(2103);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(5152);
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
    const { name, dnsSuffix } = (0,client.partition)(region);
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
        throw new Error(`${loginHost} is not a private ECR registry host: it has no ${(0,endpoints/* choiceOf */.FH)(variant)} host`);
    const chosen = registryHostFor(parsed.accountId, parsed.region, variant);
    if ('refusal' in chosen)
        throw new Error(chosen.refusal);
    const port = new URL(`https://${loginHost}`).port;
    return port ? `${chosen.host}:${port}` : chosen.host;
}

;// CONCATENATED MODULE: ./src/ecr/auth.ts





/**
 * Fetches registry credentials (for `registryIds`, or the caller's own registry when empty) and
 * registers the token and password as secrets before anything can print them. Throttling is retried by
 * the SDK's adaptive retry mode (awsClientConfig), the one retry layer of AWS calls. GetAuthorizationToken
 * names the IPv4 registry: its host is rewritten to the endpoint variant's (hosts.ts).
 */
async function getRegistryLogins(client, registryIds, endpoint, options = {}) {
    const command = new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(registryIds.length > 0 ? { registryIds } : {});
    const response = await (0,errors/* callAws */.IY)('GetAuthorizationToken', () => client.send(command));
    const [first, ...rest] = (response.authorizationData ?? []).map(data => decodeAuthorization(data, endpoint, options.maskPassword ?? true));
    if (!first)
        throw new common_errors/* ActionError */.lZ('GetAuthorizationToken returned no authorization data');
    return [first, ...rest];
}
function decodeAuthorization(data, endpoint, maskPassword) {
    if (!data.proxyEndpoint) {
        throw new common_errors/* ActionError */.lZ('GetAuthorizationToken returned an authorization token without its registry');
    }
    let host;
    try {
        host = registryHostIn(registryHostOf(data.proxyEndpoint), endpoint);
    }
    catch (error) {
        throw new common_errors/* ActionError */.lZ(`GetAuthorizationToken's registry: ${(0,common_errors/* messageOf */.bD)(error)}`);
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
        core/* setSecret */.Pq(token);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (!token || separator <= 0)
        throw new common_errors/* ActionError */.lZ(`${call} returned an authorization token that is not username:password`);
    const password = decoded.slice(separator + 1);
    if (maskPassword)
        core/* setSecret */.Pq(password);
    return { host, endpoint: `https://${host}`, username: decoded.slice(0, separator), password, token };
}

;// CONCATENATED MODULE: ./src/ecr/cache-rules.ts


/** Every pull-through-cache rule of the registry, every page. */
async function listCacheRules(client, registryId) {
    const pages = (0,dist_cjs/* paginateDescribePullThroughCacheRules */.avE)({ client, pageSize: 1000 }, { registryId });
    return (0,errors/* collectPages */.VV)('DescribePullThroughCacheRules', pages, page => page.pullThroughCacheRules);
}
async function createCacheRule(client, rule, registryId) {
    await (0,errors/* callAws */.IY)(`CreatePullThroughCacheRule ${rule.prefix}`, () => client.send(new dist_cjs/* CreatePullThroughCacheRuleCommand */.k6l({
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
    await (0,errors/* callAws */.IY)(`UpdatePullThroughCacheRule ${rule.prefix}`, () => client.send(new dist_cjs/* UpdatePullThroughCacheRuleCommand */.bPq({
        registryId,
        ecrRepositoryPrefix: rule.prefix,
        credentialArn: rule.credentialArn,
        customRoleArn: rule.roleArn
    })));
}
async function deleteCacheRule(client, prefix, registryId) {
    await (0,errors/* callAws */.IY)(`DeletePullThroughCacheRule ${prefix}`, () => client.send(new dist_cjs/* DeletePullThroughCacheRuleCommand */.He$({ registryId, ecrRepositoryPrefix: prefix })));
}
/** ECR's own check of a rule (can it reach the upstream with the credential?): the reason when it cannot. */
async function validateCacheRule(client, prefix, registryId) {
    const result = await (0,errors/* callAws */.IY)(`ValidatePullThroughCacheRule ${prefix}`, () => client.send(new dist_cjs/* ValidatePullThroughCacheRuleCommand */.Qbn({ registryId, ecrRepositoryPrefix: prefix })));
    return { valid: result.isValid === true, failure: result.failure };
}

// EXTERNAL MODULE: ./src/common/aws.ts
var aws = __webpack_require__(2064);
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
        throw new common_errors/* ActionError */.lZ('No AWS region is set: give aws-region to aws-actions/configure-aws-credentials before this step, ' +
            'or set AWS_REGION in the environment.');
    }
    return region;
}

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

// EXTERNAL MODULE: ./src/common/connections.ts + 2 modules
var connections = __webpack_require__(4857);
;// CONCATENATED MODULE: ./src/registry/errors.ts

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
    connections/* PROXY_UNAVAILABLE */.M2,
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

;// CONCATENATED MODULE: ./src/registry/reference.ts

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
            return `the tag ${(0,common_errors/* quote */.hD)(tag)} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`;
    }
    let domain;
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (options.domain === 'allowed' && slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
        if (!DOMAIN.test(first))
            return `${(0,common_errors/* quote */.hD)(first)} is not a registry host name`;
        domain = first;
        rest = rest.slice(slash + 1);
    }
    if (!REPOSITORY_PATH.test(rest)) {
        return ('the repository path must be lowercase letters and digits separated by ".", "_", "__" or dashes, ' +
            'in components joined by "/" (no empty, "." or ".." components)');
    }
    return { domain, repository: rest, tag, digest };
}

;// CONCATENATED MODULE: ./src/registry/paths.ts



/** The registry API's paths, checked before any request is made; upload Locations kept on the registry. */
function manifestPath(repository, reference) {
    return `${repositoryPath(repository)}/manifests/${checkReference(reference)}`;
}
/** `/v2/<repository>/referrers/<digest>`: the OCI 1.1 referrers API. */
function referrersPath(repository, digest) {
    if (!isDigest(digest))
        throw new common_errors/* ActionError */.lZ(`not a digest: ${(0,common_errors/* quote */.hD)(digest)}`);
    return `${repositoryPath(repository)}/referrers/${digest}`;
}
function repositoryPath(repository) {
    if (!isRepositoryPath(repository))
        throw new common_errors/* ActionError */.lZ(`not a repository name: ${(0,common_errors/* quote */.hD)(repository)}`);
    return `/v2/${repository}`;
}
function checkReference(reference) {
    if (!isManifestReference(reference))
        throw new common_errors/* ActionError */.lZ(`not a tag or digest: ${(0,common_errors/* quote */.hD)(reference)}`);
    return reference;
}
function blobPath(repository, digest) {
    if (!isDigest(digest))
        throw new common_errors/* ActionError */.lZ(`not a digest: ${(0,common_errors/* quote */.hD)(digest)}`);
    return `${repositoryPath(repository)}/blobs/${digest}`;
}
/**
 * Location, resolved against the request URL: it may be relative and may carry a query to keep. It must
 * stay on the registry's origin: an upload session elsewhere would get the registry's credentials.
 */
function locationOf(response) {
    const location = response.headers.get('location');
    const fail = (detail) => new RegistryError(response.status, undefined, detail, response.url, undefined, response.method);
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
        throw new BlobVerificationError(blob.digest, `${seen} bytes`, blob.size);
    if (!range) {
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== blob.digest)
            throw new BlobVerificationError(blob.digest, actual, blob.size);
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
                throw new BlobVerificationError(digest, actual, bytes.length);
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
                throw new common_errors/* ActionError */.lZ('an upload session was answered as a mount');
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
                if (!(error instanceof RegistryError && MONOLITHIC_REFUSED.has(error.status)))
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
        if (from && !isRepositoryPath(from))
            throw new common_errors/* ActionError */.lZ(`not a repository name: ${(0,common_errors/* quote */.hD)(from)}`);
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
            throw new BlobVerificationError(blob.digest, actual, blob.size);
        const response = await this.transport.send({
            method: 'PUT',
            url: withQuery(url, { digest: blob.digest }),
            headers: { 'Content-Length': '0' },
            signal
        }, [201]);
        response.discard();
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/common/files.ts


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
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
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
        rootReal = (0,external_node_fs_.realpathSync)(root);
    }
    catch {
        throw new FileReadError(`the workspace ${root} does not exist`);
    }
    try {
        real = (0,external_node_fs_.realpathSync)((0,external_node_path_.resolve)(rootReal, path));
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
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch {
        throw new FileReadError(`${what} is missing`);
    }
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            throw new FileReadError(`${what} is not a regular file`);
        if (stats.size > maxBytes) {
            throw new FileReadError(`${what} has ${stats.size} bytes, more than the ${maxBytes} allowed`);
        }
        // Read at most one byte past the cap: a file that grows meanwhile is still refused.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
            read = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
        }
        if (length > maxBytes)
            throw new FileReadError(`${what} has more than the ${maxBytes} bytes allowed`);
        return buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

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
        throw new common_errors/* InputError */.dz(input, error.message);
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
                throw new common_errors/* InputError */.dz(input, `is neither inline JSON nor a readable file: ${error.message}`);
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

;// CONCATENATED MODULE: ./src/registry/media-types.ts
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
        const response = await this.transport.request({ method: 'HEAD', url: path, headers: { Accept: ACCEPT_ALL_MANIFESTS } }, [200, 404]);
        response.discard();
        if (response.status === 404)
            return undefined;
        const digest = response.headers.get('docker-content-digest');
        if (isDigest(digest))
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
            if (error instanceof RegistryError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Like get, but a missing manifest is a RegistryError carrying the registry's own message. */
    async require(repository, reference) {
        const path = manifestPath(repository, reference);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: ACCEPT_ALL_MANIFESTS } }, [200]);
            const bytes = await response.bytes(MAX_MANIFEST_BYTES);
            const invalid = (detail, code = 'MANIFEST_INVALID') => new RegistryError(200, code, detail, response.url, undefined, 'GET');
            const digest = sha256Digest(bytes);
            if (isDigest(reference) && digest !== reference) {
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
            if (!isManifestMediaType(mediaType)) {
                throw invalid(`unsupported manifest media type ${(0,common_errors/* quote */.hD)(mediaType, 120)}`);
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
        if (!isManifestMediaType(mediaType))
            throw new common_errors/* ActionError */.lZ(`not a manifest media type: ${(0,common_errors/* quote */.hD)(mediaType)}`);
        const path = manifestPath(repository, reference);
        const expected = sha256Digest(bytes);
        const response = await this.transport.request({ method: 'PUT', url: path, headers: { 'Content-Type': mediaType }, body: bytes }, [201]);
        response.discard();
        const returned = response.headers.get('docker-content-digest');
        if (returned && returned !== expected) {
            throw new RegistryError(response.status, 'DIGEST_INVALID', `registry stored the manifest as ${isDigest(returned) ? returned : (0,common_errors/* quote */.hD)(returned, 90)}, but the bytes sent hash to ${expected}`, response.url, undefined, 'PUT');
        }
        const subject = response.headers.get('oci-subject');
        return { digest: expected, ...(isDigest(subject) ? { subject } : {}) };
    }
    /**
     * The referrers API's list for a subject (an OCI index's descriptors); undefined where the registry has no
     * referrers API (404 as the spec says, 405 as some older registries answer an unknown route), which is
     * when clients keep the tag schema instead.
     */
    async referrers(repository, subject) {
        const path = referrersPath(repository, subject);
        return this.transport.retrying(`GET ${path}`, async () => {
            const response = await this.transport.send({ method: 'GET', url: path, headers: { Accept: MediaType.ociIndex } }, [200, 404, 405]);
            if (response.status !== 200) {
                response.discard();
                return undefined;
            }
            const index = parseJson((await response.bytes(MAX_MANIFEST_BYTES)).toString('utf8'));
            return Array.isArray(index?.manifests) ? index.manifests : [];
        });
    }
}

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
        throw new NetworkError(request.method, request.url, 'EPROTO', `unsupported scheme ${target.protocol}`);
    const send = target.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    const agent = connection.routes.agentFor(target);
    const outgoing = send(target, { method: request.method, headers, agent });
    const failure = (error) => toNetworkError(request.method, request.url, error, connection.stallTimeoutMs);
    outgoing.setTimeout(connection.stallTimeoutMs, () => outgoing.destroy(Object.assign(new Error('stalled'), { code: STALLED })));
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
                        throw new RegistryError(message.statusCode ?? 0, 'TOO_LARGE', `the answer is larger than the ${maxBytes} bytes allowed`, url, undefined, method);
                    }
                    chunks.push(chunk);
                }
            }
            catch (error) {
                if (error instanceof RegistryError)
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
    return new RegistryError(response.status, code, detail, response.url, parseRetryAfter(response.headers.get('retry-after')), response.method);
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
    if (error instanceof RequestError)
        return error;
    // The proxy's own message names it and its variable; the socket's code still decides a retry.
    if (error instanceof connections/* ProxyError */.T6)
        return new NetworkError(method, url, error.code, error.message, { cause: error });
    const code = error?.code ?? 'EUNKNOWN';
    const raw = error instanceof Error ? error.message : String(error);
    const reason = code === STALLED
        ? `no byte moved for ${stallTimeoutMs < 1000 ? `${stallTimeoutMs} ms` : `${Math.round(stallTimeoutMs / 1000)} s`}: the request was aborted`
        : `${NETWORK_REASONS[code] ?? raw} (${code})`;
    return new NetworkError(method, url, code, reason, { cause: error });
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
    retryable: isRetryableRegistryFailure,
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
                const asked = error instanceof RegistryError ? error.retryAfterMs : undefined;
                const delayMs = Math.max(backoff, Math.min(asked ?? 0, policy.maxRetryAfterMs));
                const pastDeadline = policy.deadline !== undefined && policy.now() + delayMs > policy.deadline;
                if (attempt >= policy.attempts || !policy.retryable(error) || pastDeadline) {
                    if (error instanceof RequestError)
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
        return this.retrying(`${request.method} ${pathOf(this.resolve(request.url))}`, () => this.send(request, expected), {
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
                throw new RegistryError(response.status, 'REDIRECT', hop >= MAX_REDIRECTS ? `more than ${MAX_REDIRECTS} redirects` : 'a redirect to plain http', pathOf(url), undefined, request.method);
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
            throw new RegistryError(200, 'UNAUTHORIZED', 'the token service returned no token', url.toString());
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
            throw new common_errors/* ActionError */.lZ(`${repository}: the blob ${digest} that its manifest names is not there`);
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

;// CONCATENATED MODULE: ./src/common/registry-hooks.ts




/**
 * What the actions give the registry client (src/registry/ knows nothing of the runner): every request in
 * the debug log (method and path: upload URLs carry state in their query), every retry in the log with its
 * reason and wait, and each credential a registry hands out masked before it is sent anywhere.
 */
const registryHooks = {
    onRequest: (method, url) => core/* debug */.Yz(`registry: ${method} ${pathOf(url)}`),
    onRetry: (event) => {
        const cut = event.retryAfterCutFromMs;
        info(`${event.what}: attempt ${event.attempt} failed (${(0,common_errors/* messageOf */.bD)(event.error)}); ` +
            `retrying in ${(event.delayMs / 1000).toFixed(1)} s` +
            (cut !== undefined ? ` (the registry asked for ${Math.round(cut / 1000)} s; waits are capped)` : ''));
    },
    onSecret: (value) => core/* setSecret */.Pq(value)
};

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
        throw new common_errors/* InputError */.dz(input, `${(0,endpoints/* choiceOf */.FH)(variant)} is not offered: ${[...reasons].join('; ')}`);
}

// EXTERNAL MODULE: ./src/ecr/secrets.ts
var secrets = __webpack_require__(407);
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

;// CONCATENATED MODULE: ./src/ecr/names.ts


/**
 * The names every action checks its inputs against, in one place: ECR repository names and tags (the
 * registry reference grammar), account IDs and region names. Each parser takes the input's name and its raw
 * value, so the error names the input.
 */
const REPOSITORY_NAME = REPOSITORY_PATH;

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
        throw new common_errors/* InputError */.dz(input, `${(0,common_errors/* quote */.hD)(id)} is not an AWS account ID (12 digits)`);
    return id;
}
/** A region name such as eu-west-1 or us-gov-west-1. */
function parseRegion(input, raw) {
    const region = raw.trim();
    if (!REGION.test(region))
        throw new InputError(input, `${quote(region)} is not a region name (like eu-west-1)`);
    return region;
}

;// CONCATENATED MODULE: ./src/common/inputs.ts

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
    throw new common_errors/* InputError */.dz(input, `must be true or false, got ${(0,common_errors/* quote */.hD)(raw.trim())}`);
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
        throw new common_errors/* InputError */.dz(input, `must be one of ${allowed.join(' | ')}, got ${(0,common_errors/* quote */.hD)(value)}`);
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
function inputs_wildcardToRegExp(pattern) {
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/pull-through-cache/constants.ts
/** The action's output names, as action.yml declares them. */
const Output = {
    rules: 'rules',
    images: 'images',
    imageDigests: 'image-digests',
    templates: 'templates',
    buildContexts: 'build-contexts',
    dockerfile: 'dockerfile'
};
/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
const Input = {
    rules: 'rules',
    prune: 'prune',
    warm: 'warm',
    warmFrom: 'warm-from',
    warmTimeout: 'warm-timeout',
    stallTimeout: 'stall-timeout',
    registryId: 'registry-id',
    templates: 'templates',
    applyToExisting: 'apply-to-existing',
    endpoint: 'endpoint'
};

;// CONCATENATED MODULE: ./src/pull-through-cache/credential.ts


const FIELDS = ['secret', 'username-env', 'access-token-env'];
/** The keys that once took the values themselves, inside the YAML. */
const INLINE = new Set(['username', 'access-token']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// An inline key at a line's start (block style) or after `{` or `,` (flow style); `username-env:` is not one.
const INLINE_KEY = /(^|[\s{,])["']?(username|access-token)["']?[ \t]*:/m;
const THE_NEW_WAY = 'name environment variables instead: username-env: HUB_USER and access-token-env: HUB_TOKEN in the ' +
    'credential, with env: HUB_USER: ${{ vars.DOCKERHUB_USER }} and HUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }} on the step';
/**
 * The refusal of `username:`/`access-token:` in the YAML. GitHub substitutes `${{ secrets.X }}` into the
 * input before it is parsed, so the token is YAML source: `#` starts a comment, quotes and `!` change it,
 * `: ` or `@` break the document. No check can prove a scalar is the bytes the user meant.
 */
function inlineValuesRefused(where, yamlProblem) {
    return new common_errors/* InputError */.dz(Input.rules, `${where ? `${where}: ` : ''}credential username and access-token are not read from the YAML (a secret ` +
        `substituted into it is read as YAML: # starts a comment, quotes and ! change it, ": " breaks it); ` +
        THE_NEW_WAY +
        (yamlProblem ? ` (as given, the input ${yamlProblem})` : ''));
}
/** Pure: whether YAML text (one that does not parse) gives a credential's values inline, the likely reason. */
function mentionsInlineValues(raw) {
    return INLINE_KEY.test(raw);
}
/**
 * Pure: `credential: { secret, username-env, access-token-env }` checked; undefined for a credential given
 * by name or ARN. No message quotes a value: a name field may hold a substituted secret.
 */
function parseCredentialSource(value, where) {
    if (value === null || typeof value !== 'object')
        return undefined;
    if (Array.isArray(value))
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: credential is a secret name, or a mapping of ${FIELDS.join(', ')}`);
    const fields = value;
    if (Object.keys(fields).some(key => INLINE.has(key)))
        throw inlineValuesRefused(where);
    const unknown = Object.keys(fields).find(key => !FIELDS.includes(key));
    if (unknown !== undefined)
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: credential: unknown field ${(0,common_errors/* quote */.hD)(unknown)} (fields: ${FIELDS.join(', ')})`);
    const missing = FIELDS.filter(key => fields[key] === undefined || fields[key] === null || fields[key] === '');
    if (missing.length > 0)
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: credential needs ${missing.join(' and ')}`);
    for (const key of ['username-env', 'access-token-env']) {
        if (typeof fields[key] !== 'string' || !ENV_NAME.test(fields[key]))
            throw new common_errors/* InputError */.dz(Input.rules, `${where}: credential ${key} must be the name of an environment variable (letters, digits and _, ` +
                `not starting with a digit), not a value; ${THE_NEW_WAY}`);
    }
    return {
        secretName: String(fields.secret).trim(),
        usernameEnv: fields['username-env'],
        accessTokenEnv: fields['access-token-env']
    };
}
/**
 * The values, read from the environment exactly as they are: no trimming, no newline changes (a byte
 * changed is a credential the upstream refuses, found only when ECR validates the rule). An unset or
 * blank variable fails naming the variable, never showing a value.
 */
function readCredential(source, where, env) {
    const username = env(source.usernameEnv);
    const accessToken = env(source.accessTokenEnv);
    const problems = [
        variableProblem(source.usernameEnv, 'username-env', username),
        variableProblem(source.accessTokenEnv, 'access-token-env', accessToken)
    ].filter(problem => problem !== undefined);
    if (problems.length > 0)
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: credential: ${problems.join('; ')}`);
    return { secretName: source.secretName, username: username, accessToken: accessToken };
}
function variableProblem(name, field, value) {
    if (value === undefined)
        return `environment variable ${name} (${field}) is not set: give it in the step's env: block`;
    if (value.trim() === '')
        return (`environment variable ${name} (${field}) is empty or blank: a secret that does not exist in this ` +
            'repository, or a pull request from a fork, gives an empty value');
    return undefined;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/upstreams.ts


/** The short names users write, as the issue and ECR's console call them. */
const KNOWN_UPSTREAMS = {
    'docker-hub': { kind: 'docker-hub', url: 'registry-1.docker.io', credential: 'required' },
    quay: { kind: 'quay', url: 'quay.io', credential: 'refused' },
    ghcr: { kind: 'github-container-registry', url: 'ghcr.io', credential: 'required' },
    k8s: { kind: 'k8s', url: 'registry.k8s.io', credential: 'refused' },
    'ecr-public': { kind: 'ecr-public', url: 'public.ecr.aws', credential: 'refused' },
    gitlab: { kind: 'gitlab-container-registry', url: 'registry.gitlab.com', credential: 'required' },
    azure: { kind: 'azure-container-registry', credential: 'required' },
    chainguard: { kind: 'chainguard', url: 'cgr.dev', credential: 'required' },
    ecr: { kind: 'ecr', credential: 'refused' }
};
/**
 * Pure: a short name (`docker-hub`), a short name with a URL for the ones that need one
 * (`azure` + `myreg.azurecr.io`), or a bare registry URL, to ECR's upstream kind and URL.
 * Returns a reason string when it cannot.
 */
function resolveUpstream(upstream, url) {
    const known = KNOWN_UPSTREAMS[upstream];
    if (known) {
        const target = url ?? known.url;
        if (!target)
            return `upstream ${(0,common_errors/* quote */.hD)(upstream)} needs the registry URL: write upstream: <url> (e.g. myreg.azurecr.io)`;
        return { kind: known.kind, url: target, credential: known.credential };
    }
    const host = hostOf(upstream);
    if (!host) {
        return `unknown upstream ${(0,common_errors/* quote */.hD)(upstream)}: use ${Object.keys(KNOWN_UPSTREAMS).join(', ')}, or a registry URL`;
    }
    const byHost = Object.entries(KNOWN_UPSTREAMS).find(([, spec]) => spec.url === host || (host === 'docker.io' && spec.kind === 'docker-hub'));
    if (byHost)
        return { kind: byHost[1].kind, url: byHost[1].url, credential: byHost[1].credential };
    if (host.endsWith('.azurecr.io'))
        return { kind: 'azure-container-registry', url: host, credential: 'required' };
    if (parseRegistryHost(host)?.kind === 'private')
        return { kind: 'ecr', url: host, credential: 'refused' };
    return `unknown upstream ${(0,common_errors/* quote */.hD)(upstream)}: ECR cannot cache ${host}`;
}
function hostOf(value) {
    if (!/[.:]/.test(value))
        return undefined;
    try {
        return new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/pull-through-cache/yaml-list.ts


/**
 * An input that is a YAML list (`rules`, `templates`): its items, or one InputError naming the input and,
 * for a syntax error, the line and column (never the text, which may carry a credential).
 */
function parseYamlList(input, raw, noun) {
    if (raw.trim() === '')
        return [];
    const document = (0,dist/* parseDocument */.Tp)(raw);
    const syntax = document.errors[0];
    if (syntax) {
        const at = syntax.linePos?.[0];
        throw new common_errors/* InputError */.dz(input, `is not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${syntax.message.split('\n')[0]}`);
    }
    if (!(0,dist/* isSeq */.oP)(document.contents))
        throw new common_errors/* InputError */.dz(input, `must be a YAML list of ${noun} (each item: - prefix: …)`);
    return document.contents.items;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/rules.ts







const SECRET_PREFIX = 'ecr-pullthroughcache/';
const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
// `template` is read and checked by templates.ts (parseTemplateInputs), after the rules themselves.
const rules_FIELDS = new Set(['prefix', 'upstream', 'credential', 'upstream-prefix', 'role', 'template']);
/**
 * Parses the `rules` input (a YAML list) and checks every rule before any call: the prefix against ECR's
 * pattern, the upstream against what ECR can cache, the credential against what that upstream needs and
 * against the registry's account and region; a credential's values are then read from `env`. Errors name
 * the rule and, for YAML, the line and column.
 */
function parseCacheRules(raw, registry, env) {
    const declared = [];
    ruleItems(raw).forEach((item, index) => {
        const where = `rule ${index + 1}`;
        if (!(0,dist/* isMap */.jh)(item))
            throw new common_errors/* InputError */.dz(Input.rules, `${where} must be a mapping with prefix and upstream`);
        const fields = item.toJSON();
        for (const key of Object.keys(fields)) {
            if (!rules_FIELDS.has(key))
                throw new common_errors/* InputError */.dz(Input.rules, `${where}: unknown field ${(0,common_errors/* quote */.hD)(key)} (fields: ${[...rules_FIELDS].join(', ')})`);
        }
        const parsed = parseRule(fields, where, registry);
        if (declared.some(d => d.rule.prefix === parsed.rule.prefix))
            throw new common_errors/* InputError */.dz(Input.rules, `${where}: prefix ${(0,common_errors/* quote */.hD)(parsed.rule.prefix)} is declared twice`);
        declared.push(parsed);
    });
    // The values last: rules that are wrong as written say so before a missing variable does.
    return declared.map(({ rule, source, where }) => source ? { ...rule, credentialValues: readCredential(source, where, env) } : rule);
}
/** The YAML list; when it does not parse and gives credential values inline, the refusal of those says why. */
function ruleItems(raw) {
    try {
        return parseYamlList(Input.rules, raw, 'rules');
    }
    catch (error) {
        const syntax = error instanceof common_errors/* InputError */.dz && error.rule.startsWith('is not valid YAML');
        if (!syntax || !mentionsInlineValues(raw))
            throw error;
        // Only the position: the parser's message may hold a piece of the substituted value.
        const at = / at line \d+, column \d+/.exec(error.rule)?.[0] ?? '';
        throw inlineValuesRefused(undefined, `is not valid YAML${at}`);
    }
}
function rules_text(fields, key) {
    const value = fields[key];
    if (value === undefined || value === null || value === '')
        return undefined;
    return String(value).trim();
}
function parseRule(fields, where, registry) {
    const prefix = rules_text(fields, 'prefix');
    if (!prefix)
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: prefix is required`);
    if (prefix !== 'ROOT' && (prefix.length < 2 || prefix.length > 30 || !REPOSITORY_NAME.test(prefix))) {
        throw new common_errors/* InputError */.dz(Input.rules, `${where}: prefix ${(0,common_errors/* quote */.hD)(prefix)} must be ROOT or 2 to 30 characters of lowercase letters and digits separated by . _ - or /`);
    }
    const upstreamText = rules_text(fields, 'upstream');
    if (!upstreamText)
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): upstream is required`);
    const upstream = resolveUpstream(upstreamText);
    if (typeof upstream === 'string')
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): ${upstream}`);
    const source = parseCredentialSource(fields.credential, `${where} (${prefix})`);
    if (source && SECRET_ARN.test(source.secretName))
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): credential secret is the name to create it under (${SECRET_PREFIX}…), not an ARN`);
    const credential = source ? source.secretName : rules_text(fields, 'credential');
    if (upstream.credential === 'required' && !credential) {
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): upstream ${upstream.kind} needs a credential: a Secrets Manager secret named ${SECRET_PREFIX}…`);
    }
    if (upstream.credential === 'refused' && credential) {
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): upstream ${upstream.kind} takes no credential`);
    }
    const role = rules_text(fields, 'role');
    if (role && upstream.kind !== 'ecr')
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): role applies only to ECR upstreams`);
    if (role && !ROLE_ARN.test(role))
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): role ${(0,common_errors/* quote */.hD)(role)} is not an IAM role ARN`);
    const upstreamPrefix = rules_text(fields, 'upstream-prefix');
    if (upstreamPrefix && !REPOSITORY_NAME.test(upstreamPrefix) && upstreamPrefix !== 'ROOT') {
        throw new common_errors/* InputError */.dz(Input.rules, `${where} (${prefix}): upstream-prefix ${(0,common_errors/* quote */.hD)(upstreamPrefix)} is not a repository path`);
    }
    const rule = {
        prefix,
        upstream: upstream.kind,
        upstreamUrl: upstream.url,
        credentialArn: credential ? credentialArn(credential, `${where} (${prefix})`, registry) : undefined,
        upstreamPrefix,
        roleArn: role
    };
    return { rule, source, where: `${where} (${prefix})` };
}
/** A secret name becomes a (partial) ARN in the registry's account and region; an ARN must be in them. */
function credentialArn(credential, where, registry) {
    const arn = SECRET_ARN.exec(credential);
    const name = arn ? arn[4] : credential;
    if (!name.startsWith(SECRET_PREFIX)) {
        throw new common_errors/* InputError */.dz(Input.rules, 
        // The text is not quoted: a value put where the name goes (credential: ${{ secrets.TOKEN }}) is a secret.
        `${where}: the credential secret's name must start with ${SECRET_PREFIX} (give the secret's name or ARN, or a mapping of secret, username-env and access-token-env)`);
    }
    if (arn) {
        if (arn[2] !== registry.region || (registry.accountId !== undefined && arn[3] !== registry.accountId)) {
            throw new common_errors/* InputError */.dz(Input.rules, `${where}: the credential secret must be in the registry's account and region (${registry.accountId ?? "the caller's"}, ${registry.region}), not ${arn[3]}, ${arn[2]}`);
        }
        return credential;
    }
    return `arn:${registry.partition ?? 'aws'}:secretsmanager:${registry.region}:${registry.accountId ?? '(account)'}:secret:${name}`;
}

;// CONCATENATED MODULE: ./src/ecr/mutability.ts

/** Tag mutability: which tags a repository refuses to move (with ECR's exclusions, July 2025). */
const TAG_MUTABILITIES = [
    'MUTABLE',
    'IMMUTABLE',
    'IMMUTABLE_WITH_EXCLUSION',
    'MUTABLE_WITH_EXCLUSION'
];
/** The exclusion filters ECR takes for tag patterns. */
function mutability_exclusionFilters(patterns) {
    return patterns?.map(filter => ({ filterType: 'WILDCARD', filter }));
}
/** A repository's tag mutability exclusion patterns, as ECR reports them. */
function mutability_exclusionsOf(repository) {
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

;// CONCATENATED MODULE: ./src/ecr/creation-templates.ts



/** The ways ECR creates a repository on the user's behalf, each of which a template can apply to. */
const APPLIED_FOR = ['PULL_THROUGH_CACHE', 'REPLICATION', 'CREATE_ON_PUSH'];
/** The registry's templates, every page, and the registry they belong to (always the caller's own). */
async function listCreationTemplates(client) {
    return (0,errors/* callAws */.IY)('DescribeRepositoryCreationTemplates', async () => {
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
        imageTagMutabilityExclusionFilters: mutability_exclusionFilters(template.tagMutabilityExclusions) ?? [],
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
    await (0,errors/* callAws */.IY)(`CreateRepositoryCreationTemplate ${template.prefix}`, () => client.send(new dist_cjs/* CreateRepositoryCreationTemplateCommand */.TS2({
        ...request,
        description: request.description || undefined,
        lifecyclePolicy: request.lifecyclePolicy || undefined,
        repositoryPolicy: request.repositoryPolicy || undefined,
        customRoleArn: request.customRoleArn || undefined
    })));
}
async function updateCreationTemplate(client, template) {
    await (0,errors/* callAws */.IY)(`UpdateRepositoryCreationTemplate ${template.prefix}`, () => client.send(new dist_cjs/* UpdateRepositoryCreationTemplateCommand */.ofk(templateRequest(template))));
}
async function deleteCreationTemplate(client, prefix) {
    await (0,errors/* callAws */.IY)(`DeleteRepositoryCreationTemplate ${prefix}`, () => client.send(new dist_cjs/* DeleteRepositoryCreationTemplateCommand */.G7v({ prefix })));
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

;// CONCATENATED MODULE: ./src/ecr/settings-diff.ts


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
function settings_diff_diffRepositorySettings(repository, actualTags, desired) {
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
        read: async () => (await client.send(new dist_cjs/* GetLifecyclePolicyCommand */.O0C(repository))).lifecyclePolicyText,
        desired: parseJson(text),
        write: () => client.send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({ ...repository, lifecyclePolicyText: text }))
    });
}
/** Sets the repository policy only when it differs from the current one (compared as parsed JSON). */
async function applyRepositoryPolicy(client, ref, policy) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    return applyIfDifferent({
        action: `repository policy of ${ref.name}`,
        notFound: 'RepositoryPolicyNotFoundException',
        read: async () => (await client.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN(repository))).policyText,
        desired: policy,
        write: () => client.send(new dist_cjs/* SetRepositoryPolicyCommand */.IOA({ ...repository, policyText: JSON.stringify(policy) }))
    });
}
/** Reads the current document (absent: `notFound`), and writes only when it differs from `desired`. */
async function applyIfDifferent(step) {
    const current = await readDocument(step);
    if (current !== undefined && sameAsCurrent(current, step.desired))
        return 'unchanged';
    await (0,errors/* callAws */.IY)(`writing the ${step.action}`, step.write);
    return current === undefined ? 'created' : 'changed';
}
/** The current document's text; undefined when the repository has none (`notFound`). */
async function readDocument(step) {
    return (0,errors/* callAws */.IY)(`reading the ${step.action}`, async () => {
        try {
            return await step.read();
        }
        catch (error) {
            if ((0,errors/* awsErrorName */.ZH)(error) === step.notFound)
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
    const lifecycle = readJsonInput(input, raw, MAX_LIFECYCLE_POLICY_CHARS);
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
    const policy = readJsonInput(input, raw, 4 * MAX_REPOSITORY_POLICY_CHARS);
    if (!policy)
        return undefined;
    if (typeof policy.value !== 'object' || policy.value === null || Array.isArray(policy.value)) {
        throw new common_errors/* InputError */.dz(input, 'must be a JSON object (an IAM policy document)');
    }
    return policy.value;
}
/** The compact policy within ECR's limit. */
function checkRepositoryPolicyLength(input, policy) {
    if (JSON.stringify(policy).length > MAX_REPOSITORY_POLICY_CHARS) {
        throw new common_errors/* InputError */.dz(input, `is longer than ECR's ${MAX_REPOSITORY_POLICY_CHARS} characters`);
    }
}

;// CONCATENATED MODULE: ./src/pull-through-cache/templates.ts











const SETTINGS = [
    'mutability',
    'mutability-exclusions',
    'encryption',
    'kms-key',
    'lifecycle-policy',
    'repository-policy',
    'tags',
    'description',
    'role'
];
const TEMPLATE_FIELDS = ['prefix', 'applied-for', ...SETTINGS];
const MAX_DESCRIPTION = 256;
const MAX_PREFIX = 256;
/**
 * Reads the `template:` of each rule (the `rules` input, already checked by parseCacheRules) and the
 * `templates` input, and checks every field before any call. Errors name the input, the rule or item,
 * and the field: `Input "rules": rule 2 (hub) template: kms-key is required with encryption KMS`.
 */
function parseTemplateInputs(get, rulesText) {
    const warnings = [];
    const fromRules = ruleTemplates(rulesText, warnings);
    const listed = listedTemplates(get(Input.templates), warnings);
    // Rules have unique prefixes already: a second template for a prefix is always a `templates` item.
    listed.forEach((template, index) => {
        const rule = fromRules.findIndex(t => t.prefix === template.prefix);
        const item = listed.findIndex(t => t.prefix === template.prefix);
        if (rule >= 0 || item !== index) {
            throw new common_errors/* InputError */.dz(Input.templates, `template ${index + 1} (${template.prefix}): the prefix already has a template ` +
                (rule >= 0 ? "in rules (a rule's template:)" : `(template ${item + 1})`));
        }
    });
    const templates = [...fromRules, ...listed];
    return {
        templates,
        applyToExisting: parseBoolean(Input.applyToExisting, get(Input.applyToExisting), false),
        warnings
    };
}
function ruleTemplates(rulesText, warnings) {
    if (rulesText.trim() === '')
        return [];
    const document = (0,dist/* parseDocument */.Tp)(rulesText);
    if (!(0,dist/* isSeq */.oP)(document.contents))
        return [];
    const templates = [];
    document.contents.items.forEach((item, index) => {
        if (!(0,dist/* isMap */.jh)(item))
            return;
        const fields = item.toJSON();
        if (fields.template === undefined || fields.template === null)
            return;
        const prefix = String(fields.prefix);
        const where = `rule ${index + 1} (${prefix}) template`;
        const settings = mapping(Input.rules, where, fields.template, SETTINGS);
        templates.push(parseTemplate(Input.rules, where, { prefix, appliedFor: ['PULL_THROUGH_CACHE'] }, settings, warnings));
    });
    return templates;
}
function listedTemplates(raw, warnings) {
    return parseYamlList(Input.templates, raw, 'templates').map((item, index) => {
        const fields = mapping(Input.templates, `template ${index + 1}`, (0,dist/* isMap */.jh)(item) ? item.toJSON() : item, [
            ...TEMPLATE_FIELDS
        ]);
        const prefix = scalar(fields.prefix);
        const where = `template ${index + 1}${prefix ? ` (${prefix})` : ''}`;
        if (!prefix)
            throw new common_errors/* InputError */.dz(Input.templates, `${where}: prefix is required (a repository prefix, or ROOT)`);
        if (prefix !== 'ROOT' && (prefix.length > MAX_PREFIX || !REPOSITORY_NAME.test(prefix))) {
            throw new common_errors/* InputError */.dz(Input.templates, `${where}: prefix ${(0,common_errors/* quote */.hD)(prefix)} must be ROOT or up to ${MAX_PREFIX} characters of lowercase letters and digits separated by . _ - or /`);
        }
        const appliedFor = within(Input.templates, where, () => parseAppliedFor(fields['applied-for']));
        return parseTemplate(Input.templates, where, { prefix, appliedFor }, fields, warnings);
    });
}
/** A YAML mapping with only the known fields. */
function mapping(input, where, value, known) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new common_errors/* InputError */.dz(input, `${where} must be a mapping (fields: ${known.join(', ')})`);
    for (const key of Object.keys(value)) {
        if (!known.includes(key))
            throw new common_errors/* InputError */.dz(input, `${where}: unknown field ${(0,common_errors/* quote */.hD)(key)} (fields: ${known.join(', ')})`);
    }
    return value;
}
/** A scalar field as text; undefined when empty. A list or mapping where a value belongs is refused by the caller. */
function scalar(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'object')
        throw new common_errors/* InputError */.dz('', 'must be a single value, not a list or mapping');
    const text = String(value).trim();
    return text === '' ? undefined : text;
}
/** A field that may be a YAML list or one comma-separated line. */
function list(value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return parseList(value.map(item => scalar(item) ?? '').join('\n'));
    return parseList(scalar(value) ?? '');
}
/**
 * JSON inline (a YAML block of JSON text, or JSON written straight into the YAML, which YAML reads as a
 * mapping) or a path in the workspace: the text the shared readers take.
 */
function jsonText(value) {
    if (value !== null && typeof value === 'object')
        return JSON.stringify(value);
    return scalar(value) ?? '';
}
/** Runs a shared check, whose InputError names the field, and names the input and the template instead. */
function within(input, where, check) {
    try {
        return check();
    }
    catch (error) {
        if (error instanceof common_errors/* InputError */.dz)
            throw new common_errors/* InputError */.dz(input, `${where}: ${error.input ? `${error.input} ` : ''}${error.rule}`);
        throw error;
    }
}
function parseAppliedFor(value) {
    const scenarios = list(value).map(item => parseEnum('applied-for', item, APPLIED_FOR));
    if (scenarios.length === 0)
        throw new common_errors/* InputError */.dz('applied-for', `is required: one or more of ${APPLIED_FOR.join(', ')}`);
    return scenarios;
}
function parseTemplate(input, where, target, fields, warnings) {
    return within(input, where, () => {
        const field = (name) => within('', name, () => scalar(fields[name]));
        const tagMutability = parseEnum('mutability', field('mutability') ?? '', TAG_MUTABILITIES);
        const tagMutabilityExclusions = checkTagMutability({ mutability: 'mutability', exclusions: 'mutability-exclusions' }, tagMutability, within('', 'mutability-exclusions', () => list(fields['mutability-exclusions'])));
        const encryptionType = parseEnum('encryption', field('encryption') ?? '', ENCRYPTION_TYPES);
        const kmsKey = field('kms-key');
        checkEncryption({ encryption: 'encryption', kmsKey: 'kms-key' }, encryptionType, kmsKey);
        const lifecycle = readLifecyclePolicy('lifecycle-policy', jsonText(fields['lifecycle-policy']));
        for (const warning of lifecycle?.warnings ?? [])
            warnings.push(`${where}: lifecycle-policy: ${warning}`);
        const policy = readRepositoryPolicy('repository-policy', jsonText(fields['repository-policy']));
        if (policy)
            checkRepositoryPolicyLength('repository-policy', policy);
        const tags = parseTags(fields.tags);
        const description = field('description');
        if (description && description.length > MAX_DESCRIPTION)
            throw new common_errors/* InputError */.dz('description', `is longer than ECR's ${MAX_DESCRIPTION} characters`);
        const roleArn = field('role');
        if (roleArn && !ROLE_ARN.test(roleArn))
            throw new common_errors/* InputError */.dz('role', `${(0,common_errors/* quote */.hD)(roleArn)} is not an IAM role ARN`);
        if (tags && target.appliedFor.includes('PULL_THROUGH_CACHE')) {
            warnings.push(`${where}: resource tags in a PULL_THROUGH_CACHE template are known to make the first pull of a new ` +
                'image through the cache fail (aws/containers-roadmap#2398): warm the images, or leave tags out');
        }
        if ((tags || kmsKey) && !roleArn) {
            warnings.push(`${where}: ECR needs a custom role (role:) to apply resource tags or a KMS key from a template`);
        }
        return {
            prefix: target.prefix,
            appliedFor: [...target.appliedFor],
            description,
            tagMutability,
            tagMutabilityExclusions,
            encryptionType,
            kmsKey,
            lifecyclePolicy: lifecycle?.text,
            repositoryPolicy: policy ? JSON.stringify(policy) : undefined,
            tags,
            roleArn
        };
    });
}
/** `tags:` is a mapping of key: value. */
function parseTags(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
        throw new common_errors/* InputError */.dz('tags', 'must be a mapping of key: value');
    const tags = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, within('', `tags.${key}`, () => scalar(item) ?? '')]));
    checkResourceTags('tags', tags);
    return Object.keys(tags).length > 0 ? tags : undefined;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/warm.ts





/** Pure: a `warm` line as the one reference grammar reads it (no registry host: prefixes route it). */
function parseWarmReference(input) {
    const parsed = parseReference(input, { domain: 'refused' });
    if (typeof parsed === 'string')
        throw new common_errors/* InputError */.dz(Input.warm, `${(0,common_errors/* quote */.hD)(input)} is not an image reference: ${parsed}`);
    return { path: parsed.repository, reference: parsed.digest ?? parsed.tag ?? 'latest' };
}
/**
 * Pure: maps a reference as users think of it (`docker-hub/nginx:1.27`) to the cache repository
 * (`docker-hub/library/nginx`) by the longest matching rule prefix (ROOT matches what no other does).
 */
function resolveWarmTarget(input, rules) {
    const { path, reference } = parseWarmReference(input);
    const rule = [...rules]
        .filter(r => r.prefix !== 'ROOT' && path.startsWith(`${r.prefix}/`))
        .sort((a, b) => b.prefix.length - a.prefix.length)[0] ?? rules.find(r => r.prefix === 'ROOT');
    if (!rule) {
        const prefixes = rules.map(r => r.prefix);
        throw new common_errors/* InputError */.dz(Input.warm, `${(0,common_errors/* quote */.hD)(input)} matches no pull-through-cache rule prefix (${prefixes.length ? `prefixes: ${prefixes.join(', ')}` : 'there are no rules'})`);
    }
    const upstreamPath = rule.prefix === 'ROOT' ? path : path.slice(rule.prefix.length + 1);
    // Docker Hub serves its official images under library/: `nginx` is `library/nginx`.
    const rewritten = rule.upstream === 'docker-hub' && !upstreamPath.includes('/');
    const cachePath = rewritten ? `library/${upstreamPath}` : upstreamPath;
    return {
        input,
        repository: rule.prefix === 'ROOT' ? cachePath : `${rule.prefix}/${cachePath}`,
        reference,
        rewritten
    };
}
/** Not there yet (the first pull creates the repository) or the upstream answered badly: worth waiting for. */
function isWorthWaiting(error) {
    return (error instanceof RegistryError && error.status === 404) || isRetryableRegistryFailure(error);
}
/**
 * Pulls the manifest through the cache (the GET that makes ECR fetch from upstream), retrying with
 * backoff (1 s, 2 s, 4 s … 15 s) until the deadline while ECR reports the image missing or the upstream
 * failing; then, for an index, each platform child by digest. The poll is the operation of the registry
 * client's one retry layer, so the GETs inside it are not retried again.
 */
async function warmImage(registry, target, options) {
    let attempts = 0;
    try {
        const { digest, children } = await registry.retrying(`warming ${target.repository}:${target.reference}`, async (attempt) => {
            attempts = attempt;
            const stored = await registry.requireManifest(target.repository, target.reference);
            const children = [];
            if (isIndex(stored.manifest)) {
                for (const child of stored.manifest.manifests) {
                    await registry.requireManifest(target.repository, child.digest);
                    children.push(child.digest);
                }
            }
            return { digest: stored.digest, children };
        }, {
            policy: {
                attempts: Number.POSITIVE_INFINITY,
                deadline: options.deadline,
                retryable: isWorthWaiting,
                baseDelayMs: 1000,
                maxDelayMs: 15_000,
                random: () => 1,
                ...(options.sleep ? { sleep: options.sleep } : {}),
                ...(options.now ? { now: options.now } : {})
            }
        });
        return { target, status: options.cachedBefore ? 'cached' : 'fetched', digest, children, attempts };
    }
    catch (error) {
        return { target, status: 'failed', children: [], attempts, message: (0,common_errors/* messageOf */.bD)(error) };
    }
}

;// CONCATENATED MODULE: ./src/pull-through-cache/inputs.ts











/**
 * Reads every input and checks every rule that needs no AWS call: the account ID, the rules' YAML and
 * each rule (account-independent checks), each warm reference against the reference grammar, the
 * durations; a credential's values are read from the step's environment (`env`), never from the YAML.
 * What needs the registry (the caller's account, the existing rules) is checked after the first
 * read-only calls and before any change.
 */
function parseCacheInputs(get, context) {
    const registryId = parseAccountId(Input.registryId, get(Input.registryId));
    const rulesText = get(Input.rules);
    const warm = parseLines(get(Input.warm));
    warm.forEach(parseWarmReference);
    const rules = parseCacheRules(rulesText, { accountId: registryId, region: context.region }, context.env);
    const withValues = rules.filter(rule => rule.credentialValues);
    // Masked before anything else runs: from here on no log line, output or summary can show them.
    for (const rule of withValues)
        (0,secrets/* maskCredential */.kV)(rule.credentialValues);
    if (registryId && withValues.length > 0) {
        throw new common_errors/* InputError */.dz(Input.rules, `rule ${(0,common_errors/* quote */.hD)(withValues[0]?.prefix)}: credential values are kept in a secret of the caller's own account; ` +
            'with registry-id, create the secret in that account and give its name or ARN');
    }
    return {
        registryId,
        rulesText,
        rules,
        warmFrom: parseLines(get(Input.warmFrom)),
        prune: parseBoolean(Input.prune, get(Input.prune), false),
        warm,
        warmTimeoutMs: parseDuration(Input.warmTimeout, get(Input.warmTimeout) || '5m', ['s', 'm', 'h']),
        stallTimeoutMs: parseDurationWithin(Input.stallTimeout, get(Input.stallTimeout), STALL_TIMEOUT),
        // After the rules: a rule's template is read only once the rule itself is known to be good.
        templates: parseTemplateInputs(get, rulesText),
        endpoint: (0,endpoints/* variantOf */.Bp)((0,endpoints/* parseEndpointChoice */.A4)(Input.endpoint, get(Input.endpoint), context.env))
    };
}
/** The endpoint choice against the registry, ECR's API and Secrets Manager (when credentials are kept). */
function refuseEndpoints(inputs, region, env) {
    const secrets = inputs.rules.some(rule => rule.credentialValues);
    const services = secrets ? ['ECR', 'Secrets Manager'] : ['ECR'];
    refuseUnofferedEndpoints(Input.endpoint, inputs.endpoint, [{ region, services, registry: 'private' }], env);
}

;// CONCATENATED MODULE: ./src/pull-through-cache/plan.ts
/** A secret given by name is a partial ARN; ECR reports the full one, with Secrets Manager's `-XXXXXX` suffix. */
function sameSecret(existing, declared) {
    if (!existing || !declared)
        return existing === declared;
    if (existing === declared)
        return true;
    const suffix = existing.slice(declared.length);
    return existing.startsWith(declared) && /^-[A-Za-z0-9]{6}$/.test(suffix);
}
/**
 * Pure: what to do so the registry's rules match the declared ones. Credential and role can be updated in
 * place; anything else about an existing prefix means replacing it. Undeclared rules go only with `prune`.
 */
function planRuleChanges(declared, existing, prune) {
    const actions = declared.map(rule => {
        const current = existing.find(e => e.ecrRepositoryPrefix === rule.prefix);
        if (!current)
            return { action: 'create', rule };
        const fixed = [];
        if (current.upstreamRegistryUrl !== rule.upstreamUrl) {
            fixed.push(`upstream ${current.upstreamRegistryUrl} → ${rule.upstreamUrl}`);
        }
        if ((current.upstreamRepositoryPrefix ?? 'ROOT') !== (rule.upstreamPrefix ?? 'ROOT')) {
            fixed.push(`upstream-prefix ${current.upstreamRepositoryPrefix ?? 'ROOT'} → ${rule.upstreamPrefix ?? 'ROOT'}`);
        }
        if (fixed.length > 0)
            return { action: 'replace', rule, changes: fixed };
        const changes = [];
        if (!sameSecret(current.credentialArn, rule.credentialArn)) {
            changes.push(`credential ${current.credentialArn ?? '(none)'} → ${rule.credentialArn ?? '(none)'}`);
        }
        if ((current.customRoleArn ?? undefined) !== rule.roleArn) {
            changes.push(`role ${current.customRoleArn ?? '(none)'} → ${rule.roleArn ?? '(none)'}`);
        }
        return changes.length > 0 ? { action: 'update', rule, changes } : { action: 'keep', rule };
    });
    if (prune) {
        for (const rule of existing) {
            const prefix = rule.ecrRepositoryPrefix ?? '';
            if (prefix && !declared.some(d => d.prefix === prefix))
                actions.push({ action: 'delete', prefix });
        }
    }
    return actions;
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
        core/* warning */.$e(`Could not write the job summary: ${(0,common_errors/* messageOf */.bD)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/pull-through-cache/summary.ts

const STATUS = { cached: 'cached already', fetched: 'fetched now', failed: 'failed' };
/**
 * Creation templates (prefix, applied for, change, existing repositories that differ), rules (prefix →
 * upstream, validated) and warmed images with their digests, in the order they appear (one function: it
 * reads as the summary does). Never fails the step.
 */
async function writeCacheSummary(rules, images, host, templates = [], bases = []) {
    await writeSummary(summary => {
        summary.addHeading('ECR pull-through cache', 2);
        if (templates.length > 0) {
            summary.addHeading('Repository creation templates', 3);
            summary.addTable([
                headerRow('Prefix', 'Applied for', 'Change', 'Existing repositories that differ'),
                ...templates.map(t => [
                    code(t.prefix),
                    escapeHtml(t.appliedFor.join(', ')),
                    escapeHtml(t.action + (t.changes ? `: ${t.changes.join(', ')}` : '')),
                    t.differing
                        .map(r => `${code(r.repository)}: ${escapeHtml(r.differences.join('; '))}` +
                        (r.fixed ? ` (brought in line: ${escapeHtml(r.fixed.join('; '))})` : ''))
                        .join('<br>')
                ])
            ]);
        }
        if (rules.length > 0) {
            summary.addTable([
                headerRow('Prefix', 'Upstream', 'Change', 'Validated'),
                ...rules.map(r => [
                    code(r.prefix),
                    escapeHtml(r.upstream ?? ''),
                    escapeHtml(r.action),
                    r.valid === undefined ? '' : r.valid ? 'yes' : `no: ${escapeHtml(r.failure ?? '')}`
                ])
            ]);
        }
        const routed = bases.flatMap(file => file.bases.map(base => ({ file: file.path, ...base })));
        if (routed.length > 0) {
            summary.addHeading('Base images', 3);
            summary.addTable([
                headerRow('Dockerfile', 'FROM', 'Through the cache'),
                ...routed.map(b => [
                    code(`${b.file}:${b.from.line}`),
                    code(b.from.image),
                    b.target
                        ? code(`${host}/${b.target.repository}:${b.target.reference}`)
                        : `no: ${escapeHtml(b.reason ?? '')}`
                ])
            ]);
        }
        if (images.length > 0) {
            summary.addTable([
                headerRow('Image', 'Cache reference', 'Digest', 'Result'),
                ...images.map(r => [
                    code(r.target.input),
                    code(`${host}/${r.target.repository}:${r.target.reference}`),
                    r.digest ? code(r.digest) : '',
                    r.status === 'failed'
                        ? `failed: ${escapeHtml(r.message ?? '')}`
                        : STATUS[r.status] + (r.children.length ? ` (+${r.children.length} platforms)` : '')
                ])
            ]);
        }
    });
}

;// CONCATENATED MODULE: ./src/ecr/repositories.ts







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
    const pages = (0,dist_cjs/* paginateDescribeRepositories */.LHh)({ client, pageSize: 1000 }, { registryId });
    return (0,errors/* collectPages */.VV)('DescribeRepositories', pages, page => page.repositories);
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
        const { tags } = await client.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ resourceArn: repository.repositoryArn }));
        return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']));
    }
    catch (error) {
        // Reading tags is only for a warning: lack of ecr:ListTagsForResource must not fail a push.
        core/* warning */.$e(`Could not read the tags of ${repository.repositoryName}: ${(0,common_errors/* messageOf */.bD)(error)}`);
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
    const exclusions = mutability_exclusionsOf(repository).sort();
    const declaredExclusions = settings.tagMutabilityExclusions?.slice().sort();
    const mutabilityDiffers = (settings.tagMutability !== undefined &&
        settings.tagMutability !== (repository.imageTagMutability ?? 'MUTABLE')) ||
        (declaredExclusions !== undefined && declaredExclusions.join('\n') !== exclusions.join('\n'));
    if (mutabilityDiffers) {
        const mutability = settings.tagMutability ?? repository.imageTagMutability ?? 'MUTABLE';
        await (0,errors/* callAws */.IY)(`PutImageTagMutability ${repository.repositoryName}`, () => client.send(new dist_cjs/* PutImageTagMutabilityCommand */.cKn({
            ...ref,
            imageTagMutability: mutability,
            imageTagMutabilityExclusionFilters: mutability_exclusionFilters(settings.tagMutabilityExclusions)
        })));
        changed.push(`image-tag-mutability set to ${mutability}`);
    }
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (settings.scanOnPush !== undefined && settings.scanOnPush !== scanOnPush) {
        const imageScanningConfiguration = { scanOnPush: settings.scanOnPush };
        await (0,errors/* callAws */.IY)(`PutImageScanningConfiguration ${repository.repositoryName}`, () => client.send(new dist_cjs/* PutImageScanningConfigurationCommand */.BlZ({ ...ref, imageScanningConfiguration })));
        changed.push(`scan-on-push set to ${settings.scanOnPush}`);
    }
    if (settings.tags) {
        const current = await listRepositoryTags(client, repository);
        const missing = Object.entries(settings.tags).filter(([key, value]) => current[key] !== value);
        if (missing.length > 0) {
            const tags = missing.map(([Key, Value]) => ({ Key, Value }));
            await (0,errors/* callAws */.IY)(`TagResource ${repository.repositoryName}`, () => client.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: repository.repositoryArn, tags })));
            changed.push(`repository tags set: ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}`);
        }
    }
    return changed;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/template-plan.ts





/**
 * Pure: what to do so the registry's templates match the declared ones. A template that differs in any
 * way is updated in place (ECR can change every field). With `prune`, an undeclared template is deleted
 * only when every scenario it applies to is one that the declared templates apply to: a step that declares
 * only its rules' templates (PULL_THROUGH_CACHE) never deletes a REPLICATION template someone else keeps,
 * and a step that declares no template deletes none (the registry's templates are not its business then).
 */
function planTemplateChanges(declared, existing, prune, 
/** Prefixes of rules the step declares: a template there that the step does not declare is spared. */
rulePrefixes = []) {
    const actions = declared.map(template => {
        const current = existing.find(e => e.prefix === template.prefix);
        if (!current)
            return { action: 'create', template };
        const changes = diffTemplate(templateFromEcr(current), template);
        return changes.length > 0 ? { action: 'update', template, changes } : { action: 'keep', template };
    });
    if (!prune)
        return actions;
    const scenarios = new Set(declared.flatMap(template => template.appliedFor));
    for (const template of existing) {
        const prefix = template.prefix ?? '';
        if (!prefix || declared.some(d => d.prefix === prefix))
            continue;
        const appliedFor = (template.appliedFor ?? []);
        // A rule declared without template: keeps the template someone made for it by hand.
        const ours = !rulePrefixes.includes(prefix) &&
            appliedFor.length > 0 &&
            appliedFor.every(scenario => scenarios.has(scenario));
        actions.push({ action: ours ? 'delete' : 'spare', prefix, appliedFor });
    }
    return actions;
}
const NONE = '(none)';
const template_plan_list = (items) => `[${[...(items ?? [])].sort().join(', ')}]`;
const sameSet = (a, b) => template_plan_list(a) === template_plan_list(b);
/** Parsed JSON documents compared; a stored document that does not parse is simply different. */
function sameDocument(current, declared) {
    if (current === undefined || declared === undefined)
        return current === declared;
    try {
        return sameJson(parseJson(current), parseJson(declared));
    }
    catch {
        return false;
    }
}
/** `set`, `removed` or `changed`: documents are too long for the log, and may be policy text. */
function documentChange(current, declared) {
    if (current === undefined)
        return 'set';
    return declared === undefined ? 'removed' : 'changed';
}
/**
 * Pure: how the declared template differs from the current one, one phrase per field. Compared as ECR
 * reads them: mutability defaults to MUTABLE and encryption to AES256, policies as parsed JSON, applied-for,
 * exclusions and tags as sets, a KMS key given as ID or alias matching the ARN ECR reports.
 */
function diffTemplate(current, declared) {
    const changes = [];
    if (!sameSet(current.appliedFor, declared.appliedFor))
        changes.push(`applied-for ${template_plan_list(current.appliedFor)} → ${template_plan_list(declared.appliedFor)}`);
    if ((current.description ?? '') !== (declared.description ?? ''))
        changes.push(`description ${(0,common_errors/* quote */.hD)(current.description ?? '')} → ${(0,common_errors/* quote */.hD)(declared.description ?? '')}`);
    const mutability = [current.tagMutability ?? 'MUTABLE', declared.tagMutability ?? 'MUTABLE'];
    if (mutability[0] !== mutability[1])
        changes.push(`mutability ${mutability[0]} → ${mutability[1]}`);
    if (!sameSet(current.tagMutabilityExclusions, declared.tagMutabilityExclusions)) {
        changes.push(`mutability-exclusions ${template_plan_list(current.tagMutabilityExclusions)} → ${template_plan_list(declared.tagMutabilityExclusions)}`);
    }
    const encryption = [current.encryptionType ?? 'AES256', declared.encryptionType ?? 'AES256'];
    if (encryption[0] !== encryption[1])
        changes.push(`encryption ${encryption[0]} → ${encryption[1]}`);
    const keys = [current.kmsKey, declared.kmsKey];
    const sameKey = keys[0] && keys[1] ? sameKmsKey(keys[0], keys[1]) : keys[0] === keys[1];
    if (!sameKey)
        changes.push(`kms-key ${keys[0] ?? NONE} → ${keys[1] ?? NONE}`);
    if (!sameDocument(current.lifecyclePolicy, declared.lifecyclePolicy))
        changes.push(`lifecycle-policy ${documentChange(current.lifecyclePolicy, declared.lifecyclePolicy)}`);
    if (!sameDocument(current.repositoryPolicy, declared.repositoryPolicy))
        changes.push(`repository-policy ${documentChange(current.repositoryPolicy, declared.repositoryPolicy)}`);
    const tags = (t) => Object.entries(t.tags ?? {}).map(([k, v]) => `${k}=${v}`);
    const added = tags(declared).filter(tag => !tags(current).includes(tag));
    const removed = tags(current).filter(tag => !tags(declared).includes(tag));
    if (added.length > 0 || removed.length > 0) {
        changes.push(`tags ${[...added.map(tag => `+${tag}`), ...removed.map(tag => `-${tag}`)].join(' ')}`.trim());
    }
    if ((current.roleArn ?? '') !== (declared.roleArn ?? ''))
        changes.push(`role ${current.roleArn ?? NONE} → ${declared.roleArn ?? NONE}`);
    return changes;
}
/**
 * Pure: which template ECR would apply to a repository of this name: the longest prefix it lies under
 * (`hub/` covers `hub/library/nginx`), else ROOT when there is one. ECR adds the `/` to every prefix.
 */
function templateFor(repository, prefixes) {
    const under = prefixes
        .filter(prefix => prefix !== 'ROOT' && repository.startsWith(`${prefix.replace(/\/$/, '')}/`))
        .sort((a, b) => b.length - a.length)[0];
    return under ?? (prefixes.includes('ROOT') ? 'ROOT' : undefined);
}
/** Whether a template sets anything an existing repository can be compared with (and brought in line). */
function comparable(template) {
    return Boolean(template.tagMutability || template.lifecyclePolicy || template.repositoryPolicy);
}
/**
 * Pure: how an existing repository differs from what its template would have given it, for the settings
 * the template declares and a repository can change: tag mutability (with its exclusions), lifecycle policy
 * and repository policy (as parsed JSON). Encryption cannot change after creation and tags are left to
 * their owners; a setting the template leaves out is not compared.
 */
function repositoryDrift(template, repository, current) {
    const drift = {};
    if (template.tagMutability) {
        const mutability = repository.imageTagMutability ?? 'MUTABLE';
        const exclusions = mutability_exclusionsOf(repository);
        if (mutability !== template.tagMutability) {
            drift.mutability = `mutability is ${mutability}, the template says ${template.tagMutability}`;
        }
        else if (!sameSet(exclusions, template.tagMutabilityExclusions)) {
            drift.mutability = `mutability-exclusions are ${template_plan_list(exclusions)}, the template says ${template_plan_list(template.tagMutabilityExclusions)}`;
        }
    }
    if (template.lifecyclePolicy && !sameDocument(current.lifecyclePolicy, template.lifecyclePolicy)) {
        drift.lifecyclePolicy = current.lifecyclePolicy ? 'lifecycle policy differs' : 'no lifecycle policy';
    }
    if (template.repositoryPolicy && !sameDocument(current.repositoryPolicy, template.repositoryPolicy)) {
        drift.repositoryPolicy = current.repositoryPolicy ? 'repository policy differs' : 'no repository policy';
    }
    return drift;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/template-sync.ts









const READ_CONCURRENCY = 4;
/**
 * Read-only, before any change: the registry's templates, when the step declares any (a step that
 * declares none neither reads nor needs ecr:DescribeRepositoryCreationTemplates). Templates belong to the
 * caller's own registry (the API takes no registry ID): a `registry-id` naming another account is refused
 * here, before anything changes.
 */
async function readTemplates(ecr, inputs) {
    if (inputs.templates.templates.length === 0)
        return undefined;
    const { registryId, templates } = await listCreationTemplates(ecr);
    if (inputs.registryId && registryId && registryId !== inputs.registryId) {
        throw new common_errors/* ActionError */.lZ(`Repository creation templates belong to the caller's own registry (${registryId}), not registry-id ` +
            `${inputs.registryId}: run the step with credentials of ${inputs.registryId} to declare templates there`);
    }
    return templates;
}
/**
 * The templates phase: warnings first, then create, update, delete as planned; then the existing
 * repositories under each declared template that differ from it, listed, or brought in line with
 * apply-to-existing. Runs before the rules and the warming, so repositories created from here on get it.
 */
async function applyTemplates(ecr, inputs, existing) {
    const { templates: declared, warnings, applyToExisting } = inputs.templates;
    for (const warning of warnings)
        core/* warning */.$e(warning);
    const rulePrefixes = inputs.rules.map(rule => rule.prefix);
    const actions = planTemplateChanges(declared, existing, inputs.prune, rulePrefixes);
    const reports = [];
    for (const step of actions)
        reports.push(await applyTemplateAction(ecr, step));
    const standing = standingTemplates(declared, existing, actions).map(t => t.prefix);
    const differing = await differingRepositories(ecr, inputs, standing);
    for (const report of reports) {
        report.differing = differing.get(report.prefix) ?? [];
        if (report.differing.length === 0 || report.action === 'deleted')
            continue;
        for (const repository of report.differing) {
            const fixed = repository.fixed ? ` → brought in line: ${repository.fixed.join('; ')}` : '';
            info(`  ${repository.repository}: ${repository.differences.join('; ')}${fixed}`);
        }
        if (applyToExisting && report.prefix === 'ROOT') {
            core/* warning */.$e(`Template ROOT covers every repository no other template does: apply-to-existing leaves the ` +
                `${report.differing.length} that differ from it as they are (${report.differing.map(r => r.repository).join(', ')})`);
        }
        else if (!applyToExisting) {
            core/* warning */.$e(`Template ${report.prefix} applies only to repositories created after it: ${report.differing.length} ` +
                `existing ${report.differing.length === 1 ? 'repository differs' : 'repositories differ'} from it ` +
                `(${report.differing.map(r => r.repository).join(', ')}); apply-to-existing: true brings them in line`);
        }
    }
    return reports;
}
async function applyTemplateAction(ecr, step) {
    switch (step.action) {
        case 'delete':
            await deleteCreationTemplate(ecr, step.prefix);
            info(`template ${step.prefix}: deleted (not declared, prune is true)`);
            return { prefix: step.prefix, appliedFor: step.appliedFor, action: 'deleted', differing: [] };
        case 'spare':
            info(`template ${step.prefix}: not declared, kept: it applies to ${step.appliedFor.join(', ') || 'nothing'}, ` +
                'which no declared template does');
            return { prefix: step.prefix, appliedFor: step.appliedFor, action: 'kept (not pruned)', differing: [] };
        case 'create':
            await createCreationTemplate(ecr, step.template);
            break;
        case 'update':
            await updateCreationTemplate(ecr, step.template);
            break;
        case 'keep':
            break;
    }
    const { template } = step;
    const changes = step.action === 'update' ? step.changes : undefined;
    const action = { create: 'created', update: 'updated', keep: 'unchanged' }[step.action];
    info(`template ${template.prefix} (${template.appliedFor.join(', ')}): ${action}${changes ? `: ${changes.join(', ')}` : ''}`);
    return { prefix: template.prefix, appliedFor: template.appliedFor, action, changes, differing: [] };
}
/** The templates as they now stand: the declared ones, and the others unless prune deleted them. */
function standingTemplates(declared, existing, actions) {
    const deleted = new Set(actions.flatMap(a => (a.action === 'delete' ? [a.prefix] : [])));
    return [
        ...declared,
        ...existing
            .map(templateFromEcr)
            .filter(t => !deleted.has(t.prefix) && !declared.some(d => d.prefix === t.prefix))
    ];
}
/** The `templates` output: policies as JSON objects rather than text within text. */
function templatesOutput(declared, existing, prune, rulePrefixes = []) {
    if (!existing)
        return '[]';
    const standing = standingTemplates(declared, existing, planTemplateChanges(declared, existing, prune, rulePrefixes));
    const document = (text) => {
        if (text === undefined)
            return undefined;
        try {
            return parseJson(text);
        }
        catch {
            return text;
        }
    };
    return JSON.stringify(standing.map(t => ({
        ...t,
        lifecyclePolicy: document(t.lifecyclePolicy),
        repositoryPolicy: document(t.repositoryPolicy)
    })));
}
/**
 * Per declared template prefix, the existing repositories ECR would have given that template (the
 * longest standing prefix they lie under, else ROOT) whose settings differ from it. Listing needs
 * ecr:DescribeRepositories and the policy reads: without apply-to-existing a denial there is a warning
 * (the templates are in place; only the list is missing), with it a failure.
 */
async function differingRepositories(ecr, inputs, standing) {
    const result = new Map();
    const { templates: declared, applyToExisting } = inputs.templates;
    const checked = declared.filter(comparable);
    if (checked.length === 0)
        return result;
    try {
        const repositories = await describeAllRepositories(ecr, inputs.registryId);
        const limit = (0,p_limit/* default */.A)(READ_CONCURRENCY);
        const found = await Promise.all(repositories.map(repository => limit(async () => {
            const prefix = templateFor(repository.repositoryName ?? '', standing);
            const template = checked.find(t => t.prefix === prefix);
            if (!template)
                return undefined;
            return compareRepository(ecr, template, repository, applyToExisting);
        })));
        for (const entry of found) {
            if (!entry)
                continue;
            result.set(entry.prefix, [...(result.get(entry.prefix) ?? []), entry.differing]);
        }
        for (const list of result.values())
            list.sort((a, b) => a.repository.localeCompare(b.repository));
    }
    catch (error) {
        if (applyToExisting)
            throw error;
        core/* warning */.$e(`Could not list the existing repositories under the templates' prefixes: ${(0,common_errors/* messageOf */.bD)(error)}`);
    }
    return result;
}
async function compareRepository(ecr, template, repository, applyToExisting) {
    const ref = { name: repository.repositoryName ?? '', registryId: repository.registryId };
    const current = {
        lifecyclePolicy: template.lifecyclePolicy ? await getLifecyclePolicyText(ecr, ref) : undefined,
        repositoryPolicy: template.repositoryPolicy ? await getRepositoryPolicyText(ecr, ref) : undefined
    };
    const drift = repositoryDrift(template, repository, current);
    const differences = Object.values(drift).filter((d) => d !== undefined);
    if (differences.length === 0)
        return undefined;
    const differing = { repository: ref.name, differences };
    // ROOT covers every repository no other template does: never rewrite them all; list them only.
    if (applyToExisting && template.prefix !== 'ROOT')
        differing.fixed = await bringInLine(ecr, template, repository, drift);
    return { prefix: template.prefix, differing };
}
/** apply-to-existing: the repository's mutability, lifecycle policy and repository policy set as the template's. */
async function bringInLine(ecr, template, repository, drift) {
    const ref = { name: repository.repositoryName ?? '', registryId: repository.registryId };
    const fixed = [];
    if (drift.mutability) {
        fixed.push(...(await applyRepositorySettings(ecr, repository, {
            tagMutability: template.tagMutability,
            tagMutabilityExclusions: template.tagMutabilityExclusions
        })));
    }
    if (drift.lifecyclePolicy && template.lifecyclePolicy) {
        await applyLifecyclePolicy(ecr, ref, template.lifecyclePolicy);
        fixed.push('lifecycle policy put');
    }
    if (drift.repositoryPolicy && template.repositoryPolicy) {
        await applyRepositoryPolicy(ecr, ref, parseJson(template.repositoryPolicy));
        fixed.push('repository policy set');
    }
    return fixed;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/pull-through-cache/base-images.ts

/** Docker Hub answers to several names; images name it docker.io or nothing. */
const DOCKER_HUB = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
const registryOf = (host) => (DOCKER_HUB.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase());
/**
 * Pure: the cache repository a base image is pulled through, by the rule whose upstream serves its
 * registry (an image with no registry is Docker Hub's, and an official one lives under `library/`); a
 * string saying why when no rule serves it.
 */
function routeBaseImage(image, rules) {
    const parsed = parseReference(image, { domain: 'allowed' });
    if (typeof parsed === 'string')
        return `not an image reference: ${parsed}`;
    const registry = registryOf(parsed.domain ?? 'docker.io');
    const official = registry === 'docker.io' && !parsed.repository.includes('/');
    const path = official ? `library/${parsed.repository}` : parsed.repository;
    const candidates = rules
        .filter(rule => registryOf(rule.upstreamUrl.replace(/^https?:\/\//, '')) === registry)
        // ECR reports the default upstream prefix as ROOT: the upstream's whole namespace.
        .map(rule => (rule.upstreamPrefix === 'ROOT' ? { ...rule, upstreamPrefix: undefined } : rule));
    const rule = candidates
        .filter(r => !r.upstreamPrefix || path.startsWith(`${r.upstreamPrefix}/`))
        .sort((a, b) => (b.upstreamPrefix?.length ?? 0) - (a.upstreamPrefix?.length ?? 0))[0];
    if (!rule)
        return `no pull-through-cache rule caches ${registry}`;
    const cachePath = rule.upstreamPrefix ? path.slice(rule.upstreamPrefix.length + 1) : path;
    return {
        input: image,
        repository: rule.prefix === 'ROOT' ? cachePath : `${rule.prefix}/${cachePath}`,
        reference: parsed.digest ?? parsed.tag ?? 'latest',
        rewritten: official
    };
}
/** `<host>/<repository>:<tag>` or `…@<digest>`: the cache reference a build pulls. */
function cacheReference(host, target) {
    return `${host}/${target.repository}${target.reference.startsWith('sha256:') ? '@' : ':'}${target.reference}`;
}
/**
 * The `build-contexts` lines, exactly as docker/build-push-action's input and `docker buildx build
 * --build-context` take them: `<image as written in FROM>=docker-image://<cache reference>`, once each.
 */
function buildContextLines(host, routed) {
    const lines = new Map();
    for (const { image, target } of routed)
        if (!lines.has(image))
            lines.set(image, `${image}=docker-image://${cacheReference(host, target)}`);
    return [...lines.values()];
}
/**
 * The Dockerfile with each routed FROM pointing at the cache (flags and stage names kept), for a classic
 * `docker build -f`. Only the line a FROM starts on is rewritten, and only where the image word stands on
 * it; the FROMs left as they were (an image on a continuation line) are returned, to be said.
 */
function rewriteDockerfile(text, routes) {
    const lines = text.split('\n');
    const unchanged = [];
    for (const { from, reference } of routes) {
        const index = from.line - 1;
        const line = lines[index] ?? '';
        const at = new RegExp(`^(\\s*from\\s+(?:--\\S+\\s+)*)${escapeRegExp(from.written)}(?=\\s|\\\\|$)`, 'i');
        const rewritten = line.replace(at, (_match, head) => `${head}${reference}`);
        if (rewritten === line)
            unchanged.push(from);
        lines[index] = rewritten;
    }
    return { text: lines.join('\n'), unchanged };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/pull-through-cache/warm-from.ts








/** Dockerfiles are text of a few KiB; more is not a Dockerfile. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;
const MAX_DOCKERFILES = 100;
/**
 * Reads the Dockerfiles `warm-from` names (paths or globs, relative to the workspace; `!` excludes),
 * each confined to the workspace, capped, and read before anything changes.
 */
async function readDockerfiles(patterns) {
    // The Dockerfile parser (dockerfile-ast) is loaded by a run that reads Dockerfiles only.
    const { readDockerfile } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 8768));
    const root = workspaceRoot();
    const anchored = patterns.map(pattern => {
        const negated = pattern.startsWith('!');
        const body = negated ? pattern.slice(1) : pattern;
        return `${negated ? '!' : ''}${(0,external_node_path_.isAbsolute)(body) ? body : (0,external_node_path_.join)(root, body)}`;
    });
    const { create } = await __webpack_require__.e(/* import() */ 427).then(__webpack_require__.bind(__webpack_require__, 4427));
    const globber = await create(anchored.join('\n'), {
        followSymbolicLinks: false,
        implicitDescendants: false,
        matchDirectories: false
    });
    const files = [...new Set(await globber.glob())].sort();
    if (files.length === 0)
        throw new common_errors/* InputError */.dz(Input.warmFrom, `${(0,common_errors/* quote */.hD)(patterns.join(', '))} matches no file in the workspace (${root})`);
    if (files.length > MAX_DOCKERFILES)
        throw new common_errors/* InputError */.dz(Input.warmFrom, `matches ${files.length} files: at most ${MAX_DOCKERFILES} Dockerfiles`);
    return files.map(file => {
        try {
            const path = (0,external_node_path_.relative)(root, file);
            const text = readFileInside(file, root, MAX_DOCKERFILE_BYTES).toString('utf8');
            return { path, text, read: readDockerfile(text, path) };
        }
        catch (error) {
            if (error instanceof FileReadError)
                throw new common_errors/* InputError */.dz(Input.warmFrom, error.message);
            throw error;
        }
    });
}
/** Pure: each Dockerfile's FROM lines, routed to the rule caching their registry. */
function routeDockerfiles(files, rules) {
    return files.map(({ path, text, read }) => {
        return {
            path,
            text,
            warnings: read.warnings,
            bases: read.bases.map(from => {
                const routed = routeBaseImage(from.image, rules);
                return typeof routed === 'string' ? { from, reason: routed } : { from, target: routed };
            })
        };
    });
}
/** The warm targets of every routed base image (the caller warms each once). */
function baseWarmTargets(files) {
    return files.flatMap(file => file.bases.flatMap(({ target }) => (target ? [target] : [])));
}
/** `build-contexts`: every routed base image of every Dockerfile. */
function buildContexts(host, files) {
    return buildContextLines(host, files.flatMap(file => file.bases.flatMap(b => (b.target ? [{ image: b.from.image, target: b.target }] : []))));
}
/**
 * Writes each Dockerfile with its routed FROM lines pointing at the cache into RUNNER_TEMP, for a classic
 * `docker build -f`; returns their paths in the order of the files.
 */
async function writeRewrittenDockerfiles(host, files) {
    const dir = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `ecr-deliver-dockerfiles-${Date.now()}`);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const paths = [];
    for (const [index, file] of files.entries()) {
        const routes = file.bases.flatMap(b => b.target ? [{ from: b.from, reference: cacheReference(host, b.target) }] : []);
        const path = (0,external_node_path_.join)(dir, `${index + 1}-${file.path.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
        const rewritten = rewriteDockerfile(file.text, routes);
        for (const from of rewritten.unchanged)
            core/* warning */.$e(`warm-from: ${file.path}:${from.line}: FROM ${from.image} spans lines: the rewritten Dockerfile still pulls it from upstream (build-contexts routes it)`);
        await (0,promises_.writeFile)(path, rewritten.text);
        paths.push(path);
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/pull-through-cache/main.ts




















const WARM_CONCURRENCY = 4;
// A credential's values come from the step's `env:`, where GitHub passes a secret's bytes unchanged.
const environment = (name) => process.env[name];
/**
 * The pull-through-cache action, in phases: read the inputs, log in (to learn the registry's account),
 * read the rules (and the creation templates, when any are declared) there are and check the warm
 * references against them, upsert the templates, upsert and validate the rules, warm the images, report.
 */
async function run() {
    // The region comes from the environment or profile: no call is made for it.
    const region = await resolveRegion(createEcrClient(undefined, endpoints/* DEFAULT_ENDPOINT */.mP));
    const inputs = parseCacheInputs(name => core/* getInput */.V4(name), { region, env: environment });
    refuseEndpoints(inputs, region, process.env);
    const ecr = createEcrClient(region, inputs.endpoint);
    // The Dockerfiles are read (and refused when missing or outside the workspace) before any call.
    const dockerfiles = inputs.warmFrom.length > 0 ? await readDockerfiles(inputs.warmFrom) : [];
    const { login, declared } = await logIn(ecr, inputs, region);
    // Read-only calls and every check first: a bad warm reference must fail before any rule changes.
    const existing = declared.length > 0 || inputs.warm.length > 0 || inputs.prune || dockerfiles.length > 0
        ? await listCacheRules(ecr, inputs.registryId)
        : [];
    const existingTemplates = await readTemplates(ecr, inputs);
    const bases = routeDockerfiles(dockerfiles, routeRules(declared, existing));
    reportBaseImages(bases);
    const targets = uniqueTargets([...warmTargets(inputs.warm, declared, existing), ...baseWarmTargets(bases)]);
    if (declared.some(rule => rule.credentialValues))
        await core/* group */.Os('Upstream credentials', () => ensureCredentials(declared, region, inputs));
    const actions = planRuleChanges(declared, existing, inputs.prune);
    // Templates before rules and warming: a template applies only to repositories created after it.
    const templateReports = existingTemplates
        ? await core/* group */.Os('Repository creation templates', () => applyTemplates(ecr, inputs, existingTemplates))
        : [];
    const reports = await core/* group */.Os('Pull-through-cache rules', () => applyRules(ecr, actions, inputs.registryId));
    const results = targets.length > 0 ? await core/* group */.Os('Warm images', () => warmAll(ecr, inputs, login, targets)) : [];
    core/* setOutput */.uH(Output.rules, JSON.stringify(standingRules(declared, existing, inputs.prune)));
    core/* setOutput */.uH(Output.images, results.map(r => `${login.host}/${r.target.repository}:${r.target.reference}`).join('\n'));
    core/* setOutput */.uH(Output.imageDigests, results.map(r => r.digest ?? '').join('\n'));
    core/* setOutput */.uH(Output.templates, templatesOutput(inputs.templates.templates, existingTemplates, inputs.prune, inputs.rules.map(rule => rule.prefix)));
    if (dockerfiles.length > 0) {
        core/* setOutput */.uH(Output.buildContexts, buildContexts(login.host, bases).join('\n'));
        core/* setOutput */.uH(Output.dockerfile, (await writeRewrittenDockerfiles(login.host, bases)).join('\n'));
    }
    await writeCacheSummary(reports, results, login.host, templateReports, bases);
    const invalid = reports.filter(r => r.valid === false);
    const failed = results.filter(r => r.status === 'failed');
    if (invalid.length > 0 || failed.length > 0) {
        const problems = [
            ...invalid.map(r => `rule ${r.prefix} is not valid: ${r.failure ?? 'no reason given'}`),
            ...failed.map(r => `${r.target.input} could not be warmed: ${r.message ?? 'unknown error'}`)
        ];
        throw new common_errors/* ActionError */.lZ(problems.join('; '));
    }
}
/** The registry's login, and the rules with their credential ARNs in the registry's account. */
async function logIn(ecr, inputs, region) {
    const { registryId } = inputs;
    const [login] = await getRegistryLogins(ecr, registryId ? [registryId] : [], inputs.endpoint);
    const accountId = registryId ?? accountOfHost(login.host);
    if (!accountId)
        throw new common_errors/* ActionError */.lZ(`Cannot tell the registry's account from ${login.host}: set registry-id`);
    // Checked once already; now the credential ARNs get (and are compared with) the registry's account.
    const declared = registryId
        ? inputs.rules
        : parseCacheRules(inputs.rulesText, { accountId, region }, environment);
    return { login, declared };
}
/** Each warm reference against the declared rules and the ones already there; the library/ rewrite logged. */
function warmTargets(warm, declared, existing) {
    const views = [
        ...declared.map(rule => ({ prefix: rule.prefix, upstream: rule.upstream })),
        ...existing
            .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix))
            .map(rule => ({ prefix: rule.ecrRepositoryPrefix ?? '', upstream: rule.upstreamRegistry ?? '' }))
    ];
    const targets = warm.map(reference => resolveWarmTarget(reference, views));
    for (const target of targets.filter(t => t.rewritten)) {
        info(`${target.input} → ${target.repository}:${target.reference} (Docker Hub official images live under library/)`);
    }
    return targets;
}
async function warmAll(ecr, inputs, login, targets) {
    const registry = new RegistryClient({
        endpoint: login.endpoint,
        basicToken: login.token,
        stallTimeoutMs: inputs.stallTimeoutMs,
        ...registryHooks
    });
    const deadline = Date.now() + inputs.warmTimeoutMs;
    const limit = (0,p_limit/* default */.A)(WARM_CONCURRENCY);
    return Promise.all(targets.map(target => limit(async () => {
        const cachedBefore = await imageExists(ecr, target.repository, target.reference, inputs.registryId);
        const result = await warmImage(registry, target, { deadline, cachedBefore });
        info(`${target.input}: ${result.status}${result.digest ? ` ${result.digest}` : ''}` +
            (result.message ? ` (${result.message})` : ''));
        return result;
    })));
}
/** The rules as they now stand: the declared ones, and the others unless prune deleted them. */
function standingRules(declared, existing, prune) {
    return [
        // The credential's values stay out of the output: the rule names its secret's ARN.
        ...declared.map(({ credentialValues: _values, ...rule }) => rule),
        ...existing
            .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix) && !prune)
            .map(rule => ({
            prefix: rule.ecrRepositoryPrefix,
            upstream: rule.upstreamRegistry,
            upstreamUrl: rule.upstreamRegistryUrl,
            credentialArn: rule.credentialArn,
            upstreamPrefix: rule.upstreamRepositoryPrefix,
            roleArn: rule.customRoleArn
        }))
    ];
}
async function applyRules(ecr, actions, registryId) {
    const reports = [];
    for (const step of actions) {
        if (step.action === 'delete') {
            await deleteCacheRule(ecr, step.prefix, registryId);
            info(`${step.prefix}: deleted (not declared, prune is true)`);
            reports.push({ prefix: step.prefix, action: 'deleted' });
            continue;
        }
        const { rule } = step;
        if (step.action === 'create')
            await createCacheRule(ecr, rule, registryId);
        if (step.action === 'update')
            await updateCacheRule(ecr, rule, registryId);
        if (step.action === 'replace') {
            await deleteCacheRule(ecr, rule.prefix, registryId);
            await createCacheRule(ecr, rule, registryId);
        }
        const detail = 'changes' in step ? `: ${step.changes.join(', ')}` : '';
        info(`${rule.prefix} → ${rule.upstreamUrl}: ${step.action}${detail}`);
        const validation = await validateCacheRule(ecr, rule.prefix, registryId);
        reports.push({
            prefix: rule.prefix,
            upstream: rule.upstreamUrl,
            action: step.action === 'keep' ? 'unchanged' : `${step.action}d`,
            valid: validation.valid,
            failure: validation.failure
        });
    }
    return reports;
}
/** Whether ECR had the image before this pull; any doubt counts as "not yet". */
async function imageExists(ecr, repository, reference, registryId) {
    const imageId = reference.startsWith('sha256:') ? { imageDigest: reference } : { imageTag: reference };
    try {
        const { imageDetails } = await ecr.send(new dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName: repository, registryId, imageIds: [imageId] }));
        return (imageDetails ?? []).length > 0;
    }
    catch {
        return false;
    }
}
/** The rules as routing base images needs them: the declared ones, and the others there are. */
function routeRules(declared, existing) {
    return [
        ...declared.map(rule => ({
            prefix: rule.prefix,
            upstreamUrl: rule.upstreamUrl,
            upstreamPrefix: rule.upstreamPrefix
        })),
        ...existing
            .filter(rule => !declared.some(d => d.prefix === rule.ecrRepositoryPrefix))
            .map(rule => ({
            prefix: rule.ecrRepositoryPrefix ?? '',
            upstreamUrl: rule.upstreamRegistryUrl ?? '',
            upstreamPrefix: rule.upstreamRepositoryPrefix || undefined
        }))
    ];
}
/** Where each FROM goes; an image no rule caches is listed, not an error; an unreadable FROM is a warning. */
function reportBaseImages(files) {
    for (const file of files) {
        for (const warning of file.warnings)
            core/* warning */.$e(`warm-from: ${warning}`);
        for (const { from, target, reason } of file.bases) {
            info(target
                ? `${file.path}:${from.line}: ${from.image} → ${target.repository}:${target.reference}`
                : `${file.path}:${from.line}: ${from.image}: not through the cache (${reason})`);
        }
    }
}
/** Warm targets once each (a warm line and a FROM may name the same image). */
function uniqueTargets(targets) {
    const seen = new Set();
    return targets.filter(target => {
        const key = `${target.repository}:${target.reference}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Rules that give their credential's values: the secret made to hold them (created, or a new version only
 * when they differ), and the rule pointed at its ARN. Secrets Manager is loaded only then.
 */
async function ensureCredentials(declared, region, inputs) {
    const { createSecretsClient, ensureCredentialSecret } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 407));
    const client = await createSecretsClient(region, inputs.endpoint);
    for (const rule of declared) {
        if (!rule.credentialValues)
            continue;
        const { arn, change } = await ensureCredentialSecret(client, rule.credentialValues);
        rule.credentialArn = arn;
        info(`${rule.prefix}: credential secret ${rule.credentialValues.secretName} ${change}`);
    }
}


/***/ })

};
