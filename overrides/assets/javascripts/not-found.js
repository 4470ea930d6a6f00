/*
 * The 404 page, wherever it is served.
 *
 * A host serves 404.html at the missing page's own address, at any depth, so nothing on it can
 * be named relative to the page, and the site's root is not in the address: at
 * /a/fork/no/such/page/ the site may live at /, /a/ or /a/fork/. The page is therefore built
 * self-contained (src/sdw/mkdocs_hooks/not_found.py inlines its stylesheets, its icon and this
 * script; it loads no other script and requests nothing), and this script, inlined just after
 * the header, does the little that depends on the root, without a request: asking the host
 * whether a guess is the root would fail, visibly, for every wrong guess.
 *
 * The root, the longest of those the address is under:
 *   1. the roots this browser has seen pages of: on every page load Material records the
 *      palette under the root's path ("<root>.__palette" in localStorage);
 *   2. site_url's path;
 *   3. the address up to the first of the site's own top-level folders (workflow/, ...) or 404.html;
 * and when none applies, a guess: the first folder on GitHub Pages (*.github.io: a project
 * site, a fork's), the host's root anywhere else (a custom domain).
 * With it, this script points the page's links (MkDocs writes them from site_url's path) and the
 * search box (to the home page's ?q=, where search runs) at the root, and does what Material's
 * bundle does for the palette: the system's scheme or the reader's choice, kept as the rest of
 * the site keeps it, and the toggle. It also marks keyboard focus as the bundle's polyfill
 * does, for Material's focus styles.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var SITE = script.getAttribute("data-site-root");
  // The site's top-level folders (workflow, ...), from its pages' addresses, and the 404 page.
  var SECTIONS = ["404.html"];
  script.getAttribute("data-pages").split(/\s+/).forEach(function (page) {
    var folder = page.split("/")[0];
    if (page.indexOf("/") > 0 && SECTIONS.indexOf(folder) < 0) SECTIONS.push(folder);
  });
  var PALETTE = ".__palette";
  var path = location.pathname;

  function storage(read) {
    try {
      return read(window.localStorage);
    } catch (error) {
      return null; // storage blocked (a privacy setting): nothing seen, nothing kept
    }
  }

  function seenRoots() {
    return storage(function (store) {
      var roots = [];
      for (var i = 0; i < store.length; i++) {
        var key = store.key(i);
        if (key.charAt(0) === "/" && key.slice(-PALETTE.length) === PALETTE) roots.push(key.slice(0, -PALETTE.length));
      }
      return roots;
    }) || [];
  }

  // { path, known }: known when a page of the site has been seen there, or it is site_url's.
  function findRoot() {
    var known = "";
    seenRoots().concat([SITE]).forEach(function (root) {
      if (path.indexOf(root) === 0 && root.length > known.length) known = root;
    });
    var segments = path.split("/");
    var section = "";
    for (var i = 1; i < segments.length; i++) {
      if (SECTIONS.indexOf(segments[i]) >= 0) {
        section = segments.slice(0, i).join("/") + "/";
        break;
      }
    }
    if (section.length > known.length) return { path: section, known: false };
    if (known) return { path: known, known: true };
    // No evidence: a project site on GitHub Pages (a fork's) lives one folder down.
    if (/\.github\.io$/i.test(location.hostname) && segments.length > 2) return { path: "/" + segments[1] + "/", known: false };
    return { path: "/", known: false };
  }

  var root = findRoot();
  // Material's own helpers (__md_get, __md_set) read and write under this scope.
  window.__md_scope = new URL(root.path, location.href);

  // --- The palette, as Material's bundle sets it ----------------------------------------------
  var form = document.querySelector("form[data-md-component=palette]");
  var inputs = form ? form.querySelectorAll("input[name=__palette]") : [];
  var light = window.matchMedia("(prefers-color-scheme: light)");
  var current = 0;

  function apply(index, keep) {
    var input = inputs[index];
    var source = input;
    if (input.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      var scheme = light.matches ? "light" : "dark";
      source = form.querySelector("[data-md-color-media='(prefers-color-scheme: " + scheme + ")']") || input;
    }
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = source.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    input.checked = true;
    for (var i = 0; i < inputs.length; i++) inputs[i].nextElementSibling.hidden = i !== index;
    current = index;
    // Kept only under a root known to be the site's, where the site's pages will read it; a guess
    // kept would later read as a root seen.
    if (keep && root.known) {
      storage(function (store) { store.setItem(root.path + PALETTE, JSON.stringify({ index: index, color: color })); });
    }
  }

  if (inputs.length) {
    var saved = storage(function (store) { return JSON.parse(store.getItem(root.path + PALETTE)); });
    var start = saved && saved.index < inputs.length ? saved.index : 0;
    if (!saved) {
      for (var i = 0; i < inputs.length; i++) {
        if (window.matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) { start = i; break; }
      }
    }
    apply(start, false);
    form.addEventListener("change", function (event) {
      var index = Array.prototype.indexOf.call(inputs, event.target);
      if (index >= 0) apply(index, true);
    });
    light.addEventListener("change", function () {
      if (inputs[current].getAttribute("data-md-color-media") === "(prefers-color-scheme)") apply(current, false);
    });
  }

  // --- Keyboard focus: Material styles .focus-visible, which its bundle's polyfill sets ---------
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target.matches && target.matches(":focus-visible")) target.classList.add("focus-visible");
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.classList) event.target.classList.remove("focus-visible");
  });

  // --- Links and search, once the page is parsed ----------------------------------------------
  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (href.indexOf(SITE) === 0) links[i].setAttribute("href", root.path + href.slice(SITE.length));
    }
    // Search runs on the site's pages: the box opens the home page with the query (?q=).
    var search = document.querySelector("form[name=search]");
    if (search) {
      search.setAttribute("action", root.path);
      search.setAttribute("method", "get");
      var query = search.querySelector("input[name=query]");
      if (query) query.setAttribute("name", "q");
      // Sharing a search is the bundle's (it copies the address of the results).
      var share = search.querySelector("[data-md-component=search-share]");
      if (share) share.parentNode.removeChild(share);
      var meta = search.parentNode.querySelector(".md-search-result__meta");
      if (meta) meta.textContent = "Press Enter to search the guide";
    }
    // Material's bundle lifts this mark once the palette is set; with it, colours never animate.
    window.requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
  });
})();
