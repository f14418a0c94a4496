"""Messages of one record's semantic rules (rules.py): REG, BIN, DOC001-002, PLH, AUD, DATE."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "reg.folder_name": (
        "қалта атауымен бірдей болуы керек: '{folder}', берілгені '{got}'",
        "должен совпадать с именем папки '{folder}', указано '{got}'",
        "must equal the folder name '{folder}', got '{got}'",
    ),
    "reg.reserved": (
        "'{folder}' атауы сайттың өз беттері мен файлдарына арналған; басқа идентификатор таңдаңыз",
        "имя '{folder}' занято страницами и файлами самого сайта; выберите другой идентификатор",
        "'{folder}' is reserved for the site's own pages and files; choose another id",
    ),
    "reg.sector_folder": (
        "сала қалтасымен бірдей болуы керек: '{folder}', берілгені '{got}'",
        "должна совпадать с папкой отрасли '{folder}', указано '{got}'",
        "must equal the sector folder '{folder}', got '{got}'",
    ),
    "reg.no_sector": (
        "'{sector}' саласы жоқ: registry/{sector}/sector.yaml файлы табылмады",
        "отрасли '{sector}' нет: файл registry/{sector}/sector.yaml отсутствует",
        "sector '{sector}' does not exist: registry/{sector}/sector.yaml is missing",
    ),
    "bin.digits": (
        "12 цифрдан тұруы керек",
        "должен состоять из 12 цифр",
        "must be 12 digits",
    ),
    "bin.no_check_digit": (
        "алғашқы 11 цифры үшін жарамды бақылау цифры жоқ",
        "для первых 11 цифр не существует допустимой контрольной цифры",
        "has no valid check digit for its first 11 digits",
    ),
    "bin.check_digit": (
        "бақылау цифры {expected} болуы керек, берілгені {got}",
        "контрольная цифра должна быть {expected}, указано {got}",
        "check digit must be {expected}, got {got}",
    ),
    "plh.placeholder": (
        "әлі де {value} деп тұр: нақты мәнді жазыңыз",
        "всё ещё содержит {value}: впишите настоящее значение",
        "still says {value}: write the real value",
    ),
    "doc.missing": (
        "{kind} түріндегі құжат жоқ: оны documents тізіміне қосыңыз",
        "нет документа вида {kind}: добавьте его в список documents",
        "a document of kind {kind} is missing: add it to documents",
    ),
    "doc.missing_copyright": (
        "авторлық құқық туралы куәлік немесе шарт жоқ",
        "нет свидетельства об авторском праве или авторского договора",
        "the copyright certificate or agreement is missing",
    ),
    "doc.copyright_kind": (
        "түрі {kind}, ал copyright.kind мәні {copyright}; олар сәйкес болуы керек",
        "вид {kind}, а copyright.kind равно {copyright}; они должны совпадать",
        "is {kind} but copyright.kind is {copyright}; they must match",
    ),
    "aud.negative": (
        "қорытынды теріс; тізімге енгізуге тек оң аудит қорытындысы негіз болады",
        "заключение отрицательное; основанием для включения служит только положительное "
        "заключение аудита",
        "is negative; only a positive audit conclusion supports inclusion",
    ),
    "aud.expired_at_decision": (
        "аудит қорытындысының мерзімі {decided} шешімінен бұрын, {expired} күні аяқталған",
        "срок действия заключения аудита истёк {expired}, до решения от {decided}",
        "the audit conclusion expired on {expired} before the decision of {decided}",
    ),
    "date.order": (
        "{date} күні {earlier} ({earlier_date}) күнінен бұрын тұр; бұл күн одан ерте болмайды",
        "дата {date} раньше, чем {earlier} ({earlier_date}); эта дата не может быть раньше",
        "{date} is before {earlier} {earlier_date}; this date cannot come earlier",
    ),
    "app.unanswered": (
        "№{index} хабарламаға жауап жоқ: resubmitted күнін жазыңыз (жауапсыз тек соңғы "
        "хабарлама қала алады, ал шешімнен кейін ешқайсысы қалмайды)",
        "уведомление №{index} осталось без ответа: укажите дату resubmitted (без ответа может "
        "оставаться только последнее уведомление, а после решения ни одного)",
        "notice no. {index} is unanswered: give its resubmitted date (only the last notice may "
        "be unanswered, and none once the body has decided)",
    ),
}
