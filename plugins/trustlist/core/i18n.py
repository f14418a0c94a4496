"""i18n: the site's own words in Kazakh, Russian and English.

Record text comes from the records; everything else the public reads (headings, labels,
status and reason names, notices) is here, one entry per key with all three languages side
by side so a missing translation is visible in review. Material's own UI strings are
translated separately (overrides/partials/languages/kk.html).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from .models import LANGUAGES

LANGUAGE_NAMES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

# key: (kk, ru, en). Placeholders are written {name} and filled by t(..., name=value).
MESSAGES: dict[str, tuple[str, str, str]] = {
    "site_title": (
        "Сенімді жоғары тәуекелді ЖИ жүйелерінің тізімдері",
        "Списки доверенных систем ИИ высокой степени риска",
        "Lists of trusted high-risk AI systems",
    ),
    "home_intro": (
        "Қазақстанның әрбір салалық мемлекеттік органы сенімді жоғары тәуекелді жасанды "
        "интеллект жүйелерінің тізімін жүргізеді (Жасанды интеллект және цифрлық даму "
        "министрінің 2026 жылғы 10 сәуірдегі бұйрығы). Жүйенің меншік иесі немесе иеленушісі "
        "өтінішті, авторлық құқық туралы куәлікті немесе шартты және аудит есебін береді; "
        "орган пакетті 10 жұмыс күні ішінде тексереді, жүйені тізімге енгізеді және мәліметті "
        "5 жұмыс күні ішінде жариялайды.",
        "Каждый отраслевой государственный орган Казахстана ведёт список доверенных систем "
        "искусственного интеллекта высокой степени риска (приказ Министра искусственного "
        "интеллекта и цифрового развития от 10 апреля 2026 года). Собственник или владелец "
        "системы подаёт заявление, свидетельство об авторском праве или авторский договор и "
        "отчёт об аудите; орган проверяет пакет в течение 10 рабочих дней, включает систему в "
        "список и публикует сведения в течение 5 рабочих дней.",
        "Each sectoral state body of Kazakhstan keeps a list of trusted high-risk artificial "
        "intelligence systems (Order of the Minister of Artificial Intelligence and Digital "
        "Development of 10 April 2026). A system's owner or possessor applies with an "
        "application, a copyright certificate or copyright agreement, and an audit report; the "
        "body checks the package within 10 working days, includes the system in its list and "
        "publishes it within 5 working days.",
    ),
    "home_documents": (
        "Әр жүйенің бетінде оның мақсаты, әдістері, шектеулері, сіздің құқықтарыңыз және "
        "жүктеп алуға болатын құжаттары берілген. Бүкіл тізілім ашық деректер ретінде де "
        "қолжетімді.",
        "На странице каждой системы указаны её назначение, методы, ограничения, ваши права и "
        "документы для скачивания. Весь реестр доступен также в виде открытых данных.",
        "Each system's page shows its purpose, methods, limitations, your rights and its "
        "documents to download. The whole registry is also available as open data.",
    ),
    "demo_banner": (
        "Демонстрациялық деректер: бұл тізімдердегі жүйелер мен ұйымдар ойдан шығарылған.",
        "Демонстрационные данные: системы и организации в этих списках вымышлены.",
        "Demonstration data: the systems and organisations in these lists are fictional.",
    ),
    "guides": ("Нұсқаулықтар", "Руководства", "Guidance"),
    "guide_about": ("Тізімдер туралы", "О списках", "About the lists"),
    "guide_apply": ("Өтінішті қалай беруге болады", "Как подать заявление", "How to apply"),
    "guide_review": (
        "Органдар қалай қарайды",
        "Как органы рассматривают заявления",
        "How agencies review",
    ),
    "guide_auditors": ("Аудиторларға", "Для аудиторов", "For auditors"),
    "home": ("Басты бет", "Главная", "Home"),
    "sectors": ("Салалар", "Отрасли", "Sectors"),
    "sector": ("Сала", "Отрасль", "Sector"),
    "authority": ("Уәкілетті орган", "Уполномоченный орган", "Authority"),
    "listed_systems": ("Тізімдегі жүйелер", "Системы в списке", "Listed systems"),
    "no_systems": (
        "Бұл тізімде әзірге жүйе жоқ.",
        "В этом списке пока нет систем.",
        "This list has no systems yet.",
    ),
    "updated": ("Жаңартылды", "Обновлено", "Updated"),
    "latest_changes": ("Соңғы өзгерістер", "Последние изменения", "Latest changes"),
    "downloads": ("Жүктеп алу", "Скачать", "Downloads"),
    "download_json": ("Тізім JSON пішімінде", "Список в формате JSON", "The list as JSON"),
    "download_csv": (
        "Тізім CSV пішімінде (Excel, LibreOffice)",
        "Список в формате CSV (Excel, LibreOffice)",
        "The list as CSV (Excel, LibreOffice)",
    ),
    "machine_readable": (
        "Машинаоқитын деректер (API)",
        "Машиночитаемые данные (API)",
        "Machine-readable data (API)",
    ),
    "table": ("Кесте", "Таблица", "Table"),
    "contact": ("Байланыс", "Контакты", "Contact"),
    "address": ("Мекенжай", "Адрес", "Address"),
    "website": ("Веб-сайт", "Веб-сайт", "Website"),
    "filter_label": ("Тізімді сүзу", "Фильтр списка", "Filter the list"),
    "filter_placeholder": (
        "Атауы, иесі немесе БСН",
        "Название, владелец или БИН",
        "Name, owner or BIN",
    ),
    "sort_by": (
        "«{column}» бағаны бойынша сұрыптау",
        "Сортировать по столбцу «{column}»",
        "Sort by {column}",
    ),
    "list_number": ("Тізімдегі нөмірі", "Номер в списке", "List number"),
    "name": ("Атауы", "Наименование", "Name"),
    "owner": ("Меншік иесі немесе иеленуші", "Собственник или владелец", "Owner or possessor"),
    "owner_role_owner": ("меншік иесі", "собственник", "owner"),
    "owner_role_possessor": ("иеленуші", "владелец", "possessor"),
    "bin": ("БСН", "БИН", "BIN"),
    "included_on": ("Енгізілген күні", "Дата включения", "Included on"),
    "documents": ("Құжаттар", "Документы", "Documents"),
    "document": ("Құжат", "Документ", "Document"),
    "suspended_and_excluded": (
        "Тоқтатылған және алынып тасталған жүйелер",
        "Приостановленные и исключённые системы",
        "Suspended and excluded systems",
    ),
    "status": ("Мәртебесі", "Статус", "Status"),
    "status_listed": ("Тізімге енгізілді", "Включена в список", "Listed"),
    "status_suspended": ("Тоқтатылды", "Приостановлена", "Suspended"),
    "status_excluded": ("Тізімнен алынып тасталды", "Исключена из списка", "Excluded"),
    "since": ("бастап", "с", "since"),
    "reason": ("Себебі", "Причина", "Reason"),
    "reason_audit_expired": (
        "аудит қорытындысының мерзімі өтті",
        "истёк срок аудиторского заключения",
        "the audit conclusion expired",
    ),
    "reason_audit_withdrawn": (
        "аудит қорытындысы кері қайтарылды",
        "аудиторское заключение отозвано",
        "the audit conclusion was withdrawn",
    ),
    "reason_owner_request": (
        "меншік иесінің немесе иеленушінің өтініші бойынша",
        "по заявлению собственника или владельца",
        "at the owner's or possessor's request",
    ),
    "reason_nonconformity": (
        "талаптарға сәйкес еместігі анықталды",
        "выявлено несоответствие требованиям",
        "found not to meet the requirements",
    ),
    "reason_false_information": (
        "жалған мәліметтер берілді",
        "представлены недостоверные сведения",
        "false information was given",
    ),
    "reason_court_decision": ("сот шешімі бойынша", "по решению суда", "by a court decision"),
    "reason_rights_terminated": (
        "жүйеге құқықтар тоқтатылды",
        "права на систему прекращены",
        "the rights to the system ended",
    ),
    "reason_other": ("басқа себеп", "иная причина", "another reason"),
    "risk_level": ("Тәуекел деңгейі", "Степень риска", "Risk level"),
    "risk_high": ("жоғары", "высокая", "high"),
    "purpose": ("Мақсаты", "Назначение", "Purpose"),
    "methods": ("Әдістері", "Методы", "Methods"),
    "limitations": ("Шектеулері", "Ограничения", "Limitations"),
    "users_rights": ("Пайдаланушылардың құқықтары", "Права пользователей", "Users' rights"),
    "notification": (
        "Автоматтандырылған өңдеу туралы хабарлау",
        "Уведомление об автоматизированной обработке",
        "Notice of automated processing",
    ),
    "objection": (
        "Қалай қарсылық білдіруге болады",
        "Как возразить",
        "How to object",
    ),
    "terms_of_use": ("Пайдалану шарттары", "Условия использования", "Terms of use"),
    "national_ai_platform": (
        "Ұлттық ЖИ платформасы",
        "Национальная платформа ИИ",
        "National AI Platform",
    ),
    "synthetic_content": ("Синтетикалық контент", "Синтетический контент", "Synthetic content"),
    "developed_on_platform": (
        "Платформада әзірленген",
        "Разработана на платформе",
        "Developed on the platform",
    ),
    "tested_on_platform": (
        "Платформада сыналған",
        "Протестирована на платформе",
        "Tested on the platform",
    ),
    "produces_synthetic": (
        "Синтетикалық контент жасайды",
        "Создаёт синтетический контент",
        "Produces synthetic content",
    ),
    "marking": ("Таңбалау", "Маркировка", "Marking"),
    "yes": ("иә", "да", "yes"),
    "no": ("жоқ", "нет", "no"),
    "decision": ("Шешім және оның негіздері", "Решение и его основания", "Decision and basis"),
    "application": ("Өтініш", "Заявление", "Application"),
    "submitted": ("берілген күні", "подано", "submitted"),
    "resubmitted": ("қайта берілген күні", "подано повторно", "resubmitted"),
    "copyright": ("Авторлық құқық", "Авторское право", "Copyright"),
    "copyright_certificate": (
        "Авторлық құқық объектілеріне құқықтардың мемлекеттік тізіліміне енгізу туралы куәлік",
        "Свидетельство о внесении в государственный реестр прав на объекты авторского права",
        "Certificate of entry in the State Register of Rights to objects of copyright",
    ),
    "copyright_agreement": (
        "Авторлық құқық туралы шарт",
        "Авторский договор",
        "Copyright agreement",
    ),
    "audit": ("Аудит", "Аудит", "Audit"),
    "report_date": ("есеп күні", "дата отчёта", "report of"),
    "conclusion": ("қорытынды", "заключение", "conclusion"),
    "conclusion_positive": ("оң", "положительное", "positive"),
    "conclusion_negative": ("теріс", "отрицательное", "negative"),
    "valid_until": ("жарамдылық мерзімі", "действительно до", "valid until"),
    "decision_date": ("Шешім", "Решение", "Decision"),
    "published": ("Жарияланды", "Опубликовано", "Published"),
    "kind": ("Түрі", "Вид", "Kind"),
    "kind_application": ("өтініш", "заявление", "application"),
    "kind_copyright_certificate": (
        "авторлық құқық туралы куәлік",
        "свидетельство об авторском праве",
        "copyright certificate",
    ),
    "kind_copyright_agreement": (
        "авторлық құқық туралы шарт",
        "авторский договор",
        "copyright agreement",
    ),
    "kind_audit_report": ("аудит есебі", "отчёт об аудите", "audit report"),
    "kind_other": ("басқа құжат", "иной документ", "other document"),
    "language": ("Тілі", "Язык", "Language"),
    "size": ("Көлемі", "Размер", "Size"),
    "available_on_request": (
        "жарияланбайды; {authority} сұрау бойынша ұсынады",
        "не публикуется; предоставляется по запросу: {authority}",
        "not published; available on request from {authority}",
    ),
    "source_record": (
        "Жазбаның бастапқы YAML файлы",
        "Исходная запись YAML",
        "Source record (YAML)",
    ),
    "shown_in_russian": ("орыс тілінде", "на русском языке", "in Russian"),
    "english_missing": (
        "Бұл мәтіннің ағылшынша нұсқасы жоқ; орысша мәтін көрсетілген.",
        "Английской версии этого текста нет; показан русский текст.",
        "There is no English version of this text; the Russian text is shown.",
    ),
    "search": ("Іздеу", "Поиск", "Search"),
    "search_placeholder": (
        "Жүйенің атауы, иесі, мақсаты немесе БСН",
        "Название системы, владелец, назначение или БИН",
        "System name, owner, purpose or BIN",
    ),
    "search_results": ("Табылды: {count}", "Найдено: {count}", "Found: {count}"),
    "search_hint": (
        "Жүйенің, оның иесінің немесе оны қолданатын ұйымның атауы, мақсаты не БСН",
        "Название системы, её владельца или применяющей её организации, назначение или БИН",
        "The name of a system, its owner or an organisation using it, a purpose or a BIN",
    ),
    "search_find": ("Жүйені іздеу", "Найти систему", "Find a system"),
    "search_results_for": (
        "«{query}» бойынша табылды: {count}",
        "По запросу «{query}» найдено: {count}",
        "Found for “{query}”: {count}",
    ),
    "search_none_for": (
        "«{query}» бойынша ештеңе табылмады.",
        "По запросу «{query}» ничего не найдено.",
        "Nothing found for “{query}”.",
    ),
    "search_suggestions": ("Былай көріңіз:", "Попробуйте:", "You could:"),
    "search_tip_words": (
        "сөздерді азайтыңыз немесе жазылуын тексеріңіз;",
        "убрать лишние слова или проверить написание;",
        "use fewer words, or check the spelling;",
    ),
    "search_tip_fields": (
        "жүйенің, оның иесінің немесе оны қолданатын ұйымның атауынан бір сөзді не БСН-ді іздеңіз;",
        "искать слово из названия системы, её владельца или применяющей её организации либо БИН;",
        "search for a word of the name of the system, its owner or an organisation using it, "
        "or for a BIN;",
    ),
    "search_tip_languages": (
        "басқа тілде іздеңіз:",
        "искать на другом языке:",
        "search in another language:",
    ),
    "search_tip_lists": (
        "салалардың тізімдерін қараңыз",
        "просмотреть списки отраслей",
        "browse the lists of the sectors",
    ),
    "deployers": (
        "Жүйені қолданатын ұйымдар",
        "Организации, применяющие систему",
        "Organisations using the system",
    ),
    "deployers_short": ("Қолданады", "Применяют", "Used by"),
    "search_no_results": ("Ештеңе табылмады.", "Ничего не найдено.", "Nothing found."),
    "search_needs_script": (
        "Іздеу үшін браузерде JavaScript қосулы болуы керек. Оның орнына салалар тізімдерін "
        "қараңыз.",
        "Для поиска в браузере должен быть включён JavaScript. Вместо этого можно просмотреть "
        "списки отраслей.",
        "Search needs JavaScript in your browser. You can browse the sector lists instead.",
    ),
    "history": ("Тізім тарихы", "История списка", "History of the list"),
    "system_history": ("Жүйе тарихы", "История системы", "History of the system"),
    "revision": ("Редакция", "Редакция", "Revision"),
    "revision_title": (
        "{sector}: тізімнің {number}-редакциясы",
        "{sector}: редакция списка № {number}",
        "{sector}: revision {number} of the list",
    ),
    "current_revision": ("Ағымдағы редакция", "Текущая редакция", "Current revision"),
    "commit": ("Коммит", "Коммит", "Commit"),
    "issued": ("Шығарылған уақыты", "Дата выпуска", "Issued"),
    "changes": ("Өзгерістер", "Изменения", "Changes"),
    "list_as_of": (
        "Осы редакциядағы тізім (JSON)",
        "Список в этой редакции (JSON)",
        "The list as of this revision (JSON)",
    ),
    "feed": ("Жаңалықтар арнасы (Atom)", "Лента обновлений (Atom)", "Updates feed (Atom)"),
    "no_history": (
        "Тарих git тарихынан құрылады; бұл құрастыруда ол жоқ.",
        "История строится из истории git; в этой сборке её нет.",
        "History comes from the git history, which this build does not have.",
    ),
    "preview": (
        "Алдын ала қарау (mkdocs serve): жұмыс көшірмесінен құрылған, жарияланған тізім емес.",
        "Предпросмотр (mkdocs serve): собран из рабочей копии, это не опубликованный список.",
        "Preview (mkdocs serve): built from the working copy, not the published list.",
    ),
    "draft": (
        "Жоба: тізілімде әлі бекітілмеген өзгерістер бар.",
        "Черновик: в реестре есть незафиксированные изменения.",
        "Draft: the registry has changes that are not yet committed.",
    ),
    "event_included": (
        "{system}: тізімге енгізілді",
        "{system}: включена в список",
        "{system}: included in the list",
    ),
    "event_suspended": (
        "{system}: тоқтатылды",
        "{system}: приостановлена",
        "{system}: suspended",
    ),
    "event_excluded": (
        "{system}: тізімнен алынып тасталды",
        "{system}: исключена из списка",
        "{system}: excluded from the list",
    ),
    "event_restored": (
        "{system}: тізімде қайта қалпына келтірілді",
        "{system}: восстановлена в списке",
        "{system}: restored to the list",
    ),
    "event_removed": (
        "{system}: жазба жойылды (ережеге қайшы)",
        "{system}: запись удалена (вопреки правилам)",
        "{system}: record deleted (against the rules)",
    ),
    "event_changed": (
        "{system}: {field} өзгерді: «{old}» → «{new}»",
        "{system}: изменено поле {field}: «{old}» → «{new}»",
        "{system}: {field} changed from «{old}» to «{new}»",
    ),
    "event_document_added": (
        "{system}: {field} құжаты қосылды (SHA-256 {new})",
        "{system}: добавлен документ {field} (SHA-256 {new})",
        "{system}: document {field} added (SHA-256 {new})",
    ),
    "event_document_replaced": (
        "{system}: {field} құжаты ауыстырылды (SHA-256 {old} → {new})",
        "{system}: заменён документ {field} (SHA-256 {old} → {new})",
        "{system}: document {field} replaced (SHA-256 {old} → {new})",
    ),
    "event_document_removed": (
        "{system}: {field} құжаты алынып тасталды (SHA-256 {old})",
        "{system}: удалён документ {field} (SHA-256 {old})",
        "{system}: document {field} removed (SHA-256 {old})",
    ),
    "event_sector_created": ("Тізім ашылды", "Список открыт", "The list was opened"),
    "event_sector_changed": (
        "Тізім мәліметтері өзгерді: {field}: «{old}» → «{new}»",
        "Изменены сведения о списке: {field}: «{old}» → «{new}»",
        "The list's details changed: {field} from «{old}» to «{new}»",
    ),
    # The dated PDF of a revision of a list (site/listpdf.py, `trustlist list-pdf`).
    "listpdf_title": (
        "Сенімді жоғары тәуекелді жасанды интеллект жүйелерінің тізбесі",
        "Перечень доверенных систем искусственного интеллекта высокой степени риска",
        "List of trusted high-risk artificial intelligence systems",
    ),
    "listpdf_body": (
        "Салалық мемлекеттік орган",
        "Отраслевой государственный орган",
        "Sectoral state body",
    ),
    "listpdf_revision": (
        "{number}-редакция, {date} (UTC+5)",
        "Редакция № {number} от {date} (UTC+5)",
        "Revision {number} of {date} (UTC+5)",
    ),
    "listpdf_counts": (
        "Тізімде: {listed}; тоқтатылған: {suspended}; алынып тасталған: {excluded}",
        "В списке: {listed}; приостановлено: {suspended}; исключено: {excluded}",
        "Listed: {listed}; suspended: {suspended}; excluded: {excluded}",
    ),
    "listpdf_entries": ("Тізбе жазбалары", "Записи перечня", "Entries of the list"),
    "listpdf_status_since": (
        "{status}: {date} бастап, {reason}",
        "{status}: с {date}, {reason}",
        "{status}: since {date}, {reason}",
    ),
    "listpdf_changes": (
        "{previous}-редакциядан бергі өзгерістер",
        "Изменения после редакции № {previous}",
        "Changes since revision {previous}",
    ),
    "listpdf_first": (
        "Тізбенің алғашқы редакциясы",
        "Первая редакция перечня",
        "The first revision of the list",
    ),
    "listpdf_no_changes": (
        "Жазбалар өзгерген жоқ.",
        "Записи не изменились.",
        "No entry changed.",
    ),
    "listpdf_changes_only": (
        "Бұл құжат осы редакцияның өзгерістерін ғана береді; осы редакциядағы тізбе JSON "
        "түрінде (өзгерістері және олар негізделген толық тізбе): {url}",
        "Этот документ содержит только изменения этой редакции; перечень в этой редакции в "
        "JSON (его изменения и полный перечень, на котором они основаны): {url}",
        "This document gives only this revision's changes; the list as of this revision, in "
        "JSON (its changes and the full list they build on): {url}",
    ),
    "listpdf_digest": ("SHA-256 хэші", "Хеш SHA-256", "SHA-256 digest"),
    "listpdf_not_public": ("жарияланбайды", "не публикуется", "not published"),
    "listpdf_page": ("{page}/{pages} бет", "Страница {page} из {pages}", "Page {page} of {pages}"),
    "listpdf_no_sector": (
        "тізілімде «{sector}» саласы жоқ",
        "в реестре нет отрасли «{sector}»",
        "the registry has no sector «{sector}»",
    ),
    "listpdf_no_history": (
        "«{sector}» тізімінің git тарихында редакциясы жоқ",
        "у списка «{sector}» нет редакций в истории git",
        "the list «{sector}» has no revision in the git history",
    ),
    "listpdf_no_revision": (
        "«{sector}» тізімінің {number}-редакциясы жоқ (соңғысы: {last})",
        "у списка «{sector}» нет редакции № {number} (последняя: {last})",
        "the list «{sector}» has no revision {number} (the last is {last})",
    ),
    "listpdf_key_and_cert": (
        "--key пен --cert бірге беріледі",
        "--key и --cert задаются вместе",
        "--key and --cert are given together",
    ),
    "listpdf_bad_key": (
        "{file}: PEM пішіміндегі кілт немесе сертификат оқылмады ({error})",
        "{file}: не удалось прочитать ключ или сертификат PEM ({error})",
        "{file}: not a readable PEM key or certificate ({error})",
    ),
    "listpdf_wrote": ("{file} жазылды", "записан {file}", "wrote {file}"),
    "listpdf_wrote_signed": (
        "{file} жазылды, PAdES қолтаңбасы қойылды",
        "записан {file}, подписан (PAdES)",
        "wrote {file}, signed (PAdES)",
    ),
    "api_intro": (
        "Тізілім деректері ашық (CC BY 4.0 лицензиясы): кез келген адам оларды жүктеп алып, "
        "дереккөзді көрсетіп қайта пайдалана алады. Әр JSON файлы өз схемасын ($schema) "
        "атайды: оның осы сайттағы мекенжайын, api/v1/schemas/ ішінде; схеманың өз $id өрісі "
        "(https://trustlist.kz/schemas/v1/…) — схемалар бір-біріне сілтейтін тұрақты атауы, "
        "жүктеп алу мекенжайы емес. CSV кестелерінің Excel үшін нүктелі үтірмен "
        "бөлінген көшірмелері бар: <атауы>.excel.csv.",
        "Данные реестра открыты (лицензия CC BY 4.0): их можно скачивать и использовать "
        "повторно с указанием источника. Каждый файл JSON указывает свою схему ($schema): "
        "её адрес на этом сайте, в api/v1/schemas/; собственное поле $id схемы "
        "(https://trustlist.kz/schemas/v1/…) — её постоянное имя, по которому схемы ссылаются "
        "друг на друга, а не адрес. У таблиц CSV есть копии для Excel с точкой с запятой: "
        "<имя>.excel.csv.",
        "The registry's data is open (CC BY 4.0): anyone may download and reuse it, naming "
        "the source. Every JSON file names its schema ($schema): its address on this site, "
        "under api/v1/schemas/; a schema's own $id (https://trustlist.kz/schemas/v1/…) is its "
        "permanent name, by which the schemas refer to each other, not an address. Each CSV "
        "table has a copy for Excel, separated by semicolons: <name>.excel.csv.",
    ),
    "api_whole": ("Бүкіл тізілім", "Весь реестр", "The whole registry"),
    "api_index": (
        "Тізімдердің көрсеткіші: әр сектор, оның тізіміндегі жүйелер саны және файлдары",
        "Указатель списков: каждый сектор, число систем в его списке и его файлы",
        "The index of the lists: each sector, how many systems its list has, and its files",
    ),
    "download_index": (
        "Тізімдердің көрсеткіші (JSON)",
        "Указатель списков (JSON)",
        "The index of the lists (JSON)",
    ),
    "api_system": (
        "Бір жүйе: api/v1/systems/<id>.json",
        "Одна система: api/v1/systems/<id>.json",
        "One system: api/v1/systems/<id>.json",
    ),
    "api_changes": (
        "Барлық тізімдердің редакциялары мен өзгерістері (JSON)",
        "Редакции и изменения всех списков (JSON)",
        "Revisions and changes of every list (JSON)",
    ),
    "api_schemas": ("JSON схемалары", "Схемы JSON", "JSON Schemas"),
    # The footer of every page (site/theme.py footer): who publishes, how to reach them, the
    # data's licence, the accessibility statement, and the day of the last update.
    "footer_publisher": ("Жариялаушы", "Публикует", "Published by"),
    "operator_name": (
        "Қазақстан Республикасының Жасанды интеллект және цифрлық даму министрлігі",
        "Министерство искусственного интеллекта и цифрового развития Республики Казахстан",
        "Ministry of Artificial Intelligence and Digital Development of the Republic of Kazakhstan",
    ),
    "footer_operator_note": (
        "әр тізімді өз саласының мемлекеттік органы жүргізеді",
        "каждый список ведёт государственный орган своей отрасли",
        "each list is kept by its sector's state body",
    ),
    "footer_contact": ("Байланыс", "Контакты", "Contact"),
    "footer_contact_lists": (
        "Тізім туралы сұрақтарды оны жүргізетін органға жіберіңіз: байланыс деректері әр "
        "тізімнің бетінде берілген.",
        "Вопросы о списке направляйте органу, который его ведёт: контакты указаны на странице "
        "каждого списка.",
        "Questions about a list go to the body that keeps it: its contact is on each list's page.",
    ),
    "footer_licence": ("Деректер лицензиясы", "Лицензия данных", "Data licence"),
    "footer_licence_note": (
        "тізімдердің деректерін — жазбаларды, JSON, CSV — дереккөзді көрсетіп еркін "
        "пайдалануға болады; құжаттарға құқықтар олардың иелерінде қалады",
        "данные списков — записи, JSON, CSV — можно свободно использовать с указанием "
        "источника; права на документы остаются у их правообладателей",
        "the lists' data — records, JSON, CSV — may be reused freely, naming the source; the "
        "documents remain their rights holders'",
    ),
    "footer_accessibility": (
        "Қолжетімділік туралы мәлімдеме",
        "Заявление о доступности",
        "Accessibility statement",
    ),
    "footer_updated": ("Соңғы жаңарту", "Последнее обновление", "Last updated"),
    "footer_open_data": ("Ашық деректер", "Открытые данные", "Open data"),
    # Each page's description (<meta name="description">), for search engines and previews.
    "description_home": (
        "Қазақстанның салалық мемлекеттік органдары жүргізетін сенімді жоғары тәуекелді ЖИ "
        "жүйелерінің тізімдері: {sectors} сала, тізімдерде {listed} жүйе; әр жүйенің мақсаты, "
        "әдістері, шектеулері және құжаттары.",
        "Списки доверенных систем ИИ высокой степени риска, которые ведут отраслевые "
        "государственные органы Казахстана: отраслей — {sectors}, систем в списках — {listed}; "
        "назначение, методы, ограничения и документы каждой системы.",
        "Lists of trusted high-risk AI systems kept by Kazakhstan's sectoral state bodies: "
        "{sectors} sectors, {listed} systems listed; each system's purpose, methods, "
        "limitations and documents.",
    ),
    "description_search": (
        "Сенімді жоғары тәуекелді ЖИ жүйелерін атауы, иесі, қолданушы ұйымы немесе мақсаты "
        "бойынша қазақ, орыс және ағылшын тілдерінде іздеу.",
        "Поиск доверенных систем ИИ высокой степени риска по названию, владельцу, "
        "организации-пользователю или назначению на казахском, русском и английском языках.",
        "Search the trusted high-risk AI systems by name, owner, deploying organisation or "
        "purpose, in Kazakh, Russian and English.",
    ),
    "description_api": (
        "Тізімдердің ашық деректері: JSON, CSV (Excel үшін де), Atom арналары және JSON "
        "схемалары, CC BY 4.0 лицензиясы бойынша.",
        "Открытые данные списков: JSON, CSV (в том числе для Excel), ленты Atom и схемы JSON, "
        "по лицензии CC BY 4.0.",
        "The lists' open data: JSON, CSV (also for Excel), Atom feeds and JSON Schemas, under "
        "the CC BY 4.0 licence.",
    ),
    "description_sector": (
        "{authority} жүргізетін «{sector}» саласының сенімді жоғары тәуекелді ЖИ жүйелерінің "
        "тізімі: тізімде {listed} жүйе, тоқтатылған немесе алынып тасталған {delisted}.",
        "Список доверенных систем ИИ высокой степени риска отрасли «{sector}», который ведёт "
        "{authority}: в списке — {listed}, приостановлено или исключено — {delisted}.",
        "The list of trusted high-risk AI systems for {sector}, kept by the {authority}: "
        "{listed} listed, {delisted} suspended or excluded.",
    ),
    "description_history": (
        "{authority} жүргізетін «{sector}» тізімінің редакциялары ({revisions}): не және қашан "
        "өзгерді.",
        "Редакции списка «{sector}», который ведёт {authority} ({revisions}): что и когда "
        "менялось.",
        "The revisions of the {sector} list kept by the {authority} ({revisions}): what changed "
        "and when.",
    ),
    # The home page's links for applicants (the form) and journalists (the months).
    "home_form": (
        "Өтініш нысаны: YAML жазбай өтінішті браузерде дайындау",
        "Форма заявления: подготовить заявление в браузере, без YAML",
        "Application form: prepare an application in your browser, without writing YAML",
    ),
    "home_months": (
        "Айлар бойынша өзгерістер: әр айдың кестесі (CSV)",
        "Изменения по месяцам: таблица каждого месяца (CSV)",
        "Changes by month: a table of each month (CSV)",
    ),
    # <link rel="alternate" type="application/atom+xml"> in every page's head.
    "feed_all": (
        "Барлық тізімдердің өзгерістері",
        "Изменения всех списков",
        "Changes to every list",
    ),
    "feed_sector": (
        "{sector}: тізімнің өзгерістері",
        "{sector}: изменения списка",
        "{sector}: changes to the list",
    ),
    # The one 404 page, said in every language at once.
    "not_found": ("Бет табылмады", "Страница не найдена", "Page not found"),
    "not_found_text": (
        "Бұл мекенжай бойынша бет жоқ: ол басқа жерге көшірілген болуы мүмкін немесе "
        "мекенжайда қате бар.",
        "По этому адресу страницы нет: возможно, она перемещена или в адресе есть ошибка.",
        "There is no page at this address: it may have moved, or the address may be mistyped.",
    ),
    "not_found_home": (
        "Басты бет: барлық тізімдер",
        "Главная: все списки",
        "Home: every list",
    ),
    "not_found_search": ("Тізімдерден іздеу", "Поиск по спискам", "Search the lists"),
    "api_excel": ("Excel үшін (;)", "для Excel (;)", "for Excel (;)"),
    "api_schema_address": (
        "Әр JSON файлының $schema өрісі — оның схемасының осы сайттағы мекенжайы "
        "(api/v1/schemas/). Схеманың $id өрісі (https://trustlist.kz/schemas/v1/…) — оның "
        "тұрақты атауы: схемалар бір-біріне сол атау арқылы сілтейді, ол жүктеп алу мекенжайы "
        "емес. Тексеру үшін api/v1/schemas/ ішіндегі барлық схеманы валидаторға $id бойынша "
        "жүктеңіз.",
        "Поле $schema каждого файла JSON — адрес его схемы на этом сайте (api/v1/schemas/). "
        "Поле $id схемы (https://trustlist.kz/schemas/v1/…) — её постоянное имя: по нему "
        "схемы ссылаются друг на друга, это не адрес для скачивания. Для проверки загрузите в "
        "валидатор все схемы из api/v1/schemas/ по их $id.",
        "Each JSON file's $schema is where its schema is published on this site "
        "(api/v1/schemas/). A schema's $id (https://trustlist.kz/schemas/v1/…) is its "
        "permanent name, by which the schemas refer to each other, not an address to fetch: "
        "to validate, load every schema of api/v1/schemas/ into your validator by its $id.",
    ),
    "api_csv": (
        "CSV кестелері үтірмен бөлінген (RFC 4180), UTF-8 (BOM белгісімен). Орыс немесе қазақ "
        "тіліндегі Excel үшін әр кестенің нүктелі үтірмен бөлінген көшірмесі бар: "
        "<атауы>.excel.csv, мысалы registry.excel.csv. Бағандар: жүйенің мақсаты, әдістері, "
        "шектеулері, органы, жариялану күні, қолданушы ұйымдары және беттерінің мекенжайлары "
        "қоса (export-sector.schema.json, x-csv-columns).",
        "Таблицы CSV разделены запятыми (RFC 4180), в UTF-8 с меткой BOM. Для Excel с русскими "
        "или казахскими региональными настройками у каждой таблицы есть копия с точкой с "
        "запятой: <имя>.excel.csv, например registry.excel.csv. Столбцы включают назначение, "
        "методы и ограничения системы, орган, дату опубликования, организации-пользователи и "
        "адреса страниц (export-sector.schema.json, x-csv-columns).",
        "The CSV tables are comma-separated (RFC 4180), in UTF-8 with a byte-order mark. For "
        "Excel set to Russian or Kazakh, each table has a copy separated by semicolons: "
        "<name>.excel.csv, for example registry.excel.csv. The columns include each system's "
        "purpose, methods and limitations, the body, the publication date, the deploying "
        "organisations and the pages' addresses (export-sector.schema.json, x-csv-columns).",
    ),
    "feeds": ("Жаңалықтар арналары (Atom)", "Ленты обновлений (Atom)", "Update feeds (Atom)"),
    "all_sectors": ("Барлық салалар", "Все отрасли", "All sectors"),
    "timeliness": ("Мерзімдердің сақталуы", "Соблюдение сроков", "Timeliness"),
    "timeliness_summary": (
        "Қарау мерзімінде: {review_met} / {review_total}; жариялау мерзімінде: "
        "{publication_met} / {publication_total} (жұмыс күндерімен).",
        "Рассмотрено в срок: {review_met} из {review_total}; опубликовано в срок: "
        "{publication_met} из {publication_total} (в рабочих днях).",
        "Reviewed on time: {review_met} of {review_total}; published on time: "
        "{publication_met} of {publication_total} (in working days).",
    ),
    "timeliness_chart": (
        "Қарау (өтініштен шешімге дейін) және жариялау (шешімнен жариялауға дейін) жұмыс "
        "күндері; тік сызықтар — 5 және 10 күндік мерзімдер",
        "Рабочие дни рассмотрения (от заявления до решения) и опубликования (от решения до "
        "публикации); вертикальные линии — сроки 5 и 10 дней",
        "Working days of review (application to decision) and publication (decision to "
        "publication); the vertical lines are the 5- and 10-day terms",
    ),
    "review_days": ("Қарау, жұмыс күні", "Рассмотрение, рабочих дней", "Review, working days"),
    "publication_days": (
        "Жариялау, жұмыс күні",
        "Опубликование, рабочих дней",
        "Publication, working days",
    ),
    "limit": ("мерзімі", "срок", "limit"),
    "on_time": ("мерзімінде", "в срок", "on time"),
    "late": ("кешікті", "с опозданием", "late"),
    "decided": ("Шешім күні", "Дата решения", "Decided"),
    "applications": ("Өтініштер", "Заявления", "Applications"),
    "applications_intro": (
        "Осы тізімге берілген өтініштер, тізілімдегі жазбалар бойынша.",
        "Заявления о включении в этот список, по записям реестра.",
        "Applications for this list, as the register records them.",
    ),
    "count_included": ("Тізімге енгізілді", "Включено в список", "Included"),
    "count_refused": ("Бас тартылды", "Отказано", "Refused"),
    "count_withdrawn": ("Өтініш беруші кері алды", "Отозвано заявителем", "Withdrawn"),
    "count_returned": (
        "Кемінде бір рет қайтарылды",
        "Возвращено хотя бы раз",
        "Returned at least once",
    ),
    "count_pending": ("Шешім күтуде", "Ожидают решения", "Awaiting a decision"),
    "count_open_awaiting": (
        "Ашық, қарауды күтуде ({when} жағдайы бойынша)",
        "Открыты, ожидают рассмотрения (на {when})",
        "Open, awaiting review (as of {when})",
    ),
    "count_open_returned": (
        "Ашық, өтініш берушіге қайтарылды ({when} жағдайы бойынша)",
        "Открыты, возвращены заявителю (на {when})",
        "Open, returned to the applicant (as of {when})",
    ),
    "awaiting_decision": (
        "(өтініш органның шешімін күтуде)",
        "(заявление ожидает решения органа)",
        "(the application awaits the body's decision)",
    ),
    "closed_applications": (
        "Тізімге енгізілмеген өтініштер",
        "Заявления, не приведшие к включению",
        "Applications not included",
    ),
    "closed_on": ("Күні", "Дата", "Date"),
    "applicant": ("Өтініш беруші", "Заявитель", "Applicant"),
    "outcome": ("Нәтижесі", "Итог", "Outcome"),
    "outcome_refused": ("бас тартылды", "отказано", "refused"),
    "outcome_withdrawn": ("кері алынды", "отозвано", "withdrawn"),
    "reasons": ("Себептері", "Причины", "Reasons"),
    "audit_expired": (
        "Аудит қорытындысының мерзімі өтті",
        "Срок заключения аудита истёк",
        "Audit conclusion expired",
    ),
    # Dates in words: Kazakh puts the year first and inflects the month (see MONTHS).
    "date_long": (
        "{year} жылғы {day} {month}",
        "{day} {month} {year} года",
        "{day} {month} {year}",
    ),
    "date_from": (
        "{year} жылғы {day} {month} бастап",
        "с {day} {month} {year} года",
        "since {day} {month} {year}",
    ),
    "date_to": (
        "{year} жылғы {day} {month} дейін",
        "до {day} {month} {year} года",
        "until {day} {month} {year}",
    ),
    # The status notice of a suspended or excluded system, or of an expired audit conclusion:
    # on its page, in its list row and in search results.
    "notice_title_suspended": (
        "Жүйе тоқтатылған",
        "Система приостановлена",
        "This system is suspended",
    ),
    "notice_title_excluded": (
        "Жүйе тізімнен алынып тасталған",
        "Система исключена из списка",
        "This system has been excluded from the list",
    ),
    "notice_suspended": (
        "{since} тоқтатылды. Себебі: {reason}.",
        "Приостановлена {since}. Причина: {reason}.",
        "Suspended {since}. Reason: {reason}.",
    ),
    "notice_excluded": (
        "{since} тізімнен алынып тасталды. Себебі: {reason}.",
        "Исключена из списка {since}. Причина: {reason}.",
        "Excluded from the list {since}. Reason: {reason}.",
    ),
    "notice_expired": (
        "Аудит қорытындысы {until} жарамды болды. Орган жаңа аудит есебін немесе жүйені "
        "тоқтата тұру туралы шешімді күтуде.",
        "Заключение аудита действовало {until}. Орган ожидает новый отчёт об аудите или "
        "решение о приостановлении системы.",
        "The audit conclusion was valid {until}. The body awaits a new audit report or its "
        "decision to suspend the system.",
    ),
    "status_since_suspended": ("Тоқтатылған күні", "Дата приостановления", "Suspended on"),
    "status_since_excluded": ("Алынып тасталған күні", "Дата исключения", "Excluded on"),
    "status_date": ("Қашаннан бастап", "С какой даты", "Since"),
    "conclusion_withdrawn": (
        "кейін аудитор кері қайтарып алды",
        "впоследствии отозвано аудитором",
        "later withdrawn by the auditor",
    ),
    "expired_mark": ("мерзімі өтті", "срок истёк", "expired"),
    "audit_expired_on": (
        "Аудит қорытындысы {date} дейін жарамды болды. Орган жаңа аудит есебін немесе жүйені "
        "тоқтата тұру туралы шешімді күтуде.",
        "Заключение аудита действовало до {date}. Орган ожидает новый отчёт об аудите или "
        "решение о приостановлении системы.",
        "The audit conclusion was valid until {date}. The body awaits a new audit report or "
        "its decision to suspend the system.",
    ),
    # The notice of inconsistencies (notice.py): an official document to the applicant.
    "notice_title": (
        "Сәйкессіздіктер туралы хабарлама",
        "Уведомление о несоответствиях",
        "Notice of inconsistencies",
    ),
    "notice_checked_title": (
        "Өтінімді тексеру нәтижесі: сәйкессіздік жоқ",
        "Результат проверки заявления: несоответствий нет",
        "Result of the application check: no inconsistencies",
    ),
    "notice_date": ("Күні", "Дата", "Date"),
    "notice_to": ("Кімге", "Кому", "To"),
    "notice_from": ("Кімнен", "От кого", "From"),
    "notice_pr": ("Сұрау (pull request)", "Запрос (pull request)", "Pull request"),
    "notice_system": ("Жүйе", "Система", "System"),
    "notice_bin": ("БСН", "БИН", "BIN"),
    "notice_basis": ("Құқықтық негіз", "Правовое основание", "Legal basis"),
    "notice_basis_text": (
        "Қазақстан Республикасы Премьер-Министрінің орынбасары — Жасанды интеллект және "
        "цифрлық даму министрінің 2026 жылғы 10 сәуірдегі бұйрығымен бекітілген сенімді "
        "жоғары тәуекелді жасанды интеллект жүйелерінің тізбелерін қалыптастыру және "
        "жариялау қағидалары",
        "Правила формирования и опубликования перечней доверенных систем искусственного "
        "интеллекта высокой степени риска, утверждённые приказом Заместителя Премьер-Министра "
        "— Министра искусственного интеллекта и цифрового развития Республики Казахстан от "
        "10 апреля 2026 года",
        "Rules for forming and publishing the lists of trusted high-risk artificial "
        "intelligence systems, approved by the Order of the Deputy Prime Minister — Minister "
        "of Artificial Intelligence and Digital Development of the Republic of Kazakhstan of "
        "10 April 2026",
    ),
    "notice_found": (
        "Өтінім пакетін тексеру кезінде {count} сәйкессіздік анықталды. Әрқайсысын аталған "
        "файл мен өрісте түзетіп, түзетуді осы pull request-ке жіберіңіз: бұл — пакетті қайта "
        "беру.",
        "При проверке пакета заявления выявлено несоответствий: {count}. Исправьте каждое в "
        "указанном файле и поле и отправьте исправление в этот pull request: это повторная "
        "подача пакета.",
        "The check of the application package found {count} inconsistency(ies). Correct each "
        "in the file and field named and push the correction to this pull request: that is the "
        "resubmission of the package.",
    ),
    "notice_rereview": (
        "Орган қайта берілген пакетті 5 жұмыс күні ішінде қарайды: {date} күні қайта берілсе, "
        "{due} дейін.",
        "Орган рассматривает повторно поданный пакет в течение 5 рабочих дней: при повторной "
        "подаче {date} — до {due}.",
        "The body re-reviews a resubmitted package within 5 working days: resubmitted on "
        "{date}, by {due}.",
    ),
    "notice_complete": (
        "Пакет толық, автоматты тексеруден өтті.",
        "Пакет полон и прошёл автоматическую проверку.",
        "The package is complete and passed the automated check.",
    ),
    "notice_awaiting": (
        "Өтінім органның шешімін күтуде: орган құжаттардың мазмұнын қарап, шешімді "
        "`trustlist decide` арқылы енгізеді.",
        "Заявление ожидает решения органа: орган изучает содержание документов и вносит "
        "решение командой `trustlist decide`.",
        "The application awaits the body's decision: the body reads the documents and records "
        "its decision with `trustlist decide`.",
    ),
    "notice_decided": (
        "Органның шешімі: {date}, {reference}.",
        "Решение органа: {date}, {reference}.",
        "The body's decision: {date}, {reference}.",
    ),
    "notice_not_application": (
        "Бұл сұрау тізілімнің ешбір жазбасын өзгертпейді: бұл өтініш емес. Оны қызмет "
        "көрсетушілер жеке тексерумен қарайды.",
        "Этот запрос не меняет ни одной записи реестра: это не заявление. Его рассматривают "
        "сопровождающие, со своей проверкой.",
        "This pull request changes no record of the registry: it is not an application. The "
        "maintainers review it, with checks of its own.",
    ),
    "notice_problems": ("Түзетілуі тиіс", "Необходимо исправить", "To be corrected"),
    "notice_advice": ("Ескертпелер", "Замечания", "Advice"),
    "notice_whole": (
        "Pull request тұтастай",
        "Pull request в целом",
        "The pull request as a whole",
    ),
    "notice_line": ("{line}-жол", "строка {line}", "line {line}"),
    "notice_field": ("өріс", "поле", "field"),
    "notice_rule": ("ереже", "правило", "rule"),
    "notice_terms": (
        "Мерзімдер (Қазақстанның жұмыс күндері)",
        "Сроки (рабочие дни Казахстана)",
        "Terms (Kazakhstan working days)",
    ),
    "notice_reviewers": ("Қарайтындар", "Рассматривают", "Reviewers"),
    "notice_uncommitted": (
        "Жұмыс қалтасында commit жасалмаған өзгерістер бар: олар тексерілмеді, өйткені "
        "өтінімге тек commit жасалғаны кіреді.",
        "В рабочей папке есть изменения без commit: они не проверялись, в заявление входит "
        "только то, что внесено в commit.",
        "The work tree has changes that are not committed: they were not checked, since only "
        "what is committed is part of the application.",
    ),
    "term": ("Мерзім", "Срок", "Term"),
    "term_review": ("қарау", "рассмотрение", "review"),
    "term_re-review": (
        "қайта қарау {round}",
        "повторное рассмотрение {round}",
        "re-review {round}",
    ),
    "term_publication": ("жариялау", "опубликование", "publication"),
    "term_counts_from": ("басталуы", "отсчёт от", "counts from"),
    "term_days": ("жұмыс күні", "рабочих дней", "working days"),
    "term_due": ("соңғы күні", "срок истекает", "due"),
    "term_actual": ("іс жүзінде", "фактически", "actual"),
    "term_taken": ("өтті", "прошло", "taken"),
    "term_state": ("жағдайы", "состояние", "state"),
    "term_met": ("мерзімінде", "соблюдён", "met"),
    "term_missed": ("өткізіп алынды", "нарушен", "missed"),
    "term_pending": ("жүріп жатыр", "идёт", "pending"),
    "term_overdue": ("мерзімі өтті", "просрочен", "overdue"),
    # History for people (site/wording.py, site/monthly.py): each revision's events in
    # sentences with the system's name, the field's label and the value in words.
    "revision_date": (
        "Тізім редакциясының күні",
        "Дата редакции списка",
        "Date of the list's revision",
    ),
    "decision_date_full": (
        "Органның шешім күні",
        "Дата решения органа",
        "Date of the body's decision",
    ),
    "publication_date": ("Жарияланған күні", "Дата опубликования", "Date of publication"),
    "dates_explained": (
        "Үш күн бөлек көрсетіледі: тізім редакциясының күні — тізім тізілімде өзгертілген "
        "уақыт (коммит, Қазақстан уақыты, UTC+5); органның шешім күні — уәкілетті орган "
        "шешім қабылдаған күн; жарияланған күні — орган шешімді жариялаған күн.",
        "Три даты различаются: дата редакции списка — когда список изменён в реестре "
        "(коммит, время Казахстана, UTC+5); дата решения органа — когда уполномоченный орган "
        "принял решение; дата опубликования — когда орган опубликовал решение.",
        "Three dates are told apart: the date of the list's revision is when the list was "
        "changed in the register (its commit, Kazakhstan time, UTC+5); the date of the body's "
        "decision is when the authority decided; the date of publication is when the body "
        "published its decision.",
    ),
    "month_year": ("{year} жылғы {month}", "{month} {year} года", "{month} {year}"),
    "changes_title": ("Тізімдердегі өзгерістер", "Изменения в списках", "Changes to the lists"),
    "changes_month_title": (
        "Тізімдердегі өзгерістер: {month}",
        "Изменения в списках: {month}",
        "Changes to the lists: {month}",
    ),
    "changes_by_month": ("Айлар бойынша өзгерістер", "Изменения по месяцам", "Changes by month"),
    "changes_intro": (
        "Әр айда тізімдерде не өзгергені: енгізілген, тоқтатылған, алынып тасталған және "
        "қайта енгізілген жүйелер, олардың жазбаларындағы өзгерістер. Әр айдың өзгерістерін "
        "кесте ретінде жүктеп алуға болады.",
        "Что изменилось в списках за каждый месяц: включённые, приостановленные, исключённые "
        "и восстановленные системы и изменения в их записях. Изменения за месяц можно скачать "
        "таблицей.",
        "What changed in the lists each month: systems included, suspended, excluded and "
        "restored, and changes to their entries. Each month's changes can be downloaded as a "
        "table.",
    ),
    "month": ("Ай", "Месяц", "Month"),
    "changes_count": ("Өзгерістер саны", "Изменений", "Changes"),
    "changes_none": (
        "Әзірге тізімдерде өзгеріс жоқ.",
        "Изменений в списках пока нет.",
        "The lists have not changed yet.",
    ),
    "download_month_csv": (
        "Айдың өзгерістері CSV пішімінде (Excel, LibreOffice)",
        "Изменения за месяц в формате CSV (Excel, LibreOffice)",
        "The month's changes as CSV (Excel, LibreOffice)",
    ),
    "previous_month": ("Алдыңғы ай", "Предыдущий месяц", "Previous month"),
    "next_month": ("Келесі ай", "Следующий месяц", "Next month"),
    "what_changed": ("Не өзгерді", "Что изменилось", "What changed"),
    "system_id": ("Жүйенің идентификаторы", "Идентификатор системы", "System id"),
    "system_name": ("Жүйенің атауы", "Наименование системы", "System name"),
    "page_url": ("Беттің мекенжайы", "Адрес страницы", "Page address"),
    "list_revision": ("Тізім редакциясы", "Редакция списка", "List revision"),
    "revision_number": ("{number}-редакция", "редакция № {number}", "revision {number}"),
    # Russian names the system for the verbs' gender (включена); Kazakh verbs need no subject.
    "said_system": ("«{name}»", "Система «{name}»", "“{name}”"),
    "said_list": ("Тізім туралы мәліметтер", "Сведения о списке", "The list's details"),
    "said_sector_created": ("тізім ашылды", "список открыт", "the list was opened"),
    "said_included": (
        "тізімге № {number} болып енгізілді",
        "включена в список под № {number}",
        "included in the list as No. {number}",
    ),
    "said_decision": (
        "органның шешімі: {date} ({reference})",
        "решение органа от {date} ({reference})",
        "the body's decision of {date} ({reference})",
    ),
    "said_published": ("жарияланған күні: {date}", "опубликовано {date}", "published on {date}"),
    "said_suspended": ("{since} тоқтатылды", "приостановлена {since}", "suspended {since}"),
    "said_excluded": (
        "{since} тізімнен алынып тасталды",
        "исключена из списка {since}",
        "excluded from the list {since}",
    ),
    "said_reason": ("себебі: {reason}", "причина: {reason}", "reason: {reason}"),
    "said_restored": ("тізімге қайта енгізілді", "восстановлена в списке", "restored to the list"),
    "said_removed": (
        "жазба жойылды (ережеге қайшы)",
        "запись удалена (вопреки правилам)",
        "its record was deleted (against the rules)",
    ),
    "said_document_added": (
        "«{document}» құжаты қосылды ({file})",
        "добавлен документ «{document}» ({file})",
        "document “{document}” added ({file})",
    ),
    "said_document_replaced": (
        "«{document}» құжаты жаңа нұсқасымен ауыстырылды ({file})",
        "документ «{document}» заменён новой версией ({file})",
        "document “{document}” replaced by a new version ({file})",
    ),
    "said_document_removed": (
        "«{document}» құжаты алынып тасталды ({file})",
        "удалён документ «{document}» ({file})",
        "document “{document}” removed ({file})",
    ),
    "said_set": ("«{field}» көрсетілді: {new}", "указано «{field}»: {new}", "{field} given: {new}"),
    "said_cleared": (
        "«{field}» алынып тасталды (бұрын: {old})",
        "удалено «{field}» (было: {old})",
        "{field} removed (was: {old})",
    ),
    "said_changed": (
        "«{field}» өзгерді: бұрын {old}, енді {new}",
        "изменено «{field}»: было {old}, стало {new}",
        "{field} changed from {old} to {new}",
    ),
    "said_signed": (
        "органның қолтаңбасы жаңартылды",
        "подпись органа обновлена",
        "the body's signature was renewed",
    ),
    "said_keys": (
        "органның қолтаңба кілттері өзгерді",
        "изменены ключи подписи органа",
        "the body's signing keys changed",
    ),
    "said_technical": (
        "техникалық өріс өзгерді: {field}",
        "изменено техническое поле {field}",
        "technical field {field} changed",
    ),
    "in_kk": ("қазақ тілінде", "на казахском", "in Kazakh"),
    "in_ru": ("орыс тілінде", "на русском", "in Russian"),
    "in_en": ("ағылшын тілінде", "на английском", "in English"),
    "field_role": ("рөлі", "роль", "role"),
    "field_reference": ("нөмірі", "номер", "reference"),
    "field_number": ("нөмірі", "номер", "number"),
    "field_date": ("күні", "дата", "date"),
    "field_returned": ("қайтарылған күні", "возвращено", "returned on"),
    "field_auditor": ("аудитор", "аудитор", "auditor"),
    "field_auditor_bin": ("аудитордың БСН-і", "БИН аудитора", "auditor's BIN"),
    "field_report_date": ("есеп күні", "дата отчёта", "report date"),
    "field_decision_reference": (
        "Органның шешімінің нөмірі",
        "Номер решения органа",
        "The body's decision reference",
    ),
    "field_note": ("ескертпе", "примечание", "note"),
    "field_demonstration": (
        "Демонстрациялық жазба",
        "Демонстрационная запись",
        "Demonstration record",
    ),
}


# Each month: Kazakh as named, from (ablative) and until (dative); Russian (genitive); English.
MONTHS: tuple[tuple[str, str, str, str, str], ...] = (
    ("қаңтар", "қаңтардан", "қаңтарға", "января", "January"),
    ("ақпан", "ақпаннан", "ақпанға", "февраля", "February"),
    ("наурыз", "наурыздан", "наурызға", "марта", "March"),
    ("сәуір", "сәуірден", "сәуірге", "апреля", "April"),
    ("мамыр", "мамырдан", "мамырға", "мая", "May"),
    ("маусым", "маусымнан", "маусымға", "июня", "June"),
    ("шілде", "шілдеден", "шілдеге", "июля", "July"),
    ("тамыз", "тамыздан", "тамызға", "августа", "August"),
    ("қыркүйек", "қыркүйектен", "қыркүйекке", "сентября", "September"),
    ("қазан", "қазаннан", "қазанға", "октября", "October"),
    ("қараша", "қарашадан", "қарашаға", "ноября", "November"),
    ("желтоқсан", "желтоқсаннан", "желтоқсанға", "декабря", "December"),
)
_MONTH_FORM = {"date_long": 0, "date_from": 1, "date_to": 2}
# A month named on its own (a heading, "June 2026"): Russian in the nominative.
_RU_MONTHS_NAMED = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip


def month_words(year: int, month: int, lang: str) -> str:
    """A month of a year in words, as a heading names it: 2026 жылғы маусым, июнь 2026 года."""
    names = MONTHS[month - 1]
    name = {"kk": names[0], "ru": _RU_MONTHS_NAMED[month - 1], "en": names[4]}[lang]
    return t("month_year", lang, year=year, month=name)


def date_words(day: date, lang: str, phrase: str = "date_long") -> str:
    """`day` in words: the date (date_long), since it (date_from) or until it (date_to)."""
    names = MONTHS[day.month - 1]
    month = names[_MONTH_FORM[phrase]] if lang == "kk" else names[3 if lang == "ru" else 4]
    return t(phrase, lang, year=day.year, day=day.day, month=month)


def status_notice(state: str, since: date, reason: str, lang: str) -> str:
    """What a suspended or excluded system's notice says: since when, and why."""
    return t(
        f"notice_{state}",
        lang,
        since=date_words(since, lang, "date_from"),
        reason=t(f"reason_{reason}", lang),
    )


