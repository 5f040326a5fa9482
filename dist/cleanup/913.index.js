export const id = 913;
export const ids = [913];
export const modules = {

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: isLeftEmpty

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var log = __webpack_require__(3788);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/ecr/images.ts + 3 modules
var ecr_images = __webpack_require__(5993);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/cleanup/graph.ts


function toImageRecord(detail) {
    return {
        digest: detail.imageDigest ?? '',
        tags: detail.imageTags ?? [],
        pushedAt: detail.imagePushedAt ?? new Date(0),
        size: detail.imageSizeInBytes ?? 0,
        isIndex: media_types/* INDEX_MEDIA_TYPES */.kA.has(detail.imageManifestMediaType ?? ''),
        lastPulledAt: detail.lastRecordedPullTime,
        // ECR Public and older registries report no status: their images are all ACTIVE.
        status: detail.imageStatus ?? 'ACTIVE',
        archivedAt: detail.lastArchivedAt
    };
}
/** The manifests to read: indexes (for their children) and artifacts (signatures, SBOMs: for their subject). */
function manifestsToRead(details) {
    return details
        .filter(d => media_types/* INDEX_MEDIA_TYPES */.kA.has(d.imageManifestMediaType ?? '') ||
        (d.artifactMediaType !== undefined && !media_types/* IMAGE_CONFIG_TYPES */.Pw.has(d.artifactMediaType)))
        .map(d => d.imageDigest ?? '')
        .filter(Boolean);
}
/**
 * Edges of the image graph: index → child (from the index manifests), subject → referrer (from ECR's
 * subjectManifestDigest or the manifest's `subject`), and cosign's tag convention `sha256-<hex>.sig`.
 */
function buildImageGraph(details, manifests) {
    const edges = new Map();
    const link = (parent, child) => {
        if (parent === child)
            return;
        if (!edges.has(parent))
            edges.set(parent, new Set());
        edges.get(parent)?.add(child);
    };
    for (const detail of details) {
        const digest = detail.imageDigest;
        if (!digest)
            continue;
        const manifest = manifests.get(digest);
        if (manifest && (0,media_types/* isIndex */.nw)(manifest))
            manifest.manifests.forEach(child => link(digest, child.digest));
        const subject = detail.subjectManifestDigest ?? manifest?.subject?.digest;
        if (subject)
            link(subject, digest);
        for (const tag of detail.imageTags ?? []) {
            if (registry_reference/* ARTIFACT_TAG */.cZ.test(tag))
                link(`sha256:${tag.slice('sha256-'.length, 'sha256-'.length + 64)}`, digest);
        }
    }
    return { edges };
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/common/duration.ts

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `30d`, `12h`, `2w`, `10m` (`0d`: no age at all) → milliseconds. */
function parseDuration(input, raw, units = ['h', 'd', 'w']) {
    const value = raw.trim();
    const match = /^(\d+)([a-z]+)$/.exec(value);
    const unit = match?.[2];
    if (!match || !unit || !units.includes(unit)) {
        throw new errors/* InputError */.dz(input, `must be a whole number followed by ${units.join(', ')} (like 30d), got ${(0,errors/* quote */.hD)(value)}`);
    }
    return Number(match[1]) * UNIT_MS[unit];
}
/** 90061000 → "1d 1h". */
function formatAge(ms) {
    const days = Math.floor(ms / UNIT_MS.d);
    const hours = Math.floor((ms % UNIT_MS.d) / UNIT_MS.h);
    if (days > 0)
        return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
    const minutes = Math.floor((ms % UNIT_MS.h) / UNIT_MS.m);
    return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`;
}
/** A duration input within bounds, e.g. a timeout: `30s`, `5m`. */
function parseDurationWithin(input, raw, bounds) {
    const ms = parseDuration(input, raw.trim() || bounds.fallback, bounds.units);
    if (ms < bounds.minMs || ms > bounds.maxMs) {
        throw new InputError(input, `must be from ${formatDuration(bounds.minMs)} to ${formatDuration(bounds.maxMs)}, got ${quote(raw.trim())}`);
    }
    return ms;
}
function formatDuration(ms) {
    const unit = ['w', 'd', 'h', 'm', 's'].find(u => ms % UNIT_MS[u] === 0) ?? 's';
    return `${ms / UNIT_MS[unit]}${unit}`;
}

;// CONCATENATED MODULE: ./src/cleanup/order.ts
/** Each image's parents (the indexes that list it, the subjects it refers to), among the known images. */
function parentsOf(graph, known) {
    const parents = new Map();
    for (const [parent, children] of graph.edges) {
        if (!known.has(parent))
            continue;
        for (const child of children) {
            if (!parents.has(child))
                parents.set(child, new Set());
            parents.get(child)?.add(parent);
        }
    }
    return parents;
}
/**
 * Orders what goes so that an image goes only after every parent of it that also goes: ECR refuses to
 * delete a child an index still references (ImageReferencedByManifestList), and an archived index is
 * archived before its children for the same reason.
 */
function parentsFirst(going, parents) {
    const waves = [];
    const done = new Set();
    let remaining = [...going].sort();
    while (remaining.length > 0) {
        const wave = remaining.filter(digest => [...(parents.get(digest) ?? [])].every(p => !going.has(p) || done.has(p)));
        // A cycle cannot happen with content-addressed manifests; guard anyway rather than loop forever.
        const next = wave.length > 0 ? wave : remaining;
        waves.push(next);
        next.forEach(digest => done.add(digest));
        remaining = remaining.filter(digest => !done.has(digest));
    }
    return waves;
}

;// CONCATENATED MODULE: ./src/cleanup/planner.ts




/**
 * Pure: decides for every image of one repository whether it is kept, deleted or archived, and why.
 * An image is kept when any rule keeps it; whatever a kept image reaches (children of a kept index,
 * referrers of a kept subject) is kept with it; an image reached only from images that go, goes too.
 */
function planCleanup(images, graph, rules, now, inUse = new Map()) {
    const byDigest = new Map(images.map(image => [image.digest, image]));
    const parents = parentsOf(graph, new Set(byDigest.keys()));
    const verdictOf = ownVerdicts(images, parents, rules, now, inUse);
    const own = new Map(images.map(image => [image.digest, verdictOf(image)]));
    // Everything a kept image reaches stays, whatever its own verdict.
    const keptBy = new Map();
    const queue = images.filter(image => own.get(image.digest)?.verdict === 'keep').map(image => image.digest);
    for (const digest of queue)
        keptBy.set(digest, own.get(digest)?.rule ?? '');
    while (queue.length > 0) {
        const digest = queue.shift();
        for (const child of graph.edges.get(digest) ?? []) {
            if (!byDigest.has(child) || keptBy.has(child))
                continue;
            keptBy.set(child, `reached from kept ${digest.slice(0, 19)}…`);
            queue.push(child);
        }
    }
    const going = new Set(images.map(image => image.digest).filter(digest => !keptBy.has(digest)));
    const actions = actionsOf(parentsFirst(going, parents), byDigest, own, parents, rules.action ?? 'delete');
    const decisions = images.map((image) => {
        const base = {
            digest: image.digest,
            tags: image.tags,
            pushedAt: image.pushedAt,
            ageMs: now.getTime() - image.pushedAt.getTime(),
            size: image.isIndex ? 0 : image.size,
            status: image.status ?? 'ACTIVE',
            ...(inUse.has(image.digest)
                ? { usedBy: inUse.get(image.digest)?.map(u => `${u.source}: ${u.where}`) }
                : {})
        };
        const kept = keptBy.get(image.digest);
        if (kept !== undefined)
            return { ...base, verdict: 'keep', rule: kept };
        const decision = own.get(image.digest);
        const action = actions.get(image.digest) ?? { verdict: 'keep', rule: 'archived already' };
        const rule = decision?.verdict === 'follow' ? action.rule : (decision?.rule ?? '');
        return { ...base, verdict: action.verdict, rule };
    });
    const doomed = new Set(decisions.filter(d => d.verdict !== 'keep').map(d => d.digest));
    return { decisions, waves: parentsFirst(doomed, parents) };
}
/**
 * What happens to each image that goes, parents first: an ACTIVE image gets the cleanup's action; an
 * archived one is only ever deleted, by its own archived-older-than or with a parent that is deleted (a
 * child archived with an index that is archived now stays as it is: it is not archived twice).
 */
function actionsOf(waves, byDigest, own, parents, action) {
    const actions = new Map();
    for (const digest of waves.flat()) {
        const status = byDigest.get(digest)?.status ?? 'ACTIVE';
        const follows = own.get(digest)?.verdict === 'follow';
        const parentDeleted = [...(parents.get(digest) ?? [])].some(p => actions.get(p)?.verdict === 'delete');
        if (status === 'ACTIVE')
            actions.set(digest, { verdict: action, rule: 'goes with its parent' });
        else if (!follows || parentDeleted)
            actions.set(digest, { verdict: 'delete', rule: 'goes with its parent' });
        else
            actions.set(digest, { verdict: 'keep', rule: 'archived already (its parent is archived now)' });
    }
    return actions;
}
/**
 * Pure: each image's own verdict, first match wins: keep-digests, being restored, in use, pulled lately,
 * a child or referrer follows what points at it, an archived image by archived-older-than, then the tag
 * rules (keep-tags, keep-last, tag-patterns, older-than) or the untagged ones. What a kept image reaches
 * is kept afterwards, whatever its own verdict.
 */
function ownVerdicts(images, parents, rules, now, inUse) {
    // Children and referrers (untagged, or tagged only the cosign way) follow what points at them.
    const follows = (image) => parents.has(image.digest) && image.tags.every(tag => registry_reference/* ARTIFACT_TAG */.cZ.test(tag));
    const keepTag = picomatch_default()(rules.keepTags.length > 0 ? rules.keepTags : ['\0none'], { dot: true });
    const candidateTag = picomatch_default()(rules.tagPatterns, { dot: true });
    // Archived images cannot serve: keep-last counts the images that can.
    const newestTagged = new Set(images
        .filter(image => image.tags.length > 0 && !follows(image) && image.status !== 'ARCHIVED')
        // Newest first; equal push times are ordered by digest, so the cut is the same on every run.
        .sort((a, b) => b.pushedAt.getTime() - a.pushedAt.getTime() || a.digest.localeCompare(b.digest))
        .slice(0, Math.max(0, rules.keepLast))
        .map(image => image.digest));
    return image => {
        // Never below 0: a registry clock ahead of ours must not make `0d` ("any age") keep an image.
        const age = Math.max(0, now.getTime() - image.pushedAt.getTime());
        const pulledAgo = image.lastPulledAt ? now.getTime() - image.lastPulledAt.getTime() : undefined;
        if (rules.keepDigests.has(image.digest))
            return { verdict: 'keep', rule: 'keep-digests' };
        if (image.status === 'ACTIVATING')
            return { verdict: 'keep', rule: 'being restored (ACTIVATING)' };
        if ((inUse.get(image.digest) ?? []).length > 0)
            return { verdict: 'keep', rule: 'in-use' };
        if (rules.keepPulledWithinMs !== undefined &&
            pulledAgo !== undefined &&
            pulledAgo < rules.keepPulledWithinMs) {
            return {
                verdict: 'keep',
                rule: `pulled ${image.lastPulledAt?.toISOString().slice(0, 10)} (keep-pulled-within)`
            };
        }
        if (follows(image))
            return { verdict: 'follow', rule: '' };
        if (image.status === 'ARCHIVED')
            return archivedVerdict(image, rules, now);
        if (image.tags.length > 0) {
            const kept = image.tags.find(tag => keepTag(tag));
            if (kept !== undefined)
                return { verdict: 'keep', rule: `keep-tags (${kept})` };
            if (newestTagged.has(image.digest))
                return { verdict: 'keep', rule: `keep-last ${rules.keepLast}` };
            if (!image.tags.some(tag => candidateTag(tag)))
                return { verdict: 'keep', rule: 'no tag matches tag-patterns' };
            if (age < rules.olderThanMs)
                return { verdict: 'keep', rule: `younger than older-than (${formatAge(age)})` };
            return { verdict: 'go', rule: `older-than (${formatAge(age)} old)` };
        }
        if (rules.untagged === 'keep')
            return { verdict: 'keep', rule: 'untagged: keep' };
        if (age < rules.untaggedOlderThanMs) {
            return { verdict: 'keep', rule: `untagged, younger than untagged-older-than (${formatAge(age)})` };
        }
        return { verdict: 'go', rule: `untagged (${formatAge(age)} old)` };
    };
}
/** An archived image goes only by archived-older-than (the second stage of archive, then delete). */
function archivedVerdict(image, rules, now) {
    if (rules.archivedOlderThanMs === undefined)
        return { verdict: 'keep', rule: 'archived' };
    const archivedAgo = Math.max(0, now.getTime() - (image.archivedAt ?? image.pushedAt).getTime());
    return archivedAgo < rules.archivedOlderThanMs
        ? { verdict: 'keep', rule: `archived ${formatAge(archivedAgo)} ago, within archived-older-than` }
        : { verdict: 'go', rule: `archived-older-than (archived ${formatAge(archivedAgo)} ago)` };
}

;// CONCATENATED MODULE: ./src/cleanup/recheck.ts

/**
 * Pure: decides a batch again, right before the calls that would change it, against what the registry
 * holds now (`fresh`: the batch's images as just read; a digest missing there is gone). An image that
 * gained a tag, now holds a kept tag or is now among the newest keep-last, changed status, or is reached
 * from an image spared, does not go; nothing is ever added to the plan. Updates the view.
 */
function recheckBatch(view, batch, fresh) {
    const result = { go: [], done: [], spared: [] };
    const direct = new Map();
    for (const { digest, verdict } of batch) {
        const before = view.records.get(digest);
        const now = fresh.get(digest);
        if (!now) {
            result.done.push(digest);
            continue;
        }
        view.records.set(digest, now);
        const status = now.status ?? 'ACTIVE';
        const gained = now.tags.filter(tag => !(before?.tags ?? []).includes(tag));
        if (verdict === 'archive' && status === 'ARCHIVED')
            result.done.push(digest);
        else if (gained.length > 0)
            direct.set(digest, `gained tag ${gained.join(', ')} since the listing`);
        else if (status !== (before?.status ?? 'ACTIVE'))
            direct.set(digest, `now ${status}`);
    }
    for (const [digest, reason] of direct)
        view.spared.set(digest, reason);
    const keepDigests = new Set([...view.rules.keepDigests, ...view.spared.keys()]);
    const plan = planCleanup([...view.records.values()], view.graph, { ...view.rules, keepDigests }, view.now, view.inUse);
    const decided = new Map(plan.decisions.map(d => [d.digest, d]));
    for (const { digest, verdict } of batch) {
        if (!fresh.has(digest) || result.done.includes(digest))
            continue;
        const again = decided.get(digest);
        if (again?.verdict === verdict) {
            result.go.push({ digest, verdict });
            continue;
        }
        const reason = direct.get(digest) ??
            (again?.verdict === 'keep' ? (again.rule ?? 'kept') : `now planned: ${again?.verdict}`);
        view.spared.set(digest, reason);
        result.spared.push({ digest, reason });
    }
    return result;
}

;// CONCATENATED MODULE: ./src/cleanup/execute.ts






/** Tries per image: a child that an index deleted in the same batch still referenced goes on the next. */
const ATTEMPTS_PER_IMAGE = 3;
/** UpdateImageStorageClass takes one image a call: a few at once, well under ECR's rate. */
const ARCHIVE_CONCURRENCY = 5;
/**
 * Deletes or archives one repository's planned images in the planned order (parents before children),
 * 100 a batch. Right before each batch's calls, the batch is read again (one DescribeImages) and decided
 * again against what the registry holds now: what a rollback or a new tag made wanted is spared. A child
 * ECR still finds referenced (its index went in the same batch, or another index not listed as going
 * holds it) is queued again behind the rest, a bounded number of times; what still fails is reported,
 * never counted as done. Calls: 2 × ceil(n / 100) for deletions, plus the retries; an archival is one
 * call per image, and the archived statuses are read back at the end.
 */
async function executePlan(store, repository, going, view) {
    const result = {
        deleted: new Set(),
        archived: new Set(),
        alreadyGone: new Set(),
        spared: new Map(),
        failed: []
    };
    const attempts = new Map();
    const queue = [...going];
    while (queue.length > 0) {
        const batch = queue.splice(0, ecr_images/* BATCH_SIZE */.BU);
        const now = await store.describeImagesNow(repository, batch.map(g => g.digest));
        const fresh = new Map([...now].map(([digest, detail]) => [digest, toImageRecord(detail)]));
        const decided = recheckBatch(view, batch, fresh);
        decided.done.forEach(digest => result.alreadyGone.add(digest));
        for (const { digest, reason } of decided.spared)
            result.spared.set(digest, reason);
        if (decided.spared.length > 0) {
            log/* info */.p(`${repository}: ${decided.spared.length} spared, read again right before the call: ` +
                decided.spared
                    .slice(0, 5)
                    .map(s => `${s.digest.slice(0, 19)}… (${s.reason})`)
                    .join(', '));
        }
        const deletions = decided.go.filter(g => g.verdict === 'delete').map(g => g.digest);
        const archivals = decided.go.filter(g => g.verdict === 'archive').map(g => g.digest);
        if (deletions.length > 0) {
            const referenced = await deleteBatch(store, repository, deletions, result);
            for (const digest of referenced) {
                const tries = (attempts.get(digest) ?? 1) + 1;
                attempts.set(digest, tries);
                if (tries <= ATTEMPTS_PER_IMAGE)
                    queue.push({ digest, verdict: 'delete' });
                else {
                    result.failed.push({
                        digest,
                        code: 'ImageReferencedByManifestList',
                        reason: 'an image index that is kept still references it'
                    });
                }
            }
        }
        if (archivals.length > 0)
            await archiveBatch(store, repository, archivals, result, view);
    }
    if (result.archived.size > 0)
        await checkArchived(store, repository, result);
    return result;
}
/** One BatchDeleteImage; returns the digests ECR refused for now because an index still references them. */
async function deleteBatch(store, repository, digests, result) {
    const outcome = await store.deleteImages(repository, digests);
    log/* info */.p(`${repository}: BatchDeleteImage ${digests.length} → ${outcome.deleted.length} deleted` +
        (outcome.alreadyGone.length ? `, ${outcome.alreadyGone.length} already gone` : '') +
        (outcome.referenced.length ? `, ${outcome.referenced.length} still referenced (retried later)` : '') +
        (outcome.failed.length ? `, ${outcome.failed.length} failed` : ''));
    outcome.deleted.forEach(digest => result.deleted.add(digest));
    outcome.alreadyGone.forEach(digest => result.alreadyGone.add(digest));
    result.failed.push(...outcome.failed);
    return outcome.referenced;
}
/** UpdateImageStorageClass for each image, a few at a time; a refusal is that image's failure. */
async function archiveBatch(store, repository, digests, result, view) {
    const limit = (0,p_limit/* default */.A)(ARCHIVE_CONCURRENCY);
    const outcomes = await Promise.all(digests.map(digest => limit(async () => {
        try {
            return { digest, status: await store.archiveImage(repository, digest) };
        }
        catch (error) {
            return { digest, error: (0,errors/* messageOf */.bD)(error) };
        }
    })));
    for (const outcome of outcomes) {
        if ('error' in outcome) {
            result.failed.push({
                digest: outcome.digest,
                code: 'UpdateImageStorageClass',
                reason: outcome.error ?? ''
            });
        }
        else if (outcome.status !== 'ARCHIVED') {
            result.failed.push({
                digest: outcome.digest,
                code: outcome.status,
                reason: 'not ARCHIVED after the call'
            });
        }
        else {
            result.archived.add(outcome.digest);
            const record = view.records.get(outcome.digest);
            if (record)
                view.records.set(outcome.digest, { ...record, status: 'ARCHIVED' });
        }
    }
    log/* info */.p(`${repository}: archived ${outcomes.filter(o => 'status' in o && o.status === 'ARCHIVED').length} of ${digests.length}`);
}
/**
 * Reads back every image archived: what ECR does with the children of an archived index is not
 * documented, so each image's own status is what counts.
 */
async function checkArchived(store, repository, result) {
    const now = await store.describeImagesNow(repository, [...result.archived]);
    for (const digest of [...result.archived]) {
        const status = now.get(digest)?.imageStatus ?? 'gone';
        if (status === 'ARCHIVED')
            continue;
        result.archived.delete(digest);
        result.failed.push({ digest, code: String(status), reason: 'not ARCHIVED when read back' });
    }
}

// EXTERNAL MODULE: ./src/common/inputs.ts
var common_inputs = __webpack_require__(9184);
// EXTERNAL MODULE: ./src/ecr/hosts.ts
var hosts = __webpack_require__(4045);
;// CONCATENATED MODULE: ./src/ecr/in-use/references.ts




/** The kinds of deployment the scan reads, and the other sources of "in use". */
const SCAN_KINDS = ['ecs', 'lambda', 'batch', 'apprunner', 'inspector'];
/** Pure: an input naming scan kinds (a list, any case; `none` alone for none; empty for the fallback). */
function parseScanKinds(input, raw, fallback) {
    const given = (0,common_inputs/* parseList */.E1)(raw);
    if (given.length === 0)
        return [...fallback];
    if (given.length === 1 && given[0]?.toLowerCase() === 'none')
        return [];
    return given.map(kind => {
        const known = SCAN_KINDS.find(k => k === kind.toLowerCase());
        if (!known)
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(kind)} is not one of ${SCAN_KINDS.join(', ')}, or none (alone)`);
        return known;
    });
}
/** The API each kind is read through (its endpoint choice is checked before any call). */
const SCAN_SERVICES = {
    ecs: 'ECS',
    lambda: 'Lambda',
    batch: 'Batch',
    apprunner: 'AppRunner',
    inspector: 'Inspector2'
};
/**
 * Pure: the references that name this registry, resolved to digests of the repositories being cleaned.
 * A reference by tag counts as the digest the tag holds now (looked up in the listed images: no call), a
 * reference by digest as that digest, and a digest the deployment reports as running counts too. Hosts are
 * parsed with the ECR host parser (FIPS, dual-stack, China and EU hosts alike); anything else is elsewhere.
 */
