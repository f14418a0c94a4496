"""Messages of the calendar and the published site (deadlines.py, manifest.py): CAL, VER."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # deadlines.py: registry/calendar.yaml ({list} and {other} name its lists and entries)
    "calendar.twice": (
        "{date} күні екі рет көрсетілген ({other})",
        "дата {date} указана дважды ({other})",
        "{date} is listed twice ({other})",
    ),
    "calendar.in_both": (
        "{date} күні {list} тізімінде де бар ({other})",
        "дата {date} указана также в списке {list} ({other})",
        "{date} is also in {list} ({other})",
    ),
    # history_read.py and speed/writer.py: a build or command that cannot go on
    "history.shallow": (
        "таяз клон (shallow clone): тізімдердің редакцияларына бүкіл тарих керек "
        "(git fetch --unshallow, немесе CI-де fetch-depth: 0)",
        "это shallow clone: редакциям списков нужна вся история "
        "(git fetch --unshallow или fetch-depth: 0 в CI)",
        "is a shallow clone: the lists' revisions need the whole history "
        "(git fetch --unshallow, or fetch-depth: 0 in CI)",
    ),
    "build.writer_failed": (
        "сайттың құжаттары мен тізімдері жазылмады: {error}",
        "документы и списки сайта не записаны: {error}",
        "the site's documents and lists were not written: {error}",
    ),
    # open_applications.py: the open pull requests the build is given
    "open.unknown_sector": (
        "тізілімде {sector} саласы жоқ",
        "отрасли {sector} нет в реестре",
        "the registry has no sector {sector}",
    ),
    # manifest.py: a published site against its manifest.json and its signature
    "site.no_manifest": (
        "жоқ немесе манифест емес",
        "отсутствует или не является манифестом",
        "is missing or not a manifest",
    ),
    "site.missing": (
        "манифестте бар, бірақ сайтта жоқ",
        "указан в манифесте, но отсутствует на сайте",
        "is in the manifest but not in the site",
    ),
    "site.differs": (
        "манифесттегіден өзгеше: SHA-256 {sha256}, көлемі {size}; манифестте: "
        "{listed_sha256}, {listed_size}",
        "не совпадает с манифестом: SHA-256 {sha256}, размер {size}; в манифесте указано: "
        "{listed_sha256}, {listed_size}",
        "differs from the manifest: SHA-256 {sha256}, size {size}; the manifest says "
        "{listed_sha256}, {listed_size}",
    ),
    "site.unlisted": (
        "сайтта бар, бірақ манифестте жоқ",
        "есть на сайте, но не указан в манифесте",
        "is in the site but not in the manifest",
    ),
    "site.listed_twice": (
        "манифестте бірнеше рет аталған; оқушы тек біреуін ескереді",
        "указан в манифесте несколько раз; читатель учтёт только одну запись",
        "is listed in the manifest more than once; a reader keeps only one of the entries",
    ),
    "site.key_twice": (
        "манифестте {field} кілті бірнеше рет берілген; оқушы тек біреуін ескереді",
        "в манифесте ключ {field} задан несколько раз; читатель учтёт только одно значение",
        "gives the key {field} more than once; a reader keeps only one of the values",
    ),
    "site.unsigned": (
        "жоқ: манифестке қол қойылмаған",
        "отсутствует: манифест не подписан",
        "is missing: the manifest is not signed",
    ),
    "site.signature_invalid": (
        "{identity} үшін қолтаңба расталмады: {reason}",
        "подпись не подтверждается для {identity}: {reason}",
        "does not verify for {identity}: {reason}",
    ),
    "site.signature_failed": (
        "{identity} үшін қолтаңба расталмады: ssh-keygen қатемен аяқталды",
        "подпись не подтверждается для {identity}: ssh-keygen завершился с ошибкой",
        "does not verify for {identity}: ssh-keygen failed",
    ),
    # verify.py: the file list, a site fetched from its address, the archive, the signature
    "site.file_list": (
        "манифест жасайтын тізімнен {line}-жолда өзгеше: {found}; күтілгені: {expected}",
        "отличается от списка, который даёт манифест, в строке {line}: {found}; ожидалось: "
        "{expected}",
        "differs from the list the manifest makes at line {line}: {found}; expected {expected}",
    ),
    "site.file_list_extra": (
        "files.txt тізімінде бар, бірақ манифестте жоқ",
        "есть в files.txt, но не указан в манифесте",
        "is in files.txt but not in the manifest",
    ),
    "site.file_list_missing": (
        "манифестте бар, бірақ files.txt тізімінде жоқ",
        "указан в манифесте, но отсутствует в files.txt",
        "is in the manifest but not in files.txt",
    ),
    "verify.as_of_folder": (
        "--as-of көшірмені (қалтаны) сол күнгі мұрағаттағы манифестпен тексереді: SITE ретінде "
        "қалтаны, ал сайт мекенжайын --archive арқылы беріңіз",
        "--as-of сверяет копию (папку) с архивным манифестом на эту дату: укажите папку как "
        "SITE, а адрес сайта — в --archive",
        "--as-of checks a mirror (a folder) against the archived manifest of that date: give "
        "the folder as SITE and the site's address with --archive",
    ),
    "verify.bad_size": (
        "'{value}' өлшем емес: байт санын жазыңыз, K, M немесе G жұрнағымен болуы мүмкін",
        "'{value}' не является размером: укажите число байт, можно с суффиксом K, M или G",
        "'{value}' is not a size: write a number of bytes, with K, M or G if you like",
    ),
    "site.fetch_failed": (
        "сайттан жүктелмеді: {reason}",
        "не загружен с сайта: {reason}",
        "could not be fetched from the site: {reason}",
    ),
    "site.too_large": (
        "{limit} байттан үлкен, бір файлдың шегі (--max-file-size)",
        "больше {limit} байт, предела для одного файла (--max-file-size)",
        "is larger than {limit} bytes, the limit for one file (--max-file-size)",
    ),
    "site.total_too_large": (
        "манифест атаған файлдар барлығы {size} байт, шектен ({limit}, --max-total-size) асады",
        "файлы, названные манифестом, занимают {size} байт, больше предела {limit} "
        "(--max-total-size)",
        "names files of {size} bytes in all, over the limit of {limit} (--max-total-size)",
    ),
    "site.bad_path": (
        "сайт ішіндегі жол емес: жүктелмейді",
        "не является путём внутри сайта: не загружается",
        "is not a path inside the site: not fetched",
    ),
    "site.no_archive": (
        "жоқ: сайтта жарияланған күйлердің мұрағаты жоқ",
        "отсутствует: на сайте нет архива опубликованных состояний",
        "is missing: the site has no archive of published states",
    ),
    "site.before_archive": (
        "{date} күнінің соңына дейін жарияланған күй жоқ; алғашқысы {first} жарияланған",
        "нет состояния, опубликованного до конца {date}; первое опубликовано {first}",
        "holds no state published by the end of {date}; the first was published {first}",
    ),
    "site.not_as_archived": (
        "{date} күні жарияланған манифест емес (мұрағатта: {archived})",
        "не тот манифест, что был опубликован на {date} (в архиве: {archived})",
        "is not the manifest published as of {date} (archived as {archived})",
    ),
    "site.signature_not_checked": (
        "қолтаңба ТЕКСЕРІЛМЕДІ: --allowed-signers кілті берілмеді, файлдар тек сайтты "
        "өзгерте алатын кез келген адам қайта жаза алатын манифестпен салыстырылды",
        "подпись НЕ ПРОВЕРЕНА: ключ --allowed-signers не указан, файлы сверены только с "
        "манифестом, который может переписать любой, кто может изменить сайт",
        "signature NOT checked: no --allowed-signers key was given, so the files were checked "
        "only against a manifest that anyone able to change the site can rewrite",
    ),
    # compare_sites: a published site against a rebuild of its commit
    "site.not_rebuilt": (
        "бастапқы кодтан қайта құрастырылған сайтта жоқ",
        "отсутствует в сборке, заново выполненной из исходного кода",
        "missing from the rebuild from the source",
    ),
    # The file is only in the rebuild, not in the published site.
    "site.only_rebuilt": (
        "тек бастапқы кодтан қайта құрастырылған сайтта бар",
        "есть только в сборке, заново выполненной из исходного кода",
        "is only in the rebuild from the source",
    ),
    "site.rebuilt": (
        "бастапқы кодтан қайта құрастырылған сайттағы нұсқасынан өзгеше",
        "отличается от файла в сборке, заново выполненной из исходного кода",
        "differs from the rebuild from the source",
    ),
}
