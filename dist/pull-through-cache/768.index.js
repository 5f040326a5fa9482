export const id = 768;
export const ids = [768];
export const modules = {

/***/ 8768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readDockerfile: () => (/* binding */ readDockerfile)
/* harmony export */ });
/* unused harmony export substitute */
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8390);

/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` against the ARGs known; undefined when one is unset. */
function substitute(value, args) {
    let unresolved = false;
    const result = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, braced, operator, word, bare) => {
        const name = (braced ?? bare);
        const set = args.get(name);
        if (operator === '-')
            return set !== undefined && set !== '' ? set : (word ?? '');
        if (operator === '+')
            return set !== undefined && set !== '' ? (word ?? '') : '';
        if (set === undefined)
            unresolved = true;
        return set ?? '';
    });
    return unresolved ? undefined : result;
}
/** Reads the base images of a Dockerfile's text; `label` names it in warnings. */
function readDockerfile(text, label) {
    const dockerfile = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(text.replace(/^\uFEFF/, ''));
    // Global ARGs (before the first FROM) are the only ones FROM lines can use.
    const args = new Map();
    for (const arg of dockerfile.getInitialARGs()) {
        for (const property of arg.getProperties()) {
            const value = property.getValue()?.replace(/^(["'])(.*)\1$/, '$2') ?? undefined;
            args.set(property.getName(), value === undefined ? undefined : (substitute(value, args) ?? value));
        }
    }
    const stages = new Set();
    const bases = [];
    const warnings = [];
    for (const from of dockerfile.getFROMs()) {
        const line = from.getRange().start.line + 1;
        const written = imageWord(from);
        const stage = from.getBuildStage()?.toLowerCase() ?? undefined;
        if (!written) {
            warnings.push(`${label}:${line}: FROM names no image`);
            continue;
        }
        const image = substitute(written, args);
        if (image === undefined || image === '') {
            warnings.push(`${label}:${line}: FROM ${written}: a variable has no default, so the image is unknown`);
        }
        else if (image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
            const platform = from.getPlatformFlag()?.getValue() ?? undefined;
            bases.push({ line, image, written, platform, stage, text: instructionText(from) });
        }
        if (stage)
            stages.add(stage);
    }
    return { bases, warnings };
}
/** The image word of a FROM as written: its first argument that is not a flag. */
function imageWord(from) {
    return from
        .getArguments()
        .map(argument => argument.getValue())
        .find(value => !value.startsWith('--'));
}
/** The instruction's text on one line (continuations joined), as the rewriting of the Dockerfile matches it. */
function instructionText(from) {
    return `${from.getInstruction()} ${from
        .getArguments()
        .map(argument => argument.getValue())
        .join(' ')}`;
}


/***/ })

};
