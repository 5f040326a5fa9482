export const id = 136;
export const ids = [136];
export const modules = {

/***/ 1136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAction: () => (/* binding */ runAction)
/* harmony export */ });
/* unused harmony export startupMark */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _connections_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4857);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);



/**
 * The one place where a failure becomes `core.setFailed`: every entry file calls this.
 * Non-Error throws fail the step too (the template's `instanceof Error` check lets them pass).
 */
async function runAction(main) {
    const loadedAt = performance.now();
    try {
        // Reads the proxy variables first: their passwords are masked before anything is printed, and one
        // that cannot be used fails the step before anything changes.
        (0,_connections_js__WEBPACK_IMPORTED_MODULE_1__/* .connections */ .oQ)();
        startupMark('loaded', loadedAt);
        await main();
    }
    catch (error) {
        if (error instanceof Error && error.stack)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(error.stack);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error));
    }
}
/**
 * A debug line saying how long after the process began a start-up milestone was reached (`loaded`: the
 * bundle evaluated; then each action's own). The push benchmark reads them (bench/runners.ts,
 * STARTUP_LINE) to show where start-up time goes.
 */
function startupMark(milestone, at = performance.now()) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`start-up: ${milestone} at ${Math.round(at)} ms`);
}


/***/ })

};
