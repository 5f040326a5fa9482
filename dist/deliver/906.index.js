export const id = 906;
export const ids = [906];
export const modules = {

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planTagWrites: () => (/* binding */ planTagWrites),
/* harmony export */   putTags: () => (/* binding */ putTags),
/* harmony export */   readTags: () => (/* binding */ readTags),
/* harmony export */   refuseImmutableMoves: () => (/* binding */ refuseImmutableMoves),
/* harmony export */   tagOutcomes: () => (/* binding */ tagOutcomes),
/* harmony export */   verifyTags: () => (/* binding */ verifyTags)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);


/**
 * Reads what each tag holds, the only read before writing: one request per tag, all manifest types
 * accepted. A HEAD gives the digest, enough when the image's digest is known; a GET gives the manifest,
 * needed when the image is known by its config or image ID (a docker-save archive, the docker engine).
 */
async function readTags(registry, repository, tags, read) {
    return Promise.all(tags.map(async (tag) => {
        if (read === 'digest')
            return { tag, digest: await registry.resolveManifestDigest(repository, tag) };
        const stored = await registry.getManifest(repository, tag);
        return { tag, digest: stored?.digest, stored };
    }));
}
/**
 * Pure: the immutable tags that hold another image. With the digest known, an immutable tag at another
 * digest is another image even when its config is the same (another tool's compression): it cannot move.
 */
function immutableConflicts(held, image, isImmutable, repositoryUri = '') {
    return held.filter(h => h.digest !== undefined &&
        isImmutable(h.tag) &&
        (image.digest !== undefined
            ? h.digest !== image.digest
            : h.stored === undefined || !image.isOurs(h.stored, repositoryUri)));
}
/** One line of the refusal: which tag, where, what it holds, and what this image is. */
function conflictLine(repositoryUri, conflict, image) {
    return `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(conflict.tag)} in ${repositoryUri} already points at ${conflict.digest}, this image is ${image.describe}`;
}
/** The refusal of every conflict at once, before anything is written anywhere. */
function immutableTagsError(lines) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag${lines.length > 1 ? 's' : ''} would change: ${lines.join('; ')}. Nothing was pushed: ` +
        'immutable tags cannot be moved to another image; push under a new tag.');
}
/**
 * Pure: refuses, before the first write anywhere, an immutable tag that holds another image in any of the
 * registries (their tags read once each), naming every one.
 */
function refuseImmutableMoves(registries, image) {
    const lines = registries.flatMap(r => immutableConflicts(r.held, image, r.isImmutable, r.repositoryUri).map(c => conflictLine(r.repositoryUri, c, image)));
    if (lines.length > 0)
        throw immutableTagsError(lines);
}
/**
 * Pure: with the image's digest known, refuses a move of an immutable tag (throws, naming each) and
 * splits the tags that hold the image already from those to write.
 */
function planTagWrites(held, digest, isImmutable, repositoryUri) {
    refuseImmutableMoves([{ repositoryUri, held, isImmutable }], {
        digest,
        isOurs: () => false,
        describe: digest
    });
    const unchanged = held.filter(h => h.digest === digest).map(h => h.tag);
    return { unchanged, toWrite: held.map(h => h.tag).filter(tag => !unchanged.includes(tag)) };
}
/** The per-tag outcome of a push: written, or left alone because it held the image already. */
function tagOutcomes(tags, writes) {
    return tags.map(tag => ({ tag, outcome: writes.unchanged.includes(tag) ? 'unchanged' : 'pushed' }));
}
/**
 * Puts the manifest under each tag, in the order given. A tag the registry refuses because it is immutable
 * and exists (another push wrote it since it was read) fails the step naming the tag and both digests;
 * the writes stop there.
 */
async function putTags(registry, repository, tags, manifest, onWritten) {
    for (const tag of tags) {
        try {
            await registry.putManifest(repository, tag, manifest.bytes, manifest.mediaType);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.status === 400 && error.code === 'TAG_INVALID'))
                throw error;
            const holds = await registry.resolveManifestDigest(repository, tag);
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Immutable tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)} was written by another push meanwhile: it holds ${holds ?? 'another image'}, ` +
                `this image is ${manifest.digest}. The registry refused to move it (${error.message}).`, { cause: error });
        }
        onWritten?.(tag);
    }
}
/**
 * Reads every tag back after writing: a tag that another push moved in the meantime fails the step,
 * naming the tag and both digests, instead of reporting a digest the tag no longer holds.
 */
async function verifyTags(registry, repository, tags, expected) {
    const resolved = await Promise.all(tags.map(async (tag) => ({ tag, digest: await registry.resolveManifestDigest(repository, tag) })));
    const wrong = resolved.filter(r => r.digest !== expected);
    if (wrong.length > 0) {
        const detail = wrong
            .map(r => (r.digest ? `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(r.tag)} holds ${r.digest}` : `tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(r.tag)} is missing`))
            .join('; ');
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`After the push, ${detail}, not this image ${expected}: another push wrote ` +
            `${wrong.length > 1 ? 'these tags' : 'this tag'} at the same time. Re-run to push again, or use ` +
            'IMMUTABLE tags so the registry refuses a second writer.');
    }
}


/***/ })

};
