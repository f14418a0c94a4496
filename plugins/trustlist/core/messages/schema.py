"""Messages of the JSON Schema stage (schema.py): SCH, LINK, MOD, and the words its messages use.

The field a message concerns stands before it (`documents[0].size: ...`), and field names
stay as the record writes them.
"""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "schema.required": (
        "міндетті өріс жоқ: '{field}' қосыңыз",
        "обязательное поле отсутствует: добавьте '{field}'",
        "is required but missing: add '{field}'",
    ),
    "schema.unknown_field": (
        "белгісіз өріс (мұнда рұқсат етілгендері: {allowed})",
        "неизвестное поле (здесь допускаются: {allowed})",
        "is not a known field (allowed here: {allowed})",
    ),
    "schema.type": (
        "{wanted} болуы керек, берілгені: {value}",
        "ожидается {wanted}, указано {value}",
        "must be {wanted}, got {value}",
    ),
    "schema.type.boolean": ("true немесе false", "true или false", "true or false"),
    "schema.type.integer": ("бүтін сан", "целое число", "a whole number"),
    "schema.type.string": ("мәтін", "текст", "a text"),
    "schema.type.object": ("өрістер тобы", "группа полей", "a group of fields"),
    "schema.type.array": ("тізім", "список", "a list"),
    "schema.enum": (
        "мына мәндердің бірі болуы керек: {allowed}; берілгені: {value}",
        "допустимые значения: {allowed}; указано {value}",
        "must be one of: {allowed}; got {value}",
    ),
    "schema.const": (
        "{expected} болуы керек, берілгені: {value}",
        "должно быть {expected}, указано {value}",
        "must be {expected}, got {value}",
    ),
    "schema.format": (
        "{value} жарамды {format} емес",
        "{value} не является {format}",
        "{value} is not a valid {format}",
    ),
    "schema.format.date": ("күнтізбелік күн", "допустимой датой", "date"),
    "schema.format.uri": ("URI мекенжайы", "допустимым адресом URI", "uri"),
    "schema.format.email": (
        "электрондық пошта мекенжайы",
        "допустимым адресом электронной почты",
        "email",
    ),
    "schema.format_other": (
        "{value} {format} пішіміне сай емес",
        "{value} не соответствует формату {format}",
        "{value} is not a valid {format}",
    ),
    # A pattern's rule is its description in the schema, said by a schema.rule.* entry below.
    "schema.pattern": (
        "талап: {rule}; берілгені: {value}",
        "требуется: {rule}; указано {value}",
        "must be {rule}; got {value}",
    ),
    "schema.pattern_regex": (
        "{pattern} өрнегіне сай мәтін болуы керек; берілгені: {value}",
        "требуется текст, соответствующий выражению {pattern}; указано {value}",
        "must be text matching {pattern}; got {value}",
    ),
    "schema.not_untranslated": (
        "схема шарты орындалмады: {rule}",
        "не выполнено условие схемы: {rule}",
        "{rule}",
    ),
    # lengths, sizes, ranges and uniqueness, in python-jsonschema's English ({value} is
    # the value's repr); kk and ru give the value last, as their other messages do
    "schema.text_empty": (
        "мәтін бос болмауы керек, берілгені: {value}",
        "текст не должен быть пустым, указано {value}",
        "{value} should be non-empty",
    ),
    "schema.text_short": (
        "мәтін тым қысқа: {value}",
        "слишком короткий текст: {value}",
        "{value} is too short",
    ),
    "schema.text_must_be_empty": (
        "мәтін бос болуы керек, берілгені: {value}",
        "текст должен быть пустым, указано {value}",
        "{value} is expected to be empty",
    ),
    "schema.text_long": (
        "мәтін тым ұзын: {value}",
        "слишком длинный текст: {value}",
        "{value} is too long",
    ),
    "schema.list_empty": (
        "тізім бос болмауы керек, берілгені: {value}",
        "список не должен быть пустым, указано {value}",
        "{value} should be non-empty",
    ),
    "schema.list_short": (
        "тізімде элементтер тым аз: {value}",
        "в списке слишком мало элементов: {value}",
        "{value} is too short",
    ),
    "schema.list_must_be_empty": (
        "тізім бос болуы керек, берілгені: {value}",
        "список должен быть пустым, указано {value}",
        "{value} is expected to be empty",
    ),
    "schema.list_long": (
        "тізімде элементтер тым көп: {value}",
        "в списке слишком много элементов: {value}",
        "{value} is too long",
    ),
    "schema.below_minimum": (
        "ең кіші рұқсат етілген мән — {limit}, берілгені: {value}",
        "минимально допустимое значение — {limit}, указано {value}",
        "{value} is less than the minimum of {limit}",
    ),
    "schema.above_maximum": (
        "ең үлкен рұқсат етілген мән — {limit}, берілгені: {value}",
        "максимально допустимое значение — {limit}, указано {value}",
        "{value} is greater than the maximum of {limit}",
    ),
    "schema.not_unique": (
        "тізімде қайталанатын элементтер бар: {value}",
        "в списке есть повторяющиеся элементы: {value}",
        "{value} has non-unique elements",
    ),
    "schema.other": (
        "схема талабы орындалмады: {detail}",
        "не выполнено требование схемы: {detail}",
        "{detail}",
    ),
    # validate.py: the typed models reject what the schema accepted (a bug to report)
    "model.rejected": (
        "типтелген модель мәнді қабылдамады: {reason}",
        "типизированная модель не приняла значение: {reason}",
        "{reason}",
    ),
    # The schemas' descriptions of a pattern (schema.rule.*) and of a `not` (schema.only.*),
    # found by their English, which must be the schema's own (schema._described).
    "schema.rule.slug": (
        "кіші латын әріптері, цифрлар және ішкі дефистер, ең көбі 64 таңба",
        "строчные латинские буквы, цифры и дефисы внутри, не более 64 символов",
        "lower-case ASCII letters, digits and inner hyphens, at most 64 characters",
    ),
    "schema.rule.text": (
        "кемінде бір көрінетін таңбасы бар мәтін",
        "текст хотя бы с одним видимым символом",
        "a text with at least one visible character",
    ),
    "schema.rule.date": (
        "ЖЖЖЖ-АА-КК түрінде жазылған, 1990 жылдан 2099 жылға дейінгі күнтізбелік күн",
        "календарная дата в формате ГГГГ-ММ-ДД, с 1990 по 2099 год",
        "a calendar date written YYYY-MM-DD, from 1990 to 2099",
    ),
    "schema.rule.calendar_date": (
        "ЖЖЖЖ-АА-КК түрінде жазылған, 1990 жылдан 2099 жылға дейінгі күн (YAML-да тырнақшаға "
        "алыңыз)",
        "день в формате ГГГГ-ММ-ДД, с 1990 по 2099 год (в YAML заключите его в кавычки)",
        "the day, as YYYY-MM-DD from 1990 to 2099 (quote it in YAML)",
    ),
    "schema.rule.bin": (
        "бизнес-сәйкестендіру нөмірі (БСН): 12 цифр, соңғысы — бақылау цифры",
        "бизнес-идентификационный номер (БИН): 12 цифр, последняя из них контрольная",
        "a business identification number (BIN): 12 digits, the last a check digit",
    ),
    "schema.rule.reference": (
        "басында және соңында бос орыны жоқ, бір жолға жазылған нөмір",
        "номер в одну строку, без пробелов в начале и в конце",
        "a reference on one line, without leading or trailing spaces",
    ),
    "schema.rule.https_url": (
        "абсолютті https: сілтемесі",
        "абсолютная ссылка https:",
        "an absolute https: link",
    ),
    "schema.rule.email": (
        "электрондық пошта мекенжайы",
        "адрес электронной почты",
        "an e-mail address",
    ),
    "schema.rule.phone": (
        "ұйымның халықаралық форматтағы телефоны, +7 …",
        "телефон организации в международном формате, +7 …",
        "an organisation's phone in international form, +7 …",
    ),
    "schema.rule.file": (
        "латын әріптерінен, цифрлардан, '.', '_' және '-' таңбаларынан тұратын, .pdf деп "
        "аяқталатын жай файл атауы (жария емес құжат үшін — сақтаушыдағы түпнұсқаның атауы)",
        "простое имя файла из латинских букв, цифр, '.', '_' и '-', оканчивающееся на .pdf "
        "(для непубличного документа — имя оригинала, который находится у хранителя)",
        "a plain file name ending in .pdf, of letters, digits, '.', '_' and '-' (for a "
        "non-public document, the name of the original held by the custodian)",
    ),
    "schema.rule.sha256": (
        "файлдың SHA-256 мәні: 64 кіші он алтылық цифр",
        "SHA-256 файла: 64 строчные шестнадцатеричные цифры",
        "the file's SHA-256 as 64 lower-case hexadecimal digits",
    ),
    "schema.rule.reviewer": (
        "GitHub пайдаланушысы (@name) немесе командасы (@org/team)",
        "пользователь GitHub (@name) или команда (@org/team)",
        "a GitHub user (@name) or team (@org/team)",
    ),
    "schema.rule.decision_key": (
        "SSH ашық кілтінің жолы: түрі, кілт және қажет болса түсініктеме",
        "строка открытого ключа SSH: тип, ключ и, при необходимости, комментарий",
        "an SSH public key line: type, key, optional comment",
    ),
    "schema.rule.signature": (
        "саланың шешім кілттерінің бірімен шешім қабылданған күйдегі жазбаға қойылған SSH "
        "қолтаңбасы (trustlist-decision аттар кеңістігі): trustlist decide командасын қараңыз",
        "подпись SSH (пространство имён trustlist-decision) одним из ключей решений отрасли "
        "под записью в том виде, в каком принято решение: см. trustlist decide",
        "an SSH signature (namespace trustlist-decision) by one of the sector's decision keys "
        "over the record as decided: see trustlist decide",
    ),
    "schema.rule.signature_entry": (
        "саланың шешім кілттерінің бірімен осы жазбаға қойылған SSH қолтаңбасы "
        "(trustlist-decision аттар кеңістігі): trustlist decide командасын қараңыз",
        "подпись SSH (пространство имён trustlist-decision) одним из ключей решений отрасли "
        "под этой записью: см. trustlist decide",
        "an SSH signature (namespace trustlist-decision) by one of the sector's decision keys "
        "over this entry: see trustlist decide",
    ),
    "schema.only.status": (
        "since және reason өрістері тек тоқтатылған немесе тізімнен алынып тасталған жүйе "
        "үшін көрсетіледі",
        "поля since и reason указываются только для приостановленной или исключённой системы",
        "since and reason are given only for a suspended or excluded system",
    ),
    "schema.only.non_public": (
        "custodian және request өрістері тек жария емес құжат үшін көрсетіледі",
        "поля custodian и request указываются только для непубличного документа",
        "custodian and request are given only for a non-public document",
    ),
    "schema.only.decided": (
        "list_number және status өрістерін орган толтырады: олар оның шешімімен бірге "
        "енгізіледі (trustlist decide), өтініште ешқашан болмайды",
        "поля list_number и status заполняет орган: они вносятся вместе с его решением "
        "(trustlist decide) и никогда не указываются в заявлении",
        "list_number and status are the body's: they come with its decision (trustlist "
        "decide), never in an application",
    ),
}
