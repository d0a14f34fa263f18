from __future__ import annotations

from typing import Any

from ektp_accounts.config import Settings

# argon2id at a low cost: the tests sign in dozens of times on a 2-core machine.
FAST_HASHING: dict[str, Any] = {"argon2_time_cost": 1, "argon2_memory_kib": 1024,
                                "argon2_parallelism": 1}


def accounts_settings(infra, dsn: str, prefix: str, jwt_keys, **extra: Any) -> Settings:
    return Settings(database_url=dsn, kafka_bootstrap=infra.kafka_bootstrap,
                    topic_prefix=prefix, log_json=False, jwt_private_key_file=jwt_keys[0],
                    jwt_public_key_file=jwt_keys[1], **{**FAST_HASHING, **extra})