function resolveInUse(references, registry, images) {
    const result = { byRepository: new Map(), elsewhere: 0, unresolved: [] };
    const tagIndex = new Map();
    for (const [repository, details] of images) {
        const tags = new Map();
        for (const detail of details) {
            for (const tag of detail.imageTags ?? [])
                if (detail.imageDigest)
                    tags.set(tag, detail.imageDigest);
        }
        tagIndex.set(repository, tags);
    }
    const add = (repository, digest, reference) => {
        const digests = result.byRepository.get(repository) ?? new Map();
        const uses = digests.get(digest) ?? [];
        if (!uses.some(u => u.where === reference.where && u.source === reference.source)) {
            uses.push({ source: reference.source, where: reference.where });
        }
        digests.set(digest, uses);
        result.byRepository.set(repository, digests);
    };
    for (const reference of references) {
        const target = ownReference(reference.image, registry);
        if (target === 'elsewhere') {
            result.elsewhere++;
            continue;
        }
        if (target === undefined || !images.has(target.repository))
            continue;
        if (target.digest)
            add(target.repository, target.digest, reference);
        if (reference.digest && /^sha256:[a-f0-9]{64}$/.test(reference.digest)) {
            add(target.repository, reference.digest, reference);
        }
        if (target.tag && !target.digest) {
            const digest = tagIndex.get(target.repository)?.get(target.tag);
            if (digest)
                add(target.repository, digest, reference);
            else if (!reference.digest)
                result.unresolved.push(reference.image);
        }
    }
    return result;
}
/**
 * The repository, tag and digest a reference names in this registry; 'elsewhere' for another registry;
 * undefined for text that is no image reference at all.
 */
