export const id = 152;
export const ids = [152];
export const modules = {

/***/ 8152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeReports: () => (/* binding */ mergeReports),
  readReports: () => (/* binding */ readReports)
});

// UNUSED EXPORTS: checkReport

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/common/files.ts


/** Why a file could not be read; the message never quotes the file's content. */
class files_FileReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileReadError';
    }
}
/** The workspace that relative paths in inputs are read from (GITHUB_WORKSPACE on a runner). */
function files_workspaceRoot() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/** Whether `path` is `root` or lies under it (both already resolved). */
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Reads a regular file that lies inside `root` (after following every symlink), whole, refusing more
 * than `maxBytes`. A path may be relative to `root` or absolute, but must resolve inside it: a workflow's
 * policy file is part of its repository, never `/etc/shadow`.
 */
function files_readFileInside(path, root, maxBytes) {
    let real;
    let rootReal;
    try {
        rootReal = (0,external_node_fs_.realpathSync)(root);
    }
    catch {
        throw new files_FileReadError(`the workspace ${root} does not exist`);
    }
    try {
        real = (0,external_node_fs_.realpathSync)((0,external_node_path_.resolve)(rootReal, path));
    }
    catch {
        throw new files_FileReadError(`${path} does not exist in the workspace`);
    }
    if (!isInside(rootReal, real)) {
        throw new files_FileReadError(`${path} is outside the workspace (${rootReal}): give a path inside it`);
    }
    return readRegularFile(real, maxBytes, path);
}
/**
 * Reads a file whole when it is a regular file of at most `maxBytes`; `what` names it in errors. Devices,
 * FIFOs and directories are refused before anything is read (`/dev/zero` is a file name too). Synchronous:
 * the files read whole are small (policies, manifests, configs), and input parsing is synchronous.
 */
function readRegularFile(path, maxBytes, what) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it anyway.
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch {
        throw new files_FileReadError(`${what} is missing`);
    }
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            throw new files_FileReadError(`${what} is not a regular file`);
        if (stats.size > maxBytes) {
            throw new files_FileReadError(`${what} has ${stats.size} bytes, more than the ${maxBytes} allowed`);
        }
        // Read at most one byte past the cap: a file that grows meanwhile is still refused.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
            read = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
        }
        if (length > maxBytes)
            throw new files_FileReadError(`${what} has more than the ${maxBytes} bytes allowed`);
        return buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/common/json.ts


/** Deeper nesting than any policy or manifest needs; deep enough nesting overflows recursive code. */
const MAX_JSON_DEPTH = 64;
/**
 * Parses JSON, or fails with a message that says where but never quotes the text (V8's own messages
 * quote it, and the text may come from a file that must not be shown). Nesting is bounded.
 */
