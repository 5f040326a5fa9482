export const id = 109;
export const ids = [109];
export const modules = {

/***/ 5109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanAppRunner: () => (/* binding */ scanAppRunner)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2284);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _scan_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1420);



/** The image each App Runner service in one region deploys (its image repository identifier). */
async function scanAppRunner(region, endpoint, client = new _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__/* .AppRunnerClient */ .fpv((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('AppRunner', region, endpoint))) {
    const services = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__/* .scanPages */ .w)('apprunner:ListServices', region, (0,_aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__/* .paginateListServices */ .wjm)({ client }, {}), page => page.ServiceSummaryList);
    const found = [];
    for (const summary of services) {
        const { Service } = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_1__/* .scanCall */ .K)('apprunner:DescribeService', region, () => client.send(new _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServiceCommand */ .auI({ ServiceArn: summary.ServiceArn })));
        const repository = Service?.SourceConfiguration?.ImageRepository;
        if (repository?.ImageIdentifier) {
            found.push({
                image: repository.ImageIdentifier,
                source: 'apprunner',
                where: `service ${Service?.ServiceName ?? summary.ServiceName}`
            });
        }
    }
    return found;
}


/***/ }),

/***/ 1420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ scanCall),
/* harmony export */   w: () => (/* binding */ scanPages)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2103);


/**
 * One call (or one whole listing) of the in-use scan. Any failure stops the cleanup before it deletes
 * anything: a partial picture of what runs must never be taken for the whole. The error names the call,
 * which is also the IAM action it needs, the region, and the way out.
 */
async function scanCall(action, region, call) {
    try {
        return await call();
    }
    catch (error) {
        const kind = action.split(':')[0] ?? action;
        const name = (0,_ecr_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error);
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The in-use scan failed, so nothing was deleted: ${action} in ${region}: ${name ? `${name}: ` : ''}` +
            `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}. Allow ${action} for this role (see the README's IAM policy), or leave ${kind} ` +
            'out of keep-in-use or its region out of in-use-regions (keep-in-use: none turns the scan off).', { cause: error });
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