function ownReference(image, registry) {
    const parsed = (0,registry_reference/* parseReference */.F2)(image.trim(), { domain: 'allowed' });
    if (typeof parsed === 'string')
        return undefined;
    const host = parsed.domain ? (0,hosts/* parseRegistryHost */.TZ)(parsed.domain) : undefined;
    const prefix = 'publicAlias' in registry ? `${registry.publicAlias}/` : '';
    const ours = 'publicAlias' in registry
        ? host?.kind === 'public' && parsed.repository.startsWith(prefix)
        : host?.kind === 'private' && host.accountId === registry.accountId && host.region === registry.region;
    if (!ours)
        return 'elsewhere';
    return {
        repository: parsed.repository.slice(prefix.length),
        tag: parsed.digest ? undefined : (parsed.tag ?? 'latest'),
        digest: parsed.digest
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/common/aws.ts
var aws = __webpack_require__(2064);
;// CONCATENATED MODULE: ./src/ecr/client.ts



/**
 * The ECR API client. Credentials and the endpoint come from the SDK's standard chain
 * (AWS_* variables, web identity, profiles, AWS_ENDPOINT_URL_ECR); throttling ("Rate exceeded",
 * a bare 429) is handled by the SDK's adaptive retry mode. The endpoint variant as common/endpoints.ts decides.
 */
function createEcrClient(region, endpoint) {
    return new dist_cjs/* ECRClient */.S70((0,aws/* awsClientConfig */.r)('ECR', region, endpoint));
}
/** The region the client will call, or a clear error saying how to provide one. */
async function resolveRegion(client) {
    let region;
    try {
        region = await client.config.region();
    }
    catch {
        region = undefined;
    }
    if (!region) {
        throw new errors/* ActionError */.lZ('No AWS region is set: give aws-region to aws-actions/configure-aws-credentials before this step, ' +
            'or set AWS_REGION in the environment.');
    }
    return region;
}

// EXTERNAL MODULE: ./src/common/endpoint-regions.ts
var endpoint_regions = __webpack_require__(7820);
// EXTERNAL MODULE: ./src/common/endpoints.ts
var endpoints = __webpack_require__(9459);
;// CONCATENATED MODULE: ./src/ecr/endpoints.ts




/**
 * Refuses, before any call, an endpoint choice that something the step uses does not offer: the registry
 * host (which follows the choice whatever the API overrides), and each API without an override (an
 * override, AWS_ENDPOINT_URL[_<SERVICE>], wins for the API calls). One error naming the input, each region
 * and what exists there.
 */
function refuseUnofferedEndpoints(input, variant, uses, env) {
    if (!variant.fips && !variant.dualStack)
        return;
    const reasons = new Set();
    for (const use of uses) {
        if (use.registry === 'private') {
            const refusal = (0,hosts/* registryRefusal */.AE)(use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
        if (use.registry === 'public')
            reasons.add(`ECR Public's registry has no ${(0,endpoints/* choiceOf */.FH)(variant)} host confirmed (public.ecr.aws: default only)`);
        for (const service of use.services) {
            if ((0,endpoints/* endpointOverride */.Ku)(service, env) !== undefined)
                continue;
            const refusal = (0,endpoint_regions/* apiEndpointRefusal */.w)(service, use.region, variant);
            if (refusal)
                reasons.add(refusal);
        }
    }
    if (reasons.size > 0)
        throw new errors/* InputError */.dz(input, `${(0,endpoints/* choiceOf */.FH)(variant)} is not offered: ${[...reasons].join('; ')}`);
}

// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
;// CONCATENATED MODULE: ./src/ecr/image-status.ts



/** Answers that mean "read the listing instead": an image of the batch is gone, or the call shape refused. */
const FALL_BACK_TO_LISTING = new Set(['ImageNotFoundException', 'InvalidParameterException']);
/**
 * The images with these digests as the registry holds them now, whatever their status; gone ones are
 * absent. One DescribeImages by image IDs (status ANY) per 100 digests. ECR answers such a call with
 * ImageNotFoundException when any one of them is gone (and may refuse `filter` beside `imageIds`): then
 * the repository's listing (status ANY, 1,000 a page) is read instead, which cannot miss an image. Not
 * BatchGetImage: its reads may count as pulls.
 */
async function describeImagesNow(client, repositoryName, digests, registryId) {
    const found = new Map();
    for (const batch of (0,ecr_images/* chunks */.VN)(digests, ecr_images/* BATCH_SIZE */.BU)) {
        let details;
        try {
            const response = await (0,ecr_errors/* callAws */.IY)(`DescribeImages ${repositoryName}`, () => client.send(new dist_cjs/* DescribeImagesCommand */.ji5({
                repositoryName,
                registryId,
                imageIds: batch.map(imageDigest => ({ imageDigest })),
                filter: { imageStatus: 'ANY' }
            })));
            details = response.imageDetails ?? [];
        }
        catch (error) {
            if (!FALL_BACK_TO_LISTING.has((0,ecr_errors/* awsErrorName */.ZH)(error) ?? ''))
                throw error;
            const wanted = new Set(batch);
            details = (await (0,ecr_images/* listImages */.v8)(client, repositoryName, registryId)).filter(d => wanted.has(d.imageDigest ?? ''));
        }
        for (const detail of details)
            if (detail.imageDigest)
                found.set(detail.imageDigest, detail);
    }
    return found;
}
/** Moves one image to the archive storage class; the status ECR reports after the call. */
async function archiveImage(client, repositoryName, imageDigest, registryId) {
    const response = await (0,ecr_errors/* callAws */.IY)(`UpdateImageStorageClass ${repositoryName}@${imageDigest}`, () => client.send(new dist_cjs/* UpdateImageStorageClassCommand */.T_3({
        repositoryName,
        registryId,
        imageId: { imageDigest },
        targetStorageClass: 'ARCHIVE'
    })));
    return response.imageStatus ?? 'UNKNOWN';
}
/**
 * The digests of a repository's archived images (ListImages, status ARCHIVED: usually one page). Empty
 * where they cannot be read (no ecr:ListImages, or a registry without the archive storage class): a
 * delivery then reports a restored image as pushed.
 */
async function archivedDigests(client, repositoryName, registryId) {
    try {
        const pages = paginateListImages({ client, pageSize: 1000 }, { repositoryName, registryId, filter: { imageStatus: 'ARCHIVED' } });
        const ids = await collectPages(`ListImages ${repositoryName}`, pages, page => page.imageIds);
        return new Set(ids.map(id => id.imageDigest ?? '').filter(Boolean));
    }
    catch {
        return new Set();
    }
}

;// CONCATENATED MODULE: ./src/ecr/image-store.ts


/** ECR's private registry (the caller's own, or `registryId`'s). */
function privateImageStore(client, registryId) {
    return {
        kind: 'private',
        listRepositories: () => (0,ecr_images/* listRepositories */.xW)(client, registryId),
        listImages: repository => (0,ecr_images/* listImages */.v8)(client, repository, registryId),
        getManifests: (repository, digests) => (0,ecr_images/* getManifests */.Rv)(client, repository, digests, registryId),
        describeImagesNow: (repository, digests) => describeImagesNow(client, repository, digests, registryId),
        deleteImages: (repository, digests) => (0,ecr_images/* deleteImages */.KK)(client, repository, digests, registryId),
        archiveImage: (repository, digest) => archiveImage(client, repository, digest, registryId),
        deleteEmptyRepository: repository => (0,ecr_images/* deleteEmptyRepository */.Ds)(client, repository, registryId)
    };
}

;// CONCATENATED MODULE: ./src/cleanup/constants.ts
/** The action's output names, as action.yml declares them. */
const Output = {
    deletedCount: 'deleted-count',
    deletedBytes: 'deleted-bytes',
    keptCount: 'kept-count',
    alreadyGoneCount: 'already-gone-count',
    failedCount: 'failed-count',
    inUseCount: 'in-use-count',
    archivedCount: 'archived-count',
    archivedBytes: 'archived-bytes',
    sparedCount: 'spared-count',
    deletedRepositories: 'deleted-repositories',
    planFile: 'plan-file'
};
/** The action's input names, as action.yml declares them: every getInput and input error uses these. */
const Input = {
    repositories: 'repositories',
    registryId: 'registry-id',
    registryType: 'registry-type',
    keepLast: 'keep-last',
    olderThan: 'older-than',
    tagPatterns: 'tag-patterns',
    keepTags: 'keep-tags',
    untagged: 'untagged',
    untaggedOlderThan: 'untagged-older-than',
    keepDigests: 'keep-digests',
    keepInUse: 'keep-in-use',
    keepRevisions: 'keep-revisions',
    inUseRegions: 'in-use-regions',
    inUseImages: 'in-use-images',
    keepPulledWithin: 'keep-pulled-within',
    deleteEmptyRepositories: 'delete-empty-repositories',
    action: 'action',
    archivedOlderThan: 'archived-older-than',
    dryRun: 'dry-run',
    maxDeletions: 'max-deletions',
    endpoint: 'endpoint'
};

;// CONCATENATED MODULE: ./src/cleanup/registry.ts










/**
 * ECR's private registry, or ECR Public (its API in us-east-1; its manifests read through the registry).
 * The endpoint choice is checked against everything the run will call before the first call.
 */
async function openRegistry(inputs) {
    if (inputs.registryType === 'private') {
        const ecr = createEcrClient(undefined, inputs.endpoint);
        const region = await resolveRegion(ecr);
        const sts = inputs.rules.keepPulledWithinMs !== undefined;
        refuseEndpoints(inputs, region, { region, services: sts ? ['ECR', 'STS'] : ['ECR'] });
        if (sts)
            await warnWithoutPullTimeExclusion(ecr, region, inputs);
        return { store: privateImageStore(ecr, inputs.registryId), region };
    }
    // Deployments that pull public images run in the workflow's region.
    const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
    refuseEndpoints(inputs, region, { region: 'us-east-1', services: ['ECR PUBLIC'], registry: 'public' });
    const [{ createEcrPublicClient, PUBLIC_REGISTRY_HOST }, { publicImageStore }, { RegistryClient }, { registryHooks }] = await Promise.all([
        __webpack_require__.e(/* import() */ 852).then(__webpack_require__.bind(__webpack_require__, 7852)),
        __webpack_require__.e(/* import() */ 508).then(__webpack_require__.bind(__webpack_require__, 6508)),
        __webpack_require__.e(/* import() */ 969).then(__webpack_require__.bind(__webpack_require__, 4969)),
        __webpack_require__.e(/* import() */ 691).then(__webpack_require__.bind(__webpack_require__, 6691))
    ]);
    // Anyone may read public images: the manifests are read without credentials.
    const registry = new RegistryClient({
        endpoint: `https://${PUBLIC_REGISTRY_HOST}`,
        basicToken: '',
        ...registryHooks
    });
    const store = publicImageStore(await createEcrPublicClient(inputs.endpoint), async (path, digest) => {
        const stored = await registry.getManifest(path, digest);
        return stored?.manifest;
    });
    return { store, region };
}
/** The registry's use, and every region's deployment scans (Inspector only in the registry's region). */
function refuseEndpoints(inputs, region, registry) {
    const { kinds, regions } = inputs.inUse;
    const scans = [...new Set([region, ...regions])].map(scanned => ({
        region: scanned,
        services: kinds
            .filter(kind => kind !== 'inspector' || scanned === region)
            .map(kind => SCAN_SERVICES[kind])
    }));
    refuseUnofferedEndpoints(Input.endpoint, inputs.endpoint, [registry, ...scans], process.env);
}
/** The repositories the patterns match (a pattern matching none warns), and who the registry is. */
async function findRepositories(store, inputs, region) {
    const repositories = await store.listRepositories();
    const matched = new Set();
    for (const pattern of inputs.repositories) {
        const hits = repositories.filter(r => picomatch_default().isMatch(r.name, pattern));
        if (hits.length === 0)
            core/* warning */.$e(`repositories: ${(0,errors/* quote */.hD)(pattern)} matches no repository`);
        hits.forEach(r => matched.add(r.name));
    }
    const names = [...matched].sort();
    if (store.kind === 'public') {
        // public.ecr.aws/<alias>/<name>: the alias is what references name the registry by.
        const uri = repositories.find(r => r.uri)?.uri;
        const alias = uri?.split('/')[1];
        return { names, identity: alias ? { publicAlias: alias } : undefined };
    }
    const accountId = inputs.registryId ?? repositories[0]?.registryId;
    return { names, identity: accountId ? { accountId, region } : undefined };
}
/** Every matched repository listed whole; any failure throws (a partial listing is never a plan). */
async function listAll(store, names) {
    const listings = new Map();
    for (const name of names) {
        const details = await store.listImages(name);
        const manifests = await store.getManifests(name, manifestsToRead(details));
        listings.set(name, { details, manifests });
    }
    return listings;
}
/**
 * keep-pulled-within trusts lastRecordedPullTime, which reads of a scanner or of this cleanup may refresh:
 * warns when the caller is not registered with RegisterPullTimeUpdateExclusion. Only a note when the caller
 * may not read the exclusions.
 */
async function warnWithoutPullTimeExclusion(ecr, region, inputs) {
    const { callerArn, coversCaller, pullTimeExclusions } = await __webpack_require__.e(/* import() */ 785).then(__webpack_require__.bind(__webpack_require__, 8166));
    try {
        const [caller, excluded] = await Promise.all([
            callerArn(region, inputs.endpoint),
            pullTimeExclusions(ecr)
        ]);
        if (!excluded.some(principal => coversCaller(caller, principal))) {
            core/* warning */.$e(`keep-pulled-within: ${caller} is not registered with RegisterPullTimeUpdateExclusion, so its own reads ` +
                '(and those of other tools using it) may count as pulls and keep images "recently pulled"; see the README');
        }
    }
    catch (error) {
        log/* info */.p(`keep-pulled-within: could not check the pull-time update exclusions (${(0,errors/* messageOf */.bD)(error)})`);
    }
}

;// CONCATENATED MODULE: ./src/ecr/names.ts


/**
 * The names every action checks its inputs against, in one place: ECR repository names and tags (the
 * registry reference grammar), account IDs and region names. Each parser takes the input's name and its raw
 * value, so the error names the input.
 */
const REPOSITORY_NAME = (/* unused pure expression or super */ null && (REPOSITORY_PATH));

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** An ECR repository name (2 to 256 characters of the reference grammar); undefined when empty. */
function parseRepositoryName(input, raw) {
    const name = raw.trim();
    if (name === '')
        return undefined;
    if (name.length < 2 || name.length > 256) {
        throw new InputError(input, `${quote(name)} must be 2 to 256 characters long (it has ${name.length})`);
    }
    if (!REPOSITORY_NAME.test(name)) {
        throw new InputError(input, `${quote(name)} is not a valid ECR repository name: lowercase letters and digits, separated by ".", "_", "__" or ` +
            'dashes, in path components joined by "/" (no leading, trailing or doubled separators)');
    }
    return name;
}
/** A 12-digit AWS account ID; undefined when empty. */
function parseAccountId(input, raw) {
    const id = raw.trim();
    if (id === '')
        return undefined;
    if (!ACCOUNT_ID.test(id))
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(id)} is not an AWS account ID (12 digits)`);
    return id;
}
/** A region name such as eu-west-1 or us-gov-west-1. */
function parseRegion(input, raw) {
    const region = raw.trim();
    if (!REGION.test(region))
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.hD)(region)} is not a region name (like eu-west-1)`);
    return region;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/common/files.ts
var files = __webpack_require__(8994);
;// CONCATENATED MODULE: ./src/cleanup/inputs.ts











/** What keep-in-use scans when it is left at its default. */
const DEFAULT_KEEP_IN_USE = ['ecs', 'lambda'];
/** An in-use-images file holds one reference per line (or kubectl's space separated list): 4 MiB is plenty. */
const MAX_IMAGES_FILE_BYTES = 4 * 1024 * 1024;
/** A push uploads an index's children before the index: younger untagged images may be one in flight. */
const SAFE_UNTAGGED_AGE_MS = 3_600_000;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** ECR charges an archived image for 90 days at least, whenever it is deleted. */
const ARCHIVE_MINIMUM_MS = 90 * 86_400_000;
/** Reads and checks every cleanup input, before any AWS call. */
function parseCleanupInputs(get, env = {}) {
    const repositories = (0,common_inputs/* parseList */.E1)(get(Input.repositories));
    if (repositories.length === 0) {
        throw new errors/* InputError */.dz(Input.repositories, 'must name at least one repository or pattern (team/*, **)');
    }
    const registryId = parseAccountId(Input.registryId, get(Input.registryId));
    const untaggedOlderThanMs = parseDuration(Input.untaggedOlderThan, get(Input.untaggedOlderThan) || '1d');
    const untagged = (0,common_inputs/* parseEnum */.nL)(Input.untagged, get(Input.untagged), ['delete', 'keep']) ?? 'delete';
    const warnings = [];
    if (untagged === 'delete' && untaggedOlderThanMs < SAFE_UNTAGGED_AGE_MS) {
        warnings.push('untagged-older-than is below 1h: the untagged children of a multi-platform push still in flight ' +
            '(pushed before their index) can be deleted from under it');
    }
    const action = (0,common_inputs/* parseEnum */.nL)(Input.action, get(Input.action), ['delete', 'archive']) ?? 'delete';
    const archivedOlderThanMs = get(Input.archivedOlderThan).trim()
        ? parseDuration(Input.archivedOlderThan, get(Input.archivedOlderThan))
        : undefined;
    if (archivedOlderThanMs !== undefined && archivedOlderThanMs < ARCHIVE_MINIMUM_MS) {
        warnings.push('archived-older-than is below 90d: ECR charges an archived image for 90 days of storage at least, ' +
            'so deleting it sooner saves nothing');
    }
    const registryType = (0,common_inputs/* parseEnum */.nL)(Input.registryType, get(Input.registryType), ['private', 'public']) ?? 'private';
    const inputs = {
        repositories,
        registryType,
        registryId,
        warnings,
        rules: {
            keepLast: (0,common_inputs/* parseInteger */.cG)(Input.keepLast, get(Input.keepLast), { min: 0, max: 100_000, fallback: 10 }),
            olderThanMs: parseDuration(Input.olderThan, get(Input.olderThan) || '30d'),
            tagPatterns: orDefault((0,common_inputs/* parseList */.E1)(get(Input.tagPatterns)), ['*']),
            keepTags: (0,common_inputs/* parseList */.E1)(get(Input.keepTags)),
            untagged,
            untaggedOlderThanMs,
            keepDigests: new Set((0,common_inputs/* parseLines */.Li)(get(Input.keepDigests)).map(parseKeepDigest)),
            keepPulledWithinMs: get(Input.keepPulledWithin).trim()
                ? parseDuration(Input.keepPulledWithin, get(Input.keepPulledWithin))
                : undefined,
            action,
            archivedOlderThanMs
        },
        dryRun: (0,common_inputs/* parseBoolean */.yG)(Input.dryRun, get(Input.dryRun), false),
        inUse: parseInUseInputs(get),
        deleteEmptyRepositories: (0,common_inputs/* parseBoolean */.yG)(Input.deleteEmptyRepositories, get(Input.deleteEmptyRepositories), false),
        maxDeletions: (0,common_inputs/* parseInteger */.cG)(Input.maxDeletions, get(Input.maxDeletions), {
            min: 0,
            max: 1_000_000,
            fallback: 500
        }),
        endpoint: (0,endpoints/* variantOf */.Bp)((0,endpoints/* parseEndpointChoice */.A4)(Input.endpoint, get(Input.endpoint), name => env[name]))
    };
    if (registryType === 'public')
        refusePrivateOnly(inputs);
    return inputs;
}
/**
 * ECR Public has no registry of another account to name, no pull times and no archive storage class: the
 * inputs that rely on them are refused, before any call.
 */
function refusePrivateOnly(inputs) {
    const refused = [
        [Input.registryId, inputs.registryId !== undefined],
        [Input.keepPulledWithin, inputs.rules.keepPulledWithinMs !== undefined],
        [Input.action, inputs.rules.action === 'archive'],
        [Input.archivedOlderThan, inputs.rules.archivedOlderThanMs !== undefined]
    ];
    const given = refused.find(([, isGiven]) => isGiven);
    if (given) {
        throw new errors/* InputError */.dz(given[0], 'applies only to private registries, not with registry-type public (ECR Public has no pull times, no archive and one registry)');
    }
}
function orDefault(values, fallback) {
    return values.length > 0 ? values : fallback;
}
/** `sha256:…` or an image URI ending in `@sha256:…` (what a deployment references). */
function parseKeepDigest(entry) {
    const digest = entry.includes('@') ? entry.slice(entry.lastIndexOf('@') + 1) : entry;
    if (!DIGEST.test(digest)) {
        throw new errors/* InputError */.dz(Input.keepDigests, `${(0,errors/* quote */.hD)(entry)} is neither a sha256:… digest nor an image URI ending in @sha256:…`);
    }
    return digest;
}
function parseInUseInputs(get) {
    const kinds = parseScanKinds(Input.keepInUse, get(Input.keepInUse), DEFAULT_KEEP_IN_USE);
    const regions = (0,common_inputs/* parseList */.E1)(get(Input.inUseRegions)).map(region => parseRegion(Input.inUseRegions, region));
    return {
        kinds,
        keepRevisions: (0,common_inputs/* parseInteger */.cG)(Input.keepRevisions, get(Input.keepRevisions), {
            min: 0,
            max: 1000,
            fallback: 3
        }),
        regions,
        images: parseInUseImages(get(Input.inUseImages))
    };
}
/**
 * `in-use-images`: references one per line (or separated by spaces, as `kubectl get pods -o
 * jsonpath='{..image}'` prints them), or the path of a file in the workspace that holds them. Each is
 * checked against the reference grammar.
 */
function parseInUseImages(raw) {
    const text = raw.trim();
    if (text === '')
        return [];
    let content = text;
    if (!/\s/.test(text) && isWorkspaceFile(text)) {
        try {
            content = (0,files/* readFileInside */.XW)(text, (0,files/* workspaceRoot */.oS)(), MAX_IMAGES_FILE_BYTES).toString('utf8');
        }
        catch (error) {
            throw new errors/* InputError */.dz(Input.inUseImages, error.message);
        }
    }
    const withoutComments = content
        .split('\n')
        .map(line => line.replace(/(^|\s)#.*$/, ''))
        .join('\n');
    const references = [...new Set(withoutComments.split(/\s+/).filter(item => item !== ''))];
    for (const reference of references) {
        const parsed = (0,registry_reference/* parseReference */.F2)(reference, { domain: 'allowed' });
        if (typeof parsed === 'string') {
            throw new errors/* InputError */.dz(Input.inUseImages, `${(0,errors/* quote */.hD)(reference)} is not an image reference: ${parsed}`);
        }
    }
    return references;
}
function isWorkspaceFile(path) {
    try {
        return (0,external_node_fs_.statSync)((0,external_node_path_.resolve)((0,files/* workspaceRoot */.oS)(), path)).isFile();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/cleanup/plan-file.ts


/**
 * The plan file: every image of every repository, kept, deleted or archived, with the rule that decided,
 * where an image in use is used, and why a planned one was spared. Written in dry runs too; its path is the
 * `plan-file` output.
 */
async function writePlanFile(reports, planOnly, now, dir) {
    const file = (0,external_node_path_.join)(dir, `ecr-cleanup-plan-${now.getTime()}.json`);
    const document = {
        generatedAt: now.toISOString(),
        planOnly,
        repositories: reports.map(r => ({
            name: r.name,
            repositoryDeletion: r.repositoryDeletion,
            images: r.decisions.map(d => ({
                digest: d.digest,
                tags: d.tags,
                pushedAt: d.pushedAt.toISOString(),
                size: d.size,
                verdict: d.verdict,
                rule: d.rule,
                usedBy: d.usedBy,
                status: d.status,
                deleted: r.deleted.has(d.digest),
                archived: r.archived.has(d.digest) || undefined,
                alreadyGone: r.alreadyGone.has(d.digest) || undefined,
                spared: r.spared.get(d.digest),
                failure: r.failed.find(f => f.digest === d.digest)
            }))
        }))
    };
    await (0,promises_.writeFile)(file, JSON.stringify(document, null, 2));
    return file;
}

;// CONCATENATED MODULE: ./src/common/format.ts
/** 1536 → "1.5 KiB". */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** `sha256:0123456789ab…` for tables; full digests go in outputs. */
function shortDigest(digest) {
    return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

;// CONCATENATED MODULE: ./src/common/summary.ts


// Pieces for the job summary, which is HTML: every value that the action did not write itself (tags,
// digests, names, registry and AWS messages) goes in escaped.
/** A value for HTML in the job summary: markup characters escaped. */
function escapeHtml(value) {
    return String(value)
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;');
}
const code = (value) => `<code>${escapeHtml(value)}</code>`;
/**
 * `html` (markup the caller built, values escaped) as a link when `url` is http(s); with any other scheme
 * (javascript:, data:) it is shown without the link.
 */
function summary_link(url, html) {
    if (!url || !/^https?:\/\//i.test(url))
        return html;
    return `<a href="${escapeHtml(url)}">${html}</a>`;
}
/** A table's header row. */
const headerRow = (...names) => names.map(data => ({ data, header: true }));
/** Builds and writes the summary; a failure to write it is a warning, never a failed step. */
async function writeSummary(build) {
    try {
        build(core/* summary */.z);
        await core/* summary */.z.write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${(0,errors/* messageOf */.bD)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/cleanup/summary.ts



const MAX_ROWS = 200;
/** Per repository: images before and after, what the in-use scan saved, what went (or would go) and why. */
async function writeCleanupSummary(reports, dryRun, deleteEmptyRepositories) {
    await writeSummary(summary => {
        summary.addHeading(dryRun ? 'ECR cleanup plan (dry run: nothing deleted)' : 'ECR cleanup', 2);
        const archiving = reports.some(r => r.decisions.some(d => d.verdict === 'archive'));
        summary.addTable([
            headerRow('Repository', 'Images before', dryRun ? 'Would delete' : 'Deleted', ...(archiving ? [dryRun ? 'Would archive' : 'Archived'] : []), 'Bytes', 'Images after', 'In use', 'Spared', 'Already gone', 'Failed'),
            ...reports.map(r => {
                const going = goingOf(r, dryRun);
                const deleting = going.filter(d => d.verdict === 'delete');
                const archived = going.filter(d => d.verdict === 'archive');
                return [
                    code(r.name),
                    String(r.decisions.length),
                    String(deleting.length),
                    ...(archiving ? [String(archived.length)] : []),
                    formatBytes(going.reduce((sum, d) => sum + d.size, 0)),
                    String(r.decisions.length - deleting.length - r.alreadyGone.size),
                    String(r.decisions.filter(d => d.rule === 'in-use').length),
                    String(r.spared.size),
                    String(r.alreadyGone.size),
                    String(r.failed.length)
                ];
            })
        ]);
        addInUse(summary, reports);
        if (deleteEmptyRepositories)
            addRepositoryDeletions(summary, reports, dryRun);
        for (const report of reports)
            addDeleted(summary, report, dryRun);
    });
}
/** What the scan saved: per repository, images kept by each kind of use, and the images it kept from deletion. */
function addInUse(summary, reports) {
    const used = reports.filter(r => r.decisions.some(d => d.usedBy));
    if (used.length === 0)
        return;
    summary.addHeading('In use', 3);
    summary.addTable([
        headerRow('Repository', 'Kept by kind of use'),
        ...used.map(r => {
            const counts = new Map();
            for (const d of r.decisions) {
                for (const kind of new Set((d.usedBy ?? []).map(u => u.split(':')[0] ?? u)))
                    counts.set(kind, (counts.get(kind) ?? 0) + 1);
            }
            return [code(r.name), escapeHtml([...counts].map(([kind, n]) => `${kind} ${n}`).join(', '))];
        })
    ]);
    const saved = reports.flatMap(r => r.saved.map(d => ({ repository: r.name, decision: d })));
    if (saved.length === 0)
        return;
    summary.addRaw(`<p>Kept because in use (the other rules would have deleted them): ${saved.length}</p>`, true);
    summary.addTable([
        headerRow('Repository', 'Digest', 'Tags', 'Where used'),
        ...saved
            .slice(0, MAX_ROWS)
            .map(({ repository, decision: d }) => [
            code(repository),
            code(shortDigest(d.digest)),
            escapeHtml(d.tags.join(', ')) || '<i>untagged</i>',
            escapeHtml((d.usedBy ?? [d.rule]).join('; '))
        ])
    ]);
}
function addRepositoryDeletions(summary, reports, dryRun) {
    const empty = reports.filter(r => r.failed.length === 0 && r.decisions.every(d => d.verdict === 'delete'));
    if (empty.length === 0)
        return;
    summary.addHeading(dryRun ? 'Repositories that would be deleted (left empty)' : 'Repositories left empty', 3);
    summary.addList(empty.map(r => `${code(r.name)}${r.repositoryDeletion ? `: ${escapeHtml(r.repositoryDeletion)}` : ''}`));
}
function addDeleted(summary, report, dryRun) {
    const going = goingOf(report, dryRun);
    if (going.length === 0 && report.failed.length === 0 && report.spared.size === 0)
        return;
    summary.addHeading(`${escapeHtml(report.name)}: ${dryRun ? 'plan' : report.archived.size > 0 ? 'done' : 'deleted'}`, 3);
    summary.addTable([
        headerRow('Digest', 'Tags', 'Age', 'Size', dryRun ? 'Would be' : 'Was', 'Rule'),
        ...going
            .slice(0, MAX_ROWS)
            .map(d => [
            code(shortDigest(d.digest)),
            escapeHtml(d.tags.join(', ')) || '<i>untagged</i>',
            formatAge(d.ageMs),
            formatBytes(d.size),
            d.verdict === 'archive' ? 'archived' : 'deleted',
            escapeHtml(d.rule)
        ])
    ]);
    if (going.length > MAX_ROWS)
        summary.addRaw(`<p>… and ${going.length - MAX_ROWS} more (see the plan file)</p>`);
    if (report.spared.size > 0) {
        summary.addRaw(`<p>Spared, read again right before the call: ${report.spared.size}</p>`, true);
        summary.addList([...report.spared]
            .slice(0, MAX_ROWS)
            .map(([digest, why]) => `${code(shortDigest(digest))}: ${escapeHtml(why)}`));
    }
    if (report.failed.length > 0) {
        summary.addList(report.failed.map(f => escapeHtml(`${shortDigest(f.digest)}: ${f.code}: ${f.reason}`)));
    }
}
/** What went (or, in a dry run, would go): deleted or archived. */
function goingOf(report, dryRun) {
    return report.decisions.filter(d => dryRun ? d.verdict !== 'keep' : report.deleted.has(d.digest) || report.archived.has(d.digest));
}

;// CONCATENATED MODULE: ./src/cleanup/outputs.ts



/** The counts the step outputs, from what each repository's execution did (nothing, in a dry run). */
function setCleanupOutputs(reports, planFile) {
    const done = (set) => reports.flatMap(r => r.decisions.filter(d => set(r).has(d.digest)));
    const deleted = done(r => r.deleted);
    const archived = done(r => r.archived);
    const sum = (count) => reports.reduce((total, r) => total + count(r), 0);
    const alreadyGone = sum(r => r.alreadyGone.size);
    const all = sum(r => r.decisions.length);
    if (alreadyGone > 0) {
        log/* info */.p(`${alreadyGone} planned images were gone (or archived) already, by something else meanwhile: not counted as done`);
    }
    core/* setOutput */.uH(Output.deletedCount, deleted.length);
    core/* setOutput */.uH(Output.deletedBytes, deleted.reduce((total, d) => total + d.size, 0));
    core/* setOutput */.uH(Output.archivedCount, archived.length);
    core/* setOutput */.uH(Output.archivedBytes, archived.reduce((total, d) => total + d.size, 0));
    core/* setOutput */.uH(Output.keptCount, all - deleted.length - archived.length - alreadyGone);
    core/* setOutput */.uH(Output.alreadyGoneCount, alreadyGone);
    core/* setOutput */.uH(Output.sparedCount, sum(r => r.spared.size));
    core/* setOutput */.uH(Output.failedCount, sum(r => r.failed.length));
    core/* setOutput */.uH(Output.inUseCount, sum(r => r.decisions.filter(d => d.rule === 'in-use').length));
    core/* setOutput */.uH(Output.deletedRepositories, reports
        .filter(r => r.repositoryDeletion === 'deleted')
        .map(r => r.name)
        .join('\n'));
    core/* setOutput */.uH(Output.planFile, planFile);
}

;// CONCATENATED MODULE: ./src/cleanup/main.ts













/**
 * The cleanup action: find the repositories, list every image, find what is in use, plan over the image
 * graph, check the limits, then delete (and, when asked, delete the repositories left empty). Everything
 * is read before anything is deleted: a failed listing or scan deletes nothing.
 */
async function run() {
    const inputs = parseCleanupInputs(name => core/* getInput */.V4(name), process.env);
    for (const warning of inputs.warnings)
        core/* warning */.$e(warning);
    const { store, region } = await openRegistry(inputs);
    const now = new Date();
    const { names, identity } = await core/* group */.Os('Find repositories', () => findRepositories(store, inputs, region));
    const listings = await listAll(store, names);
    const inUse = await core/* group */.Os('Find images in use', () => findImagesInUse(inputs, identity, region, listings, now));
    const reports = planAll(listings, inputs, inUse, now);
    const total = reports.reduce((sum, r) => sum + r.waves.flat().length, 0);
    const tooMany = total > inputs.maxDeletions;
    const planOnly = inputs.dryRun || tooMany;
    if (!planOnly) {
        await executeAll(store, reports, listings, { inputs, inUse, now });
        if (inputs.deleteEmptyRepositories)
            await deleteEmptied(store, reports);
    }
    const planFile = await writePlanFile(reports, planOnly, now, process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    await writeCleanupSummary(reports, planOnly, inputs.deleteEmptyRepositories);
    setCleanupOutputs(reports, planFile);
    const verb = planVerb(reports);
    if (tooMany) {
        throw new errors/* ActionError */.lZ(`The plan ${verb.present} ${total} images, more than max-deletions (${inputs.maxDeletions}): nothing was ${verb.past}. ` +
            `Check the plan (${planFile}), then raise max-deletions if it is right.`);
    }
    if (inputs.dryRun)
        log/* info */.p(`Dry run: ${total} images would be ${verb.past}; nothing was.`);
    const failedCount = reports.reduce((sum, r) => sum + r.failed.length, 0);
    if (failedCount > 0) {
        throw new errors/* ActionError */.lZ(`${failedCount} images could not be ${verb.past}; the rest are done (see the job summary)`);
    }
    const repositoryFailures = reports.filter(r => r.repositoryDeletion?.startsWith('failed'));
    if (repositoryFailures.length > 0) {
        throw new errors/* ActionError */.lZ(`Could not delete ${repositoryFailures.map(r => `${r.name} (${r.repositoryDeletion})`).join(', ')}`);
    }
}
/** Scans the deployments and adds in-use-images; empty when nothing is to be scanned or no repository matched. */
async function findImagesInUse(inputs, identity, region, listings, now) {
    const none = { byRepository: new Map(), elsewhere: 0, unresolved: [] };
    const { kinds, images } = inputs.inUse;
    if (listings.size === 0 || !identity || (kinds.length === 0 && images.length === 0)) {
        if (kinds.length === 0)
            log/* info */.p('keep-in-use is none: no deployment is scanned');
        return none;
    }
    const found = images.map(image => ({
        image,
        source: 'in-use-images',
        where: 'in-use-images'
    }));
    if (kinds.length > 0) {
        const [{ scanDeployments }, { InUseScanError }] = await Promise.all([
            __webpack_require__.e(/* import() */ 25).then(__webpack_require__.bind(__webpack_require__, 25)),
            __webpack_require__.e(/* import() */ 206).then(__webpack_require__.bind(__webpack_require__, 5206))
        ]);
        const regions = [...new Set([region, ...inputs.inUse.regions])];
        try {
            found.push(...(await scanDeployments({
                kinds,
                regions,
                registryRegions: [region],
                keepRevisions: inputs.inUse.keepRevisions,
                keepPulledWithinMs: inputs.rules.keepPulledWithinMs,
                now,
                endpoint: inputs.endpoint
            })));
        }
        catch (error) {
            if (!(error instanceof InUseScanError))
                throw error;
            throw new errors/* ActionError */.lZ(`The in-use scan failed, so nothing was deleted: ${error.detail}. Allow ${error.call} for this role ` +
                `(see the README's IAM policy), or leave ${error.kind} out of keep-in-use or its region out of ` +
                'in-use-regions (keep-in-use: none turns the scan off).', { cause: error });
        }
    }
    const details = new Map([...listings].map(([name, listing]) => [name, listing.details]));
    const inUse = resolveInUse(found, identity, details);
    const kept = [...inUse.byRepository.values()].reduce((sum, digests) => sum + digests.size, 0);
    log/* info */.p(`in use: ${kept} images of the repositories being cleaned`);
    if (inUse.elsewhere > 0)
        log/* info */.p(`in use: ${inUse.elsewhere} references to other registries (not this one's to keep)`);
    if (inUse.unresolved.length > 0) {
        log/* info */.p(`in use: ${inUse.unresolved.length} references by a tag no image holds now: ${inUse.unresolved.slice(0, 10).join(', ')}`);
    }
    return inUse;
}
function planAll(listings, inputs, inUse, now) {
    return [...listings].map(([name, { details, manifests }]) => {
        const records = details.map(toImageRecord);
        const graph = buildImageGraph(details, manifests);
        const used = inUse.byRepository.get(name) ?? new Map();
        const plan = planCleanup(records, graph, inputs.rules, now, used);
        // What the scan saved: kept now, deleted by the same rules without it.
        const without = used.size > 0 ? planCleanup(records, graph, inputs.rules, now) : plan;
        const deletedWithout = new Set(without.decisions.filter(d => d.verdict === 'delete').map(d => d.digest));
        const saved = plan.decisions.filter(d => d.verdict === 'keep' && deletedWithout.has(d.digest));
        const archiving = plan.decisions.filter(d => d.verdict === 'archive').length;
        const deleting = plan.decisions.filter(d => d.verdict === 'delete').length;
        log/* info */.p(`${name}: ${details.length} images, ${deleting} to delete` +
            (archiving ? `, ${archiving} to archive` : '') +
            (saved.length ? `, ${saved.length} kept because in use` : ''));
        return {
            name,
            decisions: plan.decisions,
            waves: plan.waves,
            saved,
            deleted: new Set(),
            archived: new Set(),
            alreadyGone: new Set(),
            spared: new Map(),
            failed: []
        };
    });
}
/**
 * Deletes (or archives) what each repository's plan lets go, one repository after another; each batch is
 * read again and decided again right before its calls (execute.ts).
 */
async function executeAll(store, reports, listings, context) {
    const { inputs, inUse, now } = context;
    for (const report of reports) {
        const listing = listings.get(report.name);
        if (report.waves.length === 0 || !listing)
            continue;
        const verdicts = new Map(report.decisions.map(d => [d.digest, d.verdict]));
        const going = report.waves
            .flat()
            .map(digest => ({ digest, verdict: verdicts.get(digest) }));
        const view = {
            records: new Map(listing.details.map(d => [d.imageDigest ?? '', toImageRecord(d)])),
            graph: buildImageGraph(listing.details, listing.manifests),
            rules: inputs.rules,
            now,
            inUse: inUse.byRepository.get(report.name) ?? new Map(),
            spared: new Map()
        };
        const result = await core/* group */.Os(`Clean up ${report.name}`, () => executePlan(store, report.name, going, view));
        Object.assign(report, result);
    }
}
/** How the step's messages name what the plan does. */
function planVerb(reports) {
    const verdicts = new Set(reports.flatMap(r => r.decisions.map(d => d.verdict)));
    if (verdicts.has('archive') && verdicts.has('delete'))
        return { present: 'deletes or archives', past: 'deleted or archived' };
    return verdicts.has('archive')
        ? { present: 'archives', past: 'archived' }
        : { present: 'deletes', past: 'deleted' };
}
/**
 * A repository the run left with no image is deleted without `force`: an image pushed meanwhile makes ECR
 * refuse, which is reported, never retried with force. A repository that keeps anything is never emptied.
 */
async function deleteEmptied(store, reports) {
    for (const report of reports.filter(isLeftEmpty)) {
        try {
            const outcome = await store.deleteEmptyRepository(report.name);
            report.repositoryDeletion =
                outcome === 'deleted' ? 'deleted' : 'not deleted: an image was pushed meanwhile';
            log/* info */.p(`${report.name}: repository ${report.repositoryDeletion}`);
        }
        catch (error) {
            report.repositoryDeletion = `failed: ${(0,errors/* messageOf */.bD)(error)}`;
        }
    }
}
/** Whether the plan deletes every image of the repository (or it had none) and nothing failed. */
function isLeftEmpty(report) {
    return report.failed.length === 0 && report.decisions.every(d => d.verdict === 'delete');
}


/***/ }),

/***/ 2064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* unused harmony export QuotaAwareRetryStrategy */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3609);
/* harmony import */ var _connections_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4857);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9459);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9521);




/**
 * What every AWS SDK client of the suite shares: the region (given, or AWS_REGION / AWS_DEFAULT_REGION,
 * else the profile's), the SDK's adaptive retry with 5 attempts (throttling arrives as a bare 429 "Rate
 * exceeded"; a quota is final), and the user agent. Credentials and endpoints come from the SDK's standard chain:
 * AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as for any AWS tool. With a proxy variable set,
 * requests (and the STS calls of role credentials, which inherit the handler) go through connections.ts.
 * The endpoint variant (dual-stack, FIPS) is told to every client explicitly, as endpoints.ts decides.
 */
function awsClientConfig(service, region, endpoint) {
    const requestHandler = (0,_connections_js__WEBPACK_IMPORTED_MODULE_0__/* .connections */ .oQ)().sdkRequestHandler();
    return {
        ...(requestHandler ? { requestHandler } : {}),
        region: region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined),
        customUserAgent: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._,
        retryStrategy: new QuotaAwareRetryStrategy(MAX_ATTEMPTS),
        ...(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .clientEndpoint */ .tr)(service, endpoint, process.env)
    };
}
const MAX_ATTEMPTS = 5;
/**
 * The SDK's adaptive retry, the one retry layer of AWS calls, but for quotas: ECR raises
 * LimitExceededException when a quota is reached (images per repository, repositories per registry, tags
 * per image), and the SDK counts it as throttling. Waiting does not lift a quota: it is final at once.
 */
class QuotaAwareRetryStrategy extends _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__.AdaptiveRetryStrategy {
    async refreshRetryTokenForRetry(token, errorInfo) {
        if (errorInfo.error?.name === 'LimitExceededException')
            throw errorInfo.error;
        return super.refreshRetryTokenForRetry(token, errorInfo);
    }
}


/***/ }),

/***/ 7820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ apiEndpointRefusal)
/* harmony export */ });
/* unused harmony export partitionOf */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5152);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9459);


