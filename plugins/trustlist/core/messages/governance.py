"""Messages of the repository's settings checked against the registry (governance.py): GOV."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # GOV001
    "gov.ruleset.missing": (
        'негізгі тармаққа арналған ережелер жинағы (ruleset) жоқ (target "branch", ref_name '
        "~DEFAULT_BRANCH): GitHub ешқандай қарауды талап етпейді, біріктіру органның шешімі "
        "болмайды",
        'нет набора правил (ruleset) для основной ветки (target "branch", ref_name '
        "~DEFAULT_BRANCH): GitHub не потребует никакого рассмотрения, и слияние не будет "
        "решением органа",
        'holds no ruleset for the default branch (target "branch", ref_name '
        "~DEFAULT_BRANCH): GitHub would enforce no review, so a merge would be no body's "
        "decision",
    ),
    # GOV002
    "gov.json.invalid": (
        "жарамды JSON емес: GitHub оны импорттай алмайды",
        "не является корректным JSON: GitHub не сможет его импортировать",
        "is not valid JSON: GitHub cannot import it",
    ),
    "gov.json.not_ruleset": (
        "ережелер жинағы емес: rules тізімі бар JSON нысаны керек",
        "не является набором правил: нужен объект JSON со списком rules",
        "is not a ruleset: a JSON object with a list of rules",
    ),
    "gov.workflow.missing": (
        "жоқ: міндетті күй тексерістері — оның тапсырмалары (jobs)",
        "отсутствует: обязательные проверки статуса — это его задания (jobs)",
        "is missing: the required status checks are its jobs",
    ),
    "gov.workflow.invalid": (
        "тапсырмалары (jobs) бар процесс емес: міндетті күй тексерістерін онымен салыстыру "
        "мүмкін емес",
        "не является процессом с заданиями (jobs): обязательные проверки статуса не с чем сравнить",
        "is not a workflow with jobs: the required status checks cannot be compared with it",
    ),
    # GOV003: the ruleset
    "gov.setting.enforcement": (
        '{field} мәні {value}, "active" емес: GitHub бұл жинақтың бірде-бір ережесін қолданбайды',
        '{field} равно {value}, а не "active": GitHub не применяет ни одного правила этого набора',
        '{field} is {value}, not "active": GitHub enforces none of this ruleset\'s rules',
    ),
    "gov.setting.bypass_actors": (
        "{field} бос емес: онда аталғандар ережелерді айналып өтіп, өтінішті сала "
        "рецензенттерінсіз қабылдай алар еді",
        "{field} не пуст: перечисленные в нём могли бы в обход правил принять заявление без "
        "рецензентов отрасли",
        "{field} is not empty: those listed could merge an application past the rules, "
        "without the sector's reviewers",
    ),
    "gov.rule.deletion": (
        "{field} ішінде {rule} ережесі жоқ: негізгі тармақты, онымен бірге тізімдердің "
        "тарихын, жоюға болар еді",
        "в {field} нет правила {rule}: основную ветку, а с ней и историю перечней, можно было "
        "бы удалить",
        "{field} lacks the rule {rule}: the default branch, and the lists' history with it, "
        "could be deleted",
    ),
    "gov.rule.non_fast_forward": (
        "{field} ішінде {rule} ережесі жоқ: мәжбүрлі жіберу (force push) тізімдердің "
        "жарияланған тарихын қайта жаза алар еді",
        "в {field} нет правила {rule}: принудительная отправка (force push) могла бы "
        "переписать опубликованную историю перечней",
        "{field} lacks the rule {rule}: a force push could rewrite the lists' published history",
    ),
    "gov.rule.pull_request": (
        "{field} ішінде {rule} ережесі жоқ: өзгерістер негізгі тармаққа біріктіру сұрауынсыз, "
        "яғни өтініш пен қараусыз түсе алар еді",
        "в {field} нет правила {rule}: изменения могли бы попасть в основную ветку без "
        "запроса на слияние, то есть без заявления и рассмотрения",
        "{field} lacks the rule {rule}: changes could reach the default branch without a pull "
        "request, that is without an application and its review",
    ),
    "gov.rule.required_status_checks": (
        "{field} ішінде {rule} ережесі жоқ: тексеріс өтпесе де өтінішті қабылдауға болар еді",
        "в {field} нет правила {rule}: заявление можно было бы принять, даже если проверка "
        "не пройдена",
        "{field} lacks the rule {rule}: an application could be merged while the check fails",
    ),
    "gov.setting.required_approving_review_count": (
        "{field} мәні {value}, ал кемінде 1 болуы керек: өтінішті мақұлдаусыз қабылдауға болар еді",
        "{field} равно {value}, а должно быть не меньше 1: заявление можно было бы принять без "
        "одобрения",
        "{field} is {value}, not at least 1: an application could be merged unapproved",
    ),
    "gov.setting.require_code_owner_review": (
        "{field} мәні true емес: өтінішті саланың өз рецензенттері емес, кез келген "
        "рецензент мақұлдай алар еді",
        "{field} не равно true: заявление мог бы одобрить любой рецензент, а не рецензенты отрасли",
        "{field} is not true: any reviewer, not the sector's own, could approve an application",
    ),
    "gov.setting.dismiss_stale_reviews_on_push": (
        "{field} мәні true емес: мақұлдау одан кейін жіберілген коммиттерге де күшінде қалар еді",
        "{field} не равно true: одобрение оставалось бы в силе и для коммитов, отправленных "
        "после него",
        "{field} is not true: an approval would still stand for commits pushed after it",
    ),
    "gov.setting.require_last_push_approval": (
        "{field} мәні true емес: соңғы жіберудің авторы оны басқа ешкімнің қарауынсыз "
        "біріктіре алар еді",
        "{field} не равно true: автор последней отправки мог бы принять её без рассмотрения "
        "кем-либо другим",
        "{field} is not true: whoever pushed last could merge that push without anyone else's "
        "review",
    ),
    "gov.setting.required_review_thread_resolution": (
        "{field} мәні true емес: өтінішті шешілмеген талқылаулармен қабылдауға болар еді",
        "{field} не равно true: заявление можно было бы принять с неразрешёнными обсуждениями",
        "{field} is not true: an application could be merged with review threads still open",
    ),
    "gov.setting.allowed_merge_methods": (
        '{field} мәні {value}, ["squash"] емес: бір біріктіру тізімнің бір редакциясы болуы керек',
        '{field} равно {value}, а не ["squash"]: одно слияние должно быть одной редакцией перечня',
        '{field} is {value}, not ["squash"]: one merge must be one revision of a list',
    ),
    "gov.setting.strict_required_status_checks_policy": (
        "{field} мәні true емес: тексерістер негізгі тармақтың ескі нұсқасына қарсы өткен "
        "болуы мүмкін",
        "{field} не равно true: проверки могли пройти относительно устаревшей основной ветки",
        "{field} is not true: the checks could have passed against an older default branch",
    ),
    # GOV004
    "gov.check.unrequired": (
        '{workflow} ішіндегі "{job}" тапсырмасы міндетті күй тексерістеріне кірмейді: ол '
        "өтпесе де өтінішті қабылдауға болар еді",
        'задание "{job}" из {workflow} не входит в обязательные проверки статуса: заявление '
        "можно было бы принять, даже если оно не пройдено",
        'the job "{job}" of {workflow} is not a required status check: an application could '
        "be merged while it fails",
    ),
    # GOV005
    "gov.check.unknown": (
        '"{check}" міндетті күй тексерісі {workflow} ішіндегі бірде-бір тапсырманың атауы '
        "емес (оның тапсырмалары: {jobs}): ешбір біріктіру сұрауын қабылдау мүмкін болмас еді",
        'обязательная проверка статуса "{check}" не совпадает ни с одним заданием '
        "{workflow} (его задания: {jobs}): ни один запрос на слияние нельзя было бы принять",
        'the required status check "{check}" names no job of {workflow} (its jobs: {jobs}): '
        "no pull request could be merged",
    ),
    # GOV006
    "gov.codeowners.differs": (
        'мұнда "{found}", ал сала рецензенттері бойынша "{expected}" болуы керек '
        "(`trustlist codeowners` орындаңыз)",
        'здесь "{found}", а по рецензентам отраслей должно быть "{expected}" '
        "(выполните `trustlist codeowners`)",
        'says "{found}"; the sectors\' reviewers give "{expected}" (run `trustlist codeowners`)',
    ),
    "gov.codeowners.extra": (
        '"{found}" жолы сала рецензенттерінен шықпайды: оны өшіріңіз '
        "(`trustlist codeowners` орындаңыз)",
        'строки "{found}" рецензенты отраслей не дают: удалите её '
        "(выполните `trustlist codeowners`)",
        '"{found}" is not given by the sectors\' reviewers: remove it (run `trustlist codeowners`)',
    ),
    "gov.codeowners.lacks": (
        'мұнда сала рецензенттері беретін "{expected}" жолы жетіспейді '
        "(`trustlist codeowners` орындаңыз)",
        'здесь не хватает строки "{expected}", которую дают рецензенты отраслей '
        "(выполните `trustlist codeowners`)",
        'lacks "{expected}" here, which the sectors\' reviewers give (run `trustlist codeowners`)',
    ),
    "gov.archive.unprotected": (
        "published-manifests тармағы үшін белсенді, ешкім айналып өте алмайтын ережелер жинағы "
        "жоқ немесе онда {rule} ережесі жоқ: жарияланған күйлердің мұрағатын жоюға немесе қайта "
        "жазуға болады",
        "нет действующего, без обходов, набора правил для ветки published-manifests, или в нём "
        "нет правила {rule}: архив опубликованных состояний можно удалить или переписать",
        "no active ruleset without bypass keeps the branch published-manifests, or it lacks the "
        "rule {rule}: the archive of published states could be deleted or rewritten",
    ),
    "gov.codeowners.missing": (
        "жоқ: сала рецензенттерінен ешкім қарауды сұрамайды, кез келген мақұлдау жетеді "
        "(`trustlist codeowners` орындаңыз)",
        "отсутствует: рецензентов отраслей никто не попросит о рассмотрении, и подойдёт любое "
        "одобрение (выполните `trustlist codeowners`)",
        "is missing: no sector's reviewers would be asked, and any approval would do "
        "(run `trustlist codeowners`)",
    ),
    "gov.codeowners.unknown": (
        "{sector} қате болғанда сала рецензенттерімен салыстыру мүмкін емес "
        "(`trustlist check` себебін көрсетеді)",
        "нельзя сверить с рецензентами отраслей, пока в {sector} есть ошибки "
        "(`trustlist check` покажет какие)",
        "cannot be compared with the sectors' reviewers while {sector} is invalid "
        "(`trustlist check` says why)",
    ),
}
