export const id = 50;
export const ids = [50];
export const modules = {

/***/ 4857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oQ: () => (/* binding */ connections)
});

// UNUSED EXPORTS: Connections, PROXY_REFUSED, PROXY_UNAVAILABLE, ProxyError, proxyRefusal, tunnelTlsOptions

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/common/proxy.ts

/**
 * Which proxy a URL goes through, decided from HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl reads them.
 * Pure: the environment comes in as a value, nothing is printed or masked here (connections.ts does that).
 *
 * Why not proxy-from-env: it reads process.env only, cannot say which variable a proxy came from (our
 * errors name it), treats a NO_PROXY entry `example.com` as that host alone where curl, Go and Python
 * also match its subdomains, and has no CIDR entries.
 */
/** The variables, lowercase first: when both spellings are set the lowercase one wins, as in curl. */
const VARIABLES = {
    'https:': ['https_proxy', 'HTTPS_PROXY'],
    'http:': ['http_proxy', 'HTTP_PROXY']
};
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'];
/** A proxy variable that cannot be used, named with the rule it breaks. */
class ProxyConfigError extends Error {
    variable;
    constructor(variable, rule) {
        super(`Environment variable ${variable}: ${rule}`);
        this.variable = variable;
        this.name = 'ProxyConfigError';
    }
}
/** Pure: reads the proxy variables of an environment. Throws a ProxyConfigError for one it cannot use. */
function readProxySettings(env) {
    const proxies = {};
    for (const [scheme, names] of Object.entries(VARIABLES)) {
        const variable = names.find(name => env[name]?.trim());
        if (variable)
            proxies[scheme] = parseProxyUrl(variable, env[variable].trim());
    }
    const noProxyVariable = NO_PROXY_VARIABLES.find(name => env[name]?.trim());
    return { proxies, noProxy: noProxyVariable ? parseNoProxy(env[noProxyVariable]) : [] };
}
/** Pure: a proxy URL; without a scheme it is `http://`, as curl reads it. */
function parseProxyUrl(variable, value) {
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        // Not the value: it may hold a password.
        throw new ProxyConfigError(variable, 'is not a URL (expected http://[user:password@]host:port)');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new ProxyConfigError(variable, `the scheme ${url.protocol.slice(0, 16)}// is not supported: use an http:// or https:// proxy`);
    if (!url.hostname)
        throw new ProxyConfigError(variable, 'names no host');
    const username = decodeComponent(variable, url.username);
    const password = decodeComponent(variable, url.password);
    const secrets = [url.password, password].filter(Boolean);
    let authorization;
    if (url.username || url.password) {
        authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
        secrets.push(authorization.slice('Basic '.length));
    }
    const bare = new URL(`${url.protocol}//${url.host}`);
    const port = bare.port || (bare.protocol === 'https:' ? '443' : '80');
    return {
        url: bare,
        display: `${bare.hostname}:${port}`,
        variable,
        ...(authorization ? { authorization } : {}),
        secrets: [...new Set(secrets)]
    };
}
function decodeComponent(variable, value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        throw new ProxyConfigError(variable, 'the credentials in the URL are not valid percent-encoding');
    }
}
/**
 * Pure: NO_PROXY entries, separated by commas or spaces: `*` (everything), a host (itself and its
 * subdomains), `.suffix` or `*.suffix` (the same: the leading dot or star is dropped, as curl does), an IP
 * address or CIDR block (v4 or v6, v6 bracketed when a port follows), each with an optional `:port`.
 */