const US = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];
const GOV = ['us-gov-east-1', 'us-gov-west-1'];
const CANADA = ['ca-central-1', 'ca-west-1'];
const DUAL_STACK_PARTITIONS = { partitions: ['aws', 'aws-cn', 'aws-us-gov'] };
const OFFERS = {
    ECR: {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...GOV] }
    },
    // ECR Public's dual-stack registry host is not confirmed, nor any FIPS endpoint: IPv4 only.
    'ECR PUBLIC': {},
    ECS: { 'dual-stack': { partitions: ['aws'] }, fips: { regions: [...US, ...GOV] } },
    Lambda: { 'dual-stack': DUAL_STACK_PARTITIONS, fips: { regions: [...US, ...GOV] } },
    Batch: { fips: { regions: [...US, ...GOV] } },
    AppRunner: { fips: { regions: ['us-east-1', 'us-east-2', 'us-west-2'] } },
    Inspector2: { fips: { regions: [...US, ...GOV] } },
    'Secrets Manager': {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...CANADA, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...CANADA, ...GOV] }
    },
    // KMS: FIPS endpoints (kms-fips.<region>) in the US, Canada and GovCloud; no dual-stack one confirmed.
    KMS: { fips: { regions: [...US, ...CANADA, ...GOV] } },
    STS: {
        'dual-stack': DUAL_STACK_PARTITIONS,
        fips: { regions: [...US, ...GOV] },
        'fips-dual-stack': { regions: [...US, ...CANADA] }
    }
};
/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, ...), as the SDK's endpoint rules say. */
function partitionOf(region) {
    return (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_1__.partition)(region).name;
}
function offeredIn(where, region) {
    if (!where)
        return false;
    return (where.regions ?? []).includes(region) || (where.partitions ?? []).includes(partitionOf(region));
}
function describe(where) {
    if (!where)
        return 'nowhere confirmed';
    const parts = [...(where.partitions ?? []).map(name => `every ${name} region`), ...(where.regions ?? [])];
    return parts.join(', ');
}
/**
 * Why `service` cannot be called at the variant's endpoint in `region`, or undefined when it can: what the
 * region has instead, and where the variant is offered.
 */
