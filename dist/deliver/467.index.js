export const id = 467;
export const ids = [467];
export const modules = {

/***/ 5320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9183);

/**
 * Waits for a state: calls `check` until it gives a value, waiting longer each time (no jitter: one
 * caller, one resource), and gives up with undefined when the next wait would pass the deadline. For
 * waits on a resource changing (a scan finishing, a preview completing); failures to retry are the
 * retry layer's.
 */
async function pollUntil(check, options) {
    const wait = options.sleep ?? _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y;
    const now = options.now ?? Date.now;
    for (let attempt = 1;; attempt++) {
        const value = await check(attempt);
        if (value !== undefined)
            return value;
        const delay = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .E)(attempt, options.baseDelayMs, options.maxDelayMs, () => 1);
        if (now() + delay > options.deadline)
            return undefined;
        await wait(delay);
    }
}


/***/ }),

/***/ 9183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Backoff arithmetic and a sleep, for the registry's retry layer and the polls. */
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Exponential backoff with full jitter: `random()` × min(max, base × 2^(attempt − 1)). */
function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}


/***/ }),

/***/ 1467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewLifecyclePolicy: () => (/* binding */ previewLifecyclePolicy)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _common_poll_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5320);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2103);




/**
 * Runs ECR's lifecycle policy preview for `text` (nothing is applied) and waits, bounded, for its result,
 * reading every page. A preview already running for the repository is waited out first.
 */
async function previewLifecyclePolicy(client, ref, text, options) {
    const repository = { repositoryName: ref.name, registryId: ref.registryId };
    const poll = { ...options, baseDelayMs: 2000, maxDelayMs: 15_000 };
    const started = await (0,_common_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g)(async () => {
        try {
            await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .StartLifecyclePolicyPreviewCommand */ .oW5({ ...repository, lifecyclePolicyText: text }));
            return true;
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) !== 'LifecyclePolicyPreviewInProgressException') {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainAwsError */ .Ni)(error, 'StartLifecyclePolicyPreview');
            }
            return undefined;
        }
    }, poll);
    if (!started)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('The lifecycle policy preview could not start (another preview kept running) in time');
    const outcome = await (0,_common_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g)(async () => {
        const results = [];
        let status;
        let nextToken;
        do {
            const page = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .callAws */ .IY)('GetLifecyclePolicyPreview', () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .GetLifecyclePolicyPreviewCommand */ .ynb({ ...repository, maxResults: 100, nextToken })));
            status = page.status;
            results.push(...(page.previewResults ?? []));
            nextToken = status === 'COMPLETE' ? page.nextToken : undefined;
        } while (nextToken);
        if (status === 'COMPLETE')
            return { status, results };
        if (status === 'FAILED' || status === 'EXPIRED')
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The lifecycle policy preview ${status}`);
        return undefined;
    }, poll);
    if (!outcome)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('The lifecycle policy preview did not finish in time');
    return outcome;
}


/***/ })

};
