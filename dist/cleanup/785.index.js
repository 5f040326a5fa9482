export const id = 785;
export const ids = [785];
export const modules = {

/***/ 8166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   callerArn: () => (/* binding */ callerArn),
/* harmony export */   coversCaller: () => (/* binding */ coversCaller),
/* harmony export */   pullTimeExclusions: () => (/* binding */ pullTimeExclusions)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _common_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2064);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2103);



/** At most 100 exclusions exist per account: a page or two. */
const MAX_PAGES = 10;
/**
 * Whether a pull-time update exclusion covers the caller: registered principals are IAM roles and users,
 * while the caller is often a role session (`arn:aws:sts::<account>:assumed-role/<name>/<session>`, which
 * drops the role's path): compared by partition, account, kind and name.
 */
function coversCaller(callerArn, excluded) {
    const caller = principalOf(callerArn);
    const principal = principalOf(excluded);
    return (caller !== undefined &&
        principal !== undefined &&
        caller.partition === principal.partition &&
        caller.account === principal.account &&
        caller.kind === principal.kind &&
        caller.name === principal.name);
}
function principalOf(arn) {
    const match = /^arn:(aws[a-z-]*):(?:iam|sts)::(\d{12}):(assumed-role|role|user)\/(.+)$/.exec(arn);
    if (!match)
        return undefined;
    const [, partition, account, kind, rest] = match;
    const segments = rest.split('/');
    // assumed-role/<name>/<session>; role/<path>/<name>; user/<path>/<name>
    const name = kind === 'assumed-role' ? segments[0] : segments[segments.length - 1];
    return { partition, account, kind: kind === 'assumed-role' ? 'role' : kind, name: name ?? '' };
}
/** The caller's ARN (STS GetCallerIdentity; loaded only by a run that asks). */
async function callerArn(region, endpoint) {
    const { STSClient, GetCallerIdentityCommand } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = new STSClient((0,_common_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .r)('STS', region, endpoint));
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return identity.Arn ?? '';
}
/** Every principal whose pulls do not update lastRecordedPullTime in this registry. */
async function pullTimeExclusions(client) {
    const principals = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .callAws */ .IY)('ListPullTimeUpdateExclusions', () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ListPullTimeUpdateExclusionsCommand */ .Mpb({ maxResults: 100, nextToken })));
        principals.push(...(response.pullTimeUpdateExclusions ?? []));
        nextToken = response.nextToken;
        if (!nextToken)
            break;
    }
    return principals;
}


/***/ })

};