function apiEndpointRefusal(service, region, variant, label = service) {
    const choice = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .choiceOf */ .FH)(variant);
    if (choice === 'default')
        return undefined;
    const offers = OFFERS[service];
    if (offeredIn(offers[choice], region))
        return undefined;
    const there = [
        'default',
        ...['dual-stack', 'fips', 'fips-dual-stack'].filter(c => offeredIn(offers[c], region))
    ];
    return (`${label} has no ${choice} endpoint in ${region} (there: ${there.join(', ')}; ` +
        `${choice}: ${describe(offers[choice])})`);
}


/***/ }),

/***/ 9459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ parseEndpointChoice),
/* harmony export */   Bp: () => (/* binding */ variantOf),
/* harmony export */   FH: () => (/* binding */ choiceOf),
/* harmony export */   Ku: () => (/* binding */ endpointOverride),
/* harmony export */   tr: () => (/* binding */ clientEndpoint)
/* harmony export */ });
/* unused harmony exports ENDPOINT_CHOICES, DEFAULT_ENDPOINT, AWS_SERVICES, endpointUrlVariable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * The endpoint choice (IPv4, dual-stack, FIPS, both): the one place that decides, for every SDK client an
 * action creates and for the registry host, which endpoint variant is used. Pure: the environment is given.
 */
