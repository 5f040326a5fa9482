export const id = 508;
export const ids = [508];
export const modules = {

/***/ 6508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publicImageStore: () => (/* binding */ publicImageStore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2103);
/* harmony import */ var _images_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5993);


const PAGE_SIZE = 1000;
/** The ECR Public SDK, loaded only by a run that uses ECR Public. */
const publicSdk = () => __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
/**
 * ECR Public behind the cleanup's interface. Its API has no BatchGetImage, no image status and no
 * lastRecordedPullTime: manifests are read through the registry (anonymous pulls are allowed there), and
 * every image is ACTIVE.
 */
function publicImageStore(client, readManifest) {
    /** name → the registry path (`<alias>/<name>`), learnt from the listing's URIs. */
    const paths = new Map();
    const store = {
        kind: 'public',
        listRepositories: async () => {
            const { paginateDescribeRepositories } = await publicSdk();
            const pages = paginateDescribeRepositories({ client, pageSize: PAGE_SIZE }, {});
            const repositories = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('ecr-public DescribeRepositories', pages, page => page.repositories);
            return repositories
                .filter(r => r.repositoryName)
                .map(r => {
                const name = r.repositoryName;
                if (r.repositoryUri)
                    paths.set(name, r.repositoryUri.slice(r.repositoryUri.indexOf('/') + 1));
                return { name, registryId: r.registryId, uri: r.repositoryUri };
            });
        },
        listImages: async (repository) => {
            const { paginateDescribeImages } = await publicSdk();
            const pages = paginateDescribeImages({ client, pageSize: PAGE_SIZE }, { repositoryName: repository });
            return (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)(`ecr-public DescribeImages ${repository}`, pages, page => page.imageDetails));
        },
        getManifests: async (repository, digests) => {
            const path = paths.get(repository) ?? repository;
            const manifests = new Map();
            for (const digest of digests) {
                const manifest = await readManifest(path, digest);
                if (manifest)
                    manifests.set(digest, manifest);
            }
            return manifests;
        },
        describeImagesNow: async (repository, digests) => {
            // No filter beside imageIds here, and one missing image fails the call: the listing is the one read.
            const wanted = new Set(digests);
            const details = await store.listImages(repository);
            return new Map(details.filter(d => wanted.has(d.imageDigest ?? '')).map(d => [d.imageDigest, d]));
        },
        deleteImages: async (repository, digests) => {
            const { BatchDeleteImageCommand } = await publicSdk();
            const total = { deleted: [], alreadyGone: [], referenced: [], failed: [] };
            for (const batch of (0,_images_js__WEBPACK_IMPORTED_MODULE_1__/* .chunks */ .VN)(digests, _images_js__WEBPACK_IMPORTED_MODULE_1__/* .BATCH_SIZE */ .BU)) {
                const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)(`ecr-public BatchDeleteImage ${repository}`, () => client.send(new BatchDeleteImageCommand({
                    repositoryName: repository,
                    imageIds: batch.map(imageDigest => ({ imageDigest }))
                })));
                const outcome = (0,_images_js__WEBPACK_IMPORTED_MODULE_1__/* .sortFailures */ .KB)(batch, (response.failures ?? []));
                total.deleted.push(...outcome.deleted);
                total.alreadyGone.push(...outcome.alreadyGone);
                total.referenced.push(...outcome.referenced);
                total.failed.push(...outcome.failed);
            }
            return total;
        },
        archiveImage: async () => {
            throw new Error('ECR Public has no archive storage class');
        },
        deleteEmptyRepository: async (repository) => {
            const { DeleteRepositoryCommand } = await publicSdk();
            return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)(`ecr-public DeleteRepository ${repository}`, async () => {
                try {
                    await client.send(new DeleteRepositoryCommand({ repositoryName: repository }));
                    return 'deleted';
                }
                catch (error) {
                    if (error instanceof Error && error.name === 'RepositoryNotEmptyException')
                        return 'not empty';
                    throw error;
                }
            });
        }
    };
    return store;
}


/***/ })

};
