"""Messages of a pull request judged against its base (change.py): CHG and DEC."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "chg.not_registry": (
        "өтінім тек registry/ қалтасын өзгертеді: бұл өзгерісті қызмет көрсетушілерге "
        "арналған жеке pull request-ке көшіріңіз",
        "заявление меняет только папку registry/: перенесите это изменение в отдельный "
        "pull request для сопровождающих",
        "an application changes only registry/: move this change to its own pull request for "
        "the maintainers",
    ),
    "chg.shared_file": (
        "бұл файл қызмет көрсетушілерге тиесілі: оны жеке pull request-те өзгертіңіз",
        "этот файл ведут сопровождающие: меняйте его в отдельном pull request",
        "this file is the maintainers': change it in its own pull request",
    ),
    "chg.document_removed": (
        "жарияланған құжат алынып тасталды; оның бұрынғы нұсқасы git тарихында қалады, ал "
        "жазба оны енді атамауы керек",
        "опубликованный документ удалён; его прежняя версия остаётся в истории git, а запись "
        "больше не должна его называть",
        "a published document is removed; its earlier version stays in the git history, and "
        "the record must no longer list it",
    ),
    "chg.record_deleted": (
        "'{system}' жазбасы жойылды; тізімдегі жүйе ешқашан жойылмайды: status.state мәнін "
        "suspended немесе excluded етіп, since және reason көрсетіңіз",
        "запись '{system}' удалена; система из списка никогда не удаляется: установите "
        "status.state в suspended или excluded, указав since и reason",
        "the record of '{system}' is deleted; a listed system is never removed: set "
        "status.state to suspended or excluded, with since and reason",
    ),
    "chg.list_number": (
        "{base} нұсқасында {before} болған; жарияланған тізімдегі нөмір ешқашан өзгермейді",
        "в {base} был {before}; номер в опубликованном списке никогда не меняется",
        "was {before} in {base}; a list number never changes once published",
    ),
    "dec.published": (
        "жарияланған шешімнің {field} мәні {base} нұсқасында '{value}' болған; жарияланған "
        "шешім ешқашан өзгертілмейді",
        "у опубликованного решения {field} в {base} было '{value}'; опубликованное решение "
        "никогда не переписывается",
        "the published decision's {field} was '{value}' in {base}; a published decision is "
        "never rewritten",
    ),
    "dec.unsigned": (
        "list_number, decision және status өрістерін орган жазады: оларды сала шешім кілтімен "
        "қол қойылған `trustlist decide` командасы ғана енгізеді (өтініш берушіге бұл "
        "өрістер қажет емес)",
        "поля list_number, decision и status пишет орган: их вносит только команда "
        "`trustlist decide` с подписью ключом решений отрасли (заявителю эти поля не нужны)",
        "list_number, decision and status are the body's: only `trustlist decide`, signed with "
        "one of the sector's decision keys, writes them (an applicant leaves them out)",
    ),
    "dec.no_keys": (
        "'{sector}' саласының шешім кілттері жоқ: қызмет көрсетушілер оларды "
        "registry/{sector}/sector.yaml файлының decision_keys өрісіне жеке pull request-пен "
        "қосады",
        "у отрасли '{sector}' нет ключей решений: сопровождающие добавляют их в decision_keys "
        "файла registry/{sector}/sector.yaml отдельным pull request",
        "sector '{sector}' has no decision keys: the maintainers add them to decision_keys in "
        "registry/{sector}/sector.yaml, in a pull request of its own",
    ),
    "dec.unknown_key": (
        "қолтаңба '{sector}' саласының шешім кілттерінің бірімен жасалмаған",
        "подпись сделана не ключом решений отрасли '{sector}'",
        "is not made with one of sector '{sector}''s decision keys",
    ),
    "dec.mismatch": (
        "қолтаңба жазбаның қазіргі мазмұнына сәйкес келмейді: қол қойылғаннан кейін жазба "
        "өзгерген; орган `trustlist decide` арқылы қайта қол қоюы керек",
        "подпись не соответствует записи: запись изменилась после подписания; орган должен "
        "подписать её заново командой `trustlist decide`",
        "does not match the record: it changed after it was signed; the body signs it again "
        "with `trustlist decide`",
    ),
    "dec.closed_changed": (
        "жабылған №{index} өтініш {base} нұсқасында жарияланған; жарияланған жазба ешқашан "
        "өзгертілмейді және жойылмайды",
        "закрытое заявление №{index} опубликовано в {base}; опубликованная запись никогда не "
        "меняется и не удаляется",
        "closed application no. {index} is published in {base}; a published entry is never "
        "changed or removed",
    ),
    "dec.journal_removed": (
        "жабылған өтініштер журналы {base} нұсқасында жарияланған; ол ешқашан жойылмайды",
        "журнал закрытых заявлений опубликован в {base}; он никогда не удаляется",
        "the journal of closed applications is published in {base}; it is never removed",
    ),
}
