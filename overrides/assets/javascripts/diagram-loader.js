/*
 * Mermaid for Material for MkDocs: offline, on demand, and readable in dark mode.
 *
 * Material draws every <pre class="mermaid"> itself with `window.mermaid`, and fetches Mermaid
 * from unpkg.com whenever that is undefined. It is undefined after instant navigation from a
 * page without diagrams, because mermaid2 adds the vendored script only to pages that have some.
 * This file keeps `window.mermaid` defined on every page:
 *   - the vendored library, as soon as a page has loaded it;
 *   - until then, a stand-in whose first render loads the vendored file.
 * It also adds the styles Material's theme lacks for Mermaid 11: the title of an `else` branch
 * and the arrowheads of a sequence diagram otherwise stay black or dark grey, unreadable on
 * the dark palette.
 */
(function () {
  "use strict";
  var source = new URL(document.currentScript.dataset.mermaidSrc, document.baseURI).href;
  var extraCss =
    ".sectionTitle,.sectionTitle>tspan{fill:var(--md-mermaid-sequence-loop-fg-color)!important}" +
    // Sequence arrowheads are drawn in a fixed dark grey, invisible on the dark palette.
    "[id$='-arrowhead'] path,[id$='-crosshead'] path{fill:var(--md-mermaid-sequence-message-line-color)!important;" +
    "stroke:var(--md-mermaid-sequence-message-line-color)!important}" +
    "marker path{stroke:var(--md-mermaid-edge-color)!important}";
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
})();
