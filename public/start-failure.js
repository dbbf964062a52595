// A failure of the app, told in view. Until the app is there, a failure to start it (no
// WebAssembly, a file that did not arrive, an error while starting) replaces "is loading" with
// what happened and what to do. Once it is there (the app removed "is loading"), a failure
// inside it (a panic, which aborts the wasm) puts a message at the top of the window with a way
// to reload, and makes the page under it inert, since what it shows may no longer answer.
// trunk writes this into index.html and editor.html (rel="inline"), after the loading message
// and before the app's loader runs; the page's policy allows it by its hash (xtask/src/csp.rs).
(function () {
  // `from`: the file an error was thrown in, where the browser says.
  function fail(said, from) {
    var panic = self.qualplanPanic;
    var box = document.getElementById("loading");
    var started = !box;
    if (started) {
      // Once started, only the app's own failures: a panic, or an error thrown in one of the
      // page's files (not a browser extension's script).
      var own = panic || (from && from.indexOf(location.origin + "/") === 0);
      if (!own || document.getElementById("stopped") || !document.body) return;
      box = document.createElement("div");
      box.id = "stopped";
      document.body.prepend(box);
      // What the app drew may no longer answer: out of reach of the keyboard, a screen reader
      // and the pointer, and greyed, so only the message and its Reload button are live.
      for (var el = box.nextElementSibling; el; el = el.nextElementSibling) el.inert = true;
    }
    // A panic's own words and place (src/ui/panic_message.rs), not the abort's "unreachable".
    said = panic ? "Details: " + panic : said && "The browser said: " + said;
    box.className = "loading failed" + (started ? " stopped" : "");
    box.setAttribute("role", "alert");
    box.textContent = "";
    (started
      ? [
          "qualplan stopped working.",
          "Something went wrong inside it, and its buttons may no longer do what they say. Reload the page to go on: what was saved in this browser before it stopped is kept."
        ]
      : [
          "qualplan could not start in this browser.",
          "Its files may not have arrived in full, or this browser cannot run WebAssembly. Reload the page to try again; if that does not help, use an up-to-date browser. Nothing you saved here is lost."
        ]
    ).concat(said ? [said] : []).forEach(function (words, i) {
      var p = document.createElement("p");
      p.textContent = words;
      if (i === 0) p.className = "failed-title";
      box.appendChild(p);
    });
    if (started) {
      var reload = document.createElement("button");
      reload.type = "button";
      reload.className = "primary";
      reload.textContent = "Reload the page";
      reload.onclick = function () { location.reload(); };
      box.appendChild(reload);
      reload.focus();
    }
  }
  addEventListener("error", function (e) {
    var t = e.target;
    if (t === window) fail(e.message, e.filename);
    else if (t && t.tagName === "SCRIPT") fail("a script of the page did not load");
  }, true);
  addEventListener("unhandledrejection", function (e) {
    fail(e.reason && e.reason.message ? e.reason.message : String(e.reason));
  });
})();
