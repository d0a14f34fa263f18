"""The Kafka ACL table of DESIGN.md section 3 is the one the provisioning step writes, and
the topics each principal may use are the ones section 2 says each service consumes and
produces (ektp_shared.kafka_provision.SERVICE_TOPICS)."""

from __future__ import annotations

import re
from pathlib import Path

from ektp_shared.kafka_admin import Acl
from ektp_shared.kafka_provision import PRODUCERS, SERVICE_TOPICS, acl_rules, topic_name

DESIGN = Path(__file__).parents[1] / "docs" / "DESIGN.md"


def design_rows() -> list[Acl]:
    text = DESIGN.read_text(encoding="utf-8")
    table = text.split("<!-- kafka-acl-table -->", 1)[1].split("<!-- /kafka-acl-table -->", 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        principal, resource, name, operation = (c.strip() for c in line.strip("|").split("|"))
        rows.append(Acl(f"User:{principal}", resource, name.strip("`"), operation.lower()))
    return rows


def test_the_design_table_is_the_acls_the_provisioning_writes():
    rows = design_rows()
    assert len(rows) == len(set(rows)), "a rule is in the table twice"
    code = set(acl_rules())
    assert set(rows) == code, (
        f"only in DESIGN.md: {sorted(set(rows) - code)}\nonly in code: {sorted(code - set(rows))}")


def section_2_topics() -> dict[str, tuple[set[str], set[str]]]:
    """service -> (topics it consumes, topics it produces), from DESIGN section 2's table."""
    text = DESIGN.read_text(encoding="utf-8")
    section = text.split("## 2. Services", 1)[1].split("## 3.", 1)[0]
    out = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[1].isdigit():
            continue
        service, _port, _owns, consumes, produces = cells

        def topics(cell: str) -> set[str]:
            if cell.startswith("all four topics"):
                return {topic_name(p) for p in PRODUCERS}
            return set(re.findall(r"`(ektp\.[a-z]+\.events)`", cell))

        out[service] = (topics(consumes), topics(produces))
    return out


def test_each_principal_uses_the_topics_section_2_gives_its_service():
    design = section_2_topics()
    assert set(design) == {s.service for s in SERVICE_TOPICS}
    for s in SERVICE_TOPICS:
        consumes, produces = design[s.service]
        assert {topic_name(r) for r in s.reads} == consumes, s.service
        assert ({topic_name(s.writes)} if s.writes else set()) == produces, s.service
