export const id = 852;
export const ids = [852];
export const modules = {

/***/ 7852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PUBLIC_API_REGION: () => (/* binding */ PUBLIC_API_REGION),
  PUBLIC_REGISTRY_HOST: () => (/* binding */ PUBLIC_REGISTRY_HOST),
  createEcrPublicClient: () => (/* binding */ createEcrPublicClient),
  ensurePublicRepository: () => (/* binding */ ensurePublicRepository),
  galleryUrl: () => (/* binding */ galleryUrl),
  getPublicLogin: () => (/* binding */ getPublicLogin),
  publicSdk: () => (/* binding */ publicSdk),
  removePublicImageTag: () => (/* binding */ removePublicImageTag)
});

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
// EXTERNAL MODULE: ./src/ecr/hosts.ts
var hosts = __webpack_require__(4045);
;// CONCATENATED MODULE: ./src/ecr/auth.ts





/**
 * Fetches registry credentials (for `registryIds`, or the caller's own registry when empty) and
 * registers the token and password as secrets before anything can print them. Throttling is retried by
 * the SDK's adaptive retry mode (awsClientConfig), the one retry layer of AWS calls. GetAuthorizationToken
 * names the IPv4 registry: its host is rewritten to the endpoint variant's (hosts.ts).
 */
async function getRegistryLogins(client, registryIds, endpoint, options = {}) {
    const command = new GetAuthorizationTokenCommand(registryIds.length > 0 ? { registryIds } : {});
    const response = await callAws('GetAuthorizationToken', () => client.send(command));
    const [first, ...rest] = (response.authorizationData ?? []).map(data => decodeAuthorization(data, endpoint, options.maskPassword ?? true));
    if (!first)
        throw new ActionError('GetAuthorizationToken returned no authorization data');
    return [first, ...rest];
}
function decodeAuthorization(data, endpoint, maskPassword) {
    if (!data.proxyEndpoint) {
        throw new ActionError('GetAuthorizationToken returned an authorization token without its registry');
    }
    let host;
    try {
        host = registryHostIn(registryHostOf(data.proxyEndpoint), endpoint);
    }
    catch (error) {
        throw new ActionError(`GetAuthorizationToken's registry: ${messageOf(error)}`);
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
        throw new errors/* ActionError */.lZ(`${call} returned an authorization token that is not username:password`);
    const password = decoded.slice(separator + 1);
    if (maskPassword)
        core/* setSecret */.Pq(password);
    return { host, endpoint: `https://${host}`, username: decoded.slice(0, separator), password, token };
}

// EXTERNAL MODULE: ./src/common/aws.ts
var aws = __webpack_require__(2064);
;// CONCATENATED MODULE: ./src/ecr/public-catalog.ts

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
            throw new InputError(inputNames[field], `at most ${TEXT_LIMITS[field]} characters (ECR Public's limit), got ${text.length}`);
    }
    const warnings = [];
    for (const field of ['architectures', 'operatingSystems']) {
        const list = catalog[field] ?? [];
        if (list.length > MAX_ITEMS)
            throw new InputError(inputNames[field], `at most ${MAX_ITEMS} names, got ${list.length}`);
        const long = list.find(name => name.length > MAX_ITEM_CHARS);
        if (long !== undefined)
            throw new InputError(inputNames[field], `each name at most ${MAX_ITEM_CHARS} characters`);
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

;// CONCATENATED MODULE: ./src/ecr/public.ts





/** ECR Public's API exists only in us-east-1, whatever AWS_REGION says. */
const PUBLIC_API_REGION = 'us-east-1';
const PUBLIC_REGISTRY_HOST = 'public.ecr.aws';
/** The ECR Public SDK, loaded only by a run that uses ECR Public (ncc puts it in a chunk of its own). */
const publicSdk = () => __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
/** The ECR Public client; a variant other than the default is refused before (ecr/endpoints.ts). */
async function createEcrPublicClient(endpoint) {
    const { ECRPUBLICClient } = await publicSdk();
    return new ECRPUBLICClient((0,aws/* awsClientConfig */.r)('ECR PUBLIC', PUBLIC_API_REGION, endpoint));
}
/** Credentials for public.ecr.aws; the token and password are masked before anything can print them. */
async function getPublicLogin(client, maskPassword) {
    const { GetAuthorizationTokenCommand } = await publicSdk();
    const { authorizationData } = await (0,ecr_errors/* callAws */.IY)('ecr-public GetAuthorizationToken', () => client.send(new GetAuthorizationTokenCommand({})));
    return loginFromToken(authorizationData?.authorizationToken ?? '', PUBLIC_REGISTRY_HOST, maskPassword, 'ecr-public GetAuthorizationToken');
}
/**
 * Makes sure the public repository exists, creating it with the catalog data when missing (a concurrent
 * creation counts as success). Returned in the private client's shape, which the push code takes.
 */
async function ensurePublicRepository(client, name, catalog, options) {
    const { CreateRepositoryCommand, DescribeRepositoriesCommand } = await publicSdk();
    const describe = () => (0,ecr_errors/* callAws */.IY)(`ecr-public DescribeRepositories ${name}`, async () => {
        try {
            const { repositories } = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
            return repositories?.[0];
        }
        catch (error) {
            if ((0,ecr_errors/* awsErrorName */.ZH)(error) === 'RepositoryNotFoundException')
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
        throw new errors/* ActionError */.lZ(`Public repository ${(0,errors/* quote */.hD)(name)} does not exist and create-repository is false`);
    }
    try {
        const { repository } = await client.send(new CreateRepositoryCommand({
            repositoryName: name,
            catalogData: hasCatalog(catalog) ? catalog : undefined
        }));
        if (!repository)
            throw new errors/* ActionError */.lZ(`ecr-public CreateRepository returned no repository for ${(0,errors/* quote */.hD)(name)}`);
        return { repository: toPrivateShape(repository), created: true, changes: [] };
    }
    catch (error) {
        if ((0,ecr_errors/* awsErrorName */.ZH)(error) === 'RepositoryAlreadyExistsException') {
            const raced = await describe();
            if (raced)
                return { repository: toPrivateShape(raced), created: false, changes: [] };
        }
        throw (0,ecr_errors/* explainAwsError */.Ni)(error, `ecr-public CreateRepository ${name}`);
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
    const { catalogData } = await (0,ecr_errors/* callAws */.IY)(`ecr-public GetRepositoryCatalogData ${name}`, () => client.send(new GetRepositoryCatalogDataCommand({ repositoryName: name })));
    const { changed, catalog } = catalogChanges(declared, catalogData ?? {});
    if (changed.length === 0)
        return [];
    await (0,ecr_errors/* callAws */.IY)(`ecr-public PutRepositoryCatalogData ${name}`, () => client.send(new PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: catalog })));
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
    const response = await (0,ecr_errors/* callAws */.IY)(`ecr-public BatchDeleteImage ${repositoryName}:${tag}`, () => client.send(new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageTag: tag }] })));
    const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound');
    if (failure) {
        throw new errors/* ActionError */.lZ(`ecr-public BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`);
    }
}


/***/ })

};