def expired_notice(valid_until: date, lang: str) -> str:
    """What a listed system's notice says when its audit conclusion has expired."""
    return t("notice_expired", lang, until=date_words(valid_until, lang, "date_to"))


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, with {placeholders} filled from `values`."""
    text = MESSAGES[key][LANGUAGES.index(lang)]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


class Labels:
    """One language's messages for templates: `t.status` is a lookup where `t("status")` was a
    call (thousands per page set); `t["status_" ~ state]` for a computed key, and
    `t("key", name=value)` fills placeholders."""

    def __init__(self, lang: str) -> None:
        index = LANGUAGES.index(lang)
        self.__dict__.update({key: texts[index] for key, texts in MESSAGES.items()})
        self._lang = lang

    def __getitem__(self, key: str) -> str:
        return self.__dict__[key]

    def __call__(self, key: str, **values: object) -> str:
        return t(key, self._lang, **values)

    def date(self, day: date) -> str:
        """`{{ t.date(d) }}`: a date in words."""
        return date_words(day, self._lang)

    def status_notice(self, state: str, since: date, reason: str) -> str:
        return status_notice(state, since, reason, self._lang)

    def expired_notice(self, valid_until: date) -> str:
        return expired_notice(valid_until, self._lang)


@cache
def labels(lang: str) -> Labels:
    return Labels(lang)
