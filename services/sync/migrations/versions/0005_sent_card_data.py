"""Personal data: find quickly the published rows whose payload is still to be blanked."""

from ektp_shared.schema import run_script

revision = "0005"
down_revision = "0003"


def upgrade() -> None:
    run_script(
        """
CREATE INDEX outbox_payload_held ON outbox (ce_type, id) WHERE octet_length(payload) > 0;
"""
    )
