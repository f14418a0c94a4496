"""Messages of the auditors' commands (cli/audit.py: log, diff, show)."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "audit.revision": (
        "{sector}: тізімнің {number}-редакциясы, {date}",
        "{sector}: редакция списка № {number} от {date}",
        "{sector}: list revision {number} of {date}",
    ),
    "audit.no_revisions": ("редакциялар жоқ", "редакций нет", "no revisions"),
    "audit.no_change": ("өзгеріс жоқ", "изменений нет", "no change"),
    "audit.as_of": (
        "{when} күнгі жағдай (коммит {commit})",
        "по состоянию на {when} (коммит {commit})",
        "as of {when} (commit {commit})",
    ),
    "audit.before_history": (
        "{when} күні ешбір тізім әлі жарияланбаған; тізілім тарихының басы: {first}",
        "на {when} ни один список ещё не был опубликован; история реестра начинается с: {first}",
        "no list had been published by {when}; the registry's history begins with {first}",
    ),
    "audit.no_history": (
        "тізілімнің тарихы жоқ: бірде-бір коммит тізілімді өзгертпеген",
        "у реестра нет истории: ни один коммит не изменял реестр",
        "the registry has no history: no commit changed it",
    ),
    "audit.no_systems": ("жүйелер жоқ", "систем нет", "no systems"),
    "audit.since": ("{date} бастап", "с {date}", "since {date}"),
}
