export const id = 206;
export const ids = [206];
export const modules = {

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
