export const id = 143;
export const ids = [143,206];
export const modules = {

/***/ 5143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanEcs: () => (/* binding */ scanEcs)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(370);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _images_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5993);
/* harmony import */ var _scan_call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5206);





/** At once per region: clusters, or task definition families. */
const CONCURRENCY = 4;
/**
 * What ECS runs or may run again in one region: every deployment of every service (PRIMARY and ACTIVE:
 * a rollout has two task definitions), running and pending tasks (with the digest each actually runs,
 * which outlives a tag that moved), their task definitions, and the `keepRevisions` newest ACTIVE
 * revisions of each family. DescribeServices takes 10 services, DescribeTasks 100 tasks; each task
 * definition is described once.
 */
async function scanEcs(region, keepRevisions, endpoint, client = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ECSClient */ .Zgc((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('ECS', region, endpoint))) {
    const found = [];
    const described = new Map();
    const imagesOf = (arn) => {
        if (!described.has(arn)) {
            described.set(arn, (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanCall)('ecs:DescribeTaskDefinition', region, async () => {
                const { taskDefinition } = await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: arn }));
                return (taskDefinition?.containerDefinitions ?? []).flatMap(c => (c.image ? [c.image] : []));
            }));
        }
        return described.get(arn);
    };
    const addTaskDefinition = async (arn, where) => {
        for (const image of await imagesOf(arn))
            found.push({ image, source: 'ecs', where: `${where}, task definition ${family(arn)}` });
    };
    const clusters = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanPages)('ecs:ListClusters', region, (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .paginateListClusters */ .fm1)({ client }, {}), page => page.clusterArns);
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .A)(CONCURRENCY);
    await Promise.all(clusters.map(cluster => limit(() => scanCluster(client, region, cluster, found, addTaskDefinition))));
    if (keepRevisions > 0)
        await addNewestRevisions(client, region, keepRevisions, addTaskDefinition);
    return found;
}
/** One cluster: every deployment of every service, and every running or pending task. */
async function scanCluster(client, region, cluster, found, addTaskDefinition) {
    const name = `cluster ${cluster.split('/').pop()}`;
    const services = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanPages)('ecs:ListServices', region, (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .paginateListServices */ .wjm)({ client, pageSize: 100 }, { cluster }), page => page.serviceArns);
    for (const batch of (0,_images_js__WEBPACK_IMPORTED_MODULE_1__/* .chunks */ .VN)(services, 10)) {
        const { services: described = [] } = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanCall)('ecs:DescribeServices', region, () => client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c({ cluster, services: batch })));
        for (const service of described) {
            for (const deployment of service.deployments ?? []) {
                if (!deployment.taskDefinition)
                    continue;
                const status = deployment.status?.toLowerCase() ?? 'deployment';
                await addTaskDefinition(deployment.taskDefinition, `${name}, service ${service.serviceName} (${status})`);
            }
        }
    }
    const tasks = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanPages)('ecs:ListTasks', region, (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .paginateListTasks */ ._rc)({ client, pageSize: 100 }, { cluster, desiredStatus: 'RUNNING' }), page => page.taskArns);
    for (const batch of (0,_images_js__WEBPACK_IMPORTED_MODULE_1__/* .chunks */ .VN)(tasks, 100)) {
        const { tasks: described = [] } = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanCall)('ecs:DescribeTasks', region, () => client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: batch })));
        for (const task of described) {
            const where = `${name}, task ${task.taskArn?.split('/').pop()}${task.group ? ` (${task.group})` : ''}`;
            for (const container of task.containers ?? []) {
                if (container.image)
                    found.push({ image: container.image, digest: container.imageDigest, source: 'ecs', where });
            }
            if (task.taskDefinitionArn)
                await addTaskDefinition(task.taskDefinitionArn, where);
        }
    }
}
/** The `count` newest ACTIVE revisions of every task definition family. */
async function addNewestRevisions(client, region, count, add) {
    const families = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanPages)('ecs:ListTaskDefinitionFamilies', region, (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .paginateListTaskDefinitionFamilies */ .Wi5)({ client }, { status: 'ACTIVE' }), page => page.families);
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .A)(CONCURRENCY);
    await Promise.all(families.map(name => limit(async () => {
        // familyPrefix is a prefix (`web` lists `web-api` too), and the order of the answer is not relied on:
        // every ACTIVE revision of the family is read, and the newest chosen by revision number.
        const arns = await (0,_scan_call_js__WEBPACK_IMPORTED_MODULE_2__.scanPages)('ecs:ListTaskDefinitions', region, (0,_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .paginateListTaskDefinitions */ .XPO)({ client, pageSize: 100 }, { familyPrefix: name, status: 'ACTIVE', sort: 'DESC' }), page => page.taskDefinitionArns);
        const newest = arns
            .filter(arn => family(arn).replace(/:\d+$/, '') === name)
            .sort((a, b) => revision(b) - revision(a))
            .slice(0, count);
        for (const arn of newest)
            await add(arn, `newest ${count} revisions of ${name}`);
    })));
}
/** `arn:aws:ecs:…:task-definition/web:42` → `web:42`. */
function family(arn) {
    return arn.split('/').pop() ?? arn;
}
function revision(arn) {
    return Number(/:(\d+)$/.exec(arn)?.[1] ?? 0);
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
