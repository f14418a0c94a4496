"""Words of `trustlist applications` (core/applications.py, cli/applications.py): the open
application pull requests read from GitHub's REST API, and every error that stops the command
(a `UsageError.said`, exit 2). `{url}` is the address asked, never with the token."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # cli/applications.py: the command's arguments
    "applications.bad_repository": (
        "--repository ИЕСІ/АТАУЫ түрінде болуы керек, берілгені: '{value}'",
        "--repository должен иметь вид ВЛАДЕЛЕЦ/ИМЯ, указано: '{value}'",
        "--repository must be OWNER/NAME, got '{value}'",
    ),
    "applications.bad_api_url": (
        "--api-url сұраусыз http:// немесе https:// мекенжайы болуы керек, берілгені: '{value}'",
        "--api-url должен быть адресом http:// или https:// без параметров запроса, указано: "
        "'{value}'",
        "--api-url must be an http:// or https:// address without a query, got '{value}'",
    ),
    "applications.bad_registry": (
        "--registry репозиторий ішіндегі тізілім қалтасы болуы керек (мысалы, registry), "
        "берілгені: '{value}'",
        "--registry должен быть папкой реестра внутри репозитория (например, registry), "
        "указано: '{value}'",
        "--registry must be the registry's folder inside the repository (such as registry), "
        "got '{value}'",
    ),
    "applications.wrote": (
        "{file}: {count} ашық өтініш, оның {returned} қайтарылған; басқа pull request: {other}",
        "{file}: открытых заявлений: {count}, из них возвращено: {returned}; других pull "
        "request: {other}",
        "{file}: {count} open application(s), {returned} of them returned; {other} other pull "
        "request(s)",
    ),
    # core/applications.py: what GitHub's API answered
    "applications.http_error": (
        "GitHub API: {url} HTTP {status} деп жауап берді: {reason}",
        "GitHub API: {url} ответил HTTP {status}: {reason}",
        "GitHub API: {url} answered HTTP {status}: {reason}",
    ),
    "applications.rate_limited": (
        "GitHub API: {url} HTTP {status} деп жауап берді: сұраулар шегіне жетті, ол {reset} "
        "(UTC) жаңарады",
        "GitHub API: {url} ответил HTTP {status}: лимит запросов исчерпан, он обновится в "
        "{reset} (UTC)",
        "GitHub API: {url} answered HTTP {status}: the rate limit is reached; it resets at "
        "{reset} (UTC)",
    ),
    "applications.rate_limited_later": (
        "GitHub API: {url} HTTP {status} деп жауап берді: сұраулар шегіне жетті, кейінірек "
        "қайталаңыз",
        "GitHub API: {url} ответил HTTP {status}: лимит запросов исчерпан, повторите позже",
        "GitHub API: {url} answered HTTP {status}: the rate limit is reached; try again later",
    ),
    "applications.unreachable": (
        "GitHub API: {url} мекенжайына қосылу мүмкін болмады: {reason}",
        "GitHub API: не удалось обратиться к {url}: {reason}",
        "GitHub API: {url} could not be reached: {reason}",
    ),
    "applications.too_large": (
        "GitHub API: {url} жауабы {limit} байттан үлкен: оқылмайды",
        "GitHub API: ответ {url} больше {limit} байт: не читается",
        "GitHub API: the answer of {url} is larger than {limit} bytes: not read",
    ),
    "applications.too_many_pages": (
        "GitHub API: {url} {pages} беттен көп: оқылмайды",
        "GitHub API: у {url} больше {pages} страниц: не читается",
        "GitHub API: {url} has more than {pages} pages: not read",
    ),
    "applications.foreign_link": (
        "GitHub API: {url} келесі бетті басқа мекенжайға ({next}) жібереді: ол ашылмайды",
        "GitHub API: {url} указывает следующую страницу по другому адресу ({next}): она не "
        "открывается",
        "GitHub API: {url} gives its next page at another address ({next}): not followed",
    ),
    "applications.bad_json": (
        "GitHub API: {url} жауабы JSON емес ({detail})",
        "GitHub API: ответ {url} не является JSON ({detail})",
        "GitHub API: the answer of {url} is not JSON ({detail})",
    ),
    "applications.bad_shape": (
        "GitHub API: {url} жауабы GitHub беретін пішінде емес: {what}",
        "GitHub API: ответ {url} не того вида, который даёт GitHub: {what}",
        "GitHub API: the answer of {url} is not what GitHub gives: {what}",
    ),
    # the {what} of applications.bad_shape
    "applications.not_a_list": (
        "тізім емес",
        "это не список",
        "it is not a list",
    ),
    "applications.bad_pull": (
        "pull request-тің number, html_url, created_at немесе labels өрісі жоқ не қате",
        "у pull request нет поля number, html_url, created_at или labels, или оно неверно",
        "a pull request lacks a valid number, html_url, created_at or labels",
    ),
    "applications.bad_file": (
        "өзгерген файлдың filename өрісі жоқ не қате",
        "у изменённого файла нет поля filename, или оно неверно",
        "a changed file lacks a valid filename",
    ),
}
