export const id = 365;
export const ids = [365];
export const modules = {

/***/ 5365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkSameDigest: () => (/* binding */ checkSameDigest),
/* harmony export */   copyToDestinations: () => (/* binding */ copyToDestinations),
/* harmony export */   destinationConsoleUrl: () => (/* binding */ destinationConsoleUrl),
/* harmony export */   destinationRecords: () => (/* binding */ destinationRecords),
/* harmony export */   destinationsFailure: () => (/* binding */ destinationsFailure),
/* harmony export */   ensureDestinationRepositories: () => (/* binding */ ensureDestinationRepositories),
/* harmony export */   logInToDestinations: () => (/* binding */ logInToDestinations),
/* harmony export */   pushLayoutToDestinations: () => (/* binding */ pushLayoutToDestinations),
/* harmony export */   refuseImmutableConflicts: () => (/* binding */ refuseImmutableConflicts),
/* harmony export */   scanDestinations: () => (/* binding */ scanDestinations)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);
/* harmony import */ var _common_format_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6950);
/* harmony import */ var _common_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1095);
/* harmony import */ var _ecr_auth_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7454);
/* harmony import */ var _ecr_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2447);
/* harmony import */ var _ecr_images_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2298);
/* harmony import */ var _ecr_repositories_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5048);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4);
/* harmony import */ var _delivery_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2257);
/* harmony import */ var _governance_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1500);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3084);












const ready = (run) => run.error === undefined;
function fail(run, phase, error) {
    run.error = `${phase}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}`;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Destination ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(run.destination.label)} failed (${run.error}); the others go on`);
}
/**
 * Logs in to each destination (docker too, when there is a docker CLI), one after the other so that
 * each has its log group. Every account is known by now: a destination that turns out to be the main
 * registry, or another destination, is bad input, refused before anything changes.
 */
async function logInToDestinations(inputs, docker, main) {
    const runs = [];
    // Registries by account/region, now that every account is known: a destination named by region in the
    // caller's account, or by a FIPS host, may turn out to be the main registry or another destination.
    const seen = new Map([[`${main.host.split('.')[0]}/${main.region}`, `the main registry ${main.host}`]]);
    for (const destination of inputs.destinations) {
        const run = {
            destination,
            accountId: destination.accountId ?? inputs.registryId,
            ecr: (0,_ecr_client_js__WEBPACK_IMPORTED_MODULE_4__/* .createEcrClient */ .y)(destination.region, {
                useFipsEndpoint: destination.fips || undefined,
                useDualstackEndpoint: destination.dualStack || undefined
            })
        };
        runs.push(run);
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Log in to ${destination.label}`, async () => {
            try {
                const [login] = await (0,_ecr_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .getRegistryLogins */ .i)(run.ecr, run.accountId ? [run.accountId] : [], {
                    maskPassword: inputs.maskPassword
                });
                if (!login)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('GetAuthorizationToken returned no registry');
                const host = destination.host ?? login.host;
                run.accountId ??= login.host.split('.')[0];
                const key = `${run.accountId}/${destination.region}`;
                const same = seen.get(key);
                if (same !== undefined)
                    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(_constants_js__WEBPACK_IMPORTED_MODULE_7__/* .Input */ .pd.destinations, `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(destination.label)} is ${same}: list each registry once`);
                seen.set(key, (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(destination.label));
                run.login = { ...login, host, endpoint: `https://${host}` };
                if (docker)
                    await (0,_login_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerLogIn */ .Uq)(docker, run.login);
                _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Logged in to ${host}`);
            }
            catch (error) {
                if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
                    throw error;
                fail(run, 'login', error);
            }
        });
    }
    return runs;
}
/** Ensures and governs the repository in each destination that logged in, with the main one's settings. */
async function ensureDestinationRepositories(runs, inputs, name) {
    for (const run of runs.filter(ready)) {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Ensure repository ${name} in ${run.destination.label}`, async () => {
            try {
                run.report = await (0,_governance_js__WEBPACK_IMPORTED_MODULE_8__/* .governRepository */ .u)(run.ecr, { ...inputs, registryId: run.accountId }, name);
                const { repository } = run.report;
                const exclusions = (0,_ecr_repositories_js__WEBPACK_IMPORTED_MODULE_6__/* .exclusionsOf */ .Tf)(repository);
                run.target = {
                    repositoryUri: `${run.login?.host}/${name}`,
                    repository: name,
                    isImmutable: tag => (0,_ecr_repositories_js__WEBPACK_IMPORTED_MODULE_6__/* .isTagImmutable */ .j1)(tag, repository.imageTagMutability, exclusions),
                    removeTag: tag => (0,_ecr_images_js__WEBPACK_IMPORTED_MODULE_5__/* .removeImageTag */ .SR)(run.ecr, name, tag, run.accountId)
                };
            }
            catch (error) {
                fail(run, 'repository', error);
            }
        });
    }
}
/**
 * Reads each immutable tag in the main registry and every destination before anything is pushed
 * anywhere: one that holds another image fails the step, naming each, before the first write. A
 * destination that cannot be read is failed on its own; the main registry's failure is the step's.
 */
