export const id = 142;
export const ids = [142];
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

/***/ 4142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addScanSummary: () => (/* binding */ addScanSummary),
  runScanGate: () => (/* binding */ runScanGate),
  setScanOutputs: () => (/* binding */ setScanOutputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/ecr/scan-findings.ts
var scan_findings = __webpack_require__(6212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/common/poll.ts
var poll = __webpack_require__(5320);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/scans.ts




/** Pure: every scan status ECR reports, for basic (ends COMPLETE) and enhanced (ends ACTIVE) scanning. */
function statusMeaning(status, description) {
    const detail = description ? `: ${description}` : '';
    switch (status) {
        case 'COMPLETE':
            return { kind: 'done' };
        case 'ACTIVE':
            // Enhanced scanning keeps an image ACTIVE (continuously rescanned): its findings are current.
            return { kind: 'done' };
        case undefined:
        case 'IN_PROGRESS':
        case 'PENDING':
            return { kind: 'wait' };
        case 'FAILED':
            return { kind: 'problem', blocking: true, message: `the scan failed${detail}` };
        case 'UNSUPPORTED_IMAGE':
            return {
                kind: 'problem',
                blocking: false,
                message: `ECR cannot scan this image (no supported operating system or packages)${detail}`
            };
        case 'SCAN_ELIGIBILITY_EXPIRED':
            return {
                kind: 'problem',
                blocking: true,
                message: `enhanced scanning no longer scans this image (scan eligibility expired)${detail}`
            };
        case 'FINDINGS_UNAVAILABLE':
            return { kind: 'problem', blocking: true, message: `the findings are unavailable${detail}` };
        case 'LIMIT_EXCEEDED':
            return {
                kind: 'problem',
                blocking: true,
                message: `the scan limit for this image was reached${detail}`
            };
        case 'IMAGE_ARCHIVED':
            return {
                kind: 'problem',
                blocking: true,
                message: `the image is archived and cannot be scanned${detail}`
            };
        default:
            return { kind: 'problem', blocking: true, message: `unknown scan status ${status}${detail}` };
    }
}
/** BASIC unless the registry says ENHANCED (a registry that cannot say is taken as BASIC). */
async function registryScanKind(client) {
    try {
        const { scanningConfiguration } = await client.send(new dist_cjs/* GetRegistryScanningConfigurationCommand */.Mhg({}));
        return scanningConfiguration?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC';
    }
    catch {
        return 'BASIC';
    }
}
/** Starts a basic scan; the once-a-day limit ("already scanned") is not a failure. */
async function startBasicScan(client, image) {
    await (0,errors/* callAws */.IY)(`StartImageScan ${image.repositoryName}@${image.digest}`, async () => {
        try {
            await client.send(new dist_cjs/* StartImageScanCommand */.Qc9({
                repositoryName: image.repositoryName,
                registryId: image.registryId,
                imageId: { imageDigest: image.digest }
            }));
        }
        catch (error) {
            // Already scanned today: the findings are there. Not there yet: the next poll starts it again.
            const name = (0,errors/* awsErrorName */.ZH)(error);
            if (name !== 'LimitExceededException' && name !== 'ImageNotFoundException')
                throw error;
        }
    });
}
/**
 * Polls the findings with backoff until the scan is done, has a problem, or the deadline passes; then reads
 * every page of findings (basic and enhanced alike).
 */
async function waitForScan(client, image, options) {
    let lastStatus;
    const result = await (0,poll/* pollUntil */.g)(async () => {
        const first = await describeFindings(client, image, undefined);
        if (!first)
            await options.startScan?.();
        const status = first?.imageScanStatus?.status;
        lastStatus = status;
        const meaning = statusMeaning(status, first?.imageScanStatus?.description);
        if (meaning.kind === 'done')
            return { status: status, meaning, findings: await allFindings(client, image, first) };
        if (meaning.kind === 'problem')
            return { status: status, meaning, findings: [] };
        return undefined;
    }, {
        deadline: options.deadline,
        baseDelayMs: 2000,
        maxDelayMs: 30_000,
        sleep: options.sleep,
        now: options.now
    });
    return (result ?? {
        status: lastStatus ?? 'NOT_STARTED',
        meaning: {
            kind: 'problem',
            blocking: true,
            message: `the scan did not finish in time (status ${lastStatus ?? 'not started'})`
        },
        findings: []
    });
}
/** One page of findings; undefined while the scan has not started (ScanNotFound) or the image is not seen yet. */
async function describeFindings(client, image, nextToken) {
    return (0,errors/* callAws */.IY)(`DescribeImageScanFindings ${image.repositoryName}@${image.digest}`, async () => {
        try {
            return await client.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({
                repositoryName: image.repositoryName,
                registryId: image.registryId,
                imageId: { imageDigest: image.digest },
                maxResults: 1000,
                nextToken
            }));
        }
        catch (error) {
            const name = (0,errors/* awsErrorName */.ZH)(error);
            if (name === 'ScanNotFoundException' || name === 'ImageNotFoundException')
                return undefined;
            throw error;
        }
    });
}
async function allFindings(client, image, first) {
    const findings = [];
    let page = first;
    while (page) {
        findings.push(...(page.imageScanFindings?.findings ?? []).map(scan_findings/* fromBasic */.to));
        findings.push(...(page.imageScanFindings?.enhancedFindings ?? []).map(scan_findings/* fromEnhanced */.PI));
        page = page.nextToken ? await describeFindings(client, image, page.nextToken) : undefined;
    }
    return findings;
}

// EXTERNAL MODULE: ./src/common/summary.ts
var common_summary = __webpack_require__(7701);
// EXTERNAL MODULE: ./src/deliver/constants.ts
var constants = __webpack_require__(4);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/deliver/scan-gate.ts









/**
 * Waits for the scan of what was pushed (each platform of an index; attestations are skipped), then
 * decides the gate: findings at or above `fail-on-severity` that no ignore covers fail the step.
 */
async function runScanGate(ecr, repository, delivery, inputs) {
    const kind = await registryScanKind(ecr);
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    const targets = delivery.platforms.length > 0
        ? delivery.platforms
            .filter(p => !p.platform.startsWith('unknown/'))
            .map(p => ({ digest: p.digest, platform: p.platform }))
        : [{ digest: delivery.digest, platform: undefined }];
    const deadline = Date.now() + inputs.timeoutMs;
    const images = [];
    for (const target of targets) {
        const image = {
            repositoryName: repository.repositoryName ?? '',
            registryId: repository.registryId,
            digest: target.digest
        };
        // Only basic scanning can be started by hand, and only when the push did not start one already.
        const startScan = kind === 'BASIC' && !scanOnPush ? () => startBasicScan(ecr, image) : undefined;
        const result = await waitForScan(ecr, image, { deadline, startScan });
        log/* info */.p(`scan of ${target.platform ?? target.digest}: ${result.status}, ${result.findings.length} findings`);
        images.push({ ...target, result });
    }
    const findings = images.flatMap(i => i.result.findings);
    const gate = (0,scan_findings/* evaluateFindings */.wN)(findings, inputs.failOn, inputs.ignore, new Date());
    for (const entry of gate.expired) {
        core/* warning */.$e(`ignore-vulnerabilities: the ignore of ${entry.id} expired on ${entry.until?.toISOString().slice(0, 10)}`);
    }
    const problems = images.filter(i => i.result.meaning.kind === 'problem');
    for (const { result, platform, digest } of problems) {
        if (result.meaning.kind === 'problem')
            core/* warning */.$e(`scan of ${platform ?? digest}: ${result.meaning.message}`);
    }
    const blockingProblems = problems.filter(i => i.result.meaning.kind === 'problem' && i.result.meaning.blocking);
    let failure;
    if (inputs.failOn !== 'none' && blockingProblems.length > 0) {
        failure = `The scan gate cannot be checked: ${blockingProblems
            .map(i => `${i.platform ?? i.digest}: ${i.result.meaning.kind === 'problem' ? i.result.meaning.message : ''}`)
            .join('; ')}`;
    }
    else if (gate.blocking.length > 0) {
        const worst = gate.blocking
            .slice(0, 5)
            .map(f => `${f.id} (${f.severity}${f.package ? `, ${f.package}` : ''})`);
        failure =
            `${gate.blocking.length} finding${gate.blocking.length > 1 ? 's' : ''} at or above ${inputs.failOn}: ` +
                `${worst.join(', ')}${gate.blocking.length > 5 ? ', …' : ''}. Fix them, or list them in ignore-vulnerabilities.`;
    }
    return { images, gate, findings, failure };
}
/** Outputs: scan-status, findings (counts by severity), findings-file (SARIF). */
async function setScanOutputs(report, imageUri) {
    const statuses = [...new Set(report.images.map(i => i.result.status))];
    core/* setOutput */.uH(constants/* Output */.k7.scanStatus, statuses.length === 1 ? statuses[0] : statuses.join(','));
    core/* setOutput */.uH(constants/* Output */.k7.findings, JSON.stringify(report.gate.counts));
    const file = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `ecr-scan-${Date.now()}.sarif`);
    await (0,promises_.writeFile)(file, JSON.stringify((0,scan_findings/* toSarif */.zv)(report.findings, imageUri), null, 2));
    core/* setOutput */.uH(constants/* Output */.k7.findingsFile, file);
}
const RANK = Object.fromEntries(scan_findings/* BUCKETS */.SC.map((b, i) => [b, i]));
/** The summary part: counts by severity, then the worst findings with package, versions and a link. */
function addScanSummary(summary, report) {
    summary.addHeading('Image scan', 3);
    summary.addTable([(0,common_summary/* headerRow */.U1)(...scan_findings/* BUCKETS */.SC), scan_findings/* BUCKETS */.SC.map(bucket => String(report.gate.counts[bucket]))]);
    const top = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, 20);
    if (top.length > 0) {
        summary.addTable([
            (0,common_summary/* headerRow */.U1)('Vulnerability', 'Severity', 'Package', 'Installed', 'Fixed in'),
            ...top.map(f => [
                (0,common_summary/* link */.nf)(f.url, (0,common_summary/* escapeHtml */.ZD)(f.id)),
                f.severity + (report.gate.ignored.includes(f) ? ' (ignored)' : ''),
                (0,common_summary/* escapeHtml */.ZD)(f.package ?? ''),
                (0,common_summary/* escapeHtml */.ZD)(f.installed ?? ''),
                (0,common_summary/* escapeHtml */.ZD)(f.fixed ?? '')
            ])
        ]);
    }
    summary.addRaw(`<p>${report.failure ? `Gate failed: ${(0,common_summary/* escapeHtml */.ZD)(report.failure)}` : 'Gate passed.'}</p>`, true);
}


/***/ })

};
