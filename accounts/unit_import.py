"""The .xlsx template of units and focal-point accounts: building it for download,
reading a filled-in copy and checking every row before anything is written.

One row is one unit, optionally with one focal-point account. A unit may appear on
several rows (one per account) as long as those rows describe it the same way."""

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
from django.conf import settings
from django.contrib.auth.validators import ASCIIUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower, Upper
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl.worksheet.datavalidation import DataValidation

from .exceptions import ImportRejected, RowError
from .models import Unit, User
from .passwords import password_problems
from .xlsx import build_workbook

MAX_ROWS = 1000
TEMPLATE_ROWS = 500
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
PHONE = re.compile(r"^[0-9 +().\-]{6,30}$")

SHEET_TITLE = gettext_noop("Đơn vị và tài khoản")


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese msgid; the file may carry it or its translation
    required: bool = True  # must the column be present in the file
    text: bool = True  # formatted as text in the template so Excel keeps leading zeros
    help: str = ""


COLUMNS = (
    Column(
        "code",
        gettext_noop("Mã đơn vị"),
        help=gettext_noop(
            "Bắt buộc. Mã riêng của đơn vị, ví dụ LD-KADO. Mã đã có trong đơn vị tổ chức thì đơn vị đó được cập nhật."
        ),
    ),
    Column("name", gettext_noop("Tên đơn vị"), text=False, help=gettext_noop("Bắt buộc, ví dụ Xã Ka Đô.")),
    Column(
        "kind",
        gettext_noop("Loại đơn vị"),
        text=False,
        help=gettext_noop("Bắt buộc: Xã, Phường, Đặc khu, Thị trấn, Thôn (buôn, bon), Tổ dân phố hoặc Cơ quan, đoàn thể."),
    ),
    Column("ethnic", gettext_noop("Vùng đồng bào DTTS"), text=False, help=gettext_noop("Có hoặc không (để trống là không).")),
    Column(
        "religious", gettext_noop("Vùng đồng bào có đạo"), text=False, help=gettext_noop("Có hoặc không (để trống là không).")
    ),
    Column(
        "username",
        gettext_noop("Tên đăng nhập"),
        help=gettext_noop(
            "Để trống nếu dòng chỉ khai báo đơn vị. Chữ cái không dấu, số và các ký tự @ . + - _; không trùng với tài khoản đã có."
        ),
    ),
    Column("full_name", gettext_noop("Họ và tên"), text=False, help=gettext_noop("Bắt buộc khi có tên đăng nhập.")),
    Column("position", gettext_noop("Chức vụ"), required=False, text=False, help=gettext_noop("Không bắt buộc.")),
    Column("email", gettext_noop("Thư điện tử"), help=gettext_noop("Không bắt buộc; dùng để lấy lại mật khẩu.")),
    Column("phone", gettext_noop("Điện thoại"), help=gettext_noop("Không bắt buộc.")),
    Column(
        "password",
        gettext_noop("Mật khẩu ban đầu"),
        help=gettext_noop("Bắt buộc khi có tên đăng nhập: ít nhất 8 ký tự, không toàn số, không quá dễ đoán."),
    ),
    Column(
        "parent",
        gettext_noop("Mã đơn vị cấp trên"),
        required=False,
        help=gettext_noop(
            "Không bắt buộc. Để trống: đơn vị trực thuộc đơn vị tổ chức. Ghi mã của xã, phường khi khai báo thôn, tổ dân phố "
            "(xã đó đã có hoặc được khai báo ở dòng trên)."
        ),
    ),
)
ACCOUNT_KEYS = ("username", "full_name", "position", "email", "phone", "password")
KIND_LABELS = (
    (Unit.Kind.COMMUNE, gettext_noop("Xã")),
    (Unit.Kind.WARD, gettext_noop("Phường")),
    (Unit.Kind.SPECIAL_ZONE, gettext_noop("Đặc khu")),
    (Unit.Kind.TOWN, gettext_noop("Thị trấn")),
    (Unit.Kind.VILLAGE, gettext_noop("Thôn, buôn, bon")),
    (Unit.Kind.RESIDENTIAL_GROUP, gettext_noop("Tổ dân phố")),
    (Unit.Kind.ORGANISATION, gettext_noop("Cơ quan, đoàn thể")),
)
YES, NO = gettext_noop("có"), gettext_noop("không")


