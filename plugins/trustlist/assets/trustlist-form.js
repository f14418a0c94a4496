// The application form (/<lang>/apply/form/): an applicant fills in the record's fields and
// picks the three PDFs; this page checks them against the schema the site publishes, computes
// each file's SHA-256 and size, and gives back registry/<sector>/<id>/ (system.yaml and the
// PDFs) as a zip, all in the browser: nothing is sent anywhere, and nothing is fetched but the
// site's own schema, its sectors (api/v1/sectors.json) and whether a published system has the id.
// The applicant's stage only: never list_number, decision or status, which are the body's.
// No third-party code; every text goes into the page through textContent, never innerHTML.
(function () {
  "use strict";

  var script = document.currentScript;
  var host = document.getElementById("tl-form");
  if (!host || !script) return;

  var LANGS = ["kk", "ru", "en"];
  var lang = LANGS.indexOf(host.getAttribute("data-lang")) >= 0 ? host.getAttribute("data-lang") : "en";
  // This file is assets/trustlist/trustlist-form.js: the site's root is two folders up.
  var SITE = new URL("../../", script.src);
  var SCHEMA_URL = new URL("api/v1/schemas/system.schema.json", SITE);
  var SECTORS_URL = new URL("api/v1/sectors.json", SITE);
  var MAX_SIZE = 25 * 1024 * 1024;
  // The names the site keeps for its own pages under a sector (core/rules.py, REG008).
  var RESERVED_IDS = ["history", "index", "feed"];

  // ---------------------------------------------------------------------------------------
  // Every text of the form, [kk, ru, en]; {name} is filled in by t().
  var TEXTS = {
    required_note: [
      "Барлық өріс міндетті, «міндетті емес» деп белгіленгендерінен басқа.",
      "Все поля обязательны, кроме отмеченных «необязательно».",
      "Every field is required unless it says optional.",
    ],
    sec_system: ["Жүйе", "Система", "The system"],
    id: ["Жүйенің идентификаторы", "Идентификатор системы", "System id"],
    id_hint: [
      "Латынның кіші әріптері, цифрлар және сызықша, мысалы med-xray-triage. Бұл қалтаның атауы; ол ешқашан өзгермейді.",
      "Строчные латинские буквы, цифры и дефисы, например med-xray-triage. Это имя папки; оно никогда не меняется.",
      "Lower-case Latin letters, digits and hyphens, e.g. med-xray-triage. It names the folder and never changes.",
    ],
    sector: ["Сала", "Отрасль", "Sector"],
    sector_hint: [
      "Жүйені өз тізіміне енгізетін сала.",
      "Отрасль, в список которой вы просите включить систему.",
      "The sector whose list is to include the system.",
    ],
    sector_id_hint: [
      "Сала тізімі жүктелмеді: саланың идентификаторын жазыңыз (мысалы, healthcare).",
      "Список отраслей не загрузился: впишите идентификатор отрасли (например, healthcare).",
      "The list of sectors did not load: write the sector's id (e.g. healthcare).",
    ],
    choose: ["— таңдаңыз —", "— выберите —", "— choose —"],
    name: ["Жүйенің атауы", "Наименование системы", "Name of the system"],
    in_kk: ["Қазақша", "На казахском", "In Kazakh"],
    in_ru: ["Орысша", "На русском", "In Russian"],
    in_en: ["Ағылшынша (міндетті емес)", "На английском (необязательно)", "In English (optional)"],
    sec_owner: ["Өтініш беруші", "Заявитель", "The applicant"],
    role: ["Жүйеге қатысыңыз", "Ваше отношение к системе", "Your relation to the system"],
    role_owner: ["Меншік иесі", "Собственник", "Owner"],
    role_possessor: [
      "Иеленуші (жүйе өзге заңды негізде иелікте)",
      "Владелец (система у вас на ином законном основании)",
      "Possessor (you hold the system on another legal basis)",
    ],
    org_name: ["Ұйымның заңды атауы", "Юридическое наименование организации", "Legal name of the organisation"],
    bin: ["БСН", "БИН", "BIN"],
    bin_hint: [
      "Бизнес-сәйкестендіру нөмірі: 12 цифр.",
      "Бизнес-идентификационный номер: 12 цифр.",
      "Business identification number: 12 digits.",
    ],
    website: ["Веб-сайт", "Сайт", "Website"],
    website_hint: ["https:// деп басталатын сілтеме.", "Ссылка, начинающаяся с https://.", "A link starting with https://."],
    sec_deployers: [
      "Жүйені қолданатын ұйымдар (міндетті емес)",
      "Организации, применяющие систему (необязательно)",
      "Organisations that use the system (optional)",
    ],
    deployers_hint: [
      "Мысалы, аурухана, мектеп, тасымалдаушы. Сайт оларды жүйенің бетінде атайды, ал іздеу жүйені олар арқылы табады.",
      "Например, больница, школа, перевозчик. Сайт назовёт их на странице системы, а поиск найдёт систему по ним.",
      "For example a hospital, a school, a carrier. The site names them on the system's page and its search finds the system by them.",
    ],
    deployer_n: ["№ {n} ұйым", "Организация № {n}", "Organisation {n}"],
    deployer_add: ["Ұйым қосу", "Добавить организацию", "Add an organisation"],
    deployer_remove: ["№ {n} ұйымды алып тастау", "Удалить организацию № {n}", "Remove organisation {n}"],
    deployer_bin: [
      "БСН (міндетті емес; Қазақстанда тіркелген заңды тұлға үшін)",
      "БИН (необязательно; для юридического лица, зарегистрированного в Казахстане)",
      "BIN (optional; for a legal entity registered in Kazakhstan)",
    ],
    sec_description: ["Сипаттамасы", "Описание", "Description"],
    description_hint: [
      "Заң әзірлеушіден құжаттауды талап ететін мәліметтер, қарапайым сөздермен.",
      "То, что Закон требует документировать от разработчика, простыми словами.",
      "What the Law requires a developer to document, in plain words.",
    ],
    purpose: ["Мақсаты", "Назначение", "Purpose"],
    methods: ["Әдістері", "Методы", "Methods"],
    limitations: ["Шектеулері", "Ограничения", "Limitations"],
    sec_platform: ["Ұлттық ЖИ платформасы", "Национальная платформа ИИ", "The National AI Platform"],
    developed: [
      "Жүйе Ұлттық ЖИ платформасында әзірленді",
      "Система разработана на Национальной платформе ИИ",
      "The system was developed on the National AI Platform",
    ],
    tested: [
      "Жүйе Ұлттық ЖИ платформасында сыналды",
      "Система испытана на Национальной платформе ИИ",
      "The system was tested on the National AI Platform",
    ],
    sec_synthetic: ["Синтетикалық контент", "Синтетический контент", "Synthetic content"],
    produces: [
      "Жүйе синтетикалық контент (мәтін, сурет, дыбыс, бейне) жасайды",
      "Система создаёт синтетический контент (текст, изображения, звук, видео)",
      "The system produces synthetic content (text, images, sound, video)",
    ],
    marking: [
      "Жасалған контент машинамен оқылатын белгімен қалай таңбаланады",
      "Как созданный контент помечается машиночитаемой меткой",
      "How the generated content carries its machine-readable mark",
    ],
    marking_hint: [
      "Жүйе контент жасайтын болса, міндетті.",
      "Обязательно, если система создаёт контент.",
      "Required when the system produces content.",
    ],
    sec_rights: ["Адамдардың құқықтары", "Права людей", "People's rights"],
    notification: [
      "Адамдарға автоматты өңдеу және оның салдары туралы қалай хабарланады",
      "Как людей уведомляют об автоматизированной обработке и её последствиях",
      "How people are told of the automated processing and its effects",
    ],
    objection: [
      "Адам қалай қарсылық білдіріп, құқықтарын қорғай алады",
      "Как человек может возразить и защитить свои права",
      "How a person can object and protect their rights",
    ],
    email: ["Өтініштерге арналған электрондық пошта", "Электронная почта для обращений", "Contact e-mail"],
    email_hint: [
      "Ұйымның ортақ поштасы, нақты бір адамның поштасы емес.",
      "Общий адрес организации, а не личный адрес сотрудника.",
      "An organisation's shared mailbox, never a named person's.",
    ],
    phone: ["Өтініштерге арналған телефон (міндетті емес)", "Телефон для обращений (необязательно)", "Contact phone (optional)"],
    phone_hint: [
      "+7 түрінде, ұйымның қабылдау бөлмесі, мысалы +7 7172 00 00 00.",
      "В виде +7 …, приёмная организации, например +7 7172 00 00 00.",
      "As +7 …, the organisation's reception, e.g. +7 7172 00 00 00.",
    ],
    address: ["Мекенжай (міндетті емес)", "Адрес (необязательно)", "Address (optional)"],
    terms: ["Пайдалану шарттары", "Условия использования", "Terms of use"],
    terms_hint: [
      "Пайдаланушыларға пайдалану алдында берілетін шарттардың сілтемесі, https:// деп басталады.",
      "Ссылка на условия, которые пользователи получают до начала использования, начинается с https://.",
      "A link to the terms users are given before use, starting with https://.",
    ],
    sec_application: ["Өтініш", "Заявление", "The application"],
    reference: ["Өтініштің нөмірі", "Номер заявления", "Application reference"],
    reference_hint: [
      "Өтініш құжатында жазылған нөмір, бір жолда.",
      "Номер, указанный в заявлении, в одну строку.",
      "The reference written on the application, on one line.",
    ],
    submitted: ["Берілген күні", "Дата подачи", "Date submitted"],
    submitted_hint: [
      "Пакетті тапсыратын күн (pull request ашатын күн).",
      "День, когда вы подаёте пакет (открываете запрос на слияние).",
      "The day you submit the package (open the pull request).",
    ],
    sec_copyright: ["Авторлық құқық", "Авторское право", "Copyright"],
    copyright_kind: ["Авторлық құқық туралы құжат", "Документ об авторском праве", "Copyright document"],
    kind_certificate: [
      "Авторлық құқықпен қорғалатын объектілерге құқықтардың мемлекеттік тізіліміне енгізу туралы куәлік",
      "Свидетельство о внесении в государственный реестр прав на объекты, охраняемые авторским правом",
      "Certificate of entry in the State Register of Rights to objects protected by copyright",
    ],
    kind_agreement: ["Авторлық шарт", "Авторский договор", "Copyright agreement"],
    copyright_number: [
      "Тізілімдегі жазбаның нөмірі немесе шарттың нөмірі",
      "Номер записи в реестре или номер договора",
      "Register entry number, or the agreement's number",
    ],
    copyright_date: ["Куәліктің немесе шарттың күні", "Дата свидетельства или договора", "Date of the certificate or agreement"],
    sec_audit: ["Аудит", "Аудит", "The audit"],
    auditor: ["Аудитордың атауы", "Наименование аудитора", "Name of the auditor"],
    auditor_bin: ["Аудитордың БСН-і", "БИН аудитора", "The auditor's BIN"],
    report_date: ["Аудит есебінің күні", "Дата отчёта об аудите", "Date of the audit report"],
    positive: [
      "Аудит қорытындысы оң",
      "Заключение аудита положительное",
      "The audit conclusion is positive",
    ],
    valid_until: [
      "Қорытынды жарамды болатын соңғы күн",
      "Последний день действия заключения",
      "Last day on which the conclusion is valid",
    ],
    sec_documents: ["Құжаттар", "Документы", "Documents"],
    documents_hint: [
      "PDF файлдары, әрқайсысы 25 МиБ-тан аспайды, шифрланбаған, скрипттерсіз. Файлдар компьютеріңізден шықпайды: бет олардың SHA-256 хэшін осында есептейді.",
      "Файлы PDF, каждый не больше 25 МиБ, без шифрования и скриптов. Файлы не покидают ваш компьютер: страница вычисляет их SHA-256 здесь же.",
      "PDF files, each at most 25 MiB, not encrypted, without scripts. The files do not leave your computer: the page computes their SHA-256 right here.",
    ],
    doc_application: ["Өтініш (PDF)", "Заявление (PDF)", "The application (PDF)"],
    doc_copyright: [
      "Авторлық құқық туралы куәлік немесе авторлық шарт (PDF)",
      "Свидетельство об авторском праве или авторский договор (PDF)",
      "Copyright certificate or copyright agreement (PDF)",
    ],
    doc_audit_report: ["Аудит есебі (PDF)", "Отчёт об аудите (PDF)", "The audit report (PDF)"],
    pdf_file: ["PDF файлы", "Файл PDF", "PDF file"],
    doc_languages: ["Құжаттың тілі", "Язык документа", "Languages of the document"],
    lang_kk: ["қазақ тілі", "казахский", "Kazakh"],
    lang_ru: ["орыс тілі", "русский", "Russian"],
    lang_en: ["ағылшын тілі", "английский", "English"],
    submit: ["Тексеру және файлдарды дайындау", "Проверить и подготовить файлы", "Check and prepare the files"],
    working: ["Тексерілуде…", "Проверяем…", "Checking…"],
    // Problems, each said next to its field.
    summary: ["Түзетуді қажет ететін жерлер: {n}", "Что нужно исправить: {n}", "To correct: {n}"],
    required: ["Осы өрісті толтырыңыз", "Заполните это поле", "Fill in this field"],
    required_choice: ["Біреуін таңдаңыз", "Выберите один из вариантов", "Choose one of the options"],
    too_long: ["{max} таңбадан аспауы керек", "Не больше {max} символов", "At most {max} characters"],
    slug: [
      "Тек латынның кіші әріптері, цифрлар және ішіндегі сызықшалар, 64 таңбаға дейін (мысалы, med-xray-triage)",
      "Только строчные латинские буквы, цифры и дефисы внутри, до 64 символов (например, med-xray-triage)",
      "Only lower-case Latin letters, digits and inner hyphens, up to 64 characters (e.g. med-xray-triage)",
    ],
    reserved: [
      "'{id}' атауы сайттың өз беттеріне арналған; басқа идентификатор таңдаңыз",
      "Имя '{id}' занято страницами самого сайта; выберите другой идентификатор",
      "'{id}' is reserved for the site's own pages; choose another id",
    ],
    taken: [
      "'{id}' идентификаторы жарияланған жүйеде бар; басқасын таңдаңыз",
      "Идентификатор '{id}' уже у опубликованной системы; выберите другой",
      "'{id}' is already the id of a published system; choose another",
    ],
    bin_digits: ["БСН 12 цифрдан тұруы керек", "БИН должен состоять из 12 цифр", "A BIN is 12 digits"],
    bin_check: [
      "БСН-нің бақылау цифры {expected} болуы керек, берілгені {got}: нөмірді тексеріңіз",
      "Контрольная цифра БИН должна быть {expected}, указано {got}: проверьте номер",
      "The BIN's check digit must be {expected}, got {got}: check the number",
    ],
    bin_none: [
      "Бұл нөмірдің алғашқы 11 цифры үшін жарамды бақылау цифры жоқ: нөмірді тексеріңіз",
      "Для первых 11 цифр этого номера нет допустимой контрольной цифры: проверьте номер",
      "No check digit is valid for this number's first 11 digits: check the number",
    ],
    url: [
      "https:// деп басталатын толық сілтеме, бос орынсыз",
      "Полная ссылка, начинающаяся с https://, без пробелов",
      "A full link starting with https://, without spaces",
    ],
    email_bad: [
      "Электрондық пошта мекенжайы, мысалы rights@organisation.kz",
      "Адрес электронной почты, например rights@organisation.kz",
      "An e-mail address, e.g. rights@organisation.kz",
    ],
    phone_bad: [
      "+7 түріндегі телефон, мысалы +7 7172 00 00 00",
      "Телефон в виде +7 …, например +7 7172 00 00 00",
      "A phone number as +7 …, e.g. +7 7172 00 00 00",
    ],
    one_line: [
      "Бір жолда, басында және соңында бос орынсыз",
      "В одну строку, без пробелов в начале и в конце",
      "On one line, without spaces at the start or end",
    ],
    date_bad: ["1990–2099 жылдар аралығындағы күн", "Дата с 1990 по 2099 год", "A date from 1990 to 2099"],
    marking_required: [
      "Жүйе контент жасайды: оның қалай таңбаланатынын жазыңыз",
      "Система создаёт контент: опишите, как он помечается",
      "The system produces content: say how it is marked",
    ],
    negative: [
      "Тізімге енгізуге тек оң аудит қорытындысы негіз болады",
      "Основанием для включения служит только положительное заключение аудита",
      "Only a positive audit conclusion supports inclusion",
    ],
    languages_bad: ["Кемінде бір тілді белгілеңіз", "Отметьте хотя бы один язык", "Tick at least one language"],
    file_missing: ["PDF файлын таңдаңыз", "Выберите файл PDF", "Choose the PDF file"],
    file_empty: ["Файл бос", "Файл пустой", "The file is empty"],
    file_too_big: [
      "Файл 25 МиБ-тан үлкен ({size})",
      "Файл больше 25 МиБ ({size})",
      "The file is larger than 25 MiB ({size})",
    ],
    file_not_pdf: [
      "Бұл файл PDF емес: ол «%PDF-» деп басталмайды",
      "Это не PDF: файл не начинается с «%PDF-»",
      "This is not a PDF: the file does not start with '%PDF-'",
    ],
    invisible: [
      "Мәтінде көрінбейтін таңба бар ({char}): оны өшіріп, мәтінді қайта теріңіз",
      "В тексте есть невидимый символ ({char}): удалите его, перепечатав текст",
      "The text holds an invisible character ({char}): delete it by typing the text again",
    ],
    invalid: ["Бұл мән жарамсыз", "Недопустимое значение", "This value is not valid"],
    schema_failed: [
      "Тексеру схемасы жүктелмеді ({reason}): бетті жаңартып, қайталап көріңіз",
      "Схема проверки не загрузилась ({reason}): обновите страницу и попробуйте снова",
      "The checking schema did not load ({reason}): reload the page and try again",
    ],
    no_crypto: [
      "Бұл браузер файлдардың хэшін есептей алмайды: бетті https:// арқылы жаңа браузерде ашыңыз",
      "Этот браузер не может вычислить хэши файлов: откройте страницу по https:// в современном браузере",
      "This browser cannot compute the files' hashes: open the page over https:// in a current browser",
    ],
    // The result.
    result_title: ["Өтінішіңіз дайын", "Ваше заявление готово", "Your application is ready"],
    result_intro: [
      "Барлық өріс сайттағы схема бойынша тексерілді. Архивте registry/{sector}/{id}/ қалтасы бар: system.yaml және үш PDF. Енді төмендегі қадамдар бойынша pull request ашыңыз.",
      "Все поля проверены по схеме сайта. В архиве папка registry/{sector}/{id}/: system.yaml и три PDF. Теперь откройте запрос на слияние по шагам ниже.",
      "Every field passed the site's schema. The archive holds the folder registry/{sector}/{id}/: system.yaml and the three PDFs. Now open the pull request as the steps below say.",
    ],
    download: ["{file} жүктеп алу", "Скачать {file}", "Download {file}"],
    files_caption: ["Архивтегі файлдар", "Файлы в архиве", "Files in the archive"],
    col_file: ["Файл", "Файл", "File"],
    col_size: ["Көлемі", "Размер", "Size"],
    col_hash: ["SHA-256", "SHA-256", "SHA-256"],
    bytes: ["{n} байт", "{n} байт", "{n} bytes"],
    yaml_title: ["Жазба: system.yaml", "Запись: system.yaml", "The record: system.yaml"],
    changed: [
      "Форма өзгерді: архивті қайта дайындау үшін қайта тексеріңіз.",
      "Форма изменилась: проверьте её снова, чтобы подготовить архив заново.",
      "The form changed: check it again to prepare the archive anew.",
    ],
  };

  // The titles each document gets in the record, in kk, ru and en (as in the sample records).
  var TITLES = {
    application: [
      "Сенімді жоғары тәуекелді ЖИ жүйелерінің тізбесіне енгізу туралы өтініш",
      "Заявление о включении в перечень доверенных систем ИИ высокой степени риска",
      "Application for inclusion in the list of trusted high-risk AI systems",
    ],
    copyright_certificate: [
      "Авторлық құқықпен қорғалатын объектілерге құқықтардың мемлекеттік тізіліміне мәліметтерді енгізу туралы куәлік",
      "Свидетельство о внесении сведений в государственный реестр прав на объекты, охраняемые авторским правом",
      "Certificate of entry in the State Register of Rights to objects protected by copyright",
    ],
    copyright_agreement: ["Авторлық шарт", "Авторский договор", "Copyright agreement"],
    audit_report: ["Аудит туралы есеп", "Отчёт об аудите", "Audit report"],
  };

  function t(key, values) {
    var text = TEXTS[key][LANGS.indexOf(lang)];
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  // ---------------------------------------------------------------------------------------
  // The page's elements.
  function make(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function domId(path) {
    return "tl-f-" + path.replace(/\./g, "-");
  }

  // A control is what an error is said beside: its path in the record, the element focused
  // from the summary, the inputs marked invalid, the message's paragraph and its kind.
  function control(path, kind, label, inputs, error, extra) {
    var c = { path: path, kind: kind, label: label, inputs: inputs, focus: inputs[0], error: error };
    Object.keys(extra || {}).forEach(function (k) { c[k] = extra[k]; });
    return c;
  }

  function hint(id, key) {
    return key ? make("p", { class: "tl-form-hint", id: id, text: t(key) }) : null;
  }

  function errorSlot(id) {
    return make("p", { class: "tl-form-error", id: id, hidden: true });
  }

  function describe(input, ids) {
    input.setAttribute("aria-describedby", ids.filter(Boolean).join(" "));
  }

  // One line: an id, a BIN, a link, an e-mail, a phone, a reference or a date.
  var INPUTS = {
    slug: { type: "text", autocomplete: "off", spellcheck: "false", autocapitalize: "none" },
    bin: { type: "text", inputmode: "numeric", autocomplete: "off" },
    url: { type: "url", autocomplete: "url", spellcheck: "false" },
    email: { type: "email", autocomplete: "email", spellcheck: "false" },
    phone: { type: "tel", autocomplete: "tel" },
    ref: { type: "text", autocomplete: "off" },
    date: { type: "date", min: "1990-01-01", max: "2099-12-31" },
  };

  function lineField(parent, path, kind, labelKey, hintKey, optional) {
    var id = domId(path);
    var attrs = { id: id, name: path, required: !optional };
    Object.keys(INPUTS[kind]).forEach(function (k) { attrs[k] = INPUTS[kind][k]; });
    var input = make("input", attrs);
    var error = errorSlot(id + "-error");
    describe(input, [hintKey && id + "-hint", error.id]);
    parent.appendChild(make("div", { class: "tl-form-field" }, [
      make("label", { for: id, text: t(labelKey) }), hint(id + "-hint", hintKey), error, input,
    ]));
    var c = control(path, kind, t(labelKey), [input], error);
    c.read = function () {
      var value = typed(input);
      // A BIN is often written in groups of digits; the record keeps the twelve digits alone.
      return kind === "bin" && value ? value.replace(/\s+/g, "") : value;
    };
    return c;
  }

  // What was typed, as the registry keeps text: without spaces around it, in Unicode's
  // composed form (NFC, or the check refuses it: YAML007).
  function typed(input) {
    return input.value.trim().normalize("NFC") || undefined;
  }

  // A text in Kazakh and Russian, and in English where there is one (the schema's `text`).
  function textField(parent, path, labelKey, opts) {
    opts = opts || {};
    var id = domId(path);
    var legend = make("legend", { text: t(labelKey) });
    var set = make("fieldset", { class: "tl-form-group", id: id }, [legend, hint(id + "-hint", opts.hint)]);
    var parts = {};
    LANGS.forEach(function (code) {
      var sub = path + "." + code, subId = domId(sub);
      var attrs = { id: subId, name: sub, lang: code, required: code !== "en" && !opts.optional };
      var input = opts.long ? make("textarea", Object.assign(attrs, { rows: "3" })) : make("input", Object.assign(attrs, { type: "text" }));
      var error = errorSlot(subId + "-error");
      describe(input, [opts.hint && id + "-hint", error.id]);
      set.appendChild(make("div", { class: "tl-form-field" }, [
        make("label", { for: subId, text: t("in_" + code) }), error, input,
      ]));
      var said = t("in_" + code);
      parts[code] = control(sub, "text", t(labelKey) + " — " + said.charAt(0).toLocaleLowerCase(lang) + said.slice(1), [input], error, {
        requiredKey: opts.requiredKey,
      });
      parts[code].read = function () { return typed(input); };
    });
    parent.appendChild(set);
    return {
      parts: parts,
      controls: LANGS.map(function (code) { return parts[code]; }),
      read: function () {
        var value = {};
        LANGS.forEach(function (code) {
          var v = parts[code].read();
          if (v !== undefined) value[code] = v;
        });
        return Object.keys(value).length ? value : undefined;
      },
    };
  }

  function choiceField(parent, path, labelKey, options) {
    var id = domId(path);
    var error = errorSlot(id + "-error");
    var set = make("fieldset", { class: "tl-form-group tl-form-choice", id: id, "aria-describedby": error.id }, [
      make("legend", { text: t(labelKey) }), error,
    ]);
    var radios = options.map(function (option) {
      var radioId = id + "-" + option[0];
      var radio = make("input", { type: "radio", id: radioId, name: path, value: option[0], required: true });
      set.appendChild(make("div", { class: "tl-form-option" }, [radio, make("label", { for: radioId, text: t(option[1]) })]));
      return radio;
    });
    parent.appendChild(set);
    var c = control(path, "choice", t(labelKey), radios, error);
    c.read = function () {
      var on = radios.filter(function (r) { return r.checked; })[0];
      return on ? on.value : undefined;
    };
    return c;
  }

  function flagField(parent, path, labelKey) {
    var id = domId(path);
    var box = make("input", { type: "checkbox", id: id, name: path });
    var error = errorSlot(id + "-error");
    describe(box, [error.id]);
    parent.appendChild(make("div", { class: "tl-form-field tl-form-option" }, [
      box, make("label", { for: id, text: t(labelKey) }), error,
    ]));
    var c = control(path, "flag", t(labelKey), [box], error);
    c.read = function () { return box.checked; };
    return c;
  }

  function section(key, hintKey) {
    var headingId = "tl-form-" + key;
    var node = make("section", { class: "tl-form-section", "aria-labelledby": headingId }, [
      make("h2", { id: headingId, text: t(key) }),
    ]);
    if (hintKey) node.appendChild(make("p", { class: "tl-form-hint", text: t(hintKey) }));
    form.appendChild(node);
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // The form, section by section, in the record's order.
  var form = make("form", { class: "tl-form-form", novalidate: true, "aria-describedby": "tl-form-note" });
  var summary = make("div", { class: "tl-form-summary", tabindex: "-1", hidden: true });
  var f = {};

  var s = section("sec_system");
  form.insertBefore(make("p", { id: "tl-form-note", text: t("required_note") }), s);
  form.insertBefore(summary, s);
  f.id = lineField(s, "id", "slug", "id", "id_hint");
  var sectorSlot = make("div", { class: "tl-form-field" });
  s.appendChild(sectorSlot);
  f.sector = sectorField(sectorSlot, null);
  f.name = textField(s, "name", "name");

  s = section("sec_owner");
  f.role = choiceField(s, "owner.role", "role", [["owner", "role_owner"], ["possessor", "role_possessor"]]);
  f.ownerName = textField(s, "owner.name", "org_name");
  f.ownerBin = lineField(s, "owner.bin", "bin", "bin", "bin_hint");
  f.website = lineField(s, "owner.website", "url", "website", "website_hint");

  s = section("sec_deployers", "deployers_hint");
  var deployerList = make("div", { class: "tl-form-list" });
  var deployers = [];
  var addDeployer = make("button", { type: "button", class: "md-button", text: t("deployer_add") });
  s.appendChild(deployerList);
  s.appendChild(addDeployer);
  addDeployer.addEventListener("click", function () {
    var item = newDeployer();
    deployers.push(item);
    deployerList.appendChild(item.node);
    renumber();
    item.name.parts.kk.focus.focus();
  });

  s = section("sec_description", "description_hint");
  f.purpose = textField(s, "description.purpose", "purpose", { long: true });
  f.methods = textField(s, "description.methods", "methods", { long: true });
  f.limitations = textField(s, "description.limitations", "limitations", { long: true });

  s = section("sec_platform");
  f.developed = flagField(s, "national_ai_platform.developed", "developed");
  f.tested = flagField(s, "national_ai_platform.tested", "tested");

  s = section("sec_synthetic");
  f.produces = flagField(s, "synthetic_content.produces", "produces");
  f.marking = textField(s, "synthetic_content.marking", "marking", {
    long: true, optional: true, hint: "marking_hint", requiredKey: "marking_required",
  });

  s = section("sec_rights");
  f.notification = textField(s, "users_rights.notification", "notification", { long: true });
  f.objection = textField(s, "users_rights.objection", "objection", { long: true });
  f.email = lineField(s, "users_rights.contact.email", "email", "email", "email_hint");
  f.phone = lineField(s, "users_rights.contact.phone", "phone", "phone", "phone_hint", true);
  f.address = textField(s, "users_rights.contact.address", "address", { optional: true });
  f.terms = lineField(s, "users_rights.terms_of_use", "url", "terms", "terms_hint");

  s = section("sec_application");
  f.reference = lineField(s, "application.reference", "ref", "reference", "reference_hint");
  f.submitted = lineField(s, "application.submitted", "date", "submitted", "submitted_hint");

  s = section("sec_copyright");
  f.copyrightKind = choiceField(s, "copyright.kind", "copyright_kind", [
    ["certificate", "kind_certificate"], ["agreement", "kind_agreement"],
  ]);
  f.copyrightNumber = lineField(s, "copyright.number", "ref", "copyright_number");
  f.copyrightDate = lineField(s, "copyright.date", "date", "copyright_date");

  s = section("sec_audit");
  f.auditor = textField(s, "audit.auditor.name", "auditor");
  f.auditorBin = lineField(s, "audit.auditor.bin", "bin", "auditor_bin", "bin_hint");
  f.reportDate = lineField(s, "audit.report_date", "date", "report_date");
  f.positive = flagField(s, "audit.conclusion", "positive");
  f.validUntil = lineField(s, "audit.valid_until", "date", "valid_until");

  s = section("sec_documents", "documents_hint");
  var slots = [
    fileField(s, "application", "doc_application"),
    fileField(s, "copyright", "doc_copyright"),
    fileField(s, "audit_report", "doc_audit_report"),
  ];

  var submit = make("button", { type: "submit", class: "md-button md-button--primary", text: t("submit") });
  var status = make("p", { class: "tl-form-status", role: "status" });
  form.appendChild(make("div", { class: "tl-form-actions" }, [submit, status]));
  var result = make("section", { class: "tl-form-result", "aria-labelledby": "tl-form-result-title", hidden: true });

  function sectorField(slot, sectors) {
    // A list of the site's sectors once api/v1/sectors.json has named them; an id to type until then
    // (or if it cannot be read).
    slot.textContent = "";
    var id = domId("sector"), error = errorSlot(id + "-error"), input;
    if (sectors && sectors.length) {
      input = make("select", { id: id, name: "sector", required: true }, [make("option", { value: "", text: t("choose") })]);
      sectors.forEach(function (sector) { input.appendChild(make("option", { value: sector[0], text: sector[1] })); });
      describe(input, [id + "-hint", error.id]);
      [make("label", { for: id, text: t("sector") }), hint(id + "-hint", "sector_hint"), error, input].forEach(function (n) { slot.appendChild(n); });
    } else {
      input = make("input", { id: id, name: "sector", type: "text", required: true, autocomplete: "off", spellcheck: "false" });
      describe(input, [id + "-hint", error.id]);
      [make("label", { for: id, text: t("sector") }), hint(id + "-hint", "sector_id_hint"), error, input].forEach(function (n) { slot.appendChild(n); });
    }
    var c = control("sector", sectors && sectors.length ? "select" : "slug", t("sector"), [input], error);
    c.read = function () { return typed(input); };
    return c;
  }

  function newDeployer() {
    var node = make("fieldset", { class: "tl-form-group tl-form-item" });
    var legend = make("legend");
    node.appendChild(legend);
    var item = { node: node, legend: legend };
    var holder = make("div");
    node.appendChild(holder);
    var remove = make("button", { type: "button", class: "md-button tl-form-remove" });
    node.appendChild(remove);
    remove.addEventListener("click", function () {
      deployers.splice(deployers.indexOf(item), 1);
      node.remove();
      renumber();
      addDeployer.focus();
    });
    item.remove = remove;
    item.holder = holder;
    return item;
  }

  // A deployer's fields carry its place in the list in their paths, so they are made anew
  // (keeping what was typed) whenever the list changes.
  function renumber() {
    deployers.forEach(function (item, index) {
      var typed = item.name ? { name: item.name.read(), bin: item.bin.read() } : {};
      var n = index + 1, base = "deployers." + index;
      item.legend.textContent = t("deployer_n", { n: n });
      item.remove.textContent = t("deployer_remove", { n: n });
      item.holder.textContent = "";
      item.name = textField(item.holder, base + ".name", "org_name");
      item.bin = lineField(item.holder, base + ".bin", "bin", "deployer_bin", "bin_hint", true);
      LANGS.forEach(function (code) {
        if (typed.name && typed.name[code]) item.name.parts[code].focus.value = typed.name[code];
      });
      if (typed.bin) item.bin.focus.value = typed.bin;
    });
  }

  function fileField(parent, kind, labelKey) {
    var id = "tl-f-file-" + kind;
    var input = make("input", { type: "file", id: id, name: "file-" + kind, accept: ".pdf,application/pdf", required: true });
    var error = errorSlot(id + "-error");
    describe(input, [error.id]);
    var set = make("fieldset", { class: "tl-form-group tl-form-document", id: id + "-group" }, [
      make("legend", { text: t(labelKey) }),
      make("div", { class: "tl-form-field" }, [make("label", { for: id, text: t("pdf_file") }), error, input]),
    ]);
    var langError = errorSlot(id + "-languages-error");
    var langSet = make("fieldset", { class: "tl-form-group tl-form-choice", "aria-describedby": langError.id }, [
      make("legend", { text: t("doc_languages") }), langError,
    ]);
    var boxes = LANGS.map(function (code) {
      var boxId = id + "-" + code;
      var box = make("input", { type: "checkbox", id: boxId, name: id + "-languages", value: code });
      langSet.appendChild(make("div", { class: "tl-form-option" }, [box, make("label", { for: boxId, text: t("lang_" + code) })]));
      return box;
    });
    set.appendChild(langSet);
    parent.appendChild(set);
    return {
      kind: kind,
      file: control("file-" + kind, "file", t(labelKey), [input], error, {
        read: function () { return input.files && input.files[0]; },
      }),
      languages: control("languages-" + kind, "languages", t(labelKey) + " — " + t("doc_languages"), boxes, langError, {
        read: function () { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); },
      }),
    };
  }

  host.textContent = "";
  host.appendChild(form);
  host.appendChild(result);
  var style = make("link", { rel: "stylesheet", href: new URL("trustlist-form.css", script.src).href });
  document.head.appendChild(style);

  // ---------------------------------------------------------------------------------------
  // What the site itself says: the schema, and its sectors (api/v1/sectors.json, sectors_api.py).
  var schemaPromise = fetch(SCHEMA_URL, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  });
  schemaPromise.catch(function () { /* said when the form is checked */ });

  fetch(SECTORS_URL, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }).then(function (data) {
    var sectors = sectorsOf(data);
    if (sectors.length) {
      var typed = f.sector.read();
      f.sector = sectorField(sectorSlot, sectors);
      if (typed) f.sector.focus.value = typed;
    }
  }).catch(function () { /* the id stays to be typed */ });

  // Each sector's id and its name in the page's language, as [id, name], in the file's order.
  function sectorsOf(data) {
    var found = [], seen = {};
    (data && Array.isArray(data.sectors) ? data.sectors : []).forEach(function (sector) {
      var id = sector && typeof sector.id === "string" ? sector.id : "";
      if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(id) || seen[id]) return;
      seen[id] = true;
      var names = sector.name || {};
      var name = typeof names[lang] === "string" && names[lang] ? names[lang] : names.ru;
      found.push([id, typeof name === "string" && name ? name : id]);
    });
    return found;
  }

  // ---------------------------------------------------------------------------------------
  // The record, as the applicant writes it: in the schema's order, empty optional fields left
  // out; never list_number, decision or status.
  function put(object, key, value) {
    if (value !== undefined) object[key] = value;
    return object;
  }

  function buildRecord(documents) {
    var r = { schema_version: "1.0" };
    put(r, "id", f.id.read());
    put(r, "sector", f.sector.read());
    put(r, "name", f.name.read());
    var owner = {};
    put(owner, "role", f.role.read());
    put(owner, "name", f.ownerName.read());
    put(owner, "bin", f.ownerBin.read());
    put(owner, "website", f.website.read());
    r.owner = owner;
    if (deployers.length) {
      r.deployers = deployers.map(function (item) {
        return put(put({}, "name", item.name.read()), "bin", item.bin.read());
      });
    }
    r.description = put(put(put({}, "purpose", f.purpose.read()), "methods", f.methods.read()), "limitations", f.limitations.read());
    r.risk_level = "high";
    r.national_ai_platform = { developed: f.developed.read(), tested: f.tested.read() };
    r.synthetic_content = { produces: f.produces.read() };
    put(r.synthetic_content, "marking", f.marking.read());
    var contact = put({}, "email", f.email.read());
    put(contact, "phone", f.phone.read());
    put(contact, "address", f.address.read());
    r.users_rights = put(put({}, "notification", f.notification.read()), "objection", f.objection.read());
    r.users_rights.contact = contact;
    put(r.users_rights, "terms_of_use", f.terms.read());
    r.application = put(put({}, "reference", f.reference.read()), "submitted", f.submitted.read());
    r.copyright = put(put(put({}, "kind", f.copyrightKind.read()), "number", f.copyrightNumber.read()), "date", f.copyrightDate.read());
    var auditor = put(put({}, "name", f.auditor.read()), "bin", f.auditorBin.read());
    r.audit = { auditor: auditor };
    put(r.audit, "report_date", f.reportDate.read());
    r.audit.conclusion = f.positive.read() ? "positive" : "negative";
    put(r.audit, "valid_until", f.validUntil.read());
    r.documents = documents;
    return r;
  }

  // ---------------------------------------------------------------------------------------
  // JSON Schema (2020-12), the subset system.schema.json uses. A keyword this does not know
  // stops the check rather than being skipped: a schema that grew must not pass unchecked.
  var ANNOTATIONS = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "x-code"];
  var ASSERTIONS = [
    "$ref", "type", "const", "enum", "minLength", "maxLength", "pattern", "format", "minimum",
    "maximum", "minItems", "maxItems", "uniqueItems", "items", "required", "properties",
    "additionalProperties", "if", "then", "else", "not", "anyOf",
  ];

  function schemaErrors(root, value) {
    var errors = [];
    var patterns = {};

    function resolve(ref) {
      if (ref.indexOf("#/") !== 0) throw new Error("unsupported $ref " + ref);
      return ref.slice(2).split("/").reduce(function (node, key) { return node[key]; }, root);
    }

    function typeOk(type, v) {
      switch (type) {
        case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
        case "array": return Array.isArray(v);
        case "string": return typeof v === "string";
        case "integer": return Number.isInteger(v);
        case "number": return typeof v === "number";
        case "boolean": return typeof v === "boolean";
        case "null": return v === null;
      }
      throw new Error("unsupported type " + type);
    }

    function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

    function realDate(text) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    }

    function check(s, v, path, out) {
      if (s === true) return;
      if (s === false) { out.push({ path: path, keyword: "false" }); return; }
      Object.keys(s).forEach(function (k) {
        if (ANNOTATIONS.indexOf(k) < 0 && ASSERTIONS.indexOf(k) < 0) throw new Error("unsupported keyword " + k);
      });
      if (s.$ref) check(resolve(s.$ref), v, path, out);
      var say = function (keyword, extra) { out.push(Object.assign({ path: path, keyword: keyword, schema: s }, extra)); };
      if (s.type !== undefined && !typeOk(s.type, v)) { say("type"); return; }
      if ("const" in s && !same(s.const, v)) say("const");
      if (s.enum && !s.enum.some(function (e) { return same(e, v); })) say("enum");
      if (typeof v === "string") {
        var length = Array.from(v).length;
        if (s.minLength !== undefined && length < s.minLength) say("minLength");
        if (s.maxLength !== undefined && length > s.maxLength) say("maxLength", { limit: s.maxLength });
        if (s.pattern !== undefined) {
          patterns[s.pattern] = patterns[s.pattern] || new RegExp(s.pattern, "u");
          if (!patterns[s.pattern].test(v)) say("pattern");
        }
        if (s.format === "date" && !realDate(v)) say("format");
      }
      if (typeof v === "number") {
        if (s.minimum !== undefined && v < s.minimum) say("minimum");
        if (s.maximum !== undefined && v > s.maximum) say("maximum");
      }
      if (Array.isArray(v)) {
        if (s.minItems !== undefined && v.length < s.minItems) say("minItems");
        if (s.maxItems !== undefined && v.length > s.maxItems) say("maxItems");
        if (s.uniqueItems && new Set(v.map(function (x) { return JSON.stringify(x); })).size !== v.length) say("uniqueItems");
        if (s.items !== undefined) v.forEach(function (item, i) { check(s.items, item, path.concat([i]), out); });
      }
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        (s.required || []).forEach(function (name) {
          if (!(name in v)) out.push({ path: path.concat([name]), keyword: "required", schema: s });
        });
        Object.keys(v).forEach(function (name) {
          if (s.properties && name in s.properties) check(s.properties[name], v[name], path.concat([name]), out);
          else if (s.additionalProperties !== undefined) check(s.additionalProperties, v[name], path.concat([name]), out);
        });
      }
      if (s.if !== undefined) {
        var branch = [];
        check(s.if, v, path, branch);
        var next = branch.length ? s.else : s.then;
        if (next !== undefined) check(next, v, path, out);
      }
      if (s.not !== undefined) {
        var inner = [];
        check(s.not, v, path, inner);
        if (!inner.length) say("not");
      }
      if (s.anyOf) {
        var passes = s.anyOf.some(function (option) { var o = []; check(option, v, path, o); return !o.length; });
        if (!passes) say("anyOf");
      }
    }

    check(root, value, [], errors);
    return errors;
  }

  // Kazakhstan's BIN: the check digit of its first eleven digits (core/identifiers.py).
  function binProblem(value) {
    if (!/^[0-9]{12}$/.test(value)) return ["bin_digits", {}];
    var digits = value.split("").map(Number), weights = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]];
    for (var w = 0; w < 2; w += 1) {
      var sum = 0;
      for (var i = 0; i < 11; i += 1) sum += weights[w][i] * digits[i];
      var expected = sum % 11;
      if (expected !== 10) {
        return expected === digits[11] ? null : ["bin_check", { expected: expected, got: digits[11] }];
      }
    }
    return ["bin_none", {}];
  }

  // The characters a record may not hold (core/load.py, YAML006): controls, zero-width and
  // direction marks, usually pasted along with a text and invisible in it.
  var INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

  var PATTERN_MESSAGES = {
    slug: "slug", bin: "bin_digits", url: "url", email: "email_bad", phone: "phone_bad",
    ref: "one_line", date: "date_bad", text: "required", select: "required_choice",
  };

  function messageFor(error, c) {
    switch (error.keyword) {
      case "required":
        if (c.kind === "choice" || c.kind === "select") return t("required_choice");
        if (c.kind === "file") return t("file_missing");
        return t(c.requiredKey || "required");
      case "minLength": return t("required");
      case "maxLength": return t("too_long", { max: error.limit });
      case "pattern": case "format": return t(PATTERN_MESSAGES[c.kind] || "invalid");
      case "enum": case "const": return t(c.kind === "choice" || c.kind === "select" ? "required_choice" : "invalid");
      case "minItems": case "uniqueItems": return t(c.kind === "languages" ? "languages_bad" : "invalid");
      case "maximum": return c.kind === "file" ? t("file_too_big", { size: "" }) : t("invalid");
    }
    return t("invalid");
  }

  // ---------------------------------------------------------------------------------------
  // Checking: every problem said beside its field, and in a summary linking to each.
  function allControls() {
    var list = [f.id, f.sector].concat(f.name.controls, [f.role], f.ownerName.controls, [f.ownerBin, f.website]);
    deployers.forEach(function (item) { list = list.concat(item.name.controls, [item.bin]); });
    [f.purpose, f.methods, f.limitations].forEach(function (g) { list = list.concat(g.controls); });
    list = list.concat([f.developed, f.tested, f.produces], f.marking.controls, f.notification.controls, f.objection.controls,
      [f.email, f.phone], f.address.controls, [f.terms, f.reference, f.submitted, f.copyrightKind, f.copyrightNumber,
        f.copyrightDate], f.auditor.controls, [f.auditorBin, f.reportDate, f.positive, f.validUntil]);
    slots.forEach(function (slot) { list.push(slot.file, slot.languages); });
    return list;
  }

  function clearProblems() {
    allControls().forEach(function (c) {
      c.error.textContent = "";
      c.error.hidden = true;
      c.inputs.forEach(function (input) { input.removeAttribute("aria-invalid"); });
    });
    summary.hidden = true;
    summary.textContent = "";
  }

  function Problems() {
    this.said = [];
  }

  Problems.prototype.add = function (c, message) {
    if (!c || this.said.some(function (p) { return p.control === c; })) return;  // the first is enough
    this.said.push({ control: c, message: message });
  };

  function showProblems(problems) {
    var order = allControls();
    problems.said.sort(function (a, b) { return order.indexOf(a.control) - order.indexOf(b.control); });
    var list = make("ul");
    problems.said.forEach(function (p) {
      var c = p.control;
      c.error.textContent = p.message;
      c.error.hidden = false;
      c.inputs.forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
      var link = make("a", { href: "#" + c.focus.id, text: c.label + ": " + p.message });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        c.focus.focus();
      });
      list.appendChild(make("li", {}, [link]));
    });
    summary.textContent = "";
    summary.appendChild(make("h2", { text: t("summary", { n: problems.said.length }) }));
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  function showFailure(message) {
    summary.textContent = "";
    summary.appendChild(make("h2", { text: message }));
    summary.hidden = false;
    summary.focus();
  }

  // Where in the form an error at `path` of the record is said: its own field, or for a
  // missing text its Kazakh and Russian parts.
  function controlsAt(path, docSlots) {
    var key = path.join(".");
    if (path[0] === "documents" && typeof path[1] === "number") {
      var slot = docSlots[path[1]];
      if (!slot) return [];
      return [path[2] === "languages" ? slot.languages : slot.file];
    }
    var list = allControls();
    var exact = list.filter(function (c) { return c.path === key; });
    if (exact.length) return exact;
    return list.filter(function (c) { return c.path === key + ".kk" || c.path === key + ".ru"; });
  }

  async function readSlot(slot, problems) {
    var file = slot.file.read();
    if (!file) { problems.add(slot.file, t("file_missing")); return null; }
    if (file.size === 0) { problems.add(slot.file, t("file_empty")); return null; }
    if (file.size > MAX_SIZE) { problems.add(slot.file, t("file_too_big", { size: sizeText(file.size) })); return null; }
    var data = new Uint8Array(await file.arrayBuffer());
    var head = String.fromCharCode.apply(null, data.subarray(0, 5));
    if (head !== "%PDF-") { problems.add(slot.file, t("file_not_pdf")); return null; }
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    var sha = Array.from(digest, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    return { data: data, sha256: sha, size: data.length };
  }

  function fileName(kind) {
    return kind.replace(/_/g, "-") + ".pdf";
  }

  async function published(id) {
    // Ids are unique across the registry (REG004): a published system's export has this name.
    try {
      var response = await fetch(new URL("api/v1/systems/" + id + ".json", SITE), { method: "HEAD", cache: "no-store" });
      return response.ok;
    } catch (err) {
      return false;  // unknown: the pull request's check decides
    }
  }

  async function check() {
    var problems = new Problems();
    var schema;
    try {
      schema = await schemaPromise;
    } catch (err) {
      showFailure(t("schema_failed", { reason: err.message }));
      return null;
    }
    if (!(window.crypto && crypto.subtle)) {
      showFailure(t("no_crypto"));
      return null;
    }
    var copyrightKind = f.copyrightKind.read();
    var kinds = ["application", copyrightKind === "agreement" ? "copyright_agreement" : "copyright_certificate", "audit_report"];
    var documents = [], docSlots = [], files = [];
    for (var i = 0; i < slots.length; i += 1) {
      var read = await readSlot(slots[i], problems);
      if (!read) continue;
      var title = {};
      LANGS.forEach(function (code, n) { title[code] = TITLES[kinds[i]][n]; });
      documents.push({
        kind: kinds[i], file: fileName(kinds[i]), sha256: read.sha256, size: read.size, title: title,
        languages: slots[i].languages.read(), public: true,
      });
      docSlots.push(slots[i]);
      files.push(read);
    }
    var record = buildRecord(documents);
    var errors;
    try {
      errors = schemaErrors(schema, record);
    } catch (err) {
      showFailure(t("schema_failed", { reason: err.message }));
      return null;
    }
    errors.forEach(function (error) {
      controlsAt(error.path, docSlots).forEach(function (c) { problems.add(c, messageFor(error, c)); });
    });
    // The rules beyond the schema that an applicant's fields can break (core/rules.py).
    [f.ownerBin, f.auditorBin].concat(deployers.map(function (d) { return d.bin; })).forEach(function (c) {
      var value = c.read();
      if (value && /^[0-9]{12}$/.test(value)) {
        var problem = binProblem(value);
        if (problem) problems.add(c, t(problem[0], problem[1]));
      }
    });
    allControls().forEach(function (c) {
      var value = c.kind === "file" || c.kind === "languages" ? null : c.read();
      var hidden = typeof value === "string" && INVISIBLE.exec(value);
      if (hidden) {
        var code = hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
        problems.add(c, t("invisible", { char: "U+" + code }));
      }
    });
    if (record.audit.conclusion !== "positive") problems.add(f.positive, t("negative"));
    if (RESERVED_IDS.indexOf(record.id) >= 0) problems.add(f.id, t("reserved", { id: record.id }));
    else if (record.id && /^[a-z0-9-]+$/.test(record.id) && await published(record.id)) {
      problems.add(f.id, t("taken", { id: record.id }));
    }
    if (problems.said.length) {
      showProblems(problems);
      return null;
    }
    return { record: record, files: files };
  }

  // ---------------------------------------------------------------------------------------
  // system.yaml: the fixed shape written out, every string double-quoted (JSON's escapes are
  // YAML's), with the characters YAML reads as line breaks or refuses escaped too.
  function quote(text) {
    var clean = text.replace(/[\ud800-\udfff]/gu, "\ufffd");  // a lone surrogate half is no character
    return JSON.stringify(clean).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (ch) {
      return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  // Words such as owner, healthcare or application.pdf are written plain, as in the sample
  // records; anything a YAML reader could take for another type (yes, no, null, a number, a
  // date) or that holds other characters is quoted.
  var PLAIN = /^[a-z][a-z0-9_.-]*$/;
  var TYPED_WORDS = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];

  function scalar(value) {
    if (typeof value === "boolean" || typeof value === "number") return String(value);
    return PLAIN.test(value) && TYPED_WORDS.indexOf(value) < 0 ? value : quote(value);
  }

  function yamlLines(object, indent) {
    var pad = " ".repeat(indent), lines = [];
    Object.keys(object).forEach(function (key) {
      var value = object[key];
      if (Array.isArray(value)) {
        if (value.every(function (v) { return typeof v !== "object"; })) {
          lines.push(pad + key + ": [" + value.map(scalar).join(", ") + "]");
          return;
        }
        lines.push(pad + key + ":");
        value.forEach(function (item) {
          var inner = yamlLines(item, indent + 4);
          inner[0] = pad + "  - " + inner[0].slice(indent + 4);
          lines.push.apply(lines, inner);
        });
      } else if (value !== null && typeof value === "object") {
        lines.push(pad + key + ":");
        lines.push.apply(lines, yamlLines(value, indent + 2));
      } else {
        lines.push(pad + key + ": " + scalar(value));
      }
    });
    return lines;
  }

  function yaml(record) {
    var head = [
      "# An application for a list of trusted high-risk AI systems, written with the site's",
      "# application form. The sector's body adds list_number, decision and status when it decides.",
      "# Сенімді ЖИ жүйелерінің тізбесіне өтініш; тізімдегі нөмірді, шешімді және мәртебені орган жазады.",
      "# Заявление о включении в перечень; номер в списке, решение и статус вносит орган.",
      "# Field meanings: schemas/system.schema.json.",
    ];
    return head.concat(yamlLines(record, 0)).join("\n") + "\n";
  }

  // ---------------------------------------------------------------------------------------
  // A zip of stored (uncompressed) files: PDFs do not shrink, and this needs no library.
  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function zip(entries, when) {
    var encoder = new TextEncoder(), parts = [], central = [], offset = 0, centralSize = 0;
    var time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
    var date = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
    entries.forEach(function (entry) {
      var name = encoder.encode(entry.name), data = entry.data, crc = crc32(data);
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);          // version needed: 2.0
      local.setUint16(6, 0x0800, true);      // names in UTF-8
      local.setUint16(8, 0, true);           // stored
      local.setUint16(10, time, true);
      local.setUint16(12, date, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      parts.push(local, name, data);
      var record = new DataView(new ArrayBuffer(46));
      record.setUint32(0, 0x02014b50, true);
      record.setUint16(4, 0x0314, true);     // made by: Unix, 2.0 (so the mode below counts)
      record.setUint16(6, 20, true);
      record.setUint16(8, 0x0800, true);
      record.setUint16(10, 0, true);
      record.setUint16(12, time, true);
      record.setUint16(14, date, true);
      record.setUint32(16, crc, true);
      record.setUint32(20, data.length, true);
      record.setUint32(24, data.length, true);
      record.setUint16(28, name.length, true);
      record.setUint32(38, (0x81a4 << 16) >>> 0, true);  // a regular file, rw-r--r--
      record.setUint32(42, offset, true);
      central.push(record, name);
      offset += 30 + name.length + data.length;
      centralSize += 46 + name.length;
    });
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, centralSize, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end]), { type: "application/zip" });
  }

  // ---------------------------------------------------------------------------------------
  // The result: the archive to download, what it holds, and the record to read.
  var download = null;

  function sizeText(n) {
    // Thousands grouped as each language writes them (a narrow space in kk and ru), whatever
    // locale data the browser carries.
    var digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : "\u202f");
    return t("bytes", { n: digits });
  }

  function clearResult() {
    if (download) URL.revokeObjectURL(download);
    download = null;
    result.textContent = "";
    result.hidden = true;
  }

  function showResult(done) {
    var record = done.record, folder = "registry/" + record.sector + "/" + record.id + "/";
    var text = yaml(record);
    var entries = [{ name: folder + "system.yaml", data: new TextEncoder().encode(text) }];
    record.documents.forEach(function (doc, i) { entries.push({ name: folder + doc.file, data: done.files[i].data }); });
    var archive = record.id + ".zip";
    download = URL.createObjectURL(zip(entries, new Date()));
    var rows = make("tbody");
    entries.forEach(function (entry, i) {
      var doc = record.documents[i - 1];  // the record itself comes first, and has no hash here
      rows.appendChild(make("tr", {}, [
        make("td", {}, [make("code", { text: entry.name.slice(folder.length) })]),
        make("td", { class: "tl-num", text: sizeText(entry.data.length) }),
        make("td", { class: "tl-hash" }, [doc ? make("code", { text: doc.sha256 }) : null]),
      ]));
    });
    var table = make("table", { class: "tl-table" }, [
      make("caption", { text: t("files_caption") }),
      make("thead", {}, [make("tr", {}, [
        make("th", { scope: "col", text: t("col_file") }),
        make("th", { scope: "col", text: t("col_size") }),
        make("th", { scope: "col", text: t("col_hash") }),
      ])]),
      rows,
    ]);
    result.textContent = "";
    result.appendChild(make("h2", { id: "tl-form-result-title", tabindex: "-1", text: t("result_title") }));
    result.appendChild(make("p", { text: t("result_intro", { sector: record.sector, id: record.id }) }));
    result.appendChild(make("p", {}, [make("a", {
      class: "md-button md-button--primary", href: download, download: archive, text: t("download", { file: archive }),
    })]));
    result.appendChild(make("div", { class: "tl-scroll", tabindex: "0", role: "region", "aria-label": t("files_caption") }, [table]));
    result.appendChild(make("details", {}, [
      make("summary", { text: t("yaml_title") }),
      make("pre", { class: "tl-form-yaml" }, [make("code", { text: text })]),
    ]));
    result.hidden = false;
    result.querySelector("h2").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    status.textContent = t("working");
    clearProblems();
    clearResult();
    check().then(function (done) {
      if (done) showResult(done);
    }).catch(function (err) {
      showFailure(t("invalid") + ": " + err.message);
    }).finally(function () {
      submit.disabled = false;
      status.textContent = "";
    });
  });

  // A result describes the form as it was checked: any change takes it away.
  function changed() {
    if (!result.hidden) {
      clearResult();
      status.textContent = t("changed");
    }
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
