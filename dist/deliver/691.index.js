export const id = 691;
export const ids = [691];
export const modules = {

/***/ 6691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registryHooks: () => (/* binding */ registryHooks)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3788);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);




/**
 * What the actions give the registry client (src/registry/ knows nothing of the runner): every request in
 * the debug log (method and path: upload URLs carry state in their query), every retry in the log with its
 * reason and wait, and each credential a registry hands out masked before it is sent anywhere.
 */
const registryHooks = {
    onRequest: (method, url) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`registry: ${method} ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .pathOf */ .XM)(url)}`),
    onRetry: (event) => {
        const cut = event.retryAfterCutFromMs;
        _log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .p(`${event.what}: attempt ${event.attempt} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(event.error)}); ` +
            `retrying in ${(event.delayMs / 1000).toFixed(1)} s` +
            (cut !== undefined ? ` (the registry asked for ${Math.round(cut / 1000)} s; waits are capped)` : ''));
    },
    onSecret: (value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value)
};


/***/ })

};