const ENDPOINT_CHOICES = ['default', 'dual-stack', 'fips', 'fips-dual-stack'];
const DEFAULT_ENDPOINT = { fips: false, dualStack: false };
function variantOf(choice) {
    return { fips: choice.startsWith('fips'), dualStack: choice.endsWith('dual-stack') };
}
function choiceOf(variant) {
    if (variant.fips)
        return variant.dualStack ? 'fips-dual-stack' : 'fips';
    return variant.dualStack ? 'dual-stack' : 'default';
}
/** The SDK's own switches, as configure-aws-credentials users set them job-wide. */
const USE_DUALSTACK = 'AWS_USE_DUALSTACK_ENDPOINT';
const USE_FIPS = 'AWS_USE_FIPS_ENDPOINT';
/**
 * The `endpoint` input: one of ENDPOINT_CHOICES; when empty, the SDK's convention
 * (AWS_USE_DUALSTACK_ENDPOINT=true, AWS_USE_FIPS_ENDPOINT=true). A given input wins over the variables.
 */
function parseEndpointChoice(input, raw, lookup) {
    const value = raw.trim().toLowerCase();
    if (value !== '') {
        const choice = ENDPOINT_CHOICES.find(candidate => candidate === value);
        if (!choice)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${ENDPOINT_CHOICES.join(' | ')}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(raw.trim())}`);
        return choice;
    }
    return choiceOf({
        fips: sdkSwitch(input, lookup, USE_FIPS),
        dualStack: sdkSwitch(input, lookup, USE_DUALSTACK)
    });
}
/** `true` or `false` (any case), as the SDK reads them; unset or empty is false; anything else is refused. */
function sdkSwitch(input, lookup, name) {
    const value = (lookup(name) ?? '').trim().toLowerCase();
    if (value === '' || value === 'false')
        return false;
    if (value === 'true')
        return true;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is empty, so ${name} decides, and it must be true or false, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(lookup(name) ?? '')}`);
}
/**
 * The AWS services the actions create clients for, by the SDK's service ID (what AWS_ENDPOINT_URL_<ID>
 * is named after: upper case, spaces as underscores).
 */
const AWS_SERVICES = (/* unused pure expression or super */ null && ([
    'ECR',
    'ECR PUBLIC',
    'ECS',
    'Lambda',
    'Batch',
    'AppRunner',
    'Inspector2',
    'Secrets Manager',
    'STS',
    'KMS'
]));
/** `AWS_ENDPOINT_URL_SECRETS_MANAGER` for `Secrets Manager`. */
function endpointUrlVariable(service) {
    return `AWS_ENDPOINT_URL_${service.toUpperCase().replaceAll(' ', '_')}`;
}
/**
 * The endpoint override the SDK will use for a service's API calls, read as the SDK reads the environment:
 * AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, neither when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.
 */
function endpointOverride(service, env) {
    if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').trim().toLowerCase() === 'true')
        return undefined;
    return env[endpointUrlVariable(service)] || env.AWS_ENDPOINT_URL || undefined;
}
/**
 * What a client of `service` is told for a variant. An override wins for the API calls: the client is then
 * told neither variant, since the SDK refuses an override with either ("Invalid Configuration: Dualstack
 * and custom endpoint are not supported"). The registry host follows the choice regardless (ecr/hosts.ts).
 */
function clientEndpoint(service, variant, env) {
    if (endpointOverride(service, env) !== undefined)
        return { useFipsEndpoint: false, useDualstackEndpoint: false };
    return { useFipsEndpoint: variant.fips, useDualstackEndpoint: variant.dualStack };
}


/***/ }),

/***/ 8994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XW: () => (/* binding */ readFileInside),
/* harmony export */   oS: () => (/* binding */ workspaceRoot)
/* harmony export */ });
/* unused harmony exports FileReadError, isInside, readRegularFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Why a file could not be read; the message never quotes the file's content. */
class FileReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileReadError';
    }
}
/** The workspace that relative paths in inputs are read from (GITHUB_WORKSPACE on a runner). */
function workspaceRoot() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/** Whether `path` is `root` or lies under it (both already resolved). */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Reads a regular file that lies inside `root` (after following every symlink), whole, refusing more
 * than `maxBytes`. A path may be relative to `root` or absolute, but must resolve inside it: a workflow's
 * policy file is part of its repository, never `/etc/shadow`.
 */
function readFileInside(path, root, maxBytes) {
    let real;
    let rootReal;
    try {
        rootReal = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    }
    catch {
        throw new FileReadError(`the workspace ${root} does not exist`);
    }
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(rootReal, path));
    }
    catch {
        throw new FileReadError(`${path} does not exist in the workspace`);
    }
    if (!isInside(rootReal, real)) {
        throw new FileReadError(`${path} is outside the workspace (${rootReal}): give a path inside it`);
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
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch {
        throw new FileReadError(`${what} is missing`);
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            throw new FileReadError(`${what} is not a regular file`);
        if (stats.size > maxBytes) {
            throw new FileReadError(`${what} has ${stats.size} bytes, more than the ${maxBytes} allowed`);
        }
        // Read at most one byte past the cap: a file that grows meanwhile is still refused.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
            read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
        }
        if (length > maxBytes)
            throw new FileReadError(`${what} has more than the ${maxBytes} bytes allowed`);
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 9184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports parseKeyValues, wildcardToRegExp, STALL_TIMEOUT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * Helpers that turn raw input strings into typed values. Each action's `inputs.ts` calls them
 * from one parse function, so every rule is checked in one place before any work starts.
 * They take the raw string, not a name to look up, so they stay pure and table-testable.
 */
/** Items separated by newlines or commas, trimmed, blanks dropped, duplicates removed (order kept). */
function parseList(raw) {
    const items = raw
        .split(/[\n,]/)
        .map(item => item.trim())
        .filter(item => item !== '');
    return [...new Set(items)];
}
/** Items one per line (for values that may contain commas), trimmed, blanks and `#` comments dropped. */
function parseLines(raw) {
    return raw
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
function parseBoolean(input, raw, fallback) {
    const value = raw.trim().toLowerCase();
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be true or false, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(raw.trim())}`);
}
/** A whole number within bounds; empty gives the fallback. */
function parseInteger(input, raw, bounds) {
    const value = raw.trim();
    if (value === '')
        return bounds.fallback;
    if (!/^\d+$/.test(value) || Number(value) < bounds.min || Number(value) > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a whole number from ${bounds.min} to ${bounds.max}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
    }
    return Number(value);
}
/** One of a fixed set of values (case-insensitive match, canonical spelling returned); empty → undefined. */
function parseEnum(input, raw, allowed) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const match = allowed.find(candidate => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${allowed.join(' | ')}, got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
    return match;
}
/** `key=value` per line (or comma separated); keys unique. */
function parseKeyValues(input, raw) {
    const result = {};
    for (const item of parseList(raw)) {
        const separator = item.indexOf('=');
        if (separator <= 0)
            throw new InputError(input, `each entry must be key=value, got ${quote(item)}`);
        const key = item.slice(0, separator).trim();
        if (key in result)
            throw new InputError(input, `key ${quote(key)} is given twice`);
        result[key] = item.slice(separator + 1).trim();
    }
    return result;
}
/** A wildcard pattern where `*` matches any run of characters and nothing else is special. */
function wildcardToRegExp(pattern) {
    const escaped = pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.*')}$`);
}
/** The `stall-timeout` input of the actions that reach a registry (deliver, pull-through-cache). */
const STALL_TIMEOUT = {
    fallback: '60s',
    units: ['s', 'm'],
    minMs: 1000,
    maxMs: 3_600_000
};


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ info)
});

// UNUSED EXPORTS: neutralize

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/common/workflow.ts

/**
 * The runner's protocol without @actions/core: what the deliver action's post step needs (its state, a
 * warning, a plain line), so that step loads a few kilobytes instead of @actions/core's megabyte (its OIDC
 * client brings undici). Written as @actions/core writes them (`__tests__/common/workflow.test.ts` holds the
 * two together). `neutralize` lives here too, so a plain line is made safe by the one rule log.ts applies.
 */
// C0 controls but tab, DEL, and the Unicode line breaks: each could start a new line somewhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;
const NAMED = { '\r': '\\r', '\n': '\\n' };
/**
 * Text that cannot be read as a workflow command: CR, LF and other controls become visible escapes
 * (`\r`, `\n`, `\u001b`), a leading `::` becomes `:\:` and every `##[` becomes `#\#[`.
 */
function neutralize(text) {
    return text
        .replace(LINE_BREAKING, char => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replaceAll('##[', '#\\#[')
        .replace(/^(\s*):(?=:)/, '$1:\\');
}
/** What the main step saved under `name` (core.saveState), as core.getState reads it. */
function stateOf(name) {
    return process.env[`STATE_${name}`] || '';
}
/** A plain line, neutralised (log.info's rule, for a step without @actions/core). */
function printLine(text) {
    // eslint-disable-next-line no-restricted-properties -- the post step's raw write, neutralised first
    process.stdout.write(neutralize(text) + EOL);
}
/** A warning annotation, its message escaped as core.warning escapes it. */
function printWarning(message) {
    const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    // eslint-disable-next-line no-restricted-properties -- a workflow command: its data escaped above
    process.stdout.write(`::warning::${data}${EOL}`);
}

;// CONCATENATED MODULE: ./src/common/log.ts



/**
 * The one way to print a plain log line. The runner reads a line as a workflow command when it starts
 * with `::` after leading whitespace, or when it holds `##[` anywhere (the legacy form, still parsed);
 * it breaks lines at CR as well as LF. `core.info` writes raw text, so a path, tag, media type or registry
 * message printed with it could inject `::stop-commands::` or `::add-mask::`. Everything that reaches the
 * log through here is neutralised, whoever wrote it. (`core.warning`, `core.error`, `core.debug` and
 * `core.startGroup` are commands whose data @actions/core escapes: they are safe as they are.)
 */
function info(message) {
    // eslint-disable-next-line no-restricted-properties -- the one sanctioned raw write
    core/* info */.pq(neutralize(message));
}


/***/ }),

/***/ 9521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
/** The suite's version, as package.json has it (a unit test keeps the two equal). */
const VERSION = '0.1.0';
/** What every request the suite makes says it is. */
const USER_AGENT = `ecr-deliver/${VERSION}`;


/***/ }),

/***/ 2103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IY: () => (/* binding */ callAws),
/* harmony export */   Ni: () => (/* binding */ explainAwsError),
/* harmony export */   VV: () => (/* binding */ collectPages),
/* harmony export */   ZH: () => (/* binding */ awsErrorName)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/** The SDK's error name, if the value is an SDK service or client error. */
function awsErrorName(error) {
    return error instanceof Error ? error.name : undefined;
}
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'ProviderError', 'TokenProviderError']);
const AUTH_ERRORS = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'ExpiredTokenException',
    'ExpiredToken',
    'InvalidSignatureException',
    'SignatureDoesNotMatch'
]);
/**
 * Turns the SDK's credential and permission failures into messages that say how to fix them;
 * other errors pass through unchanged.
 */
