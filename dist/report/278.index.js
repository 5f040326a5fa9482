export const id = 278;
export const ids = [278];
export const modules = {

/***/ 3278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mergeReports: () => (/* binding */ mergeReports),
/* harmony export */   readReports: () => (/* binding */ readReports)
/* harmony export */ });
/* unused harmony export checkReport */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _common_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8994);
/* harmony import */ var _common_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2308);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7995);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8101);







/** A report of 1,000 repositories is about 2 MB: far below this. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
const MAX_REPORTS = 1000;
/**
 * The report files the `merge` patterns match in the workspace (where download-artifact puts them), each
 * read, parsed and checked to be a report of this schema. A pattern matching nothing is an error: a matrix
 * job that uploaded nothing must not go unnoticed.
 */
async function readReports(patterns) {
    const root = (0,_common_files_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRoot */ .oS)();
    const { create } = await __webpack_require__.e(/* import() */ 427).then(__webpack_require__.bind(__webpack_require__, 4427));
    const files = new Set();
    for (const pattern of patterns) {
        const globber = await create((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, pattern), {
            followSymbolicLinks: false,
            implicitDescendants: false,
            matchDirectories: false
        });
        const matched = await globber.glob();
        if (matched.length === 0)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .p.merge, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(pattern)} matches no file in ${root}`);
        matched.forEach(file => files.add(file));
    }
    if (files.size > MAX_REPORTS)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .p.merge, `matches ${files.size} files, more than ${MAX_REPORTS}`);
    return [...files].sort().map(file => {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, file) || file;
        try {
            const report = (0,_common_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)((0,_common_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readFileInside */ .XW)(file, root, MAX_REPORT_BYTES).toString('utf8'));
            return { path, report: checkReport(report, path) };
        }
        catch (error) {
            if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
                throw error;
            const why = error instanceof _common_files_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ ? error.message : `${path} ${error.message}`;
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .p.merge, why);
        }
    });
}
/** The shape a merge relies on, checked: a report file of this action and this schema version. */
function checkReport(value, path) {
    const report = value;
    const refuse = (why) => {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .p.merge, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(path)} ${why}`);
    };
    if (!report || typeof report !== 'object' || Array.isArray(report))
        return refuse('is not a report (a JSON object)');
    if (report.schemaVersion !== _document_js__WEBPACK_IMPORTED_MODULE_5__/* .SCHEMA_VERSION */ .f$)
        refuse(`has schemaVersion ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(report.schemaVersion)}; this report action reads ${_document_js__WEBPACK_IMPORTED_MODULE_5__/* .SCHEMA_VERSION */ .f$}`);
    if (!Array.isArray(report.repositories) || !Array.isArray(report.registries))
        refuse('has no repositories[] and registries[]: not a report of this action');
    if (typeof report.generatedAt !== 'string' || Number.isNaN(Date.parse(report.generatedAt)))
        refuse('has no generatedAt time');
    for (const entry of report.repositories ?? []) {
        const e = entry;
        const fields = [e.repository, e.region, e.registryId];
        const numbers = [e.images, e.bytes, e.monthlyCost];
        if (fields.some(f => typeof f !== 'string') ||
            numbers.some(n => typeof n !== 'number') ||
            !Array.isArray(e.reasons))
            refuse('holds a repository entry without repository, region, registryId, images, bytes, monthlyCost or reasons');
    }
    return report;
}
/**
 * Pure: one report from several. A repository (or a registry) in more than one is taken from the newest
 * report; `repositories` patterns filter what is kept. The merged report is as new as its newest part (the
 * weeks of its pushes table count back from then) and shows the newest report's prices.
 */
function mergeReports(reports, patterns) {
    const newestFirst = [...reports].sort((a, b) => Date.parse(b.generatedAt) - Date.parse(a.generatedAt));
    const newest = newestFirst[0];
    if (!newest)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .p.merge, 'matched no report');
    const repositories = new Map();
    const registries = new Map();
    const wanted = (name) => patterns.some(pattern => picomatch__WEBPACK_IMPORTED_MODULE_6___default().isMatch(name, pattern));
    for (const report of newestFirst) {
        for (const entry of report.repositories) {
            const key = `${entry.registryId} ${entry.region} ${entry.repository}`;
            if (!repositories.has(key) && wanted(entry.repository))
                repositories.set(key, entry);
        }
        for (const entry of report.registries) {
            const key = `${entry.registryId} ${entry.region}`;
            if (!registries.has(key))
                registries.set(key, entry);
        }
    }
    return (0,_document_js__WEBPACK_IMPORTED_MODULE_5__/* .buildReport */ .FK)({
        generatedAt: newest.generatedAt,
        prices: newest.prices,
        requirements: [...new Set(reports.flatMap(r => r.requirements ?? []))].sort(),
        registries: [...registries.values()],
        repositories: [...repositories.values()]
    });
}


/***/ })

};
