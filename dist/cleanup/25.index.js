export const id = 25;
export const ids = [25];
export const modules = {

/***/ 25:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanDeployments: () => (/* binding */ scanDeployments)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(370);
/* harmony import */ var _common_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3788);


/** Regions scanned at once; the kinds within a region run one after another. */
const REGION_CONCURRENCY = 3;
/**
 * Reads every deployment of the chosen kinds in every region and returns the image references found.
 * Each kind's client is loaded only when that kind is scanned. Any failure rejects the whole scan:
 * the caller then deletes nothing.
 */
async function scanDeployments(options) {
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(REGION_CONCURRENCY);
    const perRegion = await Promise.all(options.regions.map(region => limit(async () => {
        const found = [];
        for (const kind of options.kinds) {
            if (kind === 'inspector' && !options.registryRegions.includes(region))
                continue;
            const references = await scanKind(kind, region, options);
            _common_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .p(`in use: ${kind} in ${region}: ${references.length} image reference${references.length === 1 ? '' : 's'}`);
            found.push(...references);
        }
        return found;
    })));
    return perRegion.flat();
}
async function scanKind(kind, region, options) {
    switch (kind) {
        case 'ecs':
            return (await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(143)]).then(__webpack_require__.bind(__webpack_require__, 5143))).scanEcs(region, options.keepRevisions, options.endpoint);
        case 'lambda':
            return (await Promise.all(/* import() */[__webpack_require__.e(696), __webpack_require__.e(851)]).then(__webpack_require__.bind(__webpack_require__, 8851))).scanLambda(region, options.keepRevisions, options.endpoint);
        case 'batch':
            return (await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(602)]).then(__webpack_require__.bind(__webpack_require__, 3602))).scanBatch(region, options.keepRevisions, options.endpoint);
        case 'apprunner':
            return (await Promise.all(/* import() */[__webpack_require__.e(284), __webpack_require__.e(55)]).then(__webpack_require__.bind(__webpack_require__, 5055))).scanAppRunner(region, options.endpoint);
        case 'inspector':
            return (await Promise.all(/* import() */[__webpack_require__.e(222), __webpack_require__.e(511)]).then(__webpack_require__.bind(__webpack_require__, 3511))).scanInspector(region, { keepPulledWithinMs: options.keepPulledWithinMs, now: options.now }, options.endpoint);
    }
}


/***/ })

};