def fold(text) -> str:
    """Compare without case, diacritics, punctuation or extra spaces: "Thị  trấn" ==
    "thi tran", "Cơ quan - đoàn thể" == "co quan, doan the"."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[,;/\-–*]", " ", text.casefold())
    return " ".join(text.split())


def _words(*msgids: str) -> set[str]:
    """A Vietnamese word and its translation in the current language, folded."""
    return {fold(msgid) for msgid in msgids} | {fold(_(msgid)) for msgid in msgids}


def _kind_words() -> dict[str, str]:
    words = {
        "commune": Unit.Kind.COMMUNE,
        "ward": Unit.Kind.WARD,
        "special zone": Unit.Kind.SPECIAL_ZONE,
        "town": Unit.Kind.TOWN,
        "village": Unit.Kind.VILLAGE,
        "thon": Unit.Kind.VILLAGE,
        "buon": Unit.Kind.VILLAGE,
        "bon": Unit.Kind.VILLAGE,
        "residential group": Unit.Kind.RESIDENTIAL_GROUP,
        "organisation": Unit.Kind.ORGANISATION,
        "organization": Unit.Kind.ORGANISATION,
        "co quan": Unit.Kind.ORGANISATION,
        "doan the": Unit.Kind.ORGANISATION,
        "to chuc": Unit.Kind.ORGANISATION,
    }
    for kind, label in KIND_LABELS:
        words.update(dict.fromkeys(_words(label), kind))
    return words


def _flag(value: str) -> bool | None:
    word = fold(value)
    if word in _words(YES) | {"x", "1", "yes", "y", "true", "dung"}:
        return True
    if word in _words(NO) | {"", "0", "no", "n", "false", "sai"}:
        return False
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _(YES) if value else _(NO)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(value)).strip()


# --- The template offered for download -------------------------------------------------


def template_workbook():
    headers = [_(column.header) for column in COLUMNS]
    guide = [[_(column.header), _("Có") if column.required else _("Không"), _(column.help)] for column in COLUMNS]
    flags = (_(YES), _(NO), None)
    choices = [[_(label), flag] for (_kind, label), flag in itertools.zip_longest(KIND_LABELS, flags)]
    # Changed below (data validation, column styles), so not write-only.
    workbook = build_workbook(
        [
            (_(SHEET_TITLE), headers, []),
            (_("Hướng dẫn"), [_("Cột"), _("Phải có cột"), _("Cách ghi")], guide),
            (_("Danh mục"), [_("Loại đơn vị"), _("Có/không")], choices),
        ],
        write_only=False,
    )
    sheet, lists = workbook.worksheets[0], workbook.worksheets[2]
    last = TEMPLATE_ROWS + 1
    letters = {column.key: openpyxl.utils.get_column_letter(index) for index, column in enumerate(COLUMNS, start=1)}
    kinds = DataValidation(type="list", formula1=f"'{lists.title}'!$A$2:$A${len(KIND_LABELS) + 1}", allow_blank=True)
    flags = DataValidation(type="list", formula1=f"'{lists.title}'!$B$2:$B$3", allow_blank=True)
    for validation in (kinds, flags):
        validation.error = _("Hãy chọn một giá trị trong danh sách.")
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
    kinds.add(f"{letters['kind']}2:{letters['kind']}{last}")
    flags.add(f"{letters['ethnic']}2:{letters['religious']}{last}")
    for column in COLUMNS:
        if column.text:
            # A column style, not styled cells: empty styled cells would push rows
            # appended by other programs below row 500.
            sheet.column_dimensions[letters[column.key]].number_format = "@"
    workbook.worksheets[1].column_dimensions["C"].width = 90
    return workbook


# --- Reading a filled-in file ------------------------------------------------------------


@dataclass
class ImportRow:
    number: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values.get(key, "")

    @property
    def has_account(self) -> bool:
        return any(self[key] for key in ACCOUNT_KEYS)


def _not_xlsx() -> ImportRejected:
    return ImportRejected(
        _("Tệp không phải là tệp Excel .xlsx hoặc đã bị hỏng. Hãy tải tệp mẫu ở trang này, điền rồi lưu dưới dạng .xlsx.")
    )


def _column_positions(header) -> dict[str, int]:
    found = {fold(_text(value)): index for index, value in enumerate(header or ()) if value is not None}
    positions, missing = {}, []
    for column in COLUMNS:
        index = next((found[word] for word in _words(column.header) if word in found), None)
        if index is not None:
            positions[column.key] = index
        elif column.required:
            missing.append(f"“{_(column.header)}”")
    if missing:
        raise ImportRejected(
            _("Tệp không đúng mẫu: dòng đầu tiên thiếu cột %(columns)s. Hãy tải tệp mẫu ở trang này và điền vào đó.")
            % {"columns": ", ".join(missing)}
        )
    return positions


def read_rows(upload) -> list[ImportRow]:
    """The non-empty rows below the header of the file's first sheet (or of the sheet
    named like the template's). Judged by content, not by the file name."""
    if upload is None:
        raise ImportRejected(_("Chưa chọn tệp để nhập."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ImportRejected(_("Tệp quá lớn (tối đa %(size)d MB).") % {"size": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(len(XLSX_MAGIC))
    upload.seek(0)
    if head == OLE_MAGIC:
        raise ImportRejected(
            _("Đây là tệp Excel đời cũ (.xls). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi tải lên.")
        )
    if head != XLSX_MAGIC:
        raise _not_xlsx()
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file gets the same answer
        raise _not_xlsx() from error
    try:
        return _rows_of(_main_sheet(workbook))
    except ImportRejected:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet inside a valid zip
        raise _not_xlsx() from error
    finally:
        workbook.close()


def _main_sheet(workbook):
    titles = _words(SHEET_TITLE)
    return next((sheet for sheet in workbook.worksheets if fold(sheet.title) in titles), workbook.worksheets[0])


def _rows_of(sheet) -> list[ImportRow]:
    cells = sheet.iter_rows(values_only=True)
    positions = _column_positions(next(cells, None))
    rows = []
    for number, values in enumerate(cells, start=2):
        texts = {key: _text(values[index]) if index < len(values) else "" for key, index in positions.items()}
        if not any(texts.values()):
            continue
        if len(rows) == MAX_ROWS:
            raise ImportRejected(_("Tệp có quá nhiều dòng (tối đa %(count)d dòng một lần).") % {"count": MAX_ROWS})
        rows.append(ImportRow(number, texts))
    if not rows:
        raise ImportRejected(_("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."))
    return rows


# --- Checking every row --------------------------------------------------------------------


@dataclass
class UnitPlan:
    code: str
    name: str
    kind: str
    is_ethnic_minority_area: bool
    is_religious_area: bool
    first_row: int
    existing: Unit | None = None
    parent_code: str = ""  # blank: directly under the organiser

    def fields(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "is_ethnic_minority_area": self.is_ethnic_minority_area,
            "is_religious_area": self.is_religious_area,
        }


@dataclass
class AccountPlan:
    row: int
    unit_key: str
    username: str
    full_name: str
    position: str
    email: str
    phone: str
    password: str = field(repr=False)


@dataclass
class ImportPlan:
    units: dict[str, UnitPlan] = field(default_factory=dict)
    accounts: list[AccountPlan] = field(default_factory=list)


@dataclass
class ImportSummary:
    """What an import did, kept in the session to show after the redirect."""

    units_created: list[dict] = field(default_factory=list)
    units_updated: list[dict] = field(default_factory=list)
    units_unchanged: list[dict] = field(default_factory=list)
    accounts_created: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(items) for name, items in self.__dict__.items()}


def check_rows(rows: list[ImportRow], *, district: Unit) -> ImportPlan:
    """Turn the rows into a plan, or raise ImportRejected listing every bad row with
    all its reasons. Reads the database twice, however long the file."""
    codes = {row[key].upper() for row in rows for key in ("code", "parent") if row[key]}
    usernames = {row["username"].lower() for row in rows if row["username"]}
    existing = {unit.code.upper(): unit for unit in Unit.objects.annotate(code_upper=Upper("code")).filter(code_upper__in=codes)}
    taken = set(
        User.objects.annotate(username_lower=Lower("username"))
        .filter(username_lower__in=usernames)
        .values_list("username_lower", flat=True)
    )
    kinds = _kind_words()
    plan, errors, username_rows = ImportPlan(), [], {}
    for row in rows:
        messages = []
        unit = _check_unit(row, district, existing, kinds, plan, messages)
        account = _check_account(row, taken, username_rows, messages) if row.has_account else None
        if messages:
            errors.append(RowError(row.number, tuple(messages)))
            continue
        key = unit.code.upper()
        plan.units.setdefault(key, unit)
        if account is not None:
            account.unit_key = key
            plan.accounts.append(account)
    if errors:
        raise ImportRejected(
            _("Không nhập được tệp: %(count)d dòng có lỗi. Chưa có gì được lưu; hãy sửa các dòng dưới đây rồi tải lên lại.")
            % {"count": len(errors)},
            rows=errors,
        )
    return plan


def _check_unit(row, district, existing, kinds, plan, messages) -> UnitPlan | None:
    ok_before = len(messages)
    code, name, kind_text = row["code"], row["name"], row["kind"]
    if not code:
        messages.append(_("Thiếu mã đơn vị."))
    elif len(code) > 50:
        messages.append(_("Mã đơn vị dài quá 50 ký tự."))
    if not name:
        messages.append(_("Thiếu tên đơn vị."))
    elif len(name) > 200:
        messages.append(_("Tên đơn vị dài quá 200 ký tự."))
    kind = kinds.get(fold(kind_text))
    if not kind_text:
        messages.append(_("Thiếu loại đơn vị (Xã, Phường, Thôn, Tổ dân phố hoặc Cơ quan, đoàn thể)."))
    elif kind is None:
        messages.append(
            _("Loại đơn vị “%(value)s” không hợp lệ; hãy ghi Xã, Phường, Đặc khu, Thị trấn, Thôn, Tổ dân phố hoặc Cơ quan, đoàn thể.")
            % {"value": kind_text}
        )
    flags = {}
    for key, attribute in (("ethnic", "is_ethnic_minority_area"), ("religious", "is_religious_area")):
        flags[attribute] = _flag(row[key])
        if flags[attribute] is None:
            header = next(_(column.header) for column in COLUMNS if column.key == key)
            messages.append(
                _("Cột “%(column)s” chỉ nhận “có” hoặc “không” (đang ghi “%(value)s”).") % {"column": header, "value": row[key]}
            )
    found = existing.get(code.upper()) if code else None
    if found is not None and (found.pk == district.pk or not found.is_within(district)):
        messages.append(_("Mã đơn vị “%(code)s” đã được dùng cho một đơn vị không thuộc đơn vị tổ chức này.") % {"code": code})
    parent_code = row["parent"].upper()
    parent = existing.get(parent_code)
    if parent_code and parent_code not in plan.units and (parent is None or not parent.is_within(district)):
        messages.append(
            _("Mã đơn vị cấp trên “%(code)s” không có trong đơn vị tổ chức này hoặc ở các dòng phía trên.") % {"code": row["parent"]}
        )
    elif parent_code and parent_code == code.upper():
        messages.append(_("Một đơn vị không thể là cấp trên của chính nó."))
    if len(messages) > ok_before:
        return None
    unit = UnitPlan(
        code=found.code if found else code,
        name=name,
        kind=kind,
        first_row=row.number,
        existing=found,
        parent_code=parent_code,
        **flags,
    )
    earlier = plan.units.get(code.upper())
    if earlier is not None and earlier.fields() != unit.fields():
        messages.append(
            _(
                "Mã đơn vị “%(code)s” đã ghi ở dòng %(row)d với tên, loại hoặc vùng khác; các dòng cùng một mã phải ghi giống nhau."
            )
            % {"code": code, "row": earlier.first_row}
        )
        return None
    return unit


def _check_account(row, taken, username_rows, messages) -> AccountPlan | None:
    ok_before = len(messages)
    username = row["username"]
    if not username:
        messages.append(_("Dòng có thông tin tài khoản nhưng thiếu tên đăng nhập."))
    elif len(username) > 150 or not _valid_username(username):
        messages.append(
            _(
                "Tên đăng nhập “%(username)s” không hợp lệ: chỉ gồm chữ cái không dấu, số và các ký tự @ . + - _ (không có dấu cách)."
            )
            % {"username": username}
        )
    elif username.lower() in username_rows:
        messages.append(
            _("Tên đăng nhập “%(username)s” trùng với dòng %(row)d trong tệp.")
            % {"username": username, "row": username_rows[username.lower()]}
        )
    elif username.lower() in taken:
        messages.append(_("Tên đăng nhập “%(username)s” đã có người dùng.") % {"username": username})
    if username:
        username_rows.setdefault(username.lower(), row.number)
    if not row["full_name"]:
        messages.append(_("Thiếu họ và tên của người dùng tài khoản."))
    elif len(row["full_name"]) > 150:
        messages.append(_("Họ và tên dài quá 150 ký tự."))
    if len(row["position"]) > 150:
        messages.append(_("Chức vụ dài quá 150 ký tự."))
    if row["email"]:
        try:
            validate_email(row["email"])
        except ValidationError:
            messages.append(_("Thư điện tử “%(email)s” không hợp lệ.") % {"email": row["email"]})
    if row["phone"] and not PHONE.match(row["phone"]):
        messages.append(_("Số điện thoại “%(phone)s” không hợp lệ.") % {"phone": row["phone"]})
    password = row["password"]
    if not password:
        messages.append(_("Thiếu mật khẩu ban đầu."))
    else:
        candidate = User(username=username, full_name=row["full_name"], email=row["email"])
        messages.extend(password_problems(password, candidate))
    if len(messages) > ok_before:
        return None
    return AccountPlan(
        row=row.number,
        unit_key="",
        username=username,
        full_name=row["full_name"],
        position=row["position"],
        email=row["email"],
        phone=row["phone"],
        password=password,
    )


def _valid_username(username: str) -> bool:
    try:
        ASCIIUsernameValidator()(username)
    except ValidationError:
        return False
    return True
