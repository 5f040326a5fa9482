export const id = 851;
export const ids = [851,206];
export const modules = {

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanLambda: () => (/* binding */ scanLambda)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(370);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _scan_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5206);




const CONCURRENCY = 4;
/**
 * What Lambda runs or may roll back to in one region, for functions packaged as images: `$LATEST`, every
 * version an alias routes to (weighted routing included), and the `keepRevisions` newest published
 * versions. GetFunction gives the digest each runs (ResolvedImageUri) as well as the reference it was
 * created from.
 */
async function scanLambda(region, keepRevisions, endpoint, client = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .LambdaClient */ .Nox((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('Lambda', region, endpoint))) {
    const found = [];
    const functions = (await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanPages)('lambda:ListFunctions', region, (0,_aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .paginateListFunctions */ .fVs)({ client, pageSize: 50 }, {}), page => page.Functions)).filter(fn => fn.PackageType === 'Image' && fn.FunctionName);
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(CONCURRENCY);
    await Promise.all(functions.map(fn => limit(async () => {
        const name = fn.FunctionName;
        const why = new Map([['$LATEST', ['$LATEST']]]);
        const note = (version, reason) => why.set(version, [...(why.get(version) ?? []), reason]);
        const aliases = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanPages)('lambda:ListAliases', region, (0,_aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .paginateListAliases */ ._O$)({ client }, { FunctionName: name }), page => page.Aliases);
        for (const alias of aliases) {
            if (alias.FunctionVersion)
                note(alias.FunctionVersion, `alias ${alias.Name}`);
            for (const version of Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}))
                note(version, `alias ${alias.Name}, weighted`);
        }
        if (keepRevisions > 0) {
            const versions = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanPages)('lambda:ListVersionsByFunction', region, (0,_aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .paginateListVersionsByFunction */ .CE5)({ client }, { FunctionName: name }), page => page.Versions);
            versions
                .map(v => v.Version ?? '')
                .filter(v => /^\d+$/.test(v))
                .sort((a, b) => Number(b) - Number(a))
                .slice(0, keepRevisions)
                .forEach(version => note(version, `newest ${keepRevisions} versions`));
        }
        for (const [version, reasons] of why) {
            const { Code } = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanCall)('lambda:GetFunction', region, () => client.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .GetFunctionCommand */ .YF5({ FunctionName: name, Qualifier: version })));
            const where = `${name}${version === '$LATEST' ? '' : `:${version}`} (${reasons.join('; ')})`;
            const resolved = Code?.ResolvedImageUri;
            const digest = resolved?.includes('@') ? resolved.slice(resolved.lastIndexOf('@') + 1) : undefined;
            const image = Code?.ImageUri ?? resolved;
            if (image)
                found.push({ image, digest, source: 'lambda', where });
        }
    })));
    return found;
}


/***/ }),

/***/ 5206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InUseScanError: () => (/* binding */ InUseScanError),
/* harmony export */   scanCall: () => (/* binding */ scanCall),
/* harmony export */   scanPages: () => (/* binding */ scanPages)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2103);


/**
 * A call of the in-use scan failed. The scan is all or nothing: a partial picture of what runs must never
 * be taken for the whole, so the action that asked says what that means for it (cleanup: nothing deleted)
 * from `detail` (the call, which is also the IAM action it needs, the region and the error) and `kind`.
 */
class InUseScanError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    call;
    region;
    detail;
    constructor(call, region, detail, options) {
        super(`The in-use scan failed: ${detail}. Allow ${call} for this role (see the README's IAM policy)`, options);
        this.call = call;
        this.region = region;
        this.detail = detail;
        this.name = 'InUseScanError';
    }
    /** The kind of deployment scanned (`ecs`, `lambda`…): the IAM service of the call. */
    get kind() {
        return this.call.split(':')[0] ?? this.call;
    }
}
/** One call (or one whole listing) of the in-use scan; any failure is an InUseScanError naming it. */
async function scanCall(action, region, call) {
    try {
        return await call();
    }
    catch (error) {
        const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error);
        const detail = `${action} in ${region}: ${name ? `${name}: ` : ''}${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`;
        throw new InUseScanError(action, region, detail, { cause: error });
    }
}
/** Every item of every page of an SDK paginator, as one scan call. */
function scanPages(action, region, pages, items) {
    return scanCall(action, region, async () => {
        const all = [];
        for await (const page of pages)
            all.push(...(items(page) ?? []));
        return all;
    });
}


/***/ })

};
