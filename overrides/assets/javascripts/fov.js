/*
 * The site's one script of its own, loaded with `defer` on every page (and on
 * 404.html). Besides the palette's few lines, which must run before the page
 * is painted (partials/javascripts/palette.html), the pages carry no inline
 * script; so this file:
 *
 * 1. defines what Material's inline scripts defined (__md_scope, __md_get,
 *    __md_set, __md_hash);
 * 2. loads Material's 114 KB bundle (header, search, table of contents) on the
 *    visitor's first interaction instead of at page load: the page reads and
 *    navigates without it; and searches what an input method typed;
 * 3. suggests, in one line and in that language, the version of the page in
 *    the visitor's preferred language, and remembers their choice — never
 *    redirecting, so shared links and crawlers keep working;
 * 4. on the 404 page, speaks the language of the requested address.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "fov.language";
  var script = document.currentScript;
  var siteRoot = new URL("../../", script.src); // this file is assets/javascripts/fov.js

  /* 1. Material's globals (were partials/javascripts/base.html) ----------- */

  window.__md_scope = siteRoot;
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, c) {
      return (hash << 5) - hash + c.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) { /* storage full or disabled */ }
  };

  // An anchor that names a content tab selects it (was partials/javascripts/content.html).
  function selectLinkedTab() {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  }

  /* 2. Material's bundle, on first interaction --------------------------- */

  var INTERACTIONS = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];

  function loadMaterialOnInteraction() {
    var config = document.getElementById("__config");
    if (!config) return;
    var bundle = JSON.parse(config.textContent).bundle;
    var requested = false;
    function load() {
      if (requested) return;
      requested = true;
      INTERACTIONS.forEach(function (type) {
        removeEventListener(type, load, true);
      });
      var element = document.createElement("script");
      element.src = bundle;
      element.addEventListener("load", mountMaterial);
      document.body.appendChild(element);
    }
    INTERACTIONS.forEach(function (type) {
      addEventListener(type, load, { capture: true, passive: true });
    });
    // Arriving from a search result (?h=) or a shared search (?q=): now.
    var params = new URLSearchParams(location.search);
    if (params.has("q") || params.has("h")) load();
  }

  // Material mounts everything on DOMContentLoaded, which has passed by now:
  // replay it. Meanwhile hide the hreflang links from it: for each
  // <link rel="alternate"> Material fetches <href>/sitemap.xml (its switcher
  // for one site per language), a request per language to nowhere.
  function mountMaterial() {
    var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
    Array.prototype.forEach.call(alternates, function (link) {
      link.rel = "fov-alternate";
    });
    try {
      document.dispatchEvent(new Event("DOMContentLoaded"));
    } finally {
      Array.prototype.forEach.call(alternates, function (link) {
        link.rel = "alternate";
      });
    }
  }

  // Material searches on "keyup". Text that arrives without one (a Chinese
  // IME's committed words, a paste from the menu) is searched too.
  function searchOnEveryInput() {
    document.addEventListener("input", function (event) {
      var field = event.target;
      if (field.matches && field.matches(".md-search__input") && !event.isComposing) {
        field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      }
    });
  }

  /* 3. Language suggestion and memory ------------------------------------ */

  function remembered() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null;
    }
  }

  function remember(lang) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch (error) { /* storage disabled: nothing to remember with */ }
  }

  // Chinese is matched by script: zh-TW, zh-HK, zh-MO read Traditional
  // (zh-Hant); zh, zh-CN, zh-SG Simplified (zh-Hans).
  function siteLanguageFor(preference, available) {
    var tag = preference.toLowerCase();
    var parts = tag.split("-");
    var candidates = [tag];
    if (parts[0] === "zh") {
      var traditional = parts.some(function (part, i) {
        return part === "hant" || (i > 0 && ["tw", "hk", "mo"].indexOf(part) >= 0);
      });
      candidates.push(traditional ? "zh-hant" : "zh-hans");
    }
    candidates.push(parts[0]);
    for (var c = 0; c < candidates.length; c++) {
      for (var a = 0; a < available.length; a++) {
        if (available[a].toLowerCase() === candidates[c]) return available[a];
      }
    }
    return null;
  }

  function preferredLanguage(available) {
    var stored = remembered();
    if (stored && available.indexOf(stored) >= 0) return stored;
    var preferences = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferences.length; i++) {
      var match = siteLanguageFor(preferences[i], available);
      if (match) return match;
    }
    return null;
  }

  function suggestLanguage() {
    var data = document.getElementById("__fov_languages");
    if (!data) return;
    var info = JSON.parse(data.textContent);
    var wanted = preferredLanguage(Object.keys(info.strings));
    var href = wanted && info.versions[wanted];
    var strings = wanted && info.strings[wanted];
    if (!href || wanted === info.page || !strings || !strings.suggest) return;

    var bar = document.createElement("aside");
    bar.className = "fov-suggest";
    bar.lang = wanted;
    bar.dir = "auto";  // an Arabic suggestion reads right to left, on any page
    bar.setAttribute("aria-label", strings.suggest);
    var text = document.createElement("p");
    text.className = "fov-suggest__text";
    text.textContent = strings.suggest + " ";
    var link = document.createElement("a");
    link.className = "fov-suggest__go";
    link.href = href;
    link.hreflang = wanted;
    link.textContent = strings.suggest_go;
    text.appendChild(link);
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "fov-suggest__dismiss";
    dismiss.textContent = strings.suggest_dismiss;
    dismiss.addEventListener("click", function () {
      remember(info.page);
      bar.remove();
    });
    bar.appendChild(text);
    bar.appendChild(dismiss);
    var header = document.querySelector(".md-header");
    document.body.insertBefore(bar, header || document.body.firstChild);
  }

  // A language picked anywhere (header menu, suggestion, 404 page) is remembered.
  function rememberLanguageChoices() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[hreflang]");
      if (link && link.getAttribute("hreflang")) remember(link.getAttribute("hreflang"));
    });
  }

  /* 4. The 404 page speaks the requested path's language ----------------- */

  function localiseNotFoundPage() {
    var base = document.body.getAttribute("data-fov-404-base");
    if (base === null) return;
    var path = location.pathname;
    var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
    var segment = decodeURIComponent(rest.split("/")[0]).toLowerCase();
    var blocks = document.querySelectorAll("[data-fov-404-lang]");
    var code = null;
    Array.prototype.forEach.call(blocks, function (block) {
      if (block.getAttribute("data-fov-404-lang").toLowerCase() === segment) code = block.getAttribute("data-fov-404-lang");
    });
    if (!code) return;
    Array.prototype.forEach.call(blocks, function (block) {
      var shown = block.getAttribute("data-fov-404-lang") === code;
      block.hidden = !shown;
      if (shown && block.hasAttribute("data-fov-404-title")) document.title = block.getAttribute("data-fov-404-title");
      // The page takes the language's direction (Arabic: right to left).
      if (shown && block.tagName === "SECTION") document.body.dir = block.getAttribute("dir") || "ltr";
    });
    document.documentElement.lang = code;
  }

  selectLinkedTab();
  loadMaterialOnInteraction();
  searchOnEveryInput();
  rememberLanguageChoices();
  suggestLanguage();
  localiseNotFoundPage();
})();
