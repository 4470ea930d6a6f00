/*
 * Mermaid for Material for MkDocs: offline, on demand, and readable in dark mode.
 *
 * Material draws every <pre class="mermaid"> itself with `window.mermaid`, and fetches Mermaid
 * from unpkg.com whenever that is undefined. It is undefined after instant navigation from a
 * page without diagrams, because mermaid2 adds the vendored script only to pages that have some.
 * This file keeps `window.mermaid` defined on every page:
 *   - the vendored library, as soon as a page has loaded it;
 *   - until then, a stand-in whose first render loads the vendored file.
 * It also adds the styles Material's theme lacks for Mermaid 11 (extra.diagram_css in
 * mkdocs.yml), and attaches diagrams drawn at build time when instant navigation brings
 * them in: a page fetched that way does not turn <template shadowrootmode> into a shadow root.
 */
(function () {
  "use strict";
  // The vendored library, found from this file's own address (assets/javascripts/).
  var source = new URL("../vendor/mermaid/mermaid.min.js", document.currentScript.src).href;
  var extraCss = document.currentScript.dataset.extraCss || ""; // extra.diagram_css in mkdocs.yml
  var library = null; // the real Mermaid, once a script has defined it
  var settings = {}; // what Material passed to initialize() before the library arrived
  var loading = null;

  function themed(config) {
    var copy = Object.assign({}, config);
    copy.themeCSS = (copy.themeCSS || "") + extraCss;
    return copy;
  }

  function adopt(real) {
    var initialize = real.initialize.bind(real);
    real.initialize = function (config) {
      settings = config || {};
      initialize(themed(settings));
    };
    library = real;
  }

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = source;
        tag.onload = function () { resolve(library); };
        tag.onerror = function () { reject(new Error("could not load " + source)); };
        document.head.appendChild(tag);
      }).then(function (real) {
        real.initialize(settings);
        return real;
      });
    }
    return loading;
  }

  var standIn = {
    initialize: function (config) { settings = config || {}; },
    render: function (id, text, container) {
      return load().then(function (real) { return real.render(id, text, container); });
    },
  };

  // The vendored script ends with `globalThis["mermaid"] = ...`, which lands in the setter.
  Object.defineProperty(window, "mermaid", {
    configurable: true,
    get: function () { return library || standIn; },
    set: adopt,
  });

  // Diagrams drawn at build time arrive as <template shadowrootmode="open">. The browser turns
  // those into shadow roots as it parses a page, but not in a page that instant navigation
  // fetched and inserted: do it here.
  function attachDrawnDiagrams() {
    var templates = document.querySelectorAll("div.mermaid > template[shadowrootmode]");
    for (var i = 0; i < templates.length; i++) {
      var template = templates[i];
      var host = template.parentElement;
      if (!host.shadowRoot) {
        host.attachShadow({ mode: template.getAttribute("shadowrootmode") }).appendChild(template.content);
      }
      template.remove();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(attachDrawnDiagrams);
    else attachDrawnDiagrams();
  });
})();
