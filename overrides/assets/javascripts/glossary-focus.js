/*
 * Glossary terms from the keyboard, and by tap.
 *
 * sdw.glossary marks every glossary term on a page as <abbr title="definition">, and Material's
 * content.tooltips shows the definition when the pointer rests on it or the element has focus.
 * An <abbr> cannot take focus, so a keyboard user, and a phone (a tap focuses only what can take
 * focus), never saw one. This file makes each such term a tab stop, as Material does for code
 * blocks that scroll. Loaded after the bundle, whose document$ announces each page, instant
 * navigation included; Material moves the title into its tooltip as it mounts it, so the terms
 * are found by the class-free selector first, before that happens.
 */
(function () {
  "use strict";

  function focusable() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
      if (!term.hasAttribute("tabindex")) term.setAttribute("tabindex", "0");
    });
  }

  if (window.document$) window.document$.subscribe(focusable);
  else focusable();
})();