function parseJson(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        // No cause attached on purpose: V8's message quotes the text.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`is not valid JSON${whereInvalid(text, error)}`);
    }
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        throw new Error(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    return value;
}
/** Parses an input's JSON, or fails naming the input, the line and the column. */
function parseJsonInput(input, text) {
    try {
        return parseJson(text);
    }
    catch (error) {
        throw new InputError(input, error.message);
    }
}
function whereInvalid(text, error) {
    const message = error instanceof Error ? error.message : '';
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    if (!Number.isNaN(position))
        return ` at ${lineColumn(text, position)}`;
    if (text.trim() === '')
        return ': it is empty';
    const first = text.search(/\S/);
    if (!/["{[\-0-9tfn]/.test(text.charAt(first)))
        return ` at ${lineColumn(text, first)}: it does not start like JSON`;
    return '';
}
function lineColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
/** The nesting depth of a parsed value, counted without recursion and without going past `limit + 1`. */
function jsonDepth(value, limit) {
    let deepest = 0;
    const stack = [[value, 1]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (node === null || typeof node !== 'object')
            continue;
        deepest = Math.max(deepest, depth);
        if (deepest > limit)
            return deepest;
        for (const child of Object.values(node))
            stack.push([child, depth + 1]);
    }
    return deepest;
}
/**
 * An input that holds JSON inline (starting with `{` or `[`) or names a file in the workspace (relative,
 * or absolute but inside it; regular files only, at most `maxBytes`); undefined when empty.
 */
function readJsonInput(input, raw, maxBytes) {
    const trimmed = raw.trim();
    if (trimmed === '')
        return undefined;
    let text = trimmed;
    if (!/^[[{]/.test(trimmed)) {
        try {
            text = readFileInside(trimmed, workspaceRoot(), maxBytes).toString('utf8');
        }
        catch (error) {
            if (error instanceof FileReadError) {
                throw new InputError(input, `is neither inline JSON nor a readable file: ${error.message}`);
            }
            throw error;
        }
    }
    return { text, value: parseJsonInput(input, text) };
}
/** Structural equality of parsed JSON, ignoring key order. */
function sameJson(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map(key => [key, canonical(value[key])]));
    }
    return value;
}

// EXTERNAL MODULE: ./src/report/constants.ts
var constants = __webpack_require__(7995);
// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
;// CONCATENATED MODULE: ./src/report/merge.ts







/** A report of 1,000 repositories is about 2 MB: far below this. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
const MAX_REPORTS = 1000;
/**
 * The report files the `merge` patterns match in the workspace (where download-artifact puts them), each
 * read, parsed and checked to be a report of this schema. A pattern matching nothing is an error: a matrix
 * job that uploaded nothing must not go unnoticed.
 */
async function readReports(patterns) {
    const root = files_workspaceRoot();
    const { create } = await __webpack_require__.e(/* import() */ 427).then(__webpack_require__.bind(__webpack_require__, 4427));
    const files = new Set();
    for (const pattern of patterns) {
        const globber = await create((0,external_node_path_.isAbsolute)(pattern) ? pattern : (0,external_node_path_.join)(root, pattern), {
            followSymbolicLinks: false,
            implicitDescendants: false,
            matchDirectories: false
        });
        const matched = await globber.glob();
        if (matched.length === 0)
            throw new errors/* InputError */.dz(constants/* Input */.p.merge, `${(0,errors/* quote */.hD)(pattern)} matches no file in ${root}`);
        matched.forEach(file => files.add(file));
    }
    if (files.size > MAX_REPORTS)
        throw new errors/* InputError */.dz(constants/* Input */.p.merge, `matches ${files.size} files, more than ${MAX_REPORTS}`);
    return [...files].sort().map(file => {
        const path = (0,external_node_path_.relative)(root, file) || file;
        try {
            const report = parseJson(files_readFileInside(file, root, MAX_REPORT_BYTES).toString('utf8'));
            return { path, report: checkReport(report, path) };
        }
        catch (error) {
            if (error instanceof errors/* InputError */.dz)
                throw error;
            const why = error instanceof files_FileReadError ? error.message : `${path} ${error.message}`;
            throw new errors/* InputError */.dz(constants/* Input */.p.merge, why);
        }
    });
}
/** The shape a merge relies on, checked: a report file of this action and this schema version. */
function checkReport(value, path) {
    const report = value;
    const refuse = (why) => {
        throw new errors/* InputError */.dz(constants/* Input */.p.merge, `${(0,errors/* quote */.hD)(path)} ${why}`);
    };
    if (!report || typeof report !== 'object' || Array.isArray(report))
        return refuse('is not a report (a JSON object)');
    if (report.schemaVersion !== report_document/* SCHEMA_VERSION */.f$)
        refuse(`has schemaVersion ${(0,errors/* quote */.hD)(report.schemaVersion)}; this report action reads ${report_document/* SCHEMA_VERSION */.f$}`);
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
        throw new errors/* InputError */.dz(constants/* Input */.p.merge, 'matched no report');
    const repositories = new Map();
    const registries = new Map();
    const wanted = (name) => patterns.some(pattern => picomatch_default().isMatch(name, pattern));
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
    return (0,report_document/* buildReport */.FK)({
        generatedAt: newest.generatedAt,
        prices: newest.prices,
        requirements: [...new Set(reports.flatMap(r => r.requirements ?? []))].sort(),
        registries: [...registries.values()],
        repositories: [...repositories.values()]
    });
}


/***/ })

};
