"""Messages of reading files and documents (load, validate, documents, pdfcheck).

FILE, YAML, REG004-007, DOC003-010 and PDF.
"""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # load.py and validate.py: a file or folder of the registry
    "file.missing": (
        "оқу мүмкін емес: файл жоқ",
        "не удаётся прочитать: файл не существует",
        "cannot be read: it does not exist",
    ),
    "file.unreadable": (
        "оқу мүмкін емес: {reason}",
        "не удаётся прочитать: {reason}",
        "cannot be read: {reason}",
    ),
    "file.not_regular": (
        "кәдімгі файл емес (символдық сілтемелерге рұқсат жоқ)",
        "не является обычным файлом (символические ссылки не допускаются)",
        "is not a regular file (symlinks are not allowed)",
    ),
    "file.symlink": (
        "символдық сілтеме болмауы керек",
        "не должен быть символической ссылкой",
        "must not be a symlink",
    ),
    # load.py: the strict YAML of a record
    "yaml.invalid": (
        "жарамды YAML емес: {reason}",
        "не является корректным YAML: {reason}",
        "is not valid YAML: {reason}",
    ),
    "yaml.key_not_plain": (
        "кілт (өріс атауы) жай атау болуы керек",
        "ключ (имя поля) должен быть простым именем",
        "a mapping key must be a plain name",
    ),
    "yaml.duplicate_key": (
        "'{field}' кілті қайталанған",
        "ключ '{field}' повторяется",
        "duplicate key '{field}'",
    ),
    "yaml.anchor": (
        "якорьлерге (&name) рұқсат жоқ; мәнді толық жазыңыз",
        "якоря (&name) не допускаются; запишите значение полностью",
        "anchors (&name) are not allowed; write the value out",
    ),
    "yaml.alias": (
        "бүркеншік аттарға (*name) рұқсат жоқ; мәнді толық жазыңыз",
        "псевдонимы (*name) не допускаются; запишите значение полностью",
        "aliases (*name) are not allowed; write the value out",
    ),
    "yaml.tag": (
        "тегтерге ({tag}) рұқсат жоқ",
        "теги ({tag}) не допускаются",
        "tags ({tag}) are not allowed",
    ),
    "yaml.too_many_values": (
        "мәндер саны {limit} шегінен асады; жазба шағын болуы тиіс",
        "содержит более {limit} значений; запись должна быть небольшой",
        "has more than {limit} values; records are small",
    ),
    "yaml.too_deep": (
        "кірістіру тереңдігі {limit} деңгейден асады",
        "вложенность глубже {limit} уровней",
        "nests deeper than {limit} levels",
    ),
    "yaml.too_large": (
        "көлемі {kib} КиБ шегінен асады; жазба шағын болуы тиіс",
        "размер больше {kib} КиБ; запись должна быть небольшой",
        "is larger than {kib} KiB; records are small",
    ),
    "yaml.not_utf8": (
        "жарамды UTF-8 емес; файлды UTF-8 кодтауында сақтаңыз",
        "не является корректным UTF-8; сохраните файл в кодировке UTF-8",
        "is not valid UTF-8; save the file as UTF-8",
    ),
    "yaml.many_documents": (
        "бірнеше YAML құжатынан тұрады; бір файлда бір жазба болсын",
        "содержит более одного документа YAML; в одном файле должна быть одна запись",
        "holds more than one YAML document; keep one record a file",
    ),
    "yaml.not_mapping": (
        "«өріс: мән» жұптарынан тұруы керек",
        "должен состоять из пар «поле: значение»",
        "must be a mapping of field: value",
    ),
    "yaml.invisible_in_name": (
        "өріс атауында көрінбейтін немесе басқарушы {char} таңбасы бар; оны алып тастаңыз",
        "имя поля содержит невидимый или управляющий символ {char}; удалите его",
        "the field name contains the invisible or control character {char}; remove it",
    ),
    "yaml.invisible_in_value": (
        "мәнде көрінбейтін немесе басқарушы {char} таңбасы бар; оны алып тастаңыз",
        "значение содержит невидимый или управляющий символ {char}; удалите его",
        "the value contains the invisible or control character {char}; remove it",
    ),
    "yaml.invisible_in_file": (
        "файлда осы жерде көрінбейтін немесе басқарушы {char} таңбасы бар (түсініктемелерге де "
        "мәндерге қойылатын ереже қолданылады); оны алып тастаңыз",
        "в этом месте файла стоит невидимый или управляющий символ {char} (к комментариям "
        "применяется то же правило, что и к значениям); удалите его",
        "the file holds the invisible or control character {char} here (comments are held to "
        "the same rule as values); remove it",
    ),
    "yaml.not_nfc_in_name": (
        "өріс атауы Unicode NFC нормал пішінінде емес; мәтінді құрама таңбалармен сақтаңыз",
        "имя поля не в нормальной форме Unicode NFC; сохраните текст с составными символами",
        "the field name is not in Unicode NFC form; save the text with composed characters",
    ),
    "yaml.not_nfc_in_value": (
        "мән Unicode NFC нормал пішінінде емес; мәтінді құрама таңбалармен сақтаңыз",
        "значение не в нормальной форме Unicode NFC; сохраните текст с составными символами",
        "the value is not in Unicode NFC form; save the text with composed characters",
    ),
    # validate.py: the registry's folders and the checks across records
    "registry.root_extra": (
        "тізілімнің түбірінде тек сала қалталары, calendar.yaml және README.md болады",
        "в корне реестра допускаются только папки отраслей, calendar.yaml и README.md",
        "the registry root holds only sector folders, calendar.yaml and README.md",
    ),
    "registry.sector_extra": (
        "сала қалтасында тек sector.yaml және жүйе қалталары болады",
        "в папке отрасли допускаются только sector.yaml и папки систем",
        "a sector folder holds only sector.yaml and system folders",
    ),
    "registry.no_record": (
        "бұл жүйе қалтасында {file} файлы жоқ",
        "в этой папке системы нет файла {file}",
        "this system folder has no {file}",
    ),
    "registry.id_taken": (
        "'{id}' идентификаторы {record} жазбасында қолданылып қойған",
        "идентификатор '{id}' уже занят записью {record}",
        "'{id}' is already used by {record}",
    ),
    "registry.number_taken": (
        "{number} нөмірі {sector} тізімінде {record} жазбасына берілген",
        "номер {number} в списке {sector} уже занят записью {record}",
        "{number} is already used in the {sector} list by {record}",
    ),
    "registry.look_alike": (
        "атауы, меншік иесінің БСН-і және құжаттары '{other}' ({record}) жүйесімен бірдей: "
        "бұл басқа идентификатормен жасалған көшірме емес пе? Жүйе тізілімге бір рет енгізіледі",
        "название, БИН собственника и документы совпадают с системой '{other}' ({record}): не "
        "копия ли это под другим идентификатором? Система вносится в реестр один раз",
        "has the name, owner BIN and documents of '{other}' ({record}): is it a copy under "
        "another id? A system is listed once",
    ),
    # documents.py: a system folder's files against the record's documents
    "document.not_a_name": (
        "файл атауы болуы керек",
        "должно быть именем файла",
        "must be a file name",
    ),
    "document.not_plain": (
        "жүйе қалтасындағы жай файл атауы болуы керек, қалталарсыз және '..' белгісінсіз",
        "должно быть простым именем файла в папке системы, без папок и '..'",
        "must be a plain file name in the system folder, without folders or '..'",
    ),
    "document.hidden": (
        "жасырын файлдың атауы болмауы керек",
        "не должно быть именем скрытого файла",
        "must not be hidden",
    ),
    "document.invisible": (
        "көрінбейтін немесе басқарушы {char} таңбасы бар",
        "содержит невидимый или управляющий символ {char}",
        "contains the invisible or control character {char}",
    ),
    "document.twice": (
        "'{name}' бірнеше рет көрсетілген",
        "'{name}' указан более одного раза",
        "'{name}' is listed more than once",
    ),
    "document.not_public": (
        "'{name}' жария емес, сондықтан оның файлы репозиторийде болмауы керек: оны алып "
        "тастаңыз (жіберілгеннің бәрі мәңгі жария болып қалады)",
        "'{name}' не является публичным, поэтому его файла не должно быть в репозитории: "
        "удалите его (всё отправленное остаётся публичным навсегда)",
        "'{name}' is not public, so its file must not be in the repository: "
        "remove it (anything pushed is public forever)",
    ),
    "document.missing": (
        "'{name}' жүйе қалтасында жоқ",
        "'{name}' отсутствует в папке системы",
        "'{name}' is not in the system folder",
    ),
    "document.not_regular": (
        "'{name}' символдық сілтеме немесе қалта емес, кәдімгі файл болуы керек",
        "'{name}' должен быть обычным файлом, а не символической ссылкой или папкой",
        "'{name}' must be a regular file, not a symlink or folder",
    ),
    "document.unreadable": (
        "'{name}' файлын оқу мүмкін емес: {reason}",
        "'{name}' не удаётся прочитать: {reason}",
        "'{name}' cannot be read: {reason}",
    ),
    "document.too_large": (
        "'{name}' көлемі {size} байт; құжат 25 МиБ-тан аспауы керек",
        "размер '{name}' составляет {size} байт; документ не может быть больше 25 МиБ",
        "'{name}' is {size} bytes; documents are at most 25 MiB",
    ),
    "document.size": (
        "{declared} деп көрсетілген, бірақ '{name}' көлемі {size} байт",
        "указано {declared}, но размер '{name}' составляет {size} байт",
        "is {declared} but '{name}' has {size} bytes",
    ),
    "document.sha256": (
        "'{name}' файлына сәйкес емес: файлдың SHA-256 мәні {sha256}",
        "не совпадает с '{name}': SHA-256 файла равен {sha256}",
        "does not match '{name}': the file's SHA-256 is {sha256}",
    ),
    "document.unlisted_file": (
        "бұл файл {file} ішінде көрсетілмеген: оны құжат ретінде көрсетіңіз немесе алып тастаңыз",
        "этот файл не указан в {file}: укажите его как документ или удалите",
        "this file is not listed in {file}: list it as a document or remove it",
    ),
    "document.unlisted_folder": (
        "бұл қалта {file} ішінде көрсетілмеген: оны құжат ретінде көрсетіңіз немесе алып тастаңыз",
        "эта папка не указана в {file}: укажите её как документ или удалите",
        "this folder is not listed in {file}: list it as a document or remove it",
    ),
    # pdfcheck.py: a public document is a real, passive PDF. Each message begins with the
    # file's name, '{name}' (the last part of the path pdfcheck.check_pdf is given).
    "pdf.not_pdf": (
        "'{name}' PDF емес ({sniff}); PDF файлы нөлінші байттан %PDF- тақырыбымен басталады",
        "'{name}' не является PDF ({sniff}); PDF начинается с %PDF- с нулевого байта",
        "'{name}' is not a PDF ({sniff}); a PDF starts with %PDF- at byte 0",
    ),
    "pdf.not_pdf_starts": (
        "'{name}' PDF емес (ол {start} байттарынан басталады); PDF файлы нөлінші байттан "
        "%PDF- тақырыбымен басталады",
        "'{name}' не является PDF (начинается с {start}); PDF начинается с %PDF- с нулевого байта",
        "'{name}' is not a PDF (it starts with {start}); a PDF starts with %PDF- at byte 0",
    ),
    # what a file that is not a PDF looks like, said in {sniff}
    "pdf.looks.zip": (
        "ZIP мұрағатына немесе Office файлына ұқсайды",
        "похоже на архив ZIP или файл Office",
        "it looks like a ZIP archive or Office file",
    ),
    "pdf.looks.png": (
        "PNG суретіне ұқсайды",
        "похоже на изображение PNG",
        "it looks like a PNG image",
    ),
    "pdf.looks.jpeg": (
        "JPEG суретіне ұқсайды",
        "похоже на изображение JPEG",
        "it looks like a JPEG image",
    ),
    "pdf.looks.windows": (
        "Windows бағдарламасына ұқсайды",
        "похоже на программу для Windows",
        "it looks like a Windows program",
    ),
    "pdf.looks.linux": (
        "Linux бағдарламасына ұқсайды",
        "похоже на программу для Linux",
        "it looks like a Linux program",
    ),
    "pdf.looks.old_office": (
        "ескі пішімдегі Office файлына ұқсайды",
        "похоже на файл Office старого формата",
        "it looks like an old Office file",
    ),
    "pdf.looks.rtf": (
        "RTF құжатына ұқсайды",
        "похоже на документ RTF",
        "it looks like an RTF document",
    ),
    "pdf.looks.empty": ("файл бос", "файл пуст", "the file is empty"),
    "pdf.looks.markup": (
        "HTML немесе XML файлына ұқсайды",
        "похоже на HTML или XML",
        "it looks like HTML or XML",
    ),
    "pdf.looks.late_header": (
        "%PDF- тақырыбы нөлінші байтта емес",
        "заголовок %PDF- стоит не с нулевого байта",
        "the %PDF- header is not at byte 0",
    ),
    "pdf.encrypted": (
        "'{name}' шифрланған; шифрланбаған PDF жариялаңыз",
        "'{name}' зашифрован; опубликуйте незашифрованный PDF",
        "'{name}' is encrypted; publish an unencrypted PDF",
    ),
    "pdf.no_pages": (
        "'{name}' ішінде бірде-бір бет жоқ; кемінде бір беті бар PDF жариялаңыз",
        "в '{name}' нет ни одной страницы; опубликуйте PDF хотя бы с одной страницей",
        "'{name}' has no pages; publish a PDF with at least one page",
    ),
    "pdf.too_complex": (
        "'{name}' тексеру үшін тым күрделі ({objects} объектіден немесе {mib} МиБ объект "
        "ағындарынан асады)",
        "'{name}' слишком сложен для проверки (более {objects} объектов или {mib} МиБ "
        "потоков объектов)",
        "'{name}' is too complex to check (over {objects} objects or {mib} MiB of object streams)",
    ),
    "pdf.unreadable": (
        "'{name}' PDF ретінде оқылмайды ({reason}); оны стандартты PDF ретінде қайта экспорттаңыз",
        "'{name}' не читается как PDF ({reason}); экспортируйте его заново в стандартный PDF",
        "'{name}' cannot be read as a PDF ({reason}); export it again as a standard PDF",
    ),
    "pdf.javascript": (
        "'{name}' ішінде JavaScript бар ({place} {found}); скрипттері жоқ PDF жариялаңыз",
        "'{name}' содержит JavaScript ({found} {place}); опубликуйте PDF без скриптов",
        "'{name}' contains JavaScript ({found} {place}); publish a PDF without scripts",
    ),
    "pdf.outside_action": (
        "'{name}' ішінде құжаттан тыс шығатын әрекет бар ({place} {found}); тек құжат ішіндегі "
        "сілтемелерге және веб-сілтемелерге (/URI) рұқсат етіледі",
        "'{name}' содержит действие, выходящее за пределы документа ({found} {place}); "
        "допускаются только ссылки внутри документа и веб-ссылки (/URI)",
        "'{name}' contains an action that reaches outside the document ({found} {place}); "
        "only links within it and web links (/URI) are allowed",
    ),
    "pdf.embedded": (
        "'{name}' ішінде ендірілген мазмұн бар ({place} {found}); тіркемелері, мультимедиасы "
        "және XFA пішіндері жоқ PDF жариялаңыз",
        "'{name}' содержит встроенное содержимое ({found} {place}); опубликуйте PDF без "
        "вложений, мультимедиа и форм XFA",
        "'{name}' contains embedded content ({found} {place}); "
        "publish a PDF without attachments, rich media or XFA forms",
    ),
    "pdf.automatic_action": (
        "'{name}' оқырманның қатысуынсыз әрекетті өздігінен орындайды ({place} {found}); "
        "әрекеттері тек оқырман сілтемені басқанда ғана орындалатын PDF жариялаңыз",
        "'{name}' сам выполняет действие без участия читателя ({found} {place}); опубликуйте "
        "PDF, действия которого выполняются только при нажатии читателем на ссылку",
        "'{name}' runs an action by itself, without the reader ({found} {place}); "
        "publish a PDF whose actions run only when the reader clicks a link",
    ),
    # where in the PDF a forbidden name stands, said in {place}; {num} and {byte} are values
    # given after the place (pdfcheck.Where), so they fill the place's text once it is in
    "pdf.place.trailer": ("файл трейлеріндегі", "в трейлере файла", "in the trailer"),
    "pdf.place.xref": ("xref кестесіндегі", "в таблице xref", "in the xref"),
    "pdf.place.object": ("{num} нөмірлі объектідегі", "в объекте {num}", "in object {num}"),
    "pdf.place.outside": (
        "xref кестесінен тыс, ығысуы {byte} байт болатын {num} нөмірлі объектідегі",
        "в объекте {num} по смещению {byte} байт, вне таблицы xref",
        "in object {num} at byte {byte}, outside the xref",
    ),
    "pdf.place.packed_trailer": (
        "файл трейлеріне жинақталған объектідегі",
        "в объекте, упакованном в трейлер файла",
        "in an object packed in the trailer",
    ),
    "pdf.place.packed_xref": (
        "xref кестесіне жинақталған объектідегі",
        "в объекте, упакованном в таблицу xref",
        "in an object packed in the xref",
    ),
    "pdf.place.packed_object": (
        "{num} нөмірлі объектіге жинақталған объектідегі",
        "в объекте, упакованном в объект {num}",
        "in an object packed in object {num}",
    ),
    "pdf.place.packed_outside": (
        "xref кестесінен тыс, ығысуы {byte} байт болатын {num} нөмірлі объектіге жинақталған "
        "объектідегі",
        "в объекте, упакованном в объект {num} по смещению {byte} байт, вне таблицы xref",
        "in an object packed in object {num} at byte {byte}, outside the xref",
    ),
}
