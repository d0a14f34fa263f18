from typing import Literal

GetRequestLetterFormat = Literal["pdf", "text"]

GET_REQUEST_LETTER_FORMAT_VALUES: set[GetRequestLetterFormat] = {
    "pdf",
    "text",
}


def check_get_request_letter_format(value: str) -> GetRequestLetterFormat:
    if value in GET_REQUEST_LETTER_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_REQUEST_LETTER_FORMAT_VALUES!r}"
    )