function parseNoProxy(value) {
    const rules = [];
    for (const raw of value.toLowerCase().split(/[\s,]+/)) {
        if (!raw)
            continue;
        if (raw === '*') {
            rules.push({ kind: 'all' });
            continue;
        }
        const { host, port } = splitPort(raw);
        // An entry whose port is out of range matches nothing, rather than every port.
        if (Number.isNaN(port))
            continue;
        const ip = ipRule(host);
        if (ip)
            rules.push({ kind: 'ip', addresses: ip, ...(port ? { port } : {}) });
        else {
            const domain = host.replace(/^\*?\.+/, '').replace(/\.$/, '');
            if (domain)
                rules.push({ kind: 'domain', domain, ...(port ? { port } : {}) });
        }
    }
    return rules;
}
/** `[v6]:port`, `host:port`, or no port (a bare IPv6 address has several colons and no port); NaN for a bad port. */
function splitPort(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { host: bracketed[1], ...portOf(bracketed[2]) };
    const withPort = /^([^:]+):(\d+)$/.exec(entry);
    if (withPort)
        return { host: withPort[1], ...portOf(withPort[2]) };
    return { host: entry };
}
/** No port, a port, or NaN for one out of range. */
function portOf(text) {
    if (text === undefined)
        return {};
    const port = Number(text);
    return { port: port > 0 && port < 65536 ? port : NaN };
}
/** An address or a CIDR block as a BlockList, or undefined when the entry is a host name. */
function ipRule(host) {
    const [address, prefix, extra] = host.split('/');
    const family = (0,external_node_net_.isIP)(address ?? '');
    if (!family || extra !== undefined)
        return undefined;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const list = new external_node_net_.BlockList();
    if (prefix === undefined) {
        list.addAddress(address, type);
        return list;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
        return undefined;
    list.addSubnet(address, bits, type);
    return list;
}
/** Pure: whether NO_PROXY sends a request to this host and port direct. Host names are not resolved. */
function bypassesProxy(rules, hostname, port) {
    const host = hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
    const family = (0,external_node_net_.isIP)(host);
    return rules.some(rule => {
        if (rule.kind === 'all')
            return true;
        if (rule.port !== undefined && rule.port !== port)
            return false;
        if (rule.kind === 'ip')
            return family !== 0 && rule.addresses.check(host, family === 4 ? 'ipv4' : 'ipv6');
        return family === 0 && (host === rule.domain || host.endsWith(`.${rule.domain}`));
    });
}
/** Pure: the proxy a request to `target` goes through, or undefined for a direct connection. */
function proxyFor(settings, target) {
    const proxy = settings.proxies[target.protocol];
    if (!proxy)
        return undefined;
    const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
    return bypassesProxy(settings.noProxy, target.hostname, port) ? undefined : proxy;
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/http-proxy-agent/dist/index.js
var dist = __webpack_require__(8947);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js + 1 modules
var https_proxy_agent_dist = __webpack_require__(1566);
;// CONCATENATED MODULE: ./src/common/proxy-agents.ts




// The proxy agents (TooTallNate's, with a bound on connecting and refusals said as ProxyErrors) and the
// errors a proxy gives; connections.ts decides which agent a request takes.
/** Codes of a ProxyError besides the socket's own. */
const PROXY_REFUSED = 'EPROXYREFUSED';
/** The proxy could not reach the target for now (502, 503, 504): worth another try, like a dropped connection. */
const PROXY_UNAVAILABLE = 'EPROXYUNAVAILABLE';
/**
 * The proxy failed us: unreachable, or it refused the request. Names the proxy (`host:port`) and its
 * variable only: the endpoint itself, which holds the credentials, is not kept (inspecting the error prints
 * its fields).
 */
class ProxyError extends Error {
    code;
    /** The AWS SDK's retry trait: set when the SDK should try again. */
    $retryable;
    constructor(proxy, 
    /** The socket's code for a connection failure, PROXY_UNAVAILABLE or PROXY_REFUSED for an answer. */
    code, detail, options) {
        super(`proxy ${proxy.display} (from ${proxy.variable}): ${detail}`, options);
        this.code = code;
        this.name = 'ProxyError';
        if (code === PROXY_UNAVAILABLE)
            this.$retryable = {};
    }
}
/**
 * The error for a proxy that answered with a status (407, 403, 502…) instead of carrying the request.
 * 401 counts as a refused password too: tinyproxy answers a wrong one so (RFC 9110 says 407).
 */
function proxyRefusal(proxy, status, target) {
    const detail = status === 407 || status === 401
        ? proxy.authorization
            ? `refused the credentials in the proxy URL (HTTP ${status})`
            : `requires credentials (HTTP ${status}): put them in the proxy URL, http://user:password@host:port`
        : `answered HTTP ${status} instead of connecting to ${target}`;
    const transient = status === 502 || status === 503 || status === 504;
    return new ProxyError(proxy, transient ? PROXY_UNAVAILABLE : PROXY_REFUSED, detail);
}
/**
 * Opens the connection to the proxy within a bound, turning a failure into a ProxyError that keeps the
 * socket's code (so the one retry layer treats it as any dropped connection) and names the proxy, not the
 * target. The library opens its socket synchronously from `connectOpts`: an abort signal put there for that
 * one call lets the bound close a socket nobody else could reach.
 */
async function throughProxy(proxy, agent, timeoutMs, connect) {
    const abort = new AbortController();
    const shared = agent.connectOpts;
    agent.connectOpts = { ...shared, signal: abort.signal };
    let connecting;
    try {
        connecting = connect();
    }
    finally {
        agent.connectOpts = shared;
    }
    let timedOut = false;
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            timedOut = true;
            abort.abort();
            reject(new ProxyError(proxy, 'ETIMEDOUT', `no connection within ${formatMs(timeoutMs)}`));
        }, timeoutMs);
    });
    // A connection that opens after the bound is closed; a failure after it is not left unhandled.
    connecting.then(socket => timedOut && socket.destroy(), () => { });
    try {
        return await Promise.race([connecting, timeout]);
    }
    catch (error) {
        if (error instanceof ProxyError)
            throw error;
        const code = error?.code ?? 'ECONNRESET';
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProxyError(proxy, code, `could not connect: ${reason}`, { cause: error });
    }
    finally {
        clearTimeout(timer);
    }
}
const formatMs = (ms) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
/** Credentials go as a header, not in the URL: the libraries' debug output prints the URL. */
const proxyHeaders = (endpoint) => endpoint.authorization ? { 'Proxy-Authorization': endpoint.authorization } : {};
/** https targets: a CONNECT tunnel; a status other than 200 is a refusal, not the target's answer. */
class TunnelAgent extends https_proxy_agent_dist/* HttpsProxyAgent */.b {
    endpoint;
    timeoutMs;
    constructor(endpoint, timeoutMs) {
        super(endpoint.url.href, { keepAlive: true, headers: proxyHeaders(endpoint) });
        this.endpoint = endpoint;
        this.timeoutMs = timeoutMs;
    }
    async connect(request, options) {
        let status;
        request.once('proxyConnect', (answer) => (status = answer.statusCode));
        const tls = tunnelTlsOptions(options);
        const socket = await throughProxy(this.endpoint, this, this.timeoutMs, () => super.connect(request, tls));
        if (status !== undefined && status !== 200) {
            socket.destroy();
            throw proxyRefusal(this.endpoint, status, `${options.host}:${options.port}`);
        }
        return socket;
    }
}
/**
 * The TLS options for the connection through a tunnel. For a target named by IP address the library drops
 * the host (an IP is no SNI name), and node would then check the certificate against `localhost`: check
 * it against the address instead.
 */
