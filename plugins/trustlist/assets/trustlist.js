// trustlist's own scripts: filter and sort the list tables, and search a language's index.
// No third-party code; every text goes into the page through textContent, never innerHTML.
(function () {
  "use strict";

  // Case, Unicode form and ё folded alike in what is searched and in what is typed.
  function fold(text) {
    return (text || "").normalize("NFC").toLowerCase().replace(/ё/g, "е")
      .replace(/\s+/g, " ").trim();
  }

  function words(text) {
    return text.match(/[\p{L}\p{N}]+/gu) || [];
  }

  // --- Russian: the Snowball stemmer (snowballstem.org/algorithms/russian), as lunr-languages'
  // lunr.ru implements it; tests/test_search.py checks the two agree word for word.
  var RU_VOWEL = /[аеиоуыэюя]/;

  function ruRegions(w) {
    // RV: after the first vowel. R1: after the first non-vowel following a vowel; R2: R1 of R1.
    var n = w.length, i = 0, rv;
    while (i < n && !RU_VOWEL.test(w[i])) i += 1;
    if (i === n) return [n, n];
    rv = i + 1;
    i = rv;
    while (i < n && RU_VOWEL.test(w[i])) i += 1;
    if (i === n) return [rv, n];
    i += 1;
    while (i < n && !RU_VOWEL.test(w[i])) i += 1;
    if (i === n) return [rv, n];
    i += 1;
    while (i < n && RU_VOWEL.test(w[i])) i += 1;
    return [rv, i === n ? n : i + 1];
  }

  // Endings, longest first; group 1 endings count only after а or я (which stays).
  function endings(group1, group2) {
    var list = [];
    group1.split(" ").filter(Boolean).forEach(function (s) { list.push([s, 1]); });
    group2.split(" ").filter(Boolean).forEach(function (s) { list.push([s, 2]); });
    return list.sort(function (a, b) { return b[0].length - a[0].length; });
  }
  var RU_PERFECTIVE = endings("в вши вшись", "ив ивши ившись ыв ывши ывшись");
  var RU_ADJECTIVE = endings("", "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому " +
    "их ых ую юю ая яя ою ею");
  var RU_PARTICIPLE = endings("ем нн вш ющ щ", "ивш ывш ующ");
  var RU_REFLEXIVE = endings("", "ся сь");
  var RU_VERB = endings("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно",
    "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены " +
    "ить ыть ишь ую ю");
  var RU_NOUN = endings("", "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем " +
    "ам ом о у ах иях ях ы ь ию ью ю ия ья я");
  var RU_DERIVATIONAL = endings("", "ост ость");

  // The word without the longest of `list` that ends it inside RV, or null when none does
  // (or the longest is of group 1 and lacks its а or я: Snowball's among then fails).
  function ruStrip(w, list, rv) {
    for (var i = 0; i < list.length; i += 1) {
      var cut = w.length - list[i][0].length;
      if (cut >= rv && w.slice(cut) === list[i][0]) {
        if (list[i][1] === 1 && (cut - 1 < rv || (w[cut - 1] !== "а" && w[cut - 1] !== "я"))) {
          return null;
        }
        return w.slice(0, cut);
      }
    }
    return null;
  }

  function stemRussian(word) {
    var regions = ruRegions(word), rv = regions[0], r2 = regions[1], w = word, cut;
    cut = ruStrip(w, RU_PERFECTIVE, rv);
    if (cut !== null) {
      w = cut;
    } else {
      cut = ruStrip(w, RU_REFLEXIVE, rv);
      if (cut !== null) w = cut;
      cut = ruStrip(w, RU_ADJECTIVE, rv);
      if (cut !== null) {
        w = cut;
        cut = ruStrip(w, RU_PARTICIPLE, rv);
        if (cut !== null) w = cut;
      } else {
        cut = ruStrip(w, RU_VERB, rv);
        if (cut === null) cut = ruStrip(w, RU_NOUN, rv);
        if (cut !== null) w = cut;
      }
    }
    if (w.length - 1 >= rv && w.slice(-1) === "и") w = w.slice(0, -1);
    cut = ruStrip(w, RU_DERIVATIONAL, rv);
    if (cut !== null && cut.length >= r2) w = cut;
    // Tidy up: -ейш(е) goes and нн becomes н; нн at the end becomes н; a final ь goes.
    if (/ейше?$/.test(w) && w.length - (w.slice(-1) === "е" ? 4 : 3) >= rv) {
      w = w.replace(/ейше?$/, "");
      if (/нн$/.test(w) && w.length - 2 >= rv) w = w.slice(0, -1);
    } else if (/нн$/.test(w) && w.length - 2 >= rv) {
      w = w.slice(0, -1);
    } else if (/ь$/.test(w) && w.length - 1 >= rv) {
      w = w.slice(0, -1);
    }
    return w;
  }

  // --- Kazakh: suffix stripping. A noun takes plural, possessive and case suffixes in that
  // order, each in its vowel-harmony and assimilation variants; every form reached by taking
  // known suffixes off the end is one of the word's forms, so «рентгенограммаларын» and
  // «рентгенограммаға» share «рентгенограмма». A stem keeps two letters and a vowel.
  var KK_VOWELS = "аәеиоөуұүыіэюя";
  var KK_SUFFIXES = [
    // [suffixes, what must precede: "" anything, "v" a vowel, "c" a consonant,
    //  "ы" a third-person possessive ы or і, "мң" a first- or second-person possessive]
    ["лар лер дар дер тар тер", ""], // plural
    ["ымыз іміз ыңыз іңіз ым ім ың ің ы і", "c"], // possessive after a consonant
    ["мыз міз ңыз ңіз м ң сы сі", "v"], // possessive after a vowel
    ["ның нің дың дің тың тің", ""], // genitive
    ["ға ге қа ке", ""], // dative
    ["на не", "ы"],
    ["а е", "мң"],
    ["ны ні ды ді ты ті", ""], // accusative
    ["н", "ы"],
    ["да де та те дағы дегі тағы тегі", ""], // locative (and -дағы: "the one in")
    ["нда нде ндағы ндегі", "ы"],
    ["дан ден тан тен нан нен", ""], // ablative
    ["мен бен пен менен бенен пенен", ""], // instrumental
  ];
  var KK_RULES = [];
  KK_SUFFIXES.forEach(function (row) {
    row[0].split(" ").forEach(function (s) { KK_RULES.push([s, row[1]]); });
  });
  // A voiced final consonant is the voiceless one before a vowel: жүрек, жүрегі.
  var KK_DEVOICED = { "г": "к", "ғ": "қ", "б": "п" };

  function kkAllowed(after, letter) {
    var vowel = KK_VOWELS.indexOf(letter) !== -1;
    if (after === "v") return vowel;
    if (after === "c") return !vowel;
    if (after === "ы") return letter === "ы" || letter === "і";
    if (after === "мң") return letter === "м" || letter === "ң";
    return true;
  }

  function kazakhForms(word) {
    var seen = {}, queue = [word], out = [];
    seen[word] = true;
    while (queue.length && out.length < 32) {
      var w = queue.shift();
      var last = w.slice(-1);
      out.push(KK_DEVOICED[last] ? w.slice(0, -1) + KK_DEVOICED[last] : w);
      KK_RULES.forEach(function (rule) {
        var stem = w.slice(0, w.length - rule[0].length);
        if (stem.length < 2 || w.slice(stem.length) !== rule[0] || seen[stem]) return;
        if (!/[аәеиоөуұүыіэюя]/.test(stem) || !kkAllowed(rule[1], stem.slice(-1))) return;
        seen[stem] = true;
        queue.push(stem);
      });
    }
    return out;
  }

  // --- English: Harman's S-stemmer (plurals only).
  function stemEnglish(w) {
    if (w.length > 3 && /ies$/.test(w) && !/[ae]ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 3 && /es$/.test(w) && !/[aeo]es$/.test(w)) return w.slice(0, -1);
    if (w.length > 2 && /s$/.test(w) && !/[us]s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  // A folded word's forms in a page's language: the word and its stems. The index's words
  // and the query's go through this one function, so both sides are stemmed alike.
  function forms(word, lang) {
    if (/[әғқңөұүһі]/.test(word) || (lang === "kk" && /[а-я]/.test(word))) {
      return kazakhForms(word);
    }
    if (/[а-я]/.test(word)) return [word, stemRussian(word)];
    if (/[a-z]/.test(word)) return [word, stemEnglish(word)];
    return [word];
  }

  // Words a query may hold that say nothing of what is sought.
  var STOP = {
    kk: "және мен бен пен үшін немесе ал бұл осы сол туралы бойынша арқылы",
    ru: "и в во на с со для по о об от до из к ко у за не или а но что как при без под",
    en: "the a an of for and or in on at to by with from is are",
  };

  window.trustlistSearch = { fold: fold, words: words, forms: forms, stemRussian: stemRussian };

  function setupFilter(input) {
    var table = document.getElementById(input.getAttribute("data-tl-filter"));
    if (!table) return;
    var box = input.closest(".tl-filter");
    var count = box.querySelector(".tl-filter-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    box.hidden = false;
    input.addEventListener("input", function () {
      var typed = fold(input.value).split(" ").filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.textContent);
        var match = typed.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = typed.length ? shown + " / " + rows.length : "";
    });
  }

  function cellValue(row, index, type) {
    var text = row.cells[index].textContent.trim();
    if (type === "number") return parseFloat(text) || 0;
    return fold(text);
  }

  function setupSort(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var label = table.getAttribute("data-tl-sort-label") || "{column}";
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tl-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", label.replace("{column}", th.textContent.trim()));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var type = th.getAttribute("data-tl-type");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, type), y = cellValue(b, index, type);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // Each index entry gets its folded text and the forms of its words, by field.
  function prepare(index, lang) {
    var known = new Map();
    function formsOf(text) {
      var found = new Set();
      words(fold(text)).forEach(function (word) {
        var list = known.get(word);
        if (!list) { list = forms(word, lang); known.set(word, list); }
        list.forEach(function (f) { found.add(f); });
      });
      return found;
    }
    index.forEach(function (entry, order) {
      entry.order = order;
      entry.folded = fold(entry.text);
      entry.foldedTitle = fold(entry.title);
      entry.titleForms = formsOf(entry.title);
      entry.whoForms = formsOf([entry.owner].concat(entry.deployers || []).join(" "));
      entry.forms = formsOf(entry.text);
    });
    return index;
  }

  function shares(set, list) {
    return list.some(function (f) { return set.has(f); });
  }

  // How well `entry` answers every word of the query: 0 when one is not found; a word
  // counts most in the name, then in the owner or a deployer, then anywhere.
  function score(entry, query) {
    var total = 0;
    for (var i = 0; i < query.length; i += 1) {
      var q = query[i];
      var points = shares(entry.titleForms, q.forms) || entry.foldedTitle.indexOf(q.word) !== -1
        ? 3
        : shares(entry.whoForms, q.forms) ? 2
          : shares(entry.forms, q.forms) || entry.folded.indexOf(q.word) !== -1 ? 1 : 0;
      if (!points) return 0;
      total += points;
    }
    return total;
  }

  function parse(text, lang) {
    var typed = words(fold(text));
    var stop = (STOP[lang] || "").split(" ");
    var kept = typed.filter(function (w) { return stop.indexOf(w) === -1; });
    return (kept.length ? kept : typed).map(function (w) { return { word: w, forms: forms(w, lang) }; });
  }

  // The language switch leads to the same search in the other language.
  function keepQuery(query) {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), location.href);
      url.search = query ? "?q=" + encodeURIComponent(query) : "";
      link.setAttribute("href", url.pathname + url.search);
    });
  }

  function setupSearch(form) {
    var lang = form.getAttribute("data-tl-lang") || document.documentElement.lang;
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".tl-search-status");
    var list = document.querySelector(".tl-search-results");
    var empty = document.querySelector(".tl-search-empty");
    var index = null;

    function said(name, values) {
      var text = form.getAttribute(name) || "";
      Object.keys(values).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
      return text;
    }

    function badge(text, kind) {
      var span = document.createElement("span");
      span.className = "tl-badge tl-badge--" + kind;
      span.textContent = text;
      return span;
    }

    function item(entry) {
      var li = document.createElement("li");
      li.className = "tl-result tl-result--" + entry.state;
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge(entry.label, entry.state));
      if (entry.expired) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge(form.getAttribute("data-tl-expired"), "expired"));
      }
      if (entry.notice) {
        var notice = document.createElement("p");
        notice.className = "tl-result-notice";
        notice.textContent = entry.notice;
        li.appendChild(notice);
      }
      var meta = document.createElement("p");
      meta.className = "tl-result-meta";
      meta.textContent = entry.owner + " · " + entry.sector;
      li.appendChild(meta);
      if (entry.deployers && entry.deployers.length) {
        var used = document.createElement("p");
        used.className = "tl-result-meta";
        used.textContent = form.getAttribute("data-tl-used-by") + ": " + entry.deployers.join("; ");
        li.appendChild(used);
      }
      return li;
    }

    function elsewhere() {
      var box = empty.querySelector(".tl-search-elsewhere");
      if (!box) return;
      box.textContent = "";
      var links = document.querySelectorAll("a.md-select__link[hreflang]:not([aria-current])");
      links.forEach(function (source, n) {
        var link = document.createElement("a");
        link.href = source.getAttribute("href");
        link.hreflang = source.getAttribute("hreflang");
        link.lang = source.getAttribute("hreflang");
        link.textContent = source.textContent.trim();
        if (n) box.appendChild(document.createTextNode(", "));
        box.appendChild(link);
      });
    }

    function show(text) {
      var query = parse(text, lang);
      list.textContent = "";
      empty.hidden = true;
      if (!query.length) { status.textContent = ""; return; }
      var hits = [];
      index.forEach(function (entry) {
        var points = score(entry, query);
        if (points) hits.push([points, entry]);
      });
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].order - b[1].order; });
      var shown = text.trim();
      if (!hits.length) {
        status.textContent = said("data-tl-none", { query: shown });
        elsewhere();
        empty.hidden = false;
        return;
      }
      status.textContent = said("data-tl-count", { count: hits.length, query: shown });
      hits.slice(0, 200).forEach(function (hit) { list.appendChild(item(hit[1])); });
    }

    function run() {
      var query = input.value;
      history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      keepQuery(query);
      if (index) { show(query); return; }
      fetch(form.getAttribute("data-tl-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) { index = prepare(data, lang); show(input.value); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", run);
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(); }
  }

  function start() {
    document.querySelectorAll("input[data-tl-filter]").forEach(setupFilter);
    document.querySelectorAll("table[data-tl-sortable]").forEach(setupSort);
    document.querySelectorAll("form[data-tl-index]").forEach(setupSearch);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