function explainAwsError(error, action) {
    const name = awsErrorName(error);
    if (name !== undefined && CREDENTIAL_ERRORS.has(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`No AWS credentials were found for ${action}: add aws-actions/configure-aws-credentials ` +
            '(role-to-assume with permissions id-token: write) before this step, or set AWS_ACCESS_KEY_ID and ' +
            `AWS_SECRET_ACCESS_KEY. (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)})`, { cause: error });
    }
    if (name !== undefined && AUTH_ERRORS.has(name)) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`AWS rejected the credentials for ${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, {
            cause: error
        });
    }
    if (name === 'LimitExceededException') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: an ECR quota is reached (${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}). A quota is not throttling, so it is not ` +
            'retried: remove what counts toward it (images, repositories, tags), or ask for a higher quota.', { cause: error });
    }
    // The proxy's own error already names the proxy and its variable: said with the call.
    if (name === 'ProxyError')
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`, { cause: error });
    const network = networkFailure(error);
    if (network) {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${action}: could not reach the AWS endpoint ${network}`, { cause: error });
    }
    if (name === 'AccessDeniedException') {
        return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Access denied for ${action}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)} (see the README for the minimal IAM policy)`, {
            cause: error
        });
    }
    return error;
}
/** Node's socket errors as they reach the SDK's caller. */
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'TimeoutError'
]);
/**
 * A connection that never got an answer, said as the endpoint, the reason and the attempts the SDK's
 * retry made (its one retry layer for AWS calls); undefined for an answer from AWS.
 */
function networkFailure(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    if (e.$metadata?.httpStatusCode !== undefined)
        return undefined;
    // Node's error as is, or its text where the SDK wrapped it ("… connect ECONNREFUSED 127.0.0.1:1").
    const fromText = /\b([A-Z][A-Z_]+) (\S+)$/.exec(e.message ?? '');
    const code = e.code ?? (fromText && NETWORK_CODES.has(fromText[1]) ? fromText[1] : e.name) ?? '';
    if (!NETWORK_CODES.has(code))
        return undefined;
    const where = e.hostname ??
        (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : (fromText?.[2] ?? 'as configured'));
    const attempts = e.$metadata?.attempts;
    return (`${where} (${code}${attempts ? `, after ${attempts} attempt${attempts > 1 ? 's' : ''}` : ''}): check the ` +
        'network, the proxy variables and any AWS_ENDPOINT_URL_* setting');
}
/** One AWS call whose failure becomes a message that says what to do. */
async function callAws(action, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainAwsError(error, action);
    }
}
/** Every item of every page of an SDK paginator; a failing page fails the whole listing, explained. */
async function collectPages(action, pages, items) {
    return callAws(action, async () => {
        const all = [];
        for await (const page of pages)
            all.push(...(items(page) ?? []));
        return all;
    });
}


/***/ }),

/***/ 4045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ registryRefusal),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost)
/* harmony export */ });
/* unused harmony exports registryHostOf, accountOfHost, registryHostFor, registryHostIn */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5152);
/* harmony import */ var _common_endpoint_regions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7820);
/* harmony import */ var _common_endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9459);



// After the ECR credential helper's pattern, which covers every partition ECR runs in.
const PRIVATE_HOST = /^(\d{12})\.dkr([.-])ecr(-fips)?\.([a-z0-9][a-z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const PUBLIC_HOSTS = { 'public.ecr.aws': false, 'ecr-public.aws.com': true };
/**
 * Parses `host`, `host:port`, `https://host/...` or `host/repo:tag` into an ECR registry host,
 * or returns undefined when the host is not an ECR registry.
 */
function parseRegistryHost(value) {
    const hostname = hostnameOf(value);
    if (hostname === undefined)
        return undefined;
    if (hostname in PUBLIC_HOSTS)
        return { kind: 'public', host: hostname, dualStack: PUBLIC_HOSTS[hostname] === true };
    const match = PRIVATE_HOST.exec(hostname);
    if (!match)
        return undefined;
    const [, accountId, separator, fips, region, domain] = match;
    return {
        kind: 'private',
        host: hostname,
        accountId,
        region,
        fips: fips !== undefined,
        dualStack: separator === '-' || domain.startsWith('on.'),
        domain
    };
}
function hostnameOf(value) {
    const trimmed = value.trim();
    if (trimmed === '')
        return undefined;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
        const url = new URL(withScheme);
        if (url.username || url.password)
            return undefined;
        return url.hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}
/** `https://host` → `host`; what docker login and image references use. */
function registryHostOf(proxyEndpoint) {
    const hostname = hostnameOf(proxyEndpoint);
    if (hostname === undefined)
        throw new Error(`not a registry endpoint: ${proxyEndpoint}`);
    const url = new URL(/^https?:\/\//i.test(proxyEndpoint) ? proxyEndpoint : `https://${proxyEndpoint}`);
    return url.port ? `${hostname}:${url.port}` : hostname;
}
/** The account of a private registry host; undefined for any other host. */
function accountOfHost(host) {
    const parsed = parseRegistryHost(host);
    return parsed?.kind === 'private' ? parsed.accountId : undefined;
}
/** The dual-stack registry domain of each partition that has one confirmed; others have none. */
const DUAL_STACK_REGISTRY_DOMAINS = {
    aws: 'on.aws',
    'aws-us-gov': 'on.aws',
    'aws-cn': 'on.amazonwebservices.com.cn'
};
/**
 * The private registry's host for an endpoint variant, or why there is none: `<acct>.dkr.ecr.<region>.<dns>`,
 * `<acct>.dkr.ecr-fips.<region>.amazonaws.com`, `<acct>.dkr-ecr.<region>.on.aws`,
 * `<acct>.dkr-ecr-fips.<region>.on.aws` (China: `on.amazonwebservices.com.cn`). The registry offers a
 * variant where ECR's API does (common/endpoint-regions.ts).
 */
function registryHostFor(accountId, region, variant) {
    const refusal = registryRefusal(region, variant);
    if (refusal)
        return { refusal };
    const { name, dnsSuffix } = partition(region);
    const fips = variant.fips ? '-fips' : '';
    if (!variant.dualStack)
        return { host: `${accountId}.dkr.ecr${fips}.${region}.${dnsSuffix}` };
    return { host: `${accountId}.dkr-ecr${fips}.${region}.${DUAL_STACK_REGISTRY_DOMAINS[name]}` };
}
/** Why the private registry has no host for the variant in `region`, or undefined when it has one. */
function registryRefusal(region, variant) {
    const refusal = (0,_common_endpoint_regions_js__WEBPACK_IMPORTED_MODULE_0__/* .apiEndpointRefusal */ .w)('ECR', region, variant, 'the ECR registry');
    if (refusal || !variant.dualStack)
        return refusal;
    const { name } = (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_2__.partition)(region);
    return DUAL_STACK_REGISTRY_DOMAINS[name]
        ? undefined
        : `the ECR registry has no dual-stack host confirmed in ${name} (${region})`;
}
/**
 * The login's host (what GetAuthorizationToken names: the IPv4 endpoint) as the variant's registry host;
 * unchanged for the default variant. A port is kept.
 */
function registryHostIn(loginHost, variant) {
    if (!variant.fips && !variant.dualStack)
        return loginHost;
    const parsed = parseRegistryHost(loginHost);
    if (parsed?.kind !== 'private')
        throw new Error(`${loginHost} is not a private ECR registry host: it has no ${choiceOf(variant)} host`);
    const chosen = registryHostFor(parsed.accountId, parsed.region, variant);
    if ('refusal' in chosen)
        throw new Error(chosen.refusal);
    const port = new URL(`https://${loginHost}`).port;
    return port ? `${chosen.host}:${port}` : chosen.host;
}


/***/ }),

/***/ 5993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BU: () => (/* binding */ BATCH_SIZE),
  md: () => (/* binding */ PAGE_SIZE),
  VN: () => (/* binding */ chunks),
  Ds: () => (/* binding */ deleteEmptyRepository),
  KK: () => (/* binding */ deleteImages),
  Rv: () => (/* binding */ getManifests),
  v8: () => (/* binding */ listImages),
  xW: () => (/* binding */ listRepositories),
  KB: () => (/* binding */ sortFailures)
});

// UNUSED EXPORTS: readManifests, removeImageTag

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/ecr/errors.ts
var ecr_errors = __webpack_require__(2103);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/common/inputs.ts
var inputs = __webpack_require__(9184);
;// CONCATENATED MODULE: ./src/ecr/mutability.ts

/** Tag mutability: which tags a repository refuses to move (with ECR's exclusions, July 2025). */
const TAG_MUTABILITIES = (/* unused pure expression or super */ null && ([
    'MUTABLE',
    'IMMUTABLE',
    'IMMUTABLE_WITH_EXCLUSION',
    'MUTABLE_WITH_EXCLUSION'
]));
/** The exclusion filters ECR takes for tag patterns. */
function mutability_exclusionFilters(patterns) {
    return patterns?.map(filter => ({ filterType: 'WILDCARD', filter }));
}
/** A repository's tag mutability exclusion patterns, as ECR reports them. */
function mutability_exclusionsOf(repository) {
    return (repository.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '');
}
/** Pure: whether pushing `tag` over an existing, different image is refused by the repository. */
function isTagImmutable(tag, mutability, exclusions) {
    const excluded = exclusions.some(pattern => wildcardToRegExp(pattern).test(tag));
    switch (mutability) {
        case 'IMMUTABLE':
            return true;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return !excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return excluded;
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./src/ecr/settings-diff.ts


/** Pure: repository settings as declared, and how an existing repository differs from them. */
const ENCRYPTION_TYPES = (/* unused pure expression or super */ null && (['AES256', 'KMS', 'KMS_DSSE']));
/** `scan-on-push is false, declared true`; `repository tag team is missing, declared "core"`. */
function describeDifference(difference) {
    const { setting, current, declared } = difference;
    if (setting.startsWith('repository tag ')) {
        return current === undefined
            ? `${setting} is missing, declared ${quote(declared)}`
            : `${setting} is ${quote(current)}, declared ${quote(declared)}`;
    }
    const verb = setting === 'image-tag-mutability-exclusions' ? 'are' : 'is';
    const note = difference.changeable ? '' : ' (encryption cannot change after creation)';
    return `${setting} ${verb} ${current}, declared ${declared}${note}`;
}
/** Pure: what the declared settings would change on an existing repository. */
function settings_diff_diffRepositorySettings(repository, actualTags, desired) {
    const differences = [];
    const differ = (setting, current, declared, changeable = true) => differences.push({ setting, current, declared, changeable });
    const actualMutability = repository.imageTagMutability ?? 'MUTABLE';
    if (desired.tagMutability && desired.tagMutability !== actualMutability) {
        differ('image-tag-mutability', actualMutability, desired.tagMutability);
    }
    if (desired.tagMutabilityExclusions) {
        const actual = exclusionsOf(repository).sort();
        const wanted = [...desired.tagMutabilityExclusions].sort();
        if (actual.join('\n') !== wanted.join('\n')) {
            differ('image-tag-mutability-exclusions', `[${actual.join(', ')}]`, `[${wanted.join(', ')}]`);
        }
    }
    const actualScan = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (desired.scanOnPush !== undefined && desired.scanOnPush !== actualScan) {
        differ('scan-on-push', String(actualScan), String(desired.scanOnPush));
    }
    const actualEncryption = repository.encryptionConfiguration?.encryptionType ?? 'AES256';
    if (desired.encryptionType && desired.encryptionType !== actualEncryption) {
        differ('encryption-type', actualEncryption, desired.encryptionType, false);
    }
    const actualKey = repository.encryptionConfiguration?.kmsKey;
    if (desired.kmsKey && actualKey && !sameKmsKey(actualKey, desired.kmsKey)) {
        differ('kms-key', actualKey, desired.kmsKey, false);
    }
    for (const [key, value] of Object.entries(desired.tags ?? {})) {
        if (actualTags[key] !== value)
            differ(`repository tag ${key}`, key in actualTags ? actualTags[key] : undefined, value);
    }
    return differences;
}
/** A key given as ID, alias or ARN matches the ARN ECR reports when the ARN ends with it. */
function sameKmsKey(actualArn, declared) {
    return (actualArn === declared || actualArn.endsWith(`:key/${declared}`) || actualArn.endsWith(`:${declared}`));
}

// EXTERNAL MODULE: ./src/common/log.ts + 1 modules
var common_log = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/ecr/repositories.ts







/**
 * Makes sure the repository exists: describe, create when missing (with the declared settings),
 * and report how an existing repository differs from what was declared. Never changes an existing one.
 */
async function ensureRepository(client, ref, settings, options) {
    const existing = await (options.described ?? describeRepository(client, ref));
    if (existing) {
        const tags = settings.tags ? await listRepositoryTags(client, existing) : {};
        return {
            repository: existing,
            created: false,
            differences: diffRepositorySettings(existing, tags, settings)
        };
    }
    if (!options.create) {
        throw new ActionError(`Repository ${quote(ref.name)} does not exist${ref.registryId ? ` in registry ${ref.registryId}` : ''} ` +
            'and create-repository is false: create it first, or set create-repository: true.');
    }
    try {
        const { repository } = await client.send(new CreateRepositoryCommand(createRepositoryRequest(ref, settings)));
        if (!repository)
            throw new ActionError(`CreateRepository returned no repository for ${quote(ref.name)}`);
        return { repository, created: true, differences: [] };
    }
    catch (error) {
        // Another job created it between our describe and create: that is what we wanted.
        if (awsErrorName(error) === 'RepositoryAlreadyExistsException') {
            log.info(`Repository ${quote(ref.name)} was created concurrently; using it`);
            const repository = await describeRepository(client, ref);
            if (!repository)
                throw new ActionError(`Repository ${quote(ref.name)} exists but cannot be described`);
            const tags = settings.tags ? await listRepositoryTags(client, repository) : {};
            return { repository, created: false, differences: diffRepositorySettings(repository, tags, settings) };
        }
        const template = awsErrorName(error) === 'AccessDeniedException' ? await options.onPushTemplate?.() : undefined;
        if (template) {
            log.info(`CreateRepository ${ref.name} is denied to this role: the push creates it, from the CREATE_ON_PUSH template ${quote(template.prefix)}`);
            const repository = {
                repositoryName: ref.name,
                registryId: ref.registryId,
                imageTagMutability: template.imageTagMutability
            };
            return { repository, created: false, createdOnPush: template.prefix, differences: [] };
        }
        throw explainAwsError(error, `CreateRepository ${ref.name}`);
    }
}
function createRepositoryRequest(ref, settings) {
    return {
        repositoryName: ref.name,
        registryId: ref.registryId,
        imageTagMutability: settings.tagMutability,
        imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions),
        imageScanningConfiguration: settings.scanOnPush === undefined ? undefined : { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: settings.encryptionType
            ? { encryptionType: settings.encryptionType, kmsKey: settings.kmsKey }
            : undefined,
        tags: settings.tags ? Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value })) : undefined
    };
}
/** Every repository of the registry with its settings, every page. */
async function describeAllRepositories(client, registryId) {
    const pages = (0,dist_cjs/* paginateDescribeRepositories */.LHh)({ client, pageSize: 1000 }, { registryId });
    return (0,ecr_errors/* collectPages */.VV)('DescribeRepositories', pages, page => page.repositories);
}
/** The repository, or undefined when there is none by that name. */
async function describeRepository(client, ref) {
    try {
        const { repositories } = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [ref.name], registryId: ref.registryId }));
        return repositories?.[0];
    }
    catch (error) {
        if (awsErrorName(error) === 'RepositoryNotFoundException')
            return undefined;
        throw explainAwsError(error, `DescribeRepositories ${ref.name}`);
    }
}
async function listRepositoryTags(client, repository) {
    try {
        const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn }));
        return Object.fromEntries((tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']));
    }
    catch (error) {
        // Reading tags is only for a warning: lack of ecr:ListTagsForResource must not fail a push.
        core.warning(`Could not read the tags of ${repository.repositoryName}: ${messageOf(error)}`);
        return {};
    }
}
/**
 * Brings an existing repository's mutability, scan-on-push and resource tags to the declared values
 * (update-repository: true). Encryption cannot change after creation: that stays a difference to report.
 * Returns what was changed, one sentence each.
 */
