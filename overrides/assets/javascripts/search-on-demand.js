/*
 * Search index on demand: download search/search_index.json when a reader opens search, not
 * with every page.
 *
 * Material requests the index (XMLHttpRequest, in its bundle) as soon as a page loads, so every
 * first visit pays for the whole site's text (about two thirds of a page's bytes here, and it
 * grows with every page added) whether or not the reader searches. This file holds that one
 * request back until it is needed:
 *   - the search field gets focus (a click, a tap on the phone's search icon, or the "/", "s"
 *     and "f" shortcuts, which all focus it);
 *   - the address carries a query to run or highlight (?q= from search.share, ?h= from
 *     search.highlight), which needs the index straight away.
 * Material shows "Initializing search" for the moment the download takes. Loaded before the
 * bundle; without this file the site behaves as stock Material does.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = []; // sends waiting for a reason to download
  var wanted = /[?&][qh]=/.test(location.search);

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (release) { release(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.searchIndex && !wanted) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) want();
  });
  // The toggle behind the phone's search icon.
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") want();
  });
})();
