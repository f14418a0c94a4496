"""Words of the reports and of the `trustlist` command itself (report.py, cli/main.py): the
summary under the findings, what was checked, and the errors that stop a command (a
`UsageError.said`, exit 2)."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # report.py: the line (text, GitHub) or the sentence (Markdown) under the findings
    "report.counts": (
        "{subject}: {errors} қате, {warnings} ескерту",
        "{subject}: ошибок: {errors}, предупреждений: {warnings}",
        "{subject}: {errors} error(s), {warnings} warning(s)",
    ),
    "report.valid": ("{subject}: жарамды", "{subject}: корректно", "{subject}: valid"),
    "report.findings": (
        "{subject}: {count} мәселе",
        "{subject}: замечаний: {count}",
        "{subject}: {count} finding(s)",
    ),
    "report.md_counts": (
        "{errors} қате, {warnings} ескерту.",
        "Ошибок: {errors}, предупреждений: {warnings}.",
        "{errors} error(s), {warnings} warning(s).",
    ),
    "report.md_none": (
        "Ешқандай мәселе табылған жоқ.",
        "Проблем не найдено.",
        "No problems found.",
    ),
    "report.md_head": (
        "| қай жерде | ереже | өріс | мәселе |",
        "| где | правило | поле | проблема |",
        "| where | rule | field | problem |",
    ),
    # cli/main.py: what each command checked, said before the counts
    "report.registry": (
        "{registry} ({sectors} сала, {systems} жүйе)",
        "{registry} (отраслей: {sectors}, систем: {systems})",
        "{registry} ({sectors} sectors, {systems} systems)",
    ),
    "report.against": (
        "{registry}, {base} нұсқасымен салыстырғанда",
        "{registry} в сравнении с {base}",
        "{registry} against {base}",
    ),
    "report.verify": (
        "{site}, өз манифестімен салыстырғанда",
        "{site} в сравнении со своим манифестом",
        "{site} against its manifest",
    ),
    "report.verify_fetched": (
        "{site} ({folder} қалтасына жүктелді), өз манифестімен салыстырғанда",
        "{site} (загружен в {folder}) в сравнении со своим манифестом",
        "{site} (fetched into {folder}) against its manifest",
    ),
    "report.verify_as_of": (
        "{site}, {day} күнгі жарияланған күймен салыстырғанда",
        "{site} в сравнении с состоянием, опубликованным на {day}",
        "{site} against the state published as of {day}",
    ),
    "report.verify_published": (
        "{site}, {when} жарияланған күймен салыстырғанда ({where})",
        "{site} в сравнении с состоянием, опубликованным {when} ({where})",
        "{site} against the state published {when} ({where})",
    ),
    "report.governance": (
        "{root}/.github, тізілімге сәйкестігі",
        "{root}/.github в сравнении с реестром",
        "{root}/.github against the registry",
    ),
    "report.uncommitted": (
        "ескерту: {registry} ішінде коммитке енгізілмеген өзгерістер бар; олар тексерілген жоқ",
        "примечание: в {registry} есть незакоммиченные изменения; они не проверены",
        "note: {registry} has changes that are not committed; they were not checked",
    ),
    # cli/main.py: a command that cannot run
    "usage.no_calendar": (
        "{calendar}: мұндай күнтізбе файлы жоқ",
        "{calendar}: файла календаря нет",
        "{calendar}: no such calendar file",
    ),
    "usage.resubmitted": (
        "әрбір --resubmitted бір --returned хабарламасына жауап береді: хабарламаның күнін "
        "көрсетіңіз",
        "каждый --resubmitted отвечает на уведомление --returned: укажите дату уведомления",
        "each --resubmitted answers a --returned notice: give the notice's date",
    ),
    "usage.reasons": (
        "--refuse және --withdrawn үшін --reasons-kk және --reasons-ru керек",
        "для --refuse и --withdrawn нужны --reasons-kk и --reasons-ru",
        "--refuse and --withdrawn need --reasons-kk and --reasons-ru",
    ),
    "usage.since": (
        "--suspend және --exclude үшін --since DATE керек",
        "для --suspend и --exclude нужен --since DATE",
        "--suspend and --exclude need --since DATE",
    ),
}