async function applyRepositorySettings(client, repository, settings) {
    const ref = { repositoryName: repository.repositoryName, registryId: repository.registryId };
    const changed = [];
    const exclusions = exclusionsOf(repository).sort();
    const declaredExclusions = settings.tagMutabilityExclusions?.slice().sort();
    const mutabilityDiffers = (settings.tagMutability !== undefined &&
        settings.tagMutability !== (repository.imageTagMutability ?? 'MUTABLE')) ||
        (declaredExclusions !== undefined && declaredExclusions.join('\n') !== exclusions.join('\n'));
    if (mutabilityDiffers) {
        const mutability = settings.tagMutability ?? repository.imageTagMutability ?? 'MUTABLE';
        await callAws(`PutImageTagMutability ${repository.repositoryName}`, () => client.send(new PutImageTagMutabilityCommand({
            ...ref,
            imageTagMutability: mutability,
            imageTagMutabilityExclusionFilters: exclusionFilters(settings.tagMutabilityExclusions)
        })));
        changed.push(`image-tag-mutability set to ${mutability}`);
    }
    const scanOnPush = repository.imageScanningConfiguration?.scanOnPush ?? false;
    if (settings.scanOnPush !== undefined && settings.scanOnPush !== scanOnPush) {
        const imageScanningConfiguration = { scanOnPush: settings.scanOnPush };
        await callAws(`PutImageScanningConfiguration ${repository.repositoryName}`, () => client.send(new PutImageScanningConfigurationCommand({ ...ref, imageScanningConfiguration })));
        changed.push(`scan-on-push set to ${settings.scanOnPush}`);
    }
    if (settings.tags) {
        const current = await listRepositoryTags(client, repository);
        const missing = Object.entries(settings.tags).filter(([key, value]) => current[key] !== value);
        if (missing.length > 0) {
            const tags = missing.map(([Key, Value]) => ({ Key, Value }));
            await callAws(`TagResource ${repository.repositoryName}`, () => client.send(new TagResourceCommand({ resourceArn: repository.repositoryArn, tags })));
            changed.push(`repository tags set: ${missing.map(([key, value]) => `${key}=${value}`).join(', ')}`);
        }
    }
    return changed;
}

;// CONCATENATED MODULE: ./src/ecr/images.ts





const PAGE_SIZE = 1000;
const BATCH_SIZE = 100;
/** Every repository of the registry (name and registry ID), every page. */
async function listRepositories(client, registryId) {
    return (await describeAllRepositories(client, registryId))
        .filter(r => r.repositoryName)
        .map(r => ({ name: r.repositoryName, registryId: r.registryId }));
}
/**
 * Deletes a repository that is empty (no `force`): a repository that got an image meanwhile makes ECR
 * refuse, and that is an answer, not an error: 'not empty'.
 */
async function deleteEmptyRepository(client, repositoryName, registryId) {
    return (0,ecr_errors/* callAws */.IY)(`DeleteRepository ${repositoryName}`, async () => {
        try {
            await client.send(new dist_cjs/* DeleteRepositoryCommand */.jmh({ repositoryName, registryId }));
            return 'deleted';
        }
        catch (error) {
            if (error instanceof Error && error.name === 'RepositoryNotEmptyException')
                return 'not empty';
            throw error;
        }
    });
}
/**
 * Every image of a repository, every page, archived ones included. Any failure throws: a partial
 * listing must never become a cleanup plan.
 */
async function listImages(client, repositoryName, registryId) {
    const pages = (0,dist_cjs/* paginateDescribeImages */.XiR)({ client, pageSize: PAGE_SIZE }, { repositoryName, registryId, filter: { tagStatus: 'ANY', imageStatus: 'ANY' } });
    return (0,ecr_errors/* collectPages */.VV)(`DescribeImages ${repositoryName}`, pages, page => page.imageDetails);
}
/** Manifests by digest, read as stored (every manifest type accepted), 100 per call. */
async function readManifests(client, repositoryName, digests, registryId) {
    const read = { manifests: new Map(), unread: [], malformed: [] };
    for (const batch of chunks(digests, BATCH_SIZE)) {
        const { images, failures } = await (0,ecr_errors/* callAws */.IY)(`BatchGetImage ${repositoryName}`, () => client.send(new dist_cjs/* BatchGetImageCommand */.P8n({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest })),
            acceptedMediaTypes: media_types/* ACCEPT_ALL_MANIFESTS */.Q5.split(', ')
        })));
        for (const image of images ?? []) {
            const digest = image.imageId?.imageDigest;
            if (!digest || !image.imageManifest)
                continue;
            try {
                read.manifests.set(digest, JSON.parse(image.imageManifest));
            }
            catch {
                read.malformed.push(digest);
            }
        }
        read.unread.push(...(failures ?? []).filter(f => f.failureCode !== 'ImageNotFound'));
    }
    return read;
}
/**
 * Manifests by digest for a cleanup: one that could not be read leaves the graph incomplete (its children
 * would look orphaned), so that fails; one gone since the listing is fine (the deletions read every image
 * again first).
 */
async function getManifests(client, repositoryName, digests, registryId) {
    const { manifests, unread, malformed } = await readManifests(client, repositoryName, digests, registryId);
    const first = unread[0];
    if (first || malformed.length > 0) {
        const what = first
            ? `${first.imageId?.imageDigest ?? 'a manifest'} (${first.failureCode ?? 'failed'}: ${(0,errors/* quote */.hD)(first.failureReason ?? 'no reason given')})`
            : `${malformed[0]} (not JSON)`;
        throw new errors/* ActionError */.lZ(`BatchGetImage ${repositoryName}: could not read ${what}; nothing is deleted while the image graph is incomplete`);
    }
    return manifests;
}
/**
 * BatchDeleteImage by digest, 100 per call. Per-image `failures` are outcomes, not exceptions:
 * ImageNotFound was gone already (not deleted by this call), ImageReferencedByManifestList is for a
 * later try, the rest failed.
 */
async function deleteImages(client, repositoryName, digests, registryId) {
    const total = { deleted: [], alreadyGone: [], referenced: [], failed: [] };
    for (const batch of chunks(digests, BATCH_SIZE)) {
        const response = await (0,ecr_errors/* callAws */.IY)(`BatchDeleteImage ${repositoryName}`, () => client.send(new dist_cjs/* BatchDeleteImageCommand */.wau({
            repositoryName,
            registryId,
            imageIds: batch.map(imageDigest => ({ imageDigest }))
        })));
        const outcome = sortFailures(batch, response.failures ?? []);
        total.deleted.push(...outcome.deleted);
        total.alreadyGone.push(...outcome.alreadyGone);
        total.referenced.push(...outcome.referenced);
        total.failed.push(...outcome.failed);
    }
    return total;
}
function sortFailures(batch, failures) {
    const outcome = { deleted: [], alreadyGone: [], referenced: [], failed: [] };
    const byDigest = new Map(failures.map(f => [f.imageId?.imageDigest ?? '', f]));
    for (const digest of batch) {
        const failure = byDigest.get(digest);
        if (!failure)
            outcome.deleted.push(digest);
        else if (failure.failureCode === 'ImageNotFound')
            outcome.alreadyGone.push(digest);
        else if (failure.failureCode === 'ImageReferencedByManifestList')
            outcome.referenced.push(digest);
        else {
            outcome.failed.push({
                digest,
                code: failure.failureCode ?? 'Unknown',
                reason: failure.failureReason ?? 'no reason given'
            });
        }
    }
    return outcome;
}
/**
 * Removes one tag from a repository through the ECR API (the registry API cannot delete tags). The
 * image goes with it when that was its last tag, as ECR does; a tag already gone is fine.
 */
async function removeImageTag(client, repositoryName, tag, registryId) {
    const response = await callAws(`BatchDeleteImage ${repositoryName}:${tag}`, () => client.send(new BatchDeleteImageCommand({ repositoryName, registryId, imageIds: [{ imageTag: tag }] })));
    const failure = (response.failures ?? []).find(f => f.failureCode !== 'ImageNotFound');
    if (failure) {
        throw new ActionError(`BatchDeleteImage ${repositoryName}:${tag}: ${failure.failureCode ?? 'failed'}: ${failure.failureReason ?? ''}`);
    }
}
function chunks(items, size) {
    const result = [];
    for (let i = 0; i < items.length; i += size)
        result.push(items.slice(i, i + size));
    return result;
}


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   Pw: () => (/* binding */ IMAGE_CONFIG_TYPES),
/* harmony export */   Q5: () => (/* binding */ ACCEPT_ALL_MANIFESTS),
/* harmony export */   kA: () => (/* binding */ INDEX_MEDIA_TYPES),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/* unused harmony exports BlobMediaType, MANIFEST_MEDIA_TYPES, isMediaType, imageManifestSize */
const MediaType = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json'
};
/** Blob media types the suite writes or recognises: image configs and docker's gzipped layer. */
const BlobMediaType = {
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerGzipLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
};
/** A config of one of these types makes a manifest a container image, not an artifact (signature, SBOM…). */
const IMAGE_CONFIG_TYPES = new Set([
    BlobMediaType.ociConfig,
    BlobMediaType.dockerConfig
]);
/**
 * Every manifest type, for Accept. ECR converts a manifest to the one type a client accepts,
 * and the converted manifest has another digest: asking for all four reads what was pushed.
 */
const ACCEPT_ALL_MANIFESTS = [
    MediaType.ociIndex,
    MediaType.dockerManifestList,
    MediaType.ociManifest,
    MediaType.dockerManifest
].join(', ');
/** The manifest types the suite pushes and reads; anything else in a manifest's place is refused. */
const MANIFEST_MEDIA_TYPES = new Set(Object.values(MediaType));
const isManifestMediaType = (value) => typeof value === 'string' && MANIFEST_MEDIA_TYPES.has(value);
// RFC 6838 type/subtype names, as OCI descriptors must carry them (no parameters, no whitespace).
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
/** Whether a descriptor's media type is well formed (configs and layers may carry any such type). */
const isMediaType = (value) => typeof value === 'string' && MEDIA_TYPE.test(value);
const INDEX_MEDIA_TYPES = new Set([
    MediaType.ociIndex,
    MediaType.dockerManifestList
]);
function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** The compressed bytes an image manifest refers to (config and layers), as a registry stores them. */
function imageManifestSize(manifest) {
    return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}


/***/ }),

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   PR: () => (/* binding */ isManifestReference),
/* harmony export */   cZ: () => (/* binding */ ARTIFACT_TAG),
/* harmony export */   og: () => (/* binding */ isRepositoryPath)
/* harmony export */ });
/* unused harmony exports REPOSITORY_PATH, TAG, DIGEST, isTag */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

/**
 * The one grammar for image references, after distribution's `reference` package: every repository
 * name, tag, digest and reference the suite reads from an input, a file or a registry goes through here
 * before it becomes part of a URL or a command line. Path components cannot be empty, `.` or `..`.
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
/** A repository path: lowercase components separated by `.`, `_`, `__` or dashes, joined by `/`. */
const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A tag as docker and OCI tooling accept it. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** A sha256 digest, the only algorithm ECR uses. */
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** cosign's `sha256-<hex>.sig` / `.att` / `.sbom` tags, and the referrers tag schema's: they name the image they belong to. */
const ARTIFACT_TAG = /^sha256-[a-f0-9]{64}(\.[a-z]+)?$/;
const DOMAIN_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]{1,5})?$`);
const isDigest = (value) => typeof value === 'string' && DIGEST.test(value);
const isTag = (value) => typeof value === 'string' && TAG.test(value);
const isRepositoryPath = (value) => typeof value === 'string' && value.length <= 256 && REPOSITORY_PATH.test(value);
/** A manifest reference in a URL: a tag or a digest. */
const isManifestReference = (value) => isTag(value) || isDigest(value);
/**
 * Parses `[domain/]path[:tag][@digest]`. With `domain: 'allowed'` the first component is a registry host
 * when it holds a `.` or `:` or is `localhost` (docker's rule); otherwise every component is a path
 * component. Returns the reason as a string when the text is not a reference.
 */
function parseReference(text, options) {
    if (text.length === 0)
        return 'it is empty';
    if (text.length > 512)
        return 'it is longer than 512 characters';
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return `the digest after @ must be sha256: and 64 lowercase hex digits`;
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return `the tag ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`;
    }
    let domain;
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    if (options.domain === 'allowed' && slash >= 0 && (/[.:]/.test(first) || first === 'localhost')) {
        if (!DOMAIN.test(first))
            return `${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(first)} is not a registry host name`;
        domain = first;
        rest = rest.slice(slash + 1);
    }
    if (!REPOSITORY_PATH.test(rest)) {
        return ('the repository path must be lowercase letters and digits separated by ".", "_", "__" or dashes, ' +
            'in components joined by "/" (no empty, "." or ".." components)');
    }
    return { domain, repository: rest, tag, digest };
}


/***/ })

};