function tunnelTlsOptions(options) {
    const host = options.host;
    if (!options.secureEndpoint || !host || !(0,external_node_net_.isIP)(host))
        return options;
    return { ...options, checkServerIdentity: (_name, cert) => (0,external_node_tls_.checkServerIdentity)(host, cert) };
}
/** http targets: absolute-URI requests to the proxy, as curl sends them. */
class ForwardAgent extends dist/* HttpProxyAgent */.s {
    endpoint;
    timeoutMs;
    constructor(endpoint, timeoutMs) {
        super(endpoint.url.href, { keepAlive: true, headers: proxyHeaders(endpoint) });
        this.endpoint = endpoint;
        this.timeoutMs = timeoutMs;
    }
    connect(request, options) {
        return throughProxy(this.endpoint, this, this.timeoutMs, () => super.connect(request, options));
    }
}

;// CONCATENATED MODULE: ./src/common/connections.ts







/**
 * Where every connection of the suite comes from: the registry client's transport asks `agentFor(url)`,
 * the AWS SDK clients get `sdkRequestHandler()`. Both decide by the same proxy settings, read once from
 * the environment (masking the proxy's password before anything is printed).
 *
 * Both the registry client and the SDK speak node:http(s), so one family of agents serves both: direct
 * keep-alive agents, and TooTallNate's proxy agents (CONNECT tunnels for https targets, absolute-URI
 * requests for http ones), which work alike on Node 20 and 24. undici's proxy agents would serve only
 * fetch, which nothing here uses.
 */
/**
 * A connection to the proxy that has not opened (for a tunnel: that the proxy has not answered CONNECT on)
 * in this long fails. Node bounds neither: a request's own timeout starts only once it has a socket.
 */
const PROXY_CONNECT_TIMEOUT_MS = 30_000;
let current;
/**
 * The connections of this process, from its environment. The first call reads and checks the proxy
 * variables and masks their secrets: `runAction` makes it before the action prints anything.
 */
