export const id = 511;
export const ids = [511,206];
export const modules = {

/***/ 3511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanInspector: () => (/* binding */ scanInspector)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3222);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _scan_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5206);



// arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<hex>
const IMAGE_ARN = /^arn:aws[a-z-]*:ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)\/(sha256:[a-f0-9]{64})$/;
/**
 * Amazon Inspector's coverage of the registry's images (enhanced scanning): an image counts as in use
 * when Inspector sees it in ECS tasks or EKS pods now (`inUseCount`), or saw it there within
 * `keepPulledWithinMs` (`lastInUseAt`). This is how an account protects what runs on EKS without access
 * to the clusters.
 */
async function scanInspector(region, options, endpoint, client = new _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__/* .Inspector2Client */ .r0C((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('Inspector2', region, endpoint))) {
    const covered = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__.scanPages)('inspector2:ListCoverage', region, (0,_aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__/* .paginateListCoverage */ .Moz)({ client }, { filterCriteria: { resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' }] } }), page => page.coveredResources);
    const found = [];
    for (const resource of covered) {
        const match = IMAGE_ARN.exec(resource.resourceId ?? '');
        const image = resource.resourceMetadata?.ecrImage;
        if (!match || !image)
            continue;
        const [, imageRegion, account, repository, digest] = match;
        const inUse = (image.inUseCount ?? 0) > 0;
        const lastUsed = image.lastInUseAt;
        const recently = lastUsed !== undefined &&
            options.keepPulledWithinMs !== undefined &&
            options.now.getTime() - lastUsed.getTime() < options.keepPulledWithinMs;
        if (!inUse && !recently)
            continue;
        found.push({
            image: `${account}.dkr.ecr.${imageRegion}.amazonaws.com/${repository}@${digest}`,
            digest,
            source: 'inspector',
            where: inUse
                ? `in use by ${image.inUseCount} ECS task${image.inUseCount === 1 ? '' : 's'} or EKS pod${image.inUseCount === 1 ? '' : 's'}`
                : `last in use ${lastUsed?.toISOString().slice(0, 10)}`
        });
    }
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
