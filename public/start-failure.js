// Until the app is there, a failure to start it (no WebAssembly, a file that did not
// arrive, an error while starting) replaces "is loading" with what happened and what to do.
// trunk writes this into index.html and editor.html (rel="inline"), after the loading message
// and before the app's loader runs; the page's policy allows it by its hash (xtask/src/csp.rs).
(function () {
  function fail(said) {
    var box = document.getElementById("loading");
    if (!box) return;
    box.className = "loading failed";
    box.setAttribute("role", "alert");
    box.textContent = "";
    [
      "qualplan could not start in this browser.",
      "Its files may not have arrived in full, or this browser cannot run WebAssembly. Reload the page to try again; if that does not help, use an up-to-date browser. Nothing you saved here is lost.",
      said ? "The browser said: " + said : ""
    ].forEach(function (words, i) {
      if (!words) return;
      var p = document.createElement("p");
      p.textContent = words;
      if (i === 0) p.className = "failed-title";
      box.appendChild(p);
    });
  }
  addEventListener("error", function (e) {
    var t = e.target;
    if (t === window) fail(e.message);
    else if (t && t.tagName === "SCRIPT") fail("a script of the page did not load");
  }, true);
  addEventListener("unhandledrejection", function (e) {
    fail(e.reason && e.reason.message ? e.reason.message : String(e.reason));
  });
})();