function connections() {
    current ??= new Connections(readProxySettings(process.env), secret => core/* setSecret */.Pq(secret));
    return current;
}
class Connections {
    settings;
    connectTimeoutMs;
    direct = {
        'http:': new external_node_http_.Agent({ keepAlive: true }),
        'https:': new external_node_https_.Agent({ keepAlive: true })
    };
    viaProxy = new Map();
    constructor(settings, mask, connectTimeoutMs = PROXY_CONNECT_TIMEOUT_MS) {
        this.settings = settings;
        this.connectTimeoutMs = connectTimeoutMs;
        for (const proxy of Object.values(settings.proxies))
            for (const secret of proxy.secrets)
                mask(secret);
    }
    /** Whether any proxy variable is set (when none is, the SDK keeps its own default handler). */
    get proxied() {
        return Object.keys(this.settings.proxies).length > 0;
    }
    /** The proxy a request to this URL goes through, if any. */
    proxyFor(target) {
        return proxyFor(this.settings, target);
    }
    /** The agent for a URL: a proxy's (one per proxy and scheme, kept alive) or a direct keep-alive one. */
    agentFor(target) {
        const scheme = target.protocol === 'https:' ? 'https:' : 'http:';
        const proxy = this.proxyFor(target);
        if (!proxy)
            return this.direct[scheme];
        const key = `${scheme}${proxy.variable}`;
        let agent = this.viaProxy.get(key);
        if (!agent) {
            agent =
                scheme === 'https:'
                    ? new TunnelAgent(proxy, this.connectTimeoutMs)
                    : new ForwardAgent(proxy, this.connectTimeoutMs);
            this.viaProxy.set(key, agent);
        }
        return agent;
    }
    /** The request handler every AWS SDK client shares, or undefined to keep the SDK's own. */
    sdkRequestHandler() {
        if (!this.proxied)
            return undefined;
        // The SDK takes one agent per scheme; these pick per request, by the same decision as agentFor.
        return new ProxyAwareHttpHandler(this, {
            httpAgent: routingAgent(external_node_http_.Agent, this, 'http:'),
            httpsAgent: routingAgent(external_node_https_.Agent, this, 'https:')
        });
    }
}
/** The URL a request goes to, from the options node:http hands its agent. */
function targetOf(options, scheme) {
    const host = options.host ?? 'localhost';
    const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return new URL(`${scheme}//${bracketed}${options.port ? `:${options.port}` : ''}`);
}
/**
 * For the SDK: an agent of the right scheme (node:http checks its protocol and takes its default port) that
 * hands each request, synchronously as node:http itself would, to the agent `agentFor` picks. Synchronous
 * matters: a forward proxy's agent rewrites the request line and adds Proxy-Authorization before the
 * headers are written; handed over later, a request on a reused connection would go out unchanged.
 */
function routingAgent(base, routes, scheme) {
    const Routing = class extends base {
        addRequest(request, options) {
            const agent = routes.agentFor(targetOf(options, scheme));
            agent.addRequest(request, { ...options, secureEndpoint: scheme === 'https:' });
        }
    };
    return new Routing();
}
/**
 * A forward proxy's refusal arrives as the answer to the request itself: 407, or 401 with a challenge
 * (AWS APIs never send WWW-Authenticate; tinyproxy answers a wrong password so). The SDK gets a ProxyError.
 * Only for http targets: through a tunnel the proxy refuses the CONNECT (TunnelAgent), and an answer on
 * the request is the endpoint's own.
 */
class ProxyAwareHttpHandler extends dist_cjs.NodeHttpHandler {
    routes;
    constructor(routes, options) {
        super(options);
        this.routes = routes;
    }
    async handle(...args) {
        const [request] = args;
        const answer = await super.handle(...args);
        const { statusCode, headers } = answer.response;
        const refused = statusCode === 407 || (statusCode === 401 && 'www-authenticate' in headers);
        if (refused && request.protocol === 'http:') {
            const port = request.port ? `:${request.port}` : '';
            const target = new URL(`${request.protocol}//${request.hostname}${port}`);
            const proxy = this.routes.proxyFor(target);
            if (proxy) {
                ;
                answer.response.body?.destroy?.();
                throw proxyRefusal(proxy, statusCode, target.host);
            }
        }
        return answer;
    }
}


/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/**
 * Errors the user can act on. Everything that fails the step ends up in `runAction`
 * (src/common/run.ts), which turns it into exactly one `::error::` line.
 */
/** An input broke a rule. Raised while parsing, before anything is created or pushed. */
class InputError extends Error {
    input;
    rule;
    constructor(input, rule) {
        super(`Input "${input}": ${rule}`);
        this.input = input;
        this.rule = rule;
        this.name = 'InputError';
    }
}
/** A failure whose message already says what happened and what to do. */
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
    }
}
/** The message of anything thrown, whether or not it is an Error. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/**
 * A value from outside (an input, a file, a registry) for a message: in double quotes, with quotes,
 * backslashes and every control character escaped, so it stays on one line and cannot end the quote;
 * cut at `max` characters.
 */
function quote(value, max = 200) {
    const text = String(value);
    const cut = text.length > max ? `${text.slice(0, max)}…` : text;
    return JSON.stringify(cut);
}


/***/ })

};