async function refuseImmutableConflicts(main, runs, tags, sameImage, openRegistry) {
    const conflicts = [];
    const check = async (registry, target) => {
        for (const tag of tags.filter(target.isImmutable)) {
            const stored = await registry.getManifest(target.repository, tag);
            if (stored && !sameImage(stored, target.repositoryUri))
                conflicts.push(`${target.repositoryUri}:${tag} already holds ${stored.digest}, another image than this one`);
        }
    };
    await Promise.all([
        check(main.registry, main.target),
        ...runs.filter(ready).map(async (run) => {
            try {
                run.registry = await openRegistry(run.login);
                await check(run.registry, run.target);
            }
            catch (error) {
                fail(run, 'reading its tags', error);
            }
        })
    ]);
    if (conflicts.length > 0) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Immutable tag${conflicts.length > 1 ? 's' : ''} would change: ${conflicts.join('; ')}. Nothing was ` +
            'pushed to any registry: immutable tags cannot be moved to another image, push under a new tag.');
    }
}
/** What a push into a destination gave, as the outputs and the summary show it. */
function deliveryOf(run, result, size) {
    const uri = run.target?.repositoryUri ?? '';
    return {
        digest: result.digest,
        size,
        tags: result.tags.map(({ tag, outcome }) => ({ tag, reference: `${uri}:${tag}`, result: outcome })),
        platforms: result.platforms,
        blobs: result.blobs
    };
}
/**
 * Pushes a layout straight from its files into every ready destination at once (alongside the main
 * push, which the caller runs): blobs through the one shared limit, each destination read from the page
 * cache, each registry's HEAD first. A failure is that destination's.
 */
async function pushLayoutToDestinations(runs, image, tags, options) {
    const { pushImage } = await __webpack_require__.e(/* import() */ 501).then(__webpack_require__.bind(__webpack_require__, 4501));
    const size = image.blobs.reduce((sum, blob) => sum + blob.size, 0);
    await Promise.all(runs.filter(ready).map(async (run) => {
        const target = run.target;
        try {
            const result = await pushImage(run.registry, target.repository, image, tags, {
                concurrency: 1,
                limit: options.limit,
                mountFrom: options.mountFrom,
                isImmutable: target.isImmutable
            });
            run.delivery = deliveryOf(run, result, size);
            _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${target.repositoryUri}: ${describe(run.delivery)}`);
        }
        catch (error) {
            fail(run, 'push', error);
        }
    }));
}
/**
 * Copies what the main registry now holds into every ready destination at once, registry to registry
 * (the docker engine pushed only to the main one; an archive was compressed once, for it).
 */
async function copyToDestinations(runs, main, delivery, options) {
    const { copyImage } = await __webpack_require__.e(/* import() */ 190).then(__webpack_require__.bind(__webpack_require__, 9190));
    const tags = delivery.tags.map(t => t.tag);
    await Promise.all(runs.filter(ready).map(async (run) => {
        const target = run.target;
        try {
            const result = await copyImage(main, { registry: run.registry, repository: target.repository }, delivery.digest, tags, { limit: options.limit, mountFrom: options.mountFrom, isImmutable: target.isImmutable });
            run.delivery = deliveryOf(run, result, delivery.size);
            _common_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${target.repositoryUri}: ${describe(run.delivery)}`);
        }
        catch (error) {
            fail(run, 'copy', error);
        }
    }));
}
/** The same manifest bytes give the same digest everywhere: a destination that says otherwise failed. */
function checkSameDigest(runs, digest) {
    for (const run of runs) {
        if (run.delivery && run.delivery.digest !== digest) {
            const other = run.delivery.digest;
            run.delivery = undefined;
            fail(run, 'digest', new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the registry holds ${other}, the main registry ${digest}`));
        }
    }
}
/** With scan-destinations: the scan gate in each destination the image reached. */
async function scanDestinations(runs, inputs) {
    const { runScanGate } = await __webpack_require__.e(/* import() */ 142).then(__webpack_require__.bind(__webpack_require__, 4142));
    for (const run of runs.filter(ready)) {
        if (!run.delivery || !run.report)
            continue;
        const { report, delivery } = run;
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Scan gate in ${run.destination.label}`, async () => {
            try {
                run.scan = await runScanGate(run.ecr, report.repository, delivery, inputs.scan);
                if (run.scan.failure)
                    fail(run, 'scan gate', new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(run.scan.failure));
            }
            catch (error) {
                fail(run, 'scan gate', error);
            }
        });
    }
}
function describe(delivery) {
    const sent = (delivery.blobs ?? []).reduce((sum, blob) => sum + blob.bytesSent, 0);
    return (0,_delivery_js__WEBPACK_IMPORTED_MODULE_10__/* .resultOf */ .Bg)(delivery) === 'unchanged'
        ? `every tag already points at ${delivery.digest}`
        : `${delivery.digest} under ${delivery.tags.length} tag${delivery.tags.length > 1 ? 's' : ''}, ${(0,_common_format_js__WEBPACK_IMPORTED_MODULE_11__/* .formatBytes */ .z)(sent)} sent`;
}
/** The record of each destination, in the order given. */
function destinationRecords(runs, name) {
    return runs.map(run => (0,_delivery_js__WEBPACK_IMPORTED_MODULE_10__/* .recordOf */ .zv)(run.login?.host ?? run.destination.host ?? run.destination.label, run.destination.region, run.target?.repositoryUri ?? (run.login ? `${run.login.host}/${name}` : ''), run.delivery, run.error));
}
/** The console link of a destination's repository. */
function destinationConsoleUrl(run, name) {
    return (0,_ecr_repositories_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryConsoleUrl */ .tb)(run.destination.region, run.accountId ?? '', name);
}
/** The failure at the end of the step when any destination failed, naming each. */
function destinationsFailure(runs) {
    const failed = runs.filter(run => run.error !== undefined);
    if (failed.length === 0)
        return undefined;
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Delivery failed in ${failed.length} of ${runs.length} destination${runs.length > 1 ? 's' : ''}: ` +
        failed.map(run => `${run.destination.label} (${run.error})`).join('; ') +
        '. The other registries have the image; a re-run delivers what is missing and leaves the rest alone.');
}


/***/ })

};
