"""Contains all the data models used in inputs/outputs"""

from .alerts import Alerts
from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .blanks import Blanks
from .blanks_by_state import BlanksByState
from .blanks_low import BlanksLow
from .consumer_state import ConsumerState
from .daily_figures import DailyFigures
from .field_error import FieldError
from .figures import Figures
from .figures_by_status import FiguresByStatus
from .figures_field_checks import FiguresFieldChecks
from .forecast import Forecast
from .forecast_inputs import ForecastInputs
from .get_stuck_status_type_0 import GetStuckStatusType0
from .health import Health
from .kafka_state import KafkaState
from .kecamatan import Kecamatan
from .kecamatan_by_status import KecamatanByStatus
from .kecamatan_field_checks import KecamatanFieldChecks
from .outcome import Outcome
from .printer_figures import PrinterFigures
from .printers import Printers
from .printers_by_status import PrintersByStatus
from .problem import Problem
from .progress import Progress
from .progress_status_labels import ProgressStatusLabels
from .province import Province
from .province_area import ProvinceArea
from .province_kabupaten import ProvinceKabupaten
from .province_total import ProvinceTotal
from .province_total_by_status import ProvinceTotalByStatus
from .province_total_field_checks import ProvinceTotalFieldChecks
from .rates import Rates
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .region import Region
from .region_by_status import RegionByStatus
from .region_field_checks import RegionFieldChecks
from .relay_state import RelayState
from .remote import Remote
from .step import Step
from .step_detail import StepDetail
from .stock_low import StockLow
from .stuck_list import StuckList
from .stuck_list_by_status import StuckListByStatus
from .stuck_resident import StuckResident
from .stuck_resident_status import StuckResidentStatus
from .timeline import Timeline
from .timeline_field_outcome_type_0 import TimelineFieldOutcomeType0
from .timeline_status import TimelineStatus

__all__ = (
    "Alerts",
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "Blanks",
    "BlanksByState",
    "BlanksLow",
    "ConsumerState",
    "DailyFigures",
    "FieldError",
    "Figures",
    "FiguresByStatus",
    "FiguresFieldChecks",
    "Forecast",
    "ForecastInputs",
    "GetStuckStatusType0",
    "Health",
    "KafkaState",
    "Kecamatan",
    "KecamatanByStatus",
    "KecamatanFieldChecks",
    "Outcome",
    "PrinterFigures",
    "Printers",
    "PrintersByStatus",
    "Problem",
    "Progress",
    "ProgressStatusLabels",
    "Province",
    "ProvinceArea",
    "ProvinceKabupaten",
    "ProvinceTotal",
    "ProvinceTotalByStatus",
    "ProvinceTotalFieldChecks",
    "Rates",
    "Readiness",
    "ReadinessStatus",
    "Region",
    "RegionByStatus",
    "RegionFieldChecks",
    "RelayState",
    "Remote",
    "Step",
    "StepDetail",
    "StockLow",
    "StuckList",
    "StuckListByStatus",
    "StuckResident",
    "StuckResidentStatus",
    "Timeline",
    "TimelineFieldOutcomeType0",
    "TimelineStatus",
)
