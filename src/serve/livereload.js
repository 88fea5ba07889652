// Injected by `summering serve` only (never part of a built site): reloads the
// page when the site is rebuilt, and shows the error when a rebuild fails.
(function () {
  "use strict";
  // The generation of the build this page came from, written into the script tag.
  var me = document.currentScript;
  var loaded = me && me.dataset.generation ? Number(me.dataset.generation) : null;
  var seen = null;
  var box = null;

  function show(error) {
    if (!error) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "summering-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#7a0c0c;color:#fff;font:14px/1.45 ui-monospace,monospace;" +
        "border-top:4px solid #ffb3b3;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = error;
  }

  function poll() {
    var url = "/__summering/state" + (seen === null ? "" : "?since=" + seen);
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        var before = seen === null ? loaded : seen;
        if (before !== null && state.generation !== before && !state.error) {
          location.reload();
          return;
        }
        seen = state.generation;
        show(state.error);
        poll();
      })
      .catch(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
