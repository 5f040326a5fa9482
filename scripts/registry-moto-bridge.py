#!/usr/bin/env python3
"""Mirrors manifest pushes to the test registries into moto's ECR API.

Part of scripts/test-env.sh. The registry's front (scripts/registry-front.mjs) POSTs each manifest push
to /mirror before it answers the client; this fetches the exact manifest bytes from the registry and
PutImage's them into moto (creating the repository when missing), so DescribeImages, BatchGetImage etc.
see what was pushed as soon as the push returns, as they do in ECR.

One registry per region: the main one (--registry, --registry-url, --storage, --region) and one more per
--site REGION,HOST,REGISTRY_URL,STORAGE; each region's pushes go into moto in that region.

  POST /mirror  {repository, digest, tag?, mediaType?, region?}: mirrors one push, answered after the work
                (region: the main one when absent)
  POST /events  distribution's notification envelopes, main region (when a registry is configured to send them)
  POST /sync    mirrors everything in every region's registry storage (for a freshly started moto)
  GET  /health  200 when serving

Stdlib + boto3 (installed with moto). Options default to the variables test-env.sh writes.
"""
import argparse
import hashlib
import json
import os
import ssl
import sys
import threading
import time
import urllib.request
from base64 import b64encode
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

MANIFEST_TYPES = (
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
)


