/*
 * Wide tables on a phone: let the keyboard reach the columns that scroll out of sight.
 *
 * Material wraps every table in div.md-typeset__scrollwrap, which scrolls sideways when the
 * table is wider than the screen. It makes a scrolling code block focusable (tabindex="0"),
 * but not a scrolling table, so a keyboard user cannot scroll one (axe rule
 * scrollable-region-focusable, WCAG 2.1.1). This file applies Material's own code-block rule
 * to tables: focusable, as a named region, while the wrapper scrolls; left alone while the
 * table fits, so that tables on a wide screen add no tab stops. Loaded after the bundle,
 * whose document$ announces each page, instant navigation included.
 */
(function () {
  "use strict";
  var LABEL = "Table, scrolls sideways";

  function update(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", LABEL);
    } else if (wrap.getAttribute("aria-label") === LABEL) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target); });
  });

  function watch() {
    observer.disconnect(); // the previous page's tables are gone
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      observer.observe(wrap); // reports each wrapper's size once at once, then on every change
    });
  }

  // Material wraps the tables in its own handler of the same event: look once it has.
  if (window.document$) window.document$.subscribe(function () { setTimeout(watch, 0); });
})();
