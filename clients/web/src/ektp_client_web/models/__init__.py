"""Contains all the data models used in inputs/outputs"""

from .consumer_state import ConsumerState
from .field_error import FieldError
from .health import Health
from .kafka_state import KafkaState
from .problem import Problem
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .relay_state import RelayState

__all__ = (
    "ConsumerState",
    "FieldError",
    "Health",
    "KafkaState",
    "Problem",
    "Readiness",
    "ReadinessStatus",
    "RelayState",
)