def log(message):
    print(f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {message}", flush=True)


def error_code(error):
    return error.response.get("Error", {}).get("Code", "") if isinstance(error, ClientError) else ""


class Bridge:
    """One region's registry and its region in moto."""

    def __init__(self, args, region, registry, registry_url, storage):
        self.region = region
        self.registry = registry
        self.registry_url = registry_url or f"https://{registry}"
        self.storage = storage
        self.auth = "Basic " + b64encode(f"{args.user}:{args.password}".encode()).decode()
        # No proxies: the registry host name resolves to a loopback address (/etc/hosts).
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=args.ca)),
        )
        self.ecr = boto3.session.Session().client(
            "ecr",
            endpoint_url=args.moto_url,
            region_name=region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(connect_timeout=2, read_timeout=30, retries={"max_attempts": 2}),
        )
        # One mirror at a time: keeps pushes in the registry's order, and a delivery the
        # registry retries after a timeout waits for the first attempt instead of racing it.
        self.lock = threading.Lock()

    def fetch_manifest(self, repository, digest):
        """The manifest's exact bytes and Content-Type, from the registry."""
        request = urllib.request.Request(
            f"{self.registry_url}/v2/{repository}/manifests/{digest}",
            headers={"Authorization": self.auth, "Accept": ", ".join(MANIFEST_TYPES)},
        )
        with self.opener.open(request, timeout=10) as response:
            return response.read(), response.headers.get_content_type()

    def find_image(self, repository, image_id):
        """moto's imageDetail for {imageDigest|imageTag: ...}, or None."""
        try:
            details = self.ecr.describe_images(repositoryName=repository, imageIds=[image_id])
        except ClientError as e:
            if error_code(e) in ("ImageNotFoundException", "RepositoryNotFoundException"):
                return None
            raise
        return (details.get("imageDetails") or [None])[0]

    def ensure_repository(self, repository):
        try:
            self.ecr.create_repository(repositoryName=repository)
            log(f"created repository {repository} ({self.region})")
        except ClientError as e:
            if error_code(e) != "RepositoryAlreadyExistsException":
                raise

    def put(self, repository, manifest, media_type, digest, tag=None):
        self.ecr.put_image(
            repositoryName=repository,
            imageManifest=manifest,
            imageManifestMediaType=media_type,
            imageDigest=digest,
            **({"imageTag": tag} if tag else {}),
        )

    def untagged_by_move(self, repository, tag, digest):
        """(manifest, media type, digest) of the image that pushing tag at digest leaves untagged.

        ECR keeps such an image, untagged; moto's PutImage deletes it, so it is put back after.
        """
        current = self.find_image(repository, {"imageTag": tag})
        if not current or current["imageDigest"] == digest or current.get("imageTags") != [tag]:
            return None
        got = self.ecr.batch_get_image(
            repositoryName=repository,
            imageIds=[{"imageDigest": current["imageDigest"]}],
            acceptedMediaTypes=list(MANIFEST_TYPES),
        )["images"]
        if not got:
            return None
        manifest = got[0]["imageManifest"]
        media_type = got[0].get("imageManifestMediaType") or json.loads(manifest).get("mediaType")
        return manifest, media_type, current["imageDigest"]

    def mirror(self, repository, digest, media_type=None, tag=None, quiet=False):
        """Makes moto hold the registry's manifest repository@digest (tagged tag, if any).

        Returns whether moto changed; quiet: no log line when it did not.
        """
        body, content_type = self.fetch_manifest(repository, digest)
        actual = "sha256:" + hashlib.sha256(body).hexdigest()
        if actual != digest:
            raise RuntimeError(f"registry served {actual} for {digest}")
        media_type = media_type or content_type
        if media_type not in MANIFEST_TYPES:
            log(f"skipped {repository}@{digest} ({self.region}): media type {media_type}")
            return False
        name = f"{repository}{':' + tag if tag else ''}@{digest} ({self.region})"
        self.ensure_repository(repository)
        if not tag:
            # PutImage without a tag is a no-op in ECR when the digest is there already.
            if self.find_image(repository, {"imageDigest": digest}):
                if not quiet:
                    log(f"already in moto: {name}")
                return False
            self.put(repository, body.decode("utf-8"), media_type, digest)
            log(f"mirrored {name} ({media_type})")
            return True
        moved = self.untagged_by_move(repository, tag, digest)
        try:
            self.put(repository, body.decode("utf-8"), media_type, digest, tag)
        except ClientError as e:
            if error_code(e) != "ImageAlreadyExistsException":
                raise
            current = self.find_image(repository, {"imageTag": tag})
            if current and current["imageDigest"] == digest:
                if not quiet:
                    log(f"already in moto: {name}")
                return False
            # The registry accepted what ECR would have refused (tag immutability).
            raise RuntimeError(f"moto refused {name} (immutable tag?), the registry took it: {e}") from e
        log(f"mirrored {name} ({media_type})")
        if moved:
            self.put(repository, *moved)
            log(f"kept {repository}@{moved[2]} ({self.region}) as untagged (tag {tag} moved)")
        return True

    def handle_events(self, envelope):
        for event in envelope.get("events", []):
            target = event.get("target") or {}
            if event.get("action") != "push" or target.get("mediaType") not in MANIFEST_TYPES:
                continue  # blob pushes, pulls, mounts, deletes
            repository, digest = target.get("repository"), target.get("digest")
            try:
                with self.lock:
                    self.mirror(repository, digest, target["mediaType"], target.get("tag") or None)
            except Exception as e:  # logged, and still answered 200: the registry would retry forever
                log(f"ERROR mirroring {repository}@{digest}: {type(e).__name__}: {e}")

    def sync(self):
        """Mirrors every manifest in the registry's filesystem storage, oldest first.

        Uses distribution's layout: <repo>/_manifests/revisions/sha256/<hex>/link for every
        manifest (untagged ones too, which the HTTP API cannot list) and
        <repo>/_manifests/tags/<tag>/current/link holding the tag's digest.
        """
        root = os.path.join(self.storage, "docker", "registry", "v2", "repositories")
        counts = {"repositories": 0, "manifests": 0, "mirrored": 0, "errors": 0}
        with self.lock:
            for path, dirs, _ in os.walk(root):
                has_manifests = "_manifests" in dirs
                dirs[:] = sorted(d for d in dirs if not d.startswith("_"))  # nested repositories only
                if has_manifests:
                    counts["repositories"] += 1
                    self.sync_repository(os.path.relpath(path, root), os.path.join(path, "_manifests"), counts)
        log(f"sync ({self.region}): " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        return counts

    def sync_repository(self, repository, manifests, counts):
        def links(folder, suffix):  # {name: (mtime, content)} for folder/<name>/<suffix>
            found = {}
            for name in os.listdir(folder) if os.path.isdir(folder) else []:
                link = os.path.join(folder, name, suffix)
                if os.path.isfile(link):
                    with open(link) as f:
                        found[name] = (os.path.getmtime(link), f.read().strip())
            return found

        tags = {}
        tag_links = links(os.path.join(manifests, "tags"), "current/link")
        for tag, (_, digest) in sorted(tag_links.items(), key=lambda item: item[1]):  # oldest first
            tags.setdefault(digest, []).append(tag)
        revisions = links(os.path.join(manifests, "revisions", "sha256"), "link")
        for _, digest in sorted(revisions.values()):
            counts["manifests"] += 1
            for tag in tags.get(digest) or [None]:
                try:
                    counts["mirrored"] += self.mirror(repository, digest, tag=tag, quiet=True)
                except Exception as e:
                    counts["errors"] += 1
                    log(f"ERROR syncing {repository}@{digest} ({self.region}): {type(e).__name__}: {e}")


def make_handler(bridges, main_region):
    bridge = bridges[main_region]


    class Handler(BaseHTTPRequestHandler):
        def reply(self, status, body=b"", content_type="text/plain"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/health":
                self.reply(200, b"ok\n")
            else:
                self.reply(404)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/mirror":
                try:
                    event = json.loads(body)
                    region = event.get("region") or main_region
                    if region not in bridges:
                        self.reply(400, f"no registry for region {region}\n".encode())
                        return
                    with bridges[region].lock:
                        bridges[region].mirror(event["repository"], event["digest"], event.get("mediaType"),
                                               event.get("tag") or None)
                    self.reply(200)
                except Exception as e:
                    log(f"ERROR mirroring {body[:200]!r}: {type(e).__name__}: {e}")
                    self.reply(500, f"{type(e).__name__}: {e}\n".encode())
            elif self.path == "/events":
                try:
                    bridge.handle_events(json.loads(body))
                except Exception as e:
                    log(f"ERROR bad notification: {type(e).__name__}: {e}")
                self.reply(200)
            elif self.path == "/sync":
                # The totals at the top (as with one region), each region's counts under "regions".
                regions = {region: each.sync() for region, each in bridges.items()}
                counts = {k: sum(c[k] for c in regions.values()) for k in regions[main_region]}
                counts["regions"] = regions
                self.reply(500 if counts["errors"] else 200, json.dumps(counts).encode() + b"\n",
                           "application/json")
            else:
                self.reply(404)

        def log_message(self, *args):  # no access log: the mirrored images are logged instead
            pass

    return Handler


def main():
    env = os.environ.get
    account = env("ECR_TEST_ACCOUNT", "123456789012")
    region = env("ECR_TEST_REGION", "us-east-1")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(env("BRIDGE_PORT", "5056")))
    parser.add_argument("--registry", default=env("ECR_TEST_REGISTRY", f"{account}.dkr.ecr.{region}.amazonaws.com"),
                        help="registry host (https, port 443)")
    parser.add_argument("--registry-url", default=None,
                        help="where to read manifests from (default https://<registry>)")
    parser.add_argument("--ca", default=os.path.join(env("ECR_TEST_DIR", "/tmp/ecr-deliver-test-env"), "certs/ca.crt"))
    parser.add_argument("--user", default="AWS")
    parser.add_argument("--password", default=f"{account}-auth-token")
    parser.add_argument("--storage", default=os.path.join(env("ECR_TEST_DIR", "/tmp/ecr-deliver-test-env"), "registry"),
                        help="the registry's filesystem rootdirectory (for /sync)")
    parser.add_argument("--moto-url", default=env("MOTO_URL", f"http://127.0.0.1:{env('MOTO_PORT', '5055')}"))
    parser.add_argument("--region", default=region)
    parser.add_argument("--site", action="append", default=[], metavar="REGION,HOST,REGISTRY_URL,STORAGE",
                        help="another region's registry (repeatable); STORAGE last, it may hold commas")
    args = parser.parse_args()

    bridges = {args.region: Bridge(args, args.region, args.registry, args.registry_url, args.storage)}
    for spec in args.site:
        parts = spec.split(",", 3)
        if len(parts) != 4 or not all(parts[:3]):
            parser.error(f"bad --site {spec!r}: REGION,HOST,REGISTRY_URL,STORAGE")
        if parts[0] in bridges:
            parser.error(f"two registries for region {parts[0]}")
        bridges[parts[0]] = Bridge(args, *parts)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(bridges, args.region))
    server.daemon_threads = True
    for each in bridges.values():
        log(f"bridge on http://127.0.0.1:{args.port}: https://{each.registry} ({each.registry_url}) -> "
            f"{args.moto_url} ({each.region})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
