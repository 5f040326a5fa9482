export const id = 602;
export const ids = [602,206];
export const modules = {

/***/ 3602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanBatch: () => (/* binding */ scanBatch)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_batch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8839);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _scan_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5206);



/**
 * The images of ACTIVE Batch job definitions in one region: per name the `keepRevisions` newest
 * revisions, and at least the newest (the one new jobs run). Container, multi-node, ECS and EKS
 * properties alike.
 */
async function scanBatch(region, keepRevisions, endpoint, client = new _aws_sdk_client_batch__WEBPACK_IMPORTED_MODULE_2__/* .BatchClient */ .KaG((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('Batch', region, endpoint))) {
    const definitions = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanPages)('batch:DescribeJobDefinitions', region, (0,_aws_sdk_client_batch__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeJobDefinitions */ .m$B)({ client }, { status: 'ACTIVE' }), page => page.jobDefinitions);
    const byName = new Map();
    for (const definition of definitions) {
        const name = definition.jobDefinitionName ?? '';
        byName.set(name, [...(byName.get(name) ?? []), definition]);
    }
    const found = [];
    for (const [name, revisions] of byName) {
        const newest = revisions
            .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
            .slice(0, Math.max(1, keepRevisions));
        for (const definition of newest) {
            for (const image of imagesOf(definition)) {
                found.push({ image, source: 'batch', where: `job definition ${name}:${definition.revision}` });
            }
        }
    }
    return found;
}
function imagesOf(definition) {
    const images = [
        definition.containerProperties?.image,
        ...(definition.nodeProperties?.nodeRangeProperties ?? []).map(range => range.container?.image),
        ...(definition.ecsProperties?.taskProperties ?? []).flatMap(task => (task.containers ?? []).map(c => c.image)),
        ...(definition.eksProperties?.podProperties?.containers ?? []).map(c => c.image),
        ...(definition.eksProperties?.podProperties?.initContainers ?? []).map(c => c.image)
    ];
    return images.filter((image) => typeof image === 'string' && image !== '');
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
