"""Contains all the data models used in inputs/outputs"""

from .batch_in import BatchIn
from .batch_out import BatchOut
from .card_data import CardData
from .card_data_golongan_darah import CardDataGolonganDarah
from .card_data_jenis_kelamin import CardDataJenisKelamin
from .consumer_state import ConsumerState
from .counters import Counters
from .demographics import Demographics
from .demographics_golongan_darah import DemographicsGolonganDarah
from .demographics_jenis_kelamin import DemographicsJenisKelamin
from .faults import Faults
from .faults_in import FaultsIn
from .faults_now import FaultsNow
from .field_error import FieldError
from .health import Health
from .item_result import ItemResult
from .item_result_status import ItemResultStatus
from .kafka_state import KafkaState
from .packet_in import PacketIn
from .population_in import PopulationIn
from .population_made import PopulationMade
from .population_update_in import PopulationUpdateIn
from .population_update_in_status import PopulationUpdateInStatus
from .population_update_out import PopulationUpdateOut
from .problem import Problem
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .received_out import ReceivedOut
from .relay_state import RelayState
from .reset_done import ResetDone
from .reset_in import ResetIn
from .roster_entry_out import RosterEntryOut
from .roster_page import RosterPage
from .verdict_delay import VerdictDelay
from .verdict_delay_in import VerdictDelayIn
from .verdict_out import VerdictOut
from .verdict_out_status import VerdictOutStatus
from .verdict_query import VerdictQuery
from .verdicts_out import VerdictsOut

__all__ = (
    "BatchIn",
    "BatchOut",
    "CardData",
    "CardDataGolonganDarah",
    "CardDataJenisKelamin",
    "ConsumerState",
    "Counters",
    "Demographics",
    "DemographicsGolonganDarah",
    "DemographicsJenisKelamin",
    "Faults",
    "FaultsIn",
    "FaultsNow",
    "FieldError",
    "Health",
    "ItemResult",
    "ItemResultStatus",
    "KafkaState",
    "PacketIn",
    "PopulationIn",
    "PopulationMade",
    "PopulationUpdateIn",
    "PopulationUpdateInStatus",
    "PopulationUpdateOut",
    "Problem",
    "Readiness",
    "ReadinessStatus",
    "ReceivedOut",
    "RelayState",
    "ResetDone",
    "ResetIn",
    "RosterEntryOut",
    "RosterPage",
    "VerdictDelay",
    "VerdictDelayIn",
    "VerdictOut",
    "VerdictOutStatus",
    "VerdictQuery",
    "VerdictsOut",
)
