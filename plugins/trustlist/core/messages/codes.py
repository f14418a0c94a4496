"""The rules: each code and what it requires, in one line (docs/rules.md, `trustlist rules`).

The one table of the project's codes, in the order the rules page lists them. Codes are
stable: a rule may be reworded, never renumbered. Keyed by the code itself: "BIN001": (kk,
ru, en).
"""

# code: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "FILE001": (
        "Тізілім файлын оқуға болады.",
        "Файл реестра доступен для чтения.",
        "A registry file can be read.",
    ),
    "FILE002": (
        "Тізілімнің файлдары мен қалталары — кәдімгі файлдар мен қалталар, ешқашан символдық "
        "сілтемелер емес.",
        "Файлы и папки реестра — обычные файлы и папки, а не символические ссылки.",
        "Registry files and folders are regular files and folders, never symlinks.",
    ),
    "YAML001": (
        "Файл — жарамды YAML.",
        "Файл является корректным YAML.",
        "The file is valid YAML.",
    ),
    "YAML002": (
        "Бір өрістер тобында ешбір кілт екі рет кездеспейді.",
        "В одном отображении (mapping) ни один ключ не встречается дважды.",
        "No key appears twice in one mapping.",
    ),
    "YAML003": (
        "Якорьлер (&name) мен бүркеншік аттар (*name) қолданылмайды.",
        "Якоря (&name) и псевдонимы (*name) не используются.",
        "No anchors (&name) or aliases (*name).",
    ),
    "YAML004": ("Файл UTF-8 кодтауында.", "Файл в кодировке UTF-8.", "The file is UTF-8."),
    "YAML005": (
        "Файл көлемі 256 КиБ-тан, кірістіру тереңдігі 32 деңгейден, мәндер саны 20 000-нан "
        "аспайды.",
        "Размер файла не больше 256 КиБ, вложенность не глубже 32 уровней, значений не более 20 "
        "000.",
        "The file is at most 256 KiB, 32 levels deep and 20,000 values.",
    ),
    "YAML006": (
        "Атауларда, мәндерде және түсініктемелерде басқарушы, нөлдік ендегі немесе екі бағытты "
        "мәтін таңбалары жоқ.",
        "В именах, значениях и комментариях нет управляющих символов, символов нулевой ширины и "
        "символов управления направлением текста.",
        "No control, zero-width or bidirectional characters in names, values or comments.",
    ),
    "YAML007": (
        "Мәтін Unicode NFC нормал пішінінде.",
        "Текст в нормальной форме Unicode NFC.",
        "Text is in Unicode NFC form.",
    ),
    "YAML008": (
        "Файл «өріс: мән» жұптарынан тұрады.",
        "Файл состоит из пар «поле: значение».",
        "The file is a mapping of field: value.",
    ),
    "YAML009": (
        "YAML тегтері (!!type) қолданылмайды.",
        "Теги YAML (!!type) не используются.",
        "No YAML tags (!!type).",
    ),
    "YAML010": (
        "Бір файлда бір YAML құжаты болады.",
        "В одном файле один документ YAML.",
        "One YAML document per file.",
    ),
    "SCH001": (
        "Барлық міндетті өрістер бар.",
        "Все обязательные поля присутствуют.",
        "Every required field is present.",
    ),
    "SCH002": ("Белгісіз өрістер жоқ.", "Неизвестных полей нет.", "No unknown fields."),
    "SCH003": (
        "Әр мәннің түрі схемада берілгендей (true/false, сан, мәтін, тізім, топ).",
        "Каждое значение имеет тип, заданный схемой (true/false, число, текст, список, группа).",
        "Every value has the type the schema gives (true/false, number, text, list, group).",
    ),
    "SCH004": (
        "Белгіленген тізімнен алынатын мән рұқсат етілген мәндердің бірі болады.",
        "Значение из фиксированного перечня — одно из допустимых значений.",
        "Values from a fixed list are one of the allowed values.",
    ),
    "SCH005": (
        "Мәндер талап етілген пішінде (күн, БСН цифрлары, электрондық пошта, ұзындық, ауқым).",
        "Значения имеют требуемую форму (дата, цифры БИН, электронная почта, длина, диапазон).",
        "Values have the required form (date, BIN digits, e-mail, length, range).",
    ),
    "SCH006": (
        "Схеманың басқа ережелері (тізім көлемі, бірегейлік, шартты өрістер).",
        "Прочие правила схемы (размер списков, уникальность, условные поля).",
        "Other schema rules (list sizes, uniqueness, conditional fields).",
    ),
    "LINK001": (
        "Сілтемелер — абсолютті https: мекенжайлары.",
        "Ссылки — абсолютные адреса https:.",
        "Links are absolute https: addresses.",
    ),
    "MOD001": (
        "Типтелген модель схема қабылдайтынның бәрін қабылдайды (сәйкессіздік — хабарлануы тиіс "
        "қате).",
        "Типизированная модель принимает всё, что принимает схема (расхождение — ошибка, о "
        "которой следует сообщить).",
        "The typed model accepts what the schema accepts (a mismatch is a bug to report).",
    ),
    "REG001": (
        "id қалта атауымен бірдей.",
        "id совпадает с именем папки.",
        "The id equals the folder name.",
    ),
    "REG002": (
        "Жүйенің саласы ол орналасқан сала қалтасымен бірдей.",
        "Отрасль системы совпадает с папкой отрасли, в которой она находится.",
        "A system's sector equals the sector folder it stands in.",
    ),
    "REG003": (
        "Жүйенің саласы бар: оның қалтасында sector.yaml бар.",
        "Отрасль системы существует: в её папке есть sector.yaml.",
        "A system's sector exists: its folder has a sector.yaml.",
    ),
    "REG004": (
        "Жүйе идентификаторлары бүкіл тізілім бойынша бірегей.",
        "Идентификаторы систем уникальны во всём реестре.",
        "System ids are unique across the registry.",
    ),
    "REG005": (
        "Тізімдегі нөмірлер сала тізімі ішінде бірегей.",
        "Номера в списке уникальны в пределах списка отрасли.",
        "List numbers are unique within a sector's list.",
    ),
    "REG006": (
        "Тізілімде тек сала қалталары, жүйе қалталары және белгілі файлдар болады.",
        "Реестр содержит только папки отраслей, папки систем и известные файлы.",
        "The registry holds only sector folders, system folders and known files.",
    ),
    "REG007": (
        "Әр жүйе қалтасында system.yaml бар.",
        "В каждой папке системы есть system.yaml.",
        "Every system folder has a system.yaml.",
    ),
    "REG008": (
        "Сала мен жүйе идентификаторлары сайттың өз беттеріне арналған атауларды алмайды.",
        "Идентификаторы отраслей и систем не занимают имён, зарезервированных для страниц "
        "самого сайта.",
        "Sector and system ids do not take a name the site reserves for its own pages.",
    ),
    "BIN001": (
        "БСН-нің (меншік иесінің, аудитордың) бақылау цифры дұрыс.",
        "БИН (собственника, аудитора) имеет правильную контрольную цифру.",
        "A BIN (owner, auditor) has a valid check digit.",
    ),
    "BIN002": (
        "Жүйені қолданатын ұйымның БСН-і көрсетілсе, оның бақылау цифры дұрыс.",
        "БИН организации, применяющей систему, если указан, имеет правильную контрольную цифру.",
        "A deployer's BIN, where one is given, has a valid check digit.",
    ),
    "DOC001": (
        "Үш міндетті құжат көрсетілген: өтініш, авторлық құқық туралы құжат, аудит есебі.",
        "Указаны три обязательных документа: заявление, документ об авторском праве, отчёт об "
        "аудите.",
        "The three required documents are listed: application, copyright document, audit report.",
    ),
    "DOC002": (
        "Авторлық құқық туралы құжат copyright.kind мәніне сәйкес (куәлік немесе шарт).",
        "Документ об авторском праве соответствует copyright.kind (свидетельство или договор).",
        "The copyright document matches copyright.kind (certificate or agreement).",
    ),
    "DOC003": (
        "Жария құжаттың SHA-256 мәні оның файлына сәйкес.",
        "SHA-256 публичного документа совпадает с его файлом.",
        "A public document's SHA-256 matches its file.",
    ),
    "DOC004": (
        "Жария құжаттың көлемі оның файлына сәйкес.",
        "Размер публичного документа совпадает с его файлом.",
        "A public document's size matches its file.",
    ),
    "DOC005": (
        "Жария құжаттың файлы жүйе қалтасында тұр.",
        "Файл публичного документа находится в папке системы.",
        "A public document's file is in the system folder.",
    ),
    "DOC006": (
        "Жария емес құжаттың файлы репозиторийде жоқ.",
        "Файла непубличного документа нет в репозитории.",
        "A non-public document's file is not in the repository.",
    ),
    "DOC007": (
        "Құжат файлының атауы — жүйе қалтасы ішіндегі жай атау (жолсыз, '..' белгісінсіз).",
        "Имя файла документа — простое имя внутри папки системы (без пути и без '..').",
        "A document file name is a plain name inside the system folder (no path, no '..').",
    ),
    "DOC008": (
        "Құжат файлы — кәдімгі файл (символдық сілтеме емес).",
        "Файл документа — обычный файл (не символическая ссылка).",
        "A document file is a regular file (no symlink).",
    ),
    "DOC009": (
        "Жүйе қалтасында жазбада көрсетілмеген файл жоқ.",
        "В папке системы нет файлов, не указанных в записи.",
        "The system folder holds no file that the record does not list.",
    ),
    "DOC010": (
        "Әр файл бір рет көрсетіледі.",
        "Каждый файл указан один раз.",
        "A file is listed once.",
    ),
    "PDF001": (
        "Жария құжат нөлінші байттан бастап %PDF- деген PDF тақырыбымен басталады.",
        "Публичный документ начинается с заголовка PDF %PDF- с нулевого байта.",
        "A public document starts with the PDF header %PDF- at byte 0.",
    ),
    "PDF002": (
        "Жария құжат кемінде бір беті бар PDF ретінде оқылады.",
        "Публичный документ читается как PDF хотя бы с одной страницей.",
        "A public document parses as a PDF with at least one page.",
    ),
    "PDF003": (
        "Жария құжат шифрланбаған.",
        "Публичный документ не зашифрован.",
        "A public document is not encrypted.",
    ),
    "PDF004": (
        "Жария құжатта JavaScript жоқ.",
        "Публичный документ не содержит JavaScript.",
        "A public document contains no JavaScript.",
    ),
    "PDF005": (
        "Жария құжатта іске қосу, жіберу немесе қашықтағы ресурсқа өту әрекеттері жоқ.",
        "Публичный документ не содержит действий запуска, отправки и перехода к внешним ресурсам.",
        "A public document contains no launch, submit or remote actions.",
    ),
    "PDF006": (
        "Жария құжатта ендірілген файлдар, мультимедиа немесе XFA пішіндері жоқ.",
        "Публичный документ не содержит встроенных файлов, мультимедиа и форм XFA.",
        "A public document contains no embedded files, rich media or XFA forms.",
    ),
    "PLH001": (
        "Ешбір мәнде `trustlist new` жазған толтырғыш (<fill in: …>) қалмаған.",
        "Ни одно значение не осталось заполнителем, записанным `trustlist new` (<fill in: …>).",
        "No value is still a placeholder written by `trustlist new` (<fill in: …>).",
    ),
    "AUD001": (
        "Аудит қорытындысы оң.",
        "Заключение аудита положительное.",
        "The audit conclusion is positive.",
    ),
    "AUD002": (
        "Аудит қорытындысы шешім күні әлі жарамды.",
        "Заключение аудита действительно на дату решения.",
        "The audit conclusion is still valid on the decision date.",
    ),
    "CAL001": (
        "registry/calendar.yaml файлында әр күн бір рет көрсетіледі: екі рет емес және әрі "
        "демалыс, әрі жұмыс күні ретінде емес.",
        "Каждая дата указывается в registry/calendar.yaml один раз: не дважды и не одновременно "
        "как выходной и как рабочий день.",
        "A date stands once in registry/calendar.yaml: not twice, not both a day off and a "
        "working day.",
    ),
    "DATE001": (
        "Күндер ретімен жүреді: өтініш беру, сәйкессіздіктер туралы әр хабарлама және оған "
        "жауап болатын қайта беру, шешім; жариялау, тоқтата тұру және тізімнен алып тастау — "
        "шешімнен кейін.",
        "Даты идут по порядку: подача, каждое уведомление о несоответствиях и отвечающая на "
        "него повторная подача, решение; опубликование, приостановление и исключение — после "
        "решения.",
        "Dates are in order: submission, each notice of inconsistencies and the resubmission "
        "that answers it, the decision; publication, suspension and exclusion after the "
        "decision.",
    ),
    "APP001": (
        "Сәйкессіздіктер туралы тек соңғы хабарлама жауапсыз қала алады, ал орган шешім "
        "қабылдағаннан кейін ешқайсысы жауапсыз қалмайды.",
        "Без ответа может оставаться только последнее уведомление о несоответствиях, а после "
        "решения органа — ни одно.",
        "Only the last notice of inconsistencies may be unanswered, and none once the body has "
        "decided.",
    ),
    "GIT001": (
        "Тізілімнің репозиторийі бүкіл тарихымен алынған (shallow clone емес): тізімдердің "
        "редакциялары сол тарихтан нөмірленеді.",
        "Репозиторий реестра получен со всей историей (не shallow clone): редакции списков "
        "нумеруются по этой истории.",
        "The registry's repository has its whole history (not a shallow clone): the lists' "
        "revisions are numbered from it.",
    ),
    "BLD001": (
        "Сайттың беттерден басқа әр файлы жазылады; жазылмаса, сайт құрастырылмайды.",
        "Каждый файл сайта, кроме страниц, записан; если нет, сайт не собирается.",
        "Every file of the site besides its pages is written; if one is not, no site is built.",
    ),
    "OPN001": (
        "Ашық өтініштер файлы (`trustlist applications`), құрастыруға берілсе, "
        "open-applications.schema.json сұлбасына сай келеді және тек тізілімдегі салаларды атайды.",
        "Файл открытых заявлений (`trustlist applications`), если он дан сборке, соответствует "
        "open-applications.schema.json и называет только отрасли реестра.",
        "The open applications file (`trustlist applications`), where the build is given one, "
        "is valid against open-applications.schema.json and names only the registry's sectors.",
    ),
    "CHG001": (
        "Pull request ешқашан жүйе жазбасын жоймайды: тізімнен алып тастау — мәртебенің өзгеруі.",
        "Pull request никогда не удаляет запись системы: исключение — это изменение статуса.",
        "A pull request never deletes a system's record: exclusion is a status change.",
    ),
    "CHG002": (
        "Жүйенің тізімдегі нөмірі жарияланғаннан кейін ешқашан өзгермейді.",
        "Номер системы в списке после опубликования никогда не меняется.",
        "A system's list number never changes once published.",
    ),
    "CHG003": (
        "Өтініш тек registry/ қалтасын өзгертеді; код, схемалар, workflow файлдары және "
        "тізілімнің ортақ файлдары жеке pull request арқылы өзгертіледі.",
        "Заявление изменяет только registry/; код, схемы, workflow и общие файлы реестра "
        "меняются в отдельном pull request.",
        "An application changes only registry/; code, schemas, workflows and the shared "
        "registry files change in their own pull request.",
    ),
    "CHG004": (
        "(ескерту) Pull request алып тастаған құжат тексерушілерге аталып көрсетіледі.",
        "(предупреждение) Документ, удалённый в pull request, указывается проверяющим.",
        "(warning) A document removed by a pull request is named for the reviewers.",
    ),
    "DEC001": (
        "Жазбаның органға тиесілі бөлігі (list_number, decision, status) тек саланың шешім "
        "кілттерінің бірімен жазбаға қойылған қолтаңба арқылы өзгертіледі (trustlist decide).",
        "Часть записи, заполняемая органом (list_number, decision, status), изменяется только с "
        "подписью записи одним из ключей решений отрасли (trustlist decide).",
        "The body's stage of a record (list_number, decision, status) is changed only with a "
        "signature of one of the sector's decision keys over the record (trustlist decide).",
    ),
    "DEC002": (
        "Жарияланған шешімнің күні мен нөмірі ешқашан өзгермейді.",
        "Дата и номер опубликованного решения никогда не меняются.",
        "A published decision's date and reference never change.",
    ),
    "VER001": (
        "Сайтта оқылатын manifest.json бар.",
        "На сайте есть читаемый manifest.json.",
        "The site has a readable manifest.json.",
    ),
    "VER002": (
        "Манифестте көрсетілген әр файл сайтта бар.",
        "Каждый файл, указанный в манифесте, есть на сайте.",
        "Every file the manifest lists is in the site.",
    ),
    "VER003": (
        "Әр файлдың SHA-256 мәні мен көлемі манифестте көрсетілгендей.",
        "SHA-256 и размер каждого файла такие, как указано в манифесте.",
        "Every file has the SHA-256 and size the manifest gives.",
    ),
    "VER004": (
        "Сайтта манифестте көрсетілмеген файл жоқ.",
        "На сайте нет файлов, не указанных в манифесте.",
        "The site holds no file the manifest does not list.",
    ),
    "VER005": (
        "Манифест қолтаңбасы күтілген қол қоюшы үшін расталады.",
        "Подпись манифеста подтверждается для ожидаемого подписанта.",
        "The manifest's signature verifies for the expected signer.",
    ),
    "VER006": (
        "Манифест коммитін қайта құрастыру байтына дейін дәл сол файлдарды береді.",
        "Повторная сборка коммита манифеста даёт те же файлы байт в байт.",
        "A rebuild of the manifest's commit gives the same files, byte for byte.",
    ),
    # `trustlist governance`: the repository's settings against the registry (governance.py).
    "GOV001": (
        "Әдепкі тармақтың ережелер жиыны (ruleset) .github/rulesets/ қалтасында сақталады.",
        "Набор правил (ruleset) ветки по умолчанию хранится в .github/rulesets/.",
        "A ruleset for the default branch is kept in .github/rulesets/.",
    ),
    "GOV002": (
        "Әр .github/rulesets/*.json — JSON ережелер жиыны, ал .github/workflows/check.yml — "
        "тапсырмалары бар workflow.",
        "Каждый .github/rulesets/*.json — набор правил в JSON, а .github/workflows/check.yml — "
        "workflow с заданиями.",
        "Each .github/rulesets/*.json is a JSON ruleset and .github/workflows/check.yml a "
        "workflow with jobs.",
    ),
    "GOV003": (
        "Әдепкі тармақтың ережелер жиыны әр міндетті баптауды сақтайды: белсенді, айналып өтусіз, "
        "жоюсыз және күштеп жіберусіз, тек pull request арқылы, соңғы жіберуді басқа адам Code "
        "Owner ретінде мақұлдайды, ескірген мақұлдаулар алынады, талқылаулар шешіледі, тек "
        "squash, қатаң тексерулер.",
        "Набор правил ветки по умолчанию сохраняет каждую обязательную настройку: активен, без "
        "обхода, без удаления и принудительной отправки, только через pull request, последнюю "
        "отправку одобряет другой человек из Code Owners, устаревшие одобрения снимаются, "
        "обсуждения разрешены, только squash, строгие проверки.",
        "The default branch's ruleset keeps every required setting: active, no bypass, no "
        "deletion or force push, pull requests only, one Code Owner approval of the last push by "
        "someone else, stale approvals dismissed, threads resolved, squash only, strict checks.",
    ),
    "GOV004": (
        ".github/workflows/check.yml файлының әр тапсырмасы — міндетті тексеру.",
        "Каждое задание .github/workflows/check.yml — обязательная проверка.",
        "Every job of .github/workflows/check.yml is a required status check.",
    ),
    "GOV005": (
        "Әр міндетті тексеру .github/workflows/check.yml файлының бір тапсырмасын атайды.",
        "Каждая обязательная проверка называет задание .github/workflows/check.yml.",
        "Every required status check names a job of .github/workflows/check.yml.",
    ),
    "GOV006": (
        ".github/CODEOWNERS әр registry/<сала>/ қалтасын сол саланың рецензенттеріне, "
        "қалғанын қызмет көрсетушілерге береді, `trustlist codeowners` жазғандай.",
        ".github/CODEOWNERS отдаёт каждую registry/<отрасль>/ рецензентам этой отрасли, а всё "
        "остальное — сопровождающим, как пишет `trustlist codeowners`.",
        ".github/CODEOWNERS gives each registry/<sector>/ to that sector's reviewers and the rest "
        "to the maintainers, as `trustlist codeowners` writes it.",
    ),
    "GOV007": (
        "Ережелер жинағы published-manifests тармағын сақтайды: оны жоюға да, қайта жазуға "
        "(force push) да болмайды, жарияланған әр күйдің мұрағаты тек толығады.",
        "Набор правил хранит ветку published-manifests: её нельзя ни удалить, ни переписать "
        "(force push), архив каждого опубликованного состояния только пополняется.",
        "A ruleset keeps the published-manifests branch: it can be neither deleted nor "
        "force-pushed, so the archive of every published state only grows.",
    ),
    "PDF007": (
        "Жария құжат ешбір әрекетті өздігінен орындамайды: /OpenAction тек ашылатын бетті "
        "көрсетеді, қосымша әрекеттер (/AA) жоқ.",
        "Публичный документ ничего не выполняет сам: /OpenAction только указывает страницу, "
        "на которой он открывается, дополнительных действий (/AA) нет.",
        "A public document runs no action by itself: an /OpenAction only names the page to open "
        "at, and there are no additional actions (/AA).",
    ),
    "REG009": (
        "Ешбір жүйе басқа жүйенің атауын, меншік иесінің БСН-ін және құжаттарын өзге "
        "идентификатормен қайталамайды (ескерту: ұқсас көшірме).",
        "Ни одна система не повторяет название, БИН собственника и документы другой системы под "
        "иным идентификатором (предупреждение: похожая копия).",
        "No system repeats another's name, owner BIN and documents under a different id (a "
        "warning: a look-alike copy).",
    ),
    "VER007": (
        "Манифест әр файлды бір рет атайды және ешбір кілтті қайталамайды.",
        "Манифест называет каждый файл один раз и не повторяет ни одного ключа.",
        "The manifest names each file once and repeats no key.",
    ),
    # `trustlist verify` of a site's address, its file list and its archive (site/verify.py).
    "VER008": (
        "Сайттың файлдар тізімі (files.txt) manifest.json файлын, бар болса оның қолтаңбасын "
        "және манифесттің әр файлын оның ретімен атайды, басқа ештеңе атамайды.",
        "Список файлов сайта (files.txt) называет manifest.json, его подпись, если она есть, и "
        "каждый файл манифеста в его порядке, и ничего больше.",
        "The site's file list (files.txt) names manifest.json, its signature where there is "
        "one, and every file of the manifest in its order, and nothing else.",
    ),
    "VER009": (
        "Манифест атаған әр файл сайт ішіндегі жол бойынша, көлем шектеулерінің ішінде "
        "сайттан жүктеледі.",
        "Каждый файл, названный манифестом, загружается с сайта по пути внутри сайта, в "
        "пределах ограничений размера.",
        "Every file the manifest names is fetched from the site, at a path inside the site, "
        "within the size limits.",
    ),
    "VER010": (
        "Мұрағатта сұралған күнге дейін (--as-of) жарияланған күй мен оның манифесі бар.",
        "В архиве есть состояние, опубликованное до запрошенной даты (--as-of), и его манифест.",
        "The archive holds a state published on or before the date asked (--as-of), with its "
        "manifest.",
    ),
    "VER011": (
        "(ескерту) Манифест қолтаңбасы органның кілтімен (--allowed-signers) тексеріледі: "
        "онсыз қайта жазылған манифест пен файлдар жарияланғандардан ажыратылмайды.",
        "(предупреждение) Подпись манифеста проверяется ключом органа (--allowed-signers): без "
        "неё переписанные манифест и файлы не отличить от опубликованных.",
        "(warning) The manifest's signature is checked with the body's key (--allowed-signers): "
        "without it a rewritten manifest and rewritten files are not told from published ones.",
    ),
}
