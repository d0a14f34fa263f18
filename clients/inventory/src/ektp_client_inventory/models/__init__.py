"""Contains all the data models used in inputs/outputs"""

from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .blank import Blank
from .blank_state import BlankState
from .body_upload_receipt import BodyUploadReceipt
from .consumer_state import ConsumerState
from .day_figures import DayFigures
from .decision_in import DecisionIn
from .decision_out import DecisionOut
from .decision_out_status import DecisionOutStatus
from .destruction import Destruction
from .destruction_in import DestructionIn
from .destruction_out import DestructionOut
from .discrepancy import Discrepancy
from .discrepancy_location import DiscrepancyLocation
from .discrepancy_misplaced import DiscrepancyMisplaced
from .exception_page import ExceptionPage
from .field_error import FieldError
from .get_reconciliation_format import GetReconciliationFormat
from .get_request_letter_format import GetRequestLetterFormat
from .health import Health
from .issue_in import IssueIn
from .issue_out import IssueOut
from .kafka_state import KafkaState
from .ledger_exception import LedgerException
from .ledger_exception_detail import LedgerExceptionDetail
from .list_stock_counts_status_type_0 import ListStockCountsStatusType0
from .movement import Movement
from .movement_detail_type_0 import MovementDetailType0
from .movement_from_state_type_0 import MovementFromStateType0
from .movement_kind import MovementKind
from .movement_to_state import MovementToState
from .problem import Problem
from .projection_out import ProjectionOut
from .range_ import Range
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .receipt import Receipt
from .receipt_in import ReceiptIn
from .receipt_out import ReceiptOut
from .reconciliation import Reconciliation
from .relay_state import RelayState
from .resolution_in import ResolutionIn
from .resolved_exception import ResolvedException
from .return_in import ReturnIn
from .return_in_returned_from import ReturnInReturnedFrom
from .return_in_returned_to import ReturnInReturnedTo
from .return_out import ReturnOut
from .return_out_returned_from import ReturnOutReturnedFrom
from .return_out_returned_to import ReturnOutReturnedTo
from .stock import Stock
from .stock_by_location import StockByLocation
from .stock_by_state import StockByState
from .stock_count import StockCount
from .stock_count_in import StockCountIn
from .stock_count_in_location import StockCountInLocation
from .stock_count_location import StockCountLocation
from .stock_count_out import StockCountOut
from .stock_count_out_status import StockCountOutStatus
from .stock_count_status import StockCountStatus
from .totals import Totals
from .witness import Witness

__all__ = (
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "Blank",
    "BlankState",
    "BodyUploadReceipt",
    "ConsumerState",
    "DayFigures",
    "DecisionIn",
    "DecisionOut",
    "DecisionOutStatus",
    "Destruction",
    "DestructionIn",
    "DestructionOut",
    "Discrepancy",
    "DiscrepancyLocation",
    "DiscrepancyMisplaced",
    "ExceptionPage",
    "FieldError",
    "GetReconciliationFormat",
    "GetRequestLetterFormat",
    "Health",
    "IssueIn",
    "IssueOut",
    "KafkaState",
    "LedgerException",
    "LedgerExceptionDetail",
    "ListStockCountsStatusType0",
    "Movement",
    "MovementDetailType0",
    "MovementFromStateType0",
    "MovementKind",
    "MovementToState",
    "Problem",
    "ProjectionOut",
    "Range",
    "Readiness",
    "ReadinessStatus",
    "Receipt",
    "ReceiptIn",
    "ReceiptOut",
    "Reconciliation",
    "RelayState",
    "ResolutionIn",
    "ResolvedException",
    "ReturnIn",
    "ReturnInReturnedFrom",
    "ReturnInReturnedTo",
    "ReturnOut",
    "ReturnOutReturnedFrom",
    "ReturnOutReturnedTo",
    "Stock",
    "StockByLocation",
    "StockByState",
    "StockCount",
    "StockCountIn",
    "StockCountInLocation",
    "StockCountLocation",
    "StockCountOut",
    "StockCountOutStatus",
    "StockCountStatus",
    "Totals",
    "Witness",
)
