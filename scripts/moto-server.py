"""moto's server, with KMS Sign taking MessageType DIGEST as KMS does.

moto 5 signs whatever Message holds as a raw message (its docs: "The MessageType-parameter DIGEST is not yet
implemented"), so a SHA-256 digest sent the way cosign's KMS signer and ecr-deliver send one would be hashed
again and no verifier would accept the signature. KMS signs the digest itself: with MessageType DIGEST this
server does too (ECDSA over the prehashed digest, RSA PKCS#1 v1.5, or RSA-PSS with KMS's salt length, the
digest's), after the checks KMS makes (key usage, algorithm, digest length). Everything else is moto as it is.
"""
import base64
import json
import sys

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils
from moto.kms.exceptions import ValidationException
from moto.kms.responses import KmsResponse
from moto.server import main

HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}
raw_sign = KmsResponse.sign


def sign(self: KmsResponse) -> str:
    if self._get_param("MessageType") != "DIGEST":
        return raw_sign(self)
    key_id = self._get_param("KeyId")
    algorithm = self._get_param("SigningAlgorithm")
    self._validate_key_id(key_id)
    key = self.kms_backend.describe_key(key_id)
    if key.key_usage != "SIGN_VERIFY" or algorithm not in key.signing_algorithms:
        raise ValidationException(
            f"1 validation error detected: Value '{algorithm}' at 'SigningAlgorithm' failed to satisfy "
            f"constraint: Member must satisfy enum value set: {key.signing_algorithms}"
        )
    # moto hands over the Message blob decoded already.
    digest = self._get_param("Message")
    if isinstance(digest, str):
        digest = base64.b64decode(digest)
    hash_algorithm = HASHES[algorithm[-3:]]()
    if len(digest) != hash_algorithm.digest_size:
        raise ValidationException(
            f"Digest is invalid length for algorithm {algorithm}."
        )
    prehashed = utils.Prehashed(hash_algorithm)
    private_key = key.private_key.private_key
    if algorithm.startswith("ECDSA"):
        signature = private_key.sign(digest, ec.ECDSA(prehashed))
    elif algorithm.startswith("RSASSA_PSS"):
        pss = padding.PSS(mgf=padding.MGF1(hash_algorithm), salt_length=hash_algorithm.digest_size)
        signature = private_key.sign(digest, pss, prehashed)
    else:
        signature = private_key.sign(digest, padding.PKCS1v15(), prehashed)
    return json.dumps(
        {
            "KeyId": key.arn,
            "Signature": base64.b64encode(signature).decode("ascii"),
            "SigningAlgorithm": algorithm,
        }
    )


KmsResponse.sign = sign

if __name__ == "__main__":
    # The process is still "moto.server" to scripts/test-env.sh: it finds it by that name.
    sys.argv[0] = "moto.server"
    main()
